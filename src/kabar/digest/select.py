"""Summary sentence selection: one event's articles (or one article) → the k sentences to show.

In: annotated articles. Out: ``Pick`` records naming an article, one of its sentences and the
score that chose it. Selection is extractive (every pick is a sentence of an input article) and
deterministic.

Relevance is a small learned sentence scorer: logistic regression over cheap features of each
candidate (``FEATURES``: where it sits in its article and paragraph, its length, its TF-IDF
centrality among all candidates and within its own article, its similarity to its article's
first candidate, and whether it is a quote, a "Baca juga" line, a dateline lead, how many numbers
and capitalised words it holds). The weights are trained on IndoSum's extractive oracle labels by
``kabar train summary`` and ship in ``digest/data/summary_scorer.json``; none of the features
needs a title, entity annotations or anything an arbitrary article lacks (a straight line, not
trees: boosted trees on the same features scored the same held-out R-1 on IndoSum). The
scorer's probability is multiplied by a preference for independent and earlier reports
(``weights``: an article that copies another counts less); redundancy is removed by MMR.
Without a scorer (``scorer=False``) relevance falls back to TF-IDF centrality times a
lead-position prior. The same code runs single-document (``summarise_article``), which is what
``kabar eval summary`` measures on IndoSum: there, on held-out folds, it beats LEAD-3 (see
``kabar.eval.summary``).
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from kabar.lang.stopwords import stopwords
from kabar.model import Article, Sentence

MMR_LAMBDA = 0.7
SAME_WORDS = 0.9  # TF-IDF cosine at which two candidates say the same thing
MIN_WORDS = 8
MAX_WORDS = 60
POSITION_DECAY = 0.15
SCORER_PATH = Path(__file__).with_name("data") / "summary_scorer.json"

FEATURES = (
    "position",  # sentence index in its article
    "relative_position",  # index / (sentences - 1)
    "paragraph",  # paragraph index
    "in_paragraph",  # index within its paragraph
    "first",  # the article's first sentence
    "words",
    "centrality",  # cosine to the centroid of every candidate (all articles)
    "article_centrality",  # cosine to the centroid of its own article's candidates
    "lead_similarity",  # cosine to its article's first candidate
    "quote",  # holds a quotation mark
    "starts_quote",
    "speech",  # a speech verb: "kata", "ujarnya", ...
    "baca_juga",  # a "Baca juga: …" link line
    "numbers",  # runs of digits
    "capitals",  # capitalised words (after the first) per word: names
    "dateline",  # opens with a dateline ("Jakarta, CNN Indonesia - -")
    "sentences",  # sentences in its article
    "colon",  # ends with ":" (introduces a list or a quote)
)

_QUOTE = re.compile(r"[\"“”]")
_STARTS_QUOTE = re.compile(r"^\W*[\"“”]")
_SPEECH = re.compile(
    r"\b(?:kata|ujar|ucap|tutur|jelas|ungkap|tegas|papar|imbuh|tambah|lanjut|terang|sebut)(?:nya)?\b",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_CAPITALISED = re.compile(r"(?<=\s)[A-Z][\w-]*")
_DATELINE = re.compile(r"^[A-Z][^\s-]*(?:[ ,.()]+[A-Z][^\s-]*){0,5}\s*\)?\s+[-–—]+\s")


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


@dataclass(frozen=True, slots=True)
class Scorer:
    """P(sentence belongs in the summary) = sigmoid(intercept + Σ coef · (x − mean) / scale)
    over ``FEATURES`` (logistic regression on standardised features)."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    trained_on: dict

    def probability(self, rows: np.ndarray) -> np.ndarray:
        """One probability per row of ``rows`` (columns in ``FEATURES`` order)."""
        if self.features != FEATURES:
            raise ValueError("the summary scorer was trained on other features: run `kabar train summary`")
        z = (rows - np.array(self.mean)) / np.array(self.scale) @ np.array(self.coef) + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

    def to_dict(self) -> dict:
        """Lists for JSON."""
        return {
            "features": list(self.features),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "coef": list(self.coef),
            "intercept": self.intercept,
            "trained_on": self.trained_on,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Scorer:
        """Inverse of ``to_dict``."""
        return cls(
            tuple(data["features"]),
            tuple(float(v) for v in data["mean"]),
            tuple(float(v) for v in data["scale"]),
            tuple(float(v) for v in data["coef"]),
            float(data["intercept"]),
            dict(data.get("trained_on", {})),
        )


@functools.cache
def shipped_scorer() -> Scorer | None:
    """The scorer shipped with kabar (None when its file is missing)."""
    if not SCORER_PATH.is_file():
        return None
    return Scorer.from_dict(json.loads(SCORER_PATH.read_text(encoding="utf-8")))


def fit_scorer(rows: np.ndarray, labels: np.ndarray, trained_on: dict | None = None) -> Scorer:
    """Logistic regression (L2, C=1, lbfgs: deterministic) on standardised ``rows``."""
    from sklearn.linear_model import LogisticRegression

    rows = np.asarray(rows, dtype=float)
    mean = rows.mean(axis=0)
    scale = rows.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=1.0, max_iter=2000)
    model.fit((rows - mean) / scale, np.asarray(labels, dtype=int))
    r = 12  # digits kept: the JSON is stable across platforms' last-bit noise
    return Scorer(
        FEATURES,
        tuple(round(float(v), r) for v in mean),
        tuple(round(float(v), r) for v in scale),
        tuple(round(float(v), r) for v in model.coef_[0]),
        round(float(model.intercept_[0]), r),
        dict(trained_on or {}),
    )


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


