"""Metadata as scrapers write it, made safe to store: dates in their common forms, text fields that are bounded
scalars, and the language of the text.

A document is never lost for its metadata: a value that cannot be read (a garbled date, a title that is a list, a
URL of a megabyte) is left out with a :class:`Notice` and the document is still coded, because the text is what
is coded and it is fine. Only the text decides whether a document is coded: none at all is a problem, and a text
not in English is :class:`Skipped` (the pipeline codes English only).
"""

from __future__ import annotations

import datetime as dt
import re
import reprlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cache, partial

from dateutil import parser as dateutil_parser

from ..records import Document
from .entries import Item, Notice, Problem, Skipped

TEXT_FIELDS = ("title", "source", "url", "author")  # metadata stored as text
MAX_FIELD = 2000  # characters of a text field or an id: anything longer is a scraping error, not metadata
MAX_DATE = 100  # characters of a date string worth parsing
ENGLISH = "en"
MIN_DETECT = 200  # characters of text below which its language is not judged (too short to tell reliably)
MIN_CONFIDENCE = 0.9  # probability of the detected language below which the detection is not trusted
DETECT_CHARS = 1000  # characters read to judge a text's language: plenty to tell, and bounded in time
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")
# a lone surrogate: JSON can escape one ("\\ud800"), but it is no character and no UTF-8 text (or store) holds it
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# two default days for dateutil: a string that parses to the same day with both gave year, month and day itself
DEFAULT_DAYS = (dt.datetime(2000, 1, 1), dt.datetime(2001, 2, 2))


@dataclass(frozen=True)
class Defaults:
    """What the user said (``--date``, ``--title``, ``--source``, ``--url``) for documents that do not say it."""

    date: dt.date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None

    def shared(self) -> Defaults:
        """The defaults for each document of a collection (JSON lines, a feed, an archive): a title or a URL
        names one document, so it is not given to many."""
        return replace(self, title=None, url=None)


def parse_date(value) -> dt.date | None:
    """A date from a date, a datetime or a string in a form scrapers write: ISO 8601 with or without time and
    zone, RFC 2822 (RSS), "January 15, 2025", "15 Jan 2025". The day is the one written, in the writer's zone
    (relative dates in the text are the writer's too). A string lacking year, month or day is refused."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) <= MAX_DATE:
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
        try:
            first, second = (dateutil_parser.parse(value, default=d, ignoretz=True).date() for d in DEFAULT_DAYS)
        except (ValueError, OverflowError):  # dateutil's ParserError is a ValueError
            pass
        else:
            if first == second:
                return first
    raise ValueError(f"date {_shown(value)} cannot be read as a date")


def text_field(name: str, value) -> str | None:
    """A field as one line of text: a scalar is written out (a YAML title such as 2024 or No is still a title),
    whitespace runs become one space; a list, an object or more than :data:`MAX_FIELD` characters is refused."""
    if value is None:
        return None
    if not isinstance(value, (str, int, float, dt.date)):  # bool is an int
        raise ValueError(f"'{name}' is not text but {_shown(value)}")
    if isinstance(value, str) and len(value) > 4 * MAX_FIELD:  # not worth splitting
        raise ValueError(f"'{name}' is longer than {MAX_FIELD} characters")
    text = LONE_SURROGATE.sub("\ufffd", " ".join(str(value).split()))
    if len(text) > MAX_FIELD:
        raise ValueError(f"'{name}' is longer than {MAX_FIELD} characters")
    return text or None


def language_code(value) -> str | None:
    """A declared language ("en", "en-GB", "fr_FR", "FR") as its ISO 639 code, "en" or "fr"."""
    text = text_field("language", value)
    if text is None:
        return None
    code = re.split(r"[-_]", text, maxsplit=1)[0].lower()
    if not LANGUAGE_CODE.fullmatch(code):
        raise ValueError(f"language {_shown(value)} is not a language code")
    return code


def language_of(text: str, declared: str | None) -> tuple[str, str]:
    """(language, how it was known): detected where the text is long enough and the detector sure; else what
    the source declares, or English. Detection wins over a declaration, which sites often get wrong; an unsure
    guess does not count, as texts of names, tables or capitals fool the detector (a memo's list of addressees
    in capitals reads as Nigerian Pidgin) and an English document skipped is a document lost."""
    if len(text) >= MIN_DETECT:
        language, confidence = _language_identifier().classify(text[:DETECT_CHARS])
        if confidence >= MIN_CONFIDENCE:
            return language, "detected"
    return declared or ENGLISH, "declared"


@cache
def _language_identifier():
    """py3langid's model with probabilities that sum to 1, loaded when first needed (it takes half a second)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def document(
    text, where: str, fallback_id: str, raw: Mapping, defaults: Defaults, line: int | None = None
) -> Iterator[Item | Problem]:
    """The entries for one document read at ``where`` with the metadata ``raw`` (id, date, title, source, url,
    author, language; any missing): a problem if it has no text (or, from JSON, a ``text`` that is no string),
    :class:`Skipped` if it is not English, else a :class:`Notice` for each value left out and for a missing
    date, then its :class:`Item`."""
    notices: list[str] = []

    def read(name: str, reader: Callable):
        try:
            return reader(raw.get(name))
        except ValueError as exc:
            notices.append(f"{exc}: left out")
            return None

    try:
        doc_id = text_field("id", raw.get("id")) or fallback_id
    except ValueError as exc:
        doc_id = fallback_id
        notices.append(f"{exc}: the id is {fallback_id}")
    if not isinstance(text, str) or not text.strip():
        yield Problem(where, "has no text" if isinstance(text, str) else "has no 'text' string", line, doc_id)
        return
    if LONE_SURROGATE.search(text):
        text = LONE_SURROGATE.sub("\ufffd", text)  # one for one: offsets into the text stay true
        notices.append("has lone surrogates (\\ud800-\\udfff escapes), which are no characters: replaced by U+FFFD")
    language, how = language_of(text, read("language", language_code))
    if language != ENGLISH:
        yield Skipped(where, f"not English ({how}: {language})", line, doc_id)
        return
    given = {name: read(name, partial(text_field, name)) for name in TEXT_FIELDS}
    meta = Document(
        id=doc_id,
        title=given["title"] or defaults.title,
        date=read("date", parse_date) or defaults.date,
        source=given["source"] or defaults.source,
        url=given["url"] or defaults.url,
        author=given["author"],
        language=language,
    )
    if meta.date is None and raw.get("date") in (None, ""):
        notices.append("has no date: relative dates in it are not resolved")
    for notice in notices:
        yield Notice(where, notice, line, doc_id)
    yield Item(text=text, meta=meta, source=where, line=line)


def _shown(value) -> str:
    """A value as a message shows it: bounded, however long or deep the value."""
    short = reprlib.Repr()  # Python 3.11 takes no keyword arguments here
    short.maxstring = short.maxother = 60
    short.maxlevel, short.maxlist, short.maxdict = 2, 3, 3
    return short.repr(value)
