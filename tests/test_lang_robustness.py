"""The language layer on hostile and odd input: no crash, offsets that point at their text,
and the few rules a code review found broken (compound number words, a strict run that stops
early, a batch holding a date that is not a calendar date, huge counts)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from kabar.lang.annotate import annotate
from kabar.lang.date_mentions import find_date_mentions
from kabar.lang.numbers import find_numbers
from kabar.model import Article
from kabar.pipeline import batch_reference, clean_paths

REF = datetime(2024, 6, 19, 9, 0, tzinfo=timezone(timedelta(hours=7)))

HOSTILE = {
    "capitalised-run-before-a-quote": "Budi Santoso " * 1500 + "“Kami siap menghadapi semua tantangan,”",
    "many-tiny-quotes": "“a” " * 4000,
    "straight-marks": '" ' * 8000,
    "unclosed-openers": "“" * 20000,
    "digits": "1 " * 8000,
    "weekdays": "Rabu " * 8000,
    "full-dates": "19 Juni 2024 " * 3000,
    "years": "2024 " * 8000,
    "sentences": "Ada 5 orang. " * 3000,
    "dotted-i": "İstanbul İİİ kata İbrahim. Presiden İİİ Joko Widodo datang.",
    "only-punctuation": "!?.,;:“”«»—–-" * 100,
    "huge-numeral": "9" * 400 + " orang",
    "no-break-spaces": "Patrick\xa0Kluivert\xa0mengatakan\xa0“siap,”\xa0kata\xa0dia.",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_text_keeps_offsets(name):
    article = Article(id=name, source=name, body=[HOSTILE[name]], published="2024-06-19T10:00:00+07:00")
    annotate(article)
    text = article.text
    for s in article.sentences:
        assert text[s.start : s.end] == s.text
    for q in article.quotes:
        assert text[q.start : q.end] == q.text
    for d in article.dates_in_text:
        assert text[d.start : d.end] == d.mention
    for n in article.numbers:
        assert text[n.start : n.end] == n.mention
        assert n.value == n.value and abs(n.value) < float("inf")  # JSON has no NaN or Infinity
    for e in article.entities:
        for m in e.spans:
            assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("seratus dua puluh", 120),
        ("seribu lima ratus", 1500),
        ("tiga ratus lima puluh ribu", 350_000),
        ("dua puluh lima", 25),
        ("dua belas", 12),
    ],
)
def test_compound_number_words(words, value):
    text = f"Sebanyak {words} warga hadir."
    found = find_numbers(text)
    assert [(text[n.start : n.end], n.value) for n in found] == [(words, value)]


def test_huge_relative_counts_are_not_dates():
    for text in ("1000000 hari lalu", "99999999999 hari lalu", "5000 tahun lalu", "200000 bulan lalu"):
        assert find_date_mentions(text, REF) == [], text
    assert [f.value for f in find_date_mentions("3 hari lalu", REF)] == ["2024-06-16"]


def test_money_is_not_a_year():
    text = "Harga naik menjadi Rp 2000 per ons."
    assert find_date_mentions(text, REF) == []
    assert [(n.value, n.unit) for n in find_numbers(text)] == [(2000, "IDR")]


def test_reported_speech_inside_a_quote_is_not_a_second_quote():
    article = Article(
        id="q",
        source="q",
        body=[
            "“Harga beras naik tajam sekali pekan ini. Andi Wijaya mengatakan bahwa kami tidak tahu "
            "apa-apa soal itu sama sekali. Penutup kalimat ini,” kata Budi Santoso."
        ],
    )
    annotate(article)
    assert [(q.direct, q.speaker) for q in article.quotes] == [(True, "Budi Santoso")]


def test_batch_reference_skips_dates_that_are_not_calendar_dates():
    good = Article(id="a", source="a", published_date="2024-06-19")
    bad = Article(id="b", source="b", published_date="2024W25T10")
    assert batch_reference([good, bad, bad]) == date(2024, 6, 19)


def test_a_strict_run_that_stops_still_annotates_what_it_cleaned(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Judul berita\n\nJAKARTA - Presiden Joko Widodo meresmikan bendungan baru di Bogor "
        "pada Rabu (19/6/2024).",
        encoding="utf-8",
    )
    (tmp_path / "b.html").write_text("<html><body></body></html>", encoding="utf-8")
    run = clean_paths([str(tmp_path)], strict=True)
    assert run.articles, run.skipped
    assert all(a.sentences and a.language for a in run.articles)


_ANNOTATE_EXAMPLES = """
import json
from kabar.lang.annotate import annotate
from kabar.model import Article
from kabar.pipeline import clean_paths
run = clean_paths(["examples"])
# two role words of one length before a name: which one is kept must not depend on set order
extra = Article(id="x", source="x", body=["Raja Spanyol Juan Carlos, Ratu Sofia hadir di Madrid."])
articles = [*run.articles, annotate(extra)]
print(json.dumps([[a.language, [q.to_dict() for q in a.quotes], [e.to_dict() for e in a.entities],
                   [d.to_dict() for d in a.dates_in_text], [n.to_dict() for n in a.numbers]]
                  for a in articles], sort_keys=True))
"""


def test_annotations_do_not_depend_on_the_hash_seed():
    """Sets iterate in a different order in every process: nothing may depend on it."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", _ANNOTATE_EXAMPLES], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr[-2000:]
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
