"""The one ingest path: read → dedup → code → store, where one bad document never costs the others."""

import json
import os

import pyarrow as pa
import pytest
from spacy.language import Language

from eventwire.errors import Interrupted, StoreError
from eventwire.ingest import Item, Problem, code_items, ingest_items, run_ingest
from eventwire.ingest import runner as runner_module
from eventwire.ingest.readers import Notice, Skipped
from eventwire.nlp import build
from eventwire.records import Document
from eventwire.store import Store

TEXTS = [
    "Germany pledged new aid to Moldova on Tuesday.",
    "China accused Japan of provoking tensions.",
    "Chile recalled its ambassador to Peru.",
    "Poland summoned the Belarusian ambassador.",
    "Kenya hosted peace talks on Sudan.",
    "France condemned the attack on the embassy.",
    "Brazil and Argentina signed a trade agreement.",
]
POISON = "POISONED"


@Language.component("test_poison")
def poison(doc):
    if POISON in doc.text:
        raise ValueError("this document poisons the pipeline")
    return doc


@pytest.fixture(scope="module")
def poisoned():
    """A fresh pipeline (not the cached one) whose last component raises on one marked document."""
    nlp = build.__wrapped__()
    nlp.add_pipe("test_poison")
    return nlp


def write(path, texts):
    path.write_text(
        "".join(json.dumps({"id": f"d{n}", "date": "2024-03-05", "text": t}) + "\n" for n, t in enumerate(texts, 1)),
        encoding="utf-8",
    )
    return path


def test_new_documents_are_stored_and_repeats_counted(tmp_path):
    source = write(tmp_path / "news.jsonl", TEXTS[:3] + TEXTS[:1])  # the 4th repeats the 1st
    with Store(tmp_path / "s.duckdb") as store:
        first = run_ingest([str(source)], store, workers=1)
        assert (first.read, first.stored, first.duplicates, first.problems) == (4, 3, 1, [])
        again = run_ingest([str(source)], store, workers=1)
        assert (again.read, again.stored, again.duplicates) == (4, 0, 4)
        assert store.count() == 3


@pytest.mark.parametrize("workers", [1, 2])
def test_a_document_that_breaks_coding_is_reported_and_the_others_stored(tmp_path, poisoned, workers):
    texts = TEXTS[:2] + [f"Peru protested. {POISON}"] + TEXTS[2:6]
    source = write(tmp_path / "news.jsonl", texts)
    with Store(tmp_path / "s.duckdb") as store:
        summary = run_ingest([str(source)], store, nlp=poisoned, workers=workers, batch_size=2)
        (problem,) = summary.problems
        assert (problem.line, problem.doc_id) == (3, "d3")
        assert problem.reason == "could not be coded (ValueError: this document poisons the pipeline)"
        assert summary.stored == 6 and store.count() == 6
        assert sorted(store.documents().column("doc_id").to_pylist()) == ["d1", "d2", "d4", "d5", "d6", "d7"]


def test_documents_the_store_refuses_are_reported_and_the_others_stored(tmp_path, monkeypatch):
    source = write(tmp_path / "news.jsonl", TEXTS[:4])
    with Store(tmp_path / "s.duckdb") as store:
        add = store.add

        def picky(batch):
            if any(coded.meta.id == "d2" for coded, _, _ in batch):
                raise pa.ArrowInvalid("cannot convert")
            return add(batch)

        monkeypatch.setattr(store, "add", picky)
        summary = run_ingest([str(source)], store, workers=1)
        assert [(p.doc_id, p.reason) for p in summary.problems] == [
            ("d2", "could not be stored (ArrowInvalid: cannot convert)")
        ]
        assert summary.stored == 3


def test_a_store_that_cannot_be_written_stops_the_run(tmp_path, monkeypatch):
    source = write(tmp_path / "news.jsonl", TEXTS[:2])
    with Store(tmp_path / "s.duckdb") as store:
        monkeypatch.setattr(store, "add", lambda batch: (_ for _ in ()).throw(StoreError("disk full")))
        with pytest.raises(StoreError, match="disk full"):
            run_ingest([str(source)], store, workers=1)


