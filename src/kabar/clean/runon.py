"""Run-on bodies: a whole article scraped into one line (sample 001, 4,000 characters), and
title-cased subheadings glued into scraped paragraphs (``split_glued_headings``).

Such a line is split into sentences, each kept as a paragraph, and three things a page dump
loses are recovered from the text itself:

* the standfirst: with no dateline to open the lead, the first sentence of a run-on body
  is the deck that sat under the headline (translations of wire and Al Jazeera stories);
* a subheading glued to the next sentence ("Khawatir tentang senjata Bersama dengan Cina,"):
  a short lower-case phrase opening a sentence, then a capitalised function word that
  starts the real sentence;
* a photo caption dropped between paragraphs: a short sentence, not opened by a connective,
  that restates an earlier sentence (most of its content words occur in one sentence
  before it), as captions do.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from kabar.lang.dates import calendar
from kabar.lang.sentences import rough_sentences
from kabar.lang.stopwords import connectives, stopwords

RUNON_MIN_CHARS = 1500
RUNON_MIN_SENTENCES = 8
_GLUED_HEADING = re.compile(r"^(?P<head>[A-Z][a-z]+(?: [a-z]+){1,5}) (?P<rest>(?P<word>[A-Z][a-z]+)\b.*)$")
_WORD = re.compile(r"[\w-]+")


@dataclass(slots=True)
class RunOn:
    """Paragraphs after the split, plus what was recovered from the run-on line."""

    paragraphs: list[str]
    subtitle: str | None = None
    subheadings: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)


def _content_words(sentence: str) -> set[str]:
    stop = stopwords("id")
    return {w for w in (t.lower() for t in _WORD.findall(sentence)) if w not in stop and not w.isdigit()}


def _restates(words: set[str], earlier: list[set[str]]) -> bool:
    """Do most of a sentence's content ``words`` (≥ 60 %, ≥ 4 words) occur in one earlier one?"""
    if len(words) < 5:
        return False
    shared = max((len(words & e) for e in earlier), default=0)
    return shared >= 4 and shared / len(words) >= 0.6


# A paragraph boundary the scraper lost: a sentence end glued to the next capital
# ("…berubah.Korps Marinir", "…jelasnya.“Penundaan"), as sindonews and kapanlagi bodies come.
_GLUED_BOUNDARY = re.compile(
    r"(?<=[a-z0-9)\]%][.!?])(?=[“\"‘]?[A-Z][a-z])|(?<=[a-z0-9)][.!?][”\"’])(?=[“\"‘]?[A-Z])"
)
_TLD_AFTER = re.compile(r"(?:Com|Co|Id|Net|Org)\b")
GLUED_MIN_CHARS = 600
GLUED_MIN_BOUNDARIES = 2


def split_glued_paragraphs(paragraph: str) -> list[str]:
    """Cut a long paragraph at glued sentence ends when it has several (the scraper joined
    paragraphs with nothing between them); otherwise return it whole."""
    if len(paragraph) < GLUED_MIN_CHARS:
        return [paragraph]
    cuts: list[int] = []
    for m in _GLUED_BOUNDARY.finditer(paragraph):
        at = m.start()
        if _TLD_AFTER.match(paragraph, at):
            continue
        if cuts and at - cuts[-1] <= 1:
            # '…jelasnya."Saya': one cut, before or after the straight quote; an odd count of
            # quotes since the previous cut means this quote closes the last sentence
            piece = paragraph[(cuts[-2] if len(cuts) > 1 else 0) : cuts[-1]]
            if piece.count('"') % 2 == 1:
                cuts[-1] = at
            continue
        cuts.append(at)
    if len(cuts) < GLUED_MIN_BOUNDARIES:
        return [paragraph]
    bounds = [0, *cuts, len(paragraph)]
    return [paragraph[a:b].strip() for a, b in itertools.pairwise(bounds) if paragraph[a:b].strip()]


