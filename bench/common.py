"""What the benchmark scripts share: the JSON record of a run."""

from __future__ import annotations

import datetime as dt
import json
import os


def save_json(path: str, args, **figures) -> None:
    """Write a run's figures with the corpus, sample size, cores and day they were measured on."""
    record = {"corpus": args.corpus, "limit": args.limit, "cores": os.cpu_count(), "date": dt.date.today().isoformat()}
    with open(path, "w", encoding="utf-8") as f:
        json.dump({**record, **figures}, f, indent=2)
