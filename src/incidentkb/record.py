"""Incident -> the public JSON record (DESIGN.md "The incident record"): the contract that
export, the API and `extract` print. Keys are added freely, never renamed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from incidentkb.model import GTD_ATTACK_TYPE, GTD_WEAPON_TYPE, Claim, Document, Incident
from incidentkb.resolve.reconcile import history, reconcile_count, superseding

_LOCATION_KEYS = ("country", "country_code", "admin1", "city", "site", "lat", "lon", "precision")


def claim_json(c: Claim) -> dict[str, Any]:
    out: dict[str, Any] = {
        "field": c.field,
        "value": c.value,
        "quote": c.quote,
        "document": c.document_id,
        "start": c.start,
        "end": c.end,
        "qualifier": c.qualifier,
        "status": c.status,
        "reported_at": c.reported_at.isoformat() if c.reported_at else None,
        "attributed_to": c.attributed_to,
    }
    if c.low is not None:
        out["low"], out["high"] = c.low, c.high
    if c.role:
        out["role"] = c.role
    out.update(dict(c.detail))
    return out


def document_json(d: Document) -> dict[str, Any]:
    return {
        "id": d.id,
        "ref": d.ref,
        "url": d.url,
        "title": d.title,
        "published": d.published.isoformat() if d.published else None,
        "source": d.source,
        "format": d.format,
    }


def to_record(incident: Incident, documents: Sequence[Document] = ()) -> dict[str, Any]:
    """The public record of one incident; every value is backed by the claims listed with it."""
    kind = _first(incident.of("type"))
    date_claim = _first(incident.of("date"))
    record: dict[str, Any] = {
        "id": incident.id,
        "title": _title(incident, documents, kind, date_claim),
        "type": kind.value if kind else None,
        "date": _date(date_claim),
        "location": _location(_first(incident.of("location"))),
        "killed": _count(incident.of("killed")),
        "injured": _count(incident.of("injured")) or _wounded(incident),
        "shot": _count(incident.of("shot")),
        "attackers_killed": _count(incident.of("attackers_killed")),
        "perpetrators": _grouped(
            incident.of("perpetrator"), lambda c: (c.value, c.role), _perpetrator
        ),
        "weapons": _grouped(
            incident.of("weapon"), lambda c: c.value, lambda cs: {"value": cs[0].value}
        ),
        "targets": _grouped(
            incident.of("target"), lambda c: c.value, lambda cs: {"value": cs[0].value}
        ),
        "victims": _grouped(incident.of("victims"), lambda c: c.get("group"), _victims),
        "timeline": _timeline(incident.of("event")),
        "reactions": _grouped(incident.of("reaction"), lambda c: (c.value, c.role), _reaction),
        "arrests": _grouped(
            incident.of("arrested"), lambda c: c.start, lambda cs: {"count": cs[0].value}
        ),
        "documents": [document_json(d) for d in documents if d.id in incident.document_ids],
        "background": incident.background,
        "gtd": _gtd(kind),
    }
    return record


def _first(claims: Sequence[Claim]) -> Claim | None:
    if not claims:
        return None
    votes = Counter(c.value for c in claims)
    top = max(votes.values())
    return next(c for c in claims if votes[c.value] == top)


def _title(
    incident: Incident, documents: Sequence[Document], kind: Claim | None, date_claim: Claim | None
) -> str:
    if not incident.background:
        for d in documents:
            if d.id in incident.document_ids and d.title:
                # a roundup's item is titled by its own heading, not the roundup's
                own = [f.summary for f in incident.frames if f.document_id == d.id]
                return d.title if d.title in own or not any(own) else own[0]
    parts = [
        str(date_claim.value)[:4] if date_claim else None,
        _place_name(incident),
        kind.value if kind else None,
    ]
    named = " ".join(p for p in parts if p)
    return named or (incident.frames[0].summary if incident.frames else "") or "incident"


def _place_name(incident: Incident) -> str | None:
    loc = _first(incident.of("location"))
    return (loc.get("city") or loc.get("country")) if loc else None


def _date(c: Claim | None) -> dict[str, Any] | None:
    if c is None:
        return None
    return {"value": c.value, "precision": c.get("precision", "day"), "claims": [claim_json(c)]}


def _location(c: Claim | None) -> dict[str, Any] | None:
    if c is None:
        return None
    out: dict[str, Any] = {k: c.get(k) for k in _LOCATION_KEYS}
    for k in ("lat", "lon"):
        out[k] = float(out[k]) if out[k] is not None else None
    out["claims"] = [claim_json(c)]
    return out


def _count(claims: Sequence[Claim]) -> dict[str, Any] | None:
    summary = reconcile_count(claims)
    if summary is None:
        return None
    summary["claims"] = [claim_json(c) for c in superseding(claims)]
    summary["history"] = history(claims)
    return summary


def _wounded(incident: Incident) -> dict[str, Any] | None:
    """When a report says only how many were shot and how many died, the wounded are the
    difference; the record says so, and lists the claims it is computed from."""
    shot, killed = reconcile_count(incident.of("shot")), reconcile_count(incident.of("killed"))
    if shot is None:
        return None
    dead = killed["best"] if killed else 0
    if shot["best"] < dead:
        return None
    claims = [*incident.of("shot"), *incident.of("killed")]
    return {
        "best": shot["best"] - dead,
        "low": shot["best"] - dead,
        "high": shot["best"] - dead,
        "qualifier": shot["qualifier"],
        "conflict": False,
        "derived": True,
        "reason": f"{shot['best']} shot minus {dead} killed: {shot['reason']}",
        "claims": [claim_json(c) for c in claims],
        "history": [],
    }


def _grouped(
    claims: Iterable[Claim],
    key: Callable[[Claim], Any],
    head: Callable[[list[Claim]], dict[str, Any]],
) -> list[dict[str, Any]]:
    groups: dict[Any, list[Claim]] = {}
    for c in claims:
        groups.setdefault(key(c), []).append(c)
    return [{**head(cs), "claims": [claim_json(c) for c in cs]} for cs in groups.values()]


def _perpetrator(cs: list[Claim]) -> dict[str, Any]:
    by = sorted({p for c in cs for p in (c.get("by") or "").split("; ") if p})
    out = {"name": cs[0].value, "role": cs[0].role, "by": by}
    if cs[0].get("kind"):  # a role filler: an organisation or individual, named or described
        out |= {"kind": cs[0].get("kind"), "named": cs[0].get("named") == "True"}
    return out


def _victims(cs: list[Claim]) -> dict[str, Any]:
    # a count ("23 students") or a victim the role-filler model names, with no count
    counts = [int(c.value) for c in cs if isinstance(c.value, int)]
    return {"group": cs[0].get("group"), "count": max(counts) if counts else None}


def _reaction(cs: list[Claim]) -> dict[str, Any]:
    person = next((c.get("person") for c in cs if c.get("person")), None)
    return {
        "actor": cs[0].value,
        "actor_type": cs[0].get("actor_type"),
        "person": person,
        "stance": cs[0].role,
    }


def _timeline(claims: Sequence[Claim]) -> list[dict[str, Any]]:
    entries = _grouped(
        claims,
        lambda c: (c.get("date"), c.value),
        lambda cs: {
            "date": cs[0].get("date"),
            "date_end": cs[0].get("date_end"),
            "kind": cs[0].value,
            "summary": cs[0].quote,
        },
    )
    return sorted(entries, key=lambda e: (e["date"] or "", e["kind"]))


def _gtd(kind: Claim | None) -> dict[str, Any] | None:
    if kind is None:
        return None
    attack, weapon = GTD_ATTACK_TYPE[str(kind.value)], GTD_WEAPON_TYPE[str(kind.value)]
    return {
        "attacktype1": attack[0],
        "attacktype1_txt": attack[1],
        "weaptype1": weapon[0],
        "weaptype1_txt": weapon[1],
    }
