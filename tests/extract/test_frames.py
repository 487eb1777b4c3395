"""Frames: the main incident first, background incidents apart, toll status across a report,
and the incident type. Reports written for these tests (tests/fixtures/reports)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from incidentkb.extract import extract
from incidentkb.ingest import read_paths
from incidentkb.model import GTD_ATTACK_TYPE, GTD_WEAPON_TYPE, Document, Frame

REPORTS = Path(__file__).resolve().parent.parent / "fixtures" / "reports"
FIXTURES = sorted(REPORTS.glob("*.txt"))


def frames_of(text: str, published: date) -> list[Frame]:
    return extract(Document.make(text, published=published))


def tolls(frame: Frame, field: str = "killed") -> list[tuple[int, str]]:
    return [(int(c.value), c.status) for c in frame.of(field)]


# -- toll status ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Early reports put the toll at 103, but authorities later revised it to 89.",
        "Initial reports said 103 people were killed, but officials later revised the toll to 89.",
    ],
)
def test_extract_early_toll_superseded_by_revised_one(sentence: str) -> None:
    text = f"Two bombs exploded near a cemetery in Kerman, Iran, on 3 January 2024. {sentence}"
    main = frames_of(text, date(2024, 1, 6))[0]
    assert tolls(main) == [(103, "superseded"), (89, "revised")]


def test_extract_toll_that_rose_supersedes_the_first_figure() -> None:
    text = (
        "A gunman opened fire at two mosques in Christchurch, New Zealand, on 15 March 2019. "
        "Police said 49 people had been killed on the night of the attack. "
        "The toll rose to 50 on 17 March when another body was found at the Al Noor mosque."
    )
    main = frames_of(text, date(2019, 3, 20))[0]
    assert tolls(main) == [(49, "superseded"), (50, "current")]
    first, later = main.of("killed")
    assert first.reported_at == date(2019, 3, 15)
    assert later.reported_at == date(2019, 3, 17)


def test_extract_single_toll_is_current() -> None:
    text = "A bomb exploded at a market in Quetta, Pakistan, on 5 March 2023, killing 12 people."
    assert tolls(frames_of(text, date(2023, 3, 6))[0]) == [(12, "current")]


# -- background incidents ------------------------------------------------------------------


def test_extract_keeps_background_toll_out_of_main_frame() -> None:
    text = (
        "A suicide bomber struck a mosque in Peshawar, Pakistan, on 30 January 2023, killing at "
        "least 84 people. It was the deadliest attack in the city since December 2014, when "
        "gunmen killed more than 140 people at an army school."
    )
    main, *rest = frames_of(text, date(2023, 2, 1))
    assert not main.background
    assert [c.value for c in main.of("killed")] == [84]
    background = [f for f in rest if f.background]
    assert len(background) == 1
    assert [(c.value, c.qualifier) for c in background[0].of("killed")] == [(140, "more_than")]
    assert [c.value for c in background[0].of("date")] == ["2014-12-01"]


def test_extract_keeps_main_toll_in_sentence_comparing_with_a_past_year() -> None:
    text = (
        "A roadside bomb struck a bus in Quetta, Pakistan, on 2 January 2024. "
        "The blast killed 12 people, the deadliest in the province since 2019."
    )
    main = frames_of(text, date(2024, 1, 6))[0]
    assert [c.value for c in main.of("killed")] == [12]


def test_extract_background_section_is_its_own_frame() -> None:
    text = (
        "A gunman killed six people at a school in Nashville, Tennessee, on 27 March 2023.\n\n"
        "Background\n\n"
        "In 2019, a shooting at a school in the state left two people dead."
    )
    main, *rest = frames_of(text, date(2023, 3, 28))
    assert [c.value for c in main.of("killed")] == [6]
    assert any(f.background and [c.value for c in f.of("killed")] == [2] for f in rest)
    assert 2 not in [c.value for c in main.of("killed")]


def test_extract_main_frame_first_even_without_claims() -> None:
    frames = frames_of("The weather in the capital was mild this week.", date(2023, 3, 28))
    assert len(frames) == 1 and not frames[0].background


# -- incident type -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Two bombs exploded near a cemetery in Kerman, killing dozens of pilgrims.", "bombing"),
        ("A suicide bomber blew himself up at a checkpoint outside the ministry.", "bombing"),
        ("A gunman opened fire on worshippers at a synagogue, killing one woman.", "shooting"),
        ("Five people were killed in a mass shooting at a nightclub in Colorado Springs.", "shooting"),
        ("A man stabbed three people at a city festival before fleeing.", "stabbing"),
        ("An attacker armed with a knife wounded four people at a shopping centre.", "stabbing"),
        ("A man drove a truck into a crowd on the seafront, killing dozens.", "ramming"),
        ("A car ploughed into pedestrians on the bridge, injuring eight people.", "ramming"),
        ("At least 151 people died in a crowd crush in a narrow alley in Seoul.", "crowd_crush"),
        ("A stampede at the stadium gate left 17 people dead.", "crowd_crush"),
    ],
)  # fmt: skip
def test_extract_detects_incident_type(text: str, kind: str) -> None:
    main = frames_of(text, date(2023, 5, 12))[0]
    assert [c.value for c in main.of("type")] == [kind]
    claim = main.of("type")[0]
    assert claim.quote.lower() in text.lower()


def test_extract_type_carries_gtd_codes() -> None:
    main = frames_of("A man drove a truck into a crowd on the seafront.", date(2016, 7, 15))[0]
    claim = main.of("type")[0]
    assert claim.get("gtd_attacktype") == str(GTD_ATTACK_TYPE["ramming"][0])
    assert claim.get("gtd_weaptype") == str(GTD_WEAPON_TYPE["ramming"][0])


# -- fixture reports with gold ---------------------------------------------------------------


def _gold(path: Path) -> dict[str, Any]:
    return json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))


def _frames(path: Path) -> tuple[Document, list[Frame]]:
    (doc,) = read_paths([path])
    assert isinstance(doc, Document)
    return doc, extract(doc)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_extract_fixture_headline(path: Path) -> None:
    gold = _gold(path)
    doc, (main, *_) = _frames(path)
    assert doc.published == date.fromisoformat(gold["published"])
    assert [c.value for c in main.of("date")] == [gold["date"]]
    assert [c.value for c in main.of("type")] == [gold["type"]]
    (loc,) = main.of("location")
    assert (loc.get("country_code"), loc.get("city")) == (gold["country_code"], gold["city"])


@pytest.mark.parametrize("field", ["killed", "injured"])
@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_extract_fixture_counts(path: Path, field: str) -> None:
    _, (main, *_) = _frames(path)
    found = [
        {"value": c.value, "qualifier": c.qualifier, "status": c.status, "by": c.attributed_to}
        for c in main.of(field)
    ]
    for want in _gold(path)[field]:
        match = [
            f
            for f in found
            if (f["value"], f["qualifier"], f["status"])
            == (want["value"], want["qualifier"], want["status"])
        ]
        assert match, f"{field} {want} not among {found}"
        if "attributed_to" in want:
            speakers = [(f["by"] or "").lower() for f in match]
            assert want["attributed_to"].lower() in speakers, f"{want} said by {speakers}"


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_extract_fixture_background_kept_apart(path: Path) -> None:
    gold = _gold(path)
    _, (main, *rest) = _frames(path)
    main_values = {c.value for c in main.claims if c.field in ("killed", "injured")}
    for value in gold["absent_from_main"]:
        assert value not in main_values
    for want in gold["background"]:
        assert any(
            f.background
            and want["killed"] in [c.value for c in f.of("killed")]
            and want["date"] in [c.value for c in f.of("date")]
            for f in rest
        ), f"no background frame for {want}"


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_extract_fixture_perpetrators(path: Path) -> None:
    _, (main, *_) = _frames(path)
    found = [(c.value, c.role, c.get("by")) for c in main.of("perpetrator")]
    for want in _gold(path)["perpetrators"]:
        assert (want["name"], want["role"], want.get("by")) in found, found


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_extract_fixture_reactions(path: Path) -> None:
    _, (main, *_) = _frames(path)
    found = [(c.value, c.role, c.get("person")) for c in main.of("reaction")]
    for want in _gold(path)["reactions"]:
        assert (want["actor"], want["stance"], want["person"]) in found, found
