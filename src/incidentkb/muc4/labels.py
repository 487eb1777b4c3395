"""Training labels: every occurrence of every gold mention, as character spans of the text.

The gold gives strings, not places. A mention is labelled wherever the string occurs between
word boundaries; where occurrences overlap, the longer one wins (then the earlier, then the
role listed first), so a token carries at most one role.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from incidentkb.muc4.corpus import ROLES

Span = tuple[int, int, str]  # start, end, role


def find_mentions(text: str, fillers: Mapping[str, Sequence[Sequence[str]]]) -> list[Span]:
    """All occurrences of the fillers' mentions in text, overlaps resolved."""
    found: list[Span] = []
    for role in ROLES:
        mentions = {m for entity in fillers.get(role, []) for m in entity if m.strip()}
        for mention in mentions:
            for match in re.finditer(rf"(?<!\w){re.escape(mention)}(?!\w)", text):
                found.append((match.start(), match.end(), role))
    return without_overlaps(found)


def without_overlaps(spans: Iterable[Span]) -> list[Span]:
    """Longest first, then earliest, then by role order; the spans kept, sorted by start."""
    order = {role: i for i, role in enumerate(ROLES)}
    ranked = sorted(set(spans), key=lambda s: (s[0] - s[1], s[0], order.get(s[2], 99)))
    kept: list[Span] = []
    taken: list[tuple[int, int]] = []
    for start, end, role in ranked:
        if all(end <= s or start >= e for s, e in taken):
            kept.append((start, end, role))
            taken.append((start, end))
    return sorted(kept)
