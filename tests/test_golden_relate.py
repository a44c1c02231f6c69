"""Relations on the seeds (``examples/``, the gold's five articles) and on articles we wrote
(``tests/golden/events/written/``), with real distractors from ``../shared/data`` when present.

Bars (the relations issue): the five seeds form one event; with at least 200 distractors no
distractor joins it; our two English reports of the same event join it. Sample 001 is
flagged ``translated`` and sample 002 ``generic_rewrite``, no other sample gets either flag,
and on 1,000 real articles at most 1 % get a flag (flags are evidence: they must be rare).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from kabar.clean import clean_documents
from kabar.eval import shared_dir
from kabar.lang.annotate import annotate
from kabar.model import Article, Document
from kabar.pipeline import clean_paths
from kabar.relate.events import EventIndex
from kabar.relate.flags import article_flags

ROOT = Path(__file__).resolve().parents[1]
WRITTEN = ROOT / "tests" / "golden" / "events" / "written"
INDONEWS = shared_dir("data", "indonews2025", "dev.jsonl")
SEED_DAY = "2024-06-19T12:00:00+07:00"
MAX_FLAGGED_SHARE = 0.01


def _written() -> tuple[list[Document], dict[str, str]]:
    """Our written articles as documents, and each file's event label (README table)."""
    docs, labels = [], {}
    for line in (WRITTEN / "README.md").read_text(encoding="utf-8").splitlines():
        if not line.startswith("| `"):
            continue
        name, event, _lang, outlet, published = (c.strip().strip("`") for c in line.strip("|").split("|")[:5])
        docs.append(
            Document(
                source=name,
                kind="text",
                text=(WRITTEN / name).read_text("utf-8"),
                published=published,
                outlet=outlet,
            )
        )
        labels[name] = event
    return docs, labels


def _annotated(docs: list[Document]) -> list[Article]:
    out = []
    for item in clean_documents(docs):
        if isinstance(item, Article):
            out.append(annotate(item))
    return out


@pytest.fixture(scope="module")
def seeds() -> list[Article]:
    run = clean_paths([str(ROOT / "examples")])
    assert len(run.articles) == 5
    return run.articles


@pytest.fixture(scope="module")
def written() -> tuple[list[Article], dict[str, str]]:
    docs, labels = _written()
    articles = _annotated(docs)
    assert len(articles) == len(docs) == 12
    return articles, labels


def _event_of(index: EventIndex, article_id: str) -> set[str]:
    return next(set(e.ids) for e in index.events() if article_id in e.ids)


def test_the_five_seeds_form_one_event(seeds):
    index = EventIndex()
    index.add(seeds)
    events = index.events()
    assert len(events) == 1 and len(events[0].ids) == 5
    assert events[0].joins, "a joined event explains its joins"


def _distractors() -> list[Article]:
    """200 real indonews articles, re-dated to the seed day so time cannot keep them apart."""
    if not INDONEWS.is_file():
        pytest.skip(f"{INDONEWS} not found")
    rows = [json.loads(line) for line in INDONEWS.open(encoding="utf-8")]
    picked = random.Random(20240619).sample(rows, 200)
    docs = [
        Document(
            source="indonews:" + r["id"],
            kind="text",
            text=r["text"],
            title=r["title"],
            published=SEED_DAY,
            outlet=r["outlet"],
        )
        for r in picked
    ]
    return _annotated(docs)


def test_with_distractors_the_seed_event_holds_the_seeds_and_our_english_reports(seeds, written):
    articles, labels = written
    distractors = _distractors()
    pile = seeds + articles + distractors
    assert (
        len(pile) - len(seeds) - 2 >= 200
    )  # distractors: all but the seeds and the two English seed reports
    index = EventIndex()
    index.add(pile)
    by_source = {a.id: a.source for a in pile}
    seed_event = _event_of(index, seeds[0].id)
    expected = {a.id for a in seeds} | {a.id for a in articles if labels[a.source] == "seed"}
    assert seed_event == expected, sorted(by_source[i] for i in seed_event ^ expected)
    # cross-lingual: each written distractor event is one event in both languages, and apart
    for label in ("vietnam", "missile"):
        members = {a.id for a in articles if labels[a.source] == label}
        assert _event_of(index, next(iter(members))) == members, label
        assert {labels[a.source] for a in articles if a.id in members} == {label}


def test_seed_flags_with_evidence(seeds):
    flags = {Path(a.source).name[:3]: article_flags(a) for a in seeds}
    assert [f.flag for f in flags["001"]] == ["translated"]
    assert [f.flag for f in flags["002"]] == ["generic_rewrite"]
    for name in ("000", "003", "004"):
        assert flags[name] == [], name
    for name in ("001", "002"):
        (flag,) = flags[name]
        assert flag.score > 0 and len(flag.evidence) >= 3


def test_written_articles_earn_no_flag(written):
    articles, _ = written
    assert [a.source for a in articles if article_flags(a)] == []


def _indonews_rows() -> list[dict]:
    if not INDONEWS.is_file():
        pytest.skip(f"{INDONEWS} not found")
    return [json.loads(line) for line in INDONEWS.open(encoding="utf-8")]


def _indonews_articles(rows: list[dict]) -> list[Article]:
    """Scraped rows read, cleaned and annotated with their own metadata."""
    return _annotated(
        [
            Document(
                source=r["id"],
                kind="text",
                text=r["text"],
                title=r["title"],
                published=r["published"],
                outlet=r["outlet"],
            )
            for r in rows
        ]
    )


def test_flags_are_rare_on_real_articles():
    rows = _indonews_rows()
    picked = random.Random(7).sample(rows, 1000)
    articles = _indonews_articles(picked)
    flagged = [a for a in articles if article_flags(a)]
    assert len(flagged) <= MAX_FLAGGED_SHARE * len(articles), [(a.title, article_flags(a)) for a in flagged]


def test_real_day_gives_the_same_events_in_any_order():
    """300 real articles of 18 June 2025, added in time order one day at a time, and shuffled
    in random batches: the same events (the order-free promise of ``EventIndex``)."""
    rows = _indonews_rows()
    day = [r for r in rows if (r["published"] or "").startswith("2025-06-18")][:300]
    articles = _indonews_articles(day)
    ordered = EventIndex()
    ordered.add(sorted(articles, key=lambda a: (a.published or "", a.id)))
    shuffled = articles[:]
    random.Random(3).shuffle(shuffled)
    streamed = EventIndex()
    for k in range(0, len(shuffled), 37):
        streamed.add(shuffled[k : k + 37])
    events = sorted(e.ids for e in ordered.events())
    assert sum(1 for e in events if len(e) > 1) >= 10  # a real day has joined events to compare
    assert sorted(e.ids for e in streamed.events()) == events
