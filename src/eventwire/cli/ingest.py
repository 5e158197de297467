"""`eventwire ingest`: code documents and store them in DuckDB (the same text twice is stored once)."""

from __future__ import annotations

import argparse
import contextlib
import sys
import threading
import time
from pathlib import Path

from ..errors import UserError
from . import options

COUNT_SECONDS = 10  # the longest the progress bar's total is counted for (a huge or hostile gzip): then no total

STORE_HELP = (
    "A bad document is reported in one line and the others are stored. While it runs, the store is held only "
    "while a batch is looked up or written: `eventwire stats` and other commands, or a second ingest into the "
    "same store, wait their turn (up to --wait seconds) and go on. Stopped (Ctrl-C, a crash), it keeps every "
    "batch written; the same command again goes on from there."
)


def add_parser(sub) -> None:
    p = sub.add_parser(
        "ingest",
        help="code documents and store them in DuckDB",
        description="Code documents and store them in a DuckDB file; a text already stored is skipped. " + STORE_HELP,
    )
    options.add_inputs(p)
    options.add_db(p)
    options.add_coding(p)
    p.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="code on a Dask cluster: the scheduler's address (tcp://host:8786), or local for a cluster of --workers "
        "processes on this machine; the workers must see the input files (and --parquet-only's folder) at the same "
        "paths. Uncompressed JSON lines are split into byte ranges, other files are coded whole",
    )
    p.add_argument(
        "--parquet-only",
        metavar="DIR",
        help="with --dask: leave the coded documents as a Parquet dataset in DIR (a folder per table of the store, "
        "for DuckDB, polars or Spark) instead of loading them into --db",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from ..errors import Interrupted
    from ..ingest import run_ingest

    options.check_inputs(args.paths)
    if args.dask:
        return run_dask(args)
    if args.parquet_only:
        raise UserError("--parquet-only is for --dask: a local ingest writes the store")
    with options.store(args) as store:  # before loading the model: a store that cannot be used is said
        store.close()  # ... and then let go of until the first look-up
        try:
            nlp = options.pipeline(args)
        except KeyboardInterrupt:
            raise Interrupted(f"no documents stored in {store.path}") from None
        with tqdm(desc="ingesting", unit="doc", disable=None) as bar:
            threading.Thread(target=count, args=(args.paths, bar), daemon=True).start()
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
    print(summary_line(summary, store.path), file=sys.stderr)
    return 1 if summary.problems else 0


def run_dask(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from ..distributed import ingest_dask

    pipeline = {"actors": tuple(args.actors) if args.actors else None, "quad": args.quad}
    where = args.parquet_only
    if where:
        Path(where).mkdir(parents=True, exist_ok=True)
    with contextlib.nullcontext() if where else options.store(args) as store:
        if store is not None:
            store.close()  # let go of until the first partition is loaded
        with tqdm(desc="ingesting", unit="doc", disable=None) as bar:
            threading.Thread(target=count, args=(args.paths, bar), daemon=True).start()
            summary = ingest_dask(
                args.paths,
                store,
                address=args.dask,
                workers=args.workers,
                parquet=where,
                pipeline=pipeline,
                min_confidence=args.min_confidence,
                on_problem=options.report,
                progress=bar.update,
                **options.read_options(args),
            )
    print(summary_line(summary, where or store.path), file=sys.stderr)
    return 1 if summary.problems else 0


def summary_line(summary, path: str) -> str:
    line = f"{summary.read} documents read, {summary.stored} new stored in {path}"
    if summary.duplicates:
        line += f", {summary.duplicates} already stored"
    if summary.skipped:
        line += f", {summary.skipped} skipped (see above)"
    if summary.warnings:
        line += f", {summary.warnings} {'warning' if summary.warnings == 1 else 'warnings'}"
    if summary.problems:
        line += f", {len(summary.problems)} not stored (see above)"
    return line


def count(paths: list[str], bar) -> None:
    """Give the progress bar its total (so that it shows the time left) once the documents are counted."""
    total = expected(paths, time.monotonic() + COUNT_SECONDS)
    if total is not None:
        bar.total = total
        bar.refresh()


def expected(paths: list[str], deadline: float) -> int | None:
    """How many documents the inputs hold: a record per line of JSON lines (counted in blocks, compressed or
    not), one per text, Markdown or HTML file; None when that cannot be told cheaply (stdin, feeds, archives)."""
    from ..ingest.files import READ_ERRORS
    from ..ingest.readers import read_html, read_jsonl, read_markdown, read_text, reader_of

    total = 0
    try:
        for path in paths:
            p = Path(path)
            if path == "-" or not p.exists():
                return None
            for f in sorted(f for f in p.rglob("*") if f.is_file() and reader_of(f)) if p.is_dir() else [p]:
                reader = reader_of(f) or read_text
                if reader is read_jsonl:
                    total += _lines(f, deadline)
                elif reader in (read_text, read_markdown, read_html):
                    total += 1
                else:
                    return None
    except (*READ_ERRORS, TimeoutError):  # unreadable or too long to count: the readers will say what is wrong
        return None
    return total


def _lines(path: Path, deadline: float) -> int:
    from ..ingest.files import open_input

    lines, last = 0, b"\n"
    with open_input(path) as stream:
        while block := stream.read(2**20):
            lines += block.count(b"\n")
            last = block[-1:]
            if time.monotonic() > deadline:
                raise TimeoutError
    return lines + (last != b"\n")
