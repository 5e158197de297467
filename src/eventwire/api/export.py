"""`GET /api/export/{format}`: the events the filters keep, in one of the export formats (:mod:`eventwire.export`),
as a file download.

The exporter writes into a temporary file while the store is open, and the file is streamed after the store is let
go: a slow client never keeps an ingest waiting.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from typing import Annotated, BinaryIO

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.responses import StreamingResponse

from ..errors import UserError
from ..filters import Filters
from .params import event_filters

router = APIRouter(tags=["export"])
CHUNK = 1 << 16


@router.get(
    "/export/{format}",
    response_class=StreamingResponse,
    summary="events in an export format, as a download",
    responses={200: {"content": {"application/octet-stream": {}}, "description": "the export file"}},
)
def get_export(
    request: Request,
    format: Annotated[str, Path(max_length=40, description="an export format (see `eventwire export --help`)")],
    f: Annotated[Filters, Depends(event_filters)],
) -> StreamingResponse:
    """The file `eventwire export --format FORMAT` writes for the same filters, with the format's media type; a
    format's options are query parameters too (`table` of `csv` and `parquet`: events, actors, quotes ...)."""
    from .. import export

    try:
        exporter = export.get(format)
    except UserError as exc:
        raise HTTPException(404, str(exc)) from None
    options = {name: request.query_params[name] for name in exporter.options if name in request.query_params}
    out = tempfile.TemporaryFile()
    try:
        with request.app.state.access.store() as store:
            exporter.write(store, f, out, **options)
        out.seek(0)
    except BaseException:
        out.close()
        raise
    name = f"eventwire-{exporter.name}.{exporter.extension.lstrip('.')}"
    return StreamingResponse(
        _chunks(out), media_type=exporter.media_type, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


def _chunks(out: BinaryIO) -> Iterator[bytes]:
    with out:
        while chunk := out.read(CHUNK):
            yield chunk
