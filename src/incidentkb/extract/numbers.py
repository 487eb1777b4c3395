"""Counts as news states them: "at least 94", "ninety-five", "between 20 and 30", "two dozen"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num

_UNIT = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen"
)
_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_WORD = rf"(?:(?:{_TENS})(?:[- ](?:{_UNIT}))?|{_UNIT})"
_WORDS = rf"{_WORD}(?:\s+hundred(?:\s+(?:and\s+)?{_WORD})?)?(?:\s+thousand)?"
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+"
# "a dozen", "two dozen": stated amounts; bare "dozens"/"scores" state none and are not matched
_DOZEN = rf"(?:a|(?:{_UNIT}))\s+dozen"
NUMBER = rf"(?:{_DIGITS}|{_DOZEN}|{_WORDS})"

_QUALIFIERS: tuple[tuple[str, str], ...] = (
    (r"at least|no fewer than|no less than|a minimum of", "at_least"),
    (r"more than|over|upwards of|in excess of", "more_than"),
    (r"about|around|approximately|roughly|nearly|almost|some|an estimated|close to", "about"),
    (r"up to|as many as|at most|no more than", "up_to"),
)
QUALIFIER = "|".join(q for q, _ in _QUALIFIERS)

# "between 20 and 30", "20 to 30", "20-30"; then a single number with an optional qualifier.
COUNT = (
    rf"(?:between\s+(?P<lo>{NUMBER})\s+and\s+(?P<hi>{NUMBER})"
    rf"|(?P<lo2>{_DIGITS})\s*(?:-|–|to)\s*(?P<hi2>{_DIGITS})"
    rf"|(?:(?P<qual>{QUALIFIER})\s+(?:another\s+|other\s+)?)?(?P<num>{NUMBER}))"
)
COUNT_RE = re.compile(rf"\b{COUNT}\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Count:
    value: int
    qualifier: str
    low: int | None = None
    high: int | None = None


def number_value(words: str) -> int | None:
    """The integer a number written in digits or words states, or None."""
    w = words.strip().lower().replace("\u2013", "-")
    if re.fullmatch(_DIGITS, w):
        return int(w.replace(",", ""))
    m = re.fullmatch(rf"(a|{_UNIT})\s+dozen", w)
    if m:
        return 12 * (1 if m.group(1) == "a" else text2num(m.group(1), "en"))
    try:
        return text2num(w.replace(" and ", " "), "en")
    except ValueError:
        return None


def qualifier_of(words: str | None) -> str:
    if not words:
        return "exact"
    w = " ".join(words.lower().split())
    for pattern, name in _QUALIFIERS:
        if re.fullmatch(pattern, w):
            return name
    return "exact"


def parse_count(match: re.Match[str]) -> Count | None:
    """A Count from a COUNT_RE match (or any match with the same named groups)."""
    lo, hi = match.group("lo") or match.group("lo2"), match.group("hi") or match.group("hi2")
    if lo and hi:
        low, high = number_value(lo), number_value(hi)
        if low is None or high is None or low > high:
            return None
        return Count(low, "range", low, high)
    value = number_value(match.group("num"))
    if value is None:
        return None
    # "two dozen" states an approximate amount even without "about"
    qualifier = qualifier_of(match.group("qual"))
    if "dozen" in match.group("num").lower() and qualifier == "exact":
        qualifier = "about"
    return Count(value, qualifier)


# "a third person has died": the ordinals a toll is stated by
ORDINALS = {
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
