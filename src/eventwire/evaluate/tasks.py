"""The tasks `eventwire eval` knows: each one's development file, required gold fields, predictor and scorer.

A task module has ``predict(coded_json) -> prediction`` (one per record) and ``score(records, predictions) ->
(report, cases)``; a case is ``{"errors": int, "expected": [str], "predicted": [str]}`` for one record.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import actors, events, places, quad, quotes, timex


@dataclass(frozen=True)
class Task:
    dev_file: str
    fields: tuple[str, ...]
    predict: Callable[[dict], Any]
    score: Callable[[list, list], tuple[dict, list]]


TASKS = {
    name: Task(m.DEV_FILE, m.FIELDS, m.predict, m.score)
    for name, m in {
        "quad": quad,
        "actors": actors,
        "events": events,
        "quotes": quotes,
        "timex": timex,
        "places": places,
    }.items()
}
