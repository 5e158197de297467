"""actors: source, target and reciprocal actor spans of the events in a sentence.

Two predictions are scored. *by role span* (the headline): an event's ``source_span`` / ``target_span``, the
whole noun phrase filling the role, where the event stage gives one; otherwise, as in *by mention*, each source
and target actor's mention inside the event's sentence nearest the trigger. The two agree until the event
stage fills role spans; both are reported so that the switch can be seen.
"""

from __future__ import annotations

from collections import Counter

from .scoring import prf, share
from .spans import MODES, SpanRow, match, show_spans, trim_all

DEV_FILE = "actor_spans_dev.jsonl"
FIELDS = ("text", "spans")
ROLES = ("source", "target", "reciprocal")


def _nearest_mention(mentions: list, sentence: list, trigger: list) -> tuple[int, int] | None:
    inside = [m for m in mentions if m[0] >= sentence[0] and m[1] <= sentence[1]]
    gap = lambda m: max(0, trigger[0] - m[1], m[0] - trigger[1])
    return tuple(min(inside, key=lambda m: (gap(m), m[0]))) if inside else None


def _add(out: list, spans: list) -> None:
    out.extend(s for s in spans if s not in out)


def predict(coded: dict) -> dict:
    """``mention``: (start, end, role) for each event's source/target actors, their mention in the event's
    sentence nearest the trigger; ``role_span``: the event's role span instead where it has one. Duplicates
    (same span and role from several events) are kept once. ``filled`` counts the event roles with a span or
    an actor, ``from_role_span`` those of them given as a role span."""
    actors = {a["id"]: a for a in coded["actors"]}
    by_mention, by_role_span, filled, from_role_span = [], [], 0, 0
    for e in coded["events"]:
        for role in ("source", "target"):
            mentions = []
            for actor_id in e[role] or []:
                actor = actors.get(actor_id)
                span = actor and _nearest_mention(actor["mentions"], e["sentence"], e["trigger"])
                if span:
                    mentions.append((*span, role))
            _add(by_mention, mentions)
            role_span = e.get(f"{role}_span")
            filled += bool(role_span or mentions)
            from_role_span += bool(role_span)
            _add(by_role_span, [(*role_span, role)] if role_span else mentions)
    return {
        "mention": sorted(by_mention),
        "role_span": sorted(by_role_span),
        "filled": filled,
        "from_role_span": from_role_span,
    }


def _role_ok(g, p) -> bool:
    return g[2] == p[2] or g[2] == "reciprocal"


class RoleCounts:
    """Matches per role, where a predicted source or target may match a reciprocal gold span."""

    def __init__(self):
        self.matches = {m: Counter() for m in MODES}  # ("tp" | "recip_pred", role) -> matches
        self.totals = Counter()  # ("gold" | "pred", role) -> spans
        self.any_role = SpanRow()

    def add(self, text: str, gold: list, pred: list) -> dict:
        """Count one record; returns its case for --errors."""
        self.any_role.add(gold, pred)
        pairs = {}
        for mode in MODES:
            pairs[mode] = match(gold, pred, mode, _role_ok)
            for i, j in pairs[mode]:
                self.matches[mode]["tp", gold[i][2]] += 1
                if gold[i][2] == "reciprocal":
                    self.matches[mode]["recip_pred", pred[j][2]] += 1
        self.totals.update(("gold", g[2]) for g in gold)
        self.totals.update(("pred", p[2]) for p in pred)
        expected, predicted = show_spans(text, gold, pred, lambda s: f" {s[2]}", _role_ok)
        errors = len(gold) + len(pred) - len(pairs["overlap"]) - len(pairs["exact"])
        return {"errors": errors, "expected": expected, "predicted": predicted}

    def rows(self) -> dict:
        rows = {}
        for role in ROLES:
            gold = self.totals["gold", role]
            row = {"gold": gold, "pred": self.totals["pred", role] if role != "reciprocal" else None}
            for mode in MODES:
                tp = self.matches[mode]["tp", role]
                if role == "reciprocal":
                    row[mode] = {"precision": None, "recall": share(tp, gold), "f1": None}
                else:
                    row[mode] = prf(tp, row["pred"] - self.matches[mode]["recip_pred", role], gold)
            rows[role] = row
        gold, pred = (sum(self.totals[side, r] for r in ROLES) for side in ("gold", "pred"))
        rows["micro"] = {
            "gold": gold,
            "pred": pred,
            **{m: prf(sum(self.matches[m]["tp", r] for r in ROLES), pred, gold) for m in MODES},
        }
        rows["any_role"] = self.any_role.row()
        return rows


def _figures(rows: dict) -> dict:
    figures = {}
    for mode in MODES:
        for k in ("precision", "recall", "f1"):
            figures[f"{mode}_{k}"] = rows["micro"][mode][k]
        figures[f"{mode}_macro_f1"] = (rows["source"][mode]["f1"] + rows["target"][mode]["f1"]) / 2
        for role in ("source", "target"):
            figures[f"{role}_{mode}_f1"] = rows[role][mode]["f1"]
        figures[f"reciprocal_{mode}_recall"] = rows["reciprocal"][mode]["recall"]
        figures[f"any_role_{mode}_f1"] = rows["any_role"][mode]["f1"]
    return figures


def score_spans(records: list[dict], preds: list[list]) -> tuple[dict, list]:
    """Per-role and micro span scores of one kind of prediction. A predicted source or target may match a
    reciprocal gold span; such a prediction counts in the reciprocal row only (which has recall but no
    precision). Macro = source, target. ``any_role`` scores span detection with roles ignored."""
    counts = RoleCounts()
    cases = []
    for rec, pred in zip(records, preds, strict=True):
        gold = trim_all(rec["text"], [(s["start"], s["end"], s["role"]) for s in rec["spans"]])
        cases.append(counts.add(rec["text"], gold, trim_all(rec["text"], pred)))
    rows = counts.rows()
    return {"figures": _figures(rows), "spans": rows}, cases


def score(records: list[dict], preds: list[dict]) -> tuple[dict, list]:
    """The role-span prediction is the headline (figures, span table, cases); the mention prediction adds its
    table (``spans_by_mention``) and its exact and overlap figures prefixed ``mention_``. ``role_span_share``:
    the share of the predicted event roles that came from a role span rather than a mention."""
    report, cases = score_spans(records, [p["role_span"] for p in preds])
    by_mention, _ = score_spans(records, [p["mention"] for p in preds])
    keep = ("exact_f1", "overlap_f1", "exact_macro_f1", "overlap_macro_f1")
    report["figures"].update({f"mention_{k}": by_mention["figures"][k] for k in keep})
    report["figures"]["role_span_share"] = share(
        sum(p["from_role_span"] for p in preds), sum(p["filled"] for p in preds)
    )
    report["spans_by_mention"] = by_mention["spans"]
    return report, cases
