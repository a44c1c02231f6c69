"""``kabar bench digest``: digests per second for events of 5, 50 and 500 articles, beside
sumy's LexRank on the same sentences.

* The articles: the first ``POOL`` articles of the indonews2025 scrape when present (cleaned and
  annotated once, before any timing), else synthetic ones made from the bundled examples.
* The events: for an event of N articles, a seed article and its N - 1 nearest articles by the
  TF-IDF cosine of title and lead, so an event holds one topic's articles as far as the pool
  allows (a real 500-article event is one story followed for days). Events of one size start
  from seeds spread evenly over the pool; a pool smaller than N is cycled with new ids.
* kabar: ``kabar.digest.build_event(event_id, articles, k=5, derivations=[])`` per event.
* LexRank: sumy's ``LexRankSummarizer`` (threshold 0.1, kabar's Indonesian and English stop
  words), 5 sentences, on a sumy document built from the sentences kabar already split (one
  paragraph per article), words from a regex tokenizer (sumy's own needs an nltk download).
  Building that document is timed with it, as build_event's own tokenizing is timed.

Both run in their own child processes on the same events, one untimed warm-up event first.
LexRank compares every pair of sentences in pure Python, so a child stops starting new
events after ``BUDGET_S`` seconds (it always finishes at least one); the figures say how many
events each side timed. A size whose single LexRank event is projected (quadratically in
sentences, from the size before) to take over ``MAX_EVENT_S`` is not run, and the projection is
recorded as such, never as a measurement.
"""

from __future__ import annotations

import math
import pickle
import re
import sys
import tempfile
import time
from pathlib import Path

SIZES = (5, 50, 500)
POOL = 2_000
BUDGET_S = 60.0
MAX_EVENT_S = 1800.0  # LexRank is not started on a size whose one event is projected to take longer
K = 5
_WORD = re.compile(r"\w+(?:[-']\w+)*")


