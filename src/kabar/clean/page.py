"""The Indonesian page pass: lines of one page → title, metadata, body, and what was removed.

The same pass runs on text dumps and on the blocks extracted from HTML. It reads the page as
three zones, the way a reader does:

* header: site name, menus, breadcrumb or section label, title, deck (subtitle), byline,
  date, lead photo caption;
* body: from the first paragraph (often opened by a dateline, "JAKARTA, KOMPAS.com -") to the
  end of the article, holding paragraphs, subheadings, captions, inline related links and ads;
* footer: from the first end-of-article marker (editor credit, share / comment block, tags)
  on; everything there is furniture except the credits it carries.

Every dropped line is recorded with its reason. Body text is copied from the input; the only
changes are whitespace (fragments of one paragraph re-joined, glued words split).
"""

from __future__ import annotations

import collections
import functools
import itertools
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from kabar.clean.glue import GlueSplitter
from kabar.clean.inline import (
    headline_lowercase,
    strip_inline_embeds,
    strip_inline_related,
    strip_parenthesised_related,
    strip_trailing_furniture,
)
from kabar.clean.lexicon import CAPTION_TAIL, BoilerplateMatcher, BoilerplateRule, Lexicon
from kabar.clean.lines import (
    Line,
    ends_open,
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
    is_site_name,
    parse_breadcrumb,
    parse_byline,
    parse_date_line,
    section_from_labels,
    split_dateline,
    split_names,
    split_nav_labels,
    split_title_suffix,
)
from kabar.clean.runon import split_glued_headings, split_runon
from kabar.lang.stopwords import stopwords
from kabar.model import Removed

# Closing marks and editor codes at the end of an article: "(*)", "***", "(rdw/idn)",
# "(ant)", okezone's "(Fitra Iskandar)" reporter credit.
END_MARK = re.compile(
    r"(?:\(\s*\*+\s*\)|\*{3,}|\(\s*[a-z]{2,6}(?:\s*/\s*[a-z0-9]{2,6}){1,3}\s*\)|\((?:ant|antara|ANTARA|\*/[^)]{1,40})\)"
    r"|\(\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}\s*\)|\[\s*[a-z]{2,6}(?:/[a-z0-9]{2,6})+\s*\])$"
)
# ... and glued to the last sentence: "…Telegram.(dtk)", "…di iNews!(sto)", "…rumah duka. ( Wan)",
# "…Inggris.(Fetra Hariandja)", "(TribunPadang.com/Nama)", a stray "**": a short bracketed
# group after the final punctuation of the article
_TRAILING_MARK = re.compile(
    r"(?:(?<=[.!?\"”’])|\s)\s*(?:\(\s*\*+\s*\)|\*{1,3}|\([^()\n]{1,45}\)|\[[a-z/]{3,20}\])\s*\**\s*$"
    r"|\s*\*{3,}\s*$|\s+\(\s*[a-z]{2,6}(?:\s*/\s*[a-z0-9]{2,6}){1,3}\s*\)\s*$"
)
# A photo credit that ends a caption: "(KOMPAS.COM/PUJI HASTUTI)", "TEMPO/Faisal Akbar",
# "ANTARA/Yosef Kambuaya", "(Liputan6.com/Rizky Adiwijaya)".
_CREDIT_END = re.compile(
    r"(?:[\s.(\[]|^)\(?\s*(?:[A-Za-z][\w-]*\.(?i:com|co\.id|id|co|net)|[A-Z][A-Z-]{3,}(?: FOTO)?)\s*/\s*"
    r"[A-Za-z][\w.'’-]*(?:\s[A-Za-z][\w.'’-]*){0,4}\s*[)\]]?\s*$"
)
# the reporter's credit closing a tribun article: "( Tribunjogja.com / Bunga Kartikasari )"
_REPORTER_CREDIT = re.compile(
    r"\(\s*[A-Za-z][\w-]*\.(?i:com|co\.id|id)\s*/\s*(?P<name>[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,4})\s*\)"
)
_EDITOR_CODE = re.compile(r"\(\s*(?:[a-z0-9]{2,6}\s*/\s*){1,3}[a-z0-9]{2,6}\s*\)|\(\s*\*\s*\)")
_CREDIT_ONLY = re.compile(
    r"^(?:foto|photo|fotografer|dok(?:umentasi)?|sumber foto)\s*[:.]\s*\S.{0,60}$", re.I
)
_EDGE_MARKS = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff \t\n"
_LABEL_VALUE = re.compile(r"\S:\s+\S")  # "Kota Manado: Pukul 09.00-16.00 WITA" is a list item
_LIST_ITEM = re.compile(r"^(?:\d{1,2}[.)]|[a-z][.)]|[-•*–])\s")
_LIST_VALUE = re.compile(r":\s*(?:rp\.?\s*)?\d|\brp\.?\s*\d", re.I)
_MAX_BLOCK_HEADLINES = 3
_VIDEO_PROMPT = re.compile(r"\bvideo", re.I)
_VIDEO_TEASER = re.compile(r"[^.!?]{10,160}\?")
_HEADER_LINES = 40
_CROSSABLE = {"ad", "loading", "template (repeats across this outlet's pages)"}


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


