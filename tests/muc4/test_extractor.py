"""The learned extractor: document-level aggregation on made-up tags, and the shipped model
on a hand-written, normally cased report."""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy
import pytest

from incidentkb.muc4.extractor import (
    Extractor,
    Mention,
    Reading,
    Settings,
    Tagged,
    aggregate,
    casefold_same_length,
    decode,
)
from incidentkb.muc4.predict import predict_jsonl, to_line
from incidentkb.muc4.score import normalize

REPORT = (
    "SAN SALVADOR, 14 March (AFP) -- Urban guerrillas of the Farabundo Marti National "
    "Liberation Front (FMLN) blew up a power substation in Soyapango with dynamite early "
    "today, police said. A second group of gunmen killed Mayor Jose Antonio Rivas as he left "
    "his home in San Miguel. The FMLN has not claimed the attacks. Police said the gunmen "
    "used M-16 rifles and fled toward the volcano."
)
LABELS = ("O", "B-PerpOrg", "I-PerpOrg", "B-Weapon", "I-Weapon")


def _tagged(text: str, rows: list[list[float]], cats: dict[str, float] | None = None) -> Tagged:
    tokens, at = [], 0
    for word in text.split(" "):
        tokens.append((at, at + len(word)))
        at += len(word) + 1
    return Tagged(text, tuple(tokens), numpy.array(rows), LABELS, cats or {"bombing": 0.9})


def test_extract_decode_reads_bio_spans_with_their_scores() -> None:
    tagged = _tagged(
        "the eln used a car bomb",
        [
            [0.9, 0.1, 0, 0, 0],
            [0.1, 0.8, 0.1, 0, 0],
            [0.9, 0, 0, 0.1, 0],
            [0.9, 0, 0, 0.1, 0],
            [0.3, 0, 0, 0.7, 0],
            [0.4, 0, 0, 0, 0.6],
        ],
    )
    spans = decode(tagged, threshold=0.5)
    assert [(tagged.text[s:e], role) for s, e, role, _ in spans] == [
        ("eln", "PerpOrg"),
        ("car bomb", "Weapon"),
    ]
    assert spans[1][3] == pytest.approx(0.65)


def test_extract_groups_acronym_and_expansion_as_one_entity() -> None:
    text = "army of national liberation (eln) said eln"
    rows = [[0, 1, 0, 0, 0]] + [[0, 0, 1, 0, 0]] * 3 + [[0, 1, 0, 0, 0], [1, 0, 0, 0, 0]]
    rows += [[0, 1, 0, 0, 0]]
    reading = aggregate(_tagged(text, rows), Settings(representative="frequent"))
    assert [[normalize(m) for m in e] for e in reading.strings()["PerpOrg"]] == [["eln"]]


def test_extract_drops_everything_in_an_off_topic_document() -> None:
    tagged = _tagged("the eln", [[1, 0, 0, 0, 0], [0, 1, 0, 0, 0]], {"attack": 0.05})
    reading = aggregate(tagged, Settings(min_relevance=0.2))
    assert not any(reading.fillers.values())
    assert reading.incident_type is None


def test_extract_casefold_keeps_length_and_offsets() -> None:
    text = "İSTANBUL: FMLN Attack"
    lowered = casefold_same_length(text)
    assert len(lowered) == len(text)
    assert lowered.endswith("fmln attack")


def test_extract_line_without_fillers_has_no_template() -> None:
    empty = Reading({"PerpInd": [], "Weapon": []}, "attack")
    assert to_line("d1", empty) == {"id": "d1", "templates": []}
    one = Reading({"PerpInd": [], "Weapon": [[Mention("bomb", 3, 7)]]}, "bombing")
    assert to_line("d2", one)["templates"] == [
        {"incident_type": "bombing", "PerpInd": [], "Weapon": [["bomb"]]}
    ]


def test_extract_mixed_case_report_quotes_its_own_text(extractor: Extractor) -> None:
    reading = extractor.extract(REPORT)
    mentions = [m for entities in reading.fillers.values() for e in entities for m in e]
    assert mentions, "the model found nothing in an obvious bombing report"
    for mention in mentions:
        assert REPORT[mention.start : mention.end] == mention.text


def test_extract_mixed_case_report_finds_its_fillers(extractor: Extractor) -> None:
    fillers = extractor.extract(REPORT).strings()
    found = {m.lower() for entities in fillers.values() for e in entities for m in e}
    expected = {
        "urban guerrillas",
        "gunmen",
        "farabundo marti national liberation front",
        "fmln",
        "power substation",
        "jose antonio rivas",
        "mayor jose antonio rivas",
        "dynamite",
        "m-16 rifles",
    }
    assert len(expected & found) >= 2
    assert not {"police", "san salvador", "soyapango", "afp"} & found


def test_extract_case_does_not_change_offsets(extractor: Extractor) -> None:
    mixed, lower = extractor.extract(REPORT), extractor.extract(REPORT.lower())
    spans = {r: [[(m.start, m.end) for m in e] for e in es] for r, es in mixed.fillers.items()}
    assert spans == {
        r: [[(m.start, m.end) for m in e] for e in es] for r, es in lower.fillers.items()
    }


def test_extract_predict_jsonl_writes_one_line_per_document(
    extractor: Extractor, tmp_path: Path
) -> None:
    path = tmp_path / "in.jsonl"
    lines = [{"id": "r1", "text": REPORT}, {"id": "r2"}, {"id": "r3", "text": "Rain today."}]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    out = io.StringIO()
    problems = predict_jsonl(path, out, extractor=extractor)
    written = [json.loads(x) for x in out.getvalue().splitlines()]
    assert [x["id"] for x in written] == ["r1", "r3"]
    assert written[1]["templates"] == []
    assert set(written[0]["templates"][0]) == {
        "incident_type",
        "PerpInd",
        "PerpOrg",
        "Target",
        "Victim",
        "Weapon",
    }
    assert [str(p) for p in problems] == [f"{path}:2: line 'r2' has no text"]
