"""Dated follow-ups of the incident: claims of responsibility, funerals, arrests, retaliation."""

from __future__ import annotations

import re
from datetime import date

from incidentkb.extract.dates import DateMention

# First match wins; the kind names what happened on that date.
KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("claim_of_responsibility", r"\bclaimed (?:responsibility|credit)\b"),
        ("national_mourning", r"\b(?:days? of (?:national )?mourning|national mourning)\b"),
        ("funeral", r"\b(?:funerals?|burials?|buried)\b"),
        ("arrest", r"\b(?:arrest(?:ed|s)?|apprehended|detained|detention|taken into custody)\b"),
        ("court", r"\b(?:sentenced|convicted|charged|indicted|trial|pleaded)\b"),
        (
            "retaliation",
            r"\b(?:retaliat\w*|in response to the (?:attack|bombing)|missile (?:attacks|strikes))\b",
        ),
        ("investigation", r"\b(?:identified|investigation|investigators found|named the)\b"),
        (
            "policy",
            r"\b(?:ordered|banned|imposed|curfew|declared a state of emergency|walls? to be built)\b",
        ),
        ("vigil", r"\b(?:vigils?|memorial service|rall(?:y|ies) (?:in|to) (?:honou?r|remember))\b"),
    )
)
# "IRNA reported on 4 January that ...": the date dates the report, not an event
_REPORT_DATE = re.compile(
    r"\b(?:reported|said|stated|told|saying|announced)\s+(?:\w+\s+){0,2}?on\s*$", re.I
)


def timeline_kind(sentence_text: str, mention_start: int) -> str | None:
    """What the sentence says happened on the date mentioned at `mention_start` (sentence offset)."""
    if _REPORT_DATE.search(sentence_text[:mention_start]):
        return None
    for kind, pattern in KINDS:
        if pattern.search(sentence_text):
            return kind
    return None


def is_follow_up(mention: DateMention, incident: date) -> bool:
    """Only dates on or after the incident are its timeline; earlier ones are background."""
    return mention.precision == "day" and mention.value >= incident
