"""Reading documents: plain text, Markdown with front matter, JSON lines (plain or gzip), folders, stdin.

Every reader yields ``Item``s or ``Problem``s; a problem names the document (file, line, id) and what is wrong
with it, so that a run can report it and go on. JSON lines are streamed: files are iterated line by line on
``\\n`` (never ``str.splitlines()``, which also splits on U+2028 and friends inside valid JSON strings) and each
line is decoded on its own, so one bad byte costs one record and memory stays flat in the size of the corpus. A
truncated gzip keeps every complete record before the damage.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import io
import json
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from itertools import chain
from pathlib import Path

import frontmatter

from ..lang import iso_date
from ..records import Document

TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
TEXT_FIELDS = ("title", "source", "url")  # metadata kept as text
STDIN = "<stdin>"


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


def read(paths: Iterable[str], date: dt.date | None = None, title: str | None = None) -> Iterator[Item | Problem]:
    """Items from files, folders (recursively) or ``-`` (stdin); ``date``/``title`` fill in what a file lacks."""
    for path in paths:
        if path == "-":
            yield from _read_stdin(date, title)
            continue
        p = Path(path)
        if p.is_dir():
            try:
                files = sorted(f for f in p.rglob("*") if f.is_file() and _kind(f))
            except OSError as exc:
                yield Problem(path, f"cannot be listed ({_reason(exc)})")
                continue
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


def _reason(exc: BaseException) -> str:
    return f"{exc.__class__.__name__}: {exc}"


def _open(path: Path):
    return gzip.open(path, "rb") if path.suffix.lower() == ".gz" else open(path, "rb")


def _file_lines(path: Path) -> Iterator[bytes]:
    with _open(path) as stream:
        yield from stream  # binary iteration splits on b"\n" only


def _numbered(lines: Iterable[bytes], where: str) -> Iterator[tuple[int, bytes] | Problem]:
    """(line number, raw line) pairs; a read error (a truncated or corrupt gzip) ends the file with a problem,
    after every complete line before it."""
    number = 0
    try:
        for number, raw in enumerate(lines, 1):  # noqa: B007 — number is read after the loop
            yield number, raw
    except (OSError, EOFError, zlib.error) as exc:
        reason = f"cannot be read after line {number}" if number else "cannot be read"
        yield Problem(where, f"{reason} ({_reason(exc)})")


def _read_file(path: Path, date, title) -> Iterator[Item | Problem]:
    where = str(path)
    kind = _kind(path) or "text"
    if kind == "jsonl":
        yield from _read_jsonl(_numbered(_file_lines(path), where), where, date)
        return
    try:
        with _open(path) as stream:
            content = stream.read().decode("utf-8")
    except (OSError, EOFError, zlib.error) as exc:
        yield Problem(where, f"cannot be read ({_reason(exc)})")
        return
    except UnicodeDecodeError as exc:
        yield Problem(where, f"is not UTF-8 text (byte {exc.start})")
        return
    if kind == "markdown":
        yield _read_markdown(content, where, path.stem, date, title)
    else:
        yield _item(content, where, path.stem, date, title)


def _read_stdin(date, title) -> Iterator[Item | Problem]:
    """JSON lines if the first non-blank line starts with ``{``, else one text."""
    stream = getattr(sys.stdin, "buffer", None) or io.BytesIO(sys.stdin.read().encode("utf-8"))
    head = []
    for raw in stream:
        head.append(raw)
        if raw.strip():
            break
    if b"".join(head).lstrip().removeprefix(b"\xef\xbb\xbf").startswith(b"{"):
        yield from _read_jsonl(_numbered(chain(head, stream), STDIN), STDIN, date)
        return
    try:
        content = (b"".join(head) + stream.read()).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield Problem(STDIN, f"is not UTF-8 text (byte {exc.start})")
        return
    yield _item(content, STDIN, "stdin", date, title)


def _item(text: str, where: str, doc_id: str, date, title, line: int | None = None, **meta) -> Item | Problem:
    if not text.strip():
        return Problem(where, "has no text", line, doc_id if line else None)
    return Item(text=text, meta=Document(id=doc_id, title=title, date=date, **meta), source=where, line=line)


def _text_fields(record: dict) -> dict:
    """title, source and url as text: numbers and dates are written out, lists and objects refused."""
    values = {}
    for name in TEXT_FIELDS:
        value = record.get(name)
        if isinstance(value, (dict, list)):
            raise ValueError(f"'{name}' is not text")
        values[name] = None if value is None else str(value)
    return values


def _read_markdown(content: str, where: str, stem: str, date, title) -> Item | Problem:
    try:
        post = frontmatter.loads(content)
    except Exception as exc:  # the YAML parser's own errors
        return Problem(where, f"has unreadable front matter ({exc.__class__.__name__})")
    try:
        doc_date = iso_date(post.get("date")) or date
        fields = _text_fields(post.metadata)
    except ValueError as exc:
        return Problem(where, str(exc))
    fields["title"] = fields["title"] or title
    return _item(post.content, where, str(post.get("id") or stem), doc_date, **fields)


def _read_jsonl(lines: Iterable[tuple[int, bytes] | Problem], where: str, date) -> Iterator[Item | Problem]:
    for entry in lines:
        if isinstance(entry, Problem):
            yield entry
            continue
        number, raw = entry
        if raw.strip():
            yield _record(raw, number, where, date)


def _record(raw: bytes, number: int, where: str, date) -> Item | Problem:
    """One JSON lines record: an object with a ``text`` string and optional id, date, title, source, url."""
    try:
        record = json.loads(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
    except UnicodeDecodeError as exc:
        return Problem(where, f"is not UTF-8 text (byte {exc.start})", number)
    except json.JSONDecodeError as exc:
        return Problem(where, f"is not valid JSON ({exc.msg})", number)
    if not isinstance(record, dict):
        return Problem(where, "is not a JSON object", number)
    doc_id = record.get("id")
    if isinstance(doc_id, (dict, list, bool)):
        return Problem(where, "has an 'id' that is not a string or number", number)
    doc_id = str(doc_id or f"{Path(where).name}:{number}")
    text = record.get("text")
    if not isinstance(text, str):
        return Problem(where, "has no 'text' string", number, doc_id)
    try:
        doc_date = iso_date(record.get("date")) or date
        fields = _text_fields(record)
    except ValueError as exc:
        return Problem(where, str(exc), number, doc_id)
    return _item(text, where, doc_id, doc_date, line=number, **fields)
