"""Fitting the join model on labelled events (``kabar train join``).

In: for each labelled set, the signatures of its calibration articles and their gold events.
Out: a ``JoinModel`` (boosted trees over ``pairs.FEATURES``) and the link threshold of
average linkage, both chosen on those articles only.

1. Candidate pairs come from the same blocking rule the index uses (``candidate_pairs``),
   so the model learns on the pairs it will be asked about.
2. Gradient-boosted trees (scikit-learn's histogram boosting, ``TREES`` trees of depth
   ``DEPTH``, log-loss, so the output is a probability); every
   set weighs the same in the fit, whatever its number of pairs, so the dense day does not
   drown the sparse years. The trees are exported to the JSON file and evaluated by
   ``JoinModel`` (no pickle; checked against scikit-learn's own score). The labelled sets
   hold one language each, so the wording features of a cross-language pair are imputed from
   the lead embedding: a least-squares line per feature (``imputation``) fitted on the
   same-language candidate pairs, and the trees also learn on a cross-language view of every
   pair (``_cross_language_views``).
3. The link threshold is the value on ``THRESHOLDS`` with the best mean pairwise F1 over the
   sets' calibration articles, clustered by the real ``EventIndex``, by two-fold
   cross-validation inside the calibration half (see ``fit``), after a three-point moving
   average of that curve.
   Sets with fewer than ``MIN_GOLD_PAIRS`` same-event pairs among their candidates are left out
   of that mean: three pairs would swing it by a third (IndoSum's calibration half has three).

Deterministic: the same labelled articles give the same model, byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable

from kabar.relate.pairs import FEATURES, WORDING_FEATURES, JoinModel, Tree, pair_features, worth_scoring
from kabar.relate.signature import ArticleSignature

THRESHOLDS = tuple(round(0.2 + 0.05 * k, 2) for k in range(13))  # 0.20 … 0.80
TREES = 150
DEPTH = 3
RATE = 0.1
# Tried and dropped: holding the trees monotone in every similarity (scikit-learn's
# monotonic_cst). On the held-out halves it cost pairwise F1 (0.50 against 0.54 on the dense
# day, 0.78 against 0.82 on ECB+).
MIN_GOLD_PAIRS = 30


def candidate_pairs(signatures: list[ArticleSignature], window_days: float) -> list[tuple[int, int]]:
    """Position pairs that share an index key or whose leads embed close, lie at most
    ``window_days`` apart (either undated: any distance) and are worth scoring — the pairs
    ``EventIndex`` scores while adding."""
    import numpy as np

    from kabar.relate.events import EMBEDDING_CANDIDATE, embedding_close

    window = window_days * 86_400.0
    postings: dict[str, list[int]] = {}
    for pos, sig in enumerate(signatures):
        for key in sig.keys:
            postings.setdefault(key, []).append(pos)
    out = set()
    with_vectors = [k for k, s in enumerate(signatures) if s.lead_vector is not None]
    if with_vectors:
        matrix = np.stack(
            [
                np.frombuffer(signatures[k].lead_vector, dtype=np.float16).astype(np.float32)
                for k in with_vectors
            ]
        )
        sims = matrix @ matrix.T
        for a, b in zip(*np.nonzero(np.triu(sims >= EMBEDDING_CANDIDATE - 0.01, k=1)), strict=True):
            i, j = with_vectors[a], with_vectors[b]
            ti, tj = signatures[i].time, signatures[j].time
            in_window = ti is None or tj is None or abs(ti - tj) <= window
            if in_window and embedding_close(signatures[i], signatures[j]):
                out.add((min(i, j), max(i, j)))
    for members in postings.values():
        for k, i in enumerate(members):
            ti = signatures[i].time
            for j in members[k + 1 :]:
                tj = signatures[j].time
                if ti is None or tj is None or abs(ti - tj) <= window:
                    out.add((i, j))
    return sorted(p for p in out if worth_scoring(signatures[p[0]], signatures[p[1]]))


def _pairs_of(
    sets: dict[str, tuple[list[ArticleSignature], list[str]]], window_days: float
) -> tuple[list[list[float]], list[int], list[float], dict]:
    """Feature rows, labels and weights of every candidate pair (each set weighing the same)."""
    rows, labels, weights, counts = [], [], [], {}
    for name in sorted(sets):
        sigs, gold = sets[name]
        pairs = candidate_pairs(sigs, window_days)
        positive = sum(gold[i] == gold[j] for i, j in pairs)
        counts[name] = {"articles": len(sigs), "pairs": len(pairs), "same_event_pairs": positive}
        for i, j in pairs:
            rows.append(pair_features(sigs[i], sigs[j]))
            labels.append(1 if gold[i] == gold[j] else 0)
            weights.append(1.0 / max(1, len(pairs)))
    return rows, labels, weights, counts


def _train_trees(
    rows: list[list[float]], labels: list[int], weights: list[float]
) -> tuple[JoinModel, object]:
    """Boosted trees on the pairs, exported to a ``JoinModel`` (no calibration yet)."""
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier

    x = np.array(rows, dtype=float)
    y = np.array(labels)
    w = np.array(weights) * len(rows) / max(1e-12, sum(weights))
    gbm = HistGradientBoostingClassifier(
        max_iter=TREES,
        max_depth=DEPTH,
        learning_rate=RATE,
        early_stopping=False,
        random_state=0,
    )
    gbm.fit(x, y, sample_weight=w)
    trees = []
    for (predictor,) in gbm._predictors:  # scikit-learn's own tree arrays (stable since 0.21)
        nodes = predictor.nodes
        trees.append(
            Tree(
                tuple(int(n["feature_idx"]) for n in nodes),
                tuple(float(n["num_threshold"]) for n in nodes),
                tuple(-1 if n["is_leaf"] else int(n["left"]) for n in nodes),
                tuple(-1 if n["is_leaf"] else int(n["right"]) for n in nodes),
                # leaves hold their score already shrunk by the learning rate, inner nodes
                # (used only to explain a join) do not: shrink those here
                tuple(float(n["value"]) * (1.0 if n["is_leaf"] else RATE) for n in nodes),
            )
        )
    model = JoinModel(float(np.ravel(gbm._baseline_prediction)[0]), 1.0, tuple(trees), {})
    expected = gbm.decision_function(x[:200])
    got = model.raw_many([[float(v) for v in row] for row in x[:200]])
    if max(abs(g - e) for g, e in zip(got, expected, strict=True)) > 1e-6:
        raise ValueError("exported trees disagree with scikit-learn's")
    return model, gbm


def _imputation(rows: list[list[float]]) -> dict[str, list[float]]:
    import numpy as np

    x = np.array(rows, dtype=float)
    embedding = x[:, FEATURES.index("lead_embedding")]
    out = {}
    for name in WORDING_FEATURES:
        slope, intercept = np.polyfit(embedding, x[:, FEATURES.index(name)], 1)
        out[name] = [float(f"{slope:.6g}"), float(f"{intercept:.6g}")]
    return out


def _cross_language_views(
    rows: list[list[float]], labels: list[int], weights: list[float], imputation: dict
) -> tuple[list[list[float]], list[int], list[float]]:
    """The pairs again, each as it would look across two languages: wording features
    imputed from the lead embedding (as ``JoinModel.imputed`` does) and ``cross_language``
    set, with the same label. The labelled sets hold no cross-language pair, so this is how
    the trees learn to lean on names, numbers, dates and the embedding for one."""
    helper = JoinModel(0.0, 0.0, (), {"imputation": imputation})
    cross = FEATURES.index("cross_language")
    out_rows, out_labels, out_weights = list(rows), list(labels), list(weights)
    for row, label, weight in zip(rows, labels, weights, strict=True):
        if row[cross] >= 0.5:
            continue
        view = list(row)
        view[cross] = 1.0
        out_rows.append(helper.imputed(view))
        out_labels.append(label)
        out_weights.append(weight)
    return out_rows, out_labels, out_weights


def _halves(sets: dict[str, tuple[list[ArticleSignature], list[str]]], half: int) -> dict:
    """One half of every set, split by a hash of the article id (inner cross-validation)."""
    import hashlib

    out = {}
    for name, (sigs, gold) in sets.items():
        keep = [
            k for k, s in enumerate(sigs) if hashlib.sha1(b"inner" + s.id.encode()).digest()[0] % 2 == half
        ]
        out[name] = ([sigs[k] for k in keep], [gold[k] for k in keep])
    return out


def fit(
    sets: dict[str, tuple[list[ArticleSignature], list[str]]],
    window_days: float,
    score: Callable[[dict[str, str], dict[str, str]], dict[str, float]],
    progress: Callable[[str], None] | None = None,
) -> JoinModel:
    """The join model and link threshold for ``sets`` (name → signatures, gold events).

    The threshold is chosen by two-fold cross-validation inside ``sets``: trees fitted on one
    half cluster the other half, so the choice is made on pairs the trees did not learn from
    (trees fit their own training pairs far better than new ones). The shipped trees are then
    fitted on all of ``sets``."""
    rows, labels, weights, counts = _pairs_of(sets, window_days)
    for name, c in counts.items():
        if progress:
            progress(f"{name}: {c['pairs']} candidate pairs, {c['same_event_pairs']} in one event")
    imputation = _imputation(rows)
    inner = {}
    for half in (0, 1):
        train, test = _halves(sets, 1 - half), _halves(sets, half)
        model, _ = _train_trees(*_cross_language_views(*_pairs_of(train, window_days)[:3], imputation))
        inner[half] = (model, test)
    table: dict[str, dict[str, float]] = {}
    curve: list[float] = []
    for threshold in THRESHOLDS:
        f1s: dict[str, list[float]] = {}
        for model, test in inner.values():
            candidate = JoinModel(
                model.init, model.rate, model.trees, {"link_threshold": threshold, "imputation": imputation}
            )
            for name in sorted(test):
                sigs, gold = test[name]
                f1 = score(
                    _cluster(sigs, candidate, window_days), dict(zip([s.id for s in sigs], gold, strict=True))
                )
                f1s.setdefault(name, []).append(f1["pairwise_f1"])
        means = {name: sum(v) / len(v) for name, v in f1s.items()}
        counted = [means[n] for n in means if counts[n]["same_event_pairs"] >= MIN_GOLD_PAIRS] or list(
            means.values()
        )
        mean = sum(counted) / len(counted)
        table[str(threshold)] = {k: round(v, 4) for k, v in means.items()}
        curve.append(mean)
        if progress:
            rounded = {k: round(v, 4) for k, v in means.items()}
            progress(
                f"link threshold {threshold:.2f}: inner cross-validated pairwise F1 {mean:.4f} {rounded}"
            )
    # the curve is noisy (a few hundred same-event pairs per half): pick the best of its
    # three-point moving average, not its single highest point
    smooth = [
        sum(curve[max(0, k - 1) : k + 2]) / len(curve[max(0, k - 1) : k + 2]) for k in range(len(curve))
    ]
    best = max(zip(smooth, THRESHOLDS, strict=True), key=lambda st: (round(st[0], 9), -st[1]))
    model, _ = _train_trees(*_cross_language_views(rows, labels, weights, imputation))
    calibration = {
        "link_threshold": best[1],
        "imputation": imputation,
        "fit": f"histogram gradient boosting (scikit-learn), {TREES} trees of depth {DEPTH}, rate {RATE}, "
        "log-loss, each set weighted equally; link threshold by "
        "two-fold cross-validation",
        "sets": counts,
        "inner_cv_pairwise_f1": table[str(best[1])],
        "threshold_grid": table,
        "window_days": window_days,
    }
    return JoinModel(model.init, model.rate, model.trees, calibration)


def _cluster(sigs: list[ArticleSignature], model: JoinModel, window_days: float) -> dict[str, str]:
    from kabar.relate.events import EventIndex

    index = EventIndex(model, window_days)
    index.add_signatures(sigs)
    return {i: e.ids[0] for e in index.events() for i in e.ids}
