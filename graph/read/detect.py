"""Pick the reader for a file by its content (the suffix only breaks no ties) and read it.

Order: FRUS TEI, Wilson JSON, Wilson CSV, DFAT Markdown, Wilson page text (``graph.read.wilson_text``,
imported lazily, skipped if absent), plain text. HTML pages (even saved as ``.txt``) are turned
into text first and then offered to the text readers. Every failure is an error from
:mod:`graph.errors` whose one-line message names the file.

Size limits (bad input must cost one file, never the batch's time or memory):

- a file larger than ``ARCHIVE_GRAPH_MAX_FILE_MB`` megabytes (default 32: whole FRUS volumes fit)
  is refused before it is read, with a "too large" error;
- a record whose text is longer than ``ARCHIVE_GRAPH_MAX_RECORD_CHARS`` characters (default
  2,000,000: some 35 times the seed record, longer than any single record seen) is refused, since
  extraction time grows faster than the text.

Set either environment variable (or pass ``max_mb`` / ``max_chars``) to raise a limit; 0 means
no limit. Only regular files are read: a FIFO or device named ``x.txt`` is refused, not waited on.
"""

from __future__ import annotations

import importlib
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from graph.errors import ArchiveGraphError, ReadError, UnknownFormatError, UsageError
from graph.read import dfat, frus_tei, plain, wilson_json
from graph.read.decode import decode
from graph.read.text import html_to_text, looks_like_html
from graph.types import Document

HEAD = 4096
MAX_FILE_MB = 32
MAX_RECORD_CHARS = 2_000_000
Sniff = Callable[[str, str], bool]
Read = Callable[[str, str], list[Document]]


def readers() -> list[tuple[str, Sniff, Read]]:
    """(format, sniff, read) in the order they are tried."""
    out: list[tuple[str, Sniff, Read]] = [
        (frus_tei.FORMAT, frus_tei.sniff, frus_tei.read),
        (wilson_json.FORMAT, wilson_json.sniff, wilson_json.read),
        (wilson_json.CSV_FORMAT, wilson_json.sniff_csv, wilson_json.read_csv),
        (dfat.FORMAT, dfat.sniff, dfat.read),
    ]
    text_module = _wilson_text()
    if text_module is not None:
        out.append((text_module.FORMAT, text_module.sniff, text_module.read))
    out.append((plain.FORMAT, plain.sniff, plain.read))
    return out


def _wilson_text() -> ModuleType | None:
    try:
        return importlib.import_module("graph.read.wilson_text")
    except ImportError:
        return None


def limits() -> tuple[float, int]:
    """(largest file in MB, longest record in characters) in force: the environment's
    ``ARCHIVE_GRAPH_MAX_FILE_MB`` and ``ARCHIVE_GRAPH_MAX_RECORD_CHARS``, else the defaults."""
    return (
        _env_number("ARCHIVE_GRAPH_MAX_FILE_MB", MAX_FILE_MB, float),
        int(_env_number("ARCHIVE_GRAPH_MAX_RECORD_CHARS", MAX_RECORD_CHARS, int)),
    )


def _env_number(name: str, default: float, kind: type) -> float:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = kind(value)
    except ValueError:
        raise UsageError(f"{name} must be a number, not {value!r}") from None
    if number < 0:
        raise UsageError(f"{name} must be 0 (no limit) or more, not {value!r}")
    return number


def check_file(path: str | Path, *, max_mb: float | None = None) -> os.stat_result:
    """Refuse, before anything reads it, a path that is not a regular file (a folder, FIFO,
    socket or device) or is over the size limit; call this before hashing or reading input."""
    name = str(path)
    max_mb = limits()[0] if max_mb is None else max_mb
    try:
        info = Path(path).stat()
    except OSError as err:
        raise ReadError(f"cannot read file: {err.strerror or err}", path=name) from None
    if stat.S_ISDIR(info.st_mode):
        raise ReadError("is a folder, not a file", path=name)
    if not stat.S_ISREG(info.st_mode):
        raise ReadError("not a regular file (FIFO, socket or device), skipped", path=name)
    if max_mb and info.st_size > max_mb * 1_000_000:
        raise ReadError(
            f"file too large: {info.st_size / 1_000_000:.1f} MB, over the {max_mb:g} MB limit "
            "(set ARCHIVE_GRAPH_MAX_FILE_MB to raise it)", path=name)
    return info


