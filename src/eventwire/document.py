"""The records eventwire produces, kept on the spaCy ``Doc`` that every stage shares.

Each stage reads ``doc._.ew`` (a :class:`Coded`) and appends its own records. All offsets are character
offsets into the document text, so every record can be checked against its evidence by slicing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from spacy.tokens import Doc, Span, Token

SCHEMA = "eventwire/1"


@dataclass
class Meta:
    id: str
    title: str | None = None
    date: dt.date | None = None
    source: str | None = None
    url: str | None = None


@dataclass(eq=False)  # one object per referent: compared and hashed by identity
class Actor:
    id: str
    name: str
    code: str
    country: str | None
    sector: str | None
    type: str  # person, country, organisation, group
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
    modality: str
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
    type: str
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


@dataclass
class Coded:
    """Everything the stages found in one document, plus the token→actor index they share."""

    meta: Meta
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
        m = self.meta
        return {
            "schema": SCHEMA,
            "document": {
                "id": m.id,
                "title": m.title,
                "date": m.date.isoformat() if m.date else None,
                "source": m.source,
                "url": m.url,
            },
            "actors": [asdict(a) for a in self.actors],
            "events": [asdict(e) for e in self.events],
            "quotes": [asdict(q) for q in self.quotes],
            "timexes": [asdict(t) for t in self.timexes],
            "places": [asdict(p) for p in self.places],
        }


if not Doc.has_extension("ew"):
    Doc.set_extension("ew", default=None)


def coded(doc: Doc) -> Coded:
    """The document's records; raises if the doc did not go through :func:`eventwire.pipeline.make_doc`."""
    ew = doc._.ew
    if ew is None:
        raise ValueError("document has no eventwire records: create it with eventwire.pipeline.make_doc")
    return ew
