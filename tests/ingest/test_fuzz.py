"""Fuzz: random and hostile input through the readers, the pipeline and the time normaliser must never raise.

Every reader gets random bytes, random Unicode, random JSON records, random front matter and random web
documents in a file of its suffix, and must yield only ``Item`` and ``Problem`` entries (each problem one line).
The pipeline codes random texts, built from a grammar of date, number and actor fragments, with any document
date the calendar holds, and every record must point inside the text. The time normaliser is also fed random
parts directly. Hypothesis runs a bounded number of examples (no time deadline: the first spaCy call is slow);
the larger runs are marked slow. docs/RELIABILITY.md records what these tests found.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import io
import json
import re

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.ingest.readers import READERS, Item, Notice, Problem, read
from eventwire.lang import iso_date, last_day, shift
from eventwire.nlp import build, code_docs
from eventwire.records import Document, json_schema
from eventwire.stages.timex.lexicon import UNITS
from eventwire.stages.timex.read import Parts
from eventwire.stages.timex.resolve import normalise

QUICK = settings(max_examples=30, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
LONGER = settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
SUFFIXES = [
    s for s in (".txt", ".md", ".jsonl", ".jsonl.gz", ".html", ".rss", ".warc") if s in READERS or s.endswith(".gz")
]
FIRST_DAY, LAST_DAY = dt.date(1, 1, 1), dt.date(9999, 12, 31)


# --- what every entry and every record must satisfy ------------------------------------------------------


def read_file(directory, name: str, content: bytes) -> list:
    """The entries a reader yields for one file; each an Item or a one-line Problem, metadata of scalar types."""
    path = directory / name
    path.write_bytes(content)
    entries = list(read([str(path)]))
    for entry in entries:
        assert isinstance(entry, Item | Problem), entry
        if isinstance(entry, Problem):
            assert "\n" not in str(entry) and entry.reason, entry
            continue
        assert isinstance(entry.text, str) and entry.text.encode("utf-8")  # no lone surrogates
        meta = entry.meta
        assert isinstance(meta.id, str) and meta.id
        assert meta.date is None or type(meta.date) is dt.date
        for name in ("title", "source", "url", "author", "language"):
            assert getattr(meta, name) is None or isinstance(getattr(meta, name), str), (name, meta)
    return entries


def spans(record) -> list[list[int]]:
    """Every [start, end) a record holds: start/end, and each field that is a span or a list of spans."""
    found = [[record.start, record.end]] if hasattr(record, "start") else []
    for field in dataclasses.fields(record):
        value = getattr(record, field.name)
        if isinstance(value, list) and len(value) == 2 and all(type(v) is int for v in value):
            found.append(value)
        elif isinstance(value, list) and value and all(isinstance(v, list) for v in value):
            found.extend(value)
    return found


def check_records(coded, text: str) -> None:
    """Offsets inside the text, timex evidence sliced from it, values on the calendar, output valid JSON."""
    for kind in ("actors", "events", "quotes", "timexes", "places"):
        for record in getattr(coded, kind):
            for start, end in spans(record):
                assert 0 <= start <= end <= len(text), (kind, record)
    for timex in coded.timexes:
        assert text[timex.start : timex.end] == timex.text
        assert valid_value(timex.type, timex.value), timex
    for event in coded.events:
        assert event.deadline is None or last_day(event.deadline)
    jsonschema.validate(coded.to_json(), SCHEMA)


SCHEMA = json_schema()
CALENDAR = r"(?P<cal>\d{4}(?:-\d\d){0,2})"
PERIOD = r"(?P<year>\d{4})-(?:W(?P<week>\d\d)(?:-WE)?|Q[1-4]|H[12]|SP|SU|FA|WI)"
UNDERSPECIFIED = r"XXXX(?:-\d\d(?:-\d\d)?|-WXX-[1-7]|-(?:Q[1-4]|H[12]|SP|SU|FA|WI)|-XX-XX)?|XX\d"
REFS = r"PAST_REF|PRESENT_REF|FUTURE_REF"
DAY_VALUE = re.compile(
    rf"(?:{CALENDAR}|{PERIOD}|{UNDERSPECIFIED}|{REFS}|\d{{2,3}})(?:T(?:[01]\d|2[0-3]):[0-5]\d|T(?:MO|AF|EV|NI))?"
)
NUMBER = r"(?:\d+(?:\.\d+)?|X)"
DURATION_VALUE = re.compile(rf"P(?=.)(?:{NUMBER}(?:Y|M|W|D|DE|CE))*(?:T(?:{NUMBER}[HMS])+)?")


def valid_value(type_: str, value: str) -> bool:
    """A TIMEX3 value of the type, whose calendar part (a day, month, year, week) the calendar has."""
    if type_ in ("DURATION", "SET") and DURATION_VALUE.fullmatch(value):
        return True
    m = DAY_VALUE.fullmatch(value)
    if not m or type_ == "DURATION":
        return False
    if m["cal"]:
        return bool(last_day(m["cal"]))  # raises ValueError naming a value the calendar lacks
    if m["year"]:
        return int(m["year"]) >= 1 and (m["week"] is None or 1 <= int(m["week"]) <= 53)
    return True


# --- the readers ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def directory(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz")


LINE_BREAKS = "\n\r\u2028\u2029\u0085\x0b\x0c\x1c"
ODD_CHARACTERS = LINE_BREAKS + '\ufeff\x00{}[]":,-#'
unicode_text = st.text(st.one_of(st.characters(), st.sampled_from(ODD_CHARACTERS)), max_size=400)
# what a reader yields: any Unicode but lone surrogates, which no UTF-8 text holds
decoded_text = st.text(st.one_of(st.characters(codec="utf-8"), st.sampled_from(ODD_CHARACTERS)), max_size=400)
WEIRD_DATES = [
    "2024-02-30", "June 31, 2024", "Feb. 30", "0000-00-00", "0001-01-01", "9999-12-31T23:59:59+14:00",
    "10000-01-01", "2024-01-01garbage", "Tue, 31 Feb 2024 10:00:00 GMT", "Mon, 15 Jan 2025 10:00:00 +0000",
    "January 15, 2025", "", "   ", "-1", "1e10", "2024-13-45", "99999999999999999999", "yesterday", "NaN",
]  # fmt: skip
dates = st.one_of(
    st.sampled_from(WEIRD_DATES), st.text(max_size=30), st.integers(), st.floats(),
    st.dates().map(str), st.datetimes().map(dt.datetime.isoformat),
)  # fmt: skip
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), unicode_text)
json_values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)  # fmt: skip
KEYS = ("id", "text", "date", "title", "source", "url", "author", "language")
metadata = st.dictionaries(
    st.sampled_from(KEYS) | st.text(max_size=10),
    st.one_of(json_values, dates, st.integers(0, 300_000).map(lambda n: "x" * n)),  # huge values too
    max_size=8,
)  # fmt: skip
records = st.one_of(
    metadata,
    st.builds(lambda meta, text: {**meta, "text": text}, metadata, unicode_text),  # mostly readable
    json_values,  # not an object at all
)


@st.composite
def jsonl(draw) -> bytes:
    """JSON lines: random records (ASCII-escaped or not), with now and then a line of random bytes or text."""
    lines = []
    for record in draw(st.lists(records, max_size=8)):
        lines.append(json.dumps(record, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass"))
        if draw(st.integers(0, 4)) == 0:
            lines.append(draw(st.binary(max_size=60) | unicode_text.map(lambda t: t.encode("utf-8", "replace"))))
    return draw(st.sampled_from([b"\n", b"\r\n"])).join(lines) + draw(st.sampled_from([b"", b"\n"]))


ALIAS_BOMB = "\n".join(["a: &a [x, x, x, x, x, x, x, x, x]"] + [
    f"{b}: &{b} [{', '.join(['*' + a] * 9)}]" for a, b in zip("abcdefgh", "bcdefghi", strict=True)
])  # fmt: skip
FRONT_MATTER_ODDITIES = [
    ALIAS_BOMB, "!!python/object/apply:os.system ['true']", "[[[[[[", "a: &a [*a]", "- - - -", "{", "date: 2024-02-30",
    "date: 0000-01-01", "title: [1, 2]", "title: {a: b}", "date: 2024-01-01 10:00:00 +14:00", "id: null", "id: 7",
    "text: also a body", '{"title": 5, "date": "June 31"}', "\t:", "? [a]\n: b", "date: !!timestamp 2024-02-30",
]  # fmt: skip
front_matter = st.one_of(
    st.sampled_from(FRONT_MATTER_ODDITIES),
    metadata.map(lambda m: yaml.safe_dump(m, allow_unicode=True)),
    metadata.map(json.dumps),
    unicode_text,
)


@st.composite
def markdown(draw) -> bytes:
    fence = draw(st.sampled_from(["---", "+++", "---\r"]))
    text = f"{fence}\n{draw(front_matter)}\n{fence}\n{draw(unicode_text)}"
    return text.encode("utf-8", "surrogatepass")


def gzipped(content: bytes, cut: int | None) -> bytes:
    """Gzip of the content, truncated to ``cut`` bytes (a download that stopped) when given."""
    packed = gzip.compress(content)
    return packed if cut is None else packed[: cut % (len(packed) + 1)]


@st.composite
def html_page(draw) -> bytes:
    title, body, date = draw(unicode_text), draw(unicode_text), draw(dates)
    page = (
        f"<html><head><title>{title}</title><meta property='article:published_time' content='{date}'>"
        f"<meta name='author' content='{draw(unicode_text)}'></head><body><article><h1>{title}</h1>"
        f"<p>{body}</p><p>{draw(unicode_text)}</p></article></body></html>"
    )
    return page.encode("utf-8", "surrogatepass")


@st.composite
def feed(draw) -> bytes:
    entries = "".join(
        f"<item><title>{draw(unicode_text)}</title><link>{draw(unicode_text)}</link>"
        f"<pubDate>{draw(dates)}</pubDate><description>{draw(unicode_text)}</description></item>"
        for _ in range(draw(st.integers(0, 4)))
    )
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title>{entries}</channel></rss>".encode(
        "utf-8", "surrogatepass"
    )


@st.composite
def warc(draw) -> bytes:
    """A WARC archive of a few HTML responses (random pages, dates and URLs), cut short now and then."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=draw(st.booleans()))
    for _ in range(draw(st.integers(0, 3))):
        page = draw(html_page())
        headers = StatusAndHeaders(draw(st.sampled_from(["200 OK", "404 Not Found", "301"])),
                                   [("Content-Type", draw(st.sampled_from(["text/html", "image/png", "x"])))],
                                   protocol="HTTP/1.1")  # fmt: skip
        url = draw(st.sampled_from(["https://example.org/a", "", "not a url", "https://example.org/" + "x" * 3000]))
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(page), http_headers=headers)
        writer.write_record(record)
    content = out.getvalue()  # its length varies: the writer stamps the time and random record ids
    cut = draw(st.none() | st.integers(0, 10**6))
    return content if cut is None else content[: cut % (len(content) + 1)]


