"""Metrics and gold loaders behind ``kabar eval`` and the golden tests."""

from __future__ import annotations

from pathlib import Path

# a checkout sits beside ../shared (development data, the seeds' gold)
CHECKOUT = Path(__file__).resolve().parents[3]


def shared_dir(*parts: str) -> Path:
    """``../shared/<parts>`` next to the working directory or the checkout, whichever exists
    (the working directory's first); the working directory's when neither does, so an error
    names the place a user would put it."""
    for base in (Path.cwd().parent, CHECKOUT.parent):
        candidate = base.joinpath("shared", *parts)
        if candidate.exists():
            return candidate
    return Path.cwd().parent.joinpath("shared", *parts)
