"""WordScan finds exactly what the pattern's finditer finds."""

from kabar.lang.date_mentions import _rel_scan
from kabar.lang.dates import _anchor_scans
from kabar.lang.numbers import _word_scans

TEXTS = [
    "Rabu (19/6), JUNI 2024, Jum'at dan Jum’at, KAMIS malam, sejuni, a_juni juni_ -juni 5juni",
    "İstanbul Juni ſenin ıuni Senin",  # characters re.IGNORECASE reads differently from lower()
    "dua puluh lima ribu, SATU-DUA, ketiga, Kedua negara, satu per satu, indonesia ten",
    "hari ini HARI  INI kemarin lusa, tadi malam ini, -kemarin, tahun lalu Tahun Lalu",
    "",
]


def test_same_matches_as_finditer():
    scans = [*_anchor_scans().values(), _rel_scan(), *_word_scans().values()]
    for scan in scans:
        for text in TEXTS:
            expected = [(m.span(), m.group()) for m in scan.pattern.finditer(text)]
            assert [(m.span(), m.group()) for m in scan.finditer(text)] == expected
            assert [(m.span(), m.group()) for m in scan.finditer(text, text.lower())] == expected