@dataclass(slots=True)
class _Found:
    """What the line roles revealed, gathered for the metadata step."""

    bylines: dict[int, Byline] = field(default_factory=dict)
    dates: dict[int, DateLine] = field(default_factory=dict)
    footer_marks: set[int] = field(default_factory=set)
    site_names: list[str] = field(default_factory=list)
    trailing_dates: set[int] = field(default_factory=set)  # date lines below the text


def _mark(line: Line, role: str, reason: str = "") -> None:
    line.role = role
    line.reason = reason


def _boilerplate_rule(key: str, lexicon: Lexicon) -> BoilerplateRule | None:
    return _rule_memo(lexicon.matcher, key)


@functools.lru_cache(maxsize=65536)  # site furniture repeats page after page
def _rule_memo(matcher: BoilerplateMatcher, key: str) -> BoilerplateRule | None:
    return matcher.rule(key)


_NO_SPACE = re.compile(r"\s+")


def _mark_nested(lines: list[Line]) -> None:
    """Scraper nesting (republika, okezone): a line that is the next line plus the rest of the
    article glued on is a copy; so is a long line repeated verbatim."""
    squashed = ["".join(line.key.split()) for line in lines]
    for i in range(len(lines) - 1):
        nxt = squashed[i + 1]
        if len(nxt) >= 20 and len(squashed[i]) > len(nxt) and squashed[i].startswith(nxt):
            _mark(lines[i], "boilerplate", "nested copy of the following paragraphs (scraper)")
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if line.role:
            continue
        if len(squashed[i]) >= 40:
            if squashed[i] in seen:
                _mark(line, "boilerplate", "repeated paragraph")
            seen.add(squashed[i])
    # a headline printed twice (detik's video box repeats the video's title) is furniture,
    # first copy included
    counts = collections.Counter(squashed[i] for i, line in enumerate(lines) if len(squashed[i]) >= 25)
    first_paragraph = next((i for i, line in enumerate(lines) if paragraph_like(line.key)), len(lines))
    for i, line in enumerate(lines):
        if (
            i > first_paragraph
            and counts.get(squashed[i], 0) >= 2
            and not line.role
            and headline_like(line.key)
            and not paragraph_like(line.key)
            and _title_case(line.key)
        ):
            _mark(line, "boilerplate", "repeated headline (video or related box)")


def _mark_boilerplate(lines: list[Line], lexicon: Lexicon, templates: frozenset[str], found: _Found) -> None:
    """Lexicon and template lines, linked headlines after "Baca juga", stray labels, tags."""
    _mark_nested(lines)
    spaced = sum(1 for line in lines[1:] if line.blank_before) >= len(lines) // 3
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.role:
            i += 1
            continue
        rule = _boilerplate_rule(line.key, lexicon)
        if rule is not None:
            _mark(line, "boilerplate", rule.reason)
            if rule.footer:
                found.footer_marks.add(i)
            if rule.block:
                if len(line.key.split()) <= 3 and (
                    _continues(lines, i + 1) or _continues(lines, i) or (i > 0 and _continues(lines, i - 1))
                ):
                    # "Terkait" / "PT Gag Nikel" / "yang …": a fragment of a sentence, not a box
                    _mark(line, "")
                    i += 1
                    continue
                taken = 0
                while (
                    taken < _MAX_BLOCK_HEADLINES
                    and i + 1 < len(lines)
                    and not lines[i + 1].role
                    and headline_like(lines[i + 1].key)
                    and (
                        not paragraph_like(lines[i + 1].key)
                        or lines[i + 1].key.endswith(("?", "!", "...", "…"))
                    )
                    and _boilerplate_rule(lines[i + 1].key, lexicon) is None
                    and not _CREDIT_END.search(lines[i + 1].key[-90:])
                    and not _continues(lines, i + 1)
                    and _title_case(lines[i + 1].key)
                    and not _LIST_ITEM.match(lines[i + 1].key)  # "1. Cek Fakta: …" is the article's list
                    # a second headline only while the list of links goes on: in a page laid
                    # out with blank lines, the lines right under the marker; in a scrape with
                    # none, while no paragraph follows (a heading that opens a paragraph is
                    # the article's own) or once two links have stacked up (republika lists three)
                    and (
                        taken == 0
                        or (
                            not lines[i + 1].blank_before
                            if spaced
                            else (
                                taken >= 2
                                or i + 2 >= len(lines)
                                or bool(lines[i + 2].role)
                                or not paragraph_like(lines[i + 2].key)
                            )
                        )
                    )
                ):
                    i += 1
                    taken += 1
                    _mark(lines[i], "boilerplate", f"{rule.reason} (linked headline)")
            # a headline the scraper broke at its links, under a "Baca juga" box that took
            # none whole or under "Tonton juga Video:"
            if (rule.block and taken == 0) or (not rule.block and line.key.endswith(":")):
                for k in range(i + 1, i + 1 + _split_headline(lines, i, lexicon)):
                    _mark(lines[k], "boilerplate", f"{rule.reason} (linked headline, split over lines)")
        elif _EDITOR_CODE.fullmatch(line.key):
            _mark(line, "end", "closing mark (editor code)")  # "(dry/din)": the story ends here
            found.footer_marks.add(i)
        elif (
            line.key in templates
            and not _fragment(lines, i)
            and _standalone(lines, i)
            and parse_byline(line.key, lexicon) is None
        ):  # "EDITOR : Rahmad" is a credit
            # a recurring line that is a piece of a sentence ("Jakarta" / "-" of detik's
            # dateline, a linked "Timnas Indonesia") is text, however often it recurs
            _mark(line, "boilerplate", "template (repeats across this outlet's pages)")
        elif _stray(lines, i):
            _mark(line, "boilerplate", "stray label (font button, page number)")
        i += 1
    _mark_split_boilerplate(lines, lexicon)
    _mark_tag_list(lines)


