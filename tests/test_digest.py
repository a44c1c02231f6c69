"""Digest parts on articles written for these tests: quotes merged across outlets, timeline,
claims that agree and differ, citation support, headline, and the digest as a pure function."""

from __future__ import annotations

import json
import random

from kabar.digest import build_event
from kabar.digest.claims import align_claims
from kabar.digest.facts import same_entity, sentence_facts, word_weights
from kabar.digest.headline import clean_title
from kabar.digest.quotes import merge_quotes
from kabar.digest.support import CITE_THRESHOLD, FEATURES, default_model, support
from kabar.digest.timeline import build_timeline
from kabar.lang.annotate import annotate
from kabar.model import Article, Derivation

DAY = "2025-06-18T16:00:00+07:00"


def _article(aid: str, outlet: str, body: list[str], title: str = "Judul", published: str = DAY) -> Article:
    return annotate(
        Article(
            id=aid,
            source=f"{aid}.txt",
            title=title,
            outlet=outlet,
            published=published,
            published_date=published[:10],
            body=body,
        )
    )


def _quake() -> list[Article]:
    return [
        _article(
            "a1",
            "Warta Satu",
            [
                "Gempa bermagnitudo 4,8 mengguncang wilayah barat daya Kabupaten Garut, Jawa Barat, pada "
                "Rabu (18/6/2025) pukul 15.24 WIB.",
                "Pusat gempa berada di laut dengan kedalaman 10 km dan tidak berpotensi tsunami.",
                '"Kami mengimbau masyarakat tetap tenang dan tidak terpengaruh isu yang tidak dapat '
                'dipertanggungjawabkan kebenarannya," kata Kepala Pusat Gempa BMKG Daryono di Jakarta.',
                "Warga di Pameungpeuk merasakan guncangan selama 3 detik dan sempat keluar rumah.",
            ],
            title="Gempa M4,8 Guncang Garut | Berita Daerah",
        ),
        _article(
            "a2",
            "Kabar Dua",
            [
                "Gempa bermagnitudo 4,9 mengguncang barat daya Kabupaten Garut, Jawa Barat, pada Rabu "
                "(18/6/2025) sore pukul 15.24 WIB.",
                "Menurut BMKG, pusat gempa berada di laut pada kedalaman 10 km, tidak berpotensi tsunami.",
                '"Kami mengimbau masyarakat agar tetap tenang dan tidak terpengaruh oleh isu yang tidak '
                'dapat dipertanggungjawabkan," ujar Daryono.',
                "Sejumlah sekolah di Bandung memulai ujian akhir semester pada pekan yang sama.",
            ],
            title="Gempa Magnitudo 4,9 Guncang Garut, Tidak Berpotensi Tsunami",
        ),
    ]


def test_quotes_merge_across_outlets_and_keep_each_wording():
    merged = merge_quotes(_quake())
    shared = [q for q in merged if len(q.occurrences) == 2]
    assert len(shared) == 1
    quote = shared[0]
    assert quote.speaker == "Daryono"
    assert {o.article for o in quote.occurrences} == {"a1", "a2"}
    texts = {o.text for o in quote.occurrences}
    assert len(texts) == 2  # each outlet's own wording is kept


def test_a_nickname_one_outlet_spells_out_names_the_speaker_of_another():
    """One article writes "Rosario de Marshall alias Hercules" (the language layer makes them
    one person); another quotes "Hercules" alone: the same quote has one speaker."""
    a = _article(
        "h1",
        "Satu",
        [
            "Pengusaha Rosario de Marshall alias Hercules diperiksa penyidik selama enam jam.",
            '"Saya tidak pernah menerima uang dari proyek pelabuhan itu," kata Hercules.',
        ],
    )
    b = _article("h2", "Dua", ['"Saya tidak pernah menerima uang dari proyek pelabuhan itu," ujar Hercules.'])
    shared = [q for q in merge_quotes([a, b]) if len(q.occurrences) == 2]
    assert len(shared) == 1 and shared[0].speaker == "Rosario de Marshall"


