"""Dates mentioned in an article's text, resolved against its reference time.

What is found (each with its span, an ISO value and a precision):

* full dates, with a time and zone when stated: "Rabu, 19 Juni 2024", "19 Juni 2024, 07:57
  WIB", "Rabu, (19/6/2024)" (:func:`kabar.lang.dates.find_dates`);
* a day without its year: "Rabu pagi (19/6)", "(19/6)", "9 Juni": the year that puts the day
  nearest the reference (at most a month after it); with no reference, a weekday still fixes
  the year (the latest year, up to today, in which 19 June was a Wednesday);
* a month: "September 2023", "pada Maret" (the latest March up to the reference);
* a year: "2018", "tahun 2022" (not "24 tahun", a duration, nor "2.000 orang", a count);
* a weekday: "pada Selasa", "Rabu pagi" — the latest such day up to the reference, the next
  one after it with "depan" or when the sentence says "akan" (will);
* relative words and counts (``data/relative_dates.tsv``): "kemarin", "pekan lalu", "tahun
  lalu", "3 jam yang lalu", "dua hari lagi";
* a time after a date ("Rabu (19/6) pukul 10.00 WIB"), or alone ("pukul 07.30 WIB") on the
  reference day.

Durations ("dalam 24 tahun", "selama dua pekan") are not dates. Without a reference, relative
expressions are left out rather than guessed. Written for Indonesian and English news;
dateparser was measured (DEPENDENCIES.md) but resolves "Rabu (19/6)" to the current year,
"September 2023" to today's day of month and reads "dalam 24 tahun" as a date, and costs
~1 ms per call; these rules are a few regular expressions over the calendar lexicon.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from kabar.lang.dates import PARTS_OF_DAY, calendar, find_dates, finditer_in, word_windows
from kabar.lang.lexicon import data_rows
from kabar.lang.numbers import number_word_values
from kabar.lang.patterns import ScanText, WordScan
from kabar.lang.patterns import alternation as _alt
from kabar.lang.spans import SpanSet

YEAR_CONTEXT_MAX_DAYS_AHEAD = 31  # a day/month without a year may lie this far after the reference


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date mention: ``text[start:end]``, its ISO ``value``, ``precision`` (minute, hour,
    day, month, year) and ``anchor``: "text" when the text states it in full, "reference"
    when it was resolved against the reference time."""

    start: int
    end: int
    value: str
    precision: str
    anchor: str


@dataclass(frozen=True, slots=True)
class _Relative:
    phrases: dict[str, tuple[str, int]]  # phrase -> (unit, amount)
    units: dict[str, str]  # unit word -> unit
    ago: tuple[str, ...]
    ahead: tuple[str, ...]


@functools.cache
def _relative() -> _Relative:
    phrases: dict[str, tuple[str, int]] = {}
    units: dict[str, str] = {}
    ago: list[str] = []
    ahead: list[str] = []
    for number, (kind, names, unit, amount) in data_rows("relative_dates.tsv", 4, "4 tab-separated columns"):
        for name in names.split("|"):
            if kind == "rel":
                phrases[name] = (unit, int(amount))
            elif kind == "unit":
                units[name] = unit
            elif kind == "ago":
                ago.append(name)
            elif kind == "ahead":
                ahead.append(name)
            else:
                raise ValueError(f"relative_dates.tsv:{number}: unknown kind {kind!r}")
    return _Relative(phrases, units, tuple(ago), tuple(ahead))


