"""Tolls of 0 from statements that every victim lives, single deaths, and numbers that are not
tolls. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from incidentkb.evaluation import NONE_STATED, _count_stated
from incidentkb.extract import extract
from incidentkb.model import Document

PUBLISHED = date(2021, 3, 8)


def tolls(text: str, field: str) -> list[tuple[int, str]]:
    frames = extract(Document.make(text, published=PUBLISHED))
    return [(c.value, c.quote) for c in frames[0].claims if c.field == field]


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    "text",
    [
        "Three men were shot behind a bakery. All three victims suffered non-life-threatening injuries.",
        "Two women were wounded on Elm Road. The injuries are not considered life-threatening.",
        "Five people were shot at a cookout. Officials expect all five to survive.",
        "Four people were hurt. The victims were taken to a hospital with non-life-threatening injuries.",
        "Six people were shot. One was in critical condition, while the others were in stable condition.",
        "Four teens were shot. Three are in stable condition and one is in critical condition.",
        "Police said shots were fired into a crowd. There are no reported fatalities.",
    ],
)
def test_extract_states_no_deaths_when_every_victim_lives(text: str) -> None:
    found = tolls(text, "killed")
    assert [v for v, _ in found] == [0]
    assert NONE_STATED["killed"].search(found[0][1])


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    "text",
    [
        "A man died at the scene. The other victims are expected to survive.",
        "Four people were shot. The surviving victims were all listed in stable condition.",
        "Two people were shot. A woman was shot in the leg and is in stable condition.",
    ],
)
def test_extract_gives_no_zero_toll_when_the_survivors_are_not_every_victim(text: str) -> None:
    assert 0 not in [v for v, _ in tolls(text, "killed")]


@pytest.mark.issue(4)
def test_extract_survival_statement_yields_to_a_stated_death() -> None:
    text = "A teenager was shot and killed on Friday. All of the others are in stable condition."
    assert [v for v, _ in tolls(text, "killed")] == [1]


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("A 19-year-old was shot and killed near the park.", "A 19-year-old was shot and killed"),
        ("A woman was shot to death outside her home.", "A woman was shot to death"),
        ("A young man was found shot dead in an alley.", "A young man was found shot dead"),
        ("A cyclist is dead after a shooting downtown.", "A cyclist is dead"),
        ("The gunfire left a toddler dead and two adults hurt.", "left a toddler dead"),
    ],
)
def test_extract_single_death_forms(text: str, quote: str) -> None:
    assert tolls(text, "killed") == [(1, quote)]


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Five men at a card game were shot and one was killed.", 1, 4),
        ("Nine people were shot -- two fatally -- at a bar.", 2, 7),
    ],
)
def test_extract_shot_then_killed_gives_the_wounded(text: str, killed: int, injured: int) -> None:
    assert [v for v, _ in tolls(text, "killed")] == [killed]
    assert [v for v, _ in tolls(text, "injured")] == [injured]


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    "text",
    [
        "A mother of 4 fatally shot in a parking lot.",
        "One of the three officers involved was dead.",
        "The last two deputies killed in the line of duty were honoured.",
        "A police K-9 dog was injured during the arrest.",
    ],
)
def test_extract_group_sizes_and_names_are_not_tolls(text: str) -> None:
    values = [v for f in ("killed", "injured") for v, _ in tolls(text, f)]
    assert all(v in (0, 1) for v in values), values


@pytest.mark.issue(4)
def test_extract_total_of_is_still_a_toll() -> None:
    assert tolls("A total of nine people were killed.", "killed") == [
        (9, "nine people were killed")
    ]


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "field", "want", "stated"),
    [
        ("Five people were wounded in a shooting.", "killed", 0, False),
        ("Five people were wounded; all are expected to survive.", "killed", 0, True),
        ("A bomb killed seven and wounded twelve.", "injured", 12, True),
        ("A bomb killed seven and wounded twelve.", "injured", 13, False),
        ("A bomb killed seven people.", "injured", 0, False),
        ("A bomb killed seven people; no one else was hurt.", "injured", 0, True),
        ("A gunman killed a guard.", "killed", 1, True),
        ("A man was shot on Elm Street and is in critical condition.", "killed", 1, False),
        ("A man was shot on Elm Street and is in critical condition.", "injured", 1, True),
    ],
)
def test_evaluation_scores_a_count_only_where_the_text_states_it(
    text: str, field: str, want: int, stated: bool
) -> None:
    assert _count_stated(field, text, want) is stated
