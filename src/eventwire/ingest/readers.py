"""Reading documents: one reader per input format, chosen by the file name's suffix (:data:`READERS`).

Readers yield entries (:mod:`.entries`): an ``Item`` per document; a ``Problem`` per file, record or document that
cannot be read, naming it (file, line, id); ``Skipped`` for a document not coded (not English); a ``Notice``
just before a document coded without some of its metadata. Nothing stops a run: the next document is read.
Inputs are streamed and bounded (:mod:`.files`), metadata are checked in one place (:mod:`.metadata`), and saved
web content (HTML, feeds, WARC) is read by :mod:`.web`.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import BinaryIO

import frontmatter
import yaml

from .entries import Item, Notice, Problem, Skipped
from .files import READ_ERRORS, joined, numbered_lines, open_input, reason, whole_file
from .metadata import Defaults, document
from .web import read_feed, read_html, read_warc

__all__ = ["READERS", "Item", "Notice", "Problem", "Skipped", "read"]

STDIN = "<stdin>"
BOM = b"\xef\xbb\xbf"
GZIP_MAGIC = b"\x1f\x8b"
MAX_FRONT_MATTER = 100_000  # characters of YAML: metadata, not a document (and YAML parses slowly)

Reader = Callable[[Path, Defaults], Iterator[Item | Problem]]


def read(
    paths: Iterable[str],
    date: dt.date | None = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
) -> Iterator[Item | Problem]:
    """Entries from files, folders (recursively, the files of a known format) or ``-`` (stdin). ``date`` and
    ``source`` fill in what any document lacks; ``title`` and ``url`` what a one-document input lacks."""
    defaults = Defaults(date, title, source, url)
    for path in paths:
        if path == "-":
            yield from read_stdin(defaults)
            continue
        p = Path(path)
        if p.is_dir():
            try:
                files = sorted(f for f in p.rglob("*") if f.is_file() and reader_of(f))
            except OSError as exc:
                yield Problem(path, f"cannot be listed ({reason(exc)})")
                continue
            for f in files:
                yield from reader_of(f)(f, defaults)
        elif p.exists():
            yield from (reader_of(p) or read_text)(p, defaults)  # a file named on purpose is read as text
        else:
            yield Problem(path, "no such file or folder")


def reader_of(path: Path) -> Reader | None:
    """The reader of a file by its suffix, after an optional ``.gz``; None for files of no known format."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return READERS.get(suffixes[-1]) if suffixes else None


def read_text(path: Path, defaults: Defaults) -> Iterator[Item | Problem]:
    """A plain text (``.txt``, ``.text``; optionally ``.gz``): one document, its id the file name."""
    text = _decoded(path)
    if isinstance(text, Problem):
        yield text
        return
    yield from document(text, str(path), path.stem, {}, defaults)


def read_markdown(path: Path, defaults: Defaults) -> Iterator[Item | Problem]:
    """Markdown (``.md``, ``.markdown``): one document, its metadata in front matter (YAML between ``---`` lines,
    or JSON): id, date, title, source, url, author, language."""
    where = str(path)
    content = _decoded(path)
    if isinstance(content, Problem):
        yield content
        return
    try:
        metadata, body = _front_matter(content)
    except Exception as exc:  # the YAML or JSON parser's own errors, whatever their class
        said = getattr(exc, "problem", None) or str(exc).split("\n", 1)[0][:120] or exc.__class__.__name__
        yield Problem(where, f"has unreadable front matter ({said})")
        return
    yield from document(body, where, path.stem, metadata, defaults)


def read_jsonl(path: Path, defaults: Defaults) -> Iterator[Item | Problem]:
    """JSON lines (``.jsonl``, ``.ndjson``; optionally ``.gz``): a document per line, an object with a ``text``
    string and optional id, date, title, source, url, author, language."""
    where = str(path)
    try:
        stream = open_input(path)
    except READ_ERRORS as exc:
        yield Problem(where, f"cannot be read ({reason(exc)})")
        return
    with stream:
        yield from _jsonl(numbered_lines(stream, where), where, defaults.shared())


