"""Table test for :func:`kabar.lang.numbers.find_numbers`.

Each row is an invented sentence as it would appear in Indonesian (or English-language) news,
the article's language, the spans a date finder would pass in as ``skip`` and the quantities a
careful reader finds in it. The expectations were written from the language, not from the
code's output:

* a quantity's mention (``text[start:end]``) is the amount as written: the numeral or the
  number words with their scale word ("5,2 juta", "sepuluh ribu", "1.5 million"), a currency
  written before or after it ("Rp 1,5 triliun", "US$ 2 miliar", "2 miliar dolar AS") and a
  percent word or sign ("1,5 persen", "12%"). The counted noun is not part of the mention: it
  is the ``unit`` that follows it, as written ("11.000 kontainer" → 11000, unit "kontainer");
* Indonesian writes thousands with dots and decimals with commas ("11.000", "1,5",
  "1.500,75"), English the other way round ("3,200", "1.5"); the value is the number the
  reader understands, scale words multiplied in ("Rp 1,5 triliun" = 1.5e12);
* ``kind`` is "money" when a currency is written, with the ISO 4217 code as ``unit`` (rupiah,
  "Rp" → IDR; "US$", "$", "dolar AS" → USD); "percent" for a percentage, unit "%", however it
  is written ("persen", "%", "percent", also with number words: "tiga persen"); "ordinal" for
  a place written with digits ("ke-3", "HUT RI ke-79") or a place in a ranking ("peringkat
  ketiga", "posisi ketiga dalam klasemen"), unit None; "cardinal" otherwise;
* not quantities (the module docstring's exclusions, which agree with the language): clock
  times ("07.57 WIB", "pukul 02.50", "10:15"), dates ("(19/6)", "19/6/2024", and a date span
  the caller passes in as ``skip``), list markers at the start of a line ("1. Lampung"), idioms
  ("salah satu", "satu-satunya", "satu per satu"), digits inside codes and names ("G20",
  "Covid-19", "F-16"), vague amounts ("puluhan", "ratusan"), "kedua" before a noun (= "both":
  "kedua negara"), an ordinal after a noun that names a rank rather than a place in a ranking
  ("kunjungan pertama") and an ordinal inside a name ("Perang Dunia Kedua"). A telephone
  number ("0812-3456-7890") is not a quantity either; the docstring does not mention telephone
  numbers, the row follows the language.

Row format: ``(text, lang, skip, expected)`` where ``expected`` lists :class:`N` items — some
FoundNumber must have exactly that span, value (approximately), unit and kind — and
:class:`Absent` items, phrases no FoundNumber may overlap (negative rows hold Absent items
only).
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from kabar.lang.numbers import find_numbers


class N(NamedTuple):
    """An expected quantity: ``text[start:end] == mention``, its value, unit and kind."""

    mention: str
    value: float
    unit: str | None
    kind: str


class Absent(str):
    """A phrase that no reported number may overlap."""


P = pytest.param


def span_of(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


_DATE_TEXT = "Putin tiba di Pyongyang pada 19 Juni 2024 dini hari waktu setempat."

POSITIVE = [
    # --- patterns found reviewing real articles (rows written here, not copied) ----------
    P(
        "Kamar itu hanya seluas 18 meter persegi.",
        "id",
        None,
        [N("18", 18, "meter persegi", "cardinal")],
        id="review-square-metres",
    ),
    P(
        "Dari lima korban, satu masih bayi.",
        "id",
        None,
        [N("satu", 1, None, "cardinal")],
        id="review-no-unit-function-word",
    ),
    P(
        "Rumah itu berdiri di atas tanah seluas 250 m2.",
        "id",
        None,
        [N("250", 250, "m2", "cardinal")],
        id="review-unit-m2",
    ),
    P(
        "Setiap keluarga menerima beras 5 KG.",
        "id",
        None,
        [N("5", 5, "KG", "cardinal")],
        id="review-unit-kg-caps",
    ),
    P(
        "Korban tewas sebanyak 24 orang.",
        "id",
        None,
        [N("24", 24, "orang", "cardinal")],
        id="review-unit-orang",
    ),
    # --- cardinals with digits and the noun they count ------------------------------------
    P(
        "AS menuduh Korea Utara memasok lebih dari 11.000 kontainer amunisi ke Rusia.",
        "id",
        None,
        [N("11.000", 11000, "kontainer", "cardinal")],
        id="thousands-dot-kontainer",
    ),
    P(
        "Hotel Ryugyong adalah bangunan 101 lantai berbentuk piramida di Pyongyang.",
        "id",
        None,
        [N("101", 101, "lantai", "cardinal")],
        id="plain-101-lantai",
    ),
    P(
        "Ini kunjungan pertama Putin ke Korea Utara dalam 24 tahun.",
        "id",
        None,
        [N("24", 24, "tahun", "cardinal"), Absent("pertama")],
        id="24-tahun-and-rank-pertama",
    ),
    P(
        "Sekitar 2000 orang menghadiri kampanye akbar di lapangan itu.",
        "id",
        None,
        [N("2000", 2000, "orang", "cardinal")],
        id="four-digits-count-orang",
    ),
    P(
        "Jumlah penduduk kota itu kini mencapai 5,2 juta jiwa.",
        "id",
        None,
        [N("5,2 juta", 5.2e6, "jiwa", "cardinal")],
        id="decimal-comma-juta",
    ),
    P(
        "Cadangan beras di gudang Bulog tercatat 1.500,75 ton.",
        "id",
        None,
        [N("1.500,75", 1500.75, "ton", "cardinal")],
        id="thousands-and-decimal-id",
    ),
    P(
        "Gempa berkekuatan 5,6 magnitudo merusak 120 rumah dan melukai tiga orang.",
        "id",
        None,
        [
            N("5,6", 5.6, "magnitudo", "cardinal"),
            N("120", 120, "rumah", "cardinal"),
            N("tiga", 3, "orang", "cardinal"),
        ],
        id="three-quantities-one-sentence",
    ),
    # --- number words ----------------------------------------------------------------------
    P(
        "Kecelakaan di jalan tol itu menewaskan dua orang pengendara motor.",
        "id",
        None,
        [N("dua", 2, "orang", "cardinal")],
        id="word-dua-orang",
    ),
    P(
        "Pencarian korban longsor akan dilanjutkan selama tiga pekan.",
        "id",
        None,
        [N("tiga", 3, "pekan", "cardinal")],
        id="word-tiga-pekan",
    ),
    P(
        "Sebanyak sepuluh ribu relawan dikerahkan ke lokasi bencana.",
        "id",
        None,
        [N("sepuluh ribu", 10000, "relawan", "cardinal")],
        id="words-sepuluh-ribu",
    ),
    P(
        "Sebanyak dua puluh lima mahasiswa dinyatakan lulus dengan pujian.",
        "id",
        None,
        [N("dua puluh lima", 25, "mahasiswa", "cardinal")],
        id="words-dua-puluh-lima",
    ),
    P(
        "Banjir bandang merendam tiga ratus rumah warga di bantaran sungai.",
        "id",
        None,
        [N("tiga ratus", 300, "rumah", "cardinal")],
        id="words-tiga-ratus",
    ),
    P(
        "Pelatih menurunkan sebelas pemain inti pada laga perdana.",
        "id",
        None,
        [N("sebelas", 11, "pemain", "cardinal")],
        id="word-sebelas",
    ),
    P(
        "Terdakwa dihukum dua belas tahun penjara oleh majelis hakim.",
        "id",
        None,
        [N("dua belas", 12, "tahun", "cardinal")],
        id="words-dua-belas",
    ),
    P(
        "Pertemuan dua pemimpin itu berlangsung tertutup.",
        "id",
        None,
        [N("dua", 2, "pemimpin", "cardinal")],
        id="word-dua-pemimpin",
    ),
    # --- money ---------------------------------------------------------------------------
    P(
        "Pemerintah menyiapkan anggaran Rp 1,5 triliun untuk bantuan sosial.",
        "id",
        None,
        [N("Rp 1,5 triliun", 1.5e12, "IDR", "money")],
        id="money-rp-space-triliun",
    ),
    P(
        "Harga cabai rawit di Pasar Induk naik menjadi Rp15.000 per kilogram.",
        "id",
        None,
        [N("Rp15.000", 15000, "IDR", "money")],
        id="money-rp-glued-thousands",
    ),
    P(
        "Setiap keluarga penerima manfaat mendapat Rp. 250 ribu per bulan.",
        "id",
        None,
        [N("Rp. 250 ribu", 250000, "IDR", "money")],
        id="money-rp-dot-ribu",
    ),
    P(
        "Kerugian negara dalam kasus itu ditaksir 300 miliar rupiah.",
        "id",
        None,
        [N("300 miliar rupiah", 3e11, "IDR", "money")],
        id="money-rupiah-after",
    ),
    P(
        "Bank Dunia menyalurkan pinjaman US$ 2 miliar kepada Indonesia.",
        "id",
        None,
        [N("US$ 2 miliar", 2e9, "USD", "money")],
        id="money-usd-sign-before",
    ),
    P(
        "Nilai ekspor batu bara ke India mencapai 2 miliar dolar AS.",
        "id",
        None,
        [N("2 miliar dolar AS", 2e9, "USD", "money")],
        id="money-dolar-as-after",
    ),
    # --- percentages -----------------------------------------------------------------------
    P(
        "Inflasi tahunan tercatat 1,5 persen pada Mei.",
        "id",
        None,
        [N("1,5 persen", 1.5, "%", "percent")],
        id="percent-persen-decimal",
    ),
    P(
        "Harga tiket pesawat naik 12% menjelang Lebaran.",
        "id",
        None,
        [N("12%", 12, "%", "percent")],
        id="percent-sign",
    ),
    P(
        "Harga minyak mentah dunia turun tiga persen pada perdagangan Selasa.",
        "id",
        None,
        [N("tiga persen", 3, "%", "percent")],
        id="percent-number-word",
    ),
    # --- ordinals ------------------------------------------------------------------------
    P(
        "Indonesia menduduki peringkat ketiga dalam perolehan medali emas.",
        "id",
        None,
        [N("ketiga", 3, None, "ordinal")],
        id="ordinal-peringkat-ketiga",
    ),
    P(
        "Tim Garuda berada di peringkat ke-3 klasemen sementara grup F.",
        "id",
        None,
        [N("ke-3", 3, None, "ordinal")],
        id="ordinal-ke-3",
    ),
    P(
        "Upacara HUT RI ke-79 digelar di Ibu Kota Nusantara.",
        "id",
        None,
        [N("ke-79", 79, None, "ordinal")],
        id="ordinal-hut-ri-ke-79",
    ),
    P(
        "Indonesia finis di posisi ketiga dalam klasemen akhir.",
        "id",
        None,
        [N("ketiga", 3, None, "ordinal")],
        id="ordinal-posisi-ketiga-ranking",
    ),
    # --- English -------------------------------------------------------------------------
    P(
        "The flood displaced 1.5 million people across the region.",
        "en",
        None,
        [N("1.5 million", 1.5e6, "people", "cardinal")],
        id="en-decimal-million",
    ),
    P(
        "Washington sent 3,200 troops to the base last year.",
        "en",
        None,
        [N("3,200", 3200, "troops", "cardinal")],
        id="en-thousands-comma",
    ),
    P(
        "Consumer prices rose 5 percent in May.",
        "en",
        None,
        [N("5 percent", 5, "%", "percent")],
        id="en-percent-word",
    ),
    P(
        "The bank lent $2 billion to the government.",
        "en",
        None,
        [N("$2 billion", 2e9, "USD", "money")],
        id="en-dollar-billion",
    ),
    P(
        "The attack wounded two soldiers near the border.",
        "en",
        None,
        [N("two", 2, "soldiers", "cardinal")],
        id="en-word-two",
    ),
]

NEGATIVE = [
    P("Ia pulang jam 7 malam setiap hari.", "id", None, [Absent("7")], id="neg-review-jam-7"),
    P(
        "Hal itu diatur dalam Pasal 34 ayat (2) undang-undang itu.",
        "id",
        None,
        [Absent("34"), Absent("(2)")],
        id="neg-review-pasal-ayat",
    ),
    P("Kecelakaan terjadi di Km 31 jalan tol itu.", "id", None, [Absent("31")], id="neg-review-km"),
    P("Indonesia kalah 0-4 dari Jepang.", "id", None, [Absent("0-4")], id="neg-review-score"),
    P(
        "Salat Idul Adha 1446 H digelar di lapangan.",
        "id",
        None,
        [Absent("1446")],
        id="neg-review-hijri-year",
    ),
    P(
        "Laporan Net Zero Tracker terbit hari ini.",
        "id",
        None,
        [Absent("Zero")],
        id="neg-review-english-word-in-name",
    ),
    # --- times and dates -------------------------------------------------------------------
    P("Artikel ini diperbarui pukul 07.57 WIB.", "id", None, [Absent("07.57")], id="neg-time-wib"),
    P(
        "Pesawat kepresidenan mendarat pukul 02.50 waktu setempat.",
        "id",
        None,
        [Absent("02.50")],
        id="neg-time-pukul",
    ),
    P(
        "Gempa susulan terjadi pada 10:15 waktu setempat.",
        "id",
        None,
        [Absent("10:15")],
        id="neg-time-colon",
    ),
    P(
        "Presiden meninjau lokasi banjir di Demak, Rabu (19/6).",
        "id",
        None,
        [Absent("19/6")],
        id="neg-date-day-month-brackets",
    ),
    P(
        "Surat itu ditandatangani menteri, Rabu (19/6/2024).",
        "id",
        None,
        [Absent("19/6/2024")],
        id="neg-date-numeric-full",
    ),
    P(
        _DATE_TEXT,
        "id",
        [span_of(_DATE_TEXT, "19 Juni 2024")],
        [Absent("19 Juni 2024")],
        id="neg-date-passed-as-skip",
    ),
    # --- list markers, phone numbers -------------------------------------------------------
    P(
        "Provinsi dengan kasus tertinggi:\n1. Lampung\n2. Jambi",
        "id",
        None,
        [Absent("1."), Absent("2.")],
        id="neg-list-markers",
    ),
    P(
        "Warga dapat menghubungi posko bencana di nomor 0812-3456-7890.",
        "id",
        None,
        [Absent("0812-3456-7890")],
        id="neg-phone-number",
    ),
    # --- idioms ----------------------------------------------------------------------------
    P(
        "Ia menjadi satu-satunya perempuan di kabinet itu.",
        "id",
        None,
        [Absent("satu-satunya")],
        id="neg-idiom-satu-satunya",
    ),
    P(
        "Jokowi adalah salah satu tokoh paling berpengaruh di Asia.",
        "id",
        None,
        [Absent("salah satu")],
        id="neg-idiom-salah-satu",
    ),
    P(
        "Para tamu disalami satu per satu oleh tuan rumah.",
        "id",
        None,
        [Absent("satu per satu")],
        id="neg-idiom-satu-per-satu",
    ),
    # --- codes and names with digits ---------------------------------------------------------
    P("Para pemimpin G20 bertemu di Bali.", "id", None, [Absent("G20")], id="neg-code-g20"),
    P(
        "Kasus Covid-19 kembali meningkat di Jakarta.",
        "id",
        None,
        [Absent("Covid-19")],
        id="neg-code-covid-19",
    ),
    P(
        "Ukraina menerima jet tempur F-16 dari Belanda.",
        "id",
        None,
        [Absent("F-16")],
        id="neg-code-f-16",
    ),
    # --- vague amounts, kedua, ranks, names ---------------------------------------------------
    P(
        "Puluhan rumah rusak dan ratusan warga mengungsi.",
        "id",
        None,
        [Absent("Puluhan"), Absent("ratusan")],
        id="neg-vague-puluhan-ratusan",
    ),
    P(
        "Hubungan kedua negara semakin erat.",
        "id",
        None,
        [Absent("kedua")],
        id="neg-kedua-both",
    ),
    P(
        "Ini adalah kunjungan pertama presiden ke Papua.",
        "id",
        None,
        [Absent("pertama")],
        id="neg-rank-after-noun",
    ),
    P(
        "Ia lahir tak lama setelah Perang Dunia Kedua berakhir.",
        "id",
        None,
        [Absent("Kedua")],
        id="neg-ordinal-in-name",
    ),
]


def _describe(text: str, found) -> str:
    return "; ".join(f"{text[f.start : f.end]!r}={f.value}/{f.unit}/{f.kind}" for f in found) or "nothing"


@pytest.mark.parametrize(("text", "lang", "skip", "expected"), [*POSITIVE, *NEGATIVE])
def test_numbers(text, lang, skip, expected):
    found = find_numbers(text, lang=lang, skip=skip)
    got = _describe(text, found)
    for item in expected:
        if isinstance(item, Absent):
            start, end = span_of(text, item)
            overlapping = [f for f in found if f.start < end and start < f.end]
            assert not overlapping, f"{item!r} is not a quantity, but found: {_describe(text, overlapping)}"
            continue
        assert item.mention in text, f"bad row: {item.mention!r} is not in the text"
        assert any(
            text[f.start : f.end] == item.mention
            and f.value == pytest.approx(item.value)
            and f.unit == item.unit
            and f.kind == item.kind
            for f in found
        ), f"expected {item.mention!r}={item.value}/{item.unit}/{item.kind}; got {got}"


@pytest.mark.parametrize(("text", "lang", "skip", "expected"), [*POSITIVE, *NEGATIVE])
def test_number_spans(text, lang, skip, expected):
    """Every reported span is a non-empty stretch of the text, outside the skipped spans."""
    for f in find_numbers(text, lang=lang, skip=skip):
        assert 0 <= f.start < f.end <= len(text), f
        assert text[f.start : f.end].strip() == text[f.start : f.end], f
        for a, b in skip or []:
            assert f.end <= a or b <= f.start, (f, (a, b))
