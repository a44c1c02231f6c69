"""Renderers: hostile article text stays inert in Markdown and HTML."""

from __future__ import annotations

from kabar.model import Article
from kabar.pipeline import digest_articles
from kabar.render import write_outputs
from kabar.render.html import safe_url
from kabar.render.markdown import escape_md

EVIL = '<script>alert(1)</script><img src=x onerror="alert(2)">'


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


def test_only_http_urls_become_links():
    assert safe_url("https://kompas.com/a") == "https://kompas.com/a"
    for bad in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        " https://x",
        None,
    ]:
        assert safe_url(bad) is None


def test_markdown_escaping_blocks_links_and_html():
    text = escape_md("[klik](javascript:alert(1)) <script> # judul")
    assert "](" not in text.replace("\\](", "") and "<script>" not in text
