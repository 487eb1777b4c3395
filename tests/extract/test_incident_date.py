"""Which day a report's lead gives for the incident, when it names several. Sentences written
for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from incidentkb.extract import dates, extract
from incidentkb.model import Document


def incident_date(text: str, published: date) -> str | None:
    frames = extract(Document.make(text, published=published))
    found = [c.value for c in frames[0].claims if c.field == "date"]
    return found[0] if found else None


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "published", "want"),
    [
        (
            # published on a Saturday, written later in the week: "on Tuesday" is a follow-up
            "The sister of a man hurt in Saturday's shooting spoke to reporters. "
            "A 9-year-old boy was discharged from the hospital on Tuesday.",
            date(2019, 6, 8),
            "2019-06-08",
        ),
        (
            "(Update, Monday: what we know about the suspect)\n"
            "A family of four was found shot dead in a farmhouse on Saturday night.",
            date(2018, 2, 11),
            "2018-02-10",
        ),
        (
            "Three people were wounded at about 7 p.m. Friday evening outside a laundromat on Pine Street.",
            date(2018, 2, 11),
            "2018-02-09",
        ),
    ],
)
def test_extract_incident_date_prefers_the_weekday_said_of_the_attack(
    text: str, published: date, want: str
) -> None:
    assert incident_date(text, published) == want


@pytest.mark.issue(4)
def test_extract_calendar_date_in_lead_is_kept_beside_an_attached_weekday() -> None:
    text = (
        "A van was driven along a crowded pier late on Thursday 4 July, as people left a concert. "
        "By Friday morning officials said nine people had been killed."
    )
    assert incident_date(text, date(2019, 7, 6)) == "2019-07-04"


@pytest.mark.issue(4)
def test_dates_weekday_before_a_calendar_date_is_not_resolved_on_its_own() -> None:
    text = "Posted: Thursday, December 4, 2014 2:26 PM"
    assert dates.weekday_dates(text, date(2014, 11, 30)) == []
