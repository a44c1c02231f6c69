"""Tokens with character offsets, normalised forms, clitics, stop words and lemmas.

``tokenize`` keeps words whole ("Jean-Pierre", "Liputan6.com", "11.000", "S.H.") and splits
punctuation off; ``fine_tokens`` splits every punctuation mark, the way IndoNLU's NER data is
tokenised ("Jean", "-", "Pierre"), for the tagger trained on it. ``norm`` is the NFKC,
quote-normalised, lower-case form. Indonesian clitics (-nya, -lah, -kah, -pun; ku-, kau-) are
split off only when what remains is a known word ("ujarnya" → "ujar" + "nya", but "tanya"
stays). ``lemma`` uses simplemma (its Indonesian dictionary ships in its wheel; Sastrawi and
nlp-id turn "Bali" into "bal", DEPENDENCIES.md) and never touches a token marked as part of
an entity.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import NamedTuple

from kabar.lang.lexicon import data_lines
from kabar.lang.stopwords import stopwords

_QUOTES = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'", "`": "'"}
)
_WORD_PARTS = (
    r"\d+(?:[.,]\d+)+"  # 11.000 / 1,5 / 1.500,75
    r"|(?:[A-Za-z]\.){2,}"  # S.H., a.n., U.S.
    r"|\w+(?:[-'’.]\w+)*"  # Jean-Pierre, Ma'ruf, Liputan6.com, ke-3
    r"|[^\w\s]"
)


@functools.cache
def _word_pattern() -> re.Pattern[str]:
    """Words, with the abbreviations of ``lang/data/abbreviations.txt`` kept whole ("Jl.", "No.")."""
    from kabar.lang.sentences import abbreviations

    abbr = "|".join(re.escape(a) for a in sorted(abbreviations(), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{abbr})(?!\w)|{_WORD_PARTS}")


_FINE = re.compile(r"\w+|[^\w\s]")
SUFFIX_CLITICS = ("nya", "lah", "kah", "pun")
PREFIX_CLITICS = ("ku", "kau")


class Token(NamedTuple):
    """``text`` == source[start:end]; ``norm`` normalised; ``base`` the word without its clitic.
    (A named tuple: articles hold thousands of tokens, and tuples are made three times faster
    than frozen dataclasses.)"""

    text: str
    start: int
    end: int
    norm: str
    base: str
    clitic: str | None
    stop: bool

    @property
    def is_word(self) -> bool:
        """Letters or digits (not punctuation)."""
        return any(c.isalnum() for c in self.text)


def normalise(word: str) -> str:
    """NFKC, straight quotes, lower case: the form tokens are compared by."""
    return unicodedata.normalize("NFKC", word).translate(_QUOTES).lower()


@functools.cache
def known_words() -> frozenset[str]:
    """The shipped Indonesian word list (lower case), the vocabulary clitics are checked
    against."""
    from kabar.clean.glue import load_vocabulary

    return frozenset(load_vocabulary())


@functools.cache
def _not_clitics() -> frozenset[str]:
    return frozenset(line for _, line in data_lines("not_clitics.txt"))


def split_clitic(norm: str) -> tuple[str, str | None]:
    """A normalised word without its clitic, and the clitic: "ujarnya" → ("ujar", "nya"),
    "kubaca" → ("baca", "ku"); "masalah" and "kuping" are words (``data/not_clitics.txt``)."""
    known = known_words()
    if norm in _not_clitics() or (
        norm in known and not norm.endswith(SUFFIX_CLITICS) and not norm.startswith(PREFIX_CLITICS)
    ):
        return norm, None
    for clitic in SUFFIX_CLITICS:
        base = norm[: -len(clitic)]
        if norm.endswith(clitic) and len(base) >= 3 and base in known:
            return base, clitic
    for clitic in PREFIX_CLITICS:
        base = norm[len(clitic) :]
        if norm.startswith(clitic) and len(base) >= 4 and base in known:
            return base, clitic
    return norm, None


def _analyse(word: str, lang: str) -> tuple[str, str, str | None, bool]:
    """``(norm, base, clitic, stop)`` of a word (it does not depend on context)."""
    norm = normalise(word)
    base, clitic = split_clitic(norm) if lang != "en" and norm.isalpha() else (norm, None)
    return norm, base, clitic, norm in stopwords("en" if lang == "en" else "id")


# memoised for each reading (every language but English reads Indonesian clitics and stop
# words): a cache keyed by the word alone is looked up faster than one keyed by (word, lang)
_analyse_en = functools.lru_cache(maxsize=100_000)(lambda word: _analyse(word, "en"))
_analyse_id = functools.lru_cache(maxsize=200_000)(lambda word: _analyse(word, "id"))


def _tokens(pattern: re.Pattern[str], text: str, lang: str) -> list[Token]:
    # tuple.__new__ skips the named tuple's Python-level __new__; a long article has
    # thousands of tokens, and this loop was a tenth of the language layer's time
    make, analyse = tuple.__new__, _analyse_en if lang == "en" else _analyse_id
    out = []
    for m in pattern.finditer(text):
        word = m.group()
        out.append(make(Token, (word, *m.span(), *analyse(word))))
    return out


def tokenize(text: str, lang: str = "id") -> list[Token]:
    """Word and punctuation tokens of ``text``, words kept whole (see the module docstring)."""
    return _tokens(_word_pattern(), text, lang)


def fine_tokens(text: str, lang: str = "id") -> list[Token]:
    """Tokens with every punctuation mark split off (IndoNLU's tokenisation)."""
    return _tokens(_FINE, text, lang)


@functools.lru_cache(maxsize=100_000)
def _lemma(word: str, lang: str) -> str:
    import simplemma

    return simplemma.lemmatize(word, lang=lang)


def lemma(token: Token, lang: str = "id", entity: bool = False) -> str:
    """The dictionary form of ``token`` ("kunjungan" → "kunjung"); an entity's token, a number
    or punctuation comes back as written (normalised)."""
    if entity or not token.norm.isalpha():
        return token.norm
    return _lemma(token.base, "en" if lang == "en" else "id")
