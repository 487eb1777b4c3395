"""MUC-4 dev CEAF-REE for the learned extractor and the gazetteer baseline, speed, model size.

    .venv/bin/python bench/muc4.py [--corpus ../shared/corpora/muc4] [--model models/muc4]

Prints P/R/F1 per role and micro (CEAF-REE, incidentkb.muc4.score) on the dev split for
the shipped model (tagger + entity classifier), for the tagger with the threshold-based
aggregation alone, and for the baseline (a gazetteer built from the train split), documents/s
of the learned extractor over dev (3 times) with 1 and 2 processes (after a warm-up pass), and the
model's size on disk. Without the corpus it says so and exits 0.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CORPUS = REPO.parent / "shared" / "corpora" / "muc4"
SPEED_REPEAT = 3


def _size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--model", type=Path, default=REPO / "models" / "muc4")
    args = parser.parse_args(argv)
    dev_path, train_path = args.corpus / "dev.jsonl", args.corpus / "train.jsonl"
    if not dev_path.exists() or not train_path.exists():
        print(f"skipped: {args.corpus} has no train.jsonl/dev.jsonl (MUC-4 corpus absent)")
        return 0

    from incidentkb.muc4.baseline import Gazetteer
    from incidentkb.muc4.corpus import read_documents
    from incidentkb.muc4.extractor import Extractor
    from incidentkb.muc4.score import format_scores, gold_fillers, score

    dev = read_documents(dev_path)
    gold = gold_fillers(dev)
    texts = [d["text"] for d in dev]

    extractor = Extractor.load(args.model)
    list(extractor.read(texts[:20]))  # warm-up
    readings = list(extractor.read(texts))
    learned = {d["id"]: r.strings() for d, r in zip(dev, readings, strict=True)}
    timed = texts * SPEED_REPEAT  # long enough that starting a second process is amortised
    rates = {}
    for n_process in (1, 2):
        started = time.perf_counter()
        for _ in extractor.read(timed, n_process=n_process):
            pass
        rates[n_process] = len(timed) / (time.perf_counter() - started)
    print(format_scores(score(gold, learned), "learned"))
    if extractor.entity_model is not None:
        model = extractor.entity_model
        print(f"entity classifier: {len(model.trees.roots)} trees, thresholds {model.thresholds}")
        plain = Extractor(extractor.nlp, extractor.settings)  # the tagger + threshold step alone
        readings = list(plain.read(texts))
        previous = {d["id"]: r.strings() for d, r in zip(dev, readings, strict=True)}
        print()
        print(format_scores(score(gold, previous), "tagger"))
    print(f"settings (tagger + thresholds): {extractor.settings}")
    print()

    gazetteer = Gazetteer.from_corpus(read_documents(train_path))
    baseline = {d["id"]: gazetteer.extract(d["text"]) for d in dev}
    print(format_scores(score(gold, baseline), "baseline"))
    print()

    words = sum(len(t.split()) for t in texts) / len(texts)
    print(
        f"speed (dev x{SPEED_REPEAT}, {len(timed)} docs, {words:.0f} words/doc): "
        f"{rates[1]:.1f} docs/s in 1 process, {rates[2]:.1f} docs/s in 2 processes"
    )
    print(f"model size: {_size_mb(args.model):.1f} MB ({args.model})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
