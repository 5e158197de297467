"""End-to-end ingest at scale: articles/s into the store with N worker processes or a Dask LocalCluster.

    python bench/scale.py --corpus ../shared/corpora/wikinews-2019-2020.jsonl.gz --limits 100 1000 \
        [--workers 1 2] [--dask] [--json FILE]

For each sample size (the first N non-empty records, written uncompressed to a temporary JSON lines file, so that
``--dask`` can split it into byte ranges) and each worker count, runs the installed command end to end into a
new store: ``eventwire ingest FILE --db NEW --workers W`` and, with ``--dask``, ``... --dask local --workers W``.
While a run goes, its process tree is sampled every half second for the CPU time and the resident size of each
process. Prints per run: wall seconds, articles/s, CPU seconds of all its processes, CPU ms per article (the
figure to compare when other processes share the machine: flat across sample sizes means linear cost), how many
cores were busy on average and the largest resident size of any one process (a worker's peak), then the ratios
of each run to the first worker count of the same size and mode. The stores of one size must all hold the same
numbers of documents and events. Record results in docs/BENCHMARKS.md.

On a machine shared with other work, give the benchmark's session the priority (see bench/workers.py).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
from common import save_json
from memory import sizes, tree

EVENTWIRE = str(Path(sys.executable).with_name("eventwire"))
TICKS = os.sysconf("SC_CLK_TCK")


def write_sample(corpus: str, limit: int, path: Path) -> int:
    """The first ``limit`` non-empty records of a corpus as plain JSON lines; returns how many there were."""
    n = 0
    with gzip.open(corpus, "rt", encoding="utf-8") as f, open(path, "w", encoding="utf-8") as out:
        for line in f:
            if (json.loads(line).get("text") or "").strip():
                out.write(line)
                n += 1
                if n >= limit:
                    break
    return n


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS


def run(command: list[str]) -> dict:
    """Run a command, sampling its process tree: wall and CPU seconds, the largest process's peak RSS."""
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    said_file = tempfile.TemporaryFile("w+")  # not a pipe: a run that reports many problems would fill it and stall
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=said_file, text=True)
    cpu, peak = {}, 0
    while process.poll() is None:
        for pid in tree(process.pid):
            cpu[pid] = max(cpu.get(pid, 0.0), cpu_seconds(pid))
            peak = max(peak, sizes(pid)[1])
        time.sleep(0.5)
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    waited = after.ru_utime + after.ru_stime - children_before.ru_utime - children_before.ru_stime
    said_file.seek(0)
    said = said_file.read().strip().splitlines()
    said_file.close()
    if process.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} failed: {said[-1] if said else process.returncode}")
    return {
        "wall": wall,
        "cpu": max(waited, sum(cpu.values())),
        "peak_process_mb": peak / 2**20,
        "summary": said[-1] if said else "",
    }


def counts(db: str) -> tuple[int, int]:
    con = duckdb.connect(db, read_only=True)
    try:
        return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in ("documents", "events"))
    finally:
        con.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", required=True, help="a .jsonl.gz corpus (see ../shared/corpora/README.md)")
    parser.add_argument("--limits", type=int, nargs="+", default=[100, 1000], help="sample sizes (default 100 1000)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts (default 1 2)")
    parser.add_argument("--dask", action="store_true", help="also run each worker count on a Dask LocalCluster")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args(argv)
    args.limit = args.limits
    results = []
    print(f"corpus {args.corpus}; load average before: {os.getloadavg()[0]:.1f}")
    header = f"{'docs':>6} {'mode':<6} {'W':>2} {'wall s':>7} {'art/s':>6} {'CPU s':>7} {'CPU ms/art':>10} "
    print(header + f"{'busy':>5} {'max proc MB':>11}  ratio (wall, CPU) to {args.workers[0]} worker(s)")
    with tempfile.TemporaryDirectory() as folder:
        for limit in args.limits:
            sample = Path(folder, f"sample{limit}.jsonl")
            n = write_sample(args.corpus, limit, sample)
            stored = set()
            for mode in ("local", "dask") if args.dask else ("local",):
                first = None
                for workers in args.workers:
                    db = f"{folder}/{mode}{limit}w{workers}.duckdb"
                    command = [EVENTWIRE, "ingest", str(sample), "--db", db, "--workers", str(workers)]
                    figures = run(command + (["--dask", "local"] if mode == "dask" else []))
                    stored.add(counts(db))
                    first = first or figures
                    figures.update(docs=n, mode=mode, workers=workers, busy=figures["cpu"] / figures["wall"])
                    results.append(figures)
                    print(
                        f"{n:>6} {mode:<6} {workers:>2} {figures['wall']:>7.1f} {n / figures['wall']:>6.2f} "
                        f"{figures['cpu']:>7.1f} {1000 * figures['cpu'] / n:>10.0f} {figures['busy']:>5.2f} "
                        f"{figures['peak_process_mb']:>11.0f}  {first['wall'] / figures['wall']:.2f}x, "
                        f"{figures['cpu'] / first['cpu']:.2f}x"
                    )
                    if figures["busy"] < 0.9 * min(workers, os.cpu_count() or 1):
                        print(f"       warning: {figures['busy']:.2f} cores busy of {workers}: the machine was shared")
            if len(stored) > 1:
                print(f"warning: the stores of {n} documents differ (documents, events): {sorted(stored)}")
    if args.json:
        save_json(args.json, args, runs=results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
