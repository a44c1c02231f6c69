"""The `kabar` command end to end on the bundled examples, and its documentation."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from typer.testing import CliRunner

from kabar.cli import app
from tests.conftest import EXAMPLES, ROOT

runner = CliRunner()


def test_digest_writes_json_markdown_and_html(tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["digest", str(EXAMPLES), "--out", str(out)])
    assert result.exit_code == 0, result.output
    digest = json.loads((out / "digest.json").read_text(encoding="utf-8"))
    assert digest["schema_version"]
    ids = {a["id"] for a in digest["articles"]}
    assert len(ids) == 5
    (event,) = [e for e in digest["events"] if len(e["articles"]) > 1]
    assert set(event["articles"]) == ids, "the five seeds report one event"
    assert event["summary"] and all(s["citations"] and set(s["citations"]) <= ids for s in event["summary"])
    for s in event["summary"]:
        source = next(a for a in digest["articles"] if a["id"] == s["article"])
        assert s["article"] in s["citations"] and source
    assert event["coverage"]["articles"] == 5 and event["coverage"]["outlets"] == 4
    md = (out / "digest.md").read_text(encoding="utf-8")
    assert event["title"].split()[0] in md and "[1]" in md
    index = (out / "index.html").read_text(encoding="utf-8")
    assert f'href="{event["id"]}.html"' in index
    assert (out / f"{event['id']}.html").exists()


def test_clean_jsonl_has_one_object_per_article():
    result = runner.invoke(app, ["clean", str(EXAMPLES), "--jsonl"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 5 and all(r["body"] and r["id"] and r["source"] for r in rows)


def test_clean_reads_stdin():
    text = (EXAMPLES / "003_4ce358c03707e746.txt").read_bytes()
    result = subprocess.run(
        [sys.executable, "-m", "kabar.cli", "clean", "-", "--jsonl"],
        input=text,
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    (row,) = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert row["outlet"] == "iNewskarawang.id" and row["source"] == "-"


def test_every_command_and_option_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = [c.name or c.callback.__name__ for c in app.registered_commands]
    for command in commands:
        assert f"kabar {command}" in readme, command
        help_text = runner.invoke(app, [command, "--help"]).output
        options = set(re.findall(r"--[a-z][a-z-]+", help_text)) - {"--help"}
        for option in options:
            assert option in readme or option.replace("--no-", "--") in readme, f"{command} {option}"


def test_readme_starts_with_the_two_setup_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```bash", 1)[1].split("```", 1)[0].strip().splitlines()
    assert len(block) == 2
    assert "kabar digest examples/" in block[0] and "pytest" in block[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert block[1].split("&&")[-1].strip() in ci
