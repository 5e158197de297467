"""Which events a question is about: one set of filters shared by the CLI (`eventwire events`, `export`), the
HTTP API and the exporters, turned into one SQL condition over the store's ``events`` table.

Names and codes typed by the user are matched literally (``starts_with``, ``contains`` on lowercased text),
never as LIKE patterns, so ``%`` or ``_`` match only themselves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# the events of the store with what a filter or a reader needs beside them: the first source and target actor
# (``s``, ``t``), the document (``d``) and the place (``p``)
EVENT_JOINS = """
FROM events e
JOIN documents d ON d.doc_id = e.doc_id
LEFT JOIN actors s ON s.doc_id = e.doc_id AND s.id = e.source[1]
LEFT JOIN actors t ON t.doc_id = e.doc_id AND t.id = e.target[1]
LEFT JOIN places p ON p.doc_id = e.doc_id AND p.id = e.place
"""
EVENT_COLUMNS = """e.*, s.name AS source_name, t.name AS target_name, d.title AS doc_title, d.url AS doc_url,
       d.source AS doc_source, d.date AS doc_date, p.name AS place_name, p.country AS place_country,
       substring(d.text, e.sentence[1] + 1, e.sentence[2] - e.sentence[1]) AS evidence_text"""
EVENT_ROWS = f"SELECT {EVENT_COLUMNS} {EVENT_JOINS}"
ORDER = "d.date, e.doc_id, e.trigger[1]"  # a document's events together, in text order


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
    """The SQL condition (over ``EVENT_ROWS`` aliases) and its parameters."""
    parts: list[str] = ["TRUE"]
    params: list = []

    def add(sql: str, *values) -> None:
        parts.append(sql)
        params.extend(values)

    if f.date_from:
        add("e.day >= ?", f.date_from)
    if f.date_to:
        add("e.day <= ?", f.date_to)
    source, target = ("e.source_code", "s.name"), ("e.target_code", "t.name")
    for value, sides in ((f.actor, (source, target)), (f.source_actor, (source,)), (f.target_actor, (target,))):
        if value:
            matched = [actor_match(value, *side) for side in sides]
            add(f"({' OR '.join(sql for sql, _ in matched)})", *(param for _, param in matched))
    if f.country:
        add(
            "(s.country = ? OR t.country = ? OR left(e.source_code, 3) = ? OR left(e.target_code, 3) = ?)",
            *[f.country.upper()] * 4,
        )
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


def actor_match(value: str, code: str, name: str) -> tuple[str, str]:
    """SQL matching an actor the user named, and its one parameter: "RUS", "USAGOV", "NATO" are codes, matched
    as a prefix of the ``code`` column; anything else ("Putin", "russia") is part of the ``name`` column, in any
    case, so that "RUS" does not also match "Belarus"."""
    if value.isupper() and value.isalnum() and len(value) <= 12:
        return f"starts_with({code}, ?)", value
    return f"contains(lower({name}), ?)", value.lower()


def event_rows(store, f: Filters, order: str = ORDER, columns: str = EVENT_COLUMNS):
    """A DuckDB result of the events ``f`` keeps, in the order of their documents' dates, limited and offset as
    asked; ``columns`` are expressions over the aliases of ``EVENT_JOINS``."""
    condition, params = where(f)
    sql = f"SELECT {columns} {EVENT_JOINS} WHERE {condition} ORDER BY {order}"
    if f.limit:
        sql += f" LIMIT {int(f.limit)} OFFSET {int(f.offset)}"
    return store.con.execute(sql, params)
