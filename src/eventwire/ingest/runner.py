"""One ingest path: read → dedup → code → store, used by the CLI, the Python API and (later) Dask.

A problem in one document — an unreadable record, a text the pipeline chokes on, records the store refuses —
is reported for that document (file, line, id, reason) and the run goes on: every other document is stored.
Coding streams through :func:`eventwire.nlp.code_docs` a batch at a time; with ``workers`` > 1 the batches go to a
pool of processes that stay up for the whole run while this process reads, deduplicates and writes the store.
(``nlp.pipe(n_process=N)`` is not used: when a document raises in a worker it stops the whole stream, and with
forked workers the stop can hang, as every worker holds the result pipes open.)
"""

from __future__ import annotations

import multiprocessing as mp
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import chain, islice

from ..errors import Interrupted, StoreError
from .readers import Item, Problem, read

BATCH_SIZE = 8  # documents per nlp.pipe batch; a worker codes one batch at a time, so small batches share out evenly
DEDUP_BATCH = 256  # documents looked up in the store at once
STORE_BATCH = 64  # documents written per transaction (what Ctrl-C can lose)

Report = Callable[[Problem], None]


@dataclass
class Summary:
    """What a run did: documents read, stored new, skipped as already stored (or repeated), and the problems."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    problems: list[Problem] = field(default_factory=list)


def run_ingest(
    paths: Iterable[str],
    store,
    *,
    nlp=None,
    workers: int | None = None,
    min_confidence: float = 0.0,
    batch_size: int = BATCH_SIZE,
    on_problem: Report | None = None,
    progress: Callable[[int], None] | None = None,
    **read_options,
) -> Summary:
    """Read files, folders or ``-`` and store every new document in ``store`` (an :class:`eventwire.Store`).

    ``nlp`` defaults to :func:`eventwire.nlp.build`, ``workers`` to all cores; ``read_options`` (``date``,
    ``title``, ...) go to :func:`eventwire.ingest.readers.read` and fill in what an input lacks; ``on_problem``
    hears of each problem as it happens and ``progress`` of each document done.
    """
    return ingest_items(
        read(paths, **read_options),
        store,
        nlp=nlp,
        workers=workers,
        min_confidence=min_confidence,
        batch_size=batch_size,
        on_problem=on_problem,
        progress=progress,
    )


def ingest_items(
    entries: Iterable[Item | Problem],
    store,
    *,
    nlp=None,
    workers: int | None = None,
    min_confidence: float = 0.0,
    batch_size: int = BATCH_SIZE,
    on_problem: Report | None = None,
    progress: Callable[[int], None] | None = None,
) -> Summary:
    """:func:`run_ingest` over items already read (from any source)."""
    from ..nlp import build, default_workers

    summary = Summary()

    def report(problem: Problem) -> None:
        summary.problems.append(problem)
        if on_problem:
            on_problem(problem)

    done = progress or (lambda n: None)
    fresh = _fresh(entries, store, summary, report, done)
    batch: list[tuple[Item, object]] = []
    try:
        for item, result in code_items(fresh, nlp or build(), workers or default_workers(), batch_size):
            if isinstance(result, Problem):
                report(result)
            else:
                result.keep_events(min_confidence)
                batch.append((item, result))
            if len(batch) >= STORE_BATCH:
                _store(batch, store, summary, report)
                batch = []
            done(1)
        _store(batch, store, summary, report)
    except KeyboardInterrupt:
        raise Interrupted(f"{summary.stored} new documents stored in {store.path} before the interruption") from None
    return summary


def items_only(entries: Iterable[Item | Problem], report: Report) -> Iterator[Item]:
    """The items of a reader's output; its problems go to ``report``."""
    for entry in entries:
        if isinstance(entry, Problem):
            report(entry)
        else:
            yield entry


def _fresh(entries, store, summary: Summary, report: Report, done) -> Iterator[Item]:
    """Items whose text is neither in the store nor earlier in this run (looked up a batch at a time)."""
    seen: set[str] = set()
    items = items_only(entries, report)
    while chunk := list(islice(items, DEDUP_BATCH)):
        summary.read += len(chunk)
        known = store.known_hashes(i.content_hash for i in chunk)
        for item in chunk:
            if item.content_hash in known or item.content_hash in seen:
                summary.duplicates += 1
                done(1)
                continue
            seen.add(item.content_hash)
            yield item


