"""The digest against hand-made gold: the seeds (``samples/gold/event.json``) and real events
of ``indonews2025/dev.jsonl`` (``tests/golden/digest/*.json``, read raw through the whole
pipeline, with the derivations the relations stage finds). Figures as defined in
``kabar.eval.digest_gold``; ``kabar eval digest`` prints them.

Bars (the digest issue) and where kabar stands (2026-12-02):
- every summary sentence cites ≥ 1 article: held (by construction: each cites its own); every
  seed sentence also cites another article;
- citation precision ≥ 0.95 and recall ≥ 0.80 against the gold claims: held on the seeds
  (1.00 / 1.00, in-sample; 0.94 / 1.00 before the support model's ``action`` feature). The
  floor below is 0.95;
- every shared quote found with its speaker and all its occurrences: held on the seeds;
- the timeline holds the four dated facts of the seeds: held;
- ≥ 80 % of gold claims recovered with the right supporting files: NOT reached (seeds 0.50
  strict, 0.79 loose). The floors below guard against regressions, not the issue's bar.
The support model is calibrated on the seeds, so their figures are in-sample. The real events
were never used for fitting, but the quote-attribution rules of this stop were written after
reading misses in n18-078 and n18-093, so their quote figure is not fully held-out.
"""

from __future__ import annotations

import pytest

from kabar.eval.digest_gold import digest_event, gold_articles, load_gold, score_digest

from .conftest import GOLD, GOLDEN, INDONEWS, need

SEED_BARS = {
    "cited": 1.0,
    "cited_others": 1.0,
    "precision": 0.95,  # the bar
    "recall": 0.80,
    "quotes": 1.0,
    "timeline": 1.0,
}
SEED_CLAIM_FLOOR = 0.30  # strict; issue bar 0.80, not reached
SEED_CLAIM_LOOSE_FLOOR = 0.70
# real events (not used in any calibration): every event, and the mean over the four
REAL_EVENT_BARS = {"cited": 1.0, "precision": 0.85, "recall": 0.65, "timeline": 0.75}
REAL_MEAN_BARS = {
    "precision": 0.93,
    "precision_others": 0.90,
    "recall": 0.70,
    "quotes": 0.60,  # 0.72 measured
    "claims_loose": 0.75,
    "differs_precision": 0.60,  # 0.73 measured: a differs claim should be a real difference
    "timeline": 0.9,
}
REAL_EVENTS = sorted((GOLDEN / "digest").glob("*.json"))


@pytest.fixture(scope="module")
def seed_digest():
    gold = load_gold(need(GOLD / "event.json"))
    articles, key = gold_articles(gold)
    return digest_event("seeds", articles), gold, key


def test_seed_digest_meets_the_citation_quote_and_timeline_bars(seed_digest):
    event, gold, key = seed_digest
    score = score_digest(event, gold, key)
    figures = score.figures()
    for name, bar in SEED_BARS.items():
        assert figures[name] >= bar, (name, figures)
    assert score.sentences == 5
    assert score.claims >= SEED_CLAIM_FLOOR, figures
    assert score.claims_loose >= SEED_CLAIM_LOOSE_FLOOR, figures


def test_seed_timeline_has_the_four_dated_facts_with_their_articles(seed_digest):
    event, gold, key = seed_digest
    for date, files in gold.timeline:
        entries = [t for t in event.timeline if t.date.startswith(date)]
        assert entries, date
        stated = set().union(*({key[a] for a in t.articles} for t in entries))
        # every file the gold dates it in, except year-only mentions kabar may keep apart
        assert len(stated & set(files)) >= max(1, len(files) - 1), (date, stated, files)


def test_seed_quotes_keep_each_outlets_wording(seed_digest):
    event, _, key = seed_digest
    stoltenberg = next(q for q in event.quotes if q.speaker == "Jens Stoltenberg" and len(q.occurrences) == 3)
    wordings = {key[o.article]: o.text for o in stoltenberg.occurrences}
    assert wordings["000_3d4e2f817b804866.txt"].startswith("Kami sangat prihatin")
    assert wordings["004_78973c25d1f3bdc4.txt"].startswith("Kami tentu saja juga prihatin")


def test_seed_claims_report_the_kcna_wordings_as_differing(seed_digest):
    event, _, _ = seed_digest
    kcna = [c for c in event.claims if "mesin untuk mempercepat" in " ".join(v.text for v in c.variants)]
    assert kcna and kcna[0].kind == "differs" and kcna[0].aspect == "quote"
    assert len(kcna[0].variants) == 4


def test_every_summary_citation_resolves_and_support_is_a_probability(seed_digest):
    event, _, _ = seed_digest
    for s in event.summary:
        assert set(s.citations) <= set(event.articles)
        assert all(0.0 <= v <= 1.0 for v in s.support.values())


@pytest.fixture(scope="module")
def real_scores():
    need(INDONEWS)
    assert REAL_EVENTS, "tests/golden/digest holds the real events' gold"
    out = {}
    for path in REAL_EVENTS:
        gold = load_gold(path)
        articles, key = gold_articles(gold)
        assert set(key.values()) == set(gold.members), path
        out[path.stem] = score_digest(digest_event(path.stem, articles), gold, key).figures()
    return out


@pytest.mark.slow
def test_real_events_meet_the_floors(real_scores):
    for name, figures in real_scores.items():
        for metric, bar in REAL_EVENT_BARS.items():
            assert figures[metric] >= bar, (name, metric, figures)
    mean = {k: sum(f[k] for f in real_scores.values()) / len(real_scores) for k in REAL_MEAN_BARS}
    for metric, bar in REAL_MEAN_BARS.items():
        assert mean[metric] >= bar, (metric, mean)


@pytest.mark.slow
def test_support_model_is_rebuilt_byte_for_byte_from_the_seeds_gold(tmp_path):
    """``kabar train support --out`` (a folder it creates) writes the shipped file again."""
    import json

    from typer.testing import CliRunner

    from kabar.cli import app

    from .conftest import ROOT

    need(GOLD / "event.json")
    out = tmp_path / "new" / "models"
    result = CliRunner().invoke(app, ["train", "support", "--out", str(out)])
    assert result.exit_code == 0, result.output
    written = (out / "support_model.json").read_text(encoding="utf-8")
    shipped = (ROOT / "src" / "kabar" / "digest" / "data" / "support_model.json").read_text(encoding="utf-8")
    assert written == shipped
    record = json.loads(written)
    assert record["cv"]["precision"] >= 0.85  # leave-one-claim-out, both rounds refit per fold
    assert record["alignment"]["cv"]["precision"] >= 0.85
    action = record["features"].index("action")
    assert record["alignment"]["weights"][action] == 0.0 and record["weights"][action] > 0.0