def test_quotes_of_one_speaker_on_different_matters_stay_apart():
    a = _article(
        "b1",
        "Satu",
        [
            '"Anggaran bansos tahun ini sudah kami salurkan kepada lebih dari sepuluh juta keluarga," '
            "kata Menteri Sosial Saifullah Yusuf di Jakarta.",
        ],
    )
    b = _article(
        "b2",
        "Dua",
        [
            '"Kami akan membangun sekolah rakyat di seratus kabupaten mulai bulan depan," kata Menteri '
            "Sosial Saifullah Yusuf di Surabaya.",
        ],
    )
    merged = merge_quotes([a, b])
    assert len(merged) == 2
    assert all(len(q.occurrences) == 1 for q in merged)


def test_a_long_quote_holding_two_shorter_ones_joins_both():
    """One outlet quotes the judge's two remarks as one passage, the other quotes them apart."""
    a = _article(
        "j1",
        "Satu",
        [
            '"Perbuatan terdakwa tidak mendukung program pemberantasan korupsi pemerintah. Perbuatan '
            'terdakwa juga mencederai nama baik lembaga peradilan," kata ketua majelis hakim Teguh '
            "Santosa Wijaya.",
        ],
    )
    b = _article(
        "j2",
        "Dua",
        [
            '"Terdakwa tidak mendukung program pemberantasan korupsi pemerintah," kata ketua majelis '
            "hakim Teguh Santosa Wijaya.",
            '"Perbuatan terdakwa mencederai nama baik lembaga peradilan," tambah Teguh.',
        ],
    )
    merged = merge_quotes([a, b])

    def holding(words: str) -> list:
        return [q for q in merged if any(words in o.text and o.article == "j2" for o in q.occurrences)]

    second, first = holding("mencederai"), holding("tidak mendukung")
    assert len(second) == 1 and len(first) == 1 and second[0] is not first[0]
    assert {o.article for o in second[0].occurrences} == {"j1", "j2"}
    assert {o.article for o in first[0].occurrences} == {"j1", "j2"}
    assert second[0].speaker == "Teguh Santosa Wijaya"


def test_timeline_merges_one_dated_fact_across_articles():
    articles = _quake()
    entries = build_timeline(articles, sentence_facts(articles))
    quake = [e for e in entries if e.date == "2025-06-18"]
    assert len(quake) == 1
    assert quake[0].articles == ["a1", "a2"]
    assert quake[0].precision == "day"
    assert "Garut" in quake[0].text
    assert entries == sorted(entries, key=lambda e: e.date)


def test_claims_report_a_differing_number_and_agreeing_facts():
    articles = _quake()
    facts = sentence_facts(articles)
    claims, _ = align_claims(articles, facts, word_weights(facts), [0, 1])
    magnitude = [c for c in claims if "magnitudo" in c.text]
    assert magnitude and magnitude[0].kind == "differs" and magnitude[0].aspect == "number"
    assert set(magnitude[0].articles_agree + magnitude[0].articles_differ) == {"a1", "a2"}
    values = {v.article: v.value for v in magnitude[0].variants}
    assert values["a1"] == "4,8 magnitudo" and values["a2"] == "4,9 magnitudo"  # as written
    depth = [c for c in claims if "kedalaman" in c.text]
    assert depth and depth[0].kind == "agreed"
    assert set(depth[0].articles_agree) == {"a1", "a2"}
    # a sentence only one outlet has, with a place in it, is a single-outlet claim
    assert any(c.kind == "single" and c.articles_agree == ["a1"] and "Pameungpeuk" in c.text for c in claims)


