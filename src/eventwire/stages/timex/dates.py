"""Calendar arithmetic for the resolver: ISO weeks, month steps, durations and the nearest year of a date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ...lang import add_months
from .lexicon import UNITS


def week(d: dt.date) -> str:
    """The ISO week a day lies in ("2024-W49")."""
    year, number, _ = d.isocalendar()
    return f"{year}-W{number:02d}"


def date_index(month: int, day: int) -> Callable[[int], int | None]:
    """Year -> day number of that month/day in it (None for Feb 29 in a common year), for :func:`pick`."""

    def index(y: int) -> int | None:
        try:
            return dt.date(y, month, day).toordinal()
        except ValueError:
            return None

    return index


def pick(today_index: int, index_of_year, years: tuple[int, ...], tense: float, window: int) -> int | None:
    """The year putting a yearless date nearest the document date (None if it exists in none of ``years``).

    News leans to the past, so without a future verb a date ahead counts half again as far. A clear tense
    (will / past) overrides the nearest only when that is more than ``window`` steps on the wrong side:
    "extended the offer to Nov. 20" written on Nov. 2 is still this Nov. 20.
    """
    candidates = [(index, y) for y in years if (index := index_of_year(y)) is not None]
    if not candidates:
        return None

    def cost(c: tuple[int, int]) -> tuple[float, bool]:
        ahead = c[0] - today_index
        return (ahead * 1.5 if ahead > 0 and tense <= 0 else abs(ahead)), c[1] != years[1]

    best = min(candidates, key=cost)
    if tense >= 1 and best[0] < today_index - window:
        best = min((c for c in candidates if c[0] >= today_index), key=cost)
    elif tense <= -1 and best[0] > today_index + window:
        best = min((c for c in candidates if c[0] <= today_index), key=cost)
    return best[1]


def weekday_date(today: dt.date, weekday: int, shift: int | None, tense: float) -> dt.date:
    """Past tense: the latest such day on or before the document date; future: the first on or after."""
    back = (today.isoweekday() - weekday) % 7
    ahead = (weekday - today.isoweekday()) % 7
    if shift == -1:
        return today - dt.timedelta(days=back or 7)
    if shift == 1:
        return today + dt.timedelta(days=ahead or 7)
    if shift == 0 or tense > 0:
        return today + dt.timedelta(days=ahead)
    return today - dt.timedelta(days=back)


def calendar_unit(today: dt.date | None, unit: str, k: int, tense: float) -> str | None:
    """Value of the week/month/year/... ``k`` steps from the document date ("last week" is k=-1)."""
    if today is None:
        return {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}[max(-1, min(1, k))]
    if unit == "day":
        return (today + dt.timedelta(days=k)).isoformat()
    if unit in ("week", "fortnight"):
        return week(today + dt.timedelta(weeks=k))
    if unit == "weekend":
        if k == 0 and tense < 0 and today.isoweekday() < 6:
            k = -1  # "at the weekend" in a past-tense report: the one just gone
        return week(today + dt.timedelta(weeks=k)) + "-WE"
    if unit == "month":
        y, m = add_months(today, k)
        return f"{y:04d}-{m:02d}"
    if unit == "quarter":
        y, q = divmod(today.year * 4 + (today.month - 1) // 3 + k, 4)
        return f"{y:04d}-Q{q + 1}"
    if unit == "year":
        return f"{today.year + k:04d}"
    if unit == "decade":
        return str(today.year // 10 + k)
    if unit == "century":
        return str(today.year // 100 + k)
    return None


def ago(today: dt.date | None, count: float | str | None, unit: str) -> str | None:
    """The day, week, month, ... ``count`` units before the document date ("three years ago")."""
    if today is None or not isinstance(count, float) or count != int(count):
        return "PAST_REF"
    k = int(count)
    if unit == "hour" and k < 24 or unit in ("minute", "second"):
        return today.isoformat()
    if unit == "hour":
        return (today - dt.timedelta(days=k // 24)).isoformat()
    if unit == "day":
        return (today - dt.timedelta(days=k)).isoformat()
    if unit == "fortnight":
        return week(today - dt.timedelta(weeks=2 * k))
    if unit == "decade":
        return str((today.year - 10 * k) // 10)
    if unit == "century":
        return str((today.year - 100 * k) // 100)
    return calendar_unit(today, unit, -k, -1)


# a fraction of (letter, is clock) moves into (smaller letter, how many make one, is clock)
_SMALLER = {("Y", False): ("M", 12, False), ("D", False): ("H", 24, True), ("H", True): ("M", 60, True),
            ("M", True): ("S", 60, True)}  # fmt: skip


def duration(count: float | str, unit: str) -> str:
    """ISO 8601 duration; a fraction moves into the next smaller unit ("2 1/2 years" is P2Y6M)."""
    letter, clock, size = UNITS[unit]
    if not isinstance(count, float):
        letter = {"decade": "DE", "century": "CE"}.get(unit, letter)
        return f"PT{count}{letter}" if clock else f"P{count}{letter}"
    amount = count * size
    if letter == "W" and amount != int(amount):
        letter, amount = "D", amount * 7
    date_part: list[str] = []
    time_part: list[str] = []
    whole, fraction = int(amount), amount - int(amount)
    if whole or not fraction:
        (time_part if clock else date_part).append(f"{whole}{letter}")
    if fraction:
        if sub := _SMALLER.get((letter, clock)):
            (time_part if sub[2] else date_part).append(f"{fraction * sub[1]:g}{sub[0]}")
        else:
            date_part = [f"{amount:g}{letter}"]
    return "P" + "".join(date_part) + ("T" + "".join(time_part) if time_part else "")
