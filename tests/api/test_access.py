"""How the server shares the store with an ingest: requests open it read-only and let go, and under steady load
they pause now and then so that a writer waiting for the file gets it."""

import subprocess
import sys
import threading
import time

import pytest

from eventwire.api.access import Access, StoreBusy, Turns
from eventwire.store import Store


def test_requests_share_the_file_until_it_has_been_open_too_long():
    turns = Turns(hold=0.2, gap=0.3)
    turns.enter()
    joined = threading.Event()
    threading.Thread(target=lambda: (turns.enter(), joined.set())).start()
    assert joined.wait(1)  # a request while the file is open, early on: goes ahead
    time.sleep(0.25)
    entered = []
    late = threading.Thread(target=lambda: (turns.enter(), entered.append(time.monotonic())))
    late.start()
    time.sleep(0.1)
    assert not entered  # open longer than `hold`: new requests wait for a break
    turns.leave()
    time.sleep(0.05)
    assert not entered  # one request still has it open
    turns.leave()
    let_go = time.monotonic()
    late.join(2)
    assert entered and 0.25 <= entered[0] - let_go < 1  # ... and the break lasts `gap`
    turns.leave()
    assert turns.open == 0


def test_a_writer_gets_the_store_while_requests_keep_coming(tmp_path):
    db = tmp_path / "busy.duckdb"
    Store(db).close()
    access = Access(str(db), turns=Turns(hold=0.5, gap=0.3))
    stop = threading.Event()

    def reader():
        while not stop.is_set():
            with access.store() as store:
                store.count()
                time.sleep(0.02)

    readers = [threading.Thread(target=reader) for _ in range(4)]
    for thread in readers:
        thread.start()
    try:
        time.sleep(0.3)  # the readers overlap: the file is never let go without the breaks
        writer = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys, time; from eventwire.store import Store; t = time.monotonic(); "
                f"Store({str(db)!r}, wait=10).close(); print(time.monotonic() - t)",
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        stop.set()
        for thread in readers:
            thread.join()
    assert writer.returncode == 0, writer.stderr
    assert float(writer.stdout) < 3


def test_a_request_gives_up_on_a_store_held_by_a_writer(tmp_path):
    db = tmp_path / "held.duckdb"
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
        started = time.monotonic()
        with pytest.raises(StoreBusy, match=rf"being written by an ingest \(pid {holder.pid}\)"):
            with Access(str(db), wait=0.4).store():
                pass
        assert 0.4 <= time.monotonic() - started < 3
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    with Access(str(db)).store() as store:
        assert store.count() == 0
