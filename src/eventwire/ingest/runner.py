"""One ingest path: read → dedup → code → store, used by the CLI, the Python API and (later) Dask.

A problem in one document — an unreadable record, a text the pipeline chokes on, records the store refuses —
is reported for that document (file, line, id, reason) and the run goes on: every other document is stored.
Only a store that cannot be written at all (a full disk) stops the run. The store is let go of after each look-up
and each batch written, so that other processes (a reader, another ingest) can open it in between.
Coding streams through :func:`eventwire.nlp.code_docs` a batch at a time; with ``workers`` > 1 the batches go to a
pool of processes that stay up for the whole run while this process reads, deduplicates and writes the store.
(``nlp.pipe(n_process=N)`` is not used: when a document raises in a worker it stops the whole stream, and with
forked workers the stop can hang, as every worker holds the result pipes open.)
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import chain, islice

from ..errors import Interrupted, StoreError
from .readers import Item, Notice, Problem, Skipped, read

BATCH_SIZE = 8  # documents per nlp.pipe batch; a worker codes one batch at a time, so small batches share out evenly
# ... and at most about this many characters: the memory a worker needs grows with the text it parses at once
BATCH_CHARS = 20_000
DEDUP_BATCH = 256  # documents looked up in the store at once
STORE_BATCH = 64  # documents written per transaction (what Ctrl-C can lose)

Report = Callable[[Problem], None]


@dataclass
class Summary:
    """What a run did: documents read, stored new, not stored again (their text is stored already, or came
    earlier in the run), skipped on purpose (not English), warnings about documents stored anyway, and the
    problems: the documents, records or files that were not stored."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    skipped: int = 0
    warnings: int = 0
    problems: list[Problem] = field(default_factory=list)

    def count(self, entry: Problem) -> None:
        """Count what a reader or a coder reported: a skip, a warning or a document not stored."""
        if isinstance(entry, Skipped):
            self.skipped += 1
        elif isinstance(entry, Notice):
            self.warnings += 1
        else:
            self.problems.append(entry)


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
    tell = on_problem or (lambda problem: None)

    def report(entry: Problem) -> None:
        summary.count(entry)
        tell(entry)

    done = progress or (lambda n: None)
    fresh = _fresh(entries, store, summary, report, tell, done)
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
    except StoreError as exc:
        raise StoreError(f"{exc}; {summary.stored} new documents were stored before that") from None
    return summary


def items_only(entries: Iterable[Item | Problem], report: Report, done=None) -> Iterator[Item]:
    """The items of a reader's output; its problems go to ``report`` (and, but for notices about an item that
    follows, count as done for ``done``)."""
    for entry in entries:
        if isinstance(entry, Problem):
            report(entry)
            if done and not isinstance(entry, Notice):
                done(1)
        else:
            yield entry


def _fresh(entries, store, summary: Summary, report: Report, tell: Report, done) -> Iterator[Item]:
    """Items whose text is neither in the store nor earlier in this run (looked up a batch at a time, then the
    store is let go of). The same text under another id is named as the same as the stored document."""
    seen: dict[str, str] = {}
    items = items_only(entries, report, done)
    while chunk := list(islice(items, DEDUP_BATCH)):
        summary.read += len(chunk)
        hashed = []
        for item in chunk:
            try:
                hashed.append((item, item.content_hash))
            except Exception as exc:  # a text that cannot even be hashed (say, a lone surrogate)
                report(item.problem(f"could not be read ({_reason(exc)})"))
                done(1)
        stored = store.stored_ids(h for _, h in hashed)
        store.close()
        for item, content_hash in hashed:
            same = stored.get(content_hash) or seen.get(content_hash)
            if same is None:
                seen[content_hash] = item.meta.id
                yield item
                continue
            summary.duplicates += 1
            if same != item.meta.id:
                where = f"stored document {same}" if content_hash in stored else f"document {same} earlier in this run"
                tell(Skipped(item.source, f"same text as {where}; not stored again", item.line, item.meta.id))
            done(1)


def _store(batch: list[tuple[Item, object]], store, summary: Summary, report: Report) -> None:
    """Write a batch in one transaction, then let go of the store; if the store refuses the batch, write its
    documents one by one and report those it refuses. A store that cannot be written at all (:class:`StoreError`)
    stops the run."""
    if not batch:
        return
    try:
        summary.stored += store.add([(coded, item.content_hash, item.text) for item, coded in batch])
        return
    except StoreError:
        raise
    except Exception:  # the records of some document are refused: find it below
        pass
    finally:
        store.close()
    for item, coded in batch:
        try:
            summary.stored += store.add([(coded, item.content_hash, item.text)])
        except StoreError:
            raise
        except Exception as exc:
            report(item.problem(f"could not be stored ({_reason(exc)})"))
    store.close()


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
    """Batches of ``size`` items, or fewer when their texts add up to :data:`BATCH_CHARS` (a long text alone)."""
    batch, chars = [], 0
    for item in items:
        if batch and (len(batch) >= size or chars + len(item.text) > BATCH_CHARS):
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += len(item.text)
    if batch:
        yield batch


_worker_nlp = None  # the pipeline of a pool worker


def _start_worker(nlp, parent: int) -> None:
    """In a new worker: keep the pipeline, die quietly on Ctrl-C (the main process says what happened), and end
    when the main process is gone (killed, it cannot stop its workers: they would wait for work for ever)."""
    global _worker_nlp
    _worker_nlp = nlp
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    threading.Thread(target=_end_with, args=(parent,), daemon=True).start()


def _end_with(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def _work(items: list[Item]) -> list:
    return code_batch(_worker_nlp, items)


def _pool(nlp, workers: int) -> ProcessPoolExecutor:
    """Workers forked from this process: the pipeline is inherited, not pickled or loaded again. The objects
    there are now are frozen first (:func:`gc.freeze`), so that the workers' garbage collector does not write to
    them: the pages holding the pipeline stay shared instead of being copied into every worker."""
    gc.freeze()
    return ProcessPoolExecutor(
        workers, mp_context=mp.get_context("fork"), initializer=_start_worker, initargs=(nlp, os.getpid())
    )


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
        gc.unfreeze()


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
