"""index.html and one self-contained page per event (Jinja2, autoescaped).

Each page carries its CSS inline and loads nothing else: no scripts, fonts, images or styles
from anywhere. Only http(s) URLs become links (:func:`safe_url`).
"""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from kabar.model import Digest, Event
from kabar.render.labels import count, format_date, format_published, label, labels_for
from kabar.render.view import digest_lang, event_views, quoted, safe_url

__all__ = ["event_filename", "safe_url", "write_html"]


def event_filename(event: Event) -> str:
    """File name of an event's page."""
    return f"{re.sub(r'[^A-Za-z0-9_-]', '', event.id) or 'event'}.html"


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("kabar.render", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    env.filters["quoted"] = quoted
    env.globals.update(format_date=format_date, format_published=format_published, label=label, count=count)
    return env


def write_html(digest: Digest, out_dir: Path, lang: str | None = None) -> list[Path]:
    """Write ``index.html`` and the event pages into ``out_dir``; return their paths."""
    env = _environment()
    views = event_views(digest, lang)
    index_lang = digest_lang(digest, lang)
    index = out_dir / "index.html"
    index.write_text(
        env.get_template("index.html").render(
            digest=digest,
            views=views,
            lab=labels_for(index_lang),
            lang=index_lang,
            filename=event_filename,
        ),
        encoding="utf-8",
    )
    paths = [index]
    page = env.get_template("event.html")
    for v in views:
        path = out_dir / event_filename(v.event)
        path.write_text(page.render(v=v, e=v.event, lab=v.lab, lang=v.lang), encoding="utf-8")
        paths.append(path)
    return paths
