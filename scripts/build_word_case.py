"""Rebuild ``src/kabar/lang/data/word_case.tsv``: how each word is usually written inside a
sentence (lower case, Capitalised, ALL CAPS or mixed), a feature of the NER tagger: a word
that is capitalised mid-sentence nearly always is a name, one that is mostly lower case is not.

Sources (cased text whose licences allow a derived word list): IndoSum development folds
(CC BY-SA 4.0, ``../shared/data/indosum/dev.jsonl``) and NERGrit's training split (Apache-2.0).
Sentence-initial tokens are not counted. Only words seen 3+ times are written, as
``word<TAB>class``. Deterministic. Usage: ``python scripts/build_word_case.py [SHARED_DATA_DIR]``.
"""

from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path

WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
MIN_COUNT = 3


def _sentences(shared: Path):
    for line in (shared / "indosum" / "dev.jsonl").open(encoding="utf-8"):
        for paragraph in json.loads(line)["paragraphs"]:
            for sentence in paragraph:
                yield WORD.findall(sentence)
    for line in (shared / "ner" / "nergrit_train.jsonl").open(encoding="utf-8"):
        yield [t for t in json.loads(line)["tokens"] if WORD.fullmatch(t)]


def classify(lower: int, capital: int, upper: int) -> str:
    """L (mostly lower case), C (mostly Capitalised), U (mostly ALL CAPS) or M (mixed)."""
    total = lower + capital + upper
    if lower >= 0.9 * total:
        return "L"
    if capital >= 0.9 * total:
        return "C"
    if upper >= 0.8 * total:
        return "U"
    return "M"


def main(shared: Path) -> None:
    counts: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0])
    for words in _sentences(shared):
        for w in words[1:]:
            c = counts[w.lower()]
            if w.islower():
                c[0] += 1
            elif w.isupper() and len(w) > 1:
                c[2] += 1
            elif w[0].isupper():
                c[1] += 1
    out = Path(__file__).resolve().parent.parent / "src" / "kabar" / "lang" / "data" / "word_case.tsv"
    rows = sorted((w, classify(*c)) for w, c in counts.items() if sum(c) >= MIN_COUNT)
    with out.open("w", encoding="utf-8") as f:
        f.write("# How a word is usually written inside a sentence:\n")
        f.write("# L lower case, C Capitalised, U ALL CAPS, M mixed.\n")
        f.write("# Built by scripts/build_word_case.py from IndoSum dev (CC BY-SA 4.0) and NERGrit train\n")
        f.write("# (Apache-2.0). Words and classes only.\n")
        for w, k in rows:
            f.write(f"{w}\t{k}\n")
    print(f"{len(rows)} words -> {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "data")
