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


_GROUP_NOUN = r"(?:\s+(?:group|militants|militia|movement|organi[sz]ation|faction|network|rebels))?"
_PERSON = r"(?P<who>[A-Z][\w’'-]+(?:\s+(?:al|bin|van|de|von|el)?\s*[A-Z][\w’'.-]+){1,3})"
_SUSPECT = r"(?:suspect|suspected\s+\w+|gunman|attacker|bomber|assailant|driver|shooter|perpetrator|man|woman)"
_CLAIM_OBJECT = r"(?:responsibility|credit|the\s+(?:attacks?|bombings?|blasts?|shootings?|killings?|massacre|assault))"

# (role, pattern): the name is in the group `who`; `alias` replaces it when given; `by` names
# who made the accusation. Patterns run over one sentence.
_PERPETRATOR_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "claimed",
        _c(
            rf"(?P<who>{NAME}){_GROUP_NOUN}(?P<appos>,[^,]{{3,80}},)?\s+(?:has\s+|had\s+|later\s+|quickly\s+|swiftly\s+)*claimed\s+{_CLAIM_OBJECT}"
        ),
    ),
    (
        "claimed",
        _c(
            rf"(?:responsibility|credit)\s+(?:for\s+the\s+\w+\s+)?(?:was|has been)\s+claimed\s+by\s+(?:the\s+)?(?P<who>{NAME})"
        ),
    ),
    (
        "claimed",
        _c(rf"\bclaimed\s+by\s+(?:the\s+|a\s+group\s+(?:known\s+as|called)\s+)?(?P<who>{NAME})"),
    ),
    # "the Islamic State group said through its Amaq news agency that the attacker was one of its soldiers"
    (
        "claimed",
        _c(
            rf"(?P<who>{NAME}){_GROUP_NOUN}\s+said\b[^.]{{0,60}}?\bthat\s+the\s+{_SUSPECT}s?\s+(?:was|were)\s+(?:one\s+of\s+)?its\s+(?:soldiers?|fighters?|members?)"
        ),
    ),
    (
        "assessed",
        _c(
            rf"(?:was|were)\s+(?:perpetrated|carried out|executed|committed|orchestrated)\s+by\s+(?:the\s+)?(?P<who>[^,.;]{{0,80}})(?:,\s+(?:known as\s+)?(?P<alias>{NAME}))?"
        ),
    ),
    (
        "assessed",
        _c(
            rf"\battributed\s+the\s+(?:attacks?|bombings?|blasts?|shootings?|killings?)\s+to\s+(?:the\s+)?(?P<who>{NAME})"
        ),
    ),
    (
        "assessed",
        _c(
            rf"\b(?:part\s+of|member\s+of|linked\s+to|belonged\s+to)\s+(?:a\s+|the\s+)?(?:[\w-]+\s+){{0,3}}?(?:linked\s+to\s+)?(?:the\s+)?(?P<who>{NAME}){_GROUP_NOUN}\s+(?:faction|wing|branch)?"
        ),
    ),
    ("assessed", _c(rf"\b(?:named|identified)\s+the\s+{_SUSPECT}\s+as\s+{_PERSON}")),
    (
        "assessed",
        _c(
            rf"\bthe\s+{_SUSPECT}\s+(?:was|has been|had been)\s+(?:named|identified)\s+as\s+{_PERSON}"
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
            rf"(?P<by>{_NAMES}|[A-Z][\w ,'’-]{{0,80}}?)\s+(?:also\s+|had\s+|has\s+|have\s+)?(?:blamed|accused)\s+(?P<who>{_NAMES})(?=\s*(?:\(|,|\.|for\b|of\b))"
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
        "accused",
        _c(
            rf"(?P<by>{NAME})\s+said\s+(?:that\s+)?the\s+(?:gunmen|attackers|bombers|assailants|perpetrators|militants)\s+were\s+members\s+of\s+(?:the\s+)?(?:[a-z]+\s+){{0,3}}(?P<who>{NAME})"
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
    (
        "denied",
        _c(
            rf"(?P<who>{NAME}),[^.]{{0,60}}?\bsaid\s+(?:that\s+)?(?:the\s+group|it|they)\s+(?:had|has|was|were)\s+(?:nothing\s+to\s+do\s+with|not\s+(?:involved|responsible)|no\s+(?:role|involvement))"
        ),
    ),
    (
        "arrested",
        _c(
            rf"\b(?:the\s+)?{_SUSPECT},\s+{_PERSON},(?:\s+[^,]{{3,80}},)?\s+(?:was|has been|had been|who was)\s+(?:\w+\s+){{0,3}}?(?:arrested|charged|detained|caught|captured|taken into custody)"
        ),
    ),
    (
        "arrested",
        _c(
            rf"\b{_PERSON},\s+(?:a|an)\s+\d+-year-old\b[^.]{{0,120}}?\b(?:was|were|has been)?\s*(?:arrested|charged|detained)\b"
        ),
    ),
    (
        "arrested",
        _c(
            rf"\b(?:arrested|detained|apprehended|charged)\s+{_PERSON}(?=,|\s+(?:on|in|at|for|after|with)\b)"
        ),
    ),
)
_ORG_WORD = re.compile(
    r"\b(?:Front|Army|Party|Group|Brigades?|Organi[sz]ation|Movement|Cells?|Tigers|Liberation|Revolutionary|"
    r"Forces|Council|Squad|Commandos?|Jihad|Mujahideen|Mujahedin|Resistance|Avengers|Militia|Command|"
    r"Battalion|Legion|Faction|Union|League|Committee|Alliance|Path|Guerrillas?|Separatists?|Taliban|"
    r"Qaeda|Hezbollah|Hizballah|Hamas|Fatah|Shabaab|Haram)\b"
)
_MEMBERS = r"(?:members?|militants?|guerrillas?|gunmen|rebels?|fighters?|extremists?|cadres?|activists?|terrorists?|insurgents?)"
_DEED = (
    r"(?:killed|attacked|planted|bombed|kidnapped|abducted|shot|opened\s+fire|raided|ambushed|set\s+fire|"
    r"detonated|assassinated|hijacked|seized|fired|stormed|threw|hurled|exploded|massacred|murdered|took)"
)
# Analyst and wire reports state the perpetrator as fact: "Members of the PWG killed ...",
# "... was kidnapped by the 24th Front of the FARC". Such names must look like a group.
_AGENT_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "assessed",
        _c(
            rf"\b(?:[Aa]rmed\s+)?(?:[Mm]embers|[Mm]ilitants|[Gg]uerrillas|[Gg]unmen|[Rr]ebels|[Ff]ighters|[Ee]xtremists|[Cc]adres)\s+(?:of|from|affiliated\s+with|belonging\s+to|loyal\s+to)\s+(?:the\s+)?(?:[a-z-]+\s+){{0,2}}(?P<who>{NAME})"
        ),
    ),
    (
        "assessed",
        _c(
            rf"(?<![Ss]uspected\s)\b(?P<who>{NAME})(?:\s+\([A-Z][\w/-]+\))?\s+(?:{_MEMBERS}\s+)?{_DEED}\b"
        ),
    ),
    (
        "assessed",
        _c(
            rf"\b(?:{_DEED}|carried\s+out|perpetrated)\s+by\s+(?:the\s+)?(?:\w+\s+){{0,3}}?(?:of\s+)?(?:the\s+)?(?P<who>{NAME})"
        ),
    ),
    (
        "suspected",
        _c(
            rf"\b(?P<who>{NAME})(?:\s+\([A-Z][\w/-]+\))?(?:,[^,]{{3,60}},)?\s+(?:is|are|was|were)\s+(?:\w+\s+)?(?:suspected|believed\s+(?:to\s+be\s+)?(?:responsible|behind)|blamed|implicated|behind\s+the\s+{_ATTACK})"
        ),
    ),
    (
        "suspected",
        _c(
            rf"\b(?:believe|believed|suspect|suspected|think)\s+(?:that\s+)?(?:the\s+)?(?P<who>{NAME})(?:\s+\([A-Z][\w/-]+\))?\s+(?:may\s+be|might\s+be|was|were|is|are|could\s+be)\s+(?:responsible|behind)"
        ),
    ),
    (
        "suspected",
        _c(
            rf"\bsuspect(?:ed)?\s+(?:[\w-]+\s+){{0,2}}?{_MEMBERS}\s+(?:of\s+)?(?:the\s+)?(?P<who>{NAME})"
        ),
    ),
    # "suspected Shining Path guerrillas", "suspected to be from Hamas"
    (
        "suspected",
        _c(
            rf"\bsuspected\s+(?:to\s+be\s+(?:from|members\s+of)\s+)?(?:the\s+)?(?P<who>{NAME})(?:\s+\([A-Z][\w/-]+\))?(?:\s+{_MEMBERS}|[\s,.;]|$)"
        ),
    ),
    # "The Kurdistan Freedom Hawks (TAK) issued a statement claiming responsibility"
    (
        "claimed",
        _c(
            rf"\b(?P<who>{NAME})(?:\s+\([A-Z][\w/-]+\))?\s+(?:issued|released|posted|published)\s+(?:a\s+)?statements?\s+claiming\s+{_CLAIM_OBJECT}"
        ),
    ),
    (
        "claimed",
        _c(
            rf"\b(?:in\s+the\s+name\s+of|on\s+behalf\s+of|inscription\s+of|signed\s+by)\s+(?:the\s+)?(?P<who>{NAME})"
        ),
    ),
)


