"""The ``kabar`` command: a thin layer over the library (see ``kabar.pipeline``).

Exit codes: 0 ok; 1 some inputs were skipped (each listed with the reason); 2 usage error.
"""

from __future__ import annotations

import json
import os
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from kabar import __version__
from kabar.errors import KabarError
from kabar.model import Skipped
from kabar.read import ReadOptions
from kabar.read.options import DEFAULT_MAX_BYTES

app = typer.Typer(
    name="kabar",
    help="Turn news articles from many outlets into events and cited digests (Indonesian first).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)

PathsArg = Annotated[
    list[str],
    typer.Argument(help="Files, folders (recursive), globs, '-' for stdin, or URLs (with --fetch)."),
]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Stop at the first input that cannot be read.")]
MaxBytesOpt = Annotated[int, typer.Option("--max-bytes", help="Skip files and downloads larger than this.")]
FetchOpt = Annotated[
    bool, typer.Option("--fetch", help="Allow fetching URLs (and feed links) over the network.")
]
PrivateOpt = Annotated[
    bool, typer.Option("--allow-private", help="Let --fetch reach private and loopback addresses.")
]
TimeoutOpt = Annotated[float, typer.Option("--timeout", help="Seconds to wait for each fetched page.")]


def _options(max_bytes: int, fetch: bool, allow_private: bool, timeout: float) -> ReadOptions:
    return ReadOptions(max_bytes=max_bytes, fetch=fetch, allow_private=allow_private, timeout=timeout)


_STAGES = {
    "clean": "cleaning",
    "annotate": "annotating",
    "relate": "grouping into events",
    "digest": "digesting",
}


@contextmanager
def _progress(label: str):
    """A progress callback that draws a bar once the work has taken more than a second."""
    bar = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )
    started = time.monotonic()
    task = None

    def update(stage: str, done: int, total: int | None) -> None:
        nonlocal task
        if task is None:
            if time.monotonic() - started < 1.0:
                return
            bar.start()
            task = bar.add_task(label, total=total)
        bar.update(task, completed=done, total=total, description=_STAGES.get(stage, stage))

    try:
        yield update
    finally:
        if task is not None:
            bar.stop()


