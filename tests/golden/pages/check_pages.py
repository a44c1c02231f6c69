#!/usr/bin/env python3
"""Check the hand-made golden pages in this folder against their expected files.

usage: python3 check_pages.py [SLUG ...]      (stdlib only; exit status 0 when everything holds)

For every `<slug>.expected.json` beside a `<slug>.html` or `<slug>.txt`:
(a) the JSON is valid UTF-8 and has every field, with the right types and formats
    (published is ISO 8601 with an offset, published_date is its date, authors/editors are lists);
(b) every body paragraph, caption, subheading, title/section/byline/date line, boilerplate entry,
    end mark and the dateline occurs verbatim in the page's visible text.  For a text dump the
    visible text is the file and its blocks are its stripped non-empty lines.  For HTML the visible
    text is what html.parser sees outside <head>, <script>, <style>, <noscript>, <template>, <svg>
    and <iframe>, with entities decoded; it is cut into blocks at block-level tags and <br>, and
    each block and each entry is compared after collapsing whitespace (no-break spaces included);
(c) every block is accounted for: it is a whole-block entry (title_lines, section_lines,
    byline_lines, date_lines, captions, subheadings, boilerplate, title, subtitle), or it is tiled,
    left to right and separated only by whitespace, by the dateline, body paragraphs, subtitle,
    subheadings, captions and end marks; each body paragraph is used once, in order;
(d) no boilerplate entry longer than 3 characters occurs inside any body paragraph (so a cleaner
    that keeps a boilerplate line can be caught by a substring test; page numbers such as "1" are
    exempt, as in samples/score/clean.py), and no body paragraph starts with the dateline or ends
    with an end mark; no end mark is also listed as boilerplate;
(e) README.md's page table has a row per page with its style and its body and boilerplate counts.
"""

import collections
import html.parser
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent

FIELDS = {
    "file": str,
    "style": str,
    "url": str,
    "title": str,
    "subtitle": (str, type(None)),
    "section": (str, type(None)),
    "outlet": (str, type(None)),
    "authors": list,
    "editors": list,
    "published": (str, type(None)),
    "published_date": (str, type(None)),
    "dateline": (str, type(None)),
    "cited_sources": list,
    "body": list,
    "subheadings": list,
    "captions": list,
    "boilerplate": list,
    "end_marks": list,
    "notes": str,
    "title_lines": list,
    "section_lines": list,
    "byline_lines": list,
    "date_lines": list,
}
STYLES = {
    "detik",
    "kompas",
    "tribunnews",
    "liputan6",
    "cnnindonesia",
    "antaranews",
    "okezone",
    "tempo",
    "republika",
    "sindonews",
    "suara",
    "merdeka",
    "wordpress-regional",
}
LINE_FIELDS = [
    "title_lines",
    "section_lines",
    "byline_lines",
    "date_lines",
    "captions",
    "subheadings",
    "boilerplate",
]

BLOCK_TAGS = {
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "br",
}
SKIP_TAGS = {"head", "script", "style", "noscript", "template", "svg", "iframe", "object"}


def norm(s):
    """Collapse every run of whitespace (no-break spaces included) to one space and strip."""
    return re.sub(r"\s+", " ", s).strip()


