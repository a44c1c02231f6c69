"""digest.json: the Digest as JSON (field names per DESIGN.md, ``schema_version`` included)."""

from __future__ import annotations

import json
from pathlib import Path

from kabar.model import Digest


def write_json(digest: Digest, path: Path) -> Path:
    """Write ``digest`` to ``path`` as UTF-8 JSON; return the path."""
    path.write_text(json.dumps(digest.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
