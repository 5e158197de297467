"""Getting documents into the store: streaming readers (:mod:`.readers`) and the one ingest path
read → dedup → code → store (:mod:`.runner`)."""

from .readers import Item, Problem, read
from .runner import Summary, code_items, ingest_items, items_only, run_ingest

__all__ = ["Item", "Problem", "Summary", "code_items", "ingest_items", "items_only", "read", "run_ingest"]
