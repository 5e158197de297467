"""The records eventwire produces: declared once here, serialised everywhere from this declaration.

Each record kind is a dataclass. The JSON Schema of the output (:func:`json_schema`), the DuckDB tables
(:func:`duckdb_ddl`) and the Arrow schemas (:func:`arrow_schema`) are derived from the dataclass fields, so
a new field is added in one place. A record turns into a plain dict (:meth:`Coded.to_json`) and back
(:meth:`Coded.from_json`); on a spaCy ``Doc`` (``doc._.ew``) they travel through msgpack (``doc.to_bytes``,
``DocBin``, ``nlp.pipe(n_process=N)``) by the encoder that :mod:`eventwire.stages` registers.

All offsets are ``[start, end)`` character offsets into the document text, so every record can be checked
against its evidence by slicing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from dataclasses import asdict, dataclass, field

from .lang import PRECISIONS, last_day, period

if typing.TYPE_CHECKING:  # records stay importable without spaCy (the store and query commands need no NLP)
    from spacy.tokens import Doc, Span, Token

SCHEMA = "eventwire/5"


def _json(**constraints):
    """Extra JSON Schema constraints of a field (an enum, a pattern), kept in the dataclass field."""
    return {"json": constraints}


@dataclass
class Document:
    """What is known of a document before coding: its id and metadata (``source`` is the outlet or site)."""

    id: str
    title: str | None = None
    date: dt.date | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    language: str | None = None  # ISO 639-1 code of the text ("en")
    outlet: str | None = None  # who published it, named alike across documents (eventwire.stories: "Reuters")
    story_id: str | None = None  # the story it is a copy of: the doc_id of the story's first document, once stored


@dataclass(eq=False)  # one object per referent: compared and hashed by identity
class Actor:
    id: str
    name: str
    code: str | None
    country: str | None = field(metadata=_json(pattern="^[A-Z]{3}$"))
    sector: str | None
    type: str = field(metadata=_json(enum=["person", "country", "organisation", "group"]))
    title: str | None = None
    mentions: list[list[int]] = field(default_factory=list)


@dataclass
class Event:
    id: str
    source: list[str]
    target: list[str]
    source_code: str | None
    target_code: str | None
    cameo: str
    plover: str | None
    mode: str | None
    quad: int
    goldstein: float
    date: str | None
    modality: str = field(
        metadata=_json(enum=["asserted", "intended", "threatened", "requested", "hypothetical", "denied"])
    )
    negated: bool
    reported_by: str | None
    deadline: str | None
    place: str | None
    trigger: list[int]
    sentence: list[int]
    confidence: float
    date_source: str = "document"
    pattern: str | None = None  # the lexicon row that fired, e.g. "send/VERB+obj:system"
    path: str | None = None  # how the parse filled the roles, e.g. "source nsubj 'Russia'; target dobj 'Ukraine'"
    source_span: list[int] | None = None  # the whole noun phrase filling the source role
    target_span: list[int] | None = None  # ...and the target role
    place_source: str | None = field(default=None, metadata=_json(enum=["sentence", "dateline", "target", "lead"]))
    evidence: list[list[int]] = field(default_factory=list)  # every sentence reporting this act, `sentence` first


@dataclass
class Quote:
    id: str
    speaker: str | None
    speaker_text: str | None
    source: list[int] | None
    cue: list[int] | None
    direct: bool
    content: list[int]
    text: str
    events: list[str] = field(default_factory=list)


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str = field(metadata=_json(enum=["DATE", "TIME", "DURATION", "SET"]))
    value: str


@dataclass
class Place:
    start: int
    end: int
    text: str
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None = None
    id: str | None = None
    # how exact the coordinates are; the GeoNames feature class (A admin, P populated place, L area, H water, R road)
    precision: str | None = field(default=None, metadata=_json(enum=["country", "admin region", "city", "region"]))
    feature_class: str | None = field(default=None, metadata=_json(enum=["A", "P", "L", "H", "R"]))


RECORDS: dict[str, type] = {"actors": Actor, "events": Event, "quotes": Quote, "timexes": Timex, "places": Place}


@dataclass
class StoredDocument:
    """A document row of the store: the document's metadata plus its text and content hash."""

    doc_id: str
    hash: str
    title: str | None
    date: dt.date | None
    source: str | None
    url: str | None
    text: str
    ingested_at: dt.datetime
    outlet: str | None = None  # see Document
    story_id: str | None = None