def test_an_interrupted_run_says_how_many_documents_it_stored(tmp_path, monkeypatch):
    monkeypatch.setattr(runner_module, "STORE_BATCH", 2)
    source = write(tmp_path / "news.jsonl", TEXTS[:5])
    done = []

    def progress(n):
        done.append(n)
        if len(done) == 3:
            raise KeyboardInterrupt

    with Store(tmp_path / "s.duckdb") as store:
        with pytest.raises(Interrupted, match="2 new documents stored in .*s.duckdb"):
            run_ingest([str(source)], store, workers=1, progress=progress)
        assert store.count() == 2


def test_reader_problems_are_reported_as_they_come(tmp_path):
    source = tmp_path / "news.jsonl"
    source.write_text(
        "{broken\n" + json.dumps({"id": "ok", "date": "2024-03-05", "text": TEXTS[0]}) + "\n", encoding="utf-8"
    )
    heard = []
    with Store(tmp_path / "s.duckdb") as store:
        summary = run_ingest([str(source)], store, workers=1, on_problem=heard.append)
    assert heard == summary.problems and heard[0].line == 1 and summary.stored == 1


def test_min_confidence_applies_to_stored_events(tmp_path):
    source = write(tmp_path / "news.jsonl", ["Russia attacked Ukraine. Japan said the talks were useful."])
    with Store(tmp_path / "s.duckdb") as store:
        run_ingest([str(source)], store, workers=1, min_confidence=0.6)
        confidences = store.events().column("confidence").to_pylist()
    assert confidences and min(confidences) >= 0.6


def test_code_items_gives_the_same_records_in_input_order_with_more_workers():
    items = [Item(t, Document(id=f"d{n}"), source="test") for n, t in enumerate(TEXTS)]
    one = [(i.meta.id, r.to_json()) for i, r in code_items(items, build(), workers=1, batch_size=2)]
    two = [(i.meta.id, r.to_json()) for i, r in code_items(items, build(), workers=2, batch_size=2)]
    assert [doc_id for doc_id, _ in one] == [f"d{n}" for n in range(len(TEXTS))]
    assert one == two


def test_a_failing_document_in_a_pool_is_a_problem_in_its_place(poisoned):
    texts = TEXTS[:3] + [POISON] + TEXTS[3:]
    items = [Item(t, Document(id=f"d{n}"), source="test") for n, t in enumerate(texts)]
    results = [r for _, r in code_items(items, poisoned, workers=2, batch_size=2)]
    assert [isinstance(r, Problem) for r in results] == [t == POISON for t in texts]


PARENT = os.getpid()
KILLER = "KILLS ITS WORKER"


@Language.component("test_killer")
def killer(doc):
    """Ends the worker process abruptly, as the kernel's out-of-memory killer would (never the test process)."""
    if KILLER in doc.text:
        if os.getpid() == PARENT:
            raise RuntimeError("coded in the test process, not in a worker")
        os._exit(9)
    return doc


def test_a_document_that_kills_its_worker_is_the_only_one_lost():
    nlp = build.__wrapped__()
    nlp.add_pipe("test_killer")
    texts = TEXTS[:5] + [KILLER] + TEXTS[5:] + TEXTS[:4]
    items = [Item(t, Document(id=f"d{n}"), source="test") for n, t in enumerate(texts)]
    results = [r for _, r in code_items(items, nlp, workers=2, batch_size=2)]
    assert [isinstance(r, Problem) for r in results] == [t == KILLER for t in texts]
    assert results[5].reason == "stopped the process coding it (out of memory?)"


