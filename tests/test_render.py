"""Renderers: digest.json against its shipped JSON Schema, Markdown and HTML sections, labels,
and hostile article text that stays inert everywhere."""

from __future__ import annotations

import copy
import dataclasses
import json
import re

import pytest

from kabar import model
from kabar.model import (
    Article,
    ArticleFlag,
    ArticleRef,
    Claim,
    ClaimVariant,
    Coverage,
    Derivation,
    Digest,
    Event,
    MergedQuote,
    QuoteOccurrence,
    SummarySentence,
    TimelineEntry,
)
from kabar.pipeline import digest_articles
from kabar.render import render_markdown, write_outputs
from kabar.render.html import safe_url
from kabar.render.jsonfile import cited_ids, load_schema, schema_path, unresolved_ids
from kabar.render.labels import format_date, format_published, labels_for
from kabar.render.markdown import escape_md

EVIL = '<script>alert(1)</script><img src=x onerror="alert(2)">'
EVIL_MD = "[klik](javascript:alert(1)) ![x](javascript:alert(2))"


def fixture_digest(evil: str = "", language: str = "id") -> Digest:
    """A digest of one event of four articles from four outlets, with every section filled:
    summary, three merged quotes (one worded differently by two outlets, one without a
    speaker), four timeline entries (day, month, year), claims of each kind, a derivation.
    ``evil`` is appended to every text an article supplies."""
    x = evil
    ids = ["art-kompas", "art-detik", "art-antara", "art-tempo"]
    outlets = ["Kompas.com", "detikNews", "ANTARA", f"Tempo{x}"]
    articles = [
        ArticleRef(
            id=i,
            source=f"examples/{i}.txt",
            title=f"Banjir rendam Bekasi, ribuan warga mengungsi ({o}){x}",
            outlet=o,
            published=f"2024-03-0{n + 4}T0{n + 6}:30:00+07:00",
            url=("javascript:alert(3)" if n == 3 else f"https://{o.lower()[:6]}.example/banjir?a=1&b=2"),
            language=language,
            flags=[ArticleFlag("translated", 3.0, ["evidence"])] if n == 2 else [],
        )
        for n, (i, o) in enumerate(zip(ids, outlets, strict=True))
    ]
    k, d, a, t = ids
    event = Event(
        id="ev-banjir",
        title=f"Banjir rendam Bekasi, ribuan warga mengungsi{x}",
        date="2024-03-04",
        articles=ids,
        summary=[
            SummarySentence(
                f"Banjir merendam tujuh kecamatan di Bekasi pada Senin (4/3/2024).{x}",
                k,
                0,
                60,
                [k, d, a],
                {k: 1.0, d: 0.72, a: 0.41},
            ),
            SummarySentence(
                f"Sebanyak 3.200 warga mengungsi ke sekolah dan masjid.{x}", d, 61, 120, [d], {d: 1.0}
            ),
        ],
        quotes=[
            MergedQuote(
                "Tri Adhianto",
                f"Kami sudah menyiapkan 40 posko pengungsian{x}",
                [
                    QuoteOccurrence(k, f"Kami sudah menyiapkan 40 posko pengungsian{x}", 10, 50),
                    QuoteOccurrence(d, f"Kami telah siapkan 40 posko untuk pengungsi{x}", 12, 55),
                ],
            ),
            MergedQuote(
                "Abdul Muhari",
                f"Curah hujan ekstrem masih akan terjadi hingga pekan depan{x}",
                [QuoteOccurrence(a, f"Curah hujan ekstrem masih akan terjadi hingga pekan depan{x}")],
            ),
            MergedQuote(
                "Siti Aminah",
                f"Air masuk rumah jam dua pagi{x}",
                [
                    QuoteOccurrence(d, f"Air masuk rumah jam dua pagi{x}"),
                    QuoteOccurrence(t, f"Air sudah masuk rumah sejak pukul 02.00{x}"),
                ],
            ),
            MergedQuote(
                None, f"Kami butuh selimut dan air bersih{x}", [QuoteOccurrence(t, "Kami butuh selimut")]
            ),
        ],
        timeline=[
            TimelineEntry(
                "2024-03-03", f"Hujan deras mengguyur Bekasi sejak Minggu malam.{x}", [k, d], "day", k
            ),
            TimelineEntry(
                "2024-03-04", f"Tanggul Kali Bekasi jebol pada Senin dini hari.{x}", [k, a, t], "day", a
            ),
            TimelineEntry(
                "2024-03", f"BMKG memperingatkan hujan ekstrem sepanjang Maret.{x}", [a], "month", a
            ),
            TimelineEntry("2020", f"Banjir serupa terjadi pada 2020.{x}", [t], "year", t),
        ],
        claims=[
            Claim(f"Tujuh kecamatan terendam.{x}", [k, d, a], kind="agreed"),
            Claim(
                f"Jumlah pengungsi{x}",
                [k],
                [d, t],
                note=f"angka per Senin sore{x}",
                kind="differs",
                aspect="number",
                variants=[
                    ClaimVariant(k, f"3.200 warga mengungsi{x}", "3.200"),
                    ClaimVariant(d, f"Sekitar 3.500 warga mengungsi{x}", "3.500"),
                    ClaimVariant(t, f"Lebih dari 4.000 jiwa mengungsi{x}", f"4.000{x}"),
                ],
            ),
            Claim(
                f"Tanggul jebol pukul 01.00.{x}",
                [t],
                kind="single",
                variants=[ClaimVariant(t, f"Tanggul jebol pukul 01.00.{x}", "01.00")],
            ),
        ],
        derivations=[Derivation(k, a, "near_copy", 0.93, [f"Banjir merendam tujuh kecamatan{x}"])],
        coverage=Coverage(4, 4, 3, outlets[0]),
        explanation=[f"{k} ↔ {d}: p=0.97 (term_cosine +1.9){x}"],
        language=language,
    )
    return Digest(articles=articles, events=[event], generated="2024-03-05T10:00:00+00:00")


