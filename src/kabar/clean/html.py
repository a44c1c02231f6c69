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
    """The page's visible text as ``(line, tag)`` pairs, block elements breaking lines (like
    innerText); ``tag`` is "h" for lines of a heading (h2–h6), else "".

    Works in place (scripts and styles are dropped, newlines put around blocks) so that
    libxml2 assembles the text: a Python walk over every node costs more than the parse.
    """
    for el in list(root.iter(*_SKIP)):
        if el.getparent() is not None:
            el.drop_tree()
    for el in root.iter(*_BLOCK):
        if el.tag != "br":
            el.text = ("\n\ue000" if el.tag in _HEADINGS else "\n") + (el.text or "")
        el.tail = "\n" + (el.tail or "")
    body = root.find("body")
    text = (body if body is not None else root).text_content()
    out: list[tuple[str, str]] = []
    for raw in text.split("\n"):
        heading = "\ue000" in raw
        line = " ".join(raw.replace("\ue000", " ").split())
        if line:
            out.append((line, "h" if heading else ""))
    return out


def _meta_table(root: lxml.html.HtmlElement) -> dict[str, str]:
    """Every ``<meta>`` with content, by its property / name / itemprop (first one wins)."""
    table: dict[str, str] = {}
    for el in root.iter("meta"):
        content = (el.get("content") or "").strip()
        if not content:
            continue
        for attr in ("property", "name", "itemprop"):
            key = el.get(attr)
            if key and key not in table:
                table[key] = content
    return table


def _meta(table: dict[str, str], *names: str) -> str | None:
    for name in names:
        if name in table:
            return table[name]
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


def _published(root: lxml.html.HtmlElement, meta: dict[str, str], items: list[dict]) -> str | None:
    """Publication time from the head: meta tags, JSON-LD, the first ``<time datetime>``."""
    candidates = [
        _meta(
            meta,
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


def _trafilatura_text(html: str | lxml.html.HtmlElement, url: str | None) -> str:
    """The text trafilatura keeps as the article (its fast mode: kabar's own window over the
    visible lines is the fallback, so trafilatura's backup extractors are not needed)."""
    return (
        trafilatura.extract(
            html,
            url=url,
            fast=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
            deduplicate=False,
            with_metadata=False,
        )
        or ""
    )


_CAPTION_CLASS = re.compile(
    r"caption|keterangan|photographer|photo-?credit|credit-?foto|img-?desc|image-?desc|foto-?ket", re.I
)
_ADS_CLASS = re.compile(r"\bads?\b|ads-|-ads|iklan|advert|parallax|sponsor", re.I)
_BEFORE_TITLE = 8
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HEADINGS = {"h2", "h3", "h4", "h5", "h6"}


def _boilerplate(key: str):
    return next((r for r in load_lexicon().boilerplate if r.matches(key)), None)


# candidate caption blocks, found by libxml2 (a Python walk over every element costs more)
_CAPTION_XPATH = etree.XPath(
    "//figcaption | //*[self::div or self::span or self::p or self::small or self::em]"
    "[contains(@class, 'aption') or contains(@class, 'keterangan') or contains(@class, 'hotographer')"
    " or contains(@class, 'redit') or contains(@class, 'desc') or contains(@id, 'aption')]"
)


def _captions(root: lxml.html.HtmlElement) -> list[str]:
    """Texts of figcaptions and caption-classed blocks, in page order."""
    found: list[str] = []
    for el in _CAPTION_XPATH(root):
        cls = " ".join(filter(None, [el.get("class"), el.get("id")]))
        if el.tag == "figcaption" or (_CAPTION_CLASS.search(cls) and not _ADS_CLASS.search(cls)):
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
    html = _CONTROL.sub("", html)  # C0 controls are not HTML, and lxml refuses them in text
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ExtractedHtml(split_lines(""))
    items = _json_ld(root)
    meta = _meta_table(root)
    h1 = root.xpath("//h1")
    h1_text = " ".join(h1[0].text_content().split()) if h1 else None
    title = (
        h1_text
        or _meta(meta, "og:title", "twitter:title")
        or (" ".join(root.findtext(".//title", "").split()) or None)
    )
    site = _meta(meta, "og:site_name", "application-name")
    authors: list[str] = []
    meta_author = _meta(meta, "author", "article:author", "dc.creator", "content_author")
    if meta_author and not meta_author.startswith("http"):
        authors = [a.strip() for a in re.split(r"\s*[,;]\s*", meta_author) if a.strip()]
    authors = authors or _ld_authors(items)
    captions = _captions(root)
    caption_keys = {normalise_key(c) for c in captions}

    pairs = visible_lines(root)  # rewrites the tree: trafilatura parses the page itself
    kept_text = normalise_key(_trafilatura_text(html, url))
    visible = [text for text, _ in pairs]
    tags = [tag for _, tag in pairs]
    keys = [normalise_key(v) for v in visible]
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
            heading = tags[i] == "h"
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
        published=_published(root, meta, items),
        section=_meta(meta, "article:section"),
        captions=[],
    )


_CREDIT_LINE = re.compile(
    r"^(?:penulis|pewarta|editor|penyunting|reporter|sumber|redaktur|laporan wartawan|rep)\b", re.I
)
