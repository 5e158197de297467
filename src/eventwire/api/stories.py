"""`GET /api/stories` (the stories of the store: near-copies of one text, with their documents and outlets) and the
event clusters that `GET /api/events?dedup=true` answers with (an event reported by many documents, counted once)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response

from ..filters import Filters
from ..stories import clusters, listing
from .answers import answered
from .params import Json, Page, page, paged, records

router = APIRouter(tags=["stories"])


def story_filters(
    date_from: Annotated[dt.date | None, Query(alias="from", description="a document on or after (YYYY-MM-DD)")] = None,
    date_to: Annotated[dt.date | None, Query(alias="to", description="a document on or before (YYYY-MM-DD)")] = None,
    actor: Annotated[str | None, Query(max_length=200, description="a document names it: code or name")] = None,
    text: Annotated[str | None, Query(max_length=200, description="words in a document's title or text")] = None,
) -> Filters:
    if date_from and date_to and date_from > date_to:
        raise HTTPException(422, f"'from' ({date_from}) is after 'to' ({date_to})")
    return Filters(date_from=date_from, date_to=date_to, actor=actor, text=text)


@router.get("/stories", response_class=Json, summary="stories: documents that are copies of one text")
async def get_stories(
    request: Request, f: Annotated[Filters, Depends(story_filters)], p: Annotated[Page, Depends(page)]
) -> Response:
    """Stories with a document the filters keep, the earliest first: the story's id (the doc_id of its first
    document), title, first and last dates, how many documents and outlets, the outlets' names and the documents'
    ids (the first one first)."""
    return await answered(request, lambda store: paged(store, *listing.story_sql(f), listing.ORDER, p))


def event_clusters(store, f: Filters, p: Page, window: int) -> dict:
    """A page of the event clusters of the events ``f`` keeps, and how many there are."""
    items = records(clusters.clustered(store, Filters(**{**vars(f), "limit": p.limit, "offset": p.offset}), window))
    return {"total": clusters.total(store, f, window), "limit": p.limit, "offset": p.offset, "items": items}
