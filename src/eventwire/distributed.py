"""Ingest on a Dask cluster: the same read → code → store path, its coding spread over machines.

The client cuts the input into partitions (whole files, or byte ranges of uncompressed JSON lines at line starts);
each Dask worker reads its partition, codes it with the pipeline it builds once (:func:`eventwire.nlp.build` is
cached per process) and writes one Parquet file per table of the store (``DIR/<table>/part-00042.parquet``, the
store's rows with the Arrow schema of :mod:`eventwire.records`), under a temporary name renamed when complete: a
partition that is retried (a worker lost) writes the same files again, never a second copy. The client then loads
the partitions into the DuckDB store in input order, through :meth:`eventwire.store.Store.add` (the one writer,
which deduplicates by content hash as any ingest does), or leaves the Parquet dataset for DuckDB, polars or Spark.
Workers on other machines must see the input files and the Parquet folder at the same paths (a shared disk).
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from .errors import Interrupted, UserError
from .ingest.entries import Item, Notice, Problem, Skipped
from .ingest.runner import STORE_BATCH, Report, Summary, _store, code_items
from .records import RECORDS, Coded, Document, StoredDocument, arrow_schema, stored_row

PARTITION_BYTES = 4 * 2**20  # input bytes per partition at most: what one worker codes and holds at once
PER_WORKER = 4  # partitions per worker at least, so that the last ones share out evenly
RETRIES = 2  # times a partition lost with its worker is coded again
TABLES = ("documents", *RECORDS)


@dataclass(frozen=True)
class Source:
    """Part of an input file: bytes ``start`` to ``end`` of JSON lines whose first line is ``first_line``, or the
    whole file (``end`` None)."""

    path: str
    start: int = 0
    end: int | None = None
    first_line: int = 1


@dataclass(frozen=True)
class Partition:
    number: int
    sources: tuple[Source, ...]


@dataclass
class Coding:
    """What a worker did with a partition: its counts and problems (in input order) for the client to tell."""

    number: int
    read: int = 0
    unread: int = 0  # records or files that gave no document (unreadable, not English)
    coded: int = 0
    duplicates: int = 0
    problems: list[Problem] = field(default_factory=list)
    repeats: list[Skipped] = field(default_factory=list)  # texts given twice, said but not counted as skipped


def partitions(files: list[Path], slots: int) -> list[Partition]:
    """Files cut into partitions of at most :data:`PARTITION_BYTES`, and at least :data:`PER_WORKER` per worker
    slot where the input allows: uncompressed JSON lines split at line starts, other files whole."""
    size = max(1, min(PARTITION_BYTES, sum(f.stat().st_size for f in files) // (PER_WORKER * slots)))
    found, group, held = [], [], 0
    for source in (s for f in files for s in _sources(f, size)):
        length = (source.end or os.path.getsize(source.path)) - source.start
        if group and held + length > size:
            found.append(Partition(len(found), tuple(group)))
            group, held = [], 0
        group.append(source)
        held += length
    if group:
        found.append(Partition(len(found), tuple(group)))
    return found


def files_of(paths: list[str]) -> Iterator[Path]:
    """The files :func:`eventwire.ingest.readers.read` would read, in its order."""
    from .ingest.readers import reader_of

    for path in paths:
        p = Path(path)
        if path == "-":
            raise UserError("--dask reads files and folders, not standard input: save the input to a file first")
        if not p.exists():
            raise UserError(f"no such file or folder: {path} (nothing was read)")
        yield from sorted(f for f in p.rglob("*") if f.is_file() and reader_of(f)) if p.is_dir() else [p]


def _sources(path: Path, size: int) -> Iterator[Source]:
    """A file as one source, or an uncompressed JSON lines file as byte ranges of about ``size`` bytes."""
    from .ingest.files import is_gzip
    from .ingest.readers import read_jsonl, reader_of

    total = path.stat().st_size
    if reader_of(path) is not read_jsonl or is_gzip(path) or total <= size:
        yield Source(str(path))
        return
    start, line = 0, 1
    with open(path, "rb") as f:
        while start < total:
            f.seek(start + size)
            f.readline()  # on to the next line start
            end = min(f.tell(), total) if start + size < total else total
            f.seek(start)
            yield Source(str(path), start, end, line)
            line += f.read(end - start).count(b"\n")
            start = end


def read_source(source: Source, read_options: dict) -> Iterator[Item | Problem]:
    """The entries of a source, as :func:`eventwire.ingest.readers.read` gives them for the whole file (the same
    ids, line numbers and problems)."""
    from .ingest.files import numbered_lines
    from .ingest.metadata import Defaults
    from .ingest.readers import _jsonl, read

    if source.end is None:
        yield from read([source.path], **read_options)
        return
    with open(source.path, "rb") as f:
        f.seek(source.start)
        block = io.BytesIO(f.read(source.end - source.start))
    shift = source.first_line - 1
    lines = (
        replace(e, line=e.line and e.line + shift) if isinstance(e, Problem) else (e[0] + shift, e[1])
        for e in numbered_lines(block, source.path)
    )
    yield from _jsonl(lines, source.path, Defaults(**read_options).shared())


def code_partition(partition: Partition, folder: str, pipeline: dict, read_options: dict, min_confidence: float):
    """On a worker: read, code and write one partition; returns its :class:`Coding`. Texts repeated within the
    partition are coded once; a document id used twice for different texts gets the store's suffix."""
    from .nlp import build

    done = Coding(partition.number)
    items, seen, ids = [], {}, set()
    for source in partition.sources:
        for entry in read_source(source, read_options):
            if isinstance(entry, Problem):
                done.problems.append(entry)
                done.unread += not isinstance(entry, Notice)
                continue
            done.read += 1
            content_hash = entry.content_hash
            if content_hash in seen:
                done.duplicates += 1
                if seen[content_hash] != entry.meta.id:
                    said = f"same text as document {seen[content_hash]} earlier in this run; not stored again"
                    done.repeats.append(Skipped(entry.source, said, entry.line, entry.meta.id))
                continue
            seen[content_hash] = entry.meta.id
            if entry.meta.id in ids:
                entry.meta = replace(entry.meta, id=f"{entry.meta.id}#{content_hash[:12]}")
            ids.add(entry.meta.id)
            items.append(entry)
    rows: dict[str, list[dict]] = {table: [] for table in TABLES}
    now = dt.datetime.now()
    for item, result in code_items(items, build(**pipeline)):
        if isinstance(result, Problem):
            done.problems.append(result)
            continue
        result.keep_events(min_confidence)
        _add_rows(rows, item, result, now)
        done.coded += 1
    _write(rows, folder, partition.number)
    return done


