"""Cold start of the command line: `eventwire stats` on a store and `eventwire code` on one sentence.

    python bench/scale_startup.py [--repeat 5] [--json FILE]

Each command runs ``--repeat`` times as a new process under ``/usr/bin/time -v`` (a store of one coded sentence
is made first, in a temporary folder); the script prints the median wall time, CPU time (user + system: the
figure to compare when other processes share the machine) and peak resident memory, and warns when a run got
less than 90% of a core. Record results in docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from common import save_json

EVENTWIRE = str(Path(sys.executable).with_name("eventwire"))
SENTENCE = "The foreign minister of Chile met his Peruvian counterpart in Lima on Friday."
TIME_FIELDS = {
    "user": r"User time \(seconds\): ([\d.]+)",
    "system": r"System time \(seconds\): ([\d.]+)",
    "wall": r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)",
    "rss_kb": r"Maximum resident set size \(kbytes\): (\d+)",
}


def timed(command: list[str]) -> dict:
    """One cold run of ``command`` under ``/usr/bin/time -v``: wall and CPU seconds, peak RSS in MB."""
    done = subprocess.run(["/usr/bin/time", "-v", *command], capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{' '.join(command)} failed: {done.stderr.strip().splitlines()[0]}")
    found = {name: re.search(pattern, done.stderr)[1] for name, pattern in TIME_FIELDS.items()}
    *hours_minutes, seconds = found["wall"].split(":")
    wall = float(seconds) + 60 * sum(int(v) * 60**i for i, v in enumerate(reversed(hours_minutes)))
    return {"wall": wall, "cpu": float(found["user"]) + float(found["system"]), "rss_mb": int(found["rss_kb"]) / 1024}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each command (default 5)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args(argv)
    args.corpus, args.limit = "one sentence", 1
    with tempfile.TemporaryDirectory() as folder:
        db, text = f"{folder}/store.duckdb", Path(folder, "one.txt")
        text.write_text(SENTENCE, encoding="utf-8")
        subprocess.run(
            [EVENTWIRE, "ingest", str(text), "--db", db, "--date", "2024-05-03"], check=True, capture_output=True
        )
        commands = {
            "eventwire stats --db STORE": [EVENTWIRE, "stats", "--db", db],
            "eventwire code SENTENCE": [EVENTWIRE, "code", str(text), "--date", "2024-05-03"],
        }
        figures = {}
        for name, command in commands.items():
            runs = [timed(command) for _ in range(args.repeat)]
            figures[name] = {key: statistics.median(r[key] for r in runs) for key in ("wall", "cpu", "rss_mb")}
            figures[name]["busy"] = min(r["cpu"] / r["wall"] for r in runs)
    print(f"{'command':<28} {'wall s':>7} {'CPU s':>7} {'peak RSS MB':>12}   (medians of {args.repeat})")
    for name, f in figures.items():
        print(f"{name:<28} {f['wall']:>7.2f} {f['cpu']:>7.2f} {f['rss_mb']:>12.0f}")
        if f["busy"] < 0.9:
            print(f"  warning: a run had the CPU only {f['busy']:.0%} of its wall time: compare CPU times")
    if args.json:
        save_json(args.json, args, **figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
