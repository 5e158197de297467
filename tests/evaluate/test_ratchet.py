"""Ratchet: accuracy on fixed samples of the development sets must not fall below the floors in
``src/eventwire/eval_floors.json``.

Runs only where the development sets exist (``../shared/eval/dev`` beside the repository, or
``$EVENTWIRE_EVAL_DIR``). After a change that improves a figure, raise its floor with
``eventwire eval --update-floors`` and commit the new ``eval_floors.json`` with the change.
"""

import warnings

import pytest

from eventwire import evaluate as ev

DEV = ev.eval_dir()

if not DEV.is_dir():
    # a warning as well as the skip, so that the reason shows in plain `pytest -q` output
    REASON = f"accuracy ratchet skipped: development sets not found at {DEV} (set EVENTWIRE_EVAL_DIR to run it)"
    warnings.warn(REASON, UserWarning)
    pytest.skip(REASON, allow_module_level=True)

FLOORS = ev.load_floors()


@pytest.mark.parametrize("task", list(FLOORS))
def test_figures_stay_above_floors(task):
    floors = FLOORS[task]
    path = DEV / ev.TASKS[task].dev_file
    if not path.is_file():
        pytest.skip(f"ratchet {task} skipped: {path} not found")
    report, _ = ev.evaluate(task, path, floors["limit"])
    failures = ev.check_floors(task, report, floors)
    assert not failures, ("accuracy fell below the ratchet floor: " + "; ".join(failures)
                          + f" (first {floors['limit']} records of {path.name}; see docs/EVALUATION.md)")
