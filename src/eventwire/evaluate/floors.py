"""The accuracy ratchet: per task, a fixed sample of the development set and a floor for a few figures.

The floors live in a JSON file in the repository (:data:`DEFAULT_FLOORS`), not in the installed package:
``{"TASK": {"limit": N, "FIGURE": floor, ...}, ...}``. ``tests/evaluate/test_ratchet.py`` fails when a figure
falls below its floor; ``eventwire eval --update-floors [--floors PATH]`` re-measures and raises them.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from ..errors import UserError

DEFAULT_FLOORS = Path(__file__).resolve().parents[3] / "tests" / "evaluate" / "floors.json"
TOLERANCE = 0.02  # a floor is the measured figure minus this, rounded down to 3 decimals


def floor_for(value: float, tolerance: float = TOLERANCE) -> float:
    """The ratchet floor for a measured figure: value − tolerance, rounded down to 3 decimals, ≥ 0."""
    return max(0.0, math.floor(round((value - tolerance) * 1000, 6)) / 1000)


def load_floors(path: str | Path = DEFAULT_FLOORS) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError(f"floors file not found: {path} (give one with --floors PATH)") from None
    except json.JSONDecodeError as e:
        raise UserError(f"floors file {path} is not valid JSON: {e}") from None


def save_floors(floors: dict, path: str | Path) -> None:
    Path(path).write_text(json.dumps(floors, indent=2) + "\n", encoding="utf-8")


def check_floors(task: str, report: dict, floors: dict) -> list[str]:
    """Messages for each figure below its floor, e.g. 'quad macro_f1 0.210 < floor 0.250'."""
    failures = []
    for name, floor in floors.items():
        if name == "limit":
            continue
        value = report["figures"].get(name)
        if value is None:
            failures.append(f"{task} {name} missing from the report (floor {floor:.3f})")
        elif value < floor:
            failures.append(f"{task} {name} {value:.3f} < floor {floor:.3f}")
    return failures


def raise_floors(floors: dict, figures: dict, allow_lower: bool = False) -> list[str]:
    """Set each floor of one task to its figure − tolerance, only upwards unless ``allow_lower``; returns one
    line per figure saying what changed."""
    lines = []
    for name, old in floors.items():
        if name == "limit":
            continue
        value, new = figures[name], floor_for(figures[name])
        if new < old and not allow_lower:
            change = f"{old:.3f} kept (--allow-lower to lower it)"
        else:
            floors[name], change = new, f"{old:.3f} -> {new:.3f}"
        lines.append(f"  {name:<28} measured {value:.3f}, floor {change}")
    return lines