def _long_weekdays() -> list[str]:
    """The weekday names of four letters or more ("rabu", not "rab"), in the calendar's order."""
    return [n for n in calendar().weekdays if len(n) >= 4]


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    cal = calendar()
    rel = _relative()
    months = _alt(n for n in cal.months if len(n) >= 4 or n == "mei")  # no "mar", "jun" alone
    weekdays = _alt(_long_weekdays())
    by_length = sorted(_long_weekdays(), key=len, reverse=True)
    weekdays_cap = "|".join(re.escape(n[0].upper() + n[1:]) for n in by_length)
    zones = _alt(cal.zones)
    numbers = _alt(number_word_values())
    # "(?=[A-Za-z])\b" before a pattern that opens with a word list lets the regex engine skip
    # every position that is not a word's first letter: four times faster on long articles
    w = r"(?=[A-Za-z])\b"
    time = rf"(?:pukul|pkl\.?|jam|at)?\s*(?P<hh>[012]?\d)[.:](?P<mm>[0-5]\d)(?:\s*(?P<zone>{zones})\b)?"
    return {
        "wd_dm": re.compile(
            rf"{w}(?P<wd>{weekdays})(?:\s+{PARTS_OF_DAY})?\s*,?\s*\(\s*(?P<d>[0-3]?\d)/(?P<m>[01]?\d)\s*\)",
            re.I,
        ),
        "dm": re.compile(r"\(\s*(?P<d>[0-3]?\d)/(?P<m>[01]?\d)\s*\)"),
        "d_month": re.compile(rf"\b(?P<d>[0-3]?\d)\s+(?P<mon>{months})\b(?!\s*,?\s*(?:19|20)\d\d)", re.I),
        "month_d": re.compile(
            rf"{w}(?P<mon>{months})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?!\s*,?\s*(?:19|20)\d\d)(?![.:]\d)",
            re.I,
        ),
        # "15-20 Juli 2025": the range's first day (the second is read by the other patterns)
        "day_range": re.compile(
            rf"(?<![\w.,/-])(?P<d>[0-3]?\d)\s*[-–]\s*[0-3]?\d\s+(?P<mon>{months})\b(?:\s+(?P<y>(?:19|20)\d\d)\b)?",
            re.I,
        ),
        "year_range": re.compile(
            r"(?<![\w.,:/-])(?:19|20)\d\d\s*[-–/]\s*(?P<y>(?:19|20)\d\d)(?![\w%]|[.,:]\d)"
        ),
        "month_year": re.compile(rf"{w}(?P<mon>{months})\s+(?P<y>(?:19|20)\d\d)\b", re.I),
        "month": re.compile(
            rf"{w}(?:pada|sejak|hingga|sampai|awal|akhir|pertengahan|bulan|selama|in|since|until)\s+"
            rf"(?P<mon>{months})\b(?!\s+(?:19|20)\d\d)",
            re.I,
        ),
        # not "2000-an" (the 2000s, a decade)
        "year": re.compile(
            r"(?<![\w.,:/-])(?:(?P<tahun>[Tt]ahun|[Yy]ear)\s+)?(?P<y>(?:19|20)\d\d)(?![\w%]|[.,:]\d|-?an\b)"
        ),
        # capitalised: "minggu" in lower case is a week, "Minggu" the day
        "weekday": re.compile(
            rf"(?=[A-Z])(?<![\w-])(?P<wd>{weekdays_cap})(?:\s+(?P<part>{PARTS_OF_DAY}))?"
            rf"(?:\s+(?P<dir>lalu|kemarin|depan|mendatang|nanti|ini))?\b"
        ),
        "rel": re.compile(rf"{w}(?<![\w-])(?P<rel>{_alt(rel.phrases)})\b", re.I),
        "count": re.compile(
            rf"(?=[A-Za-z0-9])(?<![\w-])(?P<n>\d+|{numbers})\s+(?P<unit>{_alt(rel.units)})\s+"
            rf"(?P<dir>{_alt((*rel.ago, *rel.ahead))})\b",
            re.I,
        ),
        "time_after": re.compile(rf"\s*,?\s*{time}", re.I),
        "time": re.compile(
            rf"{w}(?:(?:pukul|pkl\.?)\s*(?P<hh>[012]?\d)[.:](?P<mm>[0-5]\d)(?:\s*(?P<zone>{zones})\b)?"
            rf"|jam\s*(?P<hh2>[012]?\d)[.:](?P<mm2>[0-5]\d)\s*(?P<zone2>{zones})\b)",  # "jam 17.35 WIB"
            re.I,
        ),
    }


@functools.cache
def _scans() -> dict[str, WordScan]:
    """The patterns searched over the whole text, through :class:`WordScan`: each with the
    words (or digits) its matches open with."""
    pats = _patterns()
    rel = _relative()
    return {
        "rel": WordScan(pats["rel"], rel.phrases),
        "count": WordScan(pats["count"], number_word_values(), digits=True),
        "year": WordScan(pats["year"], ("tahun", "year", "19", "20")),
        "year_range": WordScan(pats["year_range"], ("19", "20")),
        "time": WordScan(pats["time"], ("pukul", "pkl", "jam")),
        "weekday": WordScan(pats["weekday"], _long_weekdays()),  # capitalised: found in any case
    }


