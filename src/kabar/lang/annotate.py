"""The language layer's entry point: Article → Article with language, sentences, dates,
numbers, entities and quotes, every annotation with offsets into ``Article.text``.

A function of one article plus read-only resources (lexicons, the NER model), with one
exception: in an article with no reference time, "Rabu (19/6)" takes the latest year up to
the day of the run in which 19 June was a Wednesday (``anchor="weekday"``). Relative
dates ("kemarin", "pada Selasa") are resolved against a reference time: the article's own
publication time, or one the caller passes (the pipeline passes the batch's most common
publication day for articles that state none, and says so in ``reference_source``).
"""

from __future__ import annotations

import bisect
import functools
import re
from datetime import date, datetime

from kabar.lang.date_mentions import find_date_mentions
from kabar.lang.dates import parse_iso
from kabar.lang.entities import DEGREE, common_word, find_entities, shortens
from kabar.lang.language import article_language
from kabar.lang.ner import usually_lower
from kabar.lang.numbers import find_numbers
from kabar.lang.patterns import ScanText
from kabar.lang.quotes import FoundQuote, find_quotes, plural_pronoun
from kabar.lang.sentences import sentence_spans
from kabar.model import (
    PARAGRAPH_SEPARATOR,
    Article,
    DateMention,
    Entity,
    Mention,
    NumberMention,
    Quote,
    Sentence,
)

_SPEAKER_TYPES = ("PER", "ORG", "MEDIA", "GPE")
# types a person's name may be given by the tagger (never an organisation's or a medium's)
_PERSON_LIKE = ("PER", "GPE", "LOC")
ROLE_WINDOW = 60  # characters before a name searched for the role a bare role cue names
# Indonesian verb prefixes (me-, di-, ber-, ter-, per-): a lower-case word with one ends a role
_VERB_LIKE = re.compile(r"(?:me|di|ber|ter|per)[a-z]{3,}")
FLOOR_WORDS = 3  # words after a person's name in which a verb shows they took the floor
ROLE_WORDS_MAX = 6  # words of a role between "menurut" and a name
APPOSITIVE_CHARS = 80  # an appositive after a name ("Heri Cahyono, Ketua Pertuni,") is this short
AGENCY_WINDOW = 120  # characters before a mention in which an agency after a name was named


def _reference(
    article: Article, fallback: date | datetime | None
) -> tuple[date | datetime | None, str | None]:
    if article.published:
        parsed = parse_iso(article.published)
        if parsed is not None:
            return parsed, "published"
    if fallback is not None:
        return fallback, "batch"
    return None, None


def _sentence_index(spans: list[tuple[int, int]], position: int) -> int | None:
    """The index of the sentence (``spans`` sorted, not overlapping) holding ``position``."""
    k = bisect.bisect_right(spans, (position, float("inf"))) - 1
    return k if k >= 0 and spans[k][0] <= position < spans[k][1] else None


def annotate(article: Article, reference: date | datetime | None = None) -> Article:
    """Fill the article's language fields and annotations; returns the same object.

    ``reference`` is used for relative dates only when the article has no publication time.
    """
    detected = article_language(article.body)
    if detected.language is not None:
        article.language = detected.language.code
        article.language_confidence = detected.language.confidence
    article.paragraph_languages = detected.paragraphs
    article.mixed_language = detected.mixed
    lang = article.language or "id"

    sentences: list[Sentence] = []
    offset = 0
    for number, paragraph in enumerate(article.body):
        for start, end in sentence_spans(paragraph, lang):
            sentences.append(Sentence(paragraph[start:end], offset + start, offset + end, number))
        offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    article.sentences = sentences
    spans = [(s.start, s.end) for s in sentences]
    text = article.text

    ref, source = _reference(article, reference)
    article.reference_time = ref.isoformat() if ref is not None else None
    article.reference_source = source
    scan = ScanText(text)  # the date and number finders' word scans share it
    dates = find_date_mentions(text, ref, scan)
    article.dates_in_text = [
        DateMention(
            text[d.start : d.end],
            d.value,
            d.precision,
            d.start,
            d.end,
            _sentence_index(spans, d.start),
            d.anchor,
        )
        for d in dates
    ]
    numbers = find_numbers(text, lang, [(d.start, d.end) for d in dates], scan)
    article.numbers = [
        NumberMention(
            text[n.start : n.end], n.value, n.unit, n.start, n.end, _sentence_index(spans, n.start), n.kind
        )
        for n in numbers
    ]
    article.entities = find_entities(text, spans)
    article.quotes = _resolve_quotes(text, find_quotes(text, spans), article.entities, spans)
    return article


