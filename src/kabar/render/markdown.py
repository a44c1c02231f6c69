"""digest.md: one section per event, each summary sentence with its citations."""

from __future__ import annotations

import re

from kabar.model import Digest
from kabar.render.labels import labels_for

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_MD_LINE_START = re.compile(r"^([#+\-=>]|\d+\.)")


def escape_md(text: str | None) -> str:
    """Text safe to embed in Markdown: inline markup escaped (so no link, image or raw HTML
    can form), and a leading character that would start a heading or list escaped too."""
    text = (text or "").replace("\n", " ").replace("\r", " ")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LINE_START.sub(r"\\\1", text)


def render_markdown(digest: Digest, lang: str | None = None) -> str:
    """The digest as Markdown."""
    refs = {a.id: a for a in digest.articles}
    number = {a.id: n for n, a in enumerate(digest.articles, 1)}
    first_lang = lang or (digest.events[0].language if digest.events else None)
    lab = labels_for(first_lang)
    out = [f"# {lab['digest']}", ""]
    for event in digest.events:
        lab = labels_for(lang or event.language)
        cov = event.coverage
        out += [f"## {escape_md(event.title)}", ""]
        out.append(
            f"*{escape_md(event.date or lab['undated'])} · {cov.articles} {lab['articles']}, "
            f"{cov.outlets} {lab['outlets']}, {cov.independent_reports} {lab['independent']}*"
        )
        out.append("")
        if event.summary:
            out += [f"### {lab['summary']}", ""]
            for s in event.summary:
                cites = " ".join(f"[{number[c]}]" for c in s.citations if c in number)
                out.append(f"- {escape_md(s.text)} {cites}")
            out.append("")
        if event.quotes:
            out += [f"### {lab['quotes']}", ""]
            for q in event.quotes:
                where = ", ".join(f"[{number[o.article]}]" for o in q.occurrences if o.article in number)
                out.append(f"- **{escape_md(q.speaker or '?')}**: “{escape_md(q.text)}” {where}")
            out.append("")
        if event.timeline:
            out += [f"### {lab['timeline']}", ""]
            for t in event.timeline:
                where = ", ".join(f"[{number[a]}]" for a in t.articles if a in number)
                out.append(f"- {escape_md(t.date)}: {escape_md(t.text)} {where}")
            out.append("")
        out += [f"### {lab['sources']}", ""]
        for article_id in event.articles:
            ref = refs[article_id]
            out.append(
                f"- [{number[article_id]}] {escape_md(ref.outlet or ref.source)}: {escape_md(ref.title)}"
                f" ({escape_md(ref.published or lab['undated'])})"
            )
        out.append("")
    return "\n".join(out)
