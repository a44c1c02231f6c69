"""``kabar bench relate``: duplicates, derivations and events — quality on a synthetic copy
benchmark, speed at 10k / 30k / 100k articles, and MinHash hashing beside datasketch.

* ``copies``: ``--sources`` articles (the first articles of the indonews2025 scrape when
  present, else synthetic ones made from the examples), minus any that already duplicate one
  another, each given one derived article of one kind, in turn: an exact copy, a copy with
  boilerplate lines added, a copy with 5 % of its words edited, an excerpt of 30–60 % of its
  sentences, a copy with its paragraphs reordered, and a "rewrite" that keeps quotes and
  numbers but changes at least half of the other words. The derived article is published 10
  minutes to 10 hours later (one pair in ten at the same minute). Everything goes through
  duplicates, events and derivations as ``kabar digest`` runs them. Reported: near-duplicate
  recall and precision over the five copy kinds (target ≥ 0.98 at ≥ 0.99), direction
  accuracy where the times differ (target ≥ 0.95), and rewrite recall.
* ``scale``: a pool of annotated articles (the whole scrape, or synthetic ones) cloned into
  ``N`` articles (new ids, 1,000 a day, 30 % of the words of each clone replaced so clones are
  not copies), then fingerprinted, signed and added to a ``DuplicateIndex`` and an
  ``EventIndex`` one day at a time. Reported per N: articles per second, peak RSS, and the
  growth exponent of time against N fitted over the runs (target ≤ 1.15).
* ``minhash``: rensa's ``RMinHash`` and datasketch's ``MinHash`` (both 126 permutations) on the
  same shingle lists.

Each measurement runs in its own child process; annotation is done before the clock starts.
"""

from __future__ import annotations

import json
import math
import pickle
import random
import re
import tempfile
import time
from pathlib import Path

KINDS = ("copy", "boilerplate", "edits", "excerpt", "reorder", "rewrite")
COPY_KINDS = ("copy", "boilerplate", "edits", "excerpt", "reorder")
_BOILERPLATE = [
    "Baca Juga: Harga Emas Hari Ini Naik Tipis",
    "Simak berita terbaru lainnya di Google News",
    "Artikel ini telah tayang di portal mitra kami",
    "Editor: Redaksi",
    "ADVERTISEMENT",
    "Ikuti kami di WhatsApp Channel",
]
_FILLER = [
    "kemudian",
    "selanjutnya",
    "demikian",
    "pula",
    "tersebut",
    "sangat",
    "cukup",
    "agak",
    "hampir",
    "sering",
    "jarang",
    "pihak",
    "warga",
    "kalangan",
    "wilayah",
    "daerah",
    "kawasan",
    "upaya",
    "langkah",
    "proses",
    "rencana",
    "hasil",
    "kondisi",
    "menyebut",
    "menilai",
    "menyampaikan",
    "menegaskan",
    "mengungkapkan",
    "menjelaskan",
    "menambahkan",
    "melihat",
]
_WORD = re.compile(r"\w+|\W+")


def _pool(real: str | None, n: int) -> list:
    """``n`` annotated articles: the first of the real corpus, else synthetic ones."""
    from kabar.lang.annotate import annotate

    if real:
        from kabar.bench_lang import real_articles

        articles = real_articles(real, n)
    else:
        from kabar.bench_lang import synthetic_articles

        articles = synthetic_articles(n)
    for k, a in enumerate(articles):
        a.id = f"src-{k:05d}"
        annotate(a)
    return articles


def _quote_spans(article) -> list[tuple[int, int]]:
    return [(q.start, q.end) for q in article.quotes if q.direct]


def _rewrite(
    text: str, keep: list[tuple[int, int]], rng: random.Random, share: float = 0.7
) -> tuple[str, float]:
    """Replace words outside quotes, numbers and capitalised names (each with probability
    ``share``); the text and the share of all its words that changed."""
    out, pos, words, changed = [], 0, 0, 0
    for piece in _WORD.findall(text):
        start, pos = pos, pos + len(piece)
        if piece[:1].isalnum():
            words += 1
        inside = any(a <= start < b for a, b in keep)
        word = piece.isalpha() and not piece[0].isupper() and not inside
        if word and rng.random() < share:
            out.append(rng.choice(_FILLER))
            changed += 1
        else:
            out.append(piece)
    return "".join(out), changed / max(1, words)


