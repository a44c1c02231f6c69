"""Table test for quotes and reported speech (:mod:`kabar.lang.quotes` through
:func:`kabar.lang.annotate.annotate`).

Each row is a short invented news article (its paragraphs) and the quotes a careful reader
finds in it. The expectations were written from the language, not from the code's output:

* a direct quote is the words between quote marks, in any style (“ ”, straight " ", « », and
  ‘ ’ when it holds a phrase, not a single word); a quote that holds several sentences is one
  quote, and so is a long quote the journalist carries over into the next paragraph (the first
  paragraph left without a closing mark, the next one reopening it with “);
* reported speech is a sentence that says what someone said without quote marks: "X mengatakan
  (bahwa) …", "X menyatakan …", "Menurut X, …", "…, kata X." and a closing "demikian laporan
  KCNA" / "seperti dilaporkan Reuters"; it is ``direct=False``;
* the speaker is whom the text names as the one speaking: the name after the cue ("kata X",
  "ujar X", "tulis KCNA"), the name before a trailing cue ("“…,” Putin menambahkan"), the
  subject before a leading cue ("X mengatakan, “…”", "Kata X, “…”", "Menurut X, “…”"). It
  is the canonical name of ``data/entities.tsv`` ("Jokowi" → "Joko Widodo", "Polri" →
  "Kepolisian Negara Republik Indonesia"), a short form takes the full name written earlier in
  the article ("Putin" after "Vladimir Putin"), and a person unknown to the table is named as
  the text names them ("Budi Santoso"). With a role and a name ("Juru bicara KPK Ali Fikri")
  the speaker is the person, not the organisation in the role;
* a clitic ("ujarnya", "katanya", "tegasnya") or a pronoun ("kata dia", "Ia mengatakan",
  "she said") stands for the last named speaker before it, and a cue-less quote that follows a
  speaker's quote in the same paragraph ("“…,” kata X. “…”") is still X speaking;
* the speaker is None when the text does not say who spoke: written words (a banner, a sign, a
  title: "spanduk bertuliskan “…”", "film berjudul “…”"), a scare-quoted term ("menjadi “rumah
  kedua” bagi …"), a quote with no cue anywhere. A single word in single quotes is a scare
  quote, not a quote at all; an apostrophe in a name ("Ma’ruf") opens nothing;
* ``cue`` is the speech cue as written ("kata", "ujarnya", "menambahkan", "menurut", "said");
  it is compared case-insensitively ("Kata X, …" has cue "Kata"), and where the cue phrase can
  reasonably be read with its particle or its pronoun ("mengatakan bahwa", "kata dia") both
  readings are accepted.

Row format: ``(paragraphs, expected)`` where ``expected`` lists ``(fragment, direct, speaker,
cue)`` items — some quote must contain ``fragment`` (a string, or a tuple of strings that must
all be in the same quote), with that ``direct`` flag and ``speaker``, and a cue equal to
``cue`` (a string, a tuple of accepted strings, or ``ANY``) — and negative items:
:class:`Absent` (no direct quote may contain the phrase) and :class:`Unattributed` (any quote
containing the phrase must have no speaker; it may also not be a quote at all). A second test
checks on every row that each quote's offsets give its text and that a direct quote's span is
exactly the words between its marks.
"""

from __future__ import annotations

import pytest

from kabar.lang.annotate import annotate
from kabar.model import Article

PUBLISHED = "2024-06-19T07:57:00+07:00"  # Wednesday 19 June 2024, 07:57 WIB

ANY = object()
OPENING = '“«„"‘'
CLOSING = '”»"’“'


class Absent(str):
    """A phrase no direct quote may contain (a scare quote, a name's apostrophe)."""


class Unattributed(str):
    """A phrase that, if it is in a quote at all, is in one without a speaker."""


P = pytest.param

