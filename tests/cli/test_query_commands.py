"""`eventwire events`, `actors`, `documents`, `quotes` and `commitments`: every filter, every format, and the
store's calendar days of dates of any precision.

The store is made once for the module by ingesting four short articles written for these tests. A filter is
checked against the unfiltered listing filtered in Python, so the assertions hold whatever the stages code; the
date tests name the dates the articles give (a week, a month, a year, a day).
"""

import csv
import datetime as dt
import io
import json

import duckdb
import pytest

from eventwire.cli import main
from eventwire.ingest import run_ingest
from eventwire.records import SCHEMA, duckdb_ddl
from eventwire.store import Store

ARTICLES = [
    {
        "id": "raid",
        "title": "Raid on a depot",
        "url": "https://example.org/raid",
        "source": "Test Wire",
        "date": "2024-11-20",
        "text": "Russian forces shelled Kharkiv last week, Ukrainian officials said. Ukraine accused Russia of "
        "targeting civilians.",
    },
    {
        "id": "talks",
        "title": "Ministers meet",
        "source": "Test Wire",
        "date": "2024-06-12",
        "text": "Turkish Foreign Minister Hakan Fidan met Iranian Foreign Minister Abbas Araghchi in Ankara on "
        'Monday. "We want calm in the region," Fidan said. Turkey urged Iran to free the detained sailors.',
    },
    {
        "id": "pledge",
        "title": "Tanks for Kyiv",
        "date": "2025-01-10",
        "text": "Germany pledged to deliver tanks to Ukraine by March 2025. Poland sent ammunition to Ukraine in "
        "December.",
    },
    {
        "id": "old",
        "title": "An older quarrel",
        "date": "2021-05-03",
        "text": "Japan condemned China over the boat collision in 2020. Police arrested 50%_protesters in Tokyo on "
        "Sunday.",
    },
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("query")
    source = folder / "news.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    path = folder / "news.duckdb"
    with Store(path) as store:
        assert run_ingest([str(source)], store, workers=1).stored == len(ARTICLES)
    return str(path)


def run(capsys, *argv) -> tuple[int, str, str]:
    status = main([*argv])
    out, err = capsys.readouterr()
    return status, out, err


def listing(capsys, db, command="events", *argv) -> list[dict]:
    status, out, err = run(capsys, command, "--db", db, "--format", "jsonl", *argv)
    assert status == 0, err
    return [json.loads(line) for line in out.splitlines()]


@pytest.fixture
def every(capsys, db):
    return listing(capsys, db)


def sides(r) -> list[tuple[str | None, str | None]]:
    return [(r["source_code"], r["source_name"]), (r["target_code"], r["target_name"])]


FILTERS = {
    "--from 2024-11-01": lambda r: r["day"] >= "2024-11-01",
    "--to 2024-06-30": lambda r: r["day"] <= "2024-06-30",
    "--actor RUS": lambda r: any((code or "").startswith("RUS") for code, _ in sides(r)),
    "--actor forces": lambda r: any("forces" in (name or "").lower() for _, name in sides(r)),
    "--source-actor UKR": lambda r: (r["source_code"] or "").startswith("UKR"),
    "--target-actor UKR": lambda r: (r["target_code"] or "").startswith("UKR"),
    "--country IRN": lambda r: any((code or "")[:3] == "IRN" for code, _ in sides(r)),
    "--type ACCUSE": lambda r: r["plover"] == "ACCUSE",
    "--cameo 1": lambda r: r["cameo"].startswith("1"),
    "--quad 4": lambda r: r["quad"] == 4,
    "--modality intended": lambda r: r["modality"] == "intended",
    "--min-confidence 0.8": lambda r: r["confidence"] >= 0.8,
    "--text TANKS": lambda r: "tanks" in r["evidence"].lower(),
}


@pytest.mark.parametrize("option", FILTERS)
def test_each_filter_keeps_what_it_says(capsys, db, every, option):
    kept = listing(capsys, db, "events", *option.split())
    assert kept == [r for r in every if FILTERS[option](r)]
    assert 0 < len(kept) < len(every), "the articles give this filter something to keep and to leave out"


def test_filters_combine_and_limit_keeps_the_first(capsys, db, every):
    both = listing(capsys, db, "events", "--actor", "UKR", "--from", "2024-12-01")
    ukraine = [r for r in every if any((code or "").startswith("UKR") for code, _ in sides(r))]
    assert both == [r for r in ukraine if r["day"] >= "2024-12-01"] and 0 < len(both) < len(ukraine)
    assert listing(capsys, db, "events", "--limit", "2") == every[:2]


def test_an_event_has_its_date_dyad_codes_place_document_and_evidence(every):
    shelling = next(r for r in every if r["doc_id"] == "raid" and r["plover"] == "ASSAULT")
    assert shelling["source_code"] == "RUSMIL" and shelling["target_code"] == "UKR"
    assert shelling["source_name"] == "Russian forces"
    assert shelling["doc_title"] == "Raid on a depot" and shelling["doc_url"] == "https://example.org/raid"
    assert shelling["evidence"] == "Russian forces shelled Kharkiv last week, Ukrainian officials said."
    assert {"cameo", "quad", "goldstein", "modality", "negated", "confidence", "place"} <= set(shelling)
    assert any(r["place"] for r in every)


def test_formats_give_the_same_rows(capsys, db, every):
    status, out, _ = run(capsys, "events", "--db", db, "--format", "csv")
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["doc_id"], r["event_id"], r["day"]) for r in rows] == [
        (r["doc_id"], r["event_id"], r["day"]) for r in every
    ]
    assert {r["negated"] for r in rows} <= {"true", "false"}
    status, out, _ = run(capsys, "events", "--db", db, "--format", "json")
    assert json.loads(out) == every
    status, out, _ = run(capsys, "events", "--db", db)  # table: a header, a line per event, its evidence under it
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["day", "date_precision", "source_code"]
    assert lines[2] == f"    {every[0]['evidence']}" and len(lines) == 1 + 2 * len(every)


