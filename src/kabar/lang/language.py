"""Language of an article and of its paragraphs (lingua, models inside its wheel).

The detector is built for the languages kabar supports (Indonesian, English, Malay) plus a few
it must not confuse them with (Tagalog and Dutch, whose words Indonesian borrows; Arabic,
Chinese, Japanese, Korean, Vietnamese and Thai for quoted foreign text). Building it with every
language costs 0.9 GB of memory (DEPENDENCIES.md); this set costs about 45 MB.

A paragraph is detected on its own only when it is long enough to say something (short
lines such as "Baca juga" leftovers or names follow the article); an article is *mixed* when
a long paragraph is confidently in another supported language than the article.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kabar.lang.stopwords import stopwords

# ISO 639-1 code → lingua Language name; the first three are what kabar supports
_LANGUAGES = {
    "id": "INDONESIAN",
    "en": "ENGLISH",
    "ms": "MALAY",
    "tl": "TAGALOG",
    "nl": "DUTCH",
    "ar": "ARABIC",
    "zh": "CHINESE",
    "ja": "JAPANESE",
    "ko": "KOREAN",
    "vi": "VIETNAMESE",
    "th": "THAI",
}
SUPPORTED = ("id", "en", "ms")
PARAGRAPH_MIN_CHARS = 120  # shorter paragraphs take the article's language
MIXED_MIN_CONFIDENCE = 0.8
# enough text to tell Indonesian from Malay with confidence (on 500 characters a seed scored 0.55)
ARTICLE_SAMPLE_CHARS = 1500


@dataclass(frozen=True, slots=True)
class Detected:
    """A language code (ISO 639-1) and the detector's confidence in it (0–1)."""

    code: str
    confidence: float


@dataclass(frozen=True, slots=True)
class ArticleLanguage:
    """The article's language, each paragraph's, and whether the article mixes languages."""

    language: Detected | None
    paragraphs: list[str | None]
    mixed: bool


@functools.cache
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in _LANGUAGES.values()]
    return LanguageDetectorBuilder.from_languages(*languages).build()


@functools.cache
def _codes() -> dict[str, str]:
    return {name: code for code, name in _LANGUAGES.items()}


def detect(text: str) -> Detected | None:
    """The most likely language of ``text`` with its confidence; None for text with no letters."""
    if not any(ch.isalpha() for ch in text):
        return None
    values = _detector().compute_language_confidence_values(text)
    if not values:
        return None
    best = values[0]
    return Detected(_codes()[best.language.name], round(float(best.value), 4))


_WORDS = re.compile(r"[a-z]+")


def _looks_like(paragraph: str, code: str) -> bool:
    """A fast path: does the paragraph use more stop words of the article's language family
    (Indonesian/Malay or English) than of the other? Only paragraphs that do not are sent to
    the detector."""
    words = _WORDS.findall(paragraph.lower())
    ind = sum(map(stopwords("id").__contains__, words))  # counted in C: no Python loop per word
    eng = sum(map(stopwords("en").__contains__, words))
    return eng > ind if code == "en" else ind > eng


def article_language(paragraphs: list[str]) -> ArticleLanguage:
    """Detect the language of a body given as paragraphs (see the module docstring)."""
    text = "\n".join(paragraphs)
    overall = detect(text[:ARTICLE_SAMPLE_CHARS])
    if overall is None:
        return ArticleLanguage(None, [None] * len(paragraphs), False)
    per: list[str | None] = []
    mixed = False
    for paragraph in paragraphs:
        if len(paragraph) < PARAGRAPH_MIN_CHARS or _looks_like(paragraph, overall.code):
            per.append(overall.code)
            continue
        found = detect(paragraph)
        confident = found is not None and found.confidence >= MIXED_MIN_CONFIDENCE
        code = found.code if confident else overall.code
        per.append(code)
        if (
            code != overall.code
            and code in SUPPORTED
            and not {code, overall.code}
            <= {"id", "ms"}  # close kin: a Malay-sounding paragraph is not a switch
        ):
            mixed = True
    return ArticleLanguage(overall, per, mixed)
