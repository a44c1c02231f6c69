"""Readers: paths, folders, globs, ``-`` and URLs → Documents (or Skipped, with the reason).

One module per input kind (text, html, jsonl, warc, feed, web). The kind comes from the file
extension, else from the first bytes. Folders and globs recurse in a stable (sorted) order.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from kabar.errors import InputError
from kabar.model import Document, Skipped
from kabar.read.feed import read_feed
from kabar.read.html import read_html
from kabar.read.jsonl import read_jsonl
from kabar.read.options import ReadOptions
from kabar.read.text import read_text
from kabar.read.warc import read_warc
from kabar.read.web import fetch_document

__all__ = ["KNOWN_EXTENSIONS", "ReadOptions", "read_bytes", "read_paths"]

_BY_EXTENSION = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".warc": "warc",
    ".warc.gz": "warc",
    ".arc.gz": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
KNOWN_EXTENSIONS = tuple(sorted(_BY_EXTENSION))


def _extension(name: str) -> str:
    lower = name.lower()
    for double in (".warc.gz", ".arc.gz"):
        if lower.endswith(double):
            return double
    return os.path.splitext(lower)[1]


def sniff_kind(data: bytes) -> str:
    """Guess the input kind from the first bytes (for stdin and unknown extensions)."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"warc/") or data[:2] == b"\x1f\x8b":
        return "warc"
    if head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed"):
        return "feed" if (b"<rss" in head or b"<feed" in head) else "html"
    if head.startswith(b"<"):
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


def read_bytes(
    data: bytes, source: str, kind: str | None, options: ReadOptions
) -> Iterator[Document | Skipped]:
    """Documents from one blob whose kind is known (or None to sniff it)."""
    if len(data) > options.max_bytes:
        yield Skipped(
            source,
            f"file is {len(data):,} bytes, over the {options.max_bytes:,}-byte cap "
            "(--max-bytes); split it or raise the cap",
        )
        return
    kind = kind or sniff_kind(data)
    try:
        if kind == "text":
            yield from read_text(data, source)
        elif kind == "html":
            yield from read_html(data, source)
        elif kind == "jsonl":
            yield from read_jsonl(data, source)
        elif kind == "warc":
            yield from read_warc(data, source, options.max_bytes)
        elif kind == "feed":
            yield from read_feed(data, source, options)
        else:  # pragma: no cover - kinds come from the table above
            raise InputError(source, f"unknown input kind {kind!r}")
    except InputError as exc:
        yield Skipped(exc.source, exc.reason)


def _read_file(path: Path, options: ReadOptions) -> Iterator[Document | Skipped]:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            yield Skipped(
                source,
                f"file is {size:,} bytes, over the {options.max_bytes:,}-byte cap "
                "(--max-bytes); split it or raise the cap",
            )
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Skipped(source, f"cannot read the file ({exc.strerror or exc})")
        return
    yield from read_bytes(data, source, _BY_EXTENSION.get(_extension(path.name)), options)


def _expand_folder(folder: Path) -> list[Path]:
    files = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith(".") and _extension(name) in _BY_EXTENSION:
                files.append(Path(root) / name)
    return files


def read_paths(paths: Iterable[str], options: ReadOptions | None = None) -> Iterator[Document | Skipped]:
    """Every Document under ``paths`` (files, folders, globs, ``-``, URLs) in a stable order.

    Problems never raise: each becomes a Skipped naming the input and the reason.
    """
    options = options or ReadOptions()
    for raw in paths:
        if raw == "-":
            data = sys.stdin.buffer.read(options.max_bytes + 1)
            yield from read_bytes(data, "-", None, options)
            continue
        if raw.startswith(("http://", "https://")):
            if not options.fetch:
                yield Skipped(raw, "URLs are fetched only with --fetch")
            else:
                yield from fetch_document(raw, options)
            continue
        path = Path(raw)
        if path.is_dir():
            files = _expand_folder(path)
            if not files:
                yield Skipped(
                    raw, "folder holds no readable files (looked for " + ", ".join(KNOWN_EXTENSIONS) + ")"
                )
            for file in files:
                yield from _read_file(file, options)
        elif path.is_file():
            yield from _read_file(path, options)
        elif glob.has_magic(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield Skipped(raw, "pattern matches no files")
            for match in matches:
                yield from read_paths([match], options)
        else:
            yield Skipped(raw, "no such file or folder")
