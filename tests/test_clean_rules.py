"""Cleaner rules found by reading the real scrape, each on a short page written for the test.

Every page here is our own text shaped like the scrape it imitates (the line breaks a scraper
leaves at links, the promo boxes, the datelines); none is copied from a site.
"""

from __future__ import annotations

import pytest

from kabar.clean import clean_document
from kabar.clean.glue import default_splitter
from kabar.clean.lexicon import load_lexicon
from kabar.clean.metadata import normalise_name, split_credit_hint, split_dateline
from kabar.model import Document

PARA_1 = (
    "Pemerintah Kota Semarang menambah jumlah armada bus listrik untuk melayani rute menuju "
    "kawasan industri di pinggiran kota mulai pekan depan."
)
PARA_2 = (
    "Kepala Dinas Perhubungan Kota Semarang mengatakan tambahan armada itu diharapkan mengurangi "
    "kepadatan di halte utama pada jam berangkat kerja."
)
PARA_3 = (
    '"Kami menargetkan waktu tunggu penumpang tidak lebih dari sepuluh menit," kata dia kepada '
    "wartawan di Balai Kota, Senin (9/6/2025)."
)


def clean_text(lines: list[str], **hints: str):
    """Clean a text dump given as lines, with container hints (title, authors, outlet)."""
    doc = Document(source="test.txt", kind="text", text="\n".join(lines), **hints)
    return clean_document(doc)


def test_a_whatsapp_promo_broken_at_its_links_goes_whole():
    """kompas ends with "Simak / breaking news / dan / berita pilihan / kami langsung di
    ponselmu …": the lone "Simak" must not stay behind as the last paragraph."""
    article = clean_text(
        [
            PARA_1,
            PARA_2,
            "Simak",
            "breaking news",
            "dan",
            "berita pilihan",
            "kami langsung di ponselmu. Pilih saluran andalanmu akses berita Contoh.com WhatsApp Channel :",
            "https://www.whatsapp.com/channel/0000",
            ". Pastikan kamu sudah install aplikasi WhatsApp ya.",
        ],
        title="Bus Listrik Ditambah",
    )
    assert article.body == [PARA_1, PARA_2]
    assert any(r.text == "Simak" for r in article.removed)


def test_a_short_line_that_only_looks_like_a_promo_start_stays():
    """The joined-lines rule needs the join to match a promo: a linked name before an ad line
    is text."""
    article = clean_text(
        [PARA_1, "Wali Kota", "Semarang", "meninjau halte baru bersama warga.", "ADVERTISEMENT", PARA_2],
        title="Bus Listrik Ditambah",
    )
    assert "Wali Kota Semarang meninjau halte baru bersama warga." in " ".join(article.body)
    assert [r.text for r in article.removed] == ["ADVERTISEMENT"]


def test_a_video_title_broken_over_lines_goes_with_its_promo():
    """detik's "Tonton juga Video:" followed by the video's title in link-sized pieces and
    the embed marker."""
    article = clean_text(
        [
            "Jakarta",
            "-",
            PARA_1,
            PARA_2,
            "Tonton juga Video:",
            "Persis",
            "Vs PSIS:",
            "Ramadhan",
            "dkk Menang 2-1",
            "[Gambas:Video 20detik]",
            "(abc/def)",
        ],
        title="Bus Listrik Ditambah",
    )
    assert article.body == [PARA_1, PARA_2]
    assert article.dateline == "Jakarta -"


def test_three_stacked_related_headlines_all_go():
    """republika lists three linked headlines under one "Baca Juga" with no blank lines."""
    article = clean_text(
        [
            "REPUBLIKA.CO.ID, SEMARANG -- " + PARA_1,
            "Baca Juga",
            "Harga Cabai di Pasar Induk Turun Dua Hari Berturut-turut",
            "Polisi Amankan Dua Pelaku Pencurian Kabel di Jalan Tol",
            "Warga Keluhkan Jalan Rusak Menuju Objek Wisata Pantai",
            PARA_2,
            PARA_3,
        ],
        title="Bus Listrik Ditambah",
    )
    assert article.body == [PARA_1, PARA_2, PARA_3]
    assert sum("linked headline" in r.reason for r in article.removed) == 3


