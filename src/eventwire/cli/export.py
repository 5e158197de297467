"""`eventwire export`: the events of a store (or one of its tables, or its actor network) in a format other tools
load: GDELT, PLOVER, Parquet, CSV, GEXF, GraphML (docs/DATA.md describes each)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import filtering, options


class Formats:
    """The export formats, as --format's choices: read from the registry only when asked for, so that the other
    commands start without importing the exporters."""

    def __iter__(self):
        from ..export import exporters

        return iter(exporters())

    def __contains__(self, value) -> bool:
        return value in list(self)


def add_parser(sub) -> None:
    p = sub.add_parser(
        "export",
        help="events, a table or the actor network of a store in GDELT, PLOVER, Parquet, CSV, GEXF or GraphML",
        description="Write the events a store holds (those the filters keep) in a format other tools load; "
        "docs/DATA.md describes every column.",
    )
    p.add_argument(
        "--format",
        required=True,
        choices=Formats(),
        metavar="FORMAT",
        help="gdelt (GDELT 2.0 event rows, tab-separated, no header), plover (JSON lines), parquet "
        "and csv (one table of the store, see --table), gexf and graphml (the actor network)",
    )
    p.add_argument("-o", "--output", metavar="PATH", help="the file to write (default: standard output)")
    p.add_argument(
        "--table",
        metavar="TABLE",
        help="for parquet and csv: events (default), actors, quotes, places, timexes or documents; the filters "
        "choose events, and the other tables keep the rows of those events' documents",
    )
    filtering.add_filters(p)
    options.add_db(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import UserError
    from ..export import exporters, get

    exporter = get(args.format)
    chosen = {"table": args.table} if args.table else {}
    for option in set(chosen) - set(exporter.options):
        takers = " and ".join(name for name, e in exporters().items() if option in e.options)
        raise UserError(f"--{option} applies to {takers}, not {exporter.name}")
    if args.output is None and exporter.binary and sys.stdout.isatty():
        raise UserError(
            f"{exporter.name} is binary and would garble the terminal: write it to a file "
            f"(-o events{exporter.extension}) or pipe it"
        )
    kept = filtering.filters(args)
    with options.store(args, read_only=True) as store:
        if args.output is None:
            exporter.write(store, kept, sys.stdout.buffer, **chosen)
            sys.stdout.buffer.flush()
            return 0
        count = _write_file(Path(args.output), lambda out: exporter.write(store, kept, out, **chosen))
    print(f"eventwire: {count} {exporter.unit} written to {args.output}", file=sys.stderr)
    return 0


def _write_file(path: Path, write) -> int:
    """Write through a file beside ``path`` that replaces it when complete: a failed export leaves no half file."""
    from ..errors import UserError

    if not path.parent.is_dir():
        raise UserError(f"cannot write {path}: folder {path.parent} does not exist")
    if path.is_dir():
        raise UserError(f"cannot write {path}: it is a folder")
    part = path.with_name(f".{path.name}.part")
    try:
        with open(part, "wb") as out:
            count = write(out)
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)
    return count
