"""`eventwire stories`: the stories of a store, each the near-copies of one text that outlets published, with their
documents and outlets."""

from __future__ import annotations

import argparse

from . import filtering, options, output

SHOWN = ("story_id", "first_date", "last_date", "documents", "outlets", "title")


def add_parser(sub) -> None:
    p = sub.add_parser(
        "stories",
        help="list the stories of a store: the documents that are copies of one text, and their outlets",
        description="The stories of a store that the filters keep (a story is kept if one of its documents is), "
        "earliest first. A story is the documents whose texts are near-copies of each other (a wire story "
        "republished with small edits); its id is the doc_id of its first stored document. The table shows the "
        "story's title and how many documents and outlets it has; csv, jsonl and json also list the outlets "
        "(outlet_names) and the documents (doc_ids, the first one first).",
    )
    filtering.add_filters(
        p,
        ("date_from", "date_to", "actor", "text", "limit"),
        date_from="stories with a document dated on or after this day (YYYY-MM-DD, YYYY-MM, YYYY)",
        date_to="stories with a document dated on or before this day",
        actor="stories with a document mentioning this actor: a code prefix (RUS: RUSGOV) or part of a name",
        text="stories with a document whose title or text contains these words (any case)",
        limit="at most N stories, the earliest first",
    )
    output.add_format(p)
    options.add_db(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..stories.listing import stories

    return output.listing(args, stories, unit="stories", shown=SHOWN)
