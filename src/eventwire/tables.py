"""Reading the plain data files (TSV) that sit beside the code that uses them."""

from __future__ import annotations

import csv
from pathlib import Path


def read_tsv(path: str | Path) -> list[dict[str, str]]:
    """Rows of a tab-separated file with a header; leading ``#`` lines are comments, cells are stripped."""
    with open(path, encoding="utf-8", newline="") as f:
        lines = [line for line in f if not line.startswith("#") and line.strip()]
    return [
        {k: (v or "").strip() for k, v in row.items()}
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    ]


def split(cell: str) -> list[str]:
    """The values of a ``|``-separated cell."""
    return [v.strip() for v in cell.split("|") if v.strip()]
