"""`POST /api/code`: code a posted text and answer its records, storing nothing.

The pipeline is built on the first request (a few seconds) and kept for the life of the server; one text is coded
at a time, as a spaCy pipeline is not made to be shared between threads.
"""

from __future__ import annotations

import datetime as dt
import threading

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field, ValidationError

from .params import Json

router = APIRouter(tags=["coding"])

MAX_BYTES = 200_000  # a long article is 20-50 kB; coding 200 kB takes about half a minute on one core
LOCK = threading.Lock()


class Posted(BaseModel):
    text: str = Field(min_length=1, description="the text to code")
    date: dt.date | None = Field(None, description="the document date relative dates are read against (YYYY-MM-DD)")
    title: str | None = Field(None, max_length=1000)


@router.post(
    "/code",
    response_class=Json,
    summary="code a text without storing it",
    openapi_extra={
        "requestBody": {"required": True, "content": {"application/json": {"schema": Posted.model_json_schema()}}}
    },
    responses={413: {"description": f"the body is over {MAX_BYTES:,} bytes"}},
)
async def post_code(request: Request) -> Json:
    """The text's records, as `eventwire code --format json` prints them (JSON body: `text`, optional `date` and
    `title`; at most 200 kB)."""
    body = await _body(request)
    try:
        posted = Posted.model_validate_json(body)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}".lstrip(": ") for e in exc.errors())
        raise HTTPException(422, f"bad request body: {problems}") from None
    coded = await run_in_threadpool(_code, posted)
    return Json(coded.to_json())


async def _body(request: Request) -> bytes:
    """The request body, refused (413) as soon as it is known to be too long, before it is all read."""
    too_long = HTTPException(413, f"the text is over {MAX_BYTES:,} bytes: post a shorter one, or ingest it")
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > MAX_BYTES:
        raise too_long
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BYTES:
            raise too_long
    return bytes(body)


def _code(posted: Posted):
    from ..nlp import code_text

    with LOCK:
        return code_text(posted.text, date=posted.date, id="posted", title=posted.title)
