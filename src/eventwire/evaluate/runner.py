"""Running the real pipeline over a gold file and scoring its output with a task's scorer."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
from pathlib import Path

from ..errors import UserError
from ..lang import iso_date
from .tasks import TASKS


def eval_dir() -> Path:
    """The development sets: ``$EVENTWIRE_EVAL_DIR``, else ``../shared/eval/dev`` beside the repository."""
    env = os.environ.get("EVENTWIRE_EVAL_DIR")
    return Path(env) if env else Path(__file__).resolve().parents[3].parent / "shared" / "eval" / "dev"


def read_gold(path: str | Path, limit: int | None = None, fields: tuple = ()) -> list[dict]:
    """The first ``limit`` records of a JSONL gold file; each must be a JSON object with ``fields``."""
    records = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                raise UserError(f"{path} line {n}: not JSON ({e.msg})") from None
            if not isinstance(record, dict):
                raise UserError(f"{path} line {n}: not a JSON object")
            if missing := [k for k in fields if k not in record]:
                raise UserError(f"{path} line {n} (record {record.get('id', '?')}): missing {', '.join(missing)}")
            records.append(record)
            if limit is not None and len(records) >= limit:
                break
    return records


def doc_date(record: dict) -> dt.date | None:
    """The record's document date (``doc_date`` or ``date``; a date-time such as ``1990-08-15T13:37`` too)."""
    value = record.get("doc_date") or record.get("date")
    try:
        return iso_date(value)
    except ValueError:
        return None


def evaluate(task: str, path: str | Path, limit: int | None = None, progress: bool = False) -> tuple[dict, list]:
    """Run the pipeline over a gold file and score it: (report, per-record cases)."""
    from tqdm import tqdm

    from ..nlp import code_docs
    from ..records import Document

    spec = TASKS[task]
    records = read_gold(path, limit, spec.fields)
    started = time.perf_counter()
    items = ((r["text"], Document(id=str(r.get("id", k)), date=doc_date(r))) for k, r in enumerate(records))
    coded = tqdm(
        code_docs(items),
        total=len(records),
        desc=f"eval {task}",
        unit="doc",
        disable=None if progress else True,
        file=sys.stderr,
    )
    preds = [spec.predict(c.to_json()) for c in coded]
    report, cases = spec.score(records, preds)
    report = {
        "task": task,
        "gold": str(path),
        "records": len(records),
        "limit": limit,
        "seconds": round(time.perf_counter() - started, 1),
        "date": dt.date.today().isoformat(),
        **report,
    }
    for rec, case in zip(records, cases, strict=True):
        case.update(id=rec.get("id"), text=rec["text"])
    return report, cases