def _add_rows(rows: dict[str, list[dict]], item: Item, coded: Coded, now: dt.datetime) -> None:
    """A coded document's rows of the store's tables (the document's own id as ``doc_id``)."""
    data = coded.to_json()
    meta = {f.name: getattr(coded.meta, f.name) for f in fields(Document)}
    kept = {f.name for f in fields(StoredDocument)}
    document = {name: value for name, value in meta.items() if name in kept}
    rows["documents"].append(
        {**document, "doc_id": coded.meta.id, "hash": item.content_hash, "text": item.text, "ingested_at": now}
    )
    for table in RECORDS:
        rows[table].extend(stored_row(table, record, coded.meta.id, coded.meta.date) for record in data[table])


def _write(rows: dict[str, list[dict]], folder: str, number: int) -> None:
    """One Parquet file per table, each written under a temporary name and renamed when complete."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    for table, records in rows.items():
        target = Path(folder, table, f"part-{number:05d}.parquet")
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.{os.getpid()}")
        pq.write_table(pa.Table.from_pylist(records, schema=arrow_schema(table)), partial)
        os.replace(partial, target)


def read_partition(folder: str, number: int) -> Iterator[tuple[Item, Coded]]:
    """A partition's documents back from its Parquet files, as (item, records) pairs in input order."""
    import pyarrow.parquet as pq

    def table(name: str) -> list[dict]:
        return pq.read_table(Path(folder, name, f"part-{number:05d}.parquet")).to_pylist()

    records: dict[str, dict[str, list]] = {kind: {} for kind in RECORDS}
    for kind, record in RECORDS.items():
        names = [f.name for f in fields(record)]
        for row in table(kind):
            records[kind].setdefault(row["doc_id"], []).append(record(**{n: row[n] for n in names}))
    document_fields = {f.name for f in fields(Document)} - {"id"}
    for row in table("documents"):
        meta = Document(id=row["doc_id"], **{n: v for n, v in row.items() if n in document_fields})
        coded = Coded(meta=meta, **{kind: records[kind].get(meta.id, []) for kind in RECORDS})
        yield Item(row["text"], meta, source=f"partition {number}", line=None), coded


