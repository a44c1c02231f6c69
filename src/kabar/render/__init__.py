"""Renderers: a Digest → digest.json, digest.md, index.html (+ one HTML page per event).

Article text is hostile input: Markdown output escapes it, HTML goes through Jinja2 with
autoescaping, and only http(s) URLs ever become links.
"""

from __future__ import annotations

from pathlib import Path

from kabar.model import Digest
from kabar.render.html import write_html
from kabar.render.jsonfile import write_json
from kabar.render.markdown import render_markdown

__all__ = ["render_markdown", "write_html", "write_json", "write_outputs"]


def write_outputs(digest: Digest, out_dir: Path, lang: str | None = None) -> list[Path]:
    """Write every output file into ``out_dir``; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [write_json(digest, out_dir / "digest.json")]
    md = out_dir / "digest.md"
    md.write_text(render_markdown(digest, lang), encoding="utf-8")
    paths.append(md)
    paths += write_html(digest, out_dir, lang)
    return paths
