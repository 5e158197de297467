"""The DuckDB store on its own: creating, refusing what it cannot open in one line, writing, reading as Arrow."""

import subprocess
import sys

import duckdb
import pyarrow as pa
import pytest

from eventwire.errors import StoreError
from eventwire.records import RECORDS, SCHEMA, arrow_schema
from eventwire.store import Store


def test_a_new_store_has_the_tables_and_names_its_schema(tmp_path):
    path = tmp_path / "new.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path), read_only=True)
    tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert tables == {"documents", "meta", *RECORDS}
    assert con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()[0] == SCHEMA
    con.close()
    with Store(path, read_only=True) as store:  # reopened without complaint
        assert store.count() == 0


def test_add_stores_once_per_text_and_reads_back_as_arrow(store, make):
    assert store.add([make.entry(make.pledge()), make.entry(make.speech())]) == 2
    assert store.add([make.entry(make.pledge())]) == 0  # same text: nothing new
    events = store.events()
    assert isinstance(events, pa.Table) and events.schema == arrow_schema("events")
    assert events.column("cameo").to_pylist() == ["072"]
    assert store.documents().column("doc_id").to_pylist() == ["pledge", "speech"]
    assert store.actors().num_rows == 4 and store.quotes().num_rows == 1
    assert store.timexes().num_rows == 0 and store.places().num_rows == 0
    assert store.count("actors") == 4
    assert store.sql("SELECT doc_id FROM events WHERE deadline = ?", ["2025-01-15"]).to_pylist() == [
        {"doc_id": "pledge"}
    ]


def test_known_hashes(store, make):
    stored, other = make.entry(make.pledge()), make.entry(make.speech())
    store.add([stored])
    assert store.known_hashes([stored[1], other[1]]) == {stored[1]}


def test_an_id_reused_for_another_text_gets_a_suffix(store, make):
    store.add([make.entry(make.pledge())])
    coded, text = make.speech(doc_id="pledge")
    store.add([make.entry((coded, text))])
    ids = store.documents().column("doc_id").to_pylist()
    assert ids[0] == "pledge" and ids[1].startswith("pledge#") and len(ids) == 2


def test_a_failed_batch_leaves_the_store_as_it_was(store, make):
    store.add([make.entry(make.pledge())])
    bad, text = make.speech()
    bad.meta.title = ["not", "text"]  # Arrow refuses it
    with pytest.raises(pa.ArrowException):
        store.add(
            [
                make.entry(make.pledge(doc_id="again", deadline="2025-02-01"), "Other text."),
                make.entry((bad, text)),
            ]
        )
    assert store.count() == 1 and store.count("events") == 1
    assert store.add([make.entry(make.speech())]) == 1  # and it is still writable


def test_unknown_table(store):
    with pytest.raises(StoreError, match="no table 'event'"):
        store.table("event")


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda tmp: (tmp / "missing.duckdb", True), "no store at .*missing.duckdb: run `eventwire ingest"),
        (lambda tmp: (tmp / "no" / "such" / "x.duckdb", False), "folder .* does not exist"),
        (lambda tmp: (tmp, False), "is a folder"),
        (lambda tmp: ("s3://bucket/x.duckdb", False), "not a local file"),
        (lambda tmp: ("https://example.org/x.duckdb", True), "not a local file"),
    ],
)
def test_paths_that_cannot_hold_a_store(tmp_path, make, message):
    path, read_only = make(tmp_path)
    with pytest.raises(StoreError, match=message):
        Store(path, read_only=read_only)


def test_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("shopping list\n")
    with pytest.raises(StoreError, match="is not a DuckDB database"):
        Store(path)


def test_a_store_of_another_schema_version(tmp_path):
    path = tmp_path / "old.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = 'eventwire/0' WHERE key = 'schema'")
    con.close()
    for read_only in (False, True):
        with pytest.raises(StoreError, match="schema eventwire/0, not .* re-ingest into a new file"):
            Store(path, read_only=read_only)


def test_a_database_of_something_else(tmp_path):
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE documents (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="unknown schema"):
        Store(path)


def test_a_store_locked_by_another_process_is_named(tmp_path):
    path = tmp_path / "busy.duckdb"
    Store(path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, sys, time; c = duckdb.connect({str(path)!r}); "
            "print('ready', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        for read_only in (False, True):
            with pytest.raises(StoreError) as caught:
                Store(path, read_only=read_only)
            message = str(caught.value)
            assert f"in use by process {holder.pid}" in message and "one process owns a DuckDB file" in message
            assert "\n" not in message
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
