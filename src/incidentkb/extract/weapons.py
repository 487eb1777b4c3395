"""Weapons (each account kept, with who gave it), victim groups and arrest counts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from incidentkb.extract.counts import attribution
from incidentkb.extract.numbers import NUMBER, number_value
from incidentkb.extract.text import Sentence

_MODIFIER = (
    r"(?:briefcase|car|truck|suicide|roadside|pipe|nail|pressure[- ]cooker|parcel|letter|time|remote[- ]controlled|"
    r"remotely[- ]detonated|improvised|homemade|home-made|motorcycle|bicycle|vehicle[- ]borne|powerful|crude|"
    r"gasoline|petrol|fire|semi-automatic|automatic|assault|hunting|kitchen|large|small|high-powered|explosive)"
)
_HEAD = (
    r"(?:bombers?|bombs?|IEDs?|explosive devices?|explosives|grenades?|rockets?|missiles?|mortars?|landmines?|"
    r"suicide vests?|explosive vests?|rifles?|AK-47s?|handguns?|pistols?|shotguns?|guns?|firearms?|knives|knife|"
    r"machetes?|axes?|Molotov cocktails?|drones?)"
)
WEAPON = (
    rf"(?P<w>(?:(?:a|an|two|three|four|\d+|twin|several)\s+)?(?:{_MODIFIER}[\s-]+){{0,2}}{_HEAD})"
)
_PLACE = (
    r"(?P<place>(?:inside|in|at|near|under|beneath|outside)\s+(?:a|an|the)\s+[\w-]+(?:\s+[\w-]+)?)"
)
_MEANS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"\b(?:carried out|executed|committed|perpetrated|staged)\s+(?:the\s+attacks?\s+)?(?:using|with|by|as)\s+{WEAPON}",
        rf"\b(?:detonated|planted|placed|hid|threw|hurled|fired|set off|armed with|attacked with|opened fire with|"
        rf"wielding|using|rammed|drove)\s+{WEAPON}",
        rf"\b{WEAPON}\s+(?:was|were|had been)\s+(?:reportedly\s+)?(?:placed|planted|hidden|left|concealed)\s+{_PLACE}",
        rf"\b{WEAPON}\s+(?:was|were|had been)\s+(?:reportedly\s+)?(?:detonated|set off|thrown|hurled|fired|used)",
        r"\b(?P<ram>(?:a|the|his)\s+(?:truck|lorry|van|car|vehicle|SUV))\s+(?:rammed|ploughed|plowed|drove)\s+into",
    )
)
_BARE = re.compile(r"^(?:the\s+)?(?:bombs?|explosives?|weapons?|guns?)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Mention:
    value: str
    start: int
    end: int
    attributed_to: str | None = None
    count: int | None = None


def weapons(sentence: Sentence) -> list[Mention]:
    out: list[Mention] = []
    for pattern in _MEANS:
        for m in pattern.finditer(sentence.text):
            phrase = m.group("ram") if "ram" in m.groupdict() and m.group("ram") else m.group("w")
            place = m.groupdict().get("place")
            value = _weapon_value(phrase, place)
            if value is None:
                continue
            out.append(
                Mention(
                    value,
                    sentence.start + m.start(),
                    sentence.start + m.end(),
                    attribution(sentence.text),
                )
            )
    return _unique(out)


def _weapon_value(phrase: str, place: str | None) -> str | None:
    words = re.sub(
        r"^(?:a|an|the|two|three|four|\d+|twin|several)\s+", "", phrase.strip(), flags=re.I
    )
    if _BARE.match(words) and not place:
        return None  # "the explosives were used": an anaphor, not an account of the weapon
    value = words.lower()
    return f"{value} {place}" if place else value


def _unique(found: list[Mention]) -> list[Mention]:
    """One mention per stretch of text: where patterns overlap, the longest reading stays."""
    kept: list[Mention] = []
    for m in sorted(found, key=lambda m: m.start - m.end):
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


# "The dead included 23 students, 14 Afghan nationals and three paramedics"
_VICTIM_LIST = re.compile(
    r"\b(?:the dead|the victims|those killed|the killed|the injured|the wounded|casualties|among the dead)"
    r"\s+(?:included|include|were|are)\s+(?P<list>[^.;]+)",
    re.IGNORECASE,
)
_GROUP = re.compile(
    rf"\b(?P<n>{NUMBER})\s+(?P<group>(?:[A-Za-z-]+\s+){{0,2}}?[a-z]+s)\b", re.IGNORECASE
)


def victims(sentence: Sentence) -> list[Mention]:
    out: list[Mention] = []
    for m in _VICTIM_LIST.finditer(sentence.text):
        base = sentence.start + m.start("list")
        for g in _GROUP.finditer(m.group("list")):
            count = number_value(g.group("n"))
            if count is None:
                continue
            out.append(Mention(g.group("group"), base + g.start(), base + g.end(), count=count))
    return out


_ARREST = re.compile(
    rf"\b(?:arrested|detained|apprehended|took into custody)\s+(?:a total of\s+)?(?P<n>{NUMBER})\s+"
    rf"(?:people|persons|suspects|men|women|individuals|others)\b"
    rf"|\b(?P<n2>{NUMBER})\s+(?:people|persons|suspects|men|women|individuals)\s+(?:have been|had been|were|was)\s+"
    rf"(?:arrested|detained)",
    re.IGNORECASE,
)


def arrests(sentence: Sentence) -> list[Mention]:
    out: list[Mention] = []
    for m in _ARREST.finditer(sentence.text):
        count = number_value(m.group("n") or m.group("n2"))
        if count:
            out.append(
                Mention(
                    "arrests", sentence.start + m.start(), sentence.start + m.end(), count=count
                )
            )
    return out
