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

import bisect
import functools
import itertools
import re
from dataclasses import dataclass

from kabar.lang.dates import calendar
from kabar.lang.lexicon import data_lines, data_rows
from kabar.lang.ner import shipped_tagger, spans, usually_lower, word_case
from kabar.lang.patterns import alternation as _alt_words
from kabar.lang.patterns import find_words
from kabar.lang.tokens import known_words

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
    """The alias table, loaded once: ``data/entities.tsv`` then the places gazetteer
    ``data/places_id.tsv`` (a form listed in both keeps the first entry); malformed rows raise
    ValueError naming the file and line."""
    forms: dict[str, TableEntry] = {}
    for name in ("entities.tsv", "places_id.tsv"):
        _load_table(name, forms)
    return AliasTable(forms)


def _load_table(name: str, forms: dict[str, TableEntry]) -> None:
    for number, parts in data_rows(name, (2, 3), "canonical<TAB>type<TAB>aliases"):
        canonical, kind = parts[0].strip(), parts[1].strip()
        if kind not in TYPES:
            raise ValueError(f"{name}:{number}: unknown type {kind!r}")
        entry = TableEntry(canonical, kind)
        aliases = [a.strip() for a in parts[2].split("|")] if len(parts) == 3 and parts[2].strip() else []
        for form in (canonical, *aliases):
            if form and form not in forms:
                forms[form] = entry


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
    # longest first, ties in alphabetical order: a set's order changes from run to run
    return tuple(sorted({line for _, line in data_lines("roles.txt")}, key=lambda r: (-len(r), r)))


@functools.cache
def role_abbreviations() -> dict[str, str]:
    """Short forms of roles and the role each stands for (``data/role_abbreviations.tsv``):
    "mensos" → "menteri sosial"."""
    return {parts[0]: parts[1] for _, parts in data_rows("role_abbreviations.tsv", 2, "short<TAB>role")}


@functools.cache
def nickname_cues(sure: bool = False) -> str:
    """A regular expression (no groups that capture) for the words that introduce a person's
    other name between two names (``data/nickname_cues.txt``: "atau", "yang akrab disapa");
    ``sure``: only those that never join two people ("alias", not "atau")."""
    rows = data_rows("nickname_cues.txt", (1, 2), "regex[<TAB>or]")
    return "(?:" + "|".join(parts[0] for _, parts in rows if not (sure and len(parts) == 2)) + ")"


@functools.cache
def _nickname_gap() -> re.Pattern[str]:
    """What stands between a person's name and their other name in one article: a sure
    nickname cue ("alias", "yang akrab disapa"). Not a bracket: after a name it holds a
    club, a country, a role or an age as often as a nickname ("Drazan Jerkovic (Yugoslavia)")."""
    return re.compile(r"\s*" + nickname_cues(sure=True) + r"\s+", re.I)


def _free_of(spans: list[_Span]):
    """A test ``free(start, end)``: does ``start``..``end`` overlap none of ``spans`` (which do
    not overlap one another, so the last one starting before ``end`` decides)?"""
    taken = sorted((s.start, s.end) for s in spans)
    starts = [a for a, _ in taken]

    def free(start: int, end: int) -> bool:
        k = bisect.bisect_left(starts, end)  # spans starting before the range ends
        return k == 0 or taken[k - 1][1] <= start

    return free


NICKNAME_GAP = 40  # characters at most between a name and the nickname after it
_NICKNAME = re.compile(r"[A-Z][\w'’-]*(?:[^\S\n]+[A-Z][\w'’-]*){0,2}")


def _nickname_spans(text: str, spans: list[_Span]) -> list[_Span]:
    """A nickname the tagger did not see, written after a person's name with a sure cue
    ("Rosario de Marshall alias Hercules"), and its later mentions ("Hercules membantah"):
    spans with the person's name as canonical."""
    free = _free_of(spans)
    found: dict[str, str] = {}
    for s in spans:
        if s.type != "PER":
            continue
        gap = _nickname_gap().match(text, s.end)
        if not gap or gap.end() - s.end > NICKNAME_GAP:
            continue
        m = _NICKNAME.match(text, gap.end())
        if m and free(m.start(), m.end()) and not usually_lower(m.group().split()[0]):
            found.setdefault(m.group(), s.canonical or " ".join(s.text.split()))
    if not found:
        return []
    return [_Span(a, b, w, "PER", found[w]) for a, b, w in find_words(text, found) if free(a, b)]


def _with_nicknames(text: str, spans: list[_Span], names: dict[int, str]) -> dict[int, str]:
    """A person's other name written right after the name ("Saifullah Yusuf yang akrab disapa
    Gus Ipul", "Rosario de Marshall alias Hercules") names the same person
    everywhere in the article: ``names`` (span index → canonical name) with the nickname's
    spans given the full name's."""
    people = sorted((s.start, s.end, n) for n, s in enumerate(spans) if s.type == "PER")
    alias: dict[str, str] = {}
    for (_, end, first), (start, _, second) in itertools.pairwise(people):
        a, b = names[first], names[second]
        if (
            a != b
            and b not in alias
            and 0 < start - end <= NICKNAME_GAP
            and _nickname_gap().fullmatch(text[end:start])
        ):
            alias[b] = alias.get(a, a)
    if not alias:
        return names
    return {n: alias.get(name, name) for n, name in names.items()}


