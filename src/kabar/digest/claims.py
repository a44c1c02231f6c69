"""Claims: the facts each article states, aligned across articles, agreed or differing.

In: the event's articles, their sentence facts, the event's word weights and the support
model (by default the shipped alignment model: ``support.ALIGNMENT_DROPS``). Out: ``Claim``
records — a fact (a sentence copied from one article), every article that states it with its
own sentence (``variants``), and whether they agree.

1. **Facts.** Every quote several articles carry (``quotes.merge_quotes``) is a claim, its
   variants the sentences that hold it; then every sentence of 6–80 words that is not a
   question and carries a checkable detail (a number, a date or a named entity) is a candidate
   fact: commentary with nothing in it to check is not a claim.
2. **Alignment.** For each candidate and each other article, ``support.support`` finds the
   article's best window and its calibrated probability, numbers and dates compared by what
   they measure, not by value (``support.window_features`` with ``values=False``: an article
   that gives another magnitude still tells the same fact); the article states the fact when that
   is at or above ``ALIGN_THRESHOLD`` and the alignment is mutual (a sentence of the window
   aligns back onto the candidate, also above the threshold): a short generic sentence is
   "supported" by many passages, but few of them pick it as their own best match.
3. **Claims.** Candidates are taken in order of how many articles state them (then earlier
   articles first); each becomes a claim with the aligned windows as its other variants,
   unless it is already a variant of an earlier claim. A candidate no other article states
   becomes a ``single`` claim; at most ``MAX_SINGLE`` of those, the most detailed first.
4. **Agreement.** Among a claim's variants, a value differs when variants give different
   numbers of the same measure (the unit, else the word before: "magnitudo 4,8" / "magnitudo
   4,9") and kind, different dates of the same precision (at most ``DATE_SLIP_DAYS`` apart, a
   year for years: further apart they are different facts), names of one person spelt
   differently ("Sergei"/"Sergey" Lavrov: ``facts.same_entity``), or different wordings of a
   quote they share (content words of neither contained in the other's). The reference value
   is the one most variants give (ties: the earliest article's); ``articles_agree`` are the
   articles giving it, ``articles_differ`` the others, and ``note`` names each value with its
   articles (for quotes, how many wordings: the variants' texts are the wordings).

Big events: alignment for claims runs over at most ``MAX_ARTICLES`` articles (one per
independent report first, earliest first), so its cost stays bounded; summary citations
still look at every article.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from kabar.digest.facts import SentenceFacts, content_words, entity_key, same_entity, text_language
from kabar.digest.support import Support, SupportModel, alignment_model, support
from kabar.model import Article, Claim, ClaimVariant, MergedQuote

MIN_WORDS = 6
MAX_WORDS = 80
MAX_SINGLE = 40
MAX_ARTICLES = 12
DATE_SLIP_DAYS = 31
_PRECISION_CHARS = {"year": 4, "month": 7, "day": 10, "hour": 13, "minute": 16}
ALIGN_THRESHOLD = 0.2  # chosen on the seeds' claims (0.1–0.6 tried); mutual best match keeps it precise


@dataclass(slots=True)
class _Fact:
    facts: SentenceFacts
    supports: dict[int, Support]  # other article index → its best window


def candidate(f: SentenceFacts) -> bool:
    """Is this sentence a candidate fact (6–80 words, not a question, with a number, a date or
    a named entity to check)?"""
    words = len(f.text.split())
    return (
        MIN_WORDS <= words <= MAX_WORDS
        and not f.text.rstrip().endswith("?")
        and bool(f.numbers or f.dates or f.entities)
    )


def _detail(f: SentenceFacts) -> int:
    return 2 * len(f.numbers) + 2 * len(f.dates) + len(f.entities)


def _window_text(article: list[SentenceFacts], window: tuple[int, ...]) -> str:
    return " ".join(article[i].text for i in window)


def _quote_words(
    articles: list[Article], variants: list[tuple[int, list[SentenceFacts]]]
) -> dict[int, frozenset[str]]:
    """For each variant's article: the content words of the quotes in its window."""
    out = {}
    for b, window in variants:
        texts = [articles[b].quotes[q].text for w in window for q in w.quotes]
        if texts:
            out[b] = content_words(" ".join(texts), text_language(articles[b]))
    return out


def _day_number(value: str) -> int | None:
    """Days since year 1 of an ISO date, month or year value (a month or year counts from its
    first day); None when it is not one."""
    try:
        parts = [int(p) for p in value[:10].split("-")] + [1, 1]
        return date(parts[0], parts[1], parts[2]).toordinal()
    except (ValueError, IndexError):
        return None


