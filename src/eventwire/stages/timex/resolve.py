"""Resolving a span's parts against the document date into a TIMEX3 type and value.

:func:`kind_of` names the kind of expression the parts make, by the first test of :data:`KINDS` they pass
(a repetition before a day, a day before a bare clock time, ...), and :data:`RESOLVERS` holds one function
per kind. A resolver returns None when the parts do not make a grounded time expression.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from spacy.tokens import Span

from ...lang import last_day_of_month
from .dates import ago, beyond, calendar_unit, date_index, days_from, duration, pick, ref, weekday_date
from .lexicon import DEADLINE_PREPS, DEICTIC, FUTURE_AUX, PLAN_VERBS, REPORTING, SEASON_ORDER, UNITS
from .read import Parts

Resolved = tuple[str, str] | None
Resolver = Callable[[Parts, dt.date | None, float], Resolved]


def tense(span: Span) -> float:
    """Where the verb the span modifies points: 1 future, 0.5 scheduled present, -1 past, 0 unknown.

    Only the verb the expression attaches to counts ("said on Friday", "will meet Friday"); an expression
    inside a noun phrase ("Friday's vote", "entry into NATO on Friday") says nothing, and a deadline
    preposition ("until Tuesday", "through January") leans to the future whatever the verb.
    """
    tok = span.root
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    if tok.dep_ == "pobj":
        if tok.head.lower_ in DEADLINE_PREPS:
            return 0.5
        tok = tok.head.head
    elif tok.dep_ in ("npadvmod", "advmod", "tmod", "obl"):
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return 0
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if not aux and tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX"):  # "will meet and vote on Friday"
        aux = [c for c in tok.head.children if c.dep_ in ("aux", "auxpass")]
    if tok.tag_ == "VBN" and any(a.lemma_ == "have" for a in aux):
        return -1
    if any(a.lower_ in FUTURE_AUX for a in aux):
        return 1
    if any(a.tag_ == "TO" for a in aux):  # "expected to meet", "is to meet"; not a purpose "to mark"
        return 1 if tok.head.lemma_ in PLAN_VERBS else 0
    if tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
        return -1
    if tok.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") for a in aux):
        return 1  # "are meeting on Friday"
    if tok.tag_ in ("VBZ", "VBP") and tok.lemma_ not in REPORTING or tok.tag_ == "VBN" and aux:
        return 0.5  # "talks begin Friday", "is expected in December"
    return 0


def resolve(span: Span, p: Parts, today: dt.date | None) -> Resolved:
    """(type, value) for the span's parts, or None when they do not make a grounded time expression."""
    return normalise(p, today, tense(span))


def normalise(p: Parts, today: dt.date | None, tense: float) -> Resolved:
    """:func:`resolve` once the verb's tense is read (the fuzz test feeds it parts directly): never an error,
    and every calendar value within the years 1-9999 (past them, PAST_REF or FUTURE_REF)."""
    if p.unit == "year" and p.count is None and p.year is None and (p.month or p.quarter or p.half or p.season):
        if today:  # "July last year", "the first half of this year", "the summer of next year"
            p.year = today.year + (p.shift or 0)
    kind = kind_of(p)
    return RESOLVERS[kind](p, today, tense) if kind else None


def _names_day(p: Parts) -> bool:
    return bool(p.month and p.day or p.weekday or p.deictic or p.pod and p.shift is not None and p.count is None)


# the kinds of expression, tested in this order
KINDS: list[tuple[str, Callable[[Parts], object]]] = [
    ("set", lambda p: p.set_word or p.every or p.per or p.weekday and p.weekday_plural),  # "weekly", "on Mondays"
    ("day", _names_day),  # "March 3", "Friday", "yesterday", "last night"; with a clock time on it
    ("clock", lambda p: p.hour is not None),  # "at 3 p.m.": on the document date
    ("ago", lambda p: p.ago and p.unit),  # "three years ago"
    ("month", lambda p: p.month),  # "March", "March 2023"
    ("quarter", lambda p: p.quarter or p.half),  # "the first quarter", "the second half of 2023"
    ("season", lambda p: p.season),  # "last summer"
    ("decade", lambda p: p.decade),  # "the 1990s", "the '90s"
    ("century", lambda p: p.century is not None),  # "the 20th century"
    ("year", lambda p: p.year and p.count is None),  # "in 2022", "fiscal 2023"
    ("unit", lambda p: p.unit),  # "two weeks", "last week", "the end of the month"
    ("vague", lambda p: p.vague),  # "recently", "the future"
]


