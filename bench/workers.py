"""Multi-core ingest: the same documents ingested with 1 and with N worker processes, one run.

    python bench/workers.py --corpus ../shared/corpora/wikinews-2019-2020.jsonl.gz --limit 200 [--workers 1 2]

Writes the first N non-empty records of a ``.jsonl.gz`` corpus to a temporary JSON lines file and ingests it
into a new temporary store once per worker count, each in a fresh child process, two ways:

  library  ``eventwire.ingest.run_ingest`` after ``eventwire.nlp.build()`` and a warm-up on 5 other texts
           (the figure that says how ingest scales: model loading excluded)
  command  ``eventwire ingest FILE --db NEW --workers W`` end to end (model loading and process start included)

and prints wall seconds, documents/s and the speed-up over the first worker count. ``--repeat R`` runs each
measurement R times, alternating the worker counts, and keeps the fastest (other work on the machine only
ever slows a run down). The stores are compared: every run must store the same documents and events.
Record results in docs/BENCHMARKS.md.

On a machine shared with other work (Linux schedules each session's processes as one group, so ``nice`` alone
does not help), give the benchmark's session the priority:

    setsid sh -c 'echo -20 > /proc/self/autogroup; exec nice -n -20 python bench/workers.py --corpus ...'

"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import multiprocessing as mp
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from common import save_json

WARMUP = 5


def write_sample(corpus: str, limit: int, folder: Path) -> tuple[Path, Path]:
    """The first ``limit`` non-empty records, and the next few as warm-up texts."""
    sample, warmup = folder / "sample.jsonl", folder / "warmup.jsonl"
    with (
        gzip.open(corpus, "rt", encoding="utf-8") as f,
        open(sample, "w", encoding="utf-8") as out,
        open(warmup, "w", encoding="utf-8") as warm,
    ):
        n = 0
        for line in f:
            if not (json.loads(line).get("text") or "").strip():
                continue
            (out if n < limit else warm).write(line)
            n += 1
            if n >= limit + WARMUP:
                break
    return sample, warmup


def library_run(sample: str, warmup: str, db: str, workers: int) -> dict:
    """In a fresh child: load the pipeline, warm it up, then time run_ingest (wall, and CPU of this process and
    of its workers: their sum over the wall time says how busy the cores were)."""
    from eventwire.ingest import run_ingest
    from eventwire.nlp import build
    from eventwire.store import Store

    started = time.perf_counter()
    nlp = build()
    loaded = time.perf_counter() - started
    with Store(db + ".warm") as store:
        run_ingest([warmup], store, nlp=nlp, workers=1)
    with Store(db) as store:
        cpu, started = time.process_time(), time.perf_counter()
        summary = run_ingest([sample], store, nlp=nlp, workers=workers)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        counts = {t: store.count(t) for t in ("documents", "events", "actors", "quotes")}
    while mp.active_children():  # reap the workers, so that their CPU time is counted
        time.sleep(0.05)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "seconds": seconds,
        "load_seconds": loaded,
        "stored": summary.stored,
        "counts": counts,
        "main_cpu_seconds": cpu,
        "worker_cpu_seconds": children.ru_utime + children.ru_stime,
    }


def command_run(sample: str, db: str, workers: int) -> dict:
    eventwire = Path(sys.executable).with_name("eventwire")
    started = time.perf_counter()
    subprocess.run(
        [str(eventwire), "ingest", sample, "--db", db, "--workers", str(workers)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return {"seconds": time.perf_counter() - started}


def measure(kind: str, sample: Path, warmup: Path, folder: Path, workers: int, run: int) -> dict:
    db = str(folder / f"{kind}-w{workers}-r{run}.duckdb")
    if kind == "command":
        return command_run(str(sample), db, workers)
    with ProcessPoolExecutor(1, mp_context=mp.get_context("spawn")) as pool:  # not daemonic: may have workers
        return pool.submit(library_run, str(sample), str(warmup), db, workers).result()


def report(results: dict, args: argparse.Namespace, load_before: float, load_after: float) -> None:
    """The table. "cores busy" is the CPU time of the run (main process and workers) over its wall time: on a
    machine to itself a run with W workers keeps about min(W, cores) busy; less means other work took a share."""
    base = args.workers[0]
    print(f"corpus {args.corpus}: first {args.limit} documents")
    print(
        f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.machine()}, "
        f"{dt.date.today().isoformat()}; load average {load_before:.1f} before, {load_after:.1f} after"
    )
    print(
        f"{'':<8} {'workers':>7} {'seconds':>8} {'docs/s':>7} {'speed-up':>9} {'main CPU s':>11} {'worker CPU s':>13}"
        f" {'cores busy':>11}"
    )
    shared = False
    for kind, by_workers in results.items():
        for workers, r in by_workers.items():
            line = (
                f"{kind:<8} {workers:>7} {r['seconds']:>8.1f} {args.limit / r['seconds']:>7.1f} "
                f"{by_workers[base]['seconds'] / r['seconds']:>8.2f}x"
            )
            if kind == "library":
                busy = (r["main_cpu_seconds"] + r["worker_cpu_seconds"]) / r["seconds"]
                shared |= busy < 0.9 * min(workers, os.cpu_count() or 1)
                line += f" {r['main_cpu_seconds']:>11.1f} {r['worker_cpu_seconds']:>13.1f} {busy:>11.2f}"
            print(line)
    counts = {json.dumps(r["counts"], sort_keys=True) for r in results["library"].values()}
    print("stores: " + ("identical counts " + counts.pop() if len(counts) == 1 else f"DIFFERENT counts {counts}"))
    if shared:
        print(
            "warning: other work took a share of the cores (cores busy below 90% of what the workers could use): "
            "the speed-ups are not those of a machine to itself"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", required=True, help="a .jsonl.gz corpus (see ../shared/corpora/README.md)")
    parser.add_argument("--limit", type=int, default=200, help="first N non-empty texts (default 200)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts (default 1 2)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement; the fastest is kept")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args(argv)

    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
        folder = Path(tmp)
        sample, warmup = write_sample(args.corpus, args.limit, folder)
        results: dict[str, dict[int, dict]] = {"library": {}, "command": {}}
        for run in range(args.repeat):
            for kind in results:
                for workers in args.workers:
                    figures = measure(kind, sample, warmup, folder, workers, run)
                    best = results[kind].get(workers)
                    if best is None or figures["seconds"] < best["seconds"]:
                        results[kind][workers] = figures
    load_after = os.getloadavg()[0]
    report(results, args, load_before, load_after)
    if args.json:
        save_json(args.json, args, load_before=load_before, load_after=load_after, results=results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
