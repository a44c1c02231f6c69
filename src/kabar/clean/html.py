"""HTML pages → page lines + head metadata, for the same Indonesian page pass as text dumps.

trafilatura is the generic extractor: it finds the article block and drops navigation,
asides and footers. It keeps "Baca juga" links and loses bylines, the time of day and the
WIB zone (see DEPENDENCIES.md), so the page's own head (Open Graph, ``article:*`` meta,
JSON-LD) and the visible lines around the headline are read here too, and everything goes
through ``page.clean_page`` like a text dump.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import lxml.etree as etree
import lxml.html
import trafilatura

from kabar.clean.lines import Line, normalise_key, split_lines
from kabar.clean.page import PageHints
from kabar.lang.dates import find_dates, parse_iso

_BLOCK = {
    "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th",
    "tr", "ul", "time",
}
_SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "head", "button", "select", "option"}
_HEADER_WINDOW = 14
_FOOTER_WINDOW = 10


@dataclass(slots=True)
class ExtractedHtml:
    """Lines to clean plus what the HTML head says."""

    lines: list[Line]
    title: str | None = None
    site_name: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    section: str | None = None
    captions: list[str] = field(default_factory=list)

    def merge_hints(self, hints: PageHints) -> PageHints:
        """Container hints, filled in from the HTML head where the container says nothing."""
        hints.title = hints.title or self.title
        hints.outlet = hints.outlet or self.site_name
        hints.authors = hints.authors or list(self.authors)
        if not hints.published and self.published:
            hints.published = self.published
            hints.published_source = "meta"
        hints.section = hints.section or self.section
        hints.captions = list(self.captions)
        return hints


def visible_lines(root: lxml.html.HtmlElement) -> list[str]:
    """The page's visible text as lines, block elements breaking lines (like innerText)."""
    out: list[str] = []
    buf: list[str] = []

    def newline() -> None:
        text = " ".join("".join(buf).split())
        if text:
            out.append(text)
        buf.clear()

    def walk(el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP or not tag:
            if el.tail and tag:
                buf.append(el.tail)
            return
        block = tag in _BLOCK
        if block:
            newline()
        if el.text:
            buf.append(el.text)
        for child in el:
            walk(child)
        if block:
            newline()
        if el.tail:
            buf.append(el.tail)

    body = root.find("body")
    walk(body if body is not None else root)
    newline()
    return out


def _meta(root: lxml.html.HtmlElement, *names: str) -> str | None:
    for name in names:
        for el in root.xpath(f'//meta[@property="{name}" or @name="{name}" or @itemprop="{name}"]'):
            content = (el.get("content") or "").strip()
            if content:
                return content
    return None


def _json_ld(root: lxml.html.HtmlElement) -> list[dict]:
    found = []
    for el in root.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(el.text or "")
        except (json.JSONDecodeError, TypeError):
            continue
        items = data if isinstance(data, list) else [data]
        for item in items:
            if isinstance(item, dict):
                found += item.get("@graph", []) if isinstance(item.get("@graph"), list) else [item]
    return [f for f in found if isinstance(f, dict)]


def _ld_authors(items: list[dict]) -> list[str]:
    names = []
    for item in items:
        author = item.get("author")
        for a in author if isinstance(author, list) else [author]:
            name = a.get("name") if isinstance(a, dict) else a
            if isinstance(name, str) and name.strip() and name.strip() not in names:
                names.append(name.strip())
    return names


def _published(root: lxml.html.HtmlElement, items: list[dict]) -> str | None:
    candidates = [_meta(root, "article:published_time", "og:published_time", "datePublished",
                        "pubdate", "publishdate", "publish-date", "dc.date", "content_PublishedDate")]
    candidates += [i.get("datePublished") for i in items if isinstance(i.get("datePublished"), str)]
    candidates += [t.get("datetime") for t in root.xpath("//time[@datetime]")[:1]]
    for value in candidates:
        if value and parse_iso(value) is not None and "T" in value:
            return value.strip()
    for value in candidates:
        if value:
            found = find_dates(value)
            if found:
                return found[0].value
    return None


def _trafilatura_lines(html: str, url: str | None) -> list[tuple[str, bool]]:
    """(text, is_heading) for each block trafilatura keeps as the article."""
    xml = trafilatura.extract(html, url=url, output_format="xml", include_comments=False,
                              include_tables=True, include_images=False, include_links=False,
                              include_formatting=False, deduplicate=False, with_metadata=False)
    if not xml:
        return []
    tree = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(recover=True))
    main = tree.find("main")
    if main is None:
        main = tree
    out: list[tuple[str, bool]] = []
    for el in main.iter("p", "head", "item", "quote", "cell", "lb"):
        if el.tag in ("quote",) and len(el):
            continue
        text = " ".join("".join(el.itertext()).split())
        if text:
            out.append((text, el.tag == "head"))
    return out


def extract_html(html: str, url: str | None = None) -> ExtractedHtml:
    """Lines of the article (header lines near the headline + trafilatura's body + credit
    lines after it) and the head metadata of ``html``."""
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ExtractedHtml(split_lines(""))
    items = _json_ld(root)
    h1 = root.xpath("//h1")
    h1_text = " ".join(h1[0].text_content().split()) if h1 else None
    title = h1_text or _meta(root, "og:title", "twitter:title") or (
        " ".join(root.findtext(".//title", "").split()) or None)
    site = _meta(root, "og:site_name", "application-name")
    authors = []
    meta_author = _meta(root, "author", "article:author", "dc.creator", "content_author")
    if meta_author and not meta_author.startswith("http"):
        authors = [a.strip() for a in re.split(r"\s*[,;]\s*", meta_author) if a.strip()]
    authors = authors or _ld_authors(items)
    captions = []
    for cap in root.xpath("//figcaption"):
        text = " ".join(cap.text_content().split())
        if text and text not in captions:
            captions.append(text)

    body = _trafilatura_lines(html, url)
    visible = visible_lines(root)
    keys = [normalise_key(v) for v in visible]
    body_keys = {normalise_key(t) for t, _ in body}
    lines_text: list[tuple[str, bool]] = []
    start = next((i for i, k in enumerate(keys) if h1_text and k == normalise_key(h1_text)), None)
    first_body = next((i for i, k in enumerate(keys) if k in body_keys), None)
    if start is not None:
        end = first_body if first_body is not None and first_body > start else start + _HEADER_WINDOW
        end = min(end, start + _HEADER_WINDOW)
        lines_text += [(visible[i], False) for i in range(start, end) if keys[i] not in body_keys]
    elif title:
        lines_text.append((title, False))
    lines_text += body
    if first_body is not None:
        last_body = max(i for i, k in enumerate(keys) if k in body_keys)
        for i in range(last_body + 1, min(len(visible), last_body + 1 + _FOOTER_WINDOW)):
            if re.match(r"^(?:penulis|pewarta|editor|penyunting|reporter|sumber|redaktur|"
                        r"laporan wartawan)\b", keys[i], re.I):
                lines_text.append((visible[i], False))
    caption_keys = {normalise_key(c) for c in captions}
    lines: list[Line] = []
    for n, (text, heading) in enumerate(lines_text, 1):
        key = normalise_key(text)
        if not key or (key in caption_keys and n > 1):
            continue
        lines.append(Line(text, key, n, True, heading=heading))
    return ExtractedHtml(
        lines=lines,
        title=title,
        site_name=site,
        authors=authors,
        published=_published(root, items),
        section=_meta(root, "article:section"),
        captions=captions,
    )