def test_a_numbered_list_item_after_a_related_link_is_kept():
    """ "1. …" under a "Baca Juga" headline opens the article's own list."""
    items = [
        "1. Cek Fakta: Tidak Benar Ada Pembagian Beras Gratis Lewat Tautan Ini",
        "2. Cek Fakta: Hoaks Video Banjir Bandang di Pusat Kota",
        "3. Cek Fakta: Tidak Benar Sekolah Diliburkan Sebulan",
    ]
    article = clean_text(
        [
            "Liputan6.com, Jakarta - " + PARA_1,
            "Baca Juga",
            "Warga Keluhkan Jalan Rusak Menuju Objek Wisata Pantai",
            *items,
            PARA_2,
        ],
        title="Bus Listrik Ditambah",
    )
    for item in items:
        assert item in article.body


def test_an_instagram_embed_inside_a_paragraph_is_cut_and_the_text_after_it_kept():
    after = "Dalam catatan kandang, tim tuan rumah belum pernah kalah musim ini."
    paragraph = (
        PARA_1
        + "       View this post on Instagram              A post shared by Contoh News (@contohnews) "
        + after
    )
    article = clean_text([paragraph, PARA_2], title="Bus Listrik Ditambah")
    assert article.body[0] == PARA_1 + " " + after
    assert any(r.reason.startswith("instagram embed") for r in article.removed)


def test_a_related_box_label_glued_to_its_headlines_goes():
    """kapanlagi's "Berita Lainnya4 Potret …Kabar Duka, …": label and headlines in one line."""
    article = clean_text(
        [
            PARA_1,
            PARA_2,
            "Berita Lainnya5 Potret Liburan Artis di PantaiKabar Bahagia, Penyanyi Ini Umumkan Kehamilan",
            PARA_3,
        ],
        title="Bus Listrik Ditambah",
    )
    assert article.body == [PARA_1, PARA_2, PARA_3]


@pytest.mark.parametrize(
    "line",
    [
        "Yuk baca juga:5 Potret Liburan Artis di PantaiKabar Bahagia, Penyanyi Ini Umumkan Kehamilan",
        "[baca juga:Baca Juga](6045933 6045206 6045356",
        "Simak juga: Harga Cabai Naik Jelang Lebaran",
    ],
)
def test_related_link_variants_go(line):
    """ "Yuk baca juga:", a link written as "[baca juga:…](ids)" and "Simak juga:" open related
    links, like "Baca juga:"."""
    article = clean_text([PARA_1, PARA_2, line, PARA_3], title="Bus Listrik Ditambah")
    assert article.body == [PARA_1, PARA_2, PARA_3]


def test_a_lone_question_before_a_watch_the_video_prompt_is_the_video_teaser():
    article = clean_text(
        [PARA_1, "Bagaimana cara memilih sepatu lari yang tepat? Yuk, kita cek video di atas!", PARA_2],
        title="Bus Listrik Ditambah",
    )
    assert article.body == [PARA_1, PARA_2]


def test_a_question_in_the_text_is_not_a_video_teaser():
    question = "Apakah tarif bus listrik akan naik tahun depan?"
    article = clean_text([PARA_1, question, PARA_2], title="Bus Listrik Ditambah")
    assert question in article.body


@pytest.mark.parametrize(
    ("value", "authors", "editors"),
    [
        ("Rina Susanti, Budi Santoso Tim Redaksi", ["Rina Susanti"], ["Budi Santoso"]),
        (
            "Rina Susanti, Dewi Lestari, Budi Santoso Tim Redaksi",
            ["Rina Susanti", "Dewi Lestari"],
            ["Budi Santoso"],
        ),
        ("Budi Santoso Editor", [], ["Budi Santoso"]),
        ("Rina Susanti Penulis", ["Rina Susanti"], []),
        ("Rina Susanti, Budi Santoso", ["Rina Susanti", "Budi Santoso"], []),
        ("Tim detikcom", ["Tim detikcom"], []),
        ("Tim Redaksi", [], []),
    ],
)
def test_container_credit_fields(value, authors, editors):
    assert split_credit_hint(value) == (authors, editors)


