"""Learned outlet templates: lines that recur across several pages of one outlet.

A corpus stage (DESIGN.md): ``TemplateLearner.add(documents)`` counts, per outlet, in how
many pages each short line occurs; ``templates(outlet)`` returns the lines that recur on
enough pages to be site furniture rather than text (a footer slogan, a promo line, a menu).

Thresholds: a line is template when it occurs on at least ``min_pages`` pages of the outlet
and on at least ``min_share`` of them. Lines longer than ``max_chars`` are never template:
a long paragraph repeated across an outlet's pages is republished text (the relations stage
looks at it), not furniture. Trade-off: lower ``min_pages`` catches templates in small
crawls but can drop a phrase that a series of articles repeats ("Simak informasi berikut").
"""

from __future__ import annotations

import collections
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from kabar.clean.lines import normalise_key
from kabar.model import Document


def outlet_key(doc: Document) -> str | None:
    """The grouping key of a document's outlet: registered host, else the outlet hint."""
    if doc.url:
        try:
            host = (urlsplit(doc.url).hostname or "").lower()
        except ValueError:  # "http://[abc/x": a malformed URL names no host
            host = ""
        if host:
            parts = host.split(".")
            # news.detik.com and finance.detik.com share one template; keep co.id / go.id
            tail = 3 if len(parts) >= 3 and parts[-2] in ("co", "go", "or", "ac", "web") else 2
            return ".".join(parts[-tail:])
    return doc.outlet.lower() if doc.outlet else None


def _lines(doc: Document) -> set[str]:
    text = doc.text if doc.text is not None else ""
    return {k for k in (normalise_key(x) for x in text.splitlines()) if k}


@dataclass(slots=True)
class TemplateLearner:
    """Counts recurring lines per outlet; see the module docstring."""

    min_pages: int = 3
    min_share: float = 0.02
    max_chars: int = 120
    pages: collections.Counter[str] = field(default_factory=collections.Counter)
    lines: dict[str, collections.Counter[str]] = field(default_factory=dict)
    titles: set[str] = field(default_factory=set)  # every headline of the batch (matching keys)

    def add(self, documents: Iterable[Document]) -> None:
        """Count the lines of more pages (text documents; HTML is handled by its structure)."""
        for doc in documents:
            if doc.title:
                self.titles.add(normalise_key(doc.title))
            key = outlet_key(doc)
            if key is None or doc.text is None:
                continue
            self.pages[key] += 1
            counter = self.lines.setdefault(key, collections.Counter())
            counter.update(line for line in _lines(doc) if len(line) <= self.max_chars)

    def title_keys(self) -> frozenset[str]:
        """The batch's headlines (matching keys), longest first when iterated via sorted()."""
        return frozenset(self.titles)

    def templates(self, outlet: str | None) -> frozenset[str]:
        """Template lines (matching keys) of ``outlet``; empty when too few pages were seen."""
        if outlet is None or self.pages[outlet] < self.min_pages:
            return frozenset()
        n = self.pages[outlet]
        need = max(self.min_pages, self.min_share * n)
        return frozenset(line for line, c in self.lines[outlet].items() if c >= need)