def test_claims_report_a_name_spelt_differently():
    a = _article(
        "c1",
        "Satu",
        ["Menteri Luar Negeri Sergei Lavrov mendampingi Presiden Vladimir Putin dalam kunjungan ke Hanoi."],
    )
    b = _article(
        "c2",
        "Dua",
        ["Presiden Vladimir Putin didampingi Menteri Luar Negeri Sergey Lavrov dalam kunjungan ke Hanoi."],
    )
    facts = sentence_facts([a, b])
    claims, _ = align_claims([a, b], facts, word_weights(facts), [0, 1])
    assert claims[0].kind == "differs" and claims[0].aspect == "name"
    assert "Sergei Lavrov" in claims[0].note and "Sergey Lavrov" in claims[0].note


def _verdicts(second: str) -> list[Article]:
    a = _article(
        "v1",
        "Satu",
        ["Budi Santoso divonis 3 tahun penjara oleh Pengadilan Tipikor Jakarta dalam kasus suap proyek."],
    )
    b = _article("v2", "Dua", [second])
    return [a, b]


def test_claims_a_demand_and_a_verdict_of_different_length_do_not_differ():
    """ "divonis 3 tahun" and "dituntut 4 tahun": the same measure said of two things."""
    articles = _verdicts("Budi Santoso dituntut 4 tahun penjara oleh jaksa dalam kasus suap proyek.")
    facts = sentence_facts(articles)
    claims, _ = align_claims(articles, facts, word_weights(facts), [0, 1])
    assert not [c for c in claims if c.kind == "differs" and c.aspect == "number"], claims


def test_claims_two_verdicts_of_different_length_differ():
    articles = _verdicts("Budi Santoso divonis 4 tahun penjara oleh Pengadilan Tipikor Jakarta atas suap.")
    facts = sentence_facts(articles)
    claims, _ = align_claims(articles, facts, word_weights(facts), [0, 1])
    differing = [c for c in claims if c.kind == "differs" and c.aspect == "number"]
    assert differing and {v.value for v in differing[0].variants} == {"3 tahun", "4 tahun"}, claims


def test_same_entity_spellings_and_short_forms():
    assert same_entity("sergei lavrov", "sergey lavrov")
    assert same_entity("stoltenberg", "jens stoltenberg")
    assert not same_entity("moskow", "moskwa")  # two letters apart: a different word, not a typo
    assert not same_entity("joko widodo", "joko anwar")
    assert not same_entity("iran", "irak") and not same_entity("mali", "bali")  # short words: other names
    assert same_entity("garut", "kabupaten garut", people=False)  # the head only qualifies
    assert not same_entity("indonesia", "bank indonesia", people=False)  # another body


def test_support_scores_a_restatement_above_and_an_unrelated_article_below_the_threshold():
    quake = _quake()
    other = _article(
        "z",
        "Lain",
        [
            "Harga cabai rawit di Pasar Induk Kramat Jati naik menjadi Rp80.000 per kilogram pada pekan ini.",
            "Pedagang menyebut pasokan dari Jawa Tengah berkurang karena cuaca.",
        ],
    )
    articles = [*quake, other]
    facts = sentence_facts(articles)
    weights = word_weights(facts)
    depth = facts[0][1]
    assert support(depth, facts[1], weights).score >= CITE_THRESHOLD
    assert support(depth, facts[2], weights).score < 0.2
    # the model is monotone in its evidence: more shared words never lower the score
    model = default_model()
    low = model.probability((0.2, 0.2, 0.2, 0.2, 0.0, 0.0, 0.0, 0.0, 0.0))
    high = model.probability((0.8, 0.6, 0.8, 0.8, 1.0, 0.0, 0.0, 0.0, 0.0))
    assert high > low


