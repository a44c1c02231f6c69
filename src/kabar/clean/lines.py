"""Lines of a page: splitting with provenance, shape tests, and re-joining scraped fragments.

A text dump holds one block per line. Scrapers also break a paragraph at every inline link
or bold name ("Idul Adha tahun ini,\\nDewi Perssik\\nmembeli 17 hewan"); ``join_fragments``
glues such pieces back, changing only whitespace.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"\s+")
_TERMINAL = ".!?…"
_CLOSERS = "\"”’'»)]"


@dataclass(slots=True)
class Line:
    """One non-empty line: ``text`` exactly as written (outer whitespace stripped).

    ``key`` is the form used for matching (NFKC, invisible characters dropped, whitespace
    collapsed); ``number`` the 1-based line number in the source; ``blank_before`` whether an
    empty line separates it from the previous one.
    """

    text: str
    key: str
    number: int
    blank_before: bool
    role: str = ""
    reason: str = ""
    heading: bool = False  # marked as a heading by the HTML structure


def normalise_key(text: str) -> str:
    """Matching form of a line: NFKC, no invisible characters, single spaces, stripped."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)
    return " ".join(text.split())  # faster than a regex; str.split() knows Unicode spaces


def split_lines(text: str) -> list[Line]:
    """Non-empty lines of ``text`` with their line numbers."""
    lines: list[Line] = []
    blank = False
    for number, raw in enumerate(text.splitlines(), 1):
        stripped = raw.strip()
        key = normalise_key(stripped) if stripped else ""
        if not key:
            blank = True
            continue
        lines.append(Line(stripped, key, number, blank or not lines))
        blank = False
    return lines


def word_count(text: str) -> int:
    """Number of whitespace-separated words."""
    return len(text.split())


@functools.lru_cache(maxsize=16384)
def ends_sentence(text: str) -> bool:
    """Does ``text`` end with terminal punctuation (possibly followed by closing quotes)?"""
    stripped = text.rstrip().rstrip(_CLOSERS + " ")
    if not stripped:
        return False
    if stripped[-1] in _TERMINAL:
        return True
    # a quotation that closes the paragraph: ... kata dia." / ...mereka,”
    return text.rstrip()[-1:] in '”"' and stripped[-1] in ",."


@functools.lru_cache(maxsize=16384)  # asked many times per line; a line's key is one str object
def paragraph_like(text: str) -> bool:
    """Shape of a body paragraph: a full sentence of some length, or simply long."""
    words = word_count(text)
    return (words >= 8 and ends_sentence(text)) or words >= 25


@functools.lru_cache(maxsize=16384)
def headline_like(text: str) -> bool:
    """Shape of a linked headline: 2–25 words, capitalised start, no final period."""
    words = word_count(text)
    if not 2 <= words <= 25:
        return False
    first = text.lstrip("“\"‘'([")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    end = text.rstrip(_CLOSERS)
    return not end.endswith(".") or end.endswith(("...", "…"))  # a cut headline ends "…"


@functools.cache
def _connector_end() -> re.Pattern[str]:
    """A line end that the next line must continue: a word of ``data/connector_ends.txt``, a
    comma, an opening bracket or a dash."""
    from importlib import resources

    raw = resources.files("kabar.clean").joinpath("data/connector_ends.txt").read_text("utf-8")
    words = sorted(
        {w.strip() for w in raw.splitlines() if w.strip() and not w.startswith("#")}, key=len, reverse=True
    )
    alternation = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?:\b(?i:{alternation})|[,(“‘\[/–—-])$")


# a meN-…-kan or ber-…-kan verb wanting its object ("… guna memastikan", "… poster bertuliskan")
_OPEN_VERB = re.compile(r"\b(?:me|ber)[a-z]{3,}kan$")
OPEN_VERB_MIN_WORDS = 3  # a two-word line ending so may be a heading ("Langkah-langkah mengajukan")
DAY_TAIL_MAX_WORDS = 8


@functools.cache
def _day_tail() -> re.Pattern[str]:
    """The tail of a sentence naming the outlet or place and the day ("Kompas.com, Selasa
    (10/6/2025)."); weekday names from the calendar lexicon."""
    from kabar.lang.dates import calendar

    days = "|".join(re.escape(d) for d in sorted(calendar().weekdays, key=len, reverse=True))
    return re.compile(rf"^[A-Z][\w.]*(?: [A-Z][\w.]*){{0,3}}, (?i:{days}),? \(\d")


def ends_open(key: str) -> bool:
    """Does ``key`` end where a sentence cannot: a connector word, a comma or an opening
    bracket, or (in a line of 3+ words) a verb wanting its object?"""
    if _connector_end().search(key[-20:]) is not None:
        return True
    return _OPEN_VERB.search(key[-24:]) is not None and word_count(key) >= OPEN_VERB_MIN_WORDS


def _joins(prev: str, nxt: str) -> str | None:
    """How ``nxt`` continues ``prev``: "" (no space), " " (one space) or None (new block)."""
    first = nxt[0]
    last = prev[-1]
    if nxt in ("-", "–", "—", "--", ":"):
        return " "
    if first in "-–—" and nxt[1:2] == " " and word_count(prev) <= 4 and not ends_sentence(prev):
        return " "  # a dateline split from its lead: "JAKARTA, KOMPAS.com" / "- Ketua …"
    if first == "/" and not ends_sentence(prev):
        return ""  # "(electric vehicle" / "/EV)"
    if first in ",.;:!?)]”’%" and not nxt.startswith("...") and len(nxt) > 0:
        if first in "”’" and ends_sentence(prev):
            return None
        return ""
    if last in "([“‘/":
        return ""
    if first.islower() and not ends_sentence(prev):
        return " "
    if ends_open(prev):
        return " "
    if (
        not ends_sentence(prev)
        and word_count(nxt) <= DAY_TAIL_MAX_WORDS
        and ends_sentence(nxt)
        and _day_tail().match(nxt)
    ):
        return " "  # "… kata dia saat dikonfirmasi" / "Kompas.com, Selasa (10/6/2025)."
    return None


def join_fragments(pieces: list[tuple[str, str]]) -> list[list[int]]:
    """Group consecutive pieces that are fragments of one paragraph.

    ``pieces`` holds ``(text, key)`` in order; the result lists groups of indexes, each group
    one paragraph. Only pieces that cannot stand alone are joined: the next one starts in
    lower case, with closing punctuation or a slash ("/EV)"), or is the "Kompas.com, Selasa
    (10/6/2025)." tail of a long line; or the previous one ends open (``ends_open``).
    """
    groups: list[list[int]] = []
    prev_key = ""
    for i, (_text, key) in enumerate(pieces):
        if groups and prev_key and _joins(prev_key, key) is not None:
            groups[-1].append(i)
        else:
            groups.append([i])
        prev_key = key if not groups[-1][:-1] else prev_key + " " + key
    return groups


def join_texts(texts: list[str], apart: list[bool] | None = None) -> str:
    """Join fragment texts with the separator ``_joins`` chose between each pair.

    ``apart[k]`` says that something was cut out between piece k and k+1 (an ad line): the
    pieces are then never fused without a space.
    """
    out = texts[0]
    tail = normalise_key(out[-40:])
    for k, nxt in enumerate(texts[1:]):
        sep = _joins(tail, normalise_key(nxt))
        if sep == "" and apart is not None and apart[k]:
            sep = " "
        out = out + (sep if sep is not None else " ") + nxt
        tail = normalise_key(out[-40:])
    return out
