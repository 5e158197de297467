"""`eventwire eval` through the interface the CLI uses (``add_parser(sub)``, ``run(args)``), on files written
here, with the real pipeline."""

import argparse
import json

import pytest

from eventwire import evaluate
from eventwire.errors import UserError

SENTENCE = "Germany accused Russia of shelling Ukraine on Tuesday."


def parse(*argv):
    parser = argparse.ArgumentParser(prog="eventwire")
    evaluate.add_parser(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(["eval", *argv])


def events_file(path):
    germany, russia, accused = [0, 7], [16, 22], [8, 15]
    assert [SENTENCE[slice(*s)] for s in (germany, russia, accused)] == ["Germany", "Russia", "accused"]
    record = {
        "id": "e1",
        "text": SENTENCE,
        "date": "2024-05-02",
        "events": [
            {
                "source": ["DEU"],
                "target": ["RUS"],
                "plover": "ACCUSE",
                "modality": "asserted",
                "source_spans": [germany],
                "target_spans": [russia],
                "trigger": accused,
            }
        ],
    }
    path.write_text(json.dumps(record) + "\n")
    return path


def test_eval_events_on_a_tiny_file(tmp_path, capsys):
    out = tmp_path / "report.json"
    args = parse("events", str(events_file(tmp_path / "events.jsonl")), "--report", str(out), "--errors", "1")
    assert args.run(args) == 0
    report = json.loads(out.read_text())
    assert report["task"] == "events" and report["records"] == 1
    assert {"type_macro_f1", "dyad_f1", "events_per_gold", "modality_accuracy", "role_span_exact_f1"} <= set(
        report["figures"]
    )
    assert "failures" in capsys.readouterr().out


def test_update_floors_writes_the_file_given_by_path(tmp_path, monkeypatch, capsys):
    dev = tmp_path / "dev"
    dev.mkdir()
    events_file(dev / "events_dev.jsonl")
    monkeypatch.setenv("EVENTWIRE_EVAL_DIR", str(dev))
    path = tmp_path / "floors.json"
    path.write_text(json.dumps({"events": {"limit": 1, "dyad_f1": 0.0}}))
    args = parse("--update-floors", "--floors", str(path))
    assert args.run(args) == 0
    assert json.loads(path.read_text())["events"]["dyad_f1"] > 0  # the coder gets this plain sentence right
    assert str(path) in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv, message",
    [
        ((), "name a task"),
        (("quad", "/nonexistent/gold.jsonl"), "gold file not found"),
    ],
)
def test_user_errors(argv, message):
    args = parse(*argv)
    with pytest.raises(UserError, match=message):
        args.run(args)


def test_bad_gold_lines_name_the_line_and_record(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "r1", "text": "x", "label": 0}\n{"id": "r2", "text": "y"}\n')
    with pytest.raises(UserError, match=r"line 2 \(record r2\): missing label"):
        evaluate.evaluate("quad", bad)
    bad.write_text("not json\n")
    with pytest.raises(UserError, match="line 1: not JSON"):
        evaluate.evaluate("quad", bad)