@functools.cache
def role_words() -> frozenset[str]:
    """Every word of every role phrase (``data/roles.txt``), lower case: "menteri", "luar",
    "negeri", "kapolres", "akbp"."""
    return frozenset(w for role in _roles() for w in role.split())


@functools.cache
def _roles_by_first_word() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for role in _roles():
        index.setdefault(role.split()[0], []).append(role)
    return {k: tuple(v) for k, v in index.items()}


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
def _forms_by_first_word() -> dict[str, tuple[str, ...]]:
    """Table forms indexed by their first word (the leading letters and digits: "Kim" for
    "Kim Jong-Un"), longest first, so a token is only compared with the names it can open."""
    index: dict[str, list[str]] = {}
    for form in alias_table().forms:
        m = re.match(r"\w+", form)
        if m:
            index.setdefault(m.group(), []).append(form)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}


@functools.cache
def _not_name_phrases() -> dict[str, tuple[str, ...]]:
    """Fixed phrases opening with a table name's word ("Antara lain", ``data/not_name_phrases.txt``),
    by their first word."""
    out: dict[str, list[str]] = {}
    for _, line in data_lines("not_name_phrases.txt"):
        out.setdefault(line.split()[0], []).append(line)
    return {k: tuple(v) for k, v in out.items()}


def _table_spans(text: str, tokens) -> list[_Span]:
    """Alias-table names in ``text`` (longest first, case-sensitive, whole tokens), not where
    a fixed phrase starts (:func:`_not_name_phrases`)."""
    forms = alias_table().forms
    index = _forms_by_first_word()
    phrases = _not_name_phrases()
    ends: dict[int, int] | None = None  # token end → token index, made when a name may start
    out = []
    i = 0  # the first token not inside a name found already
    # only tokens that open some name are looked at (most tokens open none)
    for k in [k for k, t in enumerate(tokens) if t.text in index]:
        if k < i:
            continue
        token = tokens[k]
        if any(text.startswith(p, token.start) for p in phrases.get(token.text, ())):
            continue  # "Antara lain, …": among others
        hit = None
        for form in index[token.text]:
            if text.startswith(form, token.start):
                if ends is None:
                    ends = {t.end: n for n, t in enumerate(tokens)}
                j = ends.get(token.start + len(form))
                if j is not None:
                    hit = (j + 1, forms[form])
                    break
        if hit is None or (k == 0 and hit[0] == 1 and usually_lower(token.text)):
            continue  # "Batu besar menutup jalan": a place's name that is also a word, opening a sentence
        j, entry = hit
        out.append(
            _Span(
                token.start,
                tokens[j - 1].end,
                text[token.start : tokens[j - 1].end],
                entry.type,
                entry.canonical,
            )
        )
        i = j
    return out


TAG_CONTEXT = 2  # tokens of context the tagger sees on each side of a candidate name


@functools.lru_cache(maxsize=100_000)
def common_word(norm: str) -> bool:
    """A stop word, or a word usually written in lower case: its capital is the sentence's."""
    from kabar.lang.stopwords import stopwords

    return norm in stopwords("id") or usually_lower(norm)


def _candidates(tokens, table: list[_Span]) -> list[int]:
    """Indexes of tokens the tagger should look at: capitalised words that are not common
    words ("Namun" opening a sentence) and that no table name covers (``table``: the names
    :func:`_table_spans` found in the sentence, in order, not overlapping)."""
    known = known_words()
    out = []
    k = 0  # the first table name not ending before the token (names in order, not overlapping)
    for i in [i for i, t in enumerate(tokens) if t.text[:1].isupper()]:  # capitalised: few
        t = tokens[i]
        if common_word(t.norm):
            continue
        if i == 0 and t.norm not in word_case() and t.norm in known:
            continue  # "Alhasil, …", "Mitos …": a common word opening the sentence
        while k < len(table) and table[k].end <= t.start:
            k += 1
        if k < len(table) and table[k].start <= t.start:
            continue  # inside a table name
        out.append(i)
    return out


def _windows(candidates: list[int], n: int) -> list[tuple[int, int]]:
    """Token windows around the candidates, ``TAG_CONTEXT`` tokens each side, merged when they
    touch: the tagger reads names from their neighbours, not from the whole sentence."""
    out: list[tuple[int, int]] = []
    for i in candidates:
        a, b = max(0, i - TAG_CONTEXT), min(n, i + TAG_CONTEXT + 1)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _tagger_spans(text: str, tokens, table: list[_Span]) -> list[_Span]:
    """Names the CRF tagger finds in the windows around candidate tokens (see
    :func:`_windows`; tagging only there keeps the layer fast on long articles)."""
    tagger = shipped_tagger("nergrit")
    cal = calendar()
    out = []
    for w0, w1 in _windows(_candidates(tokens, table), len(tokens)):
        out += _window_spans(text, tokens, w0, tagger.tag([t.text for t in tokens[w0:w1]]), cal, spans)
    return out


@functools.cache
def _name_tails() -> dict[str, str]:
    """Last words that give a name its type (``data/name_tails.tsv``): word → ORG or LOC."""
    out: dict[str, str] = {}
    for number, (kind, words) in data_rows("name_tails.tsv", 2, "type<TAB>words"):
        if kind not in TYPES:
            raise ValueError(f"name_tails.tsv:{number}: unknown type {kind!r}")
        out.update(dict.fromkeys(words.split("|"), kind))
    return out


