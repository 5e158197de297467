"""The HTTP API as a client meets it: a real `eventwire serve` (uvicorn) on a free loopback port over a small store
ingested from articles written for these tests, called with httpx. Every list is checked against the store itself
(the filters through eventwire.filters.event_rows, the shared definition), so that the tests follow the coding as
it improves and still fail when the API answers other events than the CLI and the exports would."""

import datetime as dt
import json
import os
import shutil
import subprocess
import time
from collections import Counter
from pathlib import Path

import duckdb
import httpx
import pytest

from eventwire.filters import Filters, event_rows
from eventwire.ingest import run_ingest
from eventwire.store import Store
from servers import EVENTWIRE, free_port, serve, stop

ARTICLES = [
    {
        "id": "tanks",
        "date": "2024-03-04",
        "title": "Germany pledges tanks",
        "url": "https://news.example/tanks",
        "source": "Example Wire",
        "text": "BERLIN — Germany will send 20 tanks to Ukraine by April 30, Chancellor Olaf Scholz said on Monday.\n\n"
        '"We stand with Kyiv," Scholz told reporters in Berlin. Russia condemned the decision.',
    },
    {
        "id": "kharkiv",
        "date": "2024-03-12",
        "title": "Strikes on Kharkiv",
        "url": "https://news.example/kharkiv",
        "text": "KYIV — Russian forces attacked the Ukrainian city of Kharkiv on Tuesday, Ukrainian officials said.\n\n"
        "Ukraine accused Russia of targeting civilians. The United Nations called for restraint.",
    },
    {
        "id": "warsaw",
        "date": "2024-04-02",
        "title": "Macron in Warsaw",
        "url": "https://news.example/warsaw",
        "text": "WARSAW — French President Emmanuel Macron met Polish Prime Minister Donald Tusk in Warsaw on Tuesday."
        '\n\nFrance and Poland signed a defence agreement. "Europe must protect itself," Macron said.',
    },
    {
        "id": "sanctions",
        "date": "2024-05-20",
        "title": "New sanctions",
        "url": "https://news.example/sanctions",
        "text": "BRUSSELS — The European Union imposed new sanctions on Iran on Monday.\n\n"
        "Iran threatened to retaliate against the bloc. China urged both sides to negotiate.",
    },
]
TOKEN = "s3cret-for-tests"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("api")
    source = folder / "articles.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    with Store(folder / "news.duckdb") as store:
        summary = run_ingest([str(source)], store, workers=1)
    assert summary.stored == len(ARTICLES) and not summary.problems
    return folder / "news.duckdb"


@pytest.fixture(scope="module")
def server(db):
    log = db.with_name("server.log")
    process, url = serve(db, log, "--wait", "0.5")
    yield url, log
    stop(process)


@pytest.fixture(scope="module")
def api(server):
    with httpx.Client(base_url=server[0], timeout=60) as client:
        yield client


def store_events(db: Path, **filters) -> list[tuple[str, str]]:
    """(doc_id, id) of the events the filters keep, in the CLI's order, from the store itself."""
    with Store(db, read_only=True) as store:
        return [(r[0], r[1]) for r in event_rows(store, Filters(**filters)).fetchall()]


def listed(api, path: str, **params) -> dict:
    answer = api.get(path, params=params)
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_health_names_the_store(api, db):
    health = listed(api, "/api/health")
    assert health["status"] == "ok" and health["documents"] == len(ARTICLES)
    assert health["events"] == len(store_events(db)) > 0


def test_events_are_the_stores_with_what_a_reader_needs(api, db):
    page = listed(api, "/api/events")
    assert page["total"] == len(page["items"]) == len(store_events(db))
    assert [(e["doc_id"], e["id"]) for e in page["items"]] == store_events(db)
    texts = {a["id"]: a["text"] for a in ARTICLES}
    for event in page["items"]:
        assert event["evidence"] and event["evidence"] in " ".join(texts[event["doc_id"]].split())
        assert event["document"]["title"] == next(a["title"] for a in ARTICLES if a["id"] == event["doc_id"])
        assert set(event) >= {"date", "source", "target", "cameo", "plover", "quad", "goldstein", "modality"}
        assert event["date"] and (event["place"] is None or event["place"]["name"])
    strike = next(e for e in page["items"] if e["doc_id"] == "kharkiv" and e["plover"] == "ASSAULT")
    assert strike["source"] == {"code": "RUSMIL", "name": "Russian forces"} and strike["target"]["code"] == "UKR"
    assert strike["quad"] == 4 and strike["goldstein"] < 0 and strike["date"] == "2024-03-12"


