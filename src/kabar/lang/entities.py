"""Named entities of an article: people, organisations, places, countries, media, events.

Two sources are merged, token by token:

* the alias table (``data/entities.tsv``): canonical names with their aliases and spelling
  variants ("Korut" / "Korea Utara" / "North Korea" → Korea Utara, GPE), matched
  case-sensitively, longest first;
* the CRF tagger (``kabar.lang.ner``, trained on NERGrit) for names the table does not know.

Then, within the article, a short form takes the canonical name of the full name it shortens
("Putin" → "Vladimir Putin", "Kim" → "Kim Jong Un", "Stoltenberg" → "Jens Stoltenberg"), and
the role phrase written before a person ("Presiden Rusia", "Menteri Luar Negeri AS", "juru
bicara Gedung Putih") is kept on the entity (``data/roles.txt``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

TYPES = ("PER", "ORG", "GPE", "LOC", "MEDIA", "EVENT")


@dataclass(frozen=True, slots=True)
class TableEntry:
    """One line of the alias table: the canonical name and its type."""

    canonical: str
    type: str


@dataclass(frozen=True, slots=True)
class AliasTable:
    """Every surface form (canonical names and aliases) → its entry."""

    forms: dict[str, TableEntry]


@functools.cache
def alias_table() -> AliasTable:
    """The alias table, loaded once; malformed rows raise ValueError naming the line."""
    path = resources.files("kabar.lang").joinpath("data/entities.tsv")
    forms: dict[str, TableEntry] = {}
    if not path.is_file():
        return AliasTable(forms)
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) not in (2, 3):
            raise ValueError(f"entities.tsv:{number}: expected canonical<TAB>type<TAB>aliases")
        canonical, kind = parts[0].strip(), parts[1].strip()
        if kind not in TYPES:
            raise ValueError(f"entities.tsv:{number}: unknown type {kind!r}")
        entry = TableEntry(canonical, kind)
        aliases = [a.strip() for a in parts[2].split("|")] if len(parts) == 3 and parts[2].strip() else []
        for form in (canonical, *aliases):
            if form and form not in forms:
                forms[form] = entry
    return AliasTable(forms)


# ---------------------------------------------------------------- extraction

_CRF_TYPES = {
    "PERSON": "PER",
    "ORGANISATION": "ORG",
    "PLACE": "GPE",
    "PPL": "PER",
    "IND": "ORG",
    "PLC": "GPE",
    "EVT": "EVENT",
}


@dataclass(slots=True)
class _Span:
    start: int
    end: int
    text: str
    type: str
    canonical: str | None  # from the alias table; None for a tagger span


@functools.cache
def _roles() -> tuple[str, ...]:
    raw = resources.files("kabar.lang").joinpath("data/roles.txt").read_text("utf-8")
    return tuple(
        sorted(
            {w.strip() for w in raw.splitlines() if w.strip() and not w.startswith("#")},
            key=len,
            reverse=True,
        )
    )


@functools.cache
def role_words() -> frozenset[str]:
    """Every word of every role phrase (``data/roles.txt``), lower case: "menteri", "luar",
    "negeri", "kapolres", "akbp"."""
    return frozenset(w for role in _roles() for w in role.split())


@functools.cache
def _role_phrases() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(role.split()) for role in _roles())


def _after_role(words: list[str]) -> int:
    """Index of the first word after the last role phrase among ``words`` ("Kapolda Metro Jaya
    Irjen | Agus Setiawan" → 4); 0 when no role phrase comes before the last word."""
    phrases = _role_phrases()
    low = [w.lower() for w in words]
    cut = 0
    for i in range(len(low) - 1):
        for n in range(1, min(4, len(low) - 1 - i) + 1):
            if tuple(low[i : i + n]) in phrases:
                cut = max(cut, i + n)
    return cut


@functools.cache
def _longest_form() -> int:
    return max((len(f.split()) for f in alias_table().forms), default=1)


def _table_spans(text: str, tokens) -> list[_Span]:
    """Alias-table names in ``text`` (longest first, case-sensitive, whole tokens)."""
    forms = alias_table().forms
    out = []
    i = 0
    words = [t.text for t in tokens]
    longest = _longest_form() * 3  # a form of n words spans up to ~3n fine tokens ("Jean - Pierre")
    while i < len(tokens):
        hit = None
        for j in range(min(len(tokens), i + longest), i, -1):
            form = text[tokens[i].start : tokens[j - 1].end]
            entry = forms.get(form)
            if entry is not None:
                hit = (j, entry)
                break
        if hit is None or not words[i][:1].isalnum():
            i += 1
            continue
        j, entry = hit
        out.append(
            _Span(
                tokens[i].start,
                tokens[j - 1].end,
                text[tokens[i].start : tokens[j - 1].end],
                entry.type,
                entry.canonical,
            )
        )
        i = j
    return out


def _worth_tagging(tokens) -> bool:
    """Does the sentence hold a capitalised word that is not a common word (the tagger finds
    names by their capitals; a sentence with none is skipped)?"""
    from kabar.lang.ner import word_case
    from kabar.lang.stopwords import stopwords

    stop = stopwords("id")
    case = word_case()
    return any(t.text[:1].isupper() and t.norm not in stop and case.get(t.norm) != "L" for t in tokens)


def _tagger_spans(text: str, tokens) -> list[_Span]:
    from kabar.lang.dates import calendar
    from kabar.lang.ner import shipped_tagger, spans

    cal = calendar()
    tags = shipped_tagger("nergrit").tag([t.text for t in tokens])
    out = []
    for a, b, kind in spans(tags):
        cut = _after_role([t.text for t in tokens[a:b]])
        if cut:  # "Ketua Panitia Dewi Lestari" read as one name: the role is not part of it
            a += cut
            rest = [t.text for t in tokens[a:b]]
            if len(rest) >= 2 and all(w[:1].isupper() for w in rest):
                kind = "PERSON"
        start, end = tokens[a].start, tokens[b - 1].end
        surface = text[start:end]
        if not any(c.isupper() for c in surface) or len(surface) < 2:
            continue
        if surface.lower() in cal.weekdays or surface.lower() in cal.months:
            continue  # "pada Rabu", "sejak Maret": dates, not names
        out.append(_Span(start, end, surface, _CRF_TYPES.get(kind, kind), None))
    return out


def _merge(text: str, table: list[_Span], tagged: list[_Span]) -> list[_Span]:
    """Table names win. A tagger span that overlaps one keeps only what follows the last table
    name inside it, when that is a capitalised name ("Gubernur Jawa Barat Ridwan Kamil" read
    as one span: "Ridwan Kamil"); otherwise it is dropped."""
    out = list(table)
    for s in tagged:
        inside = [t for t in table if not (s.end <= t.start or t.end <= s.start)]
        if not inside:
            out.append(s)
            continue
        last = max(t.end for t in inside)
        rest = text[last : s.end]
        start = last + len(rest) - len(rest.lstrip(" ,"))
        if (
            start < s.end
            and text[start].isupper()
            and len(text[start : s.end]) >= 2
            and all(t.end <= start for t in inside)
        ):
            out.append(_Span(start, s.end, text[start : s.end], s.type, None))
    return sorted(out, key=lambda s: s.start)


def _canonical_groups(spans: list[_Span]) -> dict[int, str]:
    """Within one article, the canonical name of each span (index → name): table names as
    the table says; a person's short form ("Putin", "Kim") the full name it shortens; an
    abbreviation in brackets after a name ("… (KCNA)") the name before it."""
    names: dict[int, str] = {}
    full_people = [s for s in spans if s.type == "PER" and len(s.text.split()) > 1]
    for n, s in enumerate(spans):
        if s.canonical:
            names[n] = s.canonical
            continue
        if s.type == "PER" and len(s.text.split()) == 1:
            word = s.text
            match = next(
                (
                    f
                    for f in full_people
                    if word in ((f.canonical or f.text).split()[0], (f.canonical or f.text).split()[-1])
                ),
                None,
            )
            if match is not None:
                names[n] = match.canonical or match.text
                continue
        names[n] = s.text
    return names


def _role_before(text: str, start: int) -> str | None:
    """The role phrase written before a person ("Presiden Rusia" in "Presiden Rusia Vladimir
    Putin", "Menteri Luar Negeri AS"): a role word and the capitalised words after it."""
    window = text[max(0, start - 60) : start]
    low = window.lower()
    for role in _roles():
        at = low.rfind(role)
        if at == -1 or (at > 0 and low[at - 1].isalnum()):
            continue
        phrase = window[at:].strip()
        rest = phrase[len(role) :].strip()
        if all(w[:1].isupper() or w in ("dan", "bidang", "urusan") for w in rest.split()):
            return phrase
    return None


def find_entities(text: str, sentences: list[tuple[int, int]]) -> list:
    """Entities of an article body (``text``; ``sentences`` its sentence spans), as
    :class:`kabar.model.Entity` with canonical names, mentions, spans and role phrases."""
    from kabar.lang.tokens import fine_tokens
    from kabar.model import Entity, Mention

    spans: list[_Span] = []
    for a, b in sentences:
        tokens = [t for t in fine_tokens(text[a:b])]
        if not tokens:
            continue
        shifted = [type(t)(t.text, t.start + a, t.end + a, t.norm, t.base, t.clitic, t.stop) for t in tokens]
        table = _table_spans(text, shifted)
        tagged = _tagger_spans(text, shifted) if _worth_tagging(shifted) else []
        spans.extend(_merge(text, table, tagged))
    names = _canonical_groups(spans)
    entities: dict[str, Entity] = {}
    for n, s in enumerate(spans):
        name = names[n]
        entity = entities.get(name)
        if entity is None:
            entity = entities[name] = Entity(name, s.type)
        if s.text not in entity.mentions:
            entity.mentions.append(s.text)
        entity.spans.append(Mention(s.text, s.start, s.end))
        if s.type == "PER":
            role = _role_before(text, s.start)
            if role and role not in entity.roles:
                entity.roles.append(role)
    return list(entities.values())
