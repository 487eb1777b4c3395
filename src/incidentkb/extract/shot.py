"""Tolls stated without a plain count: people shot ("four teenagers were shot, one fatally",
"shot six people, killing four"), single victims ("a civilian was killed", "gunmen shot and
killed a sheikh"), "killing himself and three policemen", "killing all three", and statements
that nobody died ("all are expected to survive").

Who was shot and who died are stated; who was wounded is then the difference. Such a toll is
marked derived, names its computation, and its quote holds both numbers it is computed from.
"""

from __future__ import annotations

import re

from incidentkb.extract.numbers import NUMBER, Count, number_value
from incidentkb.extract.text import Sentence

Found = tuple[
    str, Count, int, int, int, str | None
]  # field, count, start, end, count start, derivation

_N = rf"(?:{NUMBER}|all|both)"
_PEOPLE = r"(?:[\w’'-]+\s+){0,6}?"  # "four men playing dice in a Pittsburgh neighborhood were shot"
_FATAL = (
    rf"(?:,|\s+and|\s+—|\s+-)?\s+(?:(?P<k>{_N}|none)\s+(?:of\s+them\s+)?(?:fatally|mortally)"
    rf"|(?:killing|and\s+killing|fatally\s+wounding)\s+(?P<k2>{_N}))"
)
_SHOT = (
    # "four male teenagers were shot, one fatally"; "six people were shot Saturday"
    re.compile(
        rf"\b(?P<n>{_N})\s+{_PEOPLE}(?:were|have been|had been|got|are|being)\s+shot\b"
        rf"(?!\s+(?:at\s+(?:by|but)\b|dead|and killed))(?:{_FATAL})?",
        re.I,
    ),
    # "a man shot six people, killing four of them"; "shooting four people, one fatally"
    re.compile(
        rf"\b(?:shot|shooting|shooting\s+at)\s+(?P<n>{_N})\s+(?:people|persons|others|men|women|"
        rf"teens|teenagers|children|victims|officers|worshippers|students)(?:{_FATAL})?",
        re.I,
    ),
)
_DIED = (
    r"(?:shot\s+and\s+killed|fatally\s+(?:shot|stabbed|wounded)|shot\s+dead|killed|murdered|"
    r"assassinated|found\s+dead|pronounced\s+dead|declared\s+dead|beheaded|"
    r"(?:stabbed|beaten|hacked)\s+to\s+death|shot\s+(?:\w+\s+){1,4}and\s+died|kidnapped\s+and\s+killed)"
)
_KILLS = (
    r"(?:killed|killing|kills|murdered|murdering|assassinated|assassinating|shot\s+and\s+killed|"
    r"shot\s+dead|beheaded|stabbed\s+to\s+death|stabbing\s+to\s+death)"
)
_NUMBER_WORD = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
# one victim as the subject: "a 22-year-old man was shot and killed", "Mary Spears was shot ..."
_ONE = re.compile(
    rf"(?<![Nn]o\s)\b(?:(?:[Aa]|[Aa]n|[Oo]ne)\s+(?:[\w-]+\s+){{0,3}}?[a-z]+(?:,\s+[^,]{{3,60}},)?"
    rf"|[A-Z][a-z]+\s+[A-Z][a-z]+(?:,\s+(?:\d+|[^,]{{3,60}}),)?)"
    rf"\s+(?:was|has been|had been)\s+(?:reportedly\s+)?{_DIED}"
)
# one victim as the object: "gunmen shot and killed a civilian", "killing a policeman"
_ONE_OBJECT = re.compile(
    rf"\b{_KILLS}\s+(?:a|an|one)\s+(?!(?:hundred|thousand|dozen|half|few|number|couple|total|series)\b)"
    rf"(?:[\w-]+\s+){{0,3}}?[a-z]+(?<!s)\b"
    rf"(?!\s+(?:and|or)\s+(?:\w+\s+)?{_NUMBER_WORD}\b)"
)
_HURT = r"(?:(?:shot\s+and\s+)?(?:wounded|injured|hurt)|shot\s+(?:\w+\s+){0,4}?and\s+(?:wounded|injured|hurt))"
# one wounded: "a 17-year-old was shot and wounded", "striking and injuring Keith Williams"
_ONE_HURT = re.compile(
    rf"(?<![Nn]o\s)\b(?:(?:[Aa]|[Aa]n|[Oo]ne)\s+(?:[\w-]+\s+){{0,3}}?[a-z]+(?:,\s+[^,]{{3,60}},)?"
    rf"|[A-Z][a-z]+\s+[A-Z][a-z]+(?:,\s+(?:\d+|[^,]{{3,60}}),)?)"
    rf"\s+(?:was|has been|had been)\s+(?:also\s+)?{_HURT}\b"
    rf"|\b(?:injuring|wounding)\s+(?:a|an|one)\s+(?!(?:hundred|thousand|dozen|few|number|total)\b)"
    rf"(?:[\w-]+\s+){{0,3}}?[a-z]+(?<!s)\b(?!\s+(?:and|or)\s)"
    rf"|\b(?:injuring|wounding)\s+[A-Z][a-z]+\s+[A-Z][a-z]+\b(?!\s+and\s)"
)
_PLACE_WORDS = re.compile(
    r"\b(?:Township|County|City|Street|Avenue|Road|Park|Police|Department|Church|School)\b"
)
# "killing himself and three policemen": the attacker and the others, all stated
_SELF_AND = re.compile(
    rf"\b{_KILLS}\s+(?:himself|herself|him|her)\s+and\s+(?P<n>{NUMBER}|a|an)\s+[\w-]+", re.I
)
_ALL_N = re.compile(
    rf"\b{_KILLS}\s+(?:all|both)\s+(?:(?P<n>{NUMBER})\b|of\s+them|individuals|men|people)", re.I
)
_NOBODY_DIED = re.compile(
    r"\b(?:none\s+(?:of\s+(?:the|them|their)\s+\w*\s*)?(?:were|was|is|are)\s+(?:killed|fatal|life[- ]threatening)"
    r"|none\s+fatally|no\s+one\s+(?:was|were)\s+killed|nobody\s+(?:was|were)\s+killed|no\s+(?:deaths|fatalities)"
    r"|(?:all|both|each)\s+(?:of\s+(?:the\s+)?\w+\s+)?(?:are|were|is)\s+expected\s+to\s+(?:survive|recover))\b",
    re.I,
)


