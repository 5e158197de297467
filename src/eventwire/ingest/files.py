"""Bytes from input files, streamed and bounded.

Lines are split on ``\\n`` only (never ``str.splitlines()``, which also splits on U+2028 and friends inside valid
JSON strings) and read one at a time, so memory stays flat in the size of a corpus. Nothing is read past
:data:`MAX_BYTES` at once (a line, a document file, a feed, an archived page), so a gzip bomb or a line without end
is refused with a message instead of filling memory. A truncated or corrupt gzip gives every complete line before
the damage, then a problem.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from .entries import Problem

MAX_BYTES = 50 * 2**20  # the most read at once: one line, document file, feed or archived page (decompressed)
CHUNK = 2**20  # bytes read at a time: of a file read whole, or of an over-long line being skipped
READ_ERRORS = (OSError, EOFError, zlib.error)  # a missing, unreadable, truncated or corrupt file


class TooLarge(ValueError):
    """An input over :data:`MAX_BYTES`; its message completes "<file>: ..."."""

    def __init__(self, what: str = "is"):
        super().__init__(f"{what} larger than {MAX_BYTES / 2**20:g} MB (decompressed), not read")


def reason(exc: BaseException) -> str:
    """An exception in one bounded line (a parser's message may run over several)."""
    text = " ".join(str(exc).split())
    return f"{exc.__class__.__name__}: {text[:200]}" if text else exc.__class__.__name__


def is_gzip(path: Path) -> bool:
    return path.suffix.lower() == ".gz"


def open_input(path: Path) -> BinaryIO:
    """The file's bytes, decompressed if its name ends in ``.gz``."""
    return gzip.open(path, "rb") if is_gzip(path) else open(path, "rb")


def read_bounded(stream: BinaryIO, limit: int | None = None) -> bytes:
    """All of a stream, or :class:`TooLarge` past ``limit`` (default :data:`MAX_BYTES`) without reading further.
    Read in chunks: ``read(limit)`` would set aside the whole limit for every small file."""
    limit = MAX_BYTES if limit is None else limit
    chunks, size = [], 0
    while chunk := stream.read(CHUNK):
        size += len(chunk)
        if size > limit:
            raise TooLarge()
        chunks.append(chunk)
    return b"".join(chunks)


def whole_file(path: Path, limit: int | None = None) -> bytes | Problem:
    """A file's bytes (decompressed), or the problem reading it: for formats read whole (a text, a page, a feed)."""
    try:
        with open_input(path) as stream:
            return read_bounded(stream, limit)
    except TooLarge as exc:
        return Problem(str(path), str(exc))
    except READ_ERRORS as exc:
        return Problem(str(path), f"cannot be read ({reason(exc)})")


def numbered_lines(stream: BinaryIO, where: str) -> Iterator[tuple[int, bytes] | Problem]:
    """(line number, raw line) pairs. A line over :data:`MAX_BYTES` is skipped (read through, never held) and
    named; a read error (a truncated or corrupt gzip) ends the file with a problem after every line before it."""
    number = 0
    try:
        while line := stream.readline(MAX_BYTES + 1):
            number += 1
            if len(line) > MAX_BYTES and not line.endswith(b"\n"):
                while (rest := stream.readline(CHUNK)) and not rest.endswith(b"\n"):
                    pass
                yield Problem(where, str(TooLarge("is")), number)
            else:
                yield number, line
    except READ_ERRORS as exc:
        said = f"cannot be read after line {number}" if number else "cannot be read"
        yield Problem(where, f"{said} ({reason(exc)})")


def joined(lines: Iterable[tuple[int, bytes] | Problem], where: str) -> bytes | Problem:
    """Numbered lines back in one text, at most :data:`MAX_BYTES` in all; else the first problem on the way."""
    parts, size = [], 0
    for entry in lines:
        if isinstance(entry, Problem):
            return entry
        size += len(entry[1])
        if size > MAX_BYTES:
            return Problem(where, str(TooLarge()))
        parts.append(entry[1])
    return b"".join(parts)
