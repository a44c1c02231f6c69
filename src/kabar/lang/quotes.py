"""Quotes and reported speech, with the words that name their speaker.

Direct quotes are the words between quote marks, in every style (“ ” " " « » „, and ‘ ’ when
it holds three words or more: a single-quoted word is a scare quote), including a quote opened
in one paragraph and closed in a later one (journalists reopen the mark at each paragraph).
Reported speech is a sentence of the form "X mengatakan (bahwa) …", "Menurut X, …" or "…,
kata X." without quote marks.

The speaker is found by cue patterns (``data/speech_cues.tsv``), in this order:

1. after the quote: "“…,” kata Menteri Luar Negeri AS Antony Blinken" / "“…,” Putin menambahkan"
   / "“…,” ujar ketua majelis hakim Rosihan" / "“…,” ujar hakim" (a bare role: the last
   person the article gave that role);
2. before it: "Putin mengatakan: “…”", "Menurut Kim, “…”", "Kata dia, “…”";
3. the subject of the sentence holding the quote ("Stoltenberg menyinggung “konsekuensi”");
4. nothing: a sign or a title ("spanduk bertuliskan “…”") has no speaker, and neither has a
   quote no pattern explains (abstain rather than guess).

This module returns the speaker *mention* (its span and text, "ujarnya" for a clitic, "Ia"
for a pronoun); :mod:`kabar.lang.annotate` resolves it to a canonical entity, a pronoun or
clitic to the last named speaker.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from kabar.lang.lexicon import data_lines, data_rows
from kabar.lang.patterns import alternation as _alt

SINGLE_QUOTE_MIN_WORDS = 3
CUE_WINDOW = 160  # characters after a quote searched for "kata X"
BEFORE_WINDOW = 200  # characters before a quote searched for "X mengatakan:"
MAX_BROKEN_PARAGRAPHS = 2
_OPEN = "“«„"
_CURLY = re.compile("[“”]")
# where a quote can open: a mark of _OPENING_MARKS, or ” opening the text or a paragraph (a
# slip). The marks are searched as one character class, which the regex engine skips through
# much faster than an alternation; the ” elsewhere are passed over in quote_spans.
_OPENING_MARKS = re.compile('[“«„"‘”]')
_CLOSE = "”»"


@dataclass(frozen=True, slots=True)
class FoundQuote:
    """A quote or reported speech: ``start``/``end`` of its words; the speaker mention's span
    (None when no pattern names one) and text; the cue; ``pronoun`` when the mention stands for
    the last named speaker; ``sign`` when the words are written, not spoken."""

    start: int
    end: int
    direct: bool
    cue: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_mention: str | None
    pronoun: bool = False
    sign: bool = False
    from_subject: bool = False  # the speaker is the sentence's subject, no cue names it
    role: bool = False  # the mention is a bare role ("ujar hakim"): the last person with that role


@dataclass(frozen=True, slots=True)
class _Cues:
    after: tuple[str, ...]
    verbs: tuple[str, ...]
    according: tuple[str, ...]
    signs: tuple[str, ...]
    reports: tuple[str, ...]
    pronouns: frozenset[str]
    clause: frozenset[str]
    floor: tuple[str, ...]
    openers: tuple[str, ...]
    plural: frozenset[str]
    resumes: tuple[str, ...]


def plural_pronoun(mention: str) -> bool:
    """Does the pronoun ``mention`` stand for several people ("mereka", "they": ``plural`` in
    ``speech_cues.tsv``)? Then no one person is its speaker."""
    return mention.lower() in _cues().plural


@functools.cache
def floor_verbs() -> tuple[str, ...]:
    """Reporting verbs and the verbs that give a person the floor (``speech_cues.tsv`` kinds
    ``verb`` and ``floor``), longest first: a person named just before one of them has
    taken the floor ("Tri Agustina mengatakan …", "Nur Mahmudi juga angkat bicara")."""
    cues = _cues()
    return tuple(sorted({*cues.verbs, *cues.floor}, key=len, reverse=True))


def floor_openers() -> tuple[str, ...]:
    """Phrases before a name that give that person the floor (``speech_cues.tsv`` kinds
    ``according`` and ``opener``: "menurut", "dalam pandangan")."""
    cues = _cues()
    return cues.according + cues.openers


@functools.cache
def _cues() -> _Cues:
    kinds: dict[str, list[str]] = {}
    for _, parts in data_rows("speech_cues.tsv", 2, "kind<TAB>phrases"):
        kinds.setdefault(parts[0], []).extend(p.strip() for p in parts[1].split("|") if p.strip())
    known = {
        "after",
        "verb",
        "according",
        "sign",
        "report",
        "pronoun",
        "clause",
        "floor",
        "opener",
        "plural",
        "resumes",
    }
    unknown = set(kinds) - known
    if unknown:
        raise ValueError(f"speech_cues.tsv: unknown kinds {sorted(unknown)}")
    by_len = lambda k: tuple(sorted(kinds.get(k, []), key=len, reverse=True))  # noqa: E731
    return _Cues(
        by_len("after"),
        by_len("verb"),
        by_len("according"),
        by_len("sign"),
        by_len("report"),
        frozenset(kinds.get("pronoun", [])),
        frozenset(kinds.get("clause", [])),
        by_len("floor"),
        by_len("opener"),
        frozenset(kinds.get("plural", [])),
        by_len("resumes"),
    )


# a name or a role and a name: capitalised words, with the lower-case words roles and names
# carry ("juru bicara", "bin", "de", "dan"), brackets for an abbreviation ("(KCNA)")
_NAME = (
    r"(?:[A-Z][\w.'’-]*|\([A-Z][\w.'’-]*\)"
    r"|(?:de|bin|binti|van|von|al|el|ibn|juru|bicara|kantor|berita|agensi|of)(?![\w.'’-]))"
)
_ADVERBS = r"(?i:juga|pun|telah|sempat|kembali|sebelumnya|kemudian|lantas|lalu|pula|memang|sendiri)"
# "kata Kepala Desa Sukamaju, Asep Saepudin", "kata juru bicara Aliansi, Wahyu": a name after a
# role, set off by a comma (not a degree: "dr. Andreas, M.Ked"; then
# punctuation, or where and when it was said: "…, Rosihan Juhriah Rangkuti di ruang sidang")
_APPOSITIVE = (
    r"(?:,\s+(?![A-Z][A-Za-z]{0,2}\.[A-Za-z])(?P<appos>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,5})"
    r"(?=\s*(?:[.,!?;]|\(|$|(?:di|saat|ketika|dalam|usai|seusai|setelah|sebelum|pada|kepada)\s)))"
)


@functools.cache
def _name_titles() -> tuple[str, ...]:
    """Lower-case titles written before a name (``data/name_titles.txt``)."""
    return tuple(line for _, line in data_lines("name_titles.txt"))


def _role_words() -> frozenset[str]:
    from kabar.lang.entities import role_words

    return frozenset(w for w in role_words() if w.isalpha())


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    c = _cues()
    after = _alt(c.after)
    verbs = _alt(c.verbs)
    pronouns = [p for p in c.pronouns if p != "nya"]
    pron = _alt(pronouns)
    # a pronoun is not a name ("Ia mengatakan": the pronoun alternative reads it); English names
    # may open with "the" ("the White House said")
    capitalised = _alt(p[0].upper() + p[1:] for p in pronouns)
    # lower-case role words may open a name ("ujar ketua majelis hakim Rosihan Juhriah"); alone
    # they are a bare role ("ujar hakim"), which names the last person holding it
    roles = _alt(sorted(_role_words(), key=len, reverse=True))
    role_run = rf"(?:(?:{roles})\s+){{0,5}}"
    # a lower-case title may stand before the name ("ujar dr. Rina Sari", data/name_titles.txt)
    titles = rf"(?:(?:{_alt(_name_titles())})\s+)?"
    speaker = (
        rf"(?P<speaker>(?!(?:{capitalised})\b)(?:the\s+)?{role_run}{titles}(?:{_NAME})(?:\s+(?:{_NAME}))*)"
    )
    bare_role = rf"(?P<role>(?:{roles})(?:\s+(?:{roles})){{0,3}})(?![\w-])"
    return {
        # “…,” kata Putin / “…,” ujarnya / “…,” kata dia / “…,” Putin menambahkan
        "after_cue": re.compile(
            rf"\s*[,.?!]?\s*(?P<cue>(?i:{after}|{verbs}))(?![\w-])"
            rf"(?:\s+(?:{speaker}{_APPOSITIVE}?|(?P<pron>(?i:{pron}))\b|{bare_role}))?"
        ),
        "after_description": re.compile(
            rf"\s*[,.?!]?\s*(?P<cue>(?i:{after}|{verbs}))\s+(?P<desc>[a-z][^,.“”\"\n]{{2,60}}?\s(?:tersebut|itu|ini))\b"
        ),
        # the subject of a sentence with an embedded quote ("Stoltenberg menyinggung “…”"), with
        # an appositive: "Karine Jean-Pierre, juru bicara Gedung Putih, menambahkan"
        "subject": re.compile(
            rf"^\s*[“\"]?(?:{speaker}|(?P<pron>{capitalised}))"
            r"(?:\s*,[^,“\"]{1,80},)?"
            r"\s+(?P<cue>(?:telah |juga |pun |sempat |kembali )?[a-z]+(?: [a-z]+)?)"
        ),
        "after_name": re.compile(rf"\s*[,.?!]?\s*{speaker}\s+(?P<cue>(?i:{verbs}|{after}))(?![\w-])"),
        # “…,” she said / “…,” dia menambahkan
        "after_pron": re.compile(
            rf"\s*[,.?!]?\s*(?P<pron>(?i:{pron}))\s+(?P<cue>(?i:{verbs}|{after}))(?![\w-])"
        ),
        # Putin mengatakan: “… / Putin mengatakan bahwa “… / Kata Kim, “…
        "before_cue": re.compile(
            rf"(?:{speaker}|(?P<pron>\b(?i:{pron})))\s+(?P<cue>(?i:{verbs}|{after}))(?:\s+bahwa)?\s*[,:]?\s*$"
        ),
        "before_kata": re.compile(
            rf"(?P<cue>(?i:kata|ujar|menurut|according to))\s+"
            rf"(?:{speaker}|(?P<pron>(?i:{pron}))\b)\s*[,:]\s*$"
        ),
        "sign": re.compile(rf"(?<!\w)(?i:{_alt(c.signs)})\s*[,:]?\s*$"),
        # a sentence that opens "Menurut X, …" and quotes words further on: X's words
        "according_open": re.compile(rf"\s*(?P<cue>(?i:menurut|according to))\s+{speaker}\s*,"),
        "report_after": re.compile(rf"\s*[,.]?\s*(?P<cue>(?i:{_alt(c.reports)}))\s+{speaker}"),
        # reported speech
        # "X mengatakan …", "X, Kapolres Y, mengatakan …", "A Syukri dari WALHI menyebut bahwa …",
        # "Boeing sebelumnya mengatakan, …"
        "rep_verb": re.compile(
            rf"^(?:{speaker}(?:\s+dari\s+[A-Z][^,“\"]{{1,60}}?)?(?:\s*\([^)]{{1,20}}\))?(?:\s*,(?P<rappos>[^,“\"]{{1,80}}),)?"
            rf"|(?P<pron>(?i:{pron})))\s*,?\s+(?:{_ADVERBS}\s+)*"
            rf"(?P<cue>(?i:{verbs}))(?:\s+bahwa)?\s*,?\s+(?P<words>[^“\"«].+?)[.!?]?$"
        ),
        # "Pelatih timnas Indonesia, Patrick Kluivert, menegaskan bahwa …"
        "rep_role_name": re.compile(
            rf"^[A-Z][^,“\"]{{1,80}},\s+{speaker}\s*,?\s+(?:{_ADVERBS}\s+)*"
            rf"(?P<cue>(?i:{verbs}))(?:\s+bahwa)?\s*,?\s+(?P<words>[^“\"«].+?)[.!?]?$"
        ),
        # "Menurutnya, …", "Disampaikannya, …": the clitic names the last speaker
        "rep_fronted_clitic": re.compile(
            r"^(?P<cue>(?:Menurut|Kata|Disampaikan|Dijelaskan|Ditambahkan|Dikatakan|Ditegaskan|Disebutkan)nya)"
            r"\s*,\s*(?P<words>[^“\"«].+?)[.!?]?$"
        ),
        # "Dijelaskan Deka, …", "Kata Sekda Suyasa, …", "Dikatakan dia, …"
        "rep_fronted": re.compile(
            rf"^(?P<cue>Kata|Dijelaskan|Disampaikan|Ditambahkan|Dikatakan|Ditegaskan|Disebutkan|Diungkapkan)\s+"
            rf"(?:{speaker}|(?P<pron>(?i:{pron}))\b)\s*,\s*(?P<words>[^“\"«].+?)[.!?]?$"
        ),
        # "Menurut Budi, …", "Menurut Direktur X, Budi, …", "Menurut dia, …" (the last speaker)
        "rep_according": re.compile(
            rf"^(?P<cue>(?i:{_alt(c.according)}))\s+(?:{speaker}"
            rf"(?:\s*,\s*(?P<rappos>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{1,3}})(?=\s*,))?"
            rf"|(?P<pron>(?i:{pron}))\b)"
            rf"\s*,\s*(?P<words>[^“\"«].+?)[.!?]?$"
        ),
        # "Pemerintah kota, lanjut Dedie, akan membangun …": the cue in the middle of the words
        "rep_mid": re.compile(
            rf"^(?P<words>[^“\"«].+?),\s*(?P<cue>(?i:{after}))(?:\s+{speaker})?"
            rf"\s*,\s*(?P<tail>(?:{_alt(c.resumes)})\s[^“\"]+?)[.!?]?$"
        ),
        "rep_after": re.compile(
            rf"^(?P<words>[^“\"«].+?),\s*(?P<cue>(?i:{after}))(?:\s+{speaker})?"
            r"(?:\s*,\s*[^,“\"]{1,80})?\s*[.!?]?$"  # "…, kata Rina, pedagang di Pasar Kramat Jati."
        ),
        # "…, demikian laporan KCNA." / "…, seperti dilaporkan Reuters."
        "rep_report": re.compile(
            rf"^(?P<words>[^“\"«].+?),\s*(?P<cue>(?i:{_alt(c.reports)}))\s+{speaker}\s*[.!?]?$"
        ),
    }


def quote_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the words inside each pair of quote marks, in order."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    done = 0  # text before this is inside a quote already found
    last_close = max(text.rfind(c) for c in '”»"’')  # no quote opens after the last closing mark
    for m in _OPENING_MARKS.finditer(text):
        i = m.start()
        if i >= last_close:
            break
        if i < done or (text[i] == "”" and i > 0 and text[i - 1] != "\n"):
            continue  # inside a quote found already; a closing mark that opens no paragraph
        ch = text[i]
        straight = ch == '"' and (i == 0 or text[i - 1].isspace() or text[i - 1] in "([:—–-")
        if ch == "”":  # a paragraph opened with the closing mark: a scraper's or a typist's slip
            end = text.find("”", i + 1)
            if end != -1 and "\n" not in text[i:end]:
                spans.append((i + 1, end))
                done = end + 1
            continue
        if ch in _OPEN or straight:
            end = _closing(text, i + 1, straight)
            if end is not None:
                spans.append((i + 1, end))
                done = end + 1
        elif ch == "‘" and (i == 0 or not text[i - 1].isalnum()):
            end = text.find("’", i + 1)
            while end != -1 and end + 1 < n and text[end + 1].isalnum():  # "Ma’ruf": an apostrophe
                end = text.find("’", end + 1)
            if (
                end != -1
                and "\n" not in text[i:end]
                and len(text[i + 1 : end].split()) >= SINGLE_QUOTE_MIN_WORDS
            ):
                spans.append((i + 1, end))
                done = end + 1
    return spans


def _closing(text: str, start: int, straight: bool) -> int | None:
    """Where the quote opened before ``start`` closes. Across paragraphs when the next one
    reopens the quote (the print convention for a long quote), or when a scraper broke the
    quote's paragraph: the next paragraph closes a quote it never opened."""
    closers = '"”' if straight else _CLOSE + '"'  # pages mix them: "…” closes
    openers = _OPEN + ('"' if straight else "")
    if not straight:  # “… “besok” …”: a quote inside the quote closes first
        line_end = text.find("\n", start)
        depth = 0
        for m in _CURLY.finditer(text, start, len(text) if line_end == -1 else line_end):
            if m.group() == "“":
                depth += 1
            elif depth:
                depth -= 1
            else:
                return m.start() if m.start() > start else None
    i = start
    breaks = 0
    while True:
        candidates = [p for p in (text.find(c, i) for c in closers) if p != -1]
        cut = text.find("\n", i)
        close = min(candidates) if candidates else -1
        if close != -1 and (cut == -1 or close < cut):
            return close if close > start else None
        if cut == -1:
            return None
        j = cut
        while j < len(text) and text[j].isspace():
            j += 1
        if j < len(text) and (text[j] in _OPEN or text[j] == '"'):
            i = j + 1  # the quote goes on in the next paragraph
            continue
        breaks += 1
        nxt = text.find("\n", j)
        paragraph = text[j : len(text) if nxt == -1 else nxt]
        first_close = min((p for p in (paragraph.find(c) for c in closers) if p != -1), default=-1)
        first_open = min((p for p in (paragraph.find(c) for c in openers) if p != -1), default=-1)
        if (
            breaks <= MAX_BROKEN_PARAGRAPHS
            and first_close != -1
            and (first_open == -1 or first_close < first_open)
        ):
            i = j  # the next paragraph closes it: one quote the scraper cut in two
            continue
        return None