@pytest.mark.parametrize(
    "params, filters",
    [
        (
            {"from": "2024-03-10", "to": "2024-04-30"},
            {"date_from": dt.date(2024, 3, 10), "date_to": dt.date(2024, 4, 30)},
        ),
        ({"actor": "RUS"}, {"actor": "RUS"}),
        ({"actor": "scholz"}, {"actor": "scholz"}),
        ({"source_actor": "IRN"}, {"source_actor": "IRN"}),
        ({"target_actor": "UKR"}, {"target_actor": "UKR"}),
        ({"country": "fra"}, {"country": "FRA"}),
        ({"type": "accuse"}, {"plover": "ACCUSE"}),
        ({"cameo": "1"}, {"cameo": "1"}),
        ({"quad": 4}, {"quad": 4}),
        ({"modality": "asserted"}, {"modality": "asserted"}),
        ({"min_confidence": 0.8}, {"min_confidence": 0.8}),
        ({"text": "SANCTIONS"}, {"text": "sanctions"}),
        ({"actor": "UKR", "quad": 3}, {"actor": "UKR", "quad": 3}),
    ],
)
def test_each_filter_keeps_what_the_cli_keeps(api, db, params, filters):
    expected = store_events(db, **filters)
    assert 0 < len(expected) < len(store_events(db))  # the filter keeps some and drops some: the test can fail
    page = listed(api, "/api/events", **params)
    assert [(e["doc_id"], e["id"]) for e in page["items"]] == expected and page["total"] == len(expected)


def test_pages_follow_each_other(api, db):
    everything = store_events(db)
    seen = []
    for offset in range(0, len(everything) + 3, 3):
        page = listed(api, "/api/events", limit=3, offset=offset)
        assert page["total"] == len(everything) and page["limit"] == 3 and page["offset"] == offset
        seen += [(e["doc_id"], e["id"]) for e in page["items"]]
    assert seen == everything


def test_actors_by_code_name_and_country(api, db):
    everyone = listed(api, "/api/actors")
    with Store(db, read_only=True) as store:
        codes = {r[0] for r in store.con.execute("SELECT code FROM actors WHERE code IS NOT NULL").fetchall()}
        acting = Counter(
            code
            for source, target in store.con.execute("SELECT source_code, target_code FROM events").fetchall()
            for code in {source, target} - {None}
        )
    assert everyone["total"] == len(codes) == len(everyone["items"])
    assert {a["code"]: a["events"] for a in everyone["items"]} == {c: acting[c] for c in codes}
    assert [a["events"] for a in everyone["items"]] == sorted((a["events"] for a in everyone["items"]), reverse=True)
    scholz = listed(api, "/api/actors", q="Scholz")["items"]
    assert [(a["code"], a["name"], a["country"], a["sector"]) for a in scholz] == [
        ("DEUGOV", "Olaf Scholz", "DEU", "GOV")
    ]
    assert scholz[0]["documents"] == 1 and scholz[0]["mentions"] >= 2
    assert {a["code"] for a in listed(api, "/api/actors", q="DEU")["items"]} == {"DEU", "DEUGOV"}
    ukrainian = listed(api, "/api/actors", country="ukr")["items"]
    assert ukrainian and {a["country"] for a in ukrainian} == {"UKR"} and "UKR" in {a["code"] for a in ukrainian}
    two = listed(api, "/api/actors", limit=2, offset=1)
    assert two["items"] == everyone["items"][1:3]


