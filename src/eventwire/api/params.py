"""What the endpoints share: the event filters and pagination as query parameters, validated once, and the JSON
response that writes dates as ISO text."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import HTTPException, Query
from fastapi.responses import JSONResponse

from ..filters import Filters
from ..records import Event, fields

MODALITIES = next(c["enum"] for name, _, _, c in fields(Event) if name == "modality")
MAX_LIMIT = 1000
MAX_OFFSET = 10**12  # what DuckDB's OFFSET takes


class Json(JSONResponse):
    """JSON with dates as YYYY-MM-DD, written without FastAPI's per-value encoding pass (pages of 1,000 rows)."""

    def render(self, content) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":"), default=_plain).encode("utf-8")


def _plain(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


@dataclass
class Page:
    limit: int
    offset: int


async def page(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="items per page")] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")] = 0,
) -> Page:
    return Page(limit, offset)


async def event_filters(
    date_from: Annotated[dt.date | None, Query(alias="from", description="first day (YYYY-MM-DD)")] = None,
    date_to: Annotated[dt.date | None, Query(alias="to", description="last day (YYYY-MM-DD)")] = None,
    actor: Annotated[str | None, Query(description="source or target: a code prefix (RUS) or part of a name")] = None,
    source_actor: Annotated[str | None, Query(description="the source, as `actor`")] = None,
    target_actor: Annotated[str | None, Query(description="the target, as `actor`")] = None,
    country: Annotated[str | None, Query(pattern="^[A-Za-z]{3}$", description="ISO alpha-3 of either side")] = None,
    type: Annotated[str | None, Query(description="PLOVER event type (ASSAULT, CONSULT ...)")] = None,
    cameo: Annotated[
        str | None, Query(pattern=r"^\d{1,4}$", description="CAMEO code or its prefix (1, 19, 190)")
    ] = None,
    quad: Annotated[int | None, Query(ge=0, le=4, description="QuadClass (1-4; 0 in the penta convention)")] = None,
    modality: Annotated[Literal[tuple(MODALITIES)] | None, Query(description="how the event is reported")] = None,
    min_confidence: Annotated[float, Query(ge=0, le=1, description="lowest confidence kept")] = 0.0,
    text: Annotated[str | None, Query(max_length=200, description="words in the evidence sentence")] = None,
) -> Filters:
    """The event filters of the query string (the fields of :class:`eventwire.filters.Filters`). This and
    :func:`page` are coroutines only so that FastAPI runs them in its event loop, not in a worker thread: they
    wait for nothing."""
    if date_from and date_to and date_from > date_to:
        raise HTTPException(422, f"'from' ({date_from}) is after 'to' ({date_to})")
    if type is not None:
        type = plover_type(type)
    return Filters(
        date_from=date_from,
        date_to=date_to,
        actor=actor,
        source_actor=source_actor,
        target_actor=target_actor,
        country=country,
        plover=type,
        cameo=cameo,
        quad=quad,
        modality=modality,
        min_confidence=min_confidence,
        text=text,
    )


def plover_type(value: str) -> str:
    """A PLOVER type of the codebook, any case; 422 with the list otherwise (the codebook is read when first
    asked for: it imports spaCy)."""
    from ..stages.events.codebook import codebook

    types = codebook().plover_types
    if value.upper() not in types:
        raise HTTPException(422, f"'type': {value!r} is not a PLOVER type ({', '.join(sorted(types))})")
    return value.upper()


def records(result) -> list[dict]:
    """The rows of a DuckDB result as dicts."""
    columns = [d[0] for d in result.description]
    return [dict(zip(columns, row, strict=True)) for row in result.fetchall()]


def paged(store, sql: str, params: list, order: str, p: Page) -> dict:
    """One page of a query's rows in ``order`` (an ORDER BY of its columns), and how many rows it gives in all,
    counted in the same query: the rows are aggregates, which a second query would compute again."""
    rows = records(
        store.con.execute(
            f"SELECT *, count(*) OVER () AS _total FROM ({sql}) {order} LIMIT {p.limit} OFFSET {p.offset}", params
        )
    )
    if rows:
        total = rows[0]["_total"]
    elif p.offset:  # a page past the end: counted on its own
        total = store.con.execute(f"SELECT count(*) FROM ({sql})", params).fetchall()[0][0]
    else:
        total = 0
    for row in rows:
        del row["_total"]
    return {"total": total, "limit": p.limit, "offset": p.offset, "items": rows}
