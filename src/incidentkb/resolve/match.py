"""Do two frames describe the same real incident? Pure functions over a frame's key.

A FrameKey holds what matching needs from a frame: when (an interval of possible days), where,
what kind, the figures and the names it states. `score` says how strongly two keys agree, or
None when something rules a match out (different documents' frames only):

- ruled out: the same document (its frames are different incidents by construction), different
  countries, different cities, kinds that cannot be one attack, days that cannot overlap;
- evidence: the same city (2) or admin1 (1) or country (0.5); both dated to the day and within a
  day of each other (2), or only overlapping intervals (0.5); the same kind (1); a figure in
  common (1); a name in common (1); similar headlines or summaries (1).

Two frames link when the evidence reaches LINK (4): the same day and city is enough; a frame
dated only by its report's publication needs a third agreement (kind, a figure, a name).
A frame whose interval is wider than a month (a past attack dated to its year) links only to
frames in the same city, which also keeps blocking cheap.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

from rapidfuzz import fuzz

from incidentkb.model import Frame

LINK = 4.0
# A report that gives no date for its incident was published at most this long after it.
UNDATED_DAYS = 7
# Days either side of a stated day still counted as the same day (time zones, "late Saturday").
SLACK_DAYS = 1
SIEGE_DAYS = 4
MAX_SLACK_DAYS = max(SLACK_DAYS, SIEGE_DAYS)  # what blocking must allow for
WIDE_DAYS = 31
WIDE_SPAN = timedelta(days=WIDE_DAYS)  # a narrow frame's interval is never longer
_PLACELESS = "\0placeless"  # the pool, in a country's sweep, of frames with no place
_SIMILAR = 70  # rapidfuzz token_set_ratio of headlines/summaries

# Kinds one attack can be reported as (a gunman who also set fire, a car that rammed then
# exploded); kinds in different groups rule a match out.
_KIND_GROUP = {
    "shooting": "armed",
    "assassination": "armed",
    "stabbing": "armed",
    "ramming": "armed",
    "hostage": "armed",
    "bombing": "blast",
    "airstrike": "blast",
    "arson": "blast",
    "crowd_crush": "crush",
}


@dataclass(frozen=True, slots=True)
class FrameKey:
    """What matching reads from one frame; JSON-able, so the store can keep it."""

    frame_id: str
    document_id: str
    background: bool = False
    published: date | None = None
    type: str | None = None
    country: str | None = None
    admin1: str | None = None
    city: str | None = None
    day_lo: date | None = None
    day_hi: date | None = None
    exact_day: bool = False
    killed: tuple[int, ...] = ()
    injured: tuple[int, ...] = ()
    names: tuple[str, ...] = ()
    words: str = ""

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        for k in ("published", "day_lo", "day_hi"):
            out[k] = out[k].isoformat() if out[k] else None
        for k in ("killed", "injured", "names"):
            out[k] = list(out[k])
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FrameKey:
        kw = dict(data)
        for k in ("published", "day_lo", "day_hi"):
            kw[k] = date.fromisoformat(kw[k]) if kw.get(k) else None
        for k in ("killed", "injured", "names"):
            kw[k] = tuple(kw.get(k) or ())
        return cls(**kw)

    @property
    def wide(self) -> bool:
        return self.day_lo is None or (self.day_hi - self.day_lo).days > WIDE_DAYS  # type: ignore[operator]

    def order(self) -> tuple[date, str]:
        """Canonical order: earliest report first, then by id; the same whatever the ingest order."""
        return (self.published or date.min, self.frame_id)


def fold(text: str | None) -> str | None:
    """Lower case, accents and punctuation dropped: "Saint-Étienne" and "saint etienne" agree."""
    if not text:
        return None
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", plain.lower()).strip() or None


def frame_key(
    frame: Frame,
    frame_id: str,
    published: date | None = None,
    title: str | None = None,
    text: str = "",
) -> FrameKey:
    """The key of a frame; `published`, `title` and `text` are its document's."""
    loc = _first(frame, "location")
    kind = _first(frame, "type")
    lo, hi, exact = _days(frame, published)
    names = {fold(str(c.value)) for c in frame.of("perpetrator")}
    names |= {fold(c.get("person")) for c in frame.of("victims")}
    names |= {fold(loc.get("site"))} if loc else set()
    words = " ".join(w for w in (frame.summary, None if frame.background else title) if w)
    place = {fold(loc.get(k)) for k in ("city", "admin1", "country")} if loc else set()
    headline = _proper_words(words, text)
    names |= {"#" + w for w in headline if w not in place}
    if not frame.background:
        # the lead's proper names ("In Amenas", "Drottninggatan"); weaker than the headline's
        lead = _proper_words(_lead(text, title), text) - headline
        names |= {"~" + w for w in lead if w not in place}
    return FrameKey(
        frame_id=frame_id,
        document_id=frame.document_id,
        background=frame.background,
        published=published,
        type=str(kind.value) if kind else None,
        country=loc.get("country_code") if loc else None,
        admin1=fold(loc.get("admin1")) if loc else None,
        city=fold(loc.get("city")) if loc else None,
        day_lo=lo,
        day_hi=hi,
        exact_day=exact,
        killed=_figures(frame, "killed"),
        injured=_figures(frame, "injured"),
        names=tuple(sorted(n for n in names if n)),
        words=fold(words) or "",
    )


