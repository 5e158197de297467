"""The `eventwire` command: code, ingest, stats, demo, eval."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from importlib import resources
from itertools import islice

from tqdm import tqdm

from . import ingest
from .stages.events.codebook import CONVENTIONS
from .ingest import Problem

SPAN = re.compile(r"\[\s+(-?\d+),\s+(-?\d+)\s+\]")
INGEST_BATCH = 256
QUAD_HELP = "QuadClass convention of events' quad field (default: the EVENTWIRE_QUAD setting, else gdelt)"
CONFIDENCE_HELP = "keep only events whose confidence is at least X (0 to 1)"
ACTORS_HELP = ("an actor dictionary (TSV in the format of eventwire/actors: countries, organisations, sectors, "
               "titles or roles) whose rows add to or override the package's; repeatable; default: the "
               "EVENTWIRE_ACTORS setting")  # documents coded and stored per transaction


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="eventwire", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("code", help="code documents and print their records (nothing is stored)")
    p.add_argument("paths", nargs="*", default=["-"], help="files, folders or - for stdin")
    p.add_argument("--date", type=_date, help="document date (YYYY-MM-DD) where the input gives none")
    p.add_argument("--title", help="document title where the input gives none")
    p.add_argument("--format", choices=["json", "jsonl", "table"], default="json")
    p.add_argument("--actors", action="append", metavar="FILE", help=ACTORS_HELP)
    p.add_argument("--min-confidence", type=float, default=0.0, metavar="X", help=CONFIDENCE_HELP)
    p.add_argument("--quad", choices=CONVENTIONS, help=QUAD_HELP)
    p.add_argument("--explain", action="store_true",
                   help="print, per event, the trigger, the lexicon pattern and the parse path that produced it")
    p.set_defaults(run=_code)

    p = sub.add_parser("ingest", help="code documents and store them in DuckDB")
    p.add_argument("paths", nargs="+")
    p.add_argument("--date", type=_date)
    p.add_argument("--db", default=None, help="DuckDB file (default eventwire.duckdb)")
    p.add_argument("--actors", action="append", metavar="FILE", help=ACTORS_HELP)
    p.add_argument("--min-confidence", type=float, default=0.0, metavar="X", help=CONFIDENCE_HELP)
    p.add_argument("--quad", choices=CONVENTIONS, help=QUAD_HELP)
    p.set_defaults(run=_ingest)

    p = sub.add_parser("stats", help="summary of a store")
    p.add_argument("--db", default=None)
    p.set_defaults(run=_stats)

    p = sub.add_parser("commitments", help="promises with deadlines in a store: open, due or past due")
    p.add_argument("--as-of", type=_date, default=dt.date.today(), help="the day to judge deadlines by (default today)")
    p.add_argument("--actor", help="only promises by this actor code (a prefix: RUS matches RUSGOV)")
    p.add_argument("--db", default=None)
    p.set_defaults(run=_commitments)

    p = sub.add_parser("quotes", help="statements in a store by a speaker, optionally about someone")
    p.add_argument("--speaker", required=True, help="a name (or part of one) or an actor code")
    p.add_argument("--about", help="a name or actor code mentioned in the statement")
    p.add_argument("--db", default=None)
    p.set_defaults(run=_quotes)

    p = sub.add_parser("demo", help="ingest the bundled demo corpus and print its summary")
    p.add_argument("--db", default="demo.duckdb")
    p.set_defaults(run=_demo)

    from . import evaluate
    evaluate.add_parser(sub)

    args = parser.parse_args(argv)
    return args.run(args)


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a YYYY-MM-DD date") from None


def _pipeline(args):
    from .nlp import build

    try:
        return build(actors=tuple(args.actors) if getattr(args, "actors", None) else None,
                     quad=getattr(args, "quad", None))
    except (OSError, ValueError) as exc:  # an unreadable or malformed user dictionary
        raise SystemExit(f"eventwire: {exc}") from None


def _items(paths, date=None, title=None):
    """Readable items; problems go to stderr as one line each and are counted."""
    problems = 0

    def generate():
        nonlocal problems
        for entry in ingest.read(paths, date=date, title=title):
            if isinstance(entry, Problem):
                problems += 1
                tqdm.write(str(entry), file=sys.stderr)
            else:
                yield entry

    return generate, lambda: problems


def _code(args) -> int:
    from .nlp import code_docs

    nlp = _pipeline(args)
    generate, problems = _items(args.paths, args.date, args.title)
    items = list(generate())
    results = code_docs(((i.text, i.meta) for i in items), nlp)
    out = sys.stdout
    for item, coded in zip(items, tqdm(results, total=len(items), disable=len(items) < 20 or None,
                                        desc="coding", unit="doc")):
        coded.keep_events(args.min_confidence)
        data = coded.to_json()
        if args.explain:
            out.write(_explain(data, item.text) + "\n")
        elif args.format == "json":
            out.write(_pretty(data) + "\n")
        elif args.format == "jsonl":
            out.write(json.dumps(data, ensure_ascii=False) + "\n")
        else:
            out.write(_table(data, item.text) + "\n")
    return 1 if problems() else 0


def _pretty(data: dict) -> str:
    """Indented JSON with each [start, end] offset pair kept on one line."""
    return SPAN.sub(r"[\1, \2]", json.dumps(data, ensure_ascii=False, indent=2))


def _table(data: dict, text: str) -> str:
    """A reader's view of one document: events as lines of `date source -[type]-> target  "evidence"`."""
    actors = {a["id"]: a for a in data["actors"]}
    name = lambda ids: " + ".join(actors[i]["code"] or actors[i]["name"] for i in ids) or "-"  # noqa: E731
    lines = [f"# {data['document']['id']}  {data['document']['title'] or ''}  {data['document']['date'] or ''}"]
    for e in data["events"]:
        s, t = e["trigger"]
        lines.append(f"{e['date'] or '-':<11} {name(e['source']):<14} {e['cameo']:<5} {e['plover'] or 'STATEMENT':<11}"
                     f" {name(e['target']):<14} {e['modality']:<10} {text[s:t]!r}")
    for q in data["quotes"]:
        speaker = actors.get(q["speaker"], {}).get("name") or q["speaker_text"] or "?"
        lines.append(f"quote  {speaker}: {q['text'][:90]!r}")
    return "\n".join(lines)


