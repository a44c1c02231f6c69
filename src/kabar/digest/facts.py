"""Sentence facts: what each sentence of an event's articles states, in comparable form.

In: annotated articles (sentences, entities, numbers, dates, quotes). Out: one
``SentenceFacts`` per sentence — its content-word lemmas (and those outside its names, roles
and dates: what it says happened), the entities it names (with the surface form each article
uses, so spellings can be compared), its numbers, dates and quotes.
Every later digest stage (support, quotes, timeline, claims) compares these, never raw text.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources

from kabar.lang.entities import nickname_cues, role_words
from kabar.lang.tokens import lemma, tokenize
from kabar.model import Article

MIN_WORD_LENGTH = 3
CONTEXT_CHARS = 30
_HYPHEN = re.compile(r"[-‐‑–]")


@dataclass(frozen=True, slots=True)
class NumberFact:
    """A number in a sentence: its value, unit and kind, and how the text writes it."""

    value: float
    unit: str | None
    kind: str
    mention: str
    context: str | None = None  # the content word just before it ("bermagnitudo 4,8" → "magnitudo")

    @property
    def measure(self) -> str | None:
        """What the number counts: its unit, else the word before it; None when neither."""
        return self.unit or self.context

    @property
    def frame(self) -> str | None:
        """What a number with a unit is said of: the word before it ("dituntut 4 tahun" →
        "tuntut"); None without a unit (the word before is then its measure)."""
        return self.context if self.unit else None


@dataclass(frozen=True, slots=True)
class DateFact:
    """A resolved date in a sentence (ISO ``value`` at ``precision``) and how the text writes it."""

    value: str
    precision: str
    mention: str
    anchor: str = "text"  # how it was resolved: text | reference | weekday (DateMention.anchor)


@dataclass(frozen=True, slots=True)
class SentenceFacts:
    """What one sentence states. ``article``/``sentence`` index into the event's article list
    and that article's sentences; ``names`` maps an entity's comparison key to the surface form
    this sentence uses."""

    article: int
    sentence: int
    text: str
    words: frozenset[str]
    entities: frozenset[str]
    people: frozenset[str]  # the keys of ``entities`` that are persons
    names: tuple[tuple[str, str, str], ...]  # (key, entity type, surface form)
    numbers: tuple[NumberFact, ...]
    dates: tuple[DateFact, ...]
    quotes: tuple[int, ...]  # indices into the article's quotes
    # the content lemmas outside names, role words and dates: what the sentence says happened
    # ("disambut", "meriah", "tiba"), not who or when
    action: frozenset[str] = frozenset()


def word_key(word: str) -> str:
    """A word's comparison form: hyphens dropped ("multi-polar" → "multipolar")."""
    return _HYPHEN.sub("", word)


def entity_key(name: str) -> str:
    """An entity's comparison key: lower case, hyphens and spaces unified ("Kim Jong-Un" and
    "Kim Jong Un" → "kim jong un")."""
    return " ".join(_HYPHEN.sub(" ", name.lower()).split())


def _context(before: str, lang: str) -> str | None:
    """The lemma of the content word that ends ``before`` (one word of slack: "sebanyak"), if any."""
    tokens = [t for t in tokenize(before, lang) if t.is_word]
    for token in reversed(tokens[-2:]):
        if not token.stop and token.norm.isalpha() and len(token.base) >= MIN_WORD_LENGTH:
            return word_key(lemma(token, lang))
    return None


def _content_tokens(text: str, lang: str) -> list[tuple[int, int, str]]:
    """``(start, end, lemma)`` of the content words of ``text``: no stop words, numbers or
    words under three letters."""
    return [
        (token.start, token.end, word_key(lemma(token, lang)))
        for token in tokenize(text, lang)
        if not token.stop and token.norm.isalpha() and len(token.base) >= MIN_WORD_LENGTH
    ]


def content_sequence(text: str, lang: str) -> list[str]:
    """The content lemmas of ``text`` in their order: no stop words, numbers or words under
    three letters."""
    return [word for _, _, word in _content_tokens(text, lang)]


