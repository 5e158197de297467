"""Comparing coded events with hand-annotated ones at the level of (source, target, PLOVER type, modality).

An actor is compared by its comparison code: its country when it has one (``USAGOV`` → ``USA``, Hamas coded
``PSEREB`` → ``PSE``), else its organisation code without a sector suffix (``NATO``, ``EU``, ``UNSC``). Sources
and targets are sets of such codes, so a reciprocal event ("X and Y met") is one event with two sources.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

import eventwire.stages.actors as actor_stage
import eventwire.stages.events as event_stage
from eventwire.records import Coded, Event, fields
from eventwire.stages.events import UNCLAIMED_TYPES
from eventwire.tables import read_tsv, split

ACTOR_DATA = Path(actor_stage.__file__).parent
PLOVER_TYPES = frozenset(row["type"] for row in read_tsv(Path(event_stage.__file__).with_name("plover.tsv")))
MODALITIES = frozenset(next(json["enum"] for name, _, _, json in fields(Event) if name == "modality"))
UNKNOWN = "?"  # an actor without any code: never equal to an annotated code

Key = tuple[frozenset, frozenset, str, str]


@cache
def countries() -> frozenset:
    return frozenset(row["iso3"] for row in read_tsv(ACTOR_DATA / "countries.tsv"))


@cache
def organisations() -> tuple[str, ...]:
    """Organisation codes, longest first, so that ``UNSC`` is found before ``UN``."""
    codes = [row["code"] for row in read_tsv(ACTOR_DATA / "organisations.tsv")]
    return tuple(sorted(codes, key=len, reverse=True))


def comparison_code(code: str | None, country: str | None = None) -> str:
    """The country, else the organisation code (sector suffixes of three letters dropped), else the code."""
    if country:
        return country
    if not code:
        return UNKNOWN
    for org in organisations():
        rest = code[len(org) :]
        if code.startswith(org) and len(rest) % 3 == 0 and (rest.isalpha() or not rest):
            return org
    return code[:3] if code[:3] in countries() else code


def role_codes(coded: Coded, actor_ids: list[str], fallback: str | None) -> frozenset:
    codes = {comparison_code(a.code, a.country) for i in actor_ids if (a := coded.actor(i))}
    if not codes and fallback:
        codes = {comparison_code(fallback)}
    return frozenset(codes)


def event_key(coded: Coded, event: Event) -> Key:
    return (
        role_codes(coded, event.source, event.source_code),
        role_codes(coded, event.target, event.target_code),
        event.plover,
        event.modality,
    )


def predicted(coded: Coded) -> Counter:
    """The document's events that have a PLOVER type; statements (CAMEO 01, no PLOVER type) are left out."""
    return Counter(event_key(coded, e) for e in coded.events if e.plover)


def parse_event(spec: str) -> Key:
    """``USA+FRA>RUS ACCUSE asserted`` → ({USA, FRA}, {RUS}, ACCUSE, asserted); the target may be empty."""
    dyad, plover, modality = spec.split()
    source, target = dyad.split(">")
    if plover not in PLOVER_TYPES or modality not in MODALITIES:
        raise ValueError(f"unknown type or modality in {spec!r}")
    roles = [frozenset(c for c in side.split("+") if c) for side in (source, target)]
    if not roles[0] and not (roles[1] and plover in UNCLAIMED_TYPES):
        raise ValueError(f"no source in {spec!r}")  # only force by no one named ("a bomb killed nine") has none
    for code in roles[0] | roles[1]:
        if code not in countries() and code not in organisations():
            raise ValueError(f"{code!r} in {spec!r} is neither a country nor an organisation code")
    return roles[0], roles[1], plover, modality


def expected(cell: str) -> Counter:
    return Counter() if cell == "none" else Counter(parse_event(spec) for spec in split(cell))


def show(key: Key) -> str:
    source, target, plover, modality = key
    return f"{'+'.join(sorted(source))}>{'+'.join(sorted(target))} {plover} {modality}"
