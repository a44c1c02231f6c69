"""WordScan finds exactly what the pattern's finditer finds."""

from kabar.lang.date_mentions import _scans
from kabar.lang.dates import _anchor_scans
from kabar.lang.numbers import _word_scans
from kabar.lang.patterns import ScanText

TEXTS = [
    "Rabu (19/6), JUNI 2024, Jum'at dan Jum’at, KAMIS malam, sejuni, a_juni juni_ -juni 5juni",
    "İstanbul Juni ſenin ıuni Senin",  # characters re.IGNORECASE reads differently from lower()
    "dua puluh lima ribu, SATU-DUA, ketiga, Kedua negara, satu per satu, indonesia ten",
    "hari ini HARI  INI kemarin lusa, tadi malam ini, -kemarin, tahun lalu Tahun Lalu",
    "",
]


def test_same_matches_as_finditer():
    scans = [*_anchor_scans().values(), *_scans().values(), *_word_scans().values()]
    for scan in scans:
        for text in TEXTS:
            expected = [(m.span(), m.group()) for m in scan.pattern.finditer(text)]
            assert [(m.span(), m.group()) for m in scan.finditer(text)] == expected
            assert [(m.span(), m.group()) for m in scan.finditer(ScanText(text))] == expected


def test_numbers_and_years():
    text = "Rp100, $5, a$5, US$ 3, ٣٤, tahun ٢٠٢٤, 2024-2025, pukul 10.00, ke-3, KE-4, x2024, _2024"
    text += ", 3 hari lalu, dua pekan lagi, ٣ hari lalu, Rp 5 rb, 2 jt, 1999, tahun 1998"
    scans = [*_scans().values(), *_word_scans().values()]
    for scan in scans:
        expected = [(m.span(), m.group()) for m in scan.pattern.finditer(text)]
        assert [(m.span(), m.group()) for m in scan.finditer(text)] == expected
