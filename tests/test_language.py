"""Table test for language detection (:mod:`kabar.lang.language`, directly and through
:func:`kabar.lang.annotate.annotate`).

Each row is an invented paragraph or short article and the language a reader who knows
Indonesian, Malay and English gives it. The expectations were written from the language and
from the rules in the docstring of :mod:`kabar.lang.language`, not from the code's output:

* kabar supports Indonesian ("id"), English ("en") and Malay ("ms"). Malay is told from
  Indonesian by its Malaysian vocabulary and spelling ("kerajaan" for the government, "boleh",
  "daripada", "bahawa", "pada hari ini", "baharu", "peratus", "Dewan Rakyat", "Ringgit");
* :func:`detect` gives a language code and a confidence in (0, 1]; text with no letters gives
  None;
* the article's language is that of its text (its start, for a long article); an empty body,
  or one with no letters, has no language, every paragraph's language is None and the
  article is not mixed;
* a paragraph is detected on its own only when it is long enough to say something
  (``PARAGRAPH_MIN_CHARS`` = 120 characters); a shorter one (a byline, a photo credit, a name,
  a "Baca juga" line) takes the article's language, whatever its words;
* a detected paragraph keeps its own language only when the detector is confident
  (``MIXED_MIN_CONFIDENCE`` = 0.8); an article is *mixed* when such a paragraph is in another
  supported language than the article, except that Indonesian and Malay are close kin: a
  Malay-sounding paragraph in an Indonesian article (or the reverse) is not a switch;
* English loan words in an Indonesian sentence ("online", "startup", "platform",
  "e-commerce") do not make it English.

Row formats: ``DETECT`` rows are ``(text, code)``; ``ARTICLES`` rows are ``(paragraphs,
language, paragraph_languages, mixed)`` where ``paragraph_languages`` lists one code per
paragraph, a set of accepted codes where either reading is right, or ``None`` for an article
with no language.
"""

from __future__ import annotations

import pytest

from kabar.lang.annotate import annotate
from kabar.lang.language import PARAGRAPH_MIN_CHARS, article_language, detect
from kabar.model import Article

PUBLISHED = "2024-06-19T07:57:00+07:00"

P = pytest.param

# ---------------------------------------------------------------- paragraphs

ID_FUEL = (
    "Pemerintah berencana menaikkan harga bahan bakar minyak bersubsidi mulai bulan depan. "
    "Menurut Menteri Keuangan, langkah itu diperlukan agar anggaran negara tetap sehat."
)
ID_FLOOD = (
    "Banjir yang melanda sejumlah kecamatan di Kabupaten Bandung sejak Senin malam membuat "
    "ribuan warga mengungsi. Petugas gabungan masih mendata kerugian akibat bencana tersebut."
)
ID_CHILI = (
    "Harga cabai rawit di pasar tradisional naik hampir dua kali lipat dalam sepekan terakhir. "
    "Para pedagang mengaku pasokan dari daerah sentra produksi berkurang karena cuaca buruk."
)
ID_LOANWORDS = (
    "Jumlah startup yang menawarkan layanan online di Indonesia terus bertambah. Banyak pelaku "
    "usaha kecil kini berjualan lewat platform e-commerce dan media sosial agar bisa "
    "menjangkau lebih banyak pembeli di luar kota."
)
ID_LOANWORDS_2 = (
    "Menurut sejumlah founder startup, tantangan terbesar saat ini adalah mencari investor "
    "baru. Mereka juga harus memperbaiki user experience aplikasi dan memperkuat tim marketing "
    "sebelum meluncurkan fitur baru secara online."
)
EN_BANK = (
    "The central bank kept its benchmark interest rate unchanged on Wednesday, saying inflation "
    "remained within its target range. Analysts had expected the decision after weeks of "
    "currency weakness."
)
EN_LANDSLIDE = (
    "Heavy rain triggered landslides in several villages, forcing hundreds of residents to leave "
    "their homes. Rescue teams were still searching for three people who remain missing."
)
EN_SCHOOLS = (
    "The government said it would expand the programme to another ten provinces next year, "
    "after a pilot scheme showed promising results in rural schools and small towns."
)
EN_QUOTE = (
    "“We have never seen flooding like this in our village. The water rose so quickly that many "
    "families could not save anything at all,” one resident told reporters at the shelter."
)
MS_AID = (
    "Kerajaan akan memperkenalkan bantuan tunai baharu kepada isi rumah berpendapatan rendah, "
    "kata Perdana Menteri pada hari ini. Bantuan sebanyak 500 Ringgit itu boleh dituntut mulai "
    "bulan hadapan."
)
MS_BILL = (
    "Rang undang-undang itu dibentangkan di Dewan Rakyat pada hari ini dan dijangka dibahaskan "
    "selama tiga hari. Menteri berkata bahawa pindaan tersebut perlu bagi melindungi pengguna "
    "daripada penipuan dalam talian."
)
MS_PALM = (
    "Harga minyak sawit mentah meningkat lebih daripada dua peratus pada minggu ini. "
    "Penganalisis berpendapat bahawa permintaan daripada India dan China akan terus kukuh, "
    "sekali gus membantu nilai Ringgit."
)
MS_POLICE = (
    "Polis memaklumkan bahawa seorang lelaki berusia 35 tahun telah ditahan bagi membantu "
    "siasatan. Orang ramai yang mempunyai maklumat boleh menghubungi balai polis yang "
    "berhampiran dengan segera."
)

