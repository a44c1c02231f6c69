"""Metadata read off page lines: bylines, datelines, titles, section labels, dates, sources.

Each function takes a line (or a paragraph) and the lexicon and returns what it found, or
None; they decide nothing about where a line sits on the page (that is ``page.py``'s job).
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, field

from kabar.clean.lexicon import Lexicon
from kabar.lang.dates import DateMatch, find_dates

# ---------------------------------------------------------------- names


_NAME_WORD = r"[A-ZÀ-Ýa-zà-ÿ][\w'’.\-]*"
_NAME = rf"{_NAME_WORD}(?: {_NAME_WORD}){{0,4}}"
_NAME_RE = re.compile(rf"^{_NAME}$")
_SPACES = re.compile(r"\s+")
_PARENS = re.compile(r"\s*\((?:[^)]*)\)\s*")
_REDAKSI = re.compile(r"\s+(?:tim redaksi|redaksi)\s*$", re.I)
_NAME_SEPARATORS = re.compile(r"\s*(?:,|/|;|&|\bdan\b|\band\b)\s*")
_NAV_SEPARATORS = re.compile(r"\s*[|/»>•·]\s*|\s{2,}")
_BRAND = re.compile(r"detik[A-Z][a-z]+|[a-z]+[A-Z][a-z]+(?=[A-Z])")
_LABEL_PARTS = re.compile(r"[A-Z][a-z]+|[A-Z]+(?![a-z])|[a-z]+")
_DETIK_SUFFIX = re.compile(r"\s*[-–|]\s*(?:detik\w*|cnbc\w*|tim redaksi|redaksi)\s*$", re.I)


_BRAND_WORD = re.compile(r"^(?:detik\w*|\w+com|[\w-]+\.[\w.]+)$")  # "Tim detikcom", "Tim kumparan.com"


def normalise_name(name: str) -> str:
    """A person's name in title case ("Anton surtono" → "Anton Surtono"); handles stay as written."""
    name = _SPACES.sub(" ", name).strip(" ,;:-–|/")
    name = _DETIK_SUFFIX.sub("", name)
    words = name.split(" ")
    if len(words) == 1:
        return name  # "unnie": a user handle, kept as written
    return " ".join(w[:1].upper() + w[1:] if w.islower() and not _BRAND_WORD.match(w) else w for w in words)


_ROLE_PREFIX = re.compile(
    r"^(?:kontributor|koresponden|wartawan|reporter|jurnalis|penulis|tim)\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}\s*,\s*",
    re.I,
)
_ROLE_SUFFIX = re.compile(r"\s*,?\s*\b(?:jurnalis|wartawan|reporter|kontributor|penulis|editor)\s*$", re.I)
_DESK_SUFFIX = re.compile(r"\s+-\s*[A-Za-z]+$")
# placeholders scrapers put where a name should be ("Tidak Ditemukan" = not found)
_NOT_NAMES = frozenset({"tim", "redaksi", "tidak ditemukan", "admin", "administrator", "anonim", "-", "n/a"})
_GLUED_TRAILER = re.compile(r"(?:copyright|hak cipta|©).*$", re.I)


def split_names(text: str) -> list[str]:
    """Names in a byline value: "A, B dan C" / "A/B" / "A & B" → ["A", "B", "C"].

    Role words around a name are dropped ("Kontributor Pati, Puji Hastuti" → "Puji Hastuti";
    "Putri Ayu Lestari , Jurnalis" → "Putri Ayu Lestari").
    """
    text = _GLUED_TRAILER.sub("", text)
    text = _DESK_SUFFIX.sub("", text.strip())  # "Mercy Raya -Sport", "Putra Rusdi K - Sepakbola"
    text = _ROLE_PREFIX.sub("", text)
    text = _ROLE_SUFFIX.sub("", text)
    text = _PARENS.sub(" ", text)  # "(Foto)", "(Antara)"
    text = _REDAKSI.sub("", text)
    parts = _NAME_SEPARATORS.split(text)
    names = []
    for part in parts:
        part = normalise_name(part)
        if part and _NAME_RE.match(part) and part.lower() not in _NOT_NAMES and not _DOMAIN.match(part):
            names.append(part)
    return names


