"""Weapons: each account of what the attack was carried out with, kept with who gave it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from incidentkb.extract.counts import attribution
from incidentkb.extract.text import Sentence

_MODIFIER = (
    r"(?:briefcase|car|truck|suicide|roadside|pipe|nail|pressure[- ]cooker|parcel|letter|time|remote[- ]controlled|"
    r"remotely[- ]detonated|improvised|homemade|home-made|motorcycle|bicycle|vehicle[- ]borne|powerful|crude|"
    r"gasoline|petrol|fire|semi-automatic|automatic|assault|hunting|kitchen|large|small|high-powered|explosive|"
    r"military-style|military-grade|sharp|replica|\d+-tonne|refrigerated|rented|stolen)"
)
_HEAD = (
    r"(?:bombers?|bombs?|IEDs?|explosive devices?|explosives|grenades?|rockets?|missiles?|mortars?|landmines?|"
    r"suicide vests?|explosive vests?|rifles?|AK-47s?|handguns?|pistols?|shotguns?|guns?|firearms?|knives|knife|"
    r"machetes?|axes?|Molotov cocktails?|drones?|weapons?|bows? and arrows?|arrows|gunships?|warplanes?|"
    r"helicopters?|lorry|lorries|trucks?|vans?)"
)
WEAPON = (
    rf"(?P<w>(?:(?:a|an|two|three|four|\d+|twin|several)\s+)?(?:{_MODIFIER}[\s-]+){{0,3}}{_HEAD})"
)
_PLACE = (
    r"(?P<place>(?:inside|in|at|near|under|beneath|outside)\s+(?:a|an|the)\s+[\w-]+(?:\s+[\w-]+)?)"
)
_VEHICLE = r"(?:truck|lorry|van|car|vehicle|SUV|bus)"
_MEANS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"\b(?:carried out|executed|committed|perpetrated|staged)\s+(?:the\s+attacks?\s+)?(?:using|with|by|as)\s+{WEAPON}",
        rf"\b(?:detonated|planted|placed|hid|threw|hurled|fired|set off|armed with|attacked with|opened fire with|"
        rf"wielding|using|used|rammed|drove|carrying)\s+{WEAPON}",
        rf"\b{WEAPON}\s+(?:was|were|had been)\s+(?:reportedly\s+)?(?:placed|planted|hidden|left|concealed)\s+{_PLACE}",
        rf"\b{WEAPON}\s+(?:was|were|had been)\s+(?:reportedly\s+)?(?:detonated|set off|thrown|hurled|fired|used|"
        rf"found|recovered|seized)",
        # "killed with a sharp weapon", "hacked to death with machetes", "packed with explosives"
        rf"\b(?:killed|hacked|stabbed|beaten|shot|attacked|packed|laden|loaded|rigged|filled)\s+(?:to\s+death\s+)?"
        rf"with\s+(?:[\w-]+\s+){{0,6}}?{WEAPON}",
        # "10 to 12 kilograms of explosives"
        rf"\b\d+(?:\s+to\s+\d+)?\s+(?:kilograms?|kg|pounds?|tonnes?|tons?)\s+of\s+(?:[\w-]+\s+){{0,2}}?{WEAPON}",
        # "the attacker's rifle"; "a gunship repeatedly fired on"
        rf"\b(?:attacker|gunman|suspect|shooter|bomber|assailant|driver)['’]s\s+{WEAPON}",
        r"\b(?P<air>(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:gunships?|warplanes?|helicopters?|drones?|aircraft|jets?))"
        r"\s+(?:\w+\s+)?(?:fired on|struck|bombed|attacked|strafed)",
        # "poured petrol over the ground floor and set it alight"
        r"\b(?P<fuel>poured\s+(?:petrol|gasoline|fuel|kerosene|an accelerant)\b)",
        rf"\b(?P<ram>(?:drove|driving)\s+(?:a|an|the|his)\s+(?:[\w-]+\s+){{0,3}}{_VEHICLE}\s+into)",
        rf"\b(?P<ram2>(?:a|the|his)\s+{_VEHICLE})\s+(?:rammed|ploughed|plowed|drove)\s+into",
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


_HINT = re.compile(
    rf"{_HEAD}|{_VEHICLE}|gunship|warplane|aircraft|jet|petrol|gasoline|fuel|kerosene|accelerant",
    re.I,
)


def weapons(sentence: Sentence) -> list[Mention]:
    out: list[Mention] = []
    if not _HINT.search(sentence.text):
        return out
    for pattern in _MEANS:
        for m in pattern.finditer(sentence.text):
            g = m.groupdict()
            phrase = g.get("ram") or g.get("ram2") or g.get("fuel") or g.get("air") or g["w"]
            if re.search(r"\bnot\s+$", sentence.text[max(0, m.start() - 6) : m.start()]):
                continue  # "not shot with arrows"
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
    phrase = re.sub(r"^(?:drove|driving|poured)\s+|\s+into$", "", phrase.strip(), flags=re.I)
    if _BARE.match(phrase) and phrase.lower().startswith("the") and not place:
        return None  # "the explosives were used": an anaphor, not an account of the weapon
    words = re.sub(r"^(?:a|an|the|his|two|three|four|\d+|twin|several)\s+", "", phrase, flags=re.I)
    value = words.lower()
    return f"{value} {place}" if place else value


def _unique(found: list[Mention]) -> list[Mention]:
    """One mention per stretch of text: where patterns overlap, the longest reading stays."""
    kept: list[Mention] = []
    for m in sorted(found, key=lambda m: m.start - m.end):
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)