def content_words(text: str, lang: str) -> frozenset[str]:
    """The content lemmas of ``text`` as a set (``content_sequence`` without the order)."""
    return frozenset(content_sequence(text, lang))


@functools.cache
def _role_lemmas(lang: str) -> frozenset[str]:
    return content_words(" ".join(sorted(role_words())), lang)


def _action_words(
    words: list[tuple[int, int, str]], start: int, spans: list[tuple[int, int]], lang: str
) -> frozenset[str]:
    """The content lemmas of a sentence (``words``: its ``_content_tokens``; the sentence at
    ``start`` in its article) that overlap none of the character ``spans`` of its names and
    dates, less role words ("presiden", "pemimpin")."""
    roles = _role_lemmas(lang)
    return frozenset(
        word
        for a, b, word in words
        if word not in roles and not any(x < start + b and start + a < y for x, y in spans)
    )


def sentence_facts(articles: list[Article]) -> list[list[SentenceFacts]]:
    """The facts of every sentence of every article, as ``facts[article][sentence]``."""
    out = []
    for a, article in enumerate(articles):
        lang = text_language(article)
        starts = [s.start for s in article.sentences]

        def index(offset: int, starts: list[int] = starts) -> int:
            return max(0, bisect.bisect_right(starts, offset) - 1)

        names: list[list[tuple[str, str, str]]] = [[] for _ in article.sentences]
        blanks: list[list[tuple[int, int]]] = [[] for _ in article.sentences]  # names and dates
        for entity in article.entities:
            for span in entity.spans:
                if article.sentences:
                    names[index(span.start)].append((entity_key(entity.name), entity.type, span.text))
                    blanks[index(span.start)].append((span.start, span.end))
        numbers: list[list[NumberFact]] = [[] for _ in article.sentences]
        text = article.text if article.numbers else ""
        for n in article.numbers:
            i = n.sentence_index if n.sentence_index is not None else index(n.start)
            if 0 <= i < len(numbers):
                before = text[max(article.sentences[i].start, n.start - CONTEXT_CHARS) : n.start]
                numbers[i].append(NumberFact(n.value, n.unit, n.kind, n.mention, _context(before, lang)))
        dates: list[list[DateFact]] = [[] for _ in article.sentences]
        for d in article.dates_in_text:
            i = d.sentence_index if d.sentence_index is not None else index(d.start)
            if 0 <= i < len(dates):
                dates[i].append(DateFact(d.value, d.precision, d.mention, d.anchor))
                blanks[i].append((d.start, d.end))
        quotes: list[list[int]] = [[] for _ in article.sentences]
        for q, quote in enumerate(article.quotes):
            if 0 <= quote.sentence_index < len(quotes):
                quotes[quote.sentence_index].append(q)
        facts = []
        for s, sentence in enumerate(article.sentences):
            words = _content_tokens(sentence.text, lang)
            facts.append(
                SentenceFacts(
                    article=a,
                    sentence=s,
                    text=sentence.text,
                    words=frozenset(word for _, _, word in words),
                    entities=frozenset(k for k, _, _ in names[s]),
                    people=frozenset(k for k, kind, _ in names[s] if kind == "PER"),
                    names=tuple(names[s]),
                    numbers=tuple(numbers[s]),
                    dates=tuple(dates[s]),
                    quotes=tuple(quotes[s]),
                    action=_action_words(words, sentence.start, blanks[s], lang),
                )
            )
        out.append(facts)
    return out


def same_date(x: str, y: str) -> bool:
    """Do two ISO date values agree at the coarser of their precisions ("2024-06" and
    "2024-06-19" do; "2024-06-18" and "2024-06-19" do not)?"""
    n = min(len(x), len(y))
    return x[:n] == y[:n]


def text_language(article: Article) -> str:
    """The language an article's words are lemmatised in: English for "en", else Indonesian."""
    return "en" if article.language == "en" else "id"


def word_mass(words: frozenset[str], weights: dict[str, float]) -> float:
    """The summed weight of ``words`` (a word the weights do not know weighs 1)."""
    return math.fsum(weights.get(w, 1.0) for w in words)