def _trim_speaker(m: re.Match[str]) -> tuple[int, int, str] | None:
    start, end = m.start("speaker"), m.end("speaker")
    mention = m.group("speaker").rstrip(".")
    end = start + len(mention)
    return (start, end, mention) if mention else None


def _pronoun_quote(
    qs: int, qe: int, direct: bool, m: re.Match[str], group: str, offset: int, cue: str | None = None
) -> FoundQuote:
    """A quote whose speaker mention is the match's ``group`` (shifted by ``offset``) and
    stands for the last named speaker: a pronoun, a clitic cue, an anaphoric description."""
    return FoundQuote(
        qs,
        qe,
        direct,
        cue if cue is not None else m.group("cue"),
        offset + m.start(group),
        offset + m.end(group),
        m.group(group),
        True,
    )


def _clitic_cue(cue: str) -> bool:
    """Is ``cue`` a cue with the clitic -nya ("ujarnya", "katanya"; "kisahnya", "ceritanya",
    whose bare words are no cue: “Malin Kundang” cerita rakyat itu is a title), which names its
    speaker itself? "tanya" ends in "nya" but is a cue of its own."""
    low = cue.lower()
    after = _cues().after
    return low.endswith("nya") and (low[:-3] in after or (low in after and len(low) - 3 >= 3))


