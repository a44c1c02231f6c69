"""Summary evaluation behind ``kabar eval summary``: ROUGE of kabar's sentence selection, run
single-document on IndoSum-format files, beside LEAD-3 computed in the same run.

Each record becomes one ``Article`` whose body paragraphs are the record's paragraphs (their
sentences joined by a space) and whose ``sentences`` are exactly the record's sentences, with
offsets into ``Article.text``; kabar's selection (``kabar.digest.select.summarise_article``)
and LEAD-3 (the first ``k`` of those sentences) therefore pick from the same sentence units.

ROUGE is computed here, the same way for the system and for LEAD-3, in the same run: a summary
(a list of sentence strings) is lower-cased and split into tokens that are the maximal runs of
Unicode letters and digits (``[^\\W_]+``); every other character (punctuation, quotes, dashes,
spaces) only separates tokens. No stemming, no stop-word removal (rouge-score's English Porter
stemmer does not apply to Indonesian). ROUGE-1/2 are clipped n-gram overlaps; ROUGE-L is the
longest common subsequence of the whole token sequences (the summary's sentences concatenated,
as rouge-score's ``rougeL``, not the per-sentence ``rougeLsum``). Each article gets the F1 of
its summary against its reference ``summary``; the figures are the mean over articles, × 100,
as the IndoSum paper reports them. On ASCII text this tokeniser is rouge-score's
(``use_stemmer=False``), and the figures agree with it (``tests/test_eval_summary.py``).

Both summaries have ``K`` = 3 sentences (IndoSum's references average 3.4). The selection's
sentence scorer was trained on IndoSum's development file, so on any article it was trained on
the figures would flatter it: when the data holds such articles, each article is summarised by
a scorer retrained on the other folds of the data (5-fold cross-validation, folds by a hash of
the article id), and the report says so (``scorer``). Measured on 2026-12-01 on
``indosum/dev.jsonl`` (1,465 articles, held out that way), R-1/R-2/R-L: kabar 68.42 / 61.65 /
65.58, LEAD-3 65.79 / 59.05 / 62.89.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from kabar.model import PARAGRAPH_SEPARATOR, Article, Sentence

METRICS = ("rouge1", "rouge2", "rougeL")
K = 3  # LEAD-3, and the system at the same length (IndoSum's references average 3.4 sentences)

if TYPE_CHECKING:
    from kabar.digest.select import Scorer

_TOKEN = re.compile(r"[^\W_]+")


@dataclass(slots=True)
class SummaryRecord:
    """One IndoSum-format article: its sentences by paragraph, the reference summary and, when
    the file has them, the oracle labels (one per sentence, in reading order)."""

    id: str
    paragraphs: list[list[str]]
    summary: list[str]
    labels: list[bool] | None = None
    outlet: str | None = None
    url: str | None = None


def load_records(path: Path) -> list[SummaryRecord]:
    """The records of an IndoSum-format JSONL file (``id``, ``paragraphs``, ``summary``;
    ``gold_labels`` optional); ValueError naming the line when one is malformed."""
    records = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                paragraphs = [[str(s) for s in p] for p in obj["paragraphs"]]
                summary = [str(s) for s in obj["summary"]]
                labels = obj.get("gold_labels")
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{number}: not an IndoSum record ({exc})") from None
            flat = None
            if labels is not None:
                flat = [bool(x) for p in labels for x in p]
                if [len(p) for p in labels] != [len(p) for p in paragraphs]:
                    raise ValueError(f"{path}:{number}: gold_labels do not match the paragraphs")
            # empty sentences carry nothing: drop them (and their labels)
            kept, kept_labels, i = [], [], 0
            for p in paragraphs:
                row = []
                for s in p:
                    if s.strip():
                        row.append(s.strip())
                        if flat is not None:
                            kept_labels.append(flat[i])
                    i += 1
                if row:
                    kept.append(row)
            records.append(
                SummaryRecord(
                    id=str(obj.get("id", f"{path.name}:{number}")),
                    paragraphs=kept,
                    summary=summary,
                    labels=kept_labels if flat is not None else None,
                    outlet=obj.get("source"),
                    url=obj.get("source_url"),
                )
            )
    return records


def article_from(record: SummaryRecord) -> Article:
    """The record as a kabar ``Article`` with the record's own sentence split (no title: IndoSum
    has none)."""
    body = [" ".join(p) for p in record.paragraphs]
    sentences = []
    offset = 0
    for number, paragraph in enumerate(record.paragraphs):
        at = offset
        for s in paragraph:
            sentences.append(Sentence(s, at, at + len(s), number))
            at += len(s) + 1
        offset += len(body[number]) + len(PARAGRAPH_SEPARATOR)
    return Article(
        id=record.id,
        source=record.id,
        outlet=record.outlet,
        url=record.url,
        body=body,
        language="id",
        sentences=sentences,
    )


# ---------------------------------------------------------------- ROUGE


def tokens(sentences: list[str]) -> list[str]:
    """ROUGE tokens of a summary: lower-cased runs of letters and digits, sentences concatenated."""
    return [t for s in sentences for t in _TOKEN.findall(s.lower())]


def _f1(overlap: int, n_system: int, n_reference: int) -> float:
    if overlap == 0 or n_system == 0 or n_reference == 0:
        return 0.0
    p, r = overlap / n_system, overlap / n_reference
    return 2 * p * r / (p + r)


def _ngrams(toks: list[str], n: int) -> Counter:
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def _lcs(a: list[str], b: list[str]) -> int:
    if not a or not b:
        return 0
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def rouge(system: list[str], reference: list[str]) -> dict[str, float]:
    """ROUGE-1/2/L F1 (0–1) of ``system`` against ``reference`` (both lists of sentences)."""
    s, r = tokens(system), tokens(reference)
    out = {}
    for n in (1, 2):
        sn, rn = _ngrams(s, n), _ngrams(r, n)
        out[f"rouge{n}"] = _f1(sum((sn & rn).values()), sum(sn.values()), sum(rn.values()))
    out["rougeL"] = _f1(_lcs(s, r), len(s), len(r))
    return out


def mean_rouge(pairs: list[tuple[list[str], list[str]]]) -> dict[str, float]:
    """The mean ROUGE F1 × 100 over (system, reference) pairs, rounded to 2 decimals."""
    totals = dict.fromkeys(METRICS, 0.0)
    for system, reference in pairs:
        for metric, value in rouge(system, reference).items():
            totals[metric] += value
    n = max(1, len(pairs))
    return {m: round(100 * v / n, 2) for m, v in totals.items()}


# ---------------------------------------------------------------- the learned scorer

FOLDS = 5


def id_hash(record_id: str) -> str:
    """A short stable fingerprint of an article id (the shipped scorer lists its training
    articles this way, so an evaluation can tell whether it is looking at them)."""
    return hashlib.sha1(record_id.encode("utf-8")).hexdigest()[:10]


def fold(record_id: str, folds: int = FOLDS) -> int:
    """The cross-validation fold of an article: by its id, so independent of the file's order."""
    return int(id_hash(record_id), 16) % folds


