"""Reading a candidate span, token by token, into its parts: month, day, count, unit, "last"/"next", ...

Each kind of token has its reader; :data:`READERS` tries them in order on the current token, and the first
that knows the token records it and says how many tokens it took. A reader raises :class:`NotTime` when the
token rules out a time reading of the whole span ("Theresa May", "a second round", "prices fall").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .lexicon import (
    AMPM,
    BARE_MONTH_UNSAFE,
    CLOCK_WORDS,
    DAY_RE,
    DAY_WORDS,
    DEICTIC,
    EDGES,
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    PREPS,
    SEASONS,
    SET_WORDS,
    SHIFTS,
    SMALL_NUMBERS,
    TENS,
    UNIT_WORDS,
    VAGUE,
    VAGUE_COUNTS,
    WEEKDAYS,
    YEAR_RE,
    ZONES,
)


@dataclass
class Parts:
    """What a span says, part by part; the resolver turns it into a TIMEX3 type and value."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    weekday_plural: bool = False
    pod: str | None = None
    hour: int | None = None
    minute: int = 0
    count: float | str | None = None  # a number, or "X" for "several", "few", "recent"
    unit: str | None = None
    unit_plural: bool = False
    ordinal: int | None = None
    quarter: int | None = None
    half: int | None = None
    shift: int | None = None
    the: bool = False
    ago: bool = False
    every: bool = False
    per: bool = False  # "twice a year"
    set_word: str | None = None
    deictic: str | None = None
    vague: str | None = None
    season: str | None = None
    decade: str | None = None
    century: int | None = None
    edge: str | None = None


class NotTime(Exception):
    """A token rules out a time reading of the span."""


class Cursor:
    """The span's tokens, the position of the reader, and the parts read so far."""

    def __init__(self, span: Span):
        self.tokens = list(span)
        self.words = [t.lower_ for t in self.tokens]
        self.i = 0
        self.parts = Parts()

    @property
    def token(self) -> Token:
        return self.tokens[self.i]

    @property
    def word(self) -> str:
        return self.words[self.i]

    def at(self, offset: int) -> str:
        """The word ``offset`` tokens from the current one ("" outside the span)."""
        j = self.i + offset
        return self.words[j] if 0 <= j < len(self.words) else ""


def _number(words: list[str]) -> float | None:
    """Digits ("24", "1,000", "2 1/2") or English number words ("twenty four", "a hundred")."""
    total = current = 0.0
    for i, w in enumerate(words):
        if re.fullmatch(r"\d+(?:,\d{3})*(?:\.\d+)?", w):
            current += float(w.replace(",", ""))
        elif m := re.fullmatch(r"(\d+)/(\d+)", w):
            current += int(m.group(1)) / int(m.group(2)) if int(m.group(2)) else 0
        elif w in SMALL_NUMBERS:
            current += SMALL_NUMBERS[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w in ("thousand", "million"):
            total += max(current, 1) * (1000 if w == "thousand" else 1_000_000)
            current = 0
        elif w in ("a", "an") and i == 0:
            current = 1
        elif w == "dozen":
            current = max(current, 1) * 12
        elif w not in ("-", "and"):
            return None
    return total + current


def _ordinal(word: str) -> int | None:
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)", word)
    return int(m.group(1)) if m else ORDINALS.get(word)


# --- one reader per kind of token: each returns the number of tokens it took, or None if not its kind ------


def _refuse_names(c: Cursor) -> None:
    """A month or weekday inside another entity: "Theresa May", "the Sunday Times"."""
    if (c.word in MONTHS or c.word in WEEKDAYS) and c.token.ent_type_ not in ("", "DATE", "TIME"):
        raise NotTime


def _iso_date(c: Cursor) -> int | None:
    """ "2024-12-04", which the tokenizer splits into five tokens."""
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", "".join(c.words[c.i : c.i + 5])):
        c.parts.year, c.parts.month, c.parts.day = _calendar_numbers(*(int(g) for g in m.groups()))
        return 5
    return None


def _calendar_numbers(year: int, month: int, day: int) -> tuple[int, int, int]:
    """A written year, month and day, unless no calendar has them: "2024-13-01", "0000-01-01" (a placeholder:
    there is no year 0) and "5/45/2024" are not dates. A day some month has is kept: the resolver decides."""
    if year < 1 or not 1 <= month <= 12 or not 1 <= day <= 31:
        raise NotTime
    return year, month, day


