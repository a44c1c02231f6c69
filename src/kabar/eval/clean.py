"""Cleaning quality against gold: body precision/recall, boilerplate leaks, metadata equality.

The unit rules follow ``samples/score/clean.py`` (the scorer the project is judged by): text
is compared after NFKC and whitespace normalisation; a gold paragraph counts as recalled when
it occurs inside the output body, an output paragraph as precise when it occurs inside the
gold body; paragraphs over 1,500 characters are compared sentence by sentence.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

METADATA_FIELDS = ("title", "outlet", "authors", "editors", "published", "published_date", "dateline")


def norm(text: str | None) -> str:
    """NFKC, single spaces, stripped."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text or "")).strip()


def units(paragraphs: list[str]) -> list[str]:
    """Comparison units: paragraphs, with very long ones cut at sentence ends."""
    out = []
    for p in paragraphs:
        p = norm(p)
        if len(p) > 1500:
            out += [norm(x) for x in re.split(r"(?<=[.!?”\"])\s+", p) if norm(x)]
        elif p:
            out.append(p)
    return out


@dataclass(slots=True)
class CleanScore:
    """Figures for one or more articles against their gold."""

    recalled: int = 0
    gold_units: int = 0
    precise: int = 0
    output_units: int = 0
    leaks: list[str] = field(default_factory=list)
    metadata_ok: int = 0
    metadata_total: int = 0
    metadata_errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.precise / self.output_units if self.output_units else 0.0

    @property
    def recall(self) -> float:
        return self.recalled / self.gold_units if self.gold_units else 0.0

    def add(self, other: CleanScore) -> None:
        """Accumulate another score into this one."""
        self.recalled += other.recalled
        self.gold_units += other.gold_units
        self.precise += other.precise
        self.output_units += other.output_units
        self.leaks += other.leaks
        self.metadata_ok += other.metadata_ok
        self.metadata_total += other.metadata_total
        self.metadata_errors += other.metadata_errors


def _same(field_name: str, gold: object, got: object) -> bool:
    if isinstance(gold, list):
        return sorted(norm(x).lower() for x in gold) == sorted(norm(x).lower() for x in (got or []))
    if field_name == "published" and gold and got:
        g, a = str(gold), str(got).replace("Z", "+00:00")
        return a[:19] == g[:19] and a[19:] == g[19:]
    return norm(str(gold)).lower() == norm(str(got) if got is not None else "").lower()


def score_article(article: dict, gold: dict, name: str = "") -> CleanScore:
    """Compare one article (``Article.to_dict()`` or equivalent) with its gold record."""
    score = CleanScore()
    gold_units, out_units = units(gold["body"]), units(article.get("body") or [])
    gold_text, out_text = " ".join(gold_units), " ".join(out_units)
    dateline = norm(gold.get("dateline") or "")
    score.gold_units, score.output_units = len(gold_units), len(out_units)
    score.recalled = sum(1 for u in gold_units if u in out_text)
    score.precise = sum(
        1
        for u in out_units
        if u in gold_text or (dateline and u.startswith(dateline) and u[len(dateline) :].strip() in gold_text)
    )
    score.leaks = [
        b
        for b in gold.get("boilerplate", [])
        if len(norm(b)) > 3 and norm(b) in out_text and norm(b) not in gold_text
    ]
    for f in METADATA_FIELDS:
        if gold.get(f) is None:
            continue  # not stated on the page: not scored
        score.metadata_total += 1
        if _same(f, gold[f], article.get(f)):
            score.metadata_ok += 1
        else:
            score.metadata_errors.append(f"{name}: {f}: gold={gold[f]!r} got={article.get(f)!r}")
    return score


def load_gold(folder: Path) -> dict[str, dict]:
    """Gold records of a folder (``samples/gold``: ``0*.json``), keyed by the seed file name."""
    return {
        p.name.replace(".json", ".txt"): json.loads(p.read_text(encoding="utf-8"))
        for p in sorted(folder.glob("0*.json"))
    }
