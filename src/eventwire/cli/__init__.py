"""The `eventwire` command: one module per command over library functions.

Each command module has ``add_parser(sub)`` and ``run(args)``; shared options live in :mod:`.options`. Errors the
user can fix (:class:`eventwire.errors.UserError`) are caught here, once, and said in one line with exit status
2; Ctrl-C, output that cannot be written and a store found damaged while reading it end with one line too. Commands
import what they need when they run, so that the store commands start without loading spaCy.
"""

from __future__ import annotations

import argparse
import os
import sys

from ..errors import UserError
from . import actors, code, commitments, demo, documents, events, export, ingest, quotes, serve, stats, stories

COMMANDS = (code, ingest, stats, events, actors, documents, stories, commitments, quotes, demo, serve, export)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="eventwire",
        description="Who did what to whom, when and where, and who said so: event data from news text.",
    )
    p.add_argument("--version", action=Version, nargs=0, help="print the version and exit")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.add_parser(sub)
    from .. import evaluate

    evaluate.add_parser(sub)
    return p


class Version(argparse.Action):
    """``--version``, with the version looked up only when asked for (importing importlib.metadata is slow)."""

    def __call__(self, parser, namespace, values, option_string=None):
        from .. import __version__

        print(f"eventwire {__version__}")
        parser.exit()


def main(argv: list[str] | None = None) -> int:
    """Run a command; as the `eventwire` program itself (no ``argv`` given), end the process as soon as its
    output is written: Python would otherwise spend 0.4 s of CPU freeing the spaCy pipeline object by object."""
    status = run_command(argv)
    if argv is None:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except BrokenPipeError:
            _drop_output()
        os._exit(status)
    return status


def run_command(argv: list[str] | None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except UserError as exc:
        print(f"eventwire: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as exc:
        print(f"eventwire: interrupted{f'; {exc}' if str(exc) else ''}", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (`eventwire code ... | head`): stop quietly
        _drop_output()
        return 1
    except OSError as exc:  # the output cannot be written (a full disk): its inputs are read by the readers
        _drop_output()
        print(f"eventwire: cannot write the output ({exc.strerror or exc})", file=sys.stderr)
        return 1
    except Exception as exc:
        if not type(exc).__module__.endswith("duckdb"):  # a store damaged after it was opened (a truncated file)
            raise
        said = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        print(f"eventwire: the store {args.db} cannot be read ({said}): is the file damaged?", file=sys.stderr)
        return 2


def _drop_output() -> None:
    """Send what is left of the output nowhere, so that Python's last flush at exit does not fail again."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
