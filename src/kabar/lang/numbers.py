"""Numbers with their meaning: "11.000 kontainer" → 11000 (kontainer), "Rp 1,5 triliun" →
1.5e12 (IDR), "5,2 persen" → 5.2 (%), "ke-3" / "ketiga" → 3 (ordinal), "dua negara" → 2.

Indonesian writes thousands with dots and decimals with commas ("1.500,75"); English the
other way round, so the article's language picks the reading. Dates, times and years are
the date finder's (its spans are passed in and skipped), vague amounts ("puluhan") are not
numbers, and neither are digits inside codes ("G20", "Covid-19", "F-16"), list markers
("1. …"), idioms ("salah satu") or ordinals inside names ("Perang Dunia Kedua"). Ordinals are
read when written with digits ("ke-3", "HUT RI ke-79") or as a place in a ranking
("peringkat ketiga"); an ordinal word elsewhere is not a quantity: before a noun "kedua" means
"both" ("kedua negara"), after one it names a rank ("kunjungan (yang) pertama"). Lexicon:
``data/numbers.tsv``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kabar.lang.lexicon import data_rows
from kabar.lang.ner import usually_lower
from kabar.lang.patterns import ScanText, WordScan
from kabar.lang.patterns import alternation as _alt
from kabar.lang.spans import SpanSet


@dataclass(frozen=True, slots=True)
class FoundNumber:
    """A quantity: ``text[start:end]``, its ``value``, the ``unit`` that follows or the
    currency code, and ``kind`` (cardinal, ordinal, percent, money)."""

    start: int
    end: int
    value: float
    unit: str | None
    kind: str


@dataclass(frozen=True, slots=True)
class _Lexicon:
    words: dict[str, int]
    teens: dict[str, int]
    tens: frozenset[str]
    teen_suffix: frozenset[str]
    hundreds: frozenset[str]
    magnitudes: dict[str, int]
    ordinals: dict[str, int]
    currencies: dict[str, str]
    percent: frozenset[str]
    vague: frozenset[str]
    counts: frozenset[str]
    ranks: frozenset[str]
    labels: frozenset[str]
    measures: frozenset[str]
    scores: frozenset[str]
    english: frozenset[str]
    not_units: frozenset[str]


@functools.cache
def _lexicon() -> _Lexicon:
    table: dict[str, dict[str, str]] = {}
    for _, (kind, names, value) in data_rows("numbers.tsv", 3, "3 tab-separated columns"):
        for name in names.split("|"):
            table.setdefault(kind, {})[name] = value
    known = {
        "word",
        "teen",
        "tens",
        "teens",
        "hundreds",
        "magnitude",
        "ordinal",
        "currency",
        "percent",
        "vague",
        "count",
        "rank",
        "label",
        "measure",
        "score",
        "english",
        "not_unit",
    }
    if set(table) - known:
        raise ValueError(f"numbers.tsv: unknown kinds {sorted(set(table) - known)}")
    ints = lambda kind: {k: int(v) for k, v in table.get(kind, {}).items()}  # noqa: E731
    return _Lexicon(
        ints("word"),
        ints("teen"),
        frozenset(table.get("tens", {})),
        frozenset(table.get("teens", {})),
        frozenset(table.get("hundreds", {})),
        ints("magnitude"),
        ints("ordinal"),
        dict(table.get("currency", {})),
        frozenset(table.get("percent", {})),
        frozenset(table.get("vague", {})),
        frozenset(table.get("count", {})),
        frozenset(table.get("rank", {})),
        frozenset(table.get("label", {})),
        frozenset(table.get("measure", {})),
        frozenset(table.get("score", {})),
        frozenset(table.get("english", {})),
        frozenset(table.get("not_unit", {})),
    )


def number_word_values() -> dict[str, int]:
    """Cardinal words and their values ("dua" → 2), for counts such as "dua hari lalu"."""
    return _lexicon().words


def count_nouns() -> frozenset[str]:
    """Nouns that make a four-digit number a count ("2000 orang"), not a year."""
    return _lexicon().counts


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = _lexicon()
    id_num = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d+"
    en_num = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\d+"
    mags = _alt(lex.magnitudes)
    cur = _alt(lex.currencies)
    pct = _alt(lex.percent)
    tail = rf"(?:\s*(?P<mag>{mags})\b)?(?:\s*(?P<pct>{pct})(?!\w))?"
    # not after a letter, a point, a comma, a slash or a colon ("G20", "10:15"), nor after a
    # hyphen glued to a word ("Covid-19"); after "20-" it is a range's upper end ("20-30 menit")
    before = rf"(?<![\w.,/:])(?<![A-Za-z]-)(?:(?P<cur>{cur})\s*)?"
    after = r"(?![\w/]|[.,]\d)"
    words = _alt([*lex.words, *lex.teens, *lex.tens, *lex.teen_suffix, *lex.hundreds, *lex.magnitudes])
    return {
        "id": re.compile(rf"{before}(?P<num>{id_num}){after}{tail}", re.I),
        "en": re.compile(rf"{before}(?P<num>{en_num}){after}{tail}", re.I),
        "words": re.compile(rf"(?<![\w-])(?P<words>(?:{words})(?:\s+(?:{words}))*)(?![\w-])", re.I),
        "ordinal_digit": re.compile(r"(?<![\w-])ke-(?P<n>\d+)(?![\w])", re.I),
        "ordinal_word": re.compile(rf"(?<![\w-])(?P<w>{_alt(lex.ordinals)})(?![\w-])", re.I),
        "unit": re.compile(
            rf"\s*(?P<unit>(?i:{_alt(lex.measures)}))(?![\w²³])|\s+(?P<word>[a-z][a-z-]{{2,}}|[A-Z]{{2,5}}\b)"
        ),
        "label_before": re.compile(rf"(?<![\w-])(?i:{_alt(lex.labels)})\.?\s*\(?\s*$"),
        "score_before": re.compile(rf"(?<![\w-])(?i:{_alt(lex.scores)})\s+$"),
        "hijri_after": re.compile(r"\s*(?:H|M|SM|Hijriah|Hijriyah|Masehi)\b"),
        "percent_after": re.compile(rf"\s*(?P<pct>{pct})(?!\w)", re.I),
        "rank_before": re.compile(rf"(?<![\w-])(?:{_alt(lex.ranks)})\s+$", re.I),
        "currency_after": re.compile(rf"\s+(?P<cur>{cur})(?!\w)", re.I),
    }


@functools.cache
def _word_scans() -> dict[str, WordScan]:
    r"""The patterns searched over the whole text, through :class:`WordScan` (each opens with
    a look-behind ruling out a word character, then its words: number words, "ke-", ordinal
    words, a currency or a digit)."""
    lex = _lexicon()
    pats = _patterns()
    words = [*lex.words, *lex.teens, *lex.tens, *lex.teen_suffix, *lex.hundreds, *lex.magnitudes]
    return {
        "words": WordScan(pats["words"], words),
        "ordinal_word": WordScan(pats["ordinal_word"], lex.ordinals),
        "ordinal_digit": WordScan(pats["ordinal_digit"], ("ke-",)),
        # a number opens with its currency or its first digit
        "id": WordScan(pats["id"], lex.currencies, digits=True),
        "en": WordScan(pats["en"], lex.currencies, digits=True),
    }


def _parse_numeral(raw: str, lang: str) -> float:
    if lang == "en":
        return float(raw.replace(",", ""))
    return float(raw.replace(".", "").replace(",", "."))


def _parse_words(words: list[str]) -> float | None:
    """Indonesian/English cardinal words to a value ("dua puluh lima" → 25, "seratus dua puluh"
    → 120, "seribu lima ratus" → 1500, "two hundred" → 200), None if not one."""
    lex = _lexicon()
    total = 0  # finished groups times their magnitude ("tiga ratus ribu")
    group = 0  # hundreds of the group being read
    last: int | None = None  # the part under a hundred being read
    for w in words:
        if w in lex.words or w in lex.teens:
            v = lex.words.get(w, lex.teens.get(w, 0))
            if v >= 1000:  # "seribu", "sejuta": a group by itself
                if group or last is not None:
                    return None
                total += v
            elif v == 100:  # "seratus", or "hundred" after a digit word
                group += 100 * (last or 1)
                last = None
            elif last is None:
                last = v
            elif v < 10 and last >= 20 and last % 10 == 0:  # "dua puluh lima", "twenty five"
                last += v
            else:
                return None  # "dua tiga", "dua sepuluh": not one number
        elif w in lex.teen_suffix:  # "dua belas"
            if last is None or not 1 <= last <= 9:
                return None
            last += 10
        elif w in lex.tens:  # "dua puluh"
            if last is None or not 1 <= last <= 9:
                return None
            last *= 10
        elif w in lex.hundreds:  # "tiga ratus"
            if last is None or not 1 <= last <= 9:
                return None
            group += last * 100
            last = None
        elif w in lex.magnitudes:  # "lima ribu", "dua juta"
            amount = group + (last or 0)
            if amount == 0:
                return None
            total += amount * lex.magnitudes[w]
            group, last = 0, None
        else:
            return None
    if not total and not group and last is None:
        return None
    return float(total + group + (last or 0))


_VERB_LIKE = re.compile(r"(?:me|di)[a-z]{4,}|[a-z]+nya")


def _unit_after(text: str, end: int) -> tuple[str | None, int]:
    """The unit written after a number: a short measure ("kg", "m2") or the next word, unless
    that word is a function word, a verb-like word or a word with -nya ("satu masih bayi",
    "5 hingga 150", "empat awalnya")."""
    m = _patterns()["unit"].match(text, end)
    if m is None:
        return None, end
    if m.group("unit"):
        return m.group("unit"), m.end()
    word = m.group("word")
    low = word.lower()
    if low in _lexicon().not_units or _VERB_LIKE.fullmatch(low):
        return None, end
    square = re.match(r"\s+(persegi|kubik)\b", text[m.end() : m.end() + 10])
    if square:  # "18 meter persegi"
        return f"{word} {square.group(1)}", m.end() + square.end()
    return word, m.end()


def find_numbers(
    text: str, lang: str = "id", skip: list[tuple[int, int]] | None = None, scan: ScanText | None = None
) -> list[FoundNumber]:
    """Quantities in ``text``; ``skip`` holds spans already read as dates or times; ``scan`` is
    the text's :class:`ScanText` when the caller has one."""
    lex = _lexicon()
    pats = _patterns()
    taken = SpanSet(list(skip or []))
    free = taken.free
    out: list[FoundNumber] = []
    if scan is None or scan.text is not text:
        scan = ScanText(text)  # shared by the word scans
    scans = _word_scans()

    for m in scans["en" if lang == "en" else "id"].finditer(scan):
        if not free(m.start("num"), m.end("num")):
            continue
        raw = m.group("num")
        if _list_marker(text, m.start("num"), m.end("num")) or _time_like(text, m):
            continue
        if len(raw) > 40:
            continue  # a run of digits, not a quantity (and too large for a float)
        if re.fullmatch(r"0\d{2,}", raw):
            continue  # "0812-3456-7890", "021": a telephone number or a code, not a quantity
        if _identifier(text, m.start("num"), m.end("num")) or _in_name(text, m.start("num"), m.end("num")):
            continue
        if re.search(r"\d{3,4}-$", text[max(0, m.start() - 5) : m.start()]) and len(raw) >= 3:
            continue  # "0812-3456-7890": the rest of a telephone number
        value = _parse_numeral(raw, lang)
        mag = m.group("mag")
        if mag:
            value *= lex.magnitudes[mag.lower()]
        end = m.end()
        if m.group("cur"):
            kind, unit = "money", lex.currencies[m.group("cur").lower()]
        elif m.group("pct"):
            kind, unit = "percent", "%"
        else:
            after = pats["currency_after"].match(text, end)
            if after:
                kind, unit, end = "money", lex.currencies[after.group("cur").lower()], after.end()
            else:
                kind = "cardinal"
                unit, _ = _unit_after(text, end)
        out.append(FoundNumber(m.start(), end, value, unit, kind))
        taken.add(m.start(), end)
    for m in scans["ordinal_digit"].finditer(scan):
        if free(m.start(), m.end()):
            out.append(FoundNumber(m.start(), m.end(), float(m.group("n")), None, "ordinal"))
            taken.add(m.start(), m.end())
    for m in scans["ordinal_word"].finditer(scan):
        word = m.group("w")
        if not free(m.start(), m.end()) or _inside_name(text, m.start(), word):
            continue
        if not pats["rank_before"].search(text, max(0, m.start() - 20), m.start()):
            # "kedua negara" is "both countries", "kunjungan (yang) pertama" a rank: not quantities
            continue
        out.append(FoundNumber(m.start(), m.end(), float(lex.ordinals[word.lower()]), None, "ordinal"))
        taken.add(m.start(), m.end())
    for m in scans["words"].finditer(scan):
        if not free(m.start(), m.end()):
            continue
        words = m.group("words").lower().split()
        if lang != "en" and not lex.english.isdisjoint(words):
            continue
        value = _parse_words(words)
        if value is None or _idiom(text, m.start(), m.end()):
            continue
        if m.group("words")[0].isupper() and _inside_name(text, m.start(), m.group("words")):
            continue  # "Satu Suro", "Inspektur Dua", "Sheila On 7": part of a name
        money = pats["currency_after"].match(text, m.end())
        if money is not None:  # "empat puluh miliar dolar"
            out.append(
                FoundNumber(
                    m.start(), money.end(), value, lex.currencies[money.group("cur").lower()], "money"
                )
            )
            taken.add(m.start(), money.end())
            continue
        percent = pats["percent_after"].match(text, m.end())
        if percent is not None:  # "tiga persen"
            out.append(FoundNumber(m.start(), percent.end(), value, "%", "percent"))
            taken.add(m.start(), percent.end())
            continue
        unit, _ = _unit_after(text, m.end())
        if unit is not None and unit.lower() in lex.vague:
            continue
        out.append(FoundNumber(m.start(), m.end(), value, unit, "cardinal"))
        taken.add(m.start(), m.end())
    return _ranges_share_units(sorted(out, key=lambda n: n.start), text)


