"""US towns and states in local news, on sentences written for these tests (issue 4)."""

from __future__ import annotations

import pytest

from incidentkb.extract.places import find_places, locate

pytestmark = pytest.mark.issue(4)


@pytest.mark.parametrize(
    ("text", "city", "admin1"),
    [
        (
            "Police in Sylvester, Ga., said eight teens were hurt at a party.",
            "Sylvester",
            "Georgia",
        ),
        ("TY TY, GEORGIA (WXYZ) - Two men were shot outside a store.", "Ty Ty", "Georgia"),
        ("Three people were shot in Berlin, Vt., late on Friday.", "Berlin", "Vermont"),
        ("CROSBY, TEXAS - A masked man opened fire at a home.", "Crosby", "Texas"),
    ],
)
def test_locate_reads_a_town_the_gazetteer_lacks_with_its_state(
    text: str, city: str, admin1: str
) -> None:
    place, mention = locate(text)  # type: ignore[misc]
    assert (place.city, place.admin1, place.country_code) == (city, admin1, "US")
    assert text[mention.start : mention.end] == mention.text
    assert place.lat is None  # a town from the text has no coordinates


@pytest.mark.parametrize(
    "text",
    [
        "However, Texas officials said the road would stay closed.",
        "Officer John Tyler, Texas Rangers said, fired twice.",
        "The Smith County, Texas, jail holds the suspect.",
    ],
)
def test_find_places_takes_no_town_from_a_name_or_a_word(text: str) -> None:
    cities = [m.text for m in find_places(text) if m.kind == "city"]
    assert "However" not in cities and "John Tyler" not in cities and "Smith County" not in cities


def test_locate_reads_georgia_as_the_state_in_a_us_report() -> None:
    text = "Deputies in Texas and Georgia searched for the gunman, Georgia officials said."
    place, _ = locate(text)  # type: ignore[misc]
    assert place.country_code == "US"


def test_locate_keeps_georgia_the_country_in_a_report_about_the_caucasus() -> None:
    place, _ = locate("A bomb exploded in Tbilisi, Georgia, on Monday.")  # type: ignore[misc]
    assert place.country == "Georgia"


def test_locate_ignores_a_station_name_before_a_city() -> None:
    text = (
        "CHICAGO — Two men were shot on the South Side, police said. "
        "Fox Chicago reported the victims were in stable condition."
    )
    place, _ = locate(text)  # type: ignore[misc]
    assert (place.city, place.country_code) == ("Chicago", "US")


def test_find_places_reads_streets_as_streets() -> None:
    text = "The shooting happened in the 5300 block of Aberdeen, near 43rd and Ashland."
    assert [m.text for m in find_places(text) if m.kind == "city"] == []


def test_locate_falls_back_to_the_country_of_scattered_towns() -> None:
    text = "The victims were from Penn Hills and Wilkinsburg; one lived in Homewood."
    place, _ = locate(text)  # type: ignore[misc]
    assert place.country_code == "US" and place.city is None


def test_locate_reads_a_county_sheriff_as_the_us() -> None:
    text = "The Richland County Sheriff's Department said a man was shot on Thursday night."
    place, mention = locate(text)  # type: ignore[misc]
    assert (place.country_code, place.precision, mention.text) == (
        "US",
        "country",
        "Richland County",
    )


def test_locate_does_not_read_a_us_agency_as_uruguay() -> None:
    text = "Orlando police and the Florida Department of Law Enforcement are investigating."
    place, _ = locate(text)  # type: ignore[misc]
    assert place.country_code == "US"


def test_find_places_skips_a_headline_word_in_capitals() -> None:
    text = "TIME TO ACT: Residents met after the shooting."
    assert [m for m in find_places(text) if m.kind == "city"] == []


@pytest.mark.issue(5)
def test_a_city_followed_by_a_number_is_not_a_person_with_an_age() -> None:
    text = "Gunmen killed 22 people at a hotel in Kabul, 14 of them foreigners."
    assert [m.text for m in find_places(text)] == ["Kabul"]


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Militants seized oil workers in the Niger Delta, in Bayelsa State.", ["Bayelsa State"]),
        ("Three boats capsized on the Congo River on Monday.", []),
        ("A bomb exploded in Niger on Monday.", ["Niger"]),
    ],
)
def test_a_country_name_before_river_or_delta_is_not_the_country(
    text: str, want: list[str]
) -> None:
    assert [m.text for m in find_places(text)] == want
