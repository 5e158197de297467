"""`eventwire quotes`: statements in a store by a speaker, optionally about someone."""

from __future__ import annotations

import argparse

from . import options


def add_parser(sub) -> None:
    p = sub.add_parser(
        "quotes",
        help="statements in a store by a speaker, optionally about someone",
        description="Statements in a store by a speaker, optionally mentioning someone.",
    )
    p.add_argument("--speaker", required=True, metavar="NAME|CODE", help="a name (or part of one) or an actor code")
    p.add_argument(
        "--about",
        metavar="NAME|CODE",
        help="keep statements that mention this name (or part of one) or actor code (a prefix)",
    )
    options.add_db(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..query import format_quotes, quotes
    from ..store import Store

    with Store(args.db, read_only=True) as store:
        print(format_quotes(quotes(store, args.speaker, args.about)))
    return 0
