"""Properties of the cleaner (hypothesis): it never raises on arbitrary text or bytes, and it
never puts text in a body that is not in the input, up to whitespace.

"Up to whitespace": the body's characters, whitespace removed, are pieces of the input's
characters (whitespace removed), in order; a piece may be dropped between them (a "Baca
Juga" link cut out of a paragraph) but nothing may be added or changed.
"""

from __future__ import annotations

import contextlib
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kabar.clean import clean_document
from kabar.errors import InputError
from kabar.model import Document
from kabar.read import ReadOptions, read_bytes

_WS = re.compile(r"\s+")

LINES = [
    "JAKARTA, KOMPAS.com - Pemerintah menaikkan anggaran pendidikan tahun depan menjadi Rp 700 triliun.",
    "Liputan6.com, JakartaPresiden Prabowo Subianto meresmikan jembatan baru di Kalimantan.",
    "Jakarta",
    "-",
    "Dewi Perssik",
    "bersyukur karena rezeki tahun ini lancar.",
    "Baca juga:",
    "Harga Emas Hari Ini Naik Tajam",
    "Baca Juga: Polisi Tangkap Dua Pelaku",
    "ADVERTISEMENT",
    "SCROLL TO CONTINUE WITH CONTENT",
    "Advertisement",
    "(dry/din)",
    "(*)",
    "Penulis: Rina Susanti | Editor: Budi Santoso",
    "Rabu, 19 Juni 2024 07:57 WIB",
    '"Kami sangat prihatin dengan situasi ini," kata Menteri Luar Negeri Sugiono, Selasa (18/6).',
    "Warga mengungsi ke balai desa.(KOMPAS.COM/PUJI HASTUTI)",
    "Home » Nasional » Hukum",
    "HeadlinePeristiwa",
    "Tinggalkan Balasan",
    "Share This Article",
    "timnas indonesia",
    "raja ampat",
    "Kondisikesehatan mentalyang memburuk membuat warga keDisneyland bersama AliKhameneimengatakan hal itu.",
    "iPhone, TikTok dan McLaren tetap ditulis seperti aslinya oleh wartawan.",
    "Ratusan Marinir dikerahkan.Baca Juga: Los Angeles Dilanda Kerusuhan Pejabat itu menambahkan situasinya.",
    "Artikel ini telah tayang di Tribunnews.com dengan judul Banjir Rendam Desa",
    "Ikuti kami di Google News",
]


def _pieces_in_order(body: str, source: str) -> bool:
    """Do the body's words occur in ``source`` (whitespace removed), each after the last?

    Each word is matched at its earliest place after the previous one, which finds a
    placement whenever one exists. A word that the cleaner changed, invented or moved
    before an earlier one has no place.
    """
    source = _WS.sub("", source)
    pos = 0
    for word in body.split():
        found = source.find(word, pos)
        if found < 0:
            return False
        pos = found + len(word)
    return True


def _check(text: str, kind: str = "text") -> None:
    doc = Document(
        source="prop.txt",
        kind=kind,
        text=text if kind == "text" else None,
        html=text if kind == "html" else None,
    )
    try:
        article = clean_document(doc)
    except InputError:
        return  # a clear "no article text" is an allowed answer
    for paragraph in article.body:
        assert _pieces_in_order(paragraph, text), paragraph
    if article.title:
        assert _pieces_in_order(article.title, text) or article.title in text


page_lines = st.lists(st.one_of(st.sampled_from(LINES), st.text(max_size=80)), max_size=25)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=page_lines, blank=st.booleans())
def test_text_pages_never_raise_and_never_invent(lines, blank):
    _check(("\n\n" if blank else "\n").join(lines))


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=2000))
def test_arbitrary_text_never_raises(text):
    _check(text)


@settings(max_examples=100, deadline=None)
@given(lines=page_lines)
def test_html_pages_never_raise(lines):
    html = (
        "<html><body><article><h1>Judul Berita Hari Ini</h1>"
        + "".join(f"<p>{line}</p>" for line in lines)
        + "</article></body></html>"
    )
    doc = Document(source="prop.html", kind="html", html=html)
    with contextlib.suppress(InputError):
        clean_document(doc)


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=4000))
def test_arbitrary_bytes_never_raise(data):
    for item in read_bytes(data, "blob.txt", None, ReadOptions()):
        if isinstance(item, Document) and item.text is not None:
            _check(item.text)


def test_the_checker_catches_invented_text():
    assert _pieces_in_order("Banjir besar", "Kemarin banjir besar melanda") is False  # case changed
    assert _pieces_in_order("banjir melanda", "Kemarin banjir besar melanda") is True  # piece dropped
    assert _pieces_in_order("banjir  besar", "banjirbesar") is True  # whitespace only
    assert _pieces_in_order("besar banjir", "banjir besar") is False  # moved
    assert _pieces_in_order("Rp 700 juta", "Rp 700 triliun") is False  # changed
