"""digest.json: the Digest as JSON (field names per DESIGN.md, ``schema_version`` included).

The JSON Schema (draft 2020-12) of the file ships in the package: :func:`schema_path` gives
its path, :func:`load_schema` the parsed schema. JSON Schema cannot say that an article id
cited by an event is one of ``articles[].id``; :func:`unresolved_ids` checks that.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from kabar.model import Digest

SCHEMA_FILE = "digest.schema.json"


def write_json(digest: Digest, path: Path) -> Path:
    """Write ``digest`` to ``path`` as UTF-8 JSON; return the path."""
    path.write_text(json.dumps(digest.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def schema_path() -> Path:
    """Path of the shipped JSON Schema of digest.json."""
    return Path(str(resources.files("kabar.render") / "data" / SCHEMA_FILE))


def load_schema() -> dict[str, Any]:
    """The JSON Schema of digest.json."""
    return json.loads(schema_path().read_text(encoding="utf-8"))


def cited_ids(data: dict[str, Any]) -> list[tuple[str, str]]:
    """Every article id the events of a digest.json cite, each with where (a JSON path)."""
    out: list[tuple[str, str]] = []

    def add(where: str, value: Any) -> None:
        if value is not None:
            out.append((where, value))

    for e, event in enumerate(data.get("events", [])):
        at = f"events[{e}]"
        for i, a in enumerate(event.get("articles", [])):
            add(f"{at}.articles[{i}]", a)
        for s, sentence in enumerate(event.get("summary", [])):
            add(f"{at}.summary[{s}].article", sentence.get("article"))
            for i, a in enumerate(sentence.get("citations", [])):
                add(f"{at}.summary[{s}].citations[{i}]", a)
            for a in sentence.get("support", {}):
                add(f"{at}.summary[{s}].support.{a}", a)
        for q, quote in enumerate(event.get("quotes", [])):
            for o, occ in enumerate(quote.get("occurrences", [])):
                add(f"{at}.quotes[{q}].occurrences[{o}].article", occ.get("article"))
        for t, entry in enumerate(event.get("timeline", [])):
            add(f"{at}.timeline[{t}].article", entry.get("article"))
            for i, a in enumerate(entry.get("articles", [])):
                add(f"{at}.timeline[{t}].articles[{i}]", a)
        for c, claim in enumerate(event.get("claims", [])):
            for key in ("articles_agree", "articles_differ"):
                for i, a in enumerate(claim.get(key, [])):
                    add(f"{at}.claims[{c}].{key}[{i}]", a)
            for v, variant in enumerate(claim.get("variants", [])):
                add(f"{at}.claims[{c}].variants[{v}].article", variant.get("article"))
        for d, derivation in enumerate(event.get("derivations", [])):
            add(f"{at}.derivations[{d}].source", derivation.get("source"))
            add(f"{at}.derivations[{d}].derived", derivation.get("derived"))
    return out


def unresolved_ids(data: dict[str, Any]) -> list[tuple[str, str]]:
    """The cited ids of a digest.json that are not in its ``articles``, or not in the citing
    event's own ``articles`` (an event cites only its members); empty when all resolve."""
    known = {a["id"] for a in data.get("articles", [])}
    bad = []
    members = {f"events[{e}]": set(ev.get("articles", [])) for e, ev in enumerate(data.get("events", []))}
    for where, value in cited_ids(data):
        event = where.split(".", 1)[0]
        if value not in known or value not in members.get(event, set()):
            bad.append((where, value))
    return bad
