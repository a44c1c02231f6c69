"""Output labels in Indonesian and English (the event's main language picks them)."""

from __future__ import annotations

LABELS = {
    "id": {
        "digest": "Ringkasan berita",
        "events": "Peristiwa",
        "summary": "Ringkasan",
        "sources": "Sumber",
        "quotes": "Kutipan",
        "timeline": "Linimasa",
        "claims": "Fakta dan perbedaan",
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
        "back": "Kembali ke daftar",
        "why": "Mengapa digabung",
        "generated": "Dibuat",
        "support": "dukungan",
    },
    "en": {
        "digest": "News digest",
        "events": "Events",
        "summary": "Summary",
        "sources": "Sources",
        "quotes": "Quotes",
        "timeline": "Timeline",
        "claims": "Facts and differences",
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
        "back": "Back to the list",
        "why": "Why grouped",
        "generated": "Generated",
        "support": "support",
    },
}


def labels_for(lang: str | None) -> dict[str, str]:
    """Labels for ``lang`` (English for "en", Indonesian otherwise)."""
    return LABELS["en" if lang == "en" else "id"]