def test_timeline_counts_an_actors_events_by_period_and_side(api, db):
    def total(role: str, **params) -> tuple[int, list]:
        series = listed(api, "/api/actors/RUS/timeline", role=role, **params)["series"]
        return sum(s["events"] for s in series), series

    either, series = total("either")
    assert (either, total("source")[0], total("target")[0]) == (
        len(set(store_events(db, source_actor="RUS")) | set(store_events(db, target_actor="RUS"))),
        len(store_events(db, source_actor="RUS")),
        len(store_events(db, target_actor="RUS")),
    )
    assert [s["period"] for s in series] == ["2024-03-01"]
    for s in series:
        assert sum(s["by_quad"].values()) == s["events"] >= s["cooperation"] + s["conflict"]
        assert s["conflict"] > 0 and -10 <= s["goldstein"] < 0
    by_week = total("either", interval="week")[1]
    assert all(dt.date.fromisoformat(s["period"]).weekday() == 0 for s in by_week) and len(by_week) == 2
    assert total("either", **{"from": "2024-03-10"})[0] < either
    answer = api.get("/api/actors/XYZ/timeline")
    assert answer.status_code == 404 and "XYZ" in answer.json()["detail"]


def test_dyads_and_network(api, db):
    with Store(db, read_only=True) as store:
        expected = Counter(
            store.con.execute("SELECT source_code, target_code FROM events WHERE source_code <> target_code").fetchall()
        )
    dyads = listed(api, "/api/dyads")
    assert {(d["source_code"], d["target_code"]): d["events"] for d in dyads["items"]} == expected
    assert dyads["total"] == len(expected)
    for d in dyads["items"]:
        assert d["first"] <= d["last"] and d["cooperation"] + d["conflict"] <= d["events"]
    assert listed(api, "/api/dyads", quad=4)["total"] < dyads["total"]
    second = listed(api, "/api/dyads", limit=2, offset=2)
    assert second["items"] == dyads["items"][2:4] and second["total"] == dyads["total"]
    assert listed(api, "/api/dyads", offset=dyads["total"]) == {**dyads, "offset": dyads["total"], "items": []}
    network = listed(api, "/api/network", edges=3)
    assert len(network["edges"]) == 3
    ends = {e["source"] for e in network["edges"]} | {e["target"] for e in network["edges"]}
    assert {n["id"] for n in network["nodes"]} == ends
    assert all(n["name"] for n in network["nodes"])
    conflict = listed(api, "/api/network", quad=4)
    assert ("RUSMIL", "UKR") in {(e["source"], e["target"]) for e in conflict["edges"]}


def test_quotes_and_commitments(api):
    macron = listed(api, "/api/quotes", speaker="Macron")["items"]
    assert [q["text"].strip(" ,") for q in macron] == ["Europe must protect itself"]
    assert macron[0]["doc"] == "warsaw" and macron[0]["date"] == "2024-04-02"
    everyone = listed(api, "/api/quotes")
    assert everyone["total"] > len(macron)
    assert listed(api, "/api/quotes", **{"from": "2024-03-10"})["total"] < everyone["total"]
    due = listed(api, "/api/commitments", as_of="2024-04-25")["items"]
    assert [(c["source"], c["deadline"], c["state"]) for c in due] == [("DEU", "2024-04-30", "due")]
    assert listed(api, "/api/commitments", as_of="2024-06-01")["items"][0]["state"] == "past due"
    assert listed(api, "/api/commitments", as_of="2024-03-01")["items"] == []  # not promised yet
    assert listed(api, "/api/commitments", as_of="2024-04-25", actor="FRA")["items"] == []


def test_a_document_with_every_span(api):
    answer = listed(api, "/api/documents/warsaw")
    text = answer["document"]["text"]
    assert text == ARTICLES[2]["text"] and answer["document"]["title"] == "Macron in Warsaw"
    said = {(s["kind"], text[s["start"] : s["end"]]) for s in answer["spans"]}
    assert {("actor", "Macron"), ("place", "Warsaw"), ("timex", "Tuesday"), ("trigger", "met")} <= said
    assert ("quote", "Europe must protect itself,") in said and ("speaker", "Macron") in said
    kinds = {s["kind"] for s in answer["spans"]}
    assert {"actor", "trigger", "sentence", "source", "target", "quote", "cue", "speaker", "timex", "place"} <= kinds
    assert [s["start"] for s in answer["spans"]] == sorted(s["start"] for s in answer["spans"])
    assert {e["id"] for e in answer["events"]} == {s["record"] for s in answer["spans"] if s["kind"] == "trigger"}
    missing = api.get("/api/documents/no-such-doc")
    assert missing.status_code == 404 and "no-such-doc" in missing.json()["detail"]