def split_runon(
    paragraphs: list[str], has_lead_marker: bool, has_subtitle: bool, page_layout: bool = True
) -> RunOn:
    """Split a run-on body (one paragraph of ≥ 1,500 characters and ≥ 8 sentences).

    Paragraphs the scraper glued at sentence ends are cut there first. Otherwise a run-on
    body of a page dump (``page_layout``: the page carried its own headline, as a copied
    page does) becomes one paragraph per sentence, with standfirst, glued subheading and
    caption recovered; a container's body field (JSONL, feeds) stays one paragraph, since
    its layout says nothing. ``has_lead_marker`` (a dateline opened the body) and
    ``has_subtitle`` switch off standfirst recovery.
    """
    glued = [piece for p in paragraphs for piece in split_glued_paragraphs(p)]
    if len(glued) > len(paragraphs):
        return RunOn(glued)
    if len(paragraphs) != 1 or len(paragraphs[0]) < RUNON_MIN_CHARS or not page_layout:
        return RunOn(paragraphs)
    sentences = rough_sentences(paragraphs[0])
    if len(sentences) < RUNON_MIN_SENTENCES:
        return RunOn(paragraphs)
    out = RunOn([])
    stop = stopwords("id")
    if not has_lead_marker and not has_subtitle and len(sentences[0].split()) <= 45:
        out.subtitle = sentences.pop(0)
    kept_words: list[set[str]] = []
    for n, sentence in enumerate(sentences):
        m = _GLUED_HEADING.match(sentence)
        if m and m.group("word").lower() in stop and n > 0:
            out.subheadings.append(m.group("head"))
            sentence = m.group("rest")
        words = sentence.split()
        if (
            n > 2
            and len(words) <= 20
            and words[0].lower() not in connectives()
            and not any(q in sentence for q in '“”"')
            and _restates(_content_words(sentence), kept_words)
        ):
            out.captions.append(sentence)
            continue
        out.paragraphs.append(sentence)
        kept_words.append(_content_words(sentence))
    return out


# A title-cased subheading glued between two sentences of one scraped paragraph (sindonews:
# "… langit. Bertabur Prestasi Sejak DiniMelanjutkan kuliah …"): after a sentence end, 2-10
# capitalised words (headline function words allowed), the last one glued to the capitalised
# first word of the next sentence.
_TITLE_GLUED = re.compile(
    r"(?:(?<=[.!?”\"])|^)\s*(?P<head>[A-Z0-9][\w'’-]*,?(?:\s[\w'’-]+,?){1,9}?)(?P<next>[A-Z][a-z]+)\b"
)
COMMON_OPENER_COUNT = 50
_LOWER_NEXT = re.compile(r",?\s+[a-z]")
_LINK_MARKERS = frozenset({"Baca", "Lihat", "Simak"})  # "…Haji MabrurBaca Juga:": a link, not a sentence
_CAMEL = re.compile(r"[a-z][A-Z]")
_NUMBER_LIST = re.compile(r"\d+,")  # "202, Ciomas, Kecamatan Panjalu": an address


def split_glued_headings(
    paragraph: str,
    lowercase_words: frozenset[str],
    counts: dict[str, int],
    camelcase: frozenset[str],
    lead: bool = False,
) -> tuple[list[str], list[str]]:
    """Cut ``paragraph`` at title-cased subheadings glued into it; returns (paragraphs,
    subheadings). ``lowercase_words`` are the function words a headline leaves in lower case;
    the word after the heading must be a common word (``counts`` ≥ 50) and the glue not a
    known camel-case spelling, so names like "LiverpoolFC" are not read as headings. In the
    ``lead`` paragraph a heading must follow a sentence: the lead opens with the story, and a
    name glued there ("Annisa PohanYudhoyono") is only glue."""
    if len(paragraph) < 200:
        return [paragraph], []
    pieces: list[str] = []
    headings: list[str] = []
    start = 0
    for m in _TITLE_GLUED.finditer(paragraph):
        head, nxt = m.group("head"), m.group("next")
        words = head.replace(",", "").split()
        last = words[-1]
        if (
            (lead and not paragraph[: m.start("head")].strip())
            or _NUMBER_LIST.match(head)
            or not last[-1].islower()
            or last in lowercase_words
            or not all(w[0].isupper() or w[0].isdigit() or w in lowercase_words for w in words)
            or nxt in _LINK_MARKERS
            or nxt.lower() in calendar().weekdays  # "Menurut Ketua RT SetempatJumat, …": a name, a day
            or counts.get(nxt.lower(), 0) < COMMON_OPENER_COUNT
            or (last + nxt) in camelcase
            # every word a known word ("Adapunkalender", "AsosiasiAhli" are glue, not words)
            or any(_CAMEL.search(w) or (len(w) >= 10 and w.lower() not in counts) for w in words)
            # the next sentence goes on in lower case ("DiniMelanjutkan kuliah …"), not with
            # more names ("PenanggulanganBencana (BNPB)" is one name)
            or not _LOWER_NEXT.match(paragraph, m.end())
        ):
            continue
        before = paragraph[start : m.start("head")].strip()
        if before:
            pieces.append(before)
        headings.append(head)
        start = m.start("next")
    if not headings:
        return [paragraph], []
    pieces.append(paragraph[start:].strip())
    return [p for p in pieces if p], headings
