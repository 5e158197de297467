"""Which events a question is about: one set of filters shared by the CLI (`eventwire events`, `export`), the
HTTP API and the exporters, turned into one SQL condition over the store's ``events`` table, and one way to select
the events it keeps (:func:`selection`, :func:`event_rows`).

Names and codes typed by the user are matched literally (``starts_with``, ``contains`` on lowercased text),
never as LIKE patterns, so ``%`` or ``_`` match only themselves.

The condition reads the events alone where it can: an actor's name or country is looked up among the actors and
the event kept if its source or target is one of them, rather than joining every event with both its actors
first (on a million events that join alone takes most of a second). Only the tables the condition, the order or
the asked columns read are joined (:func:`selection`), and a limited listing finds the row ids of its events
before it joins anything for them (:func:`event_rows`), so that its cost does not grow with the store's texts.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# what an event is joined with when a condition, an order or a column reads it, by alias: the document (``d``),
# the first source and target actor (``s``, ``t``) and the place (``p``); ``e`` is the event
JOINS = {
    "d": "JOIN documents d ON d.doc_id = e.doc_id",
    "s": "LEFT JOIN actors s ON s.doc_id = e.doc_id AND s.id = e.source[1]",
    "t": "LEFT JOIN actors t ON t.doc_id = e.doc_id AND t.id = e.target[1]",
    "p": "LEFT JOIN places p ON p.doc_id = e.doc_id AND p.id = e.place",
}
EVENT_COLUMNS = """e.*, s.name AS source_name, t.name AS target_name, d.title AS doc_title, d.url AS doc_url,
       d.source AS doc_source, d.date AS doc_date, p.name AS place_name, p.country AS place_country,
       substring(d.text, e.sentence[1] + 1, e.sentence[2] - e.sentence[1]) AS evidence_text"""
ORDER = "d.date, e.doc_id, e.trigger[1], e.id"  # a document's events together, in text order
# the kept events (``kept``: their row ids and doc_ids) and the rows of their documents, under the names of the
# store's tables: the joins of ``JOINS`` then read these rows alone
KEPT = """events AS (SELECT * FROM main.events WHERE rowid IN (SELECT row FROM kept)),
    documents AS (SELECT * FROM main.documents WHERE doc_id IN (SELECT doc_id FROM kept)),
    actors AS (SELECT * FROM main.actors WHERE doc_id IN (SELECT doc_id FROM kept)),
    places AS (SELECT * FROM main.places WHERE doc_id IN (SELECT doc_id FROM kept))"""
SIDES = {"source": "e.source", "target": "e.target"}  # an event's lists of actor ids, the first filling the role


@dataclass
class Filters:
    """What to keep; ``None`` (or 0) keeps everything. ``actor`` matches either side by code prefix or name; the
    dates compare the event's ``day`` (the first day of the period its date names, see :mod:`eventwire.records`)."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    actor: str | None = None
    source_actor: str | None = None
    target_actor: str | None = None
    country: str | None = None
    plover: str | None = None
    cameo: str | None = None
    quad: int | None = None
    modality: str | None = None
    min_confidence: float = 0.0
    text: str | None = None
    limit: int | None = None
    offset: int = 0


def where(f: Filters) -> tuple[str, list]:
    """The SQL condition (over the aliases of ``JOINS``) and its parameters."""
    parts: list[str] = ["TRUE"]
    params: list = []

    def add(sql: str, *values) -> None:
        parts.append(sql)
        params.extend(values)

    if f.date_from:
        add("e.day >= ?", f.date_from)
    if f.date_to:
        add("e.day <= ?", f.date_to)
    for value, sides in ((f.actor, SIDES), (f.source_actor, ("source",)), (f.target_actor, ("target",))):
        if value:
            match, param = actor_match(value, "code", "name")
            if match.startswith("starts_with"):  # a code: the event has it
                add(f"({' OR '.join(f'starts_with(e.{side}_code, ?)' for side in sides)})", *[param] * len(sides))
            else:
                add(f"({' OR '.join(_played(side, match) for side in sides)})", *[param] * len(sides))
    if f.country:
        country = f.country.upper()
        codes = " OR ".join(f"left(e.{side}_code, 3) = ?" for side in SIDES)
        add(f"({codes} OR {' OR '.join(_played(side, 'country = ?') for side in SIDES)})", *[country] * 4)
    if f.plover:
        add("e.plover = ?", f.plover.upper())
    if f.cameo:
        add("starts_with(e.cameo, ?)", f.cameo)
    if f.quad is not None:
        add("e.quad = ?", f.quad)
    if f.modality:
        add("e.modality = ?", f.modality)
    if f.min_confidence:
        add("e.confidence >= ?", f.min_confidence)
    if f.text:
        add("contains(lower(substring(d.text, e.sentence[1] + 1, e.sentence[2] - e.sentence[1])), ?)", f.text.lower())
    return " AND ".join(parts), params


def _played(side: str, condition: str) -> str:
    """SQL: the actor in the event's ``side`` role is one of the actors meeting ``condition`` (a struct, not a
    row of two values: DuckDB compares structs in a hash join and row values one by one)."""
    return (
        f"{{'doc': e.doc_id, 'id': {SIDES[side]}[1]}} IN "
        f"(SELECT {{'doc': doc_id, 'id': id}} FROM actors WHERE {condition})"
    )


def actor_match(value: str, code: str, name: str) -> tuple[str, str]:
    """SQL matching an actor the user named, and its one parameter: "RUS", "USAGOV", "NATO" are codes, matched
    as a prefix of the ``code`` column; anything else ("Putin", "russia") is part of the ``name`` column, in any
    case, so that "RUS" does not also match "Belarus"."""
    if value.isupper() and value.isalnum() and len(value) <= 12:
        return f"starts_with({code}, ?)", value
    return f"contains(lower({name}), ?)", value.lower()


def selection(f: Filters, *aliases: str) -> tuple[str, list]:
    """``FROM events e ... WHERE ...`` for the events ``f`` keeps, joined with the tables of ``aliases`` and those
    the condition reads; and the condition's parameters."""
    condition, params = where(f)
    return f"FROM events e {_joins(*aliases, *_read(condition))} WHERE {condition}", params


def event_rows(store, f: Filters, order: str = ORDER, columns: str = EVENT_COLUMNS):
    """A DuckDB result of the events ``f`` keeps, in ``order``, limited and offset as asked; ``columns`` are
    expressions over the aliases of ``JOINS``. The kept events are found first, with only the joins the condition
    (and a limit's order) need; then those events alone are joined with what the columns read (``KEPT``)."""
    if f.limit:
        source, params = selection(f, *_read(order))
        kept = f"SELECT e.rowid AS row, e.doc_id {source} ORDER BY {order} LIMIT {int(f.limit)} OFFSET {int(f.offset)}"
    else:
        source, params = selection(f)
        kept = f"SELECT e.rowid AS row, e.doc_id {source}"
    joins = _joins(*_read(f"{columns} {order}"))
    return store.con.execute(
        f"WITH kept AS MATERIALIZED ({kept}), {KEPT} SELECT {columns} FROM events e {joins} ORDER BY {order}", params
    )


def _read(sql: str) -> list[str]:
    """The aliases of ``JOINS`` that ``sql`` reads."""
    return [alias for alias in JOINS if re.search(rf"\b{alias}\.", sql)]


def _joins(*aliases: str) -> str:
    return " ".join(join for alias, join in JOINS.items() if alias in aliases)
