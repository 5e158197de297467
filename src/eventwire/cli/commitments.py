"""`eventwire commitments`: promises with deadlines in a store, judged open, due or past due."""

from __future__ import annotations

import argparse
import datetime as dt

from . import filtering, options, output


def add_parser(sub) -> None:
    p = sub.add_parser(
        "commitments",
        help="promises with deadlines in a store: open, due or past due",
        description="Promises with deadlines in a store, each open, due (within a week) or past due.",
    )
    p.add_argument(
        "--as-of",
        type=options.date,
        default=dt.date.today(),
        metavar="YYYY-MM-DD",
        help="the day to judge deadlines by (default: today)",
    )
    filtering.add_filters(
        p,
        ("actor", "date_from", "date_to", "text", "limit"),
        actor="promises by this actor: a code prefix (RUS: RUSGOV) or part of a name",
        date_from="deadlines ending on or after this day (YYYY-MM-DD, YYYY-MM, YYYY)",
        date_to="deadlines ending on or before this day",
        text="the evidence sentence contains these words (any case)",
        limit="at most N promises, the soonest deadline first",
    )
    output.add_format(p)
    options.add_db(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..query import COMMITMENT_COLUMNS, commitments, format_commitments

    kept = filtering.filters(args)
    with options.store(args, read_only=True) as store:
        rows = commitments(store, args.as_of, kept.actor, kept)
    if args.format == "table":
        print(format_commitments(rows))
    else:
        output.write(COMMITMENT_COLUMNS, rows, args.format)
    return 0
