"""Exports: each format opens in its consumer's reader, the filters apply, and the CLI writes them.

The store is made once for the module by ingesting four short articles written for these tests. The assertions
compare each export with the store itself, so they hold whatever the stages code from the articles.
"""

import datetime as dt
import io
import json
import subprocess
import sys

import duckdb
import jsonschema
import networkx as nx
import pyarrow.parquet as pq
import pytest

from eventwire.cli import main
from eventwire.errors import UserError
from eventwire.export import events, exporters, get
from eventwire.export.events import period_start
from eventwire.export.gdelt import action_geo, columns, fill, global_id
from eventwire.export.plover import schema
from eventwire.filters import Filters, event_rows
from eventwire.ingest import run_ingest
from eventwire.records import arrow_schema, table_columns
from eventwire.store import TABLES, Store

ARTICLES = [
    {
        "id": "talks",
        "title": "Ministers meet in Ankara",
        "url": "https://example.org/talks",
        "source": "Example Wire",
        "date": "2024-11-04",
        "text": "ANKARA — Turkish Foreign Minister Hakan Fidan met Iranian Foreign Minister Abbas Araghchi in Ankara "
        "on Monday. Turkey urged Iran to release the detained sailors. Iran rejected the demand.",
    },
    {
        "id": "strike",
        "title": "Shelling near Kharkiv",
        "url": "https://example.org/strike",
        "date": "2024-11-20",
        "text": "Russian forces shelled Kharkiv on Tuesday, Ukrainian officials said. Ukraine accused Russia of "
        "targeting civilians. Germany will send more air defence systems to Ukraine in December.",
    },
    {
        "id": "aid",
        "title": "Aid for Sudan",
        "url": "https://example.org/aid",
        "date": "2024-12-02",
        "text": "The European Union pledged 50 million euros in aid to Sudan. The United Nations praised the "
        "decision. Sudanese police arrested protesters in Khartoum last week.",
    },
    {
        "id": "border",
        "title": "Border law",
        "date": "2024-06-12",
        "text": "Mexico condemned the new Texas border law on Tuesday.\n\nPolice arrested protesters in Austin, "
        "Texas, last week. The governor of Texas threatened to deploy the National Guard.",
    },
]
FORMATS = ["gdelt", "plover", "parquet", "csv", "gexf", "graphml"]
DUCKDB_TYPES = {"INTEGER": "BIGINT", "FLOAT": "DOUBLE", "STRING": "VARCHAR"}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("export")
    source = folder / "news.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    path = folder / "news.duckdb"
    with Store(path) as store:
        assert run_ingest([str(source)], store, workers=1).stored == len(ARTICLES)
    return path


@pytest.fixture
def store(db):
    with Store(db, read_only=True) as s:
        yield s


def export(store, name: str, filters: Filters | None = None, **options) -> tuple[bytes, int]:
    out = io.BytesIO()
    count = get(name).write(store, filters or Filters(), out, **options)
    return out.getvalue(), count


def kept(store, filters: Filters) -> list[tuple]:
    """(doc_id, id) of the events the filters keep, from the store."""
    rows = event_rows(store, filters).fetchall()
    return [(r[0], r[1]) for r in rows]


def read_gdelt(data: bytes, tmp_path):
    path = tmp_path / "events.tsv"
    path.write_bytes(data)
    types = {c["column"]: DUCKDB_TYPES[c["type"]] for c in columns()}
    return duckdb.read_csv(str(path), delimiter="\t", header=False, quotechar="", columns=types)


# -- the registry -------------------------------------------------------------------------------------------


def test_every_format_is_registered_with_its_file_type():
    found = exporters()
    assert list(found) == FORMATS
    for name, exporter in found.items():
        assert exporter.name == name and exporter.extension.startswith(".") and "/" in exporter.media_type
    assert [n for n, e in found.items() if e.binary] == ["parquet"]


def test_an_unknown_format_is_one_clear_error():
    with pytest.raises(UserError) as error:
        get("xlsx")
    assert "'xlsx'" in str(error.value) and all(name in str(error.value) for name in FORMATS)


