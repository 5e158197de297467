"""`GET /api/overview`: the events a filter keeps at a glance, for the dashboard's first page: how many of each
PLOVER type and QuadClass per period, the most active actors and dyads, and the speakers quoted most in the
documents those events come from."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request

from ..filters import Filters, selection
from .network import dyads
from .params import Json, Page, event_filters, records

router = APIRouter(tags=["overview"])


@router.get("/overview", response_class=Json, summary="counts over time, top actors, dyads and speakers")
def get_overview(
    request: Request,
    f: Annotated[Filters, Depends(event_filters)],
    interval: Annotated[Literal["day", "week", "month", "year"], Query(description="period counted")] = "month",
    top: Annotated[int, Query(ge=1, le=100, description="rows of each top list")] = 10,
) -> Json:
    """`series`: events per period, PLOVER type (null for CAMEO 01 statements) and QuadClass; `actors`: the codes
    on either side of most events; `dyads`: as `/api/dyads`; `speakers`: the most quoted speakers in the documents
    of the kept events."""
    with request.app.state.access.store() as store:
        return Json(overview(store, f, interval, top))


def overview(store, f: Filters, interval: str = "month", top: int = 10) -> dict:
    source, params = selection(f)
    con = store.con
    series = records(
        con.execute(
            f"""SELECT date_trunc(?, e.day)::DATE AS period, e.plover, e.quad, count(*) AS events
                {source} AND e.day IS NOT NULL GROUP BY ALL ORDER BY period, e.plover, e.quad""",
            [interval, *params],
        )
    )
    actors = records(
        con.execute(
            f"""WITH sides AS (SELECT e.source_code AS code {source} UNION ALL
                               SELECT e.target_code {source} AND e.target_code IS DISTINCT FROM e.source_code),
                     counted AS (SELECT code, count(*) AS events FROM sides WHERE code IS NOT NULL GROUP BY code
                                 ORDER BY events DESC, code LIMIT {int(top)})
                SELECT code, (SELECT mode(name) FROM actors a WHERE a.code = counted.code) AS name, events
                FROM counted ORDER BY events DESC, code""",
            [*params, *params],
        )
    )
    speakers = records(
        con.execute(
            f"""SELECT coalesce(a.name, q.speaker_text) AS speaker, a.code, count(*) AS quotes
                FROM quotes q LEFT JOIN actors a ON a.doc_id = q.doc_id AND a.id = q.speaker
                WHERE q.doc_id IN (SELECT e.doc_id {source}) AND coalesce(a.name, q.speaker_text) IS NOT NULL
                GROUP BY ALL ORDER BY quotes DESC, speaker LIMIT {int(top)}""",
            params,
        )
    )
    total = con.execute(f"SELECT count(*), count(DISTINCT e.doc_id) {source}", params).fetchall()[0]
    return {
        "events": total[0],
        "documents": total[1],
        "interval": interval,
        "series": series,
        "actors": actors,
        "dyads": dyads(store, f, Page(top, 0))["items"],
        "speakers": speakers,
    }
