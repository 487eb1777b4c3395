"""Tolls stated by lists of the dead, ordinals, murder charges, single deaths told of a named
person, and survival statements of one victim or across two sentences. Sentences written for
these tests."""

from __future__ import annotations

from datetime import date

import pytest

from incidentkb.extract import extract
from incidentkb.model import Document

PUBLISHED = date(2016, 5, 2)


def killed(text: str) -> list[int]:
    frames = extract(Document.make(text, published=PUBLISHED))
    return sorted({c.value for c in frames[0].claims if c.field == "killed"})


def best_killed(text: str) -> list[int]:
    frames = extract(Document.make(text, published=PUBLISHED))
    claims = [c for c in frames[0].claims if c.field == "killed" and c.status != "superseded"]
    return sorted({c.value for c in claims})


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Mourners recalled the deaths of a retired teacher, his wife and their two grandsons.", 4),
        ("The teenager is accused of fatally shooting his parents and two younger sisters.", 4),
        ("Rosa Vega, 41, Tomas Vega, 17, and Ana Vega, 9, were shot and killed in the house.", 3),
        ("Dario Lutz, 15, and his uncle, Pavel, were killed outside the shop on Tuesday.", 2),
        ("Three men were charged with murdering a 16-year-old and his mother last week.", 2),
        ("Gil Ortega, a retired firefighter, and his wife were killed in the attack.", 2),
    ],
)
def test_extract_counts_a_list_of_the_dead(text: str, want: int) -> None:
    assert killed(text) == [want]


@pytest.mark.issue(4)
def test_extract_list_stops_where_a_new_clause_begins() -> None:
    assert killed("A gunman killed a cashier and two customers were wounded.") == [1]


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("A third man has died after the shooting outside the arena on Saturday.", [3]),
        ("Prosecutors charged the driver with two counts of first-degree murder.", [2]),
        ("He faces three counts of attempted murder after the shooting.", []),
        ("Nell Darrow, 25, of Macon, was pronounced dead at the scene.", [1]),
        ("Officers found Kessler had been shot and killed in the kitchen.", [1]),
        ("Amrit Gill died at a local hospital early Monday.", [1]),
        ("The boy murdered by the gang was fourteen years old.", [1]),
        ("The shooting left a father and a daughter dead in the car.", [2]),
        ("A victim of the shooting on Sept. 3 died Saturday morning, police said.", []),
    ],
)
def test_extract_death_forms(text: str, want: list[int]) -> None:
    assert [v for v in killed(text) if v > 0] == want


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    "text",
    [
        "A 6-year-old boy was shot in the leg on Pine Street. The child is expected to survive.",
        "A woman was shot in the arm and is in stable condition.",
        "Four people shot at a block party were expected to recover, police said.",
        "Three residents, Ann Roe, Bo Lee and Cy Park, were treated for serious but "
        "non-life-threatening injuries.",
        "Of the five men, two are in critical condition. The other three have non-life threatening "
        "injuries.",
    ],
)
def test_extract_survival_of_every_victim_states_no_deaths(text: str) -> None:
    assert best_killed(text) == [0]


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    "text",
    [
        "Four people were shot on Main Street. The boy is in stable condition.",
        "Five of the six victims are in stable condition, police said.",
    ],
)
def test_extract_survival_of_some_victims_states_no_toll(text: str) -> None:
    assert 0 not in killed(text)


@pytest.mark.issue(4)
def test_extract_a_retracted_death_does_not_outweigh_the_survivors() -> None:
    text = (
        "Five men were wounded at a club. All five are expected to recover. "
        "Early reports said one person had died, but that proved to be incorrect."
    )
    assert best_killed(text) == [0]


@pytest.mark.issue(4)
def test_extract_early_on_a_weekday_is_a_time_not_an_early_report() -> None:
    text = "A shooting early Sunday morning left one person dead and two others hurt."
    frames = extract(Document.make(text, published=PUBLISHED))
    dead = [c for c in frames[0].claims if c.field == "killed"]
    assert {(c.value, c.status) for c in dead} == {(1, "current")}
