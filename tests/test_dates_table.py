"""Table test for :func:`kabar.lang.date_mentions.find_date_mentions`.

Each row is a sentence as it would appear in Indonesian (or English-language Indonesian)
news, the article's reference time (its publication time) and what a careful reader would
resolve the date expressions in it to. The expectations were written from the language, not
from the code's output:

* a fully stated date ("Rabu, 19 Juni 2024", "19/6/2024") is that day; with a time and a
  zone it is a minute value with the zone's offset (WIB +07:00, WITA +08:00, WIT +09:00);
* a day or month without a year is the one nearest the reference in the direction the
  sentence points to: the past by default in news ("pada Maret" in June is this March, "(28/12)"
  in January is last December), the future with "akan", "mendatang" or "depan";
* a bare weekday is the latest such day up to the reference ("pada Selasa" in a Wednesday
  article is yesterday), the next one with "depan" / "mendatang" / "akan";
* relative words and counts shift the reference ("kemarin" = reference day - 1, "3 jam yang
  lalu" = reference time - 3 h). The API has no week precision: following
  ``data/relative_dates.tsv``, a week shift ("pekan lalu") is the reference day moved by seven
  days, at day precision, and an hour shift is a minute-stamped value at "hour" precision;
* durations ("dalam 24 tahun", "selama dua pekan"), counts ("2000 orang"), codes ("G20",
  "Covid-19"), prices and lower-case "minggu" (a week) are not dates, and without a reference
  relative expressions are not resolved at all.

The main reference is Wednesday 19 June 2024, 07:57 WIB; a few rows use other references (a
January reference to test the year before, a Saturday, a plain ``date``, and ``None``).

Row format: ``(text, reference, expected)`` where ``expected`` lists
``(mention, value, precision)`` items — some FoundDate must have that value and precision and a
span ``text[start:end]`` containing ``mention`` (or equal to it when the mention is wrapped in
:class:`Exact`) — and :class:`Absent` items, phrases no FoundDate may overlap (negative rows
consist of Absent items only).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from kabar.lang.date_mentions import find_date_mentions

WIB = timezone(timedelta(hours=7))
REF = datetime(2024, 6, 19, 7, 57, tzinfo=WIB)  # Wednesday 19 June 2024, 07:57 WIB
REF_JAN = date(2025, 1, 5)  # a Sunday in January: "Desember" / "(28/12)" are last year's
REF_JAN_TIME = datetime(2024, 1, 2, 9, 0, tzinfo=WIB)  # Tuesday 2 January 2024
REF_SAT = datetime(2024, 6, 22, 8, 0, tzinfo=WIB)  # Saturday 22 June 2024
REF_2025 = date(2025, 6, 10)  # a Tuesday, a date without a time


class Exact(str):
    """A mention that must equal the reported span exactly (not only be contained in it)."""


class Absent(str):
    """A phrase that no reported date may overlap."""


P = pytest.param

POSITIVE = [
    # --- patterns found reviewing real articles (rows written here, not copied) ----------
    P(
        "Minggu lalu, harga cabai naik dua kali lipat.",
        REF,
        [("Minggu lalu", "2024-06-12", "day")],
        id="review-minggu-lalu-opening-is-last-week",
    ),
    P(
        "Pasar ramai pada Minggu lalu.",
        REF,
        [("Minggu lalu", "2024-06-16", "day")],
        id="review-pada-minggu-lalu-is-sunday",
    ),
    P(
        "Kejuaraan bulu tangkis itu digelar 15-20 Juli 2024 di Jakarta.",
        REF,
        [(Exact("15"), "2024-07-15", "day"), ("20 Juli 2024", "2024-07-20", "day")],
        id="review-day-range-first-day",
    ),
    P(
        "Klub itu juara pada musim kompetisi 2022-2023.",
        REF,
        [(Exact("2023"), "2023", "year")],
        id="review-year-range-second-year",
    ),
    P(
        "Konser dimulai 23 Juni 2024 pukul 18:00 KST di Seoul.",
        REF,
        [("23 Juni 2024 pukul 18:00 KST", "2024-06-23T18:00+09:00", "minute")],
        id="review-kst-zone",
    ),
    P(
        "Kamis malam, 13 Juni 2024, polisi mendatangi rumah itu.",
        REF,
        [("Kamis malam, 13 Juni 2024", "2024-06-13", "day")],
        id="review-weekday-part-of-day-before-full-date",
    ),
    P(
        "Kecelakaan terjadi Senin (17/6/2024) sekitar pukul 12.00 WIB di jalan tol.",
        REF,
        [("pukul 12.00 WIB", "2024-06-17T12:00+07:00", "minute")],
        id="review-clock-time-on-the-stated-day",
    ),
    P(
        "Tahun kemarin panen gagal karena kemarau.",
        REF,
        [("Tahun kemarin", "2023", "year")],
        id="review-tahun-kemarin",
    ),
    # --- full dates, stated in the text -------------------------------------------------
    P(
        "Jakarta, Rabu, 19 Juni 2024 — Presiden meresmikan jalan tol baru.",
        REF,
        [("Rabu, 19 Juni 2024", "2024-06-19", "day")],
        id="full-weekday-day-month-year",
    ),
    P(
        "Diperbarui 19 Juni 2024, 07:57 WIB",
        REF,
        [(Exact("19 Juni 2024, 07:57 WIB"), "2024-06-19T07:57+07:00", "minute")],
        id="full-with-time-wib",
    ),
    P(
        "Presiden Joko Widodo meninjau lokasi banjir, Rabu (19/6/2024).",
        REF,
        [("Rabu (19/6/2024)", "2024-06-19", "day")],
        id="weekday-numeric-full-in-brackets",
    ),
    P(
        "Surat itu bertanggal 19/6/2024 dan ditandatangani menteri.",
        REF,
        [(Exact("19/6/2024"), "2024-06-19", "day")],
        id="numeric-full",
    ),
    P(
        "Berdasarkan data per 17-06-2024, stok beras aman.",
        REF,
        [(Exact("17-06-2024"), "2024-06-17", "day")],
        id="numeric-full-dashes",
    ),
    P(
        "Gempa terjadi pada Kamis, 20 Juni 2024 pukul 10.15 WITA.",
        REF,
        [("20 Juni 2024 pukul 10.15 WITA", "2024-06-20T10:15+08:00", "minute")],
        id="full-with-pukul-wita",
    ),
    P(
        "Kebakaran terjadi 18 Juni 2024 pukul 23.30 WIB di Tambora.",
        REF,
        [("18 Juni 2024 pukul 23.30 WIB", "2024-06-18T23:30+07:00", "minute")],
        id="full-late-evening-wib",
    ),
    P(
        "Tiket konser dijual mulai 20 Jun 2024.",
        REF,
        [("20 Jun 2024", "2024-06-20", "day")],
        id="full-abbreviated-month",
    ),
    P(
        "Pesawat itu mendarat di Jayapura pukul 09.00 WIT.",
        REF,
        [(Exact("pukul 09.00 WIT"), "2024-06-19T09:00+09:00", "minute")],
        id="time-alone-wit",
    ),
    P(
        "Rapat dimulai Rabu (19/6) pukul 10.00 WIB.",
        REF,
        [("Rabu (19/6) pukul 10.00 WIB", "2024-06-19T10:00+07:00", "minute")],
        id="weekday-dm-with-time",
    ),
    P(
        "Sidang dilanjutkan Kamis (20/6) pukul 09.30 WIB.",
        REF,
        [("Kamis (20/6) pukul 09.30 WIB", "2024-06-20T09:30+07:00", "minute")],
        id="weekday-dm-next-day-time",
    ),
    # --- a day without its year ---------------------------------------------------------
    P(
        "Polisi menangkap tersangka pada Rabu pagi (19/6) di Bekasi.",
        REF,
        [("Rabu pagi (19/6)", "2024-06-19", "day")],
        id="weekday-part-of-day-dm",
    ),
    P(
        "Rapat digelar di Gedung DPR, Jakarta, Selasa (18/6).",
        REF,
        [("Selasa (18/6)", "2024-06-18", "day")],
        id="weekday-dm-yesterday",
    ),
    P(
        "Harga emas turun pada perdagangan (18/6).",
        REF,
        [(Exact("(18/6)"), "2024-06-18", "day")],
        id="dm-alone",
    ),
    P(
        "Kebijakan itu diumumkan Senin (3/6).",
        REF,
        [("Senin (3/6)", "2024-06-03", "day")],
        id="weekday-dm-earlier-in-month",
    ),
    P(
        "Warga memadati Car Free Day, Minggu (16/6).",
        REF,
        [("Minggu (16/6)", "2024-06-16", "day")],
        id="minggu-capital-dm",
    ),
    P(
        "Kecelakaan itu terjadi Senin (17/6) lalu.",
        REF,
        [("Senin (17/6)", "2024-06-17", "day")],
        id="weekday-dm-lalu",
    ),
    P(
        "Kejadian itu berlangsung pada 9 Juni di Surabaya.",
        REF,
        [(Exact("9 Juni"), "2024-06-09", "day")],
        id="day-month-past",
    ),
    P(
        "Aturan baru itu berlaku pada 1 Juli.",
        REF,
        [(Exact("1 Juli"), "2024-07-01", "day")],
        id="day-month-next-month",
    ),
    P(
        "Upacara HUT RI ke-79 akan digelar di IKN pada 17 Agustus mendatang.",
        REF,
        [("17 Agustus", "2024-08-17", "day")],
        id="day-month-future-mendatang",
    ),
    P(
        "The rally was held on June 9 in Central Jakarta.",
        REF,
        [("June 9", "2024-06-09", "day")],
        id="en-month-day-no-year",
    ),
    # --- months ----------------------------------------------------------------------------
    P(
        "Inflasi pada September 2023 tercatat 2,28 persen.",
        REF,
        [(Exact("September 2023"), "2023-09", "month")],
        id="month-year",
    ),
    P(
        "Harga beras terus naik sejak Februari 2022.",
        REF,
        [(Exact("Februari 2022"), "2022-02", "month")],
        id="month-year-sejak",
    ),
    P(
        "Pembangunan proyek ini dimulai Oktober 2021.",
        REF,
        [("Oktober 2021", "2021-10", "month")],
        id="month-year-oktober",
    ),
    P(
        "Pemerintah mulai menyalurkan bantuan pada Maret.",
        REF,
        [("Maret", "2024-03", "month")],
        id="pada-month-past",
    ),
    P("Sejak Januari, harga cabai terus naik.", REF, [("Januari", "2024-01", "month")], id="sejak-month"),
    P("Ia dilantik sebagai gubernur pada Mei.", REF, [("Mei", "2024-05", "month")], id="pada-mei"),
    P(
        "Banjir melanda kawasan itu pada akhir Desember lalu.",
        REF,
        [("Desember", "2023-12", "month")],
        id="akhir-desember-last-year",
    ),
    P(
        "Pilkada serentak akan digelar pada November.",
        REF,
        [("November", "2024-11", "month")],
        id="akan-pada-month-future",
    ),
    P(
        "Tol itu ditargetkan beroperasi pada Juli mendatang.",
        REF,
        [("Juli", "2024-07", "month")],
        id="pada-month-mendatang",
    ),
    P(
        "Inflation eased in September 2023, the statistics agency said.",
        REF,
        [("September 2023", "2023-09", "month")],
        id="en-in-month-year",
    ),
    # --- years -----------------------------------------------------------------------------
    P("Kebijakan itu diterapkan pada tahun 2022.", REF, [("2022", "2022", "year")], id="pada-tahun-year"),
    P("Ia menjabat sebagai bupati sejak tahun 2018.", REF, [("2018", "2018", "year")], id="tahun-year"),
    P("Perusahaan itu beroperasi sejak 2015.", REF, [("2015", "2015", "year")], id="sejak-year"),
    P(
        "Kesepakatan militer 2018 itu kini dikaji ulang.",
        REF,
        [(Exact("2018"), "2018", "year")],
        id="noun-year",
    ),
    P(
        "Pada 1998, krisis moneter melanda Indonesia.",
        REF,
        [(Exact("1998"), "1998", "year")],
        id="year-comma",
    ),
    P("Hasil Pemilu 2024 diumumkan KPU.", REF, [(Exact("2024"), "2024", "year")], id="pemilu-year"),
    P("The company was founded in 2019.", REF, [(Exact("2019"), "2019", "year")], id="en-in-year"),
    # --- weekdays --------------------------------------------------------------------------
    P(
        "Menteri itu tiba di Jakarta pada Selasa.",
        REF,
        [("Selasa", "2024-06-18", "day")],
        id="pada-weekday-past",
    ),
    P("Rapat itu digelar Senin lalu.", REF, [("Senin", "2024-06-17", "day")], id="weekday-lalu"),
    P(
        "Pertandingan itu berlangsung Jumat lalu di Bandung.",
        REF,
        [("Jumat", "2024-06-14", "day")],
        id="jumat-lalu",
    ),
    P(
        "Presiden akan berkunjung ke Papua pada Kamis.",
        REF,
        [("Kamis", "2024-06-20", "day")],
        id="akan-pada-weekday",
    ),
    P("Hasil seleksi diumumkan Senin depan.", REF, [("Senin", "2024-06-24", "day")], id="weekday-depan"),
    P(
        "Pelantikan dijadwalkan Jumat depan.",
        REF_SAT,
        [("Jumat", "2024-06-28", "day")],
        id="jumat-depan-from-saturday",
    ),
    P("Pendaftaran ditutup Jumat mendatang.", REF, [("Jumat", "2024-06-21", "day")], id="weekday-mendatang"),
    P(
        "Pertandingan itu berlangsung Sabtu malam.",
        REF,
        [("Sabtu", "2024-06-15", "day")],
        id="weekday-part-of-day-past",
    ),
    P(
        "Polisi menggelar rekonstruksi pada Rabu pagi.",
        REF,
        [("Rabu", "2024-06-19", "day")],
        id="weekday-same-day",
    ),
    P(
        "The minister said on Monday that fuel prices would not rise.",
        REF,
        [("Monday", "2024-06-17", "day")],
        id="en-on-weekday",
    ),
    # --- relative words --------------------------------------------------------------------
    P("Gempa berkekuatan 5,1 terjadi kemarin.", REF, [(Exact("kemarin"), "2024-06-18", "day")], id="kemarin"),
    P(
        "Kemarin lusa, warga melapor ke polisi.",
        REF,
        [(Exact("Kemarin lusa"), "2024-06-17", "day")],
        id="kemarin-lusa",
    ),
    P(
        "Harga emas Antam hari ini naik Rp 5.000.",
        REF,
        [(Exact("hari ini"), "2024-06-19", "day")],
        id="hari-ini",
    ),
    P("Sidang akan dilanjutkan besok.", REF, [(Exact("besok"), "2024-06-20", "day")], id="besok"),
    P("Hasilnya akan diumumkan lusa.", REF, [(Exact("lusa"), "2024-06-21", "day")], id="lusa"),
    P(
        "Hujan deras mengguyur Jakarta tadi malam.",
        REF,
        [(Exact("tadi malam"), "2024-06-18", "day")],
        id="tadi-malam",
    ),
    P(
        "Harga BBM nonsubsidi naik pekan lalu.",
        REF,
        [(Exact("pekan lalu"), "2024-06-12", "day")],
        id="pekan-lalu",
    ),
    P(
        "Ia ditangkap minggu lalu di Medan.",
        REF,
        [(Exact("minggu lalu"), "2024-06-12", "day")],
        id="minggu-lalu-lowercase",
    ),
    P(
        "Putusan itu dibacakan pekan depan.",
        REF,
        [(Exact("pekan depan"), "2024-06-26", "day")],
        id="pekan-depan",
    ),
    P("Penjualan mobil turun bulan lalu.", REF, [(Exact("bulan lalu"), "2024-05", "month")], id="bulan-lalu"),
    P("Tarif baru berlaku bulan depan.", REF, [(Exact("bulan depan"), "2024-07", "month")], id="bulan-depan"),
    P(
        "Ekonomi tumbuh 5,05 persen tahun lalu.",
        REF,
        [(Exact("tahun lalu"), "2023", "year")],
        id="tahun-lalu",
    ),
    P(
        "Pemerintah akan menaikkan tarif cukai tahun depan.",
        REF,
        [(Exact("tahun depan"), "2025", "year")],
        id="tahun-depan",
    ),
    P("Target itu harus tercapai tahun ini.", REF, [(Exact("tahun ini"), "2024", "year")], id="tahun-ini"),
    P(
        "Prices of chili rose yesterday in several markets.",
        REF,
        [(Exact("yesterday"), "2024-06-18", "day")],
        id="en-yesterday",
    ),
    P(
        "The central bank held its rate last week.",
        REF,
        [(Exact("last week"), "2024-06-12", "day")],
        id="en-last-week",
    ),
    # --- counts ------------------------------------------------------------------------------
    P(
        "Unggahan itu dibagikan 3 jam yang lalu.",
        REF,
        [(Exact("3 jam yang lalu"), "2024-06-19T04:57+07:00", "hour")],
        id="count-hours-ago",
    ),
    P(
        "Pelaku kabur 10 menit yang lalu.",
        REF,
        [(Exact("10 menit yang lalu"), "2024-06-19T07:47+07:00", "minute")],
        id="count-minutes-ago",
    ),
    P(
        "Korban ditemukan dua hari lalu.",
        REF,
        [(Exact("dua hari lalu"), "2024-06-17", "day")],
        id="count-word-days-ago",
    ),
    P(
        "Ia hilang sejak tiga pekan lalu.",
        REF,
        [(Exact("tiga pekan lalu"), "2024-05-29", "day")],
        id="count-weeks-ago",
    ),
    P(
        "Kasus itu dilaporkan dua bulan lalu.",
        REF,
        [(Exact("dua bulan lalu"), "2024-04", "month")],
        id="count-months-ago",
    ),
    P(
        "Tragedi itu terjadi 5 tahun silam.",
        REF,
        [(Exact("5 tahun silam"), "2019", "year")],
        id="count-years-silam",
    ),
    P(
        "Hasil rekapitulasi diumumkan dua hari lagi.",
        REF,
        [(Exact("dua hari lagi"), "2024-06-21", "day")],
        id="count-days-ahead",
    ),
    P(
        "The body was found two days ago.",
        REF,
        [(Exact("two days ago"), "2024-06-17", "day")],
        id="en-two-days-ago",
    ),
    P(
        "The video was posted three hours ago.",
        REF,
        [(Exact("three hours ago"), "2024-06-19T04:57+07:00", "hour")],
        id="en-hours-ago",
    ),
    # --- English full dates ----------------------------------------------------------------
    P(
        "The ministry announced the plan on Wednesday, June 19, 2024.",
        REF,
        [("June 19, 2024", "2024-06-19", "day")],
        id="en-weekday-month-day-year",
    ),
    P(
        "Bank Indonesia released the data on June 19, 2024.",
        REF,
        [("June 19, 2024", "2024-06-19", "day")],
        id="en-month-day-year",
    ),
    # --- other references ------------------------------------------------------------------
    P(
        "Harga cabai melonjak sejak akhir Desember.",
        REF_JAN,
        [("Desember", "2024-12", "month")],
        id="jan-ref-akhir-desember",
    ),
    P(
        "Penjualan ritel naik pada Desember.",
        REF_JAN,
        [("Desember", "2024-12", "month")],
        id="jan-ref-pada-desember",
    ),
    P(
        "Kecelakaan terjadi di Tol Cipali, Sabtu (28/12).",
        REF_JAN,
        [("Sabtu (28/12)", "2024-12-28", "day")],
        id="jan-ref-weekday-dm",
    ),
    P(
        "Harga emas ditutup melemah (30/12).",
        REF_JAN,
        [(Exact("(30/12)"), "2024-12-30", "day")],
        id="jan-ref-dm",
    ),
    P(
        "Pasar saham dibuka kembali pada 2 Januari.",
        REF_JAN,
        [("2 Januari", "2025-01-02", "day")],
        id="jan-ref-day-month-this-year",
    ),
    P(
        "Pesta kembang api digelar pada 31 Desember.",
        REF_JAN_TIME,
        [("31 Desember", "2023-12-31", "day")],
        id="jan-ref-day-month-last-year",
    ),
    P(
        "Rapat itu digelar kemarin.",
        REF_2025,
        [(Exact("kemarin"), "2025-06-09", "day")],
        id="date-ref-kemarin",
    ),
    P(
        "Rapat paripurna digelar Senin (9/6).",
        REF_2025,
        [("Senin (9/6)", "2025-06-09", "day")],
        id="date-ref-weekday-dm",
    ),
    P("Menteri itu tiba pada Jumat.", REF_2025, [("Jumat", "2025-06-06", "day")], id="date-ref-pada-jumat"),
    P(
        "Ekspor naik 10 persen tahun lalu.",
        REF_2025,
        [(Exact("tahun lalu"), "2024", "year")],
        id="date-ref-tahun-lalu",
    ),
    P(
        "Konferensi pers digelar pukul 14.00 WIB.",
        REF_2025,
        [(Exact("pukul 14.00 WIB"), "2025-06-10T14:00+07:00", "minute")],
        id="date-ref-time-alone",
    ),
    # --- no reference: only what the text states in full -----------------------------------
    P(
        "Jakarta, Rabu, 19 Juni 2024 — Presiden meresmikan jalan tol.",
        None,
        [("19 Juni 2024", "2024-06-19", "day")],
        id="no-ref-full-date",
    ),
    P(
        "Inflasi pada September 2023 tercatat 2,28 persen.",
        None,
        [(Exact("September 2023"), "2023-09", "month")],
        id="no-ref-month-year",
    ),
    # 19 June fell on a Wednesday in 2019, 2024 and (next) 2030: until then, 2024.
    P(
        "Rapat digelar Rabu (19/6) di Jakarta.",
        None,
        [("Rabu (19/6)", "2024-06-19", "day")],
        id="no-ref-weekday-fixes-year",
    ),
    # --- mixed: a date next to something that is not one ------------------------------------
    P(
        "Pria berusia 24 tahun itu ditangkap kemarin.",
        REF,
        [(Exact("kemarin"), "2024-06-18", "day"), Absent("24 tahun")],
        id="mixed-age-and-kemarin",
    ),
    P(
        "Sebanyak 2.000 orang mengungsi sejak Senin (17/6).",
        REF,
        [("Senin (17/6)", "2024-06-17", "day"), Absent("2.000 orang")],
        id="mixed-count-and-date",
    ),
]

NEGATIVE = [
    P(
        "Pasar murah digelar setiap hari Senin di balai desa.",
        REF,
        [Absent("Senin")],
        id="neg-review-every-monday",
    ),
    P(
        "Izin itu berlaku selama 30 hari ke depan.",
        REF,
        [Absent("30 hari ke depan")],
        id="neg-review-duration-ke-depan",
    ),
    P(
        "Ia sudah berjualan sekitar 22 tahun ini.",
        REF,
        [Absent("tahun ini")],
        id="neg-review-counted-tahun-ini",
    ),
    P(
        "Beberapa tahun lalu desa itu terendam banjir.",
        REF,
        [Absent("tahun lalu")],
        id="neg-review-beberapa-tahun-lalu",
    ),
    P("Inflasi itu tertinggi dalam 24 tahun.", REF, [Absent("dalam 24 tahun")], id="neg-dalam-24-tahun"),
    P(
        "Ia dirawat selama dua pekan di rumah sakit.",
        REF,
        [Absent("selama dua pekan")],
        id="neg-selama-dua-pekan",
    ),
    P("Korban berusia 24 tahun.", REF, [Absent("24 tahun")], id="neg-age-24-tahun"),
    P("Ia divonis 5 tahun penjara.", REF, [Absent("5 tahun")], id="neg-sentence-5-tahun"),
    P(
        "Kontrak itu berlaku selama tiga bulan.",
        REF,
        [Absent("selama tiga bulan")],
        id="neg-selama-tiga-bulan",
    ),
    P("Perjalanan ke Bandung memakan waktu tiga jam.", REF, [Absent("tiga jam")], id="neg-tiga-jam"),
    P("Pasien itu harus dirawat dua minggu.", REF, [Absent("dua minggu")], id="neg-dua-minggu-lowercase"),
    P("Petugas datang seminggu sekali.", REF, [Absent("seminggu sekali")], id="neg-seminggu-sekali"),
    P("Sebanyak 2000 orang mengungsi akibat banjir.", REF, [Absent("2000 orang")], id="neg-2000-orang"),
    P("Sebanyak 2.000 orang mengungsi akibat banjir.", REF, [Absent("2.000 orang")], id="neg-2.000-orang"),
    P(
        "Dinas Kesehatan mencatat sebanyak 1998 kasus demam berdarah.",
        REF,
        [Absent("1998 kasus")],
        id="neg-1998-kasus",
    ),
    P("Pabrik itu memproduksi 2020 unit mobil per bulan.", REF, [Absent("2020 unit")], id="neg-2020-unit"),
    P("Apple meluncurkan iPhone 15 di Jakarta.", REF, [Absent("iPhone 15")], id="neg-iphone-15"),
    P("Pandemi Covid-19 memukul sektor pariwisata.", REF, [Absent("Covid-19")], id="neg-covid-19"),
    P("Indonesia memimpin KTT G20 di Bali.", REF, [Absent("G20")], id="neg-g20"),
    P("Biaya tambahan Rp 2.024 per transaksi dihapus.", REF, [Absent("Rp 2.024")], id="neg-price-rp-2.024"),
    P("Sejak awal 2000-an, industri itu terus tumbuh.", REF, [Absent("2000-an")], id="neg-decade-2000-an"),
    P("Gempa terjadi kemarin.", None, [Absent("kemarin")], id="neg-no-ref-kemarin"),
    P("Menteri itu tiba pada Selasa.", None, [Absent("Selasa")], id="neg-no-ref-weekday"),
    P("Harga BBM naik pekan lalu.", None, [Absent("pekan lalu")], id="neg-no-ref-pekan-lalu"),
    P("Unggahan itu dibagikan 3 jam yang lalu.", None, [Absent("3 jam yang lalu")], id="neg-no-ref-count"),
    P("Rapat dimulai pukul 10.00 WIB.", None, [Absent("pukul 10.00 WIB")], id="neg-no-ref-time-alone"),
]


def _describe(text: str, found) -> str:
    return "; ".join(f"{text[f.start : f.end]!r}={f.value}/{f.precision}" for f in found) or "nothing"


@pytest.mark.parametrize(("text", "reference", "expected"), [*POSITIVE, *NEGATIVE])
def test_date_mentions(text, reference, expected):
    found = find_date_mentions(text, reference)
    got = _describe(text, found)
    for item in expected:
        if isinstance(item, Absent):
            start = text.find(item)
            assert start >= 0, f"bad row: {item!r} is not in the text"
            end = start + len(item)
            overlapping = [f for f in found if f.start < end and start < f.end]
            assert not overlapping, f"{item!r} is not a date, but found: {_describe(text, overlapping)}"
            continue
        mention, value, precision = item
        assert mention in text, f"bad row: {mention!r} is not in the text"

        def matches(f, mention=mention) -> bool:
            span = text[f.start : f.end]
            return span == mention if isinstance(mention, Exact) else mention in span

        assert any(matches(f) and f.value == value and f.precision == precision for f in found), (
            f"expected {mention!r} = {value}/{precision}; got {got}"
        )
