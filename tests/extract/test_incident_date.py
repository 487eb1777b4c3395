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


def dated(text: str, published: date | None) -> tuple[str | None, str | None]:
    frames = extract(Document.make(text, published=published))
    found = [c for c in frames[0].claims if c.field == "date"]
    return (found[0].value, found[0].get("precision")) if found else (None, None)


@pytest.mark.issue(5)
@pytest.mark.parametrize(
    ("text", "published", "want"),
    [
        (
            # the dateline dates the report; "in March last year" dates the attack
            "LYON, 9 May 2021 (wire) -- A court jailed a man for life on Friday for setting off "
            "a bomb in a market in March last year that killed four people.",
            date(2021, 5, 9),
            ("2020-03-01", "month"),
        ),
        (
            "One year ago today, a man set fire to a karaoke bar in the old town, killing nine.",
            date(2023, 6, 2),
            ("2022-06-02", "day"),
        ),
        (
            # the weekday of a statement is not the attack's
            "Eleven people were killed in the weekend attack on the hotel, the ministry said on "
            "Tuesday.",
            date(2018, 1, 23),
            (None, None),
        ),
        (
            # no publication date given: the dateline gives the year, the lead the day
            "Dhaka, 3 July 2016 -- Gunmen killed 20 hostages at a cafe on the night of 1 July.",
            None,
            ("2016-07-01", "day"),
        ),
    ],
)
def test_report_times_are_not_the_incident_date(
    text: str, published: date | None, want: tuple[str | None, str | None]
) -> None:
    assert dated(text, published) == want


@pytest.mark.issue(5)
def test_a_weekday_of_what_followed_is_not_the_incident_date() -> None:
    text = (
        "The police chief on Thursday named six suspects over the crush at the stadium on "
        "Saturday night, in which 131 people died."
    )
    assert dated(text, date(2022, 10, 6)) == ("2022-10-01", "day")


@pytest.mark.issue(4)
def test_a_dateline_in_parentheses_dates_the_report() -> None:
    text = "DAYTON, Ohio (June 9, 2016) – Three men were wounded in a shooting Wednesday night."
    assert dated(text, date(2016, 6, 9)) == ("2016-06-08", "day")


LEAD_WITHOUT_A_DAY = (
    "JAMES CITY, N.C. -- A fight between a rapper's entourage and club staff spilled outside "
    "and ended in a shootout at a night club.\n"
    "Five people were hurt, two of them flown to a medical center.\n"
    "Deputies found at least 50 shell casings around the club.\n"
    "The club has closed since.\n"
)


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("later", "want"),
    [
        ("It happened just after 2:30 Sunday morning, deputies said.", "2016-09-11"),
        ("The gunfire broke out in the parking lot on Saturday night.", "2016-09-10"),
        ("The owner told reporters on Friday he would reopen soon.", None),
        (
            "The governor visited the club on Saturday and laid flowers at the door, where two died.",
            None,
        ),
    ],
)
def test_incident_date_from_after_the_lead_when_the_lead_names_no_day(
    later: str, want: str | None
) -> None:
    assert incident_date(LEAD_WITHOUT_A_DAY + later, date(2016, 9, 11)) == want
