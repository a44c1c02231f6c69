"""Hand-written pages in the styles of other Indonesian portals (Foundation issue, Must show #2).

Sixteen fictional pages (8 HTML, 8 text dumps) in tests/golden/pages, written independently of
the cleaner, each with its expected result. Bar: on every page, body precision and recall
1.0 (every expected paragraph, nothing else), no listed boilerplate left in the body, and
title, outlet, authors, editors, published, published_date, dateline, subtitle, section,
subheadings, captions, end marks and cited sources equal to the expected values.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kabar.clean import clean_document
from kabar.eval.clean import norm, score_article
from kabar.model import Document
from kabar.read import read_paths
from tests.conftest import GOLDEN

PAGES = GOLDEN / "pages"
EXPECTED = sorted(PAGES.glob("*.expected.json"))
EXTRA_FIELDS = ("subtitle", "section", "subheadings", "captions", "end_marks", "cited_sources")


def test_pages_are_consistent_with_their_expected_files():
    """The pages' own checker (stdlib only): expected strings occur in the visible text."""
    result = subprocess.run([sys.executable, str(PAGES / "check_pages.py")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_there_are_enough_pages_of_both_kinds():
    kinds = [json.loads(p.read_text(encoding="utf-8"))["file"].rsplit(".", 1)[1] for p in EXPECTED]
    assert kinds.count("html") >= 5 and kinds.count("txt") >= 5 and len(kinds) >= 10


@pytest.mark.parametrize("expected_path", EXPECTED, ids=lambda p: p.name.replace(".expected.json", ""))
@pytest.mark.parametrize("with_url", [True, False], ids=["url", "no-url"])
def test_page(expected_path, with_url):
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    (doc,) = [d for d in read_paths([str(PAGES / expected["file"])]) if isinstance(d, Document)]
    if with_url:
        doc.url = expected["url"]
    article = clean_document(doc).to_dict()
    score = score_article(article, expected, expected["file"])
    assert score.precision == 1.0 and score.recall == 1.0, (score.precise, score.output_units, score.recalled)
    assert score.leaks == []
    assert score.metadata_errors == []
    for name in EXTRA_FIELDS:
        want, got = expected.get(name), article.get(name)
        if isinstance(want, list):
            assert sorted(map(norm, want)) == sorted(map(norm, got or [])), name
        else:
            assert norm(want) == norm(got), name