def _close_dates(by_article: dict[int, set[str]]) -> bool:
    """Are the dates the variants give close enough (within ``DATE_SLIP_DAYS``, a year for
    year-only values) to be one date told differently? Dates years apart are different facts in
    the same window (a birth date beside a match date), not a disagreement."""
    values = [v for vs in by_article.values() for v in vs]
    days = [_day_number(v) for v in values]
    if any(d is None for d in days):
        return False
    slip = 366 if all(len(v) == 4 for v in values) else DATE_SLIP_DAYS
    return max(days) - min(days) <= slip


def _shown(value: float, measure: str | None, written: dict[float, str]) -> str:
    """A number as the text writes it, with what it measures when the mention does not say it
    ("4,8 magnitudo", "tiga tahun", "Rp500 juta")."""
    mention = written.get(value, f"{value:g}")
    said = not measure or measure.lower() in mention.lower() or mention.lower().startswith("rp")
    return mention if said else f"{mention} {measure}"


def _values(variants: list[tuple[int, list[SentenceFacts]]], quotes_of) -> list[tuple[str, dict[int, str]]]:
    """For each aspect that can differ: the value each variant's article gives."""
    aspects: list[tuple[str, dict[int, str]]] = []
    numbers: dict[tuple[str | None, str], dict[int, set[float]]] = {}
    frames: dict[tuple[str | None, str], dict[int, set[str | None]]] = {}
    written: dict[float, str] = {}  # how the text writes each value ("Rp500 juta", "4,8")
    dates: dict[str, dict[int, set[str]]] = {}
    names: dict[int, list[tuple[str, str]]] = {}
    for a, window in variants:
        for f in window:
            for n in f.numbers:
                if n.measure:
                    numbers.setdefault((n.measure, n.kind), {}).setdefault(a, set()).add(n.value)
                    frames.setdefault((n.measure, n.kind), {}).setdefault(a, set()).add(n.frame)
                    written.setdefault(n.value, n.mention)
            for d in f.dates:  # compared at their precision: 15:24:49 and 15:24 are one minute
                value = d.value[: _PRECISION_CHARS.get(d.precision, len(d.value))]
                dates.setdefault(d.precision, {}).setdefault(a, set()).add(value)
            for key, kind, surface in f.names:
                if kind == "PER":
                    names.setdefault(a, []).append((key, surface))
    for (unit, kind), by_article in sorted(numbers.items(), key=lambda kv: str(kv[0])):
        if len(by_article) > 1 and len({frozenset(v) for v in by_article.values()}) > 1:
            # only the values every article does not share are the difference
            common = set.intersection(*by_article.values())
            if not common and _same_frame(frames[(unit, kind)]):
                aspects.append(
                    (
                        "number",
                        {
                            a: " / ".join(_shown(v, unit, written) for v in sorted(vs))
                            for a, vs in by_article.items()
                        },
                    )
                )
    for _, by_article in sorted(dates.items()):
        if len(by_article) > 1 and not set.intersection(*by_article.values()) and _close_dates(by_article):
            aspects.append(("date", {a: "/".join(sorted(vs)) for a, vs in by_article.items()}))
    # one person written two ways: same entity (after the alias table or up to a letter), the
    # same number of words, and the written forms differ beyond case and hyphens
    keys = [(a, key, surface) for a, pairs in names.items() for key, surface in pairs]
    spelt: dict[str, dict[int, str]] = {}
    for i, (a, key, surface) in enumerate(keys):
        for b, other, other_surface in keys[i + 1 :]:
            written, other_written = entity_key(surface), entity_key(other_surface)
            if (
                a != b
                and written != other_written
                and len(written.split()) == len(other_written.split())
                and (key == other or same_entity(key, other))
                and same_entity(written, other_written)
            ):
                by_article = spelt.setdefault(min(key, other), {})
                by_article.setdefault(a, surface)
                by_article.setdefault(b, other_surface)
    aspects += [("name", by_article) for _, by_article in sorted(spelt.items())]
    quoted = quotes_of(variants)
    if len(quoted) > 1:
        groups: list[tuple[frozenset[str], list[int]]] = []
        for a, words in quoted.items():
            for g, (gwords, members) in enumerate(groups):
                if words <= gwords or gwords <= words:
                    members.append(a)
                    groups[g] = (gwords | words, members)
                    break
            else:
                groups.append((words, [a]))
        if len(groups) > 1:
            aspects.append(("quote", {a: f"wording {g + 1}" for g, (_, ms) in enumerate(groups) for a in ms}))
    return aspects


def _same_frame(frames: dict[int, set[str | None]]) -> bool:
    """Could two articles' numbers of one measure count the same thing? Only when some two of
    them stand after the same word, or one after none (``NumberFact.frame``): "dituntut 4
    tahun" and "divonis 3 tahun" are a demand and a verdict, not a disagreement."""
    sets = list(frames.values())
    for i, x in enumerate(sets):
        for y in sets[i + 1 :]:
            if None in x or None in y or x & y:
                return True
    return False


