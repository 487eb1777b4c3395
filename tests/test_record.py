"""to_record: the public record of DESIGN.md, every contract key, with GTD codes; and the
package's public API."""

from __future__ import annotations

import importlib
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import incidentkb
from incidentkb.extract import extract
from incidentkb.ingest import read_paths
from incidentkb.model import GTD_ATTACK_TYPE, GTD_WEAPON_TYPE, Claim, Document, Frame, Incident
from incidentkb.record import to_record
from incidentkb.resolve import resolve

REPORTS = Path(__file__).resolve().parent / "fixtures" / "reports"

TOP_KEYS = {
    "id", "title", "type", "date", "location", "killed", "injured", "perpetrators", "weapons",
    "targets", "victims", "timeline", "reactions", "documents",
}  # fmt: skip
LOCATION_KEYS = {
    "country", "country_code", "admin1", "city", "site", "lat", "lon", "precision",
}  # fmt: skip
COUNT_KEYS = {"best", "low", "high", "qualifier", "conflict", "claims"}
DOCUMENT_KEYS = {"id", "ref", "url", "title", "published"}

TEXT = (
    "A suicide bomber blew himself up at a crowded wedding hall in Kabul, Afghanistan, on "
    "17 August 2019, killing at least 63 people and wounding 182, the interior ministry said. "
    "Most of the dead were guests at a Shia wedding. Early reports had put the toll at 40. "
    "Islamic State Khorasan Province claimed responsibility for the bombing on 18 August. "
    "The Taliban denied any involvement in the attack. "
    "Pakistani Prime Minister Imran Khan condemned the attack."
)


@pytest.fixture(scope="module")
def doc() -> Document:
    return Document.make(
        TEXT,
        source="tests/kabul-wedding.txt",
        ref="wire-2019-0818-3",
        url="https://example.org/kabul-wedding",
        title="Suicide bomber kills 63 at Kabul wedding hall",
        published=date(2019, 8, 19),
    )


@pytest.fixture(scope="module")
def record(doc: Document) -> dict[str, Any]:
    main = resolve(extract(doc))[0]
    return to_record(main, [doc])


def test_record_has_every_contract_key(record: dict[str, Any]) -> None:
    assert TOP_KEYS <= record.keys()


def test_record_is_json(record: dict[str, Any]) -> None:
    assert json.loads(json.dumps(record)) == record


def test_record_headline_values(record: dict[str, Any], doc: Document) -> None:
    assert record["title"] == doc.title
    assert record["type"] == "bombing"
    assert record["date"]["value"] == "2019-08-17"
    assert record["date"]["precision"] == "day"


def test_record_location_keys(record: dict[str, Any]) -> None:
    loc = record["location"]
    assert LOCATION_KEYS <= loc.keys()
    assert (loc["country"], loc["country_code"], loc["city"]) == ("Afghanistan", "AF", "Kabul")
    assert isinstance(loc["lat"], float) and isinstance(loc["lon"], float)
    assert 34 < loc["lat"] < 35 and 69 < loc["lon"] < 70


def test_record_killed_reconciled_with_claims(record: dict[str, Any]) -> None:
    killed = record["killed"]
    assert COUNT_KEYS <= killed.keys()
    assert (killed["best"], killed["qualifier"]) == (63, "at_least")
    assert (killed["low"], killed["high"]) == (40, 63)
    assert killed["conflict"] is False
    by_value = {c["value"]: c for c in killed["claims"]}
    assert by_value[40]["status"] == "superseded"
    assert by_value[63]["quote"] in TEXT


def test_record_injured_reconciled(record: dict[str, Any]) -> None:
    injured = record["injured"]
    assert COUNT_KEYS <= injured.keys()
    assert (injured["best"], injured["low"], injured["high"]) == (182, 182, 182)


def test_record_claims_quote_the_document(record: dict[str, Any], doc: Document) -> None:
    claims = [c for k in ("killed", "injured") for c in record[k]["claims"]]
    claims += [
        c for k in ("perpetrators", "reactions", "timeline") for e in record[k] for c in e["claims"]
    ]
    assert claims
    for c in claims:
        assert doc.text[c["start"] : c["end"]] == c["quote"]
        assert c["document"] == doc.id


