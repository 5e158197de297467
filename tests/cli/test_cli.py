"""The command line as a whole: one line per user error, help for every option, workers that change nothing."""

import argparse
import json
import os
import subprocess
import sys
from importlib import metadata, resources
from pathlib import Path

import pytest

from eventwire.cli import main, parser


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"eventwire {metadata.version('eventwire')}"


def test_every_option_has_help():
    subparsers = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    missing = [
        f"{name} {action.dest}"
        for name, sub in subparsers.choices.items()
        for action in sub._actions
        if not isinstance(action, argparse._HelpAction) and not action.help
    ]
    assert missing == []
    assert {"code", "ingest", "stats", "commitments", "quotes", "demo", "eval"} <= set(subparsers.choices)


@pytest.mark.parametrize("command", ["stats", "commitments", "quotes --speaker Tusk"])
def test_a_missing_store_is_one_line(tmp_path, capsys, command):
    db = tmp_path / "nowhere.duckdb"
    assert main([*command.split(), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert err == f"eventwire: no store at {db}: make one with `eventwire ingest FILES --db {db}`\n"
    assert not db.exists()  # a read command creates nothing


def test_a_missing_default_store_names_the_stores_there(tmp_path, capsys, monkeypatch):
    """`make demo` writes demo.duckdb; `eventwire stats` then reads eventwire.duckdb, and says what to type."""
    monkeypatch.chdir(tmp_path)
    from eventwire.store import Store

    Store("demo.duckdb").close()
    assert main(["stats"]) == 2
    assert capsys.readouterr().err == (
        "eventwire: no store at eventwire.duckdb: make one with `eventwire ingest FILES --db eventwire.duckdb`; "
        "or read a store that exists: --db demo.duckdb\n"
    )
    assert main(["stats", "--db", "demo.duckdb"]) == 0


def test_a_missing_folder_is_said_before_loading_anything(tmp_path, capsys):
    db = tmp_path / "no" / "store.duckdb"
    assert main(["ingest", "-", "--db", str(db)]) == 2
    assert capsys.readouterr().err.startswith("eventwire: cannot create a store at")


def test_a_bad_actor_file_is_one_line(tmp_path, capsys):
    text = tmp_path / "a.txt"
    text.write_text("Chile recalled its envoy.", encoding="utf-8")
    assert main(["code", str(text), "--actors", str(tmp_path / "missing.tsv")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("eventwire: ") and err.count("\n") == 1


def test_ctrl_c_is_one_line_and_status_130(monkeypatch, capsys, tmp_path):
    from eventwire.cli import stats

    def interrupted(args):
        raise KeyboardInterrupt

    monkeypatch.setattr(stats, "run", interrupted)
    assert main(["stats", "--db", str(tmp_path / "x.duckdb")]) == 130
    assert capsys.readouterr().err == "eventwire: interrupted\n"


def test_bad_option_values(capsys):
    for argv in (["code", "--workers", "0"], ["code", "--quad", "nato"], ["code", "--date", "5 March"]):
        with pytest.raises(SystemExit) as exit_:
            main(argv)
        assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "'0' is not a whole number" in err and "invalid choice: 'nato'" in err and "'gdelt'" in err
    assert "date '5 March' is not YYYY-MM-DD" in err


def test_a_date_in_the_right_form_that_is_no_day_says_so(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["code", "--date", "2024-02-30"])
    assert exit_.value.code == 2
    assert "date '2024-02-30' is no day of the calendar" in capsys.readouterr().err


def test_explain_shows_the_phrases_filling_the_roles(tmp_path, capsys):
    path = tmp_path / "s.txt"
    path.write_text("U.S. Secretary of State Antony Blinken accused Russia of prolonging the war.", encoding="utf-8")
    assert main(["code", "--explain", "--date", "2024-12-05", str(path)]) == 0
    out = capsys.readouterr().out
    assert "    source span: 'U.S. Secretary of State Antony Blinken'\n    target span: 'Russia'\n" in out


@pytest.mark.slow
def test_more_workers_give_byte_identical_output(capsys):
    corpus = resources.files("eventwire") / "demo" / "news.jsonl"
    with resources.as_file(corpus) as path:
        outputs = []
        for workers in ("1", "2"):
            assert main(["code", str(path), "--workers", workers]) == 0
            outputs.append(capsys.readouterr().out.encode("utf-8"))
    assert outputs[0] == outputs[1]
    assert outputs[0].count(b'"schema"') == 49


def run(*args, **kwargs):
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=300, **kwargs)


def test_store_commands_do_not_import_spacy(tmp_path):
    from eventwire.store import Store

    db = tmp_path / "s.duckdb"
    Store(db).close()
    probe = (
        "import sys\nfrom eventwire.cli import main\n"
        f"for argv in (['stats', '--db', {str(db)!r}], ['quotes', '--speaker', 'X', '--db', {str(db)!r}]):\n"
        "    assert main(argv) == 0\n"
        "print(sorted(m for m in sys.modules if m == 'spacy' or m.startswith('spacy.'))[:3])"
    )
    result = run("-c", probe)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("[]")


def test_a_closed_pipe_is_not_a_traceback(tmp_path):
    """`eventwire code ... | head`: more output (about 70 kB) than a pipe holds, read 10 bytes of it."""
    rows = "".join(json.dumps({"id": f"d{n}", "text": "Chile recalled its envoy."}) + "\n" for n in range(6))
    source = tmp_path / "news.jsonl"
    source.write_text(rows.replace("envoy.", "envoy. " * 40), encoding="utf-8")
    code = (
        f"import sys; sys.argv = ['eventwire', 'code', {str(source)!r}, '--workers', '1']; "
        "from eventwire.cli import main; sys.exit(main())"
    )
    result = subprocess.run(
        f'{sys.executable} -c "{code}" | head -c 10', shell=True, capture_output=True, text=True, timeout=300
    )
    assert "Traceback" not in result.stderr and result.stdout == '{\n  "schem'


def test_paths_are_checked_before_the_model_loads(tmp_path, capsys, monkeypatch):
    """A missing input or an unusable store is said at once (no model named EVENTWIRE_MODEL exists here: had it been
    loaded, the message would be about the model)."""
    monkeypatch.setenv("EVENTWIRE_MODEL", "no_such_model")
    text = tmp_path / "a.txt"
    text.write_text("Chile recalled its envoy.", encoding="utf-8")
    cases = [
        (["ingest", str(tmp_path / "gone.jsonl"), "--db", str(tmp_path / "s.duckdb")], "no such file or folder"),
        (["code", str(tmp_path / "gone.jsonl")], "no such file or folder"),
        (["ingest", str(text), "--db", "s3://bucket/news.duckdb"], "is not a local file"),
        (["ingest", str(text), "--db", "https://example.org/news.duckdb"], "is not a local file"),
        (["ingest", str(text), "--db", str(tmp_path / "no" / "s.duckdb")], "folder"),
    ]
    for argv, said in cases:
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.startswith("eventwire: ") and said in err and err.count("\n") == 1, (argv, err)
    assert not (tmp_path / "s.duckdb").exists()  # nothing was created for an ingest with nothing to read


def test_an_unknown_model_is_one_line(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("Chile recalled its envoy.", encoding="utf-8")
    for argv in (["code", str(text)], ["ingest", str(text), "--db", str(tmp_path / "s.duckdb")]):
        result = run(
            "-c", "import sys; from eventwire.cli import main; sys.exit(main())", *argv,
            env={**os.environ, "EVENTWIRE_MODEL": "no_such_model"},
        )  # fmt: skip
        assert result.returncode == 2 and result.stderr == (
            "eventwire: no spaCy model found (tried no_such_model); install the project with `pip install -e .` or "
            "set EVENTWIRE_MODEL to an installed model\n"
        )


def test_the_progress_total_is_counted_where_it_is_cheap(tmp_path):
    import gzip
    import time

    from eventwire.cli.ingest import expected

    rows = "".join(json.dumps({"id": f"d{n}", "text": "Chile recalled its envoy."}) + "\n" for n in range(5))
    (tmp_path / "a.jsonl").write_text(rows, encoding="utf-8")
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(rows.encode() + b'{"id": "last", "text": "no newline"}'))
    folder = tmp_path / "notes"
    folder.mkdir()
    for name in ("one.txt", "two.md", "three.html", "skip.csv"):
        (folder / name).write_text("Peru protested.", encoding="utf-8")
    (tmp_path / "feed.rss").write_text("<rss/>", encoding="utf-8")
    later = time.monotonic() + 60
    paths = [str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl.gz"), str(folder)]
    assert expected(paths, later) == 5 + 6 + 3
    assert expected([*paths, "-"], later) is None  # stdin: unknown until read
    assert expected([str(tmp_path / "feed.rss")], later) is None  # entries in a feed: unknown until parsed
    assert expected(paths, time.monotonic() - 1) is None  # out of time: no total rather than a late one


def test_ingest_reports_its_progress_per_document_with_a_total(tmp_path, monkeypatch):
    seen = {}

    class Bar:
        """Stands in for tqdm: records the total it is given and the steps."""

        def __init__(self, **kwargs):
            self.total, self.steps = kwargs.get("total"), []
            seen["bar"] = self

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            pass

        def update(self, n=1):
            self.steps.append(n)

        def refresh(self):
            pass

        @staticmethod
        def write(line, file):
            print(line, file=file)

    monkeypatch.setattr("tqdm.tqdm", Bar)
    rows = [json.dumps({"id": f"d{n}", "date": "2024-03-05", "text": f"Chile recalled envoy {n}."}) for n in range(6)]
    source = tmp_path / "news.jsonl"
    source.write_text("\n".join(rows + ["{broken"]) + "\n", encoding="utf-8")
    assert main(["ingest", str(source), "--db", str(tmp_path / "s.duckdb"), "--workers", "1"]) == 1
    assert seen["bar"].total == 7 and seen["bar"].steps == [1] * 7


def test_stdin_that_is_not_utf8_is_one_line(tmp_path):
    for argv in (["code"], ["ingest", "-", "--db", str(tmp_path / "s.duckdb")]):
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; from eventwire.cli import main; sys.exit(main())",
                *argv,
                "--workers",
                "1",
            ],
            input=b"Chile \xff\xfe recalled its envoy.",
            capture_output=True,
            timeout=300,
        )
        err = result.stderr.decode()
        assert result.returncode == 1 and "Traceback" not in err
        assert err.splitlines()[0] == "eventwire: <stdin>: is not UTF-8 text (byte 6)"


def test_output_to_head_is_not_a_traceback_with_several_workers(tmp_path):
    rows = "".join(
        json.dumps({"id": f"d{n}", "date": "2024-03-05", "text": f"Chile recalled envoy {n}. " * 30}) + "\n"
        for n in range(40)
    )
    source = tmp_path / "news.jsonl"
    source.write_text(rows, encoding="utf-8")
    command = [sys.executable, "-c", "import sys; from eventwire.cli import main; sys.exit(main())"]
    for workers in ("1", "2"):
        head = subprocess.run(
            " ".join([*command[:2], repr(command[2]), "code", str(source), "--workers", workers]) + " | head -1",
            shell=True,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert head.stdout == "{\n" and head.stderr == "", head.stderr


@pytest.mark.slow
def test_ctrl_c_during_an_ingest_says_how_many_documents_were_stored(tmp_path):
    import signal
    import time

    rows = "".join(
        json.dumps({"id": f"d{n}", "date": "2024-03-05", "text": f"Chile recalled envoy {n}. Peru protested. " * 20})
        + "\n"
        for n in range(2000)
    )
    source = tmp_path / "news.jsonl"
    source.write_text(rows, encoding="utf-8")
    db = tmp_path / "s.duckdb"
    run = subprocess.Popen(
        [str(Path(sys.executable).with_name("eventwire")), "ingest", str(source), "--db", str(db), "--workers", "2"],
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        # a terminal's Ctrl-C reaches a command that handles it; a shell running these tests in the background
        # passes on an ignored SIGINT, which would make the command deaf to it
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    while not db.exists() or _stored(db) < 64:
        assert run.poll() is None
        time.sleep(0.5)
    os.killpg(run.pid, signal.SIGINT)  # as the terminal does: to the command and its workers
    err = run.communicate(timeout=120)[1]
    assert run.returncode == 130 and err.count("\n") == 1, err
    stored = _stored(db)
    assert err == f"eventwire: interrupted; {stored} new documents stored in {db} before the interruption\n"


def _stored(db) -> int:
    from eventwire.errors import StoreError
    from eventwire.store import Store

    try:
        with Store(db, read_only=True, wait=0.1) as store:
            return store.count()
    except StoreError:  # being written right now
        return 0


def test_a_store_damaged_after_it_opens_is_one_line(tmp_path, capsys):
    """A store cut short (a copy that did not finish): DuckDB opens it and fails half-way through a query."""
    whole = tmp_path / "whole.duckdb"
    source = tmp_path / "news.jsonl"
    rows = [json.dumps({"id": f"d{n}", "date": "2024-03-05", "text": f"Chile recalled envoy {n}."}) for n in range(300)]
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert main(["ingest", str(source), "--db", str(whole), "--workers", "1"]) == 0
    cut = tmp_path / "cut.duckdb"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    capsys.readouterr()
    assert main(["stats", "--db", str(cut)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"eventwire: the store {cut} cannot be read (") and err.count("\n") == 1, err


def test_output_that_cannot_be_written_is_one_line(tmp_path):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full (a device that is always full) here")
    text = tmp_path / "a.txt"
    text.write_text("Chile recalled its envoy.", encoding="utf-8")
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-c", "import sys; from eventwire.cli import main; sys.exit(main())", "code", str(text),
             "--date", "2024-03-05", "--workers", "1"],
            stdout=full, stderr=subprocess.PIPE, text=True, timeout=300,
        )  # fmt: skip
    assert result.returncode == 1 and result.stderr == "eventwire: cannot write the output (No space left on device)\n"