def _validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _hostile_articles() -> list[Article]:
    body = [
        f"Warga Jakarta menolak rencana itu {EVIL} dalam rapat umum di balai kota hari Senin.",
        "Rapat berlangsung hingga malam dan warga meminta pemerintah mendengar suara mereka.",
    ]
    return [
        Article(
            id=f"a{i}",
            source=f"evil{i}.html",
            title=f"Judul {EVIL}",
            outlet=f"Outlet{i} <b>",
            url="javascript:alert(3)" if i == 0 else "https://contoh.id/berita?a=1&b=<x>",
            body=list(body),
        )
        for i in range(2)
    ]


# ---------------------------------------------------------------- JSON and its schema


def test_schema_ships_in_the_package():
    path = schema_path()
    assert path.is_file() and path.parent.name == "data" and path.parent.parent.name == "render"
    assert load_schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_json_has_schema_version_and_validates(tmp_path):
    validator = _validator()
    for lang in ("id", "en"):
        write_outputs(fixture_digest(EVIL, lang), tmp_path)
        data = json.loads((tmp_path / "digest.json").read_text(encoding="utf-8"))
        assert data["schema_version"] == model.SCHEMA_VERSION
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
        assert not errors, errors


def test_real_digest_of_the_examples_validates(tmp_path, seed_articles):
    validator = _validator()
    digest = digest_articles(list(seed_articles.values()))
    write_outputs(digest, tmp_path)
    data = json.loads((tmp_path / "digest.json").read_text(encoding="utf-8"))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
    assert not errors, errors
    assert data["events"] and data["schema_version"] == model.SCHEMA_VERSION
    assert not unresolved_ids(data)


def test_schema_rejects_broken_digests():
    validator = _validator()
    good = fixture_digest().to_dict()
    assert validator.is_valid(good)

    def broken(change) -> dict:
        data = copy.deepcopy(good)
        change(data)
        return data

    bad = [
        broken(lambda d: d.pop("schema_version")),
        broken(lambda d: d["events"][0].pop("coverage")),
        broken(lambda d: d["events"][0]["summary"][0].pop("citations")),
        broken(lambda d: d["events"][0]["summary"][0]["support"].update({"x": "high"})),
        broken(lambda d: d["events"][0]["coverage"].update(articles="4")),
        broken(lambda d: d["events"][0]["claims"][0].update(kind="maybe")),
        broken(lambda d: d["events"][0]["claims"][1].update(aspect="mood")),
        broken(lambda d: d["events"][0]["derivations"][0].update(kind="plagiarism")),
        broken(lambda d: d["events"][0]["timeline"][0].update(date="Senin")),
        broken(lambda d: d["events"][0]["quotes"][0].update(occurrences={"a": 1})),
        broken(lambda d: d["articles"][0].update(id=7)),
        broken(lambda d: d["events"][0].update(surprise=True)),
        broken(lambda d: d.update(schema_version="2.0")),
    ]
    for n, data in enumerate(bad):
        assert not validator.is_valid(data), n