def content_for(suffix: str):
    """Random file contents for a suffix: random bytes, random text, and well-formed-looking input of its kind."""
    raw = st.binary(max_size=2000) | unicode_text.map(lambda t: t.encode("utf-8", "surrogatepass"))
    kinds = {
        ".txt": raw,
        ".md": raw | markdown(),
        ".jsonl": raw | jsonl(),
        ".jsonl.gz": st.builds(gzipped, raw | jsonl(), st.none() | st.integers(0, 10_000)) | raw,
        ".html": raw | html_page(),
        ".rss": raw | feed(),
        ".warc": raw | warc(),
    }
    return kinds[suffix]


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_reader_never_raises_on_random_input(directory, suffix):
    @QUICK
    @given(content=content_for(suffix))
    def check(content):
        read_file(directory, "doc" + suffix, content)

    check()


@pytest.mark.slow
@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_reader_never_raises_on_more_random_input(directory, suffix):
    @LONGER
    @given(content=content_for(suffix))
    def check(content):
        read_file(directory, "doc" + suffix, content)

    check()


@QUICK
@given(lines=st.lists(records, min_size=1, max_size=12))
def test_every_jsonl_line_is_a_document_or_a_problem(directory, lines):
    """Nothing lost in silence: each non-blank line gives an Item or a Problem naming that line."""
    content = "\n".join(json.dumps(r, ensure_ascii=False) for r in lines).encode("utf-8", "surrogatepass")
    entries = read_file(directory, "lines.jsonl", content)
    accounted = {e.line for e in entries if not isinstance(e, Notice)}  # a warning comes with its Item
    expected = {n for n, line in enumerate(content.split(b"\n"), 1) if line.strip()}
    assert expected <= accounted


