"""The readers: every complete, valid record is kept; every bad one is named (file, line, id) and skipped; input is
streamed, and bounded so that no input fills memory."""

import datetime as dt
import gzip
import io
import json
import os
import sys
import threading
import tracemalloc

import pytest

from eventwire.ingest import Item, Problem, read
from eventwire.ingest import files as ingest_files
from eventwire.ingest.readers import Notice

DAY = dt.date(2024, 3, 5)  # a date for inputs that give none, so that no "has no date" warning comes with them


def records(path, **options) -> list:
    return list(read([str(path)], **{"date": DAY, **options}))


def items(entries) -> list[Item]:
    return [e for e in entries if isinstance(e, Item)]


def problems(entries) -> list[Problem]:
    """The problems proper: a notice is a warning about a document that is coded anyway."""
    return [e for e in entries if isinstance(e, Problem) and not isinstance(e, Notice)]


def jsonl(rows) -> bytes:
    return b"".join(json.dumps(r, ensure_ascii=False).encode("utf-8") + b"\n" for r in rows)


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085"])
def test_line_separators_inside_json_strings_do_not_split_records(tmp_path, separator):
    path = tmp_path / "news.jsonl"
    path.write_bytes(
        jsonl([{"id": "a", "text": f"Chile recalled{separator}its envoy."}, {"id": "b", "text": "Peru protested."}])
    )
    got = records(path)
    assert [i.meta.id for i in items(got)] == ["a", "b"] and not problems(got)
    assert items(got)[0].text == f"Chile recalled{separator}its envoy."


