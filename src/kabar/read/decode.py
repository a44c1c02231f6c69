"""Bytes → text: size cap, binary refusal, encoding detection (never assumed).

UTF-8 is tried first because a strict UTF-8 decode that succeeds is itself proof of the
encoding (random bytes in another encoding almost never form valid UTF-8) and is ~100× faster
than statistical detection; everything else goes through charset-normalizer.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from kabar.errors import InputError

# Magic numbers of formats people feed by mistake (shown in the error message).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or .docx/.xlsx)"),
    (b"\x7fELF", "executable"),
    (b"RIFF", "RIFF media file"),
    (b"\x00\x00\x00", "binary data"),
    (b"SQLite format 3", "SQLite database"),
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
ACCEPTED = "pass text, HTML, JSONL, WARC or RSS/Atom"


def sniff_binary(data: bytes) -> str | None:
    """Return a description of a binary format (e.g. "PNG image"), or None for text."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    head = data[:8192]
    if any(head.startswith(bom) for bom, _ in _BOMS[1:]):
        return None  # UTF-16 text legitimately holds NUL bytes
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    return None


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` from ``source``; return ``(text, encoding)`` or raise InputError.

    ``declared`` is an encoding the container states (HTTP header, HTML meta); it is tried
    after UTF-8 and before statistical detection.
    """
    if not data.strip():
        raise InputError(source, "file is empty; nothing to read")
    binary = sniff_binary(data)
    if binary:
        raise InputError(source, f"file is binary ({binary}); {ACCEPTED}")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared), declared.lower()
        except (LookupError, UnicodeDecodeError):
            pass
    best = _best_guess(data[:200_000])
    if best is None:
        raise InputError(source, f"cannot tell the text encoding (not text?); {ACCEPTED}")
    try:
        return data.decode(best), best
    except UnicodeDecodeError:
        return data.decode(best, errors="replace"), best


# Legacy encodings of Indonesian (and most Western) web pages. charset-normalizer knows no
# Indonesian, so on a short Latin-script text several single-byte codecs tie on "chaos";
# among the tied ones these win, in this order.
_PREFERRED = ("cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2")


def _best_guess(data: bytes) -> str | None:
    results = list(from_bytes(data))
    if not results:
        return None
    least = min(r.chaos for r in results)
    tied = {r.encoding for r in results if r.chaos <= least + 0.01}
    for name in _PREFERRED:
        if name in tied:
            return name
    return results[0].encoding  # CharsetMatches are sorted best first
