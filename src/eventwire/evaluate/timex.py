"""timex: time expressions (TIMEX3 spans) with their type and normalised TimeML value."""

from __future__ import annotations

import re

from .scoring import share
from .spans import SpanRow, match, show_spans, span_figures, trim_all

DEV_FILE = "timex_dev.jsonl"
FIELDS = ("text", "timexes")


def same_value(gold, predicted) -> bool:
    """TimeML values are equal as written, or as the same ISO week written with and without its leading
    zero ("2000-W7" and "2000-W07")."""
    unpad = lambda v: re.sub(r"-W0(\d)\b", r"-W\1", str(v).strip())
    return unpad(gold) == unpad(predicted)


def predict(coded: dict) -> list[tuple]:
    return [(t["start"], t["end"], t["type"], t["value"]) for t in coded["timexes"]]


def score(records: list[dict], preds: list) -> tuple[dict, list]:
    """Extraction (all timexes; per gold type, matching only predictions of that type), then over the pairs
    matched by overlap (types ignored): value accuracy (same normalised value) and type accuracy."""
    rows = {"micro": SpanRow()}
    value_ok = type_ok = pairs_n = 0
    cases = []
    for rec, pred in zip(records, preds, strict=True):
        gold = trim_all(rec["text"], [(t["start"], t["end"], t["type"], t["value"]) for t in rec["timexes"]])
        pred = trim_all(rec["text"], pred)
        errors = rows["micro"].add(gold, pred)
        for kind in sorted({g[2] for g in gold} | {p[2] for p in pred}):
            rows.setdefault(kind, SpanRow()).add([g for g in gold if g[2] == kind], [p for p in pred if p[2] == kind])
        for i, j in match(gold, pred, "overlap"):
            pairs_n += 1
            value_ok += same_value(gold[i][3], pred[j][3])
            type_ok += gold[i][2] == pred[j][2]
            errors += str(gold[i][3]).strip() != str(pred[j][3]).strip()
        expected, predicted = show_spans(rec["text"], gold, pred, lambda s: f" {s[2]} {s[3]}")
        cases.append({"errors": errors, "expected": expected, "predicted": predicted})
    table = {k: r.row() for k, r in sorted(rows.items(), key=lambda kv: (kv[0] == "micro", kv[0]))}
    figures = span_figures(table)
    figures.update(value_accuracy=share(value_ok, pairs_n), type_accuracy=share(type_ok, pairs_n), matched=pairs_n)
    return {"figures": figures, "spans": table}, cases
