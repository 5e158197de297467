"""The dashboard: static pages and small ES modules served beside the API at ``/``, which get every figure they
show from ``/api/...`` (the API is the contract).

Security: the pages are served with a Content-Security-Policy that allows only this server's own scripts, styles
and requests (no inline script or style, no other origin), and write every value from the store as text. With a
token, the browser is let in once by ``/?token=TOKEN``: the answer keeps the token in an HttpOnly, SameSite=Strict
cookie and sends the browser on to ``/``; :class:`CookieToken` then turns the cookie into the bearer token the API
asks for, so the API keeps its one rule.
"""

from __future__ import annotations

import secrets
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.requests import cookie_parser

COOKIE = "eventwire_token"
POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
STATIC = resources.files(__name__) / "static"
LOCKED_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>eventwire</title>
<link rel="stylesheet" href="/static/app.css"></head><body class="locked"><main><h1>eventwire</h1>
<p>This server needs its token. Open <code>/?token=TOKEN</code> once (the token given to
<code>eventwire serve</code>); the browser then keeps it for this site.</p></main></body></html>"""


def mount(app: FastAPI, token: str | None) -> None:
    """The dashboard at ``/`` and its files at ``/static``; with ``token``, the cookie that carries it."""
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard(request: Request):
        if token and not _has(request.cookies.get(COOKIE), token):
            given = request.query_params.get("token")
            if not _has(given, token):
                return HTMLResponse(LOCKED_PAGE, status_code=401, headers=HEADERS)
            answer = RedirectResponse("/", status_code=303, headers=HEADERS)
            answer.set_cookie(COOKIE, given, httponly=True, samesite="strict", secure=request.url.scheme == "https")
            return answer
        return HTMLResponse((STATIC / "index.html").read_text(encoding="utf-8"), headers=HEADERS)

    if token:
        app.add_middleware(CookieToken)


def _has(given: str | None, token: str) -> bool:
    return given is not None and secrets.compare_digest(given.encode(), token.encode())


class CookieToken:
    """ASGI middleware: an /api request without an Authorization header but with the dashboard's cookie is given
    the cookie's token as its bearer token (the API's dependency then checks it as any other)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["path"].startswith("/api"):
            headers = dict(scope["headers"])
            if b"authorization" not in headers and b"cookie" in headers:
                cookie = cookie_parser(headers[b"cookie"].decode("latin-1")).get(COOKIE)
                if cookie:
                    bearer = (b"authorization", b"Bearer " + cookie.encode("latin-1", "replace"))
                    scope = {**scope, "headers": [*scope["headers"], bearer]}
        await self.app(scope, receive, send)