def kind_of(p: Parts) -> str | None:
    return next((kind for kind, test in KINDS if test(p)), None)


def _set(p: Parts, today: dt.date | None, tense: float) -> Resolved:
    """ "every day", "weekly", "twice a year", "on Mondays", "every March"."""
    if p.set_word:
        return "SET", p.set_word
    if p.weekday:
        return "SET", f"XXXX-WXX-{p.weekday}" + (f"T{p.pod}" if p.pod else "")
    if p.month and p.day is None:
        return "SET", f"XXXX-{p.month:02d}"
    if p.season:
        return "SET", f"XXXX-{p.season}"
    if p.pod:
        return "SET", f"XXXX-XX-XXT{p.pod}"
    if p.unit in UNITS:
        count = p.count if isinstance(p.count, float) and not p.per else 1.0  # "three times a week": P1W
        return "SET", duration(count, p.unit)
    return None


def _day(p: Parts, today: dt.date | None, tense: float) -> Resolved:
    """A day, with a part of day or a clock time on it ("Friday morning", "at 3 p.m. yesterday").

    A day the month lacks ("June 31", "Feb. 30, 2024") leaves the month the writer named (README: impossible
    dates): rolling it over (July 1) or clamping it (June 30) would invent a day the text does not give.
    """
    value = _day_value(p, today, tense)
    if value is None and p.month and p.day:
        return _month(p, today, tense)
    if value is None:
        return None
    if p.hour is not None:
        anchor = "XXXX-XX-XX" if "REF" in value else value
        return "TIME", f"{anchor}T{p.hour:02d}:{p.minute:02d}"
    if p.pod and "REF" not in value:
        return "TIME", f"{value}T{p.pod}"
    return "DATE", value


def _day_value(p: Parts, today: dt.date | None, tense: float) -> str | None:
    if p.month and p.day:
        return _month_day(p, today, tense)
    if p.weekday:
        return weekday_date(today, p.weekday, p.shift, tense) if today else f"XXXX-WXX-{p.weekday}"
    if p.deictic:
        if p.deictic == "tonight":
            p.pod = "NI"
        return days_from(today, DEICTIC[p.deictic]) if today else ref(DEICTIC[p.deictic])
    # "this morning", "last night" ("next morning" is left alone)
    if p.shift == 1:
        return None
    if today:
        return days_from(today, -1 if p.shift == -1 and p.pod == "NI" else 0)
    return "PRESENT_REF"


def _month_day(p: Parts, today: dt.date | None, tense: float) -> str | None:
    """ "December 4, 2024"; "December 4" in the nearest year that has it (and whose December 4 is the weekday
    named with it: "Saturday, April 25"). None for a day the month lacks in that year (or in every year)."""
    if p.year is not None:
        if p.day > last_day_of_month(p.year, p.month):
            return None
        return beyond(p.year) or f"{p.year:04d}-{p.month:02d}-{p.day:02d}"
    if not today:
        return f"XXXX-{p.month:02d}-{p.day:02d}" if p.day <= last_day_of_month(2000, p.month) else None  # a leap year
    years = (today.year - 1, today.year, today.year + 1)
    index = date_index(p.month, p.day)
    if p.weekday:
        fits = [y for y in years if (i := index(y)) and dt.date.fromordinal(i).isoweekday() == p.weekday]
        years = (fits[0], fits[0], fits[0]) if len(fits) == 1 else years
    y = pick(today.toordinal(), index, years, tense, 61)
    return None if y is None else dt.date(y, p.month, p.day).isoformat()


def _clock(p: Parts, today: dt.date | None, tense: float) -> Resolved:
    return "TIME", f"{today.isoformat() if today else 'XXXX-XX-XX'}T{p.hour:02d}:{p.minute:02d}"


def _ago(p: Parts, today: dt.date | None, tense: float) -> Resolved:
    return "DATE", ago(today, p.count if p.count is not None else "X", p.unit)


def _month(p: Parts, today: dt.date | None, tense: float) -> Resolved:
    """ "March 2023"; "March", "last March": the nearest, or the one the shift points to."""
    if p.year is not None:
        return "DATE", beyond(p.year) or f"{p.year:04d}-{p.month:02d}"
    if not today:
        return "DATE", f"XXXX-{p.month:02d}"
    if p.shift == -1:
        y = today.year if p.month < today.month else today.year - 1
    elif p.shift == 1:
        y = today.year if p.month > today.month else today.year + 1
    elif p.shift == 0:
        y = today.year
    else:
        years = (today.year - 1, today.year, today.year + 1)
        y = pick(today.year * 12 + today.month, lambda y: y * 12 + p.month, years, tense, 2)
    return "DATE", beyond(y) or f"{y:04d}-{p.month:02d}"


