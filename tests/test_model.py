"""The data model: JSON round trips, field names of the gold files, offsets into the body."""

from __future__ import annotations

import json

from kabar.model import (
    Article,
    ArticleRef,
    Claim,
    Coverage,
    DateMention,
    Derivation,
    Digest,
    Document,
    Entity,
    Event,
    Mention,
    MergedQuote,
    NumberMention,
    Quote,
    QuoteOccurrence,
    Removed,
    Sentence,
    Skipped,
    SummarySentence,
    TimelineEntry,
)
from tests.conftest import GOLD, need


def _article() -> Article:
    body = ["Presiden Rusia Vladimir Putin tiba di Pyongyang.", "“Kami prihatin,” ujar Stoltenberg."]
    return Article(
        id="a1",
        source="x.txt",
        title="Putin Tiba",
        outlet="Akurasi.id",
        authors=["Ani"],
        editors=["Ani"],
        published="2024-06-19T07:57:00+07:00",
        published_date="2024-06-19",
        dateline="Akurasi.id –",
        cited_sources=["KCNA"],
        body=body,
        removed=[Removed("Loading", "loading", 7)],
        sentences=[Sentence(body[0], 0, len(body[0]), 0)],
        quotes=[Quote("Kami prihatin,", True, "Jens Stoltenberg", "Stoltenberg", "ujar", 51, 65, 1)],
        entities=[Entity("Vladimir Putin", "PER", ["Vladimir Putin"], [Mention("Vladimir Putin", 14, 28)])],
        dates_in_text=[DateMention("Rabu pagi (19/6)", "2024-06-19", "day", 0, 16, 0)],
        numbers=[NumberMention("24 tahun", 24, "tahun", 0, 8, 0)],
    )


def test_article_round_trip_is_exact():
    article = _article()
    data = json.loads(json.dumps(article.to_dict()))
    again = Article.from_dict(data)
    assert again == article
    assert isinstance(again.removed[0], Removed) and isinstance(again.entities[0].spans[0], Mention)


def test_article_offsets_point_into_the_body_text():
    article = _article()
    s = article.sentences[0]
    assert article.text[s.start : s.end] == s.text
    q = article.quotes[0]
    assert article.text[q.start : q.end] == q.text


def test_article_json_uses_the_gold_field_names():
    gold = json.loads(next(need(GOLD).glob("0*.json")).read_text(encoding="utf-8"))
    scored = [
        "title",
        "subtitle",
        "section",
        "outlet",
        "authors",
        "editors",
        "published",
        "published_date",
        "dateline",
        "cited_sources",
        "body",
        "subheadings",
        "captions",
        "sentences",
        "quotes",
        "entities",
        "dates_in_text",
        "numbers",
    ]
    fields = set(_article().to_dict())
    assert set(scored) <= set(gold) and set(scored) <= fields
    assert {"id", "source", "language", "removed"} <= fields


def test_digest_round_trip_with_every_nested_type():
    event = Event(
        id="ev-1",
        title="Putin di Pyongyang",
        date="2024-06-19",
        articles=["a1", "a2"],
        summary=[SummarySentence("Putin tiba.", "a1", 0, 11, ["a1", "a2"], {"a1": 1.0, "a2": 0.7})],
        quotes=[MergedQuote("KCNA", "mesin", [QuoteOccurrence("a1", "mesin untuk", 3, 14)])],
        timeline=[TimelineEntry("2024-06-19", "Putin tiba", ["a1"])],
        claims=[Claim("kunjungan pertama dalam 24 tahun", ["a1"], ["a2"], "angka berbeda")],
        derivations=[Derivation("a1", "a2", "rewrite", 0.8, ["kutipan sama"])],
        coverage=Coverage(2, 2, 1, "Akurasi.id"),
    )
    digest = Digest(
        articles=[ArticleRef("a1", "x.txt", "T", "O", None)],
        events=[event],
        skipped=[Skipped("bad.txt", "file is empty")],
        generated="2026-12-01T00:00:00+00:00",
    )
    again = Digest.from_dict(json.loads(json.dumps(digest.to_dict())))
    assert again == digest
    assert again.events[0].summary[0].support == {"a1": 1.0, "a2": 0.7}


def test_from_dict_ignores_unknown_keys_and_keeps_defaults():
    doc = Document.from_dict({"source": "s", "kind": "text", "text": "x", "surprise": 1})
    assert doc.text == "x" and doc.html is None
