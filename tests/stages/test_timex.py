"""The time stage: what it finds, the TIMEX3 type and value it gives, and the evidence offsets.

Document date for most cases: Thursday 2024-12-05 (ISO week 2024-W49).
"""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.matcher import Matcher

from eventwire.lang import add_months, last_day, last_day_of_month, shift
from eventwire.nlp import build, code_text, make_doc
from eventwire.records import Document
from eventwire.stages.timex import timex_for_sentence
from eventwire.stages.timex.patterns import CLASSES, PATTERNS, TRIGGERS, PatternFinder, token_spec
from eventwire.stages.timex.read import Parts
from eventwire.stages.timex.resolve import kind_of

DATE = "2024-12-05"


def found(text: str, date: str | None = DATE) -> dict[str, tuple[str, str]]:
    """{span text: (type, value)}, after checking every span is evidence sliced from the text."""
    timexes = code_text(text, date=date).timexes
    for t in timexes:
        assert text[t.start : t.end] == t.text
    return {t.text: (t.type, t.value) for t in timexes}


CASES = [
    # full dates
    ("The treaty was signed on December 4, 2024.", DATE, "December 4, 2024", "DATE", "2024-12-04"),
    ("The treaty was signed on 4 December 2024.", DATE, "4 December 2024", "DATE", "2024-12-04"),
    ("The ceasefire began on 2024-12-04 at dawn.", DATE, "2024-12-04", "DATE", "2024-12-04"),
    ("Voting closed on Sept. 30, 2023, officials said.", DATE, "Sept. 30, 2023", "DATE", "2023-09-30"),
    ("The hearing is listed for Friday, January 3.", "2024-07-01", "Friday, January 3", "DATE", "2025-01-03"),
    # month and day without a year: the nearest, unless the verb clearly points the other way
    ("The strike began on November 28.", DATE, "November 28", "DATE", "2024-11-28"),
    ("The hearing is set for January 10.", DATE, "January 10", "DATE", "2025-01-10"),
    ("Protests erupted on December 20.", "2024-02-10", "December 20", "DATE", "2023-12-20"),
    ("The election will be held on March 3.", "2024-06-10", "March 3", "DATE", "2025-03-03"),
    ("The election was held on March 3.", "2024-06-10", "March 3", "DATE", "2024-03-03"),
    ("The ceasefire deadline was pushed back to Dec. 20.", DATE, "Dec. 20", "DATE", "2024-12-20"),
    # months and years
    ("Talks collapsed in March 2023.", DATE, "March 2023", "DATE", "2023-03"),
    ("Fighting intensified in October.", DATE, "October", "DATE", "2024-10"),
    ("The rebels regrouped in July last year.", DATE, "July last year", "DATE", "2023-07"),
    ("The law was passed in 2022 after long debate.", DATE, "2022", "DATE", "2022"),
    # weekdays: past tense looks back, future forward, the document's own weekday is that day
    ("The ministers met on Wednesday.", DATE, "Wednesday", "DATE", "2024-12-04"),
    ("The ministers met on Friday.", DATE, "Friday", "DATE", "2024-11-29"),
    ("The ministers will meet on Friday.", DATE, "Friday", "DATE", "2024-12-06"),
    ("Talks are expected to resume on Monday.", DATE, "Monday", "DATE", "2024-12-09"),
    ("The talks begin Monday.", DATE, "Monday", "DATE", "2024-12-09"),
    ("The court ruled on Thursday.", DATE, "Thursday", "DATE", "2024-12-05"),
    ("The court will rule on Thursday.", DATE, "Thursday", "DATE", "2024-12-05"),
    ("The envoy arrives next Tuesday.", DATE, "next Tuesday", "DATE", "2024-12-10"),
    ("The envoy left last Tuesday.", DATE, "last Tuesday", "DATE", "2024-12-03"),
    ("The envoy arrives this Saturday.", DATE, "this Saturday", "DATE", "2024-12-07"),
    ("This Tuesday the envoy criticized the plan.", DATE, "This Tuesday", "DATE", "2024-12-03"),
    ("The deadline runs until Tuesday.", DATE, "Tuesday", "DATE", "2024-12-10"),
    # deictic days
    ("Troops withdrew yesterday.", DATE, "yesterday", "DATE", "2024-12-04"),
    ("The minister resigned today.", DATE, "today", "DATE", "2024-12-05"),
    ("The cabinet meets tomorrow.", DATE, "tomorrow", "DATE", "2024-12-06"),
    ("The president speaks tonight.", DATE, "tonight", "TIME", "2024-12-05TNI"),
    ("Shelling resumed last night.", DATE, "last night", "TIME", "2024-12-04TNI"),
    # weeks, months and years around the document date
    ("Envoys met last week.", DATE, "last week", "DATE", "2024-W48"),
    ("Envoys meet next week.", DATE, "next week", "DATE", "2024-W50"),
    ("Envoys met this week.", DATE, "this week", "DATE", "2024-W49"),
    ("Prices rose last month.", DATE, "last month", "DATE", "2024-11"),
    ("Prices will rise next month.", DATE, "next month", "DATE", "2025-01"),
    ("Prices rose this month.", DATE, "this month", "DATE", "2024-12"),
    ("The party won last year.", DATE, "last year", "DATE", "2023"),
    ("The party hopes to win next year.", DATE, "next year", "DATE", "2025"),
    ("The party won this year.", DATE, "this year", "DATE", "2024"),
    ("The party split earlier this year.", DATE, "earlier this year", "DATE", "2024"),
    ("The budget is due by the end of the year.", DATE, "the end of the year", "DATE", "2024"),
    # "N units ago", digits and words
    ("The dam broke three days ago.", DATE, "three days ago", "DATE", "2024-12-02"),
    ("The dam broke 10 days ago.", DATE, "10 days ago", "DATE", "2024-11-25"),
    ("The envoy visited two weeks ago.", DATE, "two weeks ago", "DATE", "2024-W47"),
    ("The army seized the town six months ago.", DATE, "six months ago", "DATE", "2024-06"),
    ("The accord was signed four years ago.", DATE, "four years ago", "DATE", "2020"),
    ("The accord was signed thirty years ago.", DATE, "thirty years ago", "DATE", "1994"),
    ("The war ended several years ago.", DATE, "several years ago", "DATE", "PAST_REF"),
    # durations
    ("The rebels have fought for two years.", DATE, "two years", "DURATION", "P2Y"),
    ("The strike lasted three days.", DATE, "three days", "DURATION", "P3D"),
    ("Exports fell over the last four years.", DATE, "the last four years", "DURATION", "P4Y"),
    ("Polls stay open for 24 hours.", DATE, "24 hours", "DURATION", "PT24H"),
    ("Polls stay open for twenty-four hours.", DATE, "twenty-four hours", "DURATION", "PT24H"),
    ("He was jailed for thirty years.", DATE, "thirty years", "DURATION", "P30Y"),
    ("The talks took a year and a half.", DATE, "a year and a half", "DURATION", "P1Y6M"),
    ("She won a two-year term.", DATE, "two-year", "DURATION", "P2Y"),
    ("Aid will flow over the coming months.", DATE, "the coming months", "DURATION", "PXM"),
    ("Violence has grown in recent years.", DATE, "recent years", "DURATION", "PXY"),
    # quarters, halves, seasons, decades, centuries
    ("Growth slowed in the first quarter.", DATE, "the first quarter", "DATE", "2024-Q1"),
    ("Growth slowed in the third quarter of 2023.", DATE, "the third quarter of 2023", "DATE", "2023-Q3"),
    ("Output fell in the first half of 2022.", DATE, "the first half of 2022", "DATE", "2022-H1"),
    ("The drought hit farms this summer.", DATE, "this summer", "DATE", "2024-SU"),
    ("Elections are due next spring.", DATE, "next spring", "DATE", "2025-SP"),
    ("The uprising began in the spring of 2021.", DATE, "the spring of 2021", "DATE", "2021-SP"),
    ("The region boomed in the 1990s.", DATE, "the 1990s", "DATE", "199"),
    ("The region boomed in the '80s.", DATE, "the '80s", "DATE", "198"),
    ("The border dates from the 19th century.", DATE, "the 19th century", "DATE", "18"),
    # sets
    ("Patrols run every day.", DATE, "every day", "SET", "P1D"),
    ("The council meets weekly.", DATE, "weekly", "SET", "P1W"),
    ("The summit is held each year.", DATE, "each year", "SET", "P1Y"),
    ("Protesters gather every Monday.", DATE, "every Monday", "SET", "XXXX-WXX-1"),
    ("The board meets twice a year.", DATE, "twice a year", "SET", "P1Y"),
    # vague references
    ("The talks recently stalled.", DATE, "recently", "DATE", "PAST_REF"),
    ("The talks are now stalled.", DATE, "now", "DATE", "PRESENT_REF"),
    ("The talks are currently stalled.", DATE, "currently", "DATE", "PRESENT_REF"),
    ("Such raids happened in the past.", DATE, "the past", "DATE", "PAST_REF"),
    ("Such raids may happen in the future.", DATE, "the future", "DATE", "FUTURE_REF"),
    # clock times
    ("The vote closed at 3 p.m.", DATE, "3 p.m.", "TIME", "2024-12-05T15:00"),
    ("Sirens sounded at 10:30 a.m. local time.", DATE, "10:30 a.m.", "TIME", "2024-12-05T10:30"),
    ("The blast came at 0730 GMT.", DATE, "0730 GMT", "TIME", "2024-12-05T07:30"),
    ("The ministers met on Wednesday morning.", DATE, "Wednesday morning", "TIME", "2024-12-04TMO"),
    ("The convoy will leave at 9 a.m. on Friday.", DATE, "9 a.m.", "TIME", "2024-12-06T09:00"),
    ("The envoy landed at noon.", DATE, "noon", "TIME", "2024-12-05T12:00"),
]


