"""The issue's case, through the whole ingest: the same wire story ingested again with "Reuters" changed to "AP"
joins the stored story and adds no event cluster, though every event is coded twice."""

import json

import pytest

from eventwire.filters import Filters
from eventwire.ingest import run_ingest
from eventwire.store import Store
from eventwire.stories.clusters import total
from stories.wire import AP_COPY, WIRE


def ingest(tmp_path, store, name: str, text: str) -> None:
    path = tmp_path / f"{name}.jsonl"
    path.write_text(json.dumps({"id": name, "date": "2025-03-04", "text": text}) + "\n", encoding="utf-8")
    assert run_ingest([str(path)], store, workers=1).stored == 1


@pytest.mark.slow
def test_the_same_story_from_another_agency_joins_its_story_and_adds_no_event_cluster(tmp_path):
    db = tmp_path / "news.duckdb"
    with Store(db) as store:
        ingest(tmp_path, store, "reuters", WIRE)
        events, clusters = store.count("events"), [total(store, Filters(), w) for w in (0, 1)]
    assert events > 0
    with Store(db) as store:  # a second run
        ingest(tmp_path, store, "ap", AP_COPY)
        documents = store.con.execute("SELECT doc_id, outlet, story_id FROM documents ORDER BY doc_id").fetchall()
        assert documents == [("ap", "Associated Press", "reuters"), ("reuters", "Reuters", "reuters")]
        assert store.count("events") == 2 * events
        assert [total(store, Filters(), w) for w in (0, 1)] == clusters
