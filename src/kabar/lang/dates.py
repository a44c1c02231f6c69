"""Absolute dates and times written out in full ("Rabu, 19 Juni 2024, 07:57 WIB").

This module reads the explicit forms that publication lines and in-text dates use; it is the
regex fast path that DEPENDENCIES.md asks for in front of dateparser (which loses WIB unless
told, and costs ~1 ms per call). Relative expressions ("kemarin", "pada Selasa") belong to
the language layer's in-text date resolver.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo

from kabar.lang.lexicon import data_rows
from kabar.lang.patterns import ScanText, WordScan
from kabar.lang.patterns import alternation as _alternation
from kabar.lang.spans import SpanSet


@dataclass(frozen=True, slots=True)
class Calendar:
    """Month, weekday and time-zone names from ``lang/data/calendar.tsv``."""

    months: dict[str, int]
    weekdays: dict[str, int]
    zones: dict[str, str]


@functools.cache
def calendar() -> Calendar:
    """The calendar lexicon, loaded once; malformed rows raise ValueError."""
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    zones: dict[str, str] = {}
    for number, (kind, value, names) in data_rows("calendar.tsv", 3, "3 tab-separated columns"):
        for name in names.split("|"):
            if kind == "month":
                months[name] = int(value)
            elif kind == "weekday":
                weekdays[name] = int(value)
            elif kind == "tz":
                zones[name] = value
            else:
                raise ValueError(f"calendar.tsv:{number}: unknown kind {kind!r}")
    return Calendar(months, weekdays, zones)


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A full date found in a string: ``value`` is ISO (date, or datetime with offset)."""

    start: int
    end: int
    value: str
    date: date
    has_time: bool
    offset: str | None


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    cal = calendar()
    month = _alternation(cal.months)
    weekday = _alternation(cal.weekdays)
    zone = _alternation(cal.zones)
    time = (
        r"(?:[\s,|/–—-]*(?:pukul|pkl\.?|jam|at)?\s*(?P<hh>[012]?\d)[:.](?P<mm>[0-5]\d)(?:[:.](?P<ss>[0-5]\d))?"
        r"\s*(?P<ampm>am|pm)?"
        rf"(?:\s*(?:gmt|utc)?\s*(?P<off>[+-]\d{{1,2}}(?::?\d{{2}})?)\b|\s*(?P<zone>{zone})\b)?)?"
    )
    # the weekday before a date ("Rabu, 19 Juni 2024") is looked for behind each match, not as
    # an optional prefix of the patterns: an optional alternation at the start of a pattern
    # is tried at every position of the text, which made these searches ten times slower
    weekday_before = re.compile(rf"(?P<wd>{weekday})\b(?:\s+{PARTS_OF_DAY})?\.?,?\s*\(?\s*$", re.I)
    named = re.compile(rf"(?P<d>[0-3]?\d)\s+(?P<mon>{month})\.?\s+(?P<y>(?:19|20)\d\d)\b{time}", re.I)
    english = re.compile(  # "(?=[A-Za-z])\b": only a word's first letter can open a month name
        rf"(?=[A-Za-z])\b(?P<mon>{month})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b{time}",
        re.I,
    )
    numeric = re.compile(rf"(?P<d>[0-3]?\d)[/.-](?P<m>[01]?\d)[/.-](?P<y>(?:19|20)\d\d)\b\)?{time}", re.I)
    return named, english, numeric, weekday_before


def _offset(match: re.Match[str]) -> str | None:
    zone = match.group("zone")
    if zone:
        return calendar().zones[zone.lower()]
    off = match.group("off")
    if off:
        sign, digits = off[0], off[1:].replace(":", "")
        hours, minutes = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "00")
        return f"{sign}{int(hours):02d}:{minutes}"
    return None


PARTS_OF_DAY = r"(?:pagi|siang|sore|petang|malam|dini hari|subuh)"  # "Kamis malam, 22 Mei 2025"


@functools.cache
def _word_anchors() -> dict[str, re.Pattern[str]]:
    cal = calendar()
    return {
        kind: re.compile(rf"(?=[A-Za-z])\b(?:{_alternation(names)})\b", re.I)
        for kind, names in (("month", cal.months), ("weekday", cal.weekdays))
    }


@functools.cache
def _anchor_scans() -> dict[str, WordScan]:
    cal = calendar()
    anchors = _word_anchors()
    return {
        "month": WordScan(anchors["month"], cal.months),
        "weekday": WordScan(anchors["weekday"], cal.weekdays),
    }


WINDOW_BEFORE, WINDOW_AFTER = 40, 80