_SPLIT_PIECES = 5  # lines a scraper breaks one promo or one linked headline into, at most


def _split_headline(lines: list[Line], marker: int, lexicon: Lexicon) -> int:
    """How many lines after the marker at ``marker`` are one linked headline broken at its
    links ("Tonton juga Video:" / "Fulham" / "Vs Man City:" / "Halaand" / "dkk Menang 2-0"),
    closed by another boilerplate line ("[Gambas:Video 20detik]"); 0 when they are not."""
    for end in range(marker + 1, min(len(lines), marker + 2 + _SPLIT_PIECES)):
        line = lines[end]
        closing = (
            bool(line.role)
            or _boilerplate_rule(line.key, lexicon) is not None
            or bool(_EDITOR_CODE.fullmatch(line.key))
        )
        if closing:
            joined = " ".join(piece.key for piece in lines[marker + 1 : end])
            n = end - marker - 1
            if n >= 2 and word_count(joined) <= 18 and headline_like(joined) and _title_case(joined):
                return n
            return 0
        if word_count(line.key) > 5 or line.key.endswith(".") or _LIST_ITEM.match(line.key):
            return 0
    return 0


def _mark_split_boilerplate(lines: list[Line], lexicon: Lexicon) -> None:
    """A promo the scraper broke at its links ("Simak" / "breaking news" / "dan" / "berita
    pilihan" / "kami langsung di ponselmu …"): short lines just above a boilerplate line that,
    read together, match a boilerplate rule, go with it."""
    for i, line in enumerate(lines):
        if line.role != "boilerplate":
            continue
        start, pieces, found_rule = None, [], None
        j = i - 1
        while (
            j >= 0
            and i - j <= _SPLIT_PIECES
            and not lines[j].role
            and word_count(lines[j].key) <= 3
            and not ends_sentence(lines[j].key)
        ):
            pieces.insert(0, lines[j].key)
            # a one-off join: matched directly, not through the per-line memo
            rule = lexicon.matcher.rule(" ".join(pieces))
            if rule is not None:
                start, found_rule = j, rule
            j -= 1
        if start is not None and found_rule is not None:
            for k in range(start, i):
                _mark(lines[k], "boilerplate", f"{found_rule.reason} (split over lines)")


def _title_case(key: str) -> bool:
    """Is ``key`` written like a linked headline: most words capitalised (function words aside)?"""
    words = [w for w in re.findall(r"[\w'’-]+", key) if w.lower() not in headline_lowercase()]
    if not words:
        return False
    capital = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    return capital / len(words) >= 0.7


def _standalone(lines: list[Line], i: int) -> bool:
    """Does line ``i`` stand between finished blocks (not inside a sentence a scraper broke
    at its links: "…Grup C" / "Kualifikasi Piala Dunia 2026" / "Zona Asia.")?"""
    prev = next((lines[j] for j in range(i - 1, -1, -1) if lines[j].role not in ("boilerplate",)), None)
    return prev is None or bool(prev.role) or ends_sentence(prev.key) or prev.key.endswith(":")


def _fragment(lines: list[Line], i: int) -> bool:
    """Does line ``i`` join the line before or after it into one paragraph?"""
    key = lines[i].key
    if i > 0 and not lines[i - 1].role and join_fragments([("", lines[i - 1].key), ("", key)]) == [[0, 1]]:
        return True
    return i + 1 < len(lines) and join_fragments([("", key), ("", lines[i + 1].key)]) == [[0, 1]]


def _continues(lines: list[Line], i: int) -> bool:
    """Is line ``i`` a fragment that the next line continues ("PT Gag Nikel" / "yang …")?"""
    if i + 1 >= len(lines):
        return False
    nxt = lines[i + 1].key
    return bool(nxt) and (nxt[0].islower() or nxt[0] in ",.;:)") and not ends_sentence(lines[i].key)


def _stray(lines: list[Line], i: int) -> bool:
    """A one- or two-character line that is not a piece of the paragraph around it."""
    key = lines[i].key
    if len(key) > 2 or not key.isalnum():
        return False
    prev_ok = (
        i == 0
        or ends_sentence(lines[i - 1].key)
        or lines[i - 1].key[-1:].isalnum() is False
        or len(lines[i - 1].key) <= 2
        or lines[i - 1].key[-1:] in ")"
    )
    next_ok = i + 1 >= len(lines) or not lines[i + 1].key[:1].islower()
    return prev_ok and next_ok


def _mark_tag_list(lines: list[Line]) -> None:
    """Short lower-case lines after the last paragraph ("timnas indonesia", "raja ampat") are
    a tag list when there are at least two of them."""
    last = max(
        (i for i, line in enumerate(lines) if not line.role and paragraph_like(line.key)), default=None
    )
    if last is None:
        return
    tags = [
        i
        for i in range(last + 1, len(lines))
        if not lines[i].role
        and word_count(lines[i].key) <= 5
        and not ends_sentence(lines[i].key)
        and lines[i].key[:1].islower()
    ]
    if len(tags) >= 2:
        for i in tags:
            _mark(lines[i], "boilerplate", "tags")


