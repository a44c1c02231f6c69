"""The language layer on the five seeds against samples/gold (language-layer issue, Must show #1).

Thresholds, over all five files together (the rules of ``samples/score/lang.py``, implemented
in :mod:`kabar.eval.lang`): sentence-boundary F1 >= 0.98, ``dates_in_text`` accuracy (mention
found and value equal) >= 0.90, entity F1 on canonical names >= 0.90, ``numbers`` F1 >= 0.90,
direct-quote span F1 >= 0.95 and speaker accuracy over gold quotes >= 0.95 (an abstention or a
missed quote counts as wrong). Every annotation's offsets must point at its text in the body.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kabar.eval.lang import BARS, LangScore, load_gold, score_article
from tests.conftest import GOLD, need

THRESHOLDS = {
    "sentence_f1": 0.98,
    "dates_acc": 0.90,
    "entity_f1": 0.90,
    "numbers_f1": 0.90,
    "quote_f1": 0.95,
    "speaker_acc": 0.95,
}


@pytest.fixture(scope="module")
def figures(seed_articles):
    gold = load_gold(need(GOLD))
    assert sorted(gold) == sorted(seed_articles)
    total = LangScore()
    for name, record in gold.items():
        total = total.add(score_article(seed_articles[name], record))
    return total.figures()


def test_thresholds_are_the_issues_bars():
    assert THRESHOLDS == BARS


@pytest.mark.parametrize("figure", sorted(THRESHOLDS))
def test_figure_reaches_its_threshold(figures, figure):
    assert figures[figure] >= THRESHOLDS[figure], figures


def test_every_seed_is_indonesian_with_confidence(seed_articles):
    for name, a in seed_articles.items():
        assert a.language == "id", name
        assert a.language_confidence is not None and a.language_confidence >= 0.9, name
        assert not a.mixed_language, name
        assert len(a.paragraph_languages) == len(a.body), name


def test_annotation_offsets_point_into_the_body(seed_articles):
    for name, a in seed_articles.items():
        text = a.text
        for s in a.sentences:
            assert text[s.start : s.end] == s.text, (name, s)
        for d in a.dates_in_text:
            assert text[d.start : d.end] == d.mention, (name, d)
        for n in a.numbers:
            assert text[n.start : n.end] == n.mention, (name, n)
        for q in a.quotes:
            assert text[q.start : q.end] == q.text, (name, q)
        for e in a.entities:
            for m in e.spans:
                assert text[m.start : m.end] == m.text, (name, e.name, m)
                assert m.text in e.mentions, (name, e.name, m)


def test_relative_dates_resolved_against_the_right_reference(seed_articles):
    """Seed 004 states its publication time (19 June 2024, 07:57 WIB) and relative dates are
    resolved against it; the other four state none, so the batch's day stands in, and says so."""
    for name, a in seed_articles.items():
        if a.published:
            assert a.reference_source == "published", name
            assert a.reference_time.startswith(a.published[:16]), name
        else:
            assert a.reference_source == "batch", name
            assert a.reference_time.startswith("2024-06-19"), name


def test_eval_lang_uses_the_same_figures(figures, tmp_path: Path):
    """``kabar eval lang --json`` prints the figures this test asserts on."""
    import json

    from typer.testing import CliRunner

    from kabar.cli import app

    result = CliRunner().invoke(app, ["eval", "lang", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["task"] == "lang" and payload["n"] == 5
    assert payload["system"] == figures
