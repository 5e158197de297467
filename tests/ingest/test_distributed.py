"""Ingest on Dask: partitions that cover the input exactly, idempotent partition files, and the same store as
the local path on a LocalCluster of two worker processes."""

import json

import duckdb
import pytest
from distributed import LocalCluster

from eventwire import distributed
from eventwire.distributed import (
    Partition,
    code_partition,
    files_of,
    ingest_dask,
    partitions,
    read_partition,
    read_source,
)
from eventwire.ingest import read, run_ingest
from eventwire.ingest.readers import Skipped
from eventwire.store import Store

RECORDS = [
    {"id": "n1", "date": "2024-03-04", "text": "Germany pledged new aid to Moldova on Tuesday."},
    {"id": "n2", "date": "2024-03-05", "text": "China accused Japan of provoking tensions in the East China Sea."},
    {"id": "n3", "date": "2024-03-06", "text": "Chile recalled its ambassador to Peru after the dispute."},
    {"id": "n4", "date": "2024-03-07", "text": "Germany pledged new aid to Moldova on Tuesday."},  # n1's text again
    {"id": "n2", "date": "2024-03-08", "text": "Kenya hosted peace talks on Sudan in Nairobi on Monday."},  # n2's id
    {"id": "n6", "date": "2024-03-09", "text": "France condemned the attack on the embassy, the minister said."},
    {"id": "n7", "date": "2024-03-10", "text": "Brazil and Argentina signed a trade agreement in Buenos Aires."},
    {"id": "n8", "date": "2024-03-11", "text": "Poland summoned the Belarusian ambassador over the border incident."},
]
TABLES = ("documents", "actors", "events", "quotes", "timexes", "places")


@pytest.fixture
def inputs(tmp_path):
    """JSON lines (one line broken) and a text file, in a folder."""
    folder = tmp_path / "in"
    folder.mkdir()
    lines = [json.dumps(r) for r in RECORDS]
    lines.insert(5, "{not json")
    (folder / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "visit.txt").write_text("The Indian prime minister visited Japan on Friday.", encoding="utf-8")
    return folder


def test_byte_ranges_give_the_entries_of_the_whole_file(inputs, monkeypatch):
    monkeypatch.setattr(distributed, "PARTITION_BYTES", 150)
    parts = partitions(list(files_of([str(inputs)])), slots=2)
    assert len(parts) > 3
    assert any(s.end is not None and s.start > 0 for p in parts for s in p.sources)  # the JSON lines were split
    pieces = [e for p in parts for s in p.sources for e in read_source(s, {"date": None})]
    whole = list(read([str(inputs)]))
    assert [(e.source, e.line, getattr(e, "meta", None)) for e in pieces] == [
        (e.source, e.line, getattr(e, "meta", None)) for e in whole
    ]


def test_a_retried_partition_writes_the_same_files_again(inputs, tmp_path):
    partition = Partition(0, tuple(s for p in partitions([inputs / "news.jsonl"], 1) for s in p.sources))
    folder = str(tmp_path / "parts")
    first = code_partition(partition, folder, {}, {}, 0.0)
    again = code_partition(partition, folder, {}, {}, 0.0)
    assert (first.read, first.coded, first.duplicates) == (again.read, again.coded, again.duplicates) == (8, 7, 1)
    assert [type(p) for p in first.repeats] == [Skipped]  # n4 repeats n1's text under another id
    assert len(list((tmp_path / "parts" / "documents").iterdir())) == 1
    ids = [item.meta.id for item, _ in read_partition(folder, 0)]
    assert ids[:5] == ["n1", "n2", "n3", ids[3], "n6"] and ids[3].startswith("n2#")  # the id taken: suffixed


def _rows(db: str) -> dict[str, list]:
    con = duckdb.connect(db, read_only=True)
    try:
        return {
            t: sorted(
                map(
                    str,
                    con.execute(
                        f"SELECT * EXCLUDE (ingested_at) FROM {t}" if t == "documents" else f"SELECT * FROM {t}"
                    ).fetchall(),
                )
            )
            for t in TABLES
        }
    finally:
        con.close()


@pytest.mark.slow
def test_dask_stores_what_the_local_path_stores(inputs, tmp_path, monkeypatch):
    monkeypatch.setattr(distributed, "PARTITION_BYTES", 300)  # several partitions for two workers
    with Store(tmp_path / "local.duckdb") as store:
        local = run_ingest([str(inputs)], store, workers=1)
    problems = []
    # one cluster for both runs: each worker builds the pipeline once
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Store(tmp_path / "dask.duckdb") as store:
            address = cluster.scheduler_address
            remote = ingest_dask([str(inputs)], store, address=address, on_problem=problems.append)
            again = ingest_dask([str(inputs)], store, address=address, parquet=str(tmp_path / "pq"))
    assert (
        (remote.read, remote.stored, remote.duplicates, len(remote.problems))
        == (local.read, local.stored, local.duplicates, len(local.problems))
        == (9, 8, 1, 1)
    )
    assert any("not valid JSON" in str(p) for p in problems)
    assert _rows(str(tmp_path / "dask.duckdb")) == _rows(str(tmp_path / "local.duckdb"))
    assert again.stored == 0 and again.duplicates == 9  # the second run stored nothing twice
    # the dataset holds every partition's documents: n4 repeats n1 from another partition (a store keeps one)
    documents = f"read_parquet('{tmp_path}/pq/documents/*.parquet')"
    assert duckdb.execute(f"SELECT count(*), count(DISTINCT hash) FROM {documents}").fetchall() == [(9, 8)]


def test_the_command_says_what_dask_cannot_read(inputs, tmp_path, capsys):
    from eventwire.cli import main

    db = str(tmp_path / "s.duckdb")
    assert main(["ingest", "-", "--dask", "local", "--db", db]) == 2
    assert main(["ingest", str(inputs), "--parquet-only", str(tmp_path / "pq"), "--db", db]) == 2
    said = capsys.readouterr().err.splitlines()
    assert said == [
        "eventwire: --dask reads files and folders, not standard input: save the input to a file first",
        "eventwire: --parquet-only is for --dask: a local ingest writes the store",
    ]
