"""The filter options of the commands that list what a store holds (`events`, `export`, `actors`, `documents`,
`quotes`, `commitments`): one option reads and behaves the same in each, and becomes a field of
:class:`eventwire.filters.Filters`, the filters the HTTP API and the exporters take too.

Dates are checked here rather than by argparse, so that a bad one is said in one line (exit 2) like any other
problem the user can fix; a month or a year stands for its first day in ``--from`` and its last in ``--to``.
"""

from __future__ import annotations

import argparse
import re

from . import options

EVENT_FILTERS = (
    "date_from",
    "date_to",
    "actor",
    "source_actor",
    "target_actor",
    "country",
    "plover",
    "cameo",
    "quad",
    "modality",
    "min_confidence",
    "text",
    "limit",
)
DATE = re.compile(r"\d{4}(-\d\d){0,2}")


def _options() -> dict[str, tuple[str, dict]]:
    """option -> (flag, argparse keywords), by the name of the :class:`Filters` field it fills."""
    from ..records import Event, fields

    modalities = next(c["enum"] for name, _, _, c in fields(Event) if name == "modality")
    return {
        "date_from": (
            "--from",
            {
                "metavar": "DATE",
                "help": "events on or after this day (YYYY-MM-DD, YYYY-MM, YYYY); "
                "an event dated by a week, month or year counts on its first day",
            },
        ),
        "date_to": ("--to", {"metavar": "DATE", "help": "events on or before this day (a month or year: its last)"}),
        "actor": ("--actor", {"metavar": "NAME|CODE", "help": "either side: code prefix (RUS: RUSMIL) or name part"}),
        "source_actor": ("--source-actor", {"metavar": "NAME|CODE", "help": "the side that acts, as --actor"}),
        "target_actor": ("--target-actor", {"metavar": "NAME|CODE", "help": "the side acted upon, as --actor"}),
        "country": ("--country", {"metavar": "ISO3", "help": "an actor of this country on either side"}),
        "plover": ("--type", {"metavar": "PLOVER", "help": "PLOVER event type (AGREE, ASSAULT, ...)"}),
        "cameo": ("--cameo", {"metavar": "CODE", "help": "CAMEO code or a prefix of it (19 keeps 190-196)"}),
        "quad": ("--quad", {"type": int, "choices": range(5), "metavar": "N", "help": "QuadClass (1-4; 0 in penta)"}),
        "modality": ("--modality", {"choices": modalities, "metavar": "MODALITY", "help": "%(choices)s"}),
        "min_confidence": (
            "--min-confidence",
            {"type": float, "default": 0.0, "metavar": "X", "help": "confidence at least X (0 to 1)"},
        ),
        "text": ("--text", {"metavar": "WORDS", "help": "the evidence sentence contains these words (any case)"}),
        "limit": (
            "--limit",
            {"type": options._positive, "metavar": "N", "help": "at most N, in the order of the documents' dates"},
        ),
    }


def add_filters(p: argparse.ArgumentParser, names: tuple[str, ...] = EVENT_FILTERS, **helps: str) -> None:
    """The filter options ``names`` (fields of :class:`eventwire.filters.Filters`); ``helps`` says what an option
    means for a command that lists something other than events (``date_from="documents dated on or after"``)."""
    group = p.add_argument_group("filters (a row is kept if it passes all of them)")
    known = _options()
    for name in names:
        flag, keywords = known[name]
        group.add_argument(flag, dest=name, **{**keywords, **({"help": helps[name]} if name in helps else {})})


def filters(args: argparse.Namespace):
    """The :class:`eventwire.filters.Filters` of the options :func:`add_filters` gave ``args``; a
    :class:`UserError` for a bad date, dates the wrong way round or a confidence outside 0-1."""
    from ..errors import UserError
    from ..filters import Filters
    from ..lang import last_day, period_start

    values = {name: getattr(args, name) for name in EVENT_FILTERS if getattr(args, name, None) is not None}
    for name, flag, day in (("date_from", "--from", period_start), ("date_to", "--to", last_day)):
        if name in values:
            text = values[name].strip()
            if not DATE.fullmatch(text) or period_start(text) is None:
                raise UserError(f"{flag} {values[name]!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
            values[name] = day(text)
    if "date_from" in values and "date_to" in values and values["date_from"] > values["date_to"]:
        raise UserError(f"--from {values['date_from']} is after --to {values['date_to']}: nothing can be kept")
    if not 0.0 <= values.get("min_confidence", 0.0) <= 1.0:
        raise UserError(f"--min-confidence {values['min_confidence']} is not between 0 and 1")
    return Filters(**values)
