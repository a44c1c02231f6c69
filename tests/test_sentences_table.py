"""Table test for :func:`kabar.lang.sentences.sentence_spans`.

Each row is an invented paragraph as it would appear in Indonesian (or English-language) news
and the sentences a careful reader divides it into. The expectations were written from the
language, not from the code's output:

* a sentence ends at a terminal mark (".", "?", "!", an ellipsis) followed by the start of a
  new sentence; the spans are trimmed, so each expected sentence is an exact substring;
* a period that belongs to an abbreviation does not end a sentence when the sentence goes on:
  titles and honorifics ("Sdr.", "Bpk.", "Prof.", "Dr.", "dr.", "H.", "Jend.", "Mr."),
  degrees ("S.H.", "M.H.", "M.Si."), addresses ("Jl.", "No.", "Kec.", "Kab."), shorthand
  ("dll.", "dsb.", "a.n."), initials ("B. J. Habibie"), "U.S." and "a.m." — but when the
  abbreviation is the last word of a sentence and a new sentence follows ("…, dll. Semua
  bantuan …", "…, S.H. Ia …", "… No. 5. Rumahnya …"), its period also ends the sentence;
* periods and commas inside numbers ("11.000", "1,5", "Rp15.000"), clock times ("07.57 WIB"),
  dates in brackets ("(19/6)") and domains ("detik.com", "Liputan6.com") end nothing, but a
  missing space after a period before a capitalised word ("strategis.Meskipun") is a boundary;
* an ellipsis inside a sentence ("berusaha... tetapi", "Rusia… dan") ends nothing; one
  followed by a capitalised new sentence ends the sentence; one at the end of the paragraph
  ends the last sentence;
* quotes follow the gold of ``/work/shared/samples/gold`` (its 001, Blinken): a quote that
  holds several sentences is split at its inner boundaries ("“Kami … uang itu." / "Semua …,”
  kata X."); a question or exclamation mark inside a quote followed by a lower-case speech verb
  ("?” tanya seorang warga") does not end the sentence; the closing quote mark stays with the
  sentence it closes.

Row format: ``(paragraph, lang, expected sentences)``.
"""

from __future__ import annotations

import pytest

from kabar.lang.sentences import sentence_spans

P = pytest.param

