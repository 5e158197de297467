"""The ``eventwire eval`` command: score a task against a gold set, or re-measure and raise the ratchet floors."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..errors import UserError
from .floors import DEFAULT_FLOORS, load_floors, raise_floors, save_floors
from .report import format_cases, format_report, worst
from .runner import eval_dir, evaluate
from .tasks import TASKS


def add_parser(sub) -> None:
    p = sub.add_parser(
        "eval",
        help="score the pipeline against a gold set",
        description="Score the pipeline against a gold set (see docs/EVALUATION.md).",
    )
    p.add_argument("task", nargs="?", choices=list(TASKS), help="what to score")
    p.add_argument(
        "gold",
        nargs="?",
        help="gold JSONL (default: the task's development set in $EVENTWIRE_EVAL_DIR or ../shared/eval/dev)",
    )
    p.add_argument("--limit", type=int, help="only the first N records")
    p.add_argument("--report", metavar="FILE.json", help="write all figures (and --errors cases) as JSON")
    p.add_argument("--errors", type=int, default=0, metavar="N", help="print the N worst records")
    p.add_argument(
        "--update-floors",
        action="store_true",
        help="re-measure the ratchet samples and raise the floors (all tasks, or TASK)",
    )
    p.add_argument(
        "--floors",
        metavar="PATH",
        type=Path,
        default=DEFAULT_FLOORS,
        help="the ratchet's floors file for --update-floors (default: tests/evaluate/floors.json in the repository)",
    )
    p.add_argument("--allow-lower", action="store_true", help="with --update-floors: let floors go down too")
    p.set_defaults(run=run)


def update_floors(path: Path, only: str | None = None, allow_lower: bool = False) -> int:
    """Re-measure each task's ratchet sample and raise its floors in the file at ``path``."""
    if not eval_dir().is_dir():
        raise UserError(f"development sets not found at {eval_dir()} (set EVENTWIRE_EVAL_DIR)")
    floors = load_floors(path)
    for task, spec in floors.items():
        if only and task != only:
            continue
        report, _ = evaluate(task, eval_dir() / TASKS[task].dev_file, spec["limit"], progress=True)
        print(f"{task} (first {spec['limit']} records, {report['seconds']} s)")
        print("\n".join(raise_floors(spec, report["figures"], allow_lower)))
    save_floors(floors, path)
    print(f"wrote {path}")
    return 0


def run(args: argparse.Namespace) -> int:
    if args.update_floors:
        return update_floors(args.floors, args.task, args.allow_lower)
    if not args.task:
        raise UserError("name a task: " + ", ".join(TASKS))
    gold = Path(args.gold) if args.gold else eval_dir() / TASKS[args.task].dev_file
    if not gold.is_file():
        raise UserError(f"gold file not found: {gold}" + ("" if args.gold else " (set EVENTWIRE_EVAL_DIR)"))
    report, cases = evaluate(args.task, gold, args.limit, progress=True)
    report["command"] = f"eventwire eval {args.task} {gold}" + (f" --limit {args.limit}" if args.limit else "")
    print(format_report(report))
    if args.errors:
        print(format_cases(cases, args.errors))
        report["worst"] = worst(cases, args.errors)
    if args.report:
        Path(args.report).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0