def _entity_in(entities: list[Entity], start: int, end: int) -> Entity | None:
    """The speaker named inside ``start``..``end``: the last person mentioned there, else the
    last organisation, medium or country ("Juru bicara Gedung Putih, Karine Jean-Pierre" is
    Karine Jean-Pierre; "kantor berita Korut KCNA" is KCNA)."""
    best = None
    for entity in entities:
        if entity.type not in _SPEAKER_TYPES:
            continue
        for span in entity.spans:
            if start <= span.start and span.end <= end:
                key = (entity.type == "PER", span.start)
                if best is None or key > best[0]:
                    best = (key, entity)
    return best[1] if best else None


def _common(word: str) -> bool:
    """A common word written with a capital: a stop word ("Anda", "Untuk"), a word usually
    written in lower case ("Polisi", "Data"), or one with the clitic -nya ("Dialognya")."""
    from kabar.lang.stopwords import stopwords
    from kabar.lang.tokens import normalise

    low = normalise(word)
    return common_word(low) or low in stopwords("en") or low.endswith("nya")


def _by_name(entities: list[Entity], mention: str, guarded: bool = False) -> str | None:
    """A speaker mention no entity span covers ("Stoltenberg" where the tagger read "NATO Jens
    Stoltenberg"): the person or organisation whose name ends with its last capitalised word;
    else the mention's capitalised words themselves, up to a degree after a name ("Sp.GK"), and
    not one common word alone ("kata Polisi": :func:`_common`). Role words never count ("kata Kapolres"
    names nobody), nor, when ``guarded`` (a sentence's subject, no cue), common words that a
    sentence's start capitalised ("Penyebab", "Mitos"). None when no word is left."""
    from kabar.lang.entities import role_words
    from kabar.lang.tokens import normalise

    words = [
        w.strip("(),.")
        for w in mention.split()
        if w[:1].isupper()
        and not (guarded and usually_lower(normalise(w.strip("(),."))))
        and normalise(w.strip("(),.")) not in role_words()  # "kata Kapolres": nobody named
    ]
    # an academic degree after a name ends it ("dr Noviyanti Sp.GK, …" is Noviyanti)
    cut = next((k for k, w in enumerate(words) if k and DEGREE.fullmatch(w)), None)
    words = words[:cut]
    if not words or (len(words) == 1 and _common(words[0])):
        return None  # "kata Polisi", "Mengutip …", "Anda": one common word names no one
    last = words[-1]
    for entity in entities:
        if entity.type in _SPEAKER_TYPES and last in entity.name.split():
            return entity.name
    return " ".join(words)


_NAME_WORD = re.compile(r"[A-Z][\w'’-]*")


def _name_in_mention(text: str, start: int, end: int, entities: list[Entity]) -> tuple[str, int] | None:
    """A person's name at the end of a role-and-name mention that no tagged person covers
    ("Kapolres Bogor AKBP Hendra Wijaya" → "Hendra Wijaya", "Kepala Desa Sukamaju, Asep
    Saepudin" → "Asep Saepudin"): the trailing run of two or more Capitalised words, stopping
    at punctuation, an ALL-CAPS word (a rank or an abbreviation), a role word, a word usually
    written in lower case, or a known non-person entity. An agency after the name that the
    text named just before the mention ("Badan Pusat Statistik (BPS), Ateng Hartono BPS") is
    skipped first. Returns the name and its start."""
    from kabar.lang.entities import role_words

    taken = [(m.start, m.end) for e in entities if e.type != "PER" for m in e.spans]
    agencies = [(m.start, m.end) for e in entities if e.type in ("ORG", "MEDIA") for m in e.spans]
    while end > start and text[end - 1] in " ,.;":
        end -= 1  # "Gubernur Jawa Barat, Dedi Mulyadi," ends at the name
    words = list(_NAME_WORD.finditer(text, start, end))
    # "Badan Pusat Statistik (BPS), Ateng Hartono BPS mengatakan": an agency the text has just
    # named, written again after the name, is not part of the name
    while (
        words
        and (words[-1].group().isupper() or any(a <= words[-1].start() < b for a, b in agencies))
        and words[-1].group() in text[max(0, start - AGENCY_WINDOW) : start]
    ):
        if text[words[-1].end() : end].strip():
            break  # something follows the agency: it does not end the mention
        end = words[-1].start()
        words.pop()
        while end > start and text[end - 1] == " ":
            end -= 1
    run: list[re.Match[str]] = []
    for w in reversed(words):
        word = w.group()
        nxt = run[0].start() if run else end
        if text[w.end() : nxt].strip() or word.isupper() or word.lower() in role_words():
            break
        if usually_lower(word) or any(a <= w.start() < b for a, b in taken):
            break
        run.insert(0, w)
    if len(run) < 2:
        return None
    return text[run[0].start() : run[-1].end()], run[0].start()