def _centrality(matrix) -> np.ndarray:
    centroid = np.asarray(matrix.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid) or 1.0
    return np.asarray(matrix @ centroid).ravel() / norm


def sentence_features(articles: list[Article], pool: Candidates) -> np.ndarray:
    """One row of ``FEATURES`` per candidate of ``pool``."""
    matrix = pool.matrix
    centrality = _centrality(matrix)
    rows_of: dict[int, list[int]] = {}
    for i, (a, _) in enumerate(pool.keys):
        rows_of.setdefault(a, []).append(i)
    own = np.zeros(len(pool.keys))
    lead = np.zeros(len(pool.keys))
    for rows in rows_of.values():
        sub = matrix[rows]
        own[rows] = _centrality(sub)
        lead[rows] = (sub @ matrix[rows[0]].T).toarray().ravel()
    out = np.zeros((len(pool.keys), len(FEATURES)))
    for i, (a, s) in enumerate(pool.keys):
        sentences = articles[a].sentences
        sentence = sentences[s]
        text = sentence.text
        start = s
        while start > 0 and sentences[start - 1].paragraph == sentence.paragraph:
            start -= 1
        words = len(text.split())
        out[i] = (
            s,
            s / max(1, len(sentences) - 1),
            sentence.paragraph,
            s - start,
            s == 0,
            words,
            centrality[i],
            own[i],
            lead[i],
            bool(_QUOTE.search(text)),
            bool(_STARTS_QUOTE.match(text)),
            bool(_SPEECH.search(text)),
            text.lower().startswith("baca juga"),
            len(_DIGITS.findall(text)),
            len(_CAPITALISED.findall(text)) / max(1, words),
            bool(_DATELINE.match(text)),
            len(sentences),
            text.rstrip().endswith(":"),
        )
    return out


def relevance(articles: list[Article], pool: Candidates, scorer: Scorer | None) -> np.ndarray:
    """Each candidate's relevance before article weights: the scorer's probability, or (no
    scorer) TF-IDF centrality times a lead-position prior."""
    if scorer is not None:
        return scorer.probability(sentence_features(articles, pool))
    position = np.array([1.0 / (1.0 + POSITION_DECAY * s) for _, s in pool.keys])
    return _centrality(pool.matrix) * position


def select_sentences(
    articles: list[Article],
    k: int,
    weights: list[float] | None = None,
    pool: Candidates | None = None,
    scorer: Scorer | bool | None = None,
    mmr_lambda: float = MMR_LAMBDA,
    boost: dict[tuple[int, int], float] | None = None,
    facts: dict[tuple[int, int], int] | None = None,
) -> list[Pick]:
    """The ``k`` best sentences of ``articles`` (fewer when there are fewer candidates), in
    reading order (article, then sentence). ``weights`` (one per article, default 1) scale each
    article's relevance: the digest passes lower weights for derived and later reports.
    ``scorer``: None for the shipped one, False for none (centrality × position), or a
    ``Scorer``. ``mmr_lambda`` trades relevance against redundancy (1: relevance alone).
    Multi-document hints from the digest's claims, keyed by (article, sentence): ``boost``
    multiplies a candidate's relevance (how widely its fact is reported), and ``facts`` names
    the fact it states: once one sentence of a fact is chosen, the others of that fact are no
    longer candidates, so the summary covers distinct facts. Nor is any candidate whose TF-IDF
    cosine with a pick reaches ``SAME_WORDS`` (a copy's sentence); fewer than ``k`` sentences
    come back when nothing else is left."""
    pool = pool or candidates(articles)
    if pool is None or k <= 0:
        return []
    if scorer is None:
        scorer = shipped_scorer()
    weight = np.array([(weights[a] if weights else 1.0) for a, _ in pool.keys])
    relevance_ = relevance(articles, pool, scorer or None) * weight
    if boost:
        relevance_ = relevance_ * np.array([boost.get(key, 1.0) for key in pool.keys])
    # similarity rows are computed only for the k chosen sentences: an n × n matrix of a
    # 500-article event's ~10,000 candidates would take most of a gigabyte
    fact = np.array([facts.get(key, -1 - n) for n, key in enumerate(pool.keys)]) if facts else None

    def similarity(i: int) -> np.ndarray:
        return np.asarray((pool.matrix @ pool.matrix[i].T).todense()).ravel()

    chosen: list[int] = []
    redundancy = np.zeros(len(pool.keys))
    available = np.ones(len(pool.keys), dtype=bool)
    for _ in range(min(k, len(pool.keys))):
        score = mmr_lambda * relevance_ - (1 - mmr_lambda) * redundancy
        score[~available] = -np.inf
        best = int(np.argmax(score))  # first maximum: ties go to the earlier candidate
        if not np.isfinite(score[best]):
            break
        chosen.append(best)
        row = similarity(best)
        available[best] = False
        # a sentence of the same fact, or (nearly) the same words, is never a second pick
        available &= row < SAME_WORDS
        if fact is not None:
            available &= fact != fact[best]
        redundancy = np.maximum(redundancy, row)
    picks = [Pick(pool.keys[i][0], pool.keys[i][1], float(relevance_[i])) for i in chosen]
    return sorted(picks, key=lambda p: (p.article, p.sentence))


def summarise_article(article: Article, k: int = 3, scorer: Scorer | bool | None = None) -> list[Sentence]:
    """Single-document mode: the ``k`` sentences of one article the digest's selection would
    pick, in reading order."""
    return [article.sentences[p.sentence] for p in select_sentences([article], k, scorer=scorer)]