_WORD = re.compile(r"\b[A-Z][\w'’-]{3,}")
# Capitalised words that name no particular incident.
_COMMON = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december police president minister ministry
    government officials official state islamic army security health interior national city
    news report update live breaking analysis brief attack attacks toll death dead""".split()
)


def _proper_words(words: str, text: str) -> set[str]:
    """Words of the headline or summary that the report itself writes capitalised in
    mid-sentence (so proper names: "Crocus", "Intercontinental"), folded."""
    out = set()
    for m in _WORD.finditer(re.sub(r"['’]s\b", "", words)):
        w = m.group()
        folded = fold(w)
        if not folded or folded in _COMMON:
            continue
        if re.search(r"[a-z,;] " + re.escape(w) + r"\b", text):
            out.add(folded)
    return out


def _first(frame: Frame, field: str) -> Any:
    found = frame.of(field)
    return found[0] if found else None


def _figures(frame: Frame, field: str) -> tuple[int, ...]:
    return tuple(sorted({int(c.value) for c in frame.of(field) if isinstance(c.value, int)}))


def _days(frame: Frame, published: date | None) -> tuple[date | None, date | None, bool]:
    """The days the incident may have been on: stated, or the week before publication."""
    claim = _first(frame, "date")
    if claim is not None:
        value = str(claim.value)
        parsed = _interval(
            {"month": value[:7], "year": value[:4]}.get(claim.get("precision"), value)
        )
        if parsed is not None:
            return parsed
    if published is not None and not frame.background:
        return published - timedelta(days=UNDATED_DAYS), published, False
    return None, None, False


def _interval(value: str) -> tuple[date, date, bool] | None:
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            return day, day, True
        if len(value) == 7:
            first = date.fromisoformat(value + "-01")
            last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
            return first, last, False
        if len(value) == 4:
            year = int(value)
            return date(year, 1, 1), date(year, 12, 31), False
    except ValueError:
        return None
    return None


def score(a: FrameKey, b: FrameKey) -> float | None:
    """How strongly two frames agree on being one incident; None when they cannot be."""
    if a.document_id == b.document_id or a.day_lo is None or b.day_lo is None:
        return None
    if a.country and b.country and a.country != b.country:
        return None
    if a.city and b.city and a.city != b.city:
        return None
    if (a.wide or b.wide) and not (a.city and a.city == b.city):
        return None
    if not _kinds_fit(a.type, b.type) or not _overlap(a, b):
        return None
    evidence = _place(a, b)
    gap = abs((a.day_lo - b.day_lo).days)  # type: ignore[operator]
    near = a.exact_day and b.exact_day and gap <= slack_days(a.type, b.type)
    evidence += 2.0 if near else 0.5
    evidence += 1.0 if a.type and a.type == b.type else 0.0
    evidence += 1.0 if set(a.killed) & set(b.killed) or set(a.injured) & set(b.injured) else 0.0
    evidence += 1.0 if _names_agree(a.names, b.names) else 0.0
    if a.words and b.words and fuzz.token_set_ratio(a.words, b.words) >= _SIMILAR:
        evidence += 1.0
    return evidence


def _names_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """A name in common: a perpetrator, a victim, a site or a headline's proper name; or two
    of the lead's proper names (one alone is too often a nationality or a ministry)."""
    strong = {n.lstrip("#") for n in a if not n.startswith("~")}
    strong_b = {n.lstrip("#") for n in b if not n.startswith("~")}
    if strong & strong_b:
        return True
    every = {n.lstrip("#~") for n in a}
    return len(every & {n.lstrip("#~") for n in b}) >= 2


def _lead(text: str, title: str | None) -> str:
    """The first sentences of the body: the text after its headline, about 400 characters."""
    body = text[len(title) :] if title and text.startswith(title) else text
    return body[:400]


def _kinds_fit(a: str | None, b: str | None) -> bool:
    if not a or not b or a == b or "other" in (a, b):
        return True
    return _KIND_GROUP.get(a) == _KIND_GROUP.get(b)


def slack_days(*kinds: str | None) -> int:
    """Days either side of a stated day that still match: a siege or kidnapping goes on for
    days, and reports date it by its start, its end or the day between."""
    return SIEGE_DAYS if "hostage" in kinds else SLACK_DAYS


