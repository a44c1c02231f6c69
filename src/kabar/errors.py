"""One exception hierarchy. Messages name the input and say what to do."""

from __future__ import annotations


class KabarError(Exception):
    """Base of every error kabar raises on purpose."""


class InputError(KabarError):
    """An input could not be read. ``source`` names it; ``reason`` says why and what to do."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ConfigError(KabarError):
    """A bad option or resource (lexicon, model file)."""


class UsageError(KabarError):
    """The command line asks for something that cannot be done (exit code 2)."""