def _edit(text: str, share: float, rng: random.Random) -> str:
    words = text.split(" ")
    for k in rng.sample(range(len(words)), k=max(1, int(share * len(words)))):
        words[k] = rng.choice(_FILLER)
    return " ".join(words)


def derived_article(source, kind: str, rng: random.Random, k: int):
    """One derived article of ``kind`` from an annotated ``source`` (not annotated yet), or
    None for a rewrite of a text that is mostly quotes and names."""
    from kabar.model import Article

    body = list(source.body)
    if kind == "boilerplate":
        for _ in range(3):
            body.insert(rng.randrange(len(body) + 1), rng.choice(_BOILERPLATE))
    elif kind == "edits":
        body = [_edit(p, 0.05, rng) for p in body]
    elif kind == "excerpt":
        sentences = [s.text for s in source.sentences]
        keep = max(1, round(len(sentences) * rng.uniform(0.3, 0.6)))
        body = [" ".join(sentences[:keep])]
    elif kind == "reorder":
        rng.shuffle(body)
        if len(body) > 1 and body == source.body:
            body = body[1:] + body[:1]
    elif kind == "rewrite":
        text, changed = _rewrite(source.text, _quote_spans(source), rng)
        if changed < 0.5:  # quote-heavy: change every other word that may change
            text, changed = _rewrite(source.text, _quote_spans(source), rng, share=1.0)
        if changed < 0.5:
            return None  # mostly quotes and names: no rewrite can change half of it
        body = [p for p in text.split("\n\n") if p.strip()]
    return Article(
        id=f"der-{k:05d}",
        source=f"derived-{k}",
        title=source.title,
        outlet=f"mirror{k % 7}",
        body=body,
        cited_sources=[],
    )


def _stamp(base: float, minutes: float) -> str:
    from datetime import UTC, datetime

    return datetime.fromtimestamp(base + 60 * minutes, UTC).isoformat()


def _independent(pool: list) -> list:
    """The articles of ``pool`` that share under 20 % of their word 3-grams with any other:
    the ground truth must not hold pairs the corpus itself already copied. Checked on every
    pair directly (not with kabar's own duplicate finder, which is what is being measured)."""
    import numpy as np

    from kabar.relate.duplicates import fingerprint

    sets = [np.frombuffer(fingerprint(a).shingles, dtype=np.uint32) for a in pool]
    related = set()
    for i in range(len(pool)):
        for j in range(i + 1, len(pool)):
            if not len(sets[i]) or not len(sets[j]):
                continue
            inter = len(np.intersect1d(sets[i], sets[j], assume_unique=True))
            if inter >= 0.2 * min(len(sets[i]), len(sets[j])):
                related.update((i, j))
    return [a for k, a in enumerate(pool) if k not in related]


