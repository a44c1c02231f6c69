"""Related-article links run into a paragraph ("…(10/6/2025).Baca Juga: <headline> <body>").

Sindonews and okezone scrapes keep the "Baca Juga" link inside the text, with no mark where
the linked headline ends and the paragraph resumes. The end is found, in order of trust:

1. the headline is a title of another article in the same batch (exact, whitespace aside);
2. the headline is glued to the next sentence ("…Memang BedaSol sepatu"): the first
   lower→upper join or a sentence mark glued to a capital ends it;
3. headline case: Indonesian headlines capitalise every word but a few function words, so
   the headline runs until the first other lower-case word, and the paragraph resumes at
   the capitalised word before it ("… Tentara Garda Nasional | Pejabat itu, seperti …");
4. otherwise the cut runs to the end of the sentence (a body sentence may go with it).

Measured on the real scrape (survey in the closing note): rule 1 settles a quarter of the
sindonews links; rule 3 is right on about half of the rest.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from importlib import resources

from kabar.clean.lexicon import Lexicon
from kabar.clean.lines import normalise_key

_MARKER = re.compile(
    r"(?:(?<=[.!?”\"')\]])|(?<=\s)|^)\s*(?:Baca|BACA|Lihat|LIHAT)\s+(?:[Jj]uga|JUGA)\s*[:：-]?\s*"
)
_GLUE = re.compile(r"[a-z0-9)][A-Z]|[.!?][”\"]?(?=[A-Z])|[!?][”\"]")


@functools.cache
def headline_lowercase() -> frozenset[str]:
    """Words an Indonesian title-case headline leaves in lower case (``data/headline_lowercase.txt``)."""
    raw = resources.files("kabar.clean").joinpath("data/headline_lowercase.txt").read_text("utf-8")
    return frozenset(w.strip() for w in raw.splitlines() if w.strip() and not w.startswith("#"))


_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def _match_prefix(text: str, start: int, title: str) -> int | None:
    """End of ``title`` read from ``text[start:]``, any run of whitespace matching one space."""
    i, j = start, 0
    while j < len(title):
        if i >= len(text):
            return None
        if title[j] == " ":
            if not text[i].isspace():
                return None
            while i < len(text) and text[i].isspace():
                i += 1
            j += 1
            continue
        if text[i] != title[j]:
            return None
        i += 1
        j += 1
    return i


def _by_case(text: str, start: int) -> tuple[int, int] | None:
    """After a title-cased headline starting at ``start``: where the paragraph resumes (the
    capitalised word before the first ordinary lower-case word) and where that lower-case
    word stands; None when the case never breaks."""
    words = list(re.finditer(r"\S+", text[start : start + 400]))
    last_capital = None
    for n, w in enumerate(words):
        token = w.group(0).strip("“”\"'‘’(),:;")
        if not token or token[0].isdigit():
            continue
        if token[0].isupper() or (
            len(token) > 1 and token[1].isupper()
        ):  # "iOS", "eKTP" count as capitalised
            last_capital = n
            continue
        if token.lower() in headline_lowercase():
            continue
        if last_capital is None or last_capital == 0:
            return None
        return start + words[last_capital].start(), start + w.start()
    return None


def _real_glue(text: str, start: int, stop: int) -> re.Match[str] | None:
    """The first headline→text glue point, skipping camel-case words ("iOS", "PaDi"): the word
    left of a lower→upper join must be a known word of 3+ letters ("Beda|Sol")."""
    from kabar.clean.glue import default_splitter

    splitter = default_splitter()
    for g in _GLUE.finditer(text, start, stop):
        if text[g.start()] in ".!?" or not text[g.start()].isalpha():
            return g
        left = re.search(r"[A-Za-z]+$", text[: g.start() + 1])
        right = re.match(r"[A-Za-z]+", text[g.start() + 1 :])
        word = (left.group(0) if left else "") + (right.group(0) if right else "")
        if word in splitter.camelcase or not left or len(left.group(0)) < 3:
            continue
        if splitter.known(left.group(0), 3):
            return g
    return None


def strip_inline_related(paragraph: str, titles: Iterable[str] = ()) -> tuple[str, list[str]]:
    """``paragraph`` without inline "Baca Juga" links; also returns the removed pieces."""
    removed: list[str] = []
    if "uga" not in paragraph and "UGA" not in paragraph:
        return paragraph, removed  # no "juga" at all: the marker search is skipped
    titles = tuple(titles)
    while True:
        m = _MARKER.search(paragraph)
        if not m:
            return paragraph, removed
        begin = m.end()
        end = None
        head_key = normalise_key(paragraph[begin : begin + 40])
        for title in titles:
            if title[:12] == head_key[:12]:
                end = _match_prefix(paragraph, begin, title)
                if end is not None:
                    break
        if end is None:
            by_case = _by_case(paragraph, begin)
            stop = by_case[1] if by_case else begin + 250
            g = _real_glue(paragraph, begin + 3, stop)
            if g is not None:
                end = g.start() + 1 if paragraph[g.start()] not in ".!?" else g.end()
            elif by_case is not None:
                end = by_case[0]
        if end is None:
            s = _SENTENCE_END.search(paragraph, begin)
            end = s.end() if s else len(paragraph)
        piece = paragraph[m.start() : end]
        removed.append(piece.strip())
        head, tail = paragraph[: m.start()], paragraph[end:]
        joiner = " " if head and tail and not head[-1].isspace() and not tail[:1].isspace() else ""
        paragraph = (head + joiner + tail).strip()
        if not paragraph:
            return paragraph, removed


_SENTENCE_GAP = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z\-–•(])")


def strip_trailing_furniture(paragraph: str, is_furniture) -> tuple[str, list[str]]:
    """Cut promo sentences appended to a paragraph ("… tegas dia.  Akses TribunJakarta.com di
    Google News …"): trailing sentences for which ``is_furniture(sentence)`` holds."""
    removed: list[str] = []
    while True:
        gaps = list(_SENTENCE_GAP.finditer(paragraph))
        if not gaps:
            return paragraph, removed
        last = gaps[-1]
        tail = paragraph[last.end() :]
        if not is_furniture(normalise_key(tail)):
            return paragraph, removed
        removed.insert(0, tail.strip())
        paragraph = paragraph[: last.start()].rstrip()


def strip_inline_embeds(paragraph: str, lexicon: Lexicon) -> tuple[str, list[tuple[str, str]]]:
    """Embed text inside a paragraph ("… tinggi. View this post on Instagram A post shared by
    SINDOnews (@sindonews) Dalam …", ``data/inline_embeds.tsv``) cut out, the text on both
    sides kept one space apart; also returns the removed (piece, reason) pairs."""
    removed: list[tuple[str, str]] = []
    if not any(word in paragraph for word in lexicon.embed_guards):
        return paragraph, removed
    parts: list[str] = []
    last = 0
    for m in lexicon.embeds.finditer(paragraph):
        group = next(name for name, value in m.groupdict().items() if value is not None)
        removed.append((m.group(0), lexicon.embed_reasons[int(group[1:])]))
        parts.append(paragraph[last : m.start()].rstrip())
        last = m.end()
    if not removed:
        return paragraph, removed
    parts.append(paragraph[last:].lstrip())
    return " ".join(p for p in parts if p), removed


_PAREN_RELATED = re.compile(r"\s*\((?:baca|simak|lihat)(?: juga)?\s*(?::\s*)?[^()]{5,200}\)", re.I)


def strip_parenthesised_related(paragraph: str) -> tuple[str, list[str]]:
    """ "(Baca wawancara Haji Isam: …)", "(Baca juga: …)" inside a paragraph: cut out."""
    removed = [m.group(0).strip() for m in _PAREN_RELATED.finditer(paragraph)]
    if not removed:
        return paragraph, removed
    return _PAREN_RELATED.sub("", paragraph).strip(), removed
