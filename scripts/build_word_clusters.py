"""Rebuild ``src/kabar/lang/data/word_clusters.tsv``: distributional word classes, a feature of
the NER tagger. Words that occur in the same contexts share a class ("bandung", "semarang",
"bekasi"; "mengatakan", "menegaskan"; "kpk", "polri", "kejaksaan"), so the tagger can treat a
name it never saw in training like the names of its class. This is the classic semi-supervised
help for a linear CRF (word classes from unlabelled text, as in Ratinov & Roth 2009). With them
the shipped models gain +1.5 F1 on NERGrit's validation split and +0.6 on NERP's, and +0.4 in
5-fold cross-validation on NERGrit's training split (see the README). Unshifted PPMI gave
nothing, which is why an earlier attempt was dropped.

How: every lower-cased word seen ``MIN_COUNT``+ times is described by the words at -2, -1, +1
and +2 from it (the ``CONTEXTS`` most frequent words, one column per offset), weighted by
shifted positive PMI (context counts smoothed to the 0.75 power), reduced to ``DIMENSIONS`` by truncated
SVD (ARPACK: no random start) and L2-normalised; k-means then groups the words at three
granularities (``LEVELS``), written as three columns. Brown clusters would do the same job;
no maintained wheel builds them, and this takes 15 s.

Sources (text whose licences allow a derived word list): IndoSum development folds (CC BY-SA
4.0, ``../shared/data/indosum/dev.jsonl``) and the training splits of NERGrit and NERP
(Apache-2.0), never their validation splits. Only words and class numbers are written.
Deterministic given the same library versions. Usage:
``python scripts/build_word_clusters.py [SHARED_DATA_DIR]``.
"""

from __future__ import annotations

import collections
import json
import math
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.preprocessing import normalize

WORD = re.compile(r"\w+(?:[-']\w+)*|[^\w\s]")
MIN_COUNT = 4
CONTEXTS = 4000
OFFSETS = (-2, -1, 1, 2)
DIMENSIONS = 120
LEVELS = (64, 256, 1024)
# shifted positive PMI (Levy & Goldberg 2015): keep a context only when PMI > log 10; chosen on
# NERGrit's validation split among log 1, 5, 10 and 20 (F1 .744, .748, .765, .752 in a first
# trial of the features; NERP .746 at log 10)
SHIFT = math.log(10)


def _sentences(shared: Path) -> Iterator[list[str]]:
    for line in (shared / "indosum" / "dev.jsonl").open(encoding="utf-8"):
        for paragraph in json.loads(line)["paragraphs"]:
            for sentence in paragraph:
                yield WORD.findall(sentence.lower())
    for name in ("nergrit_train", "nerp_train"):
        for line in (shared / "ner" / f"{name}.jsonl").open(encoding="utf-8"):
            yield [t.lower() for t in json.loads(line)["tokens"]]


def context_matrix(sentences: list[list[str]]) -> tuple[list[str], sparse.csr_matrix]:
    """The words to cluster and their positive-PMI context vectors (one row per word)."""
    counts = collections.Counter(w for s in sentences for w in s)
    ranked = [w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    vocab = [w for w in ranked if counts[w] >= MIN_COUNT]
    row_of = {w: i for i, w in enumerate(vocab)}
    col_of = {w: i for i, w in enumerate(ranked[:CONTEXTS])}
    width = CONTEXTS + 1  # the last column of each offset: the sentence's edge
    rows, cols = [], []
    for s in sentences:
        context = [col_of.get(w, -1) for w in s]
        for i, w in enumerate(s):
            r = row_of.get(w)
            if r is None:
                continue
            for k, offset in enumerate(OFFSETS):
                j = i + offset
                c = context[j] if 0 <= j < len(s) else CONTEXTS
                if c >= 0:
                    rows.append(r)
                    cols.append(k * width + c)
    m = sparse.coo_matrix(
        (np.ones(len(rows)), (rows, cols)), shape=(len(vocab), len(OFFSETS) * width)
    ).tocsr()
    m.sum_duplicates()
    m = m.tocoo()
    word_sums = np.asarray(m.tocsr().sum(axis=1)).ravel()
    context_share = np.asarray(m.tocsr().sum(axis=0)).ravel() ** 0.75
    context_share /= context_share.sum()
    pmi = np.log(m.data / (word_sums[m.row] * context_share[m.col]))  # log P(w, c) / P(w) P(c)
    pmi -= SHIFT
    keep = pmi > 0
    return vocab, sparse.csr_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape)


def main(shared: Path) -> None:
    vocab, matrix = context_matrix(list(_sentences(shared)))
    vectors = normalize(TruncatedSVD(DIMENSIONS, algorithm="arpack", random_state=0).fit_transform(matrix))
    labels = [KMeans(k, n_init=1, max_iter=100, random_state=0).fit(vectors).labels_ for k in LEVELS]
    out = Path(__file__).resolve().parent.parent / "src" / "kabar" / "lang" / "data" / "word_clusters.tsv"
    with out.open("w", encoding="utf-8") as f:
        f.write("# Distributional word classes for the NER tagger:\n")
        f.write("# word<TAB>class of 64<TAB>of 256<TAB>of 1024.\n")
        f.write("# Built by scripts/build_word_clusters.py from IndoSum dev (CC BY-SA 4.0) and the NERGrit\n")
        f.write("# and NERP training splits (Apache-2.0). Words and class numbers only.\n")
        for i, w in sorted(enumerate(vocab), key=lambda iw: iw[1]):
            f.write(w + "\t" + "\t".join(str(level[i]) for level in labels) + "\n")
    print(f"{len(vocab)} words -> {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "data")