def copies_worker(n: int, real: str | None) -> dict:
    """The copy benchmark in this process; its figures."""
    import resource

    from kabar.lang.annotate import annotate
    from kabar.relate.derivations import derivations
    from kabar.relate.duplicates import find_duplicates
    from kabar.relate.events import EventIndex

    rng = random.Random(13)
    pool = [a for a in _pool(real, n) if len(a.sentences) >= 3]
    sources = _independent(pool)
    base = 1_718_760_000.0  # 2024-06-19 01:20 UTC
    gold: dict[tuple[str, str], str] = {}
    same_time: set[tuple[str, str]] = set()
    derived = []
    skipped_rewrites = 0
    for k, src in enumerate(sources):
        kind = KINDS[k % len(KINDS)]
        src.published = _stamp(base, 15 * k)
        d = derived_article(src, kind, rng, k)
        if d is None:
            skipped_rewrites += 1
            continue
        lag = 0 if rng.random() < 0.1 else rng.uniform(10, 600)
        d.published = _stamp(base, 15 * k + lag)
        annotate(d)
        derived.append(d)
        gold[(src.id, d.id)] = kind
        if lag == 0:
            same_time.add((src.id, d.id))
    articles = sources + derived
    start = time.perf_counter()
    pairs = find_duplicates(articles)
    index = EventIndex()
    index.add(articles)
    events = [e.ids for e in index.events() if len(e.ids) > 1]
    found = derivations(articles, pairs, events)
    elapsed = time.perf_counter() - start

    def key(a: str, b: str) -> tuple[str, str]:
        return (a, b) if a.startswith("src") else (b, a)

    copy_gold = {p for p, kind in gold.items() if kind in COPY_KINDS}
    predicted = {key(p.a, p.b) for p in pairs}
    hit = predicted & copy_gold
    per_kind = {kind: 0 for kind in KINDS}
    totals = {kind: sum(1 for v in gold.values() if v == kind) for kind in KINDS}
    for p in hit:
        per_kind[gold[p]] += 1
    by_pair = {key(d.source, d.derived): d for d in found}
    directed = [(p, d) for p, d in by_pair.items() if p in gold and p not in same_time]
    right = sum(1 for p, d in directed if d.source == p[0])
    rewrites = [p for p, kind in gold.items() if kind == "rewrite"]
    rewrite_found = sum(1 for p in rewrites if p in by_pair and by_pair[p].kind == "rewrite")
    rewrite_any = sum(1 for p in rewrites if p in by_pair)
    false_rewrites = sum(
        1 for p, d in by_pair.items() if d.kind in ("rewrite", "translation") and p not in gold
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "task": "copies",
        "sources": len(sources),
        "pool_articles_dropped_as_related": len(pool) - len(sources),
        "rewrites_skipped_mostly_quotes": skipped_rewrites,
        "articles": len(articles),
        "seconds": round(elapsed, 2),
        "near_dup_recall": round(len(hit) / max(1, len(copy_gold)), 4),
        "near_dup_precision": round(len(hit) / max(1, len(predicted)), 4),
        "near_dup_pairs_predicted": len(predicted),
        "recall_by_kind": {k: f"{per_kind[k]}/{totals[k]}" for k in COPY_KINDS},
        "direction_accuracy": round(right / max(1, len(directed)), 4),
        "direction_pairs": len(directed),
        "rewrite_recall": round(rewrite_found / max(1, len(rewrites)), 4),
        "rewrite_found_as_any_derivation": round(rewrite_any / max(1, len(rewrites)), 4),
        "rewrites_claimed_between_unrelated": false_rewrites,
        "peak_rss_mb": round(peak / 1024, 1),
    }


def _clones(pool: list, n: int, rng: random.Random) -> list:
    """``n`` articles cloned from ``pool``: new ids, 1,000 a day, 30 % of words replaced."""
    import copy

    out = []
    base = 1_718_760_000.0
    for k in range(n):
        src = pool[rng.randrange(len(pool))]
        a = copy.copy(src)
        a.id = f"clone-{k:06d}"
        a.published = _stamp(base, k * 1.44)  # 1,000 a day
        a.body = [_edit(p, 0.30, rng) for p in src.body]
        out.append(a)
    return out


def scale_worker(n: int, pool_file: str) -> dict:
    """Fingerprint, sign and index ``n`` cloned articles in this process."""
    import resource

    from kabar.relate.duplicates import DuplicateIndex
    from kabar.relate.events import EventIndex

    with open(pool_file, "rb") as handle:
        pool = pickle.load(handle)
    articles = _clones(pool, n, random.Random(n))
    days: dict[str, list] = {}
    for a in articles:
        days.setdefault(a.published[:10], []).append(a)
    start = time.perf_counter()
    duplicates, events = DuplicateIndex(), EventIndex()
    for day in sorted(days):
        duplicates.add(days[day])
        events.add(days[day])
    elapsed = time.perf_counter() - start
    multi = sum(1 for e in events.events() if len(e.ids) > 1)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "task": "scale",
        "articles": n,
        "seconds": round(elapsed, 2),
        "per_s": round(n / elapsed, 1),
        "peak_rss_mb": round(peak / 1024, 1),
        "duplicate_pairs": len(duplicates.pairs),
        "multi_article_events": multi,
    }


