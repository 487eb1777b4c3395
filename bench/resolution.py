"""Cross-document resolution on our own stream of reports (samples/stream): are reports grouped
into the right incidents, and are the final tolls right?

    .venv/bin/python bench/resolution.py [--orders 3] [--json]

Ingests samples/stream/reports into a fresh SQLite database, once in file order and then in
--orders shuffled orders (and the first order twice), and prints:
- pairwise and B³ precision / recall / F1 of the documents' main incidents against the gold;
- per gold incident, the final best killed / injured against the gold, and whether every best
  value is one some report states;
- whether every order gave the same incidents with the same values.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from incidentkb.pipeline import ingest
from incidentkb.resolve.scoring import b_cubed, pairwise
from incidentkb.store import open_store

ROOT = Path(__file__).resolve().parent.parent
STREAM = ROOT / "samples" / "stream"


def load(paths: list[Path]) -> tuple[dict[str, Any], dict[str, str], list[dict[str, Any]]]:
    """Ingest the paths in this order into a fresh database: its incidents by frame,
    document ids by gold file name, and the records."""
    with tempfile.TemporaryDirectory() as tmp, open_store(str(Path(tmp) / "s.db")) as store:
        for path in paths:
            ingest([path], store, workers=1)
        records = store.incidents()
        by_frame = {f: r for r in records for f in store.incident_frame_ids(r["id"])}
        files = {}
        for doc in store.documents():
            name = "reports/" + Path(doc.source or "").name
            files[f"{name}#{doc.ref}" if doc.source and doc.source.endswith(".jsonl") else name] = (
                doc.id
            )
    return by_frame, files, records


def score(gold: dict[str, Any], by_frame: dict[str, Any], files: dict[str, str]) -> dict[str, Any]:
    truth, pred = {}, {}
    for d in gold["documents"]:
        doc_id = files[d["file"]]
        truth[d["file"]] = d["incidents"][0]
        pred[d["file"]] = by_frame[f"{doc_id}:0"]["id"]
    tolls = []
    for inc in gold["incidents"]:
        if inc.get("background"):
            continue
        docs = [d["file"] for d in gold["documents"] if inc["key"] in d["incidents"]]
        if not docs:
            continue
        ids = Counter(
            r["id"]
            for f in docs
            for n in range(4)
            if (r := by_frame.get(f"{files[f]}:{n}")) is not None and _about(r, inc)
        )
        if not ids:
            ids = Counter(pred[f] for f in docs if truth[f] == inc["key"])
        record = (
            next(r for r in by_frame.values() if r["id"] == ids.most_common(1)[0][0]) if ids else {}
        )
        tolls.append(_tolls(inc, record))
    return {
        "documents": len(truth),
        "gold_incidents": len(set(truth.values())),
        "predicted_incidents": len(set(pred.values())),
        "pairwise": pairwise(truth, pred),
        "b_cubed": b_cubed(truth, pred),
        "tolls": tolls,
    }


def _about(record: dict[str, Any], inc: dict[str, Any]) -> bool:
    """A roundup's other incident: the frame whose date or type is the gold incident's."""
    date = (record.get("date") or {}).get("value")
    return date == inc.get("date") and not record.get("background")


def _tolls(inc: dict[str, Any], record: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"incident": inc["key"], "record": record.get("id")}
    for field in ("killed", "injured"):
        count = record.get(field) or {}
        best = count.get("best")
        stated = {c["value"] for c in count.get("claims", []) if c.get("field") == field}
        out[field] = {
            "gold": inc.get(field),
            "best": best,
            "right": best == inc.get(field),
            "stated": best is None or best in stated or bool(count.get("derived")),
        }
    return out


def fingerprint(by_frame: dict[str, Any]) -> set[tuple[Any, ...]]:
    groups: dict[str, list[str]] = {}
    for frame, r in by_frame.items():
        groups.setdefault(r["id"], []).append(frame)
    out = set()
    for inc_id, frames in groups.items():
        r = by_frame[frames[0]]
        out.add(
            (
                inc_id,
                tuple(sorted(frames)),
                (r.get("killed") or {}).get("best"),
                (r.get("injured") or {}).get("best"),
            )
        )
    return out


GVA = ROOT.parent / "shared" / "corpora" / "gva-news" / "dev.jsonl"


def gva() -> int:
    """Grouping of the GVA dev articles (several per shooting) against their incident keys."""
    if not GVA.is_file():
        print(f"skipped gva-news: {GVA} not found")
        return 0
    truth = {}
    for line in GVA.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        truth[item["id"]] = item["incident_key"]
    with tempfile.TemporaryDirectory() as tmp, open_store(str(Path(tmp) / "g.db")) as store:
        ingest([GVA], store)
        pred = {}
        for r in store.incidents():
            for frame in store.incident_frame_ids(r["id"]):
                doc_id, n = frame.rsplit(":", 1)
                if n == "0":
                    pred[doc_id] = r["id"]
        refs = {d.id: d.ref for d in store.documents()}
    pred = {refs[d]: p for d, p in pred.items()}
    print(
        f"gva-news dev: {len(truth)} articles, {len(set(truth.values()))} incidents, "
        f"{len(set(pred.values()))} predicted"
    )
    for name, fn in (("pairwise", pairwise), ("b_cubed", b_cubed)):
        sc = fn(truth, pred)
        print(f"{name:9} P {sc['precision']:.3f}  R {sc['recall']:.3f}  F1 {sc['f1']:.3f}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=3, help="shuffled orders to compare")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--gva", action="store_true", help="also group the GVA dev articles")
    args = parser.parse_args()
    if args.gva:
        gva()
    gold = json.loads((STREAM / "gold.json").read_text(encoding="utf-8"))
    paths = sorted((STREAM / "reports").iterdir())
    by_frame, files, _ = load(paths)
    result = score(gold, by_frame, files)
    first = fingerprint(by_frame)
    same = [fingerprint(load(paths)[0]) == first]  # the same reports twice
    rng = random.Random(1)
    for _ in range(args.orders):
        shuffled = paths[:]
        rng.shuffle(shuffled)
        same.append(fingerprint(load(shuffled)[0]) == first)
    result["orders_identical"] = same
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    _print(result)
    return 0


def _print(r: dict[str, Any]) -> None:
    print(
        f"{r['documents']} documents, {r['gold_incidents']} gold incidents,"
        f" {r['predicted_incidents']} predicted"
    )
    for name in ("pairwise", "b_cubed"):
        s = r[name]
        print(f"{name:9} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    right = {f: sum(t[f]["right"] for t in r["tolls"]) for f in ("killed", "injured")}
    unstated = sum(not t[f]["stated"] for t in r["tolls"] for f in ("killed", "injured"))
    n = len(r["tolls"])
    print(
        f"final best equal to gold: killed {right['killed']}/{n}, injured {right['injured']}/{n};"
        f" both {sum(t['killed']['right'] and t['injured']['right'] for t in r['tolls'])}/{n};"
        f" best values no claim states: {unstated}"
    )
    for t in r["tolls"]:
        k, i = t["killed"], t["injured"]
        mark = "" if k["right"] and i["right"] else "   <-"
        print(
            f"  {t['incident']:34} killed {k['best']!s:>5} / {k['gold']!s:>5}"
            f"   injured {i['best']!s:>5} / {i['gold']!s:>5}{mark}"
        )
    print(f"same incidents and values in every order (and twice): {all(r['orders_identical'])}")


if __name__ == "__main__":
    sys.exit(main())
