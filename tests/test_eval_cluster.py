"""``kabar eval cluster`` on a small labelled file the test writes, and the development sets'
label files (ids and labels only)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kabar.cli import app
from kabar.eval.cluster import LABELS, fold, load_records, record_from, scores

runner = CliRunner()

_STORIES = {
    "kebakaran": [
        "Kebakaran melanda Pasar Kramat Jati, Jakarta Timur, pada Selasa dini hari (18/6/2024).",
        "Sebanyak 25 unit mobil pemadam dikerahkan untuk memadamkan api yang melahap 120 kios.",
        "Kepala Suku Dinas Gulkarmat Jakarta Timur Gatot Sulaeman mengatakan api diduga dari korsleting.",
    ],
    "vaksin": [
        "Kementerian Kesehatan memulai imunisasi polio serentak di 27 provinsi pada Senin (17/6/2024).",
        "Sasaran imunisasi adalah 8,4 juta anak berusia di bawah delapan tahun.",
        "Menteri Kesehatan Budi Gunadi Sadikin meminta orang tua membawa anak ke posyandu terdekat.",
    ],
}


def _write_data(path: Path) -> list[dict]:
    rows = []
    for s, (story, sentences) in enumerate(sorted(_STORIES.items())):
        for v in range(3):
            order = sentences[v:] + sentences[:v]
            rows.append(
                {
                    "id": f"{story}-{v}",
                    "published": 1718690000 + 3600 * v + s,  # unix time is accepted
                    "outlet": f"outlet{v}",
                    "title": "" if v == 2 else sentences[0][:50],
                    "paragraphs": [order],  # IndoSum style: paragraphs of sentences
                    "event": story,
                }
            )
    rows.append(
        {
            "id": "alone",
            "published": "2024-06-18",
            "outlet": "x",
            "title": "",
            "text": "Harga cabai rawit di Pasar Induk Caringin naik menjadi Rp 90.000 per kilogram.",
            "event": None,
        }
    )
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return rows


def test_eval_cluster_json_and_predictions(tmp_path):
    data = tmp_path / "events.jsonl"
    rows = _write_data(data)
    out = tmp_path / "pred.jsonl"
    result = runner.invoke(app, ["eval", "cluster", "--data", str(data), "--json", "--predictions", str(out)])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["task"] == "cluster" and payload["n"] == len(rows)
    for key in ("pairwise_f1", "pairwise_precision", "pairwise_recall", "b3_f1"):
        assert 0.0 <= payload["system"][key] <= 1.0
    assert set(payload["baselines"]) == {"all_singletons", "tfidf_threshold"}
    assert payload["system"]["pairwise_f1"] == 1.0  # two plain stories, three outlets each
    predicted = {json.loads(line)["id"]: json.loads(line)["event"] for line in out.read_text().splitlines()}
    assert list(predicted) == [r["id"] for r in rows]
    gold = {r.id: r.event for r in load_records(data)}
    assert scores(predicted, gold)["pairwise_f1"] == payload["system"]["pairwise_f1"]


def test_eval_cluster_names_a_bad_file(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a"}\n', encoding="utf-8")
    result = runner.invoke(app, ["eval", "cluster", "--data", str(bad)])
    assert result.exit_code == 2
    assert "bad.jsonl:1" in result.output and "text" in result.output


def test_records_read_unix_time_and_paragraphs():
    r = record_from({"id": "x", "published": 1490674536, "paragraphs": [["Satu.", "Dua."], ["Tiga."]]}, "w")
    assert r.published.startswith("2017-03-28T") and r.text == "Satu. Dua.\n\nTiga."
    assert r.event == "alone:x"


def test_folds_split_about_evenly_and_stably():
    ids = [f"article-{k}" for k in range(2000)]
    share = sum(fold(i) for i in ids) / len(ids)
    assert 0.45 < share < 0.55
    assert [fold(i) for i in ids[:20]] == [fold(i) for i in ids[:20]]


@pytest.mark.parametrize("name", ["indonews2025-0618", "indonews2025-0610", "indosum-dev"])
def test_label_files_hold_ids_and_labels_only(name):
    rows = [json.loads(line) for line in (LABELS / f"{name}.jsonl").read_text("utf-8").splitlines()]
    assert all(set(r) == {"id", "event"} for r in rows)
    assert len({r["id"] for r in rows}) == len(rows)
    sizes: dict[str, int] = {}
    for r in rows:
        if r["event"] is not None:
            sizes[r["event"]] = sizes.get(r["event"], 0) + 1
    assert sizes and min(sizes.values()) >= 2  # a labelled event holds at least two articles
    described = {
        json.loads(line)["event"] for line in (LABELS / f"{name}-events.jsonl").read_text().splitlines()
    }
    assert set(sizes) <= described | {e for e in sizes if e.startswith("n18-r")}
