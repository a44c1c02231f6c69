"""Options every reader shares (one object, no globals)."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_BYTES = 20_000_000


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How inputs are read.

    ``max_bytes`` caps every file and download; ``fetch`` allows network access for URLs
    and feed links; ``allow_private`` lets fetches reach private and loopback addresses
    (off by default: article lists are hostile input).
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    fetch: bool = False
    allow_private: bool = False
    timeout: float = 15.0
    max_redirects: int = 5