def find_quotes(text: str, sentences: list[tuple[int, int]]) -> list[FoundQuote]:
    """Quotes and reported speech in ``text`` (an article's body, paragraphs joined by a blank
    line); ``sentences`` are its sentence spans, used to bound the cue search."""
    pats = _patterns()
    out: list[FoundQuote] = []
    quoted = quote_spans(text)
    starts = [a for a, _ in sentences]
    for qs, qe in quoted:
        k = bisect.bisect_right(starts, max(0, qs - 1)) - 1  # the sentence holding the opening mark
        sent = sentences[k] if k >= 0 and sentences[k][1] > qs - 1 else (max(0, qs - 200), qe + 200)
        out.append(_attribute(text, qs, qe, sent, pats))
    quote_starts = [qs for qs, _ in quoted]
    for a, b in sentences:
        k = bisect.bisect_left(quote_starts, b)  # quotes opening before the sentence ends
        if k > 0 and max(qe for _, qe in quoted[max(0, k - 4) : k]) > a:
            continue  # a sentence inside or overlapping a quote is not reported speech
        found = _reported(text, a, b, pats)
        if found is not None:
            out.append(found)
    return sorted(out, key=lambda q: q.start)


def _ends_spoken(text: str, qs: int, qe: int) -> bool:
    """Do the quoted words end in a mark, as spoken words do before the quote closes (a title
    does not: “Bunda” pesan moral lagu itu)?"""
    return text[qs:qe].rstrip()[-1:] in ",.!?…"


