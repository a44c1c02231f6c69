"""The cleaner's lexicons, loaded once from ``clean/data/`` and validated.

Every entry of site knowledge (boilerplate lines, section labels, byline labels, places,
agencies, caption credits) lives in a data file; code only composes them. A malformed entry
raises ConfigError naming the file and line, so a bad edit fails loudly at load time.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

from kabar.errors import ConfigError

CAPTION_TAIL = 160
WHOLE_MAX_CHARS = 600  # no whole-line boilerplate rule can match a longer line (their bounds)
_FLAGS = {"whole", "start", "cs", "block", "footer", "short"}


@dataclass(frozen=True, slots=True)
class BoilerplateRule:
    """One boilerplate pattern and how it applies (see ``boilerplate.tsv``)."""

    reason: str
    pattern: re.Pattern[str]
    whole: bool
    block: bool
    footer: bool
    short: bool

    def matches(self, line: str) -> bool:
        """Does the (whitespace-collapsed) ``line`` match this rule?"""
        if self.short and len(line.split()) > 8:
            return False
        m = self.pattern.fullmatch(line) if self.whole else self.pattern.match(line)
        return m is not None


@dataclass(frozen=True, slots=True)
class CaptionRule:
    """A caption / photo-credit pattern (``caption_patterns.tsv``)."""

    mode: str  # whole | start | end | search
    pattern: re.Pattern[str]

    def matches(self, line: str) -> bool:
        """Does ``line`` look like a caption by this rule?"""
        if self.mode == "whole":
            return self.pattern.fullmatch(line) is not None
        if self.mode == "start":
            return self.pattern.match(line) is not None
        return self.pattern.search(line) is not None


@dataclass(frozen=True, slots=True, eq=False)
class BoilerplateMatcher:
    """All boilerplate rules compiled into two alternations (one per match mode), so a line
    is tested with two regex calls instead of one per rule; ``rule`` gives the first rule
    (in file order) that matches, as the per-rule loop would."""

    rules: tuple[BoilerplateRule, ...]
    whole: re.Pattern[str]
    start: re.Pattern[str]

    @classmethod
    def build(cls, rules: tuple[BoilerplateRule, ...]) -> BoilerplateMatcher:
        """Compile ``rules`` (case flags are kept per rule with scoped inline flags)."""

        def alt(selected: list[tuple[int, BoilerplateRule]]) -> re.Pattern[str]:
            parts = []
            for i, rule in selected:
                flag = "i" if rule.pattern.flags & re.I else "-i"
                parts.append(f"(?P<r{i}>(?{flag}:{rule.pattern.pattern}))")
            return re.compile("|".join(parts) or "(?!)")

        whole = alt([(i, r) for i, r in enumerate(rules) if r.whole])
        start = alt([(i, r) for i, r in enumerate(rules) if not r.whole])
        return cls(rules, whole, start)

    def rule(self, line: str) -> BoilerplateRule | None:
        """The first rule that matches ``line``, or None."""
        hits = []
        m = self.whole.fullmatch(line) if len(line) <= WHOLE_MAX_CHARS else None
        if m:
            hits.append(self._first(m))
        m = self.start.match(line)
        if m:
            hits.append(self._first(m))
        for i in sorted(hits):
            rule = self.rules[i]
            if not rule.short or len(line.split()) <= 8:
                return rule
        if hits:  # a "short" rule matched a long line: try the others one by one
            for rule in self.rules:
                if rule.matches(line):
                    return rule
        return None

    @staticmethod
    def _first(m: re.Match[str]) -> int:
        return min(int(name[1:]) for name, value in m.groupdict().items() if value is not None)


@dataclass(frozen=True, slots=True, eq=False)
class Lexicon:
    """All cleaning lexicons. Build with :func:`load_lexicon`."""

    boilerplate: tuple[BoilerplateRule, ...]
    sections: dict[str, str]  # lower-case label -> "section" | "flag"
    section_labels: dict[str, str]  # lower-case label -> label as written in the file
    places: frozenset[str]  # lower-case
    place_names: tuple[str, ...]  # as written, longest first
    agencies: dict[str, str]  # alias (case-sensitive) -> canonical
    agency_pattern: re.Pattern[str]
    citation_cues: tuple[str, ...]
    citation_verbs: tuple[str, ...]
    byline_labels: tuple[tuple[str, re.Pattern[str]], ...]
    captions: tuple[CaptionRule, ...]
    camelcase: frozenset[str]
    outlets: dict[str, str]  # lower-case name -> name
    outlet_hosts: dict[str, str]  # registered domain -> name
    credit_layouts: dict[str, str]  # registered domain -> how a scraped credit field lists names
    embeds: re.Pattern[str]  # embeds inside a paragraph, one named group e<N> per row
    embed_reasons: tuple[str, ...]  # reason of group e<N>
    embed_guards: tuple[str, ...]  # a paragraph holding none of these holds no embed
    matcher: BoilerplateMatcher
    caption_head: re.Pattern[str]  # matched at the start of a line
    caption_tail: re.Pattern[str]  # searched in the last CAPTION_TAIL characters


def _rows(name: str, columns: int | None = None) -> list[tuple[int, list[str]]]:
    raw = resources.files("kabar.clean").joinpath(f"data/{name}").read_text("utf-8")
    rows = []
    for number, line in enumerate(raw.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.rstrip("\n").split("\t")
        if columns is not None and len(parts) != columns:
            raise ConfigError(f"{name}:{number}: expected {columns} tab-separated columns, got {len(parts)}")
        rows.append((number, parts))
    return rows


def _compile(name: str, number: int, pattern: str, flags: int) -> re.Pattern[str]:
    if not pattern.strip():
        raise ConfigError(f"{name}:{number}: empty pattern")
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise ConfigError(f"{name}:{number}: bad regular expression ({exc})") from None


@functools.cache
def load_lexicon() -> Lexicon:
    """Load and validate every lexicon file (cached: call freely)."""
    rules = []
    for number, (reason, flags, pattern) in _rows("boilerplate.tsv", 3):
        flagset = set(filter(None, flags.split(",")))
        if not flagset <= _FLAGS or not ({"whole", "start"} & flagset):
            raise ConfigError(f"boilerplate.tsv:{number}: flags {flags!r} need whole or start, from {_FLAGS}")
        compiled = _compile("boilerplate.tsv", number, pattern, 0 if "cs" in flagset else re.I)
        rules.append(
            BoilerplateRule(
                reason,
                compiled,
                "whole" in flagset,
                "block" in flagset,
                "footer" in flagset,
                "short" in flagset,
            )
        )

    sections, labels = {}, {}
    for number, (label, kind) in _rows("sections.txt", 2):
        if kind not in ("section", "flag"):
            raise ConfigError(f"sections.txt:{number}: kind must be section or flag")
        sections[label.lower()] = kind
        labels[label.lower()] = label

    written = sorted({parts[0].strip() for _, parts in _rows("places.txt", 1)}, key=len, reverse=True)
    places = frozenset(p.lower() for p in written)

    agencies = {}
    for _number, (canonical, aliases) in _rows("agencies.tsv", 2):
        for alias in aliases.split("|"):
            agencies[alias.strip()] = canonical
    alternation = "|".join(sorted((re.escape(a) for a in agencies), key=len, reverse=True))
    agency_pattern = re.compile(rf"(?<![\w.])(?:{alternation})(?![\w])")

    cues = tuple(
        sorted((p[0].strip().lower() for _, p in _rows("citation_cues.txt", 1)), key=len, reverse=True)
    )
    verbs = tuple(p[0].strip().lower() for _, p in _rows("citation_verbs.txt", 1))

    bylines = []
    for number, (role, label) in _rows("bylines.tsv", 2):
        if role not in ("author", "editor", "source", "photo"):
            raise ConfigError(f"bylines.tsv:{number}: unknown role {role!r}")
        bylines.append((role, _compile("bylines.tsv", number, label, re.I)))

    captions = []
    for number, (mode, pattern) in _rows("caption_patterns.tsv", 2):
        if mode not in ("whole", "start", "end", "search"):
            raise ConfigError(f"caption_patterns.tsv:{number}: unknown mode {mode!r}")
        captions.append(CaptionRule(mode, _compile("caption_patterns.tsv", number, pattern, re.I)))

    camel = frozenset(p[0].strip() for _, p in _rows("camelcase.txt", 1))

    outlets, hosts = {}, {}
    for _number, (name, host_list) in _rows("outlets.tsv", 2):
        outlets[name.lower()] = name
        for host in host_list.split("|"):
            hosts[host.strip().lower()] = name

    embed_reasons, embed_patterns, embed_words = [], [], set()
    for number, (reason, word, pattern) in _rows("inline_embeds.tsv", 3):
        embed_reasons.append(reason)
        embed_words.add(word.strip().lower())
        embed_patterns.append(_compile("inline_embeds.tsv", number, pattern, re.I))

    # captions are told by how they start or how they end: two alternations, one matched at
    # the start of a line, one searched in its last characters only
    caption_head = "|".join(
        f"(?:{c.pattern.pattern})$" if c.mode == "whole" else f"(?:{c.pattern.pattern})"
        for c in captions
        if c.mode in ("whole", "start")
    )
    caption_tail = "|".join(
        f"(?:{c.pattern.pattern})" if c.mode == "search" else f"(?:{c.pattern.pattern})$"
        for c in captions
        if c.mode in ("search", "end")
    )
    return Lexicon(
        tuple(rules),
        sections,
        labels,
        places,
        tuple(written),
        agencies,
        agency_pattern,
        cues,
        verbs,
        tuple(bylines),
        tuple(captions),
        camel,
        outlets,
        hosts,
        {host.lower(): layout for _, (host, layout) in _rows("credit_fields.tsv", 2)},
        re.compile(
            "|".join(f"(?P<e{n}>{p.pattern})" for n, p in enumerate(embed_patterns)) or "(?!)",
            re.I,
        ),
        tuple(embed_reasons),
        # the guard words as written in lower case and in capitals (cheap substring tests)
        tuple(sorted(embed_words | {w.upper() for w in embed_words} | {w.title() for w in embed_words})),
        BoilerplateMatcher.build(tuple(rules)),
        re.compile(caption_head or "(?!)", re.I),
        re.compile(caption_tail or "(?!)", re.I),
    )
