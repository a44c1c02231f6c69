"""A CRF named-entity tagger for Indonesian, trained on IndoNLU's NER sets, shipped in the package.

Two models, one per training set (their tag sets differ): ``nergrit`` (cased news and
Wikipedia text: PERSON, ORGANISATION, PLACE) tags kabar's articles; ``nerp`` (lower-cased:
PPL, PLC, IND, EVT, FNB) is kept for lower-cased input and for evaluation. Features are the
usual ones for a linear-chain CRF (word forms, affixes, shape, neighbours) plus the entity
gazetteer (``data/entities.tsv``): whether a token starts or continues a known name, and of
which type, so the model learns how far to trust it; and distributional word classes
(``data/word_clusters.tsv``) learnt from unlabelled text, so a name unseen in training is read
like the known names of its class.

python-crfsuite trains with L-BFGS; given the same data and settings it produces the same
model, so ``kabar train ner`` rebuilds the shipped files deterministically. Transformer taggers
do better (IndoBERT-large 77.6 F1 on NERGrit's test set, with a GPU) but cannot ship in a wheel
of this size or run at hundreds of articles per second on a CPU.
"""

from __future__ import annotations

import functools
import json
import re
import string
import struct
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from kabar.lang.lexicon import data_rows

MODELS = ("nergrit", "nerp")
# chosen on NERGrit's validation split (c1 ∈ {0, .05, .1, .2, .3}, c2 ∈ {.01, .05, .1, .2})
TRAIN_PARAMS = {"c1": 0.05, "c2": 0.2, "max_iterations": 200, "feature.possible_transitions": True}
_SHAPE = [(re.compile(r"[A-Z]"), "X"), (re.compile(r"[a-z]"), "x"), (re.compile(r"\d"), "d")]
# the same three replacements for an ASCII word (``\d`` also matches other scripts' digits)
_SHAPE_ASCII = str.maketrans(
    dict.fromkeys(string.ascii_uppercase, "X")
    | dict.fromkeys(string.ascii_lowercase, "x")
    | dict.fromkeys(string.digits, "d")
)
_RUNS = re.compile(r"(.)\1+")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A tokenised sentence with BIO tags (tags empty when unlabelled)."""

    tokens: list[str]
    tags: list[str]


def read_jsonl(path: str | Path) -> list[Sentence]:
    """``{"tokens", "tags"}`` lines (IndoNLU's format) as sentences; raises ValueError with the
    line number on a malformed line."""
    out = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                tokens, tags = list(obj["tokens"]), list(obj.get("tags") or [])
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{number}: not a {{tokens, tags}} object ({exc})") from None
            if tags and len(tags) != len(tokens):
                raise ValueError(f"{path}:{number}: {len(tokens)} tokens but {len(tags)} tags")
            out.append(Sentence(tokens, tags))
    return out


@functools.lru_cache(maxsize=200_000)
def _shape(word: str) -> str:
    """ "Jakarta" → "Xxx", "G20" → "Xdd" (memoised: a word's own and its four neighbours'
    features each ask for it)."""
    if word.isascii():
        shape = word.translate(_SHAPE_ASCII)
    else:
        shape = word
        for pattern, char in _SHAPE:
            shape = pattern.sub(char, shape)
    return _RUNS.sub(r"\1\1", shape)  # "Xxxxxx" → "Xxx"


@functools.cache
def _gazetteer(lower: bool = False) -> tuple[dict[tuple[str, ...], str], dict[str, int]]:
    """Token sequences of every canonical name and alias → entity type (lower-cased forms when
    ``lower``: NERP's text is lower-cased, and cased text may write a name in capitals), and
    for each first token the length of the longest sequence it opens."""
    from kabar.lang.entities import alias_table

    table: dict[tuple[str, ...], str] = {}
    longest: dict[str, int] = {}
    for form, entry in alias_table().forms.items():
        key = tuple((form.lower() if lower else form).split())
        if key:
            table.setdefault(key, entry.type)
            longest[key[0]] = max(longest.get(key[0], 0), len(key))
    return table, longest


def _longest_matches(
    tokens: list[str], gaz: dict[tuple[str, ...], str], longest: dict[str, int]
) -> list[str]:
    """Per token: "B-TYPE"/"I-TYPE" of the longest match of the gazetteer ``gaz`` (with its
    ``longest``, see :func:`_gazetteer`) covering it, else "" (``tokens`` lower-cased when the
    gazetteer is)."""
    out = [""] * len(tokens)
    n_tokens = len(tokens)
    i = 0
    while i < n_tokens:
        top = longest.get(tokens[i])
        if top:  # most tokens open no name: only those that do look further
            for n in range(min(top, n_tokens - i), 0, -1):
                kind = gaz.get(tuple(tokens[i : i + n]))
                if kind:
                    out[i] = "B-" + kind
                    for k in range(i + 1, i + n):
                        out[k] = "I-" + kind
                    i += n
                    break
            else:
                i += 1
        else:
            i += 1
    return out


@functools.cache
def word_case() -> dict[str, str]:
    """How each word is usually written inside a sentence (``data/word_case.tsv``)."""
    return {word: kind for _, (word, kind) in data_rows("word_case.tsv", 2, "word<TAB>class")}


@functools.cache
def word_clusters() -> dict[str, tuple[str, str, str]]:
    """Each known lower-cased word's distributional classes at three granularities (of 64, 256
    and 1024; ``data/word_clusters.tsv``, built by ``scripts/build_word_clusters.py``)."""
    rows = data_rows("word_clusters.tsv", 4, "word<TAB>class<TAB>class<TAB>class")
    return {word: (a, b, c) for _, (word, a, b, c) in rows}


_NO_CLUSTER = ("-", "-", "-")


def usually_lower(word: str) -> bool:
    """Is ``word`` usually written in lower case inside a sentence ("batu", "penyebab")? Then
    a capital on it is the sentence's, not a name's."""
    return word_case().get(word.lower()) == "L"


def _own(word: str) -> tuple[str, ...]:
    """Features of a token by itself (a word's features do not depend on context: the feature
    builders memoise them)."""
    low = word.lower()
    out = [
        f"low={low}",
        f"suf3={low[-3:]}",
        f"suf2={low[-2:]}",
        f"pre3={low[:3]}",
        f"pre2={low[:2]}",
        f"shape={_shape(word)}",
        f"len={min(len(word), 12)}",
        f"case={word_case().get(low, '?')}",
        *(f"c{level}={c}" for level, c in enumerate(word_clusters().get(low, _NO_CLUSTER))),
    ]
    if word[:1].isupper():
        out.append("title")
    if word.isupper() and len(word) > 1:
        out.append("upper")
    letters = word.isalpha()  # most words: no digit (a letter is never one), not punctuation
    if not letters and any(c.isdigit() for c in word):
        out.append("digit")
    if not letters and not any(c.isalnum() for c in word):
        out.append("punct")
    return tuple(out)


def _near(word: str, offset: int) -> tuple[str, ...]:
    """Features of a neighbouring token, prefixed with its offset ("-1:low=presiden")."""
    low = word.lower()
    out = [
        f"{offset}:low={low}",
        f"{offset}:shape={_shape(word)}",
        f"{offset}:case={word_case().get(low, '?')}",
    ]
    if offset in (-1, 1):  # the middle granularity of the next-door words
        out.append(f"{offset}:c1={word_clusters().get(low, _NO_CLUSTER)[1]}")
    if word[:1].isupper():
        out.append(f"{offset}:title")
    return tuple(out)


@functools.lru_cache(maxsize=256)
def _gaz_features(offset: int, cased: str, lower: str) -> tuple[str, str]:
    prefix = f"{offset}:" if offset else ""
    return f"{prefix}gaz={cased or 'O'}", f"{prefix}gazl={lower or 'O'}"


_OFFSETS = (-2, -1, 1, 2)  # the neighbours a token's features look at, in the training order
_EDGE = {offset: (f"{offset}:edge",) for offset in _OFFSETS}


class _Features:
    """Builds the CRF features of a sentence. With ``known`` (the attributes of a model, see
    :func:`model_attributes`) only those are kept, UTF-8 encoded as crfsuite reads them:
    crfsuite looks every attribute up in the model and drops those it does not know, so the
    tags are the same, and the tagger reads fewer strings it need not encode. The order of the
    features kept is the training order."""

    def __init__(self, known: frozenset[bytes] | None) -> None:
        self._known = known
        # memoised per builder: one look-up per token gives its own features and those it lends
        # each neighbour; one more its gazetteer features (a handful of tag pairs)
        self._word_blocks = functools.lru_cache(maxsize=200_000)(self._word)
        self._gaz_blocks = functools.lru_cache(maxsize=1024)(self._gaz)
        self._first = self._keep(("first",))
        self._edge = {offset: self._keep(edge) for offset, edge in _EDGE.items()}

    def _keep(self, features: tuple[str, ...]) -> tuple[str | bytes, ...]:
        if self._known is None:
            return features
        known = self._known
        return tuple([b for f in features if (b := f.encode()) in known])

    def _word(self, word: str) -> tuple[tuple[str | bytes, ...], ...]:
        """A word's own features, then those it lends a token at each of ``_OFFSETS`` from it."""
        return (self._keep(("bias", *_own(word))), *(self._keep(_near(word, o)) for o in _OFFSETS))

    def _gaz(self, cased: str, lower: str) -> tuple[tuple[str | bytes, ...], ...]:
        """Gazetteer features of a token for itself, then for each of ``_OFFSETS``."""
        return tuple(self._keep(_gaz_features(offset, cased, lower)) for offset in (0, *_OFFSETS))

    def __call__(self, tokens: list[str]) -> list[list]:
        lows = [t.lower() for t in tokens]
        gaz = _longest_matches(tokens, *_gazetteer(False))
        gazl = _longest_matches(lows, *_gazetteer(True))
        known, edge = self._known, self._edge
        words = [self._word_blocks(w) for w in tokens]
        gazs = [self._gaz_blocks(g, gl) for g, gl in zip(gaz, gazl, strict=True)]
        n = len(tokens)
        feats = []
        for i in range(n):
            f = [*words[i][0], *gazs[i][0]]
            if i == 0:
                f += self._first
            for k, offset in enumerate(_OFFSETS, 1):
                j = i + offset
                if 0 <= j < n:
                    f += words[j][k]
                    f += gazs[j][k]
                else:
                    f += edge[offset]
            if known is None:
                if i > 0:
                    f.append(f"-1|0={lows[i - 1]}|{lows[i]}")
                if i + 1 < n:
                    f.append(f"0|+1={lows[i]}|{lows[i + 1]}")
            else:
                if i > 0 and (pair := f"-1|0={lows[i - 1]}|{lows[i]}".encode()) in known:
                    f.append(pair)
                if i + 1 < n and (pair := f"0|+1={lows[i]}|{lows[i + 1]}".encode()) in known:
                    f.append(pair)
            feats.append(f)
        return feats


_ALL_FEATURES = _Features(None)


def sentence_features(tokens: list[str]) -> list[list[str]]:
    """CRF features (crfsuite attribute strings) of every token of a sentence."""
    return _ALL_FEATURES(tokens)


_CQDB_BYTE_ORDER = 0x62445371  # what crfsuite's string database writes to tell its byte order


def model_attributes(model_path: str | Path) -> frozenset[bytes] | None:
    """Every attribute of the crfsuite model at ``model_path`` (UTF-8, as crfsuite stores it),
    read from the model file's attribute dictionary (a CQDB: its backward array holds each
    attribute's record, an id, a size and the string); None when the file is not laid out as
    expected."""
    data = Path(model_path).read_bytes()
    if len(data) < 48 or data[:4] != b"lCRF":
        return None
    num_attrs, off_attrs = struct.unpack_from("<I", data, 24)[0], struct.unpack_from("<I", data, 36)[0]
    if data[off_attrs : off_attrs + 4] != b"CQDB":
        return None
    _, _, byte_order, size, offset = struct.unpack_from("<5I", data, off_attrs + 4)
    if byte_order != _CQDB_BYTE_ORDER or size != num_attrs:
        return None
    out = set()
    for ident, record in enumerate(struct.unpack_from(f"<{size}I", data, off_attrs + offset)):
        at = off_attrs + record
        value, length = struct.unpack_from("<2I", data, at)
        if value != ident or length < 1:
            return None
        out.add(data[at + 8 : at + 7 + length])
    return frozenset(out)


def train(sentences: Iterable[Sentence], model_path: str | Path, params: dict | None = None) -> Path:
    """Train a CRF on labelled ``sentences`` and write it to ``model_path``."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for s in sentences:
        trainer.append(sentence_features(s.tokens), s.tags)
    trainer.set_params(dict(params or TRAIN_PARAMS))
    path = Path(model_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))
    return path


def shipped_model_path(name: str) -> Path:
    """Where the model ``name`` (nergrit | nerp) ships inside the package."""
    if name not in MODELS:
        raise ValueError(f"unknown NER model {name!r}: choose one of {', '.join(MODELS)}")
    return Path(str(resources.files("kabar.lang").joinpath(f"data/ner/{name}.crfsuite")))


class Tagger:
    """A loaded CRF model: ``tag(tokens)`` → BIO tags."""

    def __init__(self, model_path: str | Path) -> None:
        import pycrfsuite

        path = Path(model_path)
        if not path.is_file():
            raise FileNotFoundError(f"{path}: no NER model here (run `kabar train ner` to build it)")
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))
        self._features = _Features(model_attributes(path))

    def tag(self, tokens: list[str]) -> list[str]:
        """BIO tags for ``tokens`` (an empty list gives an empty list). Letters with accents
        are read without them ("Günter" as "Gunter"): the training sets hardly hold any, so
        an accented name's shape and affixes would be ones the model never saw."""
        if not tokens:
            return []
        return list(self._tagger.tag(self._features([_unaccented(t) for t in tokens])))


@functools.lru_cache(maxsize=100_000)
def _unaccented(word: str) -> str:
    """``word`` without combining accents ("Mönchengladbach" → "Monchengladbach"); ASCII and
    words that would lose every letter come back as they are."""
    if word.isascii():
        return word
    folded = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    return folded or word


@functools.cache
def shipped_tagger(name: str = "nergrit") -> Tagger:
    """The shipped model ``name``, loaded once."""
    return Tagger(shipped_model_path(name))


def spans(tags: list[str]) -> Iterator[tuple[int, int, str]]:
    """Entity spans ``(start, end, type)`` (token indexes, end exclusive) of a BIO sequence;
    an I- tag without its B- opens a span, as conlleval reads it."""
    start, kind = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        if start is not None and (prefix != "I" or label != kind):
            yield start, i, kind  # type: ignore[misc]
            start, kind = None, None
        if prefix == "B" or (prefix == "I" and start is None):
            start, kind = i, label


@dataclass(frozen=True, slots=True)
class Scores:
    """Entity-level precision, recall and F1 (exact span and type), overall and per type."""

    overall: dict[str, float]
    per_type: dict[str, dict[str, float]]
    n_sentences: int


def score(gold: list[list[str]], predicted: list[list[str]]) -> Scores:
    """Exact-span, exact-type entity scores of ``predicted`` tag sequences against ``gold``."""
    counts: dict[str, list[int]] = {}  # type -> [true positives, predicted, gold]
    for g, p in zip(gold, predicted, strict=True):
        gs, ps = set(spans(g)), set(spans(p))
        for s in gs | ps:
            c = counts.setdefault(s[2], [0, 0, 0])
            c[0] += s in gs and s in ps
            c[1] += s in ps
            c[2] += s in gs

    def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "support": n_gold,
        }

    total = [sum(c[k] for c in counts.values()) for k in range(3)]
    return Scores(prf(*total), {t: prf(*c) for t, c in sorted(counts.items())}, len(gold))
