"""Printing a task's report and its worst records for the terminal."""

from __future__ import annotations

import textwrap

SPAN_TABLES = {"spans": None, "spans_by_mention": "by mention (the nearest actor mention, not the role span)"}


def _f(x) -> str:
    return "    -" if x is None else f"{x:5.3f}"


def _classes(classes: dict) -> list[str]:
    lines = [f"{'class':<24} {'gold':>5} {'pred':>5}  {'P':>5}  {'R':>5}  {'F1':>5}"]
    for name, r in classes.items():
        lines.append(
            f"{name:<24} {r['gold']:>5} {r['pred']:>5}  {_f(r['precision'])}  {_f(r['recall'])}  {_f(r['f1'])}"
        )
    return lines


def _spans(table: dict, title: str | None) -> list[str]:
    lines = [title] if title else []
    lines.append(
        f"{'':<12} {'gold':>6} {'pred':>6} | {'exact P':>7} {'R':>5} {'F1':>5} | {'overlap P':>9} {'R':>5} {'F1':>5}"
    )
    for name, r in table.items():
        e, o = r["exact"], r["overlap"]
        pred = "-" if r["pred"] is None else r["pred"]
        lines.append(
            f"{name:<12} {r['gold']:>6} {pred:>6} | {_f(e['precision']):>7} {_f(e['recall'])} "
            f"{_f(e['f1'])} | {_f(o['precision']):>9} {_f(o['recall'])} {_f(o['f1'])}"
        )
    return lines


def _confusion(c: dict) -> list[str]:
    lines = [f"confusion ({c['note']})", "gold \\ pred " + "".join(f"{str(label):>6}" for label in c["labels"])]
    return lines + [f"{k:<12}" + "".join(f"{n:>6}" for n in row) for k, row in enumerate(c["rows"])]


def _failures(f: dict) -> list[str]:
    lines = [f"failures ({f['note']})", f"{'failure':<52} {'issue 11 class':<24} {'count':>5}"]
    lines += [f"{label:<52} {r['class']:<24} {r['count']:>5}" for label, r in f["rows"].items() if r["count"]]
    lines += [
        f"gold events missed or with a wrong type or dyad: {f['gold_events_wrong']} of {f['gold_events']}",
        "",
        f"{'by class':<52} {'':<24} {'count':>5}",
    ]
    return lines + [f"{cls:<52} {'':<24} {n:>5}" for cls, n in f["by_class"].items()]


def format_report(report: dict) -> str:
    """The report as text: per-class rows, span tables, confusion table, failure counts, then all figures."""
    sections = [[f"{report['task']}: {report['gold']}  ({report['records']} records, {report['seconds']} s)"]]
    if "classes" in report:
        sections.append(_classes(report["classes"]))
    sections += [_spans(report[key], title) for key, title in SPAN_TABLES.items() if key in report]
    if "confusion" in report:
        sections.append(_confusion(report["confusion"]))
    if "failures" in report:
        sections.append(_failures(report["failures"]))
    figures = ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in report["figures"].items())
    sections.append(textwrap.wrap("figures: " + figures, 110, subsequent_indent="  "))
    return "\n\n".join("\n".join(lines) for lines in sections)


def worst(cases: list, n: int) -> list:
    """The ``n`` records with the most errors (records without errors left out)."""
    return sorted((c for c in cases if c["errors"]), key=lambda c: -c["errors"])[:n]


def _items(items: list, most: int = 15) -> str:
    more = f"; (+{len(items) - most} more)" if len(items) > most else ""
    return ("; ".join(items[:most]) or "(nothing)") + more


def format_cases(cases: list, n: int, width: int = 300) -> str:
    lines = [f"\n{len(worst(cases, n))} worst records (marks: '=' exact match, '~' overlap only, '!' unmatched)"]
    for c in worst(cases, n):
        text = " ".join(c["text"].split())
        lines += [
            "",
            f"--- {c['id']}: {c['errors']} errors",
            f"text:      {text[:width]}{'…' if len(text) > width else ''}",
            "expected:  " + _items(c["expected"]),
            "predicted: " + _items(c["predicted"]),
        ]
    return "\n".join(lines)
