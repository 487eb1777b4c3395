"""Who did it and who said what: perpetrator claims with roles, and reactions with stances."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from incidentkb.extract import groups
from incidentkb.extract.places import find_places
from incidentkb.extract.text import Sentence

# A proper name: capitalised words, joined by "of", "the", dashes or "al-" particles.
_CAP = r"(?:ISIS[-–]K|[A-Z][\w’'.]*(?:[-–][A-Za-z][\w’']*)*|al-[A-Z][\w’'-]*)"
NAME = (
    rf"(?:{_CAP}(?:(?:\s+(?:of|of the|for|for the|al|bin|de|del|la|el)\s+|\s+[-–]\s+|\s+){_CAP})*)"
)
_NAMES = rf"(?:the\s+)?{NAME}(?:(?:,\s+|\s+and\s+|,\s+and\s+)(?:the\s+)?{NAME})*"
_TITLES = (
    r"(?:[Vv]ice |[Pp]rime |[Ff]oreign |[Ii]nterior |[Dd]efen[cs]e |[Ss]upreme |[Dd]eputy )?"
    r"(?:[Pp]resident|[Mm]inister|[Ll]eader|[Gg]eneral|[Cc]ommander|[Ss]pokes(?:man|woman|person)|[Hh]ead|"
    r"[Cc]hief|[Kk]ing|[Qq]ueen|[Ss]ecretary[- ][Gg]eneral|[Mm]ayor|[Gg]overnor|[Cc]hancellor|"
    r"[Ss]ecretary|[Aa]yatollah|[Mm]ember|[Ss]peaker|[Ee]mir|[Cc]ommanding general)"
)
_TITLE_WORDS = re.compile(rf"\b(?:{_TITLES}|Brigadier|Major|Colonel|Grand|Sheikh|General)\b\s*")
_ATTACK = r"(?:attacks?|bombings?|blasts?|explosions?|shootings?|assault|massacre|killings?|incident|strike)"


@dataclass(frozen=True, slots=True)
class ActorClaim:
    """A perpetrator or reaction found in a sentence (offsets are the document's)."""

    name: str
    role: str  # perpetrator role or reaction stance
    start: int
    end: int
    by: tuple[str, ...] = ()
    attributed_to: str | None = None
    person: str | None = None
    actor_type: str | None = None


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


_PERPETRATOR_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "claimed",
        _c(
            rf"(?P<who>{NAME})(?:,[^,]{{3,60}},)?\s+(?:has\s+|had\s+|later\s+|quickly\s+)*claimed\s+(?:responsibility|credit)"
        ),
    ),
    (
        "claimed",
        _c(
            rf"(?:responsibility|credit)\s+(?:for\s+the\s+\w+\s+)?(?:was|has been)\s+claimed\s+by\s+(?:the\s+)?(?P<who>{NAME})"
        ),
    ),
    ("claimed", _c(rf"\bclaimed\s+by\s+(?:the\s+)?(?P<who>{NAME})")),
    (
        "assessed",
        _c(
            rf"(?:was|were)\s+(?:perpetrated|carried out|executed|committed|orchestrated)\s+by\s+(?:the\s+)?(?P<who>[^,.;]{{0,80}})(?:,\s+(?:known as\s+)?(?P<alias>{NAME}))?"
        ),
    ),
    (
        "suspected",
        _c(
            rf"\bsuspected\s+(?:members|militants|fighters|supporters)\s+of\s+(?:the\s+)?(?P<who>{NAME})"
        ),
    ),
    (
        "accused",
        _c(
            rf"(?P<by>{_NAMES}|[A-Z][\w ,'’-]{{0,80}}?)\s+(?:also\s+|had\s+|has\s+|have\s+)?(?:blamed|accused)\s+(?P<who>{_NAMES})\s+(?:for|of)\b"
        ),
    ),
    ("accused", _c(rf"\b(?:continued|continue)\s+to\s+(?:accuse|blame)\s+(?P<who>{_NAMES})\b")),
    (
        "accused",
        _c(
            rf"(?P<by>{NAME})\s+claimed\s+that\s+the\s+(?:perpetrators|attackers|bombers)\s+were\s+[\"“]?(?:supplied|backed|sent|funded|directed|armed)\s+by\s+(?P<who>{_NAMES})"
        ),
    ),
    (
        "denied",
        _c(
            rf"(?P<who>{NAME})\s+(?:has\s+|had\s+)?(?:denied|rejected)\s+(?:any\s+)?(?:involvement|responsibility)"
        ),
    ),
    (
        "denied",
        _c(
            r"\b(?:denied|rejected|dismissed)\s+(?:suggestions|claims|allegations|accusations)\s+of\s+(?P<who>[A-Z][\w.]*)\s+involvement"
        ),
    ),
)