def _after_comma(text: str, start: int, end: int, entities: list[Entity]) -> Entity | None:
    """The person named after the last comma of a role-and-name mention ("Direktur VII FAST,
    Dio May Avico", "Gubernur Jambi, Al Haris"): the name there wins over anything the tagger
    found in the role."""
    inner = text[start:end].rstrip(" ,.;")
    cut = inner.rfind(", ")
    if cut == -1:
        return None
    named = _name_in_mention(text, start + cut + 2, start + len(inner), entities)
    if named is None:
        named = _one_name_after_role(inner[:cut], inner[cut + 2 :], start + cut + 2)
    return _add_person(entities, *named) if named is not None else None


def _one_name_after_role(role: str, name: str, start: int) -> tuple[str, int] | None:
    """A one-word name set off after a role ("juru bicara Aliansi, Wahyu"): the name and its
    start, when ``role`` holds a role word and ``name`` is one capitalised word that is no
    common word, weekday or month (many Indonesians have one name); else None."""
    from kabar.lang.dates import calendar
    from kabar.lang.entities import role_words

    if not re.fullmatch(r"[A-Z][a-z][\w'’-]*", name) or _common(name):
        return None
    cal = calendar()
    if name.lower() in cal.weekdays or name.lower() in cal.months:
        return None
    if not any(w.lower().strip(".,") in role_words() for w in role.split()):
        return None
    return name, start


def _last_person_before(entities: list[Entity], position: int) -> Entity | None:
    best = None
    for entity in entities:
        if entity.type != "PER":
            continue
        for span in entity.spans:
            if span.end <= position and (best is None or span.start > best[0]):
                best = (span.start, entity)
    return best[1] if best else None


def _role_flags(mention: str) -> list[bool]:
    """For each word of the mention, is it a role word ("Gubernur BI" → [True, False])?"""
    from kabar.lang.entities import role_words
    from kabar.lang.tokens import normalise

    return [normalise(w.strip("(),.")) in role_words() for w in mention.split()]


def _opens_with_role(mention: str) -> bool:
    """Does the mention open with a role word ("Gubernur BI", "Juru bicara Kemlu")?"""
    flags = _role_flags(mention)
    return bool(flags) and flags[0]


def _only_role_words(mention: str) -> bool:
    """Is the mention a role and nothing else ("Mensos", "Ketua Hakim")?"""
    flags = _role_flags(mention)
    return bool(flags) and all(flags)


@functools.cache
def _role_noun(low: str) -> bool:
    """Can a lower-case word stand inside a role phrase ("laboratorium", "sepak bola")? Not a
    function word, and not a word that looks like a verb (``_VERB_LIKE``)."""
    from kabar.lang.stopwords import stopwords

    return low not in stopwords("id") and not _VERB_LIKE.match(low)


@functools.cache
def _nickname_tail() -> re.Pattern[str]:
    from kabar.lang.entities import nickname_cues

    return re.compile(r"\s" + nickname_cues() + r"\s+$", re.I)


