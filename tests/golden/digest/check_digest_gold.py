#!/usr/bin/env python3
"""Check the hand-written digest gold files in this folder against the raw articles.

usage: python3 tests/golden/digest/check_digest_gold.py [--data PATH] [FILE.json ...]

The articles are read from ../shared/data/indonews2025/dev.jsonl (relative to the repository
root, as the other indonews tests do) or from --data; the script exits 0 with a notice when the
file is absent. For every <event-id>.json (default: all in this folder) it checks that

- the file parses and has the keys events, shared_quotes, claims, timeline, differences,
  digest_reference; the one event's id is the file name and its members are dev.jsonl ids
  labelled with that event in ../events/indonews2025-0618.jsonl (members left out are listed);
- every "file" anywhere (occurrences, evidence, files_*, timeline, differences, derivation,
  digest sentences) is a member;
- every evidence and occurrence text occurs in its article's raw text: exactly, or with
  whitespace runs normalised (NBSP, newlines), or with a space the gold inserted after a period
  or comma where the scrape glued two words ("Jakarta.Menurut"); the last two are reported;
- each claim has one evidence sentence per supporting file and no other, files_differing is a
  subset of files_supporting, files_contradicting is disjoint from it;
- each shared quote has at least two occurrences from different files;
- timeline dates are YYYY, YYYY-MM or YYYY-MM-DD and valid;
- the digest reference has 4 to 6 sentences, each with at least one file.
"""

import argparse
import datetime
import itertools
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[2]
DATA = ROOT.parent / "shared" / "data" / "indonews2025" / "dev.jsonl"
LABELS = HERE.parent / "events" / "indonews2025-0618.jsonl"
KEYS = ["events", "shared_quotes", "claims", "timeline", "differences", "digest_reference"]


def find(text, article):
    """'exact', 'normalised' or 'glue' when text occurs in article, else None."""
    if text in article:
        return "exact"
    toks = text.split()
    if not toks:
        return None
    if re.search(r"\s+".join(map(re.escape, toks)), article):
        return "normalised"
    pat = re.escape(toks[0])
    for prev, tok in itertools.pairwise(toks):
        pat += (r"\s*" if prev[-1] in ".," else r"\s+") + re.escape(tok)
    return "glue" if re.search(pat, article) else None


def all_files(gold):
    """(where, file id) for every file reference in a gold file."""
    for i, q in enumerate(gold["shared_quotes"]):
        for o in q["occurrences"]:
            yield f"shared_quotes[{i}]", o["file"]
    for i, c in enumerate(gold["claims"]):
        for k in ["files_supporting", "files_contradicting", "files_differing"]:
            for f in c[k]:
                yield f"claims[{i}].{k}", f
        for e in c["evidence"]:
            yield f"claims[{i}].evidence", e["file"]
    for k in ["timeline", "differences"]:
        for i, t in enumerate(gold[k]):
            for f in t["files"]:
                yield f"{k}[{i}]", f
    for i, d in enumerate(gold.get("derivation", [])):
        yield f"derivation[{i}]", d["file"]
    for i, s in enumerate(gold["digest_reference"]["summary_id"]):
        for f in s["files"]:
            yield f"digest_reference.summary_id[{i}]", f


def valid_date(s):
    for fmt, rx in [("%Y", r"\d{4}"), ("%Y-%m", r"\d{4}-\d{2}"), ("%Y-%m-%d", r"\d{4}-\d{2}-\d{2}")]:
        if re.fullmatch(rx, s):
            try:
                datetime.datetime.strptime(s, fmt)
                return True
            except ValueError:
                return False
    return False