def test_a_bad_byte_costs_one_record(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_bytes(
        jsonl([{"id": "a", "text": "Chile recalled its envoy."}])
        + b'{"id": "b", "text": "Caf\xe9 talks"}\n'
        + jsonl([{"id": "c", "text": "Peru protested."}])
    )
    got = records(path)
    assert [i.meta.id for i in items(got)] == ["a", "c"]
    (problem,) = problems(got)
    assert problem.line == 2 and "not UTF-8" in problem.reason
    assert str(problem).startswith(f"eventwire: {path}:2: ")


def test_a_byte_order_mark_is_not_an_error(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + jsonl([{"id": "a", "text": "Chile recalled its envoy."}]))
    assert [i.meta.id for i in items(records(path))] == ["a"]


def test_a_truncated_gzip_keeps_every_complete_record(tmp_path):
    rows = [{"id": f"r{n}", "text": f"Report number {n}: Chile recalled its envoy. " * 20} for n in range(200)]
    whole = gzip.compress(jsonl(rows))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[: len(whole) * 2 // 3])
    got = records(path)
    kept = items(got)
    assert 100 < len(kept) < 200
    assert [i.meta.id for i in kept] == [f"r{n}" for n in range(len(kept))]
    assert all(i.text == rows[n]["text"] for n, i in enumerate(kept))
    (problem,) = problems(got)
    assert f"cannot be read after line {len(kept)}" in problem.reason


def test_a_file_that_is_not_gzip(tmp_path):
    path = tmp_path / "fake.jsonl.gz"
    path.write_bytes(jsonl([{"id": "a", "text": "Chile recalled its envoy."}]))
    (problem,) = records(path)
    assert isinstance(problem, Problem) and "cannot be read" in problem.reason


def test_records_are_read_as_they_arrive(tmp_path):
    """A reader that waited for the whole file (or read it in memory) would block on this pipe."""
    fifo = tmp_path / "stream.jsonl"
    os.mkfifo(fifo)
    first_read = threading.Event()

    def write():
        with open(fifo, "wb") as f:
            f.write(jsonl([{"id": "a", "text": "Chile recalled its envoy."}]))
            f.flush()
            first_read.wait(timeout=20)
            f.write(jsonl([{"id": "b", "text": "Peru protested."}]))

    writer = threading.Thread(target=write)
    writer.start()
    entries = read([str(fifo)], date=DAY)
    assert next(entries).meta.id == "a"
    first_read.set()
    assert next(entries).meta.id == "b"
    writer.join()


def test_each_bad_record_is_named_with_line_and_id(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps(
                    {"id": "ok", "date": "2024-03-06", "title": 2024, "text": "Poland summoned the ambassador."}
                ),
                "{not json",
                "[1, 2]",
                json.dumps({"id": "no-text", "date": "2024-03-06"}),
                json.dumps({"id": "blank", "text": "   "}),
                "",
                json.dumps({"text": "Peru protested."}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    got = records(path)
    ok, later = items(got)
    assert ok.meta.title == "2024" and ok.meta.date == dt.date(2024, 3, 6) and ok.line == 1
    assert later.meta.id == "mixed.jsonl:7"  # no id: file name and line
    found = {(p.line, p.doc_id): p.reason for p in problems(got)}
    assert found == {
        (2, None): "is not valid JSON (Expecting property name enclosed in double quotes)",
        (3, None): "is not a JSON object",
        (4, "no-text"): "has no 'text' string",
        (5, "blank"): "has no text",
    }


def test_text_markdown_and_folders(tmp_path):
    folder = tmp_path / "inbox"
    (folder / "deep").mkdir(parents=True)
    (folder / "b.txt").write_text("Peru protested.", encoding="utf-8")
    (folder / "deep" / "a.md").write_text(
        "---\ntitle: Envoy\ndate: 2024-03-05\nid: md-1\nsource: Wire\n---\nChile recalled its envoy.", encoding="utf-8"
    )
    (folder / "notes.csv").write_text("ignored", encoding="utf-8")
    (folder / "c.txt.gz").write_bytes(gzip.compress(b"Bolivia expelled a diplomat."))
    (folder / "latin.txt").write_bytes("Caf\xe9 talks".encode("latin-1"))
    got = list(read([str(folder), str(tmp_path / "missing.txt")], date=dt.date(2024, 1, 1), title="Default"))
    assert not [e for e in got if isinstance(e, Notice)]
    by_id = {i.meta.id: i for i in items(got)}
    assert set(by_id) == {"b", "md-1", "c.txt"}
    assert by_id["md-1"].meta.title == "Envoy" and by_id["md-1"].meta.source == "Wire"
    assert by_id["md-1"].meta.date == dt.date(2024, 3, 5) and by_id["md-1"].text == "Chile recalled its envoy."
    assert by_id["b"].meta.date == dt.date(2024, 1, 1) and by_id["b"].meta.title == "Default"
    assert {(p.source.rsplit("/", 1)[-1], p.reason.split(" (")[0]) for p in problems(got)} == {
        ("latin.txt", "is not UTF-8 text"),
        ("missing.txt", "no such file or folder"),
    }


def test_unreadable_front_matter(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: [unclosed\n---\nChile recalled its envoy.", encoding="utf-8")
    (problem,) = records(path)
    assert "unreadable front matter" in problem.reason


def stdin(monkeypatch, data: bytes):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_json_lines(monkeypatch):
    stdin(monkeypatch, b"\n" + jsonl([{"id": "a", "text": "Chile recalled\u2028its envoy."}, {"text": "Peru."}]))
    got = list(read(["-"], date=DAY))
    assert [i.meta.id for i in items(got)] == ["a", "<stdin>:3"] and not problems(got)


def test_stdin_text_and_bad_bytes(monkeypatch):
    stdin(monkeypatch, b"Chile recalled its envoy.\nPeru protested.")
    (item,) = read(["-"], title="Wire", date=DAY)
    assert item.meta.id == "stdin" and item.meta.title == "Wire" and item.text.endswith("Peru protested.")
    stdin(monkeypatch, b"Caf\xe9 talks")
    (problem,) = read(["-"])
    assert problem.source == "<stdin>" and "not UTF-8" in problem.reason


def test_a_line_without_end_is_refused_in_bounded_memory(tmp_path, monkeypatch):
    """A gzip bomb: a few kilobytes that decompress to one endless line. It is named and read through without
    being held, and the records around it are kept."""
    monkeypatch.setattr(ingest_files, "MAX_BYTES", 2**16)
    path = tmp_path / "bomb.jsonl.gz"
    bomb = b'{"text": "' + b" " * (20 * 2**20) + b'"}\n'
    path.write_bytes(
        gzip.compress(
            jsonl([{"id": "a", "text": "Chile recalled its envoy."}])
            + bomb
            + jsonl([{"id": "b", "text": "Peru protested."}])
        )
    )
    assert path.stat().st_size < 2**16
    tracemalloc.start()
    try:
        got = records(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [i.meta.id for i in items(got)] == ["a", "b"]
    (problem,) = problems(got)
    assert problem.line == 2 and "larger than 0.0625 MB (decompressed), not read" in problem.reason
    assert peak < 5 * 2**20  # the 20 MB line was never held


def test_a_document_over_the_bound_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest_files, "MAX_BYTES", 2**16)
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"Chile recalled its envoy. " * 10_000))
    (tmp_path / "small.txt").write_text("Peru protested.", encoding="utf-8")
    got = records(tmp_path)
    assert [i.meta.id for i in items(got)] == ["small"]
    (problem,) = problems(got)
    assert problem.source.endswith("bomb.txt.gz") and "larger than" in problem.reason


def test_stdin_may_be_gzip(monkeypatch):
    stdin(
        monkeypatch,
        gzip.compress(jsonl([{"id": "a", "text": "Chile recalled its envoy."}, {"id": "b", "text": "Peru."}])),
    )
    assert [i.meta.id for i in items(read(["-"], date=DAY))] == ["a", "b"]
    stdin(monkeypatch, gzip.compress(b"Chile recalled its envoy."))
    (item,) = read(["-"], date=DAY)
    assert item.text == "Chile recalled its envoy."


def test_stdin_text_is_bounded(monkeypatch):
    monkeypatch.setattr(ingest_files, "MAX_BYTES", 2**10)
    stdin(monkeypatch, b"Chile recalled its envoy.\n" * 100)
    (problem,) = read(["-"], date=DAY)
    assert problem.source == "<stdin>" and "larger than" in problem.reason


def test_a_lone_surrogate_escape_becomes_a_replacement_character(tmp_path):
    """Valid JSON, but "\\ud800" alone is no character: kept, the text could not be hashed or stored."""
    path = tmp_path / "news.jsonl"
    path.write_bytes(b'{"id": "a\\udfff", "text": "Talks \\ud800 resumed. \\ud83d\\ude00"}\n')
    notice, item = records(path)
    assert item.text == "Talks \ufffd resumed. \U0001f600" and item.meta.id == "a\ufffd" and item.content_hash
    assert isinstance(notice, Notice) and "lone surrogates" in notice.reason
