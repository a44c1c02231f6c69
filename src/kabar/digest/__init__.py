"""Digests: one event's articles → headline, cited summary, coverage (first version).

``build_event`` is a pure function of the event's articles. This first version selects
summary sentences by TF-IDF centrality with MMR redundancy removal and cites every article
holding a similar sentence (cosine ≥ ``CITE_THRESHOLD``), with that cosine as the support
score. Merged quotes, the timeline and claims arrive with the digest issue; until then those
lists stay empty rather than guessed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from kabar.lang.stopwords import stopwords
from kabar.model import Article, Derivation, Event, SummarySentence
from kabar.relate.coverage import coverage as event_coverage

SUMMARY_SENTENCES = 5
CITE_THRESHOLD = 0.35
MMR_LAMBDA = 0.7


@dataclass(frozen=True, slots=True)
class _Candidate:
    article: int
    sentence: int
    text: str
    start: int
    end: int
    position: int  # index of the sentence in its article


def _candidates(articles: list[Article]) -> list[_Candidate]:
    out = []
    for a, article in enumerate(articles):
        for s, sentence in enumerate(article.sentences):
            words = len(sentence.text.split())
            if 8 <= words <= 60 and not sentence.text.rstrip().endswith("?"):
                out.append(_Candidate(a, s, sentence.text, sentence.start, sentence.end, s))
    return out


def _published_key(article: Article) -> str:
    return article.published or "9999"


def build_event(
    event_id: str,
    articles: list[Article],
    k: int = SUMMARY_SENTENCES,
    explanation: list[str] | None = None,
    derivations: list[Derivation] | None = None,
) -> Event:
    """The digest of one event (``articles`` in any order; output order is stable), with the
    derivations among its articles (from ``kabar.relate``) and the coverage they imply."""
    articles = sorted(articles, key=lambda a: (_published_key(a), a.id))
    ids = [a.id for a in articles]
    dated = [a for a in articles if a.published]
    inside = set(ids)
    derivations = [d for d in derivations or [] if d.source in inside and d.derived in inside]
    coverage = event_coverage(articles, derivations)
    event = Event(
        id=event_id,
        title=None,
        date=dated[0].published_date if dated else None,
        articles=ids,
        coverage=coverage,
        derivations=derivations,
        explanation=list(explanation or []),
        language=articles[0].language if articles else None,
    )
    candidates = _candidates(articles)
    if not candidates:
        event.title = articles[0].title if articles else None
        return event
    stop = sorted(stopwords("id") | stopwords("en"))
    vectorizer = TfidfVectorizer(
        lowercase=True, stop_words=stop, sublinear_tf=True, token_pattern=r"(?u)\b[^\W\d_][\w-]+\b"
    )
    try:
        matrix = vectorizer.fit_transform([c.text for c in candidates])
    except ValueError:  # only stop words
        event.title = articles[0].title
        return event
    centroid = np.asarray(matrix.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid) or 1.0
    centrality = (matrix @ centroid) / norm
    # earlier sentences of an article carry the news (lead bias), independent of outlet
    position = np.array([1.0 / (1.0 + 0.15 * c.position) for c in candidates])
    relevance = np.asarray(centrality).ravel() * position
    sims = (matrix @ matrix.T).toarray()
    chosen: list[int] = []
    for _ in range(min(k, len(candidates))):
        best, best_score = None, -1.0
        for i in range(len(candidates)):
            if i in chosen:
                continue
            redundancy = max((sims[i, j] for j in chosen), default=0.0)
            score = MMR_LAMBDA * relevance[i] - (1 - MMR_LAMBDA) * redundancy
            if score > best_score:
                best, best_score = i, score
        if best is None:
            break
        chosen.append(best)
    chosen.sort(key=lambda i: (candidates[i].article, candidates[i].position))
    for i in chosen:
        c = candidates[i]
        support = {articles[c.article].id: 1.0}
        for a, article in enumerate(articles):
            if a == c.article:
                continue
            rows = [j for j, d in enumerate(candidates) if d.article == a]
            if rows:
                best_sim = float(max(sims[i, j] for j in rows))
                if best_sim >= CITE_THRESHOLD:
                    support[article.id] = round(best_sim, 3)
        event.summary.append(
            SummarySentence(
                text=c.text,
                article=articles[c.article].id,
                start=c.start,
                end=c.end,
                citations=list(support),
                support=support,
            )
        )
    # headline: the title of the article whose sentences are most central
    per_article = {}
    for i, c in enumerate(candidates):
        per_article[c.article] = max(per_article.get(c.article, 0.0), float(relevance[i]))
    lead = max(per_article, key=lambda a: (per_article[a], -a))
    event.title = articles[lead].title or next((a.title for a in articles if a.title), None)
    return event
