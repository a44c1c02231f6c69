"""Regex building blocks shared by the language layer's finders."""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """``words`` as a regex alternation, escaped, longest first (so "pekan lalu" is tried
    before "pekan")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
