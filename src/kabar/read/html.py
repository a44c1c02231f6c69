"""HTML pages: decoded with the page's own charset declaration as a hint."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kabar.model import Document
from kabar.read.decode import decode_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 kB, if any."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "ignore") if m else None


def read_html(data: bytes, source: str, url: str | None = None) -> Iterator[Document]:
    """One Document(kind="html") from the bytes of an HTML page."""
    text, encoding = decode_bytes(data, source, declared=declared_charset(data))
    yield Document(source=source, kind="html", html=text, url=url, encoding=encoding)
