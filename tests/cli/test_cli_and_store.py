"""The command line and the DuckDB store, end to end on small inputs written here."""

import gzip
import json

import duckdb
import pytest

from eventwire.cli import main

TEXT_A = "Germany pledged new aid to Moldova on Tuesday, the German government said."
TEXT_B = "China accused Japan of provoking tensions in the East China Sea on Monday."


@pytest.fixture
def corpus(tmp_path):
    rows = [
        {"id": "a", "title": "Aid", "date": "2024-03-05", "text": TEXT_A},
        {"id": "b", "title": "Accusation", "date": "2024-03-04", "text": TEXT_B},
    ]
    path = tmp_path / "news.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row) + "\n")
    return path


def counts(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("documents", "actors", "events", "timexes")
        }
    finally:
        con.close()


def test_code_jsonl_keeps_input_ids(corpus, capsys):
    assert main(["code", str(corpus), "--format", "jsonl"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [d["document"]["id"] for d in lines] == ["a", "b"]
    assert lines[0]["document"]["date"] == "2024-03-05"


def test_code_text_file_with_date(tmp_path, capsys):
    path = tmp_path / "story.txt"
    path.write_text(TEXT_B, encoding="utf-8")
    assert main(["code", "--date", "2024-03-04", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["document"] == {
        "id": "story",
        "title": None,
        "date": "2024-03-04",
        "source": None,
        "url": None,
        "author": None,
        "language": "en",
        "outlet": None,
        "story_id": None,
    }
    codes = {a["code"] for a in data["actors"]}
    assert {"CHN", "JPN"} <= codes


def test_markdown_front_matter(tmp_path, capsys):
    path = tmp_path / "note.md"
    path.write_text("---\ntitle: Aid to Moldova\ndate: 2024-03-05\nid: md-1\n---\n" + TEXT_A, encoding="utf-8")
    assert main(["code", str(path), "--format", "jsonl"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["document"]["id"] == "md-1" and data["document"]["title"] == "Aid to Moldova"
    assert data["document"]["date"] == "2024-03-05"


def test_ingest_twice_adds_nothing(corpus, tmp_path, capsys):
    db = tmp_path / "store.duckdb"
    assert main(["ingest", str(corpus), "--db", str(db)]) == 0
    first = counts(db)
    assert first["documents"] == 2 and first["actors"] > 0
    assert main(["ingest", str(corpus), "--db", str(db)]) == 0
    assert counts(db) == first
    assert "0 new" in capsys.readouterr().err


def test_bad_input_is_named_and_the_batch_goes_on(corpus, tmp_path, capsys):
    db = tmp_path / "store.duckdb"
    assert main(["ingest", str(corpus), "--db", str(db)]) == 0
    bad = tmp_path / "mixed.jsonl"
    bad.write_text(
        "\n".join(
            [
                json.dumps({"id": "ok", "date": "2024-03-06", "text": "Poland summoned the Belarusian ambassador."}),
                "{not json",
                json.dumps({"id": "no-text", "date": "2024-03-06"}),
                json.dumps({"id": "bad-date", "date": "March 6", "text": "Kenya hosted talks."}),
                json.dumps({"id": "a", "date": "2024-03-05", "text": TEXT_A}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Caf\xe9 talks".encode("latin-1"))
    assert main(["ingest", str(bad), str(latin), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "mixed.jsonl:2" in err and "not valid JSON" in err
    assert "no-text" in err and "no 'text'" in err
    assert "(id bad-date): warning: date 'March 6'" in err  # stored without its date
    assert "latin1.txt" in err and "UTF-8" in err
    assert err.endswith(", 1 already stored, 1 warning, 3 not stored (see above)\n")
    after = counts(db)
    assert after["documents"] == 4  # a, b, "ok" and "bad-date"; the repeated "a" is not stored twice


def test_stats_prints_summary(corpus, tmp_path, capsys):
    db = tmp_path / "store.duckdb"
    main(["ingest", str(corpus), "--db", str(db)])
    capsys.readouterr()
    assert main(["stats", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "documents 2" in out and "Events by PLOVER type" in out and "Top dyads" in out


PROMISES = [
    {"id": "p1", "date": "2025-01-10", "text": "Germany pledged to deliver tanks to Ukraine by January 15."},
    {"id": "p2", "date": "2025-01-10", "text": "France promised to send aid to Moldova by March 31."},
    {"id": "p3", "date": "2025-01-28", "text": "Japan vowed to send aid to Ukraine by February 3."},
]


@pytest.fixture
def promise_db(tmp_path):
    path = tmp_path / "promises.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in PROMISES) + "\n", encoding="utf-8")
    db = tmp_path / "store.duckdb"
    assert main(["ingest", str(path), "--db", str(db)]) == 0
    return db


def test_commitments_are_open_due_or_past_due(promise_db, capsys):
    capsys.readouterr()
    assert main(["commitments", "--db", str(promise_db), "--as-of", "2025-02-01"]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if not line.startswith(" ")]
    states = {line.split()[0]: line.split("  ")[1].strip() for line in lines}
    assert states == {"2025-01-15": "past due", "2025-02-03": "due", "2025-03-31": "open"}
    assert main(["commitments", "--db", str(promise_db), "--as-of", "2025-02-01", "--actor", "FRA"]) == 0
    assert "France" in capsys.readouterr().out


def test_quotes_by_speaker_and_about(tmp_path, capsys):
    text = (
        'Polish Prime Minister Donald Tusk spoke in Warsaw on Monday. "Ukraine will not stand alone," '
        'Tusk said. "Our farmers need help too," he added.'
    )
    path = tmp_path / "speech.jsonl"
    path.write_text(json.dumps({"id": "s1", "date": "2024-03-04", "text": text}) + "\n", encoding="utf-8")
    db = tmp_path / "store.duckdb"
    main(["ingest", str(path), "--db", str(db)])
    capsys.readouterr()
    assert main(["quotes", "--db", str(db), "--speaker", "Tusk"]) == 0
    out = capsys.readouterr().out
    assert "Ukraine will not stand alone" in out and "Our farmers need help too" in out
    assert main(["quotes", "--db", str(db), "--speaker", "POLGOV", "--about", "UKR"]) == 0
    out = capsys.readouterr().out
    assert "Ukraine will not stand alone" in out and "farmers" not in out


def test_explain_and_min_confidence(tmp_path, capsys):
    path = tmp_path / "s.txt"
    path.write_text("Russia attacked Ukraine. Japan said the talks were useful.", encoding="utf-8")
    assert main(["code", "--explain", "--date", "2024-12-04", str(path)]) == 0
    out = capsys.readouterr().out
    assert "pattern:  attack/VERB" in out and "parse:    source nsubj 'Russia'; target dobj 'Ukraine'" in out
    assert main(["code", "--format", "jsonl", "--min-confidence", "0.6", "--date", "2024-12-04", str(path)]) == 0
    events = json.loads(capsys.readouterr().out)["events"]
    assert [e["cameo"] for e in events] == ["190"]  # the 0.55 statement is filtered out


def test_reused_id_with_other_text_is_kept_apart(corpus, tmp_path):
    db = tmp_path / "store.duckdb"
    main(["ingest", str(corpus), "--db", str(db)])
    other = tmp_path / "other.jsonl"
    other.write_text(
        json.dumps({"id": "a", "date": "2024-03-07", "text": "Chile recalled its envoy."}) + "\n", encoding="utf-8"
    )
    assert main(["ingest", str(other), "--db", str(db)]) == 0
    con = duckdb.connect(str(db), read_only=True)
    ids = sorted(r[0] for r in con.execute("SELECT doc_id FROM documents").fetchall())
    con.close()
    assert len(ids) == 3 and ids[0] == "a" and ids[1].startswith("a#") and ids[2] == "b"