def read_file(path: str | Path, *, max_mb: float | None = None, max_chars: int | None = None) -> list[Document]:
    """Every record in the file at ``path`` (limits as in the module's notes)."""
    name = str(path)
    env_mb, env_chars = limits()
    max_mb = env_mb if max_mb is None else max_mb
    max_chars = env_chars if max_chars is None else max_chars
    try:
        check_file(path, max_mb=max_mb)
        with open(path, "rb") as handle:
            data = handle.read(int(max_mb * 1_000_000) + 1) if max_mb else handle.read()
    except OSError as err:
        raise ReadError(f"cannot read file: {err.strerror or err}", path=name) from None
    if max_mb and len(data) > max_mb * 1_000_000:  # grew since stat
        raise ReadError(f"file too large: over the {max_mb:g} MB limit (set ARCHIVE_GRAPH_MAX_FILE_MB "
                        "to raise it)", path=name)
    text = decode(data, name)
    return read_text(text, name, max_chars=max_chars)


def read_text(text: str, path: str, *, max_chars: int | None = None) -> list[Document]:
    """Every record in already decoded ``text``; a record longer than ``max_chars`` (default:
    :func:`limits`) is refused."""
    if max_chars is None:
        max_chars = limits()[1]
    head = text[:HEAD]
    if looks_like_html(head) and not frus_tei.sniff(head, path):
        text = html_to_text(text)
        if not text.strip():
            raise ReadError("HTML page with no visible text", path=path)
        head = text[:HEAD]
    for fmt, sniff, read in readers():
        if sniff(head, path):
            if max_chars and fmt == plain.FORMAT and len(text) > max_chars:
                raise _too_long(len(text), max_chars, path)  # one record: refuse before reading
            docs = _run(fmt, read, text, path)
            for doc in docs:
                if max_chars and len(doc.text) > max_chars:
                    raise _too_long(len(doc.text), max_chars, path)
            return docs
    raise UnknownFormatError(_unknown(head), path=path)


def _too_long(length: int, max_chars: int, path: str) -> ReadError:
    return ReadError(f"record too large: {length:,} characters, over the {max_chars:,}-character limit "
                     "(set ARCHIVE_GRAPH_MAX_RECORD_CHARS to raise it)", path=path)


def _run(fmt: str, read: Read, text: str, path: str) -> list[Document]:
    try:
        docs = read(text, path)
    except ArchiveGraphError as err:
        err.path = err.path or path
        err.args = (" ".join(str(err.args[0]).split()), *err.args[1:])  # one line, whatever the parser said
        raise
    except (ValueError, KeyError, TypeError, IndexError, AttributeError) as err:
        message = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise ReadError(f"{fmt} reader failed: {type(err).__name__}: {message}", path=path) from err
    if not docs:
        raise ReadError(f"{fmt} reader found no record", path=path)
    return docs


def _unknown(head: str) -> str:
    start = head.lstrip()[:200]
    if start.startswith("<"):
        root = re.search(
            r"<([A-Za-z_][\w:.-]*)", re.sub(r"<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>]*>", "", start, flags=re.S)
        )
        return f"unknown format: XML with root <{root.group(1) if root else '?'}>, not FRUS TEI"
    if start[:1] in "{[":
        return "unknown format: JSON that is not a Wilson Center Digital Archive record"
    if start.startswith("---"):
        return "unknown format: YAML front matter without DFAT keys (title, doc_date, vol_id)"
    return "unknown format: no reader recognises this content"