@pytest.mark.parametrize("text,date,span,type_,value", CASES, ids=[c[2] + "|" + c[0][:24] for c in CASES])
def test_timex(text, date, span, type_, value):
    assert found(text, date).get(span) == (type_, value)


@pytest.mark.parametrize(
    "text",
    [
        "The army may withdraw its troops.",  # "may" the modal
        "The army sent 1998 troops to the border.",  # a count, not a year
        "A 45-year-old man was arrested.",  # an age
        "Prices fall when supply grows.",  # "fall" the verb
        "The fall of the city shocked the region.",
        "Theresa May spoke to reporters.",  # a name
    ],
)
def test_not_time(text):
    assert found(text) == {}


def test_without_document_date_only_absolute_values_are_resolved():
    got = found(
        "The ministers met on Wednesday after talks on December 4 and in March 2023; "
        "the accord of December 4, 2024 followed last week's vote and a summit in 2022.",
        date=None,
    )
    assert got["Wednesday"] == ("DATE", "XXXX-WXX-3")
    assert got["December 4"] == ("DATE", "XXXX-12-04")
    assert got["March 2023"] == ("DATE", "2023-03")
    assert got["December 4, 2024"] == ("DATE", "2024-12-04")
    assert got["last week"] == ("DATE", "PAST_REF")
    assert got["2022"] == ("DATE", "2022")


