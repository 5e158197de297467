"""Time expressions: TIMEX3 dates, times, durations and sets, normalised against the document date.

Boundaries come from a token Matcher (the patterns below), with spaCy's DATE/TIME entities filling the gaps.
Every candidate span is then *read* token by token into its parts (month, day, count, unit, "last"/"next",
...) and the parts are resolved against the document date. Reading parts rather than parsing strings lets one
resolver serve both kinds of span and refuse what it cannot ground: an entity like "the day" is dropped
rather than given an invented value.

News conventions: a bare weekday is the last such day for a past-tense verb and the next one for a future
("will meet on Friday"); a yearless "March 3", month, quarter or season is the nearest one, leaning to the
past, unless the verb clearly says otherwise. Without a document date, relative expressions get TimeML's
underspecified values ("XXXX-12-04", "XXXX-WXX-3", PAST_REF).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from ...records import Timex, coded

# --- lexicon -----------------------------------------------------------------------------------------------

MONTH_NAMES = [
    ("january", "jan", "jan."),
    ("february", "feb", "feb."),
    ("march", "mar."),
    ("april", "apr", "apr."),
    ("may",),
    ("june", "jun."),
    ("july", "jul."),
    ("august", "aug", "aug."),
    ("september", "sep", "sep.", "sept", "sept."),
    ("october", "oct", "oct."),
    ("november", "nov", "nov."),
    ("december", "dec", "dec."),
]
MONTHS = {name: i + 1 for i, names in enumerate(MONTH_NAMES) for name in names}
# A full name is a month alone; an abbreviation, "may" (a modal) or "march" (a verb) only beside a preposition,
# "last"/"next" or "early"/"late" when no day or year comes with it.
BARE_MONTH_UNSAFE = {name for names in MONTH_NAMES for name in names[1:]} | {"may", "march"}

WEEKDAYS = {
    name: i + 1
    for i, day in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
    for name in (day, day + "s")
}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_ORDER = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}  # position in the year, winter counted at its start
PARTS_OF_DAY = {
    "morning": "MO", "mornings": "MO", "afternoon": "AF", "afternoons": "AF",
    "evening": "EV", "evenings": "EV", "night": "NI", "nights": "NI",
}  # fmt: skip
# unit word -> (ISO 8601 duration letter, is a clock unit, size in that letter)
UNITS = {
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1),
    "day": ("D", False, 1), "week": ("W", False, 1), "fortnight": ("W", False, 2),
    "month": ("M", False, 1), "quarter": ("M", False, 3), "year": ("Y", False, 1),
    "decade": ("Y", False, 10), "century": ("Y", False, 100),
}  # fmt: skip
UNIT_WORDS = {**{u: u for u in UNITS}, **{u + "s": u for u in UNITS}, "centuries": "century", "weekend": "weekend", "weekends": "weekend"}
SMALL_NUMBERS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen".split()
    )
}
TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
ORDINALS = {
    w: i + 1
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
        "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
    )
}
ORDINALS["final"] = 4  # "the final quarter"
VAGUE_COUNTS = {"several", "few", "many", "some", "numerous"}
SHIFTS = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "this": 0, "current": 0}
EDGES = {"early", "late", "mid", "earlier", "later", "end", "beginning", "start", "middle"}
DEICTIC = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}
SET_WORDS = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
    "hourly": "PT1H", "nightly": "P1D", "quarterly": "P3M",
}  # fmt: skip
VAGUE = {
    "recently": "PAST_REF", "lately": "PAST_REF", "now": "PRESENT_REF", "currently": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "present": "PRESENT_REF", "past": "PAST_REF", "future": "FUTURE_REF",
}  # fmt: skip
ZONES = {"gmt", "utc", "est", "edt", "et", "cet", "cest", "bst", "pst", "pdt", "cst", "cdt", "mst", "mdt", "jst", "ist"}
AMPM = {"a.m.": 0, "am": 0, "a.m": 0, "p.m.": 12, "pm": 12, "p.m": 12}
CLOCK_WORDS = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}
APPROX = {"about", "nearly", "almost", "some", "roughly", "around", "approximately", "just", "only", "barely", "over"}
# prepositions that patterns use as left context and that are trimmed off (TimeML leaves them out)
PREPS = {"in", "on", "at", "since", "until", "till", "by", "during", "for", "from", "before", "after", "of", "through", "throughout", "over", "into", "within"}
DEADLINE_PREPS = {"until", "till", "through", "by"}
# verbs whose to-infinitive is a plan ("expected to meet on Friday"), unlike a purpose ("staged rallies to mark")
PLAN_VERBS = {"expect", "schedule", "plan", "set", "due", "go", "hope", "want", "intend", "agree", "decide", "vow",
              "promise", "threaten", "prepare", "aim", "seek", "propose", "likely", "be", "have", "need"}
LEFT_CONTEXT = PREPS | {"between", "and", "or", "to"}
FUTURE_AUX = {"will", "shall", "'ll", "wo", "would", "could", "might", "may", "can", "should", "must"}
REPORTING = {"say", "tell", "report", "claim", "add", "note", "state", "write", "insist", "argue"}

DAY_WORDS = set(MONTHS) | set(WEEKDAYS) | set(DEICTIC)  # a clock time naming one of these is already anchored
YEAR_RE = r"^(?:mid-)?(?:1\d|20)\d\d$"
DAY_RE = r"^(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?$"

# --- patterns ----------------------------------------------------------------------------------------------

# Token classes are closed word lists (set look-ups), not regexes: the Matcher tests them on every token.
_SUFFIX = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}
DAY_WORDS_NUMERIC = [f"{d}{suffix}" for d in range(1, 32) for suffix in ("", _SUFFIX.get(d, "th"))] + [f"0{d}" for d in range(1, 10)]
YEAR_WORDS = [f"{prefix}{y}" for y in range(1000, 2100) for prefix in ("", "mid-")]
CLOCK_TIMES = [f"{h}:{m:02d}" for h in range(24) for m in range(60)] + [f"0{h}:{m:02d}" for h in range(10) for m in range(60)]

CLASSES = {
    "MONTH": {"LOWER": {"IN": sorted(MONTHS)}},
    "DAY": {"LOWER": {"IN": DAY_WORDS_NUMERIC}},
    "MM": {"LOWER": {"IN": [str(m) for m in range(1, 13)] + [f"0{m}" for m in range(1, 10)]}},
    "YEAR": {"LOWER": {"IN": YEAR_WORDS}},
    "SLASHDATE": {"SHAPE": {"IN": ["d/d/dddd", "dd/d/dddd", "d/dd/dddd", "dd/dd/dddd"]}},
    "WEEKDAY": {"LOWER": {"IN": sorted(WEEKDAYS)}},
    "SEASON": {"LOWER": {"IN": sorted(SEASONS)}},
    "POD": {"LOWER": {"IN": sorted(PARTS_OF_DAY)}},
    "UNIT": {"LOWER": {"IN": sorted(UNIT_WORDS)}},
    "NUM": {"LIKE_NUM": True},
    "QTY": {"LOWER": {"IN": ["a", "an", *sorted(VAGUE_COUNTS)]}},
    "ORD": {"LOWER": {"IN": sorted(ORDINALS) + [f"{d}{_SUFFIX.get(d, 'th')}" for d in range(1, 32)]}},
    "SHIFT": {"LOWER": {"IN": sorted(SHIFTS)}},
    "EDGE": {"LOWER": {"IN": sorted(EDGES)}},
    "DEICTIC": {"LOWER": {"IN": sorted(DEICTIC)}},
    "SETWORD": {"LOWER": {"IN": sorted(SET_WORDS)}},
    "APPROX": {"LOWER": {"IN": sorted(APPROX)}},
    "PREP": {"LOWER": {"IN": sorted(PREPS)}},
    "HOUR": {"LOWER": {"IN": [str(h) for h in range(1, 13)] + [f"{h}{sep}{m:02d}" for h in range(1, 13) for m in range(60) for sep in ":."]}},
    "CLOCK": {"LOWER": {"IN": CLOCK_TIMES}},
    "AMPM": {"LOWER": {"IN": sorted(AMPM)}},
    "ZONE": {"LOWER": {"IN": sorted(ZONES)}},
    "DECADE": {"LOWER": {"IN": [f"{prefix}{y}s" for y in range(1000, 2100, 10) for prefix in ("", "mid-")]}},
    "DECADE2": {"LOWER": {"IN": [f"{d}0s" for d in range(10)]}},
    "HHMM": {"LOWER": {"IN": [f"{h:02d}{m:02d}" for h in range(24) for m in range(60)]}},
    "QTR": {"LOWER": {"IN": ["q1", "q2", "q3", "q4"]}},
    "HALFQ": {"LOWER": {"IN": ["quarter", "half", "quarters"]}},
    "CENTURY": {"LOWER": {"IN": ["century", "centuries"]}},
    "-": {"ORTH": "-"},
    ",": {"ORTH": ","},
    "'": {"ORTH": {"IN": ["'", "’"]}},
}

# A pattern is a string of CLASSES names or literal lower-case words ("a|b" for either); a trailing "?" makes
# a token optional. Leading prepositions and edge punctuation are trimmed from every match afterwards.
PATTERNS = [
    # calendar dates
    "WEEKDAY? ,? MONTH DAY ,? YEAR?",
    "WEEKDAY? ,? DAY MONTH ,? YEAR?",
    "WEEKDAY? ,? the? DAY of MONTH ,? YEAR?",
    "YEAR - MM - DAY",
    "SLASHDATE",
    "EDGE? MONTH ,? YEAR",
    "MONTH of YEAR",
    "MONTH of? last|next|this year",
    "MONTH of the year",
    "EDGE? SHIFT? MONTH",
    "PREP|between|and|or|to EDGE? YEAR",
    "fiscal YEAR",
    "EDGE - YEAR",
    # weekdays, deictic days, parts of day
    "EDGE? SHIFT? WEEKDAY POD?",
    "EDGE? DEICTIC POD?",
    "EDGE? SHIFT POD",
    # calendar units relative to the document date, and "N units ago"
    "EDGE? SHIFT SHIFT? UNIT",
    "the? end|beginning|start|middle of the|this|next|last UNIT",
    "APPROX? NUM NUM? UNIT ago",
    "APPROX? NUM - NUM UNIT ago",
    "more|less than NUM NUM? UNIT ago",
    "APPROX? QTY few? UNIT ago",
    "UNIT ago",
    "APPROX? NUM NUM? UNIT earlier",  # "a year earlier": counted back from the document date, like "ago"
    "APPROX? QTY few? UNIT earlier",
    # durations
    "the? SHIFT? APPROX? NUM NUM? UNIT",
    "the? SHIFT? APPROX? NUM - NUM UNIT",
    "more|less than NUM NUM? UNIT",
    "NUM - UNIT",
    "NUM UNIT and a half",
    "QTY UNIT and a half",
    "half a|an UNIT",
    "the? SHIFT? APPROX? QTY few? UNIT",
    "the? SHIFT UNIT",
    "recent UNIT",
    "PREP UNIT",
    # quarters, halves, seasons, decades, centuries
    "the? SHIFT? ORD -? HALFQ",
    "the? SHIFT? ORD -? HALFQ of? YEAR",
    "the? SHIFT? ORD -? HALFQ of the|this|last|next year",
    "YEAR ORD -? HALFQ",
    "QTR YEAR?",
    "EDGE? SHIFT SHIFT? SEASON",
    "EDGE SEASON",
    "the? EDGE? SEASON of? YEAR",
    "the? EDGE? SEASON of the|this|last|next year",
    "the EDGE? SEASON",
    "PREP SEASON",
    "the? EDGE? DECADE",
    "the EDGE? DECADE2",
    "the? EDGE? ' DECADE2",
    "the? ORD -? CENTURY",
    "SHIFT CENTURY",
    # sets
    "every|each other? NUM? UNIT|WEEKDAY|MONTH|SEASON|POD",
    "SETWORD",
    "NUM? times|once|twice a|per|each UNIT",
    # vague references
    "recently|lately|now|currently|nowadays",
    "right now",
    "at present",
    "these days",
    "the near|distant|foreseeable? future",
    "the distant|recent? past",
    # clock times
    "APPROX? HOUR AMPM ZONE? ,? WEEKDAY|DEICTIC? POD?",
    "APPROX? CLOCK AMPM|ZONE ZONE? ,? WEEKDAY|DEICTIC? POD?",
    "at CLOCK ZONE? ,? WEEKDAY|DEICTIC? POD?",
    "HOUR o'clock",
    "noon|midday|midnight WEEKDAY|DEICTIC?",
    "at? HHMM ZONE",
]


def _token_spec(word: str) -> dict:
    """The Matcher dict for one word of a pattern string."""
    optional = word.endswith("?") and len(word) > 1
    word = word.rstrip("?") if optional else word
    if word in CLASSES:
        spec = dict(CLASSES[word])
    elif "|" in word:
        # a class may stand among the alternatives ("UNIT|WEEKDAY"): merge their word lists
        lower: list[str] = []
        for w in word.split("|"):
            lower.extend(CLASSES[w]["LOWER"]["IN"] if w in CLASSES else [w])
        spec = {"LOWER": {"IN": lower}}
    else:
        spec = {"LOWER": word}
    if optional:
        spec["OP"] = "?"
    return spec


# Every pattern holds at least one of these words, so the full pattern set only runs on the few stretches of
# text around them (matching all patterns against every token costs more than the parse's tagger).
TRIGGER_CLASSES = ("MONTH", "YEAR", "SLASHDATE", "WEEKDAY", "SEASON", "POD", "UNIT", "DEICTIC", "SETWORD", "AMPM",
                   "ZONE", "DECADE", "DECADE2", "QTR", "HALFQ", "CENTURY", "CLOCK")  # fmt: skip
TRIGGERS = sorted(
    {w for c in TRIGGER_CLASSES if "LOWER" in CLASSES[c] for w in CLASSES[c]["LOWER"]["IN"]}
    | {"recently", "lately", "now", "currently", "nowadays", "present", "future", "past", "o'clock", "noon", "midday", "midnight"}
)
MAX_PATTERN = max(len(p.split()) for p in PATTERNS)


def _compile(nlp: Language) -> tuple[Matcher, Matcher]:
    """The trigger matcher and the full pattern matcher."""
    matcher = Matcher(nlp.vocab)
    for i, pattern in enumerate(PATTERNS):
        matcher.add(f"timex{i}", [[_token_spec(w) for w in pattern.split()]])
    triggers = Matcher(nlp.vocab)
    triggers.add("trigger", [[{"LOWER": {"IN": TRIGGERS}}], [CLASSES["SLASHDATE"]]])
    return triggers, matcher


def _match(triggers: Matcher, matcher: Matcher, doc: Doc) -> list[Span]:
    """All pattern matches, found by running the patterns only on windows around trigger words."""
    windows: list[list[int]] = []
    for _, start, _ in triggers(doc):
        lo, hi = max(0, start - MAX_PATTERN), min(len(doc), start + MAX_PATTERN)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    return [span for lo, hi in windows for span in matcher(doc[lo:hi], as_spans=True)]


# --- reading a span into its parts -------------------------------------------------------------------------


@dataclass
class _Parts:
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


def _read(span: Span) -> _Parts | None:
    """The span's parts, or None when a token rules out a time reading (a name, an age, "a second round")."""
    p = _Parts()
    toks = list(span)
    words = [t.lower_ for t in toks]
    n = len(toks)
    i = 0
    while i < n:
        w, t = words[i], toks[i]
        prev = words[i - 1] if i else ""
        nxt = words[i + 1] if i + 1 < n else ""
        if (w in MONTHS or w in WEEKDAYS) and t.ent_type_ not in ("", "DATE", "TIME"):
            return None  # "Theresa May", "the Sunday Times"
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", "".join(words[i : i + 5])):
            p.year, p.month, p.day = (int(g) for g in m.groups())
            i += 5
            continue
        if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", w):
            a, b, p.year = (int(g) for g in m.groups())
            p.month, p.day = (a, b) if a <= 12 else (b, a)  # US order unless the first cannot be a month
        elif w in MONTHS and p.month is None:
            p.month = MONTHS[w]
        elif w in WEEKDAYS:
            p.weekday, p.weekday_plural = WEEKDAYS[w], w.endswith("s")
        elif w in SEASONS:
            if t.pos_ not in ("NOUN", "PROPN"):
                return None  # "prices fall", "spring into action"
            p.season = SEASONS[w]
        elif w in PARTS_OF_DAY:
            p.pod = PARTS_OF_DAY[w]
        elif w in DEICTIC:
            p.deictic = w
        elif w in SET_WORDS:
            p.set_word = SET_WORDS[w]
        elif w in CLOCK_WORDS:
            p.hour, p.minute = CLOCK_WORDS[w]
        elif w in ("every", "each"):
            p.every = True
        elif w in ("times", "once", "twice") and nxt in ("a", "per", "each"):
            p.per = True
            i += 2
            continue
        elif w == "half" and p.count is None and nxt in ("a", "an"):  # "half an hour"
            p.count = 0.5
        elif w == "half" and prev == "a" and isinstance(p.count, float):  # "a year and a half"
            p.count += 0.5
        elif w == "ago" or (w == "earlier" and not nxt and p.unit):  # "a year earlier" = "a year ago"
            p.ago = True
        elif w == "the":
            p.the = True
        elif w in ("q1", "q2", "q3", "q4"):
            p.quarter = int(w[1])
        elif (o := _ordinal(w)) is not None and nxt in ("quarter", "half", "-", "century", "centuries"):
            p.ordinal = o
        elif w in ("quarter", "half") and p.ordinal is not None and p.count is None:
            if p.ordinal > (4 if w == "quarter" else 2):
                return None
            p.quarter, p.half = (p.ordinal, None) if w == "quarter" else (None, p.ordinal)
        elif w in ("century", "centuries") and p.ordinal:
            p.century = p.ordinal - 1
        elif w in UNIT_WORDS:
            if w.startswith(("second", "quarter")) and (p.count is None or prev in ("a", "an", "-")):
                return None  # "a second round", "the second day", "fell by a quarter", "three-quarters"
            p.unit, p.unit_plural = UNIT_WORDS[w], w not in UNITS and w != "weekend"
        elif m := re.fullmatch(r"(?:mid-)?(\d{1,3})0s", w):
            p.decade = m.group(1)
        elif (m := re.fullmatch(r"([01]\d|2[0-3])([0-5]\d)", w)) and nxt in ZONES:
            p.hour, p.minute = int(m.group(1)), int(m.group(2))  # "1500 GMT": a 24-hour clock
        elif re.fullmatch(YEAR_RE, w) and nxt not in UNIT_WORDS:
            if p.year is not None:
                return None  # "between 1994 and 1997": two dates, left to the patterns that split them
            p.year = int(w[-4:])
        elif re.fullmatch(DAY_RE, w) and p.day is None and (
            prev in MONTHS or nxt in MONTHS or nxt == "of" and i + 2 < n and words[i + 2] in MONTHS
        ):
            p.day = int(re.match(r"\d+", w).group())
        elif (m := re.fullmatch(r"(\d{1,2})(?:[:.](\d\d))?", w)) and (nxt in AMPM or nxt == "o'clock"):
            p.hour = int(m.group(1)) % 12 + AMPM.get(nxt, 0)
            p.minute = int(m.group(2) or 0)
            i += 2
            continue
        elif m := re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", w):
            p.hour, p.minute = int(m.group(1)), int(m.group(2))
            if nxt in AMPM:
                p.hour = p.hour % 12 + AMPM[nxt]
                i += 1
        elif w in VAGUE and (w not in SHIFTS or i == n - 1):
            p.vague = VAGUE[w]  # "the past" (but "the past week" is a shift)
        elif w in SHIFTS and p.shift is None:
            p.shift = SHIFTS[w]
        elif w in EDGES or w.startswith("mid-"):
            p.edge = w
        elif w in VAGUE_COUNTS or w == "recent":
            p.count = "X"
        elif _ordinal(w) is not None:
            pass  # "the first nine months": the count follows
        elif t.like_num or w in ("a", "an"):
            j = i
            while j < n and (toks[j].like_num or words[j] in ("a", "an", "-", "dozen", "and")) and _ordinal(words[j]) is None:
                j += 1
            while j > i + 1 and words[j - 1] in ("-", "and"):
                j -= 1
            value = _number(words[i:j])
            if value is not None and p.count is None:
                p.count = value
            i = j
            continue
        i += 1
    if p.month and p.day is None and p.year is None and not p.every:
        tok = next(t for t in toks if t.lower_ in MONTHS)
        before = span.doc[tok.i - 1].lower_ if tok.i else ""
        after = span.doc[tok.i + 1] if tok.i + 1 < len(span.doc) else None
        if tok.tag_ != "NNP" or tok.lower_ in BARE_MONTH_UNSAFE and before not in PREPS | set(SHIFTS) | EDGES:
            return None  # "may", "march", "Jan" alone are words or names more often than months
        if after is not None and after.pos_ == "PROPN" and after.is_title and after.lower_ not in DAY_WORDS:
            return None  # "April Johnson", "May Day"
    return p