_CREDIT_BOX = re.compile(r"^(?P<names>.+?)\s+tim redaksi\s*$", re.I)
_TRAILING_EDITOR = re.compile(r"^(?P<names>[^,;/&]+?)\s*,?\s+editor\s*$", re.I)


def split_credit_hint(text: str, editor_last: bool = False) -> tuple[list[str], list[str]]:
    """Authors and editors in a container's credit field: (authors, editors).

    A "Tim Redaksi" box (kompas.com) lists the writers first and the editor last:
    "Rahel Narda Chaterine, Jessi Carina Tim Redaksi" → (["Rahel Narda Chaterine"],
    ["Jessi Carina"]); ``editor_last`` (the outlet's layout, ``data/credit_fields.tsv``) reads
    a bare "A, B" the same way. A lone name followed by "Editor" is an editor ("Erlangga
    Djumena Editor"); one followed by "Penulis" a writer. Any other value lists authors.
    """
    text = text.strip()
    box = _CREDIT_BOX.match(text)
    editor = _TRAILING_EDITOR.match(text)
    if editor and not box:
        return [], split_names(editor.group("names"))
    names = split_names(box.group("names") if box else text)  # drops a trailing "Penulis"
    if (box or editor_last) and len(names) >= 2:
        return names[:-1], names[-1:]
    return names, []


# ---------------------------------------------------------------- bylines


@dataclass(slots=True)
class Byline:
    """Who wrote, edited and is credited in one byline line."""

    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    photo: bool = False
    outlet: str | None = None  # "detikSport" in "Yoga Pratama - detikSport"

    def __bool__(self) -> bool:
        return bool(self.authors or self.editors or self.sources or self.photo)


_LAPORAN = re.compile(
    r"^laporan\s+(?:wartawan|reporter|jurnalis|kontributor)\s+(?P<outlet>[\w.-]+(?:\s[\w.-]+)?)\s*,\s*(?P<names>.+)$",
    re.I,
)
# "Laporan Kontributor TribunJabar.id Kiki Andriana dari Sumedang", "Laporan Sara Masroni | Banda Aceh"
_LAPORAN_OUTLET_NAME = re.compile(
    r"^laporan\s+(?:wartawan|reporter|jurnalis|kontributor)\s+(?P<outlet>[\w-]+\.(?:com|co\.id|id|co))\s+"
    r"(?P<names>[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,4}?)(?:\s+dari\s+.+)?$",
    re.I,
)
_LAPORAN_PIPE = re.compile(r"^laporan\s+(?P<names>[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){1,4})\s*\|\s*\S.{0,40}$")
_NAME_ROLE = re.compile(rf"^(?P<names>{_NAME})\s*,\s*(?:jurnalis|wartawan|reporter|kontributor)\b", re.I)
_NAME_DASH_OUTLET = re.compile(
    r"^(?P<names>"
    + _NAME
    + r"(?:\s*,\s*"
    + _NAME
    + r")*)\s+[-–|]\s+(?P<outlet>detik\w+|cnbc indonesia|cnn indonesia|\w+\.(?:com|id|co\.id))$",
    re.I,
)
_AVATAR_BY = re.compile(r"^(?:(?P<avatar>\S+)\s+)?by\s+(?P<names>.+)$", re.I)
_SLASH_NAMES = re.compile(rf"^{_NAME}(?:\s*/\s*{_NAME})+$")


@functools.cache
def _label_pattern(byline_labels: tuple[tuple[str, re.Pattern[str]], ...]) -> re.Pattern[str]:
    labels = "|".join(f"(?P<r{i}_{role}>{p.pattern})" for i, (role, p) in enumerate(byline_labels))
    return re.compile(rf"(?:^|(?<=[\s|·•,/])|(?<=[a-z])(?=[A-Z]))(?:{labels})\s*[:：]\s*", re.I)


