"""MUC-4 documents and predictions in the corpus's one-line-per-document format.

A role maps to a list of entities; an entity is a list of alternative mentions (strings).
See ../shared/corpora/muc4/README.md for the format.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from incidentkb.errors import InputError

ROLES: tuple[str, ...] = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
INCIDENT_TYPES: tuple[str, ...] = (
    "attack",
    "bombing",
    "kidnapping",
    "arson",
    "robbery",
    "forced work stoppage",
)

Entity = list[str]
Fillers = dict[str, list[Entity]]


def empty_fillers() -> Fillers:
    return {role: [] for role in ROLES}


def merge_templates(templates: Iterable[dict[str, Any]]) -> Fillers:
    """The union of entities per role over a document's templates, identical ones once."""
    merged = empty_fillers()
    for template in templates:
        for role in ROLES:
            for entity in template.get(role) or []:
                mentions = [m for m in entity if isinstance(m, str)]
                if mentions and mentions not in merged[role]:
                    merged[role].append(mentions)
    return merged


def read_jsonl(path: Path) -> Iterator[dict[str, Any] | InputError]:
    """One object per line; a line that is not a JSON object with an id yields its error."""
    with path.open(encoding="utf-8") as lines:
        for n, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw)
            except json.JSONDecodeError as err:
                yield InputError(path, f"not JSON ({err.msg}); one object per line", n)
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get("id"), str):
                yield InputError(path, 'not a MUC-4 line; expected {"id": ..., ...}', n)
                continue
            yield obj


def read_documents(path: Path) -> list[dict[str, Any]]:
    """All documents of a corpus file; the first bad line raises its InputError."""
    docs: list[dict[str, Any]] = []
    for item in read_jsonl(path):
        if isinstance(item, InputError):
            raise item
        docs.append(item)
    return docs