def _role_run(text: str, start: int) -> set[str]:
    """The words written right before a name at ``start`` that can make up its role, lower
    case: the trailing run (within ``ROLE_WINDOW`` characters) of role words, capitalised
    words and bracketed short forms ("Menteri Sosial (Mensos)" before "Saifullah Yusuf"), also
    across a nickname cue ("Mensos yang karib disapa" before "Gus Ipul"), and across a
    lower-case noun ("Direktur laboratorium Wina Seibersdorf, Gunter Gmeiner"). A word that
    looks like a verb (``_VERB_LIKE``) or a function word ends it: "Hakim menyatakan Meirizka"
    gives Meirizka no role."""
    from kabar.lang.entities import role_words

    cut = max(0, start - ROLE_WINDOW)
    before = text[cut:start]
    if cut > 0 and not text[cut - 1].isspace():
        before = before.split(" ", 1)[1] if " " in before else ""  # a word the window cut in two
    # "Mensos yang karib disapa Gus Ipul": the role is the nickname's too
    cue = _nickname_tail().search(before)
    if cue is not None:
        before = before[: cue.start()]

    run: set[str] = set()
    for word in reversed(before.split()):
        bare = word.strip("(),")
        if not bare:
            continue
        low = bare.lower()
        # a lower-case word inside a role phrase ("Direktur laboratorium Wina Seibersdorf") is
        # a noun; a verb ("Hakim menyatakan Meirizka") or a function word ends the run
        if not (bare[:1].isupper() or low in role_words() or (low.isalpha() and _role_noun(low))):
            break
        run.update(re.findall(r"\w+", low))
    return run


def _last_with_role(entities: list[Entity], position: int, role: str, text: str = "") -> Entity | None:
    """The person last mentioned before ``position`` whose roles hold every word of ``role``
    ("hakim" → the one introduced as "Ketua Majelis Hakim Rosihan Juhriah Rangkuti"), or of
    the role a short form stands for ("Mensos" → "Menteri Sosial", ``data/role_abbreviations.tsv``),
    or, in ``text``, whose mention is preceded by those words ("Menteri Sosial (Mensos) Saifullah
    Yusuf"); when nobody was given it before, the one person the article gives it later; None
    when nobody, or several people later, are given that role (a bare role then names nobody)."""
    from kabar.lang.entities import role_abbreviations

    low = " ".join(role.lower().split())
    wants = [set(low.split())]
    if low in role_abbreviations():
        wants.append(set(role_abbreviations()[low].split()))
    best = None
    later: set[str] = set()  # who is given the role after ``position``
    for entity in entities:
        roles = [set(r.lower().split()) for r in entity.roles]
        has_role = entity.type == "PER" and any(w <= r for w in wants for r in roles)
        for span in entity.spans:
            # a person's role written just before a name makes it a person's name, whatever
            # type the tagger gave it ("Menteri Sosial (Mensos) Saifullah Yusuf" tagged a place)
            before = _role_run(text, span.start)
            if not (has_role or (entity.type in _PERSON_LIKE and any(w <= before for w in wants))):
                continue  # "pemain Swansea": the club where the role is held, not who holds it
            if span.end > position:
                later.add(entity.name)  # ahead, only a person (or a name the tagger misread)
            elif best is None or span.start > best[0]:
                best = (span.start, entity)
    if best is None and len(later) == 1:
        # "“…,” ujar hakim." before the article names "ketua majelis hakim Rosihan Juhriah
        # Rangkuti": the one person the article gives that role
        name = later.pop()
        return next(e for e in entities if e.name == name)
    return best[1] if best else None


