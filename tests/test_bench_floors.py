"""The quality gate in CI: bench/quality.py's floors, on the seed and the samples only (fast).

The large dev corpora are gated by `make bench`; time is never gated."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _quality():
    spec = importlib.util.spec_from_file_location("bench_quality", BENCH / "quality.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


quality = _quality()


@pytest.mark.parametrize("corpus", quality.FAST)
def test_quality_holds_its_floors(corpus: str) -> None:
    assert quality.FLOORS.exists(), (
        "bench/floors.json is missing: run bench/quality.py --update-floors"
    )
    (outcome,) = quality.gate([corpus])
    if outcome.status == "skip":
        pytest.skip(f"{corpus}: {outcome.why}")
    assert outcome.status == "pass", f"{corpus} fell below its floors:\n" + "\n".join(outcome.drops)


def test_gate_fails_a_drop() -> None:
    report = {
        "fields": {"killed.best": {"precision": 0.9, "recall": 0.5}},
        "unstated_values": 0,
    }
    floor = {"fields": {"killed.best": {"precision": 0.8, "recall": 0.6}}, "unstated_values": 0}
    assert quality.compare(report, floor) == ["killed.best recall: 50.0 < floor 60.0"]
    report["fields"]["killed.best"]["recall"] = 0.6
    assert quality.compare(report, floor) == []