_INITIAL = re.compile(r"[A-Z]\.?")


def _person_after_role(text: str, start: int, surface: str) -> bool:
    """Is the tagger's span ``surface`` at ``start`` a person's name right after a role
    ("Hakim anggota Fitra Renaldo", "Gubernur Lampung Rahmat Mirzani Djausal")? Two or more
    words (besides particles and initials: "Rosario de Marshall", "Priscila F Carlita") written
    like a name (a capital, then lower case), none usually written in lower case, none a
    compass word or a name of the alias table ("Pemain Jerman Barat Dieter Muller": the
    tagger's "Jerman Barat" is the country), at least half of them words usually capitalised
    (``data/word_case.tsv``) or, when the table does not know them, not English: so an office,
    a school or a team after a role ("Direktur Utama PT Maju Jaya", "Ketua Dewan Pertimbangan
    Presiden", "Pondok Pesantren Al Hidayah", "kapten The Three Lions") keeps its type."""
    import simplemma

    particles = _name_particles()
    # "Rosario de Marshall", "Priscila F Carlita": particles and initials are not counted
    words = [w for w in surface.split() if w not in particles and not _INITIAL.fullmatch(w)]
    forms = alias_table().forms
    if (
        len(words) < 2
        or not all(w[:1].isupper() and w[1:].islower() for w in words)
        or any(w in _COMPASS or w in forms for w in words)  # "Jerman Barat": a place
    ):
        return False
    cases = [word_case().get(w.lower()) for w in words]
    if "L" in cases:
        return False
    named = sum(
        c == "C" or (c is None and not simplemma.is_known(w.lower(), lang="en"))
        for w, c in zip(words, cases, strict=True)
    )
    if 2 * named < len(words):
        return False
    role = _role_before(text, start)
    return role is not None and text[start - len(role) - 1 : start].strip() == role


# an academic degree written after a name ("Sp.GK", "S.H", "M.Si", "Ph.D", "S.Kom"): not part of it
DEGREE = re.compile(r"[A-Z][A-Za-z]{0,2}\.[A-Za-z.]{1,5}")
_DEGREE_AFTER = re.compile(rf"\s+{DEGREE.pattern}\.?$")


def _with_clitic(word: str) -> bool:
    """Is ``word`` a compass or common word with the clitic "-nya" ("Baratnya", "Pemerintahnya"),
    not a name ("Kenya", "Sonya": what is left is no word of four letters or more)?"""
    stem = word[:-3]
    return (
        word.endswith("nya")
        and len(stem) >= 4
        and stem.isalpha()
        and (stem.capitalize() in _COMPASS or common_word(stem.lower()))
    )


@functools.cache
def _name_particles() -> frozenset[str]:
    """Lower-case words a name may open with ("van Persie", ``data/name_particles.txt``)."""
    return frozenset(line for _, line in data_lines("name_particles.txt"))


def _window_spans(text: str, tokens, w0: int, tags: list[str], cal, spans) -> list[_Span]:
    out = []
    particles = _name_particles()
    for a, b, kind in spans(tags):
        a, b = a + w0, b + w0
        opened = a
        while a < b and (w := tokens[a].text).isalpha() and w.islower() and w not in particles:
            a += 1  # "ajaib Van Basten", "sekujur Basel": the tagger took in a word of context
        while opened < a < b and not tokens[a].text[:1].isalnum():
            a += 1  # "as-Sunnah": nor the hyphen after it
        if a < b and _LISTED.fullmatch(tokens[a].text):
            a += 1  # "PT Bumi Karya Tbk Andi Wijaya": "Tbk" ends the company's name, never opens one
        if a == b:
            continue
        cut = _after_role([t.text for t in tokens[a:b]])
        if cut:  # "Ketua Panitia Dewi Lestari" read as one name: the role is not part of it
            a += cut
            rest = [t.text for t in tokens[a:b]]
            if len(rest) >= 2 and all(w[:1].isupper() for w in rest):
                kind = "PERSON"
        start, end = tokens[a].start, tokens[b - 1].end
        surface = text[start:end]
        degree = _DEGREE_AFTER.search(surface)
        if degree and degree.start() > 0:  # "Budi Hartono Sp.KGA" is Budi Hartono
            end = start + degree.start()
            surface = text[start:end]
        if not any(c.isupper() for c in surface) or len(surface) < 2:
            continue
        if surface.lower() in cal.weekdays or surface.lower() in cal.months:
            continue  # "pada Rabu", "sejak Maret": dates, not names
        if surface in _not_entities():
            continue  # "WNA", "BBM", "Tuhan": written like names, naming no one
        if _with_clitic(surface):
            continue  # "mitra Baratnya" (its Western partners): a common word with "-nya"
        low = surface.lower()
        if low in role_abbreviations() or tuple(low.split()) in _role_phrases():
            continue  # "Mensos", "Gubernur": a role alone names the person the text gave it
        kind = _CRF_TYPES.get(kind, kind)
        if kind == "PER" and a > 0 and tokens[a - 1].norm in _LOCATIVES:
            kind = "GPE"  # "di Osaka", "ke Mancilan": a place, whatever the tagger read
        out.append(_Span(start, end, surface, kind, None))
    return out