def _quote_items(
    articles: list[Article], facts: list[list[SentenceFacts]], quotes: list[MergedQuote], rank: dict[int, int]
) -> list[_Fact]:
    """A claim for every quote several articles carry: the sentences holding its occurrences."""
    index = {a.id: n for n, a in enumerate(articles)}
    items = []
    for quote in quotes:
        where = []
        for occurrence in quote.occurrences:
            a = index.get(occurrence.article)
            if a is None or a not in rank:
                continue
            sentence = next(
                (q.sentence_index for q in articles[a].quotes if q.start == occurrence.start), None
            )
            if sentence is not None and 0 <= sentence < len(facts[a]):
                where.append((a, sentence))
        if len(where) < 2:
            continue
        where.sort(key=lambda x: rank[x[0]])
        (a, sentence), rest = where[0], where[1:]
        items.append(_Fact(facts[a][sentence], {b: Support(1.0, (i,), ()) for b, i in rest}))
    return items


def align_claims(
    articles: list[Article],
    facts: list[list[SentenceFacts]],
    weights: dict[str, float],
    order: list[int],
    model: SupportModel | None = None,
    quotes: list[MergedQuote] | None = None,
) -> tuple[list[Claim], list[list[tuple[int, int]]]]:
    """The event's claims (see the module docstring), and for each claim the (article,
    sentence) indices its variants are made of (what the summary's selection needs to know
    which sentences tell one fact). ``order`` lists article indices by preference (independent
    and earlier reports first); only its first ``MAX_ARTICLES`` are aligned."""
    used = order[:MAX_ARTICLES]
    model = model or alignment_model()
    found: dict[tuple[int, int, int], Support] = {}

    def aligned(f: SentenceFacts, b: int) -> Support:
        key = (f.article, f.sentence, b)
        if key not in found:
            found[key] = support(f, facts[b], weights, model, values=False)
        return found[key]

    pool: list[_Fact] = []
    for a in used:
        for f in facts[a]:
            if not candidate(f):
                continue
            supports = {}
            for b in used:
                if b == a or not facts[b]:
                    continue
                s = aligned(f, b)
                # mutual: some sentence of b's window must in turn align back onto f
                if s.score >= ALIGN_THRESHOLD and any(
                    f.sentence in (back := aligned(facts[b][i], a)).sentences
                    and back.score >= ALIGN_THRESHOLD
                    for i in s.sentences
                ):
                    supports[b] = s
            pool.append(_Fact(f, supports))
    rank = {a: n for n, a in enumerate(used)}
    pool.sort(
        key=lambda x: (
            -len(x.supports),
            0 if x.supports else -_detail(x.facts),
            rank[x.facts.article],
            x.facts.sentence,
        )
    )
    pool = _quote_items(articles, facts, quotes or [], rank) + pool
    taken: set[tuple[int, int]] = set()
    claims: list[Claim] = []
    members: list[list[tuple[int, int]]] = []
    singles = 0
    for item in pool:
        f = item.facts
        if (f.article, f.sentence) in taken:
            continue
        if not item.supports:
            if singles >= MAX_SINGLE:
                continue
            singles += 1
        variants = [(f.article, [f])] + [
            (b, [facts[b][i] for i in s.sentences])
            for b, s in sorted(item.supports.items(), key=lambda kv: rank[kv[0]])
        ]
        for b, window in variants:
            for w in window:
                taken.add((b, w.sentence))

        aspects = _values(variants, lambda v: _quote_words(articles, v)) if len(variants) > 1 else []
        ids = [b for b, _ in variants]
        differ: set[int] = set()
        notes = []
        for aspect, by_article in aspects:
            counts = Counter(by_article.values())
            reference = max(
                counts, key=lambda v: (counts[v], -min(rank[b] for b, x in by_article.items() if x == v))
            )
            differ |= {b for b, v in by_article.items() if v != reference}
            if aspect == "quote":  # the wordings themselves are the variants' texts
                shown = f"{len(counts)} wordings in {len(by_article)} articles"
            else:
                shown = "; ".join(
                    f"{v}: "
                    + ", ".join(articles[b].outlet or articles[b].id for b, x in by_article.items() if x == v)
                    for v in dict.fromkeys(by_article.values())
                )
            notes.append(f"{aspect}: {shown}")
        kind = "single" if len(variants) == 1 else ("differs" if differ else "agreed")
        claims.append(
            Claim(
                text=f.text,
                articles_agree=[articles[b].id for b in ids if b not in differ],
                articles_differ=[articles[b].id for b in ids if b in differ],
                note=" | ".join(notes) or None,
                kind=kind,
                aspect=aspects[0][0] if differ else None,
                variants=[
                    ClaimVariant(
                        article=articles[b].id,
                        text=_window_text(facts[b], tuple(w.sentence for w in window)),
                        value=next((v[b] for _, v in aspects if b in v), None),
                    )
                    for b, window in variants
                ],
            )
        )
        members.append([(b, w.sentence) for b, window in variants for w in window])
    return claims, members