class _Blocks(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.buf, self.skip = [], [], collections.Counter()

    def flush(self):
        t = norm("".join(self.buf))
        if t:
            self.blocks.append(t)
        self.buf = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIP_TAGS:
            self.skip[tag] += 1
        elif tag in BLOCK_TAGS and not sum(self.skip.values()):
            self.flush()

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK_TAGS and not sum(self.skip.values()):
            self.flush()

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS:
            if self.skip[tag]:
                self.skip[tag] -= 1
        elif tag in BLOCK_TAGS and not sum(self.skip.values()):
            self.flush()

    def handle_data(self, data):
        if not sum(self.skip.values()):
            self.buf.append(data)

    def close(self):
        super().close()
        self.flush()


def visible_blocks(path):
    """The page's visible text as a list of blocks (normalised for HTML, stripped lines for text)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        p = _Blocks()
        p.feed(text)
        p.close()
        return p.blocks, True
    return [ln.strip() for ln in text.split("\n") if ln.strip()], False


def skip_ws(s, i):
    while i < len(s) and s[i].isspace():
        i += 1
    return i


def check(exp_path):
    err = []
    try:
        g = json.loads(exp_path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        return [f"invalid JSON: {e}"]
    for k, t in FIELDS.items():
        if k not in g:
            err.append(f"missing field {k!r}")
        elif not isinstance(g[k], t):
            err.append(f"field {k!r} has type {type(g[k]).__name__}")
    if err:
        return err
    page = HERE / g["file"]
    if not page.exists() or page.stem + ".expected" != exp_path.stem:
        return [f"page {g['file']} missing or not named after {exp_path.name}"]
    if g["style"] not in STYLES:
        err.append(f"unknown style {g['style']!r}")
    if not g["url"].startswith("https://"):
        err.append(f"url is not https: {g['url']!r}")
    list_fields = ["authors", "editors", "cited_sources", "body", "subheadings", "captions", "boilerplate"]
    list_fields.append("end_marks")
    for k in [*list_fields, *LINE_FIELDS]:
        for v in g[k]:
            if not isinstance(v, str) or not v.strip():
                err.append(f"{k} holds an empty or non-string entry: {v!r}")
    for name in g["authors"] + g["editors"]:
        if name != " ".join(w[:1].upper() + w[1:] for w in name.split(" ")):
            err.append(f"name not in title case: {name!r}")
    if g["published"] is not None:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}", g["published"]):
            err.append(f"published is not ISO 8601 with offset: {g['published']!r}")
        if g["published_date"] != g["published"][:10]:
            err.append("published_date is not the date of published")
    if g["published_date"] is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", g["published_date"]):
        err.append(f"published_date is not an ISO date: {g['published_date']!r}")
    if not g["body"]:
        err.append("empty body")

    blocks, is_html = visible_blocks(page)
    fix = norm if is_html else (lambda s: s.strip())
    # (b) everything occurs verbatim in the visible text
    singles = {k: g[k] for k in ["title", "subtitle", "section", "dateline"] if g[k] is not None}
    for k, v in singles.items():
        if not any(fix(v) in b for b in blocks):
            err.append(f"{k} not in visible text: {v[:60]!r}")
    for k in ["body", "subheadings", "captions", "boilerplate", "end_marks", *LINE_FIELDS]:
        for v in g[k]:
            if not any(fix(v) in b for b in blocks):
                err.append(f"{k} entry not in visible text: {v[:60]!r}")
    # (c) coverage: every block is a whole entry or tiled by pieces
    have = collections.Counter(blocks)
    for k in LINE_FIELDS:
        for entry, n in collections.Counter(fix(x) for x in g[k]).items():
            if k in ("captions", "subheadings") and have[entry] == 0:
                continue  # run into a longer block: must be used as a piece below
            if have[entry] < n:
                err.append(
                    f"{k} entry is not a whole block (or listed more often than it occurs): {entry[:60]!r}"
                )
    whole = {fix(x) for k in LINE_FIELDS for x in g[k] if have[fix(x)]}
    whole |= {fix(x) for x in [g["title"], g["subtitle"]] if x and have[fix(x)]}
    body = [fix(p) for p in g["body"]]
    pieces = [
        fix(p)
        for p in [g["dateline"], g["subtitle"]]
        + g["body"]
        + g["subheadings"]
        + g["captions"]
        + g["end_marks"]
        if p
    ]
    used_body, used_pieces = [], set()
    for n, t in enumerate(blocks, 1):
        if t in whole:
            continue
        pos, used = skip_ws(t, 0), []
        while pos < len(t):
            cands = [p for p in pieces if t.startswith(p, pos)]
            if not cands:
                break
            p = max(cands, key=len)
            used.append(p)
            pos = skip_ws(t, pos + len(p))
        if pos < len(t):
            err.append(f"block {n} not accounted for: {t[:70]!r} (stuck at {t[pos : pos + 30]!r})")
        else:
            used_body += [p for p in used if p in body]
            used_pieces.update(used)
    for k in ["captions", "subheadings"]:
        for x in g[k]:
            if fix(x) not in whole and fix(x) not in used_pieces:
                err.append(f"{k} entry is neither a whole block nor part of a tiled block: {x[:60]!r}")
    for k in ["subtitle", "dateline"]:
        if g[k] and fix(g[k]) not in whole and fix(g[k]) not in used_pieces:
            err.append(f"{k} is neither a whole block nor part of a tiled block: {g[k][:60]!r}")
    if used_body != body:
        err.append("body paragraphs are not each used once, in order, by the page's blocks")
    # (d) boilerplate never inside the body; body free of dateline and end marks
    for b in g["boilerplate"]:
        if len(fix(b)) <= 3:
            continue  # page numbers "1", "2" and the like: too short to test, as in samples/score/clean.py
        for p in g["body"]:
            if fix(b) in fix(p):
                err.append(f"boilerplate entry {b[:40]!r} occurs inside body paragraph {p[:40]!r}")
    for p in g["body"]:
        if g["dateline"] and fix(p).startswith(fix(g["dateline"])):
            err.append(f"body paragraph starts with the dateline: {p[:50]!r}")
        for m in g["end_marks"]:
            if fix(p).endswith(fix(m)):
                err.append(f"body paragraph ends with end mark {m!r}: {p[-50:]!r}")
    for m in g["end_marks"]:
        if fix(m) in {fix(b) for b in g["boilerplate"]}:
            err.append(f"end mark {m!r} is also listed as boilerplate")
    if g["dateline"] and not any(b.startswith(fix(g["dateline"])) for b in blocks):
        err.append("no block starts with the dateline")
    return err


def check_readme(paths):
    """The README's page table lists every page once, with the right body and boilerplate counts."""
    err, rows = [], {}
    readme = HERE / "README.md"
    if not readme.exists():
        return ["README.md missing"]
    for line in readme.read_text(encoding="utf-8").splitlines():
        cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
        if cells and cells[0].endswith((".html", ".txt")):
            rows[cells[0]] = cells
    for p in paths:
        g = json.loads(p.read_text(encoding="utf-8"))
        row = rows.get(g["file"])
        if row is None:
            err.append(f"README table has no row for {g['file']}")
        elif (
            len(row) < 7
            or row[1] != g["style"]
            or row[5:7] != [str(len(g["body"])), str(len(g["boilerplate"]))]
        ):
            err.append(
                f"README row for {g['file']} does not match style/body/boilerplate "
                f"{g['style']}/{len(g['body'])}/{len(g['boilerplate'])}"
            )
    return err


def main(argv):
    paths = sorted(HERE.glob("*.expected.json"))
    if argv:
        paths = [p for p in paths if p.name.split(".")[0] in argv]
    pages = sorted(p for p in HERE.iterdir() if p.suffix in (".html", ".txt"))
    bad = 0
    for p in pages:
        if not (HERE / (p.stem + ".expected.json")).exists():
            print(f"{p.name}: no expected file")
            bad += 1
    for p in paths:
        errs = check(p)
        bad += len(errs)
        print(f"{p.name}: {'ok' if not errs else str(len(errs)) + ' problems'}")
        for e in errs:
            print("   ERROR", e)
    if not argv:
        errs = check_readme(paths)
        bad += len(errs)
        print(f"README.md: {'ok' if not errs else str(len(errs)) + ' problems'}")
        for e in errs:
            print("   ERROR", e)
    print(f"{len(paths)} pages, " + ("all good" if not bad else f"{bad} problems"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
