"""What the Markdown and HTML renderers show for one event, computed once for both.

Sources are numbered per event, in the event's article order (1..n): a citation ``[3]`` on an
event's page points at the third entry of that event's source list. An id an event cites that
is not among its articles (it should not happen) is appended to the list when the digest knows
it, and dropped otherwise, so every number shown resolves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath
from urllib.parse import urlsplit

from kabar.model import ArticleRef, Claim, Digest, Event, MergedQuote
from kabar.render.labels import format_published, labels_for

_SAFE_URL = re.compile(r"^https?://[^\s\"'<>\\`]+$", re.I)
CLAIM_KINDS = ("differs", "agreed", "single")  # where outlets differ first: what no other product shows


_QUOTE_MARKS = "“”\"«»„‘’'"


def quoted(text: str | None) -> str:
    """``text`` in curly quotes, unless it already opens with a quote mark of its own (a
    sentence that is a quote: "“Kami …,” kata X" is not wrapped twice)."""
    text = text or ""
    return text if text[:1] in _QUOTE_MARKS else f"“{text}”"


def safe_url(url: str | None) -> str | None:
    """``url`` if it is a plain http(s) URL, else None (``javascript:`` and friends never link)."""
    return url if url and _SAFE_URL.match(url) else None


@dataclass(slots=True)
class Source:
    """One entry of an event's source list."""

    number: int
    id: str
    outlet: str | None
    title: str | None
    published: str  # written out for the reader
    url: str | None  # only http(s)
    source: str
    flags: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The outlet, else the host of its URL, else the name of the file it was read from."""
        if self.outlet:
            return self.outlet
        if self.url:
            return urlsplit(self.url).hostname or self.url
        return PurePath(self.source).name or self.source


@dataclass(slots=True)
class EventView:
    """An event with its labels and source numbering."""

    event: Event
    lab: dict[str, str]
    lang: str
    sources: list[Source]
    number: dict[str, int]
    claims: dict[str, list[Claim]]
    explanation: list[list[tuple[str, int | None]]]  # each line as text pieces and source numbers

    @property
    def shared_quotes(self) -> list[MergedQuote]:
        """Quotes several articles carry (shown first and open)."""
        return [q for q in self.event.quotes if len({o.article for o in q.occurrences}) > 1]

    @property
    def lone_quotes(self) -> list[MergedQuote]:
        """Quotes one article alone carries (folded away on long pages)."""
        return [q for q in self.event.quotes if len({o.article for o in q.occurrences}) <= 1]

    def cite(self, article_ids: list[str]) -> list[Source]:
        """The sources for ``article_ids``, in order, each once, unknown ids dropped."""
        seen: set[str] = set()
        out = []
        for a in article_ids:
            if a in self.number and a not in seen:
                seen.add(a)
                out.append(self.sources[self.number[a] - 1])
        return sorted(out, key=lambda s: s.number)

    def source(self, article_id: str | None) -> Source | None:
        """The source entry of one article id (None when unknown)."""
        n = self.number.get(article_id or "")
        return self.sources[n - 1] if n else None


def _cited(event: Event) -> list[str]:
    ids = list(event.articles)
    for s in event.summary:
        ids += [s.article, *s.citations, *s.support]
    for q in event.quotes:
        ids += [o.article for o in q.occurrences]
    for t in event.timeline:
        ids += [*t.articles, *([t.article] if t.article else [])]
    for c in event.claims:
        ids += [*c.articles_agree, *c.articles_differ, *(v.article for v in c.variants)]
    for d in event.derivations:
        ids += [d.source, d.derived]
    return ids


def event_view(event: Event, refs: dict[str, ArticleRef], lang: str | None = None) -> EventView:
    """The view of ``event``: labels in ``lang`` (else the event's language), sources numbered."""
    ev_lang = "en" if (lang or event.language) == "en" else "id"
    lab = labels_for(ev_lang)
    sources: list[Source] = []
    number: dict[str, int] = {}
    for a in _cited(event):
        ref = refs.get(a)
        if ref is None or a in number:
            continue
        number[a] = len(sources) + 1
        sources.append(
            Source(
                number=number[a],
                id=a,
                outlet=ref.outlet,
                title=ref.title,
                published=format_published(ref.published, lab),
                url=safe_url(ref.url),
                source=ref.source,
                flags=[lab.get(f"flag_{f.flag}", f.flag) for f in ref.flags],
            )
        )
    claims: dict[str, list[Claim]] = {kind: [] for kind in CLAIM_KINDS}
    for c in event.claims:
        claims.setdefault(c.kind, []).append(c)
    return EventView(event, lab, ev_lang, sources, number, claims, _numbered(event.explanation, number))


def _numbered(lines: list[str], number: dict[str, int]) -> list[list[tuple[str, int | None]]]:
    """``lines`` cut at every article id they name: text pieces ``(text, None)`` and the ids as
    ``("", source number)``."""
    if not number:
        return [[(line, None)] for line in lines]
    ids = re.compile("|".join(re.escape(a) for a in sorted(number, key=len, reverse=True)))
    out = []
    for line in lines:
        parts: list[tuple[str, int | None]] = []
        pos = 0
        for m in ids.finditer(line):
            parts += [(line[pos : m.start()], None), ("", number[m.group()])]
            pos = m.end()
        out.append([p for p in [*parts, (line[pos:], None)] if p != ("", None)])
    return out


def event_views(digest: Digest, lang: str | None = None) -> list[EventView]:
    """One view per event of ``digest``."""
    refs = {a.id: a for a in digest.articles}
    return [event_view(e, refs, lang) for e in digest.events]


def digest_lang(digest: Digest, lang: str | None = None) -> str:
    """The language of labels for the whole digest: ``lang``, else the most common event
    language (the largest event's on a tie), else Indonesian."""
    if lang:
        return lang
    counts: dict[str, int] = {}
    for e in digest.events:
        key = "en" if e.language == "en" else "id"
        counts[key] = counts.get(key, 0) + 1
    if not counts:
        return "id"
    first = "en" if digest.events[0].language == "en" else "id"
    return max(counts, key=lambda k: (counts[k], k == first))