def _count(n: int, noun: str) -> str:
    """ "1 event", "3 events"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _report_skipped(skipped: list[Skipped]) -> None:
    for s in skipped:
        err.print(f"[yellow]skipped[/] {s.source}: {s.reason}", markup=True, highlight=False)
    if skipped:
        err.print(f"{len(skipped)} input(s) skipped; the rest was processed.")


@app.command()
def clean(
    paths: PathsArg,
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help="Write one JSON object per article to stdout.")
    ] = False,
    out: Annotated[
        Path | None, typer.Option("--out", help="Write the JSONL to this file instead of stdout.")
    ] = None,
    learn: Annotated[
        bool, typer.Option("--learn/--no-learn", help="Learn outlet templates from the batch.")
    ] = True,
    strict: StrictOpt = False,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    fetch: FetchOpt = False,
    allow_private: PrivateOpt = False,
    timeout: TimeoutOpt = 15.0,
) -> None:
    """Clean articles: body, title, outlet, authors/editors, dates, dateline, and what was removed."""
    from kabar.pipeline import clean_paths

    with _progress("cleaning") as progress:
        run = clean_paths(
            paths,
            _options(max_bytes, fetch, allow_private, timeout),
            strict=strict,
            progress=progress,
            learn=learn,
        )
    if jsonl or out:
        stream = out.open("w", encoding="utf-8") if out else sys.stdout
        try:
            for article in run.articles:
                stream.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
        finally:
            if out:
                stream.close()
    else:
        console = Console(highlight=False)
        for a in run.articles:
            console.print(
                f"{a.source}\n  {a.title!s}\n  outlet={a.outlet} published={a.published} "
                f"paragraphs={len(a.body)} removed={len(a.removed)}",
                markup=False,
            )
    _report_skipped(run.skipped)
    raise typer.Exit(1 if run.skipped else 0)


@app.command()
def digest(
    paths: PathsArg,
    out: Annotated[
        Path, typer.Option("--out", help="Folder for digest.json, digest.md and the HTML pages.")
    ] = Path("out"),
    sentences: Annotated[
        int, typer.Option("--sentences", "-k", min=1, max=20, help="Summary sentences per event.")
    ] = 5,
    lang: Annotated[
        str | None, typer.Option("--lang", help="Labels in 'id' or 'en' (default: each event's language).")
    ] = None,
    strict: StrictOpt = False,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    fetch: FetchOpt = False,
    allow_private: PrivateOpt = False,
    timeout: TimeoutOpt = 15.0,
) -> None:
    """Read, clean, group into events and write digest.json, digest.md and index.html into --out."""
    from kabar.pipeline import clean_paths, digest_articles
    from kabar.render import write_outputs

    if lang not in (None, "id", "en"):
        raise typer.BadParameter("use 'id' or 'en'", param_hint="--lang")
    with _progress("cleaning") as progress:
        run = clean_paths(
            paths, _options(max_bytes, fetch, allow_private, timeout), strict=strict, progress=progress
        )
    with _progress("digesting") as progress:
        result = digest_articles(run.articles, summary_sentences=sentences, progress=progress)
    result.skipped = run.skipped
    written = write_outputs(result, out, lang)
    err.print(
        f"{_count(len(run.articles), 'article')} → {_count(len(result.events), 'event')}; wrote "
        f"{out / 'digest.json'}, {out / 'digest.md'}, {out / 'index.html'} "
        f"(+{_count(len(written) - 3, 'event page')})"
    )
    _report_skipped(run.skipped)
    raise typer.Exit(1 if run.skipped else 0)


@app.command()
def bench(
    scenario: Annotated[
        str, typer.Argument(help="Scenario to run: 'clean', 'lang', 'relate' or 'digest'.")
    ] = "clean",
    docs: Annotated[
        int | None,
        typer.Option(
            "--docs",
            help="clean: synthetic text dumps (10000); lang: articles to annotate (2000); relate: the "
            "largest scale run (100000; also a tenth and three tenths of it); digest: articles in the "
            "largest event (500; also events of 5 and 50).",
        ),
    ] = None,
    html_pages: Annotated[
        int, typer.Option("--html-pages", help="HTML pages to compare with trafilatura.")
    ] = 200,
    real: Annotated[
        Path | None,
        typer.Option(
            "--real",
            help="A JSONL corpus to clean (default: ../shared/data/indonews2025/dev.jsonl if present).",
        ),
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Also write the results as JSON here.")] = None,
) -> None:
    """Speed and memory, side by side with the tools a user would otherwise use."""
    from kabar.bench import run_scenario

    if docs is None:
        docs = {"lang": 2_000, "relate": 100_000, "digest": 500}.get(scenario, 10_000)
    results = run_scenario(scenario, docs=docs, html_pages=html_pages, real=real, console=err)
    if out:
        out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


@app.command("eval")
def eval_(
    task: Annotated[
        str,
        typer.Argument(
            help="What to evaluate: 'lang' (seeds' gold), 'ner', 'cluster', 'summary' or 'digest'."
        ),
    ],
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            help="ner: an IndoNLU-format JSONL file; lang: a gold folder; cluster: a JSONL file of "
            "{id, published, outlet, title, text|paragraphs, event}; summary: an IndoSum-format "
            "JSONL file. Default: ../shared.",
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print one JSON object (DESIGN.md's shape).")
    ] = False,
    predictions: Annotated[
        Path | None,
        typer.Option(
            "--predictions",
            help="ner: write one {tokens, tags} line per sentence; cluster: one {id, event} line "
            "per article; summary: one {id, summary: [sentences]} line per article.",
        ),
    ] = None,
    model: Annotated[
        str | None,
        typer.Option("--model", help="ner: 'nergrit' or 'nerp' (default: the one matching the tags)."),
    ] = None,
    part: Annotated[
        str,
        typer.Option(
            "--fold",
            help="cluster: 'held-out' (articles the join model was not calibrated on; the default), "
            "'calibration' or 'all'. With --data the default is 'all'. A labelled day the model was "
            "never calibrated on (indonews-0610) is scored whole, except with 'calibration'.",
        ),
    ] = "",
    blank_titles: Annotated[bool, typer.Option("--blank-titles", help="cluster: drop every title.")] = False,
    blank_dates: Annotated[
        bool, typer.Option("--blank-dates", help="cluster: drop every publication date.")
    ] = False,
) -> None:
    """Score kabar against gold data, with baselines computed in the same run."""
    if task == "ner":
        _eval_ner(data, as_json, predictions, model)
    elif task == "lang":
        _eval_lang(data, as_json)
    elif task == "cluster":
        _eval_cluster(
            data, as_json, predictions, part or ("all" if data else "held-out"), blank_titles, blank_dates
        )
    elif task == "digest":
        _eval_digest(data, as_json)
    elif task == "summary":
        _eval_summary(data, as_json, predictions)
    else:
        raise typer.BadParameter(
            f"unknown task {task!r}: use 'lang', 'ner', 'cluster', 'summary' or 'digest'", param_hint="TASK"
        )


def _eval_digest(data: Path | None, as_json: bool) -> None:
    from kabar.eval import shared_dir
    from kabar.eval.digest_gold import digest_event, gold_articles, load_gold, score_digest

    target = data or shared_dir("samples", "gold", "event.json")
    files = sorted(target.glob("*.json")) if target.is_dir() else [target]
    if not files or not all(f.is_file() for f in files):
        raise typer.BadParameter(f"{target}: no gold file (event.json format) there", param_hint="--data")
    rows = []
    for f in files:
        gold = load_gold(f)
        with err.status(f"{f.name}: reading {len(gold.members)} articles through the pipeline…"):
            articles, key = gold_articles(gold)
        missing = set(gold.members) - set(key.values())
        if missing:
            raise typer.BadParameter(
                f"{f}: members not found: {', '.join(sorted(missing))}", param_hint="--data"
            )
        rows.append((f, score_digest(digest_event(f.stem, articles), gold, key)))
    figures = [r.figures() for _, r in rows]
    names = [k for k in figures[0] if k not in ("sentences", "unmatched")]
    mean = {k: round(sum(x[k] for x in figures) / len(figures), 4) for k in names}
    if as_json:
        out = {
            "task": "digest",
            "data": str(target),
            "n": len(rows),
            "system": mean,
            "events": {f.stem: x for (f, _), x in zip(rows, figures, strict=True)},
            "baselines": {},
        }
        typer.echo(json.dumps(out, ensure_ascii=False, indent=1))
        return
    from rich.table import Table

    out_console = Console(highlight=False)
    table = Table(title=f"kabar eval digest — {target}")
    table.add_column("event")
    for k in names:
        table.add_column(k, justify="right")
    for (f, _), x in zip(rows, figures, strict=True):
        table.add_row(f.stem, *(f"{x[k]:.3f}" for k in names))
    if len(rows) > 1:
        table.add_row("mean", *(f"{mean[k]:.3f}" for k in names))
    out_console.print(table)
    for f, r in rows:
        for text in r.missed_quotes:
            out_console.print(f"{f.stem}: quote not merged: {text}", markup=False)


def _eval_cluster(
    data: Path | None,
    as_json: bool,
    predictions: Path | None,
    part: str,
    blank_titles: bool,
    blank_dates: bool,
) -> None:
    from kabar.eval.cluster import (
        SETS,
        UNSEEN_SETS,
        blank,
        development_set,
        evaluate,
        fold,
        load_records,
        write_predictions,
    )

    folds = {"held-out": (1,), "calibration": (0,), "all": (0, 1)}
    if part not in folds:
        raise typer.BadParameter("use 'held-out', 'calibration' or 'all'", param_hint="--fold")
    if data is not None:
        if not data.is_file():
            raise typer.BadParameter(f"{data}: no such file", param_hint="--data")
        try:
            sets = [(str(data), load_records(data))]
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--data") from None
    else:
        if predictions is not None:
            raise typer.BadParameter("--predictions needs one --data file", param_hint="--predictions")
        try:
            unseen = UNSEEN_SETS if part != "calibration" else ()
            sets = [(name, development_set(name)) for name in SETS + unseen]
        except FileNotFoundError as exc:
            raise typer.BadParameter(str(exc), param_hint="--data") from None
    reports = []
    for name, records in sets:
        seen = name not in UNSEEN_SETS  # an unseen day is scored whole: the model never read it
        records = [r for r in records if not seen or fold(r.id) in folds[part]]
        records = blank(records, blank_titles, blank_dates)
        blanked = (", titles blanked" if blank_titles else "") + (", dates blanked" if blank_dates else "")
        label = f"{name} ({part if seen else 'unseen day, all'}{blanked})"
        with err.status(f"clustering {label}: {len(records)} articles…"):
            report = evaluate(records, label)
        reports.append(report)
        if predictions is not None:
            write_predictions(predictions, report.predicted, [r.id for r in records])
    if as_json:
        payload = [r.to_json() for r in reports]
        typer.echo(json.dumps(payload[0] if len(payload) == 1 else payload, ensure_ascii=False, indent=2))
        return
    for r in reports:
        typer.echo(f"{r.data}: {r.n} articles, {r.system['gold_pairs']} same-event pairs")
        rows = [("kabar", r.system), *r.baselines.items()]
        for label, s in rows:
            typer.echo(
                f"  {label:<16} pairwise P {s['pairwise_precision']:.3f}  R {s['pairwise_recall']:.3f}  "
                f"F1 {s['pairwise_f1']:.3f}   B3 P {s['b3_precision']:.3f}  R {s['b3_recall']:.3f}  "
                f"F1 {s['b3_f1']:.3f}"
            )


def _eval_summary(data: Path | None, as_json: bool, predictions: Path | None) -> None:
    from kabar.eval import shared_dir
    from kabar.eval.summary import evaluate, load_records, write_predictions

    path = data or shared_dir("data", "indosum", "dev.jsonl")
    if not path.is_file():
        raise typer.BadParameter(f"{path}: no such file", param_hint="--data")
    try:
        records = load_records(path)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--data") from None
    with _progress("summarising") as update:
        try:
            report = evaluate(records, str(path), progress=update)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--data") from None
    if predictions is not None:
        write_predictions(predictions, report.summaries)
    if as_json:
        typer.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
        return
    typer.echo(f"{report.data}: {report.n} articles, {report.k} sentences per summary, ROUGE F1 x 100")
    typer.echo(f"  scorer: {report.scorer}")
    for label, s in [("kabar", report.system), *report.baselines.items()]:
        typer.echo(f"  {label:<8} R-1 {s['rouge1']:6.2f}  R-2 {s['rouge2']:6.2f}  R-L {s['rougeL']:6.2f}")


def _eval_ner(data: Path | None, as_json: bool, predictions: Path | None, model: str | None) -> None:
    from kabar.eval import shared_dir
    from kabar.eval.ner import evaluate

    if data is None:
        folder = shared_dir("data", "ner")
        files = [folder / f"{name}_valid.jsonl" for name in ("nergrit", "nerp")]
        if not all(f.is_file() for f in files):
            raise typer.BadParameter(
                f"no validation files in {folder}: pass --data FILE", param_hint="--data"
            )
        if predictions is not None and len(files) > 1:
            raise typer.BadParameter("--predictions needs one --data file", param_hint="--predictions")
    else:
        if not data.is_file():
            raise typer.BadParameter(f"{data}: no such file", param_hint="--data")
        files = [data]
    reports = []
    for f in files:
        train = f.with_name(f.name.replace("_valid", "_train").replace("_test", "_train"))
        try:
            reports.append(evaluate(f, model, train if train != f else None, predictions))
        except (ValueError, FileNotFoundError) as exc:
            raise typer.BadParameter(str(exc), param_hint="--data") from None
    if as_json:
        payload = reports[0].to_json() if len(reports) == 1 else [r.to_json() for r in reports]
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    console = Console(highlight=False)
    for r in reports:
        console.print(f"{r.data} ({r.system.n_sentences} sentences, model {r.model})", markup=False)
        rows = [("overall", r.system.overall, r.baseline.overall if r.baseline else None)]
        rows += [
            (t, v, r.baseline.per_type.get(t) if r.baseline else None) for t, v in r.system.per_type.items()
        ]
        for label, s, b in rows:
            base = f"   baseline f1 {b['f1']:.3f}" if b else ""
            figures = f"P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  (n={s['support']})"
            console.print(f"  {label:<14} {figures}{base}", markup=False)


def _eval_lang(data: Path | None, as_json: bool) -> None:
    from kabar.eval import shared_dir
    from kabar.eval.lang import BARS, LangScore, load_gold, score_article
    from kabar.pipeline import clean_paths

    gold_dir = data or shared_dir("samples", "gold")
    seeds = gold_dir.parent / "seeds"
    if not gold_dir.is_dir() or not seeds.is_dir():
        raise typer.BadParameter(
            f"{gold_dir}: needs a gold folder beside a seeds/ folder", param_hint="--data"
        )
    gold = load_gold(gold_dir)
    run = clean_paths([str(seeds)])
    total = LangScore()
    for article in run.articles:
        g = gold.get(Path(article.source).name)
        if g is not None:
            total = total.add(score_article(article, g))
    figures = total.figures()
    if as_json:
        typer.echo(
            json.dumps(
                {"task": "lang", "data": str(gold_dir), "n": len(gold), "system": figures, "baselines": {}}
            )
        )
        return
    for k, v in figures.items():
        typer.echo(f"{k:<12} {v:.3f}   (bar {BARS[k]:.2f}{'' if v >= BARS[k] else ', below'})")


@app.command()
def train(
    task: Annotated[
        str,
        typer.Argument(
            help="What to train: 'ner', 'join' (the event join model), 'summary' (the sentence scorer) "
            "or 'support' (the citation-support model)."
        ),
    ],
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            help="ner: folder with <model>_train.jsonl (default: ../shared/data/ner); summary: an "
            "IndoSum-format JSONL file (default: ../shared/data/indosum/dev.jsonl).",
        ),
    ] = None,
    model: Annotated[str, typer.Option("--model", help="'nergrit', 'nerp' or 'all'.")] = "all",
    out: Annotated[
        Path | None, typer.Option("--out", help="Folder for the models (default: the package's, as shipped).")
    ] = None,
) -> None:
    """Rebuild a shipped model from its training data (deterministic: same data, same model)."""
    from kabar.eval import shared_dir
    from kabar.lang.ner import MODELS, read_jsonl, shipped_model_path
    from kabar.lang.ner import train as train_ner

    if task == "join":
        _train_join(out)
        return
    if task == "support":
        _train_support(out)
        return
    if task == "summary":
        _train_summary(data, out)
        return
    if task != "ner":
        raise typer.BadParameter(
            f"unknown task {task!r}: use 'ner', 'join', 'summary' or 'support'", param_hint="TASK"
        )
    names = MODELS if model == "all" else (model,)
    if any(n not in MODELS for n in names):
        raise typer.BadParameter(f"use one of {', '.join(MODELS)} or 'all'", param_hint="--model")
    folder = data or shared_dir("data", "ner")
    for name in names:
        source = folder / f"{name}_train.jsonl"
        if not source.is_file():
            raise typer.BadParameter(f"{source}: no such file", param_hint="--data")
        target = (out / f"{name}.crfsuite") if out else shipped_model_path(name)
        started = time.monotonic()
        sentences = read_jsonl(source)
        with err.status(f"training {name} on {len(sentences)} sentences…"):
            train_ner(sentences, target)
        err.print(f"{name}: {len(sentences)} sentences → {target} ({time.monotonic() - started:.0f} s)")


def _train_summary(data: Path | None, out: Path | None) -> None:
    from kabar.digest.select import SCORER_PATH
    from kabar.eval import shared_dir
    from kabar.eval.summary import load_records, train_scorer

    path = data or shared_dir("data", "indosum", "dev.jsonl")
    if not path.is_file():
        raise typer.BadParameter(f"{path}: no such IndoSum-format file", param_hint="--data")
    started = time.monotonic()
    try:
        records = load_records(path)
        with err.status(f"training the summary scorer on {len(records)} articles…"):
            scorer = train_scorer(records, "indosum/dev.jsonl" if data is None else path.name)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--data") from None
    target = out / SCORER_PATH.name if out else SCORER_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(scorer.to_dict(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    err.print(f"summary scorer → {target} ({time.monotonic() - started:.0f} s)", markup=False)


def _train_join(out: Path | None) -> None:
    from kabar.eval.cluster import SETS, development_set, fold, prepare, scores
    from kabar.relate.calibrate import fit
    from kabar.relate.events import WINDOW_DAYS
    from kabar.relate.pairs import model_path
    from kabar.relate.signature import signatures

    started = time.monotonic()
    sets = {}
    for name in SETS:
        try:
            records = [r for r in development_set(name) if fold(r.id) == 0]
        except FileNotFoundError as exc:
            raise typer.BadParameter(str(exc), param_hint="--data") from None
        with err.status(f"reading {name}: {len(records)} calibration articles…"):
            articles = prepare(records)
        sets[name] = (signatures(articles), [r.event for r in records])
    model = fit(sets, WINDOW_DAYS, scores, progress=lambda line: err.print(line, markup=False))
    target = out / "join_model.json" if out else model_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(model.to_dict(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    err.print(f"join model → {target} ({time.monotonic() - started:.0f} s)", markup=False)


def _train_support(out: Path | None) -> None:
    from kabar.digest.calibrate import built_negative_paths, shipped_record
    from kabar.digest.support import ALIGNMENT_DROPS
    from kabar.eval import CHECKOUT, shared_dir
    from kabar.eval.digest_gold import gold_articles, load_gold
    from kabar.pipeline import clean_paths

    gold_path = shared_dir("samples", "gold", "event.json")
    if not gold_path.is_file():
        raise typer.BadParameter(f"{gold_path}: the seeds' gold is needed", param_hint="TASK")
    gold = load_gold(gold_path)
    articles, key = gold_articles(gold)
    keys = [key[a.id] for a in articles]
    negatives = clean_paths(built_negative_paths(CHECKOUT))
    with err.status("fitting the support model and cross-validating both rounds per claim…"):
        record = shipped_record(articles, keys, gold, negatives.articles)
    target = (
        out / "support_model.json"
        if out
        else Path(__file__).parent / "digest" / "data" / "support_model.json"
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    err.print(
        f"support model → {target}: {record['pairs']} pairs, cv {record['cv']}; "
        f"alignment (without {', '.join(ALIGNMENT_DROPS)}) cv {record['alignment']['cv']}",
        markup=False,
    )


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        typer.echo(f"kabar {__version__}")
        raise typer.Exit(0)


def main() -> None:
    """Entry point: run the app; no traceback reaches the user unless KABAR_DEBUG is set."""
    try:
        app(standalone_mode=True)
    except KabarError as exc:
        err.print(f"error: {exc}", markup=False)
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("KABAR_DEBUG"):
            raise
        err.print(
            f"internal error: {type(exc).__name__}: {exc} (set KABAR_DEBUG=1 for the traceback "
            "and please report it)",
            markup=False,
        )
        sys.exit(3)


if __name__ == "__main__":
    main()
