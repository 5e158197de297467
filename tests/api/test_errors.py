"""Whatever goes wrong inside the server is answered as JSON with a message, never as a traceback (the app called
in this process, so that a part of it can be broken on purpose)."""

import asyncio

import httpx

from eventwire.api import events
from eventwire.api.app import create_app
from eventwire.store import Store


def get(app, path: str) -> httpx.Response:
    async def call():
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.get(path)

    return asyncio.run(call())


def test_an_unexpected_failure_is_a_json_500_without_traceback(tmp_path, monkeypatch):
    db = tmp_path / "empty.duckdb"
    Store(db).close()

    def broken(*args):
        raise RuntimeError("secret internals /home/user/code.py line 12")

    monkeypatch.setattr(events, "events", broken)
    app = create_app(db)
    assert get(app, "/api/health").json()["events"] == 0
    answer = get(app, "/api/events")
    assert answer.status_code == 500 and answer.headers["content-type"] == "application/json"
    assert answer.json() == {"detail": "internal error (RuntimeError) answering /api/events; the server log has more"}


def test_a_missing_store_is_said(tmp_path):
    answer = get(create_app(tmp_path / "gone.duckdb"), "/api/events")
    assert answer.status_code == 503 and "no store at" in answer.json()["detail"]
