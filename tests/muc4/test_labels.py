"""Training labels derived from gold strings, and the baseline gazetteer, on made-up texts."""

from __future__ import annotations

from incidentkb.muc4.baseline import Gazetteer
from incidentkb.muc4.labels import find_mentions

TEXT = (
    "gunmen of the popular liberation army (epl) set fire to a bus in medellin. "
    "the epl gunmen used rifles; the bus driver, juan gomez, was unhurt."
)


def test_labels_find_every_occurrence_between_word_boundaries() -> None:
    spans = find_mentions(TEXT, {"PerpOrg": [["epl"]], "Target": [["bus"]]})
    assert [(TEXT[s:e], role) for s, e, role in spans] == [
        ("epl", "PerpOrg"),
        ("bus", "Target"),
        ("epl", "PerpOrg"),
        ("bus", "Target"),
    ]


def test_labels_longest_overlapping_mention_wins() -> None:
    fillers = {"PerpInd": [["gunmen"]], "PerpOrg": [["popular liberation army", "army"]]}
    spans = find_mentions(TEXT, fillers)
    quoted = [TEXT[s:e] for s, e, _ in spans]
    assert "popular liberation army" in quoted
    assert "army" not in quoted


def test_baseline_gazetteer_finds_known_fillers_longest_first() -> None:
    gazetteer = Gazetteer.from_entries({"car bomb": "Weapon", "bomb": "Weapon", "epl": "PerpOrg"})
    text = "A CAR BOMB went off; the EPL claimed the bomb and another car bomb."
    fillers = gazetteer.extract(text)
    assert fillers["Weapon"] == [["CAR BOMB"], ["bomb"]]
    assert fillers["PerpOrg"] == [["EPL"]]


def test_baseline_gazetteer_learns_from_documents() -> None:
    docs = [
        {
            "text": "the fmln attacked a bus with rifles.",
            "role_fillers": {"PerpOrg": [["fmln"]], "Target": [["bus"]], "Weapon": [["rifles"]]},
        },
        {
            "text": "the fmln held a press conference on the bus strike.",
            "role_fillers": {"PerpOrg": [], "Target": [], "Weapon": []},
        },
    ]
    for doc in docs:
        doc["role_fillers"] |= {"PerpInd": [], "Victim": []}
    gazetteer = Gazetteer.from_corpus(docs, min_precision=0.6, min_docs=1)
    assert gazetteer.entries == {"rifles": "Weapon"}