def test_several_timexes_keep_text_order_and_do_not_overlap():
    text = "Rebels attacked on Monday, two days after talks in Geneva ended, and will return next month."
    timexes = code_text(text, date=DATE).timexes
    assert [(t.text, t.value) for t in timexes] == [
        ("Monday", "2024-12-02"),
        ("two days", "P2D"),
        ("next month", "2025-01"),
    ]
    assert all(a.end <= b.start for a, b in zip(timexes, timexes[1:], strict=False))


def _doc(text: str, date: str):
    nlp = build()
    return nlp(make_doc(nlp, text, Document(id="t", date=dt.date.fromisoformat(date))))


def test_timex_for_sentence_prefers_the_most_specific_calendar_date():
    doc = _doc(
        "Officials said on Wednesday that the 2022 accord had held for two years. Fighting has gone on for weeks.",
        DATE,
    )
    first, second = doc.sents
    timex = timex_for_sentence(doc, first)
    assert (timex.text, timex.value) == ("Wednesday", "2024-12-04")
    assert timex_for_sentence(doc, second) is None  # a duration does not date an event


def test_every_pattern_contains_a_trigger_word():
    """The patterns only run around trigger words, so a pattern without one would silently never match."""
    for pattern in PATTERNS:
        specs = [token_spec(w) for w in pattern.split()]
        assert any(
            spec.get("OP") != "?" and (spec == CLASSES["SLASHDATE"] or set(_words(spec)) <= set(TRIGGERS))
            for spec in specs
        ), pattern