def events_per_size(size: int) -> int:
    """How many events of ``size`` articles each side times (fewer for the big ones)."""
    return max(2, min(40, 400 // size))


def pool_articles(real: str | None, n: int = POOL) -> list:
    """``n`` cleaned and annotated articles: the first of the real corpus, else synthetic."""
    from kabar.lang.annotate import annotate

    if real:
        from kabar.bench_lang import real_articles

        articles = real_articles(real, n)
    else:
        from kabar.bench_lang import synthetic_articles

        articles = synthetic_articles(n)
    out = []
    for k, a in enumerate(articles):
        a.id = f"pool-{k:05d}"
        annotate(a)
        if a.sentences:
            out.append(a)
    return out


def make_events(pool: list, size: int, count: int) -> list[list]:
    """``count`` events of ``size`` articles: a seed and its nearest articles (title + lead)."""
    import copy

    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    if len(pool) < size:  # cycle the pool with new ids
        pool = [copy.copy(pool[i % len(pool)]) for i in range(size)]
        for k, a in enumerate(pool):
            a.id = f"pool-{k:05d}"
    texts = [f"{a.title or ''} {' '.join(a.body[:2])}" for a in pool]
    matrix = TfidfVectorizer(sublinear_tf=True, min_df=1).fit_transform(texts)
    step = max(1, len(pool) // count)
    events = []
    for c in range(count):
        seed = (c * step) % len(pool)
        sims = (matrix @ matrix[seed].T).toarray().ravel()
        sims[seed] = 2.0
        nearest = np.argsort(-sims, kind="stable")[:size]
        events.append([pool[i] for i in sorted(nearest)])
    return events


class RegexTokenizer:
    """A sumy tokenizer that needs no nltk data: words by regex (sentences come from kabar)."""

    language = "indonesian"

    @staticmethod
    def to_sentences(paragraph: str) -> list[str]:
        return [paragraph]

    @staticmethod
    def to_words(sentence: str) -> list[str]:
        return _WORD.findall(sentence)


def lexrank(articles: list, k: int = K) -> list[str]:
    """sumy's LexRank over the articles' (kabar-split) sentences: the ``k`` picked sentences."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.summarizers.lex_rank import LexRankSummarizer

    from kabar.lang.stopwords import stopwords

    tokenizer = RegexTokenizer()
    document = ObjectDocumentModel(
        [Paragraph([Sentence(s.text, tokenizer) for s in a.sentences]) for a in articles if a.sentences]
    )
    summarizer = LexRankSummarizer()
    summarizer.stop_words = stopwords("id") | stopwords("en")
    return [str(s) for s in summarizer(document, k)]


def worker(task: str, size: int, arg: str) -> dict:
    """One measurement (in a child process): build_event or LexRank over the events of ``size``;
    ``arg`` is the pickled pool's path, then ``#`` and the time budget in seconds."""
    import resource

    from kabar.digest import build_event

    pool_file, _, budget_arg = arg.partition("#")
    budget = float(budget_arg) if budget_arg else BUDGET_S
    with open(pool_file, "rb") as handle:
        pool = pickle.load(handle)
    count = events_per_size(size)
    events = make_events(pool, size, count + 1)
    warm, events = events[0], events[1:]
    if task == "digest-kabar":

        def run(n: int, articles: list) -> int:
            return len(build_event(f"ev-{n}", articles, k=K, derivations=[]).summary)

    elif task == "digest-lexrank":

        def run(n: int, articles: list) -> int:
            return len(lexrank(articles, K))

    else:
        raise ValueError(f"unknown task {task!r}")
    run(-1, warm[: min(len(warm), 5)])  # imports and lazy loads, untimed
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    done, picked, elapsed = 0, 0, 0.0
    start = time.perf_counter()
    for n, articles in enumerate(events):
        picked += run(n, articles)
        done += 1
        elapsed = time.perf_counter() - start
        if elapsed > budget:
            break
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    sentences = sum(len(a.sentences) for e in events[:done] for a in e)
    return {
        "task": task,
        "articles_per_event": size,
        "events": done,
        "events_planned": count,
        "sentences_per_event": round(sentences / done, 1),
        "summary_sentences": picked,
        "seconds": round(elapsed, 3),
        "digests_per_s": float(f"{done / elapsed:.4g}") if elapsed else None,
        "ms_per_digest": round(1000 * elapsed / done, 2),
        "peak_rss_mb": round(peak / 1024, 1),
        "rss_before_mb": round(before / 1024, 1),
    }


def run_digest(
    docs: int,
    real: Path | None,
    measure,
    console,
    sizes: tuple[int, ...] | None = None,
    pool_size: int = POOL,
    budget_s: float = BUDGET_S,
    max_event_s: float = MAX_EVENT_S,
) -> dict:
    """The ``digest`` scenario: events of 5, 50 and ``docs`` articles (500 by default)."""
    from rich.table import Table

    sizes = sizes or tuple(sorted({*SIZES[:2], docs}))
    results: dict = {"sizes": list(sizes), "budget_s": budget_s, "corpus": str(real) if real else "synthetic"}
    with tempfile.TemporaryDirectory() as tmp:
        pool_file = str(Path(tmp) / "pool.pkl")
        with console.status(f"cleaning and annotating {pool_size} articles…"):
            pool = pool_articles(str(real) if real else None, pool_size)
            with open(pool_file, "wb") as handle:
                pickle.dump(pool, handle)
        results["pool_articles"] = len(pool)
        results["runs"] = []
        for size in sizes:
            row: dict = {"articles_per_event": size}
            with console.status(f"{size} articles an event: kabar…"):
                row["kabar"] = measure("digest-kabar", size, f"{pool_file}#{budget_s}")
            projected = _projected_s(results["runs"], row["kabar"]["sentences_per_event"])
            if projected is not None and projected > max_event_s:
                row["lexrank"] = {
                    "skipped": f"one event projected at {projected:.0f} s > {max_event_s:.0f} s",
                    "projected_ms_per_digest": round(1000 * projected, 1),
                }
            else:
                with console.status(f"{size} articles an event: sumy LexRank…"):
                    row["lexrank"] = measure("digest-lexrank", size, f"{pool_file}#{budget_s}")
            k, s = row["kabar"]["ms_per_digest"], row["lexrank"].get("ms_per_digest")
            row["time_ratio_kabar_vs_lexrank"] = round(k / s, 4) if s else None
            row["speedup_kabar_vs_lexrank"] = round(s / k, 1) if s and k else None
            results["runs"].append(row)
    results["growth_exponent"] = {side: growth(results["runs"], side) for side in ("kabar", "lexrank")}

    table = Table(title="kabar bench digest")
    for col in (
        "articles/event",
        "sentences/event",
        "kabar digests/s",
        "LexRank digests/s",
        "kabar / LexRank time",
    ):
        table.add_column(col)
    for row in results["runs"]:
        k, s = row["kabar"], row["lexrank"]
        lex = (
            f"{s['digests_per_s']} ({s['events']} events, {s['peak_rss_mb']} MB)"
            if "skipped" not in s
            else f"not run: {s['skipped']}"
        )
        ratio = row["time_ratio_kabar_vs_lexrank"]
        table.add_row(
            str(row["articles_per_event"]),
            str(k["sentences_per_event"]),
            f"{k['digests_per_s']} ({k['events']} events, {k['peak_rss_mb']} MB)",
            lex,
            f"{ratio}× (kabar {row['speedup_kabar_vs_lexrank']}× faster)" if ratio else "—",
        )
    console.print(table)
    return results


def _projected_s(runs: list[dict], sentences: float) -> float | None:
    """Seconds one LexRank event of ``sentences`` sentences would take, from the last measured
    size (pairwise similarities: quadratic in sentences); None before any measurement."""
    done = [r for r in runs if "ms_per_digest" in r["lexrank"]]
    if not done:
        return None
    last = done[-1]
    ratio = sentences / max(1.0, last["lexrank"]["sentences_per_event"])
    return last["lexrank"]["ms_per_digest"] / 1000 * ratio**2


def growth(runs: list[dict], side: str) -> float | None:
    """Exponent of time per digest against articles per event (log-log slope, first to last)."""
    if len(runs) < 2:
        return None
    a, b = runs[0], runs[-1]
    t0, t1 = a[side].get("ms_per_digest"), b[side].get("ms_per_digest")
    n0, n1 = a["articles_per_event"], b["articles_per_event"]
    return round(math.log(t1 / t0) / math.log(n1 / n0), 2) if t0 and t1 and n1 != n0 else None


if __name__ == "__main__":  # pragma: no cover - the child process of run_digest
    import json

    task, n, arg = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    print(json.dumps(worker(task, n, arg)))