def test_nothing_kept_is_said_in_each_format(capsys, db):
    nothing = ["--actor", "Atlantis"]
    assert run(capsys, "events", "--db", db, *nothing)[1] == "(no events)\n"
    assert run(capsys, "events", "--db", db, *nothing, "--format", "json")[1] == "[]\n"
    assert run(capsys, "events", "--db", db, *nothing, "--format", "jsonl")[1] == ""
    header = run(capsys, "events", "--db", db, *nothing, "--format", "csv")[1]
    assert header.startswith("day,date_precision,date,") and header.count("\n") == 1


@pytest.mark.parametrize(
    "argv, said",
    [
        (["--from", "2024-13-01"], "--from '2024-13-01' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"),
        (["--to", "2024-02-30"], "--to '2024-02-30' is not a date"),
        (["--from", "yesterday"], "--from 'yesterday' is not a date"),
        (["--from", "2024-12-04T10:00"], "is not a date"),
        (["--from", "2025", "--to", "2024"], "--from 2025-01-01 is after --to 2024-12-31"),
        (["--min-confidence", "2"], "--min-confidence 2.0 is not between 0 and 1"),
    ],
)
def test_bad_values_are_one_line_and_exit_2(capsys, db, argv, said):
    for command in ("events", "export --format csv"):
        status, out, err = run(capsys, *command.split(), "--db", db, *argv)
        assert status == 2 and out == ""
        assert err.startswith("eventwire: ") and said in err and err.count("\n") == 1


def test_names_and_words_are_not_like_patterns(capsys, db, every):
    assert listing(capsys, db, "events", "--actor", "%") == []
    assert listing(capsys, db, "events", "--actor", "_") == []
    underscore = listing(capsys, db, "events", "--text", "%_")
    assert underscore == [r for r in every if "%_" in r["evidence"]] and len(underscore) == 1
    assert listing(capsys, db, "documents", "--text", "_") == listing(capsys, db, "documents", "--text", "%_p")
    assert listing(capsys, db, "actors", "--actor", "%") == []


