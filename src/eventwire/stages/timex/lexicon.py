"""The time stage's words, read from the TSV files beside this module (see README.md), and the numerals.

Each table is a plain dict or set keyed by the lower-case word, so the reader and the resolver test words
with one look-up. Numerals (days, years, clock times) are generated here: they are ranges, not word lists.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from ...tables import read_tsv

DATA = Path(__file__).parent


def _word_classes() -> dict[str, list[dict[str, str]]]:
    rows: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in read_tsv(DATA / "words.tsv"):
        rows[row["class"]].append(row)
    return dict(rows)


_WORDS = _word_classes()


def words(word_class: str) -> set[str]:
    """The words of a class of words.tsv (a KeyError names a class the file lacks)."""
    return {row["word"] for row in _WORDS[word_class]}


def values(word_class: str, convert=str) -> dict:
    """Word -> value for a class of words.tsv."""
    return {row["word"]: convert(row["value"]) for row in _WORDS[word_class]}


def _clock(value: str) -> tuple[int, int]:
    hour, minute = value.split(":")
    return int(hour), int(minute)


_MONTH_ROWS = read_tsv(DATA / "months.tsv")
MONTHS = {row["word"]: int(row["month"]) for row in _MONTH_ROWS}
# a month word that is more often something else ("may", "march", "Jan") when no day or year comes with it
BARE_MONTH_UNSAFE = {row["word"] for row in _MONTH_ROWS if row["alone"] != "yes"}

_UNIT_ROWS = read_tsv(DATA / "units.tsv")
# unit -> (ISO 8601 duration letter, is a clock unit, size in that letter); "weekend" has no duration
UNITS = {row["unit"]: (row["letter"], row["clock"] == "yes", int(row["size"])) for row in _UNIT_ROWS if row["letter"]}
UNIT_WORDS = {word: row["unit"] for row in _UNIT_ROWS for word in (row["unit"], row["plural"])}

WEEKDAYS = values("weekday", int)
SEASONS = values("season")
SEASON_ORDER = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}  # position in the year, winter counted at its start
PARTS_OF_DAY = values("part_of_day")
SMALL_NUMBERS = values("number", int)
TENS = values("tens", int)
ORDINALS = values("ordinal", int)
VAGUE_COUNTS = words("vague_count")
SHIFTS = values("shift", int)
EDGES = words("edge")
DEICTIC = values("deictic", int)
SET_WORDS = values("set")
VAGUE = values("vague")
ZONES = words("zone")
AMPM = values("ampm", int)
CLOCK_WORDS = values("clock_word", _clock)
PREPS = words("prep")
LEFT_CONTEXT = PREPS | words("context")  # trimmed off a match's edges
DEADLINE_PREPS = words("deadline_prep")
PLAN_VERBS = words("plan_verb")
FUTURE_AUX = words("future_aux")
REPORTING = words("reporting")

DAY_WORDS = set(MONTHS) | set(WEEKDAYS) | set(DEICTIC)  # a clock time naming one of these is already anchored
YEAR_RE = r"^(?:mid-)?(?:1\d|20)\d\d$"
DAY_RE = r"^(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?$"

_SUFFIX = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}


def _numerals() -> dict[str, list[str]]:
    """The families of numerals that classes.tsv names (``@day_number`` ...)."""
    suffix = lambda d: _SUFFIX.get(d, "th")
    return {
        "day_number": [f"{d}{s}" for d in range(1, 32) for s in ("", suffix(d))] + [f"0{d}" for d in range(1, 10)],
        "ordinal_number": [f"{d}{suffix(d)}" for d in range(1, 32)],
        "month_number": [str(m) for m in range(1, 13)] + [f"0{m}" for m in range(1, 10)],
        "year_number": [f"{prefix}{y}" for y in range(1000, 2100) for prefix in ("", "mid-")],
        "decade_number": [f"{prefix}{y}s" for y in range(1000, 2100, 10) for prefix in ("", "mid-")],
        "short_decade": [f"{d}0s" for d in range(10)],
        "hour": [str(h) for h in range(1, 13)]
        + [f"{h}{sep}{m:02d}" for h in range(1, 13) for m in range(60) for sep in ":."],
        "clock_time": [f"{h}:{m:02d}" for h in range(24) for m in range(60)]
        + [f"0{h}:{m:02d}" for h in range(10) for m in range(60)],
        "hhmm": [f"{h:02d}{m:02d}" for h in range(24) for m in range(60)],
    }


def word_lists() -> dict[str, list[str]]:
    """Every named word list a token class may draw on: the classes of words.tsv, months, units, numerals."""
    lists = {name: [row["word"] for row in rows] for name, rows in _WORDS.items()}
    lists.update(month=list(MONTHS), unit=list(UNIT_WORDS), **_numerals())
    return lists