def _overlap(a: FrameKey, b: FrameKey) -> bool:
    slack = timedelta(days=slack_days(a.type, b.type))
    return a.day_lo - slack <= b.day_hi and b.day_lo - slack <= a.day_hi  # type: ignore[operator]


def _place(a: FrameKey, b: FrameKey) -> float:
    if a.city and a.city == b.city:
        return 2.0
    if _names_city(a, b) or _names_city(b, a):
        return 1.5
    if a.admin1 and a.admin1 == b.admin1:
        return 1.0
    if a.country and a.country == b.country:
        return 0.5
    return 0.0


def _names_city(a: FrameKey, b: FrameKey) -> bool:
    """A frame with no city whose headline names the other's city ("Stockholm court jails...")."""
    return not a.city and bool(b.city) and f" {b.city} " in f" {a.words} "


def linked(a: FrameKey, b: FrameKey) -> float | None:
    """The link's strength when the two frames link, else None."""
    s = score(a, b)
    return s if s is not None and s >= LINK else None


Link = tuple[str, str, float]  # (frame id, frame id, strength), the ids in sorted order


def _link(a: FrameKey, b: FrameKey, strength: float) -> Link:
    x, y = sorted((a.frame_id, b.frame_id))
    return x, y, strength


def links_between(new: Sequence[FrameKey], known: Iterable[FrameKey]) -> list[Link]:
    """The links from each new frame to the known frames and to the other new frames."""
    out: dict[tuple[str, str], float] = {}
    pool = list(known)
    for i, a in enumerate(new):
        for b in [*pool, *new[i + 1 :]]:
            s = linked(a, b)
            if s is not None:
                x, y, _ = _link(a, b, s)
                out[(x, y)] = s
    return [(x, y, s) for (x, y), s in sorted(out.items())]


def window(key: FrameKey) -> tuple[date, date] | None:
    """The days a linkable frame's interval must touch (for a store's candidate query)."""
    if key.day_lo is None or key.day_hi is None:
        return None
    slack = timedelta(days=MAX_SLACK_DAYS)
    return key.day_lo - slack, key.day_hi + slack


def all_links(keys: Sequence[FrameKey]) -> Iterator[Link]:
    """Every link among many frames, comparing only frames that could link: the same country
    (or one without a place), days that overlap, and the same city unless one names none; a
    wide frame only with frames of its city. Near-linear in the number of frames."""
    by_country: dict[str | None, list[FrameKey]] = defaultdict(list)
    wide_by_city: dict[str, list[FrameKey]] = defaultdict(list)
    for k in keys:
        if k.day_lo is None:
            continue
        if k.wide:
            if k.city:
                wide_by_city[k.city].append(k)
            continue
        by_country[k.country].append(k)
    placeless = by_country.pop(None, [])
    for group in by_country.values():
        yield from _sweep(group, placeless)
    yield from _sweep([], placeless)
    narrow_by_city: dict[str, list[FrameKey]] = defaultdict(list)
    for group in by_country.values():
        for k in group:
            if k.city:
                narrow_by_city[k.city].append(k)
    slack = timedelta(days=MAX_SLACK_DAYS)
    for city, wide in wide_by_city.items():
        # narrow frames by first day: a wide frame meets only those inside its interval
        others = sorted(narrow_by_city.get(city, []), key=lambda k: k.day_lo)  # type: ignore[arg-type,return-value]
        firsts = [k.day_lo for k in others]
        for i, a in enumerate(wide):
            lo = bisect_left(firsts, a.day_lo - WIDE_SPAN - slack)  # type: ignore[operator]
            hi = bisect_right(firsts, a.day_hi + slack)  # type: ignore[operator]
            for b in [*wide[i + 1 :], *others[lo:hi]]:
                s = linked(a, b)
                if s is not None:
                    yield _link(a, b, s)


def _sweep(group: list[FrameKey], placeless: list[FrameKey]) -> Iterator[Link]:
    """Links within one country's frames (and with the placeless ones, which are compared among
    themselves only when `group` is empty), in order of first day; each frame meets the frames
    still open: those of its city and those naming no city, or all of them if it names none."""
    slack = timedelta(days=MAX_SLACK_DAYS)
    by_city: dict[str | None, deque[FrameKey]] = defaultdict(deque)
    items = [(k, True) for k in group] + [(k, not group) for k in placeless]
    for k, own in sorted(items, key=lambda item: (item[0].day_lo, item[0].frame_id)):
        if not own:
            pools = [p for c, p in by_city.items() if c != _PLACELESS]
        elif k.city is None:
            pools = list(by_city.values())
        else:
            pools = [by_city[k.city], by_city[None], by_city[_PLACELESS]]
        for pool in pools:
            while pool and pool[0].day_hi + slack < k.day_lo:  # type: ignore[operator]
                pool.popleft()
            for o in pool:
                s = linked(o, k)
                if s is not None:
                    yield _link(o, k, s)
        by_city[k.city if own else _PLACELESS].append(k)
