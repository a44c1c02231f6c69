"""Words glued by scrapers at link edges ("kondisikesehatan", "keDisneyland",
"AliKhameneimengatakan", "disantap.Ternyata", "Bahkan,ketiga"): split only where it is safe.

The only change ever made is inserting one space, so the body stays the input up to
whitespace. A token is split when

* it is not a known word (vocabulary of ~25k Indonesian forms, ``data/vocab_id.tsv``, plus
  words the corpus itself uses unglued) and not a known camel-case spelling ("iPhone",
  "TikTok", "McLaren": ``data/camelcase.txt``);
* at a lower→upper case change, the left piece is a known lower-case word ("ke", "oleh"), or
  both sides are capitalised words of 3+ letters of which one is a known word;
* with no case change, both pieces are known words of 3+ letters seen at least
  ``MIN_PIECE_COUNT`` times, or the left piece is a capitalised name and the right one a
  function word ("Rohalitak" → "Rohali tak", "Barcelonapunya" → "Barcelona punya").

Trade-off: a rare real word missing from the vocabulary can be split in two known words;
raising ``MIN_PIECE_COUNT`` and ``MIN_TOKEN_CHARS`` trades recall of glue for fewer such
errors. No library does this for Indonesian (wordsegment and wordninja are English-only).
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, field
from importlib import resources

from kabar.clean.lexicon import load_lexicon
from kabar.lang.stopwords import stopwords

MIN_TOKEN_CHARS = 7
MIN_PIECE_COUNT = 3
COMMON_PIECE_COUNT = 20
# Colloquial particles end many names ("Taedong", "Kusumadeh"): never split before them.
_PARTICLES = frozenset(
    {"dong", "sih", "deh", "kok", "nih", "loh", "lho", "tuh", "kan", "yah", "dah", "pun", "lah"}
)
_TOKEN = re.compile(r"[A-Za-z]+")
_HEAD = re.compile(r"[A-Z][a-z]+")
# tokens worth a look: a lower→upper change inside, or long enough to hide two words
_SUSPECT = re.compile(
    rf"(?<![A-Za-z])(?:[A-Za-z]*[a-z][A-Z][A-Za-z]*|[A-Za-z]{{{MIN_TOKEN_CHARS},}})(?![A-Za-z])"
)
_TLD = re.compile(r"(?:com|co|id|net|org|go|ac|or|info|tv|news)\b", re.I)
# Affixes are never a piece of their own: "mendalam|kan" and "ber|gejolak" are one word.
_SUFFIXES = frozenset(
    {"nya", "lah", "kah", "pun", "ku", "mu", "tah", "kan", "an", "i", "isasi", "wan", "wati"}
)
_PREFIXES = frozenset(
    {
        "ber",
        "be",
        "ter",
        "per",
        "pe",
        "pem",
        "pen",
        "peng",
        "peny",
        "me",
        "mem",
        "men",
        "meng",
        "meny",
        "di",
        "ke",
        "se",
        "memper",
        "diper",
        "keber",
        "keter",
        "ku",
        "kau",
        "pra",
        "antar",
        "non",
        "swa",
        "maha",
        "pasca",
        "eks",
    }
)


@functools.cache
def load_vocabulary() -> dict[str, int]:
    """The shipped word-frequency list (lower-case word → count)."""
    raw = resources.files("kabar.clean").joinpath("data/vocab_id.tsv").read_text("utf-8")
    vocab: dict[str, int] = {}
    for line in raw.splitlines():
        if line and not line.startswith("#"):
            word, count = line.split("\t")
            vocab[word] = int(count)
    return vocab


@dataclass(frozen=True, slots=True, eq=False)
class GlueSplitter:
    """Splits glued words in a string (see the module docstring for the rules)."""

    counts: dict[str, int]
    camelcase: frozenset[str]
    function_words: frozenset[str]
    vocabulary: frozenset[str] = field(init=False)
    # decisions for lower-case tokens, which depend on nothing but the token (a memo, not state)
    _lower_cache: dict[str, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "vocabulary", frozenset(self.counts))
        object.__setattr__(self, "_lower_cache", {})

    def known(self, word: str, minimum: int = 1) -> bool:
        """Is ``word`` (any case) a known word seen at least ``minimum`` times?"""
        return self.counts.get(word.lower(), 0) >= minimum

    def _score(self, word: str) -> float:
        return math.log(self.counts.get(word.lower(), 0) + 1)

    def _split_lower(self, token: str, seen: frozenset[str] = frozenset()) -> tuple[str, str] | None:
        """Best split of a token with no case change inside, or None."""
        if len(token) < MIN_TOKEN_CHARS or self.known(token) or self.affixed(token):
            return None
        if token.islower() and _english_word(token):  # "heatstroke", "smartphone": loanwords
            return None
        best, best_score = None, 0.0
        capital = token[0].isupper()
        for p in range(3, len(token) - 2):
            left, right = token[:p], token[p:]
            if right.lower() in _SUFFIXES or left.lower() in _PREFIXES:
                continue
            if capital:
                # a capitalised token is a name: split only where the page uses the name on
                # its own, before a function word or a common word ("Chinamirip")
                if left not in seen:
                    continue
                both = self.known(right, COMMON_PIECE_COUNT) and len(right) >= 4
            else:
                both = self._piece(left) and self._piece(right)
            name_then_function = (
                capital
                and len(left) >= 4
                and len(right) >= 3
                and right in self.function_words
                and right not in _PARTICLES
            )
            if not (both or name_then_function):
                continue
            # a name glued to a function word: the longest function word wins
            # ("Khamenei|mengatakan", not "Khameneimengat|akan")
            score = (
                100.0 + len(right)
                if name_then_function and not both
                else self._score(left) + self._score(right)
            )
            if score > best_score:
                best, best_score = (left, right), score
        return best

    def context(self, texts: list[str]) -> frozenset[str]:
        """Tokens the document uses on their own: evidence that a name is a name."""
        return frozenset(t for text in texts for t in _TOKEN.findall(text))

    def split_token(self, token: str, brand: bool = False, seen: frozenset[str] = frozenset()) -> str:
        """``token`` with a space at each safe glue point.

        ``brand``: the token is part of a domain name; ``seen``: tokens the document uses on
        their own (a capitalised piece must be one of them: "Barcelona|punya" when the page
        names Barcelona elsewhere, but never "Salsa|bila" or "Wicak|sana").
        """
        if token in self.camelcase or len(token) < 4 or brand:
            return token
        for p in range(1, len(token)):
            if token[p - 1].islower() and token[p].isupper():
                left, right = token[:p], token[p:]
                if left in self.camelcase or token[: p + 3] in self.camelcase:
                    continue
                if left.islower():
                    ok = len(left) >= 2 and self.known(left, MIN_PIECE_COUNT)
                else:
                    # two capitalised words ("AliKhamenei"): one of them must stand alone
                    # somewhere on the page, so brand spellings ("BeritaSatu") survive
                    head = _HEAD.match(right)
                    ok = (
                        len(left) >= 3
                        and len(right) >= 3
                        and not left.startswith(("Mc", "Mac"))
                        and not self.known(token)
                        and (left in seen or (head is not None and head.group(0) in seen))
                    )
                if ok:
                    return self.split_token(left, seen=seen) + " " + self.split_token(right, seen=seen)
        if token[0].isupper() and token[1:].islower():
            # a capitalised word: whether it can split at all does not depend on the page
            possible = self._lower_cache.get(token)
            if possible is None:
                possible = "y" if self._split_lower(token, _EVERYTHING) else "n"
                self._lower_cache[token] = possible
            if possible == "n":
                return token
        pieces = self._split_lower(token, seen)
        if pieces:
            return pieces[0] + " " + pieces[1]
        return token

    def _piece(self, word: str) -> bool:
        """Can ``word`` be one half of a lower-case glue? A known word of 4+ letters, or a
        function word ("mental|yang"); short rare words ("arab|ika") are not enough."""
        if word in self.function_words and len(word) >= 2:
            return True
        return len(word) >= 4 and self.known(word, MIN_PIECE_COUNT)

    def affixed(self, token: str) -> bool:
        """Is ``token`` a known word with Indonesian affixes ("mendalamkan", "bergejolak")?"""
        low = token.lower()
        for prefix in ("", *_PREFIXES):
            if not low.startswith(prefix):
                continue
            stem = low[len(prefix) :]
            for suffix in ("", *_SUFFIXES):
                if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
                    core = stem[: len(stem) - len(suffix)] if suffix else stem
                    if (prefix or suffix) and self.known(core, MIN_PIECE_COUNT):
                        return True
        return False

    def split(self, text: str, seen: frozenset[str] = frozenset()) -> str:
        """``text`` with glued words split (only spaces are inserted).

        Punctuation glue ("strategis.Meskipun") is left as written: the sentence splitter
        reads it, and the body stays exactly as the outlet printed it.
        """
        parts: list[str] = []
        last = 0
        for m in _SUSPECT.finditer(text):
            token = m.group(0)
            if token.islower():
                if token in self.vocabulary:
                    continue
                new = self._lower_cache.get(token)
                if new is None:
                    new = self.split_token(token)
                    self._lower_cache[token] = new
            else:
                new = self.split_token(token, brand=_is_domain_part(m), seen=seen)
            if new != token:
                parts += [text[last : m.start()], new]
                last = m.end()
        if not parts:
            return text
        parts.append(text[last:])
        return "".join(parts)


class _Everything(frozenset):
    """A set that holds every string (to ask whether a split is possible at all)."""

    def __contains__(self, item: object) -> bool:
        return True


_EVERYTHING = _Everything()


def _english_word(token: str) -> bool:
    """Is ``token`` an English word (simplemma's dictionary, shipped in its wheel)?"""
    import simplemma

    return bool(simplemma.is_known(token, lang="en"))


def _is_domain_part(m: re.Match[str]) -> bool:
    """Is the token part of a domain name ("WartaBulukumba.Com", "iNewskarawang.id")?"""
    after = m.string[m.end() : m.end() + 6]
    return after.startswith(".") and _TLD.match(after, 1) is not None


@functools.cache
def default_splitter() -> GlueSplitter:
    """The splitter with the shipped vocabulary and lexicon (cached)."""
    return GlueSplitter(load_vocabulary(), load_lexicon().camelcase, stopwords("id"))


def with_corpus_words(base: GlueSplitter, corpus_counts: dict[str, int]) -> GlueSplitter:
    """A splitter that also knows the words a corpus uses on their own (learned per run)."""
    merged = dict(base.counts)
    for word, count in corpus_counts.items():
        merged[word] = merged.get(word, 0) + count
    return GlueSplitter(merged, base.camelcase, base.function_words)
