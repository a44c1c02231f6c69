"""`kabar bench digest` runs end to end on tiny events (no timing assertions)."""

from __future__ import annotations

import io

from rich.console import Console

from kabar.bench import _measure
from kabar.bench_digest import RegexTokenizer, lexrank, make_events, pool_articles, run_digest


def test_lexrank_runs_on_kabar_sentences_without_nltk_data():
    pool = pool_articles(None, 6)
    assert RegexTokenizer.to_words("Presiden Jokowi-Prabowo tiba, kata 'dia'.") == [
        "Presiden",
        "Jokowi-Prabowo",
        "tiba",
        "kata",
        "dia",
    ]
    events = make_events(pool, 3, 2)
    assert [len(e) for e in events] == [3, 3]
    picked = lexrank(events[0], 2)
    sentences = {s.text for a in events[0] for s in a.sentences}
    assert len(picked) == 2 and set(picked) <= sentences


def test_bench_digest_runs_on_tiny_sizes_and_reports_the_ratio():
    out = io.StringIO()
    console = Console(file=out, width=200)
    results = run_digest(0, None, _measure, console, sizes=(3, 8), pool_size=10, budget_s=1.0)
    assert results["sizes"] == [3, 8] and results["pool_articles"] == 10
    for row, size in zip(results["runs"], (3, 8), strict=True):
        assert row["articles_per_event"] == size
        for side in ("kabar", "lexrank"):
            figures = row[side]
            assert figures["articles_per_event"] == size and figures["events"] >= 1
            assert figures["digests_per_s"] > 0 and figures["summary_sentences"] >= 1
        assert row["time_ratio_kabar_vs_lexrank"] > 0 and row["speedup_kabar_vs_lexrank"] > 0
    assert set(results["growth_exponent"]) == {"kabar", "lexrank"}
    text = out.getvalue()
    assert "kabar bench digest" in text and "kabar / LexRank time" in text and "faster" in text
