"""The entity classifier: candidates and features on a hand-made tagged document, the trees'
JSON form against scikit-learn, and the shipped classifier on a hand-written report."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy
import pytest

from incidentkb.muc4.classifier import EntityModel, Trees, same_thing
from incidentkb.muc4.entities import (
    FEATURES,
    Candidate,
    Context,
    Lexicon,
    candidates,
    document,
    features,
    mention_key,
    name_runs,
)
from incidentkb.muc4.extractor import DEFAULT_MODEL, ENTITY_MODEL, LEXICON, Extractor
from incidentkb.muc4.score import normalize

LABELS = ("O", "B-PerpOrg", "I-PerpOrg", "B-Victim", "I-Victim")
TEXT = "the fmln killed mayor jose rivas . the fmln denied it . police came ."


def _doc(text: str = TEXT, tagged: dict[int, tuple[int, float]] | None = None):  # noqa: ANN202
    """Space-separated tokens; tagged: token -> (label index, probability), else O."""
    tokens, at = [], 0
    for word in text.split(" "):
        tokens.append((at, at + len(word)))
        at += len(word) + 1
    rows = numpy.zeros((len(tokens), len(LABELS)))
    rows[:, 0] = 1.0
    for i, (label, p) in (tagged or {}).items():
        rows[i] = 0.0
        rows[i, 0], rows[i, label] = 1.0 - p, p
    return document(text, tokens, rows, LABELS, {"attack": 0.8, "bombing": 0.1}), tokens


def _lexicon(tokens: list[tuple[int, int]]) -> Lexicon:
    train = [
        {"text": TEXT, "role_fillers": {"PerpOrg": [["fmln"]], "Victim": [["jose rivas"]]}},
        {"text": "police came .", "role_fillers": {"PerpInd": [["police"]]}},
    ]
    return Lexicon.build(train, [tokens, [(0, 6), (7, 11), (12, 13)]])


def test_entities_lexicon_counts_hashed_fillers_and_documents() -> None:
    _, tokens = _doc()
    lexicon = _lexicon(tokens)
    assert lexicon.get("fmln") == (0, 1, 0, 0, 0, 1)
    assert lexicon.get("police") == (1, 0, 0, 0, 0, 2)  # a filler once, present twice
    assert "fmln" not in json.dumps(lexicon.to_json())  # no corpus strings in the model
    assert Lexicon.from_json(lexicon.to_json()) == lexicon


def test_entities_candidates_come_from_the_tagger_and_the_lexicon() -> None:
    doc, tokens = _doc(tagged={4: (3, 0.9), 5: (4, 0.8)})  # "jose rivas" as Victim
    lexicon = _lexicon(tokens)
    cands = {(c.role, c.key): c for c in candidates(doc, lexicon, 0.1)}
    victim = cands["Victim", "jose rivas"]
    assert victim.from_tagger and victim.occurrences == [(4, 6)]
    org = cands["PerpOrg", "fmln"]  # from the lexicon only, both occurrences
    assert org.from_lexicon and not org.from_tagger and org.occurrences == [(1, 2), (8, 9)]
    assert ("Victim", "mayor jose rivas") in cands  # the tagger span widened by a word
    assert ("PerpInd", "police") in cands and ("PerpInd", "fmln") not in cands
    narrow = {(c.role, c.key) for c in candidates(doc, lexicon, 0.1, widen=False)}
    assert ("Victim", "mayor jose rivas") not in narrow


def test_entities_features_are_computed_from_the_document() -> None:
    doc, tokens = _doc(tagged={1: (1, 0.6), 8: (1, 0.2), 4: (3, 0.9), 5: (4, 0.8)})
    lexicon = _lexicon(tokens)
    cands = [c for c in candidates(doc, lexicon, 0.1) if c.key in ("fmln", "jose rivas")]
    rows = features(doc, cands, lexicon)
    assert rows.shape == (len(cands), len(Context().names()))
    assert Context().names()[: len(FEATURES)] == FEATURES
    by_key = {c.key: row for c, row in zip(cands, rows, strict=True)}
    index = {name: i for i, name in enumerate(Context().names())}
    org, victim = by_key["fmln"], by_key["jose rivas"]
    assert org[index["role=PerpOrg"]] == 1.0
    assert org[index["tag_max"]] == pytest.approx(0.6)
    assert org[index["tag_mean"]] == pytest.approx(0.4)
    assert org[index["occurrences"]] == 2
    assert org[index["sentences_with"]] == 2
    assert org[index["sentence_attack"]] == 0.5 and org[index["sentence_deny"]] == 0.5
    assert org[index["first_sentence_attack"]] == 1.0
    assert org[index["in_first_sentence"]] == 1.0
    assert org[index["right_killed"]] == 1.0 and org[index["right_denied"]] == 1.0
    assert org[index["is_acronym"]] == 1.0
    assert org[index["prior_role_n"]] == 1.0 and org[index["prior_docs"]] == 1.0
    assert org[index["cat_attack"]] == pytest.approx(0.8)
    assert victim[index["tag_max"]] == pytest.approx(0.85)
    assert victim[index["left_killed"]] == 1.0 and victim[index["tokens"]] == 2
    assert victim[index["first_position"]] == pytest.approx(4 / len(tokens))


# a small train split: one victim's name, three bridges as targets, and the common words
NAMES_TRAIN = [
    {"text": "guerrillas shot jose rivas near the capital .", "Victim": [["jose rivas"]]},
    *({"text": "the army said the bridge was destroyed .", "Target": [["bridge"]]},) * 3,
    {"text": "a bomb exploded near the old market .", "Target": [["old market"]]},
    {"text": "police said gunmen fled .", "PerpInd": [["gunmen"]]},
]


def _names_lexicon() -> Lexicon:
    docs = [
        {"text": d["text"], "role_fillers": {k: v for k, v in d.items() if k != "text"}}
        for d in NAMES_TRAIN
    ]
    return Lexicon.build(docs, [_doc(d["text"])[1] for d in docs])


def test_entities_lexicon_knows_words_names_and_heads_by_hash_only() -> None:
    lexicon = _names_lexicon()
    assert lexicon.share("the") == pytest.approx(5 / 6) and lexicon.share("zzz") == 0
    assert mention_key("rivas") in lexicon.name_words
    assert mention_key("guerrillas") not in lexicon.name_words
    assert lexicon.heads[mention_key("bridge")][2] == 3  # Target
    assert "rivas" not in json.dumps(lexicon.to_json())
    assert Lexicon.from_json(lexicon.to_json()) == lexicon


def test_entities_name_runs_join_known_and_unseen_name_words() -> None:
    lexicon = _names_lexicon()
    doc, _ = _doc("police said gunmen shot maria jose elkashes de rivas near the bridge .")
    runs = {doc.text(i, j) for i, j in name_runs(doc, lexicon)}
    # "maria" and "elkashes" are unseen, "jose" and "rivas" are victims' name words
    assert runs == {
        "maria jose elkashes de rivas",
        "jose elkashes de rivas",
        "maria jose elkashes",  # the joiner is not left at the end
    }
    doc, _ = _doc("police said gunmen shot maria elkashes near the bridge .")
    assert name_runs(doc, lexicon) == []  # unseen words alone are no name


def test_entities_name_runs_are_candidates_with_word_features() -> None:
    lexicon = _names_lexicon()
    doc, _ = _doc("police said gunmen shot maria jose elkashes de rivas near the new bridge .")
    cands = {(c.role, c.key): c for c in candidates(doc, lexicon, 0.1, names=True)}
    assert cands["Victim", "maria jose elkashes de rivas"].from_names
    assert cands["PerpInd", "maria jose elkashes de rivas"].from_names
    assert ("Victim", "maria jose elkashes de rivas") not in {
        (c.role, c.key) for c in candidates(doc, lexicon, 0.1)
    }
    victim = cands["Victim", "maria jose elkashes de rivas"]
    rows = features(doc, [victim], lexicon)
    index = {name: i for i, name in enumerate(Context().names())}
    assert rows[0, index["from_names"]] == 1.0
    assert rows[0, index["unseen_words"]] == 3  # maria, elkashes, de
    assert rows[0, index["word_share_max"]] == pytest.approx(1 / 6)  # jose, rivas: one doc
    doc, _ = _doc("rebels blew up the new bridge .")
    bridge = Candidate("Target", "new bridge", [(3, 5)], {"new bridge"})
    row = features(doc, [bridge], lexicon)[0]
    assert row[index["head_n"]] == 3  # "bridge" ends three train targets


def test_entities_trees_as_json_predict_as_scikit_learn_does() -> None:
    ensemble = pytest.importorskip("sklearn.ensemble")
    rng = numpy.random.RandomState(0)
    x = rng.rand(400, 4)
    x[rng.rand(400, 4) < 0.05] = numpy.nan
    y = (numpy.nan_to_num(x[:, 0]) + 0.5 * numpy.nan_to_num(x[:, 2]) + 0.2 * rng.rand(400)) > 0.8
    fitted = ensemble.HistGradientBoostingClassifier(max_iter=30, random_state=0).fit(x, y)
    trees = Trees.from_json(json.loads(json.dumps(Trees.from_sklearn(fitted).to_json())))
    assert numpy.allclose(trees.probability(x), fitted.predict_proba(x)[:, 1], atol=1e-5)
    assert Trees.constant(0.0).probability(x[:3]).tolist() == [0.5, 0.5, 0.5]


def test_entities_choose_keeps_the_likeliest_of_one_entity() -> None:
    doc, tokens = _doc(tagged={4: (3, 0.9), 5: (4, 0.8)})
    cands = [c for c in candidates(doc, _lexicon(tokens), 0.1) if c.role == "Victim"]
    keys = [c.key for c in cands]
    probs = [0.9 if k == "jose rivas" else 0.7 if k == "mayor jose rivas" else 0.1 for k in keys]
    model = EntityModel(Trees.constant(), {"Victim": 0.5})
    chosen = model.choose(cands, probs)
    assert [cands[k].key for k in chosen["Victim"]] == ["jose rivas"]
    assert same_thing("guerrillas", "urban guerrillas") and not same_thing(
        "guerrilla", "guerrillas"
    )


def test_entities_shipped_model_loads() -> None:
    if not (DEFAULT_MODEL / ENTITY_MODEL).exists():
        pytest.skip("no entity classifier in models/muc4")
    model = EntityModel.load(DEFAULT_MODEL / ENTITY_MODEL)
    lexicon = Lexicon.load(DEFAULT_MODEL / LEXICON)
    assert set(model.thresholds) == {"PerpInd", "PerpOrg", "Target", "Victim", "Weapon"}
    assert len(model.trees.roots) > 10 and len(lexicon.counts) > 1000
    assert mention_key("fmln") in lexicon.counts


REPORT = (
    "San Salvador, 3 May (EFE) -- The Farabundo Marti National Liberation Front (FMLN) "
    "claimed responsibility for the dynamite attack that destroyed the Cuscatlan bridge "
    "yesterday. The army said FMLN urban commandos planted the explosives. In an unrelated "
    "item, the Agriculture Ministry announced a new coffee price for the harvest, the "
    "minister, Antonio Cabrales, said."
)


def test_entities_shipped_classifier_keeps_a_claimed_perpetrator(extractor: Extractor) -> None:
    if extractor.entity_model is None:
        pytest.skip("no entity classifier in models/muc4")
    fillers = extractor.extract(REPORT).strings()
    orgs = {normalize(m) for e in fillers["PerpOrg"] for m in e}
    assert orgs & {"fmln", "farabundo marti national liberation front"}
    everything = {normalize(m) for es in fillers.values() for e in es for m in e}
    assert not everything & {"antonio cabrales", "agriculture ministry", "minister", "efe"}


def test_entities_mentions_quote_the_text(extractor: Extractor, tmp_path: Path) -> None:
    reading = extractor.extract(REPORT)
    for entities in reading.fillers.values():
        for entity in entities:
            assert len(entity) == 1
            for m in entity:
                assert REPORT[m.start : m.end] == m.text


def test_entities_extraction_runs_without_scikit_learn() -> None:
    """scikit-learn is for training only: loading the model and extracting must not import it."""
    script = (
        "import sys\n"
        "from incidentkb.muc4 import extract\n"
        f"fillers = extract({REPORT!r})\n"
        "assert fillers['PerpOrg'], fillers\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sklearn'))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
