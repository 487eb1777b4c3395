"""When each toll was stated, and which tolls a later figure in the same report supersedes.

A report often narrates the toll as it moved: "police said 49 had been killed ... the toll rose
to 50 on 17 March ... on Thursday it reached 51". Each figure gets a report time from its own
clause ("on 17 March", "on Thursday", "on the day of the fire"), or from the figure before it in
the same passage when it continues that narration ("the figure climbed, reaching 151"), or none,
which means "as of publication". A figure is superseded when the same report gives a different
figure for the same toll at a later time. Dates that modify the attack ("Monday's bombing",
"the 3 January attack") say when it happened, not when the toll was stated, and are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from incidentkb.extract import dates
from incidentkb.extract.counts import Toll, clause_bounds
from incidentkb.extract.text import Sentence

_UPDATE = re.compile(
    r"\b(?:rose|risen|rising|climbed|climbing|increased|reached|reaching|raised|jumped|passed|grew|topped)\b",
    re.I,
)
_MODIFIER_AFTER = re.compile(
    r"^(?:'s|’s|\s+(?:\w+\s+)?(?:attacks?|bombings?|shootings?|blasts?|explosions?|"
    r"crush|fire|massacre|assault|stabbings?|raid))",
    re.I,
)


# a clause that states or updates a figure, rather than narrating the attack
_STATED = re.compile(
    _UPDATE.pattern + r"|\b(?:said|says|told|announced|confirmed|reported|according|put|gave|"
    r"stood|toll|count|figure|tally)\b",
    re.I,
)


# a clause that tells the attack itself ("attackers stormed the station, killing 31")
_NARRATES = re.compile(
    r"\b(?:attack(?:ed|ing)|storm(?:ed|ing)|stabb(?:ed|ing)|opened fire|shot|shooting|"
    r"explod(?:ed|ing)|detonat(?:ed|ing)|set off|rammed|ploughed|kill(?:ed|ing)|slash(?:ed|ing))\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Timed:
    sentence: Sentence
    toll: Toll
    when: date | None  # None: as of publication
    early: bool  # "initially", "early reports": the earliest stage, whatever its date


def report_times(
    items: list[tuple[Sentence, Toll, bool]],
    mentions: list[dates.DateMention],
    published: date | None,
    incident: date | None,
    text: str,
) -> list[Timed]:
    """Each toll with the time the report gives for it. `items`: (sentence, toll, early marker)."""
    out: list[Timed] = []
    for sentence, toll, early in items:
        when = _own_time(sentence, toll, mentions, published, incident, text)
        if when is None:
            when = _continued(out, sentence, toll)
        out.append(Timed(sentence, toll, when, early))
    return out


def _own_time(
    s: Sentence,
    toll: Toll,
    mentions: list[dates.DateMention],
    published: date | None,
    incident: date | None,
    text: str,
) -> date | None:
    lo, hi = clause_bounds(s, toll.count_start)
    found = [m for m in mentions if lo <= m.start < hi and m.precision != "year"]
    found += [
        dates.DateMention(m.start + s.start, m.end + s.start, m.value, m.precision, m.kind)
        for m in dates.weekday_dates(s.text, published)
    ]
    if incident is not None:
        found += [
            dates.DateMention(m.start + s.start, m.end + s.start, m.value, m.precision, m.kind)
            for m in dates.event_relative(s.text, incident)
        ]
    found = [m for m in found if lo <= m.start < hi and not _modifies_attack(text, m)]
    clause = text[lo:hi]
    if incident is not None and _NARRATES.search(clause) and not _STATED.search(clause):
        # "on 1 March attackers killed 31": the day of the attack, not of the figure
        found = [m for m in found if m.value != incident]
    if not found:
        return None
    return min(found, key=lambda m: abs(m.start - toll.count_start)).value


def _modifies_attack(text: str, m: dates.DateMention) -> bool:
    before = text[max(0, m.start - 4) : m.start].lower()
    return (
        before.endswith("the ")
        or bool(_MODIFIER_AFTER.match(text[m.end : m.end + 30]))
        or bool(_ATTACK_ON.search(text[max(0, m.start - 80) : m.start]))
    )


# "the knife attack at the city's railway station on 1 March": the date of the attack
_ATTACK_ON = re.compile(
    r"\b(?:attacks?|bombings?|shootings?|blasts?|explosions?|massacre|assault|stabbings?|fire|"
    r"crush|siege)\b(?:\s+(?:at|in|near|outside|inside)\s+[^,;.]{1,50}?)?\s+on\s+$",
    re.I,
)


def _continued(done: list[Timed], s: Sentence, toll: Toll) -> date | None:
    """A figure with no time of its own continues the narration of the figure just before it
    (same or previous sentence of the paragraph), when that one had a time."""
    if not done:
        return None
    prev = done[-1]
    near = prev.sentence.paragraph == s.paragraph and (prev.sentence == s or _UPDATE.search(s.text))
    return prev.when if near and prev.toll.field == toll.field else None


def superseded(timed: list[Timed], published: date | None) -> set[int]:
    """Indices of tolls that a later, different figure for the same field replaces."""

    def rank(t: Timed) -> date:
        if t.early and t.when is None:
            return date.min
        return t.when or published or date.max

    out = set()
    for i, t in enumerate(timed):
        later = [
            u
            for u in timed
            if u.toll.field == t.toll.field
            and rank(u) > rank(t)
            and u.toll.count.value not in (t.toll.count.value, 0)
            and not (_one_person(u) and t.toll.count.value > 1)
            and "counts of murder" not in (u.toll.derived or "")  # charges, not a new toll
        ]
        if t.early or later or any(_updated_after(t, u) for u in timed):
            out.add(i)
    return out


_LATER = re.compile(r"\b(?:later|then|subsequently|since|afterwards|eventually)\b", re.I)


def _updated_after(t: Timed, u: Timed) -> bool:
    """ "counted 144 dead ..., and the toll later reached 145": a later figure of the same toll
    in the same sentence, told as an update."""
    if u.sentence != t.sentence or u.toll.field != t.toll.field or u.toll.start <= t.toll.end:
        return False
    if u.toll.count.value in (t.toll.count.value, 0):
        return False
    s = u.sentence
    between = s.text[t.toll.end - s.start : u.toll.end - s.start]
    return bool(_LATER.search(between) and _UPDATE.search(between))


def _one_person(t: Timed) -> bool:
    """A death told of one person ("Tiarah Poyau was shot and killed"), not a count: it does
    not revise a toll of several down to one."""
    if t.toll.count.value != 1 or t.toll.derived:
        return False
    s = t.sentence
    quote = s.text[t.toll.start - s.start : t.toll.end - s.start]
    return not re.search(r"\b(?:one|1)\b(?!-)", quote, re.I)