def _quarter(p: Parts, today: dt.date | None, tense: float) -> Resolved:
    """Quarters and halves of a year: "Q3 2024", "the first half" (the nearest)."""
    period, n, per_year = ("Q", p.quarter, 4) if p.quarter else ("H", p.half, 2)
    if p.year is not None:
        return "DATE", beyond(p.year) or f"{p.year:04d}-{period}{n}"
    if not today:
        return "DATE", f"XXXX-{period}{n}"
    now = today.year * per_year + (today.month - 1) * per_year // 12
    y = pick(now, lambda y: y * per_year + n - 1, (today.year - 1, today.year, today.year + 1), tense, 0)
    return "DATE", beyond(y) or f"{y:04d}-{period}{n}"


def _season(p: Parts, today: dt.date | None, tense: float) -> Resolved:
    """ "the summer of 2023", "last winter", "in the spring" (the nearest, on the side the verb points to)."""
    if p.year is not None:
        return "DATE", beyond(p.year) or f"{p.year:04d}-{p.season}"
    if not today:
        return "DATE", {-1: "PAST_REF", 1: "FUTURE_REF"}.get(p.shift, f"XXXX-{p.season}")
    # December opens the next year's winter (WI is the year's first season)
    now = today.year * 4 + (today.month % 12) // 3 + 4 * (today.month == 12)
    target = SEASON_ORDER[p.season]
    side = p.shift if p.shift is not None else tense
    years = (today.year - 1, today.year, today.year + 1, today.year + 2)
    y = pick(now, lambda y: y * 4 + target, years, side, 0)
    if p.shift and y * 4 + target == now:  # "last summer" said in summer
        y += p.shift
    return "DATE", beyond(y) or f"{y:04d}-{p.season}"


def _decade(p: Parts, today: dt.date | None, tense: float) -> Resolved:
    """ "the 1990s"; "the '90s": the most recent such decade not after the document year; "the 1900s" is
    read as the century."""
    decade = p.decade
    if len(decade) == 1:
        if not today:
            return "DATE", f"XX{decade}"
        year = today.year // 100 * 100 + int(decade) * 10
        decade = str((year - 100 if year > today.year else year) // 10)
    if len(decade) != 3:
        return None
    if decade.endswith("0") and decade[:2] != "20":
        return "DATE", decade[:2]
    return "DATE", decade


def _century(p: Parts, today: dt.date | None, tense: float) -> Resolved:
    return "DATE", f"{p.century:02d}"  # "the 1st century" is 00, as the 20th is 19


def _year(p: Parts, today: dt.date | None, tense: float) -> Resolved:
    return "DATE", beyond(p.year) or f"{p.year:04d}"


def _unit(p: Parts, today: dt.date | None, tense: float) -> Resolved:
    """Durations ("two weeks", "the past year") and calendar units relative to the document date ("last week",
    "the end of the month", "at the weekend")."""
    if (p.count is not None or p.unit_plural) and p.unit in UNITS:
        return "DURATION", duration(p.count if p.count is not None else "X", p.unit)
    if p.shift and p.the and p.edge is None and p.unit not in ("quarter", "weekend"):
        return "DURATION", duration(1.0, p.unit)  # "the past year", "the next week" (but "the last quarter")
    value = None  # "this second": no calendar unit
    if p.shift is not None:
        value = calendar_unit(today, p.unit, p.shift, tense)
    elif p.edge in ("end", "beginning", "start", "middle") or p.unit == "weekend" and p.the:
        value = calendar_unit(today, p.unit, 0, tense)
    return ("DATE", value) if value else None


def _vague(p: Parts, today: dt.date | None, tense: float) -> Resolved:
    return "DATE", p.vague


RESOLVERS: dict[str, Resolver] = {
    "set": _set,
    "day": _day,
    "clock": _clock,
    "ago": _ago,
    "month": _month,
    "quarter": _quarter,
    "season": _season,
    "decade": _decade,
    "century": _century,
    "year": _year,
    "unit": _unit,
    "vague": _vague,
}
