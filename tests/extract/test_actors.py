"""Perpetrators with their roles (claimed, accused, denied, suspected) and reactions with
their stances, actors and persons. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from incidentkb.extract import extract
from incidentkb.model import Claim, Document

PUBLISHED = date(2024, 1, 6)


def claims(text: str, field: str) -> tuple[Claim, ...]:
    frames = extract(Document.make(text, published=PUBLISHED))
    return frames[0].of(field)


@pytest.mark.parametrize(
    ("text", "name", "role", "mention"),
    [
        (
            "The Islamic State claimed responsibility for the attack in a statement on Telegram.",
            "Islamic State",
            "claimed",
            "The Islamic State claimed responsibility",
        ),
        (
            "Al-Shabaab claimed responsibility for the blasts in a statement on its radio station.",
            "al-Shabaab",
            "claimed",
            "Al-Shabaab claimed responsibility",
        ),
        (
            "Islamic State Khorasan Province claimed responsibility through its Amaq agency.",
            "Islamic State – Khorasan Province",
            "claimed",
            "Islamic State Khorasan Province claimed responsibility",
        ),
        (
            "Iranian officials blamed Israel for the bombings.",
            "Israel",
            "accused",
            "blamed Israel",
        ),
        (
            "Interior Minister Suleyman Soylu blamed the PKK for the explosion.",
            "Kurdistan Workers' Party (PKK)",
            "accused",
            "blamed the PKK",
        ),
        (
            "Israel denied any involvement in the attack.",
            "Israel",
            "denied",
            "Israel denied",
        ),
        (
            "Hamas denied any involvement in the shooting.",
            "Hamas",
            "denied",
            "Hamas denied",
        ),
        (
            "Police arrested three suspected members of the Islamic State in Kerman.",
            "Islamic State",
            "suspected",
            "suspected members of the Islamic State",
        ),
        (
            "Police detained four suspected members of Boko Haram near the border.",
            "Boko Haram",
            "suspected",
            "suspected members of Boko Haram",
        ),
    ],
)
def test_extract_perpetrator_role(text: str, name: str, role: str, mention: str) -> None:
    found = claims(text, "perpetrator")
    assert [(c.value, c.role) for c in found] == [(name, role)]
    # the quote states it: the actor's name with the words that give the role
    assert mention in found[0].quote


@pytest.mark.parametrize(
    ("text", "name", "by"),
    [
        ("Russian President Vladimir Putin blamed Ukraine for the attack.", "Ukraine", "Vladimir Putin"),
        ("Interior Minister Ahmad Vahidi blamed Israel for the attack.", "Israel", "Ahmad Vahidi"),
    ],
)  # fmt: skip
def test_extract_accusation_names_who_blamed(text: str, name: str, by: str) -> None:
    (claim,) = claims(text, "perpetrator")
    assert (claim.value, claim.role, claim.get("by")) == (name, "accused", by)


def test_extract_accusation_of_several_states() -> None:
    found = claims("Tehran accused the United States and Israel of involvement.", "perpetrator")
    assert [(c.value, c.role) for c in found] == [
        ("United States", "accused"),
        ("Israel", "accused"),
    ]


def test_extract_claim_and_denial_are_separate_perpetrator_claims() -> None:
    text = (
        "Gunmen attacked a checkpoint in Balochistan, Pakistan, on 2 January 2024. "
        "The Balochistan Liberation Army claimed responsibility for the attack. "
        "The Taliban rejected any responsibility for the assault."
    )
    found = {(c.value, c.role) for c in claims(text, "perpetrator")}
    assert ("Taliban", "denied") in found
    assert any(role == "claimed" and "Balochistan" in name for name, role in found)


def test_extract_no_perpetrator_from_a_plain_report() -> None:
    text = "Five people were killed when a bomb exploded at a market in Quetta."
    assert claims(text, "perpetrator") == ()


@pytest.mark.parametrize(
    ("text", "actor", "stance", "person"),
    [
        ("Iranian President Ebrahim Raisi condemned the attack.",
         "Iran", "condemnation", "Ebrahim Raisi"),
        ("German Chancellor Olaf Scholz offered his condolences to the families of the victims.",
         "Germany", "condolence", "Olaf Scholz"),
        ("French President Emmanuel Macron expressed his condolences to the bereaved.",
         "France", "condolence", "Emmanuel Macron"),
        ("Indian Prime Minister Narendra Modi strongly condemned the attack.",
         "India", "condemnation", "Narendra Modi"),
        ("British Prime Minister Boris Johnson condemned the attack.",
         "United Kingdom", "condemnation", "Boris Johnson"),
        ("Iran's Supreme Leader Ali Khamenei vowed a harsh response.",
         "Iran", "vow_response", "Ali Khamenei"),
        ("UN Secretary-General Antonio Guterres condemned the bombing in the strongest terms.",
         "United Nations", "condemnation", "Antonio Guterres"),
    ],
)  # fmt: skip
def test_extract_reaction_actor_stance_and_person(
    text: str, actor: str, stance: str, person: str
) -> None:
    found = [(c.value, c.role, c.get("person")) for c in claims(text, "reaction")]
    assert found == [(actor, stance, person)]


@pytest.mark.parametrize(
    ("text", "actor", "actor_type"),
    [
        ("The European Union condemned the bombing.", "European Union", "organisation"),
        ("The United States offered its condolences.", "United States", "state"),
        ("The Taliban condemned the bombing.", "Taliban", "group"),
    ],
)
def test_extract_reaction_actor_type(text: str, actor: str, actor_type: str) -> None:
    (claim,) = claims(text, "reaction")
    assert (claim.value, claim.get("actor_type")) == (actor, actor_type)
    assert claim.quote == text


def test_extract_two_reactions_in_one_sentence_keep_their_own_stances() -> None:
    text = (
        "The United States offered its condolences, and Greek Prime Minister Kyriakos "
        "Mitsotakis condemned the bombing."
    )
    found = {(c.value, c.role) for c in claims(text, "reaction")}
    assert found == {("United States", "condolence"), ("Greece", "condemnation")}


def test_extract_no_reaction_in_a_casualty_sentence() -> None:
    assert claims("Twelve people were killed in the blast in Quetta.", "reaction") == ()