def test_schema_lists_every_field_of_the_model():
    """The schema and Digest.to_dict() name the same fields, all of them required."""
    defs = load_schema()["$defs"]
    classes = {
        "article": model.ArticleRef,
        "flag": model.ArticleFlag,
        "summary_sentence": model.SummarySentence,
        "quote": model.MergedQuote,
        "quote_occurrence": model.QuoteOccurrence,
        "timeline_entry": model.TimelineEntry,
        "claim": model.Claim,
        "claim_variant": model.ClaimVariant,
        "derivation": model.Derivation,
        "coverage": model.Coverage,
        "event": model.Event,
        "skipped": model.Skipped,
    }
    schema = load_schema()
    fields = {f.name for f in dataclasses.fields(model.Digest)}
    assert set(schema["properties"]) == fields == set(schema["required"])
    for name, cls in classes.items():
        fields = {f.name for f in dataclasses.fields(cls)}
        assert set(defs[name]["properties"]) == fields, name
        assert set(defs[name]["required"]) == fields, name


def test_every_cited_article_id_resolves(seed_articles):
    for digest in (fixture_digest(), digest_articles(list(seed_articles.values()))):
        data = json.loads(json.dumps(digest.to_dict()))
        assert cited_ids(data)
        assert not unresolved_ids(data)
    data = fixture_digest().to_dict()
    data["events"][0]["quotes"][0]["occurrences"][0]["article"] = "art-missing"
    data["events"][0]["claims"][1]["variants"][0]["article"] = "art-missing"
    assert [w for w, _ in unresolved_ids(data)] == [
        "events[0].quotes[0].occurrences[0].article",
        "events[0].claims[1].variants[0].article",
    ]


# ---------------------------------------------------------------- Markdown


def _event_block(md: str) -> str:
    return md.split("\n## ", 1)[1]


def test_markdown_has_every_section():
    md = render_markdown(fixture_digest())
    block = _event_block(md)
    assert md.startswith("# Ringkasan berita\n")
    assert block.startswith("Banjir rendam Bekasi, ribuan warga mengungsi\n")
    assert "*4 Maret 2024 · 4 artikel, 4 media, 3 laporan independen · pertama terbit: Kompas.com*" in block
    # summary: citation numbers and support
    assert "Senin (4/3/2024). [1][2][3]\n  *dukungan: [1] 1.00, [2] 0.72, [3] 0.41*" in block
    # quotes: speaker, canonical text, each outlet's wording with its number
    assert "- **Tri Adhianto**: “Kami sudah menyiapkan 40 posko pengungsian” [1][2]" in block
    assert "  - [2] detikNews: “Kami telah siapkan 40 posko untuk pengungsi”" in block
    assert "- **Abdul Muhari**: “Curah hujan ekstrem masih akan terjadi hingga pekan depan” [3]\n-" in block
    assert "- ***pembicara tidak disebut***: “Kami butuh selimut dan air bersih” [4]" in block
    # timeline: dates at their precision, citations
    assert "- **3 Maret 2024**: Hujan deras mengguyur Bekasi sejak Minggu malam. [1][2]" in block
    assert "- **Maret 2024**: BMKG" in block and "- **2020**: Banjir serupa" in block
    # claims, grouped, with each variant's value and outlet
    headings = re.findall(r"^#### (.+)$", block, re.M)
    assert headings == ["Dilaporkan berbeda", "Disepakati beberapa media", "Hanya dari satu media"]
    assert "- Tujuh kecamatan terendam. [1][2][3]" in block
    assert "- Jumlah pengungsi [1][2][4] — yang berbeda: angka" in block
    assert "  - [2] detikNews: **3.500** — “Sekitar 3.500 warga mengungsi”" in block
    assert "  - [4] Tempo: **4.000** — “Lebih dari 4.000 jiwa mengungsi”" in block
    assert "  - *catatan: angka per Senin sore*" in block
    assert "- Tanggul jebol pukul 01.00. [4]" in block
    # derivations and sources
    assert "- [3] ANTARA — salinan hampir sama dari [1] Kompas.com (skor 0.93)" in block
    assert "1. **Kompas.com**: [Banjir rendam Bekasi, ribuan warga mengungsi (Kompas.com)]" in block
    assert "(https://kompas.example/banjir?a=1&b=2) (4 Maret 2024, 06.30 WIB)" in block
    assert "4. **Tempo**: Banjir rendam" in block  # a javascript: URL does not link
    assert "— *tanda: tampak terjemahan*" in block
    assert "*Mengapa digabung: [1] ↔ [2]: p=0.97" in block