@functools.cache
def _bare_label_pattern(byline_labels: tuple[tuple[str, re.Pattern[str]], ...]) -> re.Pattern[str]:
    """Labels without a colon, in "Penulis A | Editor B" (kompas text dumps)."""
    labels = "|".join(
        f"(?P<r{i}_{role}>{p.pattern})"
        for i, (role, p) in enumerate(byline_labels)
        if role in ("author", "editor")
    )
    return re.compile(rf"(?:^|(?<=\|\s))(?:{labels})\s+(?=[A-Z])", re.I)


def parse_byline(line: str, lexicon: Lexicon, header: bool = False) -> Byline | None:
    """Authors / editors / sources stated by ``line``, or None if it is not a byline.

    Labelled forms anywhere on the line ("Penulis: A | Editor: B", "Editor : B",
    "Pewarta: A", "Sumber: Reuters KCNA RIA"), "Laporan Wartawan X, A", "A - detikNews",
    "avatar By A"; in the page header also a bare "A/B" list of names.
    """
    if len(line) > 200:
        return None
    if len(line) > 80 and ":" not in line and "：" not in line and line[:7].lower() != "laporan":
        return None
    low = line.lower()
    # cheap guards first: most lines hold none of the marks a byline needs
    if not low.startswith("laporan") and not (
        ":" in line
        or "：" in line
        or "|" in line
        or "," in line
        or " - " in line
        or "–" in line
        or "/" in line
        or "by " in low
    ):
        return None
    labels = _label_pattern(lexicon.byline_labels)
    matches = list(labels.finditer(line)) if (":" in line or "：" in line) else []
    if not matches and "|" in line:
        bare = list(_bare_label_pattern(lexicon.byline_labels).finditer(line))
        if len(bare) >= 2 and bare[0].start() == 0:
            matches = bare
    if matches and matches[0].start() == 0:
        out = Byline()
        for m, nxt in zip(matches, [*matches[1:], None], strict=False):
            role = next(k.split("_", 1)[1] for k, v in m.groupdict().items() if v is not None)
            value = line[m.end() : nxt.start() if nxt else len(line)].strip(" |·•,")
            if role == "author":
                out.authors += split_names(value)
            elif role == "editor":
                out.editors += split_names(value)
            elif role == "source":
                out.sources += split_sources(value, lexicon)
            else:
                out.photo = True
        return out  # a labelled credit line, even when its names cannot be read
    if low.startswith("laporan"):
        for pattern in (_LAPORAN, _LAPORAN_OUTLET_NAME, _LAPORAN_PIPE):
            m = pattern.match(line)
            if m:
                return Byline(authors=split_names(m.group("names")))
    if len(line) > 80:
        return None
    m = _NAME_DASH_OUTLET.match(line)
    if m:
        return Byline(authors=split_names(m.group("names")), outlet=m.group("outlet"))
    m = _NAME_ROLE.match(line)
    if m:
        return Byline(authors=split_names(m.group("names")))
    m = _AVATAR_BY.match(line)
    if m and len(m.group("names").split()) <= 6:
        names = split_names(m.group("names"))
        avatar = m.group("avatar")
        if names and (avatar is None or avatar.lower() == names[0].split()[0].lower() or header):
            return Byline(authors=names)
    if header and _SLASH_NAMES.match(line):
        return Byline(authors=split_names(line))
    return None


def split_sources(value: str, lexicon: Lexicon) -> list[str]:
    """Agencies named in a source credit ("Reuters KCNA RIA" → canonical names, in order)."""
    found = []
    for m in lexicon.agency_pattern.finditer(value):
        name = lexicon.agencies[m.group(0)]
        if name not in found:
            found.append(name)
    if not found and value.strip():
        found = [v.strip() for v in re.split(r"\s*[,;/]\s*", value) if v.strip()]
    return found