def _is_caption(key: str, lexicon: Lexicon) -> bool:
    if len(key) > 600:
        return False
    tail = key[-CAPTION_TAIL:]
    if not ("/" in tail or "(" in tail or "[" in tail or ":" in tail or ":" in key[:40] or "." in key[:14]):
        return False  # every caption pattern needs one of these marks
    return bool(
        lexicon.caption_head.match(key)
        or lexicon.caption_tail.search(key[-CAPTION_TAIL:])
        or _CREDIT_END.search(key[-90:])
    )


def _credit_suffix(short: str, long: str) -> bool:
    """Is ``long`` = ``short`` + a photo credit (" /", " / Nama", " (Foto: …)")?"""
    if not long.startswith(short) or long == short:
        return False
    rest = long[len(short) :].strip()
    return bool(
        re.fullmatch(r"(?:/.*|\((?:foto|photo|dok|ilustrasi|istimewa|image)[^)]*\)|\|.*)", rest, re.I)
    )


def _first_dateline(lines: list[Line], lexicon: Lexicon, known: frozenset[str]) -> int | None:
    """Index of the first line (in the page's first lines) that opens with a dateline."""
    for i, line in enumerate(lines[:_HEADER_LINES]):
        # "BEGAL BUSUR - … TRIBUN-TIMUR.COM/NAMA" is a caption and "Kompas.com - 14/11/2023,
        # 09:12 WIB" a date line, not leads opened by a dateline
        if line.role or _CREDIT_END.search(line.key[-90:]) or parse_date_line(line.key):
            continue
        if split_dateline(line.key, lexicon, known) is not None:
            return i
    return None


def _mark_roles(lines: list[Line], lexicon: Lexicon, found: _Found, lead: int | None) -> None:
    """Bylines, dates, captions, site names and navigation among the unmarked lines.

    ``lead`` is the line that opens with the dateline, if any: above it lies the header.
    """
    limit = lead if lead is not None else _HEADER_LINES
    paragraphs = [i for i, line in enumerate(lines) if not line.role and paragraph_like(line.key)]
    if paragraphs and lead is None:  # no dateline: the header ends at the first paragraph
        limit = min(limit, paragraphs[0])
    last_paragraph = paragraphs[-1] if paragraphs else -1
    for i, line in enumerate(lines):
        if line.role:
            continue
        key = line.key
        header = i < limit
        date = parse_date_line(key)
        # a date line tells the publication time above the text or below it; inside the
        # body it is text ("Jumat, 23 Mei 2025" in a schedule)
        if date is not None and (header or i > last_paragraph):
            found.dates[i] = date
            if not header:
                found.trailing_dates.add(i)
            _mark(line, "date")
            if date.rest:
                byline = parse_byline(date.rest.strip(" |-–·,"), lexicon, header=header)
                if byline:
                    found.bylines[i] = byline
            continue
        byline = parse_byline(key, lexicon, header=header)
        if byline is not None:
            found.bylines[i] = byline
            _mark(line, "byline")
            continue
        if is_site_name(key, lexicon) and (header or i > last_paragraph) and not _fragment(lines, i):
            found.site_names.append(line.text)
            _mark(line, "boilerplate", "site name")
            continue
        reporter = _REPORTER_CREDIT.fullmatch(key) if i > last_paragraph else None
        if reporter:  # "(TribunManado.co.id/Nielton Durado)" under the text: who wrote it
            _mark(line, "end", "closing mark (reporter credit)")
            found.bylines[i] = Byline(authors=split_names(reporter.group("name")))
            continue
        if i + 1 < len(lines) and _credit_suffix(key, lines[i + 1].key):
            _mark(line, "caption")
            _mark(lines[i + 1], "caption")
            continue
        if _CREDIT_ONLY.match(key):
            _mark(line, "caption")
            prev = i - 1
            while prev >= 0 and lines[prev].role == "boilerplate":
                prev -= 1
            if (
                prev >= 0
                and not lines[prev].role
                and (prev < limit)
                and not split_dateline(lines[prev].key, lexicon)
            ):
                _mark(lines[prev], "caption")
            continue
        # a credit at the end of a long line in the body is the reporter's, not a photo's:
        # the line is text and the credit is cut off as a closing mark
        credited = _CREDIT_END.search(key[-90:]) is not None
        if _is_caption(key, lexicon) and (
            not paragraph_like(key.rstrip(" /"))
            or (credited and (header or word_count(key) <= 30) and i != last_paragraph)
        ):
            _mark(line, "caption")
            continue
        if (parse_breadcrumb(key, lexicon) is not None or split_nav_labels(key, lexicon)) and not _fragment(
            lines, i
        ):
            _mark(line, "nav")  # not "breaking news" inside a sentence, nor a linked "detikNews"