def _attribute(text: str, qs: int, qe: int, sentence: tuple[int, int], pats) -> FoundQuote:
    """Speaker of the quote ``text[qs:qe]`` (see the module docstring for the order)."""
    after_start = qe + 1
    line_end = text.find("\n", after_start)
    after_end = min(len(text) if line_end == -1 else line_end, after_start + CUE_WINDOW)
    tail = text[after_start:after_end]
    # the cue search before a quote looks at most BEFORE_WINDOW characters back: a regex
    # anchored at the quote, run over a whole long sentence, would cost its length squared
    before_start = max(sentence[0], qs - 1 - BEFORE_WINDOW)
    before = text[before_start : max(before_start, qs - 1)]
    if pats["sign"].search(before):
        return FoundQuote(
            qs, qe, True, pats["sign"].search(before).group(0).strip(" ,:"), None, None, None, sign=True
        )
    m = pats["after_cue"].match(tail)
    if m:
        cue = m.group("cue")
        if _clitic_cue(cue):  # "ujarnya": the clitic is the speaker
            return FoundQuote(
                qs, qe, True, cue, after_start + m.start("cue"), after_start + m.end("cue"), cue, True
            )
        if m.group("speaker"):
            sp = _trim_speaker(m)
            if sp:
                end = after_start + (m.end("appos") if m.group("appos") else sp[1])
                mention = text[after_start + sp[0] : end]
                described = pats["after_description"].match(tail)
                if mention[:1].islower() and described and _ends_spoken(text, qs, qe):
                    # "tambah pemain Swansea tersebut": that player, the one just quoted, not the club
                    return _pronoun_quote(qs, qe, True, described, "desc", after_start)
                return FoundQuote(qs, qe, True, cue, after_start + sp[0], end, mention)
        if m.group("pron"):
            return _pronoun_quote(qs, qe, True, m, "pron", after_start, cue=cue)
        if m.group("role"):
            start, end = after_start + m.start("role"), after_start + m.end("role")
            return FoundQuote(qs, qe, True, cue, start, end, m.group("role"), role=True)
    m = pats["after_description"].match(tail)
    # “…,” ungkap politisi Gerindra tersebut / tambah pria berusia 62 tahun itu; spoken words end
    # in a mark before the quote closes: a title does not (“Bunda” pesan moral lagu itu)
    if m and _ends_spoken(text, qs, qe):
        return _pronoun_quote(qs, qe, True, m, "desc", after_start)
    m = pats["after_name"].match(tail)
    if m:
        sp = _trim_speaker(m)
        if sp:
            return FoundQuote(qs, qe, True, m.group("cue"), after_start + sp[0], after_start + sp[1], sp[2])
    m = pats["after_pron"].match(tail)
    if m:
        return _pronoun_quote(qs, qe, True, m, "pron", after_start)
    m = pats["report_after"].match(tail)
    if m:
        sp = _trim_speaker(m)
        if sp:
            return FoundQuote(qs, qe, True, m.group("cue"), after_start + sp[0], after_start + sp[1], sp[2])
    offset = before_start
    for key in ("before_kata", "before_cue"):
        m = pats[key].search(before)
        if m is None:
            continue
        if m.groupdict().get("pron"):
            return _pronoun_quote(qs, qe, True, m, "pron", offset)
        sp = _trim_speaker(m)
        if sp:
            return FoundQuote(qs, qe, True, m.group("cue"), offset + sp[0], offset + sp[1], sp[2])
    m = pats["according_open"].match(text, sentence[0], qs)
    if m:  # "Menurut DHS, dari ratusan orang …, ada 12 orang “yang terburuk dari yang terburuk”"
        sp = _trim_speaker(m)
        if sp:
            return FoundQuote(qs, qe, True, m.group("cue"), sp[0], sp[1], sp[2])
    subject = _subject(text, sentence[0], qs - 1, pats) if qs - sentence[0] <= 2 * BEFORE_WINDOW else None
    if subject is not None:
        start, end, mention, cue, pronoun = subject
        return FoundQuote(qs, qe, True, cue, start, end, mention, pronoun, from_subject=True)
    return FoundQuote(qs, qe, True, None, None, None, None)