ROWS = [
    # --- patterns found reviewing real articles (rows written here, not copied) ----------
    P(
        [
            "Kasat Lantas AKP Rudi Hartono Siregar memimpin razia di jalan itu.",
            "“Kami akan menindak tegas setiap pelanggar,” kata Rudi Hartono.",
        ],
        [("menindak tegas setiap pelanggar", True, "Rudi Hartono Siregar", "kata")],
        id="review-shorter-form-is-the-full-name",
    ),
    P(
        [
            "“Kami sudah siap bertugas sejak pagi,” jelas Kasat Reskrim Polres Klungkung, AKP Made Teddy Satya Wiguna."  # noqa: E501
        ],
        [("siap bertugas sejak pagi", True, "Made Teddy Satya Wiguna", "jelas")],
        id="review-long-name-after-role-and-comma",
    ),
    P(
        [
            "Direktur Utama PT Maju Jaya, Dio Prasetyo, menjelaskan, “Produksi kami naik dua kali lipat tahun ini.”"  # noqa: E501
        ],
        [("Produksi kami naik", True, "Dio Prasetyo", "menjelaskan")],
        id="review-name-between-commas-after-role",
    ),
    P(
        [
            "Dikutip dari Skysport, Tijjani Reijnders mengatakan bahwa ia senang bergabung dengan klub barunya."  # noqa: E501
        ],
        [("ia senang bergabung", False, "Tijjani Reijnders", "mengatakan")],
        id="review-source-then-speaker",
    ),
    P(
        ["“Kami akan datang ke sana “besok” pagi untuk rapat,” kata Budi Santoso."],
        [(("datang ke sana", "pagi untuk rapat"), True, "Budi Santoso", "kata")],
        id="review-quote-inside-a-quote",
    ),
    P(
        ['Warga berkumpul di balai desa. "Kami hanya ingin jalan ini segera diperbaiki,” ujar Siti Rahma.'],
        [("jalan ini segera diperbaiki", True, "Siti Rahma", "ujar")],
        id="review-straight-open-curly-close",
    ),
    P(
        [
            "Kepala sekolah Agus Salim meminta orang tua ikut mengawasi.",
            "“Semoga anak-anak bisa belajar dengan tenang tahun ini,” harapnya.",
        ],
        [("belajar dengan tenang", True, "Agus Salim", "harapnya")],
        id="review-clitic-harapnya",
    ),
    P(
        [
            "“Pasokan air bersih sudah kami kirim ke tiga desa,” kata Budi Santoso.",
            "Sementara itu, warga Desa Sukamaju Dewi Anggraini mengatakan air belum sampai.",
            "“Kami masih menunggu sejak pagi,” tuturnya.",
        ],
        [("Kami masih menunggu sejak pagi", True, "Dewi Anggraini", "tuturnya")],
        id="review-pronoun-after-new-subject",
    ),
    P(
        ["“Kami akan memeriksa semua saksi,” kata Kasat Reskrim Polres Bogor, AKP Rudi Hartono."],
        [("memeriksa semua saksi", True, "Rudi Hartono", "kata")],
        id="review-role-comma-rank-name",
    ),
    P(
        ["“Kami masih mendalami kasus ini,” kata Kapolres."],
        [("mendalami kasus ini", True, None, "kata")],
        id="review-role-without-a-name-abstains",
    ),
    P(
        ["Penonton memadati bioskop untuk film “Sang Penari Malam” pekan ini."],
        [Unattributed("Sang Penari Malam")],
        id="review-quoted-title-is-no-quote",
    ),
    P(
        ["Pelatih tim nasional, Hendra Gunawan, menegaskan bahwa timnya siap menghadapi laga berat itu."],
        [("timnya siap menghadapi laga berat", False, "Hendra Gunawan", "menegaskan")],
        id="review-reported-role-comma-name",
    ),
    P(
        ["Dalam kesempatan itu, Sri Mulyani mengatakan bahwa anggaran bantuan sudah disiapkan sejak awal."],
        [("anggaran bantuan sudah disiapkan", False, "Sri Mulyani Indrawati", "mengatakan")],
        id="review-reported-after-fronted-clause",
    ),
    P(
        ["Ketua RT Joko Prasetyo hadir di lokasi. Menurutnya, bantuan akan datang pekan depan."],
        [("bantuan akan datang pekan depan", False, "Joko Prasetyo", "Menurutnya")],
        id="review-reported-menurutnya",
    ),
    P(
        ["Dijelaskan Rina Susanti, ada sejumlah kendala teknis di lapangan saat hujan turun."],
        [("ada sejumlah kendala teknis", False, "Rina Susanti", "Dijelaskan")],
        id="review-reported-dijelaskan-x",
    ),
    P(
        ["Andi Wijaya dari Walhi Jawa Barat menyebut bahwa izin tambang itu melanggar aturan tata ruang."],
        [("izin tambang itu melanggar aturan", False, "Andi Wijaya", "menyebut")],
        id="review-reported-x-dari-org",
    ),
    P(
        ["Perry Warjiyo memaparkan hasil rapat dewan gubernur bulan ini."],
        [Unattributed("hasil rapat dewan gubernur")],
        id="review-presenting-results-is-not-speech",
    ),
    P(
        ["“Pasien bisa pulih lebih cepat dan kembali bekerja,” ujar dr. Rina Kartika Sari kepada wartawan."],
        [("Pasien bisa pulih lebih cepat", True, "Rina Kartika Sari", "ujar")],
        id="review-lower-case-title-before-the-name",
    ),
    P(
        ["“Kurangi gula dan garam sejak dini,” kata drg. Budi Hartono Sp.KGA, Senin."],
        [("Kurangi gula dan garam", True, "Budi Hartono", "kata")],
        id="review-degree-after-the-name",
    ),
    P(
        ["“Jaga kesehatan selama di Tanah Suci,” pesan Andi Wijaya kepada para jemaah."],
        [("Jaga kesehatan selama di Tanah Suci", True, "Andi Wijaya", "pesan")],
        id="review-pesan-after-the-quote",
    ),
    P(
        [
            "Rina Susanti bercerita tentang masa kecilnya di desa.",
            "“Dulu harga cabai tidak semahal ini,” kisahnya.",
            "“Kami akan menang musim depan,” tuntas Joko Prasetyo.",
        ],
        [
            ("Dulu harga cabai tidak semahal ini", True, "Rina Susanti", "kisahnya"),
            ("Kami akan menang musim depan", True, "Joko Prasetyo", "tuntas"),
        ],
        id="review-kisahnya-and-tuntas",
    ),
    P(
        ["Direktur II Sinar Pangan, Dewi Lestari, menjelaskan bahwa langkah ini diambil demi efisiensi."],
        [("langkah ini diambil demi efisiensi", False, "Dewi Lestari", "menjelaskan")],
        id="review-role-then-name-in-commas-reports",
    ),
    P(
        ["Menurut General Manager Bank Sentosa, Joko Prasetyo, nasabah tidak perlu khawatir soal dana."],
        [("nasabah tidak perlu khawatir", False, "Joko Prasetyo", "Menurut")],
        id="review-menurut-role-then-name-in-commas",
    ),
    P(
        ["Budi Santoso, Kapolres Bogor, mengatakan bahwa pelaku sudah ditangkap di rumahnya."],
        [("pelaku sudah ditangkap", False, "Budi Santoso", "mengatakan")],
        id="review-name-then-role-in-commas-reports",
    ),
    P(
        ["Menurut BMKG, dari puluhan titik yang dipantau, ada tiga wilayah “yang paling rawan longsor”."],
        [("yang paling rawan longsor", True, "BMKG", "Menurut")],
        id="review-menurut-opens-the-sentence-of-a-quote",
    ),
    P(
        [
            "Rizky sering disebut sebagai “pangeran dingin” oleh penggemarnya.",
            "Popularitasnya membuat Dewi dijuluki “Ratu Sinetron” oleh media.",
            "Budi Santoso dikenal dengan “Raja Jalanan” di kampungnya.",
        ],
        [Absent("pangeran dingin"), Absent("Ratu Sinetron"), Absent("Raja Jalanan")],
        id="review-a-nickname-or-term-is-no-quote",
    ),
    P(
        ["“Saudara hadir dalam rapat itu atau tidak?” cecar jaksa Andi Wijaya kepada saksi."],
        [("Saudara hadir dalam rapat itu", True, "Andi Wijaya", "cecar")],
        id="review-cecar-after-the-quote",
    ),
    P(
        [
            "“Kami minta pemerintah mendengar suara kami,” ujar Adi Wiyoko.",
            "“Seandainya bus tidak boleh berhenti di sini, penumpang kami hilang semua.”",
        ],
        [
            ("Kami minta pemerintah mendengar", True, "Adi Wiyoko", "ujar"),
            ("Seandainya bus tidak boleh berhenti", True, "Adi Wiyoko", ANY),
        ],
        id="review-a-quote-paragraph-goes-on-after-its-attribution",
    ),
    P(
        [
            "“Pertama kami akan memperbaiki jalan desa.”",
            "“Kedua kami akan membangun jembatan baru.”",
            "“Ketiga kami menambah lampu jalan,” kata Bupati Joko Prasetyo.",
        ],
        [
            ("Pertama kami akan memperbaiki jalan desa", True, "Joko Prasetyo", ANY),
            ("Kedua kami akan membangun jembatan baru", True, "Joko Prasetyo", ANY),
            ("Ketiga kami menambah lampu jalan", True, "Joko Prasetyo", "kata"),
        ],
        id="review-quote-paragraphs-before-their-attribution",
    ),
    P(
        [
            "“Apakah saudara hadir dalam rapat itu?” tanya jaksa Andi Wijaya.",
            "“Saya tidak hadir karena sedang sakit, Pak.”",
        ],
        [
            ("Apakah saudara hadir dalam rapat itu?", True, "Andi Wijaya", "tanya"),
            Unattributed("Saya tidak hadir karena sedang sakit"),
        ],
        id="review-after-a-question-someone-else-answers",
    ),
    P(
        ["“Harga cabai naik terus setiap pekan,” tulis Netizen di kolom komentar."],
        [Unattributed("Harga cabai naik terus")],
        id="review-a-common-word-is-no-speaker",
    ),
    P(
        [
            "“Semua partai harus terlibat,” kata juru bicara Aliansi, Wahyu, kepada wartawan.",
            "“Pasien sebaiknya kontrol rutin,” ujar dr. Rina Kartika, Sp.PD, Senin.",
        ],
        [
            ("Semua partai harus terlibat", True, "Wahyu", "kata"),
            ("Pasien sebaiknya kontrol rutin", True, "Rina Kartika", "ujar"),
        ],
        id="review-one-name-after-a-role-in-commas",
    ),
    P(
        [
            "Kapolsek Hendrik Aritonang menjelaskan kronologi kejadian itu kepada wartawan.",
            "Menurut dia, pelaku sudah merencanakan aksinya sejak lama.",
        ],
        [("pelaku sudah merencanakan aksinya", False, "Hendrik Aritonang", "Menurut")],
        id="review-menurut-dia-is-the-last-speaker",
    ),
    P(
        ["Budi Santoso datang bersama warga ke balai desa.", "“Kami menolak tambang,” kata mereka serempak."],
        [Unattributed("Kami menolak tambang")],
        id="review-mereka-is-no-one-speaker",
    ),
    P(
        [
            "Ivan Santoso bercerita tentang perjalanan hajinya.",
            "“Rasanya deg-degan sekali waktu berangkat,” ceritanya.",
            "“Utang saya sudah lunas semua,” seloroh Joko Prasetyo.",
            "Film “Malin Kundang” cerita rakyat itu diputar lagi.",
        ],
        [
            ("Rasanya deg-degan sekali", True, "Ivan Santoso", "ceritanya"),
            ("Utang saya sudah lunas", True, "Joko Prasetyo", "seloroh"),
            Absent("Malin Kundang"),
        ],
        id="review-ceritanya-and-seloroh-after-the-quote",
    ),
    P(
        ["Joko Prasetyo bercerita soal filmnya.", "Film “Jangan Menyerah” pesan moral film itu kuat."],
        [Absent("Jangan Menyerah")],
        id="review-a-title-before-a-description-is-no-quote",
    ),
    P(
        [
            "Menteri Budi Santoso meninjau tambang itu.",
            "Lebih lanjut, ia menjelaskan bahwa dari lima izin yang aktif, hanya satu yang lengkap.",
        ],
        [("dari lima izin yang aktif", False, "Budi Santoso", "menjelaskan")],
        id="review-lebih-lanjut-opens-reported-speech",
    ),
    # --- cue after the quote: “…,” kata X ----------------------------------------------
    P(
        [
            "Presiden Joko Widodo meninjau Pasar Johar di Semarang, Selasa (18/6/2024).",
            "“Harga beras sudah mulai turun, tetapi kita harus terus memantau,” kata Jokowi.",
        ],
        [("Harga beras sudah mulai turun", True, "Joko Widodo", "kata")],
        id="after-kata-alias",
    ),
    P(
        [
            "“Penyidik masih mendalami aliran dana tersebut,” ujar Juru bicara KPK Ali Fikri "
            "kepada wartawan di Jakarta, Rabu (19/6/2024).",
        ],
        [("Penyidik masih mendalami aliran dana", True, "Ali Fikri", "ujar")],
        id="after-ujar-role-org-person",
    ),
    P(
        [
            "Longsor menutup jalur Puncak sejak Senin malam.",
            "“Kami menemukan sedikitnya 12 titik longsor di jalur itu,” ungkap Kepala Pelaksana "
            "BPBD Kabupaten Bogor Budi Santoso.",
        ],
        [("12 titik longsor", True, "Budi Santoso", "ungkap")],
        id="after-ungkap-long-role",
    ),
    P(
        [
            "“Saya sudah berjualan di sini sejak tahun 1998,” tutur Siti Aminah, pedagang sayur "
            "di Pasar Minggu.",
        ],
        [("sudah berjualan di sini", True, "Siti Aminah", "tutur")],
        id="after-tutur-appositive-after-name",
    ),
    P(
        [
            "“Gelombang tinggi diperkirakan mencapai empat meter di selatan Jawa,” jelas Kepala "
            "BMKG Dwikorita Karnawati.",
        ],
        [("Gelombang tinggi diperkirakan", True, "Dwikorita Karnawati", "jelas")],
        id="after-jelas-role-bmkg",
    ),
    P(
        [
            "“Stok beras nasional aman hingga akhir tahun,” sebut Menteri Pertanian Andi Amran "
            "Sulaiman di Istana Kepresidenan.",
        ],
        [("Stok beras nasional aman", True, "Andi Amran Sulaiman", "sebut")],
        id="after-sebut-minister",
    ),
    P(
        [
            "Polisi menutup sementara jalan menuju lokasi kebakaran.",
            "“Kami juga membuka posko pengaduan selama 24 jam,” imbuh Kapolres Bogor AKBP Hendra Wijaya.",
        ],
        [("membuka posko pengaduan", True, "Hendra Wijaya", "imbuh")],
        id="after-imbuh-police-rank",
    ),
    P(
        [
            "“Semua peserta wajib membawa kartu identitas asli,” tambah Ketua Panitia Dewi Lestari.",
        ],
        [("wajib membawa kartu identitas", True, "Dewi Lestari", "tambah")],
        id="after-tambah-committee-chair",
    ),
    P(
        [
            "Presiden terpilih Prabowo Subianto menemui para ketua umum partai koalisi di Kertanegara.",
            "“Tidak ada ruang bagi pelaku korupsi di kabinet saya,” tegas Prabowo.",
        ],
        [("Tidak ada ruang bagi pelaku korupsi", True, "Prabowo Subianto", "tegas")],
        id="after-tegas-short-name",
    ),
    P(
        [
            "Budi Santoso, Kepala Pelaksana BPBD Garut, memimpin rapat darurat pada Selasa malam.",
            "“Pertama, kami evakuasi warga di bantaran sungai,” kata Budi.",
            "“Setelah itu, tim akan turun ke desa-desa terdampak,” lanjut Budi.",
        ],
        [
            ("kami evakuasi warga", True, "Budi Santoso", "kata"),
            ("tim akan turun ke desa-desa", True, "Budi Santoso", "lanjut"),
        ],
        id="after-lanjut-first-name",
    ),
    P(
        [
            "“Kita doakan semua korban segera ditemukan,” pungkas Gubernur Jawa Tengah Ganjar Pranowo.",
        ],
        [("Kita doakan semua korban", True, "Ganjar Pranowo", "pungkas")],
        id="after-pungkas-governor",
    ),
    P(
        [
            "“Siapa yang mau bertanggung jawab atas kerugian negara ini?” tanya Ketua DPR Puan Maharani.",
        ],
        [("Siapa yang mau bertanggung jawab", True, "Puan Maharani", "tanya")],
        id="after-tanya-question-mark",
    ),
    P(
        [
            "Menteri Luar Negeri Retno Marsudi bertemu Menteri Luar Negeri Rusia Sergei Lavrov di Moskwa.",
            "“Indonesia mendorong gencatan senjata segera di Gaza,” kata Retno di Moskwa, Selasa "
            "(18/6/2024).",
        ],
        [("mendorong gencatan senjata", True, "Retno Marsudi", "kata")],
        id="after-kata-place-and-date-after-name",
    ),
    # --- role + name ----------------------------------------------------------------------
    P(
        [
            "“Indonesia tidak akan pernah mengakui pendudukan atas Palestina,” kata Menteri Luar "
            "Negeri Retno Marsudi.",
        ],
        [("tidak akan pernah mengakui pendudukan", True, "Retno Marsudi", "kata")],
        id="role-menlu-retno",
    ),
    P(
        [
            "“Kami akan terus mendukung Ukraina selama yang diperlukan,” kata Menteri Luar Negeri "
            "AS Antony Blinken.",
        ],
        [("terus mendukung Ukraina", True, "Antony Blinken", "kata")],
        id="role-with-country-blinken",
    ),
    P(
        [
            "Warga Desa Sukamaju sudah tiga minggu kesulitan air.",
            "“Kami butuh bantuan air bersih secepatnya,” kata Kepala Desa Sukamaju, Asep Saepudin.",
        ],
        [("butuh bantuan air bersih", True, "Asep Saepudin", "kata")],
        id="role-comma-name",
    ),
    P(
        [
            "“Pemerintah akan menambah kuota haji tahun depan,” kata Wakil Presiden Ma’ruf Amin.",
        ],
        [("menambah kuota haji", True, "Ma'ruf Amin", "kata")],
        id="role-name-with-apostrophe",
    ),
    # --- clitic cue: the last named speaker -------------------------------------------------
    P(
        [
            "Menteri Keuangan Sri Mulyani Indrawati menyampaikan laporan semester APBN di Jakarta.",
            "“Defisit masih terjaga di bawah tiga persen,” ujarnya.",
        ],
        [("Defisit masih terjaga", True, "Sri Mulyani Indrawati", "ujarnya")],
        id="clitic-ujarnya",
    ),
    P(
        [
            "Menteri Luar Negeri Retno Marsudi bertemu Menteri Luar Negeri Rusia Sergei Lavrov.",
            "“Indonesia mendorong perdamaian yang adil,” kata Retno.",
            "“Saya juga menyampaikan kepada Lavrov pentingnya kerja sama pangan,” katanya.",
        ],
        [
            ("mendorong perdamaian yang adil", True, "Retno Marsudi", "kata"),
            ("pentingnya kerja sama pangan", True, "Retno Marsudi", "katanya"),
        ],
        id="clitic-katanya-other-name-inside-quote",
    ),
    P(
        [
            "Kapolri Jenderal Listyo Sigit Prabowo meminta jajarannya menindak pelaku judi daring.",
            "“Tidak ada toleransi bagi anggota yang terlibat,” tegasnya.",
        ],
        [("Tidak ada toleransi", True, "Listyo Sigit Prabowo", "tegasnya")],
        id="clitic-tegasnya-name-containing-alias",
    ),
    P(
        [
            "Juru bicara KPK Ali Fikri memberikan keterangan kepada wartawan.",
            "“Tersangka sudah kami tahan selama 20 hari pertama,” jelasnya.",
        ],
        [("sudah kami tahan", True, "Ali Fikri", "jelasnya")],
        id="clitic-jelasnya-after-role",
    ),
    # --- pronoun ----------------------------------------------------------------------------
    P(
        [
            "Budi Santoso, warga Cibubur, kehilangan rumahnya dalam banjir pekan lalu.",
            "“Air naik begitu cepat, kami hanya sempat menyelamatkan surat-surat,” kata dia.",
        ],
        [("Air naik begitu cepat", True, "Budi Santoso", ("kata", "kata dia"))],
        id="pronoun-kata-dia",
    ),
    P(
        [
            "Gubernur Bank Indonesia Perry Warjiyo memaparkan hasil rapat dewan gubernur.",
            "Ia mengatakan, “Suku bunga acuan kami pertahankan di level 6,25 persen.”",
        ],
        [("Suku bunga acuan kami pertahankan", True, "Perry Warjiyo", "mengatakan")],
        id="pronoun-ia-mengatakan-before",
    ),
    P(
        [
            "Kepala BMKG Dwikorita Karnawati meminta nelayan waspada.",
            "Kata dia, “Jangan melaut dulu sampai gelombang mereda.”",
        ],
        [("Jangan melaut dulu", True, "Dwikorita Karnawati", ("kata", "kata dia"))],
        id="pronoun-kata-dia-before",
    ),
    # --- name before a trailing cue ---------------------------------------------------------
    P(
        [
            "Presiden Rusia Vladimir Putin tiba di Pyongyang pada Rabu dini hari.",
            "“Kami akan melawan kebijakan sanksi yang tidak sah,” Putin menambahkan.",
        ],
        [("melawan kebijakan sanksi", True, "Vladimir Putin", "menambahkan")],
        id="name-then-cue-putin-menambahkan",
    ),
    P(
        [
            "Pemimpin Korea Utara Kim Jong Un menyambut tamunya di bandara.",
            "“Kunjungan ini menunjukkan persahabatan yang tak tergoyahkan,” Kim mengatakan.",
        ],
        [("persahabatan yang tak tergoyahkan", True, "Kim Jong Un", "mengatakan")],
        id="name-then-cue-kim-mengatakan",
    ),
    # --- cue before the quote ---------------------------------------------------------------
    P(
        [
            "Jokowi mengatakan, “Pembangunan Ibu Kota Nusantara akan tetap berjalan sesuai rencana.”",
        ],
        [("Pembangunan Ibu Kota Nusantara", True, "Joko Widodo", "mengatakan")],
        id="before-mengatakan-comma",
    ),
    P(
        [
            "Juru bicara Kremlin Dmitry Peskov mengatakan bahwa “tidak ada rencana pertemuan "
            "dengan Zelensky dalam waktu dekat.”",
        ],
        [("tidak ada rencana pertemuan", True, "Dmitry Peskov", ("mengatakan", "mengatakan bahwa"))],
        id="before-mengatakan-bahwa",
    ),
    P(
        [
            "Mantan Gubernur DKI Jakarta Anies Baswedan berbicara di hadapan relawannya.",
            "Kata Anies, “Jakarta harus menjadi kota yang adil bagi semua warganya.”",
        ],
        [("kota yang adil bagi semua warganya", True, "Anies Baswedan", "kata")],
        id="before-kata-name-comma",
    ),
    P(
        [
            "Kapolda Metro Jaya Irjen Agus Setiawan menegaskan: “Kami tidak akan ragu menindak "
            "siapa pun yang membuat onar.”",
        ],
        [("tidak akan ragu menindak", True, "Agus Setiawan", "menegaskan")],
        id="before-menegaskan-colon",
    ),
    P(
        [
            "Menurut Kepala BMKG Dwikorita Karnawati, “puncak musim kemarau terjadi pada Agustus.”",
        ],
        [("puncak musim kemarau", True, "Dwikorita Karnawati", "menurut")],
        id="before-menurut-direct",
    ),
    P(
        [
            "“Harga pupuk harus turun,” kata Jokowi. Sementara itu, Prabowo mengatakan, “Kita "
            "harus swasembada pangan dalam empat tahun.”",
        ],
        [
            ("Harga pupuk harus turun", True, "Joko Widodo", "kata"),
            ("swasembada pangan", True, "Prabowo Subianto", "mengatakan"),
        ],
        id="two-speakers-one-paragraph",
    ),
    # --- organisations and media as speakers -------------------------------------------------
    P(
        [
            "Korea Utara kembali meluncurkan rudal balistik ke Laut Timur.",
            "“Peluncuran ini adalah peringatan keras bagi musuh-musuh kami,” tulis KCNA.",
        ],
        [("peringatan keras bagi musuh-musuh", True, "KCNA", "tulis")],
        id="org-tulis-kcna",
    ),
    P(
        [
            "“Latihan militer itu adalah persiapan invasi,” kata kantor berita Korut KCNA.",
        ],
        [("persiapan invasi", True, "KCNA", "kata")],
        id="org-kantor-berita-korut-kcna",
    ),
    P(
        [
            "Gedung Putih menyatakan, “Kami memantau dengan cermat kunjungan itu.”",
        ],
        [("memantau dengan cermat", True, "Gedung Putih", "menyatakan")],
        id="org-gedung-putih-menyatakan",
    ),
    P(
        [
            "“Pelaku sudah kami tangkap di Tangerang,” kata Polri dalam keterangan tertulisnya.",
        ],
        [("Pelaku sudah kami tangkap", True, "Kepolisian Negara Republik Indonesia", "kata")],
        id="org-polri-alias",
    ),
    # --- quote styles ------------------------------------------------------------------------
    P(
        [
            '"Kami butuh tenda dan selimut untuk para pengungsi," kata Asep Saepudin, kepala desa setempat.',
        ],
        [("butuh tenda dan selimut", True, "Asep Saepudin", "kata")],
        id="style-straight-double",
    ),
    P(
        [
            "‘Kami tidak akan menyerah pada tekanan asing,’ kata Kim Jong Un dalam pidatonya.",
        ],
        [("tidak akan menyerah pada tekanan asing", True, "Kim Jong Un", "kata")],
        id="style-single-curly-phrase",
    ),
    P(
        [
            "«Perdamaian hanya bisa dicapai lewat dialog,» ujar Paus Fransiskus di Jakarta.",
        ],
        [("Perdamaian hanya bisa dicapai", True, "Paus Fransiskus", "ujar")],
        id="style-guillemets",
    ),
    # --- long quotes -------------------------------------------------------------------------
    P(
        [
            "“Kami tidak pernah menerima uang itu. Semua tuduhan itu fitnah. Kami akan buktikan di "
            "pengadilan,” kata Maqdir Ismail, kuasa hukum tersangka.",
        ],
        [("menerima uang itu. Semua tuduhan itu fitnah. Kami akan buktikan", True, "Maqdir Ismail", "kata")],
        id="multi-sentence-quote",
    ),
    P(
        [
            "Anies Baswedan berpidato di depan ribuan pendukungnya di Jakarta Utara.",
            "“Kami tidak akan mundur. Kami akan terus berjuang untuk nelayan dan buruh.",
            "“Ini janji saya kepada seluruh warga pesisir,” kata Anies.",
        ],
        [
            (
                ("terus berjuang untuk nelayan", "janji saya kepada seluruh warga"),
                True,
                "Anies Baswedan",
                "kata",
            )
        ],
        id="multi-paragraph-quote-reopened",
    ),
    P(
        [
            "“Kami sudah bekerja keras sepanjang tahun,” kata Budi Santoso. “Hasilnya akan "
            "terlihat tahun depan.”",
        ],
        [
            ("bekerja keras sepanjang tahun", True, "Budi Santoso", "kata"),
            ("Hasilnya akan terlihat", True, "Budi Santoso", ANY),
        ],
        id="continued-quote-same-paragraph",
    ),
    # --- reported speech ---------------------------------------------------------------------
    P(
        [
            "Menteri Kesehatan Budi Gunadi Sadikin mengatakan bahwa vaksin tambahan akan tiba di "
            "Jakarta pekan depan.",
        ],
        [("vaksin tambahan akan tiba", False, "Budi Gunadi Sadikin", ("mengatakan", "mengatakan bahwa"))],
        id="reported-mengatakan-bahwa",
    ),
    P(
        [
            "Menurut BMKG, hujan lebat masih akan mengguyur Jabodetabek hingga akhir pekan.",
        ],
        [("hujan lebat masih akan mengguyur", False, "BMKG", "menurut")],
        id="reported-menurut-org",
    ),
    P(
        [
            "KPK menyatakan penyidikan kasus korupsi jalan tol itu masih terus berjalan.",
        ],
        [("penyidikan kasus korupsi jalan tol", False, "KPK", "menyatakan")],
        id="reported-menyatakan-no-bahwa",
    ),
    P(
        [
            "Pemerintah akan menambah kuota impor gula tahun ini, kata Menteri Perdagangan Zulkifli Hasan.",
        ],
        [("menambah kuota impor gula", False, "Zulkifli Hasan", "kata")],
        id="reported-trailing-kata-role-name",
    ),
    P(
        [
            "Harga cabai di pasar tradisional naik hingga dua kali lipat, kata Rina Wulandari, "
            "pedagang di Pasar Kramat Jati.",
        ],
        [("Harga cabai di pasar tradisional", False, "Rina Wulandari", "kata")],
        id="reported-trailing-kata-appositive",
    ),
    P(
        [
            "Pemimpin Korea Utara Kim Jong Un meninjau uji coba sistem peluncur roket baru pada "
            "Senin, demikian laporan KCNA.",
        ],
        [("uji coba sistem peluncur roket", False, "KCNA", ("demikian laporan", "laporan"))],
        id="reported-demikian-laporan",
    ),
    P(
        [
            "Harga minyak mentah dunia turun tiga persen pada perdagangan Selasa, seperti "
            "dilaporkan Reuters.",
        ],
        [("Harga minyak mentah dunia turun", False, "Reuters", ("seperti dilaporkan", "dilaporkan"))],
        id="reported-seperti-dilaporkan",
    ),
    P(
        [
            "Menteri Keuangan Sri Mulyani Indrawati hadir dalam rapat kerja dengan Komisi XI DPR.",
            "Ia menambahkan bahwa penerimaan pajak hingga Mei sudah mencapai 40 persen dari target.",
        ],
        [
            (
                "penerimaan pajak hingga Mei",
                False,
                "Sri Mulyani Indrawati",
                ("menambahkan", "menambahkan bahwa"),
            )
        ],
        id="reported-pronoun-ia-menambahkan",
    ),
    # --- abstentions -------------------------------------------------------------------------
    P(
        [
            "Ratusan mahasiswa berunjuk rasa di depan Gedung DPR, Senayan.",
            "Massa membentangkan spanduk bertuliskan “Tolak RUU Penyiaran” sambil berorasi.",
        ],
        [Unattributed("Tolak RUU Penyiaran")],
        id="abstain-banner-bertuliskan",
    ),
    P(
        [
            "Bagi banyak keluarga Jakarta, kawasan Puncak kini menjadi “rumah kedua” setiap akhir pekan.",
        ],
        [Unattributed("rumah kedua")],
        id="abstain-scare-quoted-term",
    ),
    P(
        [
            "Sutradara Joko Anwar kembali merilis film horor berjudul “Siksa Kubur” bulan ini.",
        ],
        [Unattributed("Siksa Kubur")],
        id="abstain-title-berjudul",
    ),
    P(
        [
            "Hujan tidak turun selama tiga bulan di Gunungkidul.",
            "“Sumur-sumur di kampung kami sudah kering sejak Mei.”",
        ],
        [("Sumur-sumur di kampung kami", True, None, ANY)],
        id="abstain-no-cue",
    ),
    P(
        [
            "Warga menyambut para relawan itu sebagai ‘pahlawan’ ketika mereka tiba di desa.",
        ],
        [Absent("pahlawan")],
        id="abstain-single-quoted-word",
    ),
    P(
        [
            "Wakil Presiden Ma’ruf Amin membuka acara itu, lalu ‘Jumat Berkah’ dibagikan kepada warga.",
        ],
        [Absent("ruf Amin"), Absent("Jumat Berkah")],
        id="abstain-apostrophe-and-two-word-single-quote",
    ),
    # --- English -----------------------------------------------------------------------------
    P(
        [
            "President Joe Biden met Ukrainian leaders at the G7 summit in Italy on Thursday.",
            '"We will stand with Ukraine for as long as it takes," Biden said.',
        ],
        [("stand with Ukraine", True, "Joe Biden", "said")],
        id="en-name-said",
    ),
    P(
        [
            "Vice President Kamala Harris spoke to reporters in Atlanta on Tuesday.",
            "“Our work is not finished,” she said.",
        ],
        [("Our work is not finished", True, "Kamala Harris", "said")],
        id="en-pronoun-she-said",
    ),
    P(
        [
            '"This is a dangerous step for the whole region," said Secretary of State Antony Blinken.',
        ],
        [("dangerous step for the whole region", True, "Antony Blinken", "said")],
        id="en-said-role-of-name",
    ),
    P(
        [
            "According to the White House, the president will travel to Europe next week for the "
            "NATO summit.",
        ],
        [("the president will travel to Europe", False, "Gedung Putih", "according to")],
        id="en-according-to-the-white-house",
    ),
    P(
        [
            "“We are watching the visit very closely,” the White House said in a statement.",
        ],
        [("watching the visit very closely", True, "Gedung Putih", "said")],
        id="en-the-white-house-said",
    ),
    P(
        [
            "“Mengadili, menyatakan terdakwa telah terbukti bersalah melakukan tindak pidana "
            "korupsi,” ujar ketua majelis hakim Rosihan Juhriah Rangkuti saat membacakan amar "
            "putusan di Pengadilan Tipikor Jakarta.",
            "“Menjatuhkan pidana penjara selama tiga tahun,” ujar hakim.",
        ],
        [
            ("Mengadili, menyatakan terdakwa", True, "Rosihan Juhriah Rangkuti", "ujar"),
            ("pidana penjara selama tiga tahun", True, "Rosihan Juhriah Rangkuti", "ujar"),
        ],
        id="after-ujar-lowercase-role-then-bare-role",
    ),
    P(
        [
            "“Kami menuntut terdakwa dihukum empat tahun penjara,” kata jaksa penuntut umum "
            "Nurachman Adikusumo di ruang sidang.",
            "Majelis hakim menunda sidang hingga pekan depan.",
            "“Kami akan pelajari dulu putusan itu,” ujar jaksa.",
        ],
        [
            ("menuntut terdakwa dihukum", True, "Nurachman Adikusumo", "kata"),
            ("pelajari dulu putusan itu", True, "Nurachman Adikusumo", "ujar"),
        ],
        id="bare-role-names-the-last-person-with-that-role",
    ),
    P(
        [
            "“Air naik sampai lutut sejak subuh,” kata warga.",
        ],
        [Unattributed("Air naik sampai lutut")],
        id="bare-role-nobody-was-given-names-nobody",
    ),
    P(
        [
            "“Terdakwa tidak mendukung program pemberantasan korupsi,” kata Ketua Hakim, Rosihan "
            "Juhriah Rangkuti di ruang sidang, Rabu (18/6/2025).",
            "“Perbuatan terdakwa mencederai nama baik lembaga peradilan,” tambah dia.",
        ],
        [
            ("tidak mendukung program", True, "Rosihan Juhriah Rangkuti", "kata"),
            ("mencederai nama baik", True, "Rosihan Juhriah Rangkuti", "tambah"),
        ],
        id="after-kata-role-comma-name-then-where",
    ),
    P(
        [
            "Menteri Sosial (Mensos) Saifullah Yusuf mengatakan penyaluran bansos tahap kedua "
            "akan rampung pekan ini.",
            "“Terus terang ada beberapa keluarga yang batal menerima bantuan,” kata Mensos.",
        ],
        [("batal menerima bantuan", True, "Saifullah Yusuf", "kata")],
        id="after-kata-role-short-form-names-the-minister",
    ),
    P(
        [
            "“Penyaluran bantuan tahap kedua dimulai pekan ini,” kata Kepala Dinas Sosial Budi Santoso.",
            "Saat ini, dinas terus berkoordinasi dengan Rina Marlina, dan jika perlu juga dengan bank "
            "daerah.",
            "“Kami ingin memastikan semua rekening penerima masih aktif,” ucapnya.",
        ],
        [("semua rekening penerima", True, "Budi Santoso", "ucapnya")],
        id="clitic-a-person-after-dengan-is-no-new-speaker",
    ),
    P(
        [
            "Pada kesempatan yang sama, Deputi Statistik Sosial Badan Pusat Statistik (BPS), Dewi "
            "Kartika BPS mengatakan data penerima terus diperbarui setiap bulan.",
            "“Kami mencermati beberapa faktor, seperti rekening tidak aktif,” ucapnya.",
        ],
        [
            ("data penerima terus diperbarui", False, "Dewi Kartika", "mengatakan"),
            ("beberapa faktor", True, "Dewi Kartika", "ucapnya"),
        ],
        id="reported-a-name-followed-by-its-agency",
    ),
    P(
        [
            "“Menjatuhkan pidana penjara selama dua tahun,” ujar hakim di ruang sidang.",
            "Putusan itu dibacakan oleh ketua majelis hakim Teguh Santosa Wijaya pada Kamis (19/6/2025).",
        ],
        [("pidana penjara selama dua tahun", True, "Teguh Santosa Wijaya", "ujar")],
        id="bare-role-before-the-one-person-given-it-later",
    ),
    P(
        [
            "“Sidang ditunda sampai pekan depan,” ujar hakim.",
            "Perkara pertama dipimpin hakim ketua Bambang Sutrisno, perkara kedua hakim ketua Sri Rahayu.",
        ],
        [Unattributed("Sidang ditunda sampai pekan depan")],
        id="bare-role-two-people-given-it-later-names-nobody",
    ),
    P(
        [
            "Menteri Sosial Hasan Basri mengatakan penyaluran bantuan tahap kedua rampung pekan ini.",
            "Mensos yang karib disapa Gus Hasan itu meminta warga memeriksa rekening mereka.",
            "“Rekening yang tidak aktif akan kami data ulang,” kata Mensos.",
        ],
        [("akan kami data ulang", True, "Gus Hasan", "kata")],
        id="after-kata-role-short-form-names-the-one-last-given-it-by-nickname",
    ),
    P(
        [
            "“Saya belajar banyak di klub ini dan saya tumbuh dewasa dengan cepat di sini,” ujar Eder "
            "kepada wartawan.",
            "“Itu sangat bagus untuk karier saya dalam sepak bola,” tambah pemain Swansea tersebut.",
            "“Saya bahagia saat ini dan saya menghargai proses hidup saya,” tandas pemain yang kerap "
            "menjadi cadangan itu.",
        ],
        [Unattributed("menghargai proses hidup saya")],
        id="bare-role-an-organisation-after-the-role-word-does-not-hold-it",
    ),
    P(
        [
            "“Saya belajar banyak di klub ini dan saya tumbuh dewasa dengan cepat di sini,” ujar Eder "
            "kepada wartawan.",
            "“Itu sangat bagus untuk karier saya dalam sepak bola,” tambah pemain Swansea tersebut.",
        ],
        [("karier saya dalam sepak bola", True, "Eder", "tambah")],
        id="after-cue-role-and-club-with-tersebut-is-the-last-speaker",
    ),
    P(
        [
            "Hakim menyatakan Rudi Hartanto bersalah menerima suap.",
            "“Vonis ini terlalu berat bagi klien kami,” ujar hakim.",
        ],
        [Unattributed("terlalu berat bagi klien kami")],
        id="bare-role-a-name-after-the-role-and-a-verb-has-no-role",
    ),
    P(
        [
            "“Terdakwa terbukti bersalah,” kata ketua majelis hakim Joko Purnomo di ruang sidang.",
            "Joko menyinggung Ratna Sari sebetulnya korban dari kuasa hukumnya sendiri.",
            "“Terdakwa adalah korban nasihat yang melanggar hukum,” katanya.",
        ],
        [("korban nasihat yang melanggar hukum", True, "Joko Purnomo", "katanya")],
        id="clitic-the-sentence-subject-is-its-first-person",
    ),
    P(
        [
            "Melihat penampilan tim nasional, Bupati Sleman Harda Kiswaya juga angkat bicara.",
            "Permainan cantik Marselino Ferdinan dan kawan-kawan membuat Harda berdecak kagum.",
            "“Tim ini bermain dengan disiplin dan penuh semangat,” ujarnya.",
        ],
        [("bermain dengan disiplin", True, "Harda Kiswaya", "ujarnya")],
        id="clitic-a-person-only-spoken-of-is-no-new-speaker",
    ),
    P(
        [
            "“Tidak ada satu pun sampel yang positif,” ungkap Direktur laboratorium antidoping "
            "nasional, Sri Wahyuni Lestari, di Jakarta.",
        ],
        [("sampel yang positif", True, "Sri Wahyuni Lestari", "ungkap")],
        id="after-ungkap-role-with-a-lower-case-noun-then-name",
    ),
    P(
        [
            "“Lini tengah kami harus lebih cepat,” kata pelatih Indra Sjafri.",
            "Dalam pandangan komentator sepak bola Budi Hartono, tim itu kurang kreatif.",
            "“Mereka terlalu sering mengirim bola panjang,” ujarnya.",
        ],
        [("terlalu sering mengirim bola panjang", True, "Budi Hartono", "ujarnya")],
        id="clitic-dalam-pandangan-gives-a-new-person-the-floor",
    ),
    P(
        [
            "“Kami menyambut baik program ini,” kata Menteri Kesehatan Budi Gunadi Sadikin.",
            "Heri Cahyono, Ketua Umum Persatuan Tunanetra Indonesia, menanggapi program tersebut.",
            "“Sebagian besar anggota kami bekerja sebagai terapis pijat,” tuturnya.",
        ],
        [("bekerja sebagai terapis pijat", True, "Heri Cahyono", "tuturnya")],
        id="clitic-a-verb-after-an-appositive-gives-the-floor",
    ),
    P(
        [
            "Wali Kota Bogor Dedie Rachim meninjau lokasi banjir di Tanah Sareal.",
            "Sayangnya, lanjut Dedie, masih banyak warga yang membuang sampah ke sungai.",
            "Harga cabai naik tajam pekan ini, kata Rina, pedagang di Pasar Kramat Jati.",
        ],
        [
            (("Sayangnya", "masih banyak warga yang membuang sampah"), False, "Dedie Rachim", "lanjut"),
            ("Harga cabai naik tajam", False, "Rina", "kata"),
            Unattributed("pedagang di Pasar Kramat Jati"),
        ],
        id="rep-a-cue-in-the-middle-of-the-reported-words",
    ),
    P(
        [
            "PT Chery Sales Indonesia mencatat satu lagi kesuksesan penting di pasar mobil tahun ini.",
            "Ekonom Budi Hartono mencatat bahwa inflasi Mei melambat dibanding bulan sebelumnya.",
        ],
        [
            Unattributed("satu lagi kesuksesan penting"),
            ("inflasi Mei melambat", False, "Budi Hartono", ("mencatat", "mencatat bahwa")),
        ],
        id="rep-mencatat-reports-speech-only-with-bahwa",
    ),
    P(
        [
            "Gubernur BI Perry Warjiyo mengumumkan suku bunga acuan tetap.",
            "“Kami akan terus menjaga stabilitas rupiah,” kata Gubernur BI.",
            "“Kami prihatin,” kata juru bicara Gedung Putih.",
        ],
        [
            ("menjaga stabilitas rupiah", True, "Perry Warjiyo", "kata"),
            ("Kami prihatin", True, "Gedung Putih", "kata"),
        ],
        id="after-a-role-in-an-organisation-is-the-person-given-it",
    ),
]


