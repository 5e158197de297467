"""quad: the five-class (penta) category of a sentence, from the event the pipeline is surest of."""

from __future__ import annotations

from .scoring import confusion, macro, prf, share

DEV_FILE = "quad_dev.jsonl"
FIELDS = ("text", "label")
NAMES = ["statement", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"]


def penta_of(cameo: str | None) -> int | None:
    """The five-class category of a CAMEO code, from the codebook's ``penta`` convention."""
    from ..stages.events.codebook import codebook  # here, not at the top: `eventwire stats` loads no spaCy

    return codebook().quad_class(cameo, "penta") if cameo in codebook().codes else None


def predict(coded: dict) -> int | None:
    """Penta class of the highest-confidence event (ties → the more severe class); None when there is no event."""
    classes = [(e.get("confidence") or 0.0, c) for e in coded["events"] if (c := penta_of(e["cameo"])) is not None]
    return max(classes)[1] if classes else None


def _show(c: int | None) -> str:
    return "none (no event; scored 0)" if c is None else f"{c} {NAMES[c]}"


def score(records: list[dict], preds: list) -> tuple[dict, list]:
    """Single-label 5-class scoring; 'no event' is scored as class 0 (statement) and shown as 'none'."""
    gold = [r["label"] for r in records]
    scored = [0 if p is None else p for p in preds]
    classes = {}
    for c, name in enumerate(NAMES):
        tp = sum(g == c and p == c for g, p in zip(gold, scored, strict=True))
        classes[f"{c} {name}"] = {
            "gold": gold.count(c),
            "pred": scored.count(c),
            **prf(tp, scored.count(c), gold.count(c)),
        }
    accuracy = share(sum(g == p for g, p in zip(gold, scored, strict=True)), len(gold))
    figures = {
        "accuracy": accuracy,
        "micro_f1": accuracy,
        "macro_precision": macro(classes.values(), "precision"),
        "macro_recall": macro(classes.values(), "recall"),
        "macro_f1": macro(classes.values(), "f1"),
        "coverage": share(sum(p is not None for p in preds), len(gold)),
    }
    labels = list(range(len(NAMES))) + ["none"]
    table = confusion(gold, ["none" if p is None else p for p in preds], labels)
    report = {
        "figures": figures,
        "classes": classes,
        "confusion": {
            "labels": labels,
            "rows": table[: len(NAMES)],
            "note": "rows gold, columns predicted; 'none' = no event found, scored as 0 statement",
        },
    }
    cases = [
        {"errors": int(g != p), "expected": [_show(g)], "predicted": [_show(q)]}
        for g, p, q in zip(gold, scored, preds, strict=True)
    ]
    return report, cases