# -- dates of any precision ------------------------------------------------------------------------------------


def test_the_store_gives_every_date_its_first_day_and_precision(db):
    with Store(db, read_only=True) as store:
        events = {
            (r[0], r[1]): r[2:]
            for r in store.con.execute(
                "SELECT doc_id, plover, date, day, date_precision, deadline, deadline_day FROM events"
            ).fetchall()
        }
        timexes = {r[0]: r[1:] for r in store.con.execute("SELECT value, day, date_precision FROM timexes").fetchall()}
    assert events["raid", "ASSAULT"][:3] == ("2024-W46", dt.date(2024, 11, 11), "week")  # "last week"
    assert events["pledge", "AID"][:3] == ("2024-12", dt.date(2024, 12, 1), "month")  # "in December"
    assert events["old", "ACCUSE"][:3] == ("2020", dt.date(2020, 1, 1), "year")  # "in 2020"
    assert events["raid", "ACCUSE"][:3] == ("2024-11-20", dt.date(2024, 11, 20), "day")  # the document's date
    assert events["pledge", "AGREE"][3:] == ("2025-03", dt.date(2025, 3, 31))  # due by the end of March
    assert timexes["2024-W46"] == (dt.date(2024, 11, 11), "week") and timexes["2021-05-02"][1] == "day"


@pytest.mark.parametrize(
    "dates, kept",
    [
        (["--from", "2024-11-11", "--to", "2024-11-17"], {("raid", "ASSAULT")}),  # the week, not its report day
        (["--from", "2024-12", "--to", "2024-12"], {("pledge", "AID")}),  # a month stands for its days
        (["--from", "2020", "--to", "2020"], {("old", "ACCUSE")}),  # a year, though reported in 2021
        (["--to", "2020-12-31"], {("old", "ACCUSE")}),
    ],
)
def test_date_ranges_take_a_week_month_or_year_by_its_first_day(capsys, db, dates, kept):
    assert {(r["doc_id"], r["plover"]) for r in listing(capsys, db, "events", *dates)} == kept


def test_an_export_and_the_listing_agree_on_the_days(capsys, db, every):
    status, out, _ = run(capsys, "export", "--format", "csv", "--db", db)
    assert status == 0
    days = {(r["doc_id"], r["id"]): r["day"] for r in csv.DictReader(io.StringIO(out))}
    assert days == {(r["doc_id"], r["event_id"]): r["day"] for r in every}


def test_a_store_of_an_older_schema_is_refused_in_one_line(tmp_path, capsys):
    old = tmp_path / "old.duckdb"
    with duckdb.connect(str(old)) as con:
        con.execute(duckdb_ddl())
        con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        con.execute("INSERT INTO meta VALUES ('schema', 'eventwire/3')")
    status, _, err = run(capsys, "events", "--db", str(old))
    assert status == 2
    assert err == (
        f"eventwire: {old} holds schema eventwire/3, not {SCHEMA} of this eventwire: "
        "re-ingest into a new file (--db NEW.duckdb)\n"
    )


# -- the other listings ----------------------------------------------------------------------------------------


