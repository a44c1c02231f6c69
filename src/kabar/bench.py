"""``kabar bench``: speed and peak memory, side by side with the tool a user would otherwise use.

Scenario ``lang`` lives in :mod:`kabar.bench_lang`, scenario ``relate`` in
:mod:`kabar.bench_relate`, scenario ``digest`` in :mod:`kabar.bench_digest`.

Scenario ``clean``:

* ``synthetic``: ``--docs`` text dumps made by mutating the bundled examples (paragraphs
  dropped and reordered, names and numbers changed, boilerplate lines from a pool inserted,
  datelines and dates varied); kabar's cleaner alone (trafilatura has nothing to do on text).
* ``real``: every article of a JSONL corpus (``../shared/data/indonews2025/dev.jsonl`` when
  present), as ``kabar clean`` reads it.
* ``html``: ``--html-pages`` HTML pages (the golden HTML pages with mutated bodies), cleaned by
  kabar and by plain ``trafilatura.extract()`` in the same run; the ratio of time per page is
  the figure (target ≤ 1.5×).

Each measurement runs in its own child process, so its peak RSS (``ru_maxrss``) is its own
and one measurement does not warm another's caches. Times are wall clock on one core
(single process), after one untimed warm-up document.
"""

from __future__ import annotations

import contextlib
import json
import platform
import random
import re
import subprocess
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from kabar.errors import UsageError

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_REAL = ROOT.parent / "shared" / "data" / "indonews2025" / "dev.jsonl"

_NAMES = [
    "Budi Santoso",
    "Rina Susanti",
    "Andi Wijaya",
    "Siti Rahma",
    "Joko Prasetyo",
    "Dewi Lestari",
    "Ahmad Fauzi",
    "Maria Ulfa",
    "Hendra Gunawan",
    "Nur Aini",
]
_PLACES = ["JAKARTA", "BANDUNG", "SURABAYA", "MAKASSAR", "MEDAN", "DENPASAR", "Jayapura", "Semarang"]
_OUTLETS = ["Kabarku.id", "BeritaKita.com", "WartaNusa.co.id", "Suara Rakyat", "Lintas24.id"]
_BOILERPLATE = [
    "Baca Juga: {title}",
    "ADVERTISEMENT",
    "SCROLL TO CONTINUE WITH CONTENT",
    "- Advertisement -",
    "Bagikan Artikel Ini",
    "Artikel Terkait",
    'Simak Video "{title}"',
    "[Gambas:Video 20detik]",
    "Ikuti kami di Google News",
    "Loading",
    "Share This Article",
    "Tinggalkan Balasan",
    "Tags",
    "Artikel ini telah tayang di Tribunnews.com dengan judul {title}",
    "Baca juga:",
]


def _project_dir(name: str) -> Path:
    for base in (Path.cwd(), ROOT):
        if (base / name).is_dir():
            return base / name
    raise UsageError(f"run kabar bench from a kabar checkout: it needs the {name}/ folder")


def _examples() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(_project_dir("examples").glob("*.txt"))]


def synthetic_dumps(n: int, seed: int = 7) -> list[str]:
    """``n`` text dumps made by mutating the examples (deterministic for a given seed)."""
    rng = random.Random(seed)
    bases = [t.split("\n") for t in _examples()]
    out = []
    for k in range(n):
        lines = list(rng.choice(bases))
        title = next((line for line in lines if len(line.split()) >= 4), "Berita hari ini")
        body = [i for i, line in enumerate(lines) if len(line) > 120]
        for i in rng.sample(body, k=min(len(body), rng.randint(0, 3))):
            lines[i] = ""
        for _ in range(rng.randint(1, 5)):
            pos = rng.randrange(len(lines))
            lines.insert(pos, rng.choice(_BOILERPLATE).format(title=title))
        text = "\n".join(lines)
        text = re.sub(r"\b\d{2,}\b", lambda m: str(int(m.group()) + rng.randint(1, 9)), text)
        text = text.replace("Putin", rng.choice(_NAMES).split()[1]).replace("Kim Jong Un", rng.choice(_NAMES))
        if rng.random() < 0.5:
            text = f"{rng.choice(_PLACES)}, {rng.choice(_OUTLETS)} - " + text
        out.append(f"{text}\n\nPenulis: {rng.choice(_NAMES)}\nEditor: {rng.choice(_NAMES)}\n#{k}")
    return out


def html_pages(n: int, seed: int = 11) -> list[str]:
    """``n`` HTML pages: the golden HTML pages with their paragraphs replaced by mutated ones."""
    rng = random.Random(seed)
    pages_dir = _project_dir("tests") / "golden" / "pages"
    templates = [p.read_text(encoding="utf-8") for p in sorted(pages_dir.glob("*.html"))]
    if not templates:
        raise UsageError(f"no HTML templates found in {pages_dir}")
    paragraphs = [line for t in _examples() for line in t.split("\n") if len(line) > 120]
    out = []
    for k in range(n):
        page = rng.choice(templates)
        page = re.sub(
            r"(<p>)([^<]{80,})(</p>)",
            lambda m: m.group(1) + rng.choice(paragraphs).replace("<", "&lt;") + m.group(3),
            page,
        )
        out.append(page.replace("</body>", f"<!-- {k} --></body>"))
    return out


# extra pages each tool cleans before the clock starts (the same ones for kabar and for
# trafilatura; not among the timed pages, so no per-line memo is primed for them); the real
# corpus run is timed cold, as `kabar clean` runs
_WARM_UP = 10


