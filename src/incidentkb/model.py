"""The data model: Document, Claim, Frame, Incident and their vocabularies. No I/O here."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Literal, Self

Qualifier = Literal["exact", "at_least", "more_than", "about", "up_to", "range"]
Status = Literal["current", "superseded", "revised", "denied", "rejected"]
Precision = Literal["day", "month", "year"]
PerpetratorRole = Literal["claimed", "assessed", "accused", "denied", "arrested", "suspected"]
Stance = Literal["condemnation", "condolence", "support", "blame", "vow_response", "statement"]

QUALIFIERS: tuple[str, ...] = ("exact", "at_least", "more_than", "about", "up_to", "range")
STATUSES: tuple[str, ...] = ("current", "superseded", "revised", "denied", "rejected")
PERPETRATOR_ROLES: tuple[str, ...] = (
    "claimed",
    "assessed",
    "accused",
    "denied",
    "arrested",
    "suspected",
)
STANCES: tuple[str, ...] = (
    "condemnation",
    "condolence",
    "support",
    "blame",
    "vow_response",
    "statement",
)
INCIDENT_TYPES: tuple[str, ...] = (
    "bombing",
    "shooting",
    "ramming",
    "stabbing",
    "arson",
    "hostage",
    "assassination",
    "airstrike",
    "crowd_crush",
    "other",
)
FIELDS: tuple[str, ...] = (
    "killed",
    "injured",
    "date",
    "location",
    "type",
    "perpetrator",
    "weapon",
    "target",
    "victims",
    "event",
    "reaction",
    "arrested",
)

# GTD codebook equivalents (attack type, weapon type) for each native type, so that users who
# join with GTD keep provenance. Codes and labels as in the GTD codebook (attacktype1, weaptype1).
GTD_ATTACK_TYPE: dict[str, tuple[int, str]] = {
    "assassination": (1, "Assassination"),
    "shooting": (2, "Armed Assault"),
    "stabbing": (2, "Armed Assault"),
    "ramming": (2, "Armed Assault"),
    "bombing": (3, "Bombing/Explosion"),
    "airstrike": (3, "Bombing/Explosion"),
    "hostage": (6, "Hostage Taking (Kidnapping)"),
    "arson": (7, "Facility/Infrastructure Attack"),
    "crowd_crush": (9, "Unknown"),
    "other": (9, "Unknown"),
}
GTD_WEAPON_TYPE: dict[str, tuple[int, str]] = {
    "bombing": (6, "Explosives"),
    "airstrike": (6, "Explosives"),
    "shooting": (5, "Firearms"),
    "assassination": (5, "Firearms"),
    "stabbing": (9, "Melee"),
    "ramming": (10, "Vehicle (not to include vehicle-borne explosives)"),
    "arson": (8, "Incendiary"),
    "hostage": (13, "Unknown"),
    "crowd_crush": (13, "Unknown"),
    "other": (13, "Unknown"),
}

Value = int | str


@dataclass(frozen=True, slots=True)
class Section:
    """A titled stretch of a document's text, by offsets."""

    title: str
    start: int
    end: int


def content_id(text: str) -> str:
    """A document's id: a hash of its text, so that the same report always gets the same id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Document:
    """One report: clean text plus what we know about where and when it was published."""

    id: str
    text: str
    source: str | None = None  # the file (or feed) it was read from
    ref: str | None = None  # the caller's own id (JSON Lines `id`)
    url: str | None = None
    title: str | None = None
    published: date | None = None
    language: str = "en"
    format: str = "text"
    sections: tuple[Section, ...] = ()

    @classmethod
    def make(cls, text: str, **kw: object) -> Self:
        """A document whose id is the hash of its text."""
        return cls(content_id(text), text, **kw)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Claim:
    """One value one document states, with the exact words that state it."""

    field: str
    value: Value
    document_id: str
    start: int
    end: int
    quote: str  # == document.text[start:end], always
    qualifier: Qualifier = "exact"
    low: int | None = None
    high: int | None = None
    role: str | None = None  # perpetrators: PerpetratorRole; reactions: Stance
    attributed_to: str | None = None
    reported_at: date | None = None
    status: Status = "current"
    # field-specific extras as sorted (key, value) pairs: precision, by, person, actor_type,
    # group, kind, country_code, lat, lon, ... Kept as a tuple so the claim stays hashable.
    detail: tuple[tuple[str, str], ...] = ()

    @classmethod
    def at(
        cls,
        doc: Document,
        start: int,
        end: int,
        field: str,
        value: Value,
        *,
        detail: dict[str, object] | None = None,
        **kw: object,
    ) -> Self:
        """The only way to make a claim: the quote is sliced, so it cannot drift."""
        pairs = tuple(sorted((k, str(v)) for k, v in (detail or {}).items() if v is not None))
        kw.setdefault("reported_at", doc.published)
        return cls(field, value, doc.id, start, end, doc.text[start:end], detail=pairs, **kw)  # type: ignore[arg-type]

    def get(self, key: str, default: str | None = None) -> str | None:
        for k, v in self.detail:
            if k == key:
                return v
        return default


@dataclass(frozen=True, slots=True)
class Frame:
    """One incident as one document describes it: the main one, or a background one."""

    document_id: str
    claims: tuple[Claim, ...]
    background: bool = False
    summary: str = ""  # a few words naming the incident, quoted from the text

    def of(self, field: str) -> tuple[Claim, ...]:
        return tuple(c for c in self.claims if c.field == field)


@dataclass(frozen=True, slots=True)
class Incident:
    """One real incident: the frames (from one or more documents) that describe it."""

    id: str
    frames: tuple[Frame, ...]
    background: bool = False

    @property
    def claims(self) -> tuple[Claim, ...]:
        return tuple(c for f in self.frames for c in f.claims)

    @property
    def document_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.document_id for f in self.frames))

    def of(self, field: str) -> tuple[Claim, ...]:
        return tuple(c for c in self.claims if c.field == field)


__all__ = [
    "Claim",
    "Document",
    "Frame",
    "Incident",
    "Section",
    "content_id",
    "FIELDS",
    "INCIDENT_TYPES",
    "QUALIFIERS",
    "STATUSES",
    "PERPETRATOR_ROLES",
    "STANCES",
    "GTD_ATTACK_TYPE",
    "GTD_WEAPON_TYPE",
]
