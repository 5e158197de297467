"""Speed baseline: spaCy ``en_core_web_sm`` alone versus the full eventwire pipeline, same texts, one run.

    python bench/throughput.py --corpus ../shared/corpora/wikinews-2019-2020.jsonl.gz --limit 200

Reads the first N non-empty texts of a ``.jsonl.gz`` corpus (one JSON object per line with ``text`` and
optionally ``date``, ``id``, ``title``). Each phase runs in a fresh child process (so each gets its own peak
memory figure), single-process inside, after a warm-up on the first few texts:

  (a) ``eventwire.nlp.load_model()`` and ``nlp.pipe(texts)``
  (b) ``eventwire.nlp.build()`` and ``code_docs`` over the same texts (with their dates)

and prints documents/s, words/s (whitespace-separated words), wall and CPU seconds, peak resident memory
(the child's ``ru_maxrss``, model included) and the ratio b/a of the times. CPU time is the steadier
figure when other processes share the machine (a warning is printed when a phase got less than 90% of a core).
Record results in docs/BENCHMARKS.md.
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
import sys
import time

from common import save_json

WARMUP = 5  # texts run once before timing (loads lazy tables, fills caches)


def read_corpus(path: str, limit: int) -> list[dict]:
    docs = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if (record.get("text") or "").strip():
                docs.append(record)
                if len(docs) >= limit:
                    break
    return docs


def _peak_mb() -> float:
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    return kb / 1024 if sys.platform != "darwin" else kb / 2**20


def phase(name: str, path: str, limit: int, batch_size: int) -> dict:
    """Run one phase in this (child) process and return its figures."""
    docs = read_corpus(path, limit)
    texts = [d["text"] for d in docs]
    started = time.perf_counter()
    if name == "spacy":
        from eventwire.nlp import load_model

        nlp = load_model()
        loaded = time.perf_counter() - started

        def work(chunk):
            for _ in nlp.pipe(chunk, batch_size=batch_size):
                pass
    else:
        from eventwire.nlp import build, code_docs
        from eventwire.records import Document

        nlp = build()
        loaded = time.perf_counter() - started

        def date(d):
            try:
                return dt.date.fromisoformat(d["date"]) if d.get("date") else None
            except ValueError:
                return None

        def work(chunk):
            items = (
                (d["text"], Document(id=str(d.get("id", k)), title=d.get("title"), date=date(d)))
                for k, d in enumerate(chunk)
            )
            for _ in code_docs(items, nlp=nlp, batch_size=batch_size):
                pass

    warm = docs[:WARMUP]
    work([d["text"] for d in warm] if name == "spacy" else warm)
    started, cpu_started = time.perf_counter(), time.process_time()
    work(texts if name == "spacy" else docs)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    words = sum(len(t.split()) for t in texts)
    return {
        "phase": name,
        "docs": len(texts),
        "words": words,
        "chars": sum(map(len, texts)),
        "seconds": seconds,
        "cpu_seconds": cpu,
        "docs_per_s": len(texts) / seconds,
        "words_per_s": words / seconds,
        "load_seconds": loaded,
        "peak_rss_mb": _peak_mb(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", required=True, help="a .jsonl.gz corpus (see ../shared/corpora/README.md)")
    parser.add_argument("--limit", type=int, default=200, help="first N non-empty texts (default 200)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args(argv)

    load_before = os.getloadavg()[0]
    ctx = mp.get_context("spawn")
    results = {}
    for name in ("spacy", "eventwire"):
        with ctx.Pool(1) as pool:
            results[name] = pool.apply(phase, (name, args.corpus, args.limit, args.batch_size))
    a, b = results["spacy"], results["eventwire"]
    ratio, cpu_ratio = b["seconds"] / a["seconds"], b["cpu_seconds"] / a["cpu_seconds"]

    print(f"corpus {args.corpus}: {a['docs']} documents, {a['words']:,} words, {a['chars']:,} characters")
    print(
        f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.machine()}, "
        f"{dt.date.today().isoformat()}"
    )
    print(f"{'':<24} {'docs/s':>8} {'words/s':>9} {'seconds':>8} {'CPU s':>7} {'load s':>7} {'peak RSS MB':>12}")
    for label, r in (("(a) spaCy en_core_web_sm", a), ("(b) eventwire pipeline", b)):
        print(
            f"{label:<24} {r['docs_per_s']:>8.1f} {r['words_per_s']:>9,.0f} {r['seconds']:>8.1f} "
            f"{r['cpu_seconds']:>7.1f} {r['load_seconds']:>7.1f} {r['peak_rss_mb']:>12.0f}"
        )
    print(f"ratio b/a: {ratio:.2f}x wall time, {cpu_ratio:.2f}x CPU time")
    busy = min(r["cpu_seconds"] / r["seconds"] for r in (a, b))
    if busy < 0.9:
        print(
            f"warning: a phase had the CPU only {busy:.0%} of its wall time (load average before the run "
            f"{load_before:.1f}): other processes shared the machine, so compare CPU times"
        )
    if args.json:
        save_json(args.json, args, ratio=ratio, cpu_ratio=cpu_ratio, load_before=load_before, **results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