# -- dates --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, day",
    [
        ("2024-11-04", dt.date(2024, 11, 4)),
        ("2024-W48", dt.date(2024, 11, 25)),
        ("2024-W48-WE", dt.date(2024, 11, 30)),
        ("2020-W53", dt.date(2020, 12, 28)),
        ("2024-12", dt.date(2024, 12, 1)),
        ("2024-Q3", dt.date(2024, 7, 1)),
        ("2024", dt.date(2024, 1, 1)),
        (dt.date(2024, 1, 2), dt.date(2024, 1, 2)),
        ("2024-SU", None),
        ("PAST_REF", None),
        ("2024-02-30", None),
        ("2023-W53", None),
        ("0000", None),
        (None, None),
    ],
)
def test_an_event_date_becomes_the_first_day_of_its_period(value, day):
    assert period_start(value) == day


# -- gdelt --------------------------------------------------------------------------------------------------


def test_the_gdelt_column_list_is_gdelt_2s_event_table():
    names = [c["column"] for c in columns()]
    assert len(names) == 61 and len(set(names)) == 61
    positions = {0: "GlobalEventID", 1: "Day", 5: "Actor1Code", 15: "Actor2Code", 25: "IsRootEvent", 26: "EventCode"}
    positions |= {29: "QuadClass", 30: "GoldsteinScale", 34: "AvgTone", 35: "Actor1Geo_Type", 51: "ActionGeo_Type"}
    positions |= {58: "ActionGeo_FeatureID", 59: "DATEADDED", 60: "SOURCEURL"}
    assert {i: names[i] for i in positions} == positions
    assert {c["type"] for c in columns()} == set(DUCKDB_TYPES) and all(c["eventwire"] for c in columns())


def test_gdelt_rows_load_with_the_published_columns(store, tmp_path):
    data, count = export(store, "gdelt")
    lines = data.decode().splitlines()
    assert count == len(lines) == len(kept(store, Filters())) > 0
    assert {len(line.split("\t")) for line in lines} == {61}
    table = read_gdelt(data, tmp_path)
    assert len(table.columns) == 61
    rows = [dict(zip(table.columns, r, strict=True)) for r in table.fetchall()]
    events = store.con.execute(
        "SELECT e.doc_id, e.id, e.cameo, e.date, d.date, e.sentence[1], d.text, d.url "
        "FROM events e JOIN documents d USING (doc_id)"
    ).fetchall()
    expected = {global_id(doc, eid): rest for doc, eid, *rest in events}
    assert len({r["GlobalEventID"] for r in rows}) == len(rows)
    for row in rows:
        cameo, date, doc_date, start, text, url = expected[row["GlobalEventID"]]
        day = period_start(date) or doc_date
        assert (row["Day"], row["MonthYear"], row["Year"]) == (int(f"{day:%Y%m%d}"), int(f"{day:%Y%m}"), day.year)
        assert day.year <= row["FractionDate"] < day.year + 1
        assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == (cameo, cameo[:3], cameo[:2])
        assert row["IsRootEvent"] == int("\n" not in text[:start])
        assert row["SOURCEURL"] and (url is None or row["SOURCEURL"] == url)
        assert row["QuadClass"] in (1, 2, 3, 4) and -10 <= row["GoldsteinScale"] <= 10


def test_gdelt_columns_said_to_be_empty_are_empty_and_the_main_ones_filled(store, tmp_path):
    table = read_gdelt(export(store, "gdelt")[0], tmp_path)
    for column in columns():
        filled = table.aggregate(f'count("{column["column"]}")').fetchall()[0][0]
        if column["eventwire"].startswith("empty"):
            assert filled == 0, column["column"]
    for name in ("GlobalEventID", "Day", "Actor1Code", "EventCode", "QuadClass", "NumMentions", "DATEADDED"):
        assert table.aggregate(f'count("{name}")').fetchall()[0][0] == len(table), name


def test_every_value_gdelt_gets_is_one_of_its_columns(store):
    names = {c["column"] for c in columns()}
    with events.kept(store, Filters()) as con:
        filled = [set(fill(row)) for row in events.rows(con, events.ENRICHED)]
    assert filled and all(row <= names for row in filled)


def place(name, geonameid, country):
    """The place columns of an enriched event row."""
    return {
        "place_name": name,
        "place_geonameid": geonameid,
        "place_country": country,
        "place_lat": 1.0,
        "place_lon": 2.0,
    }


