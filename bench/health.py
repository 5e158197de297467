"""Corpus health: how complete the coded events of a corpus are, the figures issue 11 asks for.

    python bench/health.py ../shared/corpora/wikinews-2019-2020.jsonl.gz [--limit N] [--workers N]

Prints the share of events with a target (typed PLOVER events; also counting reciprocal events, whose actors
act together on no recipient, as the PLOVER manual codes "X and Y met"; all events, statements included), the
share of documents with at least one event, and the share of documents with a political actor (a country, an
organisation or an office holder with a code) that have an event. The same figures for a store are part of
`eventwire stats` (and so of `make demo`).
"""

from __future__ import annotations

import argparse
import time
from itertools import islice

from eventwire.ingest.readers import Item, read
from eventwire.ingest.runner import code_items
from eventwire.nlp import build, default_workers
from eventwire.records import Coded

POLITICAL_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "ELI", "PTY", "OPP", "REB", "INS", "IGO"}


def political(actor) -> bool:
    """A country, an organisation with a code, or a person or group of a state or political sector ("the
    Kenyan police", "Kenya's president"), not a civilian, athlete or firm that merely has a country."""
    if actor.type == "country" or (actor.code and actor.type == "organisation"):
        return True
    return bool(actor.country) and actor.sector in POLITICAL_SECTORS


def countried(actor) -> bool:
    """The wider measure used before 2026-11-29: any actor with a country or an organisation code."""
    return bool(actor.country or (actor.code and actor.type == "organisation"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", help="a file eventwire can read (JSON lines, text, Markdown; gzip allowed)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--workers", type=int, default=default_workers(), help="processes (default: all cores)")
    args = parser.parse_args()

    items = islice((i for i in read([args.corpus]) if isinstance(i, Item)), args.limit)
    started = time.perf_counter()
    docs = with_event = with_actor = actor_and_event = events = targeted = every = every_targeted = together = 0
    with_country = country_and_event = 0
    for _, coded in code_items(items, build(), workers=args.workers):
        if not isinstance(coded, Coded):
            continue  # a document that could not be coded
        docs += 1
        typed = [e for e in coded.events if e.plover]  # statements (CAMEO 01, 02) have no PLOVER type
        every += len(coded.events)
        every_targeted += sum(bool(e.target) for e in coded.events)
        events += len(typed)
        targeted += sum(bool(e.target) for e in typed)
        together += sum(not e.target and len(e.source) > 1 for e in typed)  # "X and Y met": PLOVER's actor list
        has_actor = any(political(a) for a in coded.actors)
        with_event += bool(typed)
        with_actor += has_actor
        actor_and_event += has_actor and bool(typed)
        has_country = any(countried(a) for a in coded.actors)
        with_country += has_country
        country_and_event += has_country and bool(typed)
    seconds = time.perf_counter() - started

    def share(part: int, whole: int) -> str:
        return f"{part / whole:.3f} ({part} of {whole})" if whole else "-"

    print(f"corpus: {args.corpus}  documents: {docs}  typed events: {events}  ({seconds:.0f} s)")
    print(f"typed events with a target:                   {share(targeted, events)}")
    print(f"typed events with a target or joint actors:   {share(targeted + together, events)}")
    print(f"all events (statements too) with a target:    {share(every_targeted, every)}")
    print(f"documents with an event:                      {share(with_event, docs)}")
    print(f"documents with a political actor and an event: {share(actor_and_event, with_actor)}")
    print(f"documents with any actor of a country and an event: {share(country_and_event, with_country)}")


if __name__ == "__main__":
    main()
