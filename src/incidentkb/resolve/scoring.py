"""How well reports were grouped into incidents: pairwise and B³ precision, recall and F1.

Both compare two assignments of the same items (reports) to clusters (incidents). Pairwise
counts pairs of items put together; B³ averages, per item, the share of its predicted cluster
that belongs to its gold cluster (precision) and the share of its gold cluster found in its
predicted cluster (recall). Pure functions over {item: cluster label}.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from typing import Any


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def pairwise(
    gold: Mapping[Hashable, Hashable], pred: Mapping[Hashable, Hashable]
) -> dict[str, float]:
    """Pairwise precision, recall and F1 over the items both assignments have. With no pair
    on a side, that side's score is 1 (nothing was wrongly joined, or nothing to find)."""
    items = [i for i in gold if i in pred]

    def pairs(counts: Counter[Any]) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    together_gold = pairs(Counter(gold[i] for i in items))
    together_pred = pairs(Counter(pred[i] for i in items))
    both = pairs(Counter((gold[i], pred[i]) for i in items))
    precision = both / together_pred if together_pred else 1.0
    recall = both / together_gold if together_gold else 1.0
    return {"precision": precision, "recall": recall, "f1": _f1(precision, recall)}


def b_cubed(
    gold: Mapping[Hashable, Hashable], pred: Mapping[Hashable, Hashable]
) -> dict[str, float]:
    """B³ precision, recall and F1 over the items both assignments have."""
    items = [i for i in gold if i in pred]
    if not items:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    pairs = Counter((gold[i], pred[i]) for i in items)
    gold_size = Counter(gold[i] for i in items)
    pred_size = Counter(pred[i] for i in items)
    precision = sum(pairs[(gold[i], pred[i])] / pred_size[pred[i]] for i in items) / len(items)
    recall = sum(pairs[(gold[i], pred[i])] / gold_size[gold[i]] for i in items) / len(items)
    return {"precision": precision, "recall": recall, "f1": _f1(precision, recall)}
