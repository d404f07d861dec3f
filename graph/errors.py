"""Numbered, explicit errors. Each one prints as one line naming the file and the problem."""

from __future__ import annotations


class ArchiveGraphError(Exception):
    """Base class. ``code`` is stable across releases so users can search for it."""

    code = "AG000"

    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.path = path
        super().__init__(message)

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{where}[{self.code}] {self.args[0]}"


class ReadError(ArchiveGraphError):
    """A file could not be read as a record (empty, binary, unknown format, malformed)."""

    code = "AG100"


class UnknownFormatError(ReadError):
    code = "AG101"


class DecodeError(ReadError):
    code = "AG102"


class MalformedError(ReadError):
    code = "AG103"


class AuthorityError(ArchiveGraphError):
    """A curated data file is missing or malformed."""

    code = "AG200"


class QueryError(ArchiveGraphError):
    """A SPARQL query could not be parsed or run."""

    code = "AG300"


class UsageError(ArchiveGraphError):
    code = "AG400"


class StoreBusyError(UsageError):
    """Another process holds the on-disk store's write lock (a build or a writer still running)."""

    code = "AG401"