def _retyped(text: str, spans: list[_Span]) -> list[_Span]:
    """The tagger's spans (no canonical name) with the type their last word gives
    (``data/name_tails.tsv``: "Punahou School" ORG, "MetLife Stadium" LOC), else PER for a
    name right after a role (:func:`_person_after_role`), else MEDIA for an organisation or a
    place right after a phrase citing a medium (:func:`_after_citing`)."""
    out = []
    for s in spans:
        if s.canonical is None:
            tail = _name_tails().get(s.text.split()[-1])
            if tail is not None and tail != s.type:
                s = _Span(s.start, s.end, s.text, tail, None)
            elif tail is None and s.type != "PER" and _person_after_role(text, s.start, s.text):
                s = _Span(s.start, s.end, s.text, "PER", None)
            elif s.type in ("ORG", "GPE", "LOC", "PER") and _after_citing(text, s.start):
                s = _Span(s.start, s.end, s.text, "MEDIA", None)
        out.append(s)
    return out


@functools.cache
def _citing_pattern() -> re.Pattern[str]:
    cues = [line for _, line in data_lines("citing_cues.txt")]
    return re.compile(rf"(?i:(?<![\w-])(?:{_alt_words(cues)}))[^\S\n]+$")


def _after_citing(text: str, start: int) -> bool:
    """Is the name at ``start`` written right after a phrase citing a medium ("dilansir dari
    Goal", ``data/citing_cues.txt``)?"""
    return _citing_pattern().search(text, max(0, start - 40), start) is not None


def _named_after_place(text: str, s: _Span, inside: list[_Span]) -> bool:
    """Is the tagger's span ``s`` an organisation named after the one place of the table it
    ends with ("Timnas Portugal", "PSIS Semarang", "Federasi Sepakbola Indonesia", "Atletico
    Madrid")? The words before the place are capitalised (or "of", "de"), none a role word
    ("Gubernur Jawa Barat"), a word usually written in lower case ("warga Jakarta") or a name
    of the table ("Sleman Yogyakarta": two places); the tagger read an organisation ("Tanah
    Suci Mekkah" it reads as a place, and so, wrongly, "Petrokimia Gresik": left to the table)."""
    if len(inside) != 1 or s.type != "ORG":  # the tagger read an organisation
        return False
    place = inside[0]
    if place.type != "GPE" or place.end != s.end or place.start <= s.start:
        return False
    head = text[s.start : place.start].split()
    forms, roles = alias_table().forms, role_words()
    return (
        all(
            (w[:1].isupper() and w.lower() not in roles and not usually_lower(w) and w not in forms)
            or w in ("of", "de")
            for w in head
        )
        and head[0][:1].isupper()
    )


def _named_after_holiday(s: _Span, inside: list[_Span]) -> bool:
    """Is the tagger's person ``s`` named with a one-word event of the table ("Ramadhan
    Sananta", "Syawal Harahap")? The event opens the span and a name follows it."""
    if len(inside) != 1 or s.type != "PER":
        return False
    event = inside[0]
    return event.type == "EVENT" and event.start == s.start and event.end < s.end and " " not in event.text


def _merge(text: str, table: list[_Span], tagged: list[_Span]) -> list[_Span]:
    """Table names win, but for an organisation named after its place (:func:`_named_after_place`)
    and a person whose name opens with a holiday (:func:`_named_after_holiday`). A tagger span
    that overlaps a table name keeps only what follows the last table name inside it, when that
    is a capitalised name ("Gubernur Jawa Barat Ridwan Kamil" read as one span: "Ridwan
    Kamil"); otherwise it is dropped."""
    out = list(table)
    for s in tagged:
        inside = [t for t in table if not (s.end <= t.start or t.end <= s.start)]
        if not inside:
            out.append(s)
            continue
        if _named_after_place(text, s, inside):  # "Timnas Portugal", "PSIS Semarang"
            out.remove(inside[0])
            out.append(_Span(s.start, s.end, s.text, "ORG", None))
            continue
        if _named_after_holiday(s, inside):  # "Ramadhan Sananta" is a person
            out.remove(inside[0])
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
    the table says; a person's short form ("Putin", "Kim", "Khairul Akbar") the full name it
    shortens (a last name alone read as a place too: "papar Maradona" is Diego Maradona; not an
    organisation's name: "Pacers" of "Indiana Pacers" misread as a person). (Abbreviations in
    brackets are linked before, by :func:`_with_abbreviations`.)"""
    names: dict[int, str] = {}
    full_people = [s for s in spans if s.type == "PER" and len(s.text.split()) > 1]
    for n, s in enumerate(spans):
        if s.canonical:
            names[n] = s.canonical
            continue
        if len(s.text.split()) == 1 and s.type in ("PER", "GPE", "LOC"):  # not a team's, a band's
            word = s.text
            match = next(
                (
                    f
                    for f in full_people
                    if word == (f.canonical or f.text).split()[-1]
                    or (s.type == "PER" and word == (f.canonical or f.text).split()[0])
                ),
                None,
            )
            if match is not None:
                names[n] = match.canonical or match.text
                continue
        if len(s.text.split()) > 1:  # whatever type the tagger guessed for the shorter form
            longer = _longer_name(s.text.split(), full_people)
            if longer is not None:  # "Khairul Akbar" and "Khairul Akbar Lubis": one person
                names[n] = longer
                continue
        names[n] = " ".join(s.text.split())
    return names


def shortens(words: list[str], full: list[str]) -> bool:
    """Are ``words`` the start or the end of the longer name ``full`` ("Budi Arie" of "Budi
    Arie Setiadi", "Akbar Lubis" of "Khairul Akbar Lubis")?"""
    return len(full) > len(words) and (full[: len(words)] == words or full[-len(words) :] == words)


def _longer_name(words: list[str], people: list[_Span]) -> str | None:
    """The longest full name in ``people`` that begins or ends with ``words`` ("Budi Arie" →
    "Budi Arie Setiadi", "Khairul Akbar" → "Khairul Akbar Lubis"); None when there is none."""
    best = None
    for f in people:
        full = (f.canonical or f.text).split()
        if shortens(words, full) and (best is None or len(full) > len(best)):
            best = full
    return " ".join(best) if best else None


_ROLE_WINDOW_WORDS = re.compile(r"[\w.]+")


def _role_before(text: str, start: int) -> str | None:
    """The role phrase written before a person ("Presiden Rusia" in "Presiden Rusia Vladimir
    Putin", "Menteri Luar Negeri AS"): a role word and the capitalised words after it."""
    window = text[max(0, start - 60) : start]
    low = window.lower()
    if len(low) != len(window):  # "İ" lower-cases to two characters: positions would shift
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in window)
    by_first = _roles_by_first_word()
    candidates: set[str] = set()
    for word in _ROLE_WINDOW_WORDS.findall(low):  # a role opens with one of them ("kapolres", "jend.")
        for key in (word, word.rstrip(".")) if word.endswith(".") else (word,):
            roles = by_first.get(key)
            if roles:
                candidates.update(roles)
    if not candidates:
        return None
    for role in sorted(candidates, key=lambda r: (-len(r), r)):
        at = low.rfind(role)
        if at == -1 or (at > 0 and low[at - 1].isalnum()):
            continue
        phrase = window[at:].strip().rstrip(",").strip()  # "Bupati Indramayu, Nina": no comma
        rest = phrase[len(role) :].strip()
        if all(w[:1].isupper() or w in ("dan", "bidang", "urusan") for w in rest.split()):
            return phrase
    return None


