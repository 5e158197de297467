"""The answers the server keeps (eventwire.api.answers): a question asked again of an unchanged store is not
computed again, and any write to the store file drops what was kept."""

import asyncio

import duckdb

from eventwire.api.access import Access
from eventwire.api.answers import Answers
from eventwire.store import Store


def counting(answers: Answers, key: str, computed: list) -> bytes:
    def compute(store) -> dict:
        computed.append(key)
        return {"documents": store.count("documents")}

    return asyncio.run(answers.json(key, compute))


def test_an_answer_is_kept_until_the_store_is_written(tmp_path):
    db = tmp_path / "kept.duckdb"
    Store(db).close()
    answers, computed = Answers(Access(str(db))), []
    assert counting(answers, "all", computed) == b'{"documents":0}'
    assert counting(answers, "all", computed) == b'{"documents":0}' and computed == ["all"]
    counting(answers, "other", computed)
    assert computed == ["all", "other"]
    writer = duckdb.connect(str(db))  # as an ingest stores a document
    writer.execute("INSERT INTO documents (doc_id, hash, text) VALUES ('new', 'h', 'Chile thanked Peru.')")
    writer.close()
    assert counting(answers, "all", computed) == b'{"documents":1}' and computed == ["all", "other", "all"]


def test_kept_answers_stay_within_their_size(tmp_path):
    db = tmp_path / "small.duckdb"
    Store(db).close()
    answers, computed = Answers(Access(str(db)), max_bytes=40), []
    for key in ("a", "b", "c", "a"):
        counting(answers, key, computed)  # each answer is 16 bytes: two are kept
    assert computed == ["a", "b", "c", "a"] and answers.size <= 40 and list(answers.kept) == ["c", "a"]
