"""The read stage: a file becomes one or more :class:`graph.types.Document`.

``read_path`` picks the reader by content (see ``graph.read.detect``); ``iter_records`` walks
files and folders, yielding each record or the one-line error that stopped it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from graph.errors import ArchiveGraphError, ReadError
from graph.types import Document

RECORD_SUFFIXES = {".txt", ".xml", ".md", ".json", ".csv", ".tei", ".html", ".htm", ""}


def read_path(path: str | Path) -> list[Document]:
    """Every record in one file."""
    from graph.read.detect import read_file

    return read_file(path)


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | ReadError]:
    """Files under ``paths`` in sorted order, each real file once (symlink loops are cut)."""
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[Path] = set()
    for root in sorted(Path(p) for p in paths):
        if not root.exists():
            yield ReadError("no such file or folder", path=str(root))
        elif root.is_dir():
            yield from _walk(root, seen_dirs, seen_files)
        elif root.resolve() not in seen_files:
            seen_files.add(root.resolve())
            yield root


def _walk(folder: Path, seen_dirs: set[tuple[int, int]], seen_files: set[Path]) -> Iterator[Path | ReadError]:
    try:
        stat = folder.stat()
    except OSError as err:
        yield ReadError(f"cannot open folder: {err.strerror}", path=str(folder))
        return
    if (stat.st_dev, stat.st_ino) in seen_dirs:
        yield ReadError("folder already visited (symlink loop), skipped", path=str(folder))
        return
    seen_dirs.add((stat.st_dev, stat.st_ino))
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as err:
        yield ReadError(f"cannot list folder: {err.strerror}", path=str(folder))
        return
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith(".") or entry.name in {"SOURCES.md", "README.md", "manifest.json"}:
            continue
        if entry.is_dir():
            yield from _walk(path, seen_dirs, seen_files)
        elif path.suffix.lower() in RECORD_SUFFIXES and path.resolve() not in seen_files:
            seen_files.add(path.resolve())
            yield path


def iter_records(paths: Iterable[str | Path]) -> Iterator[Document | ArchiveGraphError]:
    """Each record under ``paths``, or the error that stopped its file; one bad file never
    stops the rest."""
    for item in iter_files(paths):
        if isinstance(item, ArchiveGraphError):
            yield item
            continue
        try:
            yield from read_path(item)
        except ArchiveGraphError as err:
            err.path = err.path or str(item)
            yield err
        except (OSError, UnicodeError, ValueError) as err:
            yield ReadError(f"{type(err).__name__}: {err}", path=str(item))
