"""Stop words and sentence-opening connectives (data files under ``lang/data``)."""

from __future__ import annotations

import functools

from kabar.lang.lexicon import data_lines


def _word_file(name: str) -> frozenset[str]:
    words = set()
    for number, line in data_lines(name):
        if " " in line or line != line.lower():
            raise ValueError(f"{name}:{number}: one lower-case word per line, got {line!r}")
        words.add(line)
    return frozenset(words)


@functools.cache
def stopwords(lang: str = "id") -> frozenset[str]:
    """Stop words of ``lang`` ("id" or "en")."""
    return _word_file("stopwords_en.txt" if lang == "en" else "stopwords_id.txt")


@functools.cache
def connectives() -> frozenset[str]:
    """Words that open a sentence continuing the text ("Namun", "Sementara", "Ia", ...)."""
    return _word_file("connectives.txt")
