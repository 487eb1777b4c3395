"""The entity-level classifier: gradient-boosted trees over candidate features, kept as JSON.

scikit-learn's HistGradientBoostingClassifier is fitted at training time
(scripts/train_muc4.py); its trees are written out as plain arrays (feature, threshold,
children, leaf values), so predicting needs only numpy, and no pickle is loaded. Candidates
whose probability reaches their role's threshold are kept, likeliest first, skipping one that
names the same thing as a kept one (the same words inside a longer one, or an acronym).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy

from incidentkb.muc4.corpus import ROLES
from incidentkb.muc4.entities import Candidate, Context

FORMAT = "incidentkb.muc4.entities/1"


@dataclass(frozen=True, slots=True)
class Trees:
    """A boosted ensemble as flat node arrays; tree t's root is roots[t]."""

    baseline: float
    roots: Any  # int array, trees
    feature: Any  # int array, nodes
    threshold: Any  # float array, nodes: x <= threshold goes left
    missing_left: Any  # bool array, nodes: a NaN goes left
    left: Any  # int array, nodes (global index)
    right: Any  # int array, nodes
    value: Any  # float array, nodes: the leaf's contribution
    leaf: Any  # bool array, nodes
    depth: int

    def decision(self, x: Any) -> Any:
        """Raw scores (log-odds) of rows x (rows x features)."""
        x = numpy.asarray(x, dtype="float64")
        if not len(x) or not len(self.roots):
            return numpy.full(len(x), self.baseline)
        rows = numpy.arange(len(x))[:, None]
        node = numpy.broadcast_to(self.roots, (len(x), len(self.roots))).copy()
        for _ in range(self.depth):
            at_leaf = self.leaf[node]
            if at_leaf.all():
                break
            value = x[rows, self.feature[node]]
            go_left = numpy.where(
                numpy.isnan(value), self.missing_left[node], value <= self.threshold[node]
            )
            node = numpy.where(
                at_leaf, node, numpy.where(go_left, self.left[node], self.right[node])
            )
        return self.baseline + self.value[node].sum(axis=1)

    def probability(self, x: Any) -> Any:
        return 1.0 / (1.0 + numpy.exp(-self.decision(x)))

    def to_json(self) -> dict[str, Any]:
        return {
            "baseline": self.baseline,
            "roots": self.roots.tolist(),
            "feature": self.feature.tolist(),
            "threshold": self.threshold.tolist(),  # exact: a value can sit on a threshold
            "missing_left": self.missing_left.astype(int).tolist(),
            "left": self.left.tolist(),
            "right": self.right.tolist(),
            "value": [float(f"{v:.7g}") for v in self.value.tolist()],
            "leaf": self.leaf.astype(int).tolist(),
            "depth": self.depth,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Trees:
        return cls(
            float(data["baseline"]),
            numpy.asarray(data["roots"], dtype="int64"),
            numpy.asarray(data["feature"], dtype="int64"),
            numpy.asarray(data["threshold"], dtype="float64"),
            numpy.asarray(data["missing_left"], dtype=bool),
            numpy.asarray(data["left"], dtype="int64"),
            numpy.asarray(data["right"], dtype="int64"),
            numpy.asarray(data["value"], dtype="float64"),
            numpy.asarray(data["leaf"], dtype=bool),
            int(data["depth"]),
        )

    @classmethod
    def constant(cls, log_odds: float = 0.0) -> Trees:
        """No trees: the same score for every row."""
        ints, floats = numpy.zeros(0, dtype="int64"), numpy.zeros(0)
        flags = numpy.zeros(0, dtype=bool)
        return cls(log_odds, ints, ints, floats, flags, ints, ints, floats, flags, 0)

    @classmethod
    def from_sklearn(cls, model: Any) -> Trees:
        """From a fitted binary HistGradientBoostingClassifier without categorical features."""
        parts: dict[str, list[Any]] = {k: [] for k in ("feature", "threshold", "missing", "left")}
        parts.update(right=[], value=[], leaf=[])
        roots, offset, depth = [], 0, 0
        for (predictor,) in model._predictors:  # one tree per iteration for a binary task
            nodes = predictor.nodes
            if nodes["is_categorical"].any():
                raise ValueError("categorical splits are not supported")
            roots.append(offset)
            parts["feature"].append(nodes["feature_idx"].astype("int64"))
            parts["threshold"].append(nodes["num_threshold"].astype("float64"))
            parts["missing"].append(nodes["missing_go_to_left"].astype(bool))
            parts["left"].append(nodes["left"].astype("int64") + offset)
            parts["right"].append(nodes["right"].astype("int64") + offset)
            parts["value"].append(nodes["value"].astype("float64"))
            parts["leaf"].append(nodes["is_leaf"].astype(bool))
            depth = max(depth, int(nodes["depth"].max()))
            offset += len(nodes)
        values = numpy.concatenate(parts["value"]) if roots else numpy.zeros(0)
        leaf = numpy.concatenate(parts["leaf"]) if roots else numpy.zeros(0, dtype=bool)
        return cls(
            float(numpy.ravel(model._baseline_prediction)[0]),
            numpy.asarray(roots, dtype="int64"),
            numpy.concatenate(parts["feature"]) if roots else numpy.zeros(0, dtype="int64"),
            numpy.concatenate(parts["threshold"]) if roots else numpy.zeros(0),
            numpy.concatenate(parts["missing"]) if roots else numpy.zeros(0, dtype=bool),
            numpy.concatenate(parts["left"]) if roots else numpy.zeros(0, dtype="int64"),
            numpy.concatenate(parts["right"]) if roots else numpy.zeros(0, dtype="int64"),
            numpy.where(leaf, values, 0.0),
            leaf,
            depth,
        )


@dataclass(frozen=True, slots=True)
class EntityModel:
    """The classifier and the choices around it, as saved in models/muc4/entities.json."""

    trees: Trees
    thresholds: Mapping[str, float]  # role -> the probability a candidate needs
    candidate_threshold: float = 0.1  # the tagger score a token needs to start a candidate
    widen: bool = True  # also try tagger spans widened by a word or two
    dedupe: bool = True  # skip a candidate inside (or around) a kept one
    context: Context = Context()  # the words around a mention that are features
    names: bool = False  # also runs of name words as victims and perpetrators

    def probability(self, x: Any) -> Any:
        return self.trees.probability(x)

    def choose(
        self,
        cands: Sequence[Candidate],
        probs: Sequence[float],
        aliases: Set[frozenset[str]] = frozenset(),
    ) -> dict[str, list[int]]:
        """Role -> indices of the kept candidates, likeliest first; aliases: pairs of
        normalised strings known to name one thing (entities.aliases)."""
        kept: dict[str, list[int]] = {role: [] for role in ROLES}
        for k in sorted(range(len(cands)), key=lambda k: (-probs[k], k)):
            cand = cands[k]
            if probs[k] < self.thresholds.get(cand.role, 0.5):
                continue
            if self.dedupe and any(
                same_thing(cand.key, cands[o].key) or frozenset((cand.key, cands[o].key)) in aliases
                for o in kept[cand.role]
            ):
                continue
            kept[cand.role].append(k)
        return kept

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "features": list(self.context.names()),
            "context": {"left": list(self.context.left), "right": list(self.context.right)},
            "thresholds": dict(self.thresholds),
            "candidate_threshold": self.candidate_threshold,
            "widen": self.widen,
            "dedupe": self.dedupe,
            "names": self.names,
            "trees": self.trees.to_json(),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> EntityModel:
        if data.get("format") != FORMAT:
            raise ValueError(f"not an entity model of format {FORMAT}")
        context = Context(tuple(data["context"]["left"]), tuple(data["context"]["right"]))
        if list(data["features"]) != list(context.names()):
            raise ValueError("the entity model was trained on other features than these")
        return cls(
            Trees.from_json(data["trees"]),
            {k: float(v) for k, v in data["thresholds"].items()},
            float(data["candidate_threshold"]),
            bool(data["widen"]),
            bool(data["dedupe"]),
            context,
            bool(data.get("names", False)),
        )

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), separators=(",", ":")) + "\n")

    @classmethod
    def load(cls, path: Path) -> EntityModel:
        return cls.from_json(json.loads(path.read_text(encoding="utf-8")))


def same_thing(a: str, b: str) -> bool:
    """Two normalised strings of one role that name one entity: one's words inside the
    other's ("guerrillas", "urban guerrillas")."""
    return f" {a} " in f" {b} " or f" {b} " in f" {a} "