def _article(paragraphs: list[str]) -> Article:
    return annotate(Article(id="t", source="t.txt", body=paragraphs, published=PUBLISHED))


def _describe(article: Article) -> str:
    got = [(q.text, q.direct, q.speaker, q.speaker_mention, q.cue) for q in article.quotes]
    return repr(got) if got else "no quotes"


def _cue_ok(cue: str | None, expected) -> bool:
    if expected is ANY:
        return True
    accepted = (expected,) if isinstance(expected, str) else expected
    return cue is not None and cue.lower() in {c.lower() for c in accepted}


@pytest.mark.parametrize(("paragraphs", "expected"), ROWS)
def test_quotes(paragraphs, expected):
    article = _article(paragraphs)
    text = article.text
    got = _describe(article)
    for item in expected:
        if isinstance(item, Absent):
            assert item in text, f"bad row: {item!r} is not in the text"
            bad = [q for q in article.quotes if q.direct and item in q.text]
            assert not bad, f"{item!r} is not a quote; got {got}"
            continue
        if isinstance(item, Unattributed):
            assert item in text, f"bad row: {item!r} is not in the text"
            bad = [q for q in article.quotes if item in q.text and q.speaker is not None]
            assert not bad, f"nobody says {item!r}; got {got}"
            continue
        fragment, direct, speaker, cue = item
        fragments = (fragment,) if isinstance(fragment, str) else fragment
        for f in fragments:
            assert f in text, f"bad row: {f!r} is not in the text"
        assert any(
            all(f in q.text for f in fragments)
            and q.direct == direct
            and q.speaker == speaker
            and _cue_ok(q.cue, cue)
            for q in article.quotes
        ), f"expected {fragments!r} direct={direct} speaker={speaker!r} cue={cue!r}; got {got}"


