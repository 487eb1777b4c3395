"""Reactions: who condemned, mourned, supported or vowed a response, and in whose name."""

from __future__ import annotations

import re
from collections.abc import Iterator

from incidentkb.extract import groups
from incidentkb.extract.actors import NAME, ActorClaim, _persons, _split_names
from incidentkb.extract.places import Place, find_places
from incidentkb.extract.text import Sentence

# Strongest first: a sentence that both supports and condemns is a condemnation.
_STANCES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (stance, re.compile(pattern, re.IGNORECASE))
    for stance, pattern in (
        (
            "vow_response",
            r"\b(?:vow\w*|pledg\w*|promis\w*|threaten\w*|swore)\b[^.]{0,40}?\b(?:response|revenge|retaliat\w*|"
            r"punish\w*|aveng\w*|uproot|hunt down|bring\b[^.]{0,20}\bjustice)",
        ),
        ("condemnation", r"\b(?:condemn\w*|denounc\w*|deplor\w*)"),
        (
            "condolence",
            r"\b(?:condolences?|sympath(?:y|ies)|deep sadness|saddened|grief|prayers)\b",
        ),
        (
            "support",
            r"\b(?:expressed support|expressed (?:its |their |his |her )?solidarity|in solidarity|stands? with)\b",
        ),
    )
)
_STATEMENT = re.compile(r"\b(?:said|stated|wrote|tweeted|posted)\b")
_INTERNATIONAL = {
    "United Nations": r"United Nations|\bUN\b|U\.N\.|UN Secretary",
    "European Union": r"European Union|\bEU\b",
    "NATO": r"\bNATO\b",
    "African Union": r"African Union",
    "Arab League": r"Arab League",
    "Holy See": r"\bPope\b|Vatican|Holy See",
    "Organisation of Islamic Cooperation": r"Organi[sz]ation of Islamic Cooperation|\bOIC\b",
}
_OFFICE = re.compile(
    r"\s+(?:(?:vice|prime|foreign|interior|defen[cs]e|supreme|deputy|acting|former)\s+)?"
    r"(?:president|prime minister|minister|ministry|ministries|leader|government|king|queen|emir|"
    r"chancellor|foreign office|state department|embassy|officials?|authorities|spokes\w+|parliament|"
    r"army|military|monarch|head of state)\b",
    re.I,
)
_HEAD_TITLES = re.compile(
    r"\b(?:leader|president|prime minister|king|queen|pope|secretary[- ]general|emir)\b", re.I
)


# "The United States offered its condolences, and Greek Prime Minister X condemned the bombing":
# a clause with a subject of its own reacts on its own
_CLAUSES = re.compile(r"(?:,\s+and|;|,\s+while|,\s+whereas)\s+(?=(?:the\s+|The\s+)?[A-Z])")


def reactions(sentence: Sentence, home: Place | None = None) -> list[ActorClaim]:
    """A claim per actor the sentence names as reacting, with the strongest stance it states.
    `home` is where the incident happened: "Prime Minister Theresa May condemned ..." in a
    report on a Manchester bombing speaks for the United Kingdom."""
    out: list[ActorClaim] = []
    start = 0
    for m in [*_CLAUSES.finditer(sentence.text), None]:
        end = m.start() if m else len(sentence.text)
        text = sentence.text[start:end]
        out.extend(
            _clause_reactions(
                Sentence(sentence.start + start, sentence.start + end, text, sentence.paragraph),
                home,
            )
        )
        start = m.end() if m else end
    return out


def _clause_reactions(sentence: Sentence, home: Place | None) -> list[ActorClaim]:
    stance, verb = _stance(sentence.text)
    if stance is None or verb is None:
        return []
    subject = sentence.text[: _first_verb(sentence.text)]
    # the reacting actor is the subject; a "day of mourning" is a timeline event, not a stance
    if re.search(r"day of mourning", sentence.text, re.I) and stance == "condolence":
        return []
    actors = list(_actors(subject)) or _home_actor(subject, home)
    names = {a for a, _ in actors}
    core = _subject_core(subject)
    for name in names:  # "United Nations Secretary-General Antonio Guterres": the person follows
        core = core.replace(name, " ")
    person = next((p for p in _persons(core) if p not in names), None)
    return [
        ActorClaim(actor, stance, sentence.start, sentence.end, person=person, actor_type=kind)
        for actor, kind in actors
    ]


# offices that speak for the state, region or city where the incident happened
_HOME_OFFICES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "country",
        re.compile(
            r"\b(?:president|prime minister|chancellor|king|queen|monarch|emperor|emir|"
            r"(?:interior|foreign|home|defen[cs]e|justice) (?:minister|secretary)|government|cabinet)\b",
            re.I,
        ),
    ),
    (
        "admin1",
        re.compile(r"\b(?:governor|state government|provincial government|premier)\b", re.I),
    ),
    ("city", re.compile(r"\b(?:mayor|city council)\b", re.I)),
)


def _home_actor(subject: str, home: Place | None) -> list[tuple[str, str]]:
    if home is None:
        return []
    for level, pattern in _HOME_OFFICES:
        if pattern.search(subject):
            name = getattr(home, level)
            kind = "state" if level == "country" else "region" if level == "admin1" else "city"
            return [(name, kind)] if name else []
    return []


def _first_verb(text: str) -> int:
    """Where the subject ends: the first stance or speech verb."""
    starts = [m.start() for _, p in _STANCES if (m := p.search(text))]
    if (m := _STATEMENT.search(text)) is not None:
        starts.append(m.start())
    return min(starts)


def _stance(text: str) -> tuple[str | None, re.Match[str] | None]:
    for stance, pattern in _STANCES:
        m = pattern.search(text)
        if m:
            return stance, m
    m = _STATEMENT.search(text)
    if m and _HEAD_TITLES.search(text[: m.start()]):
        return "statement", m
    return None, None


def _subject_core(subject: str) -> str:
    """The subject without a leading time or setting phrase ("On Friday, ...")."""
    parts = re.split(r",\s+", subject.strip())
    return max(parts, key=lambda p: len(re.findall(NAME, p))) if parts else subject


def _actors(subject: str) -> Iterator[tuple[str, str]]:
    seen: set[str] = set()
    for name, pattern in _INTERNATIONAL.items():
        if re.search(pattern, subject):
            seen.add(name)
            yield name, "organisation" if name != "Holy See" else "state"
    for mention in find_places(subject):
        country = mention.place.country
        located = (
            subject[max(0, mention.start - 3) : mention.start] == "in "
        )  # "the Houthis in Yemen"
        # "Iranian clerics" are people of a country, not the state: a demonym speaks for the
        # state only with an office ("Russian president", "the Iranian foreign ministry")
        official = mention.kind == "country" or bool(_OFFICE.match(subject[mention.end :]))
        if (
            mention.kind in ("country", "demonym")
            and country
            and country not in seen
            and not located
            and official
        ):
            seen.add(country)
            yield country, "state"
    for part in _split_names(subject):
        group = groups.canonical(part) or _group_phrase(part)
        if group and group not in seen and not find_places(group):
            seen.add(group)
            yield group, "group"


def _group_phrase(text: str) -> str | None:
    m = re.search(
        rf"(?:leader of |head of )?(?:the\s+)?(?P<g>{NAME}\s+(?:movement|group|party|militia))",
        text,
    )
    if m:
        return m.group("g")
    m = re.search(rf"(?:leader|head|chief) of (?:the\s+)?(?P<g>{NAME})", text)
    return groups.canonical(m.group("g")) if m else None
