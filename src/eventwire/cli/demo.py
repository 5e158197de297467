"""`eventwire demo`: ingest the bundled demo corpus and print its summary (what `make demo` runs)."""

from __future__ import annotations

import argparse
from importlib import resources

from . import ingest, options, stats


def add_parser(sub) -> None:
    p = sub.add_parser(
        "demo",
        help="ingest the bundled demo corpus and print its summary",
        description="Ingest the 49 bundled demo articles and print the store's summary.",
    )
    options.add_db(p, default="demo.duckdb")
    options.add_workers(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from . import parser

    corpus = resources.files("eventwire") / "demo" / "news.jsonl"
    with resources.as_file(corpus) as path:
        argv = ["ingest", str(path), "--db", args.db, "--wait", str(args.wait)]
        status = ingest.run(parser().parse_args(argv + (["--workers", str(args.workers)] if args.workers else [])))
    status = status or stats.run(args)
    if not status:
        print(f"\nExplore it: eventwire serve --db {args.db}   then open http://127.0.0.1:8000/ (dashboard and API)")
    return status
