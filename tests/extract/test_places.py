"""Place recognition and resolution on sentences written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from incidentkb.extract.places import Place, PlaceMention, find_places, locate


def kinds(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.kind) for m in find_places(text)]


@pytest.mark.parametrize(
    ("text", "city", "admin1", "country"),
    [
        ("A car bomb exploded in Peshawar, Pakistan, on Monday.", "Peshawar", None, "Pakistan"),
        (
            "Police in Rocky Mount, N.C., said four teens were shot.",
            "Rocky Mount",
            "North Carolina",
            "United States",
        ),
        (
            "Gunmen opened fire at a restaurant in Kabul's Shahr-e Naw district.",
            "Kabul",
            None,
            "Afghanistan",
        ),
        (
            "Two men were shot outside a bar in Chicago, Illinois, early Sunday.",
            "Chicago",
            "Illinois",
            "United States",
        ),
        (
            "Three people were wounded in a shooting in Tyler, Texas, on Friday.",
            "Tyler",
            "Texas",
            "United States",
        ),
    ],
)
def test_locate_city_with_its_state_or_country(
    text: str, city: str, admin1: str | None, country: str
) -> None:
    place, mention = locate(text)  # type: ignore[misc]
    assert (place.city, place.country, place.precision) == (city, country, "city")
    if admin1 is not None:
        assert place.admin1 == admin1
    assert mention.kind == "city" and text[mention.start : mention.end] == mention.text


def test_locate_fills_country_and_admin1_from_gazetteer() -> None:
    place, _ = locate("A suicide bomber struck a police checkpoint in Baghdad.")  # type: ignore[misc]
    assert (place.city, place.country_code, place.admin1) == ("Baghdad", "IQ", "Baghdād")
    assert place.lat is not None and 33 < place.lat < 34


def test_locate_reads_a_capitalised_dateline() -> None:
    text = "ITALY.  Two gasoline bombs were placed at the door of the U.S consulate in Genoa."
    place, _ = locate(text)  # type: ignore[misc]
    assert (place.country, place.city) == ("Italy", "Genoa")


def test_locate_keeps_demonym_from_deciding_the_country() -> None:
    text = (
        "Two bombs exploded near the cemetery in Kerman, Iran. Officials in Kerman Province "
        "said several Afghan nationals were among those arrested; Afghan officials denied it."
    )
    place, mention = locate(text)  # type: ignore[misc]
    assert (place.country, place.city, mention.text) == ("Iran", "Kerman", "Kerman")


def test_locate_prefers_the_focus_sentences() -> None:
    text = "The suspect lived in Houston. Two people were shot at a mall in Dallas on Sunday."
    start = text.index("Two")
    place, mention = locate(text, focus=(start, len(text)))  # type: ignore[misc]
    assert place.city == "Dallas" and mention.start > start


def test_locate_returns_country_when_only_a_demonym_is_named() -> None:
    place, mention = locate("Pakistani police said the blast killed six.")  # type: ignore[misc]
    assert (place.country, place.precision, mention.kind) == ("Pakistan", "country", "demonym")


def test_locate_returns_none_without_places() -> None:
    assert locate("Most residents said police arrived late.") is None


@pytest.mark.parametrize(
    ("text", "kind", "country"),
    [
        ("Protests spread across the U.S. on Friday.", "country", "United States"),
        ("Gunmen attacked the U.S. embassy.", "demonym", "United States"),
        ("Türkiye closed its border.", "country", "Turkey"),
        ("Rockets were fired from the West Bank overnight.", "country", "Palestine"),
        ("Fighting resumed in eastern Congo.", "country", "Democratic Republic of the Congo"),
        ("Violence flared in the Ivory Coast.", "country", "Ivory Coast"),
        ("Colombian troops freed the hostages.", "demonym", "Colombia"),
        ("Israelis marched in protest.", "demonym", "Israel"),
    ],
)
def test_find_places_recognises_aliases_and_demonyms(text: str, kind: str, country: str) -> None:
    (mention,) = find_places(text)
    assert (mention.kind, mention.place.country) == (kind, country)


@pytest.mark.parametrize(
    ("text", "admin1", "country"),
    [
        ("Clashes were reported in Nangarhar province on Tuesday.", "Nangarhār", "Afghanistan"),
        ("A bomb went off in Anbar Governorate.", "Al Anbār", "Iraq"),
        ("The storm reached Texas late on Sunday.", "Texas", "United States"),
        ("Deputies in Calif. made an arrest.", "California", "United States"),
    ],
)
def test_find_places_recognises_admin1(text: str, admin1: str, country: str) -> None:
    (mention,) = find_places(text)
    assert (mention.kind, mention.place.admin1, mention.place.country) == (
        "admin1",
        admin1,
        country,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Most residents said Police arrived late.",
        "Many of them were Reading the statement when Union officials spoke.",
        "Islamic State claimed the attack in a statement.",
        "Andrew Jackson, 24, was arrested on Monday.",
        "Denzel Washington said he had not seen the shooter.",
        "The Washington Post first reported the arrest.",
        "Officers from Shelby County responded.",
        "Mary said her friends did not believe her.",
    ],
)
def test_find_places_ignores_words_names_and_organisations(text: str) -> None:
    assert [m for m in find_places(text) if m.kind in ("city", "admin1")] == []
    assert locate(text) is None or locate(text)[0].precision == "country"  # type: ignore[index]


def test_find_places_takes_nice_as_a_city_only_when_france_is_named() -> None:
    assert [m.kind for m in find_places("It was a Nice day for a walk.")] == []
    place, _ = locate("A truck drove into a crowd in Nice, France.")  # type: ignore[misc]
    assert (place.city, place.country) == ("Nice", "France")


def test_find_places_reads_lower_case_text() -> None:
    text = "a car bomb exploded in bogota, colombia, police said. most of the victims were there."
    found = kinds(text)
    assert ("bogota", "city") in found and ("colombia", "country") in found
    assert not {"most", "police"} & {t for t, _ in found}
    place, _ = locate(text)  # type: ignore[misc]
    assert (place.city, place.country) == ("Bogotá", "Colombia")


def test_find_places_skips_small_towns_in_lower_case_text() -> None:
    assert kinds("the mobile unit was reading the police report in union hall.") == []


def test_find_places_mentions_are_resolved_dataclasses() -> None:
    (mention,) = find_places("Rescue teams reached Kerman on Wednesday.")
    assert isinstance(mention, PlaceMention) and isinstance(mention.place, Place)
    assert mention.place == Place("Iran", "IR", "Kermān", "Kerman", 30.28321, 57.07879, "city")


PLACE_WORDS = [
    "Peshawar",
    "Pakistan",
    "N.C.",
    "U.S.",
    "Kabul's",
    "Texas",
    "Kerman province",
    "Afghan",
    "police",
    "Most",
    "in",
    "of",
    ", ",
    ". ",
    "Rocky Mount",
    "ITALY",
    "\n",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PLACE_WORDS), max_size=25).map(" ".join))
def test_find_places_quotes_are_cut_from_the_text(text: str) -> None:
    for m in find_places(text):
        assert text[m.start : m.end] == m.text
    found = locate(text)
    if found is not None:
        assert text[found[1].start : found[1].end] == found[1].text