def test_record_perpetrators(record: dict[str, Any]) -> None:
    entries = {(p["name"], p["role"]) for p in record["perpetrators"]}
    assert ("Islamic State – Khorasan Province", "claimed") in entries
    assert ("Taliban", "denied") in entries
    for p in record["perpetrators"]:
        assert {"name", "role", "by", "claims"} <= p.keys()
        assert isinstance(p["by"], list) and p["claims"]


def test_record_reactions(record: dict[str, Any]) -> None:
    (reaction,) = record["reactions"]
    assert {"actor", "actor_type", "person", "stance", "claims"} <= reaction.keys()
    assert (reaction["actor"], reaction["actor_type"], reaction["person"], reaction["stance"]) == (
        "Pakistan",
        "state",
        "Imran Khan",
        "condemnation",
    )


def test_record_timeline(record: dict[str, Any]) -> None:
    for entry in record["timeline"]:
        assert {"date", "kind", "summary", "claims"} <= entry.keys()
    kinds = {(e["date"], e["kind"]) for e in record["timeline"]}
    assert ("2019-08-18", "claim_of_responsibility") in kinds


def test_record_documents(record: dict[str, Any], doc: Document) -> None:
    (entry,) = record["documents"]
    assert DOCUMENT_KEYS <= entry.keys()
    assert entry == entry | {
        "id": doc.id,
        "ref": "wire-2019-0818-3",
        "url": "https://example.org/kabul-wedding",
        "title": doc.title,
        "published": "2019-08-19",
    }


def test_record_carries_gtd_codes(record: dict[str, Any]) -> None:
    attack, weapon = GTD_ATTACK_TYPE["bombing"], GTD_WEAPON_TYPE["bombing"]
    assert record["gtd"] == {
        "attacktype1": attack[0],
        "attacktype1_txt": attack[1],
        "weaptype1": weapon[0],
        "weaptype1_txt": weapon[1],
    }


def test_record_lists_victims_weapons_targets_from_claims(doc: Document) -> None:
    def at(words: str, field: str, value: Any, **kw: Any) -> Claim:
        start = doc.text.index(words)
        return Claim.at(doc, start, start + len(words), field, value, **kw)

    frame = Frame(
        doc.id,
        (
            at("suicide bomber", "weapon", "suicide vest"),
            at("wedding hall", "target", "wedding hall"),
            at("guests at a Shia wedding", "victims", 63, detail={"group": "wedding guests"}),
        ),
    )
    record = to_record(Incident("i1", (frame,)), [doc])
    assert [(w["value"], len(w["claims"])) for w in record["weapons"]] == [("suicide vest", 1)]
    assert [t["value"] for t in record["targets"]] == ["wedding hall"]
    (victims,) = record["victims"]
    assert {"group", "count", "claims"} <= victims.keys()
    assert (victims["group"], victims["count"]) == ("wedding guests", 63)


def test_record_of_an_incident_with_no_claims_keeps_every_key() -> None:
    doc = Document.make("Nothing to report today.", published=date(2024, 1, 1))
    record = to_record(Incident("empty", (Frame(doc.id, ()),)), [doc])
    assert TOP_KEYS <= record.keys()
    assert record["killed"] is None and record["perpetrators"] == []
    assert record["documents"][0]["id"] == doc.id


def test_record_background_incident_is_flagged_and_named() -> None:
    (doc,) = read_paths([REPORTS / "istanbul-istiklal-2022.txt"])
    assert isinstance(doc, Document)
    records = [to_record(i, [doc]) for i in resolve(extract(doc))]
    background = [r for r in records if r["background"]]
    assert background and not records[0]["background"]
    assert background[0]["killed"]["best"] == 39
    assert background[0]["title"] != doc.title


def test_public_api_all_is_defined_and_importable() -> None:
    names = getattr(incidentkb, "__all__", None)
    assert names, "incidentkb/__init__.py defines no __all__ (STYLE.md: the public API is __all__)"
    for name in names:
        assert hasattr(incidentkb, name), f"incidentkb.__all__ names {name!r}, which is missing"
    for core in ("Document", "Claim", "Frame", "Incident", "extract", "resolve", "to_record"):
        assert core in names


@pytest.mark.parametrize(
    "module",
    [
        "incidentkb.model",
        "incidentkb.extract",
        "incidentkb.ingest",
        "incidentkb.resolve",
        "incidentkb.store",
    ],
)
def test_stage_all_names_resolve(module: str) -> None:
    mod = importlib.import_module(module)
    for name in mod.__all__:
        assert hasattr(mod, name), f"{module}.__all__ names {name!r}, which is missing"
