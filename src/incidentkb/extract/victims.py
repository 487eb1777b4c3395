"""Who the victims were ("the dead included 23 students") and how many were arrested."""

from __future__ import annotations

import re
from dataclasses import dataclass

from incidentkb.extract.numbers import NUMBER, QUALIFIER, number_value
from incidentkb.extract.text import Sentence


@dataclass(frozen=True, slots=True)
class Counted:
    value: str  # the group ("students") or "arrests"
    count: int
    start: int
    end: int


_DEAD = r"(?:the\s+dead(?:\s+[a-z]+)?|the\s+victims|those\s+killed|the\s+killed|the\s+injured|the\s+wounded|casualties)"
_ITEM = rf"(?P<n>{NUMBER})\s+(?P<group>(?:[A-Za-z-]+\s+){{0,2}}?[a-z-]+)"
# "The dead included 23 students, 14 Afghan nationals and three paramedics"
_LIST = re.compile(
    rf"\b(?:{_DEAD}|among\s+the\s+dead)\s+(?:included|include|were|are)\s+(?P<list>[^.;]+)", re.I
)
# "Five people were killed, four women and one man"
_APPOSITION = re.compile(
    rf"\b(?:killed|died|dead|wounded|injured)\b[^,.;]{{0,30}},\s+(?P<list>{NUMBER}\s+[a-z-]+(?:\s+[a-z-]+)?"
    rf"(?:,\s+|,?\s+and\s+){NUMBER}\s+[a-z-]+[^.;]*)",
    re.I,
)
_LIST_ITEM = re.compile(rf"\b{_ITEM}\b", re.I)
# "101 of the dead were women"; "ten of those killed were under 20"
_OF_THE_DEAD = re.compile(
    rf"\b(?P<n>{NUMBER})\s+of\s+{_DEAD}\s+(?:were|was)\s+(?P<group>[^,.;]{{2,40}})", re.I
)
# "Twenty-six foreign nationals from 14 countries were among those killed"
_AMONG = re.compile(
    rf"\b{_ITEM}(?:\s+from\s+[^,.;]{{1,30}}?)?\s+(?:were|was)\s+among\s+(?:the\s+dead|those\s+killed|"
    rf"the\s+victims|the\s+injured|those\s+injured)",
    re.I,
)
# "269 dead, among them at least 45 foreign nationals"
_AMONG_THEM = re.compile(
    rf"\b(?:killed|died|dead|deaths|victims|injured|wounded)\b[^.;]{{0,40}}?\b(?:among\s+them|including|of\s+whom)\s+"
    rf"(?:(?:{QUALIFIER})\s+)?{_ITEM}",
    re.I,
)
_NOT_A_GROUP = frozenset(
    {
        "people",
        "persons",
        "others",
        "other",
        "more",
        "of",
        "were",
        "was",
        "and",
        "or",
        "to",
        "aged",
        "years",
    }
)


_VICTIM_HINT = re.compile(
    r"dead|victims|killed|died|injured|wounded|casualties|among|including|whom", re.I
)
_ARREST_HINT = re.compile(r"arrest|detain|apprehend|captur|custody", re.I)


def victims(sentence: Sentence) -> list[Counted]:
    out: list[Counted] = []
    if not _VICTIM_HINT.search(sentence.text):
        return out
    for pattern in (_LIST, _APPOSITION):
        for m in pattern.finditer(sentence.text):
            base = sentence.start + m.start("list")
            for g in _LIST_ITEM.finditer(m.group("list")):
                out.extend(_counted(g, base))
    for pattern in (_OF_THE_DEAD, _AMONG, _AMONG_THEM):
        for m in pattern.finditer(sentence.text):
            out.extend(_counted(m, sentence.start))
    return out


def _counted(m: re.Match[str], base: int) -> list[Counted]:
    count = number_value(m.group("n"))
    group = m.group("group").strip()
    if count is None or group.split()[0].lower() in _NOT_A_GROUP:
        return []
    return [Counted(group, count, base + m.start(), base + m.end())]


_ARRESTED = (
    r"(?:arrested|detained|apprehended|captured|took\s+into\s+custody|taken\s+into\s+custody)"
)
_PERSONS = r"(?:people|persons|suspects|men|women|individuals|others|youths|teenagers|members)"
_ARREST = re.compile(
    rf"\b{_ARRESTED}\s+(?:a\s+total\s+of\s+)?(?:(?:{QUALIFIER})\s+)?(?P<n>{NUMBER})\s+(?:other\s+|more\s+|further\s+|suspected\s+)?{_PERSONS}\b"
    rf"|\b(?P<n2>{NUMBER})\s+(?:other\s+|more\s+)?{_PERSONS}\s+(?:have\s+been|had\s+been|were|was)\s+{_ARRESTED}",
    re.I,
)
# one person: "arrested a 23-year-old man", "one suspect was captured alive", "arrested him"
_ARREST_ONE = re.compile(
    rf"\b{_ARRESTED}\s+(?:a|an|one)\s+(?:[\w-]+\s+){{0,3}}?(?:man|woman|boy|girl|teenager|teen|suspect|person|youth|student)\b"
    rf"|\b(?:a|an|one)\s+(?:[\w-]+\s+){{0,2}}?suspect\s+(?:was|had\s+been)\s+{_ARRESTED}"
    rf"|\b{_ARRESTED}\s+(?:him|her)\b",
    re.I,
)


def arrests(sentence: Sentence) -> list[Counted]:
    out: list[Counted] = []
    if not _ARREST_HINT.search(sentence.text):
        return out
    for m in _ARREST.finditer(sentence.text):
        count = number_value(m.group("n") or m.group("n2"))
        if count:
            out.append(
                Counted("arrests", count, sentence.start + m.start(), sentence.start + m.end())
            )
    for m in _ARREST_ONE.finditer(sentence.text):
        out.append(Counted("arrests", 1, sentence.start + m.start(), sentence.start + m.end()))
    return out
