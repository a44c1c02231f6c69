"""digest.md: one section per event — headline, coverage, cited summary, merged quotes,
timeline, claims (agreed / reported differently / one outlet only), derivations, sources.

Every string taken from an article goes through :func:`escape_md`; links are made only from
http(s) URLs.
"""

from __future__ import annotations

import re

from kabar.model import Digest
from kabar.render.labels import count, format_date, label, labels_for
from kabar.render.view import EventView, Source, digest_lang, event_views, quoted

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_MD_LINE_START = re.compile(r"^([#+\-=>])")
_MD_ORDERED = re.compile(r"^(\d+)([.)])(?=\s|$)")


def escape_md(text: str | None) -> str:
    """Text safe to embed in Markdown: inline markup escaped (so no link, image or raw HTML
    can form), and a leading character that would start a heading or list escaped too."""
    text = (text or "").replace("\n", " ").replace("\r", " ")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MD_LINE_START.sub(r"\\\1", text)
    return _MD_ORDERED.sub(r"\1\\\2", text)


def _md_url(url: str) -> str:
    """A (safe, http(s)) URL for a Markdown link target: parentheses percent-encoded."""
    return url.replace("(", "%28").replace(")", "%29")


def _cites(sources: list[Source]) -> str:
    return "".join(f"[{s.number}]" for s in sources)


def _outlet(s: Source | None, lab: dict[str, str]) -> str:
    return escape_md(s.name) if s else escape_md(lab["unknown_outlet"])


def _coverage_line(v: EventView) -> str:
    e, lab = v.event, v.lab
    cov = e.coverage
    parts = [
        escape_md(format_date(e.date, lab)),
        f"{count(lab, cov.articles, 'articles')}, {count(lab, cov.outlets, 'outlets')}, "
        f"{count(lab, cov.independent_reports, 'independent')}",
    ]
    if cov.first_publisher:
        parts.append(f"{lab['first']}: {escape_md(cov.first_publisher)}")
    return "*" + " · ".join(parts) + "*"


def _summary(v: EventView) -> list[str]:
    out = [f"### {v.lab['summary']}", ""]
    for s in v.event.summary:
        cited = v.cite(s.citations)
        out.append(f"- {escape_md(s.text)} {_cites(cited)}".rstrip())
        scores = [f"[{c.number}] {s.support[c.id]:.2f}" for c in cited if c.id in s.support]
        if scores:
            out.append(f"  *{v.lab['support']}: {', '.join(scores)}*")
    return [*out, ""]


def _quotes(v: EventView) -> list[str]:
    lab = v.lab
    out = [f"### {lab['quotes']}", ""]
    for q in v.event.quotes:
        where = v.cite([o.article for o in q.occurrences])
        speaker = escape_md(q.speaker) if q.speaker else f"*{lab['unknown_speaker']}*"
        out.append(f"- **{speaker}**: “{escape_md(q.text)}” {_cites(where)}".rstrip())
        for o in q.occurrences:
            s = v.source(o.article)
            if s is None or (len(q.occurrences) == 1 and o.text == q.text):
                continue
            out.append(f"  - [{s.number}] {_outlet(s, lab)}: “{escape_md(o.text)}”")
    return [*out, ""]


def _timeline(v: EventView) -> list[str]:
    out = [f"### {v.lab['timeline']}", ""]
    for t in v.event.timeline:
        where = v.cite([*t.articles, *([t.article] if t.article else [])])
        when = escape_md(format_date(t.date, v.lab, t.precision))
        out.append(f"- **{when}**: {escape_md(t.text)} {_cites(where)}".rstrip())
    return [*out, ""]


def _claims(v: EventView) -> list[str]:
    lab = v.lab
    out = [f"### {lab['claims']}", ""]
    for kind, claims in v.claims.items():
        if not claims:
            continue
        out += [f"#### {escape_md(label(lab, 'claims_', kind))}", ""]
        for c in claims:
            cited = v.cite([*c.articles_agree, *c.articles_differ, *(x.article for x in c.variants)])
            line = f"- {escape_md(c.text)} {_cites(cited)}".rstrip()
            if kind == "differs" and c.aspect:
                line += f" — {lab['aspect']}: {escape_md(label(lab, 'aspect_', c.aspect))}"
            out.append(line)
            if kind != "agreed" or c.articles_differ:
                for x in c.variants:
                    s = v.source(x.article)
                    value = f"**{escape_md(x.value)}** — " if x.value else ""
                    number = f"[{s.number}] " if s else ""
                    out.append(f"  - {number}{_outlet(s, lab)}: {value}{escape_md(quoted(x.text))}")
            if c.note:
                out.append(f"  - *{lab['note']}: {escape_md(c.note)}*")
        out.append("")
    return out


def _derivations(v: EventView) -> list[str]:
    lab = v.lab
    out = [f"### {lab['derivations']}", ""]
    for d in v.event.derivations:
        derived, source = v.source(d.derived), v.source(d.source)
        if derived is None or source is None:
            continue
        out.append(
            f"- [{derived.number}] {_outlet(derived, lab)} — {escape_md(label(lab, 'kind_', d.kind))} "
            f"[{source.number}] {_outlet(source, lab)} ({lab['score']} {d.score:.2f})"
        )
        for ev in d.evidence[:3]:
            out.append(f"  - {escape_md(quoted(ev))}")
    return [*out, ""]


def _sources(v: EventView) -> list[str]:
    lab = v.lab
    out = [f"### {lab['sources']}", ""]
    for s in v.sources:
        title = escape_md(s.title or s.source)
        if s.url:
            title = f"[{title}]({_md_url(s.url)})"
        line = f"{s.number}. **{escape_md(s.name)}**: {title} ({escape_md(s.published)})"
        if s.flags:
            line += f" — *{lab['flags']}: {escape_md(', '.join(s.flags))}*"
        out.append(line)
    return [*out, ""]


def render_event_markdown(v: EventView) -> list[str]:
    """The Markdown lines of one event."""
    e, lab = v.event, v.lab
    out = [f"## {escape_md(e.title or e.id)}", "", _coverage_line(v), ""]
    if v.explanation:
        why = "; ".join("".join(f"[{n}]" if n else escape_md(t) for t, n in line) for line in v.explanation)
        out += [f"*{lab['why']}: {why}*", ""]
    if e.summary:
        out += _summary(v)
    if e.quotes:
        out += _quotes(v)
    if e.timeline:
        out += _timeline(v)
    if e.claims:
        out += _claims(v)
    if e.derivations:
        out += _derivations(v)
    return out + _sources(v)


def render_markdown(digest: Digest, lang: str | None = None) -> str:
    """The digest as Markdown."""
    lab = labels_for(digest_lang(digest, lang))
    out = [f"# {lab['digest']}", ""]
    for v in event_views(digest, lang):
        out += render_event_markdown(v)
    if digest.skipped:
        out += [f"## {lab['skipped']}", ""]
        out += [f"- {escape_md(s.source)}: {escape_md(s.reason)}" for s in digest.skipped]
        out.append("")
    return "\n".join(out)
