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

from kabar.clean.lexicon import load_lexicon
from kabar.clean.lines import Line, normalise_key, paragraph_like, split_lines
from kabar.clean.page import END_MARK, PageHints
from kabar.lang.dates import find_dates, parse_iso

_BLOCK = {
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
    "time",
}
_SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "head", "button", "select", "option"}
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


def visible_lines(root: lxml.html.HtmlElement) -> list[tuple[str, str]]:
    """The page's visible text as ``(line, block tag)`` pairs, block elements breaking lines
    (like innerText); the tag is that of the innermost block the line sits in."""
    out: list[tuple[str, str]] = []
    buf: list[str] = []
    stack: list[str] = ["body"]

    def newline() -> None:
        text = " ".join("".join(buf).split())
        if text:
            out.append((text, stack[-1]))
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
            stack.append(tag)
        if el.text:
            buf.append(el.text)
        for child in el:
            walk(child)
        if block:
            newline()
            stack.pop()
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
    candidates = [
        _meta(
            root,
            "article:published_time",
            "og:published_time",
            "datePublished",
            "pubdate",
            "publishdate",
            "publish-date",
            "dc.date",
            "content_PublishedDate",
        )
    ]
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
    xml = trafilatura.extract(
        html,
        url=url,
        output_format="xml",
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        include_formatting=False,
        deduplicate=False,
        with_metadata=False,
    )
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


_CAPTION_CLASS = re.compile(
    r"caption|keterangan|photographer|photo-?credit|credit-?foto|img-?desc|image-?desc|foto-?ket", re.I
)
_ADS_CLASS = re.compile(r"\bads?\b|ads-|-ads|iklan|advert|parallax|sponsor", re.I)
_BEFORE_TITLE = 8
_HEADINGS = {"h2", "h3", "h4", "h5", "h6"}


def _boilerplate(key: str):
    return next((r for r in load_lexicon().boilerplate if r.matches(key)), None)


def _captions(root: lxml.html.HtmlElement) -> list[str]:
    """Texts of figcaptions and caption-classed blocks, in page order."""
    found: list[str] = []
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        cls = " ".join(filter(None, [el.get("class"), el.get("id")])) if tag else ""
        if tag == "figcaption" or (
            tag in ("div", "span", "p", "small", "em")
            and _CAPTION_CLASS.search(cls)
            and not _ADS_CLASS.search(cls)
        ):
            text = " ".join(el.text_content().split())
            if (
                text
                and text not in found
                and not any(text in f for f in found)
                and _boilerplate(normalise_key(text)) is None
            ):
                found.append(text)
    return found


def extract_html(html: str, url: str | None = None) -> ExtractedHtml:
    """Lines of the article and the head metadata of ``html``.

    Lines: a few visible lines above the headline (breadcrumb, section label), the header
    between the headline and the body (deck, byline, date, lead caption), the body window
    trafilatura found, and credit lines right after it. Inside the window, visible lines that
    trafilatura dropped are put back when they are shaped like paragraphs (trafilatura loses
    text that follows a ``<p>`` as a bare tail, as antaranews pages are built).
    """
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ExtractedHtml(split_lines(""))
    items = _json_ld(root)
    h1 = root.xpath("//h1")
    h1_text = " ".join(h1[0].text_content().split()) if h1 else None
    title = (
        h1_text
        or _meta(root, "og:title", "twitter:title")
        or (" ".join(root.findtext(".//title", "").split()) or None)
    )
    site = _meta(root, "og:site_name", "application-name")
    authors: list[str] = []
    meta_author = _meta(root, "author", "article:author", "dc.creator", "content_author")
    if meta_author and not meta_author.startswith("http"):
        authors = [a.strip() for a in re.split(r"\s*[,;]\s*", meta_author) if a.strip()]
    authors = authors or _ld_authors(items)
    captions = _captions(root)
    caption_keys = {normalise_key(c) for c in captions}

    body = _trafilatura_lines(html, url)
    pairs = visible_lines(root)
    visible = [text for text, _ in pairs]
    tags = [tag for _, tag in pairs]
    keys = [normalise_key(v) for v in visible]
    kept_text = "\n".join(normalise_key(t) for t, _ in body)
    heads = {normalise_key(t) for t, heading in body if heading}
    kept = [len(k) >= 3 and k in kept_text for k in keys]
    start = next((i for i, k in enumerate(keys) if h1_text and k == normalise_key(h1_text)), None)
    after = start if start is not None else -1
    substantial = [
        i for i, k in enumerate(keys) if i > after and kept[i] and len(k) >= 20 and k not in caption_keys
    ]

    chosen: list[tuple[int, bool]] = []  # (visible index, is heading)
    if substantial:
        first_body, last_body = substantial[0], substantial[-1]
        if start is not None and start < first_body:
            chosen += [(i, False) for i in range(max(0, start - _BEFORE_TITLE), first_body)]
        for i in range(first_body, last_body + 1):
            heading = keys[i] in heads or tags[i] in _HEADINGS
            if kept[i] or paragraph_like(keys[i]) or keys[i] in caption_keys or heading:
                chosen.append((i, heading))
        for i in range(last_body + 1, min(len(visible), last_body + 1 + _FOOTER_WINDOW)):
            if _CREDIT_LINE.match(keys[i]) or keys[i] in caption_keys or END_MARK.fullmatch(keys[i]):
                chosen.append((i, False))
    lines: list[Line] = []
    if start is None and title:
        lines.append(Line(title, normalise_key(title), 0, True))
    for i, heading in chosen:
        line = Line(visible[i], keys[i], i + 1, True, heading=heading)
        if keys[i] in caption_keys:
            line.role = "caption"
        lines.append(line)
    return ExtractedHtml(
        lines=lines,
        title=title,
        site_name=site,
        authors=authors,
        published=_published(root, items),
        section=_meta(root, "article:section"),
        captions=[],
    )


_CREDIT_LINE = re.compile(
    r"^(?:penulis|pewarta|editor|penyunting|reporter|sumber|redaktur|laporan wartawan|rep)\b", re.I
)