LONG = [ID_FUEL, ID_FLOOD, ID_CHILI, ID_LOANWORDS, ID_LOANWORDS_2, EN_BANK, EN_LANDSLIDE]
LONG += [EN_SCHOOLS, EN_QUOTE, MS_AID, MS_BILL, MS_PALM, MS_POLICE]


def test_paragraphs_are_long_enough():
    """The rows below rely on these paragraphs being detected on their own."""
    for paragraph in LONG:
        assert len(paragraph) >= PARAGRAPH_MIN_CHARS, paragraph


DETECT = [
    P(ID_FUEL, "id", id="id-fuel-price"),
    P(ID_FLOOD, "id", id="id-flood"),
    P(ID_CHILI, "id", id="id-chili-price"),
    P(ID_LOANWORDS, "id", id="id-loanwords"),
    P(EN_BANK, "en", id="en-central-bank"),
    P(EN_LANDSLIDE, "en", id="en-landslide"),
    P(EN_SCHOOLS, "en", id="en-schools"),
    P(EN_QUOTE, "en", id="en-quote"),
    P(MS_AID, "ms", id="ms-cash-aid"),
    P(MS_BILL, "ms", id="ms-dewan-rakyat-bill"),
    P(MS_PALM, "ms", id="ms-palm-oil"),
    P(MS_POLICE, "ms", id="ms-police"),
]


@pytest.mark.parametrize(("text", "code"), DETECT)
def test_detect(text, code):
    found = detect(text)
    assert found is not None
    assert found.code == code, found
    assert 0 < found.confidence <= 1, found


@pytest.mark.parametrize("text", [P("", id="empty"), P("12.000 - 45 %", id="no-letters")])
def test_detect_nothing(text):
    assert detect(text) is None


# ---------------------------------------------------------------- articles

EITHER_ID_MS = frozenset({"id", "ms"})

ARTICLES = [
    P([ID_FUEL, ID_FLOOD, ID_CHILI], "id", ["id", "id", "id"], False, id="article-id"),
    P([EN_BANK, EN_LANDSLIDE, EN_SCHOOLS], "en", ["en", "en", "en"], False, id="article-en"),
    P([MS_AID, MS_BILL, MS_PALM], "ms", ["ms", "ms", "ms"], False, id="article-ms"),
    P([ID_FLOOD, EN_QUOTE, ID_FUEL], "id", ["id", "en", "id"], True, id="id-with-english-quote"),
    P(
        [ID_FLOOD, ID_CHILI, ID_FUEL, EN_QUOTE],
        "id",
        ["id", "id", "id", "en"],
        True,
        id="id-with-english-quote-last",
    ),
    P([EN_BANK, ID_CHILI, EN_LANDSLIDE], "en", ["en", "id", "en"], True, id="en-with-indonesian"),
    P([EN_BANK, MS_BILL, EN_SCHOOLS], "en", ["en", "ms", "en"], True, id="en-with-malay"),
    P(
        [ID_FUEL, MS_PALM, ID_FLOOD],
        "id",
        ["id", EITHER_ID_MS, "id"],
        False,
        id="id-with-malay-not-mixed",
    ),
    P(
        [MS_AID, ID_CHILI, MS_BILL],
        "ms",
        ["ms", EITHER_ID_MS, "ms"],
        False,
        id="ms-with-indonesian-not-mixed",
    ),
    P(
        [ID_FLOOD, "Reporter: Andi Wijaya", ID_CHILI, "Editor: Rina Marlina"],
        "id",
        ["id", "id", "id", "id"],
        False,
        id="id-short-name-lines",
    ),
    P(
        [ID_FUEL, "Read more: Floods hit Bandung again", ID_FLOOD],
        "id",
        ["id", "id", "id"],
        False,
        id="id-short-english-line",
    ),
    P(
        [EN_LANDSLIDE, "Baca juga: Banjir rendam Bandung", EN_BANK],
        "en",
        ["en", "en", "en"],
        False,
        id="en-short-indonesian-line",
    ),
    P([ID_LOANWORDS, ID_LOANWORDS_2], "id", ["id", "id"], False, id="id-full-of-loanwords"),
    P([], None, [], False, id="empty-body"),
    P([""], None, None, False, id="one-empty-paragraph"),
    P(["12.000", "— — —"], None, None, False, id="no-letters"),
]


def _check_paragraphs(got, expected, n):
    assert len(got) == n, got
    if expected is None:
        assert all(code is None for code in got), got
        return
    for code, want in zip(got, expected, strict=True):
        accepted = want if isinstance(want, frozenset) else {want}
        assert code in accepted, (got, expected)


@pytest.mark.parametrize(("paragraphs", "language", "per_paragraph", "mixed"), ARTICLES)
def test_article_language(paragraphs, language, per_paragraph, mixed):
    result = article_language(paragraphs)
    if language is None:
        assert result.language is None, result
    else:
        assert result.language is not None, result
        assert result.language.code == language, result
        assert 0 < result.language.confidence <= 1, result
    _check_paragraphs(result.paragraphs, per_paragraph, len(paragraphs))
    assert result.mixed is mixed, result


@pytest.mark.parametrize(("paragraphs", "language", "per_paragraph", "mixed"), ARTICLES)
def test_annotated_article_language(paragraphs, language, per_paragraph, mixed):
    article = annotate(Article(id="t", source="t.txt", body=list(paragraphs), published=PUBLISHED))
    assert article.language == language, article.language
    if language is None:
        assert not article.language_confidence, article.language_confidence
    else:
        assert article.language_confidence is not None
        assert 0 < article.language_confidence <= 1, article.language_confidence
    _check_paragraphs(article.paragraph_languages, per_paragraph, len(paragraphs))
    assert article.mixed_language is mixed
