"""Table test for :mod:`kabar.lang.tokens`: ``tokenize``, ``fine_tokens``, ``normalise``,
``split_clitic`` and ``lemma``.

The rows are invented Indonesian (and English) news phrases; the expectations were written
from the language and the module's stated API, not from the code's output:

* every token is an exact stretch of the source (``text[t.start:t.end] == t.text``);
  ``tokenize`` keeps a word whole: abbreviations with their periods ("Sdr.", "Prof.", "Dr.",
  "S.H.", "M.H.", "dll.", "Jl.", "No."), numbers with their thousand and decimal marks
  ("11.000", "1,5", "1.500,75"), hyphenated and apostrophed words ("Jean-Pierre", "Ma’ruf",
  "ke-3") and domains ("Liputan6.com"); other punctuation is a token of its own.
  ``fine_tokens`` splits off every punctuation mark ("Jean", "-", "Pierre");
* ``normalise`` is NFKC (ligatures, full-width letters, superscripts, no-break spaces become
  their plain forms), curly quotes and guillemets become straight ones, then lower case;
* a clitic is split off where the word is a base word plus the clitic: the suffixes -nya,
  -lah, -kah, -pun ("rumahnya" = "rumah" + "nya", "pergilah", "benarkah", "apapun") and the
  prefixes ku-, kau- ("kutulis" = "ku" + "tulis", "kaudengar"). A word that merely ends or
  begins with those letters is not a clitic form: "punya", "tanya", "hanya", "masalah" (a
  problem, not "masa" + "lah"), "rumpun", "sekolah", "langkah", "kurang", "kuning";
* a token is a stop word when it is an Indonesian function word ("yang", "dan", "di", "itu",
  "untuk", also capitalised at the start of a sentence) or, in English text, an English one
  ("the", "of", "and"); content words ("banjir", "presiden", "flood") are not;
* ``lemma`` gives the dictionary root of an ordinary word ("kunjungan" → "kunjung",
  "berjalan" → "jalan", "membeli" → "beli", "dibangun" → "bangun"; English "meetings" →
  "meeting"), the lemma of the base of a clitic form ("rumahnya" → "rumah"). An entity's
  token is never stemmed: ``lemma(token, entity=True)`` is the token's normalised form ("Bali"
  → "bali", never "bal"; the docstring says "as written (normalised)", so the lower-case form is
  the expected one), and numbers and punctuation come back as their normalised form.
"""

from __future__ import annotations

import pytest

from kabar.lang.tokens import fine_tokens, lemma, normalise, split_clitic, tokenize

P = pytest.param

# --- tokenize: (text, lang, expected token texts) ------------------------------------------
TOKENIZE = [
    P(
        "Sdr. Budi Santoso hadir di Jl. Merdeka No. 12.",
        "id",
        ["Sdr.", "Budi", "Santoso", "hadir", "di", "Jl.", "Merdeka", "No.", "12", "."],
        id="abbr-sdr-jl-no",
    ),
    P(
        "Prof. Dr. Andi Wijaya, S.H., M.H. memberi kuliah.",
        "id",
        ["Prof.", "Dr.", "Andi", "Wijaya", ",", "S.H.", ",", "M.H.", "memberi", "kuliah", "."],
        id="abbr-prof-dr-degrees",
    ),
    P(
        "Bantuan berupa beras, gula, dll.",
        "id",
        ["Bantuan", "berupa", "beras", ",", "gula", ",", "dll."],
        id="abbr-dll-at-end",
    ),
    P(
        "Korea Utara mengirim 11.000 kontainer dan 1,5 juta peluru.",
        "id",
        ["Korea", "Utara", "mengirim", "11.000", "kontainer", "dan", "1,5", "juta", "peluru", "."],
        id="numbers-thousands-decimal",
    ),
    P(
        "Harganya 1.500,75 per gram (naik 2%).",
        "id",
        ["Harganya", "1.500,75", "per", "gram", "(", "naik", "2", "%", ")", "."],
        id="numbers-mixed-marks-brackets",
    ),
    P(
        "Karine Jean-Pierre dan Ma’ruf Amin hadir pada HUT ke-79.",
        "id",
        ["Karine", "Jean-Pierre", "dan", "Ma’ruf", "Amin", "hadir", "pada", "HUT", "ke-79", "."],
        id="hyphen-apostrophe-ke",
    ),
    P(
        "Berita itu dimuat Liputan6.com, Rabu.",
        "id",
        ["Berita", "itu", "dimuat", "Liputan6.com", ",", "Rabu", "."],
        id="domain-whole",
    ),
    P(
        "“Kami siap,” kata Budi.",
        "id",
        ["“", "Kami", "siap", ",", "”", "kata", "Budi", "."],
        id="curly-quotes-split-off",
    ),
    P(
        "The U.S. Treasury said so.",
        "en",
        ["The", "U.S.", "Treasury", "said", "so", "."],
        id="en-us-abbreviation",
    ),
]

