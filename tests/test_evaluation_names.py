"""The evaluation's place-name comparison: the generic word of an administrative name and
punctuation do not make two names of one place differ; different places still differ."""

from __future__ import annotations

import pytest

from incidentkb.evaluation import norm


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kyoto", "Kyoto Prefecture"),
        ("Seoul-teukbyeolsi", "Seoul"),
        ("Dhaka", "Dhaka Division"),
        ("Provence-Alpes-Côte-d’Azur", "Provence-Alpes-Côte d'Azur"),
        ("Yunnan Sheng", "Yunnan"),
    ],
)
def test_same_place(a: str, b: str) -> None:
    assert norm(a) == norm(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Buskerud", "Viken"), ("Nordrhein-Westfalen", "North Rhine-Westphalia"), ("Kyoto", "Osaka")],
)
def test_different_names(a: str, b: str) -> None:
    assert norm(a) != norm(b)


def test_a_country_label_is_scored_only_where_the_text_states_it() -> None:
    from incidentkb.evaluation import _recoverable
    from incidentkb.model import Document

    gold = {"country": "Iraq", "city": "Samarra"}
    named = Document.make("A bomb exploded in a market in Samarra, killing four.")
    by_people = Document.make("Gunmen killed four Iraqi police officers at a checkpoint.")
    nowhere = Document.make("Gunmen killed four police officers at a checkpoint.")
    assert _recoverable("country", named, gold)
    assert _recoverable("country", by_people, gold)
    assert not _recoverable("country", nowhere, gold)
