"""Plain-text page dumps (a rendered page copied as text, one block per line)."""

from __future__ import annotations

from collections.abc import Iterator

from kabar.model import Document
from kabar.read.decode import decode_bytes


def read_text(data: bytes, source: str) -> Iterator[Document]:
    """One Document(kind="text") from the bytes of a text dump."""
    text, encoding = decode_bytes(data, source)
    yield Document(source=source, kind="text", text=text, encoding=encoding)