def _worker(task: str, n: int, real: str | None) -> dict:
    """Run one measurement in this (child) process; return time and peak memory."""
    import resource

    from kabar.clean import CleanResources, clean_document, clean_documents
    from kabar.model import Document

    warm: list[Document] = []
    if task == "synthetic":
        docs = [
            Document(source=f"synthetic-{i}.txt", kind="text", text=t)
            for i, t in enumerate(synthetic_dumps(n + _WARM_UP))
        ]
        docs, warm = docs[:n], docs[n:]
    elif task in ("html-kabar", "html-trafilatura"):
        docs = [
            Document(source=f"page-{i}.html", kind="html", html=h)
            for i, h in enumerate(html_pages(n + _WARM_UP))
        ]
        docs, warm = docs[:n], docs[n:]
    elif task == "real":
        from kabar.read import read_paths

        docs = [d for d in read_paths([real]) if isinstance(d, Document)]
    else:
        raise UsageError(f"unknown task {task!r}")
    if not docs:
        raise UsageError(f"no documents to measure for {task} ({real or 'generated'})")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if task == "html-trafilatura":
        import trafilatura

        for d in warm:
            trafilatura.extract(d.html)
        start = time.perf_counter()
        for d in docs:
            trafilatura.extract(d.html)
        elapsed = time.perf_counter() - start
    elif task == "real":
        start = time.perf_counter()
        count = sum(1 for _ in clean_documents(docs))
        elapsed = time.perf_counter() - start
        n = count
    else:
        resources = CleanResources.default()
        for d in warm:  # lazy loads (dictionaries, imports) happen once, before timing
            with contextlib.suppress(Exception):
                clean_document(d, resources)
        start = time.perf_counter()
        for d in docs:
            with contextlib.suppress(Exception):
                clean_document(d, resources)
        elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "task": task,
        "docs": len(docs),
        "seconds": round(elapsed, 3),
        "docs_per_s": round(len(docs) / elapsed, 1) if elapsed else None,
        "ms_per_doc": round(1000 * elapsed / len(docs), 3),
        "peak_rss_mb": round(peak / 1024, 1),
        "rss_before_mb": round(before / 1024, 1),
    }


def _measure(task: str, n: int, real: str | None = None) -> dict:
    if task.startswith("relate-"):
        module = "kabar.bench_relate"
    elif task.startswith("digest-"):
        module = "kabar.bench_digest"
    elif task.startswith(("lang-", "split-", "tokens-")):
        module = "kabar.bench_lang"
    else:
        module = "kabar.bench"
    cmd = [sys.executable, "-m", module, task, str(n), real or ""]
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise UsageError(f"benchmark task {task} failed: {result.stderr.strip()[-400:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def run_scenario(
    scenario: str,
    docs: int = 10_000,
    html_pages: int = 200,
    real: Path | None = None,
    console: Console | None = None,
) -> dict:
    """Run ``scenario`` and print a table; return the figures."""
    console = console or Console(stderr=True)
    if scenario not in ("clean", "lang", "relate", "digest"):
        raise UsageError(f"unknown scenario {scenario!r}; available: clean, lang, relate, digest")
    real_path = real or (DEFAULT_REAL if DEFAULT_REAL.exists() else None)
    results: dict = {
        "scenario": scenario,
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "processor": platform.processor() or platform.machine(),
        },
        "date": time.strftime("%Y-%m-%d"),
    }
    if scenario == "lang":
        from kabar.bench_lang import run_lang

        results.update(run_lang(docs, real_path, _measure, console))
        return results
    if scenario == "relate":
        from kabar.bench_relate import run_relate

        results.update(run_relate(docs, real_path, _measure, console))
        return results
    if scenario == "digest":
        from kabar.bench_digest import run_digest

        results.update(run_digest(docs, real_path, _measure, console))
        return results
    with console.status("synthetic text dumps…"):
        results["synthetic"] = _measure("synthetic", docs)
    if real_path is not None:
        with console.status(f"real corpus {real_path}…"):
            results["real"] = _measure("real", 0, str(real_path))
    with console.status("HTML pages: kabar…"):
        results["html_kabar"] = _measure("html-kabar", html_pages)
    with console.status("HTML pages: trafilatura…"):
        results["html_trafilatura"] = _measure("html-trafilatura", html_pages)
    ratio = results["html_kabar"]["ms_per_doc"] / results["html_trafilatura"]["ms_per_doc"]
    results["html_ratio_vs_trafilatura"] = round(ratio, 2)

    table = Table(title="kabar bench clean")
    for col in ("run", "docs", "docs/s", "ms/doc", "peak RSS MB", "target"):
        table.add_column(col)
    s = results["synthetic"]
    table.add_row(
        "synthetic text dumps (kabar)",
        str(s["docs"]),
        str(s["docs_per_s"]),
        str(s["ms_per_doc"]),
        str(s["peak_rss_mb"]),
        "≥ 500 docs/s",
    )
    if "real" in results:
        r = results["real"]
        table.add_row(
            f"real JSONL ({Path(str(real_path)).name}, kabar clean)",
            str(r["docs"]),
            str(r["docs_per_s"]),
            str(r["ms_per_doc"]),
            str(r["peak_rss_mb"]),
            "reads the whole file",
        )
    for key, label in (
        ("html_kabar", "HTML pages (kabar)"),
        ("html_trafilatura", "HTML pages (trafilatura.extract)"),
    ):
        h = results[key]
        table.add_row(
            label, str(h["docs"]), str(h["docs_per_s"]), str(h["ms_per_doc"]), str(h["peak_rss_mb"]), ""
        )
    table.add_row("HTML time per page, kabar / trafilatura", "", "", f"{ratio:.2f}×", "", "≤ 1.5×")
    console.print(table)
    return results


if __name__ == "__main__":
    task, count, real_arg = sys.argv[1], int(sys.argv[2]), sys.argv[3] or None
    print(json.dumps(_worker(task, count, real_arg)))