def test_support_weighs_what_happened_not_only_who_and_when():
    """Two articles name the same people, place and day; one says what the sentence says
    happened (a welcome on arrival), the other another happening (talks): the action words
    (outside names, roles and dates) tell them apart, and the restatement scores higher."""
    articles = [
        _article(
            "a",
            "Satu",
            [
                "Presiden Prabowo Subianto disambut meriah oleh Perdana Menteri Anthony Albanese saat tiba "
                "di Canberra pada Rabu (18/6/2025)."
            ],
        ),
        _article(
            "b",
            "Dua",
            [
                "Prabowo tiba di Canberra pada Rabu (18/6/2025) dan langsung disambut Albanese dengan "
                "upacara meriah."
            ],
        ),
        _article(
            "c",
            "Tiga",
            [
                "Pada Rabu (18/6/2025), Presiden Prabowo Subianto dan Perdana Menteri Anthony Albanese "
                "membahas kerja sama pertahanan di Canberra."
            ],
        ),
    ]
    facts = sentence_facts(articles)
    weights = word_weights(facts)
    s = facts[0][0]
    assert {"sambut", "meriah"} <= s.action
    assert not s.action & {"prabowo", "albanese", "canberra", "presiden", "rabu"}
    told, other = support(s, facts[1], weights), support(s, facts[2], weights)
    action = FEATURES.index("action")
    assert told.features[action] == 1.0 and other.features[action] == 0.0
    assert told.score >= CITE_THRESHOLD and told.score > other.score


def test_headline_drops_the_section_suffix_and_comes_from_an_article():
    assert clean_title("Gempa M4,8 Guncang Garut | Berita Daerah") == "Gempa M4,8 Guncang Garut"
    event = build_event("ev", _quake())
    titles = {"Gempa M4,8 Guncang Garut", "Gempa Magnitudo 4,9 Guncang Garut, Tidak Berpotensi Tsunami"}
    assert event.title in titles


def test_summary_cites_every_article_that_states_the_sentence():
    event = build_event("ev", _quake(), k=3)
    assert event.summary
    for s in event.summary:
        assert s.article in s.citations and s.support[s.article] == 1.0
        assert set(s.citations) == set(s.support)
        assert all(CITE_THRESHOLD <= v <= 1.0 for v in s.support.values())
    assert any(len(s.citations) == 2 for s in event.summary)


def test_a_derived_copy_is_not_preferred_over_its_source():
    quake = _quake()
    copy = _article("a3", "Salin Tiga", list(quake[0].body), published="2025-06-18T18:00:00+07:00")
    derivation = Derivation(source="a1", derived="a3", kind="copy", score=1.0)
    event = build_event("ev", [*quake, copy], k=2, derivations=[derivation])
    assert all(s.article != "a3" for s in event.summary)
    assert event.coverage.independent_reports == 2


def test_digest_is_a_pure_function_of_its_articles():
    articles = _quake()
    first = build_event("ev", articles).to_dict()
    shuffled = list(articles)
    random.Random(3).shuffle(shuffled)
    shuffled.reverse()
    again = build_event("ev", shuffled).to_dict()
    assert json.dumps(first, sort_keys=True) == json.dumps(again, sort_keys=True)


def test_dates_years_apart_are_different_facts_not_a_disagreement():
    from kabar.digest.claims import _close_dates

    assert _close_dates({0: {"2025-06-18"}, 1: {"2025-06-17"}})  # a one-day slip: told differently
    assert not _close_dates({0: {"2025-06-05"}, 1: {"1981-02-24"}})  # a birth date beside a match
    assert _close_dates({0: {"2022"}, 1: {"2023"}})
    assert not _close_dates({0: {"2022-02"}, 1: {"2018-02"}})


def test_timeline_never_joins_two_days_through_a_month():
    articles = [
        _article("t1", "Satu", ["Gempa pertama mengguncang Kabupaten Garut pada 10 Februari 2022 malam."]),
        _article("t2", "Dua", ["Gempa mengguncang Kabupaten Garut pada Februari 2022, kata warga setempat."]),
        _article("t3", "Tiga", ["Gempa kedua mengguncang Kabupaten Garut pada 25 Februari 2022 dini hari."]),
    ]
    entries = build_timeline(articles, sentence_facts(articles))
    days = [e for e in entries if e.precision == "day"]
    assert sorted(e.date for e in days) == ["2022-02-10", "2022-02-25"]
    assert all(len(e.articles) <= 2 for e in days)
    assert not any({"t1", "t3"} <= set(e.articles) for e in entries)
