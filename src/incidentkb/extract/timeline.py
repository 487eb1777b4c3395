"""Dated follow-ups of the incident: claims of responsibility, funerals, arrests, retaliation."""

from __future__ import annotations

import re
from datetime import date

from incidentkb.extract.dates import DateMention

# First match wins; the kind names what happened on that date.
KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        (
            "claim_of_responsibility",
            r"\bclaimed (?:responsibility|credit)\b|\bsaid (?:it|they) (?:had )?carried out\b",
        ),
        (
            "toll_update",
            r"\b(?:death toll|toll|number of (?:the )?(?:dead|deaths|people killed)|figure|count)\b[^.]{0,60}?"
            r"\b(?:rose|risen|climbed|reached|increased|raised|revised|passed|stood|jumped)\b"
            r"|\b(?:died|succumbed) (?:of|from|to) (?:his|her|their) (?:injuries|wounds|burns)\b",
        ),
        (
            "national_mourning",
            r"\b(?:days? of (?:national )?mourning|national mourning|mourning period)\b",
        ),
        ("state_of_emergency", r"\bstate of emergency\b"),
        ("funeral", r"\b(?:funerals?|burials?|buried)\b"),
        (
            "surrender",
            r"\b(?:surrendered|turned (?:himself|herself|themselves) in|handed (?:himself|herself) over)\b",
        ),
        ("verdict", r"\b(?:sentenced|convicted|found (?:him|her|them)? ?guilty|acquitted)\b"),
        ("charge", r"\b(?:charged|indicted|pleaded)\b"),
        (
            "arrest",
            r"\b(?:arrest(?:ed|s)?|apprehended|detained|detention|taken into custody|in custody)\b",
        ),
        ("release", r"\b(?:released|freed)\b"),
        (
            "retaliation",
            r"\b(?:retaliat\w*|in response to the (?:attack|bombing)|missile (?:attacks|strikes))\b",
        ),
        ("apology", r"\b(?:apologi[sz]ed|apology)\b"),
        (
            "investigation",
            r"\b(?:identified|investigation|investigators found|named the|inquiry|inspection)\b",
        ),
        ("accusation", r"\b(?:blamed|accused)\b"),
        ("visit", r"\b(?:visited|visit to)\b"),
        (
            "policy",
            r"\b(?:ordered|banned|imposed|announced a ban|curfew|walls? to be built|raised the (?:national )?threat level)\b",
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
