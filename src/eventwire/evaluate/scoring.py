"""Counting figures: precision, recall and F1 from counts, macro means and confusion tables.

P = tp / predicted, R = tp / gold, F1 = 2PR / (P + R); each is 0 where its denominator is 0, so an empty
sample scores 0 rather than failing. *micro* pools the counts of all classes; *macro* is the unweighted mean.
"""

from __future__ import annotations

from collections.abc import Iterable


def share(part: float, whole: float) -> float:
    """``part / whole``, or 0 when ``whole`` is 0."""
    return part / whole if whole else 0.0


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    """Precision, recall and F1 from counts (0 where undefined)."""
    p, r = share(tp, n_pred), share(tp, n_gold)
    return {"precision": p, "recall": r, "f1": share(2 * p * r, p + r)}


def macro(rows: Iterable[dict], key: str) -> float:
    """The unweighted mean of ``key`` over rows (0 for no rows)."""
    values = [row[key] for row in rows]
    return share(sum(values), len(values))


def confusion(gold: list, pred: list, labels: list) -> list[list[int]]:
    """Rows = gold label, columns = predicted label, in ``labels`` order."""
    index = {label: k for k, label in enumerate(labels)}
    table = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, pred, strict=True):
        table[index[g]][index[p]] += 1
    return table
