"""Exports in the formats users already load: GDELT 2.0 event rows, PLOVER JSON lines, Parquet and CSV tables, and
GEXF and GraphML actor networks (docs/DATA.md describes every column).

Each format is an :class:`Exporter`: a name, a file extension, a media type and a ``write`` function that takes
a store, a :class:`eventwire.filters.Filters` and a binary output, and returns how many records it wrote. The CLI
(``eventwire export``) and the HTTP API (``/api/export/{format}``) both look formats up here, so a new format is
one module of this package with an ``EXPORTERS`` tuple, named in ``MODULES``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from ..errors import UserError

MODULES = ("gdelt", "plover", "tables", "network")


@dataclass(frozen=True)
class Exporter:
    """One export format. ``write(store, filters, out, **options) -> int`` writes to the binary file ``out`` and
    returns how many ``unit`` it wrote; ``options`` names the options it takes; ``binary`` output is not for a
    terminal."""

    name: str
    extension: str
    media_type: str
    description: str
    write: Callable[..., int]
    unit: str = "events"
    options: tuple[str, ...] = ()
    binary: bool = False


def exporters() -> dict[str, Exporter]:
    """Every export format by name, in the order of ``MODULES``."""
    return {e.name: e for module in MODULES for e in import_module(f".{module}", __name__).EXPORTERS}


def get(name: str) -> Exporter:
    """The format called ``name``; a :class:`UserError` listing the formats for any other name."""
    known = exporters()
    if name not in known:
        raise UserError(f"no export format {name!r} (formats: {', '.join(known)})")
    return known[name]
