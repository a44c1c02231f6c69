"""The relations stage on small data the tests make: clustering mechanics, order invariance,
duplicates and their shared spans, derivation direction and kinds, coverage and flags."""

from __future__ import annotations

import json
import random
from datetime import date, datetime, timedelta, timezone

import pytest

from kabar.eval.cluster import scores
from kabar.lang.annotate import annotate
from kabar.model import Article, Derivation
from kabar.relate.calibrate import candidate_pairs
from kabar.relate.coverage import coverage, independent_groups
from kabar.relate.derivations import common_sequence, derivations, direction
from kabar.relate.duplicates import compare, find_duplicates, fingerprint
from kabar.relate.events import EventIndex, average_linkage
from kabar.relate.flags import article_flags
from kabar.relate.pair_batch import SignatureArrays
from kabar.relate.pairs import FEATURES, default_model, pair_features, scorable_features
from kabar.relate.signature import signature, word_weight


def _article(
    aid: str, body: list[str], title: str = "", published: str | None = None, outlet: str | None = None
):
    a = Article(id=aid, source=aid, title=title or None, body=body, published=published, outlet=outlet)
    return annotate(a)


# ------------------------------------------------------------------ average linkage


def test_average_linkage_merges_only_above_the_threshold():
    ids = ["a", "b", "c", "d"]
    pairs = {(0, 1): 0.9, (1, 2): 0.6, (0, 2): 0.1, (2, 3): 0.2}
    # a+b merge (0.9); then {a,b}-c has mean (0.1 + 0.6) / 2 = 0.35 < 0.5: c stays apart
    assert average_linkage(ids, pairs, 0.5) == [[0, 1], [2], [3]]
    # at 0.3 c joins (0.35), then {a,b,c}-d has mean 0.2 / 3 < 0.3
    assert average_linkage(ids, pairs, 0.3) == [[0, 1, 2], [3]]


def test_average_linkage_ties_break_by_article_id_not_position():
    # two equal pairs competing for "m": the one with the smaller ids wins, whatever the positions
    ids = ["z", "m", "a"]
    pairs = {(0, 1): 0.8, (1, 2): 0.8}
    out = average_linkage(ids, pairs, 0.7)
    assert sorted(sorted(ids[k] for k in c) for c in out) == [["a", "m"], ["z"]]


# ------------------------------------------------------------------ features and model


def test_word_weight_prefers_rare_words_and_names():
    assert word_weight("yang") < word_weight("harga") < word_weight("rudal") < word_weight("mastantuono")


def test_pair_features_are_symmetric_and_named():
    a = _article(
        "a", ["Presiden Joko Widodo meresmikan Bendungan Sadawarna di Subang pada Selasa (18/6/2024)."]
    )
    b = _article("b", ["Bendungan Sadawarna di Subang diresmikan Presiden Joko Widodo, Selasa (18/6/2024)."])
    fa, fb = pair_features(signature(a), signature(b)), pair_features(signature(b), signature(a))
    assert fa == fb
    assert len(fa) == len(FEATURES)
    assert fa[FEATURES.index("term_cosine")] > 0.3


def test_shipped_model_reads_the_current_features():
    model = default_model()
    assert model.trees and all(max(t.feature) < len(FEATURES) for t in model.trees)
    assert 0.2 <= model.calibration["link_threshold"] <= 0.8
    assert set(model.calibration["sets"]) == {"indosum", "indonews", "ecbplus"}


def test_join_model_scores_a_close_pair_above_an_unrelated_one():
    model = default_model()
    close = [0.0] * len(FEATURES)
    for name, value in (
        ("term_cosine", 0.6),
        ("entity_cosine", 0.7),
        ("lead_embedding", 0.8),
        ("time_close", 0.9),
    ):
        close[FEATURES.index(name)] = value
    far = [0.0] * len(FEATURES)
    far[FEATURES.index("term_cosine")] = 0.05
    assert model.probability(close) > 0.5 > model.probability(far)
    pushes = dict(model.contributions(close))
    assert set(pushes) == set(FEATURES)
    # Saabas pushes add up to the score minus the trees' root scores
    roots = model.init + model.rate * sum(t.value[0] for t in model.trees)
    assert abs(sum(pushes.values()) - (model.raw(close) - roots)) < 1e-9


def test_join_model_round_trips_through_json():
    model = default_model()
    again = type(model).from_dict(json.loads(json.dumps(model.to_dict())))
    x = [0.3] * len(FEATURES)
    assert again.probability(x) == model.probability(x)


# ------------------------------------------------------------------ the index

