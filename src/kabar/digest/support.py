"""Citation support: does article B state what a summary sentence S says?

In: the ``SentenceFacts`` of S and of every sentence of B, and the event's word weights. Out: a
support score in [0, 1] and the passage of B (one sentence, or two adjacent ones: a fact is
often split across sentences) that supports S.

Alignment. For each window W of B (each sentence, and each pair of adjacent sentences) the
features below are computed; the window kept is the one with the highest weighted word recall
(ties: the shorter window, then the earlier). The score is a logistic model over the kept
window's features:

- ``words``: weighted recall of S's content lemmas in W (weights: the event's inverse sentence
  frequency, ``facts.word_weights``), hyphens ignored ("multi-polar" = "multipolar");
- ``precision``: the same shared weight over W's own weight (a long window that shares a few
  words with S is weaker evidence);
- ``entities``: share of S's entities that W names (``facts.same_entity``: "Stoltenberg" =
  "Jens Stoltenberg", "Sergei" = "Sergey"); 1 when S names none;
- ``numbers`` / ``dates``: share of S's numbers (value, kind) and resolved dates (same day, or
  the same month/year at the coarser precision) that W states; 1 when S has none;
- ``conflict``: 1 when W states a number of the same measure (unit, else the word before it)
  and kind as one of S's, or a date of
  the same precision, but with a different value, and S's value is not in W: the article tells
  the fact differently (it still may support S's other content).

Calibration (``kabar train support``, deterministic; the file ``data/support_model.json`` holds
the weights). Labelled pairs come from the gold claims in ``samples/gold/event.json``: for every
claim and every evidence sentence S (in file f), each other member article g is a pair,
positive when g is among the claim's supporting files, negative otherwise, with the features of
S against g's best window. Pairs we built add harder negatives: the same evidence sentences
against the other events' articles in ``tests/golden/events/written`` (same topics, different
happenings). Logistic regression (L2, C=1), threshold 0.5.

Measured on 2026-12-01 (``kabar train support`` prints it): 329 pairs from the seeds' gold
(96 positive) plus 288 built negatives; leave-one-claim-out cross-validation over the seeds'
claims at threshold 0.5 gives precision 0.93, recall 0.80 (see the model file's ``cv``).
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from importlib import resources

from kabar.digest.facts import SentenceFacts, same_entity

FEATURES = ("words", "precision", "rare", "entities", "numbers", "dates", "conflict")
RARE_WORDS = 5
CITE_THRESHOLD = 0.6
MAX_WINDOW = 2


@dataclass(frozen=True, slots=True)
class Support:
    """How well an article supports a sentence: ``score`` in [0, 1], the window of its sentences
    that does (``sentences``: indices), and the features behind the score."""

    score: float
    sentences: tuple[int, ...]
    features: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class SupportModel:
    """Logistic weights over ``FEATURES`` and the intercept."""

    weights: tuple[float, ...]
    intercept: float

    def probability(self, features: tuple[float, ...]) -> float:
        """The calibrated support probability of one feature vector."""
        z = self.intercept + math.fsum(w * x for w, x in zip(self.weights, features, strict=True))
        return 1.0 / (1.0 + math.exp(-z))


@functools.cache
def default_model() -> SupportModel:
    """The shipped model (``data/support_model.json``)."""
    data = json.loads(resources.files("kabar.digest").joinpath("data/support_model.json").read_text())
    return SupportModel(tuple(data["weights"]), float(data["intercept"]))


def _mass(words: frozenset[str], weights: dict[str, float]) -> float:
    return math.fsum(weights.get(w, 1.0) for w in words)


def _date_matches(value: str, precision: str, others: list[tuple[str, str]]) -> bool:
    for v, _ in others:
        n = min(len(v), len(value))
        if v[:n] == value[:n]:
            return True
    return False


def window_features(
    s: SentenceFacts, window: list[SentenceFacts], weights: dict[str, float], values: bool = True
) -> tuple[float, ...]:
    """The feature vector of sentence ``s`` against a window of another article's sentences.
    With ``values`` False a number counts as stated when the window gives one of the same
    measure, whatever its value, a date when it gives one of the same precision, and nothing
    conflicts: the alignment ``claims`` uses to find the articles that tell the same fact,
    before comparing what they say."""
    words = frozenset().union(*(w.words for w in window))
    own = _mass(s.words, weights)
    shared = _mass(s.words & words, weights)
    total = _mass(words, weights)
    recall = shared / own if own else 0.0
    precision = shared / total if total else 0.0
    rarest = sorted(s.words, key=lambda w: (-weights.get(w, 1.0), w))[:RARE_WORDS]
    rare = sum(w in words for w in rarest) / len(rarest) if rarest else 0.0
    ents = [k for w in window for k in w.entities]
    entities = (
        sum(any(same_entity(e, k) for k in ents) for e in s.entities) / len(s.entities) if s.entities else 0.0
    )
    w_numbers = [n for w in window for n in w.numbers]
    conflict = 0.0
    if s.numbers:
        found = 0
        for n in s.numbers:
            same = [m for m in w_numbers if m.kind == n.kind and m.measure == n.measure]
            if any(math.isclose(m.value, n.value) for m in w_numbers) or (not values and same and n.measure):
                found += 1
            elif same and n.measure:
                conflict = 1.0
        numbers = found / len(s.numbers)
    else:
        numbers = 0.0
    w_dates = [(d.value, d.precision) for w in window for d in w.dates]
    if s.dates:
        found = 0
        for d in s.dates:
            if _date_matches(d.value, d.precision, w_dates) or (
                not values and any(p == d.precision for _, p in w_dates)
            ):
                found += 1
            elif any(p == d.precision and v != d.value for v, p in w_dates):
                conflict = 1.0
        dates = found / len(s.dates)
    else:
        dates = 0.0
    return (recall, precision, rare, entities, numbers, dates, conflict)


def best_window(
    s: SentenceFacts,
    article: list[SentenceFacts],
    weights: dict[str, float],
    model: SupportModel | None = None,
    values: bool = True,
) -> tuple[tuple[int, ...], tuple[float, ...]] | None:
    """The window of ``article`` that best aligns with ``s`` and its features (None for an
    article without sentences): the highest ``model`` probability, or without a model the
    highest word recall (ties: the shorter window, then the earlier)."""
    best = None
    for i in range(len(article)):
        for size in range(1, MAX_WINDOW + 1):
            if i + size > len(article):
                break
            window = article[i : i + size]
            features = window_features(s, window, weights, values)
            value = model.probability(features) if model else features[0]
            key = (value, -size, -i)
            if best is None or key > best[0]:
                best = (key, tuple(range(i, i + size)), features)
    return (best[1], best[2]) if best else None


def support(
    s: SentenceFacts,
    article: list[SentenceFacts],
    weights: dict[str, float],
    model: SupportModel | None = None,
    values: bool = True,
) -> Support:
    """How well ``article`` (its sentence facts) supports sentence ``s`` (``values``: see
    ``window_features``)."""
    model = model or default_model()
    found = best_window(s, article, weights, model, values)
    if found is None:
        return Support(0.0, (), ())
    window, features = found
    return Support(model.probability(features), window, features)
