"""The DuckDB store on its own: creating, refusing what it cannot open in one line, writing, reading as Arrow."""

import subprocess
import sys
import time

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
    assert tables == {"documents", "meta", "signatures", *RECORDS}  # signatures: story matching (eventwire.stories)
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


def test_stored_ids_of_content_hashes(store, make):
    stored, other = make.entry(make.pledge()), make.entry(make.speech())
    store.add([stored])
    assert store.stored_ids([stored[1], other[1]]) == {stored[1]: "pledge"}


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
        (lambda tmp: (tmp / "missing.duckdb", True), "no store at .*missing.duckdb: make one with `eventwire ingest"),
        (lambda tmp: (tmp / "no" / "such" / "x.duckdb", False), "folder .* does not exist"),
        (lambda tmp: (tmp, False), "is a folder"),
        (lambda tmp: ("s3://bucket/x.duckdb", False), "not a local file"),
        (lambda tmp: ("https://example.org/x.duckdb", True), "not a local file"),
        (lambda tmp: ("md:news", False), "not a local file"),  # MotherDuck: DuckDB would load an extension
        (lambda tmp: (":memory:", False), "not a local file"),
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


def hold(path, seconds: float | None = None) -> subprocess.Popen:
    """Another process holding the store open for writing: until its stdin closes, or for ``seconds``."""
    release = f"time.sleep({seconds})" if seconds else "sys.stdin.read()"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, sys, time; c = duckdb.connect({str(path)!r}); print('ready', flush=True); {release}",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "ready"
    return holder


def test_a_store_locked_by_another_process_is_named(tmp_path):
    path = tmp_path / "busy.duckdb"
    Store(path).close()
    holder = hold(path)
    try:
        for read_only in (False, True):
            started = time.monotonic()
            with pytest.raises(StoreError) as caught:
                Store(path, read_only=read_only, wait=0.5)
            assert time.monotonic() - started >= 0.5  # it waited for its turn first
            message = str(caught.value)
            assert f"in use by process {holder.pid} (python" in message and "not free within 0.5 s" in message
            assert "one process owns a DuckDB file" in message and "--wait" in message and "\n" not in message
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


def test_a_store_waits_for_its_turn(tmp_path):
    path = tmp_path / "busy.duckdb"
    Store(path).close()
    holder = hold(path, seconds=1)
    try:
        with Store(path, read_only=True, wait=30) as store:
            assert store.count() == 0
    finally:
        holder.wait(timeout=30)


def test_a_closed_store_opens_again_when_used_and_lets_others_in_meanwhile(store, make):
    store.add([make.entry(make.pledge())])
    store.close()
    other = duckdb.connect(store.path, read_only=True)  # another process could open it now
    other.close()
    assert store.count() == 1  # opened again


def test_no_extension_is_installed_or_loaded_on_demand(store):
    settings = store.sql(
        "SELECT name, value FROM duckdb_settings() WHERE name LIKE 'auto%_known_extensions' ORDER BY name"
    ).to_pylist()
    assert settings == [
        {"name": "autoinstall_known_extensions", "value": "false"},
        {"name": "autoload_known_extensions", "value": "false"},
    ]


DISK_FULL = 'TransactionContext Error: Failed to commit: Could not write file "s.duckdb.wal": No space left on device'


class FullDisk:
    """A connection whose COMMIT fails as DuckDB's does when the disk fills up (and whose closing too, as the
    log cannot be written into the file)."""

    def __init__(self, con):
        self.con = con

    def __getattr__(self, name):
        return getattr(self.con, name)

    def execute(self, sql, *args):
        if sql == "COMMIT":
            raise duckdb.TransactionException(DISK_FULL)
        return self.con.execute(sql, *args)

    def close(self):
        self.con.close()
        raise duckdb.IOException('IO Error: Could not write file "s.duckdb": No space left on device')


def test_a_full_disk_is_said_by_its_cause_and_leaves_the_store_as_it_was(store, make):
    store.add([make.entry(make.pledge())])
    store._con = FullDisk(store.con)
    with pytest.raises(StoreError) as caught:
        store.add([make.entry(make.speech())])
    assert str(caught.value) == (
        f"cannot write {store.path}: no space left on device; the disk is full: free some space and run the same "
        "command again"
    )  # not DuckDB's "cannot rollback - no transaction is active"
    assert store.count() == 1 and store.count("quotes") == 0
    with pytest.raises(StoreError, match="no space left on device"):
        store.close()
    assert store.count() == 1  # opened again, unharmed


@pytest.mark.parametrize(
    "error, said",
    [
        ('IO Error: Cannot open file "x.duckdb": Read-only file system', "read-only file system; use a store on a"),
        ('IO Error: Cannot open file "x.duckdb": Permission denied', "permission denied; the file or its folder is"),
    ],
)
def test_a_store_that_cannot_be_written_is_said_by_its_cause(tmp_path, monkeypatch, error, said):
    def refuse(*args, **kwargs):
        raise duckdb.IOException(error)

    monkeypatch.setattr(duckdb, "connect", refuse)
    with pytest.raises(StoreError) as caught:
        Store(tmp_path / "x.duckdb")
    assert str(caught.value).startswith(f"cannot write {tmp_path / 'x.duckdb'}: {said}")


def test_an_empty_database_is_a_store_not_yet_written(tmp_path):
    """What an ingest killed as it began leaves: a DuckDB file without tables. Reading it says so; an ingest
    into it creates the store."""
    path = tmp_path / "begun.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(StoreError, match=r"begun.duckdb holds no documents yet: run `eventwire ingest FILES --db"):
        Store(path, read_only=True)
    with Store(path) as store:
        assert store.count() == 0
