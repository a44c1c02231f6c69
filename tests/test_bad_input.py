"""Bad input (Foundation issue, deliverable 7): one clear line naming the input and the
reason, the run goes on with the rest and exits 1; --strict stops at the first problem;
no traceback reaches the user."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kabar.cli import app
from tests.conftest import EXAMPLES

GOOD = EXAMPLES / "000_3d4e2f817b804866.txt"
runner = CliRunner()


def run_clean(*args: str):
    result = runner.invoke(app, ["clean", "--jsonl", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output + (result.stderr or "")
    return result


def articles(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return Path(shutil.copy(GOOD, tmp_path / "good.txt"))


def assert_skipped_once(result, source: Path | str, words: str) -> None:
    lines = [line for line in result.stderr.splitlines() if line.startswith("skipped")]
    assert len(lines) == 1, result.stderr
    assert str(source) in lines[0] and words in lines[0], lines[0]
    assert result.exit_code == 1
    assert "1 input(s) skipped" in result.stderr


def test_empty_file(tmp_path, good):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    result = run_clean(str(bad), str(good))
    assert_skipped_once(result, bad, "empty")
    assert len(articles(result)) == 1


def test_binary_file_with_text_extension(tmp_path, good):
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    result = run_clean(str(bad), str(good))
    assert_skipped_once(result, bad, "binary (PNG image)")
    assert len(articles(result)) == 1


def test_latin1_file_is_decoded_not_skipped(tmp_path, good):
    text = (
        "Harga Kopi Naik di Pasar Café Bandung\n\n"
        "BANDUNG, Kabarku.id - Harga kopi arabika di kafe « Café Señor » naik 15 persen pekan ini, "
        "kata pemilik kafe, Rina Susanti, kepada wartawan pada Senin (3/6/2024).\n\n"
        "Kenaikan itu dipicu cuaca buruk di Garut dan ongkos angkut yang lebih mahal, ujarnya.\n"
    )
    bad = tmp_path / "latin1.txt"
    bad.write_bytes(text.encode("latin-1"))
    result = run_clean(str(bad), str(good))
    assert result.exit_code == 0, result.stderr
    got = {Path(a["source"]).name: a for a in articles(result)}
    assert "Café Señor" in got["latin1.txt"]["body"][0]
    assert got["latin1.txt"]["outlet"] == "Kabarku.id"


def test_file_over_the_size_cap(tmp_path, good):
    bad = tmp_path / "huge.txt"
    bad.write_text("Paragraf panjang sekali. " * 2000, encoding="utf-8")
    result = run_clean("--max-bytes", "10000", str(bad), str(good))
    assert_skipped_once(result, bad, "over the 10,000-byte cap")
    assert len(articles(result)) == 1


def test_html_with_no_article(tmp_path, good):
    bad = tmp_path / "menu.html"
    bad.write_text(
        "<html><head><title>Beranda</title></head><body><nav><a href='/'>Home</a> "
        "<a href='/news'>News</a></nav><script>var x=1;</script></body></html>",
        encoding="utf-8",
    )
    result = run_clean(str(bad), str(good))
    assert_skipped_once(result, bad, "no article text")
    assert len(articles(result)) == 1


def test_jsonl_with_one_broken_line(tmp_path):
    body = "JAKARTA, KOMPAS.com - " + "Pemerintah menaikkan anggaran pendidikan tahun ini. " * 5
    lines = [
        json.dumps({"text": body, "title": "Anggaran Pendidikan Naik", "url": "https://kompas.com/a"}),
        '{"text": "unterminated',
        json.dumps({"text": body.replace("pendidikan", "kesehatan"), "title": "Anggaran Kesehatan Naik"}),
    ]
    bad = tmp_path / "feed.jsonl"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_clean(str(bad))
    assert_skipped_once(result, f"{bad}:2", "not valid JSON")
    assert [a["title"] for a in articles(result)] == ["Anggaran Pendidikan Naik", "Anggaran Kesehatan Naik"]


def test_missing_path(tmp_path, good):
    bad = tmp_path / "nowhere.txt"
    result = run_clean(str(bad), str(good))
    assert_skipped_once(result, bad, "no such file or folder")
    assert len(articles(result)) == 1


def test_directory_with_no_readable_files(tmp_path, good):
    folder = tmp_path / "pictures"
    folder.mkdir()
    (folder / "a.png").write_bytes(b"\x89PNG\r\n")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    result = run_clean(str(folder), str(good))
    assert_skipped_once(result, folder, "no readable files")
    assert len(articles(result)) == 1


def test_strict_stops_at_the_first_problem(tmp_path, good):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"  \n")
    result = run_clean("--strict", str(bad), str(good))
    assert result.exit_code == 1
    assert articles(result) == []
    assert "empty" in result.stderr


def test_all_good_exits_zero(good):
    result = run_clean(str(good))
    assert result.exit_code == 0
    assert "skipped" not in result.stderr


def test_usage_error_exits_two():
    result = runner.invoke(app, ["digest", "--lang", "fr", str(GOOD)])
    assert result.exit_code == 2
