"""Spike, second half: the project's document-level step and scorer on the per-word
probabilities that scripts/spikes/muc4_minilm.py wrote (/tmp/spike-muc4/probs_TAG_*.pkl).

Run with the project's venv (it has spaCy, which incidentkb.muc4.extractor imports):

    .venv/bin/python scripts/spikes/muc4_minilm_eval.py A-bilstm [B ...]

Settings are grid-searched on the held-out train documents (every 8th) as in
extractor.tune_settings (no incident-type scores here, so min_relevance stays 0), then dev
is scored once with the best settings.
"""

from __future__ import annotations

import itertools
import json
import pickle
import sys
from dataclasses import replace
from pathlib import Path

from incidentkb.muc4.extractor import Settings, Tagged, aggregate
from incidentkb.muc4.score import format_scores, score

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "muc4"
OUT = Path("/tmp/spike-muc4")


def gold() -> dict[str, dict]:
    out = {}
    for split in ("train", "dev"):
        with (CORPUS / f"{split}.jsonl").open(encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                out[d["id"]] = (d["text"], d["role_fillers"])
    return out


def tagged(rows, texts) -> list[tuple[str, Tagged]]:
    return [
        (
            r["id"],
            Tagged(
                texts[r["id"]][0], tuple(map(tuple, r["tokens"])), r["scores"], tuple(r["labels"])
            ),
        )
        for r in rows
    ]


def run(items, settings: Settings, texts) -> dict:
    g = {i: texts[i][1] for i, _ in items}
    p = {i: aggregate(t, settings).strings() for i, t in items}
    return score(g, p)


def main() -> None:
    texts = gold()
    for tag in sys.argv[1:]:
        held = tagged(pickle.load((OUT / f"probs_{tag}_held.pkl").open("rb")), texts)
        dev = tagged(pickle.load((OUT / f"probs_{tag}_dev.pkl").open("rb")), texts)
        best = None
        grid = itertools.product(
            (0.1, 0.2, 0.3, 0.4, 0.5, 0.6),
            (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8),
            (True, False),
            ("first", "longest", "frequent"),
        )
        for tok, conf, merge, choice in grid:
            s = replace(
                Settings(),
                token_threshold=tok,
                min_confidence=conf,
                merge_substrings=merge,
                representative=choice,
            )
            f1 = run(held, s, texts)["micro"]["f1"]
            if best is None or f1 > best[0]:
                best = (f1, s)
        print(f"== {tag}: held-out micro F1 {best[0]:.2f} with {best[1]}")
        print(format_scores(run(dev, best[1], texts), "dev"))
        default = Settings(
            token_threshold=0.5, min_confidence=0.0, merge_substrings=True, representative="first"
        )
        print(
            f"(dev at plain argmax-ish settings {default.token_threshold}/0/merge/first: "
            f"{run(dev, default, texts)['micro']['f1']:.2f})"
        )


if __name__ == "__main__":
    main()
