"""Output labels in Indonesian and English (the event's main language picks them; ``--lang``
overrides), and dates written out for a reader in either language."""

from __future__ import annotations

import re

LABELS = {
    "id": {
        "digest": "Ringkasan berita",
        "events": "Peristiwa",
        "summary": "Ringkasan",
        "sources": "Sumber",
        "quotes": "Kutipan",
        "more_quotes": "Kutipan dari satu media",
        "timeline": "Linimasa",
        "claims": "Fakta dan perbedaan",
        "claims_agreed": "Disepakati beberapa media",
        "claims_differs": "Dilaporkan berbeda",
        "claims_single": "Hanya dari satu media",
        "derivations": "Salinan dan turunan",
        "coverage": "Cakupan",
        "articles": "artikel",
        "outlets": "media",
        "independent": "laporan independen",
        "first": "pertama terbit",
        "said": "kata",
        "agree": "sepakat",
        "differ": "berbeda",
        "none_yet": "belum ada",
        "undated": "tanpa tanggal",
        "unknown_speaker": "pembicara tidak disebut",
        "unknown_outlet": "media tidak diketahui",
        "back": "Kembali ke daftar",
        "why": "Mengapa digabung",
        "generated": "Dibuat",
        "support": "dukungan",
        "wording": "Rumusan tiap media",
        "outlet": "Media",
        "skipped": "Masukan yang dilewati",
        "aspect": "yang berbeda",
        "value": "nilai",
        "value_col": "Nilai",
        "wording_col": "Rumusan",
        "note": "catatan",
        "score": "skor",
        "evidence": "bukti",
        "flags": "tanda",
        "open": "buka",
        "aspect_number": "angka",
        "aspect_date": "tanggal",
        "aspect_name": "nama",
        "aspect_quote": "kutipan",
        "aspect_wording": "rumusan",
        "kind_copy": "salinan dari",
        "kind_near_copy": "salinan hampir sama dari",
        "kind_excerpt": "cuplikan dari",
        "kind_rewrite": "tulisan ulang dari",
        "kind_translation": "terjemahan dari",
        "flag_translated": "tampak terjemahan",
        "flag_generic_rewrite": "tampak tulisan ulang umum",
        "months": "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember",
    },
    "en": {
        "digest": "News digest",
        "events": "Events",
        "summary": "Summary",
        "sources": "Sources",
        "quotes": "Quotes",
        "more_quotes": "Quotes from one outlet",
        "timeline": "Timeline",
        "claims": "Facts and differences",
        "claims_agreed": "Agreed by several outlets",
        "claims_differs": "Reported differently",
        "claims_single": "From one outlet only",
        "derivations": "Copies and derived articles",
        "coverage": "Coverage",
        "articles": "articles",
        "outlets": "outlets",
        "independent": "independent reports",
        "first": "first published by",
        "said": "said",
        "agree": "agree",
        "differ": "differ",
        "none_yet": "none yet",
        "undated": "undated",
        "unknown_speaker": "speaker not named",
        "unknown_outlet": "unknown outlet",
        "back": "Back to the list",
        "why": "Why grouped",
        "generated": "Generated",
        "support": "support",
        "wording": "Each outlet's wording",
        "outlet": "Outlet",
        "articles_one": "article",
        "outlets_one": "outlet",
        "independent_one": "independent report",
        "events_one": "event",
        "skipped": "Skipped inputs",
        "aspect": "what differs",
        "value": "value",
        "value_col": "Value",
        "wording_col": "Wording",
        "note": "note",
        "score": "score",
        "evidence": "evidence",
        "flags": "flags",
        "open": "show",
        "aspect_number": "number",
        "aspect_date": "date",
        "aspect_name": "name",
        "aspect_quote": "quote",
        "aspect_wording": "wording",
        "kind_copy": "copy of",
        "kind_near_copy": "near copy of",
        "kind_excerpt": "excerpt of",
        "kind_rewrite": "rewrite of",
        "kind_translation": "translation of",
        "flag_translated": "looks translated",
        "flag_generic_rewrite": "looks like a generic rewrite",
        "months": "January February March April May June July August September October November December",
    },
}

_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def labels_for(lang: str | None) -> dict[str, str]:
    """Labels for ``lang`` (English for "en", Indonesian otherwise)."""
    return LABELS["en" if lang == "en" else "id"]


def count(lab: dict[str, str], n: int, key: str) -> str:
    """``n`` and the label ``key``, singular for 1 where the language has one ("1 article")."""
    return f"{n} {lab.get(key + '_one', lab[key]) if n == 1 else lab[key]}"


def label(lab: dict[str, str], prefix: str, key: str | None) -> str:
    """``lab[prefix + key]`` when there is such a label, else ``key`` itself (a kind or aspect
    added later still shows, by its code name)."""
    return lab.get(f"{prefix}{key}", key or "")


def format_date(value: str | None, lab: dict[str, str], precision: str | None = None) -> str:
    """An ISO date (or date-time) written out: "19 Juni 2024" / "19 June 2024", "Juni 2024" for
    a month, "2024" for a year; ``value`` unchanged when it is not ISO; "undated" for None."""
    if not value:
        return lab["undated"]
    m = _ISO_DATE.match(value)
    if not m:
        return value
    year, month, day = m.groups()
    months = lab["months"].split()
    if precision == "year" or not month or not 1 <= int(month) <= 12:
        return year
    name = months[int(month) - 1]
    if precision == "month" or not day:
        return f"{name} {year}"
    return f"{int(day)} {name} {year}"


_ZONES = {"+07:00": "WIB", "+08:00": "WITA", "+09:00": "WIT"}
_TIME = re.compile(r"T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$")


def format_published(value: str | None, lab: dict[str, str]) -> str:
    """A publication time written out: "19 Juni 2024, 07.57 WIB" (Indonesian zones by name,
    others as their offset); the date alone when no time is given."""
    day = format_date(value, lab)
    m = _TIME.search(value or "")
    if not m:
        return day
    hour, minute, zone = m.groups()
    sep = ":" if lab is LABELS["en"] else "."
    zone_name = _ZONES.get(zone or "", "UTC" if zone == "Z" else (zone or ""))
    return f"{day}, {hour}{sep}{minute} {zone_name}".rstrip()
