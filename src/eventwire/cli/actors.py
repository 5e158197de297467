"""`eventwire actors`: the actors of a store across its documents, one row per code."""

from __future__ import annotations

import argparse

from . import filtering, options, output


def add_parser(sub) -> None:
    p = sub.add_parser(
        "actors",
        help="list the actors of a store by code: name, country, sector, mentions, events",
        description="The actors with a code across a store's documents, one row per code: the name most often "
        "given to it, country, sector, documents and mentions, events it takes part in (either side), and the "
        "dates of the first and last document; the most active first.",
    )
    filtering.add_filters(
        p,
        ("date_from", "date_to", "actor", "country", "limit"),
        date_from="mentioned in documents dated on or after this day (YYYY-MM-DD, YYYY-MM, YYYY)",
        date_to="mentioned in documents dated on or before this day",
        actor="a code prefix (RUS: RUSGOV, RUSMIL) or part of a name",
        country="actors of this country",
        limit="at most N actors, the most active first",
    )
    output.add_format(p)
    options.add_db(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..query import actors

    return output.listing(args, actors, unit="actors")
