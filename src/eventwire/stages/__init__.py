"""The coding stages: spaCy components that run, in this order, on one shared ``Doc``.

Each sub-package is one stage with its data files and a README beside it, and registers its component
with ``@Language.factory`` (and through the ``spacy_factories`` entry point, so that a saved pipeline loads
without importing eventwire first). Every stage reads and extends the records on ``doc._.ew``
(:class:`eventwire.records.Coded`); events come last because they need the actors, dates, places and quotes.
"""

STAGES = ("eventwire_actors", "eventwire_timex", "eventwire_places", "eventwire_quotes", "eventwire_events")
