"""Summary sentence selection: one event's articles (or one article) → the k sentences to show.

In: annotated articles. Out: ``Pick`` records naming an article, one of its sentences and the
score that chose it. Selection is extractive (every pick is a sentence of an input article) and
deterministic. Relevance is TF-IDF centrality (cosine to the centroid of all candidate
sentences) times a lead-position prior, multiplied by a preference for independent reports
(``weights``: an article that copies another counts less) and earlier reports; redundancy is
removed by MMR. The same code runs single-document (``summarise_article``), which is what
``kabar eval summary`` measures on IndoSum.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from kabar.lang.stopwords import stopwords
from kabar.model import Article, Sentence

MMR_LAMBDA = 0.7
MIN_WORDS = 8
MAX_WORDS = 60
POSITION_DECAY = 0.15


@dataclass(frozen=True, slots=True)
class Pick:
    """A selected sentence: ``articles[article].sentences[sentence]``, chosen with ``score``."""

    article: int
    sentence: int
    score: float


@dataclass(frozen=True, slots=True)
class Candidates:
    """Candidate sentences of some articles and their TF-IDF rows (L2-normalised)."""

    keys: list[tuple[int, int]]  # (article index, sentence index)
    texts: list[str]
    matrix: object  # scipy sparse, one row per candidate
    vectorizer: TfidfVectorizer


def _usable(sentence: Sentence) -> bool:
    words = len(sentence.text.split())
    return MIN_WORDS <= words <= MAX_WORDS and not sentence.text.rstrip().endswith("?")


def _vectorizer() -> TfidfVectorizer:
    stop = sorted(stopwords("id") | stopwords("en"))
    return TfidfVectorizer(
        lowercase=True, stop_words=stop, sublinear_tf=True, token_pattern=r"(?u)\b[^\W\d_][\w-]+\b"
    )


def candidates(articles: list[Article]) -> Candidates | None:
    """Every sentence of ``articles`` fit to be a summary sentence (8–60 words, not a question),
    vectorised; None when there is none or they hold only stop words."""
    keys, texts = [], []
    for a, article in enumerate(articles):
        for s, sentence in enumerate(article.sentences):
            if _usable(sentence):
                keys.append((a, s))
                texts.append(sentence.text)
    if not keys:
        return None
    vectorizer = _vectorizer()
    try:
        matrix = vectorizer.fit_transform(texts)
    except ValueError:  # only stop words
        return None
    return Candidates(keys, texts, matrix, vectorizer)


def select_sentences(
    articles: list[Article], k: int, weights: list[float] | None = None, pool: Candidates | None = None
) -> list[Pick]:
    """The ``k`` best sentences of ``articles`` (fewer when there are fewer candidates), in
    reading order (article, then sentence). ``weights`` (one per article, default 1) scale each
    article's relevance: the digest passes lower weights for derived and later reports."""
    pool = pool or candidates(articles)
    if pool is None or k <= 0:
        return []
    matrix = pool.matrix
    centroid = np.asarray(matrix.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid) or 1.0
    centrality = np.asarray(matrix @ centroid).ravel() / norm
    position = np.array([1.0 / (1.0 + POSITION_DECAY * s) for _, s in pool.keys])
    weight = np.array([(weights[a] if weights else 1.0) for a, _ in pool.keys])
    relevance = centrality * position * weight
    sims = (matrix @ matrix.T).toarray()
    chosen: list[int] = []
    redundancy = np.zeros(len(pool.keys))
    available = np.ones(len(pool.keys), dtype=bool)
    for _ in range(min(k, len(pool.keys))):
        score = MMR_LAMBDA * relevance - (1 - MMR_LAMBDA) * redundancy
        score[~available] = -np.inf
        best = int(np.argmax(score))  # first maximum: ties go to the earlier candidate
        if not np.isfinite(score[best]):
            break
        chosen.append(best)
        available[best] = False
        redundancy = np.maximum(redundancy, sims[best])
    picks = [Pick(pool.keys[i][0], pool.keys[i][1], float(relevance[i])) for i in chosen]
    return sorted(picks, key=lambda p: (p.article, p.sentence))


def summarise_article(article: Article, k: int = 3) -> list[Sentence]:
    """Single-document mode: the ``k`` sentences of one article the digest's selection would
    pick, in reading order."""
    return [article.sentences[p.sentence] for p in select_sentences([article], k)]
