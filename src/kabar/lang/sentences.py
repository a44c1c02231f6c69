"""Sentence boundaries for Indonesian and English, as character spans.

yasbd (``BoundaryDetector(lang="id")``) is the only splitter measured here that handles
Indonesian abbreviations (see DEPENDENCIES.md); two things it leaves out are added here:

* a missing space after the period ("strategis.Meskipun" is two sentences), which scraped
  pages produce all the time; domains ("Liputan6.com", "WartaBulukumba.Com") are not split;
* a boundary inside a long quotation ("… di Ukraina. Iran telah …"): yasbd keeps a quoted
  passage whole, but a quote can hold several sentences.
"""

from __future__ import annotations

import functools
import itertools
import re

from yasbd import BoundaryDetector

from kabar.lang.lexicon import data_text

_TLD = r"(?:com|co|id|net|org|go|ac|or|info|tv|news|my|sg|uk|us|io)\b"
# ".X" glue: a word of 2+ lower-case letters (or a closing bracket/quote), a terminal mark,
# then a capitalised word. Lower-case after the mark is never split ("Rp1.5jt").
_GLUED = re.compile(r"(?<=[a-z\)\]”\"’]{2})([.!?])(?=[A-Z][a-z])")
_GLUED_AFTER_QUOTE = re.compile(r"(?<=[a-z][.!?])([”\"’])(?=[A-Z][a-z])")
_INNER = re.compile(r"(?<=[^\s.][.!?…])\s+(?=[“\"‘]?[A-Z][a-z])")
_WORD_BEFORE = re.compile(r"(\S+)$")


@functools.cache
def _abbreviation_lexicon() -> tuple[frozenset[str], frozenset[str]]:
    """Every abbreviation of ``lang/data/abbreviations.txt``, and those of the sections marked
    "(before a name)", each also capitalised (a lower-case entry may open a sentence)."""
    every: set[str] = set()
    before: set[str] = set()
    before_name = False
    for number, line in enumerate(data_text("abbreviations.txt").splitlines(), 1):
        line = line.strip()
        if line.startswith("#"):  # a section header (or a note) sets what follows
            before_name = line.endswith("(before a name)")
            continue
        if not line:
            continue
        if not line.endswith("."):
            raise ValueError(f"abbreviations.txt:{number}: entry {line!r} must end with a period")
        forms = (line, line[0].upper() + line[1:])
        every.update(forms)
        if before_name:
            before.update(forms)
    return frozenset(every), frozenset(before)


def abbreviations() -> frozenset[str]:
    """The abbreviation lexicon (``lang/data/abbreviations.txt``)."""
    return _abbreviation_lexicon()[0]


def prefix_abbreviations() -> frozenset[str]:
    """Abbreviations written before a name ("Jend.", "Kec.", "Jl."): never a sentence's end."""
    return _abbreviation_lexicon()[1]


def _last_word(piece: str) -> str:
    return piece.rsplit(None, 1)[-1].lstrip("(“\"‘'") if piece.strip() else ""


def _new_sentence_word(text: str, pos: int) -> bool:
    """Does a plainly sentence-opening word start at ``pos`` ("Ia", "Namun", "Kami": a
    capitalised stop word)?"""
    from kabar.lang.stopwords import stopwords

    m = re.match(r"[“\"‘]?([A-Z][a-z]+)\b", text[pos : pos + 30])
    return m is not None and m.group(1).lower() in stopwords("id")


@functools.cache
def _detector(lang: str) -> BoundaryDetector:
    return BoundaryDetector(lang="en" if lang == "en" else "id")


def _is_abbreviation(text: str, end: int) -> bool:
    """Does the token that ends at ``end`` (just after its period) look like an abbreviation?"""
    m = _WORD_BEFORE.search(text, max(0, end - 40), end)  # a window: the text may be long
    if not m:
        return False
    token = m.group(1).lstrip("(“\"‘'")
    if token in abbreviations():
        return True
    # initials ("A.", "J.K.") and numbered items ("No. 3.")
    return bool(re.fullmatch(r"(?:[A-Z]\.)+|\d+\.", token))


# every cut below follows a terminal mark with something after it in the piece
_MARK = re.compile(r"[.!?…]")


