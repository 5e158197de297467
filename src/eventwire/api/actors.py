"""`GET /api/actors` (the actors of all documents, one row per code) and `GET /api/actors/{code}/timeline`
(their events counted per day, week or month, cooperation against conflict).

A code stands for itself and the codes it begins (RUS: RUS, RUSGOV, RUSMIL), as everywhere in eventwire.
"""

from __future__ import annotations

from itertools import groupby
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response

from ..filters import Filters, actor_match, selection
from .answers import answered
from .params import Json, Page, event_filters, page, paged

router = APIRouter(tags=["actors"])

ACTORS = """
WITH named AS (
    SELECT code, mode(name) AS name, mode(country) AS country, mode(sector) AS sector,
           count(DISTINCT doc_id) AS documents, sum(len(mentions))::BIGINT AS mentions
    FROM actors WHERE code IS NOT NULL GROUP BY code),
acting AS (
    SELECT code, count(*) AS events
    FROM (SELECT source_code AS code FROM events
          UNION ALL SELECT target_code FROM events WHERE target_code IS DISTINCT FROM source_code)
    WHERE code IS NOT NULL GROUP BY code)
SELECT named.*, coalesce(acting.events, 0) AS events FROM named LEFT JOIN acting USING (code)
"""
ROLES = {"source": ("e.source_code",), "target": ("e.target_code",), "either": ("e.source_code", "e.target_code")}
QUADS = range(5)  # 1-4, and 0 (neutral) in the penta convention


@router.get("/actors", response_class=Json, summary="actors across documents, by code")
async def get_actors(
    request: Request,
    p: Annotated[Page, Depends(page)],
    q: Annotated[str | None, Query(max_length=200, description="a code prefix (RUS) or part of a name")] = None,
    country: Annotated[str | None, Query(pattern="^[A-Za-z]{3}$", description="ISO alpha-3")] = None,
) -> Response:
    """Each actor code with its most frequent name, country and sector, the documents and mentions naming it and
    the events it is the source or target of; most active first."""
    return await answered(request, lambda store: actors(store, p, q, country))


def actors(store, p: Page, q: str | None = None, country: str | None = None) -> dict:
    parts, params = ["TRUE"], []
    if q:  # as the event filters take an actor: RUS a code prefix, anything else part of a name
        match, value = actor_match(q, "code", "name")
        parts.append(f"code IN (SELECT code FROM actors WHERE {match})")
        params.append(value)
    if country:
        parts.append("country = ?")
        params.append(country.upper())
    return paged(store, f"{ACTORS} WHERE {' AND '.join(parts)}", params, "ORDER BY events DESC, mentions DESC, code", p)


@router.get("/actors/{code}/timeline", response_class=Json, summary="an actor's events over time")
async def get_timeline(
    request: Request,
    code: Annotated[str, Path(pattern="^[A-Za-z0-9]{2,16}$", description="actor code (a prefix: RUS)")],
    f: Annotated[Filters, Depends(event_filters)],
    interval: Annotated[Literal["day", "week", "month", "year"], Query(description="period counted")] = "month",
    role: Annotated[Literal["source", "target", "either"], Query(description="the actor's side")] = "either",
) -> Response:
    """Per period (weeks start on Monday; periods without events are left out): events, events by QuadClass,
    cooperation (quad 1-2) and conflict (quad 3-4), and mean Goldstein score."""
    return await answered(request, lambda store: timeline(store, code.upper(), f, interval, role))


def timeline(store, code: str, f: Filters, interval: str = "month", role: str = "either") -> dict:
    name = store.con.execute("SELECT mode(name) FROM actors WHERE code = ?", [code]).fetchall()[0][0]
    source, params = selection(f)
    sides = " OR ".join(f"starts_with({column}, ?)" for column in ROLES[role])
    # the document's date only for the events without their own: joining documents for all costs more than the rest
    rows = store.con.execute(
        f"""WITH kept AS (SELECT e.doc_id, e.day AS day, e.quad, e.goldstein {source} AND ({sides}))
            SELECT date_trunc(?, coalesce(day, (SELECT date FROM documents d WHERE d.doc_id = kept.doc_id)))::DATE
                   AS period, quad, count(*), sum(goldstein)
            FROM kept GROUP BY period, quad HAVING period IS NOT NULL ORDER BY period, quad""",
        [*params, *[code] * len(ROLES[role]), interval],
    ).fetchall()
    if name is None and not rows:
        raise HTTPException(404, f"no actor {code} in the store")
    series = []
    for period, group in groupby(rows, key=lambda row: row[0]):
        by_quad = {quad: (n, goldstein) for _, quad, n, goldstein in group}
        events = sum(n for n, _ in by_quad.values())
        series.append(
            {
                "period": period,
                "events": events,
                "by_quad": {str(q): by_quad.get(q, (0, 0))[0] for q in QUADS},
                "cooperation": sum(by_quad.get(q, (0, 0))[0] for q in (1, 2)),
                "conflict": sum(by_quad.get(q, (0, 0))[0] for q in (3, 4)),
                "goldstein": round(sum(g for _, g in by_quad.values()) / events, 3),
            }
        )
    return {"code": code, "name": name, "interval": interval, "role": role, "series": series}
