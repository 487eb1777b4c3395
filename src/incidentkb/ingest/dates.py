"""Publication dates from the strings readers find: ISO first, then absolute English dates."""

from __future__ import annotations

import time
from datetime import date, datetime

import dateparser

# Only absolute dates with day, month and year: "yesterday" or "March 2024" would be filled
# in from today's clock, and re-reading a report must always give the same document.
_SETTINGS = {
    "PARSERS": ["custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "DATE_ORDER": "DMY",
}


def parse_date(value: str) -> date | None:
    """The date a string names, or None when it names no full, absolute date."""
    value = value.strip()
    if not value:
        return None
    iso = parse_iso(value)
    if iso is not None:
        return iso
    parsed = dateparser.parse(value, languages=["en"], settings=_SETTINGS)  # type: ignore[arg-type]
    return parsed.date() if parsed else None


def parse_iso(value: str) -> date | None:
    """An ISO 8601 date or datetime ("2024-01-03", "2024-01-03T10:00:00Z"), else None."""
    value = value.strip()
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        return None


def from_struct(value: time.struct_time | None) -> date | None:
    """feedparser's parsed times (UTC struct_time) as a date."""
    if value is None:
        return None
    return date(value.tm_year, value.tm_mon, value.tm_mday)