_STORIES = {
    "banjir": [
        "Banjir merendam ratusan rumah di Kecamatan Cililin, Bandung Barat, pada Senin (17/6/2024).",
        "Badan Penanggulangan Bencana Daerah mencatat 412 rumah terendam dan 1.300 warga mengungsi.",
        "Kepala BPBD Bandung Barat Asep Sehabudin mengatakan air mulai surut pada Senin malam.",
    ],
    "emas": [
        "Harga emas Antam naik Rp 12.000 menjadi Rp 1.412.000 per gram pada perdagangan Selasa (18/6/2024).",
        "Harga pembelian kembali atau buyback emas Antam juga naik menjadi Rp 1.265.000 per gram.",
        "Emas Antam tersedia dalam pecahan 0,5 gram hingga 1.000 gram di Butik Emas LM Pulogadung.",
    ],
    "persib": [
        "Persib Bandung mengalahkan Madura United 3-0 pada final Liga 1 di Stadion Si Jalak Harupat.",
        "Gol Persib dicetak David da Silva, Ciro Alves dan Beckham Putra Nugraha.",
        "Pelatih Persib Bojan Hodak mengatakan para pemain tampil disiplin sepanjang laga.",
    ],
}


def _variants() -> list[Article]:
    """Three stories, each told by three outlets in their own order, at different times."""
    out = []
    for s, (story, sentences) in enumerate(sorted(_STORIES.items())):
        for v in range(3):
            order = sentences[v:] + sentences[:v]
            body = [" ".join(order)]
            hour = 8 + 3 * v
            out.append(
                _article(
                    f"{story}-{v}",
                    body,
                    title=sentences[0][:60],
                    published=f"2024-06-18T{hour:02d}:0{s}:00+07:00",
                    outlet=f"outlet{v}",
                )
            )
    return out


def _events(index: EventIndex) -> list[list[str]]:
    return sorted(e.ids for e in index.events())


def test_index_groups_the_three_stories():
    index = EventIndex()
    index.add(_variants())
    events = _events(index)
    assert sorted(map(len, events)) == [3, 3, 3]
    for event in events:
        assert len({i.split("-")[0] for i in event}) == 1
    joined = [e for e in index.events() if len(e.ids) > 1]
    assert all(e.joins and e.joins[0].probability >= index.threshold for e in joined)
    assert all("p=" in e.joins[0].describe() for e in joined)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_index_gives_the_same_events_whatever_the_order_and_batches(seed):
    articles = _variants()
    whole = EventIndex()
    whole.add(articles)
    shuffled = articles[:]
    random.Random(seed).shuffle(shuffled)
    streamed = EventIndex()
    k = 0
    rng = random.Random(seed + 10)
    while k < len(shuffled):
        step = rng.randint(1, 4)
        streamed.add(shuffled[k : k + step])
        k += step
    assert _events(streamed) == _events(whole)


def _long_stream() -> list[Article]:
    """The three stories retold every five days for 35 days by two outlets each: pairs chain
    each story's tellings into one strong part far longer than the window."""
    out = []
    for day in range(0, 35, 5):
        for s, (story, sentences) in enumerate(sorted(_STORIES.items())):
            for v in range(2):
                order = sentences[v:] + sentences[:v]
                when = datetime(2024, 6, 1, 8 + 3 * v, s, tzinfo=timezone(timedelta(hours=7)))
                stamp = (when + timedelta(days=day)).isoformat()
                name = f"{story}-d{day:02d}-{v}"
                out.append(_article(name, [" ".join(order)], published=stamp, outlet=f"o{v}"))
    return out


def test_a_stream_day_by_day_gives_the_events_of_one_batch():
    """Only the clusters new articles can reach are clustered again (``RELEASE_HOPS``); on a
    stream five windows long that gives the events of clustering everything at once."""
    articles = _long_stream()
    whole = EventIndex()
    whole.add(articles)
    streamed = EventIndex()
    by_day: dict[str, list[Article]] = {}
    for a in articles:
        by_day.setdefault(a.published[:10], []).append(a)
    for day in sorted(by_day):
        streamed.add(by_day[day])
    assert _events(streamed) == _events(whole)
    times = {a.id: a.published[:10] for a in articles}
    multi = [e for e in _events(whole) if len(e) > 1]
    assert len(multi) >= 6  # the tellings do join
    # no event reaches further than the seven-day window
    for event in multi:
        days = sorted(date.fromisoformat(times[i]) for i in event)
        assert (days[-1] - days[0]).days <= 7
    # one story's tellings are one strong part, so the stream did re-cluster inside a part
    parts = {streamed._parts.find(streamed._position[a.id]) for a in articles if a.id.startswith("banjir")}
    assert len(parts) == 1