def word_weights(facts: list[list[SentenceFacts]]) -> dict[str, float]:
    """Inverse sentence frequency of each content word over the event (smoothed, ≥ 1): a word
    every sentence uses says less about which fact a sentence states."""
    df: Counter[str] = Counter()
    n = 0
    for article in facts:
        for f in article:
            df.update(f.words)
            n += 1
    return {w: 1.0 + math.log((n + 1) / (c + 1)) for w, c in df.items()}


def _close_spelling(x: str, y: str) -> bool:
    """Two words at most one edit apart, five letters or more and with the same first letter,
    so that the edit means a spelling ("sergei"/"sergey"; "moskow"/"moskwa" is two edits and
    does not count)."""
    if x == y:
        return True
    if min(len(x), len(y)) < 5 or abs(len(x) - len(y)) > 1 or x[0] != y[0]:
        return False  # "iran"/"irak", "mali"/"bali": short words one letter apart are other words
    if len(x) == len(y):
        return sum(a != b for a, b in zip(x, y, strict=True)) == 1
    short, long_ = (x, y) if len(x) < len(y) else (y, x)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


@functools.cache
def _name_heads() -> frozenset[str]:
    text = resources.files("kabar.digest").joinpath("data/name_heads.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@functools.lru_cache(maxsize=1 << 16)  # a pure function of its strings, asked again and again
def same_entity(x: str, y: str, people: bool = True) -> bool:
    """Do two entity keys name the same thing across articles? Equal; one a word-subset of the
    other: for people (``people``) always ("stoltenberg" in "jens stoltenberg"), for other
    names when the shorter has several words or the longer only adds the qualifying words of
    ``data/name_heads.txt`` ("garut" in "kabupaten garut", but "indonesia" is not "bank
    indonesia"); or the same words up to a one-letter spelling difference each ("sergei
    lavrov"/"sergey lavrov")."""
    if x == y:
        return True
    xs, ys = x.split(), y.split()
    if len(xs) != len(ys):
        short, long_ = (xs, ys) if len(xs) < len(ys) else (ys, xs)
        if not set(short) <= set(long_):
            return False
        # people: a surname alone names the person again; other names: only a multi-word name,
        # or one the longer form only qualifies ("Kabupaten Garut"), not "Bank Indonesia"
        return people or len(short) > 1 or set(long_) - set(short) <= _name_heads()
    return all(_close_spelling(a, b) for a, b in zip(xs, ys, strict=True))


@functools.cache
def _appositive() -> re.Pattern[str]:
    """What may stand between a name and its nickname: "Saifullah Yusuf (Gus Ipul)",
    "Saifullah Yusuf atau Gus Ipul", "… yang akrab disapa Gus Ipul" (the cues are the language
    layer's, ``lang/data/nickname_cues.txt``)."""
    return re.compile(r"\s*(?:\(\s*|" + nickname_cues() + r"\s+)", re.I)


def person_aliases(articles: list[Article]) -> dict[str, str]:
    """Nicknames of people across an event: ``{alias key: full-name key}`` from appositives
    any article writes ("Menteri Sosial Saifullah Yusuf (Gus Ipul)", "Saifullah Yusuf atau Gus
    Ipul", "yang akrab disapa Gus Ipul"), so that a quote one outlet gives to "Gus Ipul" and
    another to "Saifullah Yusuf" has one speaker. The full name is the one written first."""
    out: dict[str, str] = {}
    for article in articles:
        text = article.text
        spans = sorted(
            (span.start, span.end, entity_key(e.name))
            for e in article.entities
            if e.type == "PER"
            for span in e.spans
        )
        for (_, end, first), (start, _, second) in itertools.pairwise(spans):
            if first != second and 0 < start - end <= 40 and _appositive().fullmatch(text[end:start]):
                out.setdefault(second, first)
        # the language layer already made one person of a name and its nickname in one
        # article ("Gus Ipul" among Saifullah Yusuf's mentions): other articles may use either
        for e in article.entities:
            if e.type != "PER":
                continue
            name = entity_key(e.name)
            for mention in map(entity_key, e.mentions):
                if not same_entity(mention, name, people=True):
                    out.setdefault(mention, name)
    return out
