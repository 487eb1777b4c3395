"""The MUC-4 role fillers as claims of the incident record (extract/roles.py): quotes cut from
the text, only the main incident's sentences, descriptions kept apart from names. Reports
written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from incidentkb.extract import roles
from incidentkb.model import Document
from incidentkb.pipeline import analyse

pytest.importorskip("spacy", reason="the role-filler model needs the nlp extra (spaCy)")

REPORTS = [
    "San Salvador, 12 Jan 90 -- Urban guerrillas of the Farabundo Marti National Liberation "
    "Front (FMLN) today dynamited the home of a Supreme Court justice in San Salvador. The blast "
    "destroyed the house but caused no casualties, police said.",
    "Bogota, 3 Mar 90 -- Terrorists attacked a police station in Medellin with a car bomb on "
    "Friday, killing four policemen and a civilian. The army blamed the Medellin cartel.",
    "Lima, 9 May 91 -- Shining Path guerrillas murdered the mayor of a village near Ayacucho on "
    "Sunday. In 1989 the group had bombed a bridge in the same province.",
]


def _records(text: str) -> list[dict]:
    _, incidents = analyse(Document.make(text, published=date(1991, 6, 1)))
    return [r for _, _, r in incidents]


@pytest.mark.issue(6)
@pytest.mark.parametrize("text", REPORTS)
def test_role_claims_quote_the_text_of_the_main_incident(text: str) -> None:
    doc = Document.make(text, published=date(1991, 6, 1))
    from incidentkb.extract.frames import read

    reading = read(doc)
    main = [s for i, s in enumerate(reading.sentences) if i not in reading.background]
    for c in roles.role_claims(doc, main, []):
        assert c.quote == doc.text[c.start : c.end]
        assert any(s.start <= c.start and c.end <= s.end for s in main)
        assert c.field in ("perpetrator", "target", "victims", "weapon")


@pytest.mark.issue(6)
def test_role_claims_feed_the_record_lists() -> None:
    fields = {"perpetrators", "targets", "victims", "weapons"}
    found = [k for text in REPORTS for r in _records(text) for k in fields if r.get(k)]
    assert found, "the role fillers of three attack reports gave the records nothing"


@pytest.mark.issue(6)
@pytest.mark.parametrize(
    ("role", "text", "named"),
    [
        ("PerpInd", "Five armed men", False),
        ("PerpInd", "gunmen", False),
        ("PerpInd", "Jesse Gomez", True),
        ("PerpOrg", "Shining Path", True),
        ("PerpOrg", "FMLN", True),
    ],
)
def test_a_described_perpetrator_is_not_a_named_one(role: str, text: str, named: bool) -> None:
    doc = Document.make(f"Police said {text} carried out the attack.")
    start = doc.text.index(text)
    c = roles._claim(doc, role, start, start + len(text))
    assert (c.field, c.role, c.get("named")) == ("perpetrator", "suspected", str(named))


@pytest.mark.issue(6)
def test_a_named_victim_has_no_count() -> None:
    doc = Document.make("Gunmen shot mayor Ana Ruiz in Ayacucho.")
    start = doc.text.index("mayor Ana Ruiz")
    c = roles._claim(doc, "Victim", start, start + len("mayor Ana Ruiz"))
    assert (c.field, c.value, c.get("group")) == ("victims", "mayor Ana Ruiz", "mayor Ana Ruiz")


@pytest.mark.issue(6)
def test_the_model_reads_only_the_head_of_a_long_report() -> None:
    from incidentkb.extract.text import sentences

    attack = REPORTS[1]
    alone = Document.make(attack)
    assert roles.role_claims(alone, sentences(alone.text), []), "control: the attack has fillers"
    filler = "The council met on Tuesday to discuss the budget for the coming year. "
    long = Document.make(filler * (roles.READ // len(filler) + 1) + attack)
    found = roles.role_claims(long, sentences(long.text), [])
    assert found == [] or all(c.end <= roles.READ for c in found)
    assert not any(c.start >= long.text.index(attack) for c in found)
