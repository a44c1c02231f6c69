"""The whole run, as library calls the CLI wraps: read → clean → annotate → relate → digest.

Every step is a function a Python user can call on its own; this module only strings them
together and reports progress.
"""

from __future__ import annotations

import collections
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from kabar.clean import CleanResources, clean_documents
from kabar.digest import build_event
from kabar.lang.annotate import annotate
from kabar.model import Article, ArticleRef, Digest, Document, Skipped
from kabar.read import ReadOptions, read_paths
from kabar.relate.derivations import derivations as find_derivations
from kabar.relate.duplicates import find_duplicates
from kabar.relate.events import cluster_articles
from kabar.relate.flags import article_flags

Progress = Callable[[str, int, int | None], None]


@dataclass(slots=True)
class CleanRun:
    """Articles cleaned from some inputs, and what was skipped."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def clean_paths(
    paths: Iterable[str],
    options: ReadOptions | None = None,
    strict: bool = False,
    progress: Progress | None = None,
    learn: bool = True,
) -> CleanRun:
    """Read and clean everything under ``paths``; with ``strict`` stop at the first problem."""
    run = CleanRun()
    docs: list[Document | Skipped] = []
    for item in read_paths(paths, options):
        if isinstance(item, Skipped) and strict:
            run.skipped.append(item)
            return run
        docs.append(item)
    total = len(docs)
    for n, item in enumerate(clean_documents(docs, CleanResources.default(), learn=learn), 1):
        if isinstance(item, Skipped):
            run.skipped.append(item)
            if strict:
                break  # the articles cleaned so far are still annotated
        else:
            run.articles.append(item)
        if progress:
            progress("clean", n, total)
    reference = batch_reference(run.articles)
    for n, article in enumerate(run.articles, 1):
        annotate(article, reference)
        if progress:
            progress("annotate", n, len(run.articles))
    return run


def batch_reference(articles: list[Article]) -> date | None:
    """The batch's most common publication day (the latest on a tie): what relative dates in
    articles that state no publication time are resolved against; None when no article has one."""
    days: collections.Counter[date] = collections.Counter()
    for a in articles:
        try:
            if a.published_date:
                days[date.fromisoformat(a.published_date)] += 1
        except ValueError:  # an input's own date that is not a calendar date
            continue
    if not days:
        return None
    return max(days.items(), key=lambda kv: (kv[1], kv[0]))[0]


def event_id(article_ids: list[str]) -> str:
    """Stable event id from its members (order-free)."""
    return "ev-" + hashlib.sha1("\n".join(sorted(article_ids)).encode()).hexdigest()[:12]


def digest_articles(
    articles: list[Article], summary_sentences: int = 5, progress: Progress | None = None
) -> Digest:
    """Group articles into events and write one digest per event (largest events first);
    ``progress`` hears ("relate", 0, None) before grouping and ("digest", n, events) after each
    event's digest."""
    digest = Digest(generated=datetime.now(UTC).replace(microsecond=0).isoformat())
    digest.articles = [
        ArticleRef(a.id, a.source, a.title, a.outlet, a.published, a.url, a.language, article_flags(a))
        for a in articles
    ]
    if progress:
        progress("relate", 0, None)
    clusters = cluster_articles(articles)
    events = [[articles[i].id for i in c.members] for c in clusters]
    derived = find_derivations(articles, find_duplicates(articles), [e for e in events if len(e) > 1])
    for n, cluster in enumerate(clusters, 1):
        members = [articles[i] for i in cluster.members]
        digest.events.append(
            build_event(
                event_id([a.id for a in members]),
                members,
                k=summary_sentences,
                explanation=cluster.explanation,
                derivations=derived,
            )
        )
        if progress:
            progress("digest", n, len(clusters))
    return digest
