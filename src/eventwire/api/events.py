"""`GET /api/events`: the events the filters keep, a page at a time, each with its dyad, codes, place, document
and evidence sentence: the rows :func:`eventwire.filters.event_rows` gives the CLI, so that a page costs what its
events do, not what the store's texts do.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from ..filters import Filters, event_rows, selection
from ..stories.clusters import DEFAULT_WINDOW
from .answers import answered
from .params import Json, Page, event_filters, page, records
from .stories import event_clusters

router = APIRouter(tags=["events"])
PLACE = ("id", "name", "country", "lat", "lon")
COLUMNS = """e.doc_id, e.id, e.date, e.date_source, e.source_code, s.name AS source_name, e.target_code,
             t.name AS target_name, e.cameo, e.plover, e.mode, e.quad, e.goldstein, e.modality, e.negated,
             e.deadline, p.id AS place_id, p.name AS place_name, p.country AS place_country, p.lat AS place_lat,
             p.lon AS place_lon, d.title, d.url, d.source AS outlet, d.date AS doc_date,
             substring(d.text, e.sentence[1] + 1, e.sentence[2] - e.sentence[1]) AS evidence, e.confidence"""


@router.get("/events", response_class=Json, summary="events, filtered and paged")
async def get_events(
    request: Request,
    f: Annotated[Filters, Depends(event_filters)],
    p: Annotated[Page, Depends(page)],
    dedup: Annotated[bool, Query(description="one item per event cluster, with its counts (see /api/stories)")] = False,
    window: Annotated[int, Query(ge=0, le=366, description="with dedup: days counted as one")] = DEFAULT_WINDOW,
) -> Response:
    """Events in the order of their documents' dates: `total` is how many the filters keep, `items` the page. With
    `dedup`, event clusters instead: the same source, target and CAMEO code less than `window` days apart (1: the
    same day, the one-a-day rule; 0: only among copies of one story), with `num_mentions`, `num_sources` (outlets),
    `num_articles`, `num_stories` and `members` (every event as "doc_id/id")."""
    if dedup:
        return await answered(request, lambda store: event_clusters(store, f, p, window))
    return await answered(request, lambda store: events(store, f, p))


def events(store, f: Filters, p: Page) -> dict:
    rows = records(event_rows(store, replace(f, limit=p.limit, offset=p.offset), columns=COLUMNS))
    source, params = selection(f)
    total = store.con.execute(f"SELECT count(*) {source}", params).fetchall()[0][0]
    return {"total": total, "limit": p.limit, "offset": p.offset, "items": [_item(r) for r in rows]}


def _item(r: dict) -> dict:
    return {
        "doc_id": r["doc_id"],
        "id": r["id"],
        "date": r["date"] or r["doc_date"],
        "date_source": r["date_source"],
        "source": {"code": r["source_code"], "name": r["source_name"]},
        "target": {"code": r["target_code"], "name": r["target_name"]},
        "cameo": r["cameo"],
        "plover": r["plover"],
        "mode": r["mode"],
        "quad": r["quad"],
        "goldstein": r["goldstein"],
        "modality": r["modality"],
        "negated": r["negated"],
        "deadline": r["deadline"],
        "place": {k: r[f"place_{k}"] for k in PLACE} if r["place_id"] is not None else None,
        "document": {
            "id": r["doc_id"],
            "title": r["title"],
            "url": r["url"],
            "source": r["outlet"],
            "date": r["doc_date"],
        },
        "evidence": " ".join(r["evidence"].split()),
        "confidence": r["confidence"],
    }
