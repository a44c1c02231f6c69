"""The Indonesian page pass: lines of one page → title, metadata, body, and what was removed.

The same pass runs on text dumps and on the blocks extracted from HTML. It reads the page as
three zones, the way a reader does:

* header: section labels, title, deck (subtitle), byline, date, lead photo caption;
* body: from the first paragraph (often opened by a dateline, "JAKARTA, KOMPAS.com -") to the
  end of the article, holding paragraphs, subheadings, captions, inline related links and ads;
* footer: from the first end-of-article marker (editor credit, share / comment block, tags)
  on; everything there is furniture except the credits it carries.

Every dropped line is recorded with its reason. Body text is copied from the input; the only
changes are whitespace (fragments of one paragraph re-joined, glued words split).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kabar.clean.glue import GlueSplitter
from kabar.clean.lexicon import Lexicon
from kabar.clean.lines import (
    Line,
    ends_sentence,
    headline_like,
    join_fragments,
    join_texts,
    normalise_key,
    paragraph_like,
    word_count,
)
from kabar.clean.metadata import (
    Byline,
    DateLine,
    Dateline,
    cited_sources,
    parse_byline,
    parse_date_line,
    section_from_labels,
    split_dateline,
    split_nav_labels,
    split_title_suffix,
)
from kabar.clean.runon import split_runon
from kabar.model import Removed

# Closing marks and editor codes at the end of an article: "(*)", "***", "(rdw/idn)",
# "(ant)", okezone's "(Fitra Iskandar)" reporter credit.
_END_MARK = re.compile(
    r"(?:\(\s*\*+\s*\)|\*{3,}|\(\s*[a-z]{2,6}(?:\s*/\s*[a-z0-9]{2,6}){1,3}\s*\)|\((?:ant|antara|ANTARA|\*/[^)]{1,40})\)"
    r"|\(\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}\s*\)|\[\s*[a-z]{2,6}(?:/[a-z0-9]{2,6})+\s*\])$"
)
_TRAILING_MARK = re.compile(
    r"\s*(?:\(\s*\*+\s*\)|\*{3,}|\(\s*[a-z]{2,6}(?:\s*/\s*[a-z0-9]{2,6}){1,3}\s*\)|\((?:ant|antara|ANTARA|\*/[^)]{1,40})\))\s*$"
)
_MAX_BLOCK_HEADLINES = 3


@dataclass(slots=True)
class PageHints:
    """What the container or the HTML head says about the page (used when the page does not)."""

    title: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    published: str | None = None
    published_source: str | None = None
    outlet: str | None = None
    section: str | None = None
    url: str | None = None
    captions: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Page:
    """The result of the page pass (fields of the Article it becomes)."""

    title: str | None = None
    subtitle: str | None = None
    section: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    published: str | None = None
    published_date: str | None = None
    published_source: str | None = None
    dateline: str | None = None
    dateline_place: str | None = None
    cited_sources: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    subheadings: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    end_marks: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)


@dataclass(slots=True)
class _Unit:
    """One paragraph candidate: line indexes re-joined from scraper fragments."""

    lines: list[int]
    text: str
    key: str


def _mark(line: Line, role: str, reason: str = "") -> None:
    line.role = role
    line.reason = reason


def _boilerplate_rule(key: str, lexicon: Lexicon):
    for rule in lexicon.boilerplate:
        if rule.matches(key):
            return rule
    return None


def _mark_boilerplate(lines: list[Line], lexicon: Lexicon, templates: frozenset[str]) -> set[int]:
    """Lexicon and template lines; returns the indexes that mark the end of the article."""
    footer_marks: set[int] = set()
    i = 0
    while i < len(lines):
        line = lines[i]
        rule = _boilerplate_rule(line.key, lexicon)
        if rule is not None:
            _mark(line, "boilerplate", rule.reason)
            if rule.footer:
                footer_marks.add(i)
            if rule.block:
                taken = 0
                while (taken < _MAX_BLOCK_HEADLINES and i + 1 < len(lines)
                       and not lines[i + 1].role and headline_like(lines[i + 1].key)
                       and not paragraph_like(lines[i + 1].key)
                       and _boilerplate_rule(lines[i + 1].key, lexicon) is None):
                    i += 1
                    taken += 1
                    _mark(lines[i], "boilerplate", f"{rule.reason} (linked headline)")
        elif line.key in templates:
            _mark(line, "boilerplate", "template (repeats across this outlet's pages)")
        i += 1
    _mark_tag_list(lines)
    return footer_marks


def _mark_tag_list(lines: list[Line]) -> None:
    """A trailing run of short lower-case lines ("timnas indonesia", "raja ampat") is a tag list."""
    run: list[int] = []
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if line.role == "boilerplate":
            continue
        key = line.key
        if word_count(key) <= 5 and not ends_sentence(key) and key[:1].islower():
            run.append(i)
            continue
        break
    if len(run) >= 2:
        for i in run:
            _mark(lines[i], "boilerplate", "tags")


def _find_title(lines: list[Line], hints: PageHints, lexicon: Lexicon, page: Page) -> int | None:
    """Mark the title line (and section lines above it); return its index."""
    wanted = normalise_key(hints.title) if hints.title else None
    for i, line in enumerate(lines[:25]):
        if line.role:
            continue
        if wanted is not None:
            if line.key == wanted or split_title_suffix(line.key, lexicon).title == wanted:
                _mark(line, "title")
                return i
            continue
        labels = split_nav_labels(line.key, lexicon)
        if labels:
            _mark(line, "section", "section labels")
            page.section = page.section or section_from_labels(labels, lexicon)
            continue
        if parse_date_line(line.key) or parse_byline(line.key, lexicon, header=True):
            continue
        if 3 <= word_count(line.key) <= 30 and not ends_sentence(line.key.rstrip("?!")):
            _mark(line, "title")
            return i
        if i >= 12:
            break
    return None


def _is_caption(key: str, lexicon: Lexicon) -> bool:
    return any(rule.matches(key) for rule in lexicon.captions)


def _credit_suffix(short: str, long: str) -> bool:
    """Is ``long`` = ``short`` + a photo credit (" /", " / Nama", " (Foto: …)")?"""
    if not long.startswith(short) or long == short:
        return False
    rest = long[len(short):].strip()
    return bool(re.fullmatch(r"(?:/.*|\((?:foto|photo|dok|ilustrasi|istimewa|image)[^)]*\)|\|.*)", rest, re.I))


def _mark_roles(lines: list[Line], title_idx: int | None, lexicon: Lexicon,
                bylines: dict[int, Byline], dates: dict[int, DateLine]) -> None:
    """Sections, bylines, dates, captions and repeated titles among the unmarked lines."""
    title_key = lines[title_idx].key if title_idx is not None else None
    title_core = split_title_suffix(title_key, lexicon).title if title_key else None
    for i, line in enumerate(lines):
        if line.role:
            continue
        key = line.key
        header = title_idx is None or i <= title_idx + 6
        if title_key and (key == title_key or key == title_core):
            _mark(line, "boilerplate", "repeated title")
            continue
        if title_core and _credit_suffix(title_core, key):
            _mark(line, "caption")
            continue
        date = parse_date_line(key)
        if date is not None and (word_count(key) <= 12 or header):
            dates[i] = date
            _mark(line, "date")
            if date.rest:
                byline = parse_byline(date.rest.strip(" |-–,"), lexicon, header=header)
                if byline:
                    bylines[i] = byline
            continue
        byline = parse_byline(key, lexicon, header=header)
        if byline is not None:
            bylines[i] = byline
            _mark(line, "byline")
            continue
        if i + 1 < len(lines) and _credit_suffix(key, lines[i + 1].key):
            _mark(line, "caption")
            _mark(lines[i + 1], "caption")
            continue
        if _is_caption(key, lexicon) and not paragraph_like(key.rstrip(" /")):
            _mark(line, "caption")
            continue
        if split_nav_labels(key, lexicon):
            _mark(line, "boilerplate", "navigation labels")


def _units(lines: list[Line], start: int) -> list[_Unit]:
    """Unmarked lines from ``start`` on, grouped into paragraphs (fragments re-joined).

    A fragment chain may cross boilerplate lines (detik drops "SCROLL TO CONTINUE WITH
    CONTENT" inside paragraphs) but not titles, bylines, dates or captions.
    """
    units: list[_Unit] = []
    run: list[int] = []

    def flush() -> None:
        if not run:
            return
        pieces = [(lines[i].text, lines[i].key) for i in run]
        for group in join_fragments(pieces):
            idx = [run[g] for g in group]
            texts = [lines[j].text for j in idx]
            if any(lines[j].heading for j in idx) and len(idx) > 1:
                for j in idx:  # a heading from the HTML structure never joins a paragraph
                    units.append(_Unit([j], lines[j].text, lines[j].key))
                continue
            text = join_texts(texts)
            units.append(_Unit(idx, text, normalise_key(text)))
        run.clear()

    for i in range(start, len(lines)):
        role = lines[i].role
        if not role:
            run.append(i)
        elif role != "boilerplate":
            flush()
    flush()
    units.sort(key=lambda u: u.lines[0])
    return units


def _is_subheading(unit: _Unit, lines: list[Line]) -> bool:
    key = unit.key
    if len(unit.lines) != 1:
        return False
    if lines[unit.lines[0]].heading:
        return True
    words = word_count(key)
    if not 1 <= words <= 12 or len(key) > 110:
        return False
    if key.endswith((".", ",", ";", ":", "…")) or key[-1] in "”\"'’":
        return False
    if key.endswith(("?", "!")) and words > 10:
        return False
    first = key.lstrip("“\"‘'(")[:1]
    return first.isupper() or first.isdigit()


def clean_page(lines: list[Line], hints: PageHints, lexicon: Lexicon,
               templates: frozenset[str] = frozenset(), glue: GlueSplitter | None = None) -> Page:
    """Run the page pass over ``lines``; see the module docstring for the zones."""
    page = Page()
    footer_marks = _mark_boilerplate(lines, lexicon, templates)
    title_idx = _find_title(lines, hints, lexicon, page)
    bylines: dict[int, Byline] = {}
    dates: dict[int, DateLine] = {}
    _mark_roles(lines, title_idx, lexicon, bylines, dates)

    units = _units(lines, 0)
    first = title_idx if title_idx is not None else -1
    units = [u for u in units if u.lines[0] > first]
    known = glue.vocabulary if glue else frozenset()

    # body start: the first unit opened by a dateline or shaped like a paragraph
    body_start = None
    dateline: Dateline | None = None
    for n, unit in enumerate(units):
        dl = split_dateline(unit.text, lexicon, known)
        if dl is not None or paragraph_like(unit.key):
            body_start, dateline = n, dl
            break
    if body_start is None and units:
        body_start = 0
    header_units = units[:body_start] if body_start is not None else units
    body_units = units[body_start:] if body_start is not None else []
    for unit in header_units:
        if page.subtitle is None and word_count(unit.key) >= 4 and not hints.subtitle:
            page.subtitle = unit.text
            for i in unit.lines:
                _mark(lines[i], "subtitle")
        else:
            for i in unit.lines:
                _mark(lines[i], "boilerplate", "page header")

    # footer: the first end-of-article marker after the body has started, unless real
    # paragraphs follow it (a byline in the middle of a page is only a byline)
    footer_line = None
    if body_units:
        begin = body_units[0].lines[0]
        candidates = sorted({i for i in footer_marks if i > begin} | {i for i in bylines if i > begin})
        for i in candidates:
            later = [u for u in body_units if u.lines[0] > i and paragraph_like(u.key)]
            if len(later) < 2:
                footer_line = i
                break
    if footer_line is not None:
        for unit in body_units:
            if unit.lines[0] > footer_line:
                for i in unit.lines:
                    _mark(lines[i], "boilerplate", "after the end of the article")
        body_units = [u for u in body_units if u.lines[0] < footer_line]

    # body zone: end marks, subheadings, paragraphs
    paragraphs: list[str] = []
    subheadings: list[str] = []
    while body_units and _END_MARK.fullmatch(body_units[-1].key):
        unit = body_units.pop()
        page.end_marks.insert(0, unit.text)
        for i in unit.lines:
            _mark(lines[i], "end", "closing mark")
    for n, unit in enumerate(body_units):
        later_paragraph = any(paragraph_like(u.key) for u in body_units[n + 1:])
        if _is_subheading(unit, lines) and later_paragraph and n > 0:
            subheadings.append(unit.text)
            for i in unit.lines:
                _mark(lines[i], "subheading")
        elif not later_paragraph and word_count(unit.key) <= 4 and not ends_sentence(unit.key) and n > 0:
            for i in unit.lines:
                _mark(lines[i], "boilerplate", "label after the last paragraph")
        else:
            paragraphs.append(unit.text)
            for i in unit.lines:
                _mark(lines[i], "body")

    if paragraphs:
        m = _TRAILING_MARK.search(paragraphs[-1])
        if m and m.start() > 0:
            page.end_marks.append(paragraphs[-1][m.start():].strip())
            paragraphs[-1] = paragraphs[-1][: m.start()].rstrip()
    if paragraphs and dateline is not None:
        page.dateline = dateline.text
        page.dateline_place = dateline.place
        if dateline.outlet:
            page.outlet = dateline.outlet
        paragraphs[0] = paragraphs[0][dateline.end:]
        if not paragraphs[0].strip():
            paragraphs.pop(0)

    runon = split_runon(paragraphs, has_lead_marker=dateline is not None,
                        has_subtitle=page.subtitle is not None or bool(hints.subtitle),
                        vocabulary=known)
    paragraphs = runon.paragraphs
    page.subtitle = page.subtitle or runon.subtitle
    subheadings += runon.subheadings
    page.captions += runon.captions

    if glue is not None:
        paragraphs = [glue.split(p) for p in paragraphs]
    page.body = paragraphs
    page.subheadings = subheadings

    # metadata
    title_line = lines[title_idx].text if title_idx is not None else None
    if title_line is not None:
        parts = split_title_suffix(title_line, lexicon)
        page.title = parts.title
        page.section = page.section or parts.section
    elif hints.title:
        page.title = split_title_suffix(hints.title, lexicon).title
    if page.title and glue is not None:
        page.title = glue.split(page.title)
    page.subtitle = page.subtitle or hints.subtitle
    page.section = page.section or hints.section
    page.captions = [line.text for line in lines if line.role == "caption"] + page.captions
    for cap in hints.captions:
        if cap not in page.captions:
            page.captions.append(cap)

    sources: list[str] = []
    for i in sorted(bylines):
        b = bylines[i]
        page.authors += [a for a in b.authors if a not in page.authors]
        page.editors += [e for e in b.editors if e not in page.editors]
        sources += [s for s in b.sources if s not in sources]
    if not page.authors:
        page.authors = list(hints.authors)
    if not page.editors:
        page.editors = list(hints.editors)
    for name in cited_sources(page.body, lexicon):
        if name not in sources:
            sources.append(name)
    page.cited_sources = sources

    _set_published(page, dates, hints)
    page.outlet = page.outlet or hints.outlet

    for line in lines:
        if line.role in ("boilerplate", "end"):
            page.removed.append(Removed(line.text, line.reason or line.role, line.number))
    return page


def _set_published(page: Page, dates: dict[int, DateLine], hints: PageHints) -> None:
    """Publication time: a stated "published" line, else the page's only date line, else the
    HTML meta / container hint. An "updated" time is used only when nothing else is given."""
    stated = [d for d in dates.values() if not d.updated]
    updated = [d for d in dates.values() if d.updated]
    chosen = stated[0] if stated else None
    if chosen is not None:
        page.published = chosen.value.value
        page.published_date = chosen.value.date.isoformat()
        page.published_source = "text"
    elif hints.published:
        page.published = hints.published
        page.published_date = hints.published[:10]
        page.published_source = hints.published_source or "hint"
    elif updated:
        page.published = updated[0].value.value
        page.published_date = updated[0].value.date.isoformat()
        page.published_source = "text (last updated)"
