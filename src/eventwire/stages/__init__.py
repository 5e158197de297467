"""The coding stages: spaCy components that run, in this order, on one shared ``Doc``.

Each sub-package is one stage with its data files and a README beside it, and registers its component
with ``@Language.factory`` (and through the ``spacy_factories`` entry point, so that a saved pipeline loads
without importing eventwire first). Every stage reads and extends the records on ``doc._.ew``
(:class:`eventwire.records.Coded`); events come last because they need the actors, dates, places and quotes.
This module registers that extension and the msgpack hooks that let the records leave their process.
"""

import srsly
from spacy.tokens import Doc

from ..records import Coded

SENTENCE_BREAKS = "eventwire_sentence_breaks"  # runs before the parser, which keeps the sentence starts it sets
STAGES = ("eventwire_actors", "eventwire_timex", "eventwire_places", "eventwire_quotes", "eventwire_events")

MSGPACK_KEY = "__eventwire_coded__"

if not Doc.has_extension("ew"):
    Doc.set_extension("ew", default=None)


def encode_msgpack(obj, chain=None):
    """The records cross process boundaries on the Doc: ``Coded`` becomes its JSON form plus the mention index."""
    if isinstance(obj, Coded):
        return {MSGPACK_KEY: obj.to_json(), "mentions": [list(m) for m in obj.mention_spans]}
    return obj if chain is None else chain(obj)


def _lists(value):
    """msgpack may hand arrays back as tuples (``DocBin`` does): the records hold lists."""
    if isinstance(value, (list, tuple)):
        return [_lists(v) for v in value]
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    return value


def decode_msgpack(obj, chain=None):
    if isinstance(obj, dict) and MSGPACK_KEY in obj:
        return Coded.from_json(_lists(obj[MSGPACK_KEY]), obj["mentions"])
    return obj if chain is None else chain(obj)


srsly.msgpack_encoders.register("eventwire", func=encode_msgpack)
srsly.msgpack_decoders.register("eventwire", func=decode_msgpack)
