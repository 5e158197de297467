"""`eventwire documents`: the documents of a store, with how many events, quotes and actors each holds."""

from __future__ import annotations

import argparse

from . import filtering, options, output


def add_parser(sub) -> None:
    p = sub.add_parser(
        "documents",
        help="list the documents of a store: id, date, title, source, URL, counts of events and quotes",
        description="The documents of a store that the filters keep, in date order, with how many events, quotes "
        "and actors were found in each.",
    )
    filtering.add_filters(
        p,
        ("date_from", "date_to", "actor", "text", "limit"),
        date_from="documents dated on or after this day (YYYY-MM-DD, YYYY-MM, YYYY)",
        date_to="documents dated on or before this day",
        actor="documents mentioning this actor: a code prefix (RUS: RUSGOV) or part of a name",
        text="the title or text contains these words (any case)",
        limit="at most N documents, the earliest first",
    )
    output.add_format(p)
    options.add_db(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..query import documents

    return output.listing(args, documents, unit="documents")