@functools.cache
def _not_entities() -> frozenset[str]:
    return frozenset(line for _, line in data_lines("not_entities.txt"))


_LOCATIVES = frozenset({"di", "ke", "menuju", "in"})  # prepositions that only take places
_HEAD_TYPES = {"head": "LOC", "org": "ORG", "admin": "GPE", "institution": "ORG"}
_LISTED = re.compile(r"\bTbk\b\.?")
_PERSON_AFTER = re.compile(r"[^\S\n]+([A-Z][a-z][\w'’-]*(?:[^\S\n]+[A-Z][a-z][\w'’-]*){1,3})")
_COMPASS = frozenset(
    [
        "Utara",
        "Selatan",
        "Barat",
        "Timur",
        "Tengah",
        "Daya",
        "Laut",
        "Raya",
        "Baru",
        "Lama",
        "Hulu",
        "Hilir",
        "Ilir",
        "Ulu",
    ]
)
_AREA_WORDS = frozenset({"Kota", "Kabupaten", "Provinsi", "Kecamatan", "Desa"})  # "BPBD Kabupaten Bogor"


@functools.cache
def _heads() -> dict[str, list[str]]:
    kinds: dict[str, list[str]] = {}
    for _, (kind, words) in data_rows("facilities.txt", 2, "kind<TAB>words"):
        kinds.setdefault(kind, []).extend(words.split("|"))
    return kinds


def _titles() -> str:
    """A regex alternation of the abbreviated titles a place's name may open with
    (``facilities.txt`` kind ``title``: "Dr.", "KH.", "Jend."), longest first."""
    titles = sorted(_heads().get("title", []), key=len, reverse=True)
    return "|".join(re.escape(t) for t in titles) or "(?!)"


@functools.cache
def _facility_pattern() -> re.Pattern[str]:
    kinds = _heads()
    name = r"[A-Z][\w'’]*(?:-[\w'’]+)*"  # a hyphen inside ("Al-Azhar"), not after ("Polandia-")
    space = r"[^\S\n]+"  # not across a paragraph break
    heads = "|".join(rf"(?P<{kind}>{_alt_words(kinds[kind])})" for kind in _HEAD_TYPES if kinds.get(kind))
    titles = _titles()
    # every match opens with a head word's first letter: checking that first lets the regex
    # engine pass over the other positions without trying the three alternations there
    first = "".join(sorted({word[0] for kind in _HEAD_TYPES for word in kinds.get(kind, [])}))
    return re.compile(
        rf"(?=[{re.escape(first)}])(?<![\w-])(?:{heads})"
        rf"(?:{space}(?:{_alt_words(kinds.get('modifier', []))}))*"
        rf"(?:{space}(?:{titles})(?={space}[A-Z]))*"
        rf"(?:{space}{name}){{1,4}}(?![\w'’]|-\w)"
    )


_MEDIA_DOMAINS = ("com", "co.id", "id", "COM", "CO.ID", "ID", "TV")  # "Serambinews.com", "KOMPAS.TV"


@functools.cache
def _media_pattern() -> re.Pattern[str]:
    brands = _alt_words(_heads().get("media", []))
    domain = r"(?i:com|co\.id|id|net|tv)"
    return re.compile(
        rf"(?<![\w@/.-])(?:(?:{brands})(?:[A-Z][a-z]+|[^\S\n]+[A-Z][a-z]+)(?:\.{domain})?"
        rf"|[A-Za-z][A-Za-z0-9]+(?:\.[A-Za-z]+)?\.(?:{'|'.join(map(re.escape, _MEDIA_DOMAINS))})(?![\w/]))"
    )


