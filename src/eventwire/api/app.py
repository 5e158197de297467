"""The FastAPI application: the routers of each resource under ``/api``, the bearer token, and the rule that every
problem is answered as JSON with a message (4xx for the request's, 503 for a store in use, 500 with no traceback for
the server's own)."""

from __future__ import annotations

import os
import secrets
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated

from anyio import to_thread
from fastapi import APIRouter, Depends, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from .. import __version__, web
from ..errors import StoreError, UserError
from ..records import SCHEMA
from . import actors, coding, documents, events, export, network, overview, places, statements, stories
from .access import WAIT, Access, StoreBusy
from .answers import Answers
from .params import Json

THREADS_PER_CORE = 2  # measured with bench/load.py: 2 per core answered more requests, and the slowest far sooner,
# than 1 per core or Starlette's 40 threads
RESOURCES = (events, actors, network, statements, documents, export, coding, overview, places, stories)
DESCRIPTION = """Events, actors, dyads, quotes and commitments of an eventwire store, and coding of posted text.

Event filters are query parameters (`from`, `to`, `actor`, `source_actor`, `target_actor`, `country`, `type`,
`cameo`, `quad`, `modality`, `min_confidence`, `text`); lists are paged with `limit` (at most 1000) and `offset`.
The store is opened read-only for each request, so an ingest can run beside the server; while it writes a batch,
requests wait a few seconds and else get 503. An answer is kept and sent again for the same request until the
store file changes. With a token, every `/api` request needs
`Authorization: Bearer TOKEN`."""


def create_app(db_path: str | Path, token: str | None = None, wait: float = WAIT) -> FastAPI:
    """The API over the store at ``db_path``; with ``token``, each /api request must carry it as a bearer token.
    ``wait`` is how long a request waits for a store an ingest is writing before it is answered 503."""
    app = FastAPI(
        title="eventwire", version=__version__, description=DESCRIPTION, default_response_class=Json, lifespan=_lifespan
    )
    app.state.access = Access(str(db_path), wait)
    app.state.answers = Answers(app.state.access)
    api = APIRouter(prefix="/api", dependencies=[Depends(Token(token))] if token else [])
    for resource in RESOURCES:
        api.include_router(resource.router)
    api.add_api_route("/health", health, methods=["GET"], response_class=Json, tags=["server"])
    app.include_router(api)
    web.mount(app, token)
    _answer_errors(app)
    return app


@asynccontextmanager
async def _lifespan(app: FastAPI):
    """Before the first request: the codebook read (it imports spaCy, seconds that no request should wait), and as
    many threads for the requests as keep the cores busy: more only take turns at Python's lock, and the slowest
    request waits for all of them."""
    from ..stages.events.codebook import codebook

    codebook()
    to_thread.current_default_thread_limiter().total_tokens = THREADS_PER_CORE * (os.cpu_count() or 1)
    yield


def health(request: Request) -> Json:
    """The server is up and can read its store: version, record schema and counts."""
    access = request.app.state.access
    with access.store() as store:
        counts = {table: store.count(table) for table in ("documents", "events")}
    return Json({"status": "ok", "version": __version__, "schema": SCHEMA, "store": access.path, **counts})


BEARER = HTTPBearer(auto_error=False, description="the server's token (`--token` or EVENTWIRE_TOKEN)")


class Token:
    """The dependency that refuses (401) a request without the server's bearer token."""

    def __init__(self, token: str):
        self.token = token.encode()

    async def __call__(self, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)]) -> None:
        if credentials is None or not secrets.compare_digest(credentials.credentials.encode(), self.token):
            raise HTTPException(
                401, "this server needs its token: send `Authorization: Bearer TOKEN`", {"WWW-Authenticate": "Bearer"}
            )


def _answer_errors(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Json:
        return Json({"detail": "; ".join(map(_said, exc.errors()))}, status_code=422)

    @app.exception_handler(StoreBusy)
    async def busy(request: Request, exc: StoreBusy) -> Json:
        return Json({"detail": str(exc)}, status_code=503, headers={"Retry-After": "5"})

    @app.exception_handler(StoreError)
    async def unreadable(request: Request, exc: StoreError) -> Json:
        return Json({"detail": str(exc)}, status_code=503)

    @app.exception_handler(UserError)
    async def refused(request: Request, exc: UserError) -> Json:
        return Json({"detail": str(exc)}, status_code=400)

    @app.exception_handler(Exception)
    async def failed(request: Request, exc: Exception) -> Json:
        # Starlette raises the exception again after this answer, so that the server logs its traceback
        return Json(
            {"detail": f"internal error ({type(exc).__name__}) answering {request.url.path}; the server log has more"},
            status_code=500,
        )


def _said(error: dict) -> str:
    """One validation problem in words: "query parameter 'limit': Input should be less than or equal to 1000"."""
    where, *name = error["loc"]
    what = f"{where} parameter {'.'.join(map(str, name))!r}" if name else str(where)
    return f"{what}: {error['msg']}"
