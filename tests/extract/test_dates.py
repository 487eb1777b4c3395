"""The incident date: from the lead, absolute or a weekday resolved against the publication
date; never a background year or a later follow-up. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from incidentkb.extract import extract
from incidentkb.model import Claim, Document

# Friday 12 May 2023
PUBLISHED = date(2023, 5, 12)


def incident_date(text: str, published: date | None = PUBLISHED) -> Claim | None:
    frames = extract(Document.make(text, published=published))
    found = frames[0].of("date")
    assert len(found) <= 1
    return found[0] if found else None


@pytest.mark.parametrize(
    ("text", "published", "value", "quote"),
    [
        (
            "A suicide bomber struck a mosque in Peshawar, Pakistan, on 30 January 2023, "
            "killing at least 84 people.",
            date(2023, 2, 1),
            "2023-01-30",
            "30 January 2023",
        ),
        (
            "A car bomb exploded outside a hotel in Mogadishu on March 15, 2023, killing five people.",
            PUBLISHED,
            "2023-03-15",
            "March 15, 2023",
        ),
        (
            # no year: the publication year
            "Two bombs exploded near a cemetery in Kerman, Iran, on 3 January, killing dozens.",
            date(2024, 1, 6),
            "2024-01-03",
            "3 January",
        ),
    ],
)
def test_extract_incident_date_from_lead(
    text: str, published: date, value: str, quote: str
) -> None:
    claim = incident_date(text, published)
    assert claim is not None
    assert (claim.value, claim.get("precision"), claim.quote) == (value, "day", quote)


@pytest.mark.parametrize(
    ("text", "value", "quote"),
    [
        ("A man drove a car into a crowd at a market in Lyon on Wednesday, injuring nine people.",
         "2023-05-10", "Wednesday"),
        ("A gunman killed five people at a bar in Denver, Colorado, on Saturday night.",
         "2023-05-06", "Saturday night"),
        # a weekday that is the publication day is that day, not a week earlier
        ("A bomb exploded at a market in Quetta on Friday, police said.", "2023-05-12", "Friday"),
        ("Gunmen attacked a police station in Karachi yesterday, killing four people.",
         "2023-05-11", "yesterday"),
    ],
)  # fmt: skip
def test_extract_incident_weekday_resolved_against_published(
    text: str, value: str, quote: str
) -> None:
    claim = incident_date(text)
    assert claim is not None
    assert (claim.value, claim.quote) == (value, quote)


def test_extract_incident_weekday_beats_later_follow_up_date_in_lead() -> None:
    text = (
        "A gunman opened fire at a shopping mall in Allen, Texas, on Saturday, killing eight "
        "people. Funerals for the first victims were held on 11 May."
    )
    claim = incident_date(text)
    assert claim is not None
    assert claim.value == "2023-05-06", claim.quote


def test_extract_incident_month_precision() -> None:
    claim = incident_date("Gunmen killed 12 villagers in central Mali in March 2023.")
    assert claim is not None
    assert (claim.value, claim.get("precision")) == ("2023-03-01", "month")


@pytest.mark.parametrize(
    "text",
    [
        "It was the worst attack on the city since 2019, officials said.",
        "The group has carried out several attacks in 2019 and 2020.",
    ],
)
def test_extract_year_alone_is_not_the_incident_date(text: str) -> None:
    assert incident_date(text) is None


def test_extract_incident_date_ignores_comparison_year() -> None:
    text = (
        "A car bomb exploded in Mogadishu on 3 May, killing five people. "
        "It was the worst attack in the capital since 2019."
    )
    claim = incident_date(text)
    assert claim is not None and claim.value == "2023-05-03"


def test_extract_incident_date_not_after_publication() -> None:
    text = (
        "A bomb exploded at a rally in Quetta on Tuesday, killing six people. "
        "A memorial service is planned for 20 May."
    )
    claim = incident_date(text)
    assert claim is not None and claim.value == "2023-05-09"


def test_extract_no_date_without_a_dated_lead() -> None:
    assert incident_date("A bomb exploded at a rally, killing six people.", None) is None


def test_extract_follow_up_dates_become_timeline_not_incident_date() -> None:
    text = (
        "Two bombs exploded near a cemetery in Kerman, Iran, on 3 January 2024. "
        "The Islamic State claimed responsibility on 4 January."
    )
    frame = extract(Document.make(text, published=date(2024, 1, 6)))[0]
    assert [c.value for c in frame.of("date")] == ["2024-01-03"]
    events = {(c.value, c.get("date")) for c in frame.of("event")}
    assert ("claim_of_responsibility", "2024-01-04") in events
