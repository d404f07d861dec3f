"""Pick the reader for a file by its content (the suffix only breaks no ties) and read it.

Order: FRUS TEI, Wilson JSON, Wilson CSV, DFAT Markdown, Wilson page text (``graph.read.wilson_text``,
imported lazily, skipped if absent), plain text. HTML pages (even saved as ``.txt``) are turned
into text first and then offered to the text readers. Every failure is an error from
:mod:`graph.errors` whose one-line message names the file.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from graph.errors import ArchiveGraphError, ReadError, UnknownFormatError
from graph.read import dfat, frus_tei, plain, wilson_json
from graph.read.decode import decode
from graph.read.text import html_to_text, looks_like_html
from graph.types import Document

HEAD = 4096
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


def read_file(path: str | Path) -> list[Document]:
    """Every record in the file at ``path``."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except IsADirectoryError:
        raise ReadError("is a folder, not a file", path=name) from None
    except OSError as err:
        raise ReadError(f"cannot read file: {err.strerror or err}", path=name) from None
    text = decode(data, name)
    return read_text(text, name)


def read_text(text: str, path: str) -> list[Document]:
    """Every record in already decoded ``text``."""
    head = text[:HEAD]
    if looks_like_html(head) and not frus_tei.sniff(head, path):
        text = html_to_text(text)
        if not text.strip():
            raise ReadError("HTML page with no visible text", path=path)
        head = text[:HEAD]
    for fmt, sniff, read in readers():
        if sniff(head, path):
            return _run(fmt, read, text, path)
    raise UnknownFormatError(_unknown(head), path=path)


def _run(fmt: str, read: Read, text: str, path: str) -> list[Document]:
    try:
        docs = read(text, path)
    except ArchiveGraphError as err:
        err.path = err.path or path
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
