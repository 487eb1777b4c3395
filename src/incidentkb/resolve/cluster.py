"""Linked frames -> incidents, with the analysts' corrections on top. Pure functions.

Frames are joined along their links, strongest first (ties by frame id), and two groups join
only if the result is still one possible incident: no two frames from one document, at most
one country, one city and one family of kinds, and its frames dated to the day no more than
two days apart. So a report with no date that fits two attacks in one city a few days apart
joins the one it agrees with most, and cannot chain the two together.

Corrections come before the machine: a merge joins the frames an analyst put together whatever
the links say; a split keeps the frames taken out apart from those they were taken from, in
every later grouping too. The result depends only on the set of frames, links and
corrections, never on the order in which reports arrived.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from incidentkb.model import content_id
from incidentkb.resolve.match import _KIND_GROUP, FrameKey, Link, slack_days

CorrectionKind = Literal["merge", "split", "reject"]
CORRECTION_KINDS: tuple[str, ...] = ("merge", "split", "reject")


@dataclass(frozen=True, slots=True)
class Correction:
    """An analyst's decision, kept apart from the machine's output and applied over it.

    merge: `frames` belong to one incident. split: `frames` never share an incident with
    `others`. reject: the claim `claim` = (document id, field, start, end) is wrong.
    """

    kind: CorrectionKind
    frames: tuple[str, ...] = ()
    others: tuple[str, ...] = ()
    claim: tuple[str, str, int, int] | None = None
    author: str | None = None
    at: datetime | None = None
    note: str | None = None


@dataclass(slots=True)
class _Group:
    frames: list[str]
    documents: set[str]
    countries: set[str]
    cities: set[str]
    kinds: set[str]
    types: set[str]
    first_day: date | None
    last_day: date | None
    sides: set[tuple[int, int]] = field(default_factory=set)  # (split number, 0 or 1)
    forced: bool = False  # an analyst joined it: its frames may disagree, by decision


def incident_id(members: Sequence[FrameKey]) -> str:
    """An incident's id: the hash of its first frame's id, in canonical order. A one-report
    incident gets the id the single-document resolver gives it."""
    return content_id(min(members, key=FrameKey.order).frame_id)


def cluster(
    keys: Sequence[FrameKey], links: Iterable[Link], corrections: Sequence[Correction] = ()
) -> list[list[FrameKey]]:
    """The incidents the frames make, each a list of frames in canonical order."""
    by_id = {k.frame_id: k for k in keys}
    parent = {k.frame_id: k.frame_id for k in keys}
    groups = {k.frame_id: _group(k) for k in keys}
    splits = [
        c for n, c in enumerate(corrections) if c.kind == "split" and not _undone(n, corrections)
    ]
    for n, c in enumerate(splits):
        for side, ids in enumerate((c.frames, c.others)):
            for f in ids:
                if f in groups:
                    groups[f].sides.add((n, side))

    def root(f: str) -> str:
        while parent[f] != f:
            parent[f] = parent[parent[f]]
            f = parent[f]
        return f

    def join(a: str, b: str, forced: bool) -> None:
        ra, rb = root(a), root(b)
        if ra == rb or not _allowed(groups[ra], groups[rb], forced):
            return
        keep, gone = sorted((ra, rb))
        parent[gone] = keep
        _absorb(groups[keep], groups.pop(gone))
        groups[keep].forced |= forced

    for c in corrections:
        if c.kind == "merge":
            present = [f for f in c.frames if f in parent]
            for f in present[1:]:
                join(present[0], f, forced=True)
    for a, b, _ in sorted(links, key=lambda link: (-link[2], link[0], link[1])):
        if a in parent and b in parent:
            join(a, b, forced=False)
    members: dict[str, list[FrameKey]] = {}
    for f in parent:
        members.setdefault(root(f), []).append(by_id[f])
    out = [sorted(m, key=FrameKey.order) for m in members.values()]
    return sorted(out, key=lambda m: m[0].order())


def _undone(n: int, corrections: Sequence[Correction]) -> bool:
    """A split that a later merge joins back together no longer holds."""
    split = corrections[n]
    for later in corrections[n + 1 :]:
        joined = set(later.frames)
        if later.kind == "merge" and joined & set(split.frames) and joined & set(split.others):
            return True
    return False


def _group(k: FrameKey) -> _Group:
    exact = k.day_lo if k.exact_day else None
    return _Group(
        frames=[k.frame_id],
        documents={k.document_id},
        countries={k.country} if k.country else set(),
        cities={k.city} if k.city else set(),
        kinds={_KIND_GROUP[k.type]} if k.type in _KIND_GROUP else set(),
        types={k.type} if k.type else set(),
        first_day=exact,
        last_day=exact,
    )


def _allowed(a: _Group, b: _Group, forced: bool) -> bool:
    apart = {(n, 1 - side) for n, side in a.sides}
    if apart & b.sides:
        return False
    if forced:
        return True
    if a.documents & b.documents:
        return False
    if a.forced or b.forced:
        # the analyst's group already spans what the machine would keep apart; a frame linked
        # to it joins it, as long as it is not from a report already in it
        return True
    if len(a.countries | b.countries) > 1 or len(a.cities | b.cities) > 1:
        return False
    if len(a.kinds | b.kinds) > 1:
        return False
    days = [d for d in (a.first_day, a.last_day, b.first_day, b.last_day) if d is not None]
    span = 2 * slack_days(*a.types, *b.types)
    return not days or (max(days) - min(days)).days <= span


def _absorb(into: _Group, other: _Group) -> None:
    into.frames += other.frames
    into.documents |= other.documents
    into.countries |= other.countries
    into.cities |= other.cities
    into.kinds |= other.kinds
    into.types |= other.types
    into.sides |= other.sides
    into.forced |= other.forced
    days = [d for d in (into.first_day, other.first_day) if d is not None]
    into.first_day = min(days) if days else None
    days = [d for d in (into.last_day, other.last_day) if d is not None]
    into.last_day = max(days) if days else None
