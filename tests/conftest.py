"""Shared fixtures: where the shared gold and development data live, and cleaned seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "samples" / "gold"
EXAMPLES = ROOT / "examples"
GOLDEN = ROOT / "tests" / "golden"
INDONEWS = SHARED / "data" / "indonews2025" / "dev.jsonl"


def need(path: Path) -> Path:
    """Skip the test when a shared resource is absent (a checkout without ../shared)."""
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path


@pytest.fixture(scope="session")
def seed_articles():
    """The bundled examples, cleaned and annotated, keyed by file name."""
    from kabar.pipeline import clean_paths

    run = clean_paths([str(EXAMPLES)])
    assert not run.skipped, run.skipped
    return {Path(a.source).name: a for a in run.articles}