# --- fine_tokens: (text, expected token texts) --------------------------------------------
FINE = [
    P("Jean-Pierre", ["Jean", "-", "Pierre"], id="fine-hyphen"),
    P("S.H.", ["S", ".", "H", "."], id="fine-degree"),
    P("11.000 unit", ["11", ".", "000", "unit"], id="fine-thousands"),
    P("Ma’ruf (Wapres)", ["Ma", "’", "ruf", "(", "Wapres", ")"], id="fine-apostrophe-brackets"),
]

# --- normalise: (word, expected) ---------------------------------------------------------
NORMALISE = [
    P("“Kami”", '"kami"', id="norm-curly-double"),
    P("Ma’ruf", "ma'ruf", id="norm-curly-apostrophe"),
    P("«Damai»", '"damai"', id="norm-guillemets"),
    P("ﬁnal", "final", id="norm-nfkc-ligature"),
    P("ＪＡＫＡＲＴＡ", "jakarta", id="norm-nfkc-fullwidth"),
    P("m²", "m2", id="norm-nfkc-superscript"),
    P("Rp\u00a0500", "rp 500", id="norm-nfkc-nbsp"),
    P("PRESIDEN", "presiden", id="norm-lower"),
]

# --- split_clitic: (normalised word, (base, clitic)) -------------------------------------
CLITICS = [
    P("rumahnya", ("rumah", "nya"), id="clitic-nya-rumahnya"),
    P("bersamanya", ("bersama", "nya"), id="clitic-nya-bersamanya"),
    P("ujarnya", ("ujar", "nya"), id="clitic-nya-ujarnya"),
    P("pergilah", ("pergi", "lah"), id="clitic-lah-pergilah"),
    P("inilah", ("ini", "lah"), id="clitic-lah-inilah"),
    P("benarkah", ("benar", "kah"), id="clitic-kah-benarkah"),
    P("siapakah", ("siapa", "kah"), id="clitic-kah-siapakah"),
    P("apapun", ("apa", "pun"), id="clitic-pun-apapun"),
    P("kutulis", ("tulis", "ku"), id="clitic-ku-kutulis"),
    P("kubaca", ("baca", "ku"), id="clitic-ku-kubaca"),
    P("kaudengar", ("dengar", "kau"), id="clitic-kau-kaudengar"),
    P("punya", ("punya", None), id="no-clitic-punya"),
    P("tanya", ("tanya", None), id="no-clitic-tanya"),
    P("hanya", ("hanya", None), id="no-clitic-hanya"),
    P("masalah", ("masalah", None), id="no-clitic-masalah"),
    P("sekolah", ("sekolah", None), id="no-clitic-sekolah"),
    P("langkah", ("langkah", None), id="no-clitic-langkah"),
    P("rumpun", ("rumpun", None), id="no-clitic-rumpun"),
    P("kurang", ("kurang", None), id="no-clitic-kurang"),
    P("kuning", ("kuning", None), id="no-clitic-kuning"),
]

# --- token fields in context: (text, lang, token text, expected fields) -------------------
FIELDS = [
    P(
        "Bukunya tertinggal di rumahnya.",
        "id",
        "rumahnya",
        {"base": "rumah", "clitic": "nya"},
        id="tok-rumahnya",
    ),
    P("Ia hanya punya satu pertanyaan.", "id", "punya", {"base": "punya", "clitic": None}, id="tok-punya"),
    P("Yang hadir hanya lima orang.", "id", "Yang", {"norm": "yang", "stop": True}, id="stop-yang-capital"),
    P("Warga dan relawan berkumpul di posko.", "id", "dan", {"stop": True}, id="stop-dan"),
    P("Warga dan relawan berkumpul di posko.", "id", "di", {"stop": True}, id="stop-di"),
    P("Banjir itu merendam desa.", "id", "itu", {"stop": True}, id="stop-itu"),
    P("Banjir itu merendam desa.", "id", "Banjir", {"stop": False}, id="not-stop-banjir"),
    P("Presiden tiba di Bali.", "id", "Presiden", {"stop": False}, id="not-stop-presiden"),
    P("The flood hit the city of Demak.", "en", "the", {"stop": True}, id="stop-en-the"),
    P("The flood hit the city of Demak.", "en", "of", {"stop": True}, id="stop-en-of"),
    P("The flood hit the city of Demak.", "en", "flood", {"stop": False}, id="not-stop-en-flood"),
    P("“Kami siap”", "id", "“", {"norm": '"'}, id="norm-token-curly-quote"),
]