# the words before the sentence's first verb ("Agensi berita negara KCNA | mengatakan …")
_HEAD_TO_VERB = re.compile(
    r"^\s*(?P<speaker>[A-Z][^,;:“\"]{1,80}?)\s+(?P<cue>(?:telah |juga |pun |sempat |kembali )?"
    r"(?:(?:me|mem|men|meng|meny|ter|di)[a-z]{3,}|ber[a-z]{4,}))\b"
)


_VERBISH = re.compile(
    r"^(?:(?:telah|juga|pun|sempat|kembali|sendiri)\s+)*(?:(?:me|mem|men|meng|meny|ter|di)[a-z]{3,}|ber[a-z]{4,})"
)
# a clause a sentence opens with before its subject ("Di Washington, DC, Menteri …")
_FRONTED = re.compile(  # matched at a position: no "^"
    r"\s*(?:Di|Dalam|Pada|Sementara itu|Selain itu|Namun|Sebelumnya|Kemudian|Setelah|Usai|Seusai|Sejak|"
    r"Saat|Ketika|Dari|Menanggapi|Terkait|Lebih lanjut|Selanjutnya|Untuk itu|Karena itu|Oleh karena itu|"
    r"Bahkan|Adapun|Tak hanya itu|In|On|At|After|Meanwhile)\b[^,“\"]{0,60},(?:\s*[A-Z][\w.]{0,4},)?\s*"
)


