"""How the server reads the store: opened read-only for each request and closed after it, never held.

DuckDB lets no other process open a file while one has it open for writing, not even to read; and while this
process has it open (read-only), an ingest cannot write it. So a request opens the store, runs its query and lets
go. Requests in flight at the same time share one opening (DuckDB keeps one database per file and process), so
under steady load the file would never be let go: :class:`Turns` makes new requests wait, now and then, until the
file has been let go for a moment, so that an ingest waiting for it gets its turn. A request that finds the file
held by an ingest tries again for a few seconds, then gives up with :class:`StoreBusy` (the API's 503).
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from ..errors import StoreError
from ..store import LOCK_HOLDER, LOCKED, OFFLINE, Store

if TYPE_CHECKING:
    import duckdb

WAIT = 5.0  # seconds a request waits for a store an ingest is writing, then 503
HOLD = 20.0  # seconds the file may stay open without a break (below a waiting ingest's 30 s)
HOLD_WRITTEN = 1.0  # ... while an ingest is running (the store was found locked within RECENT seconds)
RECENT = 60.0
GAP = 0.3  # seconds the file stays let go in a break: longer than an ingest's pause between two tries (0.25 s)


class StoreBusy(StoreError):
    """The store is being written by another process (an ingest) and was not free in time."""

    def __init__(self, path: str, pid: str | None, waited: float):
        who = f" (pid {pid})" if pid else ""
        super().__init__(
            f"the store {path} is being written by an ingest{who}; try again when it finishes (waited {waited:g} s)"
        )


class Turns:
    """Counts the requests that have the file open, and after ``hold`` seconds of it being open without a break
    holds new requests back until the file has been let go for ``gap`` seconds."""

    def __init__(self, hold: float = HOLD, gap: float = GAP):
        self.hold, self.gap = hold, gap
        self.open = 0
        self.since = 0.0  # when the file was last opened after a break
        self.resume = 0.0  # new requests wait until then
        self.draining = False
        self.cond = threading.Condition()

    def enter(self, hold: float | None = None) -> None:
        hold = self.hold if hold is None else hold
        with self.cond:
            while True:
                now = time.monotonic()
                if self.open and now - self.since > hold:
                    self.draining = True
                if self.draining:
                    self.cond.wait()
                elif now < self.resume:
                    self.cond.wait(self.resume - now)
                else:
                    break
            if not self.open:
                self.since = now
            self.open += 1

    def leave(self) -> None:
        with self.cond:
            self.open -= 1
            if not self.open and self.draining:
                self.draining = False
                self.resume = time.monotonic() + self.gap
            self.cond.notify_all()


class Access:
    """Opens the store at ``path`` for one request at a time (:meth:`store`)."""

    def __init__(self, path: str, wait: float = WAIT, turns: Turns | None = None):
        self.path = path
        self.wait = wait
        self.turns = turns or Turns()
        self.locked_at = -RECENT  # when a request last found the store locked

    @contextmanager
    def store(self) -> Iterator[Store]:
        """The store, open read-only until the block ends."""
        written = time.monotonic() - self.locked_at < RECENT
        self.turns.enter(HOLD_WRITTEN if written else None)
        try:
            con = self._connect()
            try:
                # the same database as ``con``, already open in this process: cannot meet the lock; checks the schema
                store = Store(self.path, read_only=True, wait=0)
            finally:
                if con is not None:
                    con.close()
            try:
                yield store
            finally:
                store.close()
        finally:
            self.turns.leave()

    def _connect(self) -> duckdb.DuckDBPyConnection | None:
        """A read-only connection, trying again while another process holds the file; None for any other
        problem, which :class:`Store` then says."""
        import duckdb  # here, not at the top: every command's parser reads WAIT, and only the server connects

        deadline = time.monotonic() + self.wait
        while True:
            try:
                return duckdb.connect(self.path, read_only=True, config=OFFLINE)
            except duckdb.Error as exc:
                if LOCKED not in str(exc):
                    return None
                self.locked_at = time.monotonic()
                if self.locked_at >= deadline:
                    holder = LOCK_HOLDER.search(str(exc))
                    raise StoreBusy(self.path, holder[2] if holder else None, self.wait) from None
            time.sleep(random.uniform(0.05, 0.2))
