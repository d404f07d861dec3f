"""Atomic output: every file is written to a temporary file beside it, then renamed over it, so
a reader never sees half a file and a failed run leaves the old file in place."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


@contextmanager
def atomic_output(path: str | Path) -> Iterator[BinaryIO]:
    """A binary handle on a temporary file beside ``path`` that replaces ``path`` when the block
    ends well (and is removed, leaving ``path`` as it was, when it does not)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: str | Path, data: str | bytes) -> Path:
    """Write ``data`` to ``path`` atomically (same-folder temp file + ``os.replace``).

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "x.txt"
    >>> write_atomic(target, "hello").read_text()
    'hello'
    """
    with atomic_output(path) as handle:
        handle.write(data.encode("utf-8") if isinstance(data, str) else data)
    return Path(path)


@contextmanager
def exclusive(folder: str | Path) -> Iterator[None]:
    """Hold ``folder/.lock`` exclusively for the block: a second build into the same output folder
    stops at once with :class:`~graph.errors.StoreBusyError` instead of racing the first (where
    ``fcntl`` exists, i.e. not on Windows, the block simply runs unguarded there).

    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> with exclusive(folder):
    ...     with exclusive(folder):
    ...         pass
    Traceback (most recent call last):
    graph.errors.StoreBusyError: ...[AG401] another build is writing this folder; ...
    """
    from graph.errors import StoreBusyError

    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    with open(Path(folder) / ".lock", "a+b") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise StoreBusyError("another build is writing this folder; wait for it to finish or give another --out",
                                 path=str(folder)) from None
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