def word_windows(text: str, kind: str, scan: ScanText | None = None) -> list[tuple[int, int]]:
    """Stretches of ``text`` around each month name (``kind="month"``) or weekday name
    (``"weekday"``), merged where they touch: a date pattern that must hold such a word is
    only searched there, which is much faster than searching a whole article. ``scan``: the
    text's :class:`ScanText` when the caller has one."""
    out: list[tuple[int, int]] = []
    for m in _anchor_scans()[kind].finditer(scan if scan is not None else text):
        a, b = max(0, m.start() - WINDOW_BEFORE), min(len(text), m.end() + WINDOW_AFTER)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def finditer_in(
    pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]]
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` restricted to ``windows``; a match the window's end cut short
    is matched again on the whole text."""
    for a, b in windows:
        for m in pattern.finditer(text, a, b):
            if m.end() == b and b < len(text):
                m = pattern.match(text, m.start()) or m
            yield m


_YEAR = re.compile(r"(?:19|20)\d\d")
_NUMERIC_HINT = re.compile(r"\d[/.-][01]?\d[/.-](?:19|20)\d\d")


def find_dates(text: str, months: list[tuple[int, int]] | None = None) -> list[DateMatch]:
    """Every full date (day, month and year stated) in ``text``, with time and offset if given.

    A time without a zone keeps no offset: the caller decides (an Indonesian page's clock is
    usually WIB, but that is an assumption and is labelled as one). ``months`` are the text's
    :func:`word_windows` for months when the caller has them already.
    """
    cal = calendar()
    found: list[DateMatch] = []
    taken = SpanSet()
    if not _YEAR.search(text):
        return found
    named, english, numeric, weekday_before = _patterns()
    months = word_windows(text, "month") if months is None else months
    everywhere = [(0, len(text))] if _NUMERIC_HINT.search(text) is not None else []
    for pattern, windows in ((named, months), (english, months), (numeric, everywhere)):
        for m in finditer_in(pattern, text, windows):
            if m.start() > 0 and text[m.start() - 1].isdigit():
                continue  # "119 Juni 2024": not a date's start
            start = m.start()
            wd = weekday_before.search(text, max(0, start - 24), start)
            if wd is not None and (wd.start() == 0 or not text[wd.start() - 1].isalnum()):
                start = wd.start()
            if not taken.free(start, m.end()):
                continue
            try:
                month = (
                    int(m.group("m"))
                    if "m" in m.groupdict() and m.group("m")
                    else cal.months[m.group("mon").lower()]
                )
                day = date(int(m.group("y")), month, int(m.group("d")))
            except (ValueError, KeyError):
                continue
            has_time = m.group("hh") is not None
            offset = _offset(m) if has_time else None
            end = m.end() if has_time else m.end("y")
            if has_time:
                hour = int(m.group("hh"))
                ampm = (m.group("ampm") or "").lower()
                if ampm == "pm" and hour < 12:
                    hour += 12
                elif ampm == "am" and hour == 12:
                    hour = 0
                if hour > 23:
                    continue
                stamp = datetime(
                    day.year, day.month, day.day, hour, int(m.group("mm")), int(m.group("ss") or 0)
                )
                value = stamp.isoformat() + (offset or "")
            else:
                value = day.isoformat()
            found.append(DateMatch(start, end, value, day, has_time, offset))
            taken.add(start, end)
    found.sort(key=lambda d: d.start)
    return found


def parse_iso(value: str) -> datetime | date | None:
    """Parse an ISO 8601 string (``2025-06-18T14:05:00+07:00`` or ``2025-06-10``), else None."""
    value = value.strip()
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


WIB = timezone(timedelta(hours=7))  # kabar's default zone for a time that states none


def iso_timestamp(
    value: str | None, bare_date_hour: int | None = None, naive_zone: tzinfo | None = WIB
) -> float | None:
    """Unix seconds of an ISO date or time (``parse_iso``); None when there is none. A time
    without an offset is read in ``naive_zone`` (None: no timestamp); a bare date is
    ``bare_date_hour`` o'clock WIB (None: no timestamp, a day cannot be ordered by hour)."""
    parsed = parse_iso(value) if value else None
    if parsed is None:
        return None
    if not isinstance(parsed, datetime):
        if bare_date_hour is None:
            return None
        return datetime(parsed.year, parsed.month, parsed.day, bare_date_hour, tzinfo=WIB).timestamp()
    if parsed.tzinfo is None:
        if naive_zone is None:
            return None
        parsed = parsed.replace(tzinfo=naive_zone)
    return parsed.timestamp()
