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