# An event's or a time expression's date as the text gives it is ISO text of any precision ("2024-11-20",
# "2024-W48", "2024-12"); the store adds the calendar day the period starts and its precision, so that date filters
# and time series compare DATE values. The JSON output keeps the dates as coded.


@dataclass
class StoredEvent(Event):
    """An event row of the store: the event and its dates as calendar days (:func:`stored_row` fills them)."""

    day: dt.date | None = None  # first day of the period `date` names; the document's date where it names none
    date_precision: str | None = field(default=None, metadata=_json(enum=list(PRECISIONS)))
    deadline_day: dt.date | None = None  # last day the deadline allows ("by March 2025": 2025-03-31)


@dataclass
class StoredTimex(Timex):
    """A time expression row of the store, with the calendar day its value starts."""

    day: dt.date | None = None  # first day of the period `value` names; null for others (a duration, PAST_REF)
    date_precision: str | None = field(default=None, metadata=_json(enum=list(PRECISIONS)))


# the record class of each table of the store: a record kind's own, or one with the columns the store adds
STORED: dict[str, type] = {"documents": StoredDocument, **RECORDS, "events": StoredEvent, "timexes": StoredTimex}


def stored_row(table: str, record: dict, doc_id: str, document_date: dt.date | None) -> dict:
    """The row of a record kind's table for a record (its JSON data) of a document: ``doc_id``, the record's
    fields, and the columns the store derives from them."""
    row = {"doc_id": doc_id, **record}
    if table == "events":
        found = period(record["date"]) or ((document_date, "day") if document_date else (None, None))
        row.update(day=found[0], date_precision=found[1], deadline_day=_last_day(record["deadline"]))
    elif table == "timexes":
        found = period(record["value"]) or (None, None)
        row.update(day=found[0], date_precision=found[1])
    return row


def _last_day(value: str | None) -> dt.date | None:
    try:
        return last_day(value) if value else None
    except ValueError:  # a deadline that is no calendar day, month or year: no day to compare
        return None


