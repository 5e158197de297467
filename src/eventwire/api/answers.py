"""Answers kept while the store is unchanged: a dashboard asks the same few questions again and again, and an
answer given before is sent again without opening the store, as long as the store file and its write-ahead log
are as they were when it was computed.

Every write to a DuckDB file (an ingest's batch, its checkpoint) changes the file's or its log's size or time of
change, and the server itself only reads: so the state of the two files, taken before the store is opened, says
whether an answer still holds. The state is taken before the answer is computed, so an answer is never kept under
a state older than what it read; a change seen by any request drops every kept answer. Kept answers are bounded by
their size (``MAX_BYTES``), the least recently used dropped first.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from anyio import to_thread
from fastapi import Request, Response

from ..store import Store
from .access import Access
from .params import Json

MAX_BYTES = 64 * 2**20


class Answers:
    """The JSON answers of ``access``'s store, computed once per question while the store file is unchanged."""

    def __init__(self, access: Access, max_bytes: int = MAX_BYTES):
        self.access = access
        self.max_bytes = max_bytes
        self.kept: OrderedDict[Hashable, bytes] = OrderedDict()
        self.size = 0
        self.state: tuple | None = None
        self.lock = threading.Lock()

    async def json(self, key: Hashable, compute: Callable[[Store], object]) -> bytes:
        """The JSON of ``compute(store)``, or the same bytes as the last time ``key`` was asked of the store as
        it is now. A kept answer is sent from the event loop; only a new one takes a worker thread, so that
        answers kept are not held up by requests that read the store."""
        state = file_state(self.access.path)
        with self.lock:
            if state != self.state:
                self.kept.clear()
                self.size, self.state = 0, state
            body = self.kept.get(key)
            if body is not None:
                self.kept.move_to_end(key)
                return body
        body = await to_thread.run_sync(self._compute, compute)
        with self.lock:
            if state == self.state and key not in self.kept and len(body) <= self.max_bytes:
                self.kept[key] = body
                self.size += len(body)
                while self.size > self.max_bytes:
                    self.size -= len(self.kept.popitem(last=False)[1])
        return body

    def _compute(self, compute: Callable[[Store], object]) -> bytes:
        with self.access.store() as store:
            return Json(compute(store)).body


def file_state(path: str) -> tuple:
    """What changes whenever the file at ``path`` or its write-ahead log is written: their identity, size and
    time of last change (None for a missing file)."""
    state = []
    for name in (path, f"{path}.wal"):
        try:
            s = os.stat(name)
        except FileNotFoundError:
            state.append(None)
        else:
            state.append((s.st_ino, s.st_size, s.st_mtime_ns, s.st_ctime_ns))
    return tuple(state)


async def answered(request: Request, compute: Callable[[Store], object], *key: Hashable) -> Response:
    """The answer to a GET request: ``compute(store)`` as JSON, kept for the same path and query string (and
    ``key``: what the answer depends on beside them, such as today's date)."""
    body = await request.app.state.answers.json((request.url.path, request.url.query, *key), compute)
    return Response(body, media_type="application/json")
