"""Calibrating the citation-support model (``kabar train support``).

In: annotated gold articles with the gold claims of their event (``eval.digest_gold``), and
articles of other happenings used as built negatives. Out: labelled feature vectors, a fitted
``SupportModel`` (logistic regression, L2, C=1, lbfgs: deterministic) and its leave-one-claim-
out cross-validated precision and recall at the citation threshold (``train``: both rounds of
the fit repeated per fold). ``support.py``'s docstring records the figures of the shipped model.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kabar.digest.facts import SentenceFacts, sentence_facts, word_weights
from kabar.digest.support import ALIGNMENT_DROPS, CITE_THRESHOLD, FEATURES, SupportModel, best_window
from kabar.eval.digest_gold import GoldDigest, overlaps, word_set
from kabar.model import Article

# our written articles of other happenings on neighbouring topics: the built negatives
BUILT_NEGATIVES = ("id_china", "id_vietnam", "id_blinken_nato")


def built_negative_paths(checkout: Path) -> list[str]:
    """The files of ``BUILT_NEGATIVES`` in a checkout (``tests/golden/events/written``)."""
    return [str(checkout / "tests" / "golden" / "events" / "written" / f"{n}.txt") for n in BUILT_NEGATIVES]


@dataclass(slots=True)
class Pair:
    """One labelled (sentence, article) pair: its features, label and the claim it came from."""

    features: tuple[float, ...]
    label: int
    group: int  # claim number, for cross-validation


def evidence_sentence(facts: list[SentenceFacts], text: str) -> SentenceFacts | None:
    """The sentence of an article that best matches a gold evidence text (word-set Jaccard),
    None below 0.3."""
    want = word_set(text)
    best, best_j = None, 0.3
    for f in facts:
        got = word_set(f.text)
        j = len(want & got) / len(want | got) if want and got else 0.0
        if j > best_j:
            best, best_j = f, j
    return best


def training_pairs(
    articles: list[Article],
    keys: list[str],
    gold: GoldDigest,
    negatives: list[Article],
    model: SupportModel | None = None,
) -> list[Pair]:
    """Labelled pairs from one gold event (``keys[i]`` is the gold file key of ``articles[i]``):
    every evidence sentence against every other member (positive when it supports the claim)
    and against every article of ``negatives`` (negative). A sentence stands for every claim
    whose evidence it overlaps (the scorer's rule), so an article supporting any of them is a
    positive. Windows are aligned by word recall, or by ``model``'s probability when given
    (the second round of ``train``)."""
    facts = sentence_facts(articles + negatives)
    weights = word_weights(facts[: len(articles)])
    index = {k: i for i, k in enumerate(keys)}
    seen: set[tuple[int, int]] = set()
    pairs = []
    for c, claim in enumerate(gold.claims):
        for file, text in claim.evidence:
            if file not in index:
                continue
            s = evidence_sentence(facts[index[file]], text)
            if s is None or (s.article, s.sentence) in seen:
                continue
            seen.add((s.article, s.sentence))
            # the scorer's rule: a sentence stands for every claim whose evidence it overlaps
            supporting = set().union(
                *(
                    other.supporting
                    for other in gold.claims
                    if any(overlaps(s.text, t) for _, t in other.evidence)
                ),
                claim.supporting,
            )
            for g, other in enumerate(facts):
                if g == index[file]:
                    continue
                found = best_window(s, other, weights, model)
                if found is None:
                    continue
                label = int(g < len(articles) and keys[g] in supporting)
                pairs.append(Pair(found[1], label, c))
    return pairs


def fit(pairs: list[Pair], drop: tuple[str, ...] = ()) -> SupportModel:
    """Logistic regression over the pairs' features; the features named in ``drop`` are left
    out (their weight is 0)."""
    from sklearn.linear_model import LogisticRegression

    x = np.array([p.features for p in pairs])
    x[:, [FEATURES.index(name) for name in drop]] = 0.0  # a zero column keeps a zero weight
    y = np.array([p.label for p in pairs])
    model = LogisticRegression(C=1.0, solver="lbfgs", max_iter=1000).fit(x, y)
    return SupportModel(
        tuple(round(float(w), 6) for w in model.coef_[0]), round(float(model.intercept_[0]), 6)
    )


def _counts(model: SupportModel, test: list[Pair]) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for p in test:
        hit = model.probability(p.features) >= CITE_THRESHOLD
        tp += hit and p.label == 1
        fp += hit and p.label == 0
        fn += (not hit) and p.label == 1
    return tp, fp, fn


def _figures(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "tp": tp, "fp": fp, "fn": fn}


def train(
    articles: list[Article],
    keys: list[str],
    gold: GoldDigest,
    negatives: list[Article],
    drop: tuple[str, ...] = (),
) -> dict:
    """The two-round fit ``kabar train support`` ships (without the features named in
    ``drop``), as ``data/support_model.json`` holds it: weights by feature, intercept, and a
    leave-one-claim-out cross-validation that repeats both rounds without the held-out claim
    (its windows are aligned by a first model that never saw it, so nothing of it leaks into
    the second fit)."""
    first_pairs = training_pairs(articles, keys, gold, negatives)
    pairs = training_pairs(articles, keys, gold, negatives, fit(first_pairs, drop))
    model = fit(pairs, drop)
    tp = fp = fn = 0
    for group in sorted({p.group for p in first_pairs}):
        first = fit([p for p in first_pairs if p.group != group], drop)
        realigned = training_pairs(articles, keys, gold, negatives, first)
        train_pairs = [p for p in realigned if p.group != group]
        if len({p.label for p in train_pairs}) < 2:
            continue
        counts = _counts(fit(train_pairs, drop), [p for p in realigned if p.group == group])
        tp, fp, fn = tp + counts[0], fp + counts[1], fn + counts[2]
    return {
        "features": list(FEATURES),
        "weights": list(model.weights),
        "intercept": model.intercept,
        "threshold": CITE_THRESHOLD,
        "pairs": len(pairs),
        "positives": sum(p.label for p in pairs),
        "cv": _figures(tp, fp, fn),
    }


def shipped_record(
    articles: list[Article], keys: list[str], gold: GoldDigest, negatives: list[Article]
) -> dict:
    """What ``data/support_model.json`` holds: the citation model (``train`` on every feature)
    with, under ``alignment``, the model claims align with (``train`` without
    ``ALIGNMENT_DROPS``)."""
    record = train(articles, keys, gold, negatives)
    record["alignment"] = train(articles, keys, gold, negatives, drop=ALIGNMENT_DROPS)
    return record