def test_the_anchored_matchers_find_every_match_of_the_patterns_over_the_whole_text():
    """Each anchor's matcher runs only around its words: it must still find all that one matcher of every pattern
    finds over the whole text (dates, spans of time, clock times, repetitions, decades, slashed dates)."""
    nlp = build()
    whole = Matcher(nlp.vocab)
    for i, pattern in enumerate(PATTERNS):
        whole.add(f"timex{i}", [[token_spec(w) for w in pattern.split()]])
    finder = PatternFinder(nlp)
    texts = [
        "On Tuesday, March 4, 2025, the council met for more than three hours, and again a week later.",
        "The levy, set in the late 1990s and raised every two years, ends in the first quarter of 2026.",
        "Talks resume at 9:30 a.m. EST on Friday; the deal signed 12/05/2024 lapsed two months ago.",
        "Sales rose in Q3 2024 and in the spring of last year, the firm said this morning at noon.",
        "Turnout was 2024 votes.",
    ]
    for text in texts:
        doc = nlp(text)
        expected = sorted((s.label_, s.start, s.end) for s in whole(doc, as_spans=True))
        assert sorted((s.label_, s.start, s.end) for s in finder(doc)) == expected, text
        assert expected or text.startswith("Turnout")


def test_every_capitalised_pattern_word_is_a_token_class():
    """A misspelt class name would be taken as a literal upper-case word and never match."""
    for pattern in PATTERNS:
        for word in pattern.split():
            for alternative in word.rstrip("?").split("|"):
                assert alternative in CLASSES or alternative == alternative.lower(), (pattern, alternative)


def _words(spec: dict) -> list[str]:
    lower = spec.get("LOWER")
    if isinstance(lower, str):
        return [lower]
    return lower["IN"] if isinstance(lower, dict) else [""]


def test_units_earlier_count_back_like_ago():
    c = code_text("Exports rose sharply a year earlier.", date="2024-12-05")
    assert [(t.text, t.type, t.value) for t in c.timexes] == [("a year earlier", "DATE", "2023")]
    c = code_text("It grew earlier this year.", date="2024-12-05")
    assert [(t.text, t.value) for t in c.timexes] == [("earlier this year", "2024")]


def test_a_leap_day_takes_the_nearest_year_that_has_one():
    assert found("The deadline is February 29.", "2024-12-05") == {"February 29": ("DATE", "2024-02-29")}


@pytest.mark.parametrize(
    "parts,kind",
    [
        (Parts(weekday=1, weekday_plural=True), "set"),  # "on Mondays"
        (Parts(month=3, day=3, hour=15), "day"),  # "3 p.m. on March 3": the clock time sits on the day
        (Parts(hour=15), "clock"),
        (Parts(unit="year", count=3.0, ago=True), "ago"),
        (Parts(year=2022, count=3.0, unit="year"), "unit"),  # a count makes "2022" no year
        (Parts(year=2022), "year"),
        (Parts(), None),
    ],
)
def test_kind_of_parts(parts, kind):
    assert kind_of(parts) == kind


# --- impossible dates and numbers past the calendar ----------------------------------------------------------
# Never an error, never an invented day. A day the month lacks keeps the month the writer named (README:
# "Impossible dates and the calendar's edges"); a time past the years 1-9999 a date can hold is PAST_REF or
# FUTURE_REF; a duration keeps its exact ISO value, or an unspecified count when the number is too large to
# keep exactly.