# ---------------------------------------------------------------- dates


_DATE_FILLER = re.compile(
    r"\b(?:diperbarui|diterbitkan|dipublikasikan|dipublish|diposting|terbit|tayang|update[d]?|"
    r"published|posted|last updated|modified|dibuat|wib|wita|wit|pukul|jam|oleh|by|jurnalis|"
    r"kompas\.com|liputan6\.com|detik\w*|[a-z0-9-]+\.(?:com|id|co\.id|co))\b|[|,–—:/()\-]",
    re.I,
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_UPDATED = re.compile(r"\b(?:diperbarui|update[d]?|last updated|modified)\b", re.I)


@dataclass(frozen=True, slots=True)
class DateLine:
    """A line that states when the page was published (or updated)."""

    value: DateMatch
    updated: bool
    rest: str  # what the line says besides the date (a byline, an outlet name)


_NUMBERED = re.compile(r"\d{1,2}[.)]\s")
_RANGE = re.compile(r"\s*(?:-|–|—|s\.?/?d\.?|sampai|hingga|to|until)\s*", re.I)


def parse_date_line(line: str) -> DateLine | None:
    """The publication date a standalone line states ("- 19 Juni 2024, 07:57 WIB"), or None."""
    if len(line) > 160 or not _YEAR.search(line):
        return None
    if _NUMBERED.match(line):
        return None  # "1. Lampung (1 Mei 2025-31 Juli 2025)": an item of the article's list
    dates = find_dates(line)
    if not dates:
        return None
    if any(_RANGE.fullmatch(line[a.end : b.start]) for a, b in itertools.pairwise(dates)):
        return None  # "1 Mei 2025 - 31 Juli 2025": a period, not when the page was published
    best = max(dates, key=lambda d: (d.has_time, d.offset is not None))
    rest = (line[: best.start] + " " + line[best.end :]).strip()
    leftover = _DATE_FILLER.sub(" ", rest).split()
    if len(leftover) > 6:
        return None
    return DateLine(best, bool(_UPDATED.search(line[: best.start])), rest)


# ---------------------------------------------------------------- datelines


@dataclass(frozen=True, slots=True)
class Dateline:
    """The prefix of a lead paragraph naming the place and/or outlet ("JAKARTA, KOMPAS.com -")."""

    text: str  # exact prefix, as in the source (without the space after the dash)
    end: int  # where the body starts in the paragraph
    place: str | None
    outlet: str | None


_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:com|id|co|net|org|news|tv|my|info)(?:\.id)?$", re.I)
_WORD = r"[\w.&'’]+(?:-[\w.&'’]+)*"  # a hyphen only inside a word ("SAINT-DENIS", "POS-KUPANG.COM")
_PART = rf"[A-Za-z][\w.&'’]*(?:-[\w.&'’]+)*(?:\s{_WORD}){{0,3}}"
_SEP = r"\s*(?:-{2,3}|[-–—]|:)"
_DATELINE = re.compile(
    rf"^(?P<a>{_PART}?)(?:\s*,\s*(?P<b>{_PART}?))?\s*(?:\((?P<agency>[A-Za-z][\w.]*(?: [A-Za-z][\w.]*)?)\))?"
    rf"(?P<sep>{_SEP})(?=\s|[A-Z“\"‘'(\d])"
)


def _is_place(part: str, lexicon: Lexicon) -> bool:
    if part.lower() in lexicon.places:
        return True
    letters = [c for c in part if c.isalpha()]
    return bool(letters) and part.isupper() and not _DOMAIN.match(part) and len(part.split()) <= 3


def _is_outlet(part: str, lexicon: Lexicon) -> bool:
    return bool(_DOMAIN.match(part.replace(" ", ""))) or part.lower() in lexicon.outlets