def _not_time(span: Span, p: _Parts) -> bool:
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


# --- resolution ------------------------------------------------------------------------------------------


def _tense(span: Span) -> float:
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


def _pick(today_index: int, index_of_year, years: tuple[int, ...], tense: float, window: int) -> int:
    """The year putting a yearless date nearest the document date.

    News leans to the past, so without a future verb a date ahead counts half again as far. A clear tense
    (will / past) overrides the nearest only when that is more than ``window`` steps on the wrong side:
    "extended the offer to Nov. 20" written on Nov. 2 is still this Nov. 20.
    """
    candidates = [(index, y) for y in years if (index := index_of_year(y)) is not None]

    def cost(c: tuple[int, int]) -> tuple[float, bool]:
        ahead = c[0] - today_index
        return (ahead * 1.5 if ahead > 0 and tense <= 0 else abs(ahead)), c[1] != years[1]

    best = min(candidates, key=cost)
    if tense >= 1 and best[0] < today_index - window:
        best = min((c for c in candidates if c[0] >= today_index), key=cost)
    elif tense <= -1 and best[0] > today_index + window:
        best = min((c for c in candidates if c[0] <= today_index), key=cost)
    return best[1]


def _date_index(month: int, day: int):
    """Year -> day number of that month/day in it (None for Feb 29 in a common year), for :func:`_pick`."""

    def index(y: int) -> int | None:
        try:
            return dt.date(y, month, day).toordinal()
        except ValueError:
            return None

    return index