def minhash_worker(n: int, real: str | None) -> dict:
    """rensa and datasketch MinHash on the same shingles of ``n`` articles."""
    import datasketch
    from rensa import RMinHash

    from kabar.relate.duplicates import NUM_PERM, SEED, SHINGLE_WORDS

    pool = _pool(real, n)
    shingles = []
    for a in pool:
        words = [w.lower() for w in re.findall(r"\w+", a.text)]
        shingles.append([" ".join(words[i : i + SHINGLE_WORDS]) for i in range(max(1, len(words) - 2))])
    encoded = [[s.encode() for s in doc] for doc in shingles]
    start = time.perf_counter()
    for doc in shingles:
        m = RMinHash(num_perm=NUM_PERM, seed=SEED)
        m.update(doc)
        m.digest()
    rensa_s = time.perf_counter() - start
    start = time.perf_counter()
    for doc in encoded:
        m2 = datasketch.MinHash(num_perm=NUM_PERM, seed=SEED)
        m2.update_batch(doc)
    datasketch_s = time.perf_counter() - start
    return {
        "task": "minhash",
        "articles": len(shingles),
        "rensa_ms_each": round(1000 * rensa_s / len(shingles), 4),
        "datasketch_ms_each": round(1000 * datasketch_s / len(shingles), 4),
        "speedup_rensa_vs_datasketch": round(datasketch_s / rensa_s, 1),
    }


def growth_exponent(runs: list[dict]) -> float | None:
    """Least-squares slope of log(seconds) against log(articles)."""
    points = [(math.log(r["articles"]), math.log(r["seconds"])) for r in runs if r.get("seconds")]
    if len(points) < 2:
        return None
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    sxx = sum((x - mx) ** 2 for x, _ in points)
    return round(sum((x - mx) * (y - my) for x, y in points) / sxx, 3) if sxx else None


def run_relate(docs: int, real: Path | None, measure, console, sources: int = 1_400) -> dict:
    """The ``relate`` scenario: every measurement through ``measure(task, n, real)``."""
    from rich.table import Table

    results: dict = {}
    real_arg = str(real) if real else None
    with console.status(f"copy benchmark on {sources} sources…"):
        results["copies"] = measure("relate-copies", sources, real_arg)
    with console.status("MinHash: rensa and datasketch…"):
        results["minhash"] = measure("relate-minhash", 500, real_arg)
    sizes = sorted({max(100, docs // 10), max(300, docs * 3 // 10), docs})
    with tempfile.TemporaryDirectory() as tmp:
        pool_file = str(Path(tmp) / "pool.pkl")
        with console.status("annotating the pool of articles to clone…"):
            pool = _pool(real_arg, 6_000 if real else 2_000)
            with open(pool_file, "wb") as handle:
                pickle.dump(pool, handle)
        results["scale"] = []
        for n in sizes:
            with console.status(f"scale: {n} articles…"):
                results["scale"].append(measure("relate-scale", n, pool_file))
    results["growth_exponent"] = growth_exponent(results["scale"])

    c = results["copies"]
    table = Table(title="kabar bench relate")
    for col in ("run", "figure", "target"):
        table.add_column(col)
    table.add_row("near-duplicate recall", f"{c['near_dup_recall']:.4f} {c['recall_by_kind']}", "≥ 0.98")
    table.add_row("near-duplicate precision", f"{c['near_dup_precision']:.4f}", "≥ 0.99")
    table.add_row(
        "direction where times differ", f"{c['direction_accuracy']:.4f} ({c['direction_pairs']})", "≥ 0.95"
    )
    table.add_row(
        "rewrite recall",
        f"{c['rewrite_recall']:.4f} (any derivation {c['rewrite_found_as_any_derivation']})",
        "",
    )
    for r in results["scale"]:
        table.add_row(f"scale {r['articles']:,}", f"{r['per_s']} articles/s, {r['peak_rss_mb']} MB", "")
    table.add_row("growth exponent", str(results["growth_exponent"]), "≤ 1.15")
    m = results["minhash"]
    table.add_row(
        "MinHash ms/article",
        f"rensa {m['rensa_ms_each']} vs datasketch {m['datasketch_ms_each']} "
        f"({m['speedup_rensa_vs_datasketch']}×)",
        "",
    )
    console.print(table)
    return results


if __name__ == "__main__":  # pragma: no cover - the child process of run_relate
    import sys

    task, n, arg = sys.argv[1], int(sys.argv[2]), sys.argv[3] or None
    if task == "relate-copies":
        out = copies_worker(n, arg)
    elif task == "relate-scale":
        out = scale_worker(n, str(arg))
    else:
        out = minhash_worker(n, arg)
    print(json.dumps(out))
