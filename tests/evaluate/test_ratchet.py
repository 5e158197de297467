"""Ratchet: accuracy on fixed samples of the development sets must not fall below the floors in
``floors.json`` beside this file (see docs/EVALUATION.md, "Ratchet").

Runs only where the development sets exist (``../shared/eval/dev`` beside the repository, or
``$EVENTWIRE_EVAL_DIR``). After a change that improves a figure, raise its floor with
``eventwire eval --update-floors`` and commit the new ``floors.json`` with the change.
"""

import warnings
from pathlib import Path

import pytest

from eventwire.evaluate import evaluate
from eventwire.evaluate.floors import check_floors, load_floors
from eventwire.evaluate.runner import eval_dir
from eventwire.evaluate.tasks import TASKS

pytestmark = pytest.mark.slow

DEV = eval_dir()
FLOORS = load_floors(Path(__file__).with_name("floors.json"))

if not DEV.is_dir():
    # a warning as well as the skip, so that the reason shows in plain `pytest -q` output
    REASON = f"accuracy ratchet skipped: development sets not found at {DEV} (set EVENTWIRE_EVAL_DIR to run it)"
    warnings.warn(REASON, UserWarning, stacklevel=1)
    pytest.skip(REASON, allow_module_level=True)


@pytest.mark.parametrize("task", list(FLOORS))
def test_figures_stay_above_floors(task):
    floors = FLOORS[task]
    path = DEV / TASKS[task].dev_file
    if not path.is_file():
        pytest.skip(f"ratchet {task} skipped: {path} not found")
    report, _ = evaluate(task, path, floors["limit"])
    failures = check_floors(task, report, floors)
    assert not failures, (
        "accuracy fell below the ratchet floor: "
        + "; ".join(failures)
        + f" (first {floors['limit']} records of {path.name}; see docs/EVALUATION.md)"
    )
