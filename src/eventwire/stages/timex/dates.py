"""Calendar arithmetic for the resolver: ISO weeks, month steps, durations and the nearest year of a date.

Every value stays on the calendar a date can hold (the years 1-9999): a time past it ("3,000,000 days ago",
"next year" in a document dated 9999) is TimeML's PAST_REF or FUTURE_REF, never an error or a negative year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ...lang import add_months, shift
from .lexicon import UNITS


def ref(direction: float) -> str:
    """The vague reference of a direction: a time that cannot be placed on the calendar, but only before or after."""
    return "PAST_REF" if direction < 0 else "FUTURE_REF" if direction > 0 else "PRESENT_REF"


def beyond(year: int) -> str | None:
    """PAST_REF/FUTURE_REF for a year outside the years 1-9999 a date can hold, None for a year on the calendar."""
    return ref(-1) if year < dt.MINYEAR else ref(1) if year > dt.MAXYEAR else None


def days_from(today: dt.date, days: int) -> str:
    """The day ``days`` from the document date, or the vague reference of its direction past the calendar."""
    day = shift(today, days, "D")
    return day.isoformat() if day else ref(days)


def week(d: dt.date) -> str:
    """The ISO week a day lies in ("2024-W49")."""
    year, number, _ = d.isocalendar()
    return f"{year:04d}-W{number:02d}"


def date_index(month: int, day: int) -> Callable[[int], int | None]:
    """Year -> day number of that month/day in it (None for Feb 29 in a common year), for :func:`pick`."""

    def index(y: int) -> int | None:
        try:
            return dt.date(y, month, day).toordinal()
        except ValueError:
            return None

    return index


def pick(today_index: int, index_of_year, years: tuple[int, ...], tense: float, window: int) -> int | None:
    """The year putting a yearless date nearest the document date (None if it exists in none of ``years``, or in
    none on the side a clear tense points to: a February 29 only behind a future verb).

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
        best = min((c for c in candidates if c[0] >= today_index), key=cost, default=None)
    elif tense <= -1 and best[0] > today_index + window:
        best = min((c for c in candidates if c[0] <= today_index), key=cost, default=None)
    return best and best[1]


def weekday_date(today: dt.date, weekday: int, shift: int | None, tense: float) -> str:
    """Past tense: the latest such day on or before the document date; future: the first on or after ("this
    Thursday" too: in a past-tense report it is the one just gone)."""
    back = (today.isoweekday() - weekday) % 7
    ahead = (weekday - today.isoweekday()) % 7
    if shift == -1:
        return days_from(today, -(back or 7))
    if shift == 1:
        return days_from(today, ahead or 7)
    if tense > 0 or (shift == 0 and tense == 0):
        return days_from(today, ahead)
    return days_from(today, -back)


def calendar_unit(today: dt.date | None, unit: str, k: int, tense: float) -> str | None:
    """Value of the week/month/year/... ``k`` steps from the document date ("last week" is k=-1)."""
    if today is None:
        return ref(k)
    if unit == "day":
        return days_from(today, k)
    if unit in ("week", "fortnight", "weekend"):
        if unit == "weekend" and k == 0 and tense < 0 and today.isoweekday() < 6:
            k = -1  # "at the weekend" in a past-tense report: the one just gone
        day = shift(today, k, "W")
        return ref(k) if day is None else week(day) + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        y, m = add_months(today, k)
        return beyond(y) or f"{y:04d}-{m:02d}"
    if unit == "quarter":
        y, q = divmod(today.year * 4 + (today.month - 1) // 3 + k, 4)
        return beyond(y) or f"{y:04d}-Q{q + 1}"
    if unit in ("year", "decade", "century"):
        return years_from(today, k * {"year": 1, "decade": 10, "century": 100}[unit], unit)
    return None


def years_from(today: dt.date, years: int, unit: str) -> str:
    """The year, decade ("199") or century ("19") ``years`` years from the document date."""
    y = today.year + years
    return beyond(y) or {"year": f"{y:04d}", "decade": f"{y // 10:03d}", "century": f"{y // 100:02d}"}[unit]


def ago(today: dt.date | None, count: float | str | None, unit: str) -> str | None:
    """The day, week, month, ... ``count`` units before the document date ("three years ago")."""
    if today is None or not isinstance(count, float) or count != int(count):
        return "PAST_REF"
    k = int(count)
    if unit == "hour" and k < 24 or unit in ("minute", "second"):
        return today.isoformat()
    if unit == "hour":
        return days_from(today, -(k // 24))
    if unit == "fortnight":
        return calendar_unit(today, "week", -2 * k, -1)
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
            (time_part if sub[2] else date_part).append(f"{_decimal(fraction * sub[1])}{sub[0]}")
        else:  # a fraction of a second or of a month stays one: "PT0.5S", "P1.5M"
            (time_part if clock else date_part)[:] = [f"{_decimal(amount)}{letter}"]
    return "P" + "".join(date_part) + ("T" + "".join(time_part) if time_part else "")


def _decimal(number: float) -> str:
    """A number as ISO 8601 writes it: decimals, never an exponent ("1e+06" is no duration)."""
    return f"{round(number, 3):f}".rstrip("0").rstrip(".")
