"""The store's tables as Parquet or CSV files, written by DuckDB with the store's own column types.

Option ``table`` picks the table (events by default). The filters choose events; for the other tables they keep
the rows of the documents those events come from, so that an export of the actors, places or quotes of some
events matches the events export. Without any filter every row of the table is written, documents without events
too. In CSV, list columns (spans, actor ids) are JSON arrays: ``[12,19]``, ``["a1"]``.
"""

from __future__ import annotations

import shutil
import tempfile
from functools import partial
from pathlib import Path

from ..errors import UserError
from ..records import table_columns
from ..store import TABLES
from . import Exporter
from .events import filtered, kept

LISTS = ("span", "spans", "strings")  # the list kinds of eventwire.records, which CSV has no type for
COPY_OPTIONS = {"parquet": "FORMAT parquet, COMPRESSION zstd", "csv": "FORMAT csv, HEADER true"}


def write_table(store, filters, out, *, fmt: str, table: str = "events", **options) -> int:
    """Write one table in ``fmt`` (parquet or csv) to ``out``; returns the rows written."""
    if table not in TABLES:
        raise UserError(f"no table {table!r} to export (tables: {', '.join(TABLES)})")
    with kept(store, filters) as con, tempfile.TemporaryDirectory(prefix="eventwire-export-") as folder:
        path = Path(folder) / f"{table}.{fmt}"  # DuckDB writes files, not streams: copied to `out` when done
        quoted = str(path).replace("'", "''")
        count = con.execute(f"COPY ({query(table, filters, fmt)}) TO '{quoted}' ({COPY_OPTIONS[fmt]})").fetchall()
        with open(path, "rb") as written:
            shutil.copyfileobj(written, out)
    return count[0][0]


def query(table: str, filters, fmt: str) -> str:
    """The SQL of the rows of ``table`` to export, over the store and ``kept``."""
    columns = ", ".join(
        f'to_json(t."{name}") AS "{name}"' if fmt == "csv" and kind in LISTS else f't."{name}"'
        for name, kind in table_columns(table)
    )
    if table == "events":
        return f"SELECT {columns} FROM kept k JOIN events t ON t.doc_id = k.doc_id AND t.id = k.id ORDER BY k.n"
    if filtered(filters):
        return f"SELECT {columns} FROM {table} t WHERE t.doc_id IN (SELECT doc_id FROM kept)"
    return f"SELECT {columns} FROM {table} t"


EXPORTERS = (
    Exporter(
        name="parquet",
        extension=".parquet",
        media_type="application/vnd.apache.parquet",
        description="one table of the store (option table: events, actors, quotes, places, timexes, documents)",
        write=partial(write_table, fmt="parquet"),
        unit="rows",
        options=("table",),
        binary=True,
    ),
    Exporter(
        name="csv",
        extension=".csv",
        media_type="text/csv",
        description="one table of the store as CSV with a header; list columns as JSON arrays",
        write=partial(write_table, fmt="csv"),
        unit="rows",
        options=("table",),
    ),
)
