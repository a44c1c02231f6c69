"""``kabar bench lang``: the language layer's speed, and its splitter and tokenizer beside others.

* ``layer``: ``--docs`` articles of about 600 words (the bundled examples' cleaned paragraphs,
  shuffled, with names and numbers varied, topped up to 600 words), annotated one after the
  other by :func:`kabar.lang.annotate.annotate` (language, sentences, dates, numbers, entities,
  quotes) on one core. Cleaning happens before the clock starts.
* ``real``: the first ``--docs`` articles of a JSONL corpus (the indonews2025 scrape when
  present), cleaned before the clock starts, then annotated; their mean length is printed.
* ``split``: kabar's sentence splitter (:func:`kabar.lang.sentences.sentence_spans`) and
  yasbd alone on the same paragraphs. nlp-id has no sentence splitter (its POS tagger calls
  nltk's ``sent_tokenize``, which needs a download), so it has no row here.
* ``tokens``: kabar's tokenizer (:func:`kabar.lang.tokens.tokenize`) and nlp-id's
  ``Tokenizer().tokenize`` on the same paragraphs, when nlp-id is installed (it is not a
  dependency: ``pip install nlp-id`` to include it).

Each measurement runs in its own child process (as for ``kabar bench clean``), after one
untimed warm-up article.
"""

from __future__ import annotations

import json
import random
import re
import time
from pathlib import Path

TARGET_WORDS = 600
_NAMES = ["Budi Santoso", "Rina Susanti", "Andi Wijaya", "Siti Rahma", "Joko Prasetyo", "Dewi Lestari"]


def _example_articles() -> list:
    from kabar.bench import _project_dir
    from kabar.clean import clean_documents
    from kabar.model import Document
    from kabar.read import read_paths

    docs = [d for d in read_paths([str(_project_dir("examples"))]) if isinstance(d, Document)]
    return [a for a in clean_documents(docs) if a.body]


def synthetic_articles(n: int, seed: int = 5) -> list:
    """``n`` cleaned articles of about 600 words built from the examples (deterministic)."""
    from kabar.model import Article

    rng = random.Random(seed)
    bases = _example_articles()
    pool = [p for a in bases for p in a.body if len(p.split()) >= 12]
    out = []
    for k in range(n):
        base = rng.choice(bases)
        body = list(base.body)
        rng.shuffle(body)
        while sum(len(p.split()) for p in body) < TARGET_WORDS:
            body.append(rng.choice(pool))
        text = "\n".join(body)
        text = re.sub(r"\b\d{2,}\b", lambda m: str(int(m.group()) + rng.randint(1, 9)), text)
        text = text.replace("Kim Jong Un", rng.choice(_NAMES))
        out.append(
            Article(
                id=f"synthetic-{k}",
                source=f"synthetic-{k}.txt",
                title=base.title,
                outlet=base.outlet,
                published=base.published or "2024-06-19T10:00:00+07:00",
                body=text.split("\n"),
            )
        )
    return out


def real_articles(path: str, n: int) -> list:
    """The first ``n`` articles of a JSONL corpus, cleaned (not annotated)."""
    from kabar.clean import clean_documents
    from kabar.model import Document
    from kabar.read import read_paths

    docs = []
    for d in read_paths([path]):
        if isinstance(d, Document):
            docs.append(d)
            if len(docs) >= n:
                break
    return [a for a in clean_documents(docs) if a.body]


def _paragraphs(n: int) -> list[str]:
    return [p for a in synthetic_articles(n) for p in a.body]


def worker(task: str, n: int, real: str | None) -> dict:
    """Run one measurement in this (child) process; return its figures."""
    import resource

    if task in ("lang-layer", "lang-real"):
        from kabar.lang.annotate import annotate

        articles = synthetic_articles(n + 1) if task == "lang-layer" else real_articles(str(real), n + 1)
        warm, articles = articles[0], articles[1:]
        annotate(warm)
        words = sum(len(a.text.split()) for a in articles)
        start = time.perf_counter()
        for a in articles:
            annotate(a)
        elapsed = time.perf_counter() - start
        units, count = "articles", len(articles)
        extra = {"mean_words": round(words / max(1, count))}
    else:
        paragraphs = _paragraphs(n)
        if task == "split-kabar":
            from kabar.lang.sentences import sentence_spans as run
        elif task == "split-yasbd":
            from yasbd import BoundaryDetector

            detector = BoundaryDetector(lang="id")

            def run(text: str) -> list:
                return list(detector.segment(text))
        elif task == "tokens-kabar":
            from kabar.lang.tokens import tokenize as run
        elif task == "tokens-nlpid":
            try:
                from nlp_id.tokenizer import Tokenizer
            except ImportError:
                return {"task": task, "missing": "nlp-id is not installed (pip install nlp-id)"}
            run = Tokenizer().tokenize
        else:
            raise ValueError(f"unknown task {task!r}")
        run(paragraphs[0])
        start = time.perf_counter()
        pieces = sum(len(run(p)) for p in paragraphs)
        elapsed = time.perf_counter() - start
        units, count = "paragraphs", len(paragraphs)
        extra = {"pieces": pieces, "words": sum(len(p.split()) for p in paragraphs)}
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "task": task,
        units: count,
        "seconds": round(elapsed, 3),
        "per_s": round(count / elapsed, 1) if elapsed else None,
        "ms_each": round(1000 * elapsed / max(1, count), 3),
        "peak_rss_mb": round(peak / 1024, 1),
        **extra,
    }


def run_lang(docs: int, real: Path | None, measure, console) -> dict:
    """The ``lang`` scenario: every measurement through ``measure(task, n, real)``."""
    from rich.table import Table

    results: dict = {}
    with console.status(f"language layer on {docs} synthetic articles…"):
        results["layer"] = measure("lang-layer", docs)
    if real is not None:
        with console.status(f"language layer on {docs} articles of {real}…"):
            results["real"] = measure("lang-real", docs, str(real))
    paragraphs = max(50, docs // 4)  # articles whose paragraphs are split and tokenized
    for task in ("split-kabar", "split-yasbd", "tokens-kabar", "tokens-nlpid"):
        with console.status(f"{task}…"):
            results[task] = measure(task, paragraphs)

    table = Table(title="kabar bench lang")
    for col in ("run", "items", "per second", "ms each", "peak RSS MB", "target"):
        table.add_column(col)

    def row(label: str, r: dict, items: str, target: str = "") -> None:
        figures = [str(r[k]) for k in (items, "per_s", "ms_each", "peak_rss_mb")]
        table.add_row(label, *figures, target)

    layer = results["layer"]
    row(f"language layer, synthetic (~{layer['mean_words']} words)", layer, "articles", "≥ 200 articles/s")
    if "real" in results:
        r = results["real"]
        row(f"language layer, {Path(str(real)).name} (~{r['mean_words']} words)", r, "articles")
    labels = {
        "split-kabar": "sentences: kabar (yasbd + fixes)",
        "split-yasbd": "sentences: yasbd alone",
        "tokens-kabar": "tokens: kabar",
        "tokens-nlpid": "tokens: nlp-id Tokenizer",
    }
    for task, label in labels.items():
        r = results[task]
        if "missing" in r:
            table.add_row(label, "", "", "", "", r["missing"])
        else:
            row(label, r, "paragraphs")
    table.add_row("sentences: nlp-id", "", "", "", "", "no sentence splitter in nlp-id")
    console.print(table)
    return results


if __name__ == "__main__":  # pragma: no cover - the child process of run_lang
    import sys

    print(json.dumps(worker(sys.argv[1], int(sys.argv[2]), sys.argv[3] or None)))
