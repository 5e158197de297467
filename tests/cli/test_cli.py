"""The command line as a whole: one line per user error, help for every option, workers that change nothing."""

import argparse
import json
import subprocess
import sys
from importlib import metadata, resources

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
    assert err == f"eventwire: no store at {db}: run `eventwire ingest ... --db {db}` first\n"
    assert not db.exists()  # a read command creates nothing


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