def _connective(phrase: str) -> bool:
    """Does ``phrase`` open with a connective ("Sementara itu", "Namun")? "AS" is a name."""
    from kabar.lang.stopwords import connectives

    first = phrase.split()[0]
    return not first.isupper() and first.lower() in connectives()


def _subject(text: str, sentence_start: int, quote_open: int, pats) -> tuple[int, int, str, str, bool] | None:
    """The subject of the sentence holding an embedded quote, when a verb follows it
    ("Stoltenberg menyinggung “konsekuensi”", "AS telah menuduh Korea Utara memasok “…”"; with
    a longer subject, the words before the sentence's first verb: "Agensi berita negara KCNA
    mengatakan …"). A fronted clause ("Di Washington, DC, …") is skipped first. The span
    returned covers an appositive too ("Juru bicara Gedung Putih, Karine Jean-Pierre,")."""
    start = sentence_start
    for _ in range(2):
        fronted = _FRONTED.match(text, start, quote_open)
        if fronted is None:
            break
        start = fronted.end()
    head = text[start:quote_open]
    if not head.strip():
        return None
    m = pats["subject"].match(head)
    if m is not None and (
        (m.groupdict().get("speaker") and _connective(m.group("speaker")))
        or (not _VERBISH.match(m.group("cue")) and m.group("cue").split()[0].lower() not in _cues().verbs)
    ):
        m = None  # "Sementara itu …" is a connective; "Agensi berita | negara" is no verb
    if m is None:
        m = _HEAD_TO_VERB.match(head)
        if m is None or _connective(m.group("speaker")):
            return None
        return start + m.start("speaker"), start + m.end("speaker"), m.group("speaker"), m.group("cue"), False
    cue = m.group("cue")
    if m.group("pron"):
        return start + m.start("pron"), start + m.end("pron"), m.group("pron"), cue, True
    sp = _trim_speaker(m)
    if sp is None:
        return None
    end = start + m.start("cue")  # the subject with its appositive
    while end > start + sp[1] and text[end - 1] in " ,":
        end -= 1
    return start + sp[0], end, text[start + sp[0] : end], cue, False


