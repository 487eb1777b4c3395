"""The public entry points: role fillers of one text, and a jsonl file in DESIGN's muc4 format."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any, TextIO

from incidentkb.errors import InputError
from incidentkb.muc4.corpus import ROLES, read_jsonl
from incidentkb.muc4.extractor import DEFAULT_MODEL, Extractor, Mention, Reading


@cache
def load_extractor(path: Path = DEFAULT_MODEL) -> Extractor:
    """The shipped model, loaded once per process (offline: it is a folder in the repo)."""
    return Extractor.load(path)


def extract_spans(text: str) -> dict[str, list[list[Mention]]]:
    """Role -> entities -> mentions with offsets: text[m.start:m.end] == m.text."""
    return load_extractor().extract(text).fillers


def extract(text: str) -> dict[str, list[list[str]]]:
    """Role -> entities -> mention strings, for PerpInd, PerpOrg, Target, Victim, Weapon."""
    return load_extractor().extract(text).strings()


def to_line(doc_id: str, reading: Reading) -> dict[str, Any]:
    """DESIGN's muc4 line: one template per document with fillers, none without."""
    fillers = reading.strings()
    if not any(fillers.values()):
        return {"id": doc_id, "templates": []}
    template = {"incident_type": reading.incident_type or "attack", **fillers}
    return {"id": doc_id, "templates": [template]}


def _texts(in_path: Path, problems: list[InputError]) -> Iterator[tuple[str, str]]:
    for n, item in enumerate(read_jsonl(in_path), start=1):
        if isinstance(item, InputError):
            problems.append(item)
        elif not isinstance(item.get("text"), str):
            problems.append(InputError(in_path, f"line {item['id']!r} has no text", n))
        else:
            yield item["id"], item["text"]


def predict_jsonl(
    in_path: Path, out: TextIO, n_process: int = 1, extractor: Extractor | None = None
) -> list[InputError]:
    """One muc4 line on out per input line with an id and a text; the lines that could not
    be read come back as errors, the rest are written."""
    extractor = extractor or load_extractor()
    problems: list[InputError] = []
    pairs = list(_texts(in_path, problems))
    readings = extractor.read((text for _, text in pairs), n_process=n_process)
    for (doc_id, _), reading in zip(pairs, readings, strict=True):
        out.write(json.dumps(to_line(doc_id, reading), ensure_ascii=False) + "\n")
    return problems


__all__ = ["ROLES", "extract", "extract_spans", "load_extractor", "predict_jsonl", "to_line"]
