"""One death stated about one person, in the forms local news uses. Sentences written for these
tests."""

from __future__ import annotations

from datetime import date

import pytest

from incidentkb.extract import extract
from incidentkb.model import Document


def killed(text: str) -> list[tuple[int, str]]:
    frames = extract(Document.make(text, published=date(2016, 5, 2)))
    return [(int(c.value), c.quote) for c in frames[0].claims if c.field == "killed"]


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "Deputies arrested a third suspect in the fatal shooting of 19-year-old Marcus Reed.",
            "fatal shooting of 19-year-old Marcus Reed",
        ),
        (
            "Police are investigating reports of a 6-year-old shot dead on Elm Street.",
            "a 6-year-old shot dead",
        ),
        (
            "A man was shot in the chest outside a bar. He was pronounced dead at the scene.",
            "He was pronounced dead",
        ),
        ("Two men were charged in the death of a woman found in a parked car.", "death of a woman"),
        ("The girl was flown to a hospital, where she later died.", "she later died"),
    ],
)
def test_one_death(text: str, quote: str) -> None:
    assert killed(text) == [(1, quote)]


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    "text",
    [
        "He was charged with attempted murder of a neighbour after the shooting.",
        "The deaths of two men in a shooting are being investigated.",
    ],
)
def test_not_one_death(text: str) -> None:
    assert all(value != 1 for value, _ in killed(text))


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Eight farm workers were found dead near the border crossing.",
            (8, "Eight farm workers were found dead"),
        ),
        (
            "Two Dutch members of the monitoring mission were killed when a mine exploded.",
            (2, "Two Dutch members of the monitoring mission were killed"),
        ),
        (
            "Gunmen shot and killed Maria Lopez Vidal, a local judge.",
            (1, "shot and killed Maria Lopez Vidal"),
        ),
        (
            "An attacker stabbed one woman to death at the market.",
            (1, "stabbed one woman to death"),
        ),
    ],
)
def test_analyst_report_forms(text: str, want: tuple[int, str]) -> None:
    assert killed(text) == [want]


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "In 2009 three members of a road crew were killed by a roadside bomb.",
            [(3, "three members of a road crew were killed")],
        ),
        (
            "Militants ambushed a fuel convoy and killed the driver near the pass.",
            [(1, "killed the driver")],
        ),
        (
            "Two farmers were shot at. The driver was killed and his passenger wounded.",
            [(1, "The driver was killed")],
        ),
    ],
)
def test_more_analyst_forms(text: str, want: list[tuple[int, str]]) -> None:
    assert killed(text) == want


@pytest.mark.issue(4)
def test_no_casualties_is_none_killed_and_none_injured() -> None:
    frames = extract(
        Document.make(
            "A device exploded at a school but caused no casualties.", published=date(2005, 1, 2)
        )
    )
    zeros = sorted((c.field, c.value) for c in frames[0].claims if c.field in ("killed", "injured"))
    assert zeros == [("injured", 0), ("killed", 0)]
