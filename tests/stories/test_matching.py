"""Story matching in the store: a near-copy joins the story of the document it copies, across batches, runs and
processes; a different article about the same events starts its own story; the first document names the story."""

import duckdb
import pyarrow as pa
import pytest

from eventwire.store import Store
from eventwire.stories import shingles
from stories.wire import AP_COPY, OTHER_REPORT, WIRE, entry


def stories(store) -> dict[str, tuple[str, str | None]]:
    rows = store.con.execute("SELECT doc_id, story_id, outlet FROM documents").fetchall()
    return {doc_id: (story, outlet) for doc_id, story, outlet in rows}


def test_a_copy_with_another_agency_joins_the_story_of_the_first_document(store):
    store.add([entry("wire", WIRE, source="Reuters")])
    assert store.add([entry("copy", AP_COPY), entry("other", OTHER_REPORT)]) == 2
    assert stories(store) == {
        "wire": ("wire", "Reuters"),
        "copy": ("wire", "Associated Press"),  # from its dateline
        "other": ("other", None),  # the same meeting, other words: its own story
    }


def test_copies_in_one_batch_are_matched_with_each_other(store):
    store.add([entry("copy", AP_COPY), entry("wire", WIRE)])
    assert stories(store)["wire"][0] == "copy"  # the first seen names the story


def test_matching_goes_on_across_runs_and_a_store_opened_again(tmp_path):
    path = tmp_path / "runs.duckdb"
    with Store(path) as first:
        first.add([entry("wire", WIRE)])
    with Store(path) as second:  # a new run: its index is built from the signatures stored
        second.add([entry("copy", AP_COPY)])
        assert stories(second)["copy"][0] == "wire"


def test_a_document_written_by_another_process_between_batches_is_matched(tmp_path):
    path = tmp_path / "shared.duckdb"
    with Store(path) as ours, Store(path) as theirs:
        ours.add([entry("other", OTHER_REPORT)])
        ours.close()
        theirs.add([entry("wire", WIRE)])  # written while ours had let go of the file
        theirs.close()
        ours.add([entry("copy", AP_COPY)])
        assert stories(ours)["copy"][0] == "wire"


def test_a_batch_rolled_back_leaves_no_story_behind(store):
    store.add([entry("other", OTHER_REPORT)])
    broken = entry("wire", WIRE, [("NOR", "CHL", "057", None)])
    broken[0].events[0].quad = "many"  # a record the store cannot write: the batch fails after stories were assigned
    with pytest.raises(pa.ArrowException):
        store.add([broken])
    store.add([entry("copy", AP_COPY)])  # must not join the story of "wire", which was never stored
    assert stories(store)["copy"][0] == "copy"
    assert store.con.execute("SELECT count(*) FROM signatures").fetchall()[0][0] == 2


def test_a_store_of_this_schema_has_a_signature_per_document(store):
    store.add([entry("wire", WIRE), entry("other", OTHER_REPORT)])
    stored = store.con.execute("SELECT doc_id, seq FROM signatures ORDER BY seq").fetchall()
    assert stored == [("wire", 0), ("other", 1)]
    with pytest.raises(duckdb.ConstraintException):
        store.con.execute("INSERT INTO signatures VALUES ('wire', 2, 'x')")


def test_shingles_ignore_case_punctuation_and_spacing_but_not_word_order():
    assert list(shingles("Norway and Chile met in Oslo.")) == list(shingles("norway AND chile, met in\n\nOslo"))
    assert len(shingles("Norway and Chile met in Oslo")) == 2  # two runs of five words
    assert list(shingles("Oslo in met Chile and Norway")) != list(shingles("Norway and Chile met in Oslo"))
    assert len(shingles("Ceasefire")) == 1 and len(shingles("...")) == 0
