"""JSONL: one article per line with ``text`` or ``html`` and optional metadata hints.

Accepted keys: ``text`` | ``html`` (required, one of them), ``url``, ``title``, ``published``,
``outlet``, ``authors`` (string or list), ``id``. A broken line is reported with its line
number and the rest of the file is read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from kabar.errors import InputError
from kabar.model import Document, Skipped
from kabar.read.decode import decode_bytes


def _hint(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        return ", ".join(str(v) for v in value if v)
    return str(value)


def read_jsonl(data: bytes, source: str) -> Iterator[Document | Skipped]:
    """Documents from a JSONL file; a Skipped for each line that is not a usable object.

    A ``.json`` file that is one JSON value (an object, or a list of objects, or an object
    with an ``articles`` list) is read as that value instead of line by line.
    """
    text, _ = decode_bytes(data, source)
    if source.lower().endswith(".json"):
        try:
            whole = json.loads(text)
        except json.JSONDecodeError:
            whole = None
        if isinstance(whole, dict) and isinstance(whole.get("articles"), list):
            whole = whole["articles"]
        if isinstance(whole, dict):
            whole = [whole]
        if isinstance(whole, list):
            for number, obj in enumerate(whole, 1):
                try:
                    yield document_from_record(obj, f"{source}#{number}")
                except InputError as exc:
                    yield Skipped(exc.source, exc.reason)
            return
    # split on "\n" only: str.splitlines() also breaks at U+2028 and U+0085, which JSON
    # strings may hold unescaped
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Skipped(where, f"line is not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        try:
            yield document_from_record(obj, where)
        except InputError as exc:
            yield Skipped(exc.source, exc.reason)


def document_from_record(obj: object, where: str) -> Document:
    """A Document from one JSON object (shared by the JSONL reader and tests)."""
    if not isinstance(obj, dict):
        raise InputError(where, 'line is JSON but not an object; expected {"text": ...}')
    body_html, body_text = obj.get("html"), obj.get("text")
    if not (isinstance(body_html, str) and body_html.strip()) and not (
        isinstance(body_text, str) and body_text.strip()
    ):
        raise InputError(where, 'object has no "text" or "html" string; add one of them')
    kind = "html" if isinstance(body_html, str) and body_html.strip() else "text"
    return Document(
        source=where,
        kind=kind,
        text=body_text if kind == "text" else None,
        html=body_html if kind == "html" else None,
        url=_hint(obj.get("url")),
        title=_hint(obj.get("title")),
        published=_hint(obj.get("published")),
        outlet=_hint(obj.get("outlet")),
        authors=_hint(obj.get("authors")),
        encoding="utf-8",
    )