def test_the_same_text_under_another_id_is_named_as_the_stored_document(tmp_path):
    """Not merged in silence: the later id is said to be the same text as the stored (or earlier) one."""
    first = write(tmp_path / "first.jsonl", TEXTS[:2])
    later = tmp_path / "later.jsonl"
    later.write_text(
        "".join(
            json.dumps({"id": doc_id, "date": "2024-03-05", "text": text}) + "\n"
            for doc_id, text in [("x1", TEXTS[0]), ("d2", TEXTS[1]), ("x3", TEXTS[2]), ("x4", TEXTS[2])]
        ),
        encoding="utf-8",
    )
    heard = []
    with Store(tmp_path / "s.duckdb") as store:
        run_ingest([str(first)], store, workers=1)
        summary = run_ingest([str(later)], store, workers=1, on_problem=heard.append)
        assert sorted(store.documents().column("doc_id").to_pylist()) == ["d1", "d2", "x3"]
    assert [str(p).split(": ", 1)[1] for p in heard] == [
        f"{later}:1 (id x1): skipped: same text as stored document d1; not stored again",
        f"{later}:4 (id x4): skipped: same text as document x3 earlier in this run; not stored again",
    ]  # the same id with the same text (d2) is a plain re-run: counted, not named
    assert (summary.read, summary.stored, summary.duplicates, summary.problems) == (4, 1, 3, [])


def test_skipped_documents_and_warnings_are_counted_apart_from_problems(tmp_path):
    entries = [
        Item(TEXTS[0], Document(id="a"), source="feed"),
        Skipped("feed", "skipped: not English (de)", 2, "b"),
        Notice("feed", "no date", 3, "c"),
        Item(TEXTS[1], Document(id="c"), source="feed", line=3),
        Problem("feed", "is not valid JSON", 4),
    ]
    done, heard = [], []
    with Store(tmp_path / "s.duckdb") as store:
        summary = ingest_items(entries, store, workers=1, on_problem=heard.append, progress=done.append)
    assert (summary.read, summary.stored, summary.skipped, summary.warnings) == (2, 2, 1, 1)
    assert summary.problems == [entries[4]] and heard == [entries[1], entries[2], entries[4]]
    assert sum(done) == 4  # a step per document or record: the notice belongs to the document after it


def test_progress_is_told_of_every_document_once(tmp_path):
    source = write(tmp_path / "news.jsonl", TEXTS + TEXTS[:2])
    with source.open("a", encoding="utf-8") as f:
        f.write("{broken\n")
    done = []
    with Store(tmp_path / "s.duckdb") as store:
        run_ingest([str(source)], store, workers=2, batch_size=2, progress=done.append)
    assert done == [1] * 10  # 7 stored, 2 repeated, 1 unreadable


def test_a_full_disk_stops_the_run_and_says_what_was_stored(tmp_path, monkeypatch):
    monkeypatch.setattr(runner_module, "STORE_BATCH", 2)
    source = write(tmp_path / "news.jsonl", TEXTS[:5])
    with Store(tmp_path / "s.duckdb") as store:
        add = store.add
        calls = []

        def filling(batch):
            calls.append(len(batch))
            if len(calls) > 1:
                raise StoreError(f"cannot write {store.path}: no space left on device; free some space")
            return add(batch)

        monkeypatch.setattr(store, "add", filling)
        with pytest.raises(StoreError) as caught:
            run_ingest([str(source)], store, workers=1)
        assert str(caught.value).endswith("free some space; 2 new documents were stored before that")
        assert calls == [2, 2] and store.count() == 2  # not tried document by document: no document is to blame


def test_batches_hold_a_few_documents_or_a_few_pages_of_text(monkeypatch):
    """A worker's memory grows with the text it parses at once: long texts go in batches of their own."""
    monkeypatch.setattr(runner_module, "BATCH_CHARS", 100)
    lengths = [10, 10, 10, 90, 10, 200, 10, 10, 10, 10, 10]
    items = [Item("x" * n, Document(id=f"d{i}"), source="test") for i, n in enumerate(lengths)]
    batches = list(runner_module._batches(iter(items), 4))
    assert [[len(i.text) for i in batch] for batch in batches] == [
        [10, 10, 10],
        [90, 10],
        [200],
        [10, 10, 10, 10],
        [10],
    ]
