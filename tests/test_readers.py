"""Readers: one per input kind, folders and globs, stdin, and guarded URL fetching."""

from __future__ import annotations

import gzip
import http.server
import io
import json
import threading
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from kabar.model import Document, Skipped
from kabar.read import ReadOptions, read_bytes, read_paths
from kabar.read.web import fetch_document
from tests.conftest import EXAMPLES

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Banjir Rendam Tiga Desa - Kabar Kita</title>
<meta property="og:site_name" content="Kabar Kita"></head><body>
<nav><a href="/">Beranda</a> <a href="/daerah">Daerah</a></nav>
<article><h1>Banjir Rendam Tiga Desa</h1>
<p>GRESIK, Kabarkita.id - Banjir setinggi satu meter merendam tiga desa di Kecamatan Benjeng
sejak Selasa pagi.</p>
<p>Warga mengungsi ke balai desa dan masjid terdekat sambil menunggu air surut, kata kepala desa setempat.</p>
<p>Baca juga: Jembatan Putus, Warga Menyeberang dengan Rakit</p>
<p>Badan Penanggulangan Bencana Daerah mengirim perahu karet dan bantuan makanan ke lokasi banjir.</p>
</article><footer>Copyright © 2025 Kabar Kita</footer></body></html>"""


def _docs(items):
    return [d for d in items if isinstance(d, Document)]


def test_text_folder_recurses_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ["b/2.txt", "1.txt"]:
        (tmp_path / name).write_text(
            "Judul\n\nIsi berita yang cukup panjang untuk dibaca.\n", encoding="utf-8"
        )
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    docs = _docs(read_paths([str(tmp_path)]))
    assert [Path(d.source).relative_to(tmp_path).as_posix() for d in docs] == ["1.txt", "b/2.txt"]
    assert all(d.kind == "text" for d in docs)


def test_glob_and_examples():
    docs = _docs(read_paths([str(EXAMPLES / "00[0-1]*.txt")]))
    assert [Path(d.source).name[:3] for d in docs] == ["000", "001"]


def test_html_reader_uses_declared_charset(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(
        PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace("©", "\u00a9").encode("cp1252")
    )
    (doc,) = _docs(read_paths([str(page)]))
    assert doc.kind == "html" and "©" in doc.html


def test_jsonl_hints_are_kept(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(
        json.dumps(
            {
                "text": "Isi.",
                "url": "https://x.id/a",
                "title": "T",
                "published": "2025-06-18T14:05:00+07:00",
                "outlet": "x",
                "authors": ["A", "B"],
            }
        )
        + "\n\n"
        + json.dumps({"html": "<p>x</p>"})
        + "\n",
        encoding="utf-8",
    )
    first, second = _docs(read_paths([str(path)]))
    assert (first.url, first.title, first.published, first.outlet, first.authors) == (
        "https://x.id/a",
        "T",
        "2025-06-18T14:05:00+07:00",
        "x",
        "A, B",
    )
    assert first.source.endswith("a.jsonl:1") and second.kind == "html" and second.source.endswith(":3")


def test_jsonl_line_without_text_is_reported(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"title": "no body"}\n[1, 2]\n', encoding="utf-8")
    skipped = [s for s in read_paths([str(path)]) if isinstance(s, Skipped)]
    assert [s.source.rsplit(":", 1)[1] for s in skipped] == ["1", "2"]
    assert 'no "text" or "html"' in skipped[0].reason and "not an object" in skipped[1].reason


def _warc(records: list[tuple[str, str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, ctype, payload in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers)
        )
    return buffer.getvalue()


def test_warc_reads_html_responses_only(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(
        _warc(
            [
                ("https://kabarkita.id/banjir", "text/html; charset=utf-8", PAGE.encode()),
                ("https://kabarkita.id/logo.png", "image/png", b"\x89PNG"),
            ]
        )
    )
    (doc,) = _docs(read_paths([str(path)]))
    assert doc.url == "https://kabarkita.id/banjir" and doc.kind == "html" and "Benjeng" in doc.html


def test_broken_warc_is_reported(tmp_path):
    path = tmp_path / "broken.warc"
    path.write_bytes(b"WARC/1.0\r\nthis is not a record")
    items = list(read_paths([str(path)]))
    assert items and all(isinstance(i, Skipped) for i in items)


FEED = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Kabar Kita</title>
<item><title>Banjir Rendam Tiga Desa</title><link>https://kabarkita.id/banjir</link>
<pubDate>Wed, 19 Jun 2024 07:57:00 +0700</pubDate><description><![CDATA[{body}]]></description></item>
<item><title>Teaser saja</title><link>https://kabarkita.id/teaser</link><description>Singkat.</description></item>
</channel></rss>"""


def test_feed_full_text_items_and_teasers(tmp_path):
    body = "<p>" + "Banjir setinggi satu meter merendam tiga desa di Kecamatan Benjeng. " * 10 + "</p>"
    path = tmp_path / "feed.rss"
    path.write_text(FEED.format(body=body), encoding="utf-8")
    items = list(read_paths([str(path)]))
    doc = next(i for i in items if isinstance(i, Document))
    assert doc.title == "Banjir Rendam Tiga Desa" and doc.url == "https://kabarkita.id/banjir"
    assert doc.published == "2024-06-19T07:57:00+07:00"  # the outlet's own offset, not UTC
    teaser = next(i for i in items if isinstance(i, Skipped))
    assert "--fetch" in teaser.reason


def test_stdin_is_sniffed(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(PAGE.encode())))
    (doc,) = _docs(read_paths(["-"]))
    assert doc.kind == "html" and doc.source == "-"


def test_gzip_sniffed_as_warc():
    items = list(read_bytes(gzip.compress(b"not a warc"), "x.bin", None, ReadOptions()))
    assert items and isinstance(items[0], Skipped)


def test_urls_need_fetch():
    (item,) = read_paths(["https://example.com/berita"])
    assert isinstance(item, Skipped) and "--fetch" in item.reason


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/redirect")
            self.end_headers()
            return
        body = PAGE.encode() if self.path != "/big" else b"x" * 50_000
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_loopback_is_refused_without_allow_private(server):
    (item,) = fetch_document(server + "/page", ReadOptions(fetch=True))
    assert isinstance(item, Skipped) and "non-public address 127.0.0.1" in item.reason


def test_loopback_fetch_with_allow_private(server):
    (doc,) = fetch_document(server + "/page", ReadOptions(fetch=True, allow_private=True))
    assert isinstance(doc, Document) and doc.kind == "html" and doc.url == server + "/page"


def test_fetch_size_cap_and_redirect_limit(server):
    options = ReadOptions(fetch=True, allow_private=True, max_bytes=10_000, max_redirects=3)
    (big,) = fetch_document(server + "/big", options)
    assert isinstance(big, Skipped) and "cap" in big.reason
    (loop,) = fetch_document(server + "/redirect", options)
    assert isinstance(loop, Skipped) and "more than 3 redirects" in loop.reason


def test_non_http_scheme_refused():
    (item,) = fetch_document("file:///etc/passwd", ReadOptions(fetch=True, allow_private=True))
    assert isinstance(item, Skipped) and "http" in item.reason


def test_json_file_with_a_list_of_articles(tmp_path):
    path = tmp_path / "articles.json"
    path.write_text(
        json.dumps(
            {
                "articles": [
                    {"text": "Isi berita satu.", "title": "Satu"},
                    {"text": "Isi berita dua.", "title": "Dua"},
                ]
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    docs = _docs(read_paths([str(path)]))
    assert [d.title for d in docs] == ["Satu", "Dua"] and docs[1].source.endswith("#2")
