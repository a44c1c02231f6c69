"""Quotes merged across outlets: the same words (or translations of them) by the same speaker.

In: the event's articles (their ``quotes`` with speakers). Out:
``MergedQuote`` records, each with its speaker and every article's wording (``occurrences``),
the ones carried by most articles first.

Two quotes are one when their speakers agree (``facts.same_entity`` on the names, after
``facts.person_aliases`` maps nicknames an article spells out to the full name; a quote
whose speaker the text does not name joins only on near-identical words) and their words
overlap: the share of the shorter quote's content lemmas found in the longer one is at least
``MIN_OVERLAP``. That share is what survives independent translations of one English sentence
("Kami sangat prihatin dengan potensi dukungan Rusia …" / "… dukungan potensial yang
diberikan Rusia …": 0.7) and trimming ("mesin untuk mempercepat pembangunan dunia multi-kutub
baru" inside a longer KCNA quote: 0.83), while two different remarks of one speaker on one
topic stay apart (typically 0.2–0.4). Below ``UNNAMED_OVERLAP`` the two must also share
``MIN_SHARED_PAIRS`` pairs of consecutive content words ("mempercepat pembangunan", "korea
utara … mendukung program"): a minister's remarks at one press conference share topic words
("rekening", "bansos", "penyaluran"), but not their order. A quote joins the group it matches
most strongly (overlap times shared words), and each article contributes at most one occurrence
to a merged quote (the first of its quotes to match); the displayed text is the direct
occurrence whose words overlap the others' most. A long quote that holds another outlet's
shorter one (two remarks quoted as one passage) also joins the shorter one's merged quote.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from kabar.digest.facts import content_sequence, entity_key, person_aliases, same_entity, text_language
from kabar.model import Article, MergedQuote, QuoteOccurrence

MIN_OVERLAP = 0.5
MIN_SHARED_PAIRS = 2
UNNAMED_OVERLAP = 0.8
MIN_WORDS = 2
COVER_LENGTH = 1.5  # a quote this many times longer than another that holds its words covers it


@dataclass(slots=True)
class _Item:
    article: int
    quote: int
    speaker: str | None
    words: frozenset[str]
    pairs: frozenset[tuple[str, str]]  # consecutive content lemmas: the quote's word order
    direct: bool
    text: str


def _overlap(x: frozenset[str], y: frozenset[str]) -> float:
    if not x or not y:
        return 0.0
    return len(x & y) / min(len(x), len(y))


def _speakers_agree(x: str | None, y: str | None) -> bool:
    return x is not None and y is not None and same_entity(x, y)


def _add_covering(groups: list[list[_Item]], items: list[_Item]) -> None:
    """An outlet that quotes two remarks as one passage carries both: a quote of an article
    the group lacks, by the same speaker, at least ``COVER_LENGTH`` times as long as one of the
    group's quotes and holding ``UNNAMED_OVERLAP`` of its words in order, joins that group too
    (it stays in its own)."""
    by_word: dict[str, list[int]] = {}
    for n, item in enumerate(items):
        for w in item.words:
            by_word.setdefault(w, []).append(n)
    covering: list[tuple[int, _Item]] = []
    for g, group in enumerate(groups):
        present = {x.article for x in group}
        seen: set[int] = set()
        for member in group:
            rarest = min(member.words, key=lambda w: (len(by_word[w]), w))
            for n in by_word[rarest]:
                item = items[n]
                if n in seen or item.article in present or len(item.words) < COVER_LENGTH * len(member.words):
                    continue
                seen.add(n)
                inside = len(member.words & item.words) / len(member.words)
                if (
                    inside >= UNNAMED_OVERLAP
                    and len(member.pairs & item.pairs) >= MIN_SHARED_PAIRS
                    and _speakers_agree(item.speaker, member.speaker)
                ):
                    covering.append((g, item))
                    present.add(item.article)
    for g, item in covering:
        groups[g].append(item)


def merge_quotes(articles: list[Article]) -> list[MergedQuote]:
    """The event's quotes merged across articles (see the module docstring)."""
    aliases = person_aliases(articles)
    display: dict[str, str] = {}
    for article in articles:
        for entity in article.entities:
            display.setdefault(entity_key(entity.name), entity.name)
    items = []
    for a, article in enumerate(articles):
        lang = text_language(article)
        for q, quote in enumerate(article.quotes):
            sequence = content_sequence(quote.text, lang)
            words = frozenset(sequence)
            if len(words) < MIN_WORDS:
                continue
            speaker = entity_key(quote.speaker) if quote.speaker else None
            speaker = aliases.get(speaker, speaker) if speaker else None
            pairs = frozenset(itertools.pairwise(sequence))
            items.append(_Item(a, q, speaker, words, pairs, quote.direct, quote.text))
    groups: list[list[_Item]] = []
    by_word: dict[str, set[int]] = {}  # content word → groups holding it: only those can match
    agree: dict[tuple[str | None, str | None], bool] = {}
    # direct quotes first, so a paraphrase joins the quote it reports, not the reverse
    for item in sorted(items, key=lambda i: (not i.direct, i.article, i.quote)):
        best, best_strength = None, 0.0
        for g in sorted(set().union(*(by_word.get(w, set()) for w in item.words))):
            group = groups[g]
            if any(x.article == item.article for x in group):
                continue
            for other in group:
                overlap = _overlap(item.words, other.words)
                pair = (item.speaker, other.speaker)
                if pair not in agree:
                    agree[pair] = _speakers_agree(*pair)
                unnamed = (item.speaker is None or other.speaker is None) and overlap >= UNNAMED_OVERLAP
                # the same words in the same order, not only the same topic's words
                ordered = overlap >= UNNAMED_OVERLAP or len(item.pairs & other.pairs) >= MIN_SHARED_PAIRS
                # how strongly: the overlap times the words shared, so a three-word fragment
                # that sits inside a quote does not outbid the full wording of it
                strength = overlap * len(item.words & other.words)
                named = agree[pair] and overlap >= MIN_OVERLAP and ordered
                if (named or unnamed) and strength > best_strength:
                    best, best_strength = g, strength
        if best is None:
            best = len(groups)
            groups.append([item])
        else:
            groups[best].append(item)
        for w in item.words:
            by_word.setdefault(w, set()).add(best)
    _add_covering(groups, items)
    out = []
    for group in groups:
        group.sort(key=lambda i: (i.article, i.quote))
        # the wording closest to all the others (ties: direct, longer, earlier article)
        shown = max(
            group,
            key=lambda i: (
                i.direct,
                sum(_overlap(i.words, o.words) for o in group if o is not i),
                len(i.text),
                -i.article,
            ),
        )
        keys = [i.speaker for i in group if i.speaker]
        key = max(keys, key=lambda k: (len(k.split()), len(k), k), default=None)
        speaker = display.get(key, key) if key else None
        out.append(
            MergedQuote(
                speaker=speaker,
                text=shown.text,
                occurrences=[
                    QuoteOccurrence(
                        article=articles[i.article].id,
                        text=i.text,
                        start=articles[i.article].quotes[i.quote].start,
                        end=articles[i.article].quotes[i.quote].end,
                    )
                    for i in group
                ],
            )
        )
    order = {id(q): n for n, q in enumerate(out)}
    out.sort(key=lambda q: (-len(q.occurrences), order[id(q)]))
    return out
