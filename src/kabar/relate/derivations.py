"""Derivations: who copied, excerpted, rewrote or translated whom.

In: annotated articles, their duplicate pairs (``relate/duplicates.py``) and their events.
Out: ``Derivation`` edges ``source → derived`` with a kind and the evidence behind it.

Kinds: ``copy``, ``near_copy`` and ``excerpt`` come from shared wording (a duplicate pair).
``rewrite`` and ``translation`` are looked for only between two articles of one event that
share little wording: they must share the same facts **in the same order** — direct quotes
(by their words), distinctive numbers, and named entities — which independent reports of one
happening rarely do (each reporter orders the story their own way). ``translation`` is the
same test across two languages; entities and numbers carry over a translation, and the alias
table gives English and Indonesian names one canonical form.

Direction, in this order: an explicit credit (the derived article cites the source's outlet:
"dikutip dari", "dilansir", "Sumber:", read by the cleaner into ``cited_sources``); then
publication time (the earlier is the source); then containment (the article holding more of
the other is the source). When none decides, the edge keeps id order and says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kabar.lang.dates import iso_timestamp
from kabar.model import Article, Derivation
from kabar.relate.duplicates import DuplicatePair
from kabar.relate.signature import distinctive_numbers

MIN_FACTS = 5  # facts (quotes, numbers, entity mentions) each article must have for a rewrite
REWRITE_ORDER = 0.6  # longest common fact sequence over the shorter article's facts
MIN_SHARED_FACTS = 5
QUOTE_MATCH = 0.6  # word overlap for two direct quotes to count as one quote
NAMES_ONLY_FACTS = 8  # with no shared quote or number, this many names in one order, and
NAMES_ONLY_ORDER = 0.8  # this share of the shorter article's facts
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def _outlet_key(name: str | None) -> str:
    key = _NON_ALNUM.sub("", (name or "").lower())
    for suffix in ("com", "coid", "co", "id", "net", "org"):
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            key = key[: -len(suffix)]
    return key


def _credits(derived: Article, source: Article) -> bool:
    """Does ``derived`` cite ``source``'s outlet as where it took the story from?"""
    outlet = _outlet_key(source.outlet)
    return bool(outlet) and any(_outlet_key(c) == outlet for c in derived.cited_sources)


def direction(
    a: Article, b: Article, a_in_b: float = 0.0, b_in_a: float = 0.0
) -> tuple[Article, Article, str]:
    """``(source, derived, reason)`` for two related articles (see the module docstring)."""
    if _credits(b, a) and not _credits(a, b):
        return a, b, f"{b.id} credits {a.outlet}"
    if _credits(a, b) and not _credits(b, a):
        return b, a, f"{a.id} credits {b.outlet}"
    # a bare date cannot order two articles of one day, nor a time whose zone is unknown
    ta = iso_timestamp(a.published, naive_zone=None)
    tb = iso_timestamp(b.published, naive_zone=None)
    if ta is not None and tb is not None and abs(ta - tb) >= 60:
        return (a, b, "published earlier") if ta < tb else (b, a, "published earlier")
    if abs(a_in_b - b_in_a) >= 0.1:
        # the article whose shingles are mostly found in the other is the excerpt
        return (b, a, "holds more of the other") if a_in_b > b_in_a else (a, b, "holds more of the other")
    return a, b, "direction unknown (same time, same size)"


def _facts(article: Article, numbers: frozenset[tuple[float, str]]) -> list[str]:
    """The article's facts in text order: quote keys, numbers and canonical entity names."""
    items: list[tuple[int, str]] = []
    for q in article.quotes:
        if q.direct and len(q.text.split()) >= 4:
            items.append((q.start, "q:" + q.text))
    for n in article.numbers:
        key = (round(n.value, 3), n.unit or n.kind)
        if key in numbers:
            items.append((n.start, f"n:{key[0]:g} {key[1]}"))
    for e in article.entities:
        for span in e.spans:
            items.append((span.start, "e:" + e.name))
    items.sort()
    out = []
    for _, fact in items:
        if not out or out[-1] != fact:  # one mention per run: "Putin ... Putin" counts once
            out.append(fact)
    return out


def _quote_words(fact: str) -> frozenset[str]:
    return frozenset(w.lower() for w in re.findall(r"\w+", fact[2:]) if len(w) > 2)


