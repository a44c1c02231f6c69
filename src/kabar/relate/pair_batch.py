"""Pair features of one article against many, with numpy: the same values as
``pairs.scorable_features``, bit for bit, at a fraction of the cost.

``pairs.scorable_features`` computes five sparse cosines per pair in Python; a new article in
a dense stream meets a few hundred candidates, and those cosines were most of the time the
event index spent (profiled on the relations bench). Here every signature's weight maps are
kept as arrays of vocabulary ids and weights; the new article's weights are spread into one
dense array per map, each candidate's weights are multiplied with what that array holds at its
ids in one numpy step, and each candidate's products are summed with ``math.fsum``. The
products are exactly those ``pairs.cosine`` multiplies (plus zeros for the words the two do
not share), and ``fsum`` is exactly rounded, so each cosine has the same bits as
``pairs.cosine``'s and stays symmetric; the row is then built by ``pairs.feature_row``, as for one pair.
``tests/test_relate.py`` checks the rows against ``scorable_features`` pair by pair.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np

from kabar.relate.pairs import MIN_EMBEDDING, MIN_TERMS, RARE_WEIGHT, feature_row
from kabar.relate.signature import ArticleSignature, word_weight

MAPS = ("terms", "entities", "title_terms", "lead_terms", "lead_entities")
_TERMS = 0  # index of "terms" in MAPS


@dataclass(frozen=True, slots=True)
class _Arrays:
    """One signature's weight maps as (ids, weights) arrays, ``MAPS`` order; which of its terms
    are rare read in its own language and read as Indonesian; its lead embedding as float64."""

    maps: tuple[tuple[np.ndarray, np.ndarray], ...]
    rare_own: np.ndarray
    rare_id: np.ndarray
    vector: np.ndarray | None


class SignatureArrays:
    """The arrays of every signature added (by position, in the order added) and the vocabulary
    they share. Not thread-safe."""

    def __init__(self) -> None:
        self._vocabulary: dict[str, int] = {}
        self._arrays: list[_Arrays] = []
        self._dense = [np.zeros(1024) for _ in MAPS]

    def add(self, sig: ArticleSignature) -> int:
        """Keep ``sig``'s arrays; returns its position."""
        vocabulary = self._vocabulary
        maps = []
        for name in MAPS:
            weights: dict[str, float] = getattr(sig, name)
            keys = (vocabulary.setdefault(k, len(vocabulary)) for k in weights)
            ids = np.fromiter(keys, dtype=np.int32, count=len(weights))
            maps.append((ids, np.fromiter(weights.values(), dtype=np.float64, count=len(weights))))
        terms = list(sig.terms)
        rare_own = np.array([word_weight(t, sig.language) >= RARE_WEIGHT for t in terms], dtype=bool)
        rare_id = (
            rare_own
            if sig.language == "id"
            else np.array([word_weight(t, "id") >= RARE_WEIGHT for t in terms], dtype=bool)
        )
        vector = (
            np.frombuffer(sig.lead_vector, dtype=np.float16).astype(np.float64)
            if sig.lead_vector is not None
            else None
        )
        self._arrays.append(_Arrays(tuple(maps), rare_own, rare_id, vector))
        return len(self._arrays) - 1

    def _spread(self, arrays: _Arrays) -> None:
        size = len(self._vocabulary)
        for k, (ids, weights) in enumerate(arrays.maps):
            if len(self._dense[k]) < size:
                self._dense[k] = np.zeros(max(size, 2 * len(self._dense[k])))
            self._dense[k][ids] = weights

    def _clear(self, arrays: _Arrays) -> None:
        for k, (ids, _) in enumerate(arrays.maps):
            self._dense[k][ids] = 0.0

    def _cosines(self, k: int, others: list[_Arrays]) -> tuple[list[float], np.ndarray, np.ndarray]:
        """Map ``k``'s cosine of the spread article with each of ``others``; and, for the words
        the two share, where they sit in the others' arrays laid end to end and whose they are.
        Only shared words give a product that is not 0, and only those are summed (adding
        zeros cannot change an exact sum)."""
        if not others:
            return [], np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        ids = np.concatenate([o.maps[k][0] for o in others])
        weights = np.concatenate([o.maps[k][1] for o in others])
        products = weights * self._dense[k][ids]
        shared = np.flatnonzero(products)
        owners = np.repeat(np.arange(len(others)), [len(o.maps[k][0]) for o in others])[shared]
        bounds = np.searchsorted(owners, np.arange(len(others) + 1)).tolist()
        values = products[shared].tolist()
        sums = [math.fsum(values[a:b]) if b > a else 0.0 for a, b in itertools.pairwise(bounds)]
        return sums, shared, owners

    def scorable_rows(
        self, position: int, sig: ArticleSignature, others: list[tuple[int, ArticleSignature]]
    ) -> tuple[list[int], list[list[float]]]:
        """``pairs.scorable_features(sig, other)`` for each ``(position, other)`` of ``others``:
        the positions worth scoring and their feature rows, in the order given."""
        mine = self._arrays[position]
        theirs = [self._arrays[p] for p, _ in others]
        self._spread(mine)
        try:
            terms, shared, owners = self._cosines(_TERMS, theirs)
            embeddings = [
                max(0.0, float(np.dot(mine.vector, o.vector)))
                if mine.vector is not None and o.vector is not None
                else 0.0
                for o in theirs
            ]
            keep = [
                i for i in range(len(others)) if not (terms[i] < MIN_TERMS and embeddings[i] < MIN_EMBEDDING)
            ]
            kept = [theirs[i] for i in keep]
            cosines = {k: self._cosines(k, kept)[0] for k in range(1, len(MAPS))}
        finally:
            self._clear(mine)
        # shared rare words: rare as the pair's language reads them (``pairs._features``)
        if others:
            pairs = zip(theirs, others, strict=True)
            rare = np.concatenate(
                [o.rare_own if sig.language == b.language else o.rare_id for o, (_, b) in pairs]
            )
            shared_rare = np.bincount(owners[rare[shared]], minlength=len(others)).tolist()
        positions, rows = [], []
        for j, i in enumerate(keep):
            p, other = others[i]
            positions.append(p)
            more = (cosines[k][j] for k in range(1, len(MAPS)))
            rows.append(feature_row(sig, other, terms[i], embeddings[i], *more, shared_rare[i]))
        return positions, rows
