"""The embedded DuckDB store: one table per record kind, keyed by document.

Documents are identified by the SHA-256 of their text, so re-ingesting the same text adds nothing. Each
batch is written in one transaction from Arrow tables (bulk, not row by row): a failure leaves what was
stored before untouched.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

import duckdb
import pyarrow as pa

from .records import RECORDS, Coded, arrow_schema, duckdb_ddl

DEFAULT_DB = "eventwire.duckdb"

RECORD_TABLES = tuple(RECORDS)


class Store:
    """A DuckDB file holding coded documents."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False):
        self.path = str(path)
        self.con = duckdb.connect(self.path, read_only=read_only)
        if not read_only:
            self.con.execute(duckdb_ddl())

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

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
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return len(fresh)

    def _taken_ids(self, ids: list[str]) -> set[str]:
        """Which of these document ids are stored already (one query for the batch)."""
        wanted = pa.table({"doc_id": pa.array(ids, pa.string())})  # noqa: F841 — read by the SQL
        return {r[0] for r in self.con.execute("SELECT doc_id FROM wanted JOIN documents USING (doc_id)").fetchall()}


def _rows(batch, taken_ids: set[str]) -> dict[str, list[dict]]:
    """Flatten records into per-table rows; a document id already used by other text gets a hash suffix."""
    rows: dict[str, list[dict]] = {"documents": [], **{t: [] for t in RECORD_TABLES}}
    now = dt.datetime.now()
    used = set(taken_ids)
    for coded, content_hash, text in batch:
        data = coded.to_json()
        doc = data["document"]
        doc_id = doc["id"]
        if doc_id in used:
            doc_id = f"{doc_id}#{content_hash[:12]}"
        used.add(doc_id)
        rows["documents"].append({
            "doc_id": doc_id, "hash": content_hash, "title": doc["title"],
            "date": dt.date.fromisoformat(doc["date"]) if doc["date"] else None,
            "source": doc["source"], "url": doc["url"], "text": text, "ingested_at": now,
        })
        for table in RECORD_TABLES:
            for record in data[table]:
                rows[table].append({"doc_id": doc_id, **record})
    return rows