# counted things: "2000 orang" is a number, not the year 2000 (numbers.py owns the list)
def _is_count(text: str, end: int) -> bool:
    from kabar.lang.numbers import count_nouns

    m = re.match(r"\s+([a-z]+)", text[end : end + 20])
    return m is not None and m.group(1) in count_nouns()


def _as_date(reference: date | datetime) -> date:
    return reference.date() if isinstance(reference, datetime) else reference


_FUTURE_AFTER = re.compile(r"\s*(?:mendatang|depan|nanti|yang akan datang)\b", re.I)
_FUTURE_BEFORE = re.compile(r"\b(?:akan|will|bakal|direncanakan|dijadwalkan|ditargetkan)\b", re.I)


_EVERY_BEFORE = re.compile(r"(?i)\b(?:setiap|tiap|saban|every)\s+(?:hari\s+)?$")
_MONEY_BEFORE = re.compile(r"(?:Rp|US\$|\$|€|£)\.?\s*$")
_DURATION_BEFORE = re.compile(r"(?i)\b(?:selama|dalam|jangka waktu|hingga|sampai|untuk|for|within)\s+$")
_COUNT_BEFORE = re.compile(r"(?i)(?:\d|\b(?:beberapa|sejumlah|puluhan|ratusan|belasan|several|few))\s*$")


def _day_before(text: str, days: list[FoundDate], ends: list[int], start: int) -> date | None:
    """The day a clock time belongs to: a day stated just before it in the same paragraph
    ("Senin (9/6/2025) sekitar pukul 12.00 WIB"), else None (the reference day). ``days`` are
    the day-precision mentions sorted by end, ``ends`` their ends."""
    k = bisect.bisect_right(ends, start)
    if k == 0:
        return None
    best = days[k - 1]
    if start - best.end > 80 or "\n" in text[best.end : start]:
        return None
    return date.fromisoformat(best.value[:10])


def _counted_before(text: str, start: int) -> bool:
    """Is the relative phrase at ``start`` counted ("22 tahun ini", "2–3 hari ini", "beberapa
    tahun lalu")? Then it is a length of time or a vague past, not the date it names."""
    return _COUNT_BEFORE.search(text, max(0, start - 12), start) is not None


def _future(text: str, start: int, end: int) -> bool:
    """Does the sentence point ahead: "17 Agustus mendatang", "akan digelar pada November"?"""
    if _FUTURE_AFTER.match(text, end):
        return True
    sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), start - 60, 0)
    return _FUTURE_BEFORE.search(text, sentence_start, start) is not None


