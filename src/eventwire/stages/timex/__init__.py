"""Time expressions: TIMEX3 dates, times, durations and sets, normalised against the document date.

Boundaries come from a token Matcher (patterns.tsv), with spaCy's DATE/TIME entities filling the gaps.
Every candidate span is then *read* token by token into its parts (month, day, count, unit, "last"/"next",
...) and the parts are resolved against the document date. Reading parts rather than parsing strings lets one
resolver serve both kinds of span and refuse what it cannot ground: an entity like "the day" is dropped
rather than given an invented value.

News conventions: a bare weekday is the last such day for a past-tense verb and the next one for a future
("will meet on Friday"); a yearless "March 3", month, quarter or season is the nearest one, leaning to the
past, unless the verb clearly says otherwise. Without a document date, relative expressions get TimeML's
underspecified values ("XXXX-12-04", "XXXX-WXX-3", PAST_REF).

Modules: lexicon (the word tables), patterns (finding spans), read (span -> parts), resolve (parts -> value),
dates (calendar arithmetic); README.md describes the data files.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...records import Timex, coded
from .lexicon import DAY_WORDS, LEFT_CONTEXT
from .patterns import PatternFinder
from .read import not_time, read
from .resolve import resolve


def _trim(span: Span) -> Span:
    """Drop the prepositions and punctuation patterns match as context (TimeML leaves them out)."""
    doc, start, end = span.doc, span.start, span.end
    while start < end and (
        doc[start].is_punct and doc[start].text not in ("'", "’") or doc[start].lower_ in LEFT_CONTEXT
    ):
        start += 1  # an apostrophe opens "'90s"
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in LEFT_CONTEXT):
        end -= 1
    return doc[start:end]


def _select(candidates: list[tuple[Span, str, str, bool]]) -> list[tuple[Span, str, str]]:
    """Non-overlapping spans: pattern matches before entities, then longer before shorter."""
    taken: set[int] = set()
    chosen = []
    for span, type_, value, _ in sorted(candidates, key=lambda c: (not c[3], -len(c[0]), c[0].start)):
        if taken.isdisjoint(range(span.start, span.end)):
            taken.update(range(span.start, span.end))
            chosen.append((span, type_, value))
    return sorted(chosen, key=lambda c: c[0].start)


def _anchor_times(doc: Doc, found: list[tuple[Span, str, str]], today: dt.date | None) -> list[tuple[Span, str, str]]:
    """Move a clock time onto the day named right beside it ("at 3 p.m. on Friday", "Friday at 3 p.m.")."""
    default = today.isoformat() if today else "XXXX-XX-XX"
    out = list(found)
    for i, (span, type_, value) in enumerate(found):
        if type_ != "TIME" or not value.startswith(default + "T") or any(t.lower_ in DAY_WORDS for t in span):
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(found):
                other, other_type, other_value = found[j]
                gap = doc[min(span.end, other.end) : max(span.start, other.start)]
                if (
                    other_type == "DATE"
                    and re.fullmatch(r"\d{4}-\d\d-\d\d", other_value)
                    and len(gap) <= 2
                    and all(t.is_punct or t.lower_ in ("on", "at", "of") for t in gap)
                    and other.sent == span.sent
                ):
                    out[i] = (span, type_, other_value + value[len(default) :])
                    break
    return out


class TimeStage:
    """Appends a :class:`~eventwire.records.Timex` for every time expression in the document."""

    def __init__(self, nlp: Language):
        self.find_patterns = PatternFinder(nlp)

    def __call__(self, doc: Doc) -> Doc:
        records = coded(doc)
        today = records.meta.date
        spans = [(_trim(span), True) for span in self.find_patterns(doc)]
        spans += [(_trim(ent), False) for ent in doc.ents if ent.label_ in ("DATE", "TIME")]
        candidates, seen = [], set()
        for span, from_pattern in spans:
            key = (span.start, span.end)
            if not len(span) or key in seen:
                continue
            seen.add(key)
            parts = read(span)
            if parts is None or not_time(span, parts):
                continue
            resolved = resolve(span, parts, today)
            if resolved and resolved[1]:
                candidates.append((span, *resolved, from_pattern))
        for span, type_, value in _anchor_times(doc, _select(candidates), today):
            records.timexes.append(Timex(span.start_char, span.end_char, span.text, type_, value))
        return doc


SPECIFIC = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?:T.*)?$")


def timex_for_sentence(doc: Doc, sent: Span, keep: Callable[[Timex], bool] = lambda timex: True) -> Timex | None:
    """The date a sentence's events happened on: its most specific calendar timex (day over month over year).

    Only DATE/TIME timexes whose value names an actual day, month or year count (not "PXY", "2024-W48" or
    PAST_REF); a TIME value keeps its clock part after "T", so take ``value.split("T")[0]`` for the day.
    Ties go to the earliest in the sentence. None when the sentence has no such timex. ``keep`` narrows the
    candidates (the events stage keeps those of one clause).
    """
    best, best_rank = None, 0
    for timex in coded(doc).timexes:
        if (
            sent.start_char <= timex.start
            and timex.end <= sent.end_char
            and timex.type in ("DATE", "TIME")
            and keep(timex)
        ):
            m = SPECIFIC.match(timex.value)
            rank = m and 1 + (m.group(2) is not None) + (m.group(3) is not None)
            if rank and rank > best_rank:
                best, best_rank = timex, rank
    return best


@Language.factory("eventwire_timex", requires=["doc._.ew", "doc.ents"], assigns=["doc._.ew"])
def make_timex_stage(nlp: Language, name: str) -> TimeStage:
    """The time expressions stage."""
    return TimeStage(nlp)
