"""Date mentions: absolute ("3 January 2024"), day ranges, weekdays and event-relative phrases."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from dateutil import parser as dateutil_parser

_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|"
    r"Sep(?:tember|t\.|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
MONTH = _MONTH  # a month's name as dates are written, for the other readers of numbers
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ABSOLUTE = re.compile(
    rf"\b(?:(?P<d1>{_DAY})(?:\s+and\s+(?P<d1b>{_DAY}))?\s+(?P<m1>{_MONTH})(?:,?\s+(?P<y1>{_YEAR}))?"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>{_DAY})(?:\s*(?:and|-|–)\s*(?P<d2b>{_DAY}))?(?:,?\s+(?P<y2>{_YEAR}))?"
    rf"|(?P<y3>{_YEAR})-(?P<mm>[01]\d)-(?P<dd>[0-3]\d)"
    rf"|(?P<m4>{_MONTH})\s+(?P<y4>{_YEAR})"
    rf"|(?:in|of|since|during|until|by)\s+(?P<y5>{_YEAR})"
    # "the 2008 attacks", but "the 1900 block of Elm Street" is an address
    rf"|(?:[Tt]he|[Aa])\s+(?P<y6>{_YEAR})(?=\s+(?!blocks?\b)[a-z]))\b(?!-)"
)
_WEEKDAY_RE = re.compile(
    rf"\b(?:(?:late|early)\s+)?(?P<wd>{_WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?\b"
    r"|\b(?P<rel>yesterday|last night|this morning|earlier today|today|tonight)\b",
    re.IGNORECASE,
)
_DATE_AFTER = re.compile(rf",?\s+(?:{_MONTH}\s+{_DAY}\b|{_DAY}\s+{_MONTH}\b)")
_EVENT_RELATIVE = re.compile(
    r"\b(?P<phrase>(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
    r"(?P<unit>days?|weeks?|months?)\s+(?P<dir>after|before|later|earlier|prior)"
    r"|the (?P<next>following|next) (?:day|morning)|the (?P<prev>previous|preceding) day|the day before"
    r"|the (?P<same>night|day|evening|morning|afternoon) of the (?:attacks?|bombings?|shootings?|fire|blasts?|"
    r"explosions?|crush|massacre|assault|stabbings?|raid))\b",
    re.IGNORECASE,
)
_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9, "ten": 10}  # fmt: skip


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    value: date
    precision: str  # day | month | year
    kind: str  # absolute | weekday | relative
    end_value: date | None = None  # "15 and 16 January": the last day
    has_year: bool = True


def absolute_dates(text: str, base_year: int | None) -> list[DateMention]:
    """Every calendar date the text names; a day without a year takes `base_year`."""
    out: list[DateMention] = []
    for m in _ABSOLUTE.finditer(text):
        mention = _absolute(m, base_year)
        if mention:
            out.append(mention)
    return out


def _absolute(m: re.Match[str], base_year: int | None) -> DateMention | None:
    g = m.groupdict()
    if g["y3"]:
        try:
            value = date(int(g["y3"]), int(g["mm"]), int(g["dd"]))
        except ValueError:
            return None
        return DateMention(m.start(), m.end(), value, "day", "absolute")
    if g["y5"] or g["y6"]:
        year = int(g["y5"] or g["y6"])
        return DateMention(m.start(), m.end(), date(year, 1, 1), "year", "absolute")
    if g["m4"]:
        return _mention(m, f"1 {g['m4']} {g['y4']}", "month", None, True)
    day, last, month, year = (
        (g["d1"], g["d1b"], g["m1"], g["y1"]) if g["m1"] else (g["d2"], g["d2b"], g["m2"], g["y2"])
    )
    if not year and base_year is None:
        return None
    year = year or str(base_year)
    day, last = (re.sub(r"\D", "", d) if d else None for d in (day, last))
    end = f"{last} {month} {year}" if last else None
    return _mention(m, f"{day} {month} {year}", "day", end, bool(g["y1"] or g["y2"]))


def _mention(
    m: re.Match[str], text: str, precision: str, end: str | None, has_year: bool
) -> DateMention | None:
    value = _parse(text)
    if value is None:
        return None
    end_value = _parse(end) if end else None
    return DateMention(m.start(), m.end(), value, precision, "absolute", end_value, has_year)


@lru_cache(maxsize=4096)
def _parse(text: str) -> date | None:
    """An absolute date string; dateutil is 50x faster than dateparser for these."""
    try:
        return dateutil_parser.parse(text.replace(".", ""), dayfirst=True, fuzzy=False).date()
    except (ValueError, OverflowError):
        return None


def weekday_dates(text: str, published: date | None) -> list[DateMention]:
    """Weekdays and "yesterday"-style words, resolved against the publication date."""
    if published is None:
        return []
    out: list[DateMention] = []
    for m in _WEEKDAY_RE.finditer(text):
        if m.group("wd") and _DATE_AFTER.match(text, m.end()):
            continue  # "Thursday, December 4, 2014": the date itself says which day
        value = _relative_to(m.group("wd") or m.group("rel"), published)
        if value:
            out.append(DateMention(m.start(), m.end(), value, "day", "weekday"))
    return out


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@lru_cache(maxsize=1024)
def _relative_to(words: str, published: date) -> date | None:
    words = words.lower()
    if words in ("today", "tonight", "this morning", "earlier today"):
        return published
    if words in ("yesterday", "last night"):
        return published - timedelta(days=1)
    # a weekday in a report means the most recent one, on or before publication
    if words not in _WEEKDAYS:
        return None
    return published - timedelta(days=(published.weekday() - _WEEKDAYS.index(words)) % 7)


_YEARS_BACK = re.compile(
    rf"\b(?:(?P<month>{_MONTH})\s+(?:of\s+)?last\s+year"
    r"|(?P<ago>(?:a|one)\s+year\s+ago\s+today|this\s+day\s+last\s+year))\b",
    re.IGNORECASE,
)


def last_year_dates(text: str, published: date | None) -> list[DateMention]:
    """ "in April last year" (that month, the year before publication) and "one year ago
    today" (that day, a year before publication)."""
    if published is None:
        return []
    out: list[DateMention] = []
    for m in _YEARS_BACK.finditer(text):
        year = published.year - 1
        if m.group("month"):
            value = _parse(f"1 {m.group('month')} {year}")
            if value:
                out.append(DateMention(m.start(), m.end(), value, "month", "relative"))
        else:
            day = (
                published.replace(year=year)
                if (published.month, published.day) != (2, 29)
                else None
            )
            if day:
                out.append(DateMention(m.start(), m.end(), day, "day", "relative"))
    return out


def event_relative(text: str, anchor: date) -> list[DateMention]:
    """ "two days after the attack", "the following day": dates counted from the incident."""
    out: list[DateMention] = []
    for m in _EVENT_RELATIVE.finditer(text):
        g = m.groupdict()
        if g["same"]:
            delta = timedelta(0)
        elif g["next"]:
            delta = timedelta(days=1)
        elif g["prev"] or m.group("phrase").lower() == "the day before":
            delta = timedelta(days=-1)
        else:
            n = int(g["n"]) if g["n"].isdigit() else _SMALL[g["n"].lower()]
            unit = g["unit"].lower().rstrip("s")
            days = n * {"day": 1, "week": 7, "month": 30}[unit]
            if unit == "month":
                continue  # "a month later" has no day precision; not worth a wrong day
            delta = timedelta(days=days if g["dir"].lower() in ("after", "later") else -days)
        out.append(DateMention(m.start(), m.end(), anchor + delta, "day", "relative"))
    return out