IMPOSSIBLE_DAYS = [
    ("The committee met on June 31.", DATE, "June 31", "2024-06"),
    ("Shops stayed shut on Feb. 30, 2024.", DATE, "Feb. 30, 2024", "2024-02"),
    ("The ballots were counted on 31 November 2024.", DATE, "31 November 2024", "2024-11"),
    ("The decree is dated February 29, 2023.", DATE, "February 29, 2023", "2023-02"),  # not 2024-02-29
    ("The memo is dated 2024-02-30.", DATE, "2024-02-30", "2024-02"),
    ("The order is dated 31/11/2024.", DATE, "31/11/2024", "2024-11"),
    ("The committee met on June 31.", None, "June 31", "XXXX-06"),  # not the invalid XXXX-06-31
    # the only February 29 near the document date lies behind a future verb: the next February
    ("The vote will be held on February 29.", DATE, "February 29", "2025-02"),
    ("Talks will resume on Saturday, February 29.", DATE, "Saturday, February 29", "2025-02"),
    ("The vote was held on February 29.", "2023-06-01", "February 29", "2023-02"),
    ("The deadline is February 29.", "2026-03-01", "February 29", "2026-02"),  # no leap year among 2025-2027
]


@pytest.mark.parametrize("text,date,span,value", IMPOSSIBLE_DAYS, ids=[c[2] + "|" + str(c[1]) for c in IMPOSSIBLE_DAYS])
def test_a_day_the_month_lacks_keeps_the_month(text, date, span, value):
    assert found(text, date).get(span) == ("DATE", value)


@pytest.mark.parametrize(
    "text",
    [
        "The order is dated 13/13/2024.",  # no month 13
        "The memo is dated 2024-13-01.",
        "The record shows 0000-01-01 as the date.",  # a placeholder: there is no year 0
        "The record shows 1/1/0000 as the date.",
    ],
)
def test_numbers_no_calendar_has_are_no_date(text):
    assert not [value for type_, value in found(text).values() if "-13" in value or value.startswith("0000")]
    assert "2025-01-01" not in {value for _, value in found(text).values()}  # year 0 is not moved to a year


PAST_THE_CALENDAR = [
    ("The rock formed 9999999999999999999 years ago.", DATE, "9999999999999999999 years ago", "DATE", "PAST_REF"),
    ("The dam broke 3,000,000 days ago.", DATE, "3,000,000 days ago", "DATE", "PAST_REF"),
    ("The seal cracked 3,000,000 weeks ago.", DATE, "3,000,000 weeks ago", "DATE", "PAST_REF"),
    ("The star died 1,000,000,000,000 days ago.", DATE, "1,000,000,000,000 days ago", "DATE", "PAST_REF"),
    (
        "The glacier formed 100,000,000,000,000,000,000 hours ago.",
        DATE,
        "100,000,000,000,000,000,000 hours ago",
        "DATE",
        "PAST_REF",
    ),  # fmt: skip
    ("The cave was sealed 5000 years earlier.", DATE, "5000 years earlier", "DATE", "PAST_REF"),
    ("The lake dried up 3,000,000 months ago.", DATE, "3,000,000 months ago", "DATE", "PAST_REF"),
    ("The valley formed 3,000,000 decades ago.", DATE, "3,000,000 decades ago", "DATE", "PAST_REF"),
    ("The debt will be repaid by the year 10000.", DATE, "the year 10000", "DATE", "FUTURE_REF"),
    ("The colony will be founded in the year 3000.", DATE, "the year 3000", "DATE", "3000"),
    # a duration is not a date: it keeps its ISO value (or an unspecified count past exact arithmetic)
    ("The troops will stay for 8000 years.", DATE, "8000 years", "DURATION", "P8000Y"),
    ("The work will take 99999999999 days.", DATE, "99999999999 days", "DURATION", "P99999999999D"),
    ("The crisis lasted 99999999999999999999999 hours.", DATE, "99999999999999999999999 hours", "DURATION", "PTXH"),
    ("The lease runs for " + "9" * 400 + " years.", DATE, "9" * 400 + " years", "DURATION", "PXY"),
    # documents dated at the edges of the calendar
    ("The envoy left last week.", "0001-01-01", "last week", "DATE", "PAST_REF"),
    ("Protests erupted yesterday.", "0001-01-01", "yesterday", "DATE", "PAST_REF"),
    ("The ministers met on Friday.", "0001-01-01", "Friday", "DATE", "PAST_REF"),
    ("Prices rose last month.", "0001-01-01", "last month", "DATE", "PAST_REF"),
    ("The treaty was signed on December 31.", "0001-01-01", "December 31", "DATE", "PAST_REF"),
    ("The envoy arrives tomorrow.", "9999-12-31", "tomorrow", "DATE", "FUTURE_REF"),
    ("The envoy will arrive next week.", "9999-12-31", "next week", "DATE", "FUTURE_REF"),
    ("Talks resume next year.", "9999-12-31", "next year", "DATE", "FUTURE_REF"),
    ("Talks will resume next month.", "9999-12-31", "next month", "DATE", "FUTURE_REF"),
    ("The minister promised to resign by Feb. 30, 2025.", "9999-12-31", "Feb. 30, 2025", "DATE", "2025-02"),
    # and early years keep four digits, as ISO 8601 writes them
    ("The envoy left a week ago.", "1000-01-01", "a week ago", "DATE", "0999-W52"),
    ("The town dates from the 1st century.", DATE, "the 1st century", "DATE", "00"),
]


