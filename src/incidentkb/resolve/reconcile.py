"""Per count, best / low / high over the claims, with the reason for the best value.

The rule (docs/reconciliation.md says it in prose):
1. Superseded claims ("early reports put the toll at 103") never give the best value, but they
   stay in the claims and in the history, and they widen low/high: the spread of reporting is
   part of the record.
2. Among the current claims, those from the latest reports win (a later report knows more);
   all of a report's current claims count, whatever time each gives.
3. Among those, the highest stated lower bound or exact figure is best: tolls of one incident
   only grow as the dead are counted, so "at least 94" and "at least 95" are both true when
   95 died. "Up to 30" and ranges only bound the toll; they give the best only when nothing
   else is stated, and then by their low end.
4. Equal values: a qualified claim ("at least 284") beats a bare one, as the cautious reading.
5. conflict: the current claims state different values. A current claim of one report is
   superseded by another report's current claim of a later day: it is shown as superseded
   and no longer makes a conflict.
6. A claim an analyst rejected gives nothing: not the best, not low/high, not a conflict.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from incidentkb.model import Claim

_LOWER_BOUNDS = ("exact", "at_least", "more_than", "about")
_NOT_CURRENT = ("superseded", "denied", "rejected")


def reconcile_count(claims: Sequence[Claim]) -> dict[str, Any] | None:
    """The count summary of one field's claims, or None when no claim states it."""
    # A claim an analyst rejected is shown with the others but counts for nothing.
    claims = [c for c in claims if c.status != "rejected"]
    if not claims:
        return None
    current = [c for c in claims if c.status not in _NOT_CURRENT] or list(claims)
    later = outdated(current)
    current = [c for n, c in enumerate(current) if n not in later]
    # the latest reports' claims; within one report, status.py has already said which of its
    # figures a later one replaces, so its other current claims stay ("two people were killed
    # early Monday" beside "Tiarah Poyau was killed", stated as of publication)
    latest = max((c.reported_at or date.min) for c in current)
    latest_reports = {c.document_id for c in current if (c.reported_at or date.min) == latest}
    recent = [c for c in current if c.document_id in latest_reports]
    best, reason = _best(recent)
    values = [v for c in claims for v in _span(c)]
    return {
        "best": _value_of(best),
        "low": min(values),
        "high": max(values),
        "qualifier": best.qualifier,
        "conflict": len({(_value_of(c), c.qualifier == "range") for c in current}) > 1,
        "reason": reason,
    }


def superseding(claims: Sequence[Claim]) -> list[Claim]:
    """The claims, those a later report superseded marked "superseded"."""
    later = outdated(claims)
    return [replace(c, status="superseded") if n in later else c for n, c in enumerate(claims)]


def outdated(claims: Sequence[Claim]) -> set[int]:
    """The current claims that a later report supersedes: another document's current claim
    of the same count was reported on a later day. Within one report, status.py decides."""
    live = [(n, c) for n, c in enumerate(claims) if c.status not in _NOT_CURRENT]
    out = set()
    for n, c in live:
        when = c.reported_at or date.min
        if any(
            o.document_id != c.document_id and (o.reported_at or date.min) > when for _, o in live
        ):
            out.add(n)
    return out


def _best(recent: list[Claim]) -> tuple[Claim, str]:
    bounds = [c for c in recent if c.qualifier in _LOWER_BOUNDS]
    if bounds:
        best = max(bounds, key=lambda c: (int(c.value), c.qualifier != "exact"))
        return best, _why(
            best, len(recent), "the highest figure stated as exact or as a lower bound"
        )
    best = min(recent, key=lambda c: c.low if c.low is not None else int(c.value))
    return best, _why(best, len(recent), "only bounds are stated; the lowest of them")


def _why(best: Claim, n: int, rule: str) -> str:
    who = f" ({best.attributed_to})" if best.attributed_to else ""
    when = f" reported {best.reported_at.isoformat()}" if best.reported_at else ""
    return f'{rule} among {n} current claim(s) of the latest reports{when}: "{best.quote}"{who}'


def _value_of(c: Claim) -> int:
    return c.low if c.qualifier == "range" and c.low is not None else int(c.value)


def _span(c: Claim) -> tuple[int, ...]:
    if c.qualifier == "range" and c.low is not None and c.high is not None:
        return (c.low, c.high)
    return (int(c.value),)


def history(claims: Sequence[Claim]) -> list[dict[str, Any]]:
    """Each figure with when it was reported, oldest first: how the toll moved. A figure a
    later report superseded says so in its status."""
    claims = superseding(claims)
    ordered = sorted(claims, key=lambda c: (c.reported_at or date.min, c.document_id, c.start))
    return [
        {
            "reported_at": c.reported_at.isoformat() if c.reported_at else None,
            "value": c.value,
            "qualifier": c.qualifier,
            "status": c.status,
            "attributed_to": c.attributed_to,
            "document": c.document_id,
            "start": c.start,
            "end": c.end,
            "quote": c.quote,
        }
        for c in ordered
    ]
