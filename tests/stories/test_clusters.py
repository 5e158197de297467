"""Event clusters: the same dyad and CAMEO code counted once within a story (window 0) or within a window of days
(1: the one-a-day rule), with GDELT's counts, in `events --dedup`, the GDELT export and the API."""

import datetime as dt
import io

import pytest

from eventwire.export import get
from eventwire.filters import Filters
from eventwire.stories.clusters import clustered, total
from stories.wire import AP_COPY, OTHER_REPORT, WIRE, entry

MEET = ("NOR", "CHL", "057", "2025-03-04")  # Norway signs an agreement with Chile
FUND = ("NOR", "CHL", "071", "2025-03-04")  # ... and gives it aid


def clusters(store, window: int, **filters) -> list[dict]:
    result = clustered(store, Filters(**filters), window)
    columns = [d[0] for d in result.description]
    return [dict(zip(columns, row, strict=True)) for row in result.fetchall()]


@pytest.fixture
def syndicated(store):
    """A wire story, its copy from another agency, and another article on the same meeting: three documents of
    two stories from three outlets, each reporting the signing; the wire story reports it twice."""
    store.add([entry("wire", WIRE, [MEET, FUND, MEET], source="Reuters")])
    store.add([entry("copy", AP_COPY, [MEET, FUND])])
    store.add([entry("other", OTHER_REPORT, [MEET], url="https://harbour.example/fish")])
    return store


def test_within_a_story_the_copies_report_each_event_once(syndicated):
    found = {(c["cameo"], c["doc_id"]): c for c in clusters(syndicated, window=0)}
    assert set(found) == {("057", "wire"), ("071", "wire"), ("057", "other")}
    meet = found["057", "wire"]
    assert (meet["num_mentions"], meet["num_articles"], meet["num_sources"], meet["num_stories"]) == (3, 2, 2, 1)
    assert meet["outlets"] == ["Associated Press", "Reuters"]
    assert meet["members"] == ["wire/e1", "wire/e3", "copy/e1"]
    assert meet["cluster_id"] == "wire/e1" and meet["day"] == dt.date(2025, 3, 4)


def test_the_one_a_day_rule_counts_the_same_dyad_and_code_once_a_day_across_stories(syndicated):
    meet = next(c for c in clusters(syndicated, window=1) if c["cameo"] == "057")
    assert (meet["num_articles"], meet["num_sources"], meet["num_stories"]) == (3, 3, 2)
    assert total(syndicated, Filters(), 1) == 2 and total(syndicated, Filters(), 0) == 3


def test_a_window_of_days_chains_events_less_than_that_many_days_apart(store):
    days = ["2025-03-01", "2025-03-02", "2025-03-04"]
    for i, day in enumerate(days):
        store.add([entry(f"d{i}", f"Report number {i} on the talks between Norway and Chile.", [(*MEET[:3], day)])])
    assert [len(clusters(store, w)) for w in (0, 1, 2, 3)] == [3, 3, 2, 1]
    assert [c["num_articles"] for c in clusters(store, 2)] == [2, 1]
    assert clusters(store, 2)[0]["last_day"] == dt.date(2025, 3, 2)


def test_the_filters_choose_the_events_and_the_limit_counts_clusters(syndicated):
    assert [c["cameo"] for c in clusters(syndicated, 1, cameo="071")] == ["071"]
    assert len(clusters(syndicated, 0, limit=2)) == 2
    assert len(clusters(syndicated, 0, limit=2, offset=2)) == 1


def test_the_gdelt_export_writes_one_row_per_cluster_with_its_counts(syndicated):
    out = io.BytesIO()
    assert get("gdelt").write(syndicated, Filters(), out) == 2
    rows = [line.split("\t") for line in out.getvalue().decode().splitlines()]
    counts = {row[26]: (int(row[31]), int(row[32]), int(row[33])) for row in rows}  # EventCode: NumMentions...
    assert counts == {"057": (4, 3, 3), "071": (2, 2, 2)}
