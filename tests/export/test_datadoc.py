"""docs/DATA.md documents every column: its generated parts match the record model and the exporters' data."""

from pathlib import Path

from eventwire.export import datadoc
from eventwire.records import table_columns
from eventwire.store import TABLES

DATA_MD = Path(__file__).parents[2] / "docs" / "DATA.md"


def test_data_md_says_what_the_record_model_and_the_exporters_say():
    text = DATA_MD.read_text(encoding="utf-8")
    assert [m[2] for m in datadoc.BLOCK.finditer(text)] == list(datadoc.PARTS)
    assert datadoc.update(text) == text, "run: .venv/bin/python -m eventwire.export.datadoc docs/DATA.md"


def test_every_store_column_has_a_meaning_and_no_meaning_is_left_over():
    columns = {(table, name) for table in TABLES for name, _ in table_columns(table)}
    assert set(datadoc.meanings()) == columns
    for table in TABLES:
        assert [name for name, _, _ in datadoc.store_columns(table)] == [name for name, _ in table_columns(table)]


def test_a_generated_part_is_rewritten_in_place():
    stale = "intro\n<!-- generated: gdelt -->\nold rows\n<!-- end generated -->\noutro\n"
    fresh = datadoc.update(stale)
    assert fresh.startswith("intro\n<!-- generated: gdelt -->\n| # | column |") and fresh.endswith("outro\n")
    assert "old rows" not in fresh and "| 61 | `SOURCEURL` |" in fresh
