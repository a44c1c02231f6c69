"""The reviewed sample of ../shared/data/indonews2025/dev.jsonl: which articles, and how many
per outlet. Chosen by a hash of the id (stable across runs, independent of the cleaner)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

PER_OUTLET = {
    "liputan6": 30,
    "detik": 30,
    "tribunnews": 30,
    "okezone": 25,
    "sindonews": 25,
    "kompas": 25,
    "kapanlagi": 20,
    "tempo": 20,
    "posmetromedan": 20,
    "republika": 20,
    "posmetro": 19,
    "posmetroco": 9,
}


def _rank(article_id: str) -> str:
    return hashlib.sha1(f"kabar-review:{article_id}".encode()).hexdigest()


def sample_ids(path: Path) -> list[str]:
    """Ids of the sample, in file order: the lowest-ranked ``PER_OUTLET[o]`` of each outlet
    (detik split evenly between its two scrapes, which behave differently)."""
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    chosen: set[str] = set()
    for outlet, k in PER_OUTLET.items():
        mine = [r for r in rows if r["outlet"] == outlet]
        if outlet == "detik":
            first = [r for r in mine if (r["published"] or "") <= "2025-06-11T23:59"]
            second = [r for r in mine if (r["published"] or "") > "2025-06-11T23:59"]
            picked = sorted(first, key=lambda r: _rank(r["id"]))[: k // 2]
            picked += sorted(second, key=lambda r: _rank(r["id"]))[: k - k // 2]
        else:
            picked = sorted(mine, key=lambda r: _rank(r["id"]))[:k]
        chosen |= {r["id"] for r in picked}
    return [r["id"] for r in rows if r["id"] in chosen]