def test_batched_pair_features_equal_the_pairwise_ones_bit_for_bit():
    """``pair_batch`` gives every pair the row ``pairs.scorable_features`` gives it, to the
    last bit (cosines are exact sums either way), and drops the same pairs."""
    english = _article(
        "en-1",
        [
            "Floods submerged hundreds of houses in Cililin, West Bandung, on Monday, and 1,300 "
            "residents fled, the disaster agency said."
        ],
        published="2024-06-17T20:00:00+07:00",
    )
    undated = _article("undated", [" ".join(_STORIES["emas"])])
    articles = [*_variants(), *_long_stream()[:12], english, undated]
    sigs = [signature(a) for a in articles]
    arrays = SignatureArrays()
    for sig in sigs:
        arrays.add(sig)
    checked = 0
    for i, sig in enumerate(sigs):
        others = [(j, other) for j, other in enumerate(sigs) if j != i]
        positions, rows = arrays.scorable_rows(i, sig, others)
        expected = {j: scorable_features(sig, other) for j, other in others}
        assert positions == [j for j, _ in others if expected[j] is not None]
        for j, row in zip(positions, rows, strict=True):
            assert row == expected[j], (sig.id, sigs[j].id)
            checked += 1
    assert checked > 100
    assert arrays.scorable_rows(0, sigs[0], []) == ([], [])


def test_index_ignores_an_id_it_already_holds():
    articles = _variants()
    index = EventIndex()
    index.add(articles)
    index.add(articles[:2])
    assert len(index) == len(articles)


def test_candidate_pairs_respect_the_time_window():
    a = _article(
        "a",
        ["Gempa bumi magnitudo 5,6 mengguncang Cianjur, Jawa Barat."],
        published="2024-06-01T10:00:00+07:00",
    )
    b = _article(
        "b",
        ["Gempa bumi magnitudo 5,6 mengguncang Cianjur, Jawa Barat."],
        published="2024-06-20T10:00:00+07:00",
    )
    c = _article("c", ["Gempa bumi magnitudo 5,6 mengguncang Cianjur, Jawa Barat."], published=None)
    sigs = [signature(a), signature(b), signature(c)]
    pairs = candidate_pairs(sigs, 7.0)
    assert (0, 1) not in pairs  # 19 days apart
    assert (0, 2) in pairs and (1, 2) in pairs  # an undated article is compared with all


# ------------------------------------------------------------------ duplicates

_BASE = [
    "Pemerintah Kota Bandung menutup sementara Jalan Asia Afrika untuk kendaraan bermotor mulai Sabtu malam.",
    "Penutupan dilakukan untuk memberi ruang bagi festival budaya yang diikuti lebih dari 40 komunitas seni.",
    "Kepala Dinas Perhubungan Kota Bandung Asep Kuswara mengatakan kendaraan dialihkan ke Jalan Naripan.",
    "Festival berlangsung selama tiga hari dan menampilkan tari tradisional, keroncong, dan kuliner.",
    "Warga diminta menggunakan angkutan umum karena kantong parkir di sekitar lokasi terbatas.",
    "Panitia memperkirakan lebih dari 25.000 pengunjung datang setiap malam selama festival.",
]


def test_copy_near_copy_and_excerpt_are_told_apart():
    base = _article("base", [" ".join(_BASE)])
    copy = _article("copy", ["Baca juga: berita lain", " ".join(_BASE)])
    edited_words = " ".join(_BASE).replace("sementara", "sejenak").replace("lebih dari", "sekitar")
    near = _article("near", [edited_words.replace("tiga hari", "empat hari").replace("terbatas", "sempit")])
    excerpt = _article("part", [" ".join(_BASE[:3])])
    other = _article(
        "other", ["Harga cabai rawit di Pasar Kosambi naik menjadi Rp 80.000 per kilogram pekan ini."]
    )
    kinds = {(p.a, p.b): p.kind for p in find_duplicates([base, copy, near, excerpt, other])}
    assert kinds[("base", "copy")] == "copy"
    assert kinds[("base", "near")] == "near_copy"
    assert kinds[("base", "part")] == "excerpt"
    assert not any("other" in pair for pair in kinds)


def test_shared_spans_point_at_the_same_sentence_in_both_articles():
    base = _article("a", [" ".join(_BASE)])
    excerpt = _article("b", ["Kabar terbaru dari Bandung.", " ".join(_BASE[1:4])])
    pair = compare(fingerprint(base), fingerprint(excerpt))
    assert pair is not None and len(pair.shared) == 3
    for span in pair.shared:
        assert base.text[span.a_start : span.a_end] == excerpt.text[span.b_start : span.b_end]


