"""The ratchet's floors file: reading, checking, raising; and that it names real tasks and figures."""

import json

import pytest

from eventwire.errors import UserError
from eventwire.evaluate import floors
from eventwire.evaluate.tasks import TASKS

FLOORS = floors.DEFAULT_FLOORS


def test_default_floors_file_is_in_the_repository_tests_not_the_package():
    assert FLOORS.is_file() and FLOORS.parent.name == "evaluate" and FLOORS.parent.parent.name == "tests"


def test_floor_is_figure_minus_tolerance_rounded_down():
    assert floors.floor_for(0.5) == 0.48
    assert floors.floor_for(0.4567) == 0.436
    assert floors.floor_for(0.01) == 0.0


def test_check_floors_names_task_and_figure():
    report = {"figures": {"macro_f1": 0.21, "accuracy": 0.5}}
    assert floors.check_floors("quad", report, {"limit": 10, "macro_f1": 0.25, "accuracy": 0.4}) == [
        "quad macro_f1 0.210 < floor 0.250"
    ]
    assert "missing" in floors.check_floors("quad", report, {"f1": 0.1})[0]


def test_raise_floors_only_upwards_unless_allowed():
    spec = {"limit": 5, "a": 0.5, "b": 0.5}
    lines = floors.raise_floors(spec, {"a": 0.9, "b": 0.3})
    assert spec == {"limit": 5, "a": 0.88, "b": 0.5} and "kept" in lines[1]
    floors.raise_floors(spec, {"a": 0.9, "b": 0.3}, allow_lower=True)
    assert spec["b"] == 0.28


def test_floors_file_given_by_path(tmp_path):
    path = tmp_path / "floors.json"
    floors.save_floors({"events": {"limit": 3, "dyad_f1": 0.1}}, path)
    assert floors.load_floors(path) == {"events": {"limit": 3, "dyad_f1": 0.1}}
    with pytest.raises(UserError, match="not found"):
        floors.load_floors(tmp_path / "none.json")
    (tmp_path / "bad.json").write_text("{")
    with pytest.raises(UserError, match="not valid JSON"):
        floors.load_floors(tmp_path / "bad.json")


def test_floors_file_names_real_tasks_and_figures():
    """Every floor refers to a task and to a figure its scorer reports on an empty record; events is guarded."""
    empty = {
        "quad": {"label": 0},
        "actors": {"text": "", "spans": []},
        "events": {"text": "", "events": []},
        "quotes": {"text": "", "attributions": []},
        "timex": {"text": "", "timexes": []},
        "places": {"text": "", "toponyms": []},
    }
    no_prediction = {
        "quad": None,
        "actors": {"mention": [], "role_span": [], "filled": 0, "from_role_span": 0},
        "events": {"events": [], "mentions": []},
    }
    table = json.loads(FLOORS.read_text())
    assert "events" in table
    for task, spec in table.items():
        assert isinstance(spec["limit"], int) and spec["limit"] > 0
        report, _ = TASKS[task].score([empty[task]], [no_prediction.get(task, [])])
        assert set(spec) - {"limit"} <= set(report["figures"]), task
        assert all(0 < v <= 1 for k, v in spec.items() if k != "limit"), task
