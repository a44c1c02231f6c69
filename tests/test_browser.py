"""The HTML pages in a real headless browser (Debian's Chromium through Playwright's sync API).

Skipped only when ``/usr/bin/chromium`` or the ``playwright`` package is missing; never runs
``playwright install``. Each test saves a full-page screenshot under its pytest tmp dir and
prints the path.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from kabar.pipeline import digest_articles
from kabar.render import write_outputs
from kabar.render.html import event_filename
from tests.test_render import fixture_digest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PNG = b"\x89PNG\r\n\x1a\n"


@contextlib.contextmanager
def _page():
    """A fresh page in headless Chromium; every request it makes is listed in ``page.requests``."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install -y chromium fonts-liberation)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install -e '.[dev]')")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 800})
            requests: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            page.requests = requests  # type: ignore[attr-defined]
            yield page
        finally:
            browser.close()


def _screenshot(page, path: Path) -> Path:
    page.screenshot(path=str(path), full_page=True)
    print(f"screenshot: {path}")
    data = path.read_bytes()
    assert data[:8] == PNG and len(data) > 20_000, (path, len(data))
    return path


def _visible_texts(locator) -> list[str]:
    return [
        locator.nth(i).inner_text().strip() for i in range(locator.count()) if locator.nth(i).is_visible()
    ]


def test_seed_event_page_in_chromium(tmp_path, seed_articles):
    """The seed event (the five bundled examples): headline, five sources, merged quotes, timeline.

    The quote and timeline assertions need the digest issue's quote merging and timeline."""
    digest = digest_articles(list(seed_articles.values()))
    out = tmp_path / "out"
    write_outputs(digest, out)
    event = max(digest.events, key=lambda e: len(e.articles))
    assert len(event.articles) == 5
    with _page() as page:
        page.goto((out / "index.html").as_uri())
        page.get_by_role("link", name=event.title).click()
        page.wait_for_load_state()
        assert page.url.endswith(event_filename(event))
        _screenshot(page, tmp_path / "seed-event.png")

        headline = page.locator("#headline")
        assert headline.is_visible() and headline.inner_text().strip() == event.title
        sources = _visible_texts(page.locator("#sources > li"))
        assert len(sources) == 5, sources
        outlets = {seed.outlet for seed in seed_articles.values() if seed.outlet}
        assert all(any(o in s for s in sources) for o in outlets), (outlets, sources)
        assert all(r.startswith("file://") for r in page.requests), page.requests

        # quotes several outlets carry are shown open; one outlet's own quotes are folded away
        quotes = page.locator("#quotes > figure.quote")
        assert page.locator("#quotes").is_visible(), "no quotes section"
        assert quotes.count() >= 3, f"{quotes.count()} merged quotes"
        assert all(quotes.nth(i).locator(".wordings li").count() >= 2 for i in range(quotes.count()))
        for i in range(quotes.count()):
            speaker = quotes.nth(i).locator(".speaker")
            assert speaker.is_visible() and speaker.inner_text().strip()
            assert quotes.nth(i).locator("blockquote").is_visible()
        timeline = _visible_texts(page.locator("#timeline li"))
        assert len(timeline) >= 4, timeline


def test_fixture_event_page_in_chromium(tmp_path):
    """Every section of a filled digest renders visibly; citations jump to their source."""
    digest = fixture_digest()
    out = tmp_path / "out"
    write_outputs(digest, out)
    event = digest.events[0]
    with _page() as page:
        page.goto((out / "index.html").as_uri())
        assert page.locator("#events .event").count() == 1
        assert "4 artikel, 4 media, 3 laporan independen" in page.locator("#events").inner_text()
        page.get_by_role("link", name=event.title).click()
        page.wait_for_load_state()
        _screenshot(page, tmp_path / "fixture-event.png")

        assert page.locator("#headline").inner_text().strip() == event.title
        assert page.title() == event.title
        sources = _visible_texts(page.locator("#sources > li"))
        assert len(sources) == 4 and sources[1].startswith("detikNews"), sources
        assert "4 Maret 2024, 06.30 WIB" in sources[0]

        quotes = page.locator("#quotes figure.quote")
        assert quotes.count() == 4
        assert _visible_texts(page.locator("#quotes .speaker")) == ["Tri Adhianto", "Siti Aminah"]  # shared
        page.locator("#quotes details.more > summary").click()  # unfold one outlet's quotes
        speakers = _visible_texts(page.locator("#quotes .speaker"))
        assert speakers == ["Tri Adhianto", "Siti Aminah", "Abdul Muhari", "pembicara tidak disebut"]
        wordings = _visible_texts(quotes.nth(0).locator(".wordings li"))
        assert len(wordings) == 2 and "detikNews" in wordings[1] and "siapkan 40 posko" in wordings[1]

        timeline = _visible_texts(page.locator("#timeline li"))
        assert len(timeline) == 4 and timeline[0].startswith("3 Maret 2024"), timeline
        assert timeline[2].startswith("Maret 2024") and timeline[3].startswith("2020")

        claims = page.locator("#claims")
        assert _visible_texts(claims.locator("h3")) == ["DILAPORKAN BERBEDA", "DISEPAKATI BEBERAPA MEDIA"]
        assert not claims.locator(".claims-single").is_visible()  # folded until asked for
        claims.locator("details.more > summary").click()
        assert claims.locator(".claims-single").is_visible()
        rows = _visible_texts(claims.locator(".claims-differs tr"))
        assert len(rows) == 4 and "3.500" in rows[2] and "detikNews" in rows[2], rows
        assert page.locator("#derivations").is_visible()

        page.locator("#summary .cite a", has_text="[2]").first.click()
        assert page.url.endswith("#src-2")
        assert page.locator("#src-2").evaluate("e => e.matches(':target')")
        assert all(r.startswith("file://") for r in page.requests), page.requests
