"""`eventwire quotes`: statements in a store by a speaker, optionally about someone."""

from __future__ import annotations

import argparse

from . import filtering, options, output


def add_parser(sub) -> None:
    p = sub.add_parser(
        "quotes",
        help="statements in a store, by a speaker, about someone, by date or words",
        description="Statements in a store (by a speaker, mentioning someone, as the options say), in the order "
        "of their documents' dates.",
    )
    p.add_argument(
        "--speaker", metavar="NAME|CODE", help="a name (or part of one) or a code prefix (POL: POLGOV); default: anyone"
    )
    p.add_argument(
        "--about",
        metavar="NAME|CODE",
        help="keep statements that mention this name (or part of one) or actor code (a prefix)",
    )
    filtering.add_filters(
        p,
        ("date_from", "date_to", "text", "limit"),
        date_from="in documents dated on or after this day (YYYY-MM-DD, YYYY-MM, YYYY)",
        date_to="in documents dated on or before this day",
        text="the statement contains these words (any case)",
        limit="at most N statements, the earliest first",
    )
    output.add_format(p)
    options.add_db(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..query import QUOTE_COLUMNS, format_quotes, quotes

    kept = filtering.filters(args)
    with options.store(args, read_only=True) as store:
        rows = quotes(store, args.speaker, args.about, kept)
    if args.format == "table":
        print(format_quotes(rows))
    else:
        output.write(QUOTE_COLUMNS, rows, args.format)
    return 0
