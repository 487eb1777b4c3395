"""The comparison point: a gazetteer of train-split fillers, found again by string match.

Every gold mention of the train split becomes a gazetteer entry for its role when the string
is a filler of that role in at least MIN_PRECISION of the train documents it occurs in (and
in at least MIN_DOCS of them). A new document gets every entry it contains, longest match
first, one role per string; mentions with the same normalised string are one entity.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from incidentkb.muc4.corpus import ROLES, Fillers, empty_fillers
from incidentkb.muc4.score import normalize

# tuned on train (gazetteer from train[:1000], scored on train[1000:]); dev never looked at
MIN_PRECISION = 0.3
MIN_DOCS = 1


@dataclass(frozen=True, slots=True)
class Gazetteer:
    entries: Mapping[str, str]  # mention string -> role
    pattern: re.Pattern[str]

    @classmethod
    def from_entries(cls, entries: Mapping[str, str]) -> Gazetteer:
        # longest first, so "car bomb" wins over "bomb" at the same place
        alternatives = sorted(entries, key=len, reverse=True)
        body = "|".join(re.escape(s) for s in alternatives) or r"(?!)"
        return cls(dict(entries), re.compile(rf"(?<!\w)(?:{body})(?!\w)"))

    @classmethod
    def from_corpus(
        cls,
        docs: Iterable[Mapping[str, Any]],
        min_precision: float = MIN_PRECISION,
        min_docs: int = MIN_DOCS,
    ) -> Gazetteer:
        docs = list(docs)
        as_role: Counter[tuple[str, str]] = Counter()
        for doc in docs:
            seen = {(m, role) for role in ROLES for e in doc["role_fillers"][role] for m in e}
            as_role.update(seen)
        strings = {m for m, _ in as_role}
        occurs = _document_frequency(strings, (doc["text"] for doc in docs))
        best: dict[str, tuple[float, str]] = {}
        for (mention, role), n in as_role.items():
            precision = n / max(occurs[mention], n)
            if n >= min_docs and precision >= min_precision and len(mention) > 2:
                if mention not in best or precision > best[mention][0]:
                    best[mention] = (precision, role)
        return cls.from_entries({m: role for m, (_, role) in best.items()})

    def extract(self, text: str) -> Fillers:
        """The entries the text contains, as one-mention entities per role."""
        fillers = empty_fillers()
        seen: set[tuple[str, str]] = set()
        for match in self.pattern.finditer(text.lower()):
            role = self.entries[match.group()]
            key = (role, normalize(match.group()))
            if key not in seen:
                seen.add(key)
                fillers[role].append([text[match.start() : match.end()]])
        return fillers


def _document_frequency(strings: set[str], texts: Iterable[str]) -> Counter[str]:
    gazetteer = Gazetteer.from_entries({s: "" for s in strings})
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update({m.group() for m in gazetteer.pattern.finditer(text)})
    return counts