# ------------------------------------------------------------------ derivations


def test_direction_from_credit_then_time_then_containment():
    early = _article("x", [" ".join(_BASE)], published="2024-06-18T08:00:00+07:00", outlet="Kabar Pagi")
    late = _article("y", [" ".join(_BASE)], published="2024-06-18T09:00:00+07:00", outlet="Warta Siang")
    assert direction(late, early)[:2] == (early, late)
    late.cited_sources = []
    early.cited_sources = ["Warta Siang"]  # the earlier one credits the later outlet: credit wins
    source, derived, why = direction(early, late)
    assert (source, derived) == (late, early) and "credits" in why
    a = _article("p", [" ".join(_BASE)])
    b = _article("q", [" ".join(_BASE[:2])])
    source, derived, _ = direction(a, b, a_in_b=0.3, b_in_a=1.0)
    assert (source.id, derived.id) == ("p", "q")


def test_copies_are_derivations_with_evidence():
    early = _article("x", [" ".join(_BASE)], published="2024-06-18T08:00:00+07:00", outlet="Kabar Pagi")
    late = _article("y", [" ".join(_BASE[:4])], published="2024-06-18T09:30:00+07:00", outlet="Warta Siang")
    found = derivations([early, late], find_duplicates([early, late]))
    assert [(d.source, d.derived, d.kind) for d in found] == [("x", "y", "excerpt")]
    assert any(e.startswith("shared:") for e in found[0].evidence)


def test_common_sequence_keeps_order():
    xs = ["e:A", "n:5 orang", "e:B", "q:kami akan datang besok pagi"]
    ys = ["n:5 orang", "e:A", "e:B", "q:kami pasti akan datang besok"]
    assert [(xs[i], ys[j]) for i, j in common_sequence(xs, ys)][-1][0].startswith("q:")
    assert len(common_sequence(xs, ys)) == 3


# ------------------------------------------------------------------ coverage


def test_coverage_counts_derivation_groups_once():
    arts = [
        _article("a", ["Satu."], published="2024-06-18T08:00:00+07:00", outlet="Satu"),
        _article("b", ["Dua."], published="2024-06-18T07:00:00+07:00", outlet="Dua"),
        _article("c", ["Tiga."], published="2024-06-18T09:00:00+07:00", outlet="Satu"),
    ]
    derived = [Derivation("a", "c", "copy", 1.0, [])]
    assert independent_groups(["a", "b", "c"], derived) == [["a", "c"], ["b"]]
    cov = coverage(arts, derived)
    assert (cov.articles, cov.outlets, cov.independent_reports, cov.first_publisher) == (3, 2, 2, "Dua")


# ------------------------------------------------------------------ flags


def test_plain_reporting_earns_no_flag():
    a = _article(
        "plain",
        [
            "Wali Kota Surabaya Eri Cahyadi meresmikan taman baru di Rungkut pada Senin (17/6/2024).",
            '"Taman ini untuk warga, silakan dijaga bersama," kata Eri Cahyadi.',
        ],
    )
    assert article_flags(a) == []


# ------------------------------------------------------------------ scores


def test_pairwise_and_bcubed_scores_on_a_hand_example():
    gold = {"a": "1", "b": "1", "c": "1", "d": "2"}
    pred = {"a": "x", "b": "x", "c": "y", "d": "y"}
    s = scores(pred, gold)
    # predicted pairs: ab, cd; gold pairs: ab, ac, bc → tp 1: P 1/2, R 1/3
    assert (s["pairwise_precision"], s["pairwise_recall"]) == (0.5, round(1 / 3, 4))
    # B³ precision: a 1, b 1, c 1/2, d 1/2 → 0.75; recall: a 2/3, b 2/3, c 1/3, d 1 → 0.6667
    assert (s["b3_precision"], s["b3_recall"]) == (0.75, 0.6667)
    alone = scores({i: i for i in gold}, gold)
    assert alone["pairwise_f1"] == 0.0 and alone["b3_precision"] == 1.0


def test_training_the_join_model_is_deterministic():
    from kabar.eval.cluster import scores as cluster_scores
    from kabar.relate.calibrate import fit
    from kabar.relate.signature import signatures

    articles = _variants()
    sigs = signatures(articles)
    gold = [a.id.split("-")[0] for a in articles]
    sets = {"made": (sigs, gold), "again": (sigs[::-1], gold[::-1])}
    first = fit(sets, 7.0, cluster_scores).to_dict()
    second = fit(sets, 7.0, cluster_scores).to_dict()
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)
    assert first["trees"] and first["calibration"]["sets"]["made"]["same_event_pairs"] == 9