def test_actors_are_grouped_by_code_and_filtered(capsys, db, every):
    actors = listing(capsys, db, "actors")
    assert len({a["code"] for a in actors}) == len(actors) and all(a["code"] for a in actors)
    ukraine = next(a for a in actors if a["code"] == "UKR")
    assert ukraine["name"] == "Ukraine" and ukraine["country"] == "UKR" and ukraine["documents"] == 2
    assert ukraine["events"] == sum("UKR" in (r["source_code"], r["target_code"]) for r in every)
    assert [a["events"] for a in actors] == sorted((a["events"] for a in actors), reverse=True)
    ukrainian = listing(capsys, db, "actors", "--country", "ukr")
    assert {a["country"] for a in ukrainian} == {"UKR"} and ukraine in ukrainian and len(ukrainian) < len(actors)
    named = listing(capsys, db, "actors", "--actor", "fidan")
    assert [a["code"] for a in named] == ["TURGOV"] and named[0]["first"] == "2024-06-12"
    assert listing(capsys, db, "actors", "--from", "2025-01", "--limit", "1")[0]["code"] == "UKR"
    status, out, _ = run(capsys, "actors", "--db", db, "--format", "csv", "--actor", "JPN")
    assert out.splitlines()[0] == "code,name,country,sector,documents,mentions,events,first,last"


def test_documents_with_their_counts(capsys, db, every):
    documents = listing(capsys, db, "documents")
    assert [d["doc_id"] for d in documents] == ["old", "talks", "raid", "pledge"]  # in date order
    with Store(db, read_only=True) as store:
        quoted = dict(store.con.execute("SELECT doc_id, count(*) FROM quotes GROUP BY doc_id").fetchall())
    for d in documents:
        assert d["events"] == sum(r["doc_id"] == d["doc_id"] for r in every)
        assert d["quotes"] == quoted.get(d["doc_id"], 0)
    assert quoted["talks"] >= 1  # Fidan's words: the count can fail
    assert [d["doc_id"] for d in listing(capsys, db, "documents", "--from", "2024", "--to", "2024")] == [
        "talks",
        "raid",
    ]
    assert [d["doc_id"] for d in listing(capsys, db, "documents", "--text", "ammunition")] == ["pledge"]
    assert [d["doc_id"] for d in listing(capsys, db, "documents", "--actor", "JPN")] == ["old"]
    status, out, _ = run(capsys, "documents", "--db", db, "--limit", "1")
    assert out.splitlines()[0].split() == ["doc_id", "date", "title", "source", "url", "events", "quotes", "actors"]
    assert out.splitlines()[1].startswith("old ") and len(out.splitlines()) == 2


def test_quotes_take_the_filters_and_formats(capsys, db):
    quotes = listing(capsys, db, "quotes")
    assert any(q["doc"] == "talks" and q["text"] == "We want calm in the region," for q in quotes)
    assert {q["doc"] for q in listing(capsys, db, "quotes", "--from", "2024-11-01")} <= {"raid", "pledge"}
    assert [q["speaker"] for q in listing(capsys, db, "quotes", "--speaker", "fidan")] == ["Hakan Fidan"]
    assert [q["doc"] for q in listing(capsys, db, "quotes", "--text", "CALM")] == ["talks"]
    assert len(listing(capsys, db, "quotes", "--limit", "1")) == 1
    status, out, _ = run(capsys, "quotes", "--db", db, "--format", "csv", "--speaker", "TUR")
    assert out.splitlines()[0] == "date,speaker,code,direct,text,doc,id" and "Fidan" in out
    assert "We want calm in the region" in run(capsys, "quotes", "--db", db, "--speaker", "Fidan")[1]


def test_commitments_take_the_filters_and_formats(capsys, db):
    status, out, _ = run(capsys, "commitments", "--db", db, "--as-of", "2025-02-01", "--format", "json")
    promises = json.loads(out)
    assert [(p["deadline"], p["state"], p["source"]) for p in promises] == [("2025-03", "open", "DEU")]
    by_name = ["--as-of", "2025-02-01", "--actor", "germany", "--from", "2025-03-31", "--text", "tanks"]
    assert listing(capsys, db, "commitments", *by_name) == promises
    assert listing(capsys, db, "commitments", "--as-of", "2025-02-01", "--to", "2025-03-30") == []
    assert listing(capsys, db, "commitments", "--as-of", "2025-02-01", "--actor", "POL") == []
    assert "2025-03     open" in run(capsys, "commitments", "--db", db, "--as-of", "2025-02-01")[1]