def _find_title(
    lines: list[Line], hints: PageHints, lexicon: Lexicon, found: _Found, lead: int | None
) -> int | None:
    """Mark the title line; return its index.

    With a title hint (JSONL, HTML head) the line that says it. Otherwise the headline that
    stands just above the first byline or date line of the header (portals print credits
    right under the headline), else the first headline-shaped line; a URL slug that matches
    a candidate wins over both.
    """
    limit = min(len(lines), lead if lead is not None else _HEADER_LINES)
    if hints.title:
        wanted = normalise_key(hints.title)
        for i, line in enumerate(lines[: max(limit, 25)]):
            if line.role in ("", "nav") and (
                line.key == wanted or split_title_suffix(line.key, lexicon).title == wanted
            ):
                _mark(line, "title")
                return i
        return None
    candidates = [i for i in range(limit) if not lines[i].role and _title_shaped(lines[i].key)]
    if not candidates:
        return None
    slug = _slug_words(hints.url)
    if slug:
        scored = [(_overlap(lines[i].key, slug), -i) for i in candidates]
        best = max(scored)
        best = (best[0], -best[1])
        if best[0] >= 0.6:
            _mark(lines[best[1]], "title")
            return best[1]
    credits = sorted(set(found.bylines) | set(found.dates))
    credits = [c for c in credits if c < limit]
    chosen = candidates[0]
    if credits:
        before = [i for i in candidates if i < credits[0]]
        if before:
            chosen = before[-1]
    _mark(lines[chosen], "title")
    return chosen


def _title_shaped(key: str) -> bool:
    words = word_count(key)
    return 3 <= words <= 30 and not ends_sentence(key.rstrip("?!")) and not key.endswith(":")


def _slug_words(url: str | None) -> set[str]:
    if not url:
        return set()
    path = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
    path = re.sub(r"\.\w+$", "", path)
    return {w for w in re.split(r"[-_]+", path.lower()) if w.isalpha() and len(w) > 1}


def _overlap(key: str, slug: set[str]) -> float:
    words = {w for w in re.findall(r"[a-z]+", key.lower()) if len(w) > 1}
    return len(words & slug) / max(1, len(words))


def _section_above(lines: list[Line], title_idx: int, lexicon: Lexicon) -> str | None:
    """The section label nearest above the title: a breadcrumb's last step, a glued label
    line ("HeadlinePeristiwa"), or a lone short label ("Raket")."""
    for i in range(title_idx - 1, -1, -1):
        line = lines[i]
        if line.role == "boilerplate" and line.reason not in ("navigation labels",):
            continue
        crumb = parse_breadcrumb(line.key, lexicon)
        if crumb:
            return crumb
        labels = split_nav_labels(line.key, lexicon)
        if labels:
            return section_from_labels(labels, lexicon)
        words = line.key.split()
        if (
            1 <= len(words) <= 3
            and len(line.key) <= 25
            and all(w[:1].isupper() for w in words)
            and not any(c.isdigit() for c in line.key)
            and line.role in ("", "nav")
        ):
            return line.key
        return None
    return None


def _units(lines: list[Line], start: int, lexicon: Lexicon) -> list[_Unit]:
    """Unmarked lines from ``start`` on, grouped into paragraphs (fragments re-joined).

    A fragment chain may cross ads (detik drops "SCROLL TO CONTINUE WITH CONTENT" inside
    paragraphs) but not other furniture, titles, bylines, dates or captions.
    """
    units: list[_Unit] = []
    run: list[int] = []

    def flush() -> None:
        if not run:
            return
        pieces = [(lines[i].text, lines[i].key) for i in run]
        for group in join_fragments(pieces):
            idx = [run[g] for g in group]
            if any(lines[j].heading for j in idx) and len(idx) > 1:
                for j in idx:  # a heading from the HTML structure never joins a paragraph
                    units.append(_Unit([j], lines[j].text, lines[j].key))
                continue
            if len(idx) == 1:
                units.append(_Unit(idx, lines[idx[0]].text, lines[idx[0]].key))
                continue
            text = join_texts([lines[j].text for j in idx], [b - a > 1 for a, b in itertools.pairwise(idx)])
            key = normalise_key(text)
            rule = _boilerplate_rule(key, lexicon)
            if rule is not None:  # furniture split over lines (kompas' WhatsApp block)
                for j in idx:
                    _mark(lines[j], "boilerplate", rule.reason)
                continue
            units.append(_Unit(idx, text, key))
        run.clear()

    for i in range(start, len(lines)):
        line = lines[i]
        if not line.role:
            run.append(i)
        elif not (line.role == "boilerplate" and line.reason in _CROSSABLE):
            flush()
    flush()
    units.sort(key=lambda u: u.lines[0])
    return units


_DATELINE_START = re.compile(r"^[A-Za-z][\w.&'’ -]{1,40}?(?:,\s*[\w.&'’ -]{2,40}?)?\s*(?:--|[-–—]|:)(?:\s|$)")


def _absorb_after_dateline(
    units: list[_Unit], lines: list[Line], lexicon: Lexicon, known: frozenset[str]
) -> list[_Unit]:
    """Join a short unit that opens with a dateline to the units after it, up to the end of a
    sentence (at most six pieces), when the dateline alone would not count as a lead."""
    for n, unit in enumerate(units[:10]):
        if paragraph_like(unit.key) or not _DATELINE_START.match(unit.key):
            continue
        end = n + 1
        text = unit.text
        while end < len(units) and end - n <= 6 and not ends_sentence(text):
            text = text + " " + units[end].text
            end += 1
        if end > n + 1 and split_dateline(normalise_key(text), lexicon, known) is not None:
            merged = _Unit([i for u in units[n:end] for i in u.lines], text, normalise_key(text))
            return [*units[:n], merged, *units[end:]]
        return units
    return units


