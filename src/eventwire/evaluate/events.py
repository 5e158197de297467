"""events: who did what to whom — PLOVER types, (source, target, type) dyads, modality, role spans, and why
each gold event was missed.

Gold events are compared as countries (:func:`~.countries.country_of`). Scoring has two levels:

* per record, the *set* of PLOVER types and the *set* of (source country, target country, type) dyads
  (an event with two sources gives two dyads); ``events_per_gold`` = typed predicted events / gold events;
* per event: each gold event is *aligned* with at most one predicted event of its record (one-to-one, greedily,
  best first: triggers overlap, then same type, then more shared countries; a pair needs an overlapping trigger,
  the same type or the same non-empty dyad). Aligned pairs of the same type give ``modality_accuracy``. A gold
  event whose dyads are not all among the record's predicted dyads gets failure labels (:data:`FAILURES`), each
  tied to a failure class of issue 11; predicted events left unaligned are extra events or duplicates.

Role spans (where the gold gives ``source_spans`` / ``target_spans``): per record, the set of gold role spans
against the set of predicted events' ``source_span`` / ``target_span``, matched within a role, exact and overlap.
"""

from __future__ import annotations

from collections import Counter

from .countries import country_of
from .scoring import macro, prf, share
from .spans import MODES, SpanRow, shared, trim_all

DEV_FILE = "events_dev.jsonl"
FIELDS = ("text", "events")
ROLES = ("source", "target")
NOT_ASSERTED = "gold modality not asserted"
WRONG_MODALITY = "wrong modality (type right)"
COMPOUND = "compound event not split (dyads right)"
DYADS_RIGHT = {WRONG_MODALITY, COMPOUND}  # labels that leave the gold event's type and dyads right

# failure label -> failure class of issue 11 (its list "What to fix"); '-' where no class applies
FAILURES = {
    "event missing entirely": "4 lexicon",
    "event missing, no actor found in source span": "1 actors",
    f"event missing, {NOT_ASSERTED}": "3 complement/modality",
    COMPOUND: "5 coordination",
    "event missing, its trigger coded for another actor": "5 coordination",
    "wrong type": "4 lexicon",
    f"wrong type, {NOT_ASSERTED}": "3 complement/modality",
    **{
        label.format(role=role): cls
        for role in ROLES
        for label, cls in (
            ("no {role} actor found in {role} span", "1 actors"),
            ("{role} actor in span has no or another code", "1 actors"),
            ("{role} actor found in span but not assigned", "2 role filling"),
            ("wrong {role} actor chosen", "2 role filling"),
            ("{role} where gold has none", "2 role filling"),
            ("{role} wrong (gold has no spans to tell why)", "-"),
        )
    },
    WRONG_MODALITY: "3 complement/modality",
    "extra event": "-",
    "extra event, dyads right (gold event split)": "5 coordination",
    "duplicate event": "6 duplicates",
}


def predict(coded: dict) -> dict:
    """``events``: each event's PLOVER type (None for CAMEO 01/02), the countries of its sources and targets,
    modality, trigger and role spans; ``mentions``: (start, end, country) of every actor mention (to tell a
    missing actor from a role left unfilled)."""
    actors = {a["id"]: a for a in coded["actors"]}
    country = lambda a: country_of(a["code"], a["type"], a["country"])

    def countries(ids):
        return sorted({c for i in ids or [] if (a := actors.get(i)) and (c := country(a))})

    events = [
        {
            "plover": e["plover"],
            "source": countries(e["source"]),
            "target": countries(e["target"]),
            "modality": e.get("modality"),
            "trigger": e.get("trigger"),
            "source_span": e.get("source_span"),
            "target_span": e.get("target_span"),
        }
        for e in coded["events"]
    ]
    mentions = [(m[0], m[1], country(a)) for a in coded["actors"] for m in a["mentions"]]
    return {"events": events, "mentions": mentions}


def gold_event(e: dict) -> dict:
    """A gold event with its codes read as countries; fields the held-out format lacks are None."""
    return {
        "plover": e["plover"],
        "source": sorted({country_of(c) for c in e["source"]}),
        "target": sorted({country_of(c) for c in e["target"]}),
        "modality": e.get("modality"),
        "trigger": e.get("trigger"),
        "source_spans": e.get("source_spans"),
        "target_spans": e.get("target_spans"),
    }


def dyads(e: dict) -> set:
    return {(s, t, e["plover"]) for s in (e["source"] or [None]) for t in (e["target"] or [None])}


