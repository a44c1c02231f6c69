"""The data model: every stage passes these objects, never loose dicts.

Flow (see DESIGN.md): ``Document`` (raw input + provenance) → ``Article`` (cleaned body and
metadata, then annotations) → ``Event`` (articles that report one happening) → ``Digest``.

All annotations are spans with character offsets into ``Article.text`` (the body paragraphs
joined by ``PARAGRAPH_SEPARATOR``), never copies that could drift from the body.

JSON: ``to_dict()`` / ``from_dict()`` round-trip every class. Article field names follow the
gold files in ``samples/gold`` (``title``, ``authors``, ``published``, ``body``, ...).
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Self

PARAGRAPH_SEPARATOR = "\n\n"
SCHEMA_VERSION = "1.0"


class Serialisable:
    """Mixin: JSON-ready dict conversion for nested dataclasses."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        """Return a dict of plain JSON types (nested objects become dicts)."""
        return {f.name: _dump(getattr(self, f.name)) for f in dataclasses.fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        """Build an instance from ``to_dict()`` output; unknown keys are ignored."""
        hints = _type_hints(cls)
        kwargs = {}
        for f in dataclasses.fields(cls):  # type: ignore[arg-type]
            if f.name in data:
                kwargs[f.name] = _load(hints[f.name], data[f.name])
        return cls(**kwargs)


@functools.cache
def _type_hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _dump(value: Any) -> Any:
    if isinstance(value, Serialisable):
        return value.to_dict()
    if isinstance(value, list | tuple):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    return value


def _load(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return _load(args[0], value) if len(args) == 1 else value
    if origin is list:
        (arg,) = typing.get_args(hint)
        return [_load(arg, v) for v in value]
    if origin is dict:
        _, arg = typing.get_args(hint)
        return {k: _load(arg, v) for k, v in value.items()}
    if isinstance(hint, type) and issubclass(hint, Serialisable):
        return hint.from_dict(value)
    return value


# ---------------------------------------------------------------- input


@dataclass(slots=True)
class Document(Serialisable):
    """One raw input item before cleaning.

    ``source`` names where it came from (a path, ``path:line`` for JSONL, a URL, ``-`` for
    stdin). Exactly one of ``text`` (a plain-text page dump) and ``html`` is set. The other
    fields are hints from the container (JSONL fields, feed items, HTTP headers) that the
    cleaner uses only when the page itself does not say.
    """

    source: str
    kind: str  # text | html
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    authors: str | None = None
    encoding: str | None = None


@dataclass(slots=True)
class Skipped(Serialisable):
    """An input that could not be read, with the reason and what to do."""

    source: str
    reason: str


# ---------------------------------------------------------------- article


@dataclass(slots=True)
class Removed(Serialisable):
    """A line or block the cleaner dropped, with why (``reason``) and where (``line``, 1-based)."""

    text: str
    reason: str
    line: int | None = None


@dataclass(slots=True)
class Sentence(Serialisable):
    """A sentence of the body: ``text`` == ``Article.text[start:end]``."""

    text: str
    start: int
    end: int
    paragraph: int


@dataclass(slots=True)
class Quote(Serialisable):
    """Quoted words (``direct``) or attributed reported speech, with its speaker.

    ``speaker`` is the canonical entity name (None when the text does not say who spoke);
    ``speaker_mention`` is how the text names the speaker ("ujarnya", "Stoltenberg").
    """

    text: str
    direct: bool
    speaker: str | None
    speaker_mention: str | None
    cue: str | None
    start: int
    end: int
    sentence_index: int


@dataclass(slots=True)
class Mention(Serialisable):
    """One surface form of an entity at ``start``..``end`` of the body."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Entity(Serialisable):
    """A named entity: canonical ``name``, ``type`` (PER, ORG, LOC, GPE, MEDIA, EVENT)."""

    name: str
    type: str
    mentions: list[str] = field(default_factory=list)
    spans: list[Mention] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)  # "Presiden Rusia", "juru bicara Gedung Putih"


@dataclass(slots=True)
class DateMention(Serialisable):
    """A date in the text, resolved: ``value`` is ISO (``2024-06-19``, ``2024-06``, ``2024``)."""

    mention: str
    value: str
    precision: str  # minute | hour | day | month | year
    start: int
    end: int
    sentence_index: int | None = None
    # text: stated in full; reference: resolved against the reference time; weekday: no
    # reference, the year is the latest up to the run's date in which the day fell on the
    # weekday the text names ("Rabu (19/6)")
    anchor: str = "text"


@dataclass(slots=True)
class NumberMention(Serialisable):
    """A quantity in the text: ``value`` as a number, with its ``unit`` when one follows."""

    mention: str
    value: float
    unit: str | None
    start: int
    end: int
    sentence_index: int | None = None
    kind: str = "cardinal"  # cardinal | ordinal | percent | money


