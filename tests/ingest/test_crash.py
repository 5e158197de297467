"""Crash safety: an ingest killed at any moment (kill -9: no clean-up runs) leaves a store that the same command
completes, and the result is the store a run without crashes writes: no document lost, none twice, none in part,
no record without its document."""

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwire.errors import StoreError
from eventwire.store import RECORD_TABLES, TABLES, Store

EVENTWIRE = str(Path(sys.executable).with_name("eventwire"))  # the command as installed
COUNTRIES = ["Chile", "Peru", "Kenya", "Poland", "Japan", "Brazil", "Ghana", "Norway", "Egypt", "Canada"]
KILLS = 12


def corpus(path: Path, size: int) -> Path:
    rows = []
    for n in range(size):
        a, b = COUNTRIES[n % 10], COUNTRIES[n // 10 % 10]
        text = f'{a} accused {b} of spying on day {n}. "We will respond," the {a} foreign minister said on Monday.'
        rows.append(json.dumps({"id": f"d{n}", "date": "2024-03-05", "text": text}) + "\n")
    path.write_text("".join(rows), encoding="utf-8")
    return path


def ingest(source: Path, db: Path) -> subprocess.Popen:
    command = [EVENTWIRE, "ingest", str(source), "--db", str(db), "--workers", "1"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def contents(db: Path) -> dict[str, list]:
    """Every table's rows (but the time of ingest), in a fixed order."""
    with Store(db, read_only=True) as store:
        return {
            table: sorted(map(repr, store.sql(f"SELECT * EXCLUDE (ingested_at) FROM {table}").to_pylist()))
            if table == "documents"
            else sorted(map(repr, store.table(table).to_pylist()))
            for table in TABLES
        }


def count(db: Path) -> int | None:
    """How many documents a store holds; None if the kill came before it had its tables."""
    try:
        with Store(db, read_only=True) as store:
            return store.count()
    except StoreError as exc:
        assert "holds no documents yet" in str(exc) or "no store at" in str(exc), exc
        return None


def orphans(db: Path) -> dict[str, int]:
    with Store(db, read_only=True) as store:
        return {
            table: store.con.execute(
                f"SELECT count(*) FROM {table} WHERE doc_id NOT IN (SELECT doc_id FROM documents)"
            ).fetchall()[0][0]
            for table in RECORD_TABLES
        }


@pytest.mark.slow
def test_ingests_killed_at_random_moments_lose_nothing_and_leave_nothing_half_done(tmp_path):
    source = corpus(tmp_path / "news.jsonl", 400)
    clean = tmp_path / "clean.duckdb"
    started = time.monotonic()
    run = ingest(source, clean)
    assert run.wait(timeout=600) == 0, run.stderr.read()
    lasted = time.monotonic() - started

    crashed = tmp_path / "crashed.duckdb"
    rng = random.Random(20241129)
    stored = []
    for _ in range(KILLS):
        run = ingest(source, crashed)
        time.sleep(rng.uniform(0.3, lasted))  # while loading, reading, coding, writing or letting go of the store
        run.send_signal(signal.SIGKILL)
        run.wait(timeout=60)
        stored.append(count(crashed))
        assert stored[-1] is None or orphans(crashed) == dict.fromkeys(RECORD_TABLES, 0)  # after every crash
    assert len(set(stored) - {None}) > 2, stored  # the kills fell at different points of the run
    run = ingest(source, crashed)
    assert run.wait(timeout=600) == 0, run.stderr.read()

    assert orphans(crashed) == dict.fromkeys(RECORD_TABLES, 0)
    expected, found = contents(clean), contents(crashed)
    assert len(expected["documents"]) == 400 and all(expected[t] for t in ("actors", "events", "quotes"))
    for table in TABLES:
        assert found[table] == expected[table], table  # 0 lost, 0 duplicated, 0 partial


@pytest.mark.slow
def test_workers_end_when_the_ingest_is_killed(tmp_path):
    """Killed (kill -9, or by the kernel when out of memory), an ingest cannot stop its workers: they see it gone
    and end, instead of waiting for work for ever and holding their memory."""
    children = Path("/proc/self/task")
    if not children.exists():
        pytest.skip("needs /proc (Linux)")
    source = corpus(tmp_path / "news.jsonl", 3000)
    run = subprocess.Popen(
        [EVENTWIRE, "ingest", str(source), "--db", str(tmp_path / "s.duckdb"), "--workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: list[int] = []
    for _ in range(240):
        time.sleep(0.5)
        workers = [int(pid) for pid in Path(f"/proc/{run.pid}/task/{run.pid}/children").read_text().split()]
        if len(workers) == 2:
            break
    assert len(workers) == 2 and run.poll() is None
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=60)
    for _ in range(20):
        time.sleep(0.5)
        alive = [pid for pid in workers if Path(f"/proc/{pid}").exists() and _state(pid) != "Z"]
        if not alive:
            break
    assert alive == []


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"