@functools.cache
def _media_clues() -> tuple[str, ...]:
    """Strings one of which every match of :func:`_media_pattern` holds: a brand, or a dot and
    a domain ending."""
    return (*_heads().get("media", []), *(f".{d}" for d in _MEDIA_DOMAINS))


def media_clue_positions(text: str) -> list[int]:
    """Where the strings of :func:`_media_clues` start in ``text``, sorted: a sentence without
    one cannot hold a medium's name, and is not searched for one."""
    found = set()
    for clue in _media_clues():
        at = text.find(clue)
        while at >= 0:
            found.add(at)
            at = text.find(clue, at + 1)
    return sorted(found)


def _facility_spans(text: str, a: int, b: int, media_clues: list[int] | None = None) -> list[_Span]:
    """Names made of a head word and the capitalised name after it in ``text[a:b]``
    (``data/facilities.txt``): facilities ("Bandara Internasional Pyongyang", LOC), offices
    ("Polres Bogor", ORG), areas ("Kabupaten Sleman", GPE), not running into a weekday or a
    month; and news media ("Tribun Medan", "detikJateng", "Serambinews.com", MEDIA).
    ``media_clues``: :func:`media_clue_positions` of ``text``, when the caller has them."""
    cal = calendar()
    ends = _heads().get("end", [])  # "Kota Medan Nomor 5": the name ends before "Nomor"
    out = []
    for m in _facility_pattern().finditer(text, a, b):
        end = m.end()
        words = list(re.finditer(r"\S+", text[m.start() : end]))
        for k, w in enumerate(words[1:], 1):
            if w.group().rstrip(",") in ends:
                words = words[:k]
                break
        while words and (
            words[-1].group().rstrip(".,").lower() in cal.weekdays
            or words[-1].group().rstrip(".,").lower() in cal.months
        ):
            words.pop()
        if len(words) < 2:
            continue
        end = m.start() + words[-1].end()
        while text[end - 1] in ".,":
            end -= 1
        kind = next(k for k in _HEAD_TYPES if m.groupdict().get(k))
        if kind in ("admin", "org"):
            # an area or an office is named in one or two words and its compass words ("Desa
            # Sukamaju", "Kabupaten Aceh Barat Daya"); capitalised words after that are the
            # person holding the office ("Kepala Desa Sukamaju Dewi Anggraini")
            head_end = m.end(kind)
            names = [w for w in re.finditer(r"[^\s,]+", text[head_end:end])]
            keep = 2 if names and names[0].group() in _AREA_WORDS else 1
            while keep < len(names) and names[keep].group() in _COMPASS:
                keep += 1
            if len(names) - keep == 1:  # one word more is the name's ("Medan Satria")
                keep += 1
                while keep < len(names) and names[keep].group() in _COMPASS:
                    keep += 1
            if len(names) - keep >= 2:
                p0, p1 = head_end + names[keep].start(), head_end + names[-1].end()
                out.append(_Span(p0, p1, text[p0:p1], "PER", None))
                end = head_end + names[keep - 1].end()
        elif kind == "institution" and (listed := _LISTED.search(text, m.start(), end)):
            # a listed company's name ends with "Tbk"; capitalised words after it are a person
            # ("Komisaris PT Bumi Resources Tbk Andi Wijaya")
            end = listed.end()
            person = _PERSON_AFTER.match(text, end)
            if person:
                out.append(_Span(person.start(1), person.end(1), person.group(1), "PER", None))
        out.append(_Span(m.start(), end, text[m.start() : end], _HEAD_TYPES[kind], None))
    if media_clues is not None and bisect.bisect_left(media_clues, a) == bisect.bisect_left(media_clues, b):
        return sorted(out, key=lambda s: s.start)  # no brand, no domain: no medium named here
    for m in _media_pattern().finditer(text, a, b):
        if any(s.start <= m.start() < s.end for s in out) or "@" in text[max(0, m.start() - 1) : m.start()]:
            continue
        out.append(_Span(m.start(), m.end(), m.group(), "MEDIA", None))
    return sorted(out, key=lambda s: s.start)


@functools.cache
def _place_head_pattern() -> re.Pattern[str]:
    """A place's head word with its modifiers and titles ("Jl. KH. ", "Bandara Internasional ")."""
    kinds = _heads()
    space = r"[^\S\n]+"
    return re.compile(
        rf"(?:{_alt_words(kinds.get('head', []))})(?:{space}(?:{_alt_words(kinds.get('modifier', []))}))*"
        rf"(?:{space}(?:{_titles()}))*{space}"
    )


def _named_after_person(place: _Span, person_start: int) -> bool:
    """Is the person starting at ``person_start`` the name of ``place`` (a street, an airport, a
    hospital named after someone: "Jalan Arif Rahman Hakim", "Jl. KH. Ahmad Dahlan")? They
    are when the person follows the place's head word, modifiers and titles directly."""
    head = _place_head_pattern().match(place.text)
    return head is not None and person_start - place.start == head.end()


