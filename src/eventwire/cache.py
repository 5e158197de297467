"""Files built once per installation from eventwire's data, so that a process opens them instead of rebuilding.

Some start-up work takes a second or more (the places gazetteer from 60 MB of city lists, the actor matchers'
token sequences for ~15,000 dictionary phrases). Each result is written at first use into the user's cache
folder (``$XDG_CACHE_HOME/eventwire``, else ``~/.cache/eventwire``) under a name carrying a digest of everything
it is built from: a change of any input gives a new name, and so a rebuild, and the older file is removed.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from .errors import UserError

DIGITS = 16  # of the digest in a file's name


def cache_path(prefix: str, suffix: str, inputs: Iterable[bytes]) -> Path:
    """The cache file ``{prefix}-{digest}{suffix}`` for these inputs (file contents, versions ...)."""
    digest = hashlib.sha256()
    for part in inputs:
        digest.update(part)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "eventwire" / f"{prefix}-{digest.hexdigest()[:DIGITS]}{suffix}"


def built(path: Path, write: Callable[[Path], None], what: str) -> Path:
    """``path``, made by ``write(new_file)`` first if it does not exist yet; ``what`` names it in the error a user
    sees when the cache folder cannot be written."""
    if path.exists():
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except OSError as e:
        raise UserError(f"cannot write the {what} in {path.parent}: {e.strerror} (set XDG_CACHE_HOME)") from None
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)  # atomic: a process building at the same time finds a whole file
    finally:
        Path(tmp).unlink(missing_ok=True)
    prefix = path.name[: -len(path.suffix) - DIGITS]
    for stale in path.parent.glob(prefix + "?" * DIGITS + path.suffix):  # built from older inputs
        if stale != path:
            stale.unlink(missing_ok=True)
    return path
