"""Per-field precision/recall against gold, gated by the floors in bench/floors.json.

    .venv/bin/python bench/quality.py [--corpus NAME ...] [--update-floors]

Corpora: the seed gold record, the sample gold records (samples/gold/), and the labelled
GVA news and RAND-RDWTI dev sets from ../shared/corpora. Exits 1 when a figure falls below
its floor. A corpus is skipped, saying why, when its files are absent, when its hash differs
from the one its floors were set on (the figures would not be comparable), or when it has no
floors yet. `--update-floors` writes the current figures minus MARGIN as the new floors.
Time never fails the gate; only quality does.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = REPO.parent / "shared" / "corpora"
FLOORS = HERE / "floors.json"
# a floor sits this far under the measured figure: the seed and samples are small, so one
# document more or less right moves a field by several points; 0.02 still catches that
MARGIN = 0.02

CORPORA: dict[str, Path] = {
    "seed": SHARED / "seed" / "kerman-2024.gold.json",
    "samples": REPO / "samples" / "gold",
    "gva-news": SHARED / "gva-news" / "dev.jsonl",
    "rand-rdwti": SHARED / "rand-rdwti" / "dev.jsonl",
}
FAST = ("seed", "samples")  # what the test suite gates on


@dataclass(slots=True)
class Outcome:
    corpus: str
    status: str  # "pass", "fail" or "skip"
    why: str = ""
    drops: list[str] = field(default_factory=list)
    report: dict[str, Any] | None = None
    sha256: str | None = None


def _gold_files(path: Path) -> list[Path]:
    """The files a corpus's figures depend on: gold records and the reports they name."""
    if path.suffix == ".jsonl":
        return [path]
    golds = sorted(path.glob("*.gold.json")) if path.is_dir() else [path]
    files = list(golds)
    for gold in golds:
        name = json.loads(gold.read_text(encoding="utf-8")).get("document", "")
        # where evaluation._gold_document looks for it
        for candidate in (gold.parent / name, gold.parent.parent / "reports" / name):
            if name and candidate.is_file():
                files.append(candidate)
                break
    return files


def corpus_hash(path: Path) -> str:
    """sha256 of the corpus file; for gold records, of each record and its report, in order."""
    files = _gold_files(path)
    if len(files) == 1:
        return hashlib.sha256(files[0].read_bytes()).hexdigest()
    h = hashlib.sha256()
    for f in files:
        h.update(f.name.encode() + b"\0" + hashlib.sha256(f.read_bytes()).digest())
    return h.hexdigest()


def evaluate(path: Path) -> dict[str, Any]:
    from incidentkb.evaluation import evaluate_paths

    return evaluate_paths([path])


def compare(report: dict[str, Any], floor: dict[str, Any]) -> list[str]:
    """Every figure below its floor, as 'field measure: got < floor'."""
    drops = []
    for name, want in sorted(floor.get("fields", {}).items()):
        got = report["fields"].get(name)
        if got is None:
            drops.append(f"{name}: no longer measured (floors {want})")
            continue
        for measure in ("precision", "recall"):
            low = want.get(measure)
            value = got.get(measure)
            if low is None:
                continue
            # a precision with no predictions at all is a drop to 0
            if (value or 0.0) < low - 1e-9:
                drops.append(f"{name} {measure}: {_pct(value)} < floor {_pct(low)}")
    ceiling = floor.get("unstated_values")
    if ceiling is not None and report["unstated_values"] > ceiling:
        drops.append(f"values no text states: {report['unstated_values']} > {ceiling}")
    return drops


def check(name: str, floors: dict[str, Any]) -> Outcome:
    path = CORPORA[name]
    if not path.exists():
        return Outcome(name, "skip", f"{path} is absent")
    digest = corpus_hash(path)
    floor = floors.get("corpora", {}).get(name)
    if floor is None:
        return Outcome(name, "skip", "no floors yet: run with --update-floors", sha256=digest)
    if floor.get("sha256") != digest:
        why = f"its files changed (sha256 {digest[:12]}, floors set on {floor.get('sha256', '')[:12]}): run with --update-floors"
        return Outcome(name, "skip", why, sha256=digest)
    report = evaluate(path)
    drops = compare(report, floor)
    status = "fail" if drops else "pass"
    return Outcome(name, status, "", drops, report, digest)


def gate(names: Iterable[str] = tuple(CORPORA), floors_path: Path = FLOORS) -> list[Outcome]:
    """The quality gate: each named corpus measured against its floors."""
    floors = json.loads(floors_path.read_text(encoding="utf-8")) if floors_path.exists() else {}
    return [check(name, floors) for name in names]