_SUSPECTED = re.compile(r"\b(?:suspected|alleged|believed|suspect)\b", re.I)


def _is_group_name(name: str) -> bool:
    return groups.canonical(name) is not None or bool(_ORG_WORD.search(name))


# "The government rejected the claim": the group that claimed it is denied
_DENIES_CLAIM = re.compile(
    r"\b(?:rejected|dismissed|denied|disputed)\s+(?:the|this|that|its|their)\s+claims?\b"
)


# Patterns that open with a name scan every capitalised word; a sentence without their verb
# cannot match, so a cheap test on the verb first keeps extraction fast (5x on news pages).
_GATES: dict[int, re.Pattern[str]] = {
    id(pattern): re.compile(gate, re.I)
    for pattern, gate in (
        (_PERPETRATOR_PATTERNS[0][1], r"\bclaimed\b"),
        (_PERPETRATOR_PATTERNS[3][1], r"\bits\b"),
        (_PERPETRATOR_PATTERNS[10][1], r"\b(?:blamed|accused)\b"),
        (_PERPETRATOR_PATTERNS[12][1], r"\bclaimed that\b"),
        (_PERPETRATOR_PATTERNS[13][1], r"\bmembers of\b"),
        (_PERPETRATOR_PATTERNS[14][1], r"\b(?:denied|rejected)\b"),
        (
            _PERPETRATOR_PATTERNS[16][1],
            r"\b(?:nothing to do|not involved|not responsible|no role|no involvement)\b",
        ),
        (_AGENT_PATTERNS[1][1], _DEED),
        (_AGENT_PATTERNS[3][1], r"\b(?:suspected|believed|blamed|implicated|behind)\b"),
        (_AGENT_PATTERNS[7][1], r"\bstatements?\s+claiming\b"),
    )
}


