"""Fitting the join model on labelled events (``kabar train join``).

In: for each labelled set, the signatures of its calibration articles and their gold events.
Out: a ``JoinModel`` (logistic regression over ``pairs.FEATURES``) and the link threshold of
average linkage, both chosen on those articles only.

1. Candidate pairs come from the same blocking rule the index uses (``candidate_pairs``),
   so the model learns on the pairs it will be asked about.
2. Logistic regression (scikit-learn, L2, ``C``), features standardised; every set weighs
   the same in the fit, whatever its number of pairs, so the dense day does not drown the
   sparse years. The labelled sets hold one language each, so the wording features of a
   cross-language pair are imputed from the lead embedding: a least-squares line per feature
   (``imputation``) fitted on the same-language candidate pairs.
3. The link threshold is the value on ``THRESHOLDS`` with the best mean pairwise F1 over the
   sets' calibration articles, clustered by the real ``EventIndex`` with the fitted model.
   Sets with fewer than ``MIN_GOLD_PAIRS`` same-event pairs among their candidates are left out
   of that mean: three pairs would swing it by a third (IndoSum's calibration half has three).

Deterministic: the same labelled articles give the same model, byte for byte.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from kabar.relate.pairs import FEATURES, WORDING_FEATURES, JoinModel, pair_features
from kabar.relate.signature import ArticleSignature

THRESHOLDS = tuple(round(0.2 + 0.05 * k, 2) for k in range(13))  # 0.20 … 0.80
C = 1.0
MIN_GOLD_PAIRS = 30


def candidate_pairs(signatures: list[ArticleSignature], window_days: float) -> list[tuple[int, int]]:
    """Position pairs that share an index key and lie at most ``window_days`` apart (either
    undated: any distance) — the rule ``EventIndex`` applies while adding."""
    window = window_days * 86_400.0
    postings: dict[str, list[int]] = {}
    for pos, sig in enumerate(signatures):
        for key in sig.keys:
            postings.setdefault(key, []).append(pos)
    out = set()
    for members in postings.values():
        for k, i in enumerate(members):
            ti = signatures[i].time
            for j in members[k + 1 :]:
                tj = signatures[j].time
                if ti is None or tj is None or abs(ti - tj) <= window:
                    out.add((i, j))
    return sorted(out)


def fit(
    sets: dict[str, tuple[list[ArticleSignature], list[str]]],
    window_days: float,
    score: Callable[[dict[str, str], dict[str, str]], dict[str, float]],
    progress: Callable[[str], None] | None = None,
) -> JoinModel:
    """The join model and link threshold for ``sets`` (name → signatures, gold events)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

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
        if progress:
            progress(f"{name}: {len(pairs)} candidate pairs, {positive} in one event")
    x = np.array(rows, dtype=float)
    y = np.array(labels)
    embedding = x[:, FEATURES.index("lead_embedding")]
    imputation = {}
    for name in WORDING_FEATURES:
        slope, intercept = np.polyfit(embedding, x[:, FEATURES.index(name)], 1)
        imputation[name] = [float(f"{slope:.6g}"), float(f"{intercept:.6g}")]
    w = np.array(weights) * len(rows) / max(1e-12, sum(weights))
    means = x.mean(axis=0)
    scales = x.std(axis=0)
    scales[scales == 0] = 1.0
    lr = LogisticRegression(C=C, max_iter=5000, tol=1e-8)
    lr.fit((x - means) / scales, y, sample_weight=w)

    def r(v: float) -> float:
        return float(f"{v:.6g}")

    model = JoinModel(
        intercept=r(lr.intercept_[0]),
        coefficients=tuple(r(c) for c in lr.coef_[0]),
        means=tuple(r(m) for m in means),
        scales=tuple(r(s) for s in scales),
        calibration={},
    )
    best, table = None, {}
    for threshold in THRESHOLDS:
        candidate = JoinModel(
            model.intercept,
            model.coefficients,
            model.means,
            model.scales,
            {"link_threshold": threshold, "imputation": imputation},
        )
        f1s = {}
        for name in sorted(sets):
            sigs, gold = sets[name]
            f1s[name] = score(
                _cluster(sigs, candidate, window_days), dict(zip([s.id for s in sigs], gold, strict=True))
            )["pairwise_f1"]
        counted = [f1s[n] for n in f1s if counts[n]["same_event_pairs"] >= MIN_GOLD_PAIRS] or list(
            f1s.values()
        )
        mean = sum(counted) / len(counted)
        table[str(threshold)] = {k: round(v, 4) for k, v in f1s.items()}
        if best is None or mean > best[0] + 1e-9:
            best = (mean, threshold)
        if progress:
            progress(f"link threshold {threshold:.2f}: mean pairwise F1 {mean:.4f} {f1s}")
    assert best is not None
    calibration = {
        "link_threshold": best[1],
        "imputation": imputation,
        "fit": f"logistic regression, L2, C={C:g}, standardised features, each set weighted equally",
        "sets": counts,
        "calibration_pairwise_f1": table[str(best[1])],
        "threshold_grid": table,
        "features": {n: r(c) for n, c in zip(FEATURES, model.coefficients, strict=True)},
        "window_days": window_days,
    }
    if any(math.isnan(c) for c in model.coefficients):
        raise ValueError("the join model did not converge")
    return JoinModel(model.intercept, model.coefficients, model.means, model.scales, calibration)


def _cluster(sigs: list[ArticleSignature], model: JoinModel, window_days: float) -> dict[str, str]:
    from kabar.relate.events import EventIndex

    index = EventIndex(model, window_days)
    index.add_signatures(sigs)
    return {i: e.ids[0] for e in index.events() for i in e.ids}
