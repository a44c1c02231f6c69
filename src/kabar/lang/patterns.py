"""Regex building blocks shared by the language layer's finders."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator


def alternation(words: Iterable[str]) -> str:
    """``words`` as a regex alternation, escaped, longest first (so "pekan lalu" is tried
    before "pekan")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# the characters re.IGNORECASE matches to an ASCII letter that str.lower() does not turn into
# that letter ("İ" lower-cases to two characters, "ı" and "ſ" stay what they are)
_CASE_TRAPS = ("İ", "ı", "ſ")


_DIGITS = re.compile(r"\d+")
# the first three characters of each word (the rest of the word is read past: a pattern that
# opens with a character class is searched faster than one opening with "\b")
_WORD_OPENING = re.compile(r"(\w\w\w)\w*")


class ScanText:
    """A text as :class:`WordScan` reads it, shared by the scans of one article: lower-cased
    once, and the first three characters of its words (lower case), found on first use."""

    __slots__ = ("_digit_runs", "_openings", "low", "plain", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.low = text.lower()
        # where lower-casing is not re.IGNORECASE's reading, the scans search the plain way
        self.plain = len(self.low) != len(text) or any(c in text for c in _CASE_TRAPS)
        self._openings: frozenset[str] | None = None
        self._digit_runs: list[int] | None = None

    def openings(self) -> frozenset[str]:
        """The first three characters of every word of three or more. (Found in the lower-cased
        text: lower-casing a character never makes it a word character or stops it being one.)"""
        if self._openings is None:
            self._openings = frozenset(_WORD_OPENING.findall(self.low))
        return self._openings

    def digit_runs(self) -> list[int]:
        """Where each run of digits starts."""
        if self._digit_runs is None:
            self._digit_runs = [m.start() for m in _DIGITS.finditer(self.text)]
        return self._digit_runs


def _opening(word: str) -> bool:
    """Does ``word`` open with three ASCII letters or digits (what :class:`ScanText` indexes)?"""
    return len(word) >= 3 and word[:3].isascii() and word[:3].isalnum()


class WordScan:
    r"""``pattern.finditer(text)``, faster, for a pattern each match of which starts with one of
    ``words`` (in any case), or with a digit when ``digits``, and never right after a word
    character (the pattern opens with ``\b`` before a letter, or with a look-behind such as
    ``(?<![\w-])``).

    The regex engine tries an alternation of dozens of words at every position of the text
    (case-insensitively: slowly); here ``str.find`` looks for the words in the lower-cased
    text first (and a regex for runs of digits), and the pattern is only matched where one of
    them starts. A word whose first three letters open no word of the text is not looked for.
    A match found that way is the one ``finditer`` finds: the pattern is matched at the same
    positions, in order, each search starting after the last match. Text where lower-casing
    is not re.IGNORECASE's reading (``_CASE_TRAPS``) is searched the plain way.
    """

    def __init__(self, pattern: re.Pattern[str], words: Iterable[str], digits: bool = False) -> None:
        lowered = {w.lower() for w in words}
        self.pattern = pattern
        self._digits = digits
        # a word with a character that has case outside ASCII could match text that
        # lower-cases to something else: such a list is searched the plain way
        self._safe = bool(lowered) and all(
            w and all(c.isascii() or c.lower() == c.upper() for c in w) for w in lowered
        )
        # only the shortest words are looked for: "jun" finds "juni" and "june" too
        shortest = sorted(w for w in lowered if not any(o != w and w.startswith(o) for o in lowered))
        # each with the opening a word of the text must have for it to be there (None: any, as
        # for "rb", "19" or "$")
        self._heads = tuple((w, w[:3] if _opening(w) else None) for w in shortest)

    def finditer(self, text: str | ScanText) -> Iterator[re.Match[str]]:
        """The pattern's matches in ``text`` (or in a :class:`ScanText` of it)."""
        scan = text if isinstance(text, ScanText) else ScanText(text)
        text, low = scan.text, scan.low
        if not self._safe or scan.plain:
            yield from self.pattern.finditer(text)
            return
        openings = scan.openings()
        starts = set()
        for head, opening in self._heads:
            if opening is not None and opening not in openings:
                continue  # no word of the text opens with it
            at = low.find(head)
            while at >= 0:
                starts.add(at)
                at = low.find(head, at + 1)
        if self._digits:  # a number starts a run of digits: the digits after it follow a word character
            starts.update(scan.digit_runs())
        match = self.pattern.match
        end = 0
        for pos in sorted(starts):
            if pos < end:
                continue  # inside the last match: finditer goes on after it
            before = text[pos - 1] if pos else " "
            if before.isalnum() or before == "_":
                continue  # after a word character: the pattern's first condition fails there
            m = match(text, pos)
            if m is not None:
                yield m
                end = m.end()


def _word_char(c: str) -> bool:
    """What the regex ``[\\w-]`` matches: a letter, a digit, "_" or "-"."""
    return c.isalnum() or c in "_-"


def find_words(text: str, words: Iterable[str]) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` of what ``re.finditer(r"(?<![\\w-])(?:W)(?![\\w-])", text)`` finds
    for ``W`` the :func:`alternation` of ``words`` (case-sensitive, not inside a longer word, the
    longest word at a position, no overlaps), without compiling a pattern: the finders that
    look for an article's own names (its people, its abbreviations) would compile one per
    article, which costs more than the search."""
    n = len(text)
    hits: list[tuple[int, int, str]] = []
    for word in set(words):
        if not word:
            continue
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not _word_char(text[at - 1])) and (end == n or not _word_char(text[end])):
                hits.append((at, -len(word), word))
            at = text.find(word, at + 1)
    out: list[tuple[int, int, str]] = []
    last_end = 0
    for at, minus_length, word in sorted(hits):  # by position, the longest word first
        if at >= last_end:
            out.append((at, at - minus_length, word))
            last_end = at - minus_length
    return out