def split_dateline(
    paragraph: str, lexicon: Lexicon, known_words: frozenset[str] = frozenset()
) -> Dateline | None:
    """The dateline at the start of ``paragraph``, or None.

    Accepted: "<outlet>, <place> -", "<place>, <outlet> -", "<place> (<agency>) -", "<place> -",
    "<outlet> –" (each part checked against the place gazetteer, the outlet list and the shape
    of a domain; an unknown single capitalised word that is not a common word counts as an
    outlet, as "Jfid –" in sample 002).
    """
    typo = _COMMA_DOMAIN.match(paragraph)
    if typo:  # "Posmetro,co.id,INDRAMAYU –": read as "Posmetro.co.id, …", report as printed
        fixed = split_dateline(
            paragraph[: typo.end() - 1] + "." + paragraph[typo.end() :], lexicon, known_words
        )
        if fixed is None:
            return None
        return Dateline(paragraph[: len(fixed.text)], fixed.end, fixed.place, fixed.outlet)
    known = _known_place_dateline(paragraph, lexicon)
    standard = _standard_dateline(paragraph, lexicon, known_words)
    if standard is not None and standard.outlet and not standard.place:
        standard = _place_after_outlet(paragraph, standard, lexicon)
    if known is None:
        return standard
    if (
        standard is not None
        and standard.place
        and standard.outlet
        and standard.place.lower().startswith(known.place.lower() + " ")
    ):
        return standard  # "TRIBUNPAPUA.COM, BIAK NUMFOR –": the gazetteer knows only "Biak"
    return known


_COMMA_DOMAIN = re.compile(r"^[A-Za-z]{3,},(?=(?:co\.id|com|co)\b)")
_PLACE_COLON = re.compile(r"(?P<place>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2})\s*:\s*(?=[A-Z“\"‘'(\d])")


def _place_after_outlet(paragraph: str, dateline: Dateline, lexicon: Lexicon) -> Dateline:
    """ "posmetro.co –Jakarta: Bertempat …": a place and a colon right after an outlet-only
    dateline belong to it."""
    m = _PLACE_COLON.match(paragraph, dateline.end)
    if m is None or not _is_place(m.group("place"), lexicon):
        return dateline
    return Dateline(paragraph[: m.end()].rstrip(), m.end(), m.group("place"), dateline.outlet)


def _standard_dateline(paragraph: str, lexicon: Lexicon, known_words: frozenset[str]) -> Dateline | None:
    m = _DATELINE.match(paragraph)
    if not m:
        return None
    a, b, agency = m.group("a"), m.group("b"), m.group("agency")
    if not a or len(paragraph) - m.end() < 20:
        return None
    if not b and " " in a and _DOMAIN.match(a.split(" ", 1)[0]):
        a, b = a.split(" ", 1)  # "Tribunjogja.com Inggris ---": outlet and place, no comma
    place = outlet = None
    if b:
        if _is_outlet(a, lexicon) and (_is_place(b, lexicon) or b.istitle() or b.isupper()):
            outlet, place = a, b
        elif _is_outlet(b, lexicon) and (_is_place(a, lexicon) or a.istitle() or a.isupper()):
            place, outlet = a, b
        else:
            return None
    elif a.lower() in lexicon.outlets:  # "POSMETRO MEDAN–" names the outlet, not a place
        outlet = a
    elif _is_place(a, lexicon):
        place = a
    elif _is_outlet(a, lexicon) or (
        " " not in a
        and a[:1].isupper()
        and a.lower() not in known_words
        and not agency
        and m.group("sep").strip() in ("–", "—", "-")
    ):
        outlet = a
    else:
        return None
    if agency:
        if not (agency.isupper() or agency.lower() in lexicon.outlets):
            return None
        outlet = outlet or agency
    end = m.end()
    while end < len(paragraph) and paragraph[end].isspace():
        end += 1
    return Dateline(paragraph[: m.end()].rstrip(), end, place, outlet)


