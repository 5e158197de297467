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
import random
import re
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import StoreError
from .records import RECORDS, SCHEMA, Coded, arrow_schema, duckdb_ddl, stored_row
from .stories import DDL as STORY_DDL
from .stories import Stories

if TYPE_CHECKING:  # imported where used: the commands that only read a store need no Arrow, `code` no DuckDB
    import duckdb
    import pyarrow as pa

DEFAULT_DB = "eventwire.duckdb"
RECORD_TABLES = tuple(RECORDS)
TABLES = ("documents", *RECORD_TABLES)
# no extension is ever downloaded (a path like s3://... would make DuckDB fetch one)
OFFLINE = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
# what DuckDB reads as other than a file: a URL (s3://, https://), MotherDuck (md:) or memory (:memory:)
NOT_A_FILE = re.compile(r"[A-Za-z][\w+.-]+:|:memory:")
LOCKED = "Could not set lock"
LOCK_HOLDER = re.compile(r"Conflicting lock is held in (.+?) \(PID (\d+)\)")
WAIT = 30.0  # seconds an open waits for a file another process holds
# causes that stop every write to a file, and what to do about them
DISK_ERRORS = {
    "No space left on device": "the disk is full: free some space and run the same command again",
    "Disk quota exceeded": "free some space and run the same command again",
    "Read-only file system": "use a store on a writable disk (--db)",
    "Permission denied": "the file or its folder is not open to you: use a store of your own (--db)",
}


