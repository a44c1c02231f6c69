"""Language-layer quality against the seeds' gold: sentences, dates, entities, numbers, quotes.

The rules follow ``samples/score/lang.py`` (the scorer the project is judged by):

* sentences: F1 over exact sentence strings (NFKC, single spaces);
* dates: accuracy over gold mentions — found when an output mention contains the gold one (or
  the other way round) and its value starts with the gold value ("2024-06-19T…" counts for
  "2024-06-19");
* entities: F1 over names, an output name counting when it is the gold canonical name or one
  of its surface forms (case-insensitive);
* numbers: F1 over the sets of values;
* quotes: F1 over direct quotes, matched when one text contains the other at ≥ 80 % of its
  length; speaker accuracy over gold direct quotes (a missed quote or an abstention is wrong).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from kabar.model import Article

BARS = {
    "sentence_f1": 0.98,
    "dates_acc": 0.90,
    "entity_f1": 0.90,
    "numbers_f1": 0.90,
    "quote_f1": 0.95,
    "speaker_acc": 0.95,
}


def norm(text: object) -> str:
    """NFKC, single spaces, stripped."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", str(text or ""))).strip()


def _f1(tp: int, n_pred: int, n_gold: int) -> float:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _quote_match(a: str, b: str) -> bool:
    a, b = norm(a).strip("“”\"'‘’ "), norm(b).strip("“”\"'‘’ ")
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    return short in long_ and len(short) / len(long_) >= 0.8


@dataclass(slots=True)
class LangScore:
    """Counts behind the six figures; ``figures()`` gives the ratios."""

    sentences: tuple[int, int, int] = (0, 0, 0)  # true positives, predicted, gold
    dates: tuple[int, int] = (0, 0)  # found, gold
    entities: tuple[int, int, int] = (0, 0, 0)
    numbers: tuple[int, int, int] = (0, 0, 0)
    quotes: tuple[int, int, int] = (0, 0, 0)
    speakers: tuple[int, int] = (0, 0)  # right, gold quotes

    def figures(self) -> dict[str, float]:
        """sentence_f1, dates_acc, entity_f1, numbers_f1, quote_f1, speaker_acc."""
        return {
            "sentence_f1": round(_f1(*self.sentences), 4),
            "dates_acc": round(self.dates[0] / max(1, self.dates[1]), 4),
            "entity_f1": round(_f1(*self.entities), 4),
            "numbers_f1": round(_f1(*self.numbers), 4),
            "quote_f1": round(_f1(*self.quotes), 4),
            "speaker_acc": round(self.speakers[0] / max(1, self.speakers[1]), 4),
        }

    def add(self, other: LangScore) -> LangScore:
        """The sum of two scores (counts add up)."""

        def plus(a: tuple, b: tuple) -> tuple:
            return tuple(x + y for x, y in zip(a, b, strict=True))

        return LangScore(
            plus(self.sentences, other.sentences),
            plus(self.dates, other.dates),
            plus(self.entities, other.entities),
            plus(self.numbers, other.numbers),
            plus(self.quotes, other.quotes),
            plus(self.speakers, other.speakers),
        )


def score_article(article: Article, gold: dict) -> LangScore:
    """One article's annotations against its gold JSON object."""
    gs = {norm(s) for s in gold.get("sentences", [])}
    out_s = {norm(s.text) for s in article.sentences}
    sentences = (len(gs & out_s), len(out_s), len(gs))
    found = 0
    for d in gold.get("dates_in_text", []):
        gm, gv = norm(d["mention"]), str(d["value"])
        if any(
            (gm in norm(x.mention) or norm(x.mention) in gm) and x.value.startswith(gv)
            for x in article.dates_in_text
        ):
            found += 1
    dates = (found, len(gold.get("dates_in_text", [])))
    gold_names = [
        {norm(x).lower() for x in [e["name"], *e.get("mentions", [])]} for e in gold.get("entities", [])
    ]
    out_names = {norm(e.name).lower() for e in article.entities}
    hit = sum(1 for names in gold_names if names & out_names)
    good = sum(1 for x in out_names if any(x in names for names in gold_names))
    entities = (hit, len(out_names) - good + hit, len(gold_names))
    gn = {float(n["value"]) for n in gold.get("numbers", [])}
    on = {float(n.value) for n in article.numbers}
    numbers = (len(gn & on), len(on), len(gn))
    gq = [q for q in gold.get("quotes", []) if q.get("direct", True)]
    oq = [q for q in article.quotes if q.direct]
    tp = right = 0
    for q in gq:
        match = next((x for x in oq if _quote_match(x.text, q["text"])), None)
        if match is not None:
            tp += 1
            right += norm(match.speaker).lower() == norm(q.get("speaker")).lower()
    return LangScore(sentences, dates, entities, numbers, (tp, len(oq), len(gq)), (right, len(gq)))


def load_gold(gold_dir: Path) -> dict[str, dict]:
    """Gold objects by seed file name ("000_….txt") from ``gold_dir``."""
    return {
        p.name.replace(".json", ".txt"): json.loads(p.read_text("utf-8"))
        for p in sorted(gold_dir.glob("0*.json"))
    }