def check(path, texts, labels):
    err, info = [], []
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as e:
        return [f"does not parse: {e}"], info
    missing = [k for k in KEYS if k not in gold]
    if missing:
        return [f"missing keys {missing}"], info
    if len(gold["events"]) != 1:
        err.append("expected exactly one event")
    ev = gold["events"][0]
    if ev["id"] != path.stem:
        err.append(f"event id {ev['id']} is not the file name {path.stem}")
    members = ev["members"]
    if len(set(members)) != len(members):
        err.append("duplicate members")
    labelled = {a for a, e in labels.items() if e == ev["id"]}
    for m in members:
        if m not in texts:
            err.append(f"member {m} not in dev.jsonl")
        elif m not in labelled:
            err.append(f"member {m} is not labelled {ev['id']}")
    for m in sorted(labelled - set(members)):
        info.append(f"labelled member {m} left out")
    for where, f in all_files(gold):
        if f not in members:
            err.append(f"{where}: {f} is not a member")

    spans = [
        (f"shared_quotes[{i}]", o) for i, q in enumerate(gold["shared_quotes"]) for o in q["occurrences"]
    ]
    spans += [(f"claims[{i}].evidence", e) for i, c in enumerate(gold["claims"]) for e in c["evidence"]]
    for where, s in spans:
        if s["file"] not in texts:
            continue
        how = find(s["text"], texts[s["file"]])
        if how is None:
            err.append(f"{where}: text not in {s['file']}: {s['text'][:70]!r}")
        elif how != "exact":
            info.append(f"{where}: {how} match in {s['file']}: {s['text'][:50]!r}")

    for i, c in enumerate(gold["claims"]):
        sup, ev_files = c["files_supporting"], [e["file"] for e in c["evidence"]]
        if not sup:
            err.append(f"claims[{i}]: no supporting file")
        if len(set(sup)) != len(sup) or sorted(sup) != sorted(ev_files):
            err.append(f"claims[{i}]: evidence files {ev_files} are not one per supporting file {sup}")
        if not set(c["files_differing"]) <= set(sup):
            err.append(f"claims[{i}]: files_differing not within files_supporting")
        if set(c["files_contradicting"]) & set(sup):
            err.append(f"claims[{i}]: a file both supports and contradicts")
    for i, q in enumerate(gold["shared_quotes"]):
        fs = [o["file"] for o in q["occurrences"]]
        if len(set(fs)) < 2 or len(set(fs)) != len(fs):
            err.append(f"shared_quotes[{i}]: needs two or more occurrences from different files, one each")
        if not q.get("speaker"):
            err.append(f"shared_quotes[{i}]: no speaker")
    for i, t in enumerate(gold["timeline"]):
        if not valid_date(t["date"]):
            err.append(f"timeline[{i}]: bad date {t['date']!r}")
        if not t["files"]:
            err.append(f"timeline[{i}]: no files")
    sents = gold["digest_reference"]["summary_id"]
    if not 4 <= len(sents) <= 6:
        err.append(f"digest_reference: {len(sents)} sentences, expected 4 to 6")
    for i, s in enumerate(sents):
        if not s["files"]:
            err.append(f"digest_reference.summary_id[{i}]: no files")
    n_diff = sum(1 for c in gold["claims"] if c["files_differing"])
    info.insert(
        0,
        f"{len(members)} articles, {len(gold['claims'])} claims ({n_diff} differing), "
        f"{len(gold['shared_quotes'])} shared quotes, {len(gold['timeline'])} timeline entries, "
        f"{len(gold['differences'])} differences",
    )
    return err, info


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=pathlib.Path, default=DATA)
    ap.add_argument("files", nargs="*", type=pathlib.Path)
    args = ap.parse_args()
    if not args.data.exists():
        print(f"{args.data} not found: nothing checked")
        return 0
    texts = {}
    with args.data.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            texts[d["id"]] = d["text"]
    labels = {}
    with LABELS.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            labels[d["id"]] = d["event"]
    files = args.files or sorted(HERE.glob("*.json"))
    bad = 0
    for p in files:
        err, info = check(p, texts, labels)
        print(f"{p.name}: {'OK' if not err else f'{len(err)} error(s)'}")
        for m in info:
            print(f"  . {m}")
        for m in err:
            print(f"  ! {m}")
        bad += bool(err)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