class Store:
    """A DuckDB file holding coded documents. ``read_only`` opens an existing store without creating one.

    DuckDB lets one process open a file while another has it open for writing, not even to read. So the store
    can let go of the file (:meth:`close`) and opens it again when next used, and an open waits up to ``wait``
    seconds while another process holds the file: an ingest holds it only while it looks up or writes a batch,
    and readers and other ingests take their turn in between.
    """

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False, wait: float = WAIT):
        self.path = str(path)
        self.read_only = read_only
        self.wait = wait
        self.stories = Stories()  # the story index, built from the store when a batch is first added
        _check_path(self.path, read_only)
        self._con: duckdb.DuckDBPyConnection | None = self._open()  # now: what is wrong with the file is said at once

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The connection to the file, opened again if the store let go of it."""
        if self._con is None:
            self._con = self._open()
        return self._con

    def close(self) -> None:
        """Let go of the file, so that other processes can open it; the store opens it again when next used."""
        import duckdb

        con, self._con = self._con, None
        if con is not None:
            try:
                con.close()  # writes the log into the file: the disk can be full here too
            except duckdb.Error as exc:
                raise StoreError(
                    _write_error(self.path, exc) or f"cannot close {self.path} ({_first_line(exc)})"
                ) from None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _open(self) -> duckdb.DuckDBPyConnection:
        """Connect, waiting (up to ``self.wait`` seconds) while another process holds the file."""
        import duckdb

        deadline = time.monotonic() + self.wait
        while True:
            try:
                con = duckdb.connect(self.path, read_only=self.read_only, config=OFFLINE)
                break
            except duckdb.Error as exc:
                if LOCKED not in str(exc) or time.monotonic() >= deadline:
                    raise StoreError(_open_error(self.path, exc, self.wait, self.read_only)) from None
            time.sleep(random.uniform(0.05, 0.25))  # at random, so that two waiting processes do not collide again
        try:
            self._check_schema(con)
        except BaseException:
            con.close()
            raise
        return con

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

    def stored_ids(self, hashes: Iterable[str]) -> dict[str, str]:
        """The document id of each of these content hashes that is stored already."""
        import pyarrow as pa

        wanted = pa.table({"hash": pa.array(list(hashes), pa.string())})
        return dict(
            self._query_arrow("SELECT w.hash, d.doc_id FROM wanted w JOIN documents d USING (hash)", wanted=wanted)
        )

    def add(self, batch: list[tuple[Coded, str, str]]) -> int:
        """Store (records, content hash, text) triples in one transaction; returns how many were new."""
        import duckdb
        import pyarrow as pa

        stored = self.stored_ids(h for _, h, _ in batch)
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
            self.stories.assign(self.con, rows["documents"])  # each document's outlet and story, and its signature
            for table, records in rows.items():
                if records:
                    arrow = pa.Table.from_pylist(records, schema=arrow_schema(table))
                    columns = ", ".join(f'"{c}"' for c in arrow.column_names)
                    self._query_arrow(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM arrow", arrow=arrow)
            self.con.execute("COMMIT")
        except BaseException as exc:
            self._rollback()
            if isinstance(exc, duckdb.Error) and (message := _write_error(self.path, exc)):
                raise StoreError(message) from None  # the disk, not the data: no other batch will fare better
            raise
        return len(fresh)

    def _rollback(self) -> None:
        """Undo the open transaction; a failed COMMIT has already ended it, and that error is the one to tell."""
        import duckdb

        try:
            self.con.execute("ROLLBACK")
        except duckdb.Error:
            pass

    def _taken_ids(self, ids: list[str]) -> set[str]:
        """Which of these document ids are stored already (one query for the batch)."""
        import pyarrow as pa

        wanted = pa.table({"doc_id": pa.array(ids, pa.string())})
        return {
            r[0] for r in self._query_arrow("SELECT doc_id FROM wanted JOIN documents USING (doc_id)", wanted=wanted)
        }

    def _query_arrow(self, query: str, **tables: pa.Table) -> list[tuple]:
        """The rows of SQL over Arrow tables, each under the name of its keyword."""
        for name, table in tables.items():
            self.con.register(name, table)
        try:
            return self.con.execute(query).fetchall()
        finally:
            for name in tables:
                self.con.unregister(name)

    # -- schema version ------------------------------------------------------------------------------------

    def _check_schema(self, con: duckdb.DuckDBPyConnection) -> None:
        """Create the tables in a new store; refuse a store written with another record schema."""
        import duckdb

        existing = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        if not existing and not self.read_only:
            try:
                con.execute("BEGIN TRANSACTION")
                con.execute(duckdb_ddl())
                con.execute(STORY_DDL)
                con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
                con.execute("INSERT INTO meta VALUES ('schema', ?)", [SCHEMA])
                con.execute("COMMIT")
            except duckdb.Error as exc:
                raise StoreError(
                    _write_error(self.path, exc) or f"cannot create {self.path} ({_first_line(exc)})"
                ) from None
            return
        found = None
        if "meta" in existing:
            rows = con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchall()
            found = rows[0][0] if rows else None
        if not existing:  # read-only: an ingest was stopped (killed) as it began to create the store
            raise StoreError(f"{self.path} holds no documents yet: run `eventwire ingest FILES --db {self.path}`")
        if found != SCHEMA or not set(TABLES) <= existing:
            written = f"schema {found}" if found else "an unknown schema"
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
    if NOT_A_FILE.match(path):
        raise StoreError(f"{path} is not a local file: a store is a DuckDB file on this machine")
    p = Path(path)
    if p.is_dir():
        raise StoreError(f"{path} is a folder, not a DuckDB file")
    if read_only and not p.exists():
        others = sorted(str(f) for f in p.parent.glob("*.duckdb"))[:3] if p.parent.is_dir() else []
        hint = f"; or read a store that exists: {' or '.join(f'--db {o}' for o in others)}" if others else ""
        raise StoreError(f"no store at {path}: make one with `eventwire ingest FILES --db {path}`{hint}")
    if not p.parent.is_dir():
        raise StoreError(f"cannot create a store at {path}: folder {p.parent} does not exist")


def _first_line(exc: BaseException) -> str:
    return str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__


def _write_error(path: str, exc: duckdb.Error, doing: str = "write") -> str | None:
    """What stops every use of the file (a full disk, a read-only file), said by its cause; None for an error
    of the data written, which another document would not meet."""
    import duckdb

    message = str(exc)
    for cause, advice in DISK_ERRORS.items():
        if cause.lower() in message.lower():
            return f"cannot {doing} {path}: {cause.lower()}; {advice}"
    if isinstance(exc, (duckdb.IOException, duckdb.FatalException)) or "invalidated" in message:
        return f"cannot {doing} {path} ({_first_line(exc)})"
    return None


def _open_error(path: str, exc: duckdb.Error, waited: float, read_only: bool) -> str:
    message = str(exc)
    if LOCKED in message:
        holder = LOCK_HOLDER.search(message)
        who = f"process {holder[2]} ({Path(holder[1]).name})" if holder else "another process"
        return (
            f"{path} is in use by {who} and was not free within {waited:g} s: one process owns a DuckDB file "
            "while it has it open (an ingest only while it writes a batch, a Python session until it closes it); "
            "try again, wait longer (--wait), or use another --db"
        )
    if "not a valid DuckDB database" in message:
        return f"{path} is not a DuckDB database"
    return _write_error(path, exc, "open" if read_only else "write") or f"cannot open {path} ({_first_line(exc)})"


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
            rows[table].extend(stored_row(table, record, doc_id, coded.meta.date) for record in data[table])
    return rows
