"""Words glued by scrapers at link edges: split only where it is safe.

The only change ever made is inserting one space, so the body stays the input up to
whitespace. Punctuation glue between sentences ("strategis.Meskipun") is left as written:
the sentence splitter reads it and the body stays exactly as printed. Glue points, each with
the evidence it needs:

* lower → upper inside a token ("keDisneyland", "PresidenPrabowo", "AliKhamenei"): a lower-case
  left piece must be a known Indonesian word; a capitalised one must be a common word, or
  stand alone elsewhere on the page together with the right piece (so brand spellings like
  "BeritaSatu" or "East JakFest" survive); never before "Nya", never after one letter
  ("iPhone", "eKTP"), never for known camel-case words (``data/camelcase.txt``);
* capitals → word ("PSSIErick", "DPRDJabar", "AFPterhadap", okezone's lead "WASITKorea"):
  a run of 2+ capitals, then a capitalised word or a known lower-case word;
* lower-case glue ("kondisikesehatan", "mentalyang"): two known words of 4+ letters, or a
  function word with a known word; the joined token must be unknown, not an Indonesian
  affixed form of a known word ("mendalamkan"), not English ("heatstroke"), not a
  prefix compound ("multipihak"), and 10+ letters unless a function word is one half
  (so "akuntabel" and "fotokopi" stay whole);
* a capitalised name glued to a function word or a verb ("Barcelonapunya", "Pentagon|
  mengerahkan"): the name must stand alone elsewhere on the page, unless the function word
  is one that never ends a name (``name_tail`` in ``data/glue_affixes.tsv``: "Sugiarto|yang",
  "Roja|maupun") and the page does not repeat the token;
* a common word that opens a sentence glued to another ("Kebakaranhebat", "Hargasaham"):
  only at a sentence start (inside a sentence the capital marks a name: "Padalarang"), never
  after the head of a joined place name ("Gunungpati", ``place_head`` in
  ``data/glue_affixes.tsv``), and not when the page repeats the token (a brand);
* a lower-case glue the vocabulary cannot read ("kriptoyang"): a function word at one end
  and, at the other, a word the page uses on its own;
* brackets and years glued to words ("Makanan(BPOM)", "(24)ditangkap", "2025digelar").

Words written as one that look like two ("gempabumi", ``whole`` in ``glue_affixes.tsv``)
and handles, hashtags, URLs and domain names are never touched. Trade-off: every rule asks for
evidence, so rare glue is missed rather than a word broken; no library does this for
Indonesian (wordsegment and wordninja are English-only).
"""

from __future__ import annotations

import collections
import functools
import math
import re
from dataclasses import dataclass, field
from importlib import resources

from kabar.clean.lexicon import load_lexicon
from kabar.lang.stopwords import stopwords

MIN_TOKEN_CHARS = 7
MIN_PIECE_COUNT = 3
COMMON_PIECE_COUNT = 20
COMMON_LEFT_COUNT = 50
COMPOUND_MIN_CHARS = 10
SEGMENT_MIN_CHARS = 14
_VERB_PREFIXES = ("me", "di", "ber", "ter", "mem", "men", "meng", "meny", "diper", "memper")

_TOKEN = re.compile(r"[A-Za-z]+")
_HEAD = re.compile(r"[A-Z][a-z]+|[A-Z]{2,}")
# tokens worth a look: a case change inside, or long enough to hide two words
_SUSPECT = re.compile(
    rf"(?<![A-Za-z])(?:[A-Za-z]*(?:[a-z][A-Z]|[A-Z]{{2}}[a-z])[A-Za-z]*|[A-Za-z]{{{MIN_TOKEN_CHARS},}})(?![A-Za-z])"
)
_CAPS_THEN_WORD = re.compile(r"(?<![A-Za-z])[A-Z]{2,}(?=[a-z]{2,})")
# what stands right before a word that opens a sentence ("… kemarin. Kebakaranhebat", "“Kenaikanharga")
_SENTENCE_START = re.compile(r'(?:[.!?][”"’)]?\s+|[“"‘])$')
_TLD = re.compile(r"(?:com|co|id|net|org|go|ac|or|info|tv|news)\b", re.I)
_URLISH = re.compile(r"\S*(?:://|www\.|\.(?:com|id|net|org|co)/)\S*")
# whitespace that scrapers drop around brackets and years ("Makanan(BPOM)", "2025digelar")
_BRACKET_GLUE = re.compile(r"(?<=[a-z]{3})(?=\([A-Z]{2,}\))|(?<=\))(?=[a-z]{3,}\b)")
_YEAR_GLUE = re.compile(r"(?<=\b(?:19|20)\d\d)(?=[a-z]{4,}\b)|(?<=[a-z]{3})(?=(?:19|20)\d\d\b)")


