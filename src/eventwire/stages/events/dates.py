"""Dates: when an act happened (the time expression governing its clause) and by when a promise is due."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ...lang import clause_verb, shift
from ...records import Coded
from ..timex import timex_for_sentence
from .cues import cues

DURATION = re.compile(r"^P(\d+)([DWMY])$")
CALENDAR = re.compile(r"^\d{3,4}(-(W\d\d|Q\d|SP|SU|FA|WI|H\d|\d\d))?")  # weeks, quarters, seasons, ...
DAY = re.compile(r"^\d{4}(-\d\d){0,2}$")
BOUNDARY_WORDS = {"of", "the", "end", "beginning", "start", "middle"}


def event_date(
    doc: Doc, ew: Coded, trigger: Token, text: str, clauses: dict[int, Token | None]
) -> tuple[str | None, str]:
    """The date of the time expression governing the trigger's clause, else one of an enclosing clause of the
    sentence, else the document date. A deadline ("by January 20") dates the promise's limit, not the event.
    ``text`` is the document's text (``doc.text`` builds it anew on each call); ``clauses`` remembers the clause
    verb of each time expression by its start, for all the events of a document."""
    clause = clause_verb(trigger)

    def clause_of(timex) -> Token | None:
        if timex.start not in clauses:
            span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
            clauses[timex.start] = clause_verb(span.root) if span is not None else None
        return clauses[timex.start]

    def governed(how):
        def keep(timex) -> bool:
            verb = clause_of(timex)
            return verb is not None and how(verb) and not after_deadline_marker(text, timex.start)

        return keep

    for source, how in (("clause", lambda verb: verb == clause), ("sentence", lambda verb: verb in clause.ancestors)):
        keep = governed(how)
        timex = timex_for_sentence(doc, trigger.sent, keep)
        if timex is not None:
            return timex.value.split("T")[0], source  # the day of a TIME value
        # a coarser calendar value of the clause itself ("last week" → 2024-W48) still beats other clauses'
        coarse = next(
            (
                t
                for t in ew.timexes
                if t.type == "DATE"
                and CALENDAR.match(t.value)
                and trigger.sent.start_char <= t.start < trigger.sent.end_char
                and keep(t)
            ),
            None,
        )
        if coarse is not None and source == "clause":
            return coarse.value, source
    if ew.meta.date:
        return ew.meta.date.isoformat(), "document"
    return None, "none"


def deadline(ew: Coded, sent: Span, text: str) -> str | None:
    """The limit of a promise: a date after "by/before/until", or "within" a duration from the document date."""
    for timex in ew.timexes:
        if not (sent.start_char <= timex.start < sent.end_char) or not after_deadline_marker(text, timex.start):
            continue
        if timex.type == "DATE" and DAY.match(timex.value):
            return timex.value
        duration = DURATION.match(timex.value)
        if timex.type == "DURATION" and duration and ew.meta.date:
            limit = shift(ew.meta.date, int(duration[1]), duration[2])
            return limit and limit.isoformat()  # "within 8000 years": past the calendar, no deadline to keep
    return None


def after_deadline_marker(text: str, start: int) -> bool:
    """ "by January 20", "within six weeks", "by the end of March"."""
    before = [w.lower() for w in text[max(0, start - 30) : start].split()]
    while before and before[-1] in BOUNDARY_WORDS:
        before.pop()
    return bool(before) and before[-1] in cues()["deadline"]
