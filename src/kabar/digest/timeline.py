"""The event's timeline: dated facts from the articles' ``dates_in_text``, merged and cited.

In: the event's articles and their sentence facts. Out: ``TimelineEntry`` records in date
order, each with the ISO date (day, month or year), the sentence that states it (copied from
one article) and every article that states the same dated fact.

Every resolved date mention is a dated fact: the date and the sentence it sits in. Two
mentions are the same fact when their dates are compatible (equal, or one the coarser form of
the other: "2022" and "Februari 2022") and their sentences share enough content: weighted word
overlap (shared weight over the lighter sentence's weight, ``facts.word_weights``) of at least
``SAME_FACT``. Merging is single-link over compatible dates, so three outlets that each word
the fact differently still meet, but a group never holds two different days. A merged entry
takes the most precise date its mentions give, and the sentence of the mention stated most
explicitly (a full date in the text before a weekday or a relative date), then the one whose
words the others repeat most. Times (minute, hour) show as days.
"""

from __future__ import annotations

import math
from collections import Counter

from kabar.digest.facts import SentenceFacts, same_date, word_mass, word_weights
from kabar.model import Article, TimelineEntry

SAME_FACT = 0.3
_PRECISION_CHARS = {"year": 4, "month": 7, "day": 10, "hour": 10, "minute": 10}
_EXPLICIT = {"text": 0, "reference": 1, "weekday": 2}


def _overlap(x: SentenceFacts, y: SentenceFacts, weights: dict[str, float], masses: dict) -> float:
    """Shared word weight of two sentences over the lighter one's (``masses`` caches each
    sentence's weight by its position)."""
    lighter = min(masses[(x.article, x.sentence)], masses[(y.article, y.sentence)])
    return word_mass(x.words & y.words, weights) / lighter if lighter else 0.0


def build_timeline(articles: list[Article], facts: list[list[SentenceFacts]]) -> list[TimelineEntry]:
    """The dated facts of an event (see the module docstring)."""
    weights = word_weights(facts)
    mentions = []  # (date, precision, explicitness, facts of its sentence)
    for sentences in facts:
        for f in sentences:
            seen = set()
            for d in f.dates:
                value = d.value[: _PRECISION_CHARS.get(d.precision, 10)]
                if value not in seen:
                    seen.add(value)
                    mentions.append((value, d.precision, _EXPLICIT.get(d.anchor, 3), f))
    masses = {(f.article, f.sentence): word_mass(f.words, weights) for *_, f in mentions}
    parent = list(range(len(mentions)))
    # the day values each group holds: a coarser mention ("Februari 2022") never joins two
    # groups of different days (10 and 25 February) into one
    days = [{m[0]} if len(m[0]) == 10 else set() for m in mentions]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # compatible dates share their year: only mentions of one year are compared
    by_year: dict[str, list[int]] = {}
    for i, (value, _, _, _) in enumerate(mentions):
        by_year.setdefault(value[:4], []).append(i)
    for members in by_year.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                ri, rj = find(i), find(j)
                if ri == rj or (days[ri] and days[rj] and days[ri] != days[rj]):
                    continue
                (di, _, _, fi), (dj, _, _, fj) = mentions[i], mentions[j]
                if fi.article == fj.article and fi.sentence != fj.sentence:
                    continue  # one article states one dated fact once
                if same_date(di, dj) and (
                    fi.article == fj.article or _overlap(fi, fj, weights, masses) >= SAME_FACT
                ):
                    parent[rj] = ri
                    days[ri] |= days[rj]
    groups: dict[int, list[int]] = {}
    for i in range(len(mentions)):
        groups.setdefault(find(i), []).append(i)
    entries = []
    for members in groups.values():
        value = max((mentions[i][0] for i in members), key=len)
        precision = "day" if len(value) == 10 else "month" if len(value) == 7 else "year"

        # how much of a sentence's weight the group's other sentences repeat (linear in the
        # group's size: a date 300 articles state is one group)
        counts: Counter[str] = Counter(w for i in members for w in mentions[i][3].words)

        def rank(i: int, counts: Counter[str] = counts) -> tuple:
            _, _, explicit, f = mentions[i]
            mass = masses[(f.article, f.sentence)]
            shared = math.fsum(weights.get(w, 1.0) * (counts[w] - 1) for w in f.words) / mass if mass else 0.0
            return (explicit, -shared, f.article, f.sentence)

        shown = mentions[min(members, key=rank)][3]
        ids = sorted({mentions[i][3].article for i in members})
        entries.append(
            TimelineEntry(
                date=value,
                text=shown.text,
                articles=[articles[a].id for a in ids],
                precision=precision,
                article=articles[shown.article].id,
            )
        )
    entries.sort(key=lambda e: (e.date, -len(e.articles), e.text))
    return entries
