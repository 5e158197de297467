"""The embedded DuckDB store: one table per record kind, keyed by document.

Documents are identified by the SHA-256 of their text, so re-ingesting the same text adds nothing. Each
batch is written in one transaction from Arrow tables (bulk, not row by row): a failure leaves what was
stored before untouched. A small ``meta`` table names the records' schema version, so a store written by
another version is refused with a message instead of failing half-way through a query.

Reading returns Arrow tables (:meth:`Store.events` and the like), which turn into pandas or polars data
frames with ``.to_pandas()`` or ``polars.from_arrow``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path

import duckdb
import pyarrow as pa

from .errors import StoreError
from .records import RECORDS, SCHEMA, Coded, arrow_schema, duckdb_ddl

DEFAULT_DB = "eventwire.duckdb"
RECORD_TABLES = tuple(RECORDS)
TABLES = ("documents", *RECORD_TABLES)
# no extension is ever downloaded (a path like s3://... would make DuckDB fetch one)
OFFLINE = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
LOCK_HOLDER = re.compile(r"Conflicting lock is held in (.+?) \(PID (\d+)\)")


class Store:
    """A DuckDB file holding coded documents. ``read_only`` opens an existing store without creating one."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False):
        self.path = str(path)
        _check_path(self.path, read_only)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only, config=OFFLINE)
        except duckdb.Error as exc:
            raise StoreError(_open_error(self.path, exc)) from None
        try:
            self._check_schema(read_only)
        except BaseException:
            self.con.close()
            raise

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- reading -------------------------------------------------------------------------------------------

    def sql(self, query: str, params: list | None = None) -> pa.Table:
        """Any SQL over the store's tables, as an Arrow table."""
        return self.con.sql(query, params=params).to_arrow_table()

    def table(self, name: str) -> pa.Table:
        """A whole table (documents or a record kind) as Arrow, in the order it was stored."""
        return self.sql(f"SELECT * FROM {_table(name)}")

    def documents(self) -> pa.Table:
        return self.table("documents")

    def actors(self) -> pa.Table:
        return self.table("actors")

    def events(self) -> pa.Table:
        return self.table("events")

    def quotes(self) -> pa.Table:
        return self.table("quotes")

    def timexes(self) -> pa.Table:
        return self.table("timexes")

    def places(self) -> pa.Table:
        return self.table("places")

    def count(self, table: str = "documents") -> int:
        return self.con.execute(f"SELECT count(*) FROM {_table(table)}").fetchall()[0][0]  # fetchone leaves it open

    # -- writing -------------------------------------------------------------------------------------------

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Which of these content hashes are stored already."""
        wanted = pa.table({"hash": pa.array(list(hashes), pa.string())})  # noqa: F841 — read by the SQL
        return {r[0] for r in self.con.execute("SELECT w.hash FROM wanted w JOIN documents d USING (hash)").fetchall()}

    def add(self, batch: list[tuple[Coded, str, str]]) -> int:
        """Store (records, content hash, text) triples in one transaction; returns how many were new."""
        stored = self.known_hashes(h for _, h, _ in batch)
        fresh, seen = [], set()
        for coded, content_hash, text in batch:
            if content_hash in stored or content_hash in seen:
                continue
            seen.add(content_hash)
            fresh.append((coded, content_hash, text))
        if not fresh:
            return 0
        rows = _rows(fresh, self._taken_ids([c.meta.id for c, _, _ in fresh]))
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table, records in rows.items():
                if records:
                    arrow = pa.Table.from_pylist(records, schema=arrow_schema(table))  # noqa: F841 — read by the SQL
                    columns = ", ".join(f'"{c}"' for c in arrow.column_names)
                    self.con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM arrow")
            self.con.execute("COMMIT")
        except BaseException as exc:
            self._rollback()
            if isinstance(exc, duckdb.IOException):  # the disk, not the data: no other batch will fare better
                raise StoreError(f"cannot write {self.path} ({_first_line(exc)})") from None
            raise
        return len(fresh)

    def _rollback(self) -> None:
        """Undo the open transaction; a failed COMMIT has already ended it, and that error is the one to tell."""
        try:
            self.con.execute("ROLLBACK")
        except duckdb.Error:
            pass

    def _taken_ids(self, ids: list[str]) -> set[str]:
        """Which of these document ids are stored already (one query for the batch)."""
        wanted = pa.table({"doc_id": pa.array(ids, pa.string())})  # noqa: F841 — read by the SQL
        return {r[0] for r in self.con.execute("SELECT doc_id FROM wanted JOIN documents USING (doc_id)").fetchall()}

    # -- schema version ------------------------------------------------------------------------------------

    def _check_schema(self, read_only: bool) -> None:
        """Create the tables in a new store; refuse a store written with another record schema."""
        existing = {r[0] for r in self.con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        if not existing and not read_only:
            self.con.execute("BEGIN TRANSACTION")
            self.con.execute(duckdb_ddl())
            self.con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
            self.con.execute("INSERT INTO meta VALUES ('schema', ?)", [SCHEMA])
            self.con.execute("COMMIT")
            return
        found = None
        if "meta" in existing:
            rows = self.con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchall()
            found = rows[0][0] if rows else None
        if found != SCHEMA or not set(TABLES) <= existing:
            written = f"schema {found}" if found else "an unknown schema" if existing else "no tables"
            raise StoreError(
                f"{self.path} holds {written}, not {SCHEMA} of this eventwire: "
                "re-ingest into a new file (--db NEW.duckdb)"
            )


def _table(name: str) -> str:
    if name not in TABLES:
        raise StoreError(f"no table {name!r} in a store (tables: {', '.join(TABLES)})")
    return name


def _check_path(path: str, read_only: bool) -> None:
    """Say in one line why a path cannot hold a store, before DuckDB tries (and perhaps fetches an extension)."""
    if "://" in path:
        raise StoreError(f"{path} is not a local file: a store is a DuckDB file on this machine")
    p = Path(path)
    if p.is_dir():
        raise StoreError(f"{path} is a folder, not a DuckDB file")
    if read_only and not p.exists():
        raise StoreError(f"no store at {path}: run `eventwire ingest ... --db {path}` first")
    if not p.parent.is_dir():
        raise StoreError(f"cannot create a store at {path}: folder {p.parent} does not exist")


def _first_line(exc: BaseException) -> str:
    return str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__


def _open_error(path: str, exc: duckdb.Error) -> str:
    message = str(exc)
    if "Could not set lock" in message:
        holder = LOCK_HOLDER.search(message)
        who = f"process {holder[2]} ({Path(holder[1]).name})" if holder else "another process"
        return (
            f"{path} is in use by {who}: one process owns a DuckDB file while it writes; "
            "wait for it to finish, or use another --db"
        )
    if "not a valid DuckDB database" in message:
        return f"{path} is not a DuckDB database"
    return f"cannot open {path} ({_first_line(exc)})"


def _rows(batch, taken_ids: set[str]) -> dict[str, list[dict]]:
    """Flatten records into per-table rows; a document id already used by other text gets a hash suffix."""
    rows: dict[str, list[dict]] = {t: [] for t in TABLES}
    now = dt.datetime.now()
    used = set(taken_ids)
    for coded, content_hash, text in batch:
        data = coded.to_json()
        doc = data["document"]
        doc_id = doc["id"]
        if doc_id in used:
            doc_id = f"{doc_id}#{content_hash[:12]}"
        used.add(doc_id)
        rows["documents"].append(
            {
                "doc_id": doc_id,
                "hash": content_hash,
                "title": doc["title"],
                "date": dt.date.fromisoformat(doc["date"]) if doc["date"] else None,
                "source": doc["source"],
                "url": doc["url"],
                "text": text,
                "ingested_at": now,
            }
        )
        for table in RECORD_TABLES:
            for record in data[table]:
                rows[table].append({"doc_id": doc_id, **record})
    return rows