def _calendar_name(c: Cursor) -> int | None:
    """Slash dates and the names of months, weekdays, seasons, parts of day, days, repetitions and hours."""
    p, w = c.parts, c.word
    if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", w):
        a, b, year = (int(g) for g in m.groups())
        p.year, p.month, p.day = _calendar_numbers(year, *((a, b) if a <= 12 else (b, a)))  # US order unless a > 12
    elif w in MONTHS and p.month is None:
        p.month = MONTHS[w]
    elif w in WEEKDAYS:
        p.weekday, p.weekday_plural = WEEKDAYS[w], w.endswith("s")
    elif w in SEASONS:
        if c.token.pos_ not in ("NOUN", "PROPN"):
            raise NotTime  # "prices fall", "spring into action"
        p.season = SEASONS[w]
    elif w in PARTS_OF_DAY:
        p.pod = PARTS_OF_DAY[w]
    elif w in DEICTIC:
        p.deictic = w
    elif w in SET_WORDS:
        p.set_word = SET_WORDS[w]
    elif w in CLOCK_WORDS:
        p.hour, p.minute = CLOCK_WORDS[w]
    else:
        return None
    return 1


def _repetition(c: Cursor) -> int | None:
    """ "every", "each"; "times/once/twice a|per|each", which takes the next word too."""
    if c.word in ("every", "each"):
        c.parts.every = True
        return 1
    if c.word in ("times", "once", "twice") and c.at(1) in ("a", "per", "each"):
        c.parts.per = True
        return 2
    return None


def _half_ago_the(c: Cursor) -> int | None:
    """ "half an hour", "a year and a half", "ago" (or a closing "earlier" after a unit), "the"."""
    p, w = c.parts, c.word
    if w == "half" and p.count is None and c.at(1) in ("a", "an"):
        p.count = 0.5
    elif w == "half" and c.at(-1) == "a" and isinstance(p.count, float):
        p.count += 0.5
    elif w == "ago" or (w == "earlier" and not c.at(1) and p.unit):  # "a year earlier" = "a year ago"
        p.ago = True
    elif w == "the":
        p.the = True
    else:
        return None
    return 1


def _period_of_year(c: Cursor) -> int | None:
    """ "Q3", "the first quarter", "the second half", "the 19th century"."""
    p, w = c.parts, c.word
    if w in ("q1", "q2", "q3", "q4"):
        p.quarter = int(w[1])
    elif (o := _ordinal(w)) is not None and c.at(1) in ("quarter", "half", "-", "century", "centuries"):
        p.ordinal = o
    elif w in ("quarter", "half") and p.ordinal is not None and p.count is None:
        if p.ordinal > (4 if w == "quarter" else 2):
            raise NotTime
        p.quarter, p.half = (p.ordinal, None) if w == "quarter" else (None, p.ordinal)
    elif w in ("century", "centuries") and p.ordinal:
        p.century = p.ordinal - 1
    else:
        return None
    return 1


def _unit(c: Cursor) -> int | None:
    p, w = c.parts, c.word
    if w not in UNIT_WORDS:
        return None
    if w.startswith(("second", "quarter")) and (p.count is None or c.at(-1) in ("a", "an", "-")):
        raise NotTime  # "a second round", "the second day", "fell by a quarter", "three-quarters"
    p.unit, p.unit_plural = UNIT_WORDS[w], w != UNIT_WORDS[w]
    return 1


def _decade_or_year(c: Cursor) -> int | None:
    """ "the 1990s", "2022" (not before a unit: "2022 troops" is a count)."""
    p, w = c.parts, c.word
    if m := re.fullmatch(r"(?:mid-)?(\d{1,3})0s", w):
        p.decade = m.group(1)
        return 1
    if (m := re.fullmatch(r"([01]\d|2[0-3])([0-5]\d)", w)) and c.at(1) in ZONES:
        p.hour, p.minute = int(m.group(1)), int(m.group(2))  # "1500 GMT": a 24-hour clock
        return 1
    if re.fullmatch(YEAR_RE, w) and c.at(1) not in UNIT_WORDS:
        year = int(w[-4:])
    elif c.at(-1) == "year" and re.fullmatch(r"\d{4,}", w):  # "the year 3000", "the year 10000": not a count
        year = int(w) if len(w) < 10 else dt.MAXYEAR + 1  # (int() refuses thousands of digits)
    else:
        return None
    if p.year is not None or year < 1:
        raise NotTime  # "between 1994 and 1997": two dates, left to the patterns that split them; "year 0000"
    p.year = year
    return 1


def _day_of_month(c: Cursor) -> int | None:
    """A day number beside a month: "March 3", "3 March", "the 3rd of March"."""
    p, w = c.parts, c.word
    beside_month = c.at(-1) in MONTHS or c.at(1) in MONTHS or c.at(1) == "of" and c.at(2) in MONTHS
    if re.fullmatch(DAY_RE, w) and p.day is None and beside_month:
        p.day = int(re.match(r"\d+", w).group())
        return 1
    return None


