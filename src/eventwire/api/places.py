"""`GET /api/places`: where the events a filter keeps happened, and the places their documents name, one row per
place with coordinates, for the dashboard's map."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from ..filters import Filters, selection
from .params import Json, event_filters, records

router = APIRouter(tags=["places"])

MAX_LISTED = 50


@router.get("/places", response_class=Json, summary="places of events and of their documents, with counts")
def get_places(
    request: Request,
    f: Annotated[Filters, Depends(event_filters)],
    listed: Annotated[int, Query(ge=0, le=MAX_LISTED, description="events listed per place")] = 20,
) -> Json:
    """Each place with coordinates named in the documents of the kept events: `mentions` in those documents, the
    kept `events` that happened there by QuadClass (`by_quad`), their mean Goldstein score, and the first `listed`
    of them (document and event id, day, type, dyad). `unplaced` counts the kept events without a located place."""
    with request.app.state.access.store() as store:
        return Json(places(store, f, listed))


def places(store, f: Filters, listed: int = 20) -> dict:
    source, params = selection(f)
    rows = records(
        store.con.execute(
            f"""
            WITH kept AS (SELECT e.doc_id, e.id, e.place, e.quad, e.goldstein, e.plover, e.cameo, e.source_code,
                                 e.target_code, e.day AS day {source}),
            located AS (SELECT doc_id, id, name, country, round(lat, 4) AS lat, round(lon, 4) AS lon FROM places
                        WHERE lat IS NOT NULL AND lon IS NOT NULL AND doc_id IN (SELECT doc_id FROM kept)),
            named AS (SELECT name, country, lat, lon, count(*) AS mentions FROM located GROUP BY ALL),
            happened AS (
                SELECT p.name, p.country, p.lat, p.lon, count(*) AS events, round(avg(k.goldstein), 3) AS goldstein,
                       {", ".join(f"count(*) FILTER (WHERE k.quad = {q}) AS q{q}" for q in range(5))},
                       list({{'doc_id': k.doc_id, 'id': k.id, 'day': k.day, 'plover': k.plover, 'cameo': k.cameo,
                              'quad': k.quad, 'source': k.source_code, 'target': k.target_code}}
                            ORDER BY k.day, k.doc_id, k.id)[1:{int(listed)}] AS listed
                FROM kept k JOIN located p ON p.doc_id = k.doc_id AND p.id = k.place GROUP BY ALL)
            SELECT * FROM named LEFT JOIN happened USING (name, country, lat, lon)
            ORDER BY coalesce(events, 0) DESC, mentions DESC, name""",
            params,
        )
    )
    items = []
    for r in rows:
        by_quad = {str(q): r.pop(f"q{q}") or 0 for q in range(5)}
        items.append({**r, "events": r["events"] or 0, "by_quad": by_quad, "listed": r["listed"] or []})
    placed = sum(r["events"] for r in items)
    total = store.con.execute(f"SELECT count(*) {source}", params).fetchall()[0][0]
    return {"events": total, "unplaced": total - placed, "items": items}