def perpetrators(sentence: Sentence) -> list[ActorClaim]:
    out: list[ActorClaim] = []
    for role, pattern in _PERPETRATOR_PATTERNS:
        for m in pattern.finditer(sentence.text):
            out.extend(_perpetrator_claims(sentence, role, m))
    return _dedupe(out)


def _perpetrator_claims(sentence: Sentence, role: str, m: re.Match[str]) -> Iterator[ActorClaim]:
    g = m.groupdict()
    names = [g["alias"]] if g.get("alias") else _split_names(g["who"])
    by = tuple(_persons(g["by"])) if g.get("by") else ()
    for raw in names:
        name = groups.canonical(raw) or _tail_name(raw)
        if not name or not _is_actor_name(name):
            continue
        yield ActorClaim(
            name,
            role,
            sentence.start + m.start(),
            sentence.start + m.end(),
            by=by,
            attributed_to=_assessor(sentence.text[: m.start()]) if role == "assessed" else None,
        )


def _assessor(before: str) -> str | None:
    m = re.search(
        rf"(?:the\s+)?(?P<who>{NAME})\s+(?:concluded|assessed|determined|found|said|believes?)\s+that\s+the\s+{_ATTACK}\s*$",
        before,
    )
    if m:
        return m.group("who")
    m = re.search(r"[Bb]ased on (?P<who>[^,]+),", before)
    return m.group("who") if m else None


def _split_names(text: str) -> list[str]:
    parts = re.split(r",\s+and\s+|\s+and\s+|,\s+", text)
    return [re.sub(r"^the\s+", "", p.strip()) for p in parts if p.strip()]


def _tail_name(text: str) -> str | None:
    """The proper name at the end of a description ("the Afghanistan branch of the Islamic State")."""
    found = re.findall(NAME, text)
    if not found:
        return None
    return groups.canonical(found[-1]) or found[-1].strip()


def _persons(text: str) -> Iterator[str]:
    """Person names in a subject list, titles, places and demonyms stripped
    ("Iranian president Ebrahim Raisi" -> "Ebrahim Raisi")."""
    for part in _split_names(text):
        for mention in sorted(find_places(part), key=lambda m: -m.start):
            if mention.kind in ("country", "demonym"):
                part = part[: mention.start] + " " + part[mention.end :]
        runs: list[list[str]] = [[]]
        for w in _TITLE_WORDS.sub(" ", part).split():
            if w[0].isupper() and w not in _ORG_WORDS:
                runs[-1].append(w)
            elif runs[-1]:
                runs.append([])
        names = [r for r in runs if len(r) >= 2]
        if names:  # the last run of two or more capitalised words is the name
            yield " ".join(names[-1])


_ORG_WORDS = frozenset(
    {"Expediency", "Discernment", "Council", "Quds", "Force", "IRGC", "The", "Ministry"}
)


def _is_actor_name(name: str) -> bool:
    """A known group or state, or a multi-word proper name; a lone capitalised word
    ("Zionist", "Police") is too often a modifier or a common noun."""
    if groups.canonical(name) or len(name.split()) >= 2:
        return True
    return any(p.kind == "country" for p in find_places(name))


def _dedupe(claims: list[ActorClaim]) -> list[ActorClaim]:
    seen: dict[tuple[str, str], ActorClaim] = {}
    for c in claims:
        seen.setdefault((c.name, c.role), c)
    return list(seen.values())