def _identifier(text: str, start: int, end: int) -> bool:
    """An identifier or a score, not a quantity: "Pasal 7", "ayat (2)", "Km 31", "lantai 3"
    (a label before it), "1446 H" (a Hijri year), "kalah 3-1" / "skor 0-4"."""
    pats = _patterns()
    if pats["label_before"].search(text, max(0, start - 14), start):
        return True
    if pats["hijri_after"].match(text, end) and re.fullmatch(r"1[34]\d\d", text[start:end]):
        return True
    score = re.match(r"\s*[-–]\s*\d{1,2}(?!\d)", text[end : end + 6]) or re.search(
        r"\d{1,2}\s*[-–]\s*$", text[max(0, start - 6) : start]
    )
    if re.search(r"\(\s*$", text[max(0, start - 2) : start]) and re.match(
        r"\s*[-–]\s*\d{1,2}\s*\)", text[end : end + 8]
    ):
        return True  # "(5-1)": a score
    if re.search(r"\(\s*\d{1,2}\s*[-–]\s*$", text[max(0, start - 8) : start]) and text[end : end + 1] == ")":
        return True
    if score and re.fullmatch(r"\d{1,2}", text[start:end]):
        head = re.search(r"\d{1,2}\s*[-–]\s*$", text[max(0, start - 6) : start])
        first = start - (len(head.group()) if head else 0)
        return pats["score_before"].search(text, max(0, first - 16), first) is not None
    return False


