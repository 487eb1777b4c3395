"""Who attacked whom with what, from the MUC-4 role-filler model (`incidentkb.muc4`): one
extractor, two views. The model's fillers of a report's main incident become claims of the
incident record, each quoting the filler's mention:

- PerpOrg and PerpInd: `perpetrator` claims, role `suspected` (the text names them as the
  attackers without a claim or an accusation the rules read), kind `organisation` or
  `individual`; an organisation takes its canonical name where the group list knows it.
  `named` says whether the filler names someone (a known group, a proper name) or only
  describes them ("gunmen", "five armed men"); only names identify a perpetrator.
- Target: `target` claims ("the U.S. consulate", "a power pylon").
- Victim: `victims` claims, the victim as the group, no count ("mayor Lisimaco Machado").
- Weapon: `weapon` claims ("dynamite", "a car bomb").

A mention the rules already quote (a perpetrator with its role) is theirs, and where the
rules give the weapon (each account with who gave it) the model's weapons are left out: the
rules' reading is the more specific. Fillers outside the main incident's sentences are left
out, and so is text after the first `READ` characters: the model learned from reports of
about 2,000 characters, and an encyclopedia page or a long feature would cost the pipeline its
speed for fillers of the background. Without spaCy (the `nlp` extra) there are no such claims.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from incidentkb.extract import groups
from incidentkb.extract.text import Sentence
from incidentkb.model import Claim, Document

_FIELD = {
    "PerpOrg": "perpetrator",
    "PerpInd": "perpetrator",
    "Target": "target",
    "Victim": "victims",
    "Weapon": "weapon",
}
_KIND = {"PerpOrg": "organisation", "PerpInd": "individual"}
READ = 6000  # characters of a report the role-filler model reads: three MUC-4 reports' worth
# a proper name: a capitalised word that does not open the filler's sentence-like run of
# ordinary words ("Jesse Gomez", "the Shining Path"), not "Five armed men"
_PROPER = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z]+|\b[A-Z]{2,}\b")


@cache
def _model() -> Any:
    try:
        from incidentkb.muc4 import load_extractor
    except ImportError:  # the nlp extra is not installed
        return None
    return load_extractor()


def role_claims(doc: Document, main: Sequence[Sentence], taken: Sequence[Claim]) -> list[Claim]:
    """Claims from the role fillers of the main incident's sentences; `taken` are the rules'
    claims, whose spans the fillers do not repeat."""
    model = _model()
    if model is None or not main:
        return []
    fillers = model.extract(doc.text[:READ]).fillers
    spans = [(s.start, s.end) for s in main]
    used = [(c.start, c.end) for c in taken if c.field in ("perpetrator", "weapon")]
    weapons = [c for c in taken if c.field == "weapon"]
    out: list[Claim] = []
    for role, entities in fillers.items():
        if role not in _FIELD:
            continue  # a role the record has no field for
        for mentions in entities:
            m = next((m for m in mentions if _inside(m.start, m.end, spans)), None)
            if m is None or any(m.start < e and s < m.end for s, e in used):
                continue
            if role == "Weapon" and weapons:
                continue
            out.append(_claim(doc, role, m.start, m.end))
    return out


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _claim(doc: Document, role: str, start: int, end: int) -> Claim:
    field, text = _FIELD[role], doc.text[start:end]
    if field == "perpetrator":
        known = groups.canonical(text) if role == "PerpOrg" else None
        named = bool(known or _PROPER.search(text))
        detail = {"kind": _KIND[role], "named": named, "by": None}
        return Claim.at(doc, start, end, field, known or text, role="suspected", detail=detail)
    if field == "victims":
        return Claim.at(doc, start, end, field, text, detail={"group": text})
    return Claim.at(doc, start, end, field, text)