def test_labels_follow_the_event_language_and_lang_overrides(tmp_path):
    en = render_markdown(fixture_digest(language="en"))
    assert en.startswith("# News digest\n") and "### Timeline" in en and "#### Reported differently" in en
    assert "*4 March 2024 · 4 articles, 4 outlets, 3 independent reports" in en
    assert "*speaker not named*" in en and "near copy of" in en
    forced = render_markdown(fixture_digest(language="en"), lang="id")
    assert "### Linimasa" in forced and "### Timeline" not in forced
    write_outputs(fixture_digest(language="en"), tmp_path, lang="id")
    page = (tmp_path / "ev-banjir.html").read_text(encoding="utf-8")
    assert '<html lang="id">' in page and "Linimasa" in page
    write_outputs(fixture_digest(language="en"), tmp_path)
    page = (tmp_path / "ev-banjir.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in page and "Timeline" in page and "Each outlet&#39;s wording" in page


def test_dates_are_written_for_readers():
    lab_id, lab_en = labels_for("id"), labels_for("en")
    assert format_date("2024-06-19", lab_id) == "19 Juni 2024"
    assert format_date("2024-06-19", lab_en, "month") == "June 2024"
    assert format_date("2024-06", lab_id) == "Juni 2024"
    assert format_date("2024-06-19", lab_id, "year") == "2024"
    assert format_date(None, lab_id) == "tanpa tanggal"
    assert format_date("kemarin", lab_id) == "kemarin"
    assert format_published("2024-06-19T07:57:00+07:00", lab_id) == "19 Juni 2024, 07.57 WIB"
    assert format_published("2024-06-19T07:57:00+09:00", lab_en) == "19 June 2024, 07:57 WIT"
    assert format_published("2024-06-19T07:57:00Z", lab_en) == "19 June 2024, 07:57 UTC"


# ---------------------------------------------------------------- HTML


def test_html_pages_are_self_contained_and_citations_resolve(tmp_path):
    paths = write_outputs(fixture_digest(), tmp_path)
    names = sorted(p.name for p in paths)
    assert names == ["digest.json", "digest.md", "ev-banjir.html", "index.html"]
    for name in ("index.html", "ev-banjir.html"):
        page = (tmp_path / name).read_text(encoding="utf-8")
        assert "<script" not in page.lower() and "<link" not in page.lower()
        assert not re.search(r"\ssrc=", page) and "url(" not in page and "@import" not in page
        for href in re.findall(r'href="([^"]*)"', page):
            assert href.startswith(("#src-", "https://")) or href.endswith(".html"), href
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert 'href="ev-banjir.html"' in index and "Banjir rendam Bekasi" in index
    assert "4 artikel, 4 media, 3 laporan independen" in index and "detikNews" in index
    page = (tmp_path / "ev-banjir.html").read_text(encoding="utf-8")
    anchors = set(re.findall(r'id="(src-\d+)"', page))
    assert anchors == {"src-1", "src-2", "src-3", "src-4"}
    assert {h[1:] for h in re.findall(r'href="(#src-\d+)"', page)} <= anchors
    for section in ("summary", "quotes", "timeline", "claims", "derivations", "sources"):
        assert f'id="{section}"' in page, section
    assert page.count('<figure class="quote">') == 4 and page.count('<span class="speaker">') == 4
    assert '<time datetime="2024-03">Maret 2024</time>' in page
    assert "<td>3.500</td>" in page and 'class="badge">yang berbeda: angka' in page
    assert '<span class="outlet">ANTARA</span>' in page


def test_hostile_text_is_inert_in_html_and_markdown(tmp_path):
    from kabar.lang.annotate import annotate

    digest = digest_articles([annotate(a) for a in _hostile_articles()])
    paths = write_outputs(digest, tmp_path)
    for path in paths:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".html":
            assert "<script>" not in text and "onerror=" not in text.replace("onerror=&#34;", "")
            assert "&lt;script&gt;" in text
            assert 'href="javascript:' not in text
            assert "<b>" not in text
        if path.suffix == ".md":
            assert "<script>" not in text and "\\<script\\>" in text
    event_page = next(p for p in paths if p.name.startswith("ev-"))
    html = event_page.read_text(encoding="utf-8")
    assert 'href="https://contoh.id/berita?a=1&amp;b=&lt;x&gt;"' in html or "contoh.id" not in html


@pytest.mark.parametrize("evil", [EVIL, EVIL_MD, "\n# Judul palsu\n- item\n"])
def test_hostile_quotes_claims_and_timeline_are_inert(tmp_path, evil):
    digest = fixture_digest(evil)
    write_outputs(digest, tmp_path)
    md = (tmp_path / "digest.md").read_text(encoding="utf-8")
    pages = [(tmp_path / n).read_text(encoding="utf-8") for n in ("index.html", "ev-banjir.html")]
    for page in pages:
        assert "<script" not in page and "<img" not in page and 'href="javascript' not in page
    page = pages[1]
    if evil == EVIL:
        # every text of every section carried the payload, and every copy is escaped
        escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
        assert page.count(escaped) >= 30
        for section in ("quotes", "timeline", "claims", "summary", "derivations"):
            part = page.split(f'id="{section}"', 1)[1].split("</section>", 1)[0]
            assert escaped in part, section
        assert not re.search(r"(?<!\\)<", md) and md.count("\\<script\\>") >= 25
    if evil == EVIL_MD:
        assert not re.search(r"(?<!\\)\]\(javascript", md) and "\\[klik\\](javascript:alert(1))" in md
    if evil.startswith("\n"):
        assert "\n# Judul palsu" not in md and not re.search(r"^- item", md, re.M)
        assert len(re.findall(r"^## ", md, re.M)) == 1
    json.loads((tmp_path / "digest.json").read_text(encoding="utf-8"))


def test_only_http_urls_become_links():
    assert safe_url("https://kompas.com/a") == "https://kompas.com/a"
    for bad in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        " https://x",
        'https://x/"><script>',
        None,
    ]:
        assert safe_url(bad) is None


