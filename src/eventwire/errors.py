"""The project's exception types. The CLI catches :class:`UserError` once, at the top, and prints its message as
one line with a non-zero exit: a user never sees a traceback for a problem they can fix."""


class UserError(Exception):
    """A problem the user can fix (a missing file, a bad option value, a store in use): said in one line."""


class StoreError(UserError):
    """The DuckDB store cannot be opened or written (missing, locked by another process, of another version)."""


class CodingError(UserError):
    """A document could not be coded (raised by :func:`eventwire.code_many`; ingest reports it and goes on)."""


class Interrupted(KeyboardInterrupt):
    """Ctrl-C during a run; the message says what was done before it (e.g. how many documents were stored)."""