def _affinity(g: dict, p: dict) -> tuple | None:
    trigger = bool(g["trigger"] and p["trigger"] and shared(g["trigger"], p["trigger"]))
    same_type = g["plover"] == p["plover"]
    same_dyad = bool(g["source"]) and (g["source"], g["target"]) == (p["source"], p["target"])
    if not (trigger or same_type or same_dyad):
        return None
    return trigger, same_type, len(set(g["source"]) & set(p["source"])) + len(set(g["target"]) & set(p["target"]))


def align(gold: list[dict], pred: list[dict]) -> dict[int, int]:
    """Gold event index → aligned predicted event index, one-to-one, best affinity first."""
    candidates = [(key, i, j) for i, g in enumerate(gold) for j, p in enumerate(pred) if (key := _affinity(g, p))]
    pairs, used = {}, set()
    for _, i, j in sorted(candidates, key=lambda c: ([-k for k in c[0]], c[1], c[2])):
        if i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)
    return pairs


def _in_spans(spans: list, mentions: list) -> set:
    """Countries of the actor mentions that overlap any of the spans (None for an actor without one)."""
    return {c for s, e, c in mentions if any(shared((s, e), span) for span in spans)}


def _role_failure(role: str, g: dict, p: dict, mentions: list) -> str | None:
    gold, got = set(g[role]), set(p[role])
    if gold == got or (gold and gold <= got):
        return None
    if not gold:
        return f"{role} where gold has none"
    if g[f"{role}_spans"] is None:
        return f"{role} wrong (gold has no spans to tell why)"
    found = _in_spans(g[f"{role}_spans"], mentions)
    if not found:
        return f"no {role} actor found in {role} span"
    if not got:
        return f"{role} actor found in span but not assigned"
    return f"wrong {role} actor chosen" if gold <= found else f"{role} actor in span has no or another code"


def failures(g: dict, p: dict | None, pred: dict, pred_dyads: set) -> list[str]:
    """Failure labels of a gold event given its aligned predicted event (None: none aligned) and the record's
    prediction (typed events only); [] when right."""
    mentions = pred["mentions"]
    complement = f", {NOT_ASSERTED}" if g["modality"] not in (None, "asserted") else ""
    if dyads(g) <= pred_dyads:
        if p is None:
            return [COMPOUND]
        right_modality = p["plover"] != g["plover"] or not g["modality"] or g["modality"] == p["modality"]
        return [] if right_modality else [WRONG_MODALITY]
    if p is None:
        if g["source"] and g["source_spans"] is not None and not _in_spans(g["source_spans"], mentions):
            return ["event missing, no actor found in source span"]
        if g["trigger"] and any(q["trigger"] and shared(g["trigger"], q["trigger"]) for q in pred["events"]):
            return ["event missing, its trigger coded for another actor"]
        return ["event missing" + (complement or " entirely")]
    found = ["wrong type" + complement] if p["plover"] != g["plover"] else []
    return found + [f for role in ROLES if (f := _role_failure(role, g, p, mentions))]


def extra(j: int, pred: list[dict], aligned: set, gold_dyads: set) -> str:
    """Why predicted event ``j``, aligned with no gold event, is there."""
    twin = lambda k: pred[k]["plover"] == pred[j]["plover"] and dyads(pred[k]) == dyads(pred[j])
    if any(twin(k) for k in range(len(pred)) if k < j or (k in aligned and k != j)):
        return "duplicate event"
    return "extra event, dyads right (gold event split)" if dyads(pred[j]) <= gold_dyads else "extra event"


def _show(e: dict, mark: str, notes: list[str]) -> str:
    roles = " -[{}]-> ".format(e["plover"]).join("+".join(e[r]) or "-" for r in ROLES)
    modality = f" ({e['modality']})" if e.get("modality") else ""
    return f"{mark} {roles}{modality}" + (" — " + "; ".join(notes) if notes else "")


def _role_spans(text: str, spans_of: list[tuple[str, list]]) -> dict[str, list]:
    """Trimmed, de-duplicated spans per role from (role, [span, ...]) pairs."""
    out = {role: [] for role in ROLES}
    for role, spans in spans_of:
        for span in trim_all(text, [tuple(s) for s in spans if s]):
            if span not in out[role]:
                out[role].append(span)
    return out