def _reports_speech(sentence: str, m: re.Match[str]) -> bool:
    """Does the reporting verb of ``m`` introduce what was said? A verb that takes a clause
    does ("Putin mengatakan kerja sama …"); any other needs "bahwa", a comma or a colon."""
    if m.group("cue").lower() in _cues().clause:
        return True
    between = sentence[m.end("cue") : m.start("words")]
    return "bahwa" in between or "," in between or ":" in between


_REPORTED_KEYS = (
    "rep_according",
    "rep_fronted_clitic",
    "rep_fronted",
    "rep_verb",
    "rep_role_name",
    "rep_report",
    "rep_mid",
    "rep_after",
)


@functools.cache
def _leading_degrees() -> re.Pattern[str]:
    """Academic degrees after a speaker's name, before the reported words ("S.Psi, M.Psi, …")."""
    from kabar.lang.entities import DEGREE

    return re.compile(rf"(?:{DEGREE.pattern}\.?\s*,\s*)+")


_NAME_RUN = re.compile(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}")


def _holder_after_role(m: re.Match[str]) -> tuple[int, int, str] | None:
    """The person a role introduces, set off by commas after it: "Direktur VII FAST, Dio May
    Avico, menjelaskan …", "Menurut Senior Manager Garuda Indonesia, Iksan Rosan, …": the span
    and text of the name when the mention holds a role word and the appositive is two to four
    capitalised words holding none; else None ("Budi Santoso, Kapolres Bogor, mengatakan":
    the role is the appositive's, the speaker the name before it)."""
    appos = m.groupdict().get("rappos")
    if not appos or not m.groupdict().get("speaker"):
        return None
    roles = _role_words()
    if not any(w.lower().strip(".,") in roles for w in m.group("speaker").split()):
        return None
    name = appos.strip()
    if not _NAME_RUN.fullmatch(name) or any(w.lower() in roles for w in name.split()):
        return None
    start = m.start("rappos") + appos.index(name)
    return start, start + len(name), name