# --- the smallest inputs of crashes the fuzz found in the readers (docs/RELIABILITY.md, Figures) -----------


def test_a_warc_response_without_a_target_uri_is_a_problem(directory):
    """warcio raised AttributeError on a response record without WARC-Target-URI (a cut archive)."""
    assert read_file(directory, "cut.warc", b"WARC/1.0\nWARC-Type:response")


def test_a_lone_surrogate_in_a_json_string_is_no_crash(directory):
    """Valid JSON (an escaped lone surrogate) gave a text no UTF-8 store or hash takes: `ingest` died."""
    entries = read_file(directory, "surrogate.jsonl", b'{"id": "a", "text": "Talks \\ud800 resumed."}\n')
    assert [e.content_hash for e in entries if isinstance(e, Item)]


# --- the pipeline -----------------------------------------------------------------------------------------

ACTORS = ["Russia", "Ukraine", "The United Nations", "President Emmanuel Macron", "Kenyan police", "Hamas", "NATO",
          "The European Union", "Rebels in Ghazni", "Chinese diplomats", "He", "Theresa May"]  # fmt: skip
ACTS = ["attacked", "met", "promised to withdraw troops from", "will meet", "accused", "signed a deal with",
        "threatened to sanction", "called on", "pledged aid to", "condemned", "vowed to free hostages to"]  # fmt: skip