def _week(d: dt.date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def _add_months(d: dt.date, k: int) -> tuple[int, int]:
    y, m = divmod(d.year * 12 + d.month - 1 + k, 12)
    return y, m + 1


def _duration(count: float | str, unit: str) -> str:
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
        smaller = {("Y", False): ("M", 12, False), ("D", False): ("H", 24, True), ("H", True): ("M", 60, True), ("M", True): ("S", 60, True)}
        if sub := smaller.get((letter, clock)):
            (time_part if sub[2] else date_part).append(f"{fraction * sub[1]:g}{sub[0]}")
        else:
            date_part = [f"{amount:g}{letter}"]
    return "P" + "".join(date_part) + ("T" + "".join(time_part) if time_part else "")


def _weekday_date(today: dt.date, weekday: int, shift: int | None, tense: float) -> dt.date:
    """Past tense: the latest such day on or before the document date; future: the first on or after."""
    back = (today.isoweekday() - weekday) % 7
    ahead = (weekday - today.isoweekday()) % 7
    if shift == -1:
        return today - dt.timedelta(days=back or 7)
    if shift == 1:
        return today + dt.timedelta(days=ahead or 7)
    if shift == 0 or tense > 0:
        return today + dt.timedelta(days=ahead)
    return today - dt.timedelta(days=back)


def _calendar_unit(today: dt.date | None, unit: str, k: int, tense: float) -> str | None:
    """Value of the week/month/year/... ``k`` steps from the document date ("last week" is k=-1)."""
    if today is None:
        return {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}[max(-1, min(1, k))]
    if unit == "day":
        return (today + dt.timedelta(days=k)).isoformat()
    if unit in ("week", "fortnight"):
        return _week(today + dt.timedelta(weeks=k))
    if unit == "weekend":
        if k == 0 and tense < 0 and today.isoweekday() < 6:
            k = -1  # "at the weekend" in a past-tense report: the one just gone
        return _week(today + dt.timedelta(weeks=k)) + "-WE"
    if unit == "month":
        y, m = _add_months(today, k)
        return f"{y:04d}-{m:02d}"
    if unit == "quarter":
        y, q = divmod(today.year * 4 + (today.month - 1) // 3 + k, 4)
        return f"{y:04d}-Q{q + 1}"
    if unit == "year":
        return f"{today.year + k:04d}"
    if unit == "decade":
        return str(today.year // 10 + k)
    if unit == "century":
        return str(today.year // 100 + k)
    return None


def _ago(today: dt.date | None, count: float | str | None, unit: str) -> str | None:
    if today is None or not isinstance(count, float) or count != int(count):
        return "PAST_REF"
    k = int(count)
    if unit == "hour" and k < 24 or unit in ("minute", "second"):
        return today.isoformat()
    if unit == "hour":
        return (today - dt.timedelta(days=k // 24)).isoformat()
    if unit == "day":
        return (today - dt.timedelta(days=k)).isoformat()
    if unit == "fortnight":
        return _week(today - dt.timedelta(weeks=2 * k))
    if unit == "decade":
        return str((today.year - 10 * k) // 10)
    if unit == "century":
        return str((today.year - 100 * k) // 100)
    return _calendar_unit(today, unit, -k, -1)


def _resolve(span: Span, p: _Parts, today: dt.date | None) -> tuple[str, str] | None:
    """(type, value) for the span's parts, or None when they do not make a grounded time expression."""
    tense = _tense(span)

    # sets first: "every day", "weekly", "twice a year", "on Mondays"
    if p.set_word:
        return "SET", p.set_word
    if p.every or p.per or (p.weekday and p.weekday_plural):
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
            return "SET", _duration(count, p.unit)
        return None

    # "July last year", "the first half of this year", "the summer of next year"
    if p.unit == "year" and p.count is None and p.year is None and (p.month or p.quarter or p.half or p.season) and today:
        p.year = today.year + (p.shift or 0)

    # the day the expression sits on, if it names one
    day: dt.date | None = None
    day_value: str | None = None
    if p.month and p.day:
        if p.year:
            try:
                day = dt.date(p.year, p.month, p.day)
            except ValueError:
                return None
        elif today:
            years = (today.year - 1, today.year, today.year + 1)
            if p.weekday:  # "Saturday, April 25": the year whose April 25 is a Saturday, if one is near
                fits = [y for y in years if (i := _date_index(p.month, p.day)(y)) and dt.date.fromordinal(i).isoweekday() == p.weekday]
                years = (fits[0], fits[0], fits[0]) if len(fits) == 1 else years
            y = _pick(today.toordinal(), _date_index(p.month, p.day), years, tense, 61)
            day = dt.date(y, p.month, p.day)
        else:
            day_value = f"XXXX-{p.month:02d}-{p.day:02d}"
    elif p.weekday:
        if today:
            day = _weekday_date(today, p.weekday, p.shift, tense)
        else:
            day_value = f"XXXX-WXX-{p.weekday}"
    elif p.deictic:
        if today:
            day = today + dt.timedelta(days=DEICTIC[p.deictic])
        else:
            day_value = {"yesterday": "PAST_REF", "tomorrow": "FUTURE_REF"}.get(p.deictic, "PRESENT_REF")
        if p.deictic == "tonight":
            p.pod = "NI"
    elif p.pod and p.shift is not None and p.count is None:  # "this morning", "last night"
        if p.shift == 1:
            return None
        if today:
            day = today - dt.timedelta(days=1) if p.shift == -1 and p.pod == "NI" else today
        else:
            day_value = "PRESENT_REF"
    if day:
        day_value = day.isoformat()

    # clock times, anchored to that day (or the document date)
    if p.hour is not None:
        anchor = day_value or (today.isoformat() if today else "XXXX-XX-XX")
        if "REF" in anchor:
            anchor = "XXXX-XX-XX"
        return "TIME", f"{anchor}T{p.hour:02d}:{p.minute:02d}"
    if day_value:
        if p.pod and "REF" not in day_value:
            return "TIME", f"{day_value}T{p.pod}"
        return "DATE", day_value

    # "N units ago"
    if p.ago and p.unit:
        return "DATE", _ago(today, p.count if p.count is not None else "X", p.unit)

    # month and year
    if p.month:
        if p.year:
            return "DATE", f"{p.year:04d}-{p.month:02d}"
        if not today:
            return "DATE", f"XXXX-{p.month:02d}"
        month_index = today.year * 12 + today.month
        if p.shift == -1:
            y = today.year if p.month < today.month else today.year - 1
        elif p.shift == 1:
            y = today.year if p.month > today.month else today.year + 1
        elif p.shift == 0:
            y = today.year
        else:
            y = _pick(month_index, lambda y: y * 12 + p.month, (today.year - 1, today.year, today.year + 1), tense, 2)
        return "DATE", f"{y:04d}-{p.month:02d}"

    # quarters and halves
    if p.quarter or p.half:
        period, n, per_year = ("Q", p.quarter, 4) if p.quarter else ("H", p.half, 2)
        if p.year:
            return "DATE", f"{p.year:04d}-{period}{n}"
        if not today:
            return "DATE", f"XXXX-{period}{n}"
        now = today.year * per_year + (today.month - 1) * per_year // 12
        y = _pick(now, lambda y: y * per_year + n - 1, (today.year - 1, today.year, today.year + 1), tense, 0)
        return "DATE", f"{y:04d}-{period}{n}"

    # seasons
    if p.season:
        if p.year:
            return "DATE", f"{p.year:04d}-{p.season}"
        if not today:
            return "DATE", {-1: "PAST_REF", 1: "FUTURE_REF"}.get(p.shift, f"XXXX-{p.season}")
        # December opens the next year's winter (WI is the year's first season)
        now = today.year * 4 + (today.month % 12) // 3 + 4 * (today.month == 12)
        target = SEASON_ORDER[p.season]
        side = p.shift if p.shift is not None else tense
        y = _pick(now, lambda y: y * 4 + target, (today.year - 1, today.year, today.year + 1, today.year + 2), side, 0)
        if p.shift and y * 4 + target == now:  # "last summer" said in summer
            y += p.shift
        return "DATE", f"{y:04d}-{p.season}"

    # decades and centuries
    if p.decade:
        if len(p.decade) == 1:  # "the '90s": the most recent such decade not after the document year
            if not today:
                return "DATE", f"XX{p.decade}"
            year = today.year // 100 * 100 + int(p.decade) * 10
            p.decade = str((year - 100 if year > today.year else year) // 10)
        if len(p.decade) != 3:
            return None
        if p.decade.endswith("0") and p.decade[:2] != "20":
            return "DATE", p.decade[:2]  # "the 1900s" is read as the century
        return "DATE", p.decade
    if p.century is not None:
        return "DATE", str(p.century)

    # bare years ("in 2022", "the year 2000", "fiscal 2023")
    if p.year and p.count is None:
        return "DATE", f"{p.year:04d}"

    # units: durations and calendar units relative to the document date
    if p.unit:
        if (p.count is not None or p.unit_plural) and p.unit in UNITS:
            return "DURATION", _duration(p.count if p.count is not None else "X", p.unit)
        if p.shift and p.the and p.edge is None and p.unit not in ("quarter", "weekend"):
            return "DURATION", _duration(1.0, p.unit)  # "the past year", "the next week" (but "the last quarter")
        if p.shift is not None:
            return "DATE", _calendar_unit(today, p.unit, p.shift, tense)
        if p.edge in ("end", "beginning", "start", "middle") or p.unit == "weekend" and p.the:
            return "DATE", _calendar_unit(today, p.unit, 0, tense)
        return None

    if p.vague:
        return "DATE", p.vague
    return None


def _trim(span: Span) -> Span:
    """Drop the prepositions and punctuation patterns match as context (TimeML leaves them out)."""
    start, end = span.start, span.end
    while start < end and (span.doc[start].is_punct and span.doc[start].text not in ("'", "’") or span.doc[start].lower_ in LEFT_CONTEXT):
        start += 1
    while end > start and (span.doc[end - 1].is_punct or span.doc[end - 1].lower_ in LEFT_CONTEXT):
        end -= 1
    return span.doc[start:end]


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
    """Appends a :class:`~eventwire.document.Timex` for every time expression in the document."""

    def __init__(self, nlp: Language):
        self.triggers, self.matcher = _compile(nlp)

    def __call__(self, doc: Doc) -> Doc:
        records = coded(doc)
        today = records.meta.date
        spans = [(_trim(span), True) for span in _match(self.triggers, self.matcher, doc)]
        spans += [(_trim(ent), False) for ent in doc.ents if ent.label_ in ("DATE", "TIME")]
        candidates, seen = [], set()
        for span, from_pattern in spans:
            key = (span.start, span.end)
            if not len(span) or key in seen:
                continue
            seen.add(key)
            parts = _read(span)
            if parts is None or _not_time(span, parts):
                continue
            resolved = _resolve(span, parts, today)
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
        if sent.start_char <= timex.start and timex.end <= sent.end_char and timex.type in ("DATE", "TIME") \
                and keep(timex):
            m = SPECIFIC.match(timex.value)
            rank = m and 1 + (m.group(2) is not None) + (m.group(3) is not None)
            if rank and rank > best_rank:
                best, best_rank = timex, rank
    return best


@Language.factory("eventwire_timex", requires=["doc._.ew", "doc.ents"], assigns=["doc._.ew"])
def make_timex_stage(nlp: Language, name: str) -> TimeStage:
    """The time expressions stage."""
    return TimeStage(nlp)