def new_floors(name: str, report: dict[str, Any], digest: str) -> dict[str, Any]:
    def below(x: float | None) -> float | None:
        return None if x is None else round(max(0.0, x - MARGIN), 4)

    return {
        "path": _display(CORPORA[name]),
        "sha256": digest,
        "documents": report["documents"],
        "unstated_values": report["unstated_values"],
        "fields": {
            k: {"precision": below(v["precision"]), "recall": below(v["recall"])}
            for k, v in report["fields"].items()
        },
    }


def update_floors(names: Iterable[str], floors_path: Path = FLOORS) -> list[Outcome]:
    """Measure each present corpus and write its floors; absent corpora keep theirs."""
    floors = json.loads(floors_path.read_text(encoding="utf-8")) if floors_path.exists() else {}
    floors["margin"] = MARGIN
    corpora = floors.setdefault("corpora", {})
    outcomes = []
    for name in names:
        path = CORPORA[name]
        if not path.exists():
            outcomes.append(Outcome(name, "skip", f"{path} is absent; its floors are kept"))
            continue
        digest = corpus_hash(path)
        report = evaluate(path)
        corpora[name] = new_floors(name, report, digest)
        outcomes.append(Outcome(name, "pass", "floors updated", report=report, sha256=digest))
    floors["corpora"] = dict(sorted(corpora.items()))
    floors_path.write_text(json.dumps(floors, indent=2) + "\n", encoding="utf-8")
    return outcomes


def _display(path: Path) -> str:
    for root, label in ((REPO, ""), (SHARED.parent.parent, "../")):
        if path.is_relative_to(root):
            return label + str(path.relative_to(root))
    return str(path)


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}"


def _f1(p: float | None, r: float | None) -> float | None:
    return None if not p or not r else 2 * p * r / (p + r)


def print_outcomes(outcomes: list[Outcome], floors_path: Path = FLOORS) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if not console.is_terminal:
        console.width = 120
    floors = json.loads(floors_path.read_text(encoding="utf-8")) if floors_path.exists() else {}
    for o in outcomes:
        if o.report is None:
            console.print(f"{o.corpus}: skipped: {o.why}", markup=False, highlight=False)
            continue
        floor = floors.get("corpora", {}).get(o.corpus, {}).get("fields", {})
        title = f"{o.corpus}: {o.report['documents']} documents ({_display(CORPORA[o.corpus])})"
        cols = ["field", "precision", "(floor)", "recall", "(floor)", "F1", "tp", "pred", "gold"]
        table = Table(*cols, title=title)
        for name, s in o.report["fields"].items():
            f = floor.get(name, {})
            table.add_row(
                name,
                _pct(s["precision"]),
                _pct(f.get("precision")),
                _pct(s["recall"]),
                _pct(f.get("recall")),
                _pct(_f1(s["precision"], s["recall"])),
                str(s["tp"]),
                str(s["pred"]),
                str(s["gold"]),
            )
        console.print(table)
        console.print(
            f"values no text states: {o.report['unstated_values']}", markup=False, highlight=False
        )
        for problem in o.report["problems"]:
            console.print(problem, markup=False, style="red")
        verdict = {"pass": "PASS", "fail": "FAIL"}[o.status] + (f" ({o.why})" if o.why else "")
        console.print(f"{o.corpus}: {verdict}", markup=False, highlight=False)
        for drop in o.drops:
            console.print(f"  below floor: {drop}", markup=False, style="red")
        console.print()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument(
        "--corpus", action="append", choices=sorted(CORPORA), help="only this corpus (repeatable)"
    )
    ap.add_argument(
        "--update-floors",
        action="store_true",
        help=f"write the current figures minus {MARGIN} as the floors",
    )
    args = ap.parse_args(argv)
    names = args.corpus or list(CORPORA)
    if args.update_floors:
        outcomes = update_floors(names)
        print_outcomes(outcomes)
        print(f"wrote {_display(FLOORS)}")
        return 0
    outcomes = gate(names)
    print_outcomes(outcomes)
    failed = [o.corpus for o in outcomes if o.status == "fail"]
    skipped = [o.corpus for o in outcomes if o.status == "skip"]
    print(
        f"quality gate: {len(outcomes) - len(failed) - len(skipped)} passed, "
        f"{len(failed)} failed{' (' + ', '.join(failed) + ')' if failed else ''}, "
        f"{len(skipped)} skipped"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