def test_credit_hint_reaches_the_article():
    article = clean_text(
        [PARA_1, PARA_2], title="Bus Listrik Ditambah", authors="Rina Susanti, Budi Santoso Tim Redaksi"
    )
    assert article.authors == ["Rina Susanti"] and article.editors == ["Budi Santoso"]


def test_names_are_title_cased_but_brands_kept():
    assert normalise_name("anton surtono") == "Anton Surtono"
    assert normalise_name("Tim detikcom") == "Tim detikcom"
    assert normalise_name("Tim contoh.co.id") == "Tim contoh.co.id"


@pytest.mark.parametrize(
    ("lead", "dateline", "place"),
    [
        (
            "Posmetro,co.id,INDRAMAYU –Jurnalis senior di kota itu menyatakan siap maju.",
            "Posmetro,co.id,INDRAMAYU –",
            "INDRAMAYU",
        ),
        (
            "posmetro.co –Jakarta: Bertempat di sebuah hotel, acara itu digelar kemarin sore.",
            "posmetro.co –Jakarta:",
            "Jakarta",
        ),
    ],
)
def test_datelines_with_a_typo_or_a_place_after_the_outlet(lead, dateline, place):
    found = split_dateline(lead, load_lexicon())
    assert found is not None
    assert found.text == dateline and found.place == place
    assert lead[found.end :].startswith(("Jurnalis", "Bertempat"))


def test_a_comma_domain_typo_needs_a_real_dateline_after_it():
    """The typo is read as "Contoh.com –" only when a real lead follows the dash."""
    assert split_dateline("Contoh,com – Singkat.", load_lexicon()) is None
    found = split_dateline("Contoh,com – Pemerintah kota menambah armada bus listrik.", load_lexicon())
    assert found is not None and found.text == "Contoh,com –" and found.outlet == "Contoh.com"


def test_three_glued_words_split_into_the_most_probable_words():
    """Each word costs its log-probability, so "internasional" is not cut into "inter nasional"."""
    splitter = default_splitter()
    assert splitter.split("perusahaan perusahaanminyakinternasional terbesar") == (
        "perusahaan perusahaan minyak internasional terbesar"
    )
    assert splitter.split("penyandangdisabilitasfisik") == "penyandang disabilitas fisik"


def test_a_headline_of_another_story_between_paragraphs_goes():
    stray = "Kejar Layangan, Bocah Tercebur ke Sungai Irigasi di Pinggir Desa"
    article = clean_text([PARA_1, PARA_2, stray, PARA_3], title="Bus Listrik Ditambah")
    assert article.body == [PARA_1, PARA_2, PARA_3]
    assert any("another story" in r.reason for r in article.removed)


def test_a_subheading_that_shares_words_with_its_section_stays():
    """It shares "halte" and "menit" with the paragraph under it, nothing with the title."""
    heading = "Halte Baru Dibangun dengan Waktu Tunggu Sepuluh Menit"
    article = clean_text([PARA_1, PARA_2, heading, PARA_3], title="Kota Tambah Armada")
    assert heading in article.body or heading in article.subheadings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kebakaranhebat melanda pasar itu.", "Kebakaran hebat melanda pasar itu."),  # opens a sentence
        ("Kemarin sore. Kenaikanharga cabai terasa.", "Kemarin sore. Kenaikan harga cabai terasa."),
        (
            "Jalan tol Padalarang dibuka lagi.",
            "Jalan tol Padalarang dibuka lagi.",
        ),  # a name inside a sentence
        ("Gunungpati diguyur hujan deras.", "Gunungpati diguyur hujan deras."),  # a joined place name
        ("Warga Sumbermalang mengungsi.", "Warga Sumbermalang mengungsi."),
        ("Sumbermalang diguyur hujan deras.", "Sumbermalang diguyur hujan deras."),  # a place head
        ("Padalarang diguyur hujan deras.", "Padalarang diguyur hujan deras."),  # "Pada" is a function word
        ("Data Euromonitor menunjukkan kenaikan.", "Data Euromonitor menunjukkan kenaikan."),
        ("Mereka berulangkali datang.", "Mereka berulangkali datang."),  # written as one word
    ],
)
def test_capitalised_common_word_glue_only_at_a_sentence_start(text, expected):
    assert default_splitter().split(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a function word that never ends a name, glued to a name the page never writes alone
        ("Gubernur Andi Sulistyoyang dilantik.", "Gubernur Andi Sulistyo yang dilantik."),
        ("Pelatih Marco Venturimaupun asistennya hadir.", "Pelatih Marco Venturi maupun asistennya hadir."),
        ("Kota Shenyang menjadi tuan rumah.", "Kota Shenyang menjadi tuan rumah."),  # a listed name
        ("Lomba diikuti Rapatpeserta Bogor.", "Lomba diikuti Rapatpeserta Bogor."),  # not pe|serta
        ("Toko Larasyang buka. Toko Larasyang tutup.", "Toko Larasyang buka. Toko Larasyang tutup."),
        ("Bupati Wulandari hadir.", "Bupati Wulandari hadir."),  # "dari" can end a name: not a tail
    ],
)
def test_a_name_glued_to_a_function_word_that_never_ends_a_name(text, expected):
    splitter = default_splitter()
    assert splitter.split(text, seen=splitter.context([text])) == expected


