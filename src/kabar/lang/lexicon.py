"""Reading the data files of the language layer (``lang/data/``) and of later stages: one
place that skips blank and comment lines, splits columns and names the file and line of a
malformed row."""

from __future__ import annotations

from importlib import resources


def data_text(name: str, package: str = "kabar.lang") -> str:
    """The text of ``<package>/data/<name>`` (``lang/data`` unless another stage's package is named)."""
    return resources.files(package).joinpath(f"data/{name}").read_text("utf-8")


def data_lines(name: str, package: str = "kabar.lang") -> list[tuple[int, str]]:
    """``(line number, stripped line)`` of every line that is neither blank nor a ``#`` comment."""
    out = []
    for number, line in enumerate(data_text(name, package).splitlines(), 1):
        line = line.strip()
        if line and not line.startswith("#"):
            out.append((number, line))
    return out


def data_rows(
    name: str, columns: int | tuple[int, ...], expected: str, package: str = "kabar.lang"
) -> list[tuple[int, list[str]]]:
    """Tab-separated rows of ``lang/data/<name>``; a row with another number of ``columns``
    raises ValueError("<name>:<line>: expected <expected>")."""
    allowed = (columns,) if isinstance(columns, int) else columns
    out = []
    for number, line in data_lines(name, package):
        parts = line.split("\t")
        if len(parts) not in allowed:
            raise ValueError(f"{name}:{number}: expected {expected}")
        out.append((number, parts))
    return out
