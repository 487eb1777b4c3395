"""Perpetrator groups by alias, acronym and analysts' phrasing, on sentences written for
these tests (issue 4)."""

from __future__ import annotations

import pytest

from incidentkb.extract.actors import perpetrators
from incidentkb.extract.groups import canonical
from incidentkb.extract.text import Sentence

pytestmark = pytest.mark.issue(4)


def found(text: str) -> list[tuple[str, str]]:
    return [(c.name, c.role) for c in perpetrators(Sentence(0, len(text), text, 0))]


@pytest.mark.parametrize(
    ("alias", "group"),
    [
        ("TAK", "Kurdistan Freedom Hawks (TAK)"),
        ("Basque Fatherland and Freedom", "ETA"),
        ("Hamas (Islamic Resistance Movement)", "Hamas"),
        ("Jaish al-Mahdi", "Mahdi Army"),
        ("CPN-M", "Communist Party of Nepal (Maoist)"),
        ("Baloch Liberation Army", "Balochistan Liberation Army"),
    ],
)
def test_groups_know_acronyms_and_other_names(alias: str, group: str) -> None:
    assert canonical(alias) == group


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Soldiers fired on suspected Shining Path guerrillas near a bridge.",
            [("Shining Path", "suspected")],
        ),
        ("Two men, suspected to be from Hamas, fired a rocket.", [("Hamas", "suspected")]),
        (
            "The Kurdistan Freedom Hawks (TAK) issued a statement claiming responsibility.",
            [("Kurdistan Freedom Hawks (TAK)", "claimed")],
        ),
        (
            "The blast was claimed by a group known as Red Dawn Front.",
            [("Red Dawn Front", "claimed")],
        ),
        ("The Taliban were reportedly behind the attack.", [("Taliban", "suspected")]),
        (
            "A caller phoned in a warning on behalf of the Basque Fatherland and Freedom (ETA).",
            [("ETA", "claimed")],
        ),
    ],
)
def test_extract_perpetrator_from_analyst_phrasing(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected


def test_extract_no_perpetrator_from_a_suspected_person() -> None:
    assert found("Police arrested a suspected robber on Main Street.") == []