def _rows(record: SummaryRecord) -> tuple[np.ndarray, list[int]]:
    from kabar.digest.select import FEATURES, candidates, sentence_features

    if record.labels is None:
        raise ValueError(f"{record.id}: no gold_labels to train on")
    article = article_from(record)
    pool = candidates([article])
    if pool is None:
        return np.zeros((0, len(FEATURES))), []
    return sentence_features([article], pool), [int(record.labels[s]) for _, s in pool.keys]


def train_scorer(
    records: list[SummaryRecord], data: str, cache: dict[str, tuple[np.ndarray, list[int]]] | None = None
) -> Scorer:
    """The sentence scorer trained on every candidate sentence of ``records`` and its oracle
    label (the records must carry ``gold_labels``); deterministic. ``cache`` keeps each
    record's features between calls."""
    from kabar.digest.select import fit_scorer

    cache = {} if cache is None else cache
    blocks, labels = [], []
    for record in records:
        if record.id not in cache:
            cache[record.id] = _rows(record)
        rows, y = cache[record.id]
        blocks.append(rows)
        labels.extend(y)
    if not labels:
        raise ValueError("no candidate sentences to train on")
    trained_on = {
        "data": data,
        "articles": len(records),
        "sentences": len(labels),
        "positives": int(sum(labels)),
        "ids": sorted(id_hash(r.id) for r in records),
    }
    return fit_scorer(np.vstack(blocks), np.array(labels), trained_on)


