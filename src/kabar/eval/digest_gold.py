"""Digest gold (the format of ``samples/gold/event.json``) and the figures a digest is judged by.

In: a gold file (members, claims with supporting and differing files and evidence sentences,
shared quotes with speakers and occurrences, a timeline of dated facts) and the ``Event`` kabar
wrote for those articles, with a map from kabar's article ids to the gold's file keys. Out:
``DigestScore`` — the figures of the digest issue:

- ``cited``: share of summary sentences with at least one citation (the rule of
  ``samples/score/digest.py``; every sentence cites its own article, so this is 1 by
  construction); ``cited_others``: share citing at least one article besides its own;
- citation ``precision``/``recall``: a summary sentence is matched to every gold claim one of
  whose evidence sentences it overlaps (word-set Jaccard ≥ 0.5, words as ``\\w+`` after NFKC and
  lower case: the rule of ``samples/score/digest.py``); its citations are then compared with the
  union of those claims' supporting files. Unmatched sentences count in ``unmatched`` only.
  ``precision_others``/``recall_others``: the same without the sentence's own article, which
  is always cited and always right: the figures of the support model alone;
- ``quotes``: share of gold shared quotes found as one merged quote with the gold speaker and,
  for every gold occurrence, an occurrence from that article whose words overlap it (half of
  the shorter one's words; speaker compared case-free, a kabar speaker that is a word subset
  of the gold's, "Stoltenberg" for "Jens Stoltenberg", counts);
- ``claims``: share of gold claims recovered: some kabar claim has a variant sentence that
  overlaps one of the claim's evidence sentences (Jaccard ≥ 0.5, or the gold evidence within
  the variant) and that claim's articles (agreeing and differing) equal the gold supporting
  files; ``claims_loose`` asks only that they overlap it with F1 ≥ 0.8; ``differing``: of the
  gold claims with differing files, the share kabar reports as a ``differs`` claim that holds
  every gold differing file; ``differs_precision``: of kabar's ``differs`` claims that match a
  gold claim (a variant overlapping its evidence, as above), the share matching one whose gold
  lists differing files (a claim matching no gold claim is not counted);
- ``timeline``: share of gold timeline dates that some kabar timeline entry's date starts with.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from kabar.model import Event

JACCARD = 0.5


def norm(text: str | None) -> str:
    """NFKC, single spaces, lower case."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", str(text or ""))).strip().lower()


def word_set(text: str | None) -> set[str]:
    """The ``\\w+`` words of ``text`` after ``norm``."""
    return set(re.findall(r"\w+", norm(text)))


def overlaps(x: str, y: str) -> bool:
    """Word-set Jaccard of two texts ≥ 0.5."""
    a, b = word_set(x), word_set(y)
    return bool(a and b) and len(a & b) / len(a | b) >= JACCARD


@dataclass(slots=True)
class GoldClaim:
    """A gold claim: its supporting and differing files and evidence (file, text) pairs."""

    text: str
    supporting: set[str]
    differing: set[str]
    evidence: list[tuple[str, str]]


@dataclass(slots=True)
class GoldQuote:
    """A quote shared across files, with its speaker and each file's wording."""

    speaker: str
    text: str
    occurrences: list[tuple[str, str]]


@dataclass(slots=True)
class GoldDigest:
    """One gold event: members (file keys), claims, shared quotes, timeline (date, files)."""

    members: list[str]
    claims: list[GoldClaim]
    quotes: list[GoldQuote]
    timeline: list[tuple[str, list[str]]]
    path: Path | None = None