@pytest.mark.parametrize(
    "row, expected",
    [
        (place("Ukraine", 690791, "UKR"), (1, "Ukraine", "UP", "UP", "UP")),
        (place("Kharkiv", 706483, "UKR"), (4, "Kharkiv, Ukraine", "UP", None, 706483)),
        (place("Austin", 4671654, "USA"), (3, "Austin, Texas, United States", "US", "USTX", 4671654)),
        (place("Texas", 4736286, "USA"), (2, "Texas, United States", "US", "USTX", "USTX")),
        (place("Europe", 6255148, None), (None, "Europe", None, None, None)),
    ],
)
def test_the_place_of_an_event_fills_gdelt_action_geo_columns(row, expected):
    geo = action_geo(row)
    assert (geo["Type"], geo["FullName"], geo["CountryCode"], geo["ADM1Code"], geo["FeatureID"]) == expected
    assert (geo["Lat"], geo["Long"]) == (1.0, 2.0)


def test_an_event_without_a_place_has_no_action_geo():
    assert action_geo(place(None, None, None)) == {}


# -- plover -------------------------------------------------------------------------------------------------


def test_plover_records_follow_their_json_schema(store):
    jsonschema.Draft202012Validator.check_schema(schema())
    validator = jsonschema.Draft202012Validator(schema())
    data, count = export(store, "plover")
    records = [json.loads(line) for line in data.decode().splitlines()]
    typed = store.con.execute("SELECT count(*) FROM events WHERE plover IS NOT NULL").fetchall()[0][0]
    assert count == len(records) == typed > 0
    texts = dict(store.con.execute("SELECT doc_id, text FROM documents").fetchall())
    for record in records:
        validator.validate(record)
        doc_id = record["cite_info"]["citation"]
        assert record["id"].startswith(f"{doc_id}/")
        start, end = record["text_info"]["start"], record["text_info"]["end"]
        assert record["event_text"][0] == texts[doc_id][start:end]
        trigger = record["text_info"]["trigger"]
        assert texts[doc_id][trigger[0] : trigger[1]].strip()


def test_plover_context_carries_the_auxiliary_modes(store):
    records = [json.loads(line) for line in export(store, "plover")[0].decode().splitlines()]
    intended = [r for r in records if r["modality"] == "intended"]
    assert intended and all("future" in r["context"] for r in intended)
    assert all(r["context"] == [] for r in records if r["modality"] == "asserted" and not r["negated"])


# -- filters ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "filters",
    [
        Filters(country="SDN"),
        Filters(plover="ASSAULT"),
        Filters(date_from=dt.date(2024, 11, 1), date_to=dt.date(2024, 11, 30)),
        Filters(actor="ukr"),
        Filters(limit=2),
    ],
)
def test_the_filters_choose_the_events_of_every_format(store, filters):
    wanted = kept(store, filters)
    assert 0 < len(wanted) < len(kept(store, Filters()))
    ids = {global_id(doc, eid) for doc, eid in wanted}
    lines = export(store, "gdelt", filters)[0].decode().splitlines()
    assert {int(line.split("\t")[0]) for line in lines} == ids
    records = export(store, "plover", filters)[0].decode().splitlines()
    assert {json.loads(r)["id"] for r in records} <= {f"{doc}/{eid}" for doc, eid in wanted}
    table = pq.read_table(io.BytesIO(export(store, "parquet", filters)[0]))
    assert list(zip(table["doc_id"].to_pylist(), table["id"].to_pylist(), strict=True)) == wanted


# -- parquet and csv ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("table", TABLES)
def test_parquet_tables_have_the_stores_columns_and_types(store, table, tmp_path):
    data, count = export(store, "parquet", table=table)
    path = tmp_path / f"{table}.parquet"
    path.write_bytes(data)
    assert count == store.count(table) == duckdb.sql(f"SELECT count(*) FROM read_parquet('{path}')").fetchall()[0][0]
    written = pq.read_schema(path)
    assert written.names == [name for name, _ in table_columns(table)]
    assert [f.type for f in written] == [f.type for f in arrow_schema(table)]


@pytest.mark.parametrize("table", TABLES)
def test_csv_tables_load_in_duckdb_with_json_lists(store, table, tmp_path):
    data, count = export(store, "csv", table=table)
    path = tmp_path / f"{table}.csv"
    path.write_bytes(data)
    loaded = duckdb.read_csv(str(path), header=True, all_varchar=True)
    assert loaded.columns == [name for name, _ in table_columns(table)]
    assert count == store.count(table) == len(loaded)
    if table == "events":
        triggers = sorted(json.loads(t) for (t,) in loaded.select("trigger").fetchall())
        assert triggers == sorted(t for (t,) in store.con.execute("SELECT trigger FROM events").fetchall())


