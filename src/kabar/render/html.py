"""index.html and one self-contained page per event (Jinja2, autoescaped)."""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from kabar.model import Digest, Event
from kabar.render.labels import labels_for

_SAFE_URL = re.compile(r"^https?://[^\s\"'<>]+$", re.I)


def safe_url(url: str | None) -> str | None:
    """``url`` if it is a plain http(s) URL, else None (``javascript:`` and friends never link)."""
    return url if url and _SAFE_URL.match(url) else None


def event_filename(event: Event) -> str:
    """File name of an event's page."""
    return f"{re.sub(r'[^A-Za-z0-9_-]', '', event.id)}.html"


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("kabar.render", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    return env


def write_html(digest: Digest, out_dir: Path, lang: str | None = None) -> list[Path]:
    """Write ``index.html`` and the event pages into ``out_dir``; return their paths."""
    env = _environment()
    refs = {a.id: a for a in digest.articles}
    number = {a.id: n for n, a in enumerate(digest.articles, 1)}
    index_lang = lang or (digest.events[0].language if digest.events else None)
    paths = []
    index = out_dir / "index.html"
    index.write_text(
        env.get_template("index.html").render(
            digest=digest, lab=labels_for(index_lang), lang=index_lang or "id", filename=event_filename
        ),
        encoding="utf-8",
    )
    paths.append(index)
    page = env.get_template("event.html")
    for event in digest.events:
        ev_lang = lang or event.language or "id"
        path = out_dir / event_filename(event)
        path.write_text(
            page.render(event=event, refs=refs, number=number, lab=labels_for(ev_lang), lang=ev_lang),
            encoding="utf-8",
        )
        paths.append(path)
    return paths
