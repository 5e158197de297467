"""Small helpers several stages share: accent folding, dates, distances, and the clause structure of a parse.

They live here once so that every stage folds names, parses dates and reads a clause the same way.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import math
import re
import typing
import unicodedata

if typing.TYPE_CHECKING:  # the date and distance helpers serve commands that load no NLP
    from spacy.tokens import Doc, Token

EARTH_DIAMETER_KM = 12742.0  # twice the mean radius, 6371 km
SUBJECTS = frozenset({"nsubj", "csubj"})  # dependency labels of a clause's subject
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
TIMES = frozenset({"DATE", "TIME"})  # entity labels of times: "in August" is no place, "since early March" no march


def entity_start(token: Token) -> int:
    """The index of the first token of the named entity a token is inside (its own index outside one)."""
    start = token.i
    while start > 0 and token.doc[start].ent_iob_ == "I":
        start -= 1
    return start


def text_of(doc: Doc) -> str:
    """The document's text, joined once: spaCy's ``Doc.text`` joins every token anew on each access, which was a
    fifth of the stages' time on long articles."""
    text = doc.user_data.get("eventwire_text")
    if text is None:
        text = doc.user_data["eventwire_text"] = doc.text
    return text


def fold(text: str) -> str:
    """Case- and accent-insensitive form of a name: "Erdoğan" and "erdogan" meet."""
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text.casefold()


def abbreviates(short: str, words: str) -> bool:
    """Whether an acronym's letters begin the words and follow in them in order ("ROK", "Republic of Korea";
    "NTSB", "National Transportation Safety Board")."""
    letters = iter(words.upper())
    return words[:1] == short[:1] and all(letter in letters for letter in short)


def latin(text: str) -> bool:
    """Whether a name is written in Latin letters: the English model reads no other script, so what it tags in a
    quoted Hindi or Russian passage is no name."""
    return any("a" <= c <= "z" for c in fold(text))


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return EARTH_DIAMETER_KM * math.asin(min(1.0, math.sqrt(h)))


def iso_date(value) -> dt.date | None:
    """A date from a date, a datetime or an ISO string ("2024-12-04", "2024-12-04T10:00Z"); None for nothing.

    Raises ValueError for anything else, so that a caller can name the document and the bad value.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"date {value!r} is not YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        shaped = re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()[:10])
        problem = "is no day of the calendar" if shaped else "is not YYYY-MM-DD"
        raise ValueError(f"date {value!r} {problem}") from None


def add_months(day: dt.date, months: int) -> tuple[int, int]:
    """(year, month) ``months`` calendar months from the month of ``day``; the year may lie past 1-9999 (the
    caller decides what that means: no deadline, or a PAST_REF/FUTURE_REF time)."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return year, month + 1


_FIRST_DAY, _LAST_DAY = dt.date.min.toordinal(), dt.date.max.toordinal()


def shift(day: dt.date, n: int, unit: str) -> dt.date | None:
    """``day`` moved by ``n`` days (D), weeks (W), months (M) or years (Y); a month end stays in its month
    (31 January + 1 month = 29 February in a leap year). None past the years 1-9999 a date can hold: a text may
    say "within 8000 years" or "3,000,000 days ago", and no document should fail on it."""
    if unit in ("D", "W"):
        ordinal = day.toordinal() + n * (7 if unit == "W" else 1)
        return dt.date.fromordinal(ordinal) if _FIRST_DAY <= ordinal <= _LAST_DAY else None
    year, month = add_months(day, n * (12 if unit == "Y" else 1))
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        return None
    return dt.date(year, month, min(day.day, last_day_of_month(year, month)))


def last_day_of_month(year: int, month: int) -> int:
    """28 to 31 (for any year: 9999 has a December too)."""
    return calendar.monthrange(year, month)[1]


