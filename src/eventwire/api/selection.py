"""The events a request is about: the condition of :func:`eventwire.filters.where`, over the store's events joined
only with the tables that condition (or the query) reads.

:data:`eventwire.filters.EVENT_JOINS` joins every event with its document (text included), both actors and its
place before anything is filtered or counted: on a store of a million events that alone takes most of a second, and
it grows with the texts. The API therefore selects and aggregates over the events with only the joins needed, and
looks up names, titles and evidence for the rows of one page (:mod:`.events`). The aliases are those of
``EVENT_JOINS``: ``e`` events, ``d`` documents, ``s`` and ``t`` the source and target actors, ``p`` the place.
"""

from __future__ import annotations

import re

from ..filters import Filters, where

JOINS = {
    "d": "JOIN documents d ON d.doc_id = e.doc_id",
    "s": "LEFT JOIN actors s ON s.doc_id = e.doc_id AND s.id = e.source[1]",
    "t": "LEFT JOIN actors t ON t.doc_id = e.doc_id AND t.id = e.target[1]",
    "p": "LEFT JOIN places p ON p.doc_id = e.doc_id AND p.id = e.place",
}
# the day an event happened on: its own date where it has a whole one, else its document's (needs ``d``)
EVENT_DAY = "e.day"  # the first day of the period the event's date names, the document's date where it names none


def selection(f: Filters, *aliases: str) -> tuple[str, list]:
    """``FROM events e ... WHERE ...`` for the events ``f`` keeps, joined with the tables of ``aliases`` and those
    the condition reads; and the condition's parameters."""
    condition, params = where(f)
    joins = [sql for alias, sql in JOINS.items() if alias in aliases or re.search(rf"\b{alias}\.", condition)]
    return f"FROM events e {' '.join(joins)} WHERE {condition}", params
