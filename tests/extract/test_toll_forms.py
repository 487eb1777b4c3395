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


def record(text: str) -> dict:
    from incidentkb.pipeline import analyse

    _, incidents = analyse(Document.make(text, published=PUBLISHED))
    return next(r for _, _, r in incidents if not r.get("background"))


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "victims", "attackers"),
    [
        (
            "A man shot and killed three neighbours in Dayton, Ohio, on Sunday before turning the "
            "gun on himself, police said.",
            3,
            1,
        ),
        (
            "Two guards were shot and killed at a warehouse in Reno, Nevada, on Sunday. The "
            "gunman, a former employee, was killed by officers.",
            2,
            1,
        ),
        (
            "Three people were shot and killed in Tulsa, Oklahoma, on Sunday. Police are still "
            "looking for the gunman.",
            3,
            None,
        ),
    ],
)
def test_record_keeps_the_attackers_dead_apart(
    text: str, victims: int, attackers: int | None
) -> None:
    r = record(text)
    assert r["killed"]["best"] == victims
    assert (r.get("attackers_killed") or {}).get("best") == attackers


@pytest.mark.issue(4)
def test_extract_an_increment_is_not_a_toll() -> None:
    assert killed("The feud went on, and two more people were killed before the arrests.") == []


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Rita Moe, Sam Dorn and Lee Vance all died of gunshot wounds to the head.", [3]),
        (
            "He is charged over the shooting of his parents and two of their children, who were "
            "found dead in the farmhouse.",
            [4],
        ),
    ],
)
def test_extract_more_lists_of_the_dead(text: str, want: list[int]) -> None:
    assert [v for v in killed(text) if v > 1] == want


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    "text",
    [
        "Deputy Ana Ruiz, 31, was shot and killed on Elm Road. A neighbour was also killed.",
        "Jon Hale, 19, was shot and killed near the stage. Minutes later, Ivy Lund, 22, was shot "
        "in the head and killed.",
    ],
)
def test_extract_two_deaths_told_one_by_one_make_a_toll_of_two(text: str) -> None:
    assert record(text)["killed"]["best"] == 2


@pytest.mark.issue(4)
def test_extract_a_named_death_does_not_revise_a_count_down() -> None:
    text = (
        "Two people were killed as shots rang out in Flatbush early Monday. Ivy Park, 22, was "
        "shot and killed near the parade route."
    )
    assert record(text)["killed"]["best"] == 2


@pytest.mark.issue(4)
def test_extract_murder_charges_do_not_revise_a_toll() -> None:
    text = (
        "Five members of a family were found dead in their home on Saturday night. On Monday the "
        "son was charged with two counts of murder."
    )
    assert record(text)["killed"]["best"] == 5


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    "text",
    [
        "A trooper was shot and killed in Tulsa on Monday. Since January 2015, more than 3000 "
        "people have died in the violence.",
        "A trooper was shot and killed in Tulsa on Monday. Figures showed 19 officers had been "
        "slain nationwide this year through Monday.",
    ],
)
def test_extract_running_totals_are_background(text: str) -> None:
    assert record(text)["killed"]["best"] == 1


@pytest.mark.issue(4)
def test_extract_another_victims_condition_completes_the_survivors() -> None:
    text = (
        "Six people were shot at a park on Monday. Five of the six are listed in stable condition. "
        "Another victim, a 20-year-old man, is in critical condition."
    )
    assert best_killed(text) == [0]


@pytest.mark.issue(4)
def test_extract_a_past_shooting_told_over_several_sentences_stays_background() -> None:
    text = (
        "A police officer was shot and killed in Fresno, California, on Friday night.\n"
        "He had stopped a car on Blackstone Avenue when the driver opened fire, police said.\n"
        "The driver was arrested an hour later.\n"
        "The officer had served with the department for six years.\n"
        "The last officer killed in the city before him was Tom Brandt.\n"
        "Brandt, 41, was killed during a traffic stop on May 2, 2009. The gunman fled "
        "past Brandt's patrol car toward the freeway.\n"
        "The gunman was shot dead by deputies a short time later."
    )
    r = record(text)
    assert r["killed"]["best"] == 1
    assert r.get("attackers_killed") is None


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    "text",
    [
        "On Saturday, Marwick was fatally wounded as he stood in the yard.",
        "Officers found Okafor had been gunned down behind the store.",
    ],
)
def test_extract_a_death_told_of_a_surname(text: str) -> None:
    assert killed(text) == [1]


def injured(text: str) -> list[int]:
    frames = extract(Document.make(text, published=PUBLISHED))
    return sorted({c.value for c in frames[0].claims if c.field == "injured"})


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Five men playing cards in a Dayton back yard were shot and one was killed.", [4]),
        ("A birthday party on Elm Street ended with six people in the hospital.", [6]),
        ("The gunfire sent three people to area hospitals, police said.", [3]),
        ("One deputy was shot and killed and another was injured during the stop.", [1]),
        ("He opened fire on two officers, killing one and badly wounding the other.", [1]),
        ("Ana Ruiz, 24, Ben Holt, 31 and Cal Dunn, 19 were all taken to the hospital.", [3]),
        ("All four victims suffered non-life threatening injuries, police said.", [4]),
    ],
)
def test_extract_injured_forms(text: str, want: list[int]) -> None:
    assert injured(text) == want


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "not_a_toll"),
    [
        ("Two of the five victims were taken to hospitals in Vineland.", 2),
        ("A police K-9 unit was injured during the arrest.", 1),
        ("There were 200 teens at the party and four of them were shot.", 200),
    ],
)
def test_extract_parts_animals_and_crowds_are_not_the_injured(text: str, not_a_toll: int) -> None:
    assert not_a_toll not in injured(text)


@pytest.mark.issue(5)
def test_a_later_figure_in_the_same_sentence_supersedes_the_earlier() -> None:
    text = (
        "A gunman attacked a concert hall in Krasnogorsk on Friday. By the end of the month the "
        "ministry counted 144 dead, and the toll later reached 145 when another of the wounded "
        "died."
    )
    frames = extract(Document.make(text, published=PUBLISHED))
    tolls = {(c.value, c.status) for c in frames[0].claims if c.field == "killed"}
    assert (144, "superseded") in tolls and (145, "current") in tolls