def _resolve_quotes(
    text: str, found: list[FoundQuote], entities: list[Entity], spans: list[tuple[int, int]]
) -> list[Quote]:
    """Quotes with canonical speakers: the entity named in the speaker mention; for a pronoun
    or a clitic ("ujarnya"), the last named speaker, else the last person mentioned before; for
    a bare role ("ujar hakim"), the last person given that role.
    Written words (a banner, a title: ``sign``) are not quotes and are left out."""
    quotes: list[Quote] = []
    kept: list[FoundQuote] = []  # what each of ``quotes`` was found as
    last_speaker: str | None = None
    last_end = 0  # where the last attributed quote ends
    previous: FoundQuote | None = None
    for q in found:
        if q.sign:  # words written on a banner or a sign, or a title: nobody says them
            continue
        speaker = None
        if _continues(text, previous, q) and quotes:
            speaker = quotes[-1].speaker
        elif q.role:
            person = _last_with_role(entities, q.start, q.speaker_mention or "", text)
            speaker = person.name if person else None
        elif q.pronoun and plural_pronoun(q.speaker_mention or ""):
            speaker = None  # "kata mereka", "Menurut mereka": several people, no one speaker
        elif q.pronoun:
            subject = _new_subject(text, entities, spans, last_end, q.start)
            if subject is not None:  # "Tri Agustina mengatakan … ‘…,’ tuturnya": the new speaker
                speaker = subject.name
            elif last_speaker is not None:
                speaker = last_speaker
            else:
                person = _last_person_before(entities, q.start)
                speaker = person.name if person else None
        elif q.speaker_start is not None and q.speaker_end is not None:
            entity = _after_comma(text, q.speaker_start, q.speaker_end, entities)
            entity = entity or _entity_in(entities, q.speaker_start, q.speaker_end)
            if entity is None or entity.type != "PER":
                named = _name_in_mention(text, q.speaker_start, q.speaker_end, entities)
                if named is not None:
                    entity = _add_person(entities, *named)
            if entity is not None and entity.type != "PER" and _opens_with_role(q.speaker_mention or ""):
                # "kata Gubernur BI": the person the article gave that role, not the bank
                holder = _last_with_role(entities, q.start, q.speaker_mention or "", text)
                entity = holder if holder is not None and holder.type == "PER" else entity
            speaker = entity.name if entity else _by_name(entities, q.speaker_mention or "", q.from_subject)
            if speaker is None and _only_role_words(q.speaker_mention or ""):
                person = _last_with_role(entities, q.start, q.speaker_mention or "", text)  # "kata Mensos"
                speaker = person.name if person else None
        if speaker is None and q.direct and _scare_quote(text[q.start : q.end]):
            continue  # “rumah kedua”, “Baby Don't Cry”: a term or a title in quote marks
        if speaker is not None:
            last_speaker = speaker
            last_end = max(q.end, q.speaker_end or q.end)
        previous = q
        kept.append(q)
        quotes.append(
            Quote(
                text[q.start : q.end],
                q.direct,
                speaker,
                q.speaker_mention,
                q.cue,
                q.start,
                q.end,
                -1 if (index := _sentence_index(spans, q.start)) is None else index,
            )
        )
    _attribute_backwards(text, quotes, kept)
    return quotes


def _attribute_backwards(text: str, quotes: list[Quote], found: list[FoundQuote]) -> None:
    """A quote that is a whole paragraph and names no speaker, right before a paragraph that
    opens with a quote attributed after it ("“…”¶“…,” ujar Adi."), is that speaker's: news
    gives one attribution to a run of one person's quote paragraphs. Not after a question."""
    inherited: set[int] = set()
    for k in range(len(quotes) - 2, -1, -1):  # backwards: a run of three takes the last one's speaker
        quote, nxt, q, n = quotes[k], quotes[k + 1], found[k], found[k + 1]
        if quote.speaker is not None or not (quote.direct and nxt.direct) or nxt.speaker is None:
            continue
        cue_after = n.speaker_start is not None and n.speaker_start > n.end
        if not (_whole_paragraph(text, q) and (cue_after or k + 1 in inherited)):
            continue
        gap = text[q.end : n.start]
        if gap.count("\n") > 2 or "\n" not in gap or gap.strip(' .,“”"«»\n'):
            continue
        if quote.text.rstrip(' ,.”"»').endswith("?"):
            continue
        quote.speaker = nxt.speaker
        inherited.add(k)


def _scare_quote(words: str) -> bool:
    """A term or a title in quote marks rather than something said: three words or fewer, or
    a few words all capitalised."""
    parts = words.split()
    return len(parts) <= 3 or (len(parts) <= 6 and all(w[:1].isupper() or not w[:1].isalpha() for w in parts))


@functools.cache
def object_prepositions() -> frozenset[str]:
    """Words after which a name is spoken of, not speaking (``data/object_prepositions.txt``)."""
    from kabar.lang.lexicon import data_lines

    return frozenset(line.lower() for _, line in data_lines("object_prepositions.txt"))


def _gives_floor(head: str) -> bool:
    """Does the text before a name end with a phrase that gives that person the floor, past at
    most ``ROLE_WORDS_MAX`` words of their role ("Menurut pemain bertahan Portugal,", "Dalam
    pandangan komentator sepak bola")? (``quotes.floor_openers``)"""
    from kabar.lang.entities import role_words
    from kabar.lang.quotes import floor_openers

    tokens = re.findall(r"[\w-]+", head)
    for _ in range(ROLE_WORDS_MAX + 1):
        tail = " ".join(tokens[-3:]).lower()
        if any(tail == cue or tail.endswith(" " + cue) for cue in floor_openers()):
            return True
        if not tokens:
            return False
        word = tokens.pop()
        low = word.lower()
        if not (low in role_words() or word[:1].isupper() or _role_noun(low)):  # "komentator sepak bola"
            return False
    return False


