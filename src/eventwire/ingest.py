"""Reading documents: plain text, Markdown with front matter, JSON lines (plain or gzip), folders, stdin.

Every reader yields ``Item``s or ``Problem``s; a problem names the document and what is wrong with it, so
a batch can report it and go on.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import frontmatter

from .records import Document

TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass
class Item:
    text: str
    meta: Document

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass
class Problem:
    where: str
    message: str

    def __str__(self) -> str:
        return f"eventwire: {self.where}: {self.message}"


def parse_date(value, where: str) -> dt.date | None:
    """ISO date (or datetime) → date; raises ValueError naming ``where`` otherwise."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise ValueError(f"{where}: date {value!r} is not YYYY-MM-DD") from None


def read(paths: Iterable[str], date: dt.date | None = None, title: str | None = None) -> Iterator[Item | Problem]:
    """Items from files, folders (recursively) or ``-`` (stdin); ``date``/``title`` fill in what a file lacks."""
    for path in paths:
        if path == "-":
            yield from _read_stream(sys.stdin.read(), "<stdin>", date, title)
            continue
        p = Path(path)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and _kind(f))
            for f in files:
                yield from _read_file(f, date, title)
        elif p.exists():
            yield from _read_file(p, date, title)
        else:
            yield Problem(path, "no such file or folder")


def _kind(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    if last in JSONL_SUFFIXES:
        return "jsonl"
    if last in MARKDOWN_SUFFIXES:
        return "markdown"
    if last in TEXT_SUFFIXES:
        return "text"
    return None


def _read_file(path: Path, date, title) -> Iterator[Item | Problem]:
    where = str(path)
    try:
        raw = gzip.open(path, "rb").read() if path.suffix.lower() == ".gz" else path.read_bytes()
        content = raw.decode("utf-8")
    except (OSError, EOFError) as exc:
        yield Problem(where, f"cannot be read ({exc.__class__.__name__}: {exc})")
        return
    except UnicodeDecodeError as exc:
        yield Problem(where, f"is not UTF-8 text (byte {exc.start})")
        return
    kind = _kind(path) or "text"
    if kind == "jsonl":
        yield from _read_jsonl(content, where, date)
    elif kind == "markdown":
        yield from _read_markdown(content, where, path.stem, date, title)
    else:
        yield _item(content, where, path.stem, date, title)


def _read_stream(content: str, where: str, date, title) -> Iterator[Item | Problem]:
    if content.lstrip().startswith("{"):
        yield from _read_jsonl(content, where, date)
    else:
        yield _item(content, where, "stdin", date, title)


def _item(text: str, where: str, doc_id: str, date, title, **meta) -> Item | Problem:
    if not text.strip():
        return Problem(where, "has no text")
    return Item(text=text, meta=Document(id=doc_id, title=title, date=date, **meta))


def _read_markdown(content: str, where: str, stem: str, date, title) -> Iterator[Item | Problem]:
    try:
        post = frontmatter.loads(content)
        doc_date = parse_date(post.get("date"), where) or date
    except ValueError as exc:
        yield Problem(where, str(exc).removeprefix(where + ": "))
        return
    except Exception as exc:  # the YAML parser's own errors
        yield Problem(where, f"has unreadable front matter ({exc.__class__.__name__})")
        return
    yield _item(post.content, where, str(post.get("id") or stem), doc_date, post.get("title") or title,
                source=post.get("source"), url=post.get("url"))


def _read_jsonl(content: str, where: str, date) -> Iterator[Item | Problem]:
    for number, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        here = f"{where}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Problem(here, f"is not valid JSON ({exc.msg})")
            continue
        if not isinstance(record, dict):
            yield Problem(here, "is not a JSON object")
            continue
        doc_id = str(record.get("id") or f"{Path(where).name}:{number}")
        here = f"{where}:{number} (id {doc_id})"
        text = record.get("text")
        if not isinstance(text, str):
            yield Problem(here, "has no 'text' string")
            continue
        try:
            doc_date = parse_date(record.get("date"), here) or date
        except ValueError as exc:
            yield Problem(here, str(exc).removeprefix(here + ": "))
            continue
        yield _item(text, here, doc_id, doc_date, record.get("title"),
                    source=record.get("source"), url=record.get("url"))
