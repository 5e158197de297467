"""quotes: who said what: the source, cue and content spans of each attribution."""

from __future__ import annotations

from .scoring import share
from .spans import SpanRow, match, shared, show_spans, span_figures, trim, unmatched_first

DEV_FILE = "quotes_dev.jsonl"
FIELDS = ("text", "attributions")
ROLES = ("source", "cue", "content")


def union(fragments) -> tuple[int, int] | None:
    """One span covering a list of [start, end] fragments (or a single [start, end]); None when empty."""
    if not fragments:
        return None
    if isinstance(fragments[0], int):
        return (fragments[0], fragments[1])
    return (min(f[0] for f in fragments), max(f[1] for f in fragments))


def predict(coded: dict) -> list[dict]:
    """One attribution per cue: the quotes sharing a cue are the fragments of one attribution (`"A," he said,
    "B"`, and the cue-less sentences that continue a quote), as in the gold, whose contents are fragment lists."""
    groups: dict = {}
    for q in coded["quotes"]:
        groups.setdefault(tuple(q["cue"]) if q["cue"] else q["id"], []).append(q)
    return [{role: union([q[role] for q in group if q[role]]) for role in ROLES} for group in groups.values()]


def _right_speakers(gold: list[dict], pred: list[dict]) -> tuple[int, int]:
    """Of the content pairs matched by overlap where both sides name a source: (pairs whose sources
    overlap, pairs)."""
    g_content = [a for a in gold if a["content"]]
    p_content = [q for q in pred if q["content"]]
    right = checked = 0
    for i, j in match([a["content"] for a in g_content], [q["content"] for q in p_content], "overlap"):
        gs, ps = g_content[i]["source"], p_content[j]["source"]
        if gs and ps:
            checked += 1
            right += shared(gs, ps) > 0
    return right, checked


def score(records: list[dict], preds: list) -> tuple[dict, list]:
    """Each role (source, cue, content) is matched on its own, using the union of a role's fragments.
    ``source_given_content``: of the content pairs matched by overlap where both sides name a source, the
    share whose sources overlap (is the right speaker attached to the right quote)."""
    rows = {r: SpanRow() for r in ROLES}
    right = checked = 0
    cases = []
    for rec, pred in zip(records, preds, strict=True):
        text = rec["text"]
        gold = [{r: trim(text, union(a[r])) for r in ROLES} for a in rec["attributions"]]
        pred = [{r: trim(text, q[r]) for r in ROLES} for q in pred]
        errors, expected, predicted = 0, [], []
        for role in ROLES:
            g = [a[role] for a in gold if a[role]]
            p = [q[role] for q in pred if q[role]]
            errors += rows[role].add(g, p)
            e, q = show_spans(text, g, p, lambda s, role=role: f" {role}")
            expected += e
            predicted += q
        r, c = _right_speakers(gold, pred)
        right, checked = right + r, checked + c
        cases.append({"errors": errors, "expected": unmatched_first(expected), "predicted": unmatched_first(predicted)})
    table = {r: rows[r].row() for r in ROLES}
    table["micro"] = SpanRow.pooled(rows.values()).row()
    figures = span_figures(table, list(ROLES))
    figures["source_given_content"] = share(right, checked)
    figures["source_given_content_n"] = checked
    return {"figures": figures, "spans": table}, cases