def _next_on_or_after(day: int, month: int, reference: date) -> date | None:
    """The first day/month on or after ``reference``."""
    for year in (reference.year, reference.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        if candidate >= reference:
            return candidate
    return None


def _nearest_year(day: int, month: int, reference: date) -> date | None:
    """The date day/month in the year that puts it nearest ``reference``, at most a month after."""
    best = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate - reference > timedelta(days=YEAR_CONTEXT_MAX_DAYS_AHEAD):
            continue
        if best is None or abs((candidate - reference).days) < abs((best - reference).days):
            best = candidate
    return best


def _year_by_weekday(day: int, month: int, weekday: int) -> date | None:
    """The latest year up to today in which day/month fell on ``weekday``."""
    today = date.today()
    for year in range(today.year, today.year - 12, -1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        if candidate <= today and candidate.weekday() == weekday:
            return candidate
    return None


def _shift(reference: date | datetime, unit: str, amount: int) -> tuple[str, str]:
    """``reference`` moved by ``amount`` units: (ISO value, precision)."""
    day = _as_date(reference)
    if unit in ("minute", "hour"):
        if isinstance(reference, datetime):
            moved = reference + (timedelta(minutes=amount) if unit == "minute" else timedelta(hours=amount))
            return moved.isoformat(timespec="minutes"), "minute" if unit == "minute" else "hour"
        return day.isoformat(), "day"
    if unit == "day":
        return (day + timedelta(days=amount)).isoformat(), "day"
    if unit == "week":
        return (day + timedelta(days=7 * amount)).isoformat(), "day"
    if unit == "month":
        index = day.year * 12 + day.month - 1 + amount
        return f"{index // 12:04d}-{index % 12 + 1:02d}", "month"
    return f"{day.year + amount:04d}", "year"


def _weekday_near(reference: date, weekday: int, forward: bool) -> date:
    """The latest ``weekday`` up to ``reference`` (that day included), or the next one after it."""
    if forward:
        return reference + timedelta(days=(weekday - reference.weekday()) % 7 or 7)
    return reference - timedelta(days=(reference.weekday() - weekday) % 7)


def _with_time(text: str, end: int, day: date) -> tuple[int, str, str] | None:
    """A time right after a date ("…(19/6) pukul 10.00 WIB"): (new end, value, precision)."""
    m = _patterns()["time_after"].match(text, end)
    if m is None or not (m.group(0).strip()[:1].isalpha() or ":" in m.group(0) or "." in m.group(0)):
        return None
    if not re.search(r"pukul|pkl|jam|at|\d[.:]\d", m.group(0), re.I):
        return None
    hour, minute = int(m.group("hh")), int(m.group("mm"))
    if hour > 23:
        return None
    zone = m.group("zone")
    offset = calendar().zones[zone.lower()] if zone else ""
    stamp = datetime(day.year, day.month, day.day, hour, minute).isoformat(timespec="minutes")
    return m.end(), stamp + offset, "minute"


def find_date_mentions(
    text: str, reference: date | datetime | None = None, scan: ScanText | None = None
) -> list[FoundDate]:
    """The dates ``text`` mentions, in order, without overlaps (the longest reading wins).

    ``reference`` is the article's publication time (or date); relative expressions need it.
    ``scan``: the text's :class:`ScanText` when the caller has one.
    """
    cal = calendar()
    rel = _relative()
    pats = _patterns()
    ref_day = _as_date(reference) if reference is not None else None
    found: list[FoundDate] = []

    def add(start: int, end: int, value: str, precision: str, anchor: str, day: date | None = None) -> None:
        if text.count("(", start, end) > text.count(")", start, end) and text[end : end + 1] == ")":
            end += 1  # "Rabu, (19/6/2024)": the bracket the date opened
        if day is not None and precision == "day":
            timed = _with_time(text, end, day)
            if timed is not None:
                end, value, precision = timed
        found.append(FoundDate(start, end, value, precision, anchor))

    if scan is None or scan.text is not text:
        scan = ScanText(text)  # shared by the word scans below
    months, weekdays = word_windows(text, "month", scan), word_windows(text, "weekday", scan)
    for d in find_dates(text, months):
        value = d.value
        if d.has_time and value[16:19] == ":00":  # "…T07:57:00+07:00" → "…T07:57+07:00", as elsewhere
            value = value[:16] + (d.offset or "")
        add(d.start, d.end, value, "minute" if d.has_time else "day", "text", None if d.has_time else d.date)
    for m in finditer_in(pats["wd_dm"], text, weekdays):
        day, month, weekday = int(m.group("d")), int(m.group("m")), cal.weekdays[m.group("wd").lower()]
        resolved = _nearest_year(day, month, ref_day) if ref_day else _year_by_weekday(day, month, weekday)
        if resolved is not None:
            anchor = "reference" if ref_day else "weekday"
            add(m.start(), m.end(), resolved.isoformat(), "day", anchor, resolved)
    for key, windows in (("dm", [(0, len(text))]), ("d_month", months), ("month_d", months)):
        for m in finditer_in(pats[key], text, windows):
            if ref_day is None:
                continue
            month = int(m.group("m")) if key == "dm" else cal.months[m.group("mon").lower()]
            day = int(m.group("d"))
            if _future(text, m.start(), m.end()):
                resolved = _next_on_or_after(day, month, ref_day)
            else:
                resolved = _nearest_year(day, month, ref_day)
            if resolved is not None:
                add(m.start(), m.end(), resolved.isoformat(), "day", "reference", resolved)
    for m in finditer_in(pats["day_range"], text, months):
        month, day = cal.months[m.group("mon").lower()], int(m.group("d"))
        if m.group("y"):
            try:
                resolved = date(int(m.group("y")), month, day)
            except ValueError:
                continue
            add(m.start("d"), m.end("d"), resolved.isoformat(), "day", "text")
        elif ref_day is not None:
            resolved = _nearest_year(day, month, ref_day)
            if resolved is not None:
                add(m.start("d"), m.end("d"), resolved.isoformat(), "day", "reference")
    scans = _scans()
    for m in scans["year_range"].finditer(scan):  # "2024-2025": the second year too
        add(m.start("y"), m.end("y"), m.group("y"), "year", "text")
    for m in finditer_in(pats["month_year"], text, months):
        month = cal.months[m.group("mon").lower()]
        add(m.start(), m.end(), f"{m.group('y')}-{month:02d}", "month", "text")
    for m in finditer_in(pats["month"], text, months):
        if ref_day is None:
            continue
        month = cal.months[m.group("mon").lower()]
        if _future(text, m.start("mon"), m.end("mon")):
            year = ref_day.year if month >= ref_day.month else ref_day.year + 1
        else:
            year = ref_day.year if month <= ref_day.month else ref_day.year - 1
        add(m.start("mon"), m.end("mon"), f"{year:04d}-{month:02d}", "month", "reference")
    for m in scans["year"].finditer(scan):
        if m.group("tahun") is None and (
            _is_count(text, m.end()) or _MONEY_BEFORE.search(text, max(0, m.start() - 6), m.start())
        ):
            continue  # "2000 orang", "Rp 2000": a number, not a year
        add(m.start(), m.end(), m.group("y"), "year", "text")
    if ref_day is not None:
        for m in scans["weekday"].finditer(scan):
            weekday = cal.weekdays[m.group("wd").lower()]
            direction = (m.group("dir") or "").lower()
            if _EVERY_BEFORE.search(text, max(0, m.start() - 16), m.start()):
                continue  # "setiap hari Senin": every Monday, no one date
            opening = m.start() == 0 or re.search(
                r"(?:[.!?]\s+|\n)$", text[max(0, m.start() - 3) : m.start()]
            )
            if m.group("wd") == "Minggu" and direction in ("lalu", "depan") and opening:
                continue  # "Minggu lalu, harga naik": last week, capitalised by the sentence
            before = text[max(0, m.start() - 40) : m.start()].lower()
            forward = direction in ("depan", "mendatang", "nanti") or (
                direction not in ("lalu", "kemarin") and _FUTURE_BEFORE.search(before) is not None
            )
            resolved = _weekday_near(ref_day, weekday, forward)
            add(m.start(), m.end(), resolved.isoformat(), "day", "reference", resolved)
        for m in scans["rel"].finditer(scan):
            if _counted_before(text, m.start()):
                continue  # "22 tahun ini", "beberapa tahun lalu": a length of time, not a date
            unit, amount = rel.phrases[m.group("rel").lower()]
            value, precision = _shift(reference, unit, amount)
            add(m.start(), m.end(), value, precision, "reference")
        for m in scans["count"].finditer(scan):
            raw = m.group("n").lower()
            n = int(raw) if raw.isdigit() and len(raw) <= 4 else number_word_values().get(raw)
            if n is None or (rel.units[m.group("unit").lower()] in ("year", "month") and n > 500):
                continue  # "5000 tahun lalu" is history, not a date kabar can write
            sign = -1 if m.group("dir").lower() in rel.ago else 1
            if sign > 0 and _DURATION_BEFORE.search(text, max(0, m.start() - 25), m.start()):
                continue  # "selama 30 hari ke depan": a duration
            value, precision = _shift(reference, rel.units[m.group("unit").lower()], sign * n)
            add(m.start(), m.end(), value, precision, "reference")
        days = sorted((f for f in found if f.precision == "day"), key=lambda f: f.end)
        day_ends = [f.end for f in days]
        for m in scans["time"].finditer(scan):
            hour, minute = int(m.group("hh") or m.group("hh2")), int(m.group("mm") or m.group("mm2"))
            if hour > 23:
                continue
            zone = m.group("zone") or m.group("zone2")
            day = _day_before(text, days, day_ends, m.start()) or ref_day
            stamp = datetime(day.year, day.month, day.day, hour, minute).isoformat(timespec="minutes")
            add(m.start(), m.end(), stamp + (cal.zones[zone.lower()] if zone else ""), "minute", "reference")
    return _without_overlaps(found)


def _without_overlaps(found: list[FoundDate]) -> list[FoundDate]:
    """Keep the longest of overlapping mentions (a full date over the weekday inside it)."""
    chosen: list[FoundDate] = []
    taken = SpanSet()
    for f in sorted(found, key=lambda f: (-(f.end - f.start), f.start)):
        if taken.free(f.start, f.end):
            taken.add(f.start, f.end)
            chosen.append(f)
    return sorted(chosen, key=lambda f: f.start)
