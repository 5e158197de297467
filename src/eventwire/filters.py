"""Which events a question is about: one set of filters shared by the CLI (`eventwire events`, `export`), the
HTTP API and the exporters, turned into one SQL condition over the store's ``events`` table.

Names and codes typed by the user are matched literally (``starts_with``, ``contains`` on lowercased text),
never as LIKE patterns, so ``%`` or ``_`` match only themselves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# the events of the store with what a filter or a reader needs beside them: actor names, the document's title,
# URL and date, the evidence sentence
EVENT_ROWS = """
SELECT e.*, s.name AS source_name, t.name AS target_name, d.title AS doc_title, d.url AS doc_url,
       d.source AS doc_source, d.date AS doc_date,
       substring(d.text, e.sentence[1] + 1, e.sentence[2] - e.sentence[1]) AS evidence_text
FROM events e
JOIN documents d ON d.doc_id = e.doc_id
LEFT JOIN actors s ON s.doc_id = e.doc_id AND s.id = e.source[1]
LEFT JOIN actors t ON t.doc_id = e.doc_id AND t.id = e.target[1]
"""


@dataclass
class Filters:
    """What to keep; ``None`` (or 0) keeps everything. ``actor`` matches either side by code prefix or name."""

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

    day = "coalesce(try_cast(left(e.date, 10) AS DATE), d.date)"
    if f.date_from:
        add(f"{day} >= ?", f.date_from)
    if f.date_to:
        add(f"{day} <= ?", f.date_to)
    for value, sides in ((f.actor, "st"), (f.source_actor, "s"), (f.target_actor, "t")):
        if value:
            code = _is_code(value)
            side = " OR ".join(_actor_match(alias, code) for alias in sides)
            add(f"({side})", *([value.upper() if code else value.lower()] * len(sides)))
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


def _is_code(value: str) -> bool:
    """ "RUS", "USAGOV", "NATO": a code, matched as a prefix of actor codes; anything else ("Putin", "russia")
    is part of a name, so that "RUS" does not also match "Belarus"."""
    return value.isupper() and value.isalnum() and len(value) <= 12


def _actor_match(alias: str, code: bool) -> str:
    column = "e.source_code" if alias == "s" else "e.target_code"
    return f"starts_with({column}, ?)" if code else f"contains(lower({alias}.name), ?)"


def event_rows(store, f: Filters, order: str = "doc_date, e.doc_id, e.trigger[1]"):
    """A DuckDB relation of the events ``f`` keeps, in date order, limited and offset as asked."""
    condition, params = where(f)
    sql = f"{EVENT_ROWS} WHERE {condition} ORDER BY {order}"
    if f.limit:
        sql += f" LIMIT {int(f.limit)} OFFSET {int(f.offset)}"
    return store.con.execute(sql, params)
