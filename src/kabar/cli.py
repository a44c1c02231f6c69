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
        bar.update(task, completed=done, total=total)

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
    result = digest_articles(run.articles, summary_sentences=sentences)
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
    scenario: Annotated[str, typer.Argument(help="Scenario to run: 'clean'.")] = "clean",
    docs: Annotated[int, typer.Option("--docs", help="Synthetic text dumps to clean.")] = 10_000,
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

    results = run_scenario(scenario, docs=docs, html_pages=html_pages, real=real, console=err)
    if out:
        out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


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
