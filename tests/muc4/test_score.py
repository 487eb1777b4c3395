"""CEAF-REE on hand-made documents: the cases the MUC-4 issue names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from incidentkb.errors import InputError
from incidentkb.muc4.corpus import ROLES, merge_templates
from incidentkb.muc4.score import count_matched, normalize, score, score_files

GOLD = {
    "d1": {
        "PerpInd": [["armed men", "group of armed men"]],
        "PerpOrg": [["army of national liberation", "eln"]],
        "Target": [["power pylon"], ["bank branch"]],
        "Victim": [["ana ruiz"], ["jose perez"]],
        "Weapon": [["dynamite"]],
    }
}


def _fill(**roles: list[list[str]]) -> dict[str, list[list[str]]]:
    return {role: roles.get(role, []) for role in ROLES}


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("The FMLN's  urban commandos", "fmlns urban commandos"),
        ("a car-bomb", "carbomb"),
        ("an  explosive, device.", "explosive device"),
        ("theatre", "theatre"),
    ],
)
def test_score_normalize_mentions(mention: str, expected: str) -> None:
    assert normalize(mention) == expected


def test_score_perfect_prediction_is_100() -> None:
    result = score(GOLD, GOLD)
    assert result["micro"]["p"] == result["micro"]["r"] == result["micro"]["f1"] == 100.0
    assert all(result[role]["f1"] == 100.0 for role in ROLES)


def test_score_empty_prediction_has_no_recall() -> None:
    result = score(GOLD, {"d1": _fill()})
    assert result["micro"]["r"] == 0.0
    assert result["micro"]["predicted"] == 0
    assert result["micro"]["gold"] == 7


def test_score_missing_document_counts_as_predicting_nothing() -> None:
    assert score(GOLD, {})["micro"] == score(GOLD, {"d1": _fill()})["micro"]


def test_score_half_the_fillers_is_half_the_recall() -> None:
    predicted = {"d1": _fill(Target=[["power pylon"]], Victim=[["ana ruiz"]])}
    result = score(GOLD, predicted)
    assert result["Target"]["r"] == result["Victim"]["r"] == 50.0
    assert result["Target"]["p"] == 100.0


def test_score_duplicate_prediction_costs_precision() -> None:
    predicted = {"d1": _fill(PerpOrg=[["eln"], ["army of national liberation"]])}
    result = score(GOLD, predicted)["PerpOrg"]
    assert (result["p"], result["r"]) == (50.0, 100.0)


def test_score_one_mention_of_a_multi_mention_entity_is_enough() -> None:
    predicted = {"d1": _fill(PerpInd=[["Group of armed men."]])}
    result = score(GOLD, predicted)["PerpInd"]
    assert (result["p"], result["r"]) == (100.0, 100.0)


def test_score_entity_with_a_wrong_mention_is_wrong() -> None:
    predicted = {"d1": _fill(PerpInd=[["armed men", "soldiers"]])}
    assert score(GOLD, predicted)["PerpInd"]["matched"] == 0


def test_score_alignment_is_optimal_not_greedy() -> None:
    # greedy would give the first prediction the first gold entity and leave the second unmatched
    gold = [["x", "y"], ["x"]]
    predicted = [["x"], ["y"]]
    assert count_matched(gold, predicted) == 2


def test_score_merges_templates_and_drops_identical_entities() -> None:
    templates = [
        {"incident_type": "bombing", "Weapon": [["bomb"]], "Victim": [["ana ruiz"]]},
        {"incident_type": "attack", "Weapon": [["bomb"]], "Victim": [["jose perez"]]},
    ]
    merged = merge_templates(templates)
    assert merged["Weapon"] == [["bomb"]]
    assert merged["Victim"] == [["ana ruiz"], ["jose perez"]]


def test_score_files_matches_predictions_by_id(tmp_path: Path) -> None:
    gold_path = tmp_path / "gold.jsonl"
    pred_path = tmp_path / "pred.jsonl"
    gold_lines = [
        {"id": "d1", "text": "...", "templates": [], "role_fillers": GOLD["d1"]},
        {"id": "d2", "text": "...", "templates": [], "role_fillers": _fill(Weapon=[["rifle"]])},
    ]
    gold_path.write_text("\n".join(json.dumps(x) for x in gold_lines) + "\n", encoding="utf-8")
    pred = {"id": "d2", "templates": [{"incident_type": "attack", **_fill(Weapon=[["rifles"]])}]}
    pred_path.write_text(json.dumps(pred) + "\n", encoding="utf-8")
    result = score_files(gold_path, pred_path)
    assert result["micro"]["gold"] == 8
    assert result["Weapon"]["predicted"] == 1
    assert result["Weapon"]["matched"] == 0


def test_score_files_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "pred.jsonl"
    path.write_text('{"id": "d1", "templates": []}\nnot json\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"pred.jsonl:2: not JSON"):
        score_files(path, path)