def read_stdin(defaults: Defaults) -> Iterator[Item | Problem]:
    """Standard input (``-``): JSON lines if the first non-blank line starts with ``{``, else one text. Gzip is
    told by its first bytes, so a compressed corpus can be piped in as it is."""
    lines = numbered_lines(_stdin(), STDIN)
    head: list = []
    for entry in lines:
        head.append(entry)
        if isinstance(entry, Problem) or entry[1].strip():
            break
    first = head[-1] if head else None
    if isinstance(first, tuple) and first[1].lstrip().removeprefix(BOM).startswith(b"{"):
        yield from _jsonl(chain(head, lines), STDIN, defaults.shared())
        return
    content = joined(chain(head, lines), STDIN)
    if isinstance(content, Problem):
        yield content
        return
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield Problem(STDIN, f"is not UTF-8 text (byte {exc.start})")
        return
    yield from document(text, STDIN, "stdin", {}, defaults)


READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".html": read_html,
    ".htm": read_html,
    ".rss": read_feed,
    ".atom": read_feed,
    ".xml": read_feed,
    ".warc": read_warc,
}


def _stdin() -> BinaryIO:
    stream = getattr(sys.stdin, "buffer", None) or io.BytesIO(sys.stdin.read().encode("utf-8"))
    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(stream)
    return gzip.GzipFile(fileobj=stream) if stream.peek(2)[:2] == GZIP_MAGIC else stream


def _decoded(path: Path) -> str | Problem:
    """A whole file as text (bounded), or the problem reading it."""
    content = whole_file(path)
    if isinstance(content, Problem):
        return content
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Problem(str(path), f"is not UTF-8 text (byte {exc.start})")


def _jsonl(lines: Iterable[tuple[int, bytes] | Problem], where: str, defaults: Defaults) -> Iterator[Item | Problem]:
    for entry in lines:
        if isinstance(entry, Problem):
            yield entry
        elif entry[1].strip():
            yield from _record(*entry, where, defaults)


def _record(number: int, raw: bytes, where: str, defaults: Defaults) -> Iterator[Item | Problem]:
    """One JSON lines record, decoded on its own: a bad byte costs this record only."""
    try:
        record = json.loads(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
    except UnicodeDecodeError as exc:
        yield Problem(where, f"is not UTF-8 text (byte {exc.start})", number)
        return
    except json.JSONDecodeError as exc:
        yield Problem(where, f"is not valid JSON ({exc.msg})", number)
        return
    except RecursionError:
        yield Problem(where, "is JSON nested too deeply", number)
        return
    if not isinstance(record, dict):
        yield Problem(where, "is not a JSON object", number)
        return
    yield from document(record.get("text"), where, f"{Path(where).name}:{number}", record, defaults, number)


class _FrontMatterLoader(yaml.BaseLoader):
    """YAML as text: scalars stay the strings written (a title ``No`` is not False, an id ``007`` not 7; dates are
    read by :func:`.metadata.parse_date`), and no objects are built. Aliases (``*name``) are refused: an alias
    repeats a node, so a few hundred bytes of nested aliases make a structure of exponential size (a "billion
    laughs"), and front matter has no use for them."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed", mark)
        return super().compose_node(parent, index)


class _YAMLFrontMatter(frontmatter.YAMLHandler):
    def load(self, fm: str, **kwargs):
        if len(fm) > MAX_FRONT_MATTER:
            raise ValueError(f"longer than {MAX_FRONT_MATTER} characters")
        return yaml.load(fm, Loader=_FrontMatterLoader)  # builds strings, lists and dicts only


FRONT_MATTER = [_YAMLFrontMatter(), frontmatter.JSONHandler()]


def _front_matter(content: str) -> tuple[dict, str]:
    """(metadata, body) of a text with front matter; no metadata if it has none."""
    handler = frontmatter.detect_format(content, FRONT_MATTER)
    if handler is None:
        return {}, content
    return frontmatter.parse(content, handler=handler)