MONTHS = ["January", "Feb.", "February", "June", "Sept.", "November", "December", "May", "march", "Jan"]
UNITS_WRITTEN = ["day", "days", "weeks", "fortnights", "months", "years", "decades", "centuries", "hours", "minutes",
                 "seconds", "quarters", "weekends", "year"]  # fmt: skip
numbers = st.one_of(
    st.integers(-40, 40).map(str), st.integers(0, 10**30).map(str), st.integers(0, 10**12).map("{:,}".format),
    st.sampled_from(["a", "two", "twenty-four", "several", "a dozen", "2 1/2", "0.5", "1/0", "0", "00", "9" * 400,
                     "1e308", "-5", "a hundred thousand", "three million"]),
)  # fmt: skip
small = st.integers(-1, 100).map(str)
fragment = st.one_of(
    st.builds("on {} {}, {}".format, st.sampled_from(MONTHS), small, numbers),
    st.builds("on {} {}".format, st.sampled_from(MONTHS), small),
    st.builds("on {} {} {}".format, small, st.sampled_from(MONTHS), numbers),
    st.builds("on {:04d}-{:02d}-{:02d}".format, st.integers(0, 9999), st.integers(0, 99), st.integers(0, 99)),
    st.builds("on {}/{}/{:04d}".format, st.integers(0, 99), st.integers(0, 99), st.integers(0, 9999)),
    st.builds("within {} {}".format, numbers, st.sampled_from(UNITS_WRITTEN)),
    st.builds("{} {} ago".format, numbers, st.sampled_from(UNITS_WRITTEN)),
    st.builds("{} {} earlier".format, numbers, st.sampled_from(UNITS_WRITTEN)),
    st.builds("for {} {}".format, numbers, st.sampled_from(UNITS_WRITTEN)),
    st.builds("by the year {}".format, numbers),
    st.builds("in year {}".format, numbers),
    st.builds("at {}:{} p.m.".format, small, small),
    st.builds("at {:02d}{:02d} GMT".format, st.integers(0, 99), st.integers(0, 99)),
    st.builds("in the {}th century".format, small),
    st.builds("in the {}0s".format, st.integers(0, 999)),
    st.builds("in Q{} {}".format, st.integers(0, 9), numbers),
    st.builds("in the summer of {}".format, numbers),
    st.builds("in the first half of {}".format, numbers),
    st.builds("between {} and {}".format, numbers, numbers),
    st.builds("every {}".format, st.sampled_from(UNITS_WRITTEN + ["Monday", "March"])),
    st.builds("{} times a {}".format, numbers, st.sampled_from(UNITS_WRITTEN)),
    st.sampled_from(
        [
            "last week",
            "next year",
            "tomorrow",
            "on Friday",
            "last night",
            "this summer",
            "yesterday",
            "at the weekend",
            "by the end of the month",
            "in the past",
            "Saturday, February 29",
            "recently",
            "July last year",
            "the first quarter of next year",
            "next month",
        ]
    ),  # fmt: skip
)
sentence = st.one_of(
    st.builds("{} {} {} {}.".format, st.sampled_from(ACTORS), st.sampled_from(ACTS), st.sampled_from(ACTORS), fragment),
    st.builds('"We will strike {}," {} said.'.format, fragment, st.sampled_from(ACTORS)),
    st.builds(
        "{}, {} {} {}.".format, fragment, st.sampled_from(ACTORS), st.sampled_from(ACTS), st.sampled_from(ACTORS)
    ),
    decoded_text,
)
texts = st.lists(sentence, min_size=1, max_size=6).flatmap(
    lambda parts: st.sampled_from([" ", "\n\n", "\n", " \u2028 "]).map(lambda sep: sep.join(parts))
)
document_dates = st.one_of(st.none(), st.dates(), st.sampled_from([FIRST_DAY, LAST_DAY, dt.date(2024, 2, 29)]))