def _list_marker(text: str, start: int, end: int) -> bool:
    """ "1. Lampung …" at the start of a paragraph or sentence: a list item's number."""
    line_start = start == 0 or text[start - 1] == "\n"
    return line_start and text[end : end + 2] in (". ", ") ")


def _time_like(text: str, m: re.Match[str]) -> bool:
    """ "07.57" or "10:15" (a clock time), "24/7"."""
    raw = m.group("num")
    if re.fullmatch(r"[012]?\d\.[0-5]\d", raw) and (
        re.match(r"\s*(?:WIB|WITA|WIT|wib|wita|wit)\b", text[m.end("num") :])
        or re.search(r"(?:pukul|pkl\.?|jam)\s*$", text[max(0, m.start() - 8) : m.start()], re.I)
    ):
        return True
    return text[m.end("num") : m.end("num") + 1] == ":"


def _inside_name(text: str, start: int, word: str) -> bool:
    """A capitalised ordinal after a capitalised word: part of a name ("Perang Dunia Kedua")."""
    if not word[0].isupper():
        return False
    before = re.search(r"([A-Z][\w-]*)\s+$", text[max(0, start - 30) : start])
    return before is not None


def _in_name(text: str, start: int, end: int) -> bool:
    """Digits inside a name: after an ALL-CAPS word ("SMAN 81", "JKW Mahakam 1" is the next
    rule) or between capitalised words ("SMA 6 Solo", "Pasar 6 Medan")."""
    before = re.search(r"(\S+)\s+$", text[max(0, start - 30) : start])
    if before is None:
        return False
    word = before.group(1)
    if len(word) >= 2 and word.isupper() and word.isalpha():
        return True
    if usually_lower(word.strip(",.")):
        return False  # "Sebanyak 12 WNI", "Sekitar 300 PNS": a common word opening a sentence
    after = re.match(r"\s+(\S+)", text[end : end + 30])
    return word[:1].isupper() and after is not None and after.group(1)[:1].isupper()


def _ranges_share_units(found: list[FoundNumber], text: str) -> list[FoundNumber]:
    """ "5 hingga 150 centimeter", "20-30 menit": the lower end takes the upper end's unit."""
    out = list(found)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        between = text[a.end : b.start]
        if (
            a.unit is None
            and b.unit
            and a.kind == b.kind == "cardinal"
            and re.fullmatch(r"\s*(?:-|–|hingga|sampai|s\.d\.?|sd|to)\s*", between)
        ):
            out[i] = FoundNumber(a.start, a.end, a.value, b.unit, a.kind)
    return out


def _idiom(text: str, start: int, end: int) -> bool:
    """ "salah satu" (one of), "satu-satunya", "satu per satu", "satu sama lain"."""
    before = text[max(0, start - 10) : start].lower()
    after = text[end : end + 12].lower()
    return before.endswith(("salah ", "satu per ", "kaki ")) or after.startswith(
        ("-", " per satu", " sama lain")
    )  # "pedagang kaki lima": street vendors
