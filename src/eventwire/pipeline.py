"""Text in, coded records out: the spaCy pipeline with eventwire's stages appended.

Stages run in data-flow order on one shared ``Doc``: actors → time → places → quotes → events
(events need the actors, dates, places and quotes found before them).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from . import actors as actors_stage
from . import events, places, quotes, time
from .document import Coded, Meta, coded
from .events.codebook import CONVENTIONS
from .nlp import load_model

STAGES = ("eventwire_actors", "eventwire_time", "eventwire_places", "eventwire_quotes", "eventwire_events")

if "eventwire_actors" not in Language.factories:
    Language.factory("eventwire_actors", default_config={"actors": []},
                     func=lambda nlp, name, actors: actors_stage.ActorStage(nlp, tuple(actors)))
    Language.factory("eventwire_events", default_config={"quad": "gdelt"},
                     func=lambda nlp, name, quad: events.EventStage(nlp, quad))
    for _name, _stage in (("eventwire_time", time.TimeStage), ("eventwire_places", places.PlaceStage),
                          ("eventwire_quotes", quotes.QuoteStage)):
        Language.factory(_name, func=lambda nlp, name, _stage=_stage: _stage(nlp))


def user_actor_files() -> tuple[str, ...]:
    """Actor dictionaries named by the ``EVENTWIRE_ACTORS`` setting (paths joined by os.pathsep)."""
    return tuple(p for p in os.environ.get("EVENTWIRE_ACTORS", "").split(os.pathsep) if p)


@lru_cache(maxsize=None)
def build(model: str | None = None, actors: tuple[str, ...] | None = None, quad: str | None = None) -> Language:
    """The full eventwire pipeline on top of the spaCy model, with the user's actor dictionaries (default: the
    ``EVENTWIRE_ACTORS`` setting) and QuadClass convention (default: ``EVENTWIRE_QUAD``, else gdelt)."""
    quad = quad or os.environ.get("EVENTWIRE_QUAD") or "gdelt"
    if quad not in CONVENTIONS:
        raise ValueError(f"QuadClass convention {quad!r} is not one of {', '.join(CONVENTIONS)}")
    config = {"eventwire_actors": {"actors": list(user_actor_files() if actors is None else actors)},
              "eventwire_events": {"quad": quad}}
    nlp = load_model(model)
    for name in STAGES:
        nlp.add_pipe(name, config=config.get(name, {}))
    return nlp


def make_doc(nlp: Language, text: str, meta: Meta) -> Doc:
    """An unparsed Doc carrying its metadata, ready for ``nlp.pipe``."""
    doc = nlp.make_doc(text)
    doc._.ew = Coded(meta=meta)
    return doc


def code_many(items: Iterable[tuple[str, Meta]], nlp: Language | None = None, batch_size: int = 32) -> Iterator[Coded]:
    """Code (text, meta) pairs in batches, yielding each document's records in input order."""
    nlp = nlp or build()
    docs = (make_doc(nlp, text, meta) for text, meta in items)
    for doc in nlp.pipe(docs, batch_size=batch_size):
        yield coded(doc)


def code_text(text: str, date: dt.date | str | None = None, id: str = "doc", title: str | None = None) -> Coded:
    """Code one text; ``date`` is the document date that relative dates and offices are read against."""
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    return next(code_many([(text, Meta(id=id, title=title, date=date))]))
