"""What the readers yield: an :class:`Item` to code, or a :class:`Problem` that names a file, a record or a document
and says what is wrong with it in one line. Two kinds of problem do not mean a lost document: :class:`Skipped`
(deliberately not coded, e.g. not English) and :class:`Notice` (a warning about a document that is coded anyway)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property

from ..records import Document


@dataclass
class Item:
    """A document ready to code: its text, its metadata and where it was read (for reporting problems)."""

    text: str
    meta: Document
    source: str
    line: int | None = None

    @cached_property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def problem(self, reason: str) -> Problem:
        return Problem(self.source, reason, self.line, self.meta.id)


@dataclass
class Problem:
    """Why a file, a record or a document was not stored: said in one line naming it."""

    source: str
    reason: str
    line: int | None = None
    doc_id: str | None = None

    @property
    def where(self) -> str:
        place = self.source + (f":{self.line}" if self.line else "")
        return place + (f" (id {self.doc_id})" if self.doc_id else "")

    def __str__(self) -> str:
        return f"eventwire: {self.where}: {self.reason}"


@dataclass
class Skipped(Problem):
    """A document deliberately not coded (not English, say): counted and named, but not an error of the run."""

    def __str__(self) -> str:
        return f"eventwire: {self.where}: skipped: {self.reason}"


@dataclass
class Notice(Problem):
    """A warning about a document that IS coded: a date or field that could not be read and was left out, or no
    date at all. It comes just before the document's :class:`Item` (same source, line and id) and loses nothing,
    so a run counts it apart from problems. (Not named ``Warning``: that would shadow the builtin class.)"""

    def __str__(self) -> str:
        return f"eventwire: {self.where}: warning: {self.reason}"
