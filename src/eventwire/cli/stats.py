"""`eventwire stats`: a store's summary (counts, events by type, dyads, speakers, commitments)."""

from __future__ import annotations

import argparse

from . import options


def add_parser(sub) -> None:
    p = sub.add_parser(
        "stats",
        help="summary of a store",
        description="Counts, events by PLOVER type, top dyads, top quoted speakers and commitments "
        "with deadlines in a store.",
    )
    options.add_db(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..query import format_summary, summary

    with options.store(args, read_only=True) as store:
        print(format_summary(summary(store)))
    return 0
