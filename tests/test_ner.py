"""The CRF tagger (:mod:`kabar.lang.ner`), ``kabar train ner`` and ``kabar eval ner``.

The tagger is trained here on small data the test writes (template sentences with invented
names), so the code that trains and loads models is checked without the shared data sets:
training twice gives the same bytes, and the model finds names it never saw in positions the
templates taught. The shipped models are checked on a few sentences a reader tags at a glance,
and, when ``../shared/data/ner`` is present, on the validation splits.

Bars on the validation splits: overall entity F1 >= 0.72 on each set. They guard against
regressions below what was measured when the models were shipped (NERGrit 0.742, NERP 0.730,
see the issue notes); the issue's target of 0.80 is not reached.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kabar.cli import app
from kabar.eval.ner import lexicon_baseline, model_for
from kabar.lang.ner import Sentence, Tagger, read_jsonl, score, shipped_tagger, spans, train
from tests.conftest import SHARED, need

runner = CliRunner()
NER_DIR = SHARED / "data" / "ner"
VALIDATION_BAR = 0.73

_FIRST = ["Budi", "Siti", "Agus", "Dewi", "Rudi", "Wati", "Joko", "Rina", "Hendra", "Maya", "Yusuf", "Lina"]
_LAST = ["Santoso", "Rahayu", "Wijaya", "Lestari", "Hartono", "Saputra", "Kusuma", "Pratama", "Halim"]
_PLACES = ["Bandung", "Surabaya", "Makassar", "Medan", "Semarang", "Palembang", "Manado", "Kupang"]
_ORGS = [["Bank", "Mandiri"], ["Universitas", "Gadjah", "Mada"], ["Partai", "Golkar"], ["PT", "Pertamina"]]
_TEMPLATES = [
    "Presiden {per} tiba di {plc} pada pagi hari .",
    "Menurut {per} , warga {plc} menyambut baik rencana itu .",
    "{per} mengatakan {org} akan membuka kantor di {plc} .",
    "Direktur {org} , {per} , menolak berkomentar .",
    "Banjir melanda {plc} sejak kemarin , kata {per} .",
]


def _sentence(rng: random.Random, template: str) -> Sentence:
    tokens: list[str] = []
    tags: list[str] = []
    for word in template.split():
        if word in ("{per}", "{plc}", "{org}"):
            kind, parts = {
                "{per}": ("PERSON", [rng.choice(_FIRST), rng.choice(_LAST)]),
                "{plc}": ("PLACE", [rng.choice(_PLACES)]),
                "{org}": ("ORGANISATION", rng.choice(_ORGS)),
            }[word]
            tokens += parts
            tags += [f"B-{kind}"] + [f"I-{kind}"] * (len(parts) - 1)
        else:
            tokens.append(word)
            tags.append("O")
    return Sentence(tokens, tags)


def _write(path: Path, sentences: list[Sentence]) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for s in sentences:
            f.write(json.dumps({"tokens": s.tokens, "tags": s.tags}) + "\n")
    return path


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """A train and a held-out file of template sentences, and a model trained on the first."""
    rng = random.Random(3)
    folder = tmp_path_factory.mktemp("ner")
    train_set = [_sentence(rng, t) for _ in range(30) for t in _TEMPLATES]
    held_out = [_sentence(rng, t) for _ in range(4) for t in _TEMPLATES]
    _write(folder / "nergrit_train.jsonl", train_set)
    _write(folder / "nergrit_valid.jsonl", held_out)
    model = train(train_set, folder / "model.crfsuite")
    return folder, held_out, model


def test_spans_read_bio_as_conlleval_does():
    tags = ["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-ORG", "B-ORG", "I-PER"]
    assert list(spans(tags)) == [(0, 2, "PER"), (3, 5, "LOC"), (5, 6, "ORG"), (6, 7, "ORG"), (7, 8, "PER")]


def test_score_counts_exact_span_and_type():
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "O"]]
    pred = [["B-PER", "O", "O", "B-LOC"], ["B-LOC", "O"]]  # one short span, one right, one wrong type
    s = score(gold, pred)
    assert s.overall["precision"] == pytest.approx(1 / 3, abs=1e-3)
    assert s.overall["recall"] == pytest.approx(1 / 3, abs=1e-3)
    assert s.per_type["LOC"]["support"] == 1 and s.per_type["LOC"]["precision"] == 0.5
    assert s.per_type["ORG"]["recall"] == 0.0 and s.per_type["PER"]["f1"] == 0.0


def test_read_jsonl_names_the_bad_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"tokens": ["a"], "tags": ["O"]}\n{"tokens": ["a", "b"], "tags": ["O"]}\n')
    with pytest.raises(ValueError, match=r"bad\.jsonl:2: 2 tokens but 1 tags"):
        read_jsonl(path)
    path.write_text("not json\n")
    with pytest.raises(ValueError, match=r"bad\.jsonl:1"):
        read_jsonl(path)


def test_training_is_deterministic(tiny, tmp_path):
    folder, _, model = tiny
    again = train(read_jsonl(folder / "nergrit_train.jsonl"), tmp_path / "again.crfsuite")
    assert again.read_bytes() == model.read_bytes()


def test_a_trained_model_generalises_to_unseen_names(tiny):
    _, held_out, model = tiny
    tagger = Tagger(model)
    unseen = ["Presiden", "Kartika", "Wibisono", "tiba", "di", "Jayapura", "pada", "pagi", "hari", "."]
    assert list(spans(tagger.tag(unseen))) == [(1, 3, "PERSON"), (5, 6, "PLACE")]
    s = score([x.tags for x in held_out], [tagger.tag(x.tokens) for x in held_out])
    assert s.overall["f1"] >= 0.9, s.overall


def test_missing_model_file_says_how_to_build_it(tmp_path):
    with pytest.raises(FileNotFoundError, match="kabar train ner"):
        Tagger(tmp_path / "none.crfsuite")


def test_shipped_model_tags_plain_news_sentences():
    tagger = shipped_tagger("nergrit")
    tokens = [
        "Presiden",
        "Joko",
        "Widodo",
        "meresmikan",
        "bendungan",
        "di",
        "Kabupaten",
        "Bogor",
        ",",
        "Jawa",
        "Barat",
        ".",
    ]
    found = set(spans(tagger.tag(tokens)))
    assert (1, 3, "PERSON") in found
    assert any(kind == "PLACE" and a >= 7 and b <= 12 for a, b, kind in found), found
    lower = ["presiden", "joko", "widodo", "meresmikan", "bendungan", "di", "bogor", "."]
    assert any(kind == "PPL" for _, _, kind in spans(shipped_tagger("nerp").tag(lower)))


def test_model_for_picks_the_tag_set():
    assert model_for([Sentence(["Budi"], ["B-PERSON"])]) == "nergrit"
    assert model_for([Sentence(["budi"], ["B-PPL"])]) == "nerp"
    with pytest.raises(ValueError, match="match no model"):
        model_for([Sentence(["x"], ["B-MISC"])])


def test_lexicon_baseline_takes_the_most_frequent_tag():
    train_set = [
        Sentence(["Bogor", "hujan"], ["B-PLACE", "O"]),
        Sentence(["Bogor", "FC"], ["B-ORGANISATION", "I-ORGANISATION"]),
        Sentence(["Bogor"], ["B-PLACE"]),
    ]
    assert lexicon_baseline(train_set)["Bogor"] == "B-PLACE"


def test_train_command_writes_the_same_model(tiny, tmp_path):
    folder, _, model = tiny
    result = runner.invoke(
        app, ["train", "ner", "--data", str(folder), "--model", "nergrit", "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "nergrit.crfsuite").read_bytes() == model.read_bytes()
    bad = runner.invoke(app, ["train", "ner", "--data", str(tmp_path), "--model", "nerp"])
    assert bad.exit_code == 2 and "no such file" in bad.output


def test_eval_command_json_and_predictions_agree(tiny, tmp_path):
    """``--predictions`` writes what was scored: rescoring the file gives the printed figures."""
    folder, held_out, _ = tiny
    predictions = tmp_path / "pred.jsonl"
    result = runner.invoke(
        app,
        [
            "eval",
            "ner",
            "--data",
            str(folder / "nergrit_valid.jsonl"),
            "--json",
            "--predictions",
            str(predictions),
        ],
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["task"] == "ner" and payload["model"] == "nergrit" and payload["n"] == len(held_out)
    assert set(payload["system"]["per_type"]) == {"PERSON", "PLACE", "ORGANISATION"}
    assert "train_lexicon" in payload["baselines"]  # the train file sits beside the valid one
    lines = [json.loads(line) for line in predictions.read_text(encoding="utf-8").splitlines()]
    assert [x["tokens"] for x in lines] == [s.tokens for s in held_out]
    assert all(len(x["tags"]) == len(x["tokens"]) for x in lines)
    rescored = score([s.tags for s in held_out], [x["tags"] for x in lines])
    assert payload["system"]["f1"] == rescored.overall["f1"]
    for kind, figures in rescored.per_type.items():
        assert payload["system"]["per_type"][kind] == figures


def test_eval_command_refuses_unknown_tags(tmp_path):
    data = _write(tmp_path / "misc.jsonl", [Sentence(["Budi"], ["B-MISC"])])
    result = runner.invoke(app, ["eval", "ner", "--data", str(data)])
    assert result.exit_code == 2 and "match no model" in result.output


@pytest.mark.parametrize("name", ["nergrit", "nerp"])
def test_validation_split_f1(name):
    valid = need(NER_DIR / f"{name}_valid.jsonl")
    result = runner.invoke(app, ["eval", "ner", "--data", str(valid), "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["model"] == name
    assert payload["system"]["f1"] >= VALIDATION_BAR, payload["system"]
    assert payload["system"]["f1"] > payload["baselines"]["train_lexicon"]["f1"] + 0.15


@pytest.mark.parametrize("name", ["nergrit", "nerp"])
def test_model_attributes_are_the_models_dictionary(name):
    """The attributes read from the model file are crfsuite's own list (its dump), so features
    outside it are the ones crfsuite drops, and leaving them out changes no tag."""
    from kabar.lang.ner import model_attributes, sentence_features, shipped_model_path

    path = shipped_model_path(name)
    known = model_attributes(path)
    tagger = Tagger(path)
    assert known == frozenset(a.encode() for a in tagger._tagger.info().attributes)
    sentences = [
        "Presiden Rusia Vladimir Putin bertemu Kim Jong Un di Pyongyang , Rabu ( 19/6 ) .",
        "Kapolres Bogor AKBP Rio Wahyu Anggoro mengatakan , warga Desa Sukamaju diminta waspada .",
        "Xqzr Blorptan dari PT Zyxwv Nusantara tiba di Bandara Internasional Kualanamu .",
    ]
    for sentence in sentences:
        tokens = sentence.split()
        assert tagger.tag(tokens) == list(tagger._tagger.tag(sentence_features(tokens)))


def test_model_attributes_refuses_other_files(tmp_path):
    from kabar.lang.ner import model_attributes

    (tmp_path / "x.crfsuite").write_bytes(b"not a model at all, " * 10)
    assert model_attributes(tmp_path / "x.crfsuite") is None


def test_word_clusters_group_words_of_one_kind():
    """The distributional classes (data/word_clusters.tsv) put weekdays with weekdays and towns
    with towns at the finest granularity, and keep a weekday apart from a town at the coarsest."""
    from kabar.lang.ner import word_clusters

    clusters = word_clusters()
    assert len(clusters) > 10_000
    assert clusters["senin"][2] == clusters["selasa"][2] == clusters["kamis"][2]
    assert clusters["bandung"][1] == clusters["semarang"][1]
    assert clusters["senin"][0] != clusters["bandung"][0]


@pytest.mark.parametrize("name", ["nergrit", "nerp"])
def test_shipped_models_use_the_word_classes(name):
    """Both shipped models were trained with the word-class features: their attribute
    dictionaries hold a token's classes and its neighbours'."""
    from kabar.lang.ner import model_attributes, shipped_model_path, word_clusters

    known = model_attributes(shipped_model_path(name))
    senin = word_clusters()["senin"]
    assert f"c0={senin[0]}".encode() in known and f"c2={senin[2]}".encode() in known
    assert f"-1:c1={senin[1]}".encode() in known and f"1:c1={senin[1]}".encode() in known
