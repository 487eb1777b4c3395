"""Fitting the entity classifier (training time only; needs scikit-learn, the train extra).

Rows come from train documents tagged by a tagger that did not learn from them (fold
taggers, or the shipped tagger on the held-out documents), with a lexicon built without the
document's fold (5 folds), so the features look as they will on new text. Per-role
thresholds are tuned on out-of-fold probabilities (5 folds of documents) for CEAF-REE micro
F1; the final trees are fitted on every row.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy

from incidentkb.muc4.classifier import EntityModel, Trees
from incidentkb.muc4.corpus import ROLES
from incidentkb.muc4.entities import Candidate, Context, Lexicon, aliases, features
from incidentkb.muc4.extractor import Settings, Tagged, entity_candidates
from incidentkb.muc4.score import format_scores, normalize, score

CANDIDATE_THRESHOLD = 0.05  # tuned on train out-of-fold (0.05 / 0.1 / 0.2)
CV_FOLDS = 5
LEXICON_FOLDS = 5
NAMES = True  # runs of name words as candidate victims and perpetrators (OOF 43.11 -> 43.59)
CONTEXT_WORDS = 0  # frequent words either side, beyond the trigger lists (100: no gain)
THRESHOLD_GRID = tuple(round(0.1 + 0.025 * i, 3) for i in range(21))  # 0.1 .. 0.6
PARAMS: dict[str, Any] = {
    "max_iter": 200,
    "learning_rate": 0.05,
    "max_leaf_nodes": 15,
    "min_samples_leaf": 20,
    "l2_regularization": 1.0,
    "max_features": 0.5,  # each split looks at a random half of the features
}


@dataclass(slots=True)
class Rows:
    """One document's candidates, feature rows, labels and first mentions."""

    doc_id: str
    cands: list[Candidate]
    x: Any
    y: Any
    mentions: list[str]
    aliases: set[frozenset[str]]


def fold_lexicons(
    docs: Sequence[Mapping[str, Any]], tokens: Sequence[Sequence[tuple[int, int]]]
) -> list[Lexicon]:
    """Per document, the lexicon of the documents outside its fold (LEXICON_FOLDS folds,
    document i in fold i % LEXICON_FOLDS). Not leave-one-out: a document's own absence
    would lower its counts exactly where its string is a filler, which trees learn to read."""
    lexicons = []
    for k in range(LEXICON_FOLDS):
        rest = [i for i in range(len(docs)) if i % LEXICON_FOLDS != k]
        lexicons.append(Lexicon.build([docs[i] for i in rest], [tokens[i] for i in rest]))
    return [lexicons[i % LEXICON_FOLDS] for i in range(len(docs))]


def build_rows(
    docs: Sequence[Mapping[str, Any]],
    tagged: Sequence[Tagged],
    settings: Settings,
    lexicons: Sequence[Lexicon],
    candidate_threshold: float = CANDIDATE_THRESHOLD,
    widen: bool = True,
    context_words: int = CONTEXT_WORDS,
    names: bool = NAMES,
) -> tuple[list[Rows], Context]:
    """Candidates, features and labels of train documents, each with the lexicon that did
    not see it; and the context words the features use."""
    found = [
        entity_candidates(t, settings, lexicon, candidate_threshold, widen, names)
        for t, lexicon in zip(tagged, lexicons, strict=True)
    ]
    context = Context.frequent(found, context_words) if context_words else Context()
    out = []
    for item, (doc, cands), lexicon in zip(docs, found, lexicons, strict=True):
        x = features(doc, cands, lexicon, context)
        gold = {r: {normalize(m) for e in item["role_fillers"][r] for m in e} for r in ROLES}
        y = numpy.array([c.key in gold[c.role] for c in cands], dtype=bool)
        mentions = [doc.text(*c.occurrences[0]) for c in cands]
        out.append(Rows(item["id"], cands, x, y, mentions, aliases(doc, cands)))
    return out, context


