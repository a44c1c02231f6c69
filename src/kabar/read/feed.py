"""RSS and Atom feeds: full-text items become Documents; link-only items are fetched
when fetching is allowed and otherwise reported.

feedparser converts dates to UTC, so the raw ``published`` string is kept as the hint: it
still carries the outlet's own offset ("+0700").
"""

from __future__ import annotations

from collections.abc import Iterator
from email.utils import parsedate_to_datetime

import feedparser

from kabar.model import Document, Skipped
from kabar.read.decode import decode_bytes
from kabar.read.options import ReadOptions

# A summary shorter than this is a teaser, not the article: follow the link instead.
MIN_FULL_TEXT_CHARS = 500


def _iso(raw: str | None) -> str | None:
    if not raw:
        return None
    try:
        return parsedate_to_datetime(raw).isoformat()
    except (TypeError, ValueError):
        return raw  # ISO already (Atom) or unknown: the cleaner parses it


def read_feed(data: bytes, source: str, options: ReadOptions) -> Iterator[Document | Skipped]:
    """Documents from a feed's items (content, or the linked page when ``options.fetch``)."""
    text, _ = decode_bytes(data, source)
    parsed = feedparser.parse(text)
    if parsed.bozo and not parsed.entries:
        yield Skipped(source, f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')})")
        return
    for number, entry in enumerate(parsed.entries, 1):
        where = f"{source}#{number}"
        link = entry.get("link")
        content = ""
        if entry.get("content"):
            content = max((c.get("value", "") for c in entry.content), key=len)
        if len(content) < MIN_FULL_TEXT_CHARS:
            summary = entry.get("summary", "")
            content = summary if len(summary) > len(content) else content
        hints = {
            "url": link,
            "title": entry.get("title"),
            "published": _iso(entry.get("published") or entry.get("updated")),
            "outlet": parsed.feed.get("title"),
            "authors": entry.get("author"),
        }
        if len(content) >= MIN_FULL_TEXT_CHARS:
            yield Document(source=link or where, kind="html", html=content, encoding="utf-8", **hints)
        elif link and options.fetch:
            from kabar.read.web import fetch_document

            yield from fetch_document(link, options, hints=hints)
        elif link:
            yield Skipped(where, f"item has only a teaser; pass --fetch to read {link}")
        else:
            yield Skipped(where, "item has neither full text nor a link")
