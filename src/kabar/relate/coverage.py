"""Coverage: honest counts per event. In: the event's articles and the derivations among them.
Out: a ``Coverage`` — articles, distinct outlets, independent reports (articles joined by
derivations count once: a copy, an excerpt, a rewrite or a translation is not another
report), and the first publisher (the outlet of the earliest dated article)."""

from __future__ import annotations

from kabar.lang.dates import iso_timestamp, parse_iso
from kabar.model import Article, Coverage, Derivation


def _sort_key(article: Article) -> tuple[float, str]:
    stamp = iso_timestamp(article.published, bare_date_hour=0)
    return (float("inf") if stamp is None else stamp), article.id


def independent_groups(ids: list[str], derivations: list[Derivation]) -> list[list[str]]:
    """The event's articles grouped by derivation (each group is one independent report)."""
    parent = {i: i for i in ids}

    def find(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for d in derivations:
        if d.source in parent and d.derived in parent:
            a, b = find(d.source), find(d.derived)
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[str, list[str]] = {}
    for i in sorted(ids):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def coverage(articles: list[Article], derivations: list[Derivation]) -> Coverage:
    """The coverage of one event."""
    outlets = {a.outlet.lower() for a in articles if a.outlet}
    dated = sorted((a for a in articles if a.published and parse_iso(a.published)), key=_sort_key)
    first = dated[0] if dated else None
    return Coverage(
        articles=len(articles),
        outlets=len(outlets),
        independent_reports=len(independent_groups([a.id for a in articles], derivations)),
        first_publisher=(first.outlet or first.id) if first else None,
    )