def _store(batch: list[tuple[Item, object]], store, summary: Summary, report: Report) -> None:
    """Write a batch in one transaction; if the store refuses it, write its documents one by one and report
    those it refuses. A store that cannot be written at all (:class:`StoreError`) stops the run."""
    if not batch:
        return
    try:
        summary.stored += store.add([(coded, item.content_hash, item.text) for item, coded in batch])
        return
    except StoreError:
        raise
    except Exception:  # the records of some document are refused: find it below
        pass
    for item, coded in batch:
        try:
            summary.stored += store.add([(coded, item.content_hash, item.text)])
        except StoreError:
            raise
        except Exception as exc:
            report(item.problem(f"could not be stored ({_reason(exc)})"))


def code_items(
    items: Iterable[Item], nlp, workers: int = 1, batch_size: int = BATCH_SIZE
) -> Iterator[tuple[Item, object]]:
    """(item, :class:`eventwire.records.Coded` or :class:`Problem`) in input order, coded a batch at a time.

    With ``workers`` > 1 the batches are coded in a pool of that many processes, forked from this one (so they
    share its loaded pipeline) and kept for the whole run. An input of one batch or less is coded here: a second
    process would have nothing to do. The batches are the same either way, and so is the output.
    """
    items = iter(items)
    head = list(islice(items, batch_size + 1))
    batches = _batches(chain(head, items), batch_size)
    if workers > 1 and len(head) > batch_size and not mp.current_process().daemon:  # daemons may not fork
        yield from _code_in_pool(batches, nlp, workers)
        return
    for batch in batches:
        yield from zip(batch, code_batch(nlp, batch), strict=True)


def code_batch(nlp, items: list[Item]) -> list:
    """Code items with :func:`eventwire.nlp.code_docs`. A document that raises breaks its batch; the batch is
    then coded one document at a time, and the failing one becomes a :class:`Problem`."""
    from ..nlp import code_docs

    try:
        return list(code_docs(((i.text, i.meta) for i in items), nlp, batch_size=len(items)))
    except Exception:  # some document broke the batch: find it below
        pass
    results = []
    for item in items:
        try:
            results.append(next(code_docs([(item.text, item.meta)], nlp)))
        except Exception as exc:
            results.append(item.problem(f"could not be coded ({_reason(exc)})"))
    return results


def _batches(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    while batch := list(islice(items, size)):
        yield batch


_worker_nlp = None  # the pipeline of a pool worker


def _start_worker(nlp) -> None:
    """In a new worker: keep the pipeline, and die quietly on Ctrl-C (the main process says what happened)."""
    global _worker_nlp
    _worker_nlp = nlp
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _work(items: list[Item]) -> list:
    return code_batch(_worker_nlp, items)


def _pool(nlp, workers: int) -> ProcessPoolExecutor:
    """Workers forked from this process: the pipeline is inherited, not pickled or loaded again."""
    return ProcessPoolExecutor(workers, mp_context=mp.get_context("fork"), initializer=_start_worker, initargs=(nlp,))


def _code_in_pool(batches: Iterator[list[Item]], nlp, workers: int) -> Iterator[tuple[Item, object]]:
    """Batches coded in worker processes, two per worker in flight, results in input order. If a worker dies
    (killed, out of memory), a new pool goes on, and the batches that were in flight are coded again one
    document at a time, so that only the document that kills a worker is lost (and reported)."""
    pool = _pool(nlp, workers)
    inflight: deque = deque()
    try:
        for batch in chain(batches, [None]):
            if batch is not None:
                inflight.append((batch, pool, pool.submit(_work, batch)))
            while inflight and (batch is None or len(inflight) >= 2 * workers):
                done, owner, future = inflight.popleft()
                try:
                    results = future.result()
                except (BrokenProcessPool, CancelledError):
                    if owner is pool:
                        pool.shutdown(wait=False, cancel_futures=True)
                        pool = _pool(nlp, workers)
                    results = _code_alone(done, nlp)
                yield from zip(done, results, strict=True)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _code_alone(items: list[Item], nlp) -> list:
    """Each document in a worker of its own: one that kills its worker is the cause, and becomes a problem."""
    results = []
    pool = _pool(nlp, 1)
    for item in items:
        try:
            results += pool.submit(_work, [item]).result()
        except BrokenProcessPool:
            results.append(item.problem("stopped the process coding it (out of memory?)"))
            pool.shutdown(wait=False)
            pool = _pool(nlp, 1)
    pool.shutdown(wait=False)
    return results


def _reason(exc: BaseException) -> str:
    """An exception in one line (spaCy's messages run over several)."""
    text = " ".join(str(exc).split())
    return f"{exc.__class__.__name__}: {text[:200]}" if text else exc.__class__.__name__