ROWS = [
    # --- honorifics and titles ---------------------------------------------------------------
    P(
        "Sdr. Budi Santoso hadir dalam sidang itu. Ia didampingi kuasa hukumnya.",
        "id",
        ["Sdr. Budi Santoso hadir dalam sidang itu.", "Ia didampingi kuasa hukumnya."],
        id="abbr-sdr",
    ),
    P(
        "Bpk. Ahmad Yani menjabat kepala desa sejak 2019. Warga mengenalnya sebagai sosok ramah.",
        "id",
        ["Bpk. Ahmad Yani menjabat kepala desa sejak 2019.", "Warga mengenalnya sebagai sosok ramah."],
        id="abbr-bpk",
    ),
    P(
        "Prof. Dr. Siti Rahmawati, M.Si., menjadi pembicara utama. Ia mengajar di Universitas Gadjah Mada.",
        "id",
        [
            "Prof. Dr. Siti Rahmawati, M.Si., menjadi pembicara utama.",
            "Ia mengajar di Universitas Gadjah Mada.",
        ],
        id="abbr-prof-dr-msi",
    ),
    P(
        "Pasien itu ditangani dr. Andi Pratama di IGD. Kondisinya kini stabil.",
        "id",
        ["Pasien itu ditangani dr. Andi Pratama di IGD.", "Kondisinya kini stabil."],
        id="abbr-dr-lower",
    ),
    P(
        "H. Ahmad Fauzi meresmikan masjid itu. Ribuan jamaah hadir.",
        "id",
        ["H. Ahmad Fauzi meresmikan masjid itu.", "Ribuan jamaah hadir."],
        id="abbr-haji-h",
    ),
    P(
        "Jend. TNI Agus Subiyanto memimpin upacara itu. Upacara berlangsung khidmat.",
        "id",
        ["Jend. TNI Agus Subiyanto memimpin upacara itu.", "Upacara berlangsung khidmat."],
        id="abbr-jend",
    ),
    P(
        "Presiden ketiga RI, B. J. Habibie, lahir di Parepare. Ia dikenal sebagai ahli pesawat terbang.",
        "id",
        [
            "Presiden ketiga RI, B. J. Habibie, lahir di Parepare.",
            "Ia dikenal sebagai ahli pesawat terbang.",
        ],
        id="initials-spaced",
    ),
    P(
        "Buku itu ditulis oleh B.J. Habibie pada 2006. Isinya tentang hari-hari menjelang reformasi.",
        "id",
        [
            "Buku itu ditulis oleh B.J. Habibie pada 2006.",
            "Isinya tentang hari-hari menjelang reformasi.",
        ],
        id="initials-glued",
    ),
    # --- degrees ---------------------------------------------------------------------------
    P(
        "Pengacara Budi Santoso, S.H., M.H. mendampingi terdakwa. Sidang dilanjutkan pekan depan.",
        "id",
        [
            "Pengacara Budi Santoso, S.H., M.H. mendampingi terdakwa.",
            "Sidang dilanjutkan pekan depan.",
        ],
        id="degrees-sh-mh-mid",
    ),
    P(
        "Akta itu dibuat oleh notaris Andi Wijaya, S.H. Ia membuka kantor di Makassar sejak 2010.",
        "id",
        [
            "Akta itu dibuat oleh notaris Andi Wijaya, S.H.",
            "Ia membuka kantor di Makassar sejak 2010.",
        ],
        id="degree-sh-ends-sentence",
    ),
    # --- addresses ---------------------------------------------------------------------------
    P(
        "Kantor itu berada di Jl. Merdeka No. 12, Bandung. Gedungnya berlantai tiga.",
        "id",
        ["Kantor itu berada di Jl. Merdeka No. 12, Bandung.", "Gedungnya berlantai tiga."],
        id="abbr-jl-no",
    ),
    P(
        "Ia tinggal di Jl. Sudirman No. 5. Rumahnya dekat stasiun.",
        "id",
        ["Ia tinggal di Jl. Sudirman No. 5.", "Rumahnya dekat stasiun."],
        id="house-number-ends-sentence",
    ),
    P(
        "Banjir melanda Kec. Sayung, Kab. Demak. Ribuan warga mengungsi.",
        "id",
        ["Banjir melanda Kec. Sayung, Kab. Demak.", "Ribuan warga mengungsi."],
        id="abbr-kec-kab",
    ),
    # --- shorthand ---------------------------------------------------------------------------
    P(
        "Pedagang menjual beras, gula, minyak goreng, dll. di pasar itu. Harganya stabil.",
        "id",
        ["Pedagang menjual beras, gula, minyak goreng, dll. di pasar itu.", "Harganya stabil."],
        id="abbr-dll-mid",
    ),
    P(
        "Bantuan berupa beras, selimut, obat-obatan, dll. Semua bantuan dikirim lewat jalur darat.",
        "id",
        ["Bantuan berupa beras, selimut, obat-obatan, dll.", "Semua bantuan dikirim lewat jalur darat."],
        id="abbr-dll-ends-sentence",
    ),
    P(
        "Sampah plastik, kertas, kaleng, dsb. dipilah oleh petugas. Sisanya dibakar.",
        "id",
        ["Sampah plastik, kertas, kaleng, dsb. dipilah oleh petugas.", "Sisanya dibakar."],
        id="abbr-dsb-mid",
    ),
    P(
        "Donasi dikirim ke rekening a.n. Yayasan Peduli Anak. Penyaluran dilakukan pekan depan.",
        "id",
        ["Donasi dikirim ke rekening a.n. Yayasan Peduli Anak.", "Penyaluran dilakukan pekan depan."],
        id="abbr-an",
    ),
    # --- numbers, times, dates -----------------------------------------------------------------
    P(
        "AS menuduh Korea Utara mengirim lebih dari 11.000 kontainer amunisi. Pyongyang membantah.",
        "id",
        ["AS menuduh Korea Utara mengirim lebih dari 11.000 kontainer amunisi.", "Pyongyang membantah."],
        id="thousands",
    ),
    P(
        "Ekonomi tumbuh 5,2 persen. Harga cabai naik menjadi Rp15.000 per kilogram. Pedagang mengeluh.",
        "id",
        [
            "Ekonomi tumbuh 5,2 persen.",
            "Harga cabai naik menjadi Rp15.000 per kilogram.",
            "Pedagang mengeluh.",
        ],
        id="decimal-and-rupiah",
    ),
    P(
        "Pesawat mendarat pukul 07.57 WIB. Presiden langsung menuju istana.",
        "id",
        ["Pesawat mendarat pukul 07.57 WIB.", "Presiden langsung menuju istana."],
        id="time-wib",
    ),
    P(
        "Presiden meninjau lokasi banjir di Demak, Rabu (19/6). Ia didampingi gubernur.",
        "id",
        ["Presiden meninjau lokasi banjir di Demak, Rabu (19/6).", "Ia didampingi gubernur."],
        id="date-in-brackets",
    ),
    # --- ellipses ----------------------------------------------------------------------------
    P(
        "Kami sudah berusaha... tetapi hasilnya belum terlihat. Warga diminta bersabar.",
        "id",
        ["Kami sudah berusaha... tetapi hasilnya belum terlihat.", "Warga diminta bersabar."],
        id="ellipsis-mid-dots",
    ),
    P(
        "Korea Utara menyediakan persenjataan untuk Rusia… dan senjata lain untuk Ukraina.",
        "id",
        ["Korea Utara menyediakan persenjataan untuk Rusia… dan senjata lain untuk Ukraina."],
        id="ellipsis-mid-char",
    ),
    P(
        "Ia terdiam lama... Kemudian ia pergi tanpa sepatah kata.",
        "id",
        ["Ia terdiam lama...", "Kemudian ia pergi tanpa sepatah kata."],
        id="ellipsis-then-new-sentence",
    ),
    P(
        "Rapat ditunda. Ia hanya berkata bahwa semuanya sudah terlambat...",
        "id",
        ["Rapat ditunda.", "Ia hanya berkata bahwa semuanya sudah terlambat..."],
        id="ellipsis-at-end",
    ),
    # --- quotes ------------------------------------------------------------------------------
    P(
        "“Kami tidak pernah menerima uang itu. Semua tuduhan itu fitnah,” kata Maqdir Ismail.",
        "id",
        ["“Kami tidak pernah menerima uang itu.", "Semua tuduhan itu fitnah,” kata Maqdir Ismail."],
        id="quote-two-sentences-split",
    ),
    P(
        "“Siapa yang akan bertanggung jawab?” tanya seorang warga. Tidak ada yang menjawab.",
        "id",
        ["“Siapa yang akan bertanggung jawab?” tanya seorang warga.", "Tidak ada yang menjawab."],
        id="quote-question-then-cue",
    ),
    P(
        "“Kami menang!” seru para pendukung di depan gedung KPU.",
        "id",
        ["“Kami menang!” seru para pendukung di depan gedung KPU."],
        id="quote-exclamation-then-cue",
    ),
    P(
        "“Kami akan terus berjuang,” kata Anies. “Ini janji saya.”",
        "id",
        ["“Kami akan terus berjuang,” kata Anies.", "“Ini janji saya.”"],
        id="quote-after-cue-sentence",
    ),
    P(
        'Ia menyebut kebijakan itu "tidak masuk akal." Pemerintah belum menanggapi.',
        "id",
        ['Ia menyebut kebijakan itu "tidak masuk akal."', "Pemerintah belum menanggapi."],
        id="period-inside-closing-quote",
    ),
    # --- missing spaces and domains ----------------------------------------------------------
    P(
        "Pemerintah menilai lokasi itu sangat strategis.Meskipun demikian, warga menolak rencana itu.",
        "id",
        ["Pemerintah menilai lokasi itu sangat strategis.", "Meskipun demikian, warga menolak rencana itu."],
        id="glued-period",
    ),
    P(
        "Berita itu pertama kali dilaporkan detik.com pada Rabu. Liputan6.com juga memuatnya.",
        "id",
        ["Berita itu pertama kali dilaporkan detik.com pada Rabu.", "Liputan6.com juga memuatnya."],
        id="domains-not-split",
    ),
    P(
        "Seperti dilansir Kompas.com, harga beras naik lagi.",
        "id",
        ["Seperti dilansir Kompas.com, harga beras naik lagi."],
        id="domain-capitalised-mid",
    ),
    # --- question and exclamation marks ------------------------------------------------------
    P(
        "Apakah pemerintah siap? Menteri menjawab bahwa semua sudah disiapkan. Luar biasa!",
        "id",
        ["Apakah pemerintah siap?", "Menteri menjawab bahwa semua sudah disiapkan.", "Luar biasa!"],
        id="question-and-exclamation",
    ),
    P(
        "Apa yang terjadi?Warga berlarian ke luar rumah.",
        "id",
        ["Apa yang terjadi?", "Warga berlarian ke luar rumah."],
        id="glued-question-mark",
    ),
    P(
        "Presiden tiba di Pyongyang",
        "id",
        ["Presiden tiba di Pyongyang"],
        id="no-terminal-mark",
    ),
    # --- English -----------------------------------------------------------------------------
    P(
        "Mr. Smith arrived in Jakarta on Tuesday. He met the president.",
        "en",
        ["Mr. Smith arrived in Jakarta on Tuesday.", "He met the president."],
        id="en-mr",
    ),
    P(
        "The U.S. government imposed new sanctions. Moscow called them illegal.",
        "en",
        ["The U.S. government imposed new sanctions.", "Moscow called them illegal."],
        id="en-us-mid",
    ),
    P(
        "The sanctions were announced by the U.S. Treasury on Monday. Moscow called them illegal.",
        "en",
        ["The sanctions were announced by the U.S. Treasury on Monday.", "Moscow called them illegal."],
        id="en-us-before-capital",
    ),
    P(
        "The earthquake struck at 7 a.m. local time. No tsunami warning was issued.",
        "en",
        ["The earthquake struck at 7 a.m. local time.", "No tsunami warning was issued."],
        id="en-am",
    ),
    P(
        "Dr. Tedros warned of a new wave. Is the world ready? Not yet!",
        "en",
        ["Dr. Tedros warned of a new wave.", "Is the world ready?", "Not yet!"],
        id="en-dr-question-exclamation",
    ),
]


@pytest.mark.parametrize(("paragraph", "lang", "expected"), ROWS)
def test_sentences(paragraph, lang, expected):
    for sentence in expected:
        assert sentence in paragraph, f"bad row: {sentence!r} is not in the paragraph"
    spans = sentence_spans(paragraph, lang)
    got = [paragraph[a:b] for a, b in spans]
    assert got == expected


@pytest.mark.parametrize(("paragraph", "lang", "expected"), ROWS)
def test_sentence_span_shape(paragraph, lang, expected):
    """Spans are in order, do not overlap, are trimmed and cover every non-space character."""
    spans = sentence_spans(paragraph, lang)
    previous_end = 0
    for a, b in spans:
        assert previous_end <= a < b <= len(paragraph), spans
        assert paragraph[a:b] == paragraph[a:b].strip(), paragraph[a:b]
        assert not paragraph[previous_end:a].strip(), f"uncovered text {paragraph[previous_end:a]!r}"
        previous_end = b
    assert not paragraph[previous_end:].strip(), f"uncovered text {paragraph[previous_end:]!r}"
