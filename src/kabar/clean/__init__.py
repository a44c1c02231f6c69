"""Cleaning: Documents → Articles (body, metadata, what was removed and why).

``clean_document`` is a pure function of one document plus read-only resources (lexicon,
learned templates, vocabulary); ``clean_documents`` adds the corpus stage (templates and
corpus words learned from the whole batch) in front of it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from kabar.clean.glue import GlueSplitter, default_splitter
from kabar.clean.html import extract_html
from kabar.clean.lexicon import Lexicon, load_lexicon
from kabar.clean.lines import split_lines
from kabar.clean.page import PageHints, clean_page
from kabar.clean.templates import TemplateLearner, outlet_key
from kabar.errors import InputError
from kabar.lang.dates import parse_iso
from kabar.model import Article, Document, Skipped

__all__ = ["CleanResources", "article_id", "clean_document", "clean_documents"]


@dataclass(frozen=True, slots=True, eq=False)
class CleanResources:
    """Read-only resources a cleaning run shares: lexicon, learned templates, glue splitter."""

    lexicon: Lexicon
    learner: TemplateLearner | None = None
    glue: GlueSplitter | None = None

    @classmethod
    def default(cls) -> CleanResources:
        """Shipped lexicon and vocabulary, no learned templates."""
        return cls(load_lexicon(), None, default_splitter())


def article_id(source: str, body: list[str]) -> str:
    """Stable id: hash of the normalised body text and the source (16 hex digits)."""
    text = unicodedata.normalize("NFKC", " ".join(body))
    text = re.sub(r"\s+", " ", text).strip().lower()
    return hashlib.sha1(f"{source}\0{text}".encode()).hexdigest()[:16]


def _credit_layout(doc: Document, lexicon: Lexicon) -> str | None:
    """The outlet's credit-field layout (``data/credit_fields.tsv``), found from the URL's
    host or the container's outlet name ("kompas", "Kompas.com")."""
    key = outlet_key(doc)  # registered domain, else the outlet hint in lower case
    if not key:
        return None
    if key in lexicon.credit_layouts:
        return lexicon.credit_layouts[key]
    for domain, layout in lexicon.credit_layouts.items():
        # a container's short name ("kompas") or the printed name ("Kompas.com")
        if key in (domain.split(".")[0], lexicon.outlet_hosts.get(domain, "").lower()):
            return layout
    return None


def _hints(doc: Document, lexicon: Lexicon) -> PageHints:
    hints = PageHints(title=doc.title, outlet=doc.outlet, url=doc.url)
    if doc.published:
        parsed = parse_iso(doc.published)
        if parsed is not None:
            hints.published = doc.published.strip()
            hints.published_source = "hint"
    if doc.authors:
        from kabar.clean.metadata import split_credit_hint

        editor_last = _credit_layout(doc, lexicon) == "editor_last"
        hints.authors, hints.editors = split_credit_hint(doc.authors, editor_last)
    return hints


def clean_document(doc: Document, resources: CleanResources | None = None) -> Article:
    """Clean one document into an Article; raise InputError when it holds no article text."""
    resources = resources or CleanResources.default()
    hints = _hints(doc, resources.lexicon)
    if doc.kind == "html":
        extracted = extract_html(doc.html or "", doc.url)
        lines = extracted.lines
        hints = extracted.merge_hints(hints)
    else:
        lines = split_lines(doc.text or "")
    if not lines:
        raise InputError(doc.source, "no text found (the page is empty after decoding)")
    templates: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()
    if resources.learner is not None:
        templates = resources.learner.templates(outlet_key(doc))
        titles = resources.learner.title_keys()
    page = clean_page(lines, hints, resources.lexicon, templates, resources.glue, titles)
    if not page.body:
        what = "HTML page" if doc.kind == "html" else "text"
        raise InputError(
            doc.source, f"no article text found in the {what} (only navigation, links or boilerplate)"
        )
    return Article(
        id=article_id(doc.source, page.body),
        source=doc.source,
        url=doc.url,
        title=page.title,
        subtitle=page.subtitle,
        section=page.section,
        outlet=page.outlet,
        authors=page.authors,
        editors=page.editors,
        published=page.published,
        published_date=page.published_date,
        published_source=page.published_source,
        dateline=page.dateline,
        dateline_place=page.dateline_place,
        cited_sources=page.cited_sources,
        body=page.body,
        subheadings=page.subheadings,
        captions=page.captions,
        end_marks=page.end_marks,
        removed=page.removed,
    )


def clean_documents(
    docs: Iterable[Document | Skipped], resources: CleanResources | None = None, learn: bool = True
) -> Iterator[Article | Skipped]:
    """Clean a batch. With ``learn``, outlet templates are learned from the batch first
    (the batch is held in memory for that pass)."""
    items = list(docs)
    base = resources or CleanResources.default()
    if learn:
        learner = TemplateLearner()
        learner.add(d for d in items if isinstance(d, Document))
        base = CleanResources(base.lexicon, learner, base.glue)
    for item in items:
        if isinstance(item, Skipped):
            yield item
            continue
        try:
            yield clean_document(item, base)
        except InputError as exc:
            yield Skipped(exc.source, exc.reason)
