"""`eventwire ingest`: code documents and store them in DuckDB (the same text twice is stored once)."""

from __future__ import annotations

import argparse
import sys

from . import options


def add_parser(sub) -> None:
    p = sub.add_parser(
        "ingest",
        help="code documents and store them in DuckDB",
        description="Code documents and store them in a DuckDB file; a text already stored is "
        "skipped. A bad document is reported in one line and the others are stored.",
    )
    options.add_inputs(p)
    options.add_db(p)
    options.add_coding(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from ..ingest import run_ingest
    from ..store import Store

    with Store(args.db) as store:  # before loading the model: a store in use is said at once
        nlp = options.pipeline(args)
        with tqdm(desc="ingesting", unit="doc", disable=None) as bar:
            summary = run_ingest(
                args.paths,
                store,
                nlp=nlp,
                workers=options.workers(args),
                min_confidence=args.min_confidence,
                on_problem=options.report,
                progress=bar.update,
                **options.read_options(args),
            )
    line = f"{summary.read} documents read, {summary.stored} new stored in {store.path}"
    if summary.duplicates:
        line += f", {summary.duplicates} already stored"
    if summary.problems:
        line += f", {len(summary.problems)} problems (see above)"
    print(line, file=sys.stderr)
    return 1 if summary.problems else 0
