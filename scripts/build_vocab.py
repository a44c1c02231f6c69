"""Rebuild ``src/kabar/clean/data/vocab_id.tsv``: Indonesian word frequencies for the glued-word
splitter, from sources whose licences allow shipping a derived word list:

* IndoSum development folds (CC BY-SA 4.0): ``../shared/data/indosum/dev.jsonl``;
* IndoNLU NER training splits (Apache-2.0): ``../shared/data/ner/*_train.jsonl``;
* simplemma's Indonesian dictionary (the forms it lemmatises; MIT), from the installed wheel.

Only lower-cased alphabetic tokens and their counts are written (no text). Deterministic:
the same inputs give the same file. Usage: ``python scripts/build_vocab.py [SHARED_DATA_DIR]``.
"""

from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path

WORD = re.compile(r"[A-Za-z]+")


def main(shared: Path) -> None:
    counts: collections.Counter[str] = collections.Counter()
    for line in (shared / "indosum" / "dev.jsonl").open(encoding="utf-8"):
        obj = json.loads(line)
        for paragraph in obj["paragraphs"]:
            for sentence in paragraph:
                counts.update(w.lower() for w in WORD.findall(sentence))
    for name in ("nergrit_train.jsonl", "nerp_train.jsonl"):
        for line in (shared / "ner" / name).open(encoding="utf-8"):
            obj = json.loads(line)
            counts.update(w.lower() for t in obj["tokens"] for w in WORD.findall(t))
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    dictionary = DefaultDictionaryFactory().get_dictionary("id")
    for form in list(dictionary.keys()):
        for w in WORD.findall(form):
            counts[w.lower()] += 1
    out = Path(__file__).resolve().parent.parent / "src" / "kabar" / "clean" / "data" / "vocab_id.tsv"
    rows = sorted(((w, c) for w, c in counts.items() if c >= 2 and len(w) >= 2), key=lambda x: (-x[1], x[0]))
    with out.open("w", encoding="utf-8") as f:
        f.write("# Indonesian word frequencies (lower case) for the glued-word splitter.\n")
        f.write("# Built by scripts/build_vocab.py from IndoSum dev (CC BY-SA 4.0), IndoNLU NER train\n")
        f.write("# (Apache-2.0) and simplemma's Indonesian forms (MIT). Words and counts only.\n")
        for w, c in rows:
            f.write(f"{w}\t{c}\n")
    print(f"{len(rows)} words -> {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "data")