class EventCounts:
    """Everything counted over the records of an events gold set."""

    def __init__(self, with_spans: bool):
        self.types: dict[str, Counter] = {}
        self.counts = Counter()  # dyad tp/gold/pred, events, modality, right events
        self.failures = Counter()
        self.spans = {role: SpanRow() for role in ROLES} if with_spans else None

    def add(self, rec: dict, pred: dict) -> dict:
        """Count one record; returns its case for --errors."""
        gold = [gold_event(e) for e in rec["events"]]
        events = [p for p in pred["events"] if p["plover"]]
        self._types({g["plover"] for g in gold}, {p["plover"] for p in events})
        g_dyads, p_dyads = set().union(*map(dyads, gold)), set().union(*map(dyads, events))
        self.counts.update(
            dyad_gold=len(g_dyads),
            dyad_pred=len(p_dyads),
            dyad_tp=len(g_dyads & p_dyads),
            gold=len(gold),
            pred=len(events),
        )
        pairs = align(gold, events)
        expected, predicted, errors = [], [], 0
        for i, g in enumerate(gold):
            p = events[pairs[i]] if i in pairs else None
            found = failures(g, p, {**pred, "events": events}, p_dyads)
            self.failures.update(found)
            self.counts["right"] += set(found) <= DYADS_RIGHT
            errors += bool(found)
            if p is not None and p["plover"] == g["plover"] and g["modality"]:
                self.counts.update(modality_n=1, modality_ok=p["modality"] == g["modality"])
            expected.append(_show(g, "!" if found else "=", found))
        aligned = set(pairs.values())
        for j, p in enumerate(events):
            notes = [] if j in aligned else [extra(j, events, aligned, g_dyads)]
            self.failures.update(notes)
            errors += bool(notes)
            predicted.append(_show(p, "!" if notes or not dyads(p) <= g_dyads else "=", notes))
        if self.spans is not None:
            self._spans(rec["text"], rec["events"], events)
        return {"errors": errors, "expected": expected, "predicted": predicted}

    def _types(self, gold: set, pred: set) -> None:
        for t in gold | pred:
            c = self.types.setdefault(t, Counter())
            c.update(gold=t in gold, pred=t in pred, tp=t in gold and t in pred)

    def _spans(self, text: str, gold: list[dict], pred: list[dict]) -> None:
        g = _role_spans(text, [(role, e.get(f"{role}_spans") or []) for e in gold for role in ROLES])
        p = _role_spans(text, [(role, [e[f"{role}_span"]]) for e in pred for role in ROLES])
        for role in ROLES:
            self.spans[role].add(g[role], p[role])

    def report(self) -> dict:
        c = self.counts
        classes = {
            t: {"gold": n["gold"], "pred": n["pred"], **prf(n["tp"], n["pred"], n["gold"])}
            for t, n in sorted(self.types.items())
        }
        micro = prf(*(sum(n[k] for n in self.types.values()) for k in ("tp", "pred", "gold")))
        figures = {
            **{f"type_micro_{k}": micro[k] for k in ("f1", "precision", "recall")},
            **{f"type_macro_{k}": macro(classes.values(), k) for k in ("f1", "precision", "recall")},
            **{f"dyad_{k}": v for k, v in prf(c["dyad_tp"], c["dyad_pred"], c["dyad_gold"]).items()},
            "events_per_gold": share(c["pred"], c["gold"]),
            "gold_events": c["gold"],
            "gold_events_right": share(c["right"], c["gold"]),
            "modality_accuracy": share(c["modality_ok"], c["modality_n"]),
            "modality_n": c["modality_n"],
        }
        report = {"figures": figures, "classes": classes, "failures": self._failure_table()}
        if self.spans is not None:
            table = {role: row.row() for role, row in self.spans.items()}
            table["micro"] = SpanRow.pooled(self.spans.values()).row()
            report["spans"] = table
            for mode in MODES:
                figures.update({f"role_span_{mode}_{k}": v for k, v in table["micro"][mode].items()})
                figures.update({f"{role}_span_{mode}_f1": table[role][mode]["f1"] for role in ROLES})
        return report

    def _failure_table(self) -> dict:
        rows = {label: {"class": cls, "count": self.failures[label]} for label, cls in FAILURES.items()}
        by_class = Counter()
        for row in rows.values():
            by_class[row["class"]] += row["count"]
        return {
            "rows": rows,
            "by_class": dict(sorted(by_class.items(), key=lambda kv: (kv[0] == "-", kv[0]))),
            "gold_events": self.counts["gold"],
            "gold_events_wrong": self.counts["gold"] - self.counts["right"],
            "note": "per gold event (several failures possible) and per unaligned predicted event; "
            "gold_events_wrong: missed or with a wrong type or dyad",
        }


def score(records: list[dict], preds: list[dict]) -> tuple[dict, list]:
    """Types, dyads, events per gold event, modality, role spans and failure labels (see the module doc)."""
    counts = EventCounts(with_spans=any("source_spans" in e for r in records for e in r["events"]))
    cases = [counts.add(rec, pred) for rec, pred in zip(records, preds, strict=True)]
    return counts.report(), cases