def _extra_cuts(text: str, start: int, end: int) -> list[int]:
    """Boundaries yasbd missed inside ``text[start:end]`` (positions where a sentence starts)."""
    cuts = []
    if _MARK.search(text, start, end - 1) is None:
        return cuts  # most pieces: no mark but the last character's, nothing to cut
    segment = text[start:end]
    for m in _GLUED.finditer(segment):
        pos = start + m.end()
        if re.match(_TLD, text[pos : pos + 6], re.I):
            continue
        if _is_abbreviation(text, start + m.start() + 1):
            continue
        cuts.append(pos)
    for m in _GLUED_AFTER_QUOTE.finditer(segment):
        cuts.append(start + m.end())
    for m in _INNER.finditer(segment):
        mark_end = start + m.start()
        if text[mark_end - 1] == "." and _is_abbreviation(text, mark_end):
            word = _last_word(text[max(0, mark_end - 40) : mark_end])
            marker = word[:-1]
            list_number = (marker.isdigit() or len(marker) == 1 or set(marker) <= set("IVX")) and not text[
                start : mark_end - len(word)
            ].strip()  # "2. …", "A. …", "IV. …" opening a list item
            if list_number or word in prefix_abbreviations() or not _new_sentence_word(text, start + m.end()):
                continue  # "2. Bisa …", "Jend. Agus", "dll. yang": no boundary; "S.H. Ia membuka": one
        cuts.append(start + m.end())
    return sorted(set(cuts))


# a terminal mark followed by a space: where yasbd may cut; a paragraph with none is one piece
_MAYBE_BOUNDARY = re.compile(r"[.!?…][\"”’')\]]*\s")


# a plain boundary: a word of three lower-case letters or more, its terminal mark (and a
# closing quote), a space, then a capitalised word; any other possible boundary goes to yasbd
_EASY = re.compile(r"(?<=[a-z]{3})[.!?][\"”’)]?(?=\s+[“\"‘(]?[A-Z][a-z])")


_ENUMERATION = re.compile(r"(?:^|\s)\(?\d{1,2}[.)]\s")
# what every enumeration holds: searched first, as it opens with a character class (which the
# regex engine skips through fast), where _ENUMERATION opens with an alternation
_DIGIT_MARK = re.compile(r"\d[.)]\s")


def _easy_cuts(text: str) -> list[int] | None:
    """Cut positions (after the mark) when every possible boundary in ``text`` is a plain one
    and the word before it is no abbreviation; None when yasbd must decide."""
    if _DIGIT_MARK.search(text) and _ENUMERATION.search(text):
        return None  # "1) …, 2) …": yasbd cuts list items
    cuts = []
    for m in _MAYBE_BOUNDARY.finditer(text):
        easy = _EASY.match(text, m.start())
        if easy is None or _is_abbreviation(text, m.start() + 1):
            return None
        cuts.append(easy.end())
    return cuts


def _piece_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """yasbd's pieces as ``(start, end)`` in ``text``, a cut after an abbreviation written
    before a name ("Jend.", "Kec.") undone."""
    body = text.rstrip()
    if _MAYBE_BOUNDARY.search(body) is None:  # fast path: yasbd would not cut
        stripped = text.strip()
        return [(text.find(stripped), text.find(stripped) + len(stripped))] if stripped else []
    easy = _easy_cuts(body)
    if easy is not None:  # every possible boundary is a plain one: no need for yasbd's rules
        start = len(text) - len(text.lstrip())
        return [(a, b) for a, b in itertools.pairwise([start, *easy, len(body)]) if a < b]
    spans: list[tuple[int, int]] = []
    pos = 0
    glue = False
    for piece in _detector(lang).segment(text):
        piece = piece.strip()
        if not piece:
            continue
        start = text.find(piece, pos)
        if start < 0:  # yasbd normalised something: fall back to the raw remainder
            start = pos
        end = start + len(piece)
        pos = end
        if glue and spans:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
        glue = _last_word(piece) in prefix_abbreviations()
    return spans


def sentence_spans(text: str, lang: str = "id") -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence in ``text``, trimmed of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    for start, end in _piece_spans(text, lang):
        bounds = [start, *_extra_cuts(text, start, end), end]
        for a, b in itertools.pairwise(bounds):
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if a < b:
                spans.append((a, b))
    return spans


def split_sentences(text: str, lang: str = "id") -> list[str]:
    """The sentences of ``text`` as exact substrings, in order."""
    return [text[a:b] for a, b in sentence_spans(text, lang)]


_FAST_END = re.compile(r"[.!?…]+[\"”’')\]]*\s+(?=[“\"‘'(]?[A-Z0-9])")


def rough_sentences(text: str) -> list[str]:
    """A fast approximate split (terminal mark, space, capital; abbreviations and initials
    respected) for layout decisions such as cutting a run-on body into paragraphs. The
    language layer's sentences come from :func:`sentence_spans`."""
    out: list[str] = []
    start = 0
    for m in _FAST_END.finditer(text):
        mark_end = m.start() + len(m.group(0).rstrip())
        if text[m.start()] == "." and _is_abbreviation(text, m.start() + 1):
            continue
        piece = text[start:mark_end].strip()
        if piece:
            out.append(piece)
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out