def shot_tolls(sentence: Sentence) -> list[Found]:
    """Each toll the sentence states in one of these ways, with its document offsets."""
    out: list[Found] = []
    for pattern in _SHOT:
        for m in pattern.finditer(sentence.text):
            out.extend(_shot(sentence, m))
    out.extend(_single(sentence))
    for m in _SELF_AND.finditer(sentence.text):
        others = 1 if m.group("n").lower() in ("a", "an") else number_value(m.group("n"))
        if others:
            derived = f"1 attacker plus {others} killed"
            out.append(
                (
                    "killed",
                    Count(others + 1, "exact"),
                    *_span(sentence, m),
                    _at(sentence, m, "n"),
                    derived,
                )
            )
    for m in _ALL_N.finditer(sentence.text):
        n = (
            number_value(m.group("n"))
            if m.group("n")
            else (2 if "both" in m.group(0).lower() else None)
        )
        if n:
            out.append(("killed", Count(n, "exact"), *_span(sentence, m), _at(sentence, m), None))
    for m in _NOBODY_DIED.finditer(sentence.text):
        out.append(("killed", Count(0, "exact"), *_span(sentence, m), _at(sentence, m), None))
    return out


def _single(sentence: Sentence) -> list[Found]:
    out: list[Found] = []
    for m in [*_ONE.finditer(sentence.text), *_ONE_OBJECT.finditer(sentence.text)]:
        if _PLACE_WORDS.search(m.group(0).split(" was ")[0]):
            continue  # "Pembroke Township was ...": a place, not a victim
        out.append(("killed", Count(1, "exact"), *_span(sentence, m), _at(sentence, m), None))
    for m in _ONE_HURT.finditer(sentence.text):
        if not _PLACE_WORDS.search(m.group(0).split(" was ")[0]):
            out.append(("injured", Count(1, "exact"), *_span(sentence, m), _at(sentence, m), None))
    return out


def _span(sentence: Sentence, m: re.Match[str]) -> tuple[int, int]:
    return sentence.start + m.start(), sentence.start + m.end()


def _at(sentence: Sentence, m: re.Match[str], group: str | int = 0) -> int:
    return sentence.start + m.start(group)


def _shot(sentence: Sentence, m: re.Match[str]) -> list[Found]:
    shot = _value(m.group("n"))
    if shot is None or shot == 0:
        return []
    start, end = _span(sentence, m)
    fatal = m.group("k") or m.group("k2")
    if fatal is None:
        return [("shot", Count(shot, "exact"), start, end, _at(sentence, m, "n"), None)]
    killed = 0 if fatal.lower() == "none" else _value(fatal, shot)
    if killed is None or killed > shot:
        return []
    k_start = _at(sentence, m, "k" if m.group("k") else "k2")
    return [
        ("killed", Count(killed, "exact"), start, end, k_start, None),
        (
            "injured",
            Count(shot - killed, "exact"),
            start,
            end,
            _at(sentence, m, "n"),
            f"{shot} shot minus {killed} killed",
        ),
    ]


def _value(words: str, total: int | None = None) -> int | None:
    w = words.lower()
    if w in ("all", "both"):
        return total if total is not None else (2 if w == "both" else None)
    return number_value(w)
