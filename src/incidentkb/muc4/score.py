"""CEAF-REE: role-filler entity scores as in Du, Rush & Cardie (EACL 2021, GRIT).

Per document and role, gold entities (lists of alternative mentions) are aligned one-to-one
with predicted entities so that the most pairs match; a pair matches when every mention the
predicted entity gives is one of the gold entity's mentions. Naming any one mention of a gold
entity is enough; naming it twice (two predicted entities) costs precision.
P = matched / predicted entities, R = matched / gold entities, per role and micro-averaged
over the five roles. Mentions are compared after GRIT's SQuAD-style normalisation.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from incidentkb.errors import InputError
from incidentkb.muc4.corpus import ROLES, Entity, Fillers, merge_templates, read_documents

_PUNCTUATION = frozenset(string.punctuation)
_ARTICLES = re.compile(r"\b(a|an|the)\b")


def normalize(mention: str) -> str:
    """Lower case, ASCII punctuation and the articles a/an/the removed, spaces collapsed.

    In GRIT's order (punctuation before articles), so "the fmln's" -> "fmlns".
    """
    text = "".join(ch for ch in mention.lower() if ch not in _PUNCTUATION)
    return " ".join(_ARTICLES.sub(" ", text).split())


def _matches(gold: set[str], predicted: Sequence[str]) -> bool:
    return all(m in gold for m in predicted)


def count_matched(gold: Sequence[Entity], predicted: Sequence[Entity]) -> int:
    """The most gold-predicted pairs a one-to-one alignment can match (already normalised).

    The similarity is 0 or 1, so the optimal (Hungarian) assignment's total is the size of a
    maximum bipartite matching; augmenting paths find it exactly.
    """
    gold_sets = [set(entity) for entity in gold]
    edges = [
        [g for g, mentions in enumerate(gold_sets) if _matches(mentions, p)] for p in predicted
    ]
    owner: dict[int, int] = {}  # gold index -> predicted index

    def augment(p: int, seen: set[int]) -> bool:
        for g in edges[p]:
            if g in seen:
                continue
            seen.add(g)
            if g not in owner or augment(owner[g], seen):
                owner[g] = p
                return True
        return False

    return sum(augment(p, set()) for p in range(len(predicted)))


@dataclass(slots=True)
class Tally:
    matched: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "p": round(100 * self.precision, 2),
            "r": round(100 * self.recall, 2),
            "f1": round(100 * self.f1, 2),
            "matched": self.matched,
            "predicted": self.predicted,
            "gold": self.gold,
        }


def _normalized(entities: Iterable[Entity]) -> list[Entity]:
    return [[normalize(m) for m in entity] for entity in entities if entity]


def score(
    gold: Mapping[str, Fillers], predicted: Mapping[str, Fillers]
) -> dict[str, dict[str, float | int]]:
    """Per-role and micro CEAF-REE over the gold documents; a missing prediction is empty."""
    tallies = {role: Tally() for role in ROLES}
    for doc_id, gold_fillers in gold.items():
        pred_fillers = predicted.get(doc_id, {})
        for role in ROLES:
            g = _normalized(gold_fillers.get(role, []))
            p = _normalized(pred_fillers.get(role, []))
            tally = tallies[role]
            tally.matched += count_matched(g, p)
            tally.predicted += len(p)
            tally.gold += len(g)
    micro = Tally(
        sum(t.matched for t in tallies.values()),
        sum(t.predicted for t in tallies.values()),
        sum(t.gold for t in tallies.values()),
    )
    return {**{role: t.as_dict() for role, t in tallies.items()}, "micro": micro.as_dict()}


def gold_fillers(docs: Iterable[Mapping[str, Any]]) -> dict[str, Fillers]:
    """GRIT's per-document gold: each document's `role_fillers`."""
    return {doc["id"]: {role: doc["role_fillers"].get(role, []) for role in ROLES} for doc in docs}


def predicted_fillers(lines: Iterable[Mapping[str, Any]]) -> dict[str, Fillers]:
    """Prediction lines' templates merged per document (identical entities once)."""
    return {line["id"]: merge_templates(line.get("templates") or []) for line in lines}


def score_files(gold_path: Path, predicted_path: Path) -> dict[str, dict[str, float | int]]:
    """CEAF-REE of a predictions jsonl file against a corpus jsonl file, matched by id."""
    gold = list(read_documents(gold_path))
    unlabelled = [str(d.get("id")) for d in gold if not isinstance(d.get("role_fillers"), dict)]
    if unlabelled:
        raise InputError(
            gold_path, f"no role_fillers for {', '.join(unlabelled[:5])}: is it the corpus file?"
        )
    return score(gold_fillers(gold), predicted_fillers(read_documents(predicted_path)))


def format_scores(scores: Mapping[str, Mapping[str, float | int]], title: str = "") -> str:
    """A plain table: role, P, R, F1, matched/predicted/gold."""
    rows = [f"{title:<10} {'P':>6} {'R':>6} {'F1':>6}   matched/pred/gold"]
    for key in (*ROLES, "micro"):
        s = scores[key]
        rows.append(
            f"{key:<10} {s['p']:>6.2f} {s['r']:>6.2f} {s['f1']:>6.2f}   "
            f"{s['matched']}/{s['predicted']}/{s['gold']}"
        )
    return "\n".join(rows)
