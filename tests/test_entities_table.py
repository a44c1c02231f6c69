"""Table test for named entities (:mod:`kabar.lang.entities`, through
:func:`kabar.lang.entities.alias_table` and :func:`kabar.lang.annotate.annotate`).

Each row is an invented news sentence or short article and the entities a careful reader
finds in it. The expectations were written from the language and from the rules stated in the
header of ``data/entities.tsv`` and the docstring of :mod:`kabar.lang.entities`, not from the
code's output:

* every surface form of a name resolves to the canonical name of its line in ``entities.tsv``:
  the Indonesian form where one exists ("Korut" / "North Korea" → "Korea Utara", "Moscow" /
  "Moskow" → "Moskwa", "United States" / "AS" → "Amerika Serikat", "RI" → "Indonesia"); for an
  organisation known by its abbreviation the abbreviation when that is what Indonesian news
  writes more often ("UN" / "Perserikatan Bangsa-Bangsa" → "PBB", "Komisi Pemberantasan
  Korupsi" → "KPK", "Dewan Perwakilan Rakyat" → "DPR"), otherwise the full name ("Polri" →
  "Kepolisian Negara Republik Indonesia"); transliteration and hyphenation variants of a person
  are one person ("Sergey Lavrov" → "Sergei Lavrov", "Kim Jong-un" → "Kim Jong Un");
* types follow the file: PER a person; ORG an organisation, party, government body or armed
  force; GPE a place with a government, both countries and cities ("Rusia", "Jakarta",
  "Moskwa"); LOC a place without one (a sea); MEDIA a news outlet or agency ("KCNA",
  "Reuters", "AFP"); EVENT a named event or holiday;
* within one article a short form of a person's name written after the full name is the same
  person ("Vladimir Putin … Putin", "Kim Jong Un … Kim", and likewise for a person the table
  does not know, "Budi Santoso … Budi"): one entity with both mentions, and no separate
  entity named by the short form;
* the role phrase written before a person ("Presiden Rusia", "Menteri Luar Negeri AS", "juru
  bicara Gedung Putih") is kept in the person's ``roles``; it is not part of the name, nor of
  any mention of that person;
* a facility is named by its head word and the name after it ("Bandara Internasional Sultan
  Hasanuddin", "Istana Kumsusan"): one place (LOC), not the person or city inside it;
* weekday and month names ("Rabu", "Juni") and common words that are capitalised only because
  they open a sentence ("Sementara itu", "Namun", "Selain itu") are not entities.

Row format: ``(paragraphs, expected)`` where ``expected`` lists :class:`Ent` items — some
entity must have that canonical name (and type, when given), every listed mention among its
``mentions`` and, for each listed role, a role containing it (compared case-insensitively) —
:class:`NoEntity` items (no entity may have that name) and :class:`Absent` items (a phrase of
the text that no entity span may overlap). A separate table checks ``alias_table()`` lookups
directly, and a second test checks on every row that each Mention's offsets give its text.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from kabar.lang.annotate import annotate
from kabar.lang.entities import alias_table
from kabar.model import Article

PUBLISHED = "2024-06-19T07:57:00+07:00"  # Wednesday 19 June 2024, 07:57 WIB


@dataclass(frozen=True)
class Ent:
    """An entity the reader finds: canonical name, type, mentions and role phrases."""

    name: str
    type: str | None = None
    mentions: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()


class NoEntity(str):
    """A name no entity may have (a short form that must have been merged)."""


class Absent(str):
    """A phrase of the text that no entity span may overlap."""


P = pytest.param

# ---------------------------------------------------------------- the alias table itself

LOOKUPS = [
    P("Korut", "Korea Utara", "GPE", id="table-korut"),
    P("Korea Utara", "Korea Utara", "GPE", id="table-korea-utara"),
    P("North Korea", "Korea Utara", "GPE", id="table-north-korea"),
    P("AS", "Amerika Serikat", "GPE", id="table-as"),
    P("Amerika Serikat", "Amerika Serikat", "GPE", id="table-amerika-serikat"),
    P("United States", "Amerika Serikat", "GPE", id="table-united-states"),
    P("Korsel", "Korea Selatan", "GPE", id="table-korsel"),
    P("Korea Selatan", "Korea Selatan", "GPE", id="table-korea-selatan"),
    P("South Korea", "Korea Selatan", "GPE", id="table-south-korea"),
    P("RI", "Indonesia", "GPE", id="table-ri"),
    P("Indonesia", "Indonesia", "GPE", id="table-indonesia"),
    P("PBB", "PBB", "ORG", id="table-pbb"),
    P("UN", "PBB", "ORG", id="table-un"),
    P("Perserikatan Bangsa-Bangsa", "PBB", "ORG", id="table-perserikatan-bangsa-bangsa"),
    P("KPK", "KPK", "ORG", id="table-kpk"),
    P("Komisi Pemberantasan Korupsi", "KPK", "ORG", id="table-komisi-pemberantasan-korupsi"),
    P("DPR", "DPR", "ORG", id="table-dpr"),
    P("Dewan Perwakilan Rakyat", "DPR", "ORG", id="table-dewan-perwakilan-rakyat"),
    P("TNI", "TNI", "ORG", id="table-tni"),
    P("Tentara Nasional Indonesia", "TNI", "ORG", id="table-tentara-nasional-indonesia"),
    P("Polri", "Kepolisian Negara Republik Indonesia", "ORG", id="table-polri"),
    P("Moskwa", "Moskwa", "GPE", id="table-moskwa"),
    P("Moskow", "Moskwa", "GPE", id="table-moskow"),
    P("Moscow", "Moskwa", "GPE", id="table-moscow"),
    P("Sergei Lavrov", "Sergei Lavrov", "PER", id="table-sergei-lavrov"),
    P("Sergey Lavrov", "Sergei Lavrov", "PER", id="table-sergey-lavrov"),
    P("Kim Jong Un", "Kim Jong Un", "PER", id="table-kim-jong-un"),
    P("Kim Jong-Un", "Kim Jong Un", "PER", id="table-kim-jong-hyphen-upper"),
    P("Kim Jong-un", "Kim Jong Un", "PER", id="table-kim-jong-hyphen-lower"),
    P("KCNA", "KCNA", "MEDIA", id="table-kcna"),
    P("Reuters", "Reuters", "MEDIA", id="table-reuters"),
    P("AFP", "AFP", "MEDIA", id="table-afp"),
]


@pytest.mark.parametrize(("form", "canonical", "kind"), LOOKUPS)
def test_alias_table(form, canonical, kind):
    entry = alias_table().forms.get(form)
    assert entry is not None, f"{form!r} is not in the alias table"
    assert (entry.canonical, entry.type) == (canonical, kind)


@pytest.mark.parametrize(
    "form",
    [
        P("korut", id="table-case-sensitive-korut"),
        P("Rabu", id="table-no-weekday"),
        P("Juni", id="table-no-month"),
        P("Lavrov", id="table-no-family-name-alias"),
    ],
)
def test_alias_table_absent(form):
    """Matching is case-sensitive; dates and single family names are not table forms."""
    assert form not in alias_table().forms


# ---------------------------------------------------------------- entities in running text

ROWS = [
    # --- patterns found reviewing real articles (rows written here, not copied) ----------
    P(
        [
            "Badan Kepegawaian Negara (BKN) membuka seleksi pekan depan.",
            "Menurut BKN, pelamar harus mengunggah berkas sebelum akhir bulan.",
        ],
        [Ent("Badan Kepegawaian Negara", "ORG", ("Badan Kepegawaian Negara", "BKN")), NoEntity("BKN")],
        id="review-abbreviation-in-brackets-is-the-name",
    ),
    P(
        ["Petugas menangkap 12 WNA yang tidak membawa KTP, lalu harga BBM naik lagi."],
        [NoEntity("WNA"), NoEntity("KTP"), NoEntity("BBM")],
        id="review-common-acronyms-name-no-one",
    ),
    P(
        ["Setiap KPM penerima BLT dan PKH wajib memiliki NIK.", "Pelaku Curanmor itu juga terlibat Curas."],
        [NoEntity(w) for w in ("KPM", "BLT", "PKH", "NIK", "Curanmor", "Curas")],
        id="review-programme-and-crime-acronyms-name-no-one",
    ),
    P(
        ["Tim nasional bertanding di Osaka pada Selasa malam."],
        [Ent("Osaka", "GPE")],
        id="review-after-di-is-a-place",
    ),
    P(
        ["Pelatih Patrick\xa0Kluivert memimpin latihan. Patrick Kluivert puas dengan hasilnya."],
        [Ent("Patrick Kluivert", "PER")],
        id="review-no-break-space-same-person",
    ),
    P(
        ["Hal itu disampaikan kepada Serambinews.com dan dikutip dari Tribun Medan, Senin."],
        [Ent("Serambinews.com", "MEDIA"), Ent("Tribun Medan", "MEDIA")],
        id="review-regional-media",
    ),
    P(
        ["Sejak awal Jürgen Müller memihak timnya.", "Müller lalu pulang."],
        [Ent("Jürgen Müller", "PER", ("Jürgen Müller", "Müller")), NoEntity("Müller")],
        id="review-accented-name",
    ),
    P(
        ["Ia lulus dari Punahou School, lalu kuliah di Columbia University.", "Laga di MetLife Stadium."],
        [Ent("Punahou School", "ORG"), Ent("Columbia University", "ORG"), Ent("MetLife Stadium", "LOC")],
        id="review-last-word-gives-the-type",
    ),
    P(
        ["Hakim anggota Fitra Renaldo bertanya kepada saksi. Fitra lalu mencatat jawabannya."],
        [Ent("Fitra Renaldo", "PER", ("Fitra Renaldo", "Fitra"), ("anggota",)), NoEntity("Fitra")],
        id="review-name-after-a-role-is-a-person",
    ),
    P(
        ["Direktur Utama PT Maju Sentosa, Budi Santoso, hadir di Kantor Pusat."],
        [Ent("Budi Santoso", "PER"), NoEntity("PT Maju Sentosa Budi Santoso")],
        id="review-company-after-a-role-stays-a-company",
    ),
    P(
        ["PT Sinar Pangan Nusantara Tbk mencatat laba. Komisaris PT Bumi Karya Tbk Andi Wijaya mundur."],
        [
            Ent("PT Sinar Pangan Nusantara Tbk", "ORG"),
            Ent("PT Bumi Karya Tbk", "ORG"),
            Ent("Andi Wijaya", "PER"),
            NoEntity("Tbk"),
        ],
        id="review-listed-company-is-one-name",
    ),
    P(
        ["Ia mengajar di Universitas Islam Negeri Sunan Kalijaga dan lulus dari Akademi Kepolisian."],
        [Ent("Universitas Islam Negeri Sunan Kalijaga", "ORG"), Ent("Akademi Kepolisian", "ORG")],
        id="review-a-school-is-one-organisation",
    ),
    P(
        ["Sidang digelar di Pengadilan Tipikor Jakarta. Kepolisian Republik Indonesia menjaga ketat."],
        [
            Ent("Pengadilan Tipikor Jakarta", "ORG"),
            Ent("Kepolisian Republik Indonesia", "ORG"),
            NoEntity("Jakarta"),
            NoEntity("Indonesia"),
        ],
        id="review-a-court-or-the-police-is-one-organisation",
    ),
    P(
        [
            "Hal itu disampaikan sang pelatih, dilansir dari Goal, Senin.",
            "Dikutip dari Crypto News, harga naik.",
        ],
        [Ent("Goal", "MEDIA"), Ent("Crypto News", "MEDIA")],
        id="review-a-name-after-dilansir-dari-is-a-medium",
    ),
    P(
        [
            "Kemenangan Timnas Portugal disambut meriah. Pemain PSIS Semarang berlatih.",
            "Gubernur Jawa Barat menonton bersama warga Bandung.",
        ],
        [
            Ent("Timnas Portugal", "ORG"),
            Ent("PSIS Semarang", "ORG"),
            Ent("Jawa Barat", "GPE"),
            Ent("Bandung", "GPE"),
            NoEntity("Gubernur Jawa Barat"),
            NoEntity("Portugal"),
            NoEntity("Semarang"),
        ],
        id="review-an-organisation-named-after-its-place",
    ),
    P(
        ["Penyerang Ramadhan Sananta mencetak gol.", "Sananta senang. Warga berpuasa selama Ramadhan."],
        [
            Ent("Ramadhan Sananta", "PER", ("Ramadhan Sananta", "Sananta")),
            NoEntity("Sananta"),
            Ent("Ramadan", "EVENT"),
        ],
        id="review-a-holiday-opens-a-persons-name",
    ),
    P(
        ["Warga memadati kota Lens sejak pagi.", "Dia menyelam di laut Salisbury kemarin."],
        [Ent("Lens", "GPE"), Ent("Salisbury", "GPE"), NoEntity("kota Lens"), NoEntity("laut Salisbury")],
        id="review-a-lower-case-word-before-a-name-is-not-part-of-it",
    ),
    P(
        ["Hal itu disampaikan Manajer Komunikasi PT Kereta Api Indonesia Dewi F Lestari di Jakarta."],
        [Ent("Dewi F Lestari", "PER")],
        id="review-an-initial-inside-a-person-after-a-role",
    ),
    P(
        ["Legenda Belanda Ruud Gullit memuji Spanyol. “Mereka bermain indah,” papar Gullit."],
        [Ent("Ruud Gullit", "PER", ("Ruud Gullit", "Gullit")), NoEntity("Gullit")],
        id="review-a-last-name-read-as-a-place-is-the-person",
    ),
    P(
        [
            "Kabid Humas Polda Jawa Tengah Kombes Pol Arif Wicaksono mengatakan kasus itu masih diselidiki.",
            "Hal itu disampaikan Kombes Pol Dedi Kurniawan kepada wartawan.",
        ],
        [
            Ent("Arif Wicaksono", "PER", roles=("Kombes Pol",)),
            Ent("Dedi Kurniawan", "PER"),
            NoEntity("Pol Dedi Kurniawan"),
            Absent("Humas"),
        ],
        id="review-a-police-rank-and-a-press-office-are-roles",
    ),
    P(
        ["Nasabah Bank Jateng dan Bank Sumut bisa bertransaksi di Semarang."],
        [
            Ent("Bank Jateng", "ORG"),
            Ent("Bank Sumut", "ORG"),
            NoEntity("Jawa Tengah"),
            NoEntity("Sumatera Utara"),
        ],
        id="review-a-bank-named-after-its-province-is-one-organisation",
    ),
    P(
        ["Antara lain warga Desa Sukamaju ikut membantu.", "Antara melaporkan harga beras naik."],
        [Ent("Antara", "MEDIA", ("Antara",)), Absent("Antara lain")],
        id="review-antara-lain-is-no-news-agency",
    ),
    P(
        ["Iran menghadapi tekanan dari Amerika Serikat dan mitra Baratnya atas program nuklirnya."],
        [Ent("Amerika Serikat", "GPE"), Absent("Baratnya")],
        id="review-a-compass-word-with-nya-is-no-name",
    ),
    P(
        ["Mensos yang karib disapa Gus Hasan itu meminta warga memeriksa rekening mereka."],
        [Ent("Gus Hasan", "PER"), Absent("Mensos")],
        id="review-a-role-alone-is-no-name",
    ),
    P(
        ["Ribuan suporter Elang Putih –julukan Timnas Polandia- tumpah ruah di area fan zone."],
        [Ent("Timnas Polandia", "ORG"), NoEntity("Timnas Polandia-"), NoEntity("Polandia")],
        id="review-a-national-team-is-one-organisation",
    ),
    P(
        [
            "Impor gula kristal mentah (GKM) naik tajam. Kuota GKM dibatasi.",
            "Data itu dirilis Badan Pusat Statistik (BPS) pekan lalu.",
        ],
        [NoEntity("GKM"), Ent("BPS", "ORG", ("Badan Pusat Statistik", "BPS"))],
        id="review-a-common-terms-acronym-names-no-one",
    ),
    P(
        ["Perda Kota Medan Nomor 5 Tahun 2024 disahkan.", "Tim Jerman (Barat) pernah juara."],
        [Ent("Kota Medan", "GPE"), NoEntity("Kota Medan Nomor"), NoEntity("Barat")],
        id="review-area-name-ends-before-nomor",
    ),
    P(
        [
            "Korban dibawa ke RSUP Dr. Kariadi, Semarang.",
            "Warga Jl. KH. Ahmad Dahlan mengeluhkan banjir.",
            "Kantor itu pindah ke Jl. Jend. Sudirman Kav. 52, Jakarta.",
            "Kecelakaan terjadi di Jalan Arif Rahman Hakim. Laga digelar di Stadion GOR Haji Agus Salim.",
        ],
        [
            Ent("RSUP Dr. Kariadi", "LOC"),
            Ent("Jl. KH. Ahmad Dahlan", "LOC"),
            Ent("Jl. Jend. Sudirman", "LOC"),
            NoEntity("RSUP Dr"),
            NoEntity("Ahmad Dahlan"),
            Ent("Jalan Arif Rahman Hakim", "LOC"),
            Ent("Stadion GOR Haji Agus Salim", "LOC"),
            NoEntity("Arif Rahman Hakim"),
            NoEntity("Agus Salim"),
            Absent("Kav"),
        ],
        id="review-a-place-named-after-a-person",
    ),
    P(
        ["Denmark satu grup dengan Jerman Barat pada 1988.", "Ia lahir di Dresden, Jerman Timur."],
        [Ent("Jerman Barat", "GPE"), Ent("Jerman Timur", "GPE"), NoEntity("Barat"), NoEntity("Timur")],
        id="review-a-former-country-named-with-a-compass-word",
    ),
    P(
        [
            "Petugas Penyelenggara Ibadah Haji (PPIH) menyiapkan bus. PPIH juga menyiapkan tenda.",
            "Masyarakat Transportasi Indonesia (MTI) mendukung Sistem Kesehatan Nasional (SKN).",
        ],
        [
            Ent("Petugas Penyelenggara Ibadah Haji", "ORG", ("Petugas Penyelenggara Ibadah Haji", "PPIH")),
            Ent("Masyarakat Transportasi Indonesia", "ORG", ("MTI",)),
            NoEntity("Indonesia"),
            NoEntity("Sistem Kesehatan Nasional"),
        ],
        id="review-an-organisation-spelled-out-before-its-initials",
    ),
    P(
        ["Wisatawan mengunjungi Air Terjun Sekumpul di Buleleng.", "Pelaku dibawa ke Mapolsek Kotapinang."],
        [
            Ent("Air Terjun Sekumpul", "LOC"),
            Ent("Buleleng", "GPE"),
            Ent("Mapolsek Kotapinang", "LOC"),
            NoEntity("Sekumpul"),
            NoEntity("Kotapinang"),
        ],
        id="review-a-waterfall-and-a-police-station-are-places",
    ),
    P(
        ["Pengusaha Rosario de Marshall alias Hercules diperiksa polisi.", "Hercules membantah tuduhan itu."],
        [Ent("Rosario de Marshall", "PER", ("Rosario de Marshall", "Hercules")), NoEntity("Hercules")],
        id="review-alias-is-the-same-person",
    ),
    P(
        ["Warga memilih Prabowo Subianto atau Anies Baswedan.", "Penyerang Budi Santoso (Persib) cedera."],
        [Ent("Prabowo Subianto", "PER"), Ent("Anies Baswedan", "PER"), Ent("Budi Santoso", "PER")],
        id="review-atau-and-a-bracket-join-no-one",
    ),
    P(
        ["Petugas Polres Bogor menutup Jalan Sudirman di Kabupaten Sleman."],
        [Ent("Polres Bogor", "ORG"), Ent("Jalan Sudirman", "LOC"), Ent("Kabupaten Sleman", "GPE")],
        id="review-office-street-area",
    ),
    P(
        ["Alhasil, warga memilih mengungsi ke balai desa."],
        [NoEntity("Alhasil")],
        id="review-common-word-opening-a-sentence",
    ),
    # --- facilities: a head word and the name after it are one place ----------------------
    P(
        ["Rombongan tiba di Bandara Internasional Sultan Hasanuddin sebelum matahari terbit."],
        [Ent("Bandara Internasional Sultan Hasanuddin", "LOC"), NoEntity("Sultan Hasanuddin")],
        id="facility-airport-named-after-a-person",
    ),
    P(
        ["Upacara digelar di Istana Kumsusan, lalu kedua pemimpin menuju Pyongyang."],
        [Ent("Istana Kumsusan", "LOC"), Ent("Pyongyang", "GPE")],
        id="facility-palace-and-city",
    ),
    P(
        ["Pendukung memadati Stadion Manahan pada Sabtu malam."],
        [Ent("Stadion Manahan", "LOC"), Absent("Sabtu")],
        id="facility-stops-before-weekday",
    ),
    # --- aliases in running text --------------------------------------------------------
    P(
        ["Korut kembali meluncurkan rudal balistik ke arah Laut Jepang pada Rabu pagi."],
        [Ent("Korea Utara", "GPE", ("Korut",)), Ent("Laut Jepang", "LOC")],
        id="text-korut",
    ),
    P(
        ["Pemerintah Korea Utara menolak tawaran dialog yang diajukan pemerintah di Seoul."],
        [Ent("Korea Utara", "GPE", ("Korea Utara",)), Ent("Seoul", "GPE")],
        id="text-korea-utara",
    ),
    P(
        ["North Korea fired two short-range missiles into the sea on Wednesday, officials said."],
        [Ent("Korea Utara", "GPE", ("North Korea",))],
        id="text-north-korea-english",
    ),
    P(
        ["Pejabat AS menyebut latihan militer gabungan itu sebagai sebuah provokasi."],
        [Ent("Amerika Serikat", "GPE", ("AS",))],
        id="text-as",
    ),
    P(
        ["Hubungan dagang antara Amerika Serikat dan Indonesia terus membaik tahun ini."],
        [Ent("Amerika Serikat", "GPE", ("Amerika Serikat",)), Ent("Indonesia", "GPE")],
        id="text-amerika-serikat",
    ),
    P(
        ["The United States will send a new package of military aid, the Pentagon said."],
        [Ent("Amerika Serikat", "GPE", ("United States",)), Ent("Pentagon", "ORG")],
        id="text-united-states-english",
    ),
    P(
        ["Korsel dan Jepang sepakat memperkuat kerja sama intelijen di kawasan."],
        [Ent("Korea Selatan", "GPE", ("Korsel",)), Ent("Jepang", "GPE")],
        id="text-korsel",
    ),
    P(
        ["Militer Korea Selatan meningkatkan kesiagaan di sepanjang garis perbatasan."],
        [Ent("Korea Selatan", "GPE", ("Korea Selatan",))],
        id="text-korea-selatan",
    ),
    P(
        ["South Korea and Japan condemned the launch in a joint statement on Thursday."],
        [Ent("Korea Selatan", "GPE", ("South Korea",))],
        id="text-south-korea-english",
    ),
    P(
        ["Nilai ekspor kopi RI ke Eropa naik 12 persen dibandingkan tahun lalu."],
        [Ent("Indonesia", "GPE", ("RI",))],
        id="text-ri",
    ),
    P(
        [
            "Sekretaris Jenderal PBB Antonio Guterres menyerukan gencatan senjata segera.",
            "The UN said aid trucks were still waiting at the border crossing.",
        ],
        [
            Ent("PBB", "ORG", ("PBB", "UN")),
            Ent("António Guterres", "PER", ("Antonio Guterres",), ("Sekretaris Jenderal PBB",)),
        ],
        id="text-pbb-and-un",
    ),
    P(
        ["Indonesia resmi menjadi anggota Perserikatan Bangsa-Bangsa pada September 1950."],
        [Ent("PBB", "ORG", ("Perserikatan Bangsa-Bangsa",)), Ent("Indonesia", "GPE")],
        id="text-perserikatan-bangsa-bangsa",
    ),
    P(
        [
            "Komisi Pemberantasan Korupsi (KPK) menetapkan seorang bupati sebagai tersangka "
            "kasus suap proyek jalan. KPK juga menyita uang tunai dalam operasi itu."
        ],
        [Ent("KPK", "ORG", ("Komisi Pemberantasan Korupsi", "KPK"))],
        id="text-kpk-full-and-short",
    ),
    P(
        ["Rapat paripurna DPR mengesahkan revisi undang-undang tersebut pada Selasa siang."],
        [Ent("DPR", "ORG", ("DPR",)), Absent("Selasa")],
        id="text-dpr",
    ),
    P(
        ["Ratusan prajurit TNI dikerahkan untuk membantu warga korban banjir bandang."],
        [Ent("TNI", "ORG", ("TNI",))],
        id="text-tni",
    ),
    P(
        ["Polri mengerahkan 2.000 personel untuk mengamankan laga final di Jakarta."],
        [Ent("Kepolisian Negara Republik Indonesia", "ORG", ("Polri",)), Ent("Jakarta", "GPE")],
        id="text-polri",
    ),
    P(
        ["Delegasi dagang Indonesia tiba di Moskwa pada Senin malam waktu setempat."],
        [Ent("Moskwa", "GPE", ("Moskwa",)), Absent("Senin")],
        id="text-moskwa",
    ),
    P(
        ["Pesawat yang membawa rombongan menteri itu mendarat di Moskow menjelang tengah malam."],
        [Ent("Moskwa", "GPE", ("Moskow",))],
        id="text-moskow",
    ),
    P(
        ["Talks in Moscow ended without an agreement, according to both delegations."],
        [Ent("Moskwa", "GPE", ("Moscow",))],
        id="text-moscow-english",
    ),
    P(
        [
            "Sergei Lavrov bertemu mitranya dari Tiongkok di Beijing untuk membahas perdagangan.",
            "Sergey Lavrov told reporters that the meeting had been useful.",
        ],
        [Ent("Sergei Lavrov", "PER", ("Sergei Lavrov", "Sergey Lavrov")), NoEntity("Sergey Lavrov")],
        id="text-lavrov-spellings",
    ),
    P(
        [
            "Kim Jong Un meninjau sebuah pabrik amunisi di provinsi utara negeri itu.",
            "Media pemerintah menyebut Kim Jong-Un memberikan bimbingan di lapangan.",
            "Analysts said Kim Jong-un wanted to show the weapons to foreign visitors.",
        ],
        [
            Ent("Kim Jong Un", "PER", ("Kim Jong Un", "Kim Jong-Un", "Kim Jong-un")),
            NoEntity("Kim Jong-Un"),
            NoEntity("Kim Jong-un"),
        ],
        id="text-kim-spellings",
    ),
    # --- within-article coreference of short forms ---------------------------------------
    P(
        [
            "Presiden Rusia Vladimir Putin tiba di Pyongyang pada Rabu dini hari.",
            "Putin disambut di bandara dengan upacara kenegaraan.",
        ],
        [
            Ent("Vladimir Putin", "PER", ("Vladimir Putin", "Putin"), ("Presiden Rusia",)),
            Ent("Pyongyang", "GPE"),
            NoEntity("Putin"),
            Absent("Rabu"),
        ],
        id="coref-putin",
    ),
    P(
        [
            "Presiden Rusia Vladimir Putin bertemu para pengusaha di Sankt Peterburg.",
            "Dalam pertemuan itu, Putin menjanjikan keringanan pajak bagi investor asing.",
        ],
        [Ent("Vladimir Putin", "PER", ("Vladimir Putin", "Putin")), NoEntity("Putin")],
        id="coref-putin-mid-sentence",
    ),
    P(
        [
            "Pemimpin Korea Utara Kim Jong Un menyambut tamunya di landasan pacu.",
            "Kim kemudian mengajak rombongan menuju wisma negara.",
        ],
        [Ent("Kim Jong Un", "PER", ("Kim Jong Un", "Kim")), NoEntity("Kim"), Ent("Korea Utara", "GPE")],
        id="coref-kim",
    ),
    P(
        [
            "Budi Santoso, seorang pedagang sayur di Pasar Minggu, kehilangan kiosnya dalam "
            "kebakaran semalam.",
            "Budi mengaku belum menerima bantuan apa pun dari pengelola pasar.",
        ],
        [Ent("Budi Santoso", "PER", ("Budi Santoso", "Budi")), NoEntity("Budi")],
        id="coref-invented-person-first-name",
    ),
    P(
        [
            "Sekretaris Jenderal NATO Jens Stoltenberg tiba di Washington untuk pertemuan puncak.",
            "Stoltenberg menyebut aliansi itu lebih kuat daripada sebelumnya.",
        ],
        [
            Ent(
                "Jens Stoltenberg",
                "PER",
                ("Jens Stoltenberg", "Stoltenberg"),
                ("Sekretaris Jenderal NATO",),
            ),
            NoEntity("Stoltenberg"),
            Ent("NATO", "ORG"),
        ],
        id="coref-stoltenberg-family-name",
    ),
    # --- role phrases on persons ---------------------------------------------------------
    P(
        ["Menteri Luar Negeri AS Antony Blinken tiba di Seoul pada Selasa malam."],
        [
            Ent("Antony Blinken", "PER", ("Antony Blinken",), ("Menteri Luar Negeri AS",)),
            Ent("Amerika Serikat", "GPE", ("AS",)),
            NoEntity("Menteri Luar Negeri AS Antony Blinken"),
        ],
        id="role-menlu-as",
    ),
    P(
        ["Hal itu disampaikan juru bicara Gedung Putih John Kirby kepada wartawan di Washington."],
        [
            Ent("John Kirby", "PER", ("John Kirby",), ("juru bicara Gedung Putih",)),
            Ent("Gedung Putih", "ORG"),
        ],
        id="role-jubir-gedung-putih",
    ),
    P(
        ["Warga menyambut kedatangan Presiden Joko Widodo di alun-alun kota."],
        [Ent("Joko Widodo", "PER", ("Joko Widodo",), ("Presiden",))],
        id="role-presiden-type-per",
    ),
    # --- types -----------------------------------------------------------------------------
    P(
        ["Rusia menolak tuduhan itu dan memanggil duta besar negara tetangganya."],
        [Ent("Rusia", "GPE", ("Rusia",))],
        id="type-country-gpe",
    ),
    P(
        ["Kapal penjaga pantai kembali terlihat berpatroli di Laut China Selatan."],
        [Ent("Laut China Selatan", "LOC")],
        id="type-sea-loc",
    ),
    P(
        ["Peluncuran itu diawasi langsung oleh pemimpin negara, demikian laporan kantor berita KCNA."],
        [Ent("KCNA", "MEDIA", ("KCNA",))],
        id="type-media-kcna",
    ),
    P(
        ["Harga minyak mentah turun dua persen pada perdagangan sore, seperti dilaporkan Reuters."],
        [Ent("Reuters", "MEDIA", ("Reuters",))],
        id="type-media-reuters",
    ),
    P(
        ["Seorang pejabat yang tidak mau disebut namanya mengatakan kepada AFP bahwa rencana itu batal."],
        [Ent("AFP", "MEDIA", ("AFP",))],
        id="type-media-afp",
    ),
    P(
        ["Arus mudik menjelang Idul Fitri diperkirakan mencapai puncaknya pekan depan."],
        [Ent("Idul Fitri", "EVENT")],
        id="type-event-holiday",
    ),
    # --- negatives ----------------------------------------------------------------------
    P(
        ["Rapat koordinasi itu digelar pada Rabu (19/6/2024) di Balai Kota."],
        [Absent("Rabu")],
        id="neg-weekday",
    ),
    P(
        ["Senin (17/6), petugas menutup sementara jalan menuju pelabuhan."],
        [Absent("Senin")],
        id="neg-weekday-sentence-initial",
    ),
    P(
        ["Harga cabai rawit di pasar tradisional terus naik sejak awal Juni."],
        [Absent("Juni")],
        id="neg-month",
    ),
    P(
        ["Juni lalu, pemerintah daerah menaikkan tarif angkutan kota."],
        [Absent("Juni")],
        id="neg-month-sentence-initial",
    ),
    P(
        [
            "Pemerintah berencana menaikkan harga bahan bakar bulan depan.",
            "Sementara itu, harga beras di pasar tradisional masih stabil.",
        ],
        [Absent("Sementara itu")],
        id="neg-sementara-itu",
    ),
    P(
        [
            "Pengelola pasar berjanji memperbaiki saluran air sebelum musim hujan.",
            "Namun, rencana itu ditolak sebagian pedagang.",
        ],
        [Absent("Namun")],
        id="neg-namun",
    ),
    P(
        ["Selain itu, pemerintah kota akan menambah jumlah bus sekolah tahun depan."],
        [Absent("Selain itu")],
        id="neg-selain-itu",
    ),
]


def _article(paragraphs: list[str]) -> Article:
    return annotate(Article(id="t", source="t.txt", body=paragraphs, published=PUBLISHED))


def _describe(article: Article) -> str:
    got = [(e.name, e.type, e.mentions, e.roles) for e in article.entities]
    return repr(got) if got else "no entities"


def _matches(entity, want: Ent) -> bool:
    if entity.name != want.name:
        return False
    if want.type is not None and entity.type != want.type:
        return False
    if any(m not in entity.mentions for m in want.mentions):
        return False
    roles = [r.lower() for r in entity.roles]
    return all(any(role.lower() in r for r in roles) for role in want.roles)


@pytest.mark.parametrize(("paragraphs", "expected"), ROWS)
def test_entities(paragraphs, expected):
    article = _article(paragraphs)
    text = article.text
    got = _describe(article)
    for item in expected:
        if isinstance(item, Absent):
            assert item in text, f"bad row: {item!r} is not in the text"
            at = 0
            while (at := text.find(item, at)) != -1:
                end = at + len(item)
                bad = [
                    (e.name, m.text)
                    for e in article.entities
                    for m in e.spans
                    if not (m.end <= at or end <= m.start)
                ]
                assert not bad, f"{item!r} is not an entity; got {bad} in {got}"
                at = end
            continue
        if isinstance(item, NoEntity):
            bad = [e for e in article.entities if e.name == item]
            assert not bad, f"no entity may be named {item!r}; got {got}"
            continue
        for m in item.mentions:
            assert m in text, f"bad row: {m!r} is not in the text"
        assert any(_matches(e, item) for e in article.entities), f"expected {item}; got {got}"
        if item.roles:  # the role is not part of the name, nor of a mention
            entity = next(e for e in article.entities if _matches(e, item))
            for role in item.roles:
                assert role.lower() not in entity.name.lower(), entity.name
                assert not any(role.lower() in m.lower() for m in entity.mentions), entity.mentions


@pytest.mark.parametrize(("paragraphs", "expected"), ROWS)
def test_entity_offsets(paragraphs, expected):
    """Every Mention points into ``Article.text``; mentions are listed among the entity's forms."""
    article = _article(paragraphs)
    text = article.text
    for entity in article.entities:
        assert entity.spans, entity
        for m in entity.spans:
            assert 0 <= m.start < m.end <= len(text), (entity.name, m)
            assert text[m.start : m.end] == m.text, (entity.name, m.text, text[m.start : m.end])
            assert m.text in entity.mentions, (entity.name, m.text, entity.mentions)
