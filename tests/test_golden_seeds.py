"""The five seeds against samples/gold (Foundation issue, Must show #1).

Thresholds: body paragraph precision and recall >= 0.98 over all five files, zero gold
boilerplate lines left in any body, and title, outlet, authors, editors, published,
published_date and dateline equal to gold on every file where the gold states them.
"""

from __future__ import annotations

import pytest

from kabar.eval.clean import CleanScore, load_gold, score_article
from tests.conftest import GOLD, need

BODY_THRESHOLD = 0.98


@pytest.fixture(scope="module")
def gold():
    return load_gold(need(GOLD))


def test_every_seed_is_cleaned(seed_articles, gold):
    assert sorted(seed_articles) == sorted(gold)


def test_body_precision_and_recall(seed_articles, gold):
    total = CleanScore()
    for name, record in gold.items():
        total.add(score_article(seed_articles[name].to_dict(), record, name))
    assert total.precision >= BODY_THRESHOLD, total
    assert total.recall >= BODY_THRESHOLD, total


def test_no_gold_boilerplate_left_in_bodies(seed_articles, gold):
    leaks = []
    for name, record in gold.items():
        leaks += score_article(seed_articles[name].to_dict(), record, name).leaks
    assert leaks == []


@pytest.mark.parametrize(
    "name",
    [
        "000_3d4e2f817b804866.txt",
        "001_00032e31b8a57b46.txt",
        "002_830141be6f0ec88a.txt",
        "003_4ce358c03707e746.txt",
        "004_78973c25d1f3bdc4.txt",
    ],
)
def test_metadata_equals_gold(seed_articles, gold, name):
    score = score_article(seed_articles[name].to_dict(), gold[name], name)
    assert score.metadata_errors == []


def test_structure_recovered(seed_articles, gold):
    """Subtitle, section, subheadings, captions and end marks as the gold has them."""
    for name, record in gold.items():
        a = seed_articles[name]
        assert a.subtitle == record["subtitle"], name
        assert a.section == record["section"], name
        assert a.subheadings == record["subheadings"], name
        assert sorted(a.captions) == sorted(record["captions"]), name
        assert a.end_marks == record.get("end_marks", []), name
        assert sorted(a.cited_sources) == sorted(record["cited_sources"]), name


def test_removed_lines_carry_reasons(seed_articles, gold):
    for name, record in gold.items():
        removed = {r.text for r in seed_articles[name].removed}
        for line in record["boilerplate"]:
            assert line.strip() in removed, (name, line)
        assert all(r.reason for r in seed_articles[name].removed)


def test_sentences_match_gold(seed_articles, gold):
    """Sentence boundaries: F1 >= 0.98 on exact sentence strings (language-layer bar)."""
    tp = n_out = n_gold = 0
    for name, record in gold.items():
        got = {s.text for s in seed_articles[name].sentences}
        want = set(record["sentences"])
        tp += len(got & want)
        n_out += len(got)
        n_gold += len(want)
    precision, recall = tp / n_out, tp / n_gold
    assert 2 * precision * recall / (precision + recall) >= 0.98
