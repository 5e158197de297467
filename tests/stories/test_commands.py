"""`eventwire stories`, `eventwire events --dedup [--window N]`, `GET /api/stories` and `GET /api/events?dedup=true`
over a store of hand-made records."""

import json

import pytest
from fastapi.testclient import TestClient

from eventwire.api.app import create_app
from eventwire.cli import main
from eventwire.store import Store
from stories.wire import AP_COPY, OTHER_REPORT, WIRE, entry

MEET = ("NOR", "CHL", "057", "2025-03-04")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("stories") / "stories.duckdb"
    with Store(path) as store:
        store.add([entry("wire", WIRE, [MEET], source="Reuters", title="Norway and Chile sign fish deal")])
        store.add([entry("copy", AP_COPY, [MEET], title="Fish deal signed")])
        store.add([entry("other", OTHER_REPORT, [MEET])])
    return path


def run(capsys, *argv) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_stories_lists_each_story_with_its_documents_and_outlets(db, capsys):
    status, out, _ = run(capsys, "stories", "--db", str(db), "--format", "json")
    stories = {s["story_id"]: s for s in json.loads(out)}
    assert status == 0 and set(stories) == {"wire", "other"}
    wire = stories["wire"]
    assert (wire["title"], wire["documents"], wire["outlets"]) == ("Norway and Chile sign fish deal", 2, 2)
    assert wire["doc_ids"] == ["wire", "copy"] and wire["outlet_names"] == ["Associated Press", "Reuters"]
    status, out, _ = run(capsys, "stories", "--db", str(db), "--text", "anchovy")
    assert status == 0 and "wire" in out and "other" not in out
    assert run(capsys, "stories", "--db", str(db), "--actor", "ZAF")[1] == "(no stories)\n"


@pytest.mark.parametrize(("window", "clusters"), [([], 1), (["--window", "0"], 2), (["--window", "3"], 1)])
def test_events_dedup_counts_an_event_once(db, capsys, window, clusters):
    status, out, _ = run(capsys, "events", "--db", str(db), "--dedup", *window, "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert status == 0 and len(rows) == clusters
    mentions = run(capsys, "events", "--db", str(db), "--format", "jsonl")[1].splitlines()
    assert sum(r["num_articles"] for r in rows) == len(mentions) == 3


def test_a_window_without_dedup_is_said_in_one_line(db, capsys):
    status, _, err = run(capsys, "events", "--db", str(db), "--window", "2")
    assert status == 2 and err == "eventwire: --window applies with --dedup (events counted once)\n"


def test_a_window_below_zero_is_refused(db, capsys):
    with pytest.raises(SystemExit):
        main(["events", "--db", str(db), "--dedup", "--window", "-1"])
    assert "'-1' is not a whole number of days" in capsys.readouterr().err


def test_the_api_lists_stories_and_event_clusters(db):
    client = TestClient(create_app(db))
    stories = client.get("/api/stories", params={"limit": 1}).json()
    assert stories["total"] == 2 and [s["story_id"] for s in stories["items"]] == ["other"]  # the same day: by id
    assert client.get("/api/stories", params={"from": "2025-03-05", "to": "2025-03-01"}).status_code == 422
    clusters = client.get("/api/events", params={"dedup": "true"}).json()
    assert clusters["total"] == 1 and clusters["items"][0]["num_sources"] == 3
    within = client.get("/api/events", params={"dedup": "true", "window": 0}).json()
    assert within["total"] == 2 and sorted(i["num_articles"] for i in within["items"]) == [1, 2]
    assert client.get("/api/events").json()["total"] == 3
