"""The events an export is about: those :mod:`eventwire.filters` keeps, with what the formats need beside them.

:func:`kept` runs the filters once (:func:`eventwire.filters.event_rows`, so that an export keeps exactly the events
``eventwire events`` and the API list) and hands the exporter its own connection to the store on which a small
table ``kept`` names those events in order. Each format then asks DuckDB for what it needs with joins over
``kept`` and reads the answer a batch at a time: only the events' keys are held in memory.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import pyarrow as pa

from ..filters import Filters, event_rows
from ..lang import period_start

BATCH = 50_000  # rows fetched from DuckDB at once
KEYS = pa.schema([("doc_id", pa.string()), ("id", pa.string())])

# the sentences reporting an event (a record written before `evidence` existed has only its `sentence`)
EVIDENCE = "CASE WHEN len(e.evidence) > 0 THEN e.evidence ELSE [e.sentence] END"

# every kept event with its actors (in the order the event lists them), place, document and evidence sentences,
# in the order of ``kept``; a document's actors are gathered once, into a map by id
ENRICHED = f"""
WITH cast_of AS (
    SELECT doc_id, map_from_entries(list((id, struct_pack(id := id, code := code, name := name, country := country,
           sector := sector, type := type, title := title)))) AS actor
    FROM actors WHERE doc_id IN (SELECT doc_id FROM kept) GROUP BY doc_id
)
SELECT e.* REPLACE ({EVIDENCE} AS evidence),
       d.title AS doc_title, d.url AS doc_url, d.source AS doc_source, d.date AS doc_date,
       d.ingested_at AS doc_ingested_at,
       e.sentence[1] < coalesce(nullif(strpos(d.text, chr(10)), 0) - 1, length(d.text)) AS in_lead,
       list_transform({EVIDENCE}, lambda s: substring(d.text, s[1] + 1, s[2] - s[1])) AS evidence_text,
       list_filter(list_transform(e.source, lambda i: c.actor[i]), lambda a: a IS NOT NULL) AS source_actors,
       list_filter(list_transform(e.target, lambda i: c.actor[i]), lambda a: a IS NOT NULL) AS target_actors,
       p.text AS place_text, p.name AS place_name, p.country AS place_country, p.lat AS place_lat,
       p.lon AS place_lon, p.geonameid AS place_geonameid
FROM kept k
JOIN events e ON e.doc_id = k.doc_id AND e.id = k.id
JOIN documents d ON d.doc_id = e.doc_id
LEFT JOIN cast_of c ON c.doc_id = e.doc_id
LEFT JOIN places p ON p.doc_id = e.doc_id AND p.id = e.place
ORDER BY k.n
"""


def filtered(filters: Filters) -> bool:
    """Whether ``filters`` leave anything out (an export without filters takes whole tables)."""
    return filters != Filters()


@contextmanager
def kept(store, filters: Filters):
    """A connection of its own to ``store`` (safe beside other exports) with table ``kept`` (doc_id, id, n)."""
    with warnings.catch_warnings():  # DuckDB notes that a DB-API result is copied once: it is read once here
        warnings.filterwarnings("ignore", "Arrow output on a DB-API result", UserWarning)
        batches = [b.cast(KEYS) for b in event_rows(store, filters, columns="e.doc_id, e.id").to_arrow_reader(BATCH)]
    keys = pa.Table.from_batches(batches, KEYS)
    keys = keys.append_column("n", pa.array(range(keys.num_rows), pa.int64()))
    con = store.con.cursor()
    try:
        con.register("kept", keys)
        yield con
    finally:
        con.close()


def rows(con, sql: str) -> Iterator[dict]:
    """The rows of a query as dicts, fetched a batch at a time."""
    for batch in con.sql(sql).to_arrow_reader(BATCH):
        yield from batch.to_pylist()


def event_day(row: dict) -> dt.date | None:
    """The calendar day an export gives an event: the start of its date's period, else the document's date."""
    return period_start(row["date"]) or row["doc_date"]
