"""eventwire: who did what to whom, when and where, and who said so — from news text.

The Python API, for scripts and notebooks::

    import eventwire

    coded = eventwire.code("Germany pledged new aid to Moldova on Tuesday.", date="2024-03-05")
    coded.events[0].cameo, coded.to_json()
    for coded in eventwire.code_many(texts, workers=4): ...
    with eventwire.Store("news.duckdb") as store:
        events = store.events()            # an Arrow table: .to_pandas(), polars.from_arrow(...)

Everything heavy (spaCy, DuckDB) is imported on first use, so ``import eventwire`` is quick.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .records import Coded, Document
    from .store import Store

__all__ = ["Coded", "Document", "Store", "__version__", "code", "code_many"]
LAZY = {"Store": "store", "Coded": "records", "Document": "records"}


def __getattr__(name: str):
    if name in LAZY:
        from importlib import import_module

        return getattr(import_module(f".{LAZY[name]}", __name__), name)
    if name == "__version__":  # looked up when asked for: importlib.metadata alone takes 50-90 ms to import
        return _version()
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("eventwire")  # the one place it is written is pyproject.toml
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"


def code(text: str, date: dt.date | str | None = None, id: str = "doc", title: str | None = None) -> Coded:
    """Code one text; ``date`` (a date or YYYY-MM-DD) is the document date relative dates are read against."""
    from .records import Document

    return next(code_many([(text, Document(id=id, title=title, date=_date(date, id)))], workers=1))


def code_many(
    items: Iterable[str | tuple[str, Document | dict]], workers: int | None = None, batch_size: int = 16
) -> Iterator[Coded]:
    """Code many texts in input order, in ``workers`` processes (default: all cores).

    ``items`` are texts (given ids doc1, doc2, ...) or (text, metadata) pairs, the metadata a
    :class:`Document` or a dict of its fields (id, title, date, source, url). A document that cannot be coded
    raises :class:`eventwire.errors.CodingError` naming it.
    """
    from .errors import CodingError
    from .ingest import Item, Problem, code_items
    from .nlp import build, default_workers

    inputs = (Item(text, _document(meta, n), source="input", line=n) for n, (text, meta) in _pairs(items))
    for _, result in code_items(inputs, build(), workers or default_workers(), batch_size):
        if isinstance(result, Problem):
            raise CodingError(result.where + ": " + result.reason)
        yield result


def _pairs(items) -> Iterator[tuple[int, tuple]]:
    for n, item in enumerate(items, 1):
        yield n, (item, None) if isinstance(item, str) else item


def _document(meta, n: int) -> Document:
    from .errors import UserError
    from .records import Document

    if meta is None:
        return Document(id=f"doc{n}")
    if isinstance(meta, Document):
        return meta
    try:
        fields = {"id": f"doc{n}", **meta}
        return Document(**{**fields, "id": str(fields["id"]), "date": _date(fields.get("date"), fields["id"])})
    except TypeError as exc:
        raise UserError(f"item {n}: metadata {meta!r} is not a Document or a dict of its fields ({exc})") from None


def _date(value, doc_id) -> dt.date | None:
    from .errors import UserError
    from .lang import iso_date

    try:
        return iso_date(value)
    except ValueError as exc:
        raise UserError(f"document {doc_id}: {exc}") from None
