"""`GET /api/events`: the events the filters keep, a page at a time, each with its dyad, codes, place, document
and evidence sentence.

A page is found in two steps, so that its cost does not grow with the store's texts (see :mod:`.selection`): the
row ids of the page's events, in date order, from the events the filters keep; then those events, and the names,
places, titles and sentences of their documents only.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from ..filters import ORDER, Filters
from .params import Json, Page, event_filters, page, records
from .selection import selection

router = APIRouter(tags=["events"])
COLUMNS = """doc_id, id, source, target, source_code, target_code, cameo, plover, mode, quad, goldstein, date,
             date_source, modality, negated, deadline, place, sentence, confidence"""


@router.get("/events", response_class=Json, summary="events, filtered and paged")
def get_events(
    request: Request,
    f: Annotated[Filters, Depends(event_filters)],
    p: Annotated[Page, Depends(page)],
) -> Json:
    """Events in the order of their documents' dates: `total` is how many the filters keep, `items` the page."""
    with request.app.state.access.store() as store:
        return Json(events(store, f, p))


def events(store, f: Filters, p: Page) -> dict:
    con = store.con
    source, params = selection(f, "d")
    page = f"SELECT e.rowid {source} ORDER BY {ORDER} LIMIT ? OFFSET ?"
    keys = [rowid for (rowid,) in con.execute(page, [*params, p.limit, p.offset]).fetchall()]
    rows = records(con.execute(f"SELECT rowid AS row, {COLUMNS} FROM events WHERE rowid IN (SELECT unnest(?))", [keys]))
    rank = {key: i for i, key in enumerate(keys)}
    rows.sort(key=lambda r: rank[r["row"]])
    docs = sorted({r["doc_id"] for r in rows})
    documents = {r[0]: r for r in _of(con, "SELECT doc_id, title, url, source, date, text FROM documents", docs)}
    names = {(doc, id_): name for doc, id_, name in _of(con, "SELECT doc_id, id, name FROM actors", docs)}
    places = {
        (doc, id_): {"id": id_, "name": name, "country": country, "lat": lat, "lon": lon}
        for doc, id_, name, country, lat, lon in _of(
            con, "SELECT doc_id, id, name, country, lat, lon FROM places", docs
        )
    }
    total = con.execute(f"SELECT count(*) {selection(f)[0]}", params).fetchall()[0][0]
    items = [_item(r, documents[r["doc_id"]], names, places) for r in rows]
    return {"total": total, "limit": p.limit, "offset": p.offset, "items": items}


def _of(con, sql: str, doc_ids: list[str]) -> list[tuple]:
    """The rows of ``sql`` (over a store table) that belong to these documents."""
    return con.execute(f"{sql} WHERE doc_id IN (SELECT unnest(?))", [doc_ids]).fetchall()


def _item(r: dict, document: tuple, names: dict, places: dict) -> dict:
    doc_id, title, url, outlet, date, text = document
    source, target = (r[role][0] if r[role] else None for role in ("source", "target"))
    start, end = r["sentence"]
    return {
        "doc_id": doc_id,
        "id": r["id"],
        "date": r["date"] or date,
        "date_source": r["date_source"],
        "source": {"code": r["source_code"], "name": names.get((doc_id, source))},
        "target": {"code": r["target_code"], "name": names.get((doc_id, target))},
        "cameo": r["cameo"],
        "plover": r["plover"],
        "mode": r["mode"],
        "quad": r["quad"],
        "goldstein": r["goldstein"],
        "modality": r["modality"],
        "negated": r["negated"],
        "deadline": r["deadline"],
        "place": places.get((doc_id, r["place"])),
        "document": {"id": doc_id, "title": title, "url": url, "source": outlet, "date": date},
        "evidence": " ".join(text[start:end].split()),
        "confidence": r["confidence"],
    }
