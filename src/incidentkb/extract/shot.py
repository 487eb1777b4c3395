"""Tolls stated as people shot: "four teenagers were shot, one fatally", "shot six people,
killing four", "was shot and killed", "none of the injuries were life-threatening".

Who was shot and who died are stated; who was wounded is then the difference. Such a toll is
marked derived, and its quote holds both numbers it is computed from.
"""

from __future__ import annotations

import re

from incidentkb.extract.numbers import NUMBER, Count, number_value
from incidentkb.extract.text import Sentence

_N = rf"(?:{NUMBER}|all|both)"
_PEOPLE = r"(?:[\w’'-]+\s+){0,3}?"
_FATAL = rf"(?:,|\s+and|\s+—|\s+-)?\s+(?:(?P<k>{_N}|none)\s+(?:of\s+them\s+)?(?:fatally|critically|mortally)|(?:killing|and\s+killing|fatally\s+wounding)\s+(?P<k2>{_N}))"
_PATTERNS = (
    # "four male teenagers were shot, one fatally"; "six people were shot Saturday"
    re.compile(
        rf"\b(?P<n>{_N})\s+{_PEOPLE}(?:were|have been|had been|got|are|being)\s+shot\b(?!\s+(?:at|dead|and killed))(?:{_FATAL})?",
        re.I,
    ),
    # "a man shot six people, killing four of them"
    re.compile(
        rf"\bshot\s+(?P<n>{_N})\s+(?:people|persons|others|men|women|teens|teenagers|children|victims|officers)(?:{_FATAL})?",
        re.I,
    ),
)
# one victim: "a 22-year-old man was shot and killed", "Mary Spears was shot in the head and died"
_ONE = re.compile(
    r"\b(?:(?:a|an|one)\s+(?:\d+-year-old\s+)?(?:man|woman|teen|teenager|boy|girl|person|child|victim|officer)"
    r"|[A-Z][a-z]+\s+[A-Z][a-z]+(?:,\s+\d+,)?)"
    r"\s+(?:was|has been|had been)\s+(?:shot\s+and\s+killed|fatally\s+(?:shot|stabbed|wounded)|shot\s+dead|"
    r"killed|found\s+dead|pronounced\s+dead|declared\s+dead|shot\s+(?:\w+\s+){1,4}and\s+died)",
)
_PLACE_WORDS = re.compile(
    r"\b(?:Township|County|City|Street|Avenue|Road|Park|Police|Department|Church|School)\b"
)
_NOBODY_DIED = re.compile(
    r"\b(?:none\s+(?:of\s+(?:the|them|their)\s+\w*\s*)?(?:were|was|is|are)\s+(?:killed|fatal|life[- ]threatening)"
    r"|none\s+fatally|no\s+one\s+(?:was|were)\s+killed|nobody\s+(?:was|were)\s+killed|no\s+(?:deaths|fatalities)"
    r"|(?:all|both|each)\s+(?:of\s+(?:the\s+)?\w+\s+)?(?:are|were|is)\s+expected\s+to\s+(?:survive|recover))\b",
    re.I,
)


def shot_tolls(sentence: Sentence) -> list[tuple[str, Count, int, int, int, str | None]]:
    """(field, count, start, end, count start, derivation) for each toll stated this way."""
    out = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(sentence.text):
            out.extend(_from_match(sentence, m))
    for m in _ONE.finditer(sentence.text):
        if _PLACE_WORDS.search(m.group(0).split(" was ")[0]):
            continue  # "Pembroke Township was ...": a place, not a victim
        out.append(
            ("killed", Count(1, "exact"), *_span(sentence, m), sentence.start + m.start(), None)
        )
    for m in _NOBODY_DIED.finditer(sentence.text):
        out.append(
            ("killed", Count(0, "exact"), *_span(sentence, m), sentence.start + m.start(), None)
        )
    return out


def _span(sentence: Sentence, m: re.Match[str]) -> tuple[int, int]:
    return sentence.start + m.start(), sentence.start + m.end()


def _from_match(
    sentence: Sentence, m: re.Match[str]
) -> list[tuple[str, Count, int, int, int, str | None]]:
    shot = _value(m.group("n"))
    if shot is None or shot == 0:
        return []
    start, end = _span(sentence, m)
    n_start = sentence.start + m.start("n")
    fatal = m.group("k") or m.group("k2")
    if fatal is None:
        return [("shot", Count(shot, "exact"), start, end, n_start, None)]
    killed = 0 if fatal.lower() == "none" else _value(fatal, shot)
    if killed is None or killed > shot:
        return []
    k_start = sentence.start + (m.start("k") if m.group("k") else m.start("k2"))
    derivation = f"{shot} shot minus {killed} killed"
    return [
        ("killed", Count(killed, "exact"), start, end, k_start, None),
        ("injured", Count(shot - killed, "exact"), start, end, n_start, derivation),
    ]


def _value(words: str, total: int | None = None) -> int | None:
    w = words.lower()
    if w in ("all", "both"):
        return total if total is not None else (2 if w == "both" else None)
    return number_value(w)