def _client(address: str, workers: int | None):
    """A Dask client: of a new cluster on this machine (``local``: ``workers`` processes, one thread each, as
    spaCy codes one document at a time per process) or of the scheduler at ``address``."""
    from distributed import Client, LocalCluster

    if address == "local":
        from .nlp import default_workers

        cluster = LocalCluster(
            n_workers=workers or default_workers(),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,  # not the workers' routine notices ("still alive after 4 s, killing")
        )
        return Client(cluster), cluster
    try:
        return Client(address, timeout="10s"), None
    except (OSError, TimeoutError) as exc:
        raise UserError(f"cannot reach the Dask scheduler at {address} ({exc})") from None


def ingest_dask(
    paths: list[str],
    store,
    *,
    address: str = "local",
    workers: int | None = None,
    parquet: str | None = None,
    pipeline: dict | None = None,
    min_confidence: float = 0.0,
    on_problem: Report | None = None,
    progress: Callable[[int], None] | None = None,
    **read_options,
) -> Summary:
    """Code the documents of ``paths`` on a Dask cluster and store them in ``store`` (an :class:`eventwire.Store`),
    or, with ``store`` None, leave the Parquet dataset in folder ``parquet``. ``pipeline`` holds the arguments of
    :func:`eventwire.nlp.build` (model, actors, quad), resolved here so that every worker builds the same one."""
    from distributed import as_completed

    if store is None and parquet is None:
        raise UserError("give a store or a Parquet folder to write to")
    files = list(files_of(paths))  # before starting a cluster: a missing input is said at once
    client, cluster = _client(address, workers)
    folder = parquet or tempfile.mkdtemp(prefix=".eventwire-parts-", dir=Path(store.path).parent)
    summary, tell, done = Summary(), on_problem or (lambda problem: None), progress or (lambda n: None)
    try:
        parts = partitions(files, sum(client.nthreads().values()) or 1)
        args = (folder, _pipeline(pipeline), read_options, min_confidence)
        futures = client.map(code_partition, parts, *[[a] * len(parts) for a in args], retries=RETRIES, pure=False)
        finished, next_number = {}, 0
        partition_of = dict(zip(futures, parts, strict=True))
        for future in as_completed(futures):
            coding = _result(future, partition_of[future])
            finished[coding.number] = coding
            done(coding.read + coding.unread)
            while next_number in finished:  # in input order, as the local path stores them
                _load(finished.pop(next_number), folder, store, summary, tell)
                next_number += 1
    except KeyboardInterrupt:
        raise Interrupted(f"{summary.stored} new documents stored before the interruption") from None
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
        if parquet is None:
            shutil.rmtree(folder, ignore_errors=True)
    return summary


def _result(future, partition: Partition) -> Coding:
    """A partition's :class:`Coding`; a partition that failed on every try stops the run, named."""
    try:
        return future.result()
    except Exception as exc:  # a worker's error (a full disk, a worker lost on every try)
        from .ingest.files import reason

        first = partition.sources[0]
        where = f"{first.path}" + (f" from line {first.first_line}" if first.end is not None else "")
        raise UserError(
            f"partition {partition.number} ({where}) failed on the cluster ({reason(exc)}); what was stored "
            "before stays, and the same command again stores the rest"
        ) from None


def _pipeline(pipeline: dict | None) -> dict:
    """The arguments of :func:`eventwire.nlp.build` with this machine's settings filled in."""
    from .nlp import user_actor_files

    pipeline = dict(pipeline or {})
    pipeline.setdefault("model", os.environ.get("EVENTWIRE_MODEL"))
    if pipeline.get("actors") is None:
        pipeline["actors"] = user_actor_files()
    pipeline["actors"] = tuple(str(Path(a).resolve()) for a in pipeline["actors"])
    pipeline.setdefault("quad", os.environ.get("EVENTWIRE_QUAD"))
    return pipeline


def _load(coding: Coding, folder: str, store, summary: Summary, tell: Report) -> None:
    """Tell a partition's problems and store its documents (or, without a store, count them as stored)."""
    summary.read += coding.read
    summary.duplicates += coding.duplicates
    for repeat in coding.repeats:
        tell(repeat)
    for problem in coding.problems:
        summary.count(problem)
        tell(problem)
    if store is None:
        summary.stored += coding.coded
        return
    documents = list(read_partition(folder, coding.number))
    stored = store.stored_ids(item.content_hash for item, _ in documents)
    batch = []
    for item, coded in documents:
        if same := stored.get(item.content_hash):  # stored before, or by an earlier partition
            summary.duplicates += 1
            if same != item.meta.id:
                tell(Skipped(item.source, f"same text as stored document {same}; not stored again", None, item.meta.id))
            continue
        batch.append((item, coded))
        if len(batch) >= STORE_BATCH:
            _store(batch, store, summary, tell)
            batch = []
    _store(batch, store, summary, tell)