def _explain(data: dict, text: str) -> str:
    """Why each event was coded: its evidence, the lexicon row and the parse path."""
    actors = {a["id"]: a for a in data["actors"]}
    lines = [f"# {data['document']['id']}"]
    for e in data["events"]:
        s, t = e["trigger"]
        who = lambda ids: " + ".join(f"{actors[i]['name']} ({actors[i]['code']})" for i in ids) or "-"  # noqa: E731
        lines += [f"{e['id']}  {e['cameo']} {e['plover'] or 'STATEMENT'}  {who(e['source'])} → {who(e['target'])}"
                  f"  [{e['modality']}{', negated' if e['negated'] else ''}, confidence {e['confidence']}]",
                  f"    sentence: {text[e['sentence'][0]:e['sentence'][1]]!r}",
                  f"    trigger:  {text[s:t]!r} at {s}-{t}",
                  f"    pattern:  {e['pattern']}",
                  f"    parse:    {e['path'] or '-'}",
                  f"    date:     {e['date']} ({e['date_source']})" + (f", deadline {e['deadline']}" if e['deadline'] else "")]
        if e["reported_by"]:
            lines.append(f"    reported by: {actors[e['reported_by']]['name']}")
    return "\n".join(lines)


def _ingest(args) -> int:
    from .nlp import code_docs
    from .store import DEFAULT_DB, Store

    nlp = _pipeline(args)
    generate, problems = _items(args.paths, args.date)
    items = iter(generate())
    read = added = 0
    with Store(args.db or DEFAULT_DB) as store, tqdm(desc="ingesting", unit="doc", disable=None) as bar:
        while chunk := list(islice(items, INGEST_BATCH)):
            read += len(chunk)
            known = store.known_hashes(i.content_hash for i in chunk)
            fresh = [i for i in chunk if i.content_hash not in known]
            coded = code_docs(((i.text, i.meta) for i in fresh), nlp)
            batch = [(c, i.content_hash, i.text) for i, c in zip(fresh, coded)]
            for c, _, _ in batch:
                c.keep_events(args.min_confidence)
            added += store.add(batch)
            bar.update(len(chunk))
    print(f"{read} documents read, {added} new stored in {store.path}"
          + (f", {problems()} problems (see above)" if problems() else ""), file=sys.stderr)
    return 1 if problems() else 0


def _stats(args) -> int:
    from .query import format_summary, summary
    from .store import DEFAULT_DB, Store

    with Store(args.db or DEFAULT_DB, read_only=True) as store:
        print(format_summary(summary(store)))
    return 0


def _commitments(args) -> int:
    from .query import commitments, format_commitments
    from .store import DEFAULT_DB, Store

    with Store(args.db or DEFAULT_DB, read_only=True) as store:
        print(format_commitments(commitments(store, args.as_of, args.actor)))
    return 0


def _quotes(args) -> int:
    from .query import format_quotes, quotes
    from .store import DEFAULT_DB, Store

    with Store(args.db or DEFAULT_DB, read_only=True) as store:
        print(format_quotes(quotes(store, args.speaker, args.about)))
    return 0


def _demo(args) -> int:
    corpus = resources.files("eventwire") / "demo" / "news.jsonl"
    with resources.as_file(corpus) as path:
        status = _ingest(argparse.Namespace(paths=[str(path)], date=None, db=args.db, actors=None,
                                            min_confidence=0.0, quad=None))
    return status or _stats(argparse.Namespace(db=args.db))


if __name__ == "__main__":
    sys.exit(main())
