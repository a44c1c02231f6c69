"""A set of non-overlapping character spans with fast overlap tests, for the finders that
must not report two things over the same text (numbers after dates, the longest date
reading). A sorted list and binary search: checking and adding cost log n, so a long article
with thousands of candidates stays linear-ish instead of quadratic."""

from __future__ import annotations

import bisect


class SpanSet:
    """Non-overlapping ``(start, end)`` spans, end exclusive."""

    def __init__(self, spans: list[tuple[int, int]] | None = None) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for a, b in sorted(spans or []):
            if self.free(a, b):
                self.add(a, b)

    def free(self, start: int, end: int) -> bool:
        """True when ``start``..``end`` overlaps no span of the set."""
        k = bisect.bisect_left(self._starts, end)  # spans starting before ``end``
        return k == 0 or self._ends[k - 1] <= start

    def add(self, start: int, end: int) -> None:
        """Add a span (the caller checked that it is free)."""
        k = bisect.bisect_left(self._starts, start)
        self._starts.insert(k, start)
        self._ends.insert(k, end)
