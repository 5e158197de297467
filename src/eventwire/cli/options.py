"""Option bundles shared by the commands, so that one option reads and behaves the same everywhere."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from ..lang import iso_date
from ..store import DEFAULT_DB, WAIT

ACTORS_HELP = (
    "an actor dictionary (TSV in the format of eventwire/stages/actors: countries, organisations, "
    "sectors, titles or roles) whose rows add to or override the package's; repeatable; default: the "
    "EVENTWIRE_ACTORS setting"
)


class Conventions:
    """The QuadClass conventions, as --quad's choices: read from the codebook only when asked for, because
    importing the codebook imports spaCy, which the store-only commands do without."""

    def __iter__(self):
        from ..stages.events.codebook import CONVENTIONS

        return iter(CONVENTIONS)

    def __contains__(self, value) -> bool:
        return value in list(self)


def date(value: str) -> dt.date:
    """An argparse type: a YYYY-MM-DD date."""
    try:
        return iso_date(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_inputs(p: argparse.ArgumentParser, nargs: str = "+") -> None:
    """What to read, and the metadata that fills in what an input lacks."""
    p.add_argument(
        "paths",
        nargs=nargs,
        default=["-"] if nargs == "*" else None,
        metavar="PATH",
        help="files (.txt, .md, .jsonl, .html, saved RSS/Atom feeds .rss/.atom/.xml, each optionally .gz; WARC "
        "archives .warc, .warc.gz), folders (read recursively) or - for stdin (text or JSON lines, optionally gzip); "
        "documents not in English are skipped",
    )
    p.add_argument(
        "--date",
        type=date,
        metavar="YYYY-MM-DD",
        help="document date where the input gives none (relative dates are read against it)",
    )
    p.add_argument("--title", help="document title where a one-document input (text, Markdown, HTML) gives none")
    p.add_argument("--source", help="the outlet or site, where the input gives none")
    p.add_argument("--url", help="the document's URL, where a one-document input (text, Markdown, HTML) gives none")


def read_options(args: argparse.Namespace) -> dict:
    """The metadata options of :func:`add_inputs`, as keyword arguments of the readers."""
    return {"date": args.date, "title": args.title, "source": args.source, "url": args.url}


def add_coding(p: argparse.ArgumentParser) -> None:
    """How documents are coded: user dictionaries, QuadClass convention, confidence floor, processes."""
    p.add_argument("--actors", action="append", metavar="FILE", help=ACTORS_HELP)
    p.add_argument(
        "--quad",
        choices=Conventions(),
        metavar="CONVENTION",
        help="QuadClass convention of events' quad field: %(choices)s (default: the EVENTWIRE_QUAD "
        "setting, else gdelt)",
    )
    p.add_argument(
        "--min-confidence",
        type=float,
        default=0.0,
        metavar="X",
        help="keep only events whose confidence is at least X (0 to 1; default 0)",
    )
    add_workers(p)


def add_workers(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--workers",
        type=_positive,
        metavar="N",
        help="processes that code documents (default: all cores); the output is the same for any N",
    )


def add_db(p: argparse.ArgumentParser, default: str = DEFAULT_DB) -> None:
    p.add_argument("--db", default=default, metavar="FILE", help=f"the DuckDB store (default: {default})")
    p.add_argument(
        "--wait",
        type=float,
        default=WAIT,
        metavar="SECONDS",
        help="how long to wait while another process (an ingest writing a batch) has the store open; DuckDB lets "
        f"only one process open a file that is being written (default: {WAIT:g})",
    )


def add_dedup(p: argparse.ArgumentParser) -> None:
    """Event clusters instead of every mention (eventwire.stories.clusters)."""
    p.add_argument(
        "--dedup",
        action="store_true",
        help="one row per event cluster: the same source, target and CAMEO code on the same day (the one-a-day "
        "rule), with how many mentions, sources (outlets), articles and stories report it",
    )
    p.add_argument(
        "--window",
        type=_whole,
        metavar="DAYS",
        help="with --dedup: events of the same dyad and code less than DAYS days apart are one (default 1: the same "
        "day); 0 counts an event once only among the copies of one story",
    )


def store(args: argparse.Namespace, read_only: bool = False):
    """The store of :func:`add_db`'s options."""
    from ..store import Store

    return Store(args.db, read_only=read_only, wait=args.wait)


def check_inputs(paths: list[str]) -> None:
    """Say a missing input at once, before the model loads and before anything is stored."""
    from ..errors import UserError

    missing = [path for path in paths if path != "-" and not Path(path).exists()]
    if missing:
        raise UserError(f"no such file or folder: {', '.join(missing)} (nothing was read)")


def add_output(p: argparse.ArgumentParser) -> None:
    """The output format of coded documents."""
    p.add_argument(
        "--format",
        choices=["json", "jsonl", "table"],
        default="json",
        help="json: one indented object per document; jsonl: one line per document; table: a reader's "
        "view of events and quotes (default: json)",
    )
    p.add_argument(
        "--explain",
        action="store_true",
        help="print instead, per event, the sentence, trigger, lexicon pattern, parse path, role spans "
        "and date source that produced it",
    )


def pipeline(args: argparse.Namespace):
    """The spaCy pipeline for the coding options in ``args``."""
    from ..errors import UserError
    from ..nlp import build

    try:
        return build(actors=tuple(args.actors) if args.actors else None, quad=args.quad)
    except (OSError, ValueError) as exc:  # an unreadable or malformed user dictionary
        raise UserError(str(exc)) from None


def workers(args: argparse.Namespace) -> int:
    from ..nlp import default_workers

    return args.workers or default_workers()


def report(problem) -> None:
    """Say a problem on stderr in one line, above any progress bar."""
    from tqdm import tqdm

    tqdm.write(str(problem), file=sys.stderr)


def _whole(value: str) -> int:
    if not value.strip().isdigit():
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of days (0 or more)")
    return int(value)


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of at least 1")
    return number