def test_markdown_escapes_only_what_would_form_markup():
    assert escape_md("3.200 warga") == "3.200 warga"
    assert escape_md("3. warga") == "3\\. warga" and escape_md("# judul") == "\\# judul"
    assert escape_md("a_b *c*") == "a\\_b \\*c\\*"


def test_markdown_escaping_blocks_links_and_html():
    text = escape_md("[klik](javascript:alert(1)) <script> # judul")
    assert "](" not in text.replace("\\](", "") and "<script>" not in text


def test_skipped_inputs_are_listed_escaped(tmp_path):
    digest = fixture_digest()
    digest.skipped = [model.Skipped(f"rusak{EVIL}.html", "not UTF-8 <b>: convert it with iconv")]
    write_outputs(digest, tmp_path)
    md = (tmp_path / "digest.md").read_text(encoding="utf-8")
    assert "## Masukan yang dilewati\n\n- rusak\\<script\\>" in md
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert 'id="skipped"' in index and "<script" not in index and "not UTF-8 &lt;b&gt;" in index


def test_a_source_without_outlet_is_named_by_its_file_or_host():
    digest = fixture_digest()
    digest.articles[1].outlet = None
    digest.articles[1].source = "/data/crawl/2024/banjir-bekasi.html"
    digest.articles[1].url = None
    digest.articles[2].outlet = None
    md = render_markdown(digest)
    assert "2. **banjir-bekasi.html**:" in md and "/data/crawl" not in md
    assert "3. **antara.example**:" in md


def test_a_sentence_that_is_a_quote_is_not_quoted_twice():
    from kabar.render.view import quoted

    assert quoted("Gempa mengguncang Garut.") == "“Gempa mengguncang Garut.”"
    assert quoted("“Kami siaga,” kata Daryono.") == "“Kami siaga,” kata Daryono."
    assert quoted('"Kami siaga," kata Daryono.') == '"Kami siaga," kata Daryono.'