def _heading_shaped(unit: _Unit, lines: list[Line]) -> bool:
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
    if _LIST_VALUE.search(key) or _LIST_ITEM.match(key) or _LABEL_VALUE.search(key):
        return False  # "Harga emas 1 gram: Rp …", "1. Hermansyah": list items are body
    if key[0] in "“\"‘'(" or "," in key or key.endswith("?"):
        return False  # quote openings, clauses and questions are text, not headings
    last = key.split()[-1]
    if (last.islower() and last in stopwords("id")) or ends_open(key):
        return False  # "… guna memastikan", "… kini", "… poster bertuliskan": a sentence cut at a link
    return key[0].isupper() or key[0].isdigit()


_TOPIC_WORD = re.compile(r"[A-Za-z]{4,}")


def _topic_words(text: str) -> set[str]:
    stop = stopwords("id")
    return {w for w in (t.lower() for t in _TOPIC_WORD.findall(text)) if w not in stop}


def _drop_off_topic_headlines(units: list[_Unit], lines: list[Line], title: str) -> list[_Unit]:
    """Headlines of other stories standing alone between paragraphs (liputan6 leaves the
    titles of its video embeds: "Kejar Bebek, Pria Cilacap Tewas Tenggelam di Sungai
    Citanduy" inside an article on the hajj): a title-cased line of 7-20 words, between two
    paragraphs, that shares no content word (4+ letters, not a stop word) with the title or
    any other unit of the body. A subheading names what its section is about, so it shares
    words with it; names in a list or a role under a name stand next to other short lines
    and are left alone."""
    candidates = [
        n
        for n in range(1, len(units) - 1)
        if _headline_between_paragraphs(units[n], units[n - 1], units[n + 1])
    ]
    if not candidates:
        return units
    words = [_topic_words(u.key) for u in units]
    title_words = _topic_words(title)
    dropped = set()
    for n in candidates:
        mine = words[n]
        if mine and not mine & title_words and not any(mine & w for m, w in enumerate(words) if m != n):
            dropped.add(n)
            for i in units[n].lines:
                _mark(lines[i], "boilerplate", "headline of another story (shares no word with the article)")
    return [u for n, u in enumerate(units) if n not in dropped]


def _headline_between_paragraphs(unit: _Unit, before: _Unit, after: _Unit) -> bool:
    """Is ``unit`` one title-cased line of 7-20 words, not a list item, label or clause,
    between a finished paragraph and another paragraph?"""
    key = unit.key
    return (
        len(unit.lines) == 1
        and 7 <= word_count(key) <= 20
        and key[-1].isalnum()
        and ("," in key or any(w.islower() for w in key.split()))
        and "(" not in key
        and " sebagai " not in key
        and not _LIST_ITEM.match(key)
        and not _LABEL_VALUE.search(key)
        and _title_case(key)
        and paragraph_like(before.key)
        and ends_sentence(before.key)
        and paragraph_like(after.key)
    )


def _classify_body(
    units: list[_Unit], lines: list[Line], fragmented: bool = False
) -> tuple[list[str], list[str]]:
    """Paragraphs and subheadings of the body zone (end marks already taken off).

    A heading-shaped unit is a subheading when it follows a finished paragraph and a
    paragraph follows it, or when a list follows it (a run of short lines that share their
    first word: "Harga emas 1 gram: …"). In a page whose scraper broke sentences at every
    link (``fragmented``), a short line is as likely a piece of a sentence as a heading, so
    only headings the HTML marks are taken: the rest stays in the body, where no text is lost.
    """
    paragraphs: list[str] = []
    subheadings: list[str] = []
    n_units = len(units)
    shaped = [paragraph_like(u.key) for u in units]
    later = [False] * (n_units + 1)  # later[n]: a paragraph-shaped unit comes after unit n
    for n in range(n_units - 1, -1, -1):
        later[n] = later[n + 1] or (n + 1 < n_units and shaped[n + 1])
    for n, unit in enumerate(units):
        later_paragraph = later[n]
        nxt = units[n + 1] if n + 1 < n_units else None
        structural = lines[unit.lines[0]].heading
        prev_done = n > 0 and ends_sentence(units[n - 1].key)
        is_heading = (
            _heading_shaped(unit, lines)
            and n > 0
            and later_paragraph
            and (structural or (prev_done and not fragmented))
        )
        if (
            is_heading
            and nxt is not None
            and not paragraph_like(nxt.key)
            and not lines[unit.lines[0]].heading
        ):
            # followed by a short line: a heading only if that starts a list it is not part of
            run = [u for u in units[n + 1 : n + 6] if not paragraph_like(u.key)]
            first_words = [u.key.split()[0].lower() for u in run if u.key.split()]
            own = unit.key.split()[0].lower()
            is_heading = len(run) >= 2 and first_words.count(first_words[0]) >= 2 and own != first_words[0]
        furniture_before = n > 0 and any(
            lines[i].role == "boilerplate" for i in range(units[n - 1].lines[-1] + 1, unit.lines[0])
        )
        if (
            not later_paragraph
            and not paragraph_like(unit.key)
            and word_count(unit.key) <= 4
            and not ends_sentence(unit.key)
            and furniture_before
        ):
            # a label standing after the article's furniture ("Tempo Media Group")
            for i in unit.lines:
                _mark(lines[i], "boilerplate", "label after the article")
            continue
        if is_heading:
            subheadings.append(unit.text)
            for i in unit.lines:
                _mark(lines[i], "subheading")
        else:
            paragraphs.append(unit.text)
            for i in unit.lines:
                _mark(lines[i], "body")
    return paragraphs, subheadings