@dataclass(slots=True)
class Article(Serialisable):
    """A cleaned article: metadata, body paragraphs, what was removed, and annotations.

    ``published`` is ISO 8601 with the page's offset (WIB +07:00, WITA +08:00, WIT +09:00)
    when the page states a time, ``published_date`` the date alone; both None when unstated.
    ``dateline`` is the exact prefix stripped from the first paragraph ("JAKARTA, KOMPAS.com -").
    """

    id: str
    source: str
    title: str | None = None
    subtitle: str | None = None
    section: str | None = None
    outlet: str | None = None
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    published: str | None = None
    published_date: str | None = None
    published_source: str | None = None  # where ``published`` came from: text | meta | hint
    dateline: str | None = None
    dateline_place: str | None = None
    cited_sources: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    subheadings: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    end_marks: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    language: str | None = None
    language_confidence: float | None = None
    paragraph_languages: list[str | None] = field(default_factory=list)
    mixed_language: bool = False
    reference_time: str | None = None  # what relative dates were resolved against, and from where
    reference_source: str | None = None  # published | batch | None
    sentences: list[Sentence] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    dates_in_text: list[DateMention] = field(default_factory=list)
    numbers: list[NumberMention] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The body as one string; every annotation offset points into it."""
        return PARAGRAPH_SEPARATOR.join(self.body)


# ---------------------------------------------------------------- events and digests


@dataclass(slots=True)
class ArticleFlag(Serialisable):
    """Evidence about how one article was made (``translated``, ``generic_rewrite``): a score
    and the passages behind it, never a verdict."""

    flag: str
    score: float
    evidence: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ArticleRef(Serialisable):
    """What a digest says about each article it cites, so every id resolves."""

    id: str
    source: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None = None
    language: str | None = None
    flags: list[ArticleFlag] = field(default_factory=list)


@dataclass(slots=True)
class SummarySentence(Serialisable):
    """A summary sentence copied from ``article`` at ``start``..``end`` of its body.

    ``citations`` lists every article that supports it; ``support`` gives each a score in
    [0, 1].
    """

    text: str
    article: str
    start: int
    end: int
    citations: list[str] = field(default_factory=list)
    support: dict[str, float] = field(default_factory=dict)


@dataclass(slots=True)
class QuoteOccurrence(Serialisable):
    """One outlet's wording of a merged quote."""

    article: str
    text: str
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class MergedQuote(Serialisable):
    """A quote as carried by one or more articles."""

    speaker: str | None
    text: str
    occurrences: list[QuoteOccurrence] = field(default_factory=list)


@dataclass(slots=True)
class TimelineEntry(Serialisable):
    """A dated fact: ``date`` ISO (day, month or year, per ``precision``), the sentence that
    states it (``text``, copied from ``article``), and every article that states it."""

    date: str
    text: str
    articles: list[str] = field(default_factory=list)
    precision: str | None = None  # day | month | year (minute and hour are shown as days)
    article: str | None = None  # where ``text`` was copied from


@dataclass(slots=True)
class ClaimVariant(Serialisable):
    """How one article states a claim: its sentence and, for a number, date or name, the value
    it gives."""

    article: str
    text: str
    value: str | None = None


@dataclass(slots=True)
class Claim(Serialisable):
    """A fact and the articles that agree on it and those that state it differently.

    ``kind``: ``agreed`` (several articles, same values), ``differs`` (several articles, some
    value or wording differs: see ``aspect`` and ``variants``) or ``single`` (one outlet only).
    """

    text: str
    articles_agree: list[str] = field(default_factory=list)
    articles_differ: list[str] = field(default_factory=list)
    note: str | None = None
    kind: str = "agreed"  # agreed | differs | single
    aspect: str | None = None  # number | date | name | quote | wording, for ``differs``
    variants: list[ClaimVariant] = field(default_factory=list)


@dataclass(slots=True)
class Derivation(Serialisable):
    """``derived`` copies or rewrites ``source``; ``kind`` and the ``evidence`` that shows it."""

    source: str
    derived: str
    kind: str  # copy | near_copy | excerpt | rewrite | translation
    score: float = 0.0
    evidence: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Coverage(Serialisable):
    """Honest counts: articles, distinct outlets, independent reports, first publisher."""

    articles: int = 0
    outlets: int = 0
    independent_reports: int = 0
    first_publisher: str | None = None


@dataclass(slots=True)
class Event(Serialisable):
    """Articles that report one happening, and the digest written for them."""

    id: str
    title: str | None
    date: str | None
    articles: list[str] = field(default_factory=list)
    summary: list[SummarySentence] = field(default_factory=list)
    quotes: list[MergedQuote] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    derivations: list[Derivation] = field(default_factory=list)
    coverage: Coverage = field(default_factory=Coverage)
    explanation: list[str] = field(default_factory=list)
    language: str | None = None


@dataclass(slots=True)
class Digest(Serialisable):
    """The whole output of ``kabar digest``: the articles and their events."""

    articles: list[ArticleRef] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    schema_version: str = SCHEMA_VERSION
    generated: str | None = None
    skipped: list[Skipped] = field(default_factory=list)