def last_day(value: str) -> dt.date:
    """The last day an ISO value allows: "2025-01-20" → that day, "2025-01" → 31 January, "2025" → 31 December.

    Raises ValueError naming the value for anything else ("2025-02-30", "0000", "PAST_REF"), like :func:`iso_date`.
    """
    if m := re.fullmatch(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", value):
        year, month = int(m[1]), int(m[2] or 12)
        with contextlib.suppress(ValueError):  # no such year, month or day
            return dt.date(year, month, int(m[3]) if m[3] else last_day_of_month(year, month))
    raise ValueError(f"{value!r} is not a calendar date, month or year")


WEEK = re.compile(r"(\d{4})-W(\d\d)(-WE)?")
QUARTER = re.compile(r"(\d{4})-Q([1-4])")
CALENDAR = re.compile(r"\d{4}(-\d\d){0,2}")
PRECISIONS = ("day", "week", "month", "quarter", "year")  # the periods :func:`period` knows, shortest first


def period(value) -> tuple[dt.date, str] | None:
    """(first day, precision) of the period an ISO 8601 value names: a day (of a date-time too), an ISO week (its
    weekend "-WE" from the Saturday), a month, a quarter or a year; precision is one of ``PRECISIONS``. None for
    anything else (a season, a decade, PAST_REF, a duration) or nothing, where a caller uses the document's date
    instead: a data format, a date filter or a time series wants one calendar day per event."""
    if isinstance(value, dt.date):
        return value, "day"
    if not value:
        return None
    value = value.partition("T")[0]  # the day of a date-time ("2024-12-04T10:00", "2024-12-04TEV")
    try:
        if m := WEEK.fullmatch(value):
            return dt.date.fromisocalendar(int(m[1]), int(m[2]), 6 if m[3] else 1), "week"
        if m := QUARTER.fullmatch(value):
            return dt.date(int(m[1]), 3 * int(m[2]) - 2, 1), "quarter"
        if CALENDAR.fullmatch(value):
            return dt.date.fromisoformat((value + "-01-01")[:10]), ("year", "month", "day")[value.count("-")]
    except ValueError:  # no such week or day, or the year 0000
        return None
    return None


def period_start(value) -> dt.date | None:
    """The first day of the period an ISO 8601 value names (see :func:`period`), or None."""
    found = period(value)
    return found[0] if found else None


def clause_verb(token: Token) -> Token:
    """The verb heading the clause a token belongs to (the sentence root if none)."""
    current = token
    while current.pos_ not in {"VERB", "AUX"} and current.head != current:
        current = current.head
    return current


GAP_ADVERBIALS = {"day", "time", "year", "week", "month", "night", "moment", "place", "way", "reason"}
CLAUSE_OBJECTS = {"dobj", "dative", "attr", "oprd", "xcomp", "ccomp"}  # what a verb's own object may be


def zero_relative(verb: Token) -> bool:
    """A relative clause with no relative word: "the drone [it seized]" (not "the drone that it seized", "charges
    that it tortured")."""
    return verb.dep_ == "relcl" and not any(c.tag_.startswith("W") or c.dep_ == "mark" for c in verb.children)


def object_gap(verb: Token) -> bool:
    """A relative clause with no relative word whose object is the noun it qualifies: "the drone [it seized]",
    "the determination [the minister demonstrated]" (not "the day [they demonstrated]")."""
    head = verb.head
    when = head.ent_type_ in {"DATE", "TIME"} or head.lemma_.lower() in GAP_ADVERBIALS
    own = any(c.dep_ in CLAUSE_OBJECTS or c.dep_ in PASSIVE_SUBJECTS for c in verb.children)
    return zero_relative(verb) and not own and not when and any(c.dep_ == "nsubj" for c in verb.children)


def misread_subject(verb: Token) -> Token | None:
    """The subject the tagger took for a verb, which makes the real verb a modifier of its object: "ECOWAS
    imposed sanctions" parsed as an "-ing" root ("ECOWAS") whose object is "imposed sanctions"."""
    noun = verb.head
    misread = verb.dep_ == "amod" and verb.tag_ == "VBN" and verb.i < noun.i and noun.dep_ == "dobj"
    root = noun.head
    return root if misread and root.dep_ == "ROOT" and root.tag_ == "VBG" and root.i == verb.i - 1 else None


def subject_read_as_object(verb: Token) -> list[Token]:
    """The subject the parse hung on its clause's conjunction as that word's object: "after Theresa May stepped
    down" read as "after [Theresa May]", with no subject for "stepped"."""
    return [p for m in verb.children if m.dep_ == "mark" for p in m.children if p.dep_ == "pobj"]


def met_read_as_subject(verb: Token) -> bool:
    """Whether the parse made the one met the subject of what the meeting is for: "spoke with X to
    congratulate him" read as "with [X to congratulate him]"; the doer is the meeting's subject."""
    marks = {c.lower_ for c in verb.children if c.dep_ in {"mark", "aux"}}
    return verb.dep_ == "advcl" and {"with", "to"} <= marks


def mend_verbs_read_as_nouns(doc: Doc) -> None:
    """A plural noun the parse gives a subject and an object is the verb of its clause: the tagger reads "The
    United States thanks Saudi Arabia for its leadership" with "thanks" a noun; the stages read the parse's
    roles by the verb's part of speech."""
    for token in doc:
        deps = {c.dep_ for c in token.children}
        if token.tag_ == "NNS" and token.dep_ == "ROOT" and {"nsubj", "dobj"} <= deps:
            token.pos_, token.tag_ = "VERB", "VBZ"


def misread_object(verb: Token) -> Token | None:
    """The object the parse made the subject of the next clause, right after the verb with no comma between:
    "since U.S. forces killed top Iranian general Qassem Soleimani, Iran-backed militants have scaled down
    their attacks" (the clause the verb's own clause modifies, or one that then has two subjects); or a name the
    parse made a clause of its own: "welcomed Prime Minister Modi to the White House"."""
    if verb.pos_ != "VERB" or any(c.dep_ in {"dobj", "nsubjpass", "auxpass"} for c in verb.children):
        return None
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.pos_ == "PROPN" and c.i > verb.i):
        if not any(g.dep_ in {"nsubj", "aux", "auxpass", "cop"} for g in clause.children):
            return clause
    if any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children):
        return None
    for token in verb.doc[verb.i + 1 : verb.sent.end]:
        clause = token.head
        two = sum(c.dep_ == "nsubj" for c in clause.children) > 1
        modified = verb.dep_ == "advcl" and verb.head == clause
        if token.left_edge.i == verb.i + 1 and token.dep_ == "nsubj" and clause != verb and (two or modified):
            return token
    return None


def names_a_pair(noun: Token) -> bool:
    """ "the two leaders", "both presidents", "the two countries": a noun that refers back to two actors named
    before (not "two officials said": a count of unnamed ones)."""
    words = {c.lower_ for c in noun.children if c.dep_ in {"det", "predet", "nummod"}}
    return noun.tag_ in {"NNS", "NNPS"} and ("both" in words or {"the", "two"} <= words)
