"""The public Python API (`import eventwire`), and a saved pipeline that loads without importing eventwire."""

import datetime as dt
import subprocess
import sys
import textwrap
from importlib import metadata

import pyarrow as pa
import pytest
from spacy.language import Language

import eventwire
from eventwire.errors import CodingError, UserError

TEXT = "Germany pledged new aid to Moldova on Tuesday, the German government said."


def python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=300)


def test_import_is_light_and_knows_its_version():
    result = python("""
        import sys, eventwire
        print(eventwire.__version__)
        print(sorted(m for m in ("spacy", "duckdb", "pyarrow", "eventwire.nlp") if m in sys.modules))
    """)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == [metadata.version("eventwire"), "[]"]


def test_code_one_text():
    coded = eventwire.code(TEXT, date="2024-03-05", id="aid", title="Aid")
    assert isinstance(coded, eventwire.Coded)
    assert coded.meta == eventwire.Document(id="aid", title="Aid", date=dt.date(2024, 3, 5))
    assert {"DEU", "MDA"} <= {a.code for a in coded.actors}
    assert coded.to_json()["document"]["date"] == "2024-03-05"


def test_code_many_takes_texts_and_pairs_in_order():
    items = [
        "Chile recalled its ambassador to Peru.",
        ("Poland summoned the Belarusian ambassador.", {"id": "pl", "date": "2024-03-06", "title": "Envoy"}),
        (TEXT, eventwire.Document(id="de", date=dt.date(2024, 3, 5))),
    ]
    results = list(eventwire.code_many(items, workers=1))
    assert [c.meta.id for c in results] == ["doc1", "pl", "de"]
    assert results[1].meta.date == dt.date(2024, 3, 6) and results[1].meta.title == "Envoy"


def test_code_many_with_workers_gives_the_same_records():
    texts = [f"Chile recalled its ambassador to Peru on day {n}." for n in range(5)]
    one = [c.to_json() for c in eventwire.code_many(texts, workers=1, batch_size=2)]
    two = [c.to_json() for c in eventwire.code_many(texts, workers=2, batch_size=2)]
    assert one == two and len(one) == 5


def test_bad_metadata_is_a_user_error():
    with pytest.raises(UserError, match="item 1: metadata .* is not a Document"):
        list(eventwire.code_many([("Peru protested.", {"headline": "x"})]))
    with pytest.raises(UserError, match="document x: date '6 March' is not YYYY-MM-DD"):
        list(eventwire.code_many([("Peru protested.", {"id": "x", "date": "6 March"})]))


@Language.component("test_api_refusal")
def refuse(doc):
    if doc.text.startswith("Chile"):
        raise ValueError("the pipeline refuses this text")
    return doc


def test_a_document_that_cannot_be_coded_is_named(monkeypatch):
    import eventwire.nlp

    nlp = eventwire.nlp.build.__wrapped__()  # a fresh pipeline, not the cached one
    nlp.add_pipe("test_api_refusal")
    monkeypatch.setattr(eventwire.nlp, "build", lambda: nlp)
    with pytest.raises(CodingError, match=r"input:2 \(id doc2\): could not be coded \(ValueError: the pipeline"):
        list(eventwire.code_many(["Peru protested.", "Chile protested."], workers=1))


def test_store_tables_are_arrow(tmp_path):
    from eventwire.ingest import run_ingest

    source = tmp_path / "news.txt"
    source.write_text(TEXT, encoding="utf-8")
    with eventwire.Store(tmp_path / "s.duckdb") as store:
        run_ingest([str(source)], store, workers=1, date=dt.date(2024, 3, 5))
    with eventwire.Store(tmp_path / "s.duckdb", read_only=True) as store:
        events, documents = store.events(), store.documents()
        assert isinstance(events, pa.Table) and events.num_rows > 0
        assert documents.column("doc_id").to_pylist() == ["news"]
        pandas = pytest.importorskip("pandas")
        assert isinstance(store.actors().to_pandas(), pandas.DataFrame)


def test_unknown_attribute():
    with pytest.raises(AttributeError):
        eventwire.nothing_here  # noqa: B018


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    """The full pipeline written with nlp.to_disk by another process."""
    path = tmp_path_factory.mktemp("saved") / "pipeline"
    result = python(f"import eventwire.nlp; eventwire.nlp.build().to_disk({str(path)!r})")
    assert result.returncode == 0, result.stderr
    return path


def test_a_saved_pipeline_loads_without_importing_eventwire(saved):
    """The stages are found through the spacy_factories entry points of the installed package."""
    result = python(f"""
        import spacy
        nlp = spacy.load({str(saved)!r})
        print(" ".join(nlp.pipe_names))
    """)
    assert result.returncode == 0, result.stderr
    names = result.stdout.split()
    assert names[-5:] == [
        "eventwire_actors",
        "eventwire_timex",
        "eventwire_places",
        "eventwire_quotes",
        "eventwire_events",
    ]


def test_a_saved_pipeline_codes_plain_text(saved):
    result = python(f"""
        import spacy
        nlp = spacy.load({str(saved)!r})
        doc = nlp("Russia attacked Ukraine on Monday.")
        print([e.cameo for e in doc._.ew.events])
    """)
    assert result.returncode == 0, result.stderr
    assert "190" in result.stdout
