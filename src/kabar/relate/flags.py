"""Article-level flags for articles whose source is not in the corpus: ``translated`` and
``generic_rewrite``. Each is evidence, with a score and the passages behind it, never a
verdict.

In: one annotated article. Out: a list of ``ArticleFlag``.

- ``translated``: calques and English word order left in an Indonesian text, from
  ``relate/data/translation_markers.tsv`` (regex, weight, what English it mirrors). Flagged
  when the weighted hits reach ``TRANSLATED_SCORE`` with at least ``TRANSLATED_MARKERS``
  different markers: one "di mana" is native usage, several calques together are not.
- ``generic_rewrite``: template headings ("Kesimpulan", "Latar Belakang …", "Dampak …"),
  stock phrases ("menurut para ahli", "menandai momen penting") from
  ``relate/data/rewrite_markers.tsv``, and no named person quoted directly. Flagged at
  ``REWRITE_SCORE``.

The thresholds were set on the five seeds (sample 001 translated, sample 002 a template
rewrite, the other three neither) and checked on a thousand real articles (the test counts
how many get flagged).
"""

from __future__ import annotations

import functools
import re

from kabar.lang.lexicon import data_rows
from kabar.model import Article, ArticleFlag

TRANSLATED_SCORE = 6
TRANSLATED_MARKERS = 3
REWRITE_SCORE = 6
NO_NAMED_QUOTE = 2  # added to the rewrite score when no named person is quoted directly
PACKAGE = "kabar.relate"


@functools.cache
def _translation_markers() -> tuple[tuple[re.Pattern[str], int, str], ...]:
    rows = data_rows("translation_markers.tsv", 3, "regex<TAB>weight<TAB>meaning", PACKAGE)
    return tuple((re.compile(r), int(w), m) for _, (r, w, m) in rows)


@functools.cache
def _rewrite_markers() -> tuple[tuple[str, re.Pattern[str], int], ...]:
    rows = data_rows("rewrite_markers.tsv", 3, "kind<TAB>regex<TAB>weight", PACKAGE)
    for number, (kind, _, _) in rows:
        if kind not in ("heading", "phrase"):
            raise ValueError(f"rewrite_markers.tsv:{number}: kind must be heading or phrase, got {kind!r}")
    return tuple((k, re.compile(r), int(w)) for _, (k, r, w) in rows)


def _snippet(text: str, start: int, end: int) -> str:
    left = max(0, start - 40)
    return ("…" if left else "") + text[left : end + 40].replace("\n", " ") + "…"


def translated(article: Article) -> ArticleFlag | None:
    """The ``translated`` flag of an Indonesian article, or None."""
    if (article.language or "id") != "id":
        return None
    text = article.text
    lower = text.lower()
    score, kinds, evidence = 0, 0, []
    for pattern, weight, meaning in _translation_markers():
        hits = list(pattern.finditer(lower))
        if hits:
            kinds += 1
            score += weight * min(2, len(hits))
            evidence.append(f"{meaning}: {_snippet(text, hits[0].start(), hits[0].end())}")
    if score >= TRANSLATED_SCORE and kinds >= TRANSLATED_MARKERS:
        return ArticleFlag("translated", float(score), evidence)
    return None


def generic_rewrite(article: Article) -> ArticleFlag | None:
    """The ``generic_rewrite`` flag, or None."""
    score, evidence = 0, []
    lower = article.text.lower()
    for kind, pattern, weight in _rewrite_markers():
        if kind == "heading":
            for heading in article.subheadings:
                if pattern.search(heading.lower()):
                    score += weight
                    evidence.append(f"template heading: {heading}")
        else:
            hit = pattern.search(lower)
            if hit:
                score += weight
                evidence.append(f"stock phrase: {_snippet(article.text, hit.start(), hit.end())}")
    persons = {e.name for e in article.entities if e.type == "PER"}
    named = [q for q in article.quotes if q.direct and q.speaker and q.speaker in persons]
    if not named:
        score += NO_NAMED_QUOTE
        evidence.append("no named person is quoted directly")
    if score >= REWRITE_SCORE:
        return ArticleFlag("generic_rewrite", float(score), evidence)
    return None


def article_flags(article: Article) -> list[ArticleFlag]:
    """Every flag the article earns (usually none)."""
    return [f for f in (translated(article), generic_rewrite(article)) if f is not None]