def _same(x: str, y: str) -> bool:
    if x[:2] != y[:2]:
        return False
    if x.startswith("q:"):
        wx, wy = _quote_words(x), _quote_words(y)
        return bool(wx and wy) and len(wx & wy) / min(len(wx), len(wy)) >= QUOTE_MATCH
    return x == y


def common_sequence(xs: list[str], ys: list[str]) -> list[tuple[int, int]]:
    """The longest common subsequence of two fact lists, as index pairs (dynamic programming;
    fact lists are short, a few dozen items)."""
    n, m = len(xs), len(ys)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            table[i][j] = (
                table[i + 1][j + 1] + 1 if _same(xs[i], ys[j]) else max(table[i + 1][j], table[i][j + 1])
            )
    out, i, j = [], 0, 0
    while i < n and j < m:
        if _same(xs[i], ys[j]) and table[i][j] == table[i + 1][j + 1] + 1:
            out.append((i, j))
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return out


def rewrite_evidence(
    a: Article, b: Article, facts: dict[str, list[str]] | None = None
) -> tuple[float, list[str]] | None:
    """``(score, evidence)`` when ``a`` and ``b`` tell the same facts in the same order; the
    score is the common fact sequence over the shorter article's facts (0..1)."""
    facts = facts if facts is not None else {}
    for x in (a, b):
        if x.id not in facts:
            facts[x.id] = _facts(x, distinctive_numbers(x))
    fa, fb = facts[a.id], facts[b.id]
    if len(fa) < MIN_FACTS or len(fb) < MIN_FACTS:
        return None
    common = common_sequence(fa, fb)
    distinct = {fa[i] for i, _ in common if not fa[i].startswith("e:")}
    score = len(common) / min(len(fa), len(fb))
    if len(common) < MIN_SHARED_FACTS or score < REWRITE_ORDER:
        return None
    if not distinct and (len(common) < NAMES_ONLY_FACTS or score < NAMES_ONLY_ORDER):
        return None  # names alone fall in story order in independent reports too: ask for more
    shown = [fa[i][2:62] for i, _ in common[:8]]
    return round(score, 3), [f"{len(common)} facts in the same order ({score:.0%}): " + "; ".join(shown)]


def derivations(
    articles: list[Article],
    pairs: Iterable[DuplicatePair],
    events: Iterable[list[str]] = (),
) -> list[Derivation]:
    """Derivation edges among ``articles``: one per duplicate pair, plus rewrites and
    translations found inside ``events`` (lists of article ids) between articles that are not
    already a duplicate pair."""
    by_id = {a.id: a for a in articles}
    out: list[Derivation] = []
    linked: set[tuple[str, str]] = set()
    for pair in pairs:
        a, b = by_id.get(pair.a), by_id.get(pair.b)
        if a is None or b is None:
            continue
        source, derived, why = direction(a, b, pair.a_in_b, pair.b_in_a)
        evidence = [
            f"Jaccard {pair.jaccard:.2f}; {pair.a_in_b:.0%} of {pair.a} is in {pair.b}, "
            f"{pair.b_in_a:.0%} of {pair.b} is in {pair.a}",
            f"{len(pair.shared)} shared sentences",
            f"direction: {why}",
        ]
        for span in pair.shared[:3]:
            text = a.text[span.a_start : span.a_end]
            evidence.append(f"shared: {text[:160]}")
        out.append(Derivation(source.id, derived.id, pair.kind, pair.jaccard, evidence))
        linked.add((min(a.id, b.id), max(a.id, b.id)))
    facts: dict[str, list[str]] = {}  # each article's fact list, made once
    for members in events:
        ids = sorted(i for i in members if i in by_id)
        for k, x in enumerate(ids):
            for y in ids[k + 1 :]:
                if (x, y) in linked:
                    continue
                a, b = by_id[x], by_id[y]
                found = rewrite_evidence(a, b, facts)
                if found is None:
                    continue
                score, evidence = found
                kind = "translation" if (a.language or "id") != (b.language or "id") else "rewrite"
                source, derived, why = direction(a, b)
                out.append(Derivation(source.id, derived.id, kind, score, [*evidence, f"direction: {why}"]))
    out.sort(key=lambda d: (d.source, d.derived))
    return out