_GLUED_HEAD = re.compile(r"^(?P<a>[A-Za-z][\w-]*(?:\.[\w-]+)+)\s*,\s*")


_AFTER_PLACE = re.compile(r"(?P<sep>\s*(?:--|[-–—])\s*|\s+)?(?=[A-Z“\"‘'(\d])")


@functools.cache
def _places_by_initial(names: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Gazetteer names grouped by their lower-case first letter, longest first."""
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(name[:1].lower(), []).append(name)
    return {k: tuple(v) for k, v in groups.items()}


def _known_place_dateline(paragraph: str, lexicon: Lexicon) -> Dateline | None:
    """ "<outlet domain>, <known place>" then a dash, a space or nothing before the lead:
    "Liputan6.com, Jakarta -", "Liputan6.com, Jakarta-Pandemi …", and the scraper's glued
    "Liputan6.com, JakartaPresiden Prabowo …". The place must be in the gazetteer."""
    m = _GLUED_HEAD.match(paragraph)
    if not m or not _is_outlet(m.group("a"), lexicon):
        return None
    rest = paragraph[m.end() :]
    head = rest[:40].lower()
    for place in _places_by_initial(lexicon.place_names).get(head[:1], ()):
        if head.startswith(place.lower()) and len(rest) > len(place) + 20:
            after = _AFTER_PLACE.match(rest, len(place))
            if after is None:
                continue
            sep = after.group("sep") or ""
            end = m.end() + len(place) + len(sep)
            text = paragraph[: m.end() + len(place) + len(sep.rstrip())]
            return Dateline(text, end, rest[: len(place)], m.group("a"))
    return None


# ---------------------------------------------------------------- titles and sections


def split_nav_labels(line: str, lexicon: Lexicon) -> list[str] | None:
    """The labels of a navigation / section line ("HeadlinePeristiwa" → ["Headline",
    "Peristiwa"]; "Home | News | Politik"), or None if any piece is not a known label."""
    if len(line) > 120 or line.count(" ") > 12 or line[-1:] in ".,;!?":
        return None
    pieces = [p for p in _NAV_SEPARATORS.split(line.strip()) if p]
    labels: list[str] = []
    for piece in pieces:
        words = piece.split(" ")
        i = 0
        while i < len(words):
            # longest known multi-word label starting at word i
            for j in range(len(words), i, -1):
                cand = " ".join(words[i:j]).lower()
                if cand in lexicon.sections:
                    labels.append(lexicon.section_labels[cand])
                    i = j
                    break
            else:
                glued = _split_glued_labels(words[i], lexicon)
                if glued is None:
                    return None
                labels += glued
                i += 1
    return labels or None


def _split_glued_labels(word: str, lexicon: Lexicon) -> list[str] | None:
    brand = _BRAND.match(word)
    if brand and brand.group(0) in lexicon.camelcase:  # "detikNewsBerita": a channel, then labels
        rest = _split_glued_labels(word[brand.end() :], lexicon) if brand.end() < len(word) else []
        return None if rest is None else ["Home", *rest]
    parts = _LABEL_PARTS.findall(word)
    if not parts or "".join(parts) != word:
        return None
    out = []
    for part in parts:
        if part.lower() not in lexicon.sections:
            return None
        out.append(lexicon.section_labels[part.lower()])
    return out


def section_from_labels(labels: list[str], lexicon: Lexicon) -> str | None:
    """The article's section among nav labels: the last one that is a section, not a flag."""
    sections = [label for label in labels if lexicon.sections.get(label.lower()) == "section"]
    return sections[-1] if sections else None


_WORDS = re.compile(r"\w+")
_CRUMB_SEP = re.compile(r"\s*[»›>]\s*|\s+/\s+")


def parse_breadcrumb(line: str, lexicon: Lexicon) -> str | None:
    """The last step of a breadcrumb ("Home » Makassar » Kriminal" → "Kriminal"), or None."""
    if len(line) > 120 or not ("»" in line or "›" in line or ">" in line or " / " in line):
        return None
    pieces = [p for p in _CRUMB_SEP.split(line.strip()) if p]
    if len(pieces) < 2 or len(pieces) != len(_CRUMB_SEP.findall(line.strip())) + 1:
        return None
    if any(len(p.split()) > 4 or len(p) > 40 or not p[:1].isupper() for p in pieces):
        return None
    for piece in reversed(pieces):
        if lexicon.sections.get(piece.lower()) != "flag":
            return piece
    return None


def is_site_name(line: str, lexicon: Lexicon) -> bool:
    """Is the line only an outlet's name ("Kompas.com", "TEMPO.CO", "detikSport", "Okezone")?"""
    key = line.strip()
    if len(key) > 40 or (" " in key.strip() and key.lower() not in lexicon.outlets):
        return False
    return (
        key.lower() in lexicon.outlets
        or bool(_DOMAIN.match(key))
        or (key.startswith("detik") and key in lexicon.camelcase)
    )


_SUFFIX = re.compile(r"^(?P<title>.+?)\s+(?P<sep>\||[-–—]|::)\s+(?P<suffix>[^|]{2,60})$")


@dataclass(frozen=True, slots=True)
class TitleParts:
    """A title line split into the headline and a site / section suffix."""

    title: str
    section: str | None
    site: str | None


def split_title_suffix(line: str, lexicon: Lexicon) -> TitleParts:
    """ "Headline | Berita Politik" → headline + section; "Headline - detikNews" → headline + site."""
    m = _SUFFIX.match(line.strip())
    if not m:
        return TitleParts(line.strip(), None, None)
    suffix = m.group("suffix").strip()
    low = suffix.lower()
    words = suffix.split()
    is_section = low in lexicon.sections or (
        len(words) <= 3 and words[0].lower() in ("berita", "news") and len(words) > 1
    )
    is_site = _is_outlet(suffix, lexicon) or bool(
        re.search(
            r"\.(?:com|id|co)\b|\bonline\b|\bnews\b|^detik|^tribun|^kompas|^liputan6|^okezone|^tempo", low
        )
    )
    if is_section and lexicon.sections.get(low) != "flag":
        return TitleParts(m.group("title").strip(), suffix, None)
    if is_site:
        return TitleParts(m.group("title").strip(), None, suffix)
    if m.group("sep") == "|" and len(words) <= 4:
        return TitleParts(m.group("title").strip(), None, suffix)
    return TitleParts(line.strip(), None, None)


# ---------------------------------------------------------------- cited sources


@functools.cache
def _verbs_after(verbs: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"[\s,)]*(?:\w+\s)?(?:{'|'.join(map(re.escape, verbs))})\b")


@functools.cache
def _agency_heads(aliases: frozenset[str]) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", a)[0] for a in aliases if re.findall(r"\w+", a))


def cited_sources(paragraphs: list[str], lexicon: Lexicon) -> list[str]:
    """Agencies the body credits: named after a cue ("dikutip dari Reuters", "kantor berita
    Korut KCNA") or followed by a reporting verb ("KCNA melaporkan"), in order of appearance."""
    found: list[str] = []
    heads = _agency_heads(frozenset(lexicon.agencies))
    for paragraph in paragraphs:
        if heads.isdisjoint(_WORDS.findall(paragraph)):
            continue  # no agency named: skip the (slow) alternation
        for m in lexicon.agency_pattern.finditer(paragraph):
            before = paragraph[max(0, m.start() - 60) : m.start()].lower()
            after = paragraph[m.end() : m.end() + 30].lower()
            cue = any(c in before for c in lexicon.citation_cues)
            verb = _verbs_after(lexicon.citation_verbs).match(after) is not None
            if cue or verb:
                name = lexicon.agencies[m.group(0)]
                if name not in found:
                    found.append(name)
    return found