_SENTENCE_THEN = re.compile(r"[.!?][”\"’)]?\s*")


def _title_glued_at_end(paragraph: str, title: str) -> str | None:
    """The headline (or its first 5+ words) run onto the end of a paragraph after its last
    sentence ("… Senin (9/6/2025).3 Potret Cantik Sara Hilgers saat …"): a gallery heading or
    a repeated title, not the paragraph's text. Returns that tail, or None."""
    words = title.split()
    if len(words) < 5 or len(paragraph) <= len(title) // 2:
        return None
    at = paragraph.rfind(words[0])  # the tail starts with the title's first word
    if at <= 0:
        return None
    tail = paragraph[at:]
    n = len(tail.split())
    if n < 5 or n > len(words) or " ".join(words[:n]).rstrip(",;:–-—") != tail:
        return None
    m = _SENTENCE_THEN.search(paragraph[max(0, at - 4) : at])
    return tail if m is not None and m.end() == at - max(0, at - 4) else None


def _outlet_key(name: str | None) -> str:
    return re.sub(r"[\W_]|(?:\.co)?\.(?:com|id|co)$", "", (name or "").lower().replace(".co.id", ""))


def clean_page(
    lines: list[Line],
    hints: PageHints,
    lexicon: Lexicon,
    templates: frozenset[str] = frozenset(),
    glue: GlueSplitter | None = None,
    titles: frozenset[str] = frozenset(),
) -> Page:
    """Run the page pass over ``lines``; see the module docstring for the zones.

    ``templates`` are the outlet's learned template lines, ``titles`` the headlines of the
    batch (to cut inline "Baca Juga" links exactly).
    """
    page = Page()
    found = _Found()
    known = glue.vocabulary if glue else frozenset()
    _mark_boilerplate(lines, lexicon, templates, found)
    lead = _first_dateline(lines, lexicon, known)
    _mark_roles(lines, lexicon, found, lead)
    title_idx = _find_title(lines, hints, lexicon, found, lead)
    if title_idx is not None:
        title_key = lines[title_idx].key
        title_core = split_title_suffix(title_key, lexicon).title
        page.section = _section_above(lines, title_idx, lexicon)
        for i, line in enumerate(lines):
            if i == title_idx or line.role not in ("", "nav"):
                continue
            if line.key in (title_key, title_core):
                _mark(line, "boilerplate", "repeated title")
            elif _credit_suffix(title_core, line.key):
                _mark(line, "caption")
    for line in lines:
        if line.role == "nav":
            _mark(line, "boilerplate", "navigation labels")

    units = _units(lines, 0, lexicon)
    first = title_idx if title_idx is not None else -1
    units = [u for u in units if u.lines[0] > first]

    # a dateline the scraper broke off with a link ("Buenos Aires -" / "Pelatih" / "Timnas
    # Argentina" / "…"): the pieces after it belong to the lead until a sentence is complete
    units = _absorb_after_dateline(units, lines, lexicon, known)

    # body start: the unit opened by the dateline, else the first paragraph-shaped unit
    body_start = None
    dateline: Dateline | None = None
    for n, unit in enumerate(units[:10]):
        dl = split_dateline(unit.text, lexicon, known)
        if dl is not None:
            body_start, dateline = n, dl
            break
    if body_start is None:
        body_start = next((n for n, u in enumerate(units) if paragraph_like(u.key)), 0 if units else None)
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
        candidates = sorted(
            {i for i in found.footer_marks if i > begin} | {i for i in found.bylines if i > begin}
        )
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

    while body_units and END_MARK.fullmatch(body_units[-1].key):
        unit = body_units.pop()
        for i in unit.lines:
            _mark(lines[i], "end", "closing mark")
    fragmented = any(len(u.lines) > 1 for u in body_units)
    title_text = lines[title_idx].text if title_idx is not None else hints.title
    body_units = _drop_off_topic_headlines(body_units, lines, title_text or "")
    paragraphs, subheadings = _classify_body(body_units, lines, fragmented)

    trailing_mark = None
    if paragraphs:
        m = _TRAILING_MARK.search(paragraphs[-1])
        if m and m.start() > 0:
            trailing_mark = paragraphs[-1][m.start() :].strip()
            paragraphs[-1] = paragraphs[-1][: m.start()].rstrip()
    page.end_marks = [line.text for line in lines if line.role == "end"]
    if trailing_mark:
        page.end_marks.insert(0, trailing_mark)
    if paragraphs and dateline is not None:
        page.dateline = dateline.text
        page.dateline_place = dateline.place
        if dateline.outlet:
            page.outlet = dateline.outlet
        paragraphs[0] = paragraphs[0][dateline.end :]
        if not paragraphs[0].strip():
            paragraphs.pop(0)

    inline_removed: list[str] = []
    teasers: list[str] = []
    embeds_removed: list[tuple[str, str]] = []
    kept = []

    def furniture(sentence: str) -> bool:
        return _boilerplate_rule(sentence, lexicon) is not None

    for paragraph in paragraphs:
        paragraph, embeds = strip_inline_embeds(paragraph, lexicon)
        embeds_removed += embeds
        paragraph, cut = strip_inline_related(paragraph, titles)
        inline_removed += cut
        paragraph, cut = strip_trailing_furniture(paragraph, furniture)
        inline_removed += cut
        if cut and _VIDEO_PROMPT.search(cut[0]) and _VIDEO_TEASER.fullmatch(paragraph):
            # "Bagaimana cara mengatasi ruam popok pada bayi? Yuk, kita cek video di atas!":
            # a lone question before "watch the video" is the video's teaser
            teasers.append(paragraph)
            paragraph = ""
        paragraph, cut = strip_parenthesised_related(paragraph)
        inline_removed += cut
        if paragraph:
            kept.append(paragraph)
    paragraphs = kept

    # a standfirst can only be recovered from a page that carried its own headline; a
    # container's body field (JSONL, feeds) starts at the lead
    runon = split_runon(
        paragraphs,
        has_lead_marker=dateline is not None,
        page_layout=hints.title is None,
        has_subtitle=page.subtitle is not None or bool(hints.subtitle),
    )
    paragraphs = runon.paragraphs
    page.subtitle = page.subtitle or runon.subtitle
    subheadings += runon.subheadings
    if glue is not None:
        cut = []
        for n, paragraph in enumerate(paragraphs):
            pieces, headings = split_glued_headings(
                paragraph, headline_lowercase(), glue.counts, glue.camelcase, lead=n == 0
            )
            cut += pieces
            subheadings += headings
        paragraphs = cut

    if title_text:
        parts = split_title_suffix(title_text, lexicon)
        page.title = parts.title
        page.section = page.section or parts.section
    if page.title:
        for n, paragraph in enumerate(paragraphs):
            head = _title_glued_at_end(paragraph, page.title)
            if head is not None:
                paragraphs[n] = paragraph[: -len(head)].rstrip()
                subheadings.append(head)
    if glue is not None:
        seen = glue.context([*paragraphs, page.title or ""])
        paragraphs = [glue.split(p, seen) for p in paragraphs]
        if page.title and not hints.title:  # a container's title is kept exactly as given
            page.title = glue.split(page.title, seen)
    # invisible marks at a paragraph's edges (posmetro's U+200E lines) are not text
    paragraphs = [p.strip(_EDGE_MARKS) for p in paragraphs]
    page.body = [p for p in paragraphs if p]
    page.subheadings = subheadings
    page.subtitle = page.subtitle or hints.subtitle
    page.section = page.section or hints.section
    page.captions = [line.text for line in lines if line.role == "caption"] + runon.captions
    for cap in hints.captions:
        if cap not in page.captions:
            page.captions.append(cap)
    _set_credits(page, found, hints, lexicon)
    _set_published(page, found, hints)
    for line in lines:
        if line.role in ("boilerplate", "end"):
            page.removed.append(Removed(line.text, line.reason or line.role, line.number))
    page.removed += [Removed(piece, "related (link inside a paragraph)") for piece in inline_removed]
    page.removed += [
        Removed(piece, "video teaser (a question before 'watch the video')") for piece in teasers
    ]
    page.removed += [Removed(piece, f"{reason} (inside a paragraph)") for piece, reason in embeds_removed]
    return page


