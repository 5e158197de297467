"""The generated parts of docs/DATA.md: the store's tables (types from :mod:`eventwire.records`, meanings from
``columns.tsv``), the GDELT columns (``gdelt_columns.tsv``) and the PLOVER fields (``plover.schema.json``).

Each part sits in DATA.md between ``<!-- generated: NAME -->`` and ``<!-- end generated -->``; the prose around
them is written by hand. ``python -m eventwire.export.datadoc docs/DATA.md`` rewrites the parts in place, and a
test fails while they differ from what the record model and the data files say.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from ..records import DUCKDB_TYPES, STORED, arrow_schema, fields
from ..store import TABLES
from ..tables import read_tsv
from . import gdelt, plover

BLOCK = re.compile(r"(<!-- generated: (\w+) -->\n).*?(<!-- end generated -->)", re.DOTALL)


def meanings() -> dict[tuple[str, str], str]:
    """(table, column) -> what the column means."""
    return {(r["table"], r["column"]): r["meaning"] for r in read_tsv(Path(__file__).with_name("columns.tsv"))}


def store_columns(table: str) -> list[tuple[str, str | type, bool]]:
    """(column, kind, nullable) of a store table, as :func:`eventwire.records.table_columns` orders them."""
    columns = [(name, kind, nullable) for name, kind, nullable, _ in fields(STORED[table])]
    return columns if table == "documents" else [("doc_id", str, False), *columns]


def store_part() -> str:
    said = meanings()
    parts = []
    for table in TABLES:
        arrow = arrow_schema(table)
        rows = [
            f"| `{name}` | {DUCKDB_TYPES[kind]} | {arrow.field(name).type} | {'yes' if nullable else ''} | "
            f"{_cell(said.get((table, name), ''))} |"
            for name, kind, nullable in store_columns(table)
        ]
        parts.append(
            f"### {table}\n\n| column | DuckDB | Parquet (Arrow) | null | meaning |\n|---|---|---|---|---|\n"
            + "\n".join(rows)
        )
    return "\n\n".join(parts)


def gdelt_part() -> str:
    rows = [
        f"| {i} | `{c['column']}` | {c['type']} | {_cell(c['eventwire'])} |" for i, c in enumerate(gdelt.columns(), 1)
    ]
    return "| # | column | GDELT type | what eventwire writes |\n|---|---|---|---|\n" + "\n".join(rows)


def plover_part() -> str:
    schema = plover.schema()
    rows = [f"| `{path}` | {kind} | {_cell(meaning)} |" for path, kind, meaning in _fields(schema, schema["$defs"])]
    return "| field | type | meaning |\n|---|---|---|\n" + "\n".join(rows)


def _fields(node: dict, defs: dict, prefix: str = ""):
    """(dotted path, type, description) of every property of a schema object, nested objects and lists opened."""
    for name, prop in node["properties"].items():
        path = f"{prefix}{name}"
        yield path, _type(prop, defs), prop.get("description", "")
        inner = next((p for p in [_resolve(prop, defs), *prop.get("oneOf", [])] if p.get("type") == "object"), None)
        items = _resolve(prop.get("items", {}), defs)
        if inner:
            yield from _fields(inner, defs, f"{path}.")
        elif items.get("type") == "object":
            yield from _fields(items, defs, f"{path}[].")


def _resolve(prop: dict, defs: dict) -> dict:
    return defs[prop["$ref"].rsplit("/", 1)[1]] if "$ref" in prop else prop


def _type(prop: dict, defs: dict) -> str:
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[1]
        return {"span": "[start, end]", "entity": "object"}.get(name) or _type(defs[name], defs)
    if "enum" in prop:
        return "string: " + ", ".join(prop["enum"])
    if "oneOf" in prop:
        return " or ".join(_type(p, defs) for p in prop["oneOf"])
    kinds = prop["type"] if isinstance(prop["type"], list) else [prop["type"]]
    if "array" in kinds:
        return f"list of {_type(prop['items'], defs)}"
    return " or ".join(kinds)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


PARTS = {"store": store_part, "gdelt": gdelt_part, "plover": plover_part}


def update(text: str) -> str:
    """``text`` with every generated part written anew."""
    return BLOCK.sub(lambda m: f"{m[1]}{PARTS[m[2]]()}\n{m[3]}", text)


def main(argv: list[str]) -> int:
    for name in argv or ["docs/DATA.md"]:
        path = Path(name)
        path.write_text(update(path.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