def test_a_page_word_splits_a_glue_the_vocabulary_cannot():
    """ "kripto" is not in the shipped vocabulary; the page writes it alone, so "kriptoyang" is
    "kripto yang" on that page and stays as written elsewhere."""
    splitter = default_splitter()
    page = ["Harga kripto naik lagi.", "Aset kriptoyang dijual turun."]
    seen = splitter.context(page)
    assert splitter.split(page[1], seen) == "Aset kripto yang dijual turun."
    assert splitter.split(page[1]) == page[1]


def test_lines_broken_at_links_rejoin_after_a_verb_wanting_its_object():
    article = clean_text(
        [
            PARA_1,
            "Pemerintah kota sedang menyusun jadwal kegiatan guna memastikan",
            "Koperasi Desa Merah Putih berjalan sesuai rencana.",
            "“Selain itu, kendaraan listrik (electric vehicle",
            "/EV) memakai tembaga lebih banyak,” ujar dia saat dikonfirmasi",
            "Kompas.com, Selasa (10/6/2025).",
            PARA_2,
        ],
        title="Bus Listrik Ditambah",
    )
    assert article.body == [
        PARA_1,
        "Pemerintah kota sedang menyusun jadwal kegiatan guna memastikan Koperasi Desa Merah Putih "
        "berjalan sesuai rencana.",
        "“Selain itu, kendaraan listrik (electric vehicle/EV) memakai tembaga lebih banyak,” ujar dia "
        "saat dikonfirmasi Kompas.com, Selasa (10/6/2025).",
        PARA_2,
    ]


def test_a_sentence_case_heading_is_not_joined_to_the_next_paragraph():
    heading = "Pelajaran saat mengemudi"
    article = clean_text([PARA_1, PARA_2, heading, PARA_3], title="Bus Listrik Ditambah")
    assert heading in article.subheadings or heading in article.body
    assert PARA_3 in article.body


def test_a_reporter_credit_under_the_text_is_a_closing_mark_and_names_the_author():
    article = clean_text([PARA_1, PARA_2, "( Contohkota.com / Rina Susanti )"], title="Bus Listrik Ditambah")
    assert article.body == [PARA_1, PARA_2]
    assert article.end_marks == ["( Contohkota.com / Rina Susanti )"]
    assert article.authors == ["Rina Susanti"] and article.captions == []


def test_a_title_cased_subheading_glued_into_a_one_line_body_is_cut_out():
    """sindonews bodies come as one line with the subheadings glued to the next sentence."""
    body = (
        PARA_1 + " " + PARA_2 + " Rute Baru Menuju Kawasan Industri"
        "Mulai pekan depan, bus akan berhenti di enam halte baru di sepanjang jalan lingkar."
    )
    article = clean_text([body], title="Bus Listrik Ditambah")
    assert "Rute Baru Menuju Kawasan Industri" in article.subheadings
    assert (
        article.body[-1]
        == "Mulai pekan depan, bus akan berhenti di enam halte baru di sepanjang jalan lingkar."
    )
    assert not any("Industri" in p for p in article.body)