def _with_facilities(spans: list[_Span], facilities: list[_Span]) -> list[_Span]:
    """Facility names replace the names inside them ("Pyongyang" in "Bandara Internasional
    Pyongyang") and the tagger's spans they overlap, and end before a person the tagger found
    in them; a table name they cut through or equal wins over them."""
    if not facilities:
        return spans
    kept: list[_Span] = []
    for f in facilities:
        if f.type == "PER":
            if f.text.split()[0].lower() in role_words():  # "Kombes Edy Setianto": the rank is no name
                rest = f.text.split(None, 1)[1] if len(f.text.split()) > 1 else ""
                if len(rest.split()) < 2:
                    continue
                f = _Span(f.end - len(rest), f.end, rest, "PER", None)
            if any(s.canonical and s.start < f.end and f.start < s.end for s in spans):
                continue  # "Kabupaten Bogor Jawa Barat": the words after the area are a known place
        # a place named after a person keeps the person ("Jl. KH. Ahmad Dahlan")
        people = [
            s.start
            for s in spans
            if s.type == "PER"
            and f.start < s.start < f.end
            and not (f.type == "LOC" and _named_after_person(f, s.start))
        ]
        if people and f.type != "PER":  # "BPBD Kabupaten Bogor Budi Santoso": the office ends there
            end = min(people)
            while end > f.start and f.text[end - f.start - 1] in " ,":
                end -= 1
            if len(f.text[: end - f.start].split()) < 2:
                continue
            f = _Span(f.start, end, f.text[: end - f.start], f.type, None)
        table = [s for s in spans if s.canonical and s.start < f.end and f.start < s.end]
        if all(f.start <= s.start and s.end <= f.end for s in table) and not any(
            s.start == f.start and s.end == f.end for s in table
        ):
            kept.append(f)

    def covered(s: _Span) -> bool:
        return any(
            (f.start <= s.start and s.end <= f.end)
            or (not s.canonical and s.start < f.end and f.start < s.end)
            for f in kept
        )

    return sorted([s for s in spans if not covered(s)] + kept, key=lambda s: s.start)


_ABBREVIATION_AFTER = re.compile(r"\s*\(\s*([A-Z][A-Za-z0-9-]{1,11})\s*\)")


_BRACKETED_INITIALS = re.compile(r"\(([A-Z]{2,6})\)")
_NAME_CONNECTORS = frozenset({"dan", "dari", "untuk", "bagi", "serta", "of", "and", "for", "&"})
_SPELLED_WORDS = re.compile(rf"(?:[A-Z][\w'’-]*|{'|'.join(re.escape(w) for w in sorted(_NAME_CONNECTORS))})")
_LAST_WORD = re.compile(r"(\S+)\Z")


def _spelled_out_names(text: str, spans: list[_Span]) -> list[_Span]:
    """Names the article spells out before their initials in brackets ("Petugas
    Penyelenggara Ibadah Haji (PPIH)", "Masyarakat Transportasi Indonesia (MTI)"), added as
    organisations where nothing was found: the capitalised words whose initials, read from
    the bracket backwards, spell the acronym, opened by a word of ``facilities.txt`` kind
    ``body`` ("Masyarakat", "Badan") or ended by an organisation's last word ("… Network",
    ``name_tails.tsv``). Spans inside such a name give way to it (the
    country in "… Transportasi Indonesia"); an acronym of ``not_entities.txt`` (a programme,
    a document) names no one, and a table name the words would cut through keeps them."""
    out = list(spans)
    for m in _BRACKETED_INITIALS.finditer(text):
        acronym = m.group(1)
        if acronym in _not_entities():
            continue
        at = m.start()
        while at > 0 and text[at - 1] == " ":
            at -= 1
        words: list[tuple[int, int]] = []  # (start, end) of the words before, nearest first
        pos = at
        while len(words) < 12:
            w = _LAST_WORD.search(text, max(0, pos - 40), pos)
            if w is None or not _SPELLED_WORDS.fullmatch(w.group(1)):
                break
            start = pos - len(w.group(1))
            words.append((start, pos))
            pos = start
            if pos == 0 or text[pos - 1] != " ":
                break
            pos -= 1
        letters, used = "", 0
        while used < len(words) and len(letters) < len(acronym):
            a, b = words[used]
            used += 1
            if text[a:b] not in _NAME_CONNECTORS:
                letters = text[a] + letters
        if letters != acronym or text[words[used - 1][0]] in _NAME_CONNECTORS or used < 2:
            continue
        start, end = words[used - 1][0], at
        name = text[start:end]
        if not any(name.startswith(w + " ") for w in _heads().get("body", [])) and (
            _name_tails().get(name.split()[-1]) != "ORG"
        ):
            continue  # "Sistem Kesehatan Nasional (SKN)": a common term's initials
        if any(s.start <= start and end <= s.end for s in out) or any(
            s.canonical and s.start < end and start < s.end and not (start <= s.start and s.end <= end)
            for s in out
        ):
            continue  # found already, or a known name it would cut through
        out = [s for s in out if not (start <= s.start and s.end <= end)]
        out.append(_Span(start, end, text[start:end], "ORG", None))
    return sorted(out, key=lambda s: s.start)