@dataclass
class Coded:
    """Everything the stages found in one document, plus the token→actor index they share."""

    meta: Document
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    # token index -> actor id, for every token inside an actor mention
    actor_of_token: dict[int, str] = field(default_factory=dict)
    # (start token, end token, actor id) for every mention, in text order
    mention_spans: list[tuple[int, int, str]] = field(default_factory=list)

    def actor(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def actor_at(self, token: Token) -> Actor | None:
        actor_id = self.actor_of_token.get(token.i)
        return self.actor(actor_id) if actor_id else None

    def add_mention(self, actor: Actor, span: Span) -> None:
        """Record that ``span`` refers to ``actor`` (char offsets for output, tokens for the stages)."""
        actor.mentions.append([span.start_char, span.end_char])
        self.mention_spans.append((span.start, span.end, actor.id))
        for i in range(span.start, span.end):
            self.actor_of_token[i] = actor.id

    def keep_events(self, min_confidence: float) -> None:
        """Drop events below a confidence, and the quotes' references to them."""
        self.events = [e for e in self.events if e.confidence >= min_confidence]
        kept = {e.id for e in self.events}
        for quote in self.quotes:
            quote.events = [e for e in quote.events if e in kept]

    def to_json(self) -> dict:
        """The document's records as plain JSON data (the output format, valid against :func:`json_schema`)."""
        document = asdict(self.meta)
        document["date"] = self.meta.date.isoformat() if self.meta.date else None
        return {
            "schema": SCHEMA,
            "document": document,
            **{kind: [asdict(r) for r in getattr(self, kind)] for kind in RECORDS},
        }

    @classmethod
    def from_json(cls, data: dict, mention_spans: list | None = None) -> Coded:
        """The inverse of :meth:`to_json`; ``mention_spans`` restores the token index the stages share."""
        document = dict(data["document"])
        document["date"] = dt.date.fromisoformat(document["date"]) if document["date"] else None
        coded = cls(
            meta=Document(**document), **{kind: [record(**r) for r in data[kind]] for kind, record in RECORDS.items()}
        )
        for start, end, actor_id in mention_spans or []:
            coded.mention_spans.append((start, end, actor_id))
            coded.actor_of_token.update((i, actor_id) for i in range(start, end))
        return coded


def coded(doc: Doc) -> Coded:
    """The document's records; raises if the doc did not go through :func:`eventwire.nlp.make_doc`."""
    ew = doc._.ew
    if ew is None:
        raise ValueError("document has no eventwire records: create it with eventwire.nlp.make_doc")
    return ew


# -- derived schemas ----------------------------------------------------------------------------------------


def _kind(hint) -> tuple[type | str, bool]:
    """(base type, nullable) of a field annotation; lists are named "span", "spans" or "strings"."""
    nullable = False
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        nullable, hint = True, args[0]
    if typing.get_origin(hint) is list:
        (item,) = typing.get_args(hint)
        return ("spans" if typing.get_origin(item) is list else "span" if item is int else "strings"), nullable
    return hint, nullable


def fields(record: type) -> list[tuple[str, type | str, bool, dict]]:
    """(name, base type, nullable, JSON constraints) of each field of a record class."""
    hints = typing.get_type_hints(record)
    return [(f.name, *_kind(hints[f.name]), f.metadata.get("json", {})) for f in dataclasses.fields(record)]


JSON_TYPES = {
    str: {"type": "string"},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
    dt.date: {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
    "span": {"$ref": "#/$defs/span"},
    "spans": {"type": "array", "items": {"$ref": "#/$defs/span"}},
    "strings": {"type": "array", "items": {"type": "string"}},
}
DUCKDB_TYPES = {
    str: "VARCHAR",
    int: "BIGINT",
    float: "DOUBLE",
    bool: "BOOLEAN",
    dt.date: "DATE",
    dt.datetime: "TIMESTAMP",
    "span": "INTEGER[]",
    "spans": "INTEGER[][]",
    "strings": "VARCHAR[]",
}


def _arrow_types():
    import pyarrow as pa

    return {
        str: pa.string(),
        int: pa.int64(),
        float: pa.float64(),
        bool: pa.bool_(),
        dt.date: pa.date32(),
        dt.datetime: pa.timestamp("us"),
        "span": pa.list_(pa.int32()),
        "spans": pa.list_(pa.list_(pa.int32())),
        "strings": pa.list_(pa.string()),
    }


def _json_object(record: type) -> dict:
    properties = {}
    for name, kind, nullable, constraints in fields(record):
        prop = {**JSON_TYPES[kind], **constraints}
        if nullable:
            prop = {"anyOf": [prop, {"type": "null"}]}
        properties[name] = prop
    return {"type": "object", "required": list(properties), "additionalProperties": False, "properties": properties}


def json_schema() -> dict:
    """The JSON Schema of one coded document (``eventwire code --format json``)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA,
        "title": "eventwire document",
        "description": "One coded document. Offsets are [start, end) character offsets into the document text.",
        "type": "object",
        "required": ["schema", "document", *RECORDS],
        "additionalProperties": False,
        "$defs": {"span": {"type": "array", "items": {"type": "integer", "minimum": 0}, "minItems": 2, "maxItems": 2}},
        "properties": {
            "schema": {"const": SCHEMA},
            "document": _json_object(Document),
            **{kind: {"type": "array", "items": _json_object(r)} for kind, r in RECORDS.items()},
        },
    }


def table_columns(table: str) -> list[tuple[str, type | str]]:
    """(column, base type) of a store table: documents, or a record kind with its ``doc_id`` first and the
    columns the store adds last."""
    columns = [(name, kind) for name, kind, _, _ in fields(STORED[table])]
    return columns if table == "documents" else [("doc_id", str), *columns]


def duckdb_ddl() -> str:
    """CREATE TABLE statements for the store."""
    statements = []
    for table in ["documents", *RECORDS]:
        columns = ", ".join(f'"{name}" {DUCKDB_TYPES[kind]}' for name, kind in table_columns(table))
        if table == "documents":
            columns = columns.replace('"doc_id" VARCHAR', '"doc_id" VARCHAR PRIMARY KEY').replace(
                '"hash" VARCHAR', '"hash" VARCHAR UNIQUE NOT NULL'
            )
        statements.append(f"CREATE TABLE IF NOT EXISTS {table} ({columns});")
    return "\n".join(statements)


def arrow_schema(table: str):
    """The Arrow schema of a store table, as batches are written."""
    import pyarrow as pa

    types_ = _arrow_types()
    return pa.schema([(name, types_[kind]) for name, kind in table_columns(table)])
