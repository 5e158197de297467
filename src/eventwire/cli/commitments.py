"""`eventwire commitments`: promises with deadlines in a store, judged open, due or past due."""

from __future__ import annotations

import argparse
import datetime as dt

from . import options


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
    p.add_argument("--actor", metavar="CODE", help="only promises by this actor code (a prefix: RUS matches RUSGOV)")
    options.add_db(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..query import commitments, format_commitments
    from ..store import Store

    with Store(args.db, read_only=True) as store:
        print(format_commitments(commitments(store, args.as_of, args.actor)))
    return 0
