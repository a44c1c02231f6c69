"""The event's headline: the most representative title among its independent reports.

In: the event's articles, the article indices that stand for independent reports, and the
event's word weights. Out: one title, cleaned of a site or section suffix ("… | Berita
Politik", "… - detikNews": the cleaner's ``split_title_suffix``, applied again because titles
that came from a feed or JSONL field never went through it), or None when no article has one.

Representative: the title whose content lemmas, weighted by the event's inverse sentence
frequency, are most shared by the other articles' titles and first sentences (a title only one
article's words support is that outlet's angle, not the event). Ties go to the earlier report.
"""

from __future__ import annotations

import math
from collections import Counter

from kabar.clean.lexicon import load_lexicon
from kabar.clean.metadata import split_title_suffix
from kabar.digest.facts import content_words, text_language
from kabar.model import Article


def clean_title(title: str) -> str:
    """``title`` without a trailing site or section suffix."""
    return split_title_suffix(title, load_lexicon()).title


def choose_headline(articles: list[Article], independent: list[int], weights: dict[str, float]) -> str | None:
    """The headline of an event (see the module docstring); ``independent`` lists the article
    indices to choose from, in preference order."""
    titled = [a for a in independent if articles[a].title] or [a for a, x in enumerate(articles) if x.title]
    if not titled:
        return None

    views = []
    for a, article in enumerate(articles):
        lead = article.sentences[0].text if article.sentences else ""
        views.append(content_words(f"{article.title or ''} {lead}", text_language(articles[a])))
    # how many views hold each word, counted once: each title is then scored in its own length
    holding = Counter(w for view in views for w in view)
    others = len(views) - 1
    best, best_score = None, -1.0
    for a in titled:
        words = content_words(clean_title(articles[a].title or ""), text_language(articles[a]))
        mass = math.fsum(weights.get(w, 1.0) for w in words)
        if not mass:
            continue
        # the weight of the title's words, times the share of the other views holding each
        shared = math.fsum(weights.get(w, 1.0) * (holding[w] - (w in views[a])) for w in words)
        score = shared / mass / others if others else 1.0
        if score > best_score + 1e-9:
            best, best_score = a, score
    chosen = best if best is not None else titled[0]
    return clean_title(articles[chosen].title or "")
