"""`eventwire code`: code documents and print their records (nothing is stored)."""

from __future__ import annotations

import argparse
import json
import re
import sys
import threading

from . import ingest, options

SPAN = re.compile(r"\[\s+(-?\d+),\s+(-?\d+)\s+\]")


def add_parser(sub) -> None:
    p = sub.add_parser(
        "code",
        help="code documents and print their records (nothing is stored)",
        description="Code documents and print their records; nothing is stored.",
    )
    options.add_inputs(p, nargs="*")
    options.add_output(p)
    options.add_coding(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from ..ingest import Problem, code_items, items_only, read
    from ..ingest.readers import Notice, Skipped

    options.check_inputs(args.paths)
    nlp = options.pipeline(args)
    problems = []

    def report(problem: Problem) -> None:
        if not isinstance(problem, (Notice, Skipped)):  # a document left out on purpose, or coded anyway
            problems.append(problem)
        options.report(problem)

    with tqdm(desc="coding", unit="doc", disable=None, delay=2) as bar:
        threading.Thread(target=ingest.count, args=(args.paths, bar), daemon=True).start()
        items = items_only(read(args.paths, **options.read_options(args)), report, bar.update)
        for item, result in code_items(items, nlp, options.workers(args)):
            bar.update()
            if isinstance(result, Problem):
                report(result)
                continue
            result.keep_events(args.min_confidence)
            sys.stdout.write(render(result.to_json(), item.text, args) + "\n")
    return 1 if problems else 0


def render(data: dict, text: str, args: argparse.Namespace) -> str:
    """One coded document in the format the options ask for."""
    if args.explain:
        return explain(data, text)
    if args.format == "json":
        return pretty(data)
    if args.format == "jsonl":
        return json.dumps(data, ensure_ascii=False)
    return table(data, text)


def pretty(data: dict) -> str:
    """Indented JSON with each [start, end] offset pair kept on one line."""
    return SPAN.sub(r"[\1, \2]", json.dumps(data, ensure_ascii=False, indent=2))


def table(data: dict, text: str) -> str:
    """A reader's view of one document: events as lines of `date source -[type]-> target  "evidence"`."""
    actors = {a["id"]: a for a in data["actors"]}
    name = lambda ids: " + ".join(actors[i]["code"] or actors[i]["name"] for i in ids) or "-"
    lines = [f"# {data['document']['id']}  {data['document']['title'] or ''}  {data['document']['date'] or ''}"]
    for e in data["events"]:
        s, t = e["trigger"]
        lines.append(
            f"{e['date'] or '-':<11} {name(e['source']):<14} {e['cameo']:<5} {e['plover'] or 'STATEMENT':<11}"
            f" {name(e['target']):<14} {e['modality']:<10} {text[s:t]!r}"
        )
    for q in data["quotes"]:
        speaker = actors.get(q["speaker"], {}).get("name") or q["speaker_text"] or "?"
        lines.append(f"quote  {speaker}: {q['text'][:90]!r}")
    return "\n".join(lines)


def explain(data: dict, text: str) -> str:
    """Why each event was coded: its evidence, the lexicon row, the parse path and the phrases filling its roles."""
    actors = {a["id"]: a for a in data["actors"]}
    who = lambda ids: " + ".join(f"{actors[i]['name']} ({actors[i]['code']})" for i in ids) or "-"
    lines = [f"# {data['document']['id']}"]
    for e in data["events"]:
        s, t = e["trigger"]
        deadline = f", deadline {e['deadline']}" if e["deadline"] else ""
        lines += [
            f"{e['id']}  {e['cameo']} {e['plover'] or 'STATEMENT'}  {who(e['source'])} → {who(e['target'])}"
            f"  [{e['modality']}{', negated' if e['negated'] else ''}, confidence {e['confidence']}]",
            f"    sentence: {text[e['sentence'][0] : e['sentence'][1]]!r}",
            f"    trigger:  {text[s:t]!r} at {s}-{t}",
            f"    pattern:  {e['pattern']}",
            f"    parse:    {e['path'] or '-'}",
        ]
        for role in ("source", "target"):
            if e.get(f"{role}_span"):
                start, end = e[f"{role}_span"]
                lines.append(f"    {role} span: {text[start:end]!r}")
        lines.append(f"    date:     {e['date']} ({e['date_source']}){deadline}")
        if e["reported_by"]:
            lines.append(f"    reported by: {actors[e['reported_by']]['name']}")
    return "\n".join(lines)