@pytest.mark.parametrize(
    "text,date,span,type_,value", PAST_THE_CALENDAR, ids=[c[2][:40] + "|" + c[1] for c in PAST_THE_CALENDAR]
)
def test_times_past_the_calendar_are_kept_without_a_calendar_value(text, date, span, type_, value):
    assert found(text, date).get(span) == (type_, value)


@pytest.mark.parametrize(
    "text,span,value",
    [
        ("The dam broke -3 days ago.", "-3 days ago", "PAST_REF"),  # a minus sign is no count
        ("The strike lasted -2 weeks.", "-2 weeks", "PXW"),
    ],
)
def test_a_negative_count_is_an_unspecified_one(text, span, value):
    assert found(text)[span][1] == value


def test_a_clock_time_needs_minutes_below_sixty():
    assert not any(":75" in value for _, value in found("The blast came at 3:75 p.m. on Friday.").values())


@pytest.mark.parametrize(
    "text",
    [
        "Germany promised to deliver the tanks to Ukraine within 99999999999 days.",
        "Germany promised to deliver the tanks to Ukraine within 3000000 weeks.",
        "Germany promised to deliver the tanks to Ukraine within 9999999999999999999 years.",
        "Germany promised to deliver the tanks to Ukraine by the year 10000.",
    ],
)
def test_a_deadline_past_the_calendar_is_none(text):
    events = code_text(text, date=DATE).events
    assert events and all(e.deadline is None for e in events)


@pytest.mark.parametrize(
    "date,text,deadline",
    [
        ("9999-11-01", "Germany promised to deliver the tanks to Ukraine within six weeks.", "9999-12-13"),
        ("9999-12-01", "Germany promised to deliver the tanks to Ukraine within six weeks.", None),
        ("2024-01-31", "Germany promised to deliver the tanks to Ukraine within a month.", "2024-02-29"),
    ],
)
def test_deadline_arithmetic_stays_on_the_calendar(date, text, deadline):
    assert [e.deadline for e in code_text(text, date=date).events] == [deadline]


def test_date_helpers_never_leave_the_calendar():
    assert shift(dt.date(9999, 12, 31), 1, "D") is None
    assert shift(dt.date(1, 1, 1), -1, "W") is None
    assert shift(dt.date(2024, 12, 5), 10**30, "D") is None
    assert shift(dt.date(2024, 12, 5), -8000, "Y") is None
    assert shift(dt.date(2024, 1, 31), 1, "M") == dt.date(2024, 2, 29)
    assert last_day_of_month(9999, 12) == 31
    assert last_day("9999-12") == dt.date(9999, 12, 31)
    assert last_day("9999") == dt.date(9999, 12, 31)
    assert add_months(dt.date(9999, 12, 5), 1) == (10000, 1)  # the caller decides what a year past 9999 means


@pytest.mark.parametrize("value", ["2024-02-30", "2024-13", "0000", "10000-01", "PAST_REF", "", "P3D"])
def test_last_day_names_a_value_that_is_not_on_the_calendar(value):
    with pytest.raises(ValueError, match=repr(value)):
        last_day(value)