def _set_credits(page: Page, found: _Found, hints: PageHints, lexicon: Lexicon) -> None:
    """Authors, editors, outlet and cited sources from the byline lines and the body."""
    sources: list[str] = []
    byline_outlet = None
    for i in sorted(found.bylines):
        b = found.bylines[i]
        page.authors += [a for a in b.authors if a not in page.authors]
        page.editors += [e for e in b.editors if e not in page.editors]
        sources += [s for s in b.sources if s not in sources]
        byline_outlet = byline_outlet or b.outlet
    if not page.authors:
        page.authors = list(hints.authors)
    if not page.editors:
        page.editors = list(hints.editors)
    page.outlet = (
        page.outlet or byline_outlet or (found.site_names[0] if found.site_names else None) or hints.outlet
    )
    own = _outlet_key(page.outlet)
    for name in cited_sources(page.body, lexicon):
        if name not in sources:
            sources.append(name)
    page.cited_sources = [s for s in sources if not own or _outlet_key(s) != own]


def _set_published(page: Page, found: _Found, hints: PageHints) -> None:
    """Publication time, in order: a date line in the header (not an "updated" one), the
    HTML meta / container hint, a date line below the text, an "updated" time. A stated date
    without a time gives way to a hint with the time on that same day."""
    order = sorted(found.dates)
    stated = [found.dates[i] for i in order if not found.dates[i].updated and i not in found.trailing_dates]
    below = [found.dates[i] for i in order if not found.dates[i].updated and i in found.trailing_dates]
    updated = [found.dates[i] for i in order if found.dates[i].updated]
    if not stated and not hints.published:
        stated = below
    chosen = stated[0] if stated else None
    if chosen is not None and not (
        chosen.value.has_time is False
        and hints.published
        and hints.published[:10] == chosen.value.date.isoformat()
        and len(hints.published) > 10
    ):
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