# --- lemma: (text of a one-word token, lang, entity, expected) ----------------------------
LEMMAS = [
    P("kunjungan", "id", False, "kunjung", id="lemma-kunjungan"),
    P("berjalan", "id", False, "jalan", id="lemma-berjalan"),
    P("membeli", "id", False, "beli", id="lemma-membeli"),
    P("dibangun", "id", False, "bangun", id="lemma-dibangun"),
    P("rumahnya", "id", False, "rumah", id="lemma-clitic-base"),
    P("meetings", "en", False, "meeting", id="lemma-en-meetings"),
    P("Bali", "id", True, "bali", id="lemma-entity-bali"),
    P("Jakarta", "id", True, "jakarta", id="lemma-entity-jakarta"),
    P("Bandung", "id", True, "bandung", id="lemma-entity-bandung"),
    P("Pertamina", "id", True, "pertamina", id="lemma-entity-pertamina"),
    P("11.000", "id", False, "11.000", id="lemma-number"),
    P(",", "id", False, ",", id="lemma-punctuation"),
]


def _texts(tokens) -> list[str]:
    return [t.text for t in tokens]


def _offsets_ok(text: str, tokens) -> None:
    for t in tokens:
        assert text[t.start : t.end] == t.text, (t, text[t.start : t.end])
    ends = [t.end for t in tokens]
    starts = [t.start for t in tokens]
    assert all(a <= b for a, b in zip(ends, starts[1:], strict=False)), "tokens overlap or are out of order"


@pytest.mark.parametrize(("text", "lang", "expected"), TOKENIZE)
def test_tokenize(text, lang, expected):
    tokens = tokenize(text, lang)
    _offsets_ok(text, tokens)
    assert _texts(tokens) == expected


@pytest.mark.parametrize(("text", "expected"), FINE)
def test_fine_tokens(text, expected):
    tokens = fine_tokens(text)
    _offsets_ok(text, tokens)
    assert _texts(tokens) == expected


@pytest.mark.parametrize(("word", "expected"), NORMALISE)
def test_normalise(word, expected):
    assert normalise(word) == expected


@pytest.mark.parametrize(("word", "expected"), CLITICS)
def test_split_clitic(word, expected):
    assert split_clitic(word) == expected


@pytest.mark.parametrize(("text", "lang", "word", "fields"), FIELDS)
def test_token_fields(text, lang, word, fields):
    tokens = tokenize(text, lang)
    _offsets_ok(text, tokens)
    matching = [t for t in tokens if t.text == word]
    assert matching, f"no token {word!r} in {_texts(tokens)}"
    token = matching[0]
    got = {name: getattr(token, name) for name in fields}
    assert got == fields, token


@pytest.mark.parametrize(("word", "lang", "entity", "expected"), LEMMAS)
def test_lemma(word, lang, entity, expected):
    tokens = tokenize(word, lang)
    assert len(tokens) == 1, _texts(tokens)
    assert lemma(tokens[0], lang, entity=entity) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Presiden  Joko Widodo\tmeninjau\nlokasi banjir, Rabu (19/6).",
        "“Kami tidak akan mundur,” tegasnya di depan Gedung DPR/MPR…",
        "Ｐｒｅｓｉｄｅｎ tiba pukul 07.57 WIB di Bandara Soekarno-Hatta.",
    ],
    ids=["offsets-whitespace", "offsets-quotes-ellipsis", "offsets-fullwidth"],
)
def test_offsets_everywhere(text):
    """Both tokenisers cover every non-space character exactly once, at its own offsets."""
    for tokens in (tokenize(text), fine_tokens(text)):
        _offsets_ok(text, tokens)
        covered = "".join(t.text for t in tokens)
        assert covered == "".join(text.split()), covered
