"""Events, first version: connected components of TF-IDF cosine similarity.

Inputs: cleaned articles. Output: lists of article indexes, one list per event, each with
the top shared terms that explain the join.

This is the Foundation issue's honest placeholder for the relations issue: a fixed
threshold (``JOIN_THRESHOLD``, picked by eye on the five seeds and a few unrelated pages,
not calibrated), no time kernel, no entity features, and single-link components, which can
chain unrelated articles through a common neighbour. The relations issue replaces it with
incremental, calibrated clustering.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from kabar.lang.stopwords import stopwords
from kabar.model import Article

JOIN_THRESHOLD = 0.12


@dataclass(slots=True)
class Cluster:
    """Article indexes of one event and the terms that tie it together."""

    members: list[int]
    top_terms: list[str]


def _document(article: Article) -> str:
    return " ".join([article.title or "", *article.body])


def cluster_articles(articles: list[Article], threshold: float = JOIN_THRESHOLD) -> list[Cluster]:
    """Group ``articles`` into events (largest first); singletons are events too."""
    if not articles:
        return []
    if len(articles) == 1:
        return [Cluster([0], [])]
    stop = sorted(stopwords("id") | stopwords("en"))
    vectorizer = TfidfVectorizer(
        lowercase=True,
        stop_words=stop,
        ngram_range=(1, 2),
        min_df=1,
        sublinear_tf=True,
        token_pattern=r"(?u)\b[^\W\d_][\w-]+\b",
    )
    matrix = vectorizer.fit_transform([_document(a) for a in articles])
    sims = (matrix @ matrix.T).toarray()
    parent = list(range(len(articles)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    n = len(articles)
    for i in range(n):
        for j in range(i + 1, n):
            if sims[i, j] >= threshold:
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    terms = np.array(vectorizer.get_feature_names_out())
    clusters = []
    for members in groups.values():
        weights = (
            np.asarray(matrix[members].min(axis=0).todense()).ravel()
            if len(members) > 1
            else np.asarray(matrix[members].sum(axis=0)).ravel()
        )
        order = np.argsort(-weights)[:8]
        top = [str(terms[k]) for k in order if weights[k] > 0]
        clusters.append(Cluster(sorted(members), top))
    clusters.sort(key=lambda c: (-len(c.members), c.members[0]))
    return clusters
