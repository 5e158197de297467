"""Speed: spaCy ``en_core_web_sm`` alone versus the full eventwire pipeline, same texts, side by side in one process.

    python bench/throughput.py --corpus ../shared/corpora/wikinews-2019-2020.jsonl.gz --limit 200 [--components]

Reads the first N non-empty texts of a ``.jsonl.gz`` corpus (one JSON object per line with ``text`` and
optionally ``date``, ``id``, ``title``) and loads both pipelines in this process:

  (a) ``eventwire.nlp.load_model()`` and ``nlp.pipe(texts)``
  (b) ``eventwire.nlp.build()`` and ``code_docs`` over the same texts (with their dates)

After a warm-up of both on the first few texts, the texts are coded a batch at a time by each, the order
alternating from batch to batch, so that both meet the same load when other processes share the machine.
Prints documents/s, words/s (whitespace-separated words), wall and CPU seconds of each and the ratios b/a
(CPU time is the steadier figure on a shared machine). With ``--components``, then times each component of
both pipelines over the same texts (cut into the pieces ``code_docs`` codes, a batch at a time as ``nlp.pipe``
runs them) and prints the CPU seconds of each. Peak memory: bench/memory.py. Record results in
docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import sys
import time
from collections import deque

from common import save_json

WARMUP = 5  # texts run once by each pipeline before timing (loads lazy tables, fills caches)


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


def meta(record: dict, k: int):
    """The record's metadata as eventwire reads it (a malformed date counts as none)."""
    from eventwire.records import Document

    try:
        date = dt.date.fromisoformat(record["date"]) if record.get("date") else None
    except ValueError:
        date = None
    return Document(id=str(record.get("id", k)), title=record.get("title"), date=date)


def load() -> dict:
    """Both pipelines with their load times: (a) the spaCy model alone, (b) the eventwire pipeline."""
    from eventwire.nlp import build, load_model

    pipelines = {}
    for name, loader in (("spacy", load_model), ("eventwire", build)):
        started = time.perf_counter()
        pipelines[name] = (loader(), time.perf_counter() - started)
    return pipelines


def coder(name: str, nlp, batch_size: int):
    """A function coding a list of corpus records with one of the pipelines, as its users do."""
    from eventwire.nlp import code_docs

    def code(records: list[dict]) -> None:
        if name == "spacy":
            deque(nlp.pipe((r["text"] for r in records), batch_size=batch_size), maxlen=0)
        else:
            items = ((r["text"], meta(r, k)) for k, r in enumerate(records))
            deque(code_docs(items, nlp=nlp, batch_size=batch_size), maxlen=0)

    return code


def side_by_side(docs: list[dict], coders: dict, batch_size: int) -> dict:
    """Wall and CPU seconds of each pipeline over the same batches, taking turns at going first."""
    for code in coders.values():
        code(docs[:WARMUP])
    spent = {name: [0.0, 0.0] for name in coders}
    for turn, start in enumerate(range(0, len(docs), batch_size)):
        batch = docs[start : start + batch_size]
        for name in list(coders)[:: 1 if turn % 2 == 0 else -1]:
            wall, cpu = time.perf_counter(), time.process_time()
            coders[name](batch)
            spent[name][0] += time.perf_counter() - wall
            spent[name][1] += time.process_time() - cpu
    return spent


def by_component(docs: list[dict], pipelines: dict, batch_size: int) -> dict[str, dict[str, float]]:
    """CPU seconds of each component of each pipeline over the same pieces of text."""
    from eventwire.nlp import CHUNK, chunks, make_doc

    pieces = [(piece, meta(r, k)) for k, r in enumerate(docs) for piece in chunks(r["text"], CHUNK)]
    spent: dict[str, dict[str, float]] = {name: {} for name in pipelines}
    for start in range(0, len(pieces), batch_size):
        for name, (nlp, _) in pipelines.items():
            batch = [make_doc(nlp, text, record) for text, record in pieces[start : start + batch_size]]
            for component, process in nlp.pipeline:
                cpu = time.process_time()
                batch = list(process.pipe(batch)) if hasattr(process, "pipe") else [process(d) for d in batch]
                spent[name][component] = spent[name].get(component, 0.0) + time.process_time() - cpu
    return spent


def print_components(spent: dict[str, dict[str, float]]) -> None:
    """CPU seconds of each component side by side, and as a share of the whole spaCy model's time."""
    a, b = spent["spacy"], spent["eventwire"]
    whole = sum(a.values())
    print(f"\nCPU seconds per component{'':<10} {'(a) spaCy':>10} {'(b) eventwire':>14} {'% of (a)':>9}")
    for component in [*b, "total"]:
        before = sum(a.values()) if component == "total" else a.get(component)
        after = sum(b.values()) if component == "total" else b[component]
        shown = f"{before:>10.2f}" if before is not None else f"{'':>10}"
        print(f"  {component:<33} {shown} {after:>14.2f} {after / whole:>9.1%}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", required=True, help="a .jsonl.gz corpus (see ../shared/corpora/README.md)")
    parser.add_argument("--limit", type=int, default=200, help="first N non-empty texts (default 200)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--components", action="store_true", help="also time each component of both pipelines")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args(argv)

    load_before = os.getloadavg()[0]
    docs = read_corpus(args.corpus, args.limit)
    pipelines = load()
    coders = {name: coder(name, nlp, args.batch_size) for name, (nlp, _) in pipelines.items()}
    spent = side_by_side(docs, coders, args.batch_size)
    (wall_a, cpu_a), (wall_b, cpu_b) = spent["spacy"], spent["eventwire"]
    words = sum(len(d["text"].split()) for d in docs)

    print(f"corpus {args.corpus}: {len(docs)} documents, {words:,} words, {sum(len(d['text']) for d in docs):,} chars")
    print(
        f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.machine()}, "
        f"{dt.date.today().isoformat()}, load average before {load_before:.1f}"
    )
    print(f"{'':<24} {'docs/s':>8} {'words/s':>9} {'seconds':>8} {'CPU s':>7} {'load s':>7}")
    for label, name in (("(a) spaCy en_core_web_sm", "spacy"), ("(b) eventwire pipeline", "eventwire")):
        wall, cpu = spent[name]
        print(
            f"{label:<24} {len(docs) / wall:>8.1f} {words / wall:>9,.0f} {wall:>8.1f} {cpu:>7.1f} "
            f"{pipelines[name][1]:>7.1f}"
        )
    print(f"ratio b/a: {wall_b / wall_a:.2f}x wall time, {cpu_b / cpu_a:.2f}x CPU time")
    if (busy := (cpu_a + cpu_b) / (wall_a + wall_b)) < 0.9:
        print(f"warning: the run had the CPU only {busy:.0%} of its wall time: compare CPU times")
    components = by_component(docs, pipelines, args.batch_size) if args.components else None
    if components:
        print_components(components)
    if args.json:
        figures = {name: {"seconds": wall, "cpu_seconds": cpu} for name, (wall, cpu) in spent.items()}
        save_json(
            args.json, args, ratio=wall_b / wall_a, cpu_ratio=cpu_b / cpu_a, load_before=load_before,
            words=words, components=components, **figures,
        )  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
