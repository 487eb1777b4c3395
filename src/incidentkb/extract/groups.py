"""Canonical names for perpetrator groups and states, so that "ISIS-K" and "Islamic State –
Khorasan Province" are one actor. Aliases are exact forms; rapidfuzz catches spelling variants."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz, process

_FUZZY_CUTOFF = 92  # tuned on hand-written variants ("Al-Shabab", "al Qaida"); lower merges groups


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    """alias (normalised) -> canonical name, from data/groups.json."""
    raw = json.loads(
        resources.files("incidentkb.extract").joinpath("data/groups.json").read_text("utf-8")
    )
    table: dict[str, str] = {}
    for canonical, aliases in raw.items():
        for alias in [canonical, *aliases]:
            table[_norm(alias)] = canonical
    return table


def _norm(name: str) -> str:
    name = name.replace("’", "'").replace("–", "-").replace("—", "-")
    name = re.sub(r"^(?:the|a)\s+", "", name.strip(), flags=re.IGNORECASE)
    return re.sub(r"[\s.]+", " ", name).strip(" -,").lower()


@lru_cache(maxsize=8192)
def canonical(name: str) -> str | None:
    """The canonical name of a known group or state, or None when the name is not known."""
    key = _norm(name)
    if not key:
        return None
    table = _table()
    if key in table:
        return table[key]
    if len(key) < 6:  # short forms (acronyms) must match exactly
        return None
    hit = process.extractOne(key, table.keys(), scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF)
    return table[hit[0]] if hit else None


def aliases() -> dict[str, str]:
    """Every known form (normalised) and its canonical name."""
    return dict(_table())