def test_a_name_glued_at_the_start_of_the_lead_is_not_a_heading():
    body = (
        "Annisa PohanYudhoyono, istri dari seorang politikus, membagikan momen haru pernikahannya. " + PARA_2
    )
    article = clean_text([body, PARA_3], title="Bus Listrik Ditambah")
    assert article.subheadings == []


@pytest.mark.parametrize(
    ("outlet", "url", "authors", "editors"),
    [
        ("kompas", None, ["Rina Susanti"], ["Budi Santoso"]),  # the outlet named by the container
        (None, "https://nasional.kompas.com/read/2025/06/10/x", ["Rina Susanti"], ["Budi Santoso"]),
        ("detik", None, ["Rina Susanti", "Budi Santoso"], []),  # no layout known: both wrote it
    ],
)
def test_an_outlets_credit_layout_reads_a_bare_name_list(outlet, url, authors, editors):
    hints = {"title": "Bus Listrik Ditambah", "authors": "Rina Susanti, Budi Santoso"}
    if outlet:
        hints["outlet"] = outlet
    if url:
        hints["url"] = url
    article = clean_text([PARA_1, PARA_2], **hints)
    assert (article.authors, article.editors) == (authors, editors)


def test_a_line_ending_with_a_verb_wanting_its_object_is_not_a_heading():
    """ "… poster digital bertuliskan" / "Baca Juga" / the quoted poster text."""
    lead_in = "Unggahan itu menampilkan poster digital bertuliskan"
    article = clean_text(
        [PARA_1, lead_in, "Baca Juga", '"LOWONGAN SOPIR BUS LISTRIK DIBUKA!"', PARA_2],
        title="Bus Listrik Ditambah",
    )
    assert lead_in not in article.subheadings
    assert any(p.startswith(lead_in) for p in article.body)


def test_the_headline_run_onto_the_last_sentence_goes_to_subheadings():
    title = "Lima Bus Listrik Baru Mulai Melayani Warga Semarang, Gratis Sepekan"
    glued = "Lima Bus Listrik Baru Mulai Melayani Warga Semarang"
    article = clean_text([PARA_1, PARA_2 + glued], title=title)
    assert article.body == [PARA_1, PARA_2]
    assert glued in article.subheadings


def test_an_indonesian_instagram_embed_and_a_glued_one_are_cut():
    after = "Dalam catatan kandang, tim tuan rumah belum pernah kalah musim ini."
    glued = PARA_1 + "View this post on Instagram A post shared by Contoh (@contoh)" + after
    indonesian = (
        PARA_2 + " Lihat postingan ini di Instagram Sebuah kiriman dibagikan oleh Contoh (@contoh) " + after
    )
    article = clean_text([glued, indonesian], title="Bus Listrik Ditambah")
    assert article.body == [PARA_1 + " " + after, PARA_2 + " " + after]


def test_a_day_tail_does_not_swallow_a_standfirst():
    """ "Semarang, Senin (9/6/2025) - …" opens a lead; the short line above it is the deck."""
    deck = "Armada baru untuk kawasan industri"
    article = clean_text(["Bus Listrik Ditambah", deck, "Semarang, Senin (9/6/2025) - " + PARA_1, PARA_2])
    assert article.subtitle == deck
    assert not any(p.startswith(deck) for p in article.body)


def test_a_short_line_ending_with_a_verb_stays_a_heading():
    heading = "Langkah-langkah mengajukan"
    article = clean_text(
        [PARA_1, PARA_2, heading, "Pertama, warga datang ke kantor kelurahan membawa KTP.", PARA_3],
        title="Bus Listrik Ditambah",
    )
    assert heading in article.subheadings


def test_a_list_item_or_a_period_is_not_the_publication_date():
    article = clean_text(
        [
            "Daftar Isi",
            "1. Lampung (1 Mei 2025-31 Juli 2025)",
            "2. Banten (10 April 2025-30 Juni 2025)",
            PARA_1,
            PARA_2,
        ],
        title="Bus Listrik Ditambah",
        published="2025-05-21T16:05:00+07:00",
    )
    assert article.published == "2025-05-21T16:05:00+07:00"