def _reported(text: str, a: int, b: int, pats) -> FoundQuote | None:
    """Reported speech in the sentence ``text[a:b]``, or None. A fronted clause ("Dalam
    kesempatan itu, …", "Sementara itu, …") is skipped first."""
    for _ in range(2):
        fronted = _FRONTED.match(text, a, b)
        if fronted is None or fronted.end() >= b:
            break
        a = fronted.end()
    sentence = text[a:b]
    # every pattern but rep_verb holds a comma: a sentence without one is tried with rep_verb
    # only (a pattern that cannot match cannot come first)
    for key in _REPORTED_KEYS if "," in sentence else ("rep_verb",):
        m = pats[key].match(sentence)
        if m is None:
            continue
        if key in ("rep_verb", "rep_role_name") and not _reports_speech(sentence, m):
            continue
        if key == "rep_according" and m.group("cue").lower() != "menurut":
            inner = _reported(text, a + m.start("words"), b, pats)
            if inner is not None:  # "Dikutip dari Skysport, Tijjani mengatakan …": Tijjani speaks
                return inner
        words_start, words_end = a + m.start("words"), a + m.end("tail" if key == "rep_mid" else "words")
        degrees = _leading_degrees().match(text, words_start, words_end)
        if degrees:  # "Menurut psikolog Rizky Purnomo, S.Psi, M.Psi, istilah …": the words follow
            words_start = degrees.end()
        if words_end - words_start < 15:
            continue
        if m.groupdict().get("pron"):
            return _pronoun_quote(words_start, words_end, False, m, "pron", a)
        holder = _holder_after_role(m)
        if holder is not None:  # "Direktur VII FAST, Dio May Avico, menjelaskan …": Dio May Avico
            return FoundQuote(
                words_start, words_end, False, m.group("cue"), a + holder[0], a + holder[1], holder[2]
            )
        if m.groupdict().get("speaker"):
            sp = _trim_speaker(m)
            if sp:
                return FoundQuote(words_start, words_end, False, m.group("cue"), a + sp[0], a + sp[1], sp[2])
        if key == "rep_fronted_clitic" or (key in ("rep_after", "rep_mid") and _clitic_cue(m.group("cue"))):
            return _pronoun_quote(words_start, words_end, False, m, "cue", a)
    return None