def _clock_time(c: Cursor) -> int | None:
    """ "3 p.m.", "3:30 pm", "9 o'clock", "15:30"."""
    p, w, nxt = c.parts, c.word, c.at(1)
    if (m := re.fullmatch(r"(\d{1,2})(?:[:.]([0-5]\d))?", w)) and (nxt in AMPM or nxt == "o'clock"):
        p.hour = int(m.group(1)) % 12 + AMPM.get(nxt, 0)
        p.minute = int(m.group(2) or 0)
        return 2
    if m := re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", w):
        p.hour, p.minute = int(m.group(1)), int(m.group(2))
        if nxt in AMPM:
            p.hour = p.hour % 12 + AMPM[nxt]
            return 2
        return 1
    return None


def _modifier(c: Cursor) -> int | None:
    """Vague references ("recently", "the past"), shifts ("last", "next"), edges ("early", "mid-"), vague
    counts ("several"); an ordinal before a count ("the first nine months") is passed over."""
    p, w = c.parts, c.word
    if w in VAGUE and (w not in SHIFTS or c.i == len(c.words) - 1):
        p.vague = VAGUE[w]  # "the past" (but "the past week" is a shift)
    elif w in SHIFTS and p.shift is None:
        p.shift = SHIFTS[w]
    elif w in EDGES or w.startswith("mid-"):
        p.edge = w
    elif w in VAGUE_COUNTS or w == "recent":
        p.count = "X"
    elif _ordinal(w) is None:
        return None
    return 1


def _count(c: Cursor) -> int | None:
    """A number of one or more tokens ("24", "twenty-four", "a dozen"); the first one read is the count."""
    if not (c.token.like_num or c.word in ("a", "an")):
        return None
    tokens, words, j = c.tokens, c.words, c.i
    numeric = lambda k: tokens[k].like_num or words[k] in ("a", "an", "-", "dozen", "and")
    while j < len(words) and numeric(j) and _ordinal(words[j]) is None:
        j += 1
    while j > c.i + 1 and words[j - 1] in ("-", "and"):
        j -= 1
    value = _number(words[c.i : j])
    if value is not None and c.parts.count is None:
        # a float holds every whole number only up to 2**53: past it, a count of unspecified size ("PXY")
        c.parts.count = value if value < 2**53 else "X"
    return j - c.i


# in this order: an earlier reader wins a token a later one would also take ("second" is a unit after a count)
READERS: list[Callable[[Cursor], int | None]] = [
    _iso_date,
    _calendar_name,
    _repetition,
    _half_ago_the,
    _period_of_year,
    _unit,
    _decade_or_year,
    _day_of_month,
    _clock_time,
    _modifier,
    _count,
]


def _step(c: Cursor) -> int:
    """Read the current token with the first reader that knows it; the number of tokens taken."""
    for reader in READERS:
        taken = reader(c)
        if taken is not None:
            return taken
    return 1


def read(span: Span) -> Parts | None:
    """The span's parts, or None when a token rules out a time reading (a name, an age, "a second round")."""
    c = Cursor(span)
    try:
        while c.i < len(c.words):
            _refuse_names(c)
            c.i += _step(c)
    except NotTime:
        return None
    if c.parts.month and c.parts.day is None and c.parts.year is None and not c.parts.every:
        if not _month_alone(span):
            return None
    return c.parts


def _month_alone(span: Span) -> bool:
    """Whether a month with no day or year beside it is a month: "may", "march", "Jan" alone are words or
    names more often than months, and "April Johnson" or "May Day" are names."""
    doc = span.doc
    tok = next(t for t in span if t.lower_ in MONTHS)
    before = doc[tok.i - 1].lower_ if tok.i else ""
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if tok.tag_ != "NNP" or tok.lower_ in BARE_MONTH_UNSAFE and before not in PREPS | set(SHIFTS) | EDGES:
        return False
    return not (after is not None and after.pos_ == "PROPN" and after.is_title and after.lower_ not in DAY_WORDS)


def not_time(span: Span, p: Parts) -> bool:
    """Spans that look like time but are not: ages ("45-year-old"), counted things ("1998 troops"), "the fall of"."""
    doc = span.doc
    after = [t.lower_ for t in doc[span.end : span.end + 2]]
    if p.unit and (after[:1] == ["old"] or after == ["-", "old"] or span[-1].lower_ == "old"):
        return True
    if p.season and not p.year and after[:1] == ["of"]:
        return True
    if p.edge and p.unit_plural and p.count is None:
        return True  # "the early hours (of Sunday)" is a part of a day, not a duration
    if p.vague and span[-1].lower_ == "past" and span.end < len(doc):
        nxt = doc[span.end]
        if nxt.like_num or nxt.lower_ in SEASONS or nxt.lower_ in UNIT_WORDS:
            return True  # "the past three summers" is not "the past"
    if p.year and len(span) == 1:
        tok = span[0]
        return tok.dep_ == "nummod" and tok.head.tag_ == "NNS" and tok.head.lower_ not in UNIT_WORDS
    return False
