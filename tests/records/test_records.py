"""One declaration, three derived schemas that agree, and records that survive serialisation."""

import datetime as dt

import duckdb
import jsonschema
import pyarrow as pa
from spacy.tokens import Doc, DocBin

from eventwire.records import (
    RECORDS,
    Coded,
    Document,
    arrow_schema,
    duckdb_ddl,
    fields,
    json_schema,
    table_columns,
)


def test_duckdb_tables_match_the_arrow_schemas():
    con = duckdb.connect()
    con.execute(duckdb_ddl())
    for table in ["documents", *RECORDS]:
        stored = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
        assert stored == arrow_schema(table).names == [name for name, _ in table_columns(table)]
        empty = pa.Table.from_pylist([], schema=arrow_schema(table))  # noqa: F841 — read by the SQL
        con.execute(f"INSERT INTO {table} SELECT * FROM empty")  # every Arrow type is accepted by its column


def test_json_schema_names_every_record_field():
    schema = json_schema()
    for kind, record in RECORDS.items():
        declared = [name for name, *_ in fields(record)]
        assert list(schema["properties"][kind]["items"]["properties"]) == declared
        stored = [name for name, _ in table_columns(kind)]
        assert stored[: len(declared) + 1] == ["doc_id", *declared]  # the store's own columns come last
    jsonschema.Draft202012Validator.check_schema(schema)


def test_records_round_trip_through_json(article):
    data = article.to_json()
    assert Coded.from_json(data).to_json() == data


def test_a_coded_doc_crosses_process_boundaries(article):
    from eventwire.nlp import build, make_doc

    nlp = build()
    doc = nlp(make_doc(nlp, "Chile said it would recall its ambassador.", Document("x", date=dt.date(2024, 1, 2))))
    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert restored._.ew.to_json() == doc._.ew.to_json()
    assert restored._.ew.actor_of_token == doc._.ew.actor_of_token
    docs = list(DocBin(docs=[doc], store_user_data=True).get_docs(nlp.vocab))
    assert docs[0]._.ew.to_json() == doc._.ew.to_json()


def test_published_schema_is_the_derived_one():
    """docs/schema.json is what users validate against; regenerate it with `python -c "import json,
    eventwire.records as r; print(json.dumps(r.json_schema(), indent=2, ensure_ascii=False))" > docs/schema.json`."""
    import json
    from pathlib import Path

    published = json.loads((Path(__file__).parents[2] / "docs" / "schema.json").read_text(encoding="utf-8"))
    assert published == json_schema()