def test_other_tables_keep_the_documents_of_the_kept_events(store):
    filters = Filters(country="SDN")
    documents = {doc for doc, _ in kept(store, filters)}
    for table in ("actors", "places", "documents"):
        rows = pq.read_table(io.BytesIO(export(store, "parquet", filters, table=table)[0]))
        assert set(rows["doc_id"].to_pylist()) == documents
        stored = f"SELECT count(*) FROM {table} WHERE doc_id IN (SELECT unnest(?))"
        assert len(rows) == store.con.execute(stored, [sorted(documents)]).fetchall()[0][0]


def test_an_unknown_table_is_one_clear_error(store):
    with pytest.raises(UserError, match="tables: documents"):
        export(store, "csv", table="people")


# -- networks -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name, read", [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)])
def test_actor_networks_open_in_networkx(store, name, read):
    data, count = export(store, name)
    g = read(io.BytesIO(data))
    assert g.is_directed() and g.number_of_edges() == count > 0
    dyads = store.con.execute(
        "SELECT source_code, target_code, count(*) FROM events "
        "WHERE source_code IS NOT NULL AND target_code IS NOT NULL GROUP BY ALL"
    ).fetchall()
    assert {(s, t): int(g.edges[s, t]["count"]) for s, t, _ in dyads} == {(s, t): n for s, t, n in dyads}
    for _, _, edge in g.edges(data=True):
        assert edge["first_date"] <= edge["last_date"] and -10 <= edge["goldstein_mean"] <= 10
    names = dict(store.con.execute("SELECT code, name FROM actors WHERE code IS NOT NULL").fetchall())
    assert all(g.nodes[code]["label"] in names.values() for code in g.nodes if code in names)


def test_a_filtered_network_has_the_dyads_of_the_kept_events(store):
    g = nx.read_graphml(io.BytesIO(export(store, "graphml", Filters(source_actor="UKR"))[0]))
    assert g.number_of_edges() > 0 and all(source.startswith("UKR") for source, _ in g.edges)


# -- the command --------------------------------------------------------------------------------------------


def test_the_export_command_writes_a_file(db, tmp_path, capsys):
    out = tmp_path / "places.csv"
    assert main(["export", "--format", "csv", "--table", "places", "--db", str(db), "-o", str(out)]) == 0
    assert len(duckdb.read_csv(str(out), header=True)) == int(capsys.readouterr().err.split()[1]) > 0
    assert [p.name for p in tmp_path.iterdir()] == ["places.csv"]


def test_the_export_command_writes_to_standard_output_without_spacy(db):
    code = (
        "import sys; from eventwire.cli import main; "
        f"status = main(['export', '--format', 'gdelt', '--db', {str(db)!r}, '--country', 'UKR']); "
        "assert not any(m == 'spacy' for m in sys.modules), 'spaCy imported'; sys.exit(status)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    with Store(db, read_only=True) as store:
        assert len(result.stdout.splitlines()) == len(kept(store, Filters(country="UKR"))) > 0


@pytest.mark.parametrize(
    "argv, said",
    [
        (["--format", "gdelt", "--table", "actors"], "--table applies to parquet and csv, not gdelt"),
        (["--format", "csv", "--table", "people"], "no table 'people'"),
        (["--format", "gexf", "-o", "/no/such/folder/n.gexf"], "folder /no/such/folder does not exist"),
    ],
)
def test_export_command_mistakes_are_one_line(db, capsys, argv, said):
    assert main(["export", "--db", str(db), *argv]) == 2
    err = capsys.readouterr().err
    assert said in err and len(err.splitlines()) == 1


def test_an_unknown_format_on_the_command_line_lists_the_formats(db, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["export", "--format", "xlsx", "--db", str(db)])
    err = capsys.readouterr().err
    assert stopped.value.code == 2 and all(name in err for name in FORMATS)


def test_parquet_is_not_written_to_a_terminal(db, capsys, monkeypatch):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["export", "--format", "parquet", "--db", str(db)]) == 2
    assert "binary" in capsys.readouterr().err


def test_a_failed_export_leaves_no_file(db, tmp_path, monkeypatch):
    def fail(row):
        raise UserError("stopped half-way")

    monkeypatch.setattr("eventwire.export.gdelt.fill", fail)
    out = tmp_path / "events.tsv"
    assert main(["export", "--format", "gdelt", "--db", str(db), "-o", str(out)]) == 2
    assert list(tmp_path.iterdir()) == []