def test_exports_stream_each_format(api, db):
    export = pytest.importorskip("eventwire.export")
    formats = export.exporters()
    for name, exporter in formats.items():
        answer = api.get(f"/api/export/{name}", params={"actor": "RUS"})
        assert answer.status_code == 200, (name, answer.text)
        assert answer.headers["content-type"].split(";")[0] == exporter.media_type
        disposition = answer.headers["content-disposition"]
        assert disposition == f'attachment; filename="eventwire-{name}.{exporter.extension.lstrip(".")}"'
        assert answer.content
    csv = api.get("/api/export/csv", params={"quad": 4})
    assert len(csv.text.strip().splitlines()) == 1 + len(store_events(db, quad=4))
    actors = api.get("/api/export/csv", params={"table": "actors"})
    assert actors.text.splitlines()[0].startswith("doc_id,id,name")
    unknown = api.get("/api/export/xlsx")
    assert unknown.status_code == 404 and "gdelt" in unknown.json()["detail"]
    bad_table = api.get("/api/export/csv", params={"table": "secrets"})
    assert bad_table.status_code == 400 and "secrets" in bad_table.json()["detail"]


def test_posted_text_is_coded_and_not_stored(api, db):
    answer = api.post("/api/code", json={"text": "Chile recalled its ambassador to Peru.", "date": "2024-03-05"})
    assert answer.status_code == 200, answer.text
    coded = answer.json()
    assert coded["document"]["date"] == "2024-03-05"
    assert {"CHL", "PER"} <= {a["code"] for a in coded["actors"]} and coded["events"]
    assert listed(api, "/api/health")["documents"] == len(ARTICLES)


@pytest.mark.parametrize(
    "path, params",
    [
        ("/api/events", {"from": "2024-13-01"}),
        ("/api/events", {"to": "yesterday"}),
        ("/api/events", {"from": "2024-05-01", "to": "2024-04-01"}),
        ("/api/events", {"quad": "9"}),
        ("/api/events", {"quad": "conflict"}),
        ("/api/events", {"limit": "0"}),
        ("/api/events", {"limit": "1001"}),
        ("/api/events", {"offset": "-1"}),
        ("/api/events", {"offset": "1" + "0" * 30}),
        ("/api/events", {"type": "INVADE"}),
        ("/api/events", {"modality": "rumoured"}),
        ("/api/events", {"min_confidence": "2"}),
        ("/api/events", {"country": "Russia"}),
        ("/api/events", {"cameo": "19%"}),
        ("/api/dyads", {"from": "2024-02-30"}),
        ("/api/actors/RUS/timeline", {"interval": "decade"}),
        ("/api/actors/RUS/timeline", {"role": "victim"}),
        ("/api/actors/R%20S/timeline", {}),
        ("/api/network", {"edges": "0"}),
        ("/api/commitments", {"as_of": "soon"}),
        ("/api/quotes", {"from": "2024-1-1"}),
        ("/api/export/gdelt", {"quad": "5"}),
    ],
)
def test_bad_input_is_refused_with_a_message(api, path, params):
    answer = api.get(path, params=params)
    assert 400 <= answer.status_code < 500, (answer.status_code, answer.text)
    detail = answer.json()["detail"]
    assert isinstance(detail, str) and detail and "Traceback" not in detail


@pytest.mark.parametrize(
    "body, status, said",
    [
        ({"text": "x" * 200_001}, 413, "200,000 bytes"),
        ({"text": ""}, 422, "text"),
        ({"text": "Chile thanked Peru.", "date": "2024-02-30"}, 422, "date"),
        ({"date": "2024-03-05"}, 422, "text"),
        ("not json", 422, "JSON"),
    ],
)
def test_bad_posts_are_refused_with_a_message(api, body, status, said):
    sent = {"content": body} if isinstance(body, str) else {"json": body}
    answer = api.post("/api/code", **sent)
    assert answer.status_code == status and said in answer.json()["detail"], answer.text


def test_a_store_an_ingest_is_writing_gets_503_then_answers(api, db):
    asked = api.get("/api/events", params={"limit": 7})
    writer = duckdb.connect(str(db))  # as an ingest holds the file while it writes a batch
    try:
        again = api.get("/api/events", params={"limit": 7})  # answered before, and the file has not changed
        started = time.monotonic()
        answer = api.get("/api/events", params={"limit": 8})
        waited = time.monotonic() - started
    finally:
        writer.close()
    assert again.status_code == 200 and again.json() == asked.json()
    assert answer.status_code == 503 and answer.headers["retry-after"]
    assert f"being written by an ingest (pid {os.getpid()})" in answer.json()["detail"]
    assert 0.5 <= waited < 10
    assert api.get("/api/events", params={"limit": 8}).status_code == 200


