"""NER evaluation behind ``kabar eval ner``: entity-level scores (exact span and type) of the
shipped CRF models on IndoNLU-format files, beside a baseline computed in the same run.

The baseline is the one every NER paper starts from: tag each token with the tag it carried
most often in the training split (a memorised lexicon), "O" for unseen tokens; it shows how
much the CRF adds beyond remembering names.
"""

from __future__ import annotations

import collections
import json
from dataclasses import dataclass
from pathlib import Path

from kabar.lang.ner import MODELS, Scores, Sentence, Tagger, read_jsonl, score, shipped_model_path

# which model reads which tag set
_TAGSETS = {"nergrit": {"PERSON", "ORGANISATION", "PLACE"}, "nerp": {"PPL", "PLC", "IND", "EVT", "FNB"}}


def model_for(sentences: list[Sentence]) -> str:
    """The shipped model whose tag set the data uses; ValueError when neither fits."""
    labels = {t.split("-", 1)[1] for s in sentences for t in s.tags if "-" in t}
    for name, tagset in _TAGSETS.items():
        if labels and labels <= tagset:
            return name
    raise ValueError(
        f"the data's entity types {sorted(labels) or '(none)'} match no model: "
        f"nergrit reads {sorted(_TAGSETS['nergrit'])}, nerp {sorted(_TAGSETS['nerp'])}"
    )


def lexicon_baseline(train: list[Sentence]) -> dict[str, str]:
    """Each training token's most frequent tag (ties: the alphabetically first)."""
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for s in train:
        if not s.tags:  # an unlabelled line teaches nothing
            continue
        for token, tag in zip(s.tokens, s.tags, strict=True):
            counts[token][tag] += 1
    return {tok: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for tok, c in counts.items()}


def _baseline_tags(lexicon: dict[str, str], tokens: list[str]) -> list[str]:
    tags = [lexicon.get(t, "O") for t in tokens]
    # make the sequence well formed: an I- after an O or another type becomes B-
    for i, tag in enumerate(tags):
        if tag.startswith("I-") and (i == 0 or tags[i - 1][2:] != tag[2:]):
            tags[i] = "B-" + tag[2:]
    return tags


@dataclass(frozen=True, slots=True)
class NerReport:
    """One evaluation: the data, the model, its scores and the baseline's."""

    data: str
    model: str
    system: Scores
    baseline: Scores | None

    def to_json(self) -> dict:
        """The JSON shape of DESIGN.md: ``system.f1`` overall with per-type figures beside it."""
        system = {**self.system.overall, "per_type": self.system.per_type}
        out = {
            "task": "ner",
            "data": self.data,
            "model": self.model,
            "n": self.system.n_sentences,
            "system": system,
        }
        out["baselines"] = (
            {"train_lexicon": {**self.baseline.overall, "per_type": self.baseline.per_type}}
            if self.baseline
            else {}
        )
        return out


def evaluate(
    data: Path, model: str | None = None, train: Path | None = None, predictions: Path | None = None
) -> NerReport:
    """Score the shipped model (or ``model``) on ``data``; the baseline is built from ``train``
    when given; ``predictions`` receives one ``{"tokens", "tags"}`` line per sentence."""
    sentences = read_jsonl(data)
    if not sentences or not any(s.tags for s in sentences):
        raise ValueError(f"{data}: no labelled sentences to score")
    name = model or model_for(sentences)
    if name not in MODELS:
        raise ValueError(f"unknown model {name!r}: choose one of {', '.join(MODELS)}")
    tagger = Tagger(shipped_model_path(name))
    predicted = [tagger.tag(s.tokens) for s in sentences]
    if predictions is not None:
        with predictions.open("w", encoding="utf-8") as f:
            for s, tags in zip(sentences, predicted, strict=True):
                f.write(json.dumps({"tokens": s.tokens, "tags": tags}, ensure_ascii=False) + "\n")
    gold = [s.tags for s in sentences]
    baseline = None
    if train is not None and train.is_file():
        lexicon = lexicon_baseline(read_jsonl(train))
        baseline = score(gold, [_baseline_tags(lexicon, s.tokens) for s in sentences])
    return NerReport(str(data), name, score(gold, predicted), baseline)
