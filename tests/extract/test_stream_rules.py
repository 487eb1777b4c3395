"""Rules found on our stream of reports about one incident over days (samples/stream): tolls
stated verb-first, attackers' own dead, corrected figures, background incidents named next to
later dates, and days without a year. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from incidentkb.extract import extract
from incidentkb.model import Document, Frame


def frames(text: str, published: date = date(2023, 3, 17)) -> list[Frame]:
    return extract(Document.make(text, published=published))


def main_tolls(text: str, published: date = date(2023, 3, 17)) -> list[tuple[str, int, str]]:
    return [
        (c.field, int(c.value), c.status)
        for c in frames(text, published)[0].claims
        if c.field in ("killed", "injured")
    ]


@pytest.mark.issue(5)
@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "A student shot dead 9 people and wounded 12 at a school in the city on Tuesday.",
            [("killed", 9, "current"), ("injured", 12, "current")],
        ),
        ("The blaze at the hostel has so far claimed 25 lives.", [("killed", 25, "current")]),
        # the attackers' dead are not the incident's toll
        (
            "Troops ended the siege on Saturday; 18 gunmen died and 7 hostages were dead.",
            [("killed", 7, "current")],
        ),
        (
            "Police said 31 people were killed, correcting the overnight figures of 33 dead.",
            [("killed", 31, "current"), ("killed", 33, "superseded")],
        ),
    ],
)
def test_tolls_as_the_stream_states_them(text: str, want: list[tuple[str, int, str]]) -> None:
    assert sorted(main_tolls(text)) == sorted(want)


@pytest.mark.issue(5)
def test_an_incident_named_beside_a_later_date_is_background() -> None:
    text = (
        "A suicide bomber killed 40 people at a market in the capital on 10 March.\n\n"
        "The bombing followed the siege of a hotel on 2 March, in which 17 people died, and "
        "preceded an attack on a barracks on 14 March that left 6 soldiers dead.\n\n"
        "The blast recalled the bombing of a bus station in 2019. "
        "About 80 people were killed there."
    )
    found = frames(text)
    assert main_tolls(text) == [("killed", 40, "current")]
    background = {int(c.value) for f in found[1:] for c in f.claims if c.field == "killed"}
    assert {17, 80} <= background


@pytest.mark.issue(5)
@pytest.mark.parametrize(
    ("text", "published", "want"),
    [
        # the year last named carries over to a day named without one
        (
            "A crush at the stadium on 1 October 2022 killed 131 people. Officials first said on "
            "2 October that 127 had died.",
            date(2023, 3, 17),
            "2022-10-01",
        ),
        # a day two months ahead of publication is a plan, not last year's
        (
            "Gunmen killed five people at a wedding on Friday. The suspects are held until 22 May.",
            date(2024, 3, 24),
            "2024-03-22",
        ),
    ],
)
def test_days_without_a_year(text: str, published: date, want: str) -> None:
    dates = [c.value for c in frames(text, published)[0].claims if c.field == "date"]
    assert dates[:1] == [want]


@pytest.mark.issue(5)
def test_a_roundup_item_is_an_incident_of_its_own() -> None:
    text = (
        "Weekly security roundup\n\n"
        "Two attacks struck the region this week.\n\n"
        "1. Market bombing, Old Town (Tuesday 14 March)\n\n"
        "A car bomb exploded beside a vegetable market, killing 23 people and wounding 60.\n\n"
        "2. Checkpoint assault near the airport (Thursday 16 March)\n\n"
        "Gunmen attacked an army checkpoint before dawn; 7 soldiers were killed and 4 wounded.\n\n"
        "Outlook: further attacks are expected before the elections."
    )
    found = frames(text)
    mains = [f for f in found if not f.background]
    assert [f.summary for f in mains] == [
        "Market bombing, Old Town (Tuesday 14 March)",
        "Checkpoint assault near the airport (Thursday 16 March)",
    ]
    tolls = [sorted(int(c.value) for c in f.claims if c.field == "killed") for f in mains]
    assert tolls == [[23], [7]]
    kinds = [[c.value for c in f.claims if c.field == "type"] for f in mains]
    assert kinds == [["bombing"], ["shooting"]]


@pytest.mark.issue(5)
def test_a_numbered_list_without_two_tolls_is_not_a_roundup() -> None:
    text = (
        "Gunmen killed 12 people at a bus station on Monday, police said.\n\n"
        "What we know:\n\n"
        "1. The attackers arrived on motorbikes\n\n"
        "2. The station had no guards\n\n"
        "Officials said 30 people were wounded."
    )
    assert len([f for f in frames(text) if not f.background]) == 1


@pytest.mark.issue(5)
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Four people died when a stolen lorry was driven into crowds on a shopping street.",
            "ramming",
        ),
        ("A van ploughing into shoppers killed three people on Saturday.", "ramming"),
    ],
)
def test_vehicle_attacks_in_passive_and_participle_forms(text: str, kind: str) -> None:
    assert [c.value for c in frames(text)[0].claims if c.field == "type"] == [kind]


@pytest.mark.issue(5)
def test_a_wounded_victim_who_later_died_is_not_an_injured_count() -> None:
    text = (
        "A man who was wounded in the bombing has died in hospital, bringing the number of "
        "people killed in the attack to 103."
    )
    assert main_tolls(text) == [("killed", 103, "current")]


@pytest.mark.issue(5)
def test_attackers_shot_by_police_are_not_the_toll() -> None:
    text = (
        "Attackers with knives killed 29 people at the station on Saturday. "
        "Police said they had shot dead four of the attackers."
    )
    assert main_tolls(text) == [("killed", 29, "current")]


@pytest.mark.issue(5)
def test_the_attack_day_in_a_later_report_is_not_when_the_toll_was_stated() -> None:
    text = (
        "A court on Friday jailed three men for the knife attack at the station on 1 March, "
        "which the court said killed 31 people."
    )
    (toll,) = [c for c in frames(text, date(2014, 9, 12))[0].claims if c.field == "killed"]
    assert (toll.value, toll.reported_at) == (31, date(2014, 9, 12))


@pytest.mark.issue(5)
def test_a_named_victim_who_died_after_being_shot() -> None:
    text = (
        "Kenji Sato, the city's former mayor, died on Friday after being shot while giving a "
        "speech outside the station. No one else was hurt."
    )
    assert sorted(main_tolls(text)) == [("injured", 0, "current"), ("killed", 1, "current")]


@pytest.mark.issue(4)
def test_recent_incidents_elsewhere_are_background() -> None:
    text = (
        "One officer was killed on Thursday. There is no sign the officers were targeted, as in "
        "recent incidents in two other cities that collectively claimed the lives of eight officers."
    )
    assert main_tolls(text) == [("killed", 1, "current")]
