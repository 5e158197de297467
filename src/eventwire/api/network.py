"""`GET /api/dyads` (who acts on whom: events per source and target code) and `GET /api/network` (the same as
nodes and edges, for drawing)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from ..filters import Filters, selection
from .answers import answered
from .params import Json, Page, event_filters, page, paged, records

router = APIRouter(tags=["network"])

MAX_EDGES = 5000
ORDER = "ORDER BY events DESC, source_code, target_code"


def dyad_sql(f: Filters) -> tuple[str, list]:
    """Events the filters keep between two different coded actors, per (source, target), most events first."""
    source, params = selection(f)
    sql = f"""
        SELECT e.source_code, e.target_code, count(*) AS events, round(avg(e.goldstein), 3) AS goldstein,
               count(*) FILTER (WHERE e.quad IN (1, 2)) AS cooperation,
               count(*) FILTER (WHERE e.quad IN (3, 4)) AS conflict,
               min(e.day) AS first, max(e.day) AS last
        {source} AND e.source_code <> e.target_code
        GROUP BY e.source_code, e.target_code"""
    return sql, params


@router.get("/dyads", response_class=Json, summary="events per source and target")
async def get_dyads(
    request: Request,
    f: Annotated[Filters, Depends(event_filters)],
    p: Annotated[Page, Depends(page)],
) -> Response:
    """Per (source code, target code): events, mean Goldstein score, cooperation (quad 1-2) and conflict (quad 3-4)
    events, first and last day; most events first."""
    return await answered(request, lambda store: dyads(store, f, p))


def dyads(store, f: Filters, p: Page) -> dict:
    sql, params = dyad_sql(f)
    return paged(store, sql, params, ORDER, p)


@router.get("/network", response_class=Json, summary="the actor network: nodes and edges")
async def get_network(
    request: Request,
    f: Annotated[Filters, Depends(event_filters)],
    edges: Annotated[int, Query(ge=1, le=MAX_EDGES, description="the strongest edges kept")] = 500,
    min_events: Annotated[int, Query(ge=1, description="fewest events an edge needs")] = 1,
) -> Response:
    """Edges are dyads (as `/api/dyads`), the strongest first; nodes are the actors at their ends, with name,
    country, sector and the events of the kept edges they take part in."""
    return await answered(request, lambda store: network(store, f, edges, min_events))


def network(store, f: Filters, edges: int = 500, min_events: int = 1) -> dict:
    sql, params = dyad_sql(f)
    kept = records(store.con.execute(f"{sql} HAVING count(*) >= ? {ORDER} LIMIT {int(edges)}", [*params, min_events]))
    weight: dict[str, int] = {}
    for edge in kept:
        for end in (edge["source_code"], edge["target_code"]):
            weight[end] = weight.get(end, 0) + edge["events"]
    described = store.con.execute(
        """SELECT code, mode(name), mode(country), mode(sector) FROM actors
           WHERE code IN (SELECT unnest(?)) GROUP BY code""",
        [sorted(weight)],
    ).fetchall()
    about = {code: (name, country, sector) for code, name, country, sector in described}
    nodes = []
    for code, n in sorted(weight.items(), key=lambda item: (-item[1], item[0])):
        name, country, sector = about.get(code, (None, None, None))
        nodes.append({"id": code, "name": name, "country": country, "sector": sector, "events": n})
    links = [{"source": e.pop("source_code"), "target": e.pop("target_code"), **e} for e in kept]
    return {"nodes": nodes, "edges": links}
