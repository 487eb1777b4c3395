"""Killed and injured counts as reports state them: qualifiers, number words, what is not a
toll, "no injuries", and who said the figure. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from incidentkb.extract import extract
from incidentkb.model import Claim, Document, Frame

PUBLISHED = date(2023, 5, 12)


def main_frame(text: str, published: date = PUBLISHED) -> Frame:
    frames = extract(Document.make(text, published=published))
    assert frames and not frames[0].background
    return frames[0]


def only(claims: tuple[Claim, ...]) -> Claim:
    assert len(claims) == 1, [(c.value, c.quote) for c in claims]
    return claims[0]


@pytest.mark.parametrize(
    ("text", "field", "value", "qualifier", "quote"),
    [
        (
            "At least 12 people were killed when a bomb exploded at a bus station in Quetta.",
            "killed",
            12,
            "at_least",
            "At least 12 people were killed",
        ),
        (
            "No fewer than 17 people were killed in the raid on the village.",
            "killed",
            17,
            "at_least",
            "No fewer than 17 people were killed",
        ),
        (
            "More than 30 people were injured in the explosion near the stadium.",
            "injured",
            30,
            "more_than",
            "More than 30 people were injured",
        ),
        (
            "About 40 people were wounded when the gunmen fired on the crowd.",
            "injured",
            40,
            "about",
            "About 40 people were wounded",
        ),
        (
            "Nearly 200 people were injured in the stampede at the stadium gate.",
            "injured",
            200,
            "about",
            "Nearly 200 people were injured",
        ),
        (
            "Up to 30 people may have died in the fire that swept through the market.",
            "killed",
            30,
            "up_to",
            "Up to 30 people may have died",
        ),
        (
            "As many as 60 people were wounded in the blast outside the ministry.",
            "injured",
            60,
            "up_to",
            "As many as 60 people were wounded",
        ),
    ],
)
def test_extract_count_keeps_its_qualifier(
    text: str, field: str, value: int, qualifier: str, quote: str
) -> None:
    claim = only(main_frame(text).of(field))
    assert (claim.value, claim.qualifier, claim.quote) == (value, qualifier, quote)
    assert claim.low is None and claim.high is None


@pytest.mark.parametrize(
    ("text", "field", "low", "high"),
    [
        ("Between 20 and 30 people were killed in the raid on the village.", "killed", 20, 30),
        ("Between twelve and fifteen people were injured in the crush.", "injured", 12, 15),
    ],
)
def test_extract_between_x_and_y_is_a_range(text: str, field: str, low: int, high: int) -> None:
    claim = only(main_frame(text).of(field))
    assert (claim.qualifier, claim.low, claim.high) == ("range", low, high)
    assert claim.value == low


@pytest.mark.parametrize(
    ("text", "field", "value", "qualifier"),
    [
        ("Three paramedics were killed when the ambulance was hit.", "killed", 3, "exact"),
        ("The gunman killed eleven worshippers at the mosque.", "killed", 11, "exact"),
        (
            "Twenty-one people were killed in the attack on the wedding party.",
            "killed",
            21,
            "exact",
        ),
        ("The blast killed one hundred and twelve people at the rally.", "killed", 112, "exact"),
        # "two dozen" states an approximate amount even without "about"
        ("Two dozen people were injured in the crush at the gate.", "injured", 24, "about"),
        ("A dozen people were wounded in the shooting outside the bar.", "injured", 12, "about"),
    ],
)
def test_extract_count_written_in_words(text: str, field: str, value: int, qualifier: str) -> None:
    claim = only(main_frame(text).of(field))
    assert (claim.value, claim.qualifier) == (value, qualifier)


@pytest.mark.parametrize(
    ("text", "not_a_toll"),
    [
        ("A 24-year-old man was killed in the shooting outside a nightclub.", 24),
        ("The 19-year-old gunman killed two people before he was arrested.", 19),
        ("The mosque, which opened in 2019, was hit and four people were killed.", 2019),
        ("The bomb went off at 8 pm and wounded three police officers.", 8),
        ("Gunmen fired 40 rounds into the crowd, killing six people.", 40),
    ],
)
def test_extract_ages_years_and_measures_are_not_tolls(text: str, not_a_toll: int) -> None:
    frame = main_frame(text)
    values = [c.value for c in frame.claims if c.field in ("killed", "injured")]
    assert not_a_toll not in values


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("The 19-year-old gunman killed two people before he was arrested.", "killed", 2),
        ("The mosque, which opened in 2019, was hit and four people were killed.", "killed", 4),
        ("Gunmen fired 40 rounds into the crowd, killing six people.", "killed", 6),
    ],
)
def test_extract_toll_next_to_an_age_or_year_still_found(text: str, field: str, value: int) -> None:
    assert [c.value for c in main_frame(text).of(field)] == [value]


@pytest.mark.parametrize(
    ("text", "field", "quote"),
    [
        ("No injuries were reported.", "injured", "No injuries"),
        ("A second device was made safe and no injuries were reported.", "injured", "no injuries"),
        (
            "No one was killed in the explosion, the fire service said.",
            "killed",
            "No one was killed",
        ),
        ("Nobody was injured when the car hit the barrier.", "injured", "Nobody was injured"),
    ],
)
def test_extract_no_casualties_is_a_zero_count(text: str, field: str, quote: str) -> None:
    claims = main_frame(text).of(field)
    assert [(c.value, c.quote) for c in claims] == [(0, quote)]


@pytest.mark.parametrize(
    ("text", "field", "value", "speaker"),
    [
        (
            "Seven people were killed, according to the health ministry.",
            "killed",
            7,
            "health ministry",
        ),
        ("Police said 49 people had been killed at the two mosques.", "killed", 49, "police"),
        ("About 40 people were wounded, police said.", "injured", 40, "police"),
        (
            "Eight people were injured, the Interior Ministry said.",
            "injured",
            8,
            "interior ministry",
        ),
        (
            "More than 100 people were killed in the attack, Reuters reported.",
            "killed",
            100,
            "reuters",
        ),
    ],
)
def test_extract_count_attributed_to_its_speaker(
    text: str, field: str, value: int, speaker: str
) -> None:
    claim = only(main_frame(text).of(field))
    assert claim.value == value
    assert (claim.attributed_to or "").lower() == speaker


def test_extract_unattributed_count_has_no_speaker() -> None:
    claim = only(main_frame("Five people were killed in the blast at the market.").of("killed"))
    assert claim.attributed_to is None


def test_extract_counts_killed_and_injured_in_one_sentence() -> None:
    frame = main_frame(
        "The explosion killed at least 14 people and wounded more than 60 others near the mosque."
    )
    assert [(c.value, c.qualifier) for c in frame.of("killed")] == [(14, "at_least")]
    assert [(c.value, c.qualifier) for c in frame.of("injured")] == [(60, "more_than")]


def test_extract_count_reported_at_publication_date_by_default() -> None:
    claim = only(main_frame("Five people were killed in the blast at the market.").of("killed"))
    assert claim.reported_at == PUBLISHED and claim.status == "current"
