"""Cold start of the command line: `eventwire stats` on a store and `eventwire code` on one sentence.

    python bench/scale_startup.py [--repeat 5] [--json FILE]

Each command runs ``--repeat`` times as a new process under ``/usr/bin/time -v`` (a store of one coded sentence
is made first, in a temporary folder); the script prints the median wall time, CPU time (user + system: the
figure to compare when other processes share the machine) and peak resident memory, warns when a run got less
than 90% of a core, and gives the load average before and after. Then it breaks a cold start of coding down
into its steps (CPU seconds, medians of ``--repeat`` new processes): the command line's imports and parser,
importing spaCy and the stages, loading the model, building each stage, the rest of ``eventwire.nlp.build``
and coding the sentence. Record results in docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
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


def steps() -> dict[str, float]:
    """CPU seconds of each step of a cold start of coding, in this new process (run with ``--steps``). The
    pipeline is made by ``eventwire.nlp.build`` itself, with spaCy's loading and adding of components timed."""
    clock = time.process_time
    found, last = {}, clock()

    def step(name: str) -> None:
        nonlocal last
        now = clock()
        found[name], last = now - last, now

    def timing(function, name: str):
        def timed(*args, **kwargs):
            start = clock()
            result = function(*args, **kwargs)
            found[name.format(*args)] = clock() - start
            return result

        return timed

    from eventwire.cli import parser

    parser()
    step("command line: imports, parser")
    import spacy
    from spacy.language import Language

    step("import spaCy")
    from eventwire import nlp
    from eventwire.records import Document

    step("import eventwire's stages")
    spacy.load = timing(spacy.load, "load the model")
    Language.add_pipe = timing(Language.add_pipe, "build {1}")
    model = nlp.build()
    for name in [n for n in found if n.startswith("build ") and not n.startswith("build eventwire_")]:
        del found[name]  # the model's own components: part of loading it
    parts = sum(found[name] for name in found if name == "load the model" or name.startswith("build "))
    step("build: the rest")
    found["build: the rest"] -= parts
    next(nlp.code_docs([(SENTENCE, Document(id="one"))], model))
    step("code the sentence")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each command (default 5)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--steps", action="store_true", help=argparse.SUPPRESS)  # one breakdown, as JSON
    args = parser.parse_args(argv)
    if args.steps:
        print(json.dumps(steps()))
        os._exit(0)  # as `eventwire` does: no time spent freeing the pipeline
    args.corpus, args.limit = "one sentence", 1
    load = {"before": os.getloadavg()[0]}
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
    breakdowns = [
        json.loads(subprocess.run([sys.executable, __file__, "--steps"], check=True, capture_output=True).stdout)
        for _ in range(args.repeat)
    ]
    figures["steps of a cold start of coding"] = {k: statistics.median(b[k] for b in breakdowns) for k in breakdowns[0]}
    load["after"] = os.getloadavg()[0]
    print(f"{'command':<28} {'wall s':>7} {'CPU s':>7} {'peak RSS MB':>12}   (medians of {args.repeat})")
    for name, f in list(figures.items())[:2]:
        print(f"{name:<28} {f['wall']:>7.2f} {f['cpu']:>7.2f} {f['rss_mb']:>12.0f}")
        if f["busy"] < 0.9:
            print(f"  warning: a run had the CPU only {f['busy']:.0%} of its wall time: compare CPU times")
    print(f"\nsteps of a cold start of coding (CPU s, medians of {args.repeat} new processes)")
    for name, seconds in figures["steps of a cold start of coding"].items():
        print(f"  {name:<34} {seconds:>6.3f}")
    print(f"\nload average (1 min) before {load['before']:.2f}, after {load['after']:.2f} on {os.cpu_count()} cores")
    if args.json:
        save_json(args.json, args, **figures, load_average=load)
    return 0


if __name__ == "__main__":
    sys.exit(main())
