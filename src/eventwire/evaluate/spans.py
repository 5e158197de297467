"""Matching character spans of gold and predicted items, and the exact/overlap span tables every span task uses.

* Spans are ``(start, end, ...)`` tuples; extra fields (a role, a value) ride along.
* Before matching, spans are trimmed of whitespace, quotation marks and punctuation at either end (:func:`trim`),
  so ``“We will.”`` and ``We will`` are the same span: conventions about quote marks differ between gold sets.
* Matching is one-to-one. *exact*: same start and end. *overlap*: at least one shared character; pairs are taken
  greedily by largest shared length, so one long prediction cannot match several gold spans.
* A record's error count (for ``--errors``): every missed gold span, every unmatched prediction and every
  overlap-only (boundary) match counts 1.
"""

from __future__ import annotations

from collections.abc import Callable

from .scoring import prf

MODES = ("exact", "overlap")
TRIM = set(" \t\n\r\u00a0\"'“”‘’«»„.,;:!?()[]{}—–-")


def shared(a, b) -> int:
    """Characters two ``(start, end, ...)`` spans have in common."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match(gold: list, pred: list, mode: str = "exact", compatible: Callable | None = None) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs of ``(start, end, ...)`` spans.

    ``mode`` is ``exact`` (same boundaries) or ``overlap`` (any shared character, largest overlap first).
    ``compatible(g, p)`` may forbid pairs, e.g. spans of different roles.
    """
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            n = shared(g, p)
            if n == 0 or (mode == "exact" and (g[0], g[1]) != (p[0], p[1])):
                continue
            if compatible is None or compatible(g, p):
                candidates.append((-n, i, j))
    used_g, used_p, pairs = set(), set(), []
    for _, i, j in sorted(candidates):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def trim(text: str, span):
    """A ``(start, end, ...)`` span (or None) without TRIM characters at its ends; left whole if nothing
    else is in it. Extra fields are kept."""
    if span is None:
        return None
    start, end = span[0], span[1]
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return span if start == end else (start, end, *span[2:])


def trim_all(text: str, spans: list) -> list:
    return [trim(text, s) for s in spans]


class SpanRow:
    """Gold/predicted counts and exact/overlap matches for one class of spans."""

    def __init__(self):
        self.gold = self.pred = self.exact = self.overlap = 0

    def add(self, gold: list, pred: list) -> int:
        """Match one record's spans; returns its error count."""
        e, o = len(match(gold, pred, "exact")), len(match(gold, pred, "overlap"))
        self.gold, self.pred = self.gold + len(gold), self.pred + len(pred)
        self.exact, self.overlap = self.exact + e, self.overlap + o
        return len(gold) + len(pred) - 2 * o + (o - e)

    @classmethod
    def pooled(cls, rows) -> SpanRow:
        """One row holding the counts of all ``rows`` (micro figures)."""
        total = cls()
        for r in rows:
            total.gold, total.pred = total.gold + r.gold, total.pred + r.pred
            total.exact, total.overlap = total.exact + r.exact, total.overlap + r.overlap
        return total

    def row(self) -> dict:
        return {
            "gold": self.gold,
            "pred": self.pred,
            "exact": prf(self.exact, self.pred, self.gold),
            "overlap": prf(self.overlap, self.pred, self.gold),
        }


def span_figures(rows: dict, macro_over: list[str] | None = None, micro: str = "micro") -> dict:
    """Flat headline figures of a span table: ``exact_f1``, ``overlap_f1`` (micro) and macro F1s."""
    out = {}
    m = rows[micro]
    for mode in MODES:
        for k in ("precision", "recall", "f1"):
            out[f"{mode}_{k}"] = m[mode][k]
        if macro_over:
            out[f"{mode}_macro_f1"] = sum(rows[c][mode]["f1"] for c in macro_over) / len(macro_over)
        for name, row in rows.items():
            if name != micro:
                out[f"{name}_{mode}_f1"] = row[mode]["f1"]
    return out


def show_spans(text: str, gold: list, pred: list, label: Callable = lambda s: "", compatible=None):
    """Expected and predicted spans as marked strings for --errors, unmatched first, then in text order:
    '=' matched exactly, '~' by overlap only, '!' unmatched."""
    pe, po = match(gold, pred, "exact", compatible), match(gold, pred, "overlap", compatible)

    def marked(spans, side):
        exact, over = {p[side] for p in pe}, {p[side] for p in po}
        marks = ["=" if k in exact else "~" if k in over else "!" for k in range(len(spans))]
        order = sorted(range(len(spans)), key=lambda k: ("!~=".index(marks[k]), spans[k][0]))
        return [f"{marks[k]} {text[spans[k][0] : spans[k][1]][:80]!r}{label(spans[k])}" for k in order]

    return marked(gold, 0), marked(pred, 1)


def unmatched_first(items: list[str]) -> list[str]:
    """Marked strings from :func:`show_spans` of several groups, re-sorted so that '!' comes before '~' and '='."""
    return sorted(items, key=lambda s: "!~=".index(s[0]))