@pytest.fixture(scope="module")
def nlp():
    return build()


def code(nlp, text: str, date: dt.date | None):
    return next(code_docs([(text, Document(id="fuzz", date=date))], nlp))


@QUICK
@given(text=texts, date=document_dates)
def test_the_pipeline_codes_random_text(nlp, text, date):
    check_records(code(nlp, text, date), text)


@pytest.mark.slow
@LONGER
@given(text=texts, date=document_dates)
def test_the_pipeline_codes_more_random_text(nlp, text, date):
    check_records(code(nlp, text, date), text)


# --- the time normaliser and the date helpers, fed directly ----------------------------------------------

big = st.one_of(st.integers(-10, 10), st.integers(-(10**12), 10**12), st.integers(-(10**40), 10**40))
counts = st.one_of(st.none(), st.just("X"), st.floats(0, 2**53, allow_nan=False), st.integers(0, 2**53).map(float))
parts = st.builds(
    Parts,
    year=st.none() | st.integers(1, 10**9),
    month=st.none() | st.integers(1, 12),
    day=st.none() | st.integers(1, 31),
    weekday=st.none() | st.integers(1, 7),
    weekday_plural=st.booleans(),
    pod=st.none() | st.sampled_from(["MO", "AF", "EV", "NI"]),
    hour=st.none() | st.integers(0, 23),
    minute=st.integers(0, 59),
    count=counts,
    unit=st.none() | st.sampled_from([*UNITS, "weekend"]),
    unit_plural=st.booleans(),
    quarter=st.none() | st.integers(1, 4),
    half=st.none() | st.integers(1, 2),
    shift=st.none() | st.integers(-1, 1),
    the=st.booleans(),
    ago=st.booleans(),
    every=st.booleans(),
    per=st.booleans(),
    set_word=st.none() | st.sampled_from(["P1D", "P1W", "PT1H"]),
    deictic=st.none() | st.sampled_from(["today", "yesterday", "tomorrow", "tonight"]),
    vague=st.none() | st.sampled_from(["PAST_REF", "PRESENT_REF", "FUTURE_REF"]),
    season=st.none() | st.sampled_from(["SP", "SU", "FA", "WI"]),
    decade=st.none() | st.integers(0, 999).map(str),
    century=st.none() | st.integers(0, 98),
    edge=st.none() | st.sampled_from(["end", "beginning", "early", "mid-"]),
)


@settings(max_examples=1000, deadline=None, database=None)
@given(p=parts, today=document_dates, tense=st.sampled_from([-1, 0, 0.5, 1]))
def test_the_normaliser_never_raises_and_stays_on_the_calendar(p, today, tense):
    """Any parts the reader can produce (numbers of any size where the text sets no bound), any document date."""
    resolved = normalise(p, today, tense)
    assert resolved is None or valid_value(*resolved), resolved


@settings(max_examples=1000, deadline=None, database=None)
@given(day=st.dates(), n=big, unit=st.sampled_from("DWMY"))
def test_shift_is_a_date_or_none(day, n, unit):
    moved = shift(day, n, unit)
    assert moved is None or FIRST_DAY <= moved <= LAST_DAY


@settings(max_examples=500, deadline=None, database=None)
@given(value=st.one_of(dates, json_values, st.dates(), st.datetimes()))
def test_iso_date_gives_a_date_none_or_a_value_error(value):
    try:
        day = iso_date(value)
    except ValueError as exc:
        assert "\n" not in str(exc)
    else:
        assert day is None or type(day) is dt.date


@settings(max_examples=500, deadline=None, database=None)
@given(value=st.one_of(st.from_regex(r"\d{4}(-\d\d){0,2}", fullmatch=True), st.text(max_size=12)))
def test_last_day_gives_a_date_or_a_value_error(value):
    try:
        assert FIRST_DAY <= last_day(value) <= LAST_DAY
    except ValueError as exc:
        assert repr(value) in str(exc)
