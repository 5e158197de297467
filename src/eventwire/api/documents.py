"""`GET /api/documents/{id}`: a stored document's text with all its records, and every span they point at, so that
a reader can see each actor, event, quote, date and place where the text says it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Request, Response

from ..store import RECORD_TABLES
from .answers import answered
from .params import Json, records

router = APIRouter(tags=["documents"])


@router.get("/documents/{doc_id:path}", response_class=Json, summary="a document with its records and spans")
async def get_document(
    request: Request, doc_id: Annotated[str, Path(max_length=1000, description="document id")]
) -> Response:
    """The document (metadata and text), its records as stored (`actors`, `events`, `quotes`, `timexes`, `places`;
    offsets are [start, end) characters of `text`) and `spans`: every span of every record, in text order, with its
    kind (actor, trigger, sentence, source, target, evidence, quote, cue, speaker, timex, place) and record id."""
    return await answered(request, lambda store: document(store, doc_id))


def document(store, doc_id: str) -> dict:
    found = records(
        store.con.execute(
            "SELECT doc_id AS id, title, date, source, url, ingested_at, text FROM documents WHERE doc_id = ?", [doc_id]
        )
    )
    if not found:
        raise HTTPException(404, f"no document {doc_id!r} in the store")
    result = {"document": found[0]}
    for table in RECORD_TABLES:
        result[table] = records(store.con.execute(f"SELECT * EXCLUDE (doc_id) FROM {table} WHERE doc_id = ?", [doc_id]))
    result["spans"] = sorted(_spans(result), key=lambda s: (s["start"], -s["end"], s["kind"]))
    return result


def _spans(found: dict):
    def span(kind: str, record: dict, offsets, label=None) -> dict:
        start, end = offsets
        return {"start": start, "end": end, "kind": kind, "record": record.get("id"), "label": label}

    for actor in found["actors"]:
        for mention in actor["mentions"]:
            yield span("actor", actor, mention, actor["code"] or actor["name"])
    for event in found["events"]:
        yield span("trigger", event, event["trigger"], event["plover"] or event["cameo"])
        yield span("sentence", event, event["sentence"])
        for role in ("source", "target"):
            if event[f"{role}_span"]:
                yield span(role, event, event[f"{role}_span"], event[f"{role}_code"])
        for evidence in event["evidence"][1:]:  # the first is `sentence`
            yield span("evidence", event, evidence)
    for quote in found["quotes"]:
        for kind, name in (("quote", "content"), ("cue", "cue"), ("speaker", "source")):
            if quote[name]:
                yield span(kind, quote, quote[name], quote["speaker"])
    for timex in found["timexes"]:
        yield span("timex", timex, (timex["start"], timex["end"]), timex["value"])
    for place in found["places"]:
        yield span("place", place, (place["start"], place["end"]), place["country"])
