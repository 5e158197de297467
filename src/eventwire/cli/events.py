"""`eventwire events`: the events of a store that the filters keep, with their dates, dyads, codes, modality,
place, document and evidence sentence."""

from __future__ import annotations

import argparse

from . import filtering, options, output

SHOWN = ("day", "date_precision", "source_code", "source_name", "target_code", "target_name", "cameo", "plover")
SHOWN += ("quad", "modality", "place", "doc_id")


def add_parser(sub) -> None:
    p = sub.add_parser(
        "events",
        help="list the events of a store: who did what to whom, when and where, and the sentence that says so",
        description="The events of a store that the filters keep, in the order of their documents' dates. The "
        "table shows the main columns and the evidence sentence under each event; csv, jsonl and json give every "
        "column (docs/DATA.md says what each means).",
    )
    filtering.add_filters(p)
    options.add_dedup(p)
    output.add_format(p)
    options.add_db(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..query import events

    if args.dedup:
        return _clusters(args)
    if args.window is not None:
        from ..errors import UserError

        raise UserError("--window applies with --dedup (events counted once)")
    return output.listing(args, events, unit="events", shown=SHOWN, note="evidence")


CLUSTER_SHOWN = ("day", "last_day", "source_code", "source_name", "target_code", "target_name", "cameo", "plover")
CLUSTER_SHOWN += ("num_mentions", "num_sources", "num_articles", "doc_id")


def _clusters(args: argparse.Namespace) -> int:
    from functools import partial

    from ..stories.clusters import DEFAULT_WINDOW, clustered

    window = DEFAULT_WINDOW if args.window is None else args.window
    query = partial(clustered, window=window)
    return output.listing(args, query, unit="event clusters", shown=CLUSTER_SHOWN, note="evidence")
