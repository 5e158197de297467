"""`GET /api/quotes` (who said what, by speaker and about whom) and `GET /api/commitments` (promises with a deadline,
judged on a day), answered by :mod:`eventwire.query` as the `quotes` and `commitments` commands are."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from .. import query
from .answers import answered
from .params import Json, Page, page

router = APIRouter(tags=["statements"])


@router.get("/quotes", response_class=Json, summary="statements by a speaker")
async def get_quotes(
    request: Request,
    p: Annotated[Page, Depends(page)],
    speaker: Annotated[str, Query(max_length=200, description="part of a speaker's name, or their code")] = "",
    about: Annotated[str | None, Query(max_length=200, description="mentioning this name or code prefix")] = None,
    date_from: Annotated[dt.date | None, Query(alias="from", description="first day (YYYY-MM-DD)")] = None,
    date_to: Annotated[dt.date | None, Query(alias="to", description="last day (YYYY-MM-DD)")] = None,
) -> Response:
    """Quotes in date order (all speakers without `speaker`), with the document they come from."""

    def quotes(store) -> dict:
        rows = query.quotes(store, speaker, about)
        if date_from or date_to:  # ISO dates compare as text
            first, last = (date_from or dt.date.min).isoformat(), (date_to or dt.date.max).isoformat()
            rows = [r for r in rows if r["date"] and first <= r["date"] <= last]
        return _page(rows, p)

    return await answered(request, quotes)


@router.get("/commitments", response_class=Json, summary="promises with deadlines")
async def get_commitments(
    request: Request,
    p: Annotated[Page, Depends(page)],
    as_of: Annotated[dt.date | None, Query(description="the day deadlines are judged by (default: today)")] = None,
    actor: Annotated[str | None, Query(max_length=32, description="the promising actor's code (a prefix)")] = None,
) -> Response:
    """Promises published by `as_of`, each open, due (within a week) or past due, soonest deadline first."""
    day = as_of or dt.date.today()
    return await answered(
        request, lambda store: _page(query.commitments(store, day, actor.upper() if actor else None), p), day
    )


def _page(rows: list[dict], p: Page) -> dict:
    return {"total": len(rows), "limit": p.limit, "offset": p.offset, "items": rows[p.offset : p.offset + p.limit]}