def _new_subject(
    text: str, entities: list[Entity], spans: list[tuple[int, int]], after: int, before: int
) -> Entity | None:
    """The last person who took the floor between ``after`` and ``before``: named outside quote
    marks, not right after a preposition (``data/object_prepositions.txt``), and followed within
    ``FLOOR_WORDS`` words by a reporting verb or a verb that gives the floor
    (``quotes.floor_verbs``: "Tri Agustina mengatakan …", "Nur Mahmudi juga angkat bicara",
    "Rosihan menyinggung Meirizka …"): who "ujarnya" or "Ia" stands for when a new person spoke
    after the last speaker. A person only spoken of ("Permainan cantik Philiph Lahm …",
    "berkoordinasi dengan Himbara") is not."""
    from kabar.lang.quotes import floor_verbs

    verbs = floor_verbs()
    best = None
    for entity in entities:
        if entity.type != "PER":
            continue
        for m in entity.spans:
            if not (after <= m.start < before) or (best is not None and m.start <= best[0]):
                continue
            index = _sentence_index(spans, m.start)
            if index is None:
                continue
            head = text[spans[index][0] : m.start]
            if any(c in head for c in '“"«'):
                continue
            last = head.split()[-1].lower() if head.split() else ""
            if last in object_prepositions():
                continue  # "berkoordinasi dengan Rina Marlina": she is spoken of, not speaking
            if _gives_floor(head):  # "Menurut pemain bertahan Portugal, Pepe, …"
                best = (m.start, entity)
                continue
            tail = text[m.end : spans[index][1]].lower()
            if tail.startswith(",") and "," in tail[1:APPOSITIVE_CHARS]:
                tail = tail[tail.index(",", 1) + 1 :]  # "Heri Cahyono, Ketua Pertuni, menilai …"
            words = re.findall(r"[\w-]+", tail)[:FLOOR_WORDS]
            following = " ".join(words)
            if any(following.startswith(v) or f" {v}" in following for v in verbs):
                best = (m.start, entity)
    return best[1] if best else None


def _continues(text: str, previous: FoundQuote | None, q: FoundQuote) -> bool:
    """Is the cue-less direct quote ``q`` the same speaker going on? It follows an attributed
    direct quote with nothing but its attribution in between, in the same paragraph ("“…,” kata
    Budi. “…”") or as the whole next paragraph."""
    if previous is None or not (q.direct and previous.direct) or q.cue or q.speaker_start is not None:
        return False
    if previous.speaker_start is None:
        return False
    gap_start = max(previous.end, previous.speaker_end or previous.end)
    if gap_start > q.start:
        return False
    gap = text[gap_start : q.start]
    if "\n" in text[previous.end : q.start]:
        # the next paragraph, all of it the quote: the speaker goes on ("“…,” kata Budi.¶“…”"),
        # unless the last words asked a question (an interview: someone else answers)
        return (
            gap.count("\n") <= 2
            and not gap.strip(' .,“”"«»\n')
            and _whole_paragraph(text, q)
            and not text[previous.start : previous.end].rstrip(' ,.”"»').endswith("?")
        )
    return len(gap.strip(' .,”"»')) <= 1


def _whole_paragraph(text: str, q: FoundQuote) -> bool:
    """Is the quote ``q`` its paragraph, nothing before or after it but quote marks and
    punctuation?"""
    start = text.rfind("\n", 0, q.start) + 1
    end = text.find("\n", q.end)
    end = len(text) if end == -1 else end
    return not text[start : q.start].strip(' “"«') and not text[q.end : end].strip(' .,”"»')


def _add_person(entities: list[Entity], name: str, start: int) -> Entity:
    """The person ``name`` mentioned at ``start``: the existing person of that name (or whose
    full name begins or ends with it) with this mention added, or a new one appended to
    ``entities``."""
    mention = Mention(name, start, start + len(name))
    words = name.split()
    for entity in entities:
        full = entity.name.split()
        # "Khairul Akbar" after "AKP Khairul Akbar Lubis": the same person
        if (full == words or shortens(words, full)) and entity.type == "PER":
            if all(m.start != start for m in entity.spans):
                entity.spans.append(mention)
                entity.spans.sort(key=lambda m: m.start)
            if name not in entity.mentions:
                entity.mentions.append(name)
            return entity
    entity = Entity(name, "PER", mentions=[name], spans=[mention])
    entities.append(entity)
    return entity