def test_an_ingest_beside_the_server_shows_in_the_next_answers(db, tmp_path):
    copy = tmp_path / "growing.duckdb"
    shutil.copy(db, copy)
    process, url = serve(copy, tmp_path / "growing.log")
    try:
        with httpx.Client(base_url=url, timeout=60) as client:
            questions = [("/api/events", {"actor": "CHL"}), ("/api/actors", {"q": "CHL"}), ("/api/events", {})]
            before = [listed(client, path, **params) for path, params in questions]
            assert before[0]["total"] == before[1]["total"] == 0 and before == [
                listed(client, path, **params) for path, params in questions
            ]  # asked twice: the second answer may be the first one kept
            article = {"id": "recall", "date": "2024-06-03", "text": "Chile recalled its ambassador to Peru."}
            (tmp_path / "more.jsonl").write_text(json.dumps(article) + "\n", encoding="utf-8")
            with Store(copy) as store:  # the server lets go of the file between requests
                assert run_ingest([str(tmp_path / "more.jsonl")], store, workers=1).stored == 1
            after = [listed(client, path, **params) for path, params in questions]
    finally:
        stop(process)
    assert {e["doc_id"] for e in after[0]["items"]} == {"recall"} and after[0]["total"] >= 1
    assert [a["code"] for a in after[1]["items"]] == ["CHL"]
    assert after[2]["total"] == before[2]["total"] + after[0]["total"]


def test_the_docs_describe_every_endpoint(api):
    paths = api.get("/openapi.json").json()["paths"]
    assert set(paths) >= {
        "/api/events",
        "/api/actors",
        "/api/actors/{code}/timeline",
        "/api/dyads",
        "/api/network",
        "/api/quotes",
        "/api/commitments",
        "/api/documents/{doc_id}",
        "/api/export/{format}",
        "/api/code",
        "/api/health",
    }
    assert "requestBody" in paths["/api/code"]["post"]
    assert {p["name"] for p in paths["/api/events"]["get"]["parameters"]} >= {"from", "to", "actor", "limit", "offset"}
    assert api.get("/docs").status_code == 200


def test_the_server_logged_no_error(server):
    log = server[1].read_text()
    assert "Traceback" not in log and "500 Internal" not in log, log[-3000:]


def test_a_token_server_wants_the_token_on_every_api_request(db, tmp_path):
    process, url = serve(db, tmp_path / "token.log", env={"EVENTWIRE_TOKEN": TOKEN})
    try:
        for path in ("/api/health", "/api/events", "/api/export/csv"):
            bare = httpx.get(url + path)
            assert bare.status_code == 401 and bare.headers["www-authenticate"] == "Bearer"
            assert "Bearer" in bare.json()["detail"]
            wrong = httpx.get(url + path, headers={"Authorization": "Bearer guess"})
            assert wrong.status_code == 401
        assert httpx.get(url + "/api/health", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
        posted = httpx.post(url + "/api/code", json={"text": "Chile thanked Peru."})
        assert posted.status_code == 401
        assert httpx.get(url + "/docs").status_code == 200  # the description, not the data
        assert "HTTPBearer" in httpx.get(url + "/openapi.json").json()["components"]["securitySchemes"]
    finally:
        stop(process)


def test_listening_beyond_this_machine_needs_a_token(db):
    env = {k: v for k, v in os.environ.items() if k != "EVENTWIRE_TOKEN"}
    refused = subprocess.run(
        [EVENTWIRE, "serve", "--db", str(db), "--host", "0.0.0.0", "--port", str(free_port())],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1
    assert refused.stderr.startswith("eventwire: refusing to listen on 0.0.0.0 without a token")


def test_a_missing_store_is_said_in_one_line(tmp_path):
    missing = subprocess.run(
        [EVENTWIRE, "serve", "--db", str(tmp_path / "none.duckdb"), "--port", str(free_port())],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert missing.returncode == 2 and missing.stderr.startswith("eventwire: no store at")