@functools.cache
def load_vocabulary() -> dict[str, int]:
    """The shipped word-frequency list (lower-case word → count)."""
    raw = resources.files("kabar.clean").joinpath("data/vocab_id.tsv").read_text("utf-8")
    vocab: dict[str, int] = {}
    for line in raw.splitlines():
        if line and not line.startswith("#"):
            word, count = line.split("\t")
            vocab[word] = int(count)
    return vocab


@functools.cache
def load_affixes() -> dict[str, frozenset[str]]:
    """``data/glue_affixes.tsv`` by kind: prefixes, suffixes, particles and honorifics the
    splitter never cuts off, heads of joined place names, words never split, and function
    words that never end a name."""
    raw = resources.files("kabar.clean").joinpath("data/glue_affixes.tsv").read_text("utf-8")
    kinds: dict[str, set[str]] = {
        "prefix": set(),
        "suffix": set(),
        "particle": set(),
        "honorific": set(),
        "place_head": set(),
        "whole": set(),
        "name_tail": set(),
    }
    for number, line in enumerate(raw.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, form = line.split("\t")
        if kind not in kinds:
            raise ValueError(f"glue_affixes.tsv:{number}: unknown kind {kind!r}")
        kinds[kind].add(form)
    return {k: frozenset(v) for k, v in kinds.items()}


def _english_word(token: str) -> bool:
    """Is ``token`` an English word (simplemma's dictionary, shipped in its wheel)?"""
    import simplemma

    return bool(simplemma.is_known(token, lang="en")) or bool(simplemma.is_known(token.lower(), lang="en"))


@functools.lru_cache(maxsize=10_000)
def _listed_name(token: str) -> bool:
    """Is ``token`` a word or name wordfreq lists in Indonesian or English ("Shenyang",
    "Luoyang": Chinese cities end in "yang")? Its lists ship in its wheel; loaded on the
    first question, which only a name glued to a function word asks."""
    from wordfreq import zipf_frequency

    low = token.lower()
    return zipf_frequency(low, "id") > 0 or zipf_frequency(low, "en") > 0


class PageWords(frozenset):
    """The tokens of one page (a frozenset), with ``repeated``: those it uses more than once."""

    repeated: frozenset[str]

    def __new__(cls, tokens=(), repeated=()) -> PageWords:
        words = super().__new__(cls, tokens)
        words.repeated = frozenset(repeated)
        return words


class _Everything(frozenset):
    """A set that holds every string (to ask whether a split is possible at all)."""

    def __contains__(self, item: object) -> bool:
        return True


_EVERYTHING = _Everything()


@dataclass(frozen=True, slots=True, eq=False)
class GlueSplitter:
    """Splits glued words in a string (see the module docstring for the rules)."""

    counts: dict[str, int]
    camelcase: frozenset[str]
    function_words: frozenset[str]
    vocabulary: frozenset[str] = field(init=False)
    affixes: dict[str, frozenset[str]] = field(init=False)
    log_total: float = field(init=False)
    function_ends: tuple[str, ...] = field(init=False)  # function words of 3+ letters (str.endswith)
    camel_pattern: re.Pattern[str] = field(init=False, repr=False)
    # decisions that depend on nothing but the token (a memo, not state)
    _cache: dict[str, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        affixes = load_affixes()
        # words written as one that look like two ("gempabumi"): known, so never split
        object.__setattr__(self, "vocabulary", frozenset(self.counts) | affixes["whole"])
        object.__setattr__(self, "log_total", math.log(sum(self.counts.values()) + 1))
        ends = tuple(sorted(w for w in self.function_words if len(w) >= 3))
        object.__setattr__(self, "function_ends", ends)
        alternation = "|".join(re.escape(c) for c in sorted(self.camelcase, key=len, reverse=True))
        object.__setattr__(self, "camel_pattern", re.compile(alternation or "(?!)"))
        object.__setattr__(self, "affixes", affixes)
        object.__setattr__(self, "_cache", {})

    def known(self, word: str, minimum: int = 1) -> bool:
        """Is ``word`` (any case) a known word seen at least ``minimum`` times?"""
        low = word.lower()
        return self.counts.get(low, 0) >= minimum or low in self.affixes["whole"]

    def context(self, texts: list[str]) -> PageWords:
        """Tokens the document uses on their own (evidence that a name is a name), and which
        of them it uses more than once (a word, not a one-off glue at a link edge)."""
        counts = collections.Counter(_TOKEN.findall(" ".join(texts)))
        return PageWords(counts, {t for t, c in counts.items() if c > 1})

    # ------------------------------------------------------------ pieces

    def _piece(self, word: str) -> bool:
        """A half of a lower-case glue: a known word of 4+ letters, or a function word."""
        if word in self.function_words and len(word) >= 2:
            return True
        return len(word) >= 4 and self.known(word, MIN_PIECE_COUNT)

    def _segment(self, token: str) -> str:
        """Three or more words glued ("penyandangdisabilitasfisik"): the split into known words
        of 4+ letters (seen 5+ times) with the highest unigram probability, if the token has
        one. Each word costs its log-probability, so a split into more words must be earned:
        "internasional" stays one word rather than "inter nasional"."""
        if self.known(token) or self.affixed(token) or _english_word(token):
            return token
        n = len(token)
        best: list[tuple[float, list[str]] | None] = [None] * (n + 1)
        best[0] = (0.0, [])
        for end in range(4, n + 1):
            for start in range(max(0, end - 20), end - 3):
                if best[start] is None:
                    continue
                word = token[start:end]
                if word in self.affixes["suffix"] or not self.known(word, 5):
                    continue
                score = best[start][0] + math.log(self.counts[word] + 1) - self.log_total
                if best[end] is None or score > best[end][0]:
                    best[end] = (score, [*best[start][1], word])
        if best[n] is None or len(best[n][1]) < 3:
            return token
        return " ".join(best[n][1])

    def _short_piece(self, word: str, other: str) -> bool:
        """A known 3-letter word beside a long function word ("bom|terhadap")."""
        return (
            len(word) == 3
            and self.known(word, COMMON_PIECE_COUNT)
            and len(other) >= 5
            and (other in self.function_words)
        )

    def _seen_piece(self, word: str, other: str, seen: frozenset[str]) -> bool:
        """A word the vocabulary lacks but the page uses on its own ("kripto", "mabrur"),
        beside a function word of 3+ letters ("kripto|yang", "mabrur|seperti")."""
        return len(word) >= 4 and word in seen and other in self.function_words and len(other) >= 3

    def _split_by_page(self, token: str, seen: frozenset[str]) -> str:
        """A lower-case token the vocabulary cannot split, split with the page's own words
        ("kriptoyang" on a page that writes "kripto" alone); else the token."""
        key = "\0" + token  # memo: could any page split it? (a page-independent answer)
        possible = self._cache.get(key)
        if possible is None:
            # every page-word split has a function word at one end
            ends = token.endswith(self.function_ends) or token.startswith(self.function_ends)
            possible = "y" if ends and self._split_lower(token, _EVERYTHING) else "n"
            self._cache[key] = possible
        if possible == "n":
            return token
        pieces = self._split_lower(token, seen)
        if pieces is None:
            return token
        return " ".join(pieces)

    def _longer_tail(self, left: str, right: str) -> bool:
        """Does the end of ``left`` make a longer known word with ``right`` ("Viral|pe|serta":
        "peserta"; "Trump|be|serta": "beserta")? Then the glue point is before that word."""
        return any(self.known(left[-k:] + right, MIN_PIECE_COUNT) for k in (1, 2, 3))

    def _indonesian(self, word: str, minimum: int = MIN_PIECE_COUNT) -> bool:
        """Known in Indonesian, and not only as an English word ("vision" in "visionOS")."""
        count = self.counts.get(word.lower(), 0)
        return count >= minimum and (count >= COMMON_PIECE_COUNT or not _english_word(word))

    def affixed(self, token: str) -> bool:
        """Is ``token`` a known word with Indonesian affixes ("mendalamkan", "bergejolak")?"""
        low = token.lower()
        prefixes, suffixes = self.affixes["prefix"], self.affixes["suffix"]
        for prefix in ("", *prefixes):
            if not low.startswith(prefix):
                continue
            stem = low[len(prefix) :]
            for suffix in ("", *suffixes):
                if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
                    core = stem[: len(stem) - len(suffix)] if suffix else stem
                    if (prefix or suffix) and self.known(core, MIN_PIECE_COUNT):
                        return True
        return False

    def _split_lower(self, token: str, seen: frozenset[str], initial: bool = False) -> tuple[str, str] | None:
        """Best split of a token with no case change inside, or None. ``initial``: the token
        opens a sentence, so a capital says nothing about it being a name."""
        if len(token) < MIN_TOKEN_CHARS or self.known(token) or self.affixed(token):
            return None
        capital = token[0].isupper()
        if not capital and _english_word(token):  # "heatstroke", "smartphone": loanwords
            return None
        prefixes, suffixes = self.affixes["prefix"], self.affixes["suffix"]
        particles = self.affixes["particle"]
        # a sentence-initial capital says nothing about a name; a token the page repeats is
        # a word (a brand such as "Bukalapak"), not a one-off glue at a link edge
        opener = (
            capital
            and initial
            and len(token) >= COMPOUND_MIN_CHARS
            and token not in getattr(seen, "repeated", ())
        )
        english: bool | None = None  # asked only when a split needs it (a dictionary lookup)
        best, best_score = None, 0.0
        for p in range(3, len(token) - 2):
            left, right = token[:p], token[p:]
            if right.lower() in suffixes or left.lower() in prefixes:
                continue
            if capital:
                # a name glued to a function word, the name used on its own on the page;
                # the longest function word wins ("Khamenei|mengatakan", not "…mengat|akan")
                # ... or to a verb ("Polisi|menangkap", "Hyeri|merayakan", "Cargo|diberikan"):
                # links end before the verb; a prefixed verb is rarely the tail of a name
                function = right in self.function_words and right not in particles
                verb = (
                    len(right) >= 6
                    and right.startswith(_VERB_PREFIXES)
                    and (self.known(right, MIN_PIECE_COUNT) or self.affixed(right))
                )
                if left in seen and len(left) >= 4 and len(right) >= 3 and (function or verb):
                    score = 100.0 + len(right)
                elif (
                    # a function word that never ends a name ("Sugiarto|yang"): no need to
                    # see the name alone, unless the page repeats the token (then a word)
                    right in self.affixes["name_tail"]
                    and len(left) >= 4
                    and token not in getattr(seen, "repeated", ())
                    and not self._longer_tail(left, right)
                    and not _listed_name(token)
                ):
                    score = 90.0 + len(right)
                elif (
                    # a sentence-initial common word glued to another ("Kebakaran|hebat",
                    # "Harga|saham"); inside a sentence the capital marks a name
                    # ("Padalarang", "Abdulrahman"); never the heads of joined place names
                    # ("Gunungpati", "Sumbermalang") nor English compounds ("Frontline")
                    opener
                    and len(left) >= 4
                    and self._indonesian(left, COMMON_LEFT_COUNT)
                    and left.lower() not in self.affixes["place_head"]
                    and right.islower()
                    and self._piece(right)
                ):
                    if english is None:
                        english = _english_word(token)
                    if english:
                        continue
                    score = 50.0 + len(right)
                else:
                    continue
            else:
                if not (
                    (
                        self._piece(left)
                        or self._short_piece(left, right)
                        or self._seen_piece(left, right, seen)
                    )
                    and (
                        self._piece(right)
                        or self._short_piece(right, left)
                        or self._seen_piece(right, left, seen)
                    )
                ):
                    continue
                function = left in self.function_words or right in self.function_words
                if not function and len(token) < COMPOUND_MIN_CHARS:
                    continue  # "akun|tabel", "foto|kopi": short compounds are words
                if (
                    _english_word(left)
                    and _english_word(right)
                    and not (
                        self._indonesian(left, COMMON_PIECE_COUNT)
                        and self._indonesian(right, COMMON_PIECE_COUNT)
                    )
                ):
                    continue  # "down|streaming": an English compound
                score = math.log(self.counts.get(left, 0) + 2) + math.log(self.counts.get(right, 0) + 2)
            if score > best_score:
                best, best_score = (left, right), score
        return best

    # ------------------------------------------------------------ tokens

    def _around_camel(self, token: str, seen: frozenset[str]) -> str | None:
        """A known camel-case word glued to a word ("didetikJabar", "WhatsApptanda",
        "MotoGPAragon"): split around it, keeping it whole."""
        if token in self.camelcase:
            return None
        for found in self.camel_pattern.finditer(token):
            camel, at = found.group(0), found.start()
            left, right = token[:at], token[at + len(camel) :]
            if left and not (self._indonesian(left) or self.affixed(left)):
                continue
            if right and not (
                right[0].isupper() or (right not in self.affixes["suffix"] and self._piece(right))
            ):
                continue
            parts = [self.split_token(left, seen=seen)] if left else []
            parts.append(camel)
            if right:
                parts.append(self.split_token(right, seen=seen))
            return " ".join(parts)
        return None

    def _camel(self, token: str, p: int) -> bool:
        """Is the case change at ``p`` part of a known camel-case spelling?"""
        left = token[:p]
        return (
            left in self.camelcase
            or token in self.camelcase
            or any(token[: p + k] in self.camelcase for k in (1, 2, 3, 4))
        )

    def split_token(
        self, token: str, brand: bool = False, seen: frozenset[str] = frozenset(), initial: bool = False
    ) -> str:
        """``token`` with a space at each safe glue point.

        ``brand``: the token is part of a domain name or handle; ``seen``: tokens the page uses
        on their own (evidence for capitalised pieces); ``initial``: the token opens a sentence.
        """
        if token in self.camelcase or len(token) < 4 or brand:
            return token
        honorific = self.affixes["honorific"]
        around = self._around_camel(token, seen)
        if around is not None:
            return around
        for p in range(1, len(token)):
            if not (token[p - 1].islower() and token[p].isupper()) or self._camel(token, p):
                continue
            left, right = token[:p], token[p:]
            if right in honorific or len(left) < 2:
                continue
            if left.islower():
                # "ke|Disneyland", "disadur|Kyiv" (an affixed form), "berkatassist|Fernando"
                ok = (
                    self._indonesian(left)
                    or self.affixed(left)
                    or (len(left) >= 7 and self._split_lower(left, seen) is not None)
                )
            else:
                head = _HEAD.match(right)
                first = self.split_token(right, seen=seen).split(" ", 1)[0] if head else ""
                head_seen = bool(first) and first in seen
                left_split = self._split_lower(left, seen)
                verb = left.lower().startswith(("me", "di", "ber", "ter")) and self._indonesian(left)
                ok = (
                    len(left) >= 3
                    and len(right) >= 2
                    and not left.startswith(("Mc", "Mac"))
                    and (
                        (left in seen and head_seen)
                        or (
                            self._indonesian(left, COMMON_LEFT_COUNT)
                            and (
                                head_seen
                                or right.isupper()
                                or (bool(first) and self.known(first, MIN_PIECE_COUNT))
                            )
                        )
                        or (verb and right.isupper() and len(right) >= 2)  # "MelansirCNBC", "DilansirAFP"
                        or (left_split is not None and head_seen)
                    )
                )
            if ok:
                return self.split_token(left, seen=seen) + " " + self.split_token(right, seen=seen)
        m = _CAPS_THEN_WORD.match(token)
        if m and token not in self.camelcase:
            # capitals, then lower case: either the last capital starts a word ("PSSI|Erick",
            # "KETUA|Umum") or the capitals are a word of their own ("AFP|terhadap")
            caps, rest = token[: m.end()], token[m.end() :]
            word = caps[-1] + rest
            if len(caps) >= 3 and (word in seen or self._indonesian(word, COMMON_PIECE_COUNT)):
                return caps[:-1] + " " + self.split_token(word, seen=seen)
            if (
                len(rest) >= 3
                and rest.lower() not in self.affixes["suffix"]
                and (self._piece(rest) or (len(rest) >= 4 and _english_word(rest)))
            ):
                return caps + " " + self.split_token(rest, seen=seen)
        if token[0].isupper() and token[1:].islower():
            possible = self._cache.get(token)
            if possible is None:
                possible = "y" if self._split_lower(token, _EVERYTHING, initial=True) else "n"
                self._cache[token] = possible
            if possible == "n":
                return token
        pieces = self._split_lower(token, seen, initial)
        if pieces is None and token.islower() and len(token) >= SEGMENT_MIN_CHARS:
            return self._segment(token)
        if pieces:
            # three words glued ("penyandangdisabilitasfisik"): each half may split again
            return self.split_token(pieces[0], seen=seen) + " " + self.split_token(pieces[1], seen=seen)
        return token

    def split(self, text: str, seen: frozenset[str] = frozenset()) -> str:
        """``text`` with glued words split (only spaces are inserted)."""
        if "(" in text or ")" in text:
            text = _BRACKET_GLUE.sub(" ", text)
        if "19" in text or "20" in text:
            text = _YEAR_GLUE.sub(" ", text)
        protected = []
        if "/" in text or "www." in text:
            protected = [(m.start(), m.end()) for m in _URLISH.finditer(text)]
        parts: list[str] = []
        last = 0
        for m in _TOKEN.finditer(text):
            token = m.group(0)
            lower = token.islower()
            if len(token) < MIN_TOKEN_CHARS and (
                lower or token.isupper() or (token[0].isupper() and token[1:].islower())
            ):
                continue  # short and without a case change inside: nothing to split
            if lower:
                if token in self.vocabulary:
                    continue
                new = self._cache.get(token)
                if new is None:
                    new = self.split_token(token)
                    self._cache[token] = new
                if new == token and seen:
                    new = self._split_by_page(token, seen)
            elif token[0].isupper() and token[1:].islower() and self._cache.get(token) == "n":
                continue  # a capitalised word that cannot split, whatever the page says
            else:
                initial = (
                    m.start() == 0
                    or _SENTENCE_START.search(text, max(0, m.start() - 12), m.start()) is not None
                )
                new = self.split_token(token, brand=_is_domain_part(m), seen=seen, initial=initial)
            if new != token and not _protected(m, protected):
                parts += [text[last : m.start()], new]
                last = m.end()
        if not parts:
            return text
        parts.append(text[last:])
        return "".join(parts)


def _protected(m: re.Match[str], spans: list[tuple[int, int]]) -> bool:
    """Handles, hashtags, snake_case, URLs: never split."""
    before = m.string[m.start() - 1] if m.start() else " "
    after = m.string[m.end()] if m.end() < len(m.string) else " "
    if before in "@#_/." or after in "_@":
        return True
    return any(a <= m.start() < b for a, b in spans)


def _is_domain_part(m: re.Match[str]) -> bool:
    """Is the token part of a domain name ("WartaBulukumba.Com", "iNewskarawang.id")?"""
    after = m.string[m.end() : m.end() + 6]
    return after.startswith(".") and _TLD.match(after, 1) is not None


@functools.cache
def default_splitter() -> GlueSplitter:
    """The splitter with the shipped vocabulary and lexicon (cached)."""
    return GlueSplitter(load_vocabulary(), load_lexicon().camelcase, stopwords("id"))