def _matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    gate = _GATES.get(id(pattern))
    if gate is None or gate.search(text):
        yield from pattern.finditer(text)


def perpetrators(sentence: Sentence) -> list[ActorClaim]:
    out: list[ActorClaim] = []
    for role, pattern in _PERPETRATOR_PATTERNS:
        for m in _matches(pattern, sentence.text):
            out.extend(_perpetrator_claims(sentence, role, m))
    for role, pattern in _AGENT_PATTERNS:
        for m in _matches(pattern, sentence.text):
            if role == "assessed" and _SUSPECTED.search(
                sentence.text[max(0, m.start() - 30) : m.start() + 30]
            ):
                continue  # "three suspected members of X": suspected, not established
            out.extend(c for c in _perpetrator_claims(sentence, role, m) if _is_group_name(c.name))
    return _dedupe(out)


def _perpetrator_claims(sentence: Sentence, role: str, m: re.Match[str]) -> Iterator[ActorClaim]:
    g = m.groupdict()
    names = [g["alias"]] if g.get("alias") else _split_names(g["who"])
    if (acronym := _acronym_after(sentence.text, m.end("who"))) is not None:
        names = [acronym]  # "Basque Fatherland and Freedom (ETA)": the name runs to its acronym
    appos = g.get("appos")
    if appos and (known := _known_group(appos)):
        names = [known]  # "Sarbakaf Mohmand, a commander of Jamaat-ul-Ahrar, claimed ..."
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


_ACRONYM_AFTER = re.compile(r"(?:\s+(?:and|&)\s+[A-Z][\w’'-]*)*\s+\(([A-Z][A-Za-z0-9/-]{1,9})\)")


def _acronym_after(text: str, end: int) -> str | None:
    """The known group whose acronym follows the matched words, if any."""
    m = _ACRONYM_AFTER.match(text, end)
    return groups.canonical(m.group(1)) if m else None


def _known_group(text: str) -> str | None:
    for name in re.findall(NAME, text):
        if (canonical := groups.canonical(name)) is not None:
            return canonical
    return None


def denied_claims(sentence: Sentence, claimed: str | None) -> list[ActorClaim]:
    """ "The government rejected the claim": a denial of the group that claimed the attack."""
    if claimed is None:
        return []
    return [
        ActorClaim(claimed, "denied", sentence.start + m.start(), sentence.start + m.end())
        for m in _DENIES_CLAIM.finditer(sentence.text)
    ]


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
    return groups.canonical(found[-1]) or found[-1].strip().rstrip(".")  # "... Front."


def _persons(text: str) -> Iterator[str]:
    """Person names in a subject list, titles, places and demonyms stripped
    ("Iranian president Ebrahim Raisi" -> "Ebrahim Raisi")."""
    for part in _split_names(text):
        for mention in sorted(find_places(part), key=lambda m: -m.start):
            if mention.kind in ("country", "demonym"):
                part = part[: mention.start] + " " + part[mention.end :]
        runs: list[list[str]] = [[]]
        for w in _TITLE_WORDS.sub(" ", part).split():
            if w[0].isupper() and w not in _ORG_WORDS and not (w.isupper() and len(w) > 1):
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
