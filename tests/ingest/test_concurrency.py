"""Several processes on one store at once. DuckDB lets one process open a file while another has it open for
writing (not even to read), so an ingest holds the store only while it looks up or writes a batch, and every
command waits its turn (up to --wait seconds): two ingests both store their documents, and a reader during an
ingest gets its answer."""

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwire.store import Store

EVENTWIRE = str(Path(sys.executable).with_name("eventwire"))  # the command as installed
COUNTRIES = ["Chile", "Peru", "Kenya", "Poland", "Japan", "Brazil", "Ghana", "Norway", "Egypt", "Canada"]


def corpus(path: Path, numbers) -> Path:
    rows = (
        {
            "id": f"d{n}",
            "date": "2024-03-05",
            "text": f"{COUNTRIES[n % 10]} thanked {COUNTRIES[n // 10 % 10]} in note {n}.",
        }
        for n in numbers
    )
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def ingest(source: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [EVENTWIRE, "ingest", str(source), "--db", str(db), "--workers", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_two_ingests_and_readers_share_a_store(tmp_path):
    db = tmp_path / "shared.duckdb"
    first = corpus(tmp_path / "first.jsonl", range(0, 400))
    second = corpus(tmp_path / "second.jsonl", range(300, 700))  # 100 documents in both
    runs = [ingest(first, db), ingest(second, db)]
    answers = []
    while any(run.poll() is None for run in runs):
        if db.exists():  # a reader while both write: it waits its turn, then answers
            answers.append(subprocess.run([EVENTWIRE, "stats", "--db", str(db)], capture_output=True, text=True))
        time.sleep(0.2)
    outcomes = [(run.returncode, run.stderr.read()) for run in runs]
    assert [code for code, _ in outcomes] == [0, 0], outcomes
    assert {err.splitlines()[-1].split(",")[0] for _, err in outcomes} == {"400 documents read"}
    stored = [int(err.split(" new stored")[0].split()[-1]) for _, err in outcomes]
    assert sum(stored) == 700  # each shared document stored once, by whichever got there first
    assert answers and all(a.returncode == 0 and a.stdout.startswith("documents ") for a in answers), answers[-1:]
    assert not any("Traceback" in a.stderr for a in answers)
    counts = [int(a.stdout.split()[1]) for a in answers]
    assert counts == sorted(counts) and len(set(counts)) > 1  # readers saw the store grow
    with Store(db, read_only=True) as store:
        ids = store.documents().column("doc_id").to_pylist()
    assert sorted(ids) == sorted(f"d{n}" for n in range(700))


def test_a_reader_gives_up_after_its_wait_with_one_line(tmp_path):
    db = tmp_path / "busy.duckdb"
    Store(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, sys; c = duckdb.connect({str(db)!r}); print('ready', flush=True); "
         "sys.stdin.read()"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "ready"
        result = subprocess.run([EVENTWIRE, "stats", "--db", str(db), "--wait", "1"], capture_output=True, text=True)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"eventwire: {db} is in use by process {holder.pid} (python")
    assert "not free within 1 s" in result.stderr and "--wait" in result.stderr
