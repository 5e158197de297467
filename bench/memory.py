"""Peak memory of `eventwire ingest` over a whole corpus: the command and its worker processes together.

    python bench/memory.py --corpus ../shared/corpora/whitehouse-2021-2026.jsonl.gz --workers 2 --json mem.json

Runs the command as it is installed, into a new store in a temporary folder (deleted afterwards), and samples
its process tree every ``--every`` seconds: the sum of the processes' proportional set sizes (PSS: a page shared
by forked workers counts once in all, so the sum is what the run costs the machine) and of their resident sizes
(RSS: shared pages counted in each process, an upper bound), and the largest single process. Prints the peaks,
the time and the command's summary line. Linux only (reads /proc). Record results in docs/RELIABILITY.md.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import save_json

MB = 2**20


def tree(root: int) -> list[int]:
    """The process and all its descendants."""
    pids, todo = [], [root]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        try:
            todo += [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        except OSError:
            pass
    return pids


def sizes(pid: int) -> tuple[int, int]:
    """(PSS, RSS) of a process in bytes; (0, 0) once it is gone."""
    try:
        fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:])
    except OSError:
        return 0, 0
    return int(fields["Pss"].split()[0]) * 1024, int(fields["Rss"].split()[0]) * 1024


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", required=True, help="the corpus to ingest (any input `eventwire ingest` reads)")
    p.add_argument("--workers", type=int, default=2, help="the command's --workers (default 2)")
    p.add_argument("--every", type=float, default=0.5, help="seconds between samples (default 0.5)")
    p.add_argument("--json", help="also write the figures to this JSON file")
    args = p.parse_args(argv)
    args.limit = None  # the whole corpus (save_json records it)
    eventwire = Path(sys.executable).with_name("eventwire")
    peak = {"pss": 0, "rss": 0, "process": 0}
    with tempfile.TemporaryDirectory() as folder:
        command = [str(eventwire), "ingest", args.corpus, "--db", f"{folder}/memory.duckdb", "--workers"]
        started = time.monotonic()
        run = subprocess.Popen(
            [*command, str(args.workers)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
        )
        while run.poll() is None:
            measured = [sizes(pid) for pid in tree(run.pid)]
            peak["pss"] = max(peak["pss"], sum(pss for pss, _ in measured))
            peak["rss"] = max(peak["rss"], sum(rss for _, rss in measured))
            peak["process"] = max(peak["process"], *(rss for _, rss in measured))
            time.sleep(args.every)
        seconds = time.monotonic() - started
        summary = run.stderr.read().strip().splitlines()[-1:]
    figures = {
        "workers": args.workers,
        "seconds": round(seconds),
        "peak_pss_mb": round(peak["pss"] / MB),
        "peak_rss_sum_mb": round(peak["rss"] / MB),
        "peak_process_rss_mb": round(peak["process"] / MB),
        "summary": summary[0] if summary else None,
        "exit_status": run.returncode,
    }
    for name, value in figures.items():
        print(f"{name:<20} {value}")
    if args.json:
        save_json(args.json, args, **figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