def _with_abbreviations(text: str, spans: list[_Span]) -> list[_Span]:
    """An abbreviation written in brackets after a name ("Badan Kepegawaian Negara (BKN)")
    stands for that name in the whole article: its mentions, tagged or not, take the name as
    canonical and the name's type (an alias-table abbreviation keeps the table's reading)."""
    found: dict[str, _Span] = {}
    for s in spans:
        m = _ABBREVIATION_AFTER.match(text, s.end)
        if m and len(s.text.split()) >= 2 and m.group(1)[0] == s.text[0]:
            found.setdefault(m.group(1), s)
    if not found:
        return spans
    out = []
    for s in spans:
        full = found.get(s.text)
        if full is not None and not s.canonical:
            s = _Span(s.start, s.end, s.text, full.type, full.canonical or " ".join(full.text.split()))
        out.append(s)
    free = _free_of(out)
    for start, end, word in find_words(text, found):
        if free(start, end):
            full = found[word]
            out.append(_Span(start, end, word, full.type, full.canonical or " ".join(full.text.split())))
    return sorted(out, key=lambda s: s.start)


def _short_forms(text: str, spans: list[_Span]) -> list[_Span]:
    """A person named in full, mentioned again by one of their names where the tagger saw
    nothing ("Putin disambut …" opening a sentence, after "Presiden Rusia Vladimir Putin"):
    spans for those mentions, with the full name as canonical."""
    people: dict[str, str] = {}
    for s in spans:
        parts = (s.canonical or s.text).split()
        if s.type != "PER" or len(parts) < 2:
            continue
        for word in (parts[-1], parts[0]):
            if len(word) >= 3 and word[0].isupper() and not usually_lower(word):
                people.setdefault(word, s.canonical or s.text)
    if not people:
        return []
    free = _free_of(spans)
    hits = find_words(text, people)
    return [_Span(start, end, word, "PER", people[word]) for start, end, word in hits if free(start, end)]


# An acronym in brackets, and the lower-case words right before it. The brackets are found
# first and the words read backwards from them: a scan for "words then brackets" from every
# word of the article cost 3.6 ms per 600-word article.
_BRACKETED_ACRONYM = re.compile(r"\([^\S\n]*([A-Z]{2,6})[^\S\n]*\)")
_WORDS_BEFORE = re.compile(r"(?<![a-z])((?:[a-z]+[^\S\n]+){1,7}[a-z]+)[^\S\n]*\Z")
_TERM_AFTER = re.compile(r"(?<![\w-])([A-Z]{2,6})[^\S\n]*\([^\S\n]*([a-z]+(?:[^\S\n]+[a-z]+){1,7})[^\S\n]*\)")


def _common_term_acronyms(text: str) -> set[str]:
    """Acronyms the article spells out in lower-case words, before or after them ("gula
    kristal mentah (GKM)", "GKM (gula kristal mentah)"): a common term's short form, no name.
    The initials of the words must spell the acronym."""
    out = set()
    for m in _BRACKETED_ACRONYM.finditer(text):
        before = _WORDS_BEFORE.search(text, max(0, m.start() - 160), m.start())
        if before is None:
            continue
        words, acronym = before.group(1).split(), m.group(1)
        if "".join(w[0] for w in words[-len(acronym) :]) == acronym.lower() and len(words) >= len(acronym):
            out.add(acronym)
    for m in _TERM_AFTER.finditer(text):
        acronym, words = m.group(1), m.group(2).split()
        if len(words) == len(acronym) and "".join(w[0] for w in words) == acronym.lower():
            out.add(acronym)
    return out


def find_entities(text: str, sentences: list[tuple[int, int]]) -> list:
    """Entities of an article body (``text``; ``sentences`` its sentence spans), as
    :class:`kabar.model.Entity` with canonical names, mentions, spans and role phrases."""
    from kabar.lang.tokens import fine_tokens
    from kabar.model import Entity, Mention

    source = text
    text = text.replace("\xa0", " ")  # same length: "Patrick\xa0Kluivert" is Patrick Kluivert
    spans: list[_Span] = []
    tokens = fine_tokens(text)
    starts = [t.start for t in tokens]
    clues = media_clue_positions(text)
    for a, b in sentences:
        inside = tokens[bisect.bisect_left(starts, a) : bisect.bisect_left(starts, b)]
        if not inside:
            continue
        table = _table_spans(text, inside)
        tagged = _tagger_spans(text, inside, table)
        merged = _retyped(text, _merge(text, table, tagged))
        spans.extend(_with_facilities(merged, _facility_spans(text, a, b, clues)))
    spans = sorted(spans + _short_forms(text, spans), key=lambda s: s.start)
    spans = sorted(spans + _nickname_spans(text, spans), key=lambda s: s.start)
    spans = _with_abbreviations(text, _spelled_out_names(text, spans))
    terms = _common_term_acronyms(text)
    if terms:  # "gula kristal mentah (GKM)": GKM names no one
        spans = [s for s in spans if s.canonical or s.text not in terms]
    names = _with_nicknames(text, spans, _canonical_groups(spans))
    entities: dict[str, Entity] = {}
    for n, s in enumerate(spans):
        name = names[n]
        entity = entities.get(name)
        if entity is None:
            entity = entities[name] = Entity(name, s.type)
        elif s.type == "PER" and not s.canonical:
            entity.type = "PER"  # a person's name the tagger also read as something else
        surface = source[s.start : s.end]
        if surface not in entity.mentions:
            entity.mentions.append(surface)
        entity.spans.append(Mention(surface, s.start, s.end))
        if s.type == "PER":
            role = _role_before(text, s.start)
            if role and role not in entity.roles:
                entity.roles.append(role)
    return list(entities.values())
