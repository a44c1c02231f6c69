"""Digests: one event's articles → headline, cited summary, coverage (first version).

``build_event`` is a pure function of the event's articles. This first version selects
summary sentences by TF-IDF centrality with MMR redundancy removal and cites every article
holding a similar sentence (cosine ≥ ``CITE_THRESHOLD``), with that cosine as the support
score. Merged quotes, the timeline and claims arrive with the digest issue; until then those
lists stay empty rather than guessed.
"""

from __future__ import annotations

from kabar.digest.select import candidates, select_sentences
from kabar.model import Article, Derivation, Event, SummarySentence
from kabar.relate.coverage import coverage as event_coverage

SUMMARY_SENTENCES = 5
CITE_THRESHOLD = 0.35


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
    pool = candidates(articles)
    if pool is None:
        event.title = next((a.title for a in articles if a.title), None)
        return event
    picks = select_sentences(articles, k, pool=pool)
    sims = (pool.matrix @ pool.matrix.T).toarray()
    row = {key: i for i, key in enumerate(pool.keys)}
    for pick in picks:
        i = row[(pick.article, pick.sentence)]
        sentence = articles[pick.article].sentences[pick.sentence]
        support = {articles[pick.article].id: 1.0}
        for a, article in enumerate(articles):
            if a == pick.article:
                continue
            rows = [j for j, key in enumerate(pool.keys) if key[0] == a]
            if rows:
                best_sim = float(max(sims[i, j] for j in rows))
                if best_sim >= CITE_THRESHOLD:
                    support[article.id] = round(best_sim, 3)
        event.summary.append(
            SummarySentence(
                text=sentence.text,
                article=articles[pick.article].id,
                start=sentence.start,
                end=sentence.end,
                citations=list(support),
                support=support,
            )
        )
    # headline: the title of the article holding the best pick
    lead = max(picks, key=lambda p: (p.score, -p.article)).article if picks else 0
    event.title = articles[lead].title or next((a.title for a in articles if a.title), None)
    return event
