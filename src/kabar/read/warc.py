"""WARC files (gzip or plain): one Document per HTML response record."""

from __future__ import annotations

import io
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from kabar.errors import InputError
from kabar.model import Document, Skipped
from kabar.read.decode import decode_bytes
from kabar.read.html import declared_charset


def read_warc(data: bytes, source: str, max_bytes: int) -> Iterator[Document | Skipped]:
    """Documents from the HTML ``response`` records of a WARC; other records are ignored."""
    seen = html_records = 0
    try:
        records = ArchiveIterator(io.BytesIO(data))
        for number, record in enumerate(records, 1):
            seen += 1
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            if "html" not in ctype:
                continue
            html_records += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{source}#{number}"
            payload = record.content_stream().read(max_bytes + 1)
            if len(payload) > max_bytes:
                yield Skipped(where, f"record is over the {max_bytes:,}-byte cap (--max-bytes)")
                continue
            declared = None
            if "charset=" in ctype:
                declared = ctype.split("charset=", 1)[1].split(";")[0].strip()
            try:
                html, encoding = decode_bytes(payload, where, declared or declared_charset(payload))
            except InputError as exc:
                yield Skipped(exc.source, exc.reason)
                continue
            yield Document(source=url or where, kind="html", html=html, url=url, encoding=encoding)
    except ArchiveLoadFailed as exc:
        yield Skipped(source, f"not a readable WARC file ({exc}); pass a .warc or .warc.gz")
        return
    if not seen:
        yield Skipped(source, "no WARC records found; pass a .warc or .warc.gz file")
    elif not html_records:
        yield Skipped(source, f"none of its {seen} records is an HTML response")
