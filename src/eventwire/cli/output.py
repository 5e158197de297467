"""Rows on standard output: a table to read, or CSV, JSON lines or a JSON array for other tools — the same four
formats for every command that lists what a store holds.

Rows are written as they come, so a listing of a million events needs no more memory than a few hundred rows: a
table takes its column widths from its first rows and cuts longer cells after. Output that stops being read
(`eventwire events | head`) ends the command quietly (:func:`eventwire.cli.main` catches the broken pipe).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import json
import sys
from collections.abc import Iterable, Iterator, Sequence

FORMATS = ("table", "csv", "jsonl", "json")
WIDEST = 30  # characters of a table cell, beyond which it is cut
SAMPLE = 200  # rows a table's column widths are taken from
BATCH = 1000  # rows fetched from DuckDB at once


def add_format(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--format",
        choices=FORMATS,
        default="table",
        help="table: aligned columns to read (long cells cut); csv: every column, with a header; jsonl: one JSON "
        "object per line; json: one JSON array (default: table)",
    )


def query_rows(result) -> tuple[list[str], Iterator[dict]]:
    """The column names of a DuckDB result, and its rows as dicts, fetched a batch at a time."""
    columns = [d[0] for d in result.description]

    def rows() -> Iterator[dict]:
        while batch := result.fetchmany(BATCH):
            yield from (dict(zip(columns, row, strict=True)) for row in batch)

    return columns, rows()


def listing(args: argparse.Namespace, query, unit: str, **table) -> int:
    """What a listing command does: the store's rows that ``query(store, filters)`` selects for the command's
    filters, written in ``--format`` (``table``: the ``shown``/``note`` options of :func:`write`)."""
    from . import filtering, options

    kept = filtering.filters(args)
    with options.store(args, read_only=True) as store:
        columns, rows = query_rows(query(store, kept))
        write(columns, rows, args.format, unit=unit, **table)
    return 0


def write(
    columns: Sequence[str],
    rows: Iterable[dict],
    fmt: str,
    shown: Sequence[str] | None = None,
    note: str | None = None,
    unit: str = "rows",
) -> int:
    """Write ``rows`` (dicts with ``columns``) to stdout in ``fmt``; returns how many. A table shows the columns
    ``shown`` (default: all) and ``note`` (a long text, such as the evidence sentence) on its own indented line
    under each row, or says there are no ``unit``; the other formats write every column."""
    out = sys.stdout
    if fmt == "table":
        count = _table(out, list(shown or columns), rows, note)
        if not count:
            print(f"(no {unit})", file=out)
    else:
        count = {"csv": _csv_rows, "jsonl": _jsonl_rows, "json": _json_array}[fmt](out, list(columns), rows)
    out.flush()
    return count


def _csv_rows(out, columns: list[str], rows: Iterable[dict]) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    count = 0
    for row in rows:
        writer.writerow([_csv(row[c]) for c in columns])
        count += 1
    return count


def _jsonl_rows(out, columns: list[str], rows: Iterable[dict]) -> int:
    count = 0
    for row in rows:
        out.write(_json({c: row[c] for c in columns}) + "\n")
        count += 1
    return count


def _json_array(out, columns: list[str], rows: Iterable[dict]) -> int:
    count = 0
    out.write("[")
    for row in rows:
        out.write(("," if count else "") + "\n" + _json({c: row[c] for c in columns}))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def _table(out, shown: list[str], rows: Iterable[dict], note: str | None) -> int:
    rows = iter(rows)
    first = list(itertools.islice(rows, SAMPLE))
    if not first:
        return 0
    widths = [min(WIDEST, max(len(c), *(len(_cell(r[c])) for r in first))) for c in shown]
    print("  ".join(c.ljust(w) for c, w in zip(shown, widths, strict=True)).rstrip(), file=out)
    count = 0
    for row in itertools.chain(first, rows):
        print("  ".join(_cut(_cell(row[c]), w).ljust(w) for c, w in zip(shown, widths, strict=True)).rstrip(), file=out)
        if note and row[note]:
            print(f"    {' '.join(str(row[note]).split())}", file=out)
        count += 1
    return count


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _cell(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:g}"
    return " ".join(_csv(value).split())


def _csv(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=_plain)
    return str(value)


def _json(row: dict) -> str:
    return json.dumps(row, ensure_ascii=False, default=_plain)


def _plain(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")