def seen_by(scorer: Scorer | None, records: list[SummaryRecord]) -> int:
    """How many of ``records`` the scorer was trained on."""
    if scorer is None:
        return 0
    ids = set(scorer.trained_on.get("ids", ()))
    return sum(id_hash(r.id) in ids for r in records)


# ---------------------------------------------------------------- the evaluation


def lead(article: Article, k: int = K) -> list[str]:
    """LEAD-k: the article's first ``k`` sentences."""
    return [s.text for s in article.sentences[:k]]


@dataclass(slots=True)
class SummaryReport:
    """One evaluation: system and baseline figures, and each article's system summary."""

    data: str
    n: int
    system: dict[str, float]
    baselines: dict[str, dict[str, float]]
    scorer: str
    k: int = K
    summaries: list[tuple[str, list[str]]] = field(default_factory=list)

    def to_json(self) -> dict:
        """DESIGN.md's ``kabar eval`` shape, plus ``k`` and how the scorer was held out."""
        return {
            "task": "summary",
            "data": self.data,
            "n": self.n,
            "system": self.system,
            "baselines": self.baselines,
            "k": self.k,
            "scorer": self.scorer,
        }


def evaluate(
    records: list[SummaryRecord],
    data: str,
    k: int = K,
    progress: Callable[[str, int, int | None], None] | None = None,
    scorer: Scorer | bool | None = None,
) -> SummaryReport:
    """Summarise each record with kabar's selection and with LEAD-``k``; score both.

    ``scorer`` None means the shipped one, except on articles it was trained on: when the data
    holds any, every article is summarised by a scorer trained on the other ``FOLDS`` − 1 folds
    of this data (cross-validation by article), so the figures are held-out. ``False``: no
    learned scorer (centrality × position)."""
    from kabar.digest.select import shipped_scorer, summarise_article

    how = "none (TF-IDF centrality x position prior)" if scorer is False else "given"
    per_fold: dict[int, Scorer] = {}
    if scorer is None:
        scorer = shipped_scorer()
        how = "shipped"
        seen = seen_by(scorer, records)
        if seen and (len(records) < 2 * FOLDS or any(r.labels is None for r in records)):
            how = (
                f"shipped, trained on {seen} of these articles (NOT held-out: too few or unlabelled to refit)"
            )
        elif seen:
            cache: dict = {}
            for f in range(FOLDS):
                if progress is not None:
                    progress(f"training fold {f + 1}/{FOLDS}", f, FOLDS)
                per_fold[f] = train_scorer([r for r in records if fold(r.id) != f], data, cache)
            how = f"held-out: {FOLDS}-fold cross-validation by article on this data"
    system_pairs, lead_pairs, summaries = [], [], []
    for i, record in enumerate(records):
        article = article_from(record)
        use = per_fold.get(fold(record.id), scorer) if per_fold else scorer
        picked = [s.text for s in summarise_article(article, k, scorer=use)]
        summaries.append((record.id, picked))
        system_pairs.append((picked, record.summary))
        lead_pairs.append((lead(article, k), record.summary))
        if progress is not None:
            progress("summarising", i + 1, len(records))
    return SummaryReport(
        data=data,
        n=len(records),
        system=mean_rouge(system_pairs),
        baselines={f"lead{k}": mean_rouge(lead_pairs)},
        scorer=how,
        k=k,
        summaries=summaries,
    )


def write_predictions(path: Path, summaries: list[tuple[str, list[str]]]) -> None:
    """One ``{"id", "summary": [sentences]}`` line per article."""
    with path.open("w", encoding="utf-8") as fh:
        for rid, sentences in summaries:
            fh.write(json.dumps({"id": rid, "summary": sentences}, ensure_ascii=False) + "\n")