def fit_trees(rows: Sequence[Rows], seed: int, params: Mapping[str, Any] | None = None) -> Trees:
    from sklearn.ensemble import HistGradientBoostingClassifier

    x = numpy.vstack([r.x for r in rows if len(r.cands)])
    y = numpy.concatenate([r.y for r in rows if len(r.cands)])
    model = HistGradientBoostingClassifier(
        **(params or PARAMS), early_stopping=False, random_state=seed
    )
    return Trees.from_sklearn(model.fit(x, y))


def out_of_fold(
    rows: Sequence[Rows], seed: int, params: Mapping[str, Any] | None = None
) -> list[Any]:
    """Each document's candidate probabilities from trees fitted without its fold."""
    order = numpy.random.RandomState(seed).permutation(len(rows))
    probs: list[Any] = [numpy.zeros(0)] * len(rows)
    for k in range(CV_FOLDS):
        test = set(order[k::CV_FOLDS].tolist())
        trees = fit_trees([r for i, r in enumerate(rows) if i not in test], seed, params)
        for i in test:
            if len(rows[i].cands):
                probs[i] = trees.probability(rows[i].x)
    return probs


def predictions(
    rows: Sequence[Rows], probs: Sequence[Any], model: EntityModel
) -> dict[str, dict[str, list[list[str]]]]:
    out = {}
    for r, p in zip(rows, probs, strict=True):
        chosen = model.choose(r.cands, list(p), r.aliases)
        out[r.doc_id] = {role: [[r.mentions[k]] for k in ks] for role, ks in chosen.items()}
    return out


def tune_thresholds(
    rows: Sequence[Rows],
    probs: Sequence[Any],
    gold: Mapping[str, Any],
    model: EntityModel,
    rounds: int = 2,
) -> tuple[EntityModel, dict[str, dict[str, float | int]]]:
    """Coordinate ascent over per-role thresholds for micro F1."""
    best = score(gold, predictions(rows, probs, model))
    for _ in range(rounds):
        for role in ROLES:
            for value in THRESHOLD_GRID:
                trial = _with_threshold(model, role, value)
                scores = score(gold, predictions(rows, probs, trial))
                if scores["micro"]["f1"] > best["micro"]["f1"]:
                    best, model = scores, trial
    return model, best


def _with_threshold(model: EntityModel, role: str, value: float) -> EntityModel:
    thresholds = {**model.thresholds, role: value}
    return replace(model, thresholds=thresholds)


def train_entity_model(
    docs: Sequence[Mapping[str, Any]],
    tagged: Sequence[Tagged],
    settings: Settings,
    seed: int = 0,
    candidate_threshold: float = CANDIDATE_THRESHOLD,
    widen: bool = True,
    names: bool = NAMES,
) -> tuple[EntityModel, Lexicon, str]:
    """The classifier (thresholds tuned out of fold), the lexicon of all documents, and a
    report of the tuning."""
    tokens = [t.tokens for t in tagged]
    lexicons = fold_lexicons(docs, tokens)
    rows, context = build_rows(
        docs, tagged, settings, lexicons, candidate_threshold, widen, names=names
    )
    gold = {d["id"]: d["role_fillers"] for d in docs}
    start = EntityModel(
        Trees.constant(),
        dict.fromkeys(ROLES, 0.3),
        candidate_threshold,
        widen,
        True,
        context,
        names,
    )
    probs = out_of_fold(rows, seed)
    tuned, scores = tune_thresholds(rows, probs, gold, start)
    model = EntityModel(
        fit_trees(rows, seed),
        tuned.thresholds,
        candidate_threshold,
        widen,
        tuned.dedupe,
        context,
        names,
    )
    held = {d["id"] for i, d in enumerate(docs) if i % 8 == 0}
    held_rows = [(r, p) for r, p in zip(rows, probs, strict=True) if r.doc_id in held]
    held_scores = score(
        {k: v for k, v in gold.items() if k in held},
        predictions([r for r, _ in held_rows], [p for _, p in held_rows], tuned),
    )
    candidates = sum(len(r.cands) for r in rows)
    report = "\n".join(
        [
            f"entity classifier: {candidates} candidates in {len(rows)} documents, "
            f"thresholds {tuned.thresholds}",
            format_scores(scores, "train OOF"),
            format_scores(held_scores, "held OOF"),
        ]
    )
    return model, Lexicon.build(docs, tokens), report
