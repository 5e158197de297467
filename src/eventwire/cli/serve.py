"""`eventwire serve`: the HTTP API (FastAPI, uvicorn) and the dashboard over a store."""

from __future__ import annotations

import argparse
import ipaddress
import os

from ..store import DEFAULT_DB

TOKEN_VARIABLE = "EVENTWIRE_TOKEN"
LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


def add_parser(sub) -> None:
    from ..api.access import WAIT

    p = sub.add_parser(
        "serve",
        help="the dashboard and the HTTP API over a store (events, actors, dyads, network, quotes, exports, coding)",
        description="Serve a store over HTTP: the dashboard at / (overview, timeline, network, map, evidence, "
        "promises, quotes), and /api/events, /api/actors, /api/actors/CODE/timeline, /api/dyads, "
        "/api/network, /api/overview, /api/places, /api/quotes, /api/commitments, /api/documents/ID, "
        "/api/export/FORMAT, POST /api/code, "
        "/api/health; the OpenAPI description is at /docs. The store is opened read-only for each request and let "
        "go after it, so `eventwire ingest` can add to it while the server runs: DuckDB lets no process open a file "
        "while another writes it, so a request made while an ingest writes a batch waits (--wait) and is then "
        "answered 503. The server listens on 127.0.0.1 only, unless --host names another address; then a token is "
        "required, and every /api request must send it as `Authorization: Bearer TOKEN`; a browser opens "
        "/?token=TOKEN once and then keeps it in a cookie.",
    )
    p.add_argument("--db", default=DEFAULT_DB, metavar="FILE", help=f"the DuckDB store (default: {DEFAULT_DB})")
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help="the address to listen on (default: 127.0.0.1, this machine only; any other needs --token)",
    )
    p.add_argument("--port", type=int, default=8000, help="the port to listen on (default: 8000)")
    p.add_argument(
        "--token",
        default=os.environ.get(TOKEN_VARIABLE) or None,
        help=f"a secret every /api request must send as a bearer token (default: the {TOKEN_VARIABLE} setting); "
        "required to listen on an address other than this machine's",
    )
    p.add_argument(
        "--wait",
        type=float,
        default=WAIT,
        metavar="SECONDS",
        help=f"how long a request waits while an ingest writes the store before it is answered 503 (default: {WAIT:g})",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import UserError

    if not (args.token or _loopback(args.host)):
        raise UserError(
            f"refusing to listen on {args.host} without a token: pass --token SECRET (or set {TOKEN_VARIABLE}), "
            "or listen on 127.0.0.1"
        )
    if not 0 <= args.port <= 65535:
        raise UserError(f"--port {args.port} is not a port (0 to 65535)")
    import uvicorn

    from ..api.app import create_app
    from ..store import Store

    Store(args.db, read_only=True, wait=args.wait).close()  # a missing or foreign store is said now, in one line
    uvicorn.run(create_app(args.db, args.token, args.wait), host=args.host, port=args.port)
    return 0


def _loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
