"""PLOVER event records as JSON lines, in the manner of POLECAT: one record per event, with its category, mode,
context, actor and recipient lists, date, location, evidence and source (``plover.schema.json``).

Field names follow the PLOVER manual's data fields where it names one. PLOVER has no category for CAMEO's
public statements (codes 01x), so events without a PLOVER type are left out, as the manual's CAMEO translation
leaves them. The manual's auxiliary modes (future, hypothetical, negation) go in ``context`` from eventwire's
modality (``plover_context.tsv``); eventwire codes no other context.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from .. import __version__
from ..tables import read_tsv
from . import Exporter
from .events import ENRICHED, event_day, kept, rows

HERE = Path(__file__).parent
SCHEMA_FILE = HERE / "plover.schema.json"
NEGATION = "negation"
ENTITY = ("code", "name", "country", "sector", "type", "title")


@cache
def schema() -> dict:
    """The JSON Schema of one record."""
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


@cache
def contexts() -> dict[str, str]:
    """Modality -> the PLOVER auxiliary mode it amounts to."""
    return {r["modality"]: r["context"] for r in read_tsv(HERE / "plover_context.tsv")}


def write(store, filters, out, **options) -> int:
    count = 0
    with kept(store, filters) as con:
        for row in rows(con, ENRICHED):
            if row["plover"]:
                out.write((json.dumps(record(row), ensure_ascii=False) + "\n").encode())
                count += 1
    return count


def record(row: dict) -> dict:
    """The PLOVER record of one enriched event row (see :data:`eventwire.export.events.ENRICHED`)."""
    day = event_day(row)
    context = [contexts()[row["modality"]]] if row["modality"] in contexts() else []
    if row["negated"] and NEGATION not in context:
        context.append(NEGATION)
    return {
        "id": f"{row['doc_id']}/{row['id']}",
        "date": day.isoformat() if day else None,
        "date_value": row["date"],
        "event_type": row["plover"],
        "mode": [row["mode"]] if row["mode"] else [],
        "context": context,
        "quad_code": row["quad"],
        "cameo": row["cameo"],
        "goldstein": row["goldstein"],
        "modality": row["modality"],
        "negated": row["negated"],
        "deadline": row["deadline"],
        "confidence": row["confidence"],
        "actor": [{k: a[k] for k in ENTITY} for a in row["source_actors"] or []],
        "recipient": [{k: a[k] for k in ENTITY} for a in row["target_actors"] or []],
        "event_loc": _location(row),
        "event_text": row["evidence_text"],
        "text_info": {
            "start": row["sentence"][0],
            "end": row["sentence"][1],
            "trigger": row["trigger"],
            "actor_span": row["source_span"],
            "recipient_span": row["target_span"],
            "evidence": row["evidence"],
        },
        "cite_info": {
            "citation": row["doc_id"],
            "url": row["doc_url"],
            "title": row["doc_title"],
            "publication": row["doc_source"],
            "date": row["doc_date"].isoformat() if row["doc_date"] else None,
        },
        "coder": f"eventwire {__version__}",
    }


def _location(row: dict) -> dict | None:
    if row["place_name"] is None:
        return None
    return {
        "extracted_place": row["place_text"],
        "resolved_place": row["place_name"],
        "geonameid": row["place_geonameid"],
        "lat": row["place_lat"],
        "lon": row["place_lon"],
        "country_code": row["place_country"],
    }


EXPORTERS = (
    Exporter(
        name="plover",
        extension=".jsonl",
        media_type="application/x-ndjson",
        description="PLOVER/POLECAT-style event records, one JSON object per line",
        write=write,
    ),
)
