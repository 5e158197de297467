"""Query speed of the HTTP API on a large store: builds a store of N synthetic events and times the API's actor
timeline and network queries (targets: timeline <= 100 ms, network <= 1 s).

    python bench/synthetic.py [--events 1000000] [--db FILE] [--keep] [--repeat 10] [--json FILE]

The store has the real schema (made by eventwire.store.Store) and is filled by DuckDB in bulk SQL: 5 events and 6
actors per document, documents spread over 2015-2024 with more in later years (as news archives grow), actor
countries drawn with a Zipf law (exponent 1.1) over the ISO countries in a fixed random order, with a sector half
of the time (GOV, MIL ... as eventwire's sector list, weighted by how often eventwire's data name them), CAMEO codes
weighted by root as in news event data (statements, consultations and appeals most often, mass violence least),
their Goldstein, QuadClass and PLOVER type from eventwire's codebook, a target for 70% of events.

Each query is timed as the server answers a request: the store opened read-only, the query, the store closed
(``eventwire.api.access.Access``), nothing else holding the file; median and slowest of ``--repeat`` runs after one
warm-up. Without --db the store goes to a temporary folder and is deleted afterwards unless --keep.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import pyarrow as pa
from common import save_json

from eventwire.api.access import Access
from eventwire.api.actors import timeline
from eventwire.api.events import events
from eventwire.api.network import network
from eventwire.api.params import Page
from eventwire.filters import Filters
from eventwire.stages import actors as actor_stage
from eventwire.store import Store
from eventwire.tables import read_tsv

ACTORS_DATA = Path(actor_stage.__file__).parent
EVENTS_PER_DOC, ACTORS_PER_DOC, SLOTS = 5, 6, 10_000
# share of each CAMEO root (01 ... 20) among events: verbal cooperation dominates news event data
ROOT_SHARE = [20, 10, 8, 15, 8, 3, 3, 3, 2, 2, 6, 3, 3, 2, 1, 2, 3, 3, 4, 0.5]
SENTENCE = "One side acted towards the other in a way the wire reported that day, with officials quoted on it"
TEXT = " ".join([SENTENCE[:99].ljust(99, ".")] * EVENTS_PER_DOC)  # sentence k: characters [100k, 100k + 99)


def slots(keys: list, weights: list[float], name: str) -> pa.Table:
    """``SLOTS`` rows (slot, key...) in which each key fills a share of slots proportional to its weight, so that
    a uniform slot number draws keys by weight in a join."""
    total = sum(weights)
    bounds, running = [], 0.0
    for w in weights:
        running += w
        bounds.append(round(running / total * SLOTS))
    rows, key = [], 0
    for slot in range(SLOTS):
        while bounds[key] <= slot:
            key += 1
        rows.append(keys[key])
    return pa.table({"slot": list(range(SLOTS)), **{f: [r[i] for r in rows] for i, f in enumerate(name.split())}})


def lookups() -> dict[str, pa.Table]:
    from eventwire.stages.events.codebook import codebook

    rng = random.Random(13)
    countries = [(r["iso3"], r["name"]) for r in read_tsv(ACTORS_DATA / "countries.tsv")]
    rng.shuffle(countries)
    sector_counts: dict[str, int] = {}
    for r in read_tsv(ACTORS_DATA / "sectors.tsv"):
        sector_counts[r["sector"]] = sector_counts.get(r["sector"], 0) + 1
    sectors = [(None, 0)] + sorted(sector_counts.items())
    book = codebook()
    codes, code_weights = [], []
    for root in sorted({c.root for c in book.codes.values()}):
        in_root = [c for c in book.codes.values() if c.root == root]  # a Zipf law within the root, in file order
        zipf = [1 / (rank + 1) for rank in range(len(in_root))]
        codes += in_root
        code_weights += [ROOT_SHARE[int(root) - 1] * z / sum(zipf) for z in zipf]
    return {
        "country_slots": slots(countries, [1 / (rank + 1) ** 1.1 for rank in range(len(countries))], "iso3 name"),
        "sector_slots": slots(
            [(s,) for s, _ in sectors], [sum(sector_counts.values()) if s is None else n for s, n in sectors], "sector"
        ),
        "cameo_slots": slots(
            [(c.code, c.goldstein, c.plover, c.mode, book.quad_class(c.code)) for c in codes],
            code_weights,
            "cameo goldstein plover mode quad",
        ),
    }


def build(path: str, n_events: int) -> float:
    """Fill a new store at ``path`` with ``n_events`` events; returns the seconds it took."""
    started = time.perf_counter()
    Store(path).close()  # the schema, as eventwire makes it
    docs = -(-n_events // EVENTS_PER_DOC)
    con = duckdb.connect(path)
    for name, table in lookups().items():
        con.register(name, table)
    u = "(hash(i, '{}') % 1000000) / 1000000.0"  # a uniform number in [0, 1) per row and purpose
    con.execute("BEGIN TRANSACTION")
    con.execute(
        f"""INSERT INTO documents BY NAME
            SELECT 'syn' || i AS doc_id, md5('syn' || i) AS hash, 'Synthetic report ' || i AS title,
                   DATE '2015-01-01' + CAST(floor(3653 * sqrt({u.format("day")})) AS INTEGER) AS date,
                   'Synthetic Wire' AS source, 'https://synthetic.example/' || i AS url, ? AS text,
                   TIMESTAMP '2026-01-01' AS ingested_at
            FROM range({docs}) t(i)""",
        [TEXT],
    )
    con.execute(
        f"""INSERT INTO actors BY NAME
            SELECT 'syn' || (i // {ACTORS_PER_DOC}) AS doc_id, 'a' || (i % {ACTORS_PER_DOC} + 1) AS id,
                   c.name || coalesce(' ' || s.sector, '') AS name, c.iso3 || coalesce(s.sector, '') AS code,
                   c.iso3 AS country, s.sector, CASE WHEN s.sector IS NULL THEN 'country' ELSE 'group' END AS type,
                   [[(i % {ACTORS_PER_DOC}) * 80, (i % {ACTORS_PER_DOC}) * 80 + 9]] AS mentions
            FROM range({docs * ACTORS_PER_DOC}) t(i)
            JOIN country_slots c ON c.slot = hash(i, 'country') % {SLOTS}
            JOIN sector_slots s ON s.slot = hash(i, 'sector') % {SLOTS}"""
    )
    con.execute(
        """INSERT INTO places BY NAME
            SELECT doc_id, 0 AS start, 9 AS "end", name AS text, name, country, 0.0 AS lat, 0.0 AS lon, 'p1' AS id
            FROM actors WHERE id = 'a1'"""
    )
    con.execute(
        f"""INSERT INTO events BY NAME
            WITH drawn AS (
                SELECT i, 'syn' || (i // {EVENTS_PER_DOC}) AS doc_id, i % {EVENTS_PER_DOC} AS k,
                       'a' || (hash(i, 'source') % {ACTORS_PER_DOC} + 1) AS source_id,
                       'a' || ((hash(i, 'source') + 1 + hash(i, 'target') % {ACTORS_PER_DOC - 1}) % {ACTORS_PER_DOC}
                               + 1) AS target_id,
                       {u.format("targeted")} < 0.7 AS targeted, {u.format("modality")} AS m
                FROM range({n_events}) t(i))
            SELECT d.doc_id, 'e' || (d.k + 1) AS id, [d.source_id] AS source,
                   CASE WHEN targeted THEN [d.target_id] ELSE [] END AS target,
                   s.code AS source_code, CASE WHEN targeted THEN t.code END AS target_code,
                   c.cameo, c.plover, c.mode, c.quad, c.goldstein, strftime(doc.date, '%Y-%m-%d') AS date,
                   doc.date AS day, 'day' AS date_precision,
                   CASE WHEN m < 0.85 THEN 'asserted' WHEN m < 0.92 THEN 'intended' WHEN m < 0.96 THEN 'requested'
                        ELSE 'threatened' END AS modality,
                   false AS negated, 'p1' AS place, [d.k * 100 + 10, d.k * 100 + 15] AS trigger,
                   [d.k * 100, d.k * 100 + 99] AS sentence, 0.5 + 0.45 * {u.format("confidence")} AS confidence,
                   'document' AS date_source, [d.k * 100, d.k * 100 + 9] AS source_span,
                   CASE WHEN targeted THEN [d.k * 100 + 20, d.k * 100 + 29] END AS target_span,
                   [[d.k * 100, d.k * 100 + 99]] AS evidence
            FROM drawn d
            JOIN documents doc ON doc.doc_id = d.doc_id
            JOIN actors s ON s.doc_id = d.doc_id AND s.id = d.source_id
            JOIN actors t ON t.doc_id = d.doc_id AND t.id = d.target_id
            JOIN cameo_slots c ON c.slot = hash(d.i, 'cameo') % {SLOTS}"""
    )
    con.execute("COMMIT")
    con.execute("CHECKPOINT")
    con.close()
    return time.perf_counter() - started


def cpu() -> float:
    """CPU seconds of this process so far, DuckDB's threads included."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed(access: Access, query, repeat: int) -> dict:
    """Median and slowest wall time and median CPU time (ms) of a query run as a request: store opened, query,
    store closed; after one run that is not counted."""
    wall, spent = [], []
    for _ in range(repeat + 1):
        started, used = time.perf_counter(), cpu()
        with access.store() as store:
            query(store)
        wall.append((time.perf_counter() - started) * 1000)
        spent.append((cpu() - used) * 1000)
    return {
        "median_ms": round(statistics.median(wall[1:]), 1),
        "max_ms": round(max(wall[1:]), 1),
        "cpu_ms": round(statistics.median(spent[1:]), 1),
    }


def measure(path: str, repeat: int) -> dict:
    """Each query timed twice: while another request has the store open (as under load: the query alone) and with
    the store opened and closed for it (a lone request)."""
    access = Access(path)
    with access.store() as store:
        ranked = store.con.execute(
            """SELECT code, count(*) AS n FROM (SELECT source_code AS code FROM events UNION ALL
                                                SELECT target_code FROM events) WHERE code IS NOT NULL
               GROUP BY code ORDER BY n DESC"""
        ).fetchall()
        counts = {t: store.count(t) for t in ("documents", "actors", "events")}
        name = store.con.execute("SELECT name FROM actors WHERE code = ?", [ranked[0][0]]).fetchall()[0][0]
    top, middle = ranked[0], ranked[len(ranked) // 2]
    year = Filters(date_from=dt.date(2023, 1, 1), date_to=dt.date(2023, 12, 31))
    cases = {
        f"timeline {top[0]} (most events: {top[1]:,}), by month": lambda s: timeline(s, top[0], Filters()),
        f"timeline {top[0]}, by week, as source": lambda s: timeline(s, top[0], Filters(), "week", "source"),
        f"timeline {middle[0]} ({middle[1]:,} events), by month": lambda s: timeline(s, middle[0], Filters()),
        "network, 500 strongest edges, all events": lambda s: network(s, Filters(), 500),
        "network, 500 strongest edges, 2023": lambda s: network(s, year, 500),
        "events page (100), no filter": lambda s: events(s, Filters(), Page(100, 0)),
        f"events page (100), actor {middle[0]}": lambda s: events(s, Filters(actor=middle[0]), Page(100, 0)),
        f"events page (100), actor by name '{name.lower()}'": lambda s: events(
            s, Filters(actor=name.lower()), Page(100, 0)
        ),
    }
    figures = {}
    print(f"  {'':<55} {'store open':>26} {'opened for the query':>26}")
    for label, query in cases.items():
        with access.store():
            warm = timed(access, query, repeat)
        cold = timed(access, query, repeat)
        figures[label] = {"store_open": warm, "opened": cold}
        print(
            f"  {label:<55} " + "   ".join(f"{t['median_ms']:7.1f} ms (cpu {t['cpu_ms']:6.1f})" for t in (warm, cold)),
            flush=True,
        )
    return {"counts": counts, "queries": figures}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--events", type=int, default=1_000_000, help="synthetic events (default 1,000,000)")
    p.add_argument("--db", help="build the store here (a new file) instead of in a temporary folder")
    p.add_argument("--keep", action="store_true", help="keep the temporary store (its path is printed)")
    p.add_argument("--build-only", action="store_true", help="build the store and time nothing")
    p.add_argument("--repeat", type=int, default=10, help="timed runs of each query (default 10)")
    p.add_argument("--json", help="also write the figures to this JSON file")
    args = p.parse_args(argv)
    folder = None if args.db else tempfile.mkdtemp(prefix="eventwire-synthetic-")
    path = args.db or os.path.join(folder, "synthetic.duckdb")
    if os.path.exists(path):
        sys.exit(f"{path} exists: the synthetic store is built in a new file")
    try:
        seconds = build(path, args.events)
        print(f"built {path}: {args.events:,} events in {seconds:.1f} s, {os.path.getsize(path) / 2**20:,.0f} MB")
        if args.build_only:
            return 0
        figures = measure(path, args.repeat)
        if args.json:
            args.corpus, args.limit = "synthetic", args.events
            save_json(args.json, args, build_s=round(seconds, 1), **figures)
    finally:
        if folder and not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
        elif folder:
            print(f"kept {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