def load_gold(path: Path) -> GoldDigest:
    """Read a gold file in the format of ``samples/gold/event.json``."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return GoldDigest(
        members=list(data["events"][0]["members"]),
        claims=[
            GoldClaim(
                c.get("claim_en") or c.get("claim_id") or "",
                set(c["files_supporting"]),
                set(c.get("files_differing") or []),
                [(e["file"], e["text"]) for e in c.get("evidence", [])],
            )
            for c in data.get("claims", [])
        ],
        quotes=[
            GoldQuote(q["speaker"], q["canonical_text"], [(o["file"], o["text"]) for o in q["occurrences"]])
            for q in data.get("shared_quotes", [])
        ],
        timeline=[(t["date"], list(t.get("files", []))) for t in data.get("timeline", [])],
        path=path,
    )


@dataclass(slots=True)
class DigestScore:
    """The figures of one digest against its gold (see the module docstring)."""

    sentences: int = 0
    cited: float = 0.0
    cited_others: float = 0.0
    precision: float = 0.0
    recall: float = 0.0
    precision_others: float = 0.0
    recall_others: float = 0.0
    unmatched: int = 0
    quotes: float = 0.0
    claims: float = 0.0
    claims_loose: float = 0.0
    differing: float = 0.0
    differs_precision: float = 0.0
    timeline: float = 0.0
    missed_claims: list[str] = field(default_factory=list)
    missed_quotes: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        """The numeric figures, rounded, for JSON output."""
        return {
            k: round(getattr(self, k), 4)
            for k in (
                "cited",
                "cited_others",
                "precision",
                "recall",
                "precision_others",
                "recall_others",
                "quotes",
                "claims",
                "claims_loose",
                "differing",
                "differs_precision",
                "timeline",
            )
        } | {"sentences": self.sentences, "unmatched": self.unmatched}


def _speaker_ok(system: str | None, gold: str) -> bool:
    s, g = word_set(system), word_set(gold)
    return bool(s) and s <= g


def _holds(merged, gold: GoldQuote, files) -> bool:
    """Does a merged quote carry every occurrence of a gold quote: for each gold (file, text),
    an occurrence from that file whose words overlap the gold text (half of the shorter's)?"""
    for file, text in gold.occurrences:
        want = word_set(text)
        ok = False
        for o in merged.occurrences:
            if files([o.article]) != {file}:
                continue
            got = word_set(o.text)
            if want and got and len(want & got) >= 0.5 * min(len(want), len(got)):
                ok = True
                break
        if not ok:
            return False
    return True


def _f1(x: set[str], y: set[str]) -> float:
    if not x or not y:
        return 0.0
    tp = len(x & y)
    return 2 * tp / (len(x) + len(y))


def _claim_matches(variant: str, evidence: str) -> bool:
    return overlaps(variant, evidence) or (
        len(word_set(evidence)) >= 4 and word_set(evidence) <= word_set(variant)
    )


def score_digest(event: Event, gold: GoldDigest, key: dict[str, str]) -> DigestScore:
    """Score ``event`` against ``gold``; ``key`` maps kabar article ids to gold file keys."""

    def files(ids) -> set[str]:
        return {key.get(i, i) for i in ids}

    score = DigestScore(sentences=len(event.summary))
    if event.summary:
        score.cited = sum(1 for s in event.summary if s.citations) / len(event.summary)
        score.cited_others = sum(1 for s in event.summary if set(s.citations) - {s.article}) / len(
            event.summary
        )
    tp = n_cited = n_support = 0
    tp_o = n_cited_o = n_support_o = 0
    for s in event.summary:
        supporting: set[str] = set()
        for claim in gold.claims:
            if any(overlaps(s.text, text) for _, text in claim.evidence):
                supporting |= claim.supporting
        if not supporting:
            score.unmatched += 1
            continue
        cited = files(s.citations)
        tp += len(cited & supporting)
        n_cited += len(cited)
        n_support += len(supporting)
        own = files([s.article])
        tp_o += len((cited - own) & supporting)
        n_cited_o += len(cited - own)
        n_support_o += len(supporting - own)
    score.precision = tp / n_cited if n_cited else 0.0
    score.recall = tp / n_support if n_support else 0.0
    score.precision_others = tp_o / n_cited_o if n_cited_o else 0.0
    score.recall_others = tp_o / n_support_o if n_support_o else 0.0
    found = 0
    for q in gold.quotes:
        if any(_speaker_ok(m.speaker, q.speaker) and _holds(m, q, files) for m in event.quotes):
            found += 1
        else:
            score.missed_quotes.append(q.text)
    score.quotes = found / len(gold.quotes) if gold.quotes else 1.0
    strict = loose = differ_found = differ_total = 0
    for claim in gold.claims:
        matches = [
            c
            for c in event.claims
            if any(_claim_matches(v.text, text) for v in c.variants for _, text in claim.evidence)
        ]
        arts = [files(c.articles_agree) | files(c.articles_differ) for c in matches]
        if any(a == claim.supporting for a in arts):
            strict += 1
        else:
            score.missed_claims.append(claim.text)
        if any(_f1(a, claim.supporting) >= 0.8 for a in arts):
            loose += 1
        if claim.differing:
            differ_total += 1
            if any(
                c.kind == "differs" and claim.differing <= files(c.articles_agree) | files(c.articles_differ)
                for c in matches
            ):
                differ_found += 1
    reported = right = 0
    for c in event.claims:
        if c.kind != "differs":
            continue
        told = [
            g
            for g in gold.claims
            if any(_claim_matches(v.text, text) for v in c.variants for _, text in g.evidence)
        ]
        if told:
            reported += 1
            right += any(g.differing for g in told)
    score.differs_precision = right / reported if reported else 1.0
    n = len(gold.claims)
    score.claims = strict / n if n else 1.0
    score.claims_loose = loose / n if n else 1.0
    score.differing = differ_found / differ_total if differ_total else 1.0
    dates = [t.date for t in event.timeline]
    if gold.timeline:
        score.timeline = sum(any(d.startswith(g) for d in dates) for g, _ in gold.timeline) / len(
            gold.timeline
        )
    else:
        score.timeline = 1.0
    return score


def digest_event(event_id: str, articles: list) -> Event:
    """The digest ``kabar digest`` writes for these articles as one event: with the
    derivations the relations stage finds among them (copies weigh less in the summary and
    count once in the coverage), so the figures measure the shipped configuration."""
    from kabar.digest import build_event
    from kabar.relate.derivations import derivations
    from kabar.relate.duplicates import find_duplicates

    found = derivations(articles, find_duplicates(articles), [[a.id for a in articles]])
    return build_event(event_id, articles, derivations=found)


def gold_articles(gold: GoldDigest, articles: Path | None = None) -> tuple[list, dict[str, str]]:
    """Read a gold event's member articles through the whole pipeline (read, clean, annotate).

    Members named like files (``000_….txt``) are read from the folder ``articles`` (default:
    ``samples/seeds`` in ../shared, else the bundled ``examples/``); other members are record
    ids of the JSONL file ``articles`` (default: ``data/indonews2025/dev.jsonl`` in ../shared),
    whose records are written to a temporary JSONL file and read from there, raw. Returns the
    annotated articles and the map from each article's id to its gold member key."""
    import json as json_module
    import tempfile

    from kabar.eval import shared_dir
    from kabar.pipeline import clean_paths

    if all(m.endswith(".txt") for m in gold.members):
        folder = articles
        if folder is None:
            folder = shared_dir("samples", "seeds")
            if not folder.is_dir():
                folder = Path(__file__).resolve().parents[3] / "examples"
        paths = [str(folder / m) for m in gold.members]
        run = clean_paths(paths)
        return run.articles, {a.id: Path(a.source).name for a in run.articles}
    source = articles or shared_dir("data", "indonews2025", "dev.jsonl")
    wanted = set(gold.members)
    records = []
    with open(source, encoding="utf-8") as handle:
        for line in handle:
            if any(m in line for m in wanted):
                record = json_module.loads(line)
                if record.get("id") in wanted:
                    records.append(record)
    records.sort(key=lambda r: gold.members.index(r["id"]))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "event.jsonl"
        path.write_text("".join(json_module.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
        run = clean_paths([str(path)])
    key = {}
    for a in run.articles:
        line = int(a.source.rsplit(":", 1)[1])
        key[a.id] = records[line - 1]["id"]
    return run.articles, key