@pytest.mark.parametrize(("paragraphs", "expected"), ROWS)
def test_quote_offsets(paragraphs, expected):
    """Offsets point into ``Article.text``; a direct quote is exactly what its marks enclose."""
    article = _article(paragraphs)
    text = article.text
    for q in article.quotes:
        assert text[q.start : q.end] == q.text, (q.text, text[q.start : q.end])
        assert q.text.strip(), q
        if q.direct:
            assert q.start > 0 and text[q.start - 1] in OPENING, (q.text, text[max(0, q.start - 2) : q.end])
            assert q.end < len(text) and text[q.end] in CLOSING, (q.text, text[q.start : q.end + 2])
        assert 0 <= q.sentence_index < len(article.sentences), q


def test_reported_words_start_after_the_speakers_degrees():
    """ "Menurut Rizky Purnomo, S.Psi, M.Psi, istilah …": the degrees are the speaker's, the
    reported words begin at "istilah"."""
    article = _article(["Menurut Rizky Purnomo, S.Psi, M.Psi, istilah itu menggambarkan otak yang lelah."])
    reported = [q for q in article.quotes if not q.direct]
    assert len(reported) == 1 and reported[0].speaker == "Rizky Purnomo"
    assert reported[0].text.startswith("istilah itu"), reported[0].text
