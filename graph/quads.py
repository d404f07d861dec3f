"""One file's records as canonical N-Quads: the unit of work of the corpus build.

The model stage (``graph.model.rdf``) writes each record through ``add_record``; here it writes
into a plain list instead of an rdflib ``Dataset`` (indexing every triple is most of rdflib's
cost), and the triples become N-Quads text directly, in the canonical form pyoxigraph writes
(same escapes, ``xsd:string`` left implicit), one line per quad, lines sorted and unique. So a
record's text depends only on its content, never on run order.

>>> from graph.types import Document
>>> lines = record_nquads(_demo()).splitlines()
>>> lines[0].startswith("<https://w3id.org/archive-graph/id/")
True
>>> all(line.endswith("/graph> .") for line in lines)
True
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from graph.errors import ArchiveGraphError, ReadError
from graph.model.iri import entity_iri, record_iri, record_slug, under
from graph.model.rdf import add_record
from graph.types import Document, Kind, Resolution

_XSD_STRING = str(XSD.string)
_ESCAPE = re.compile(r'[\x00-\x1f"\\]')
_TABLE = {i: f"\\u{i:04X}" for i in range(32)} | {0x5C: "\\\\", 0x22: '\\"', 0x0A: "\\n", 0x0D: "\\r",
                                                  0x09: "\\t", 0x08: "\\b", 0x0C: "\\f"}
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


@dataclass
class RecordQuads:
    """One record's named graph: its slug, graph IRI and N-Quads text, and the ``schema:name`` it
    gives each person, organisation and item named from its own words (entity IRI -> name), so
    the build can make every record agree on one name per IRI (:mod:`graph.canonical`)."""

    slug: str
    graph: str
    nquads: str
    names: dict[str, str] = field(default_factory=dict)


@dataclass
class FileResult:
    """What one input file gave: its records' quads and the one-line errors (without the path)."""

    records: list[RecordQuads] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (code, message)
    cacheable: bool = True  # False when an unexpected exception stopped a record


class _Sink:
    """Stands in for an rdflib graph: ``add_record`` only calls ``add`` and reads ``identifier``."""

    def __init__(self, identifier: URIRef) -> None:
        self.identifier = identifier
        self.triples: list[tuple] = []

    def add(self, triple: tuple) -> None:
        self.triples.append(triple)


class _SinkDataset:
    def __init__(self) -> None:
        self.sink: _Sink | None = None

    def graph(self, identifier: URIRef) -> _Sink:
        self.sink = _Sink(identifier)
        return self.sink


def record_nquads(res: Resolution) -> str:
    """The record's named graph as sorted, unique, canonical N-Quads lines."""
    holder = _SinkDataset()
    add_record(holder, res)  # type: ignore[arg-type]  # duck-typed: graph() and add() only
    sink = holder.sink
    assert sink is not None
    memo: dict[int, str] = {}  # by object id: every term stays alive in sink.triples meanwhile
    tail = f" {_term(sink.identifier)} .\n"
    lines = set()
    for triple in sink.triples:
        parts = []
        for term in triple:
            text = memo.get(id(term))
            if text is None:
                text = memo[id(term)] = _term(term)
            parts.append(text)
        lines.add(" ".join(parts) + tail)
    return "".join(sorted(lines))


def _iri(value: str) -> str:
    if _BAD_IRI.search(value):  # percent-encode what N-Quads forbids in an IRI
        value = _BAD_IRI.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), value)
    return f"<{value}>"


def literal_term(value: str) -> str:
    """A plain string literal as a canonical N-Quads term."""
    return _term(Literal(value))


def _term(term: URIRef | Literal) -> str:
    if isinstance(term, URIRef):
        return _iri(str(term))
    if not isinstance(term, Literal):
        raise TypeError(f"no blank nodes or other terms in a record graph: {term!r}")
    value = str(term)
    if _ESCAPE.search(value):
        value = value.translate(_TABLE)
    if term.language:
        return f'"{value}"@{term.language.lower()}'
    datatype = term.datatype
    if datatype is not None and str(datatype) != _XSD_STRING:
        return f'"{value}"^^{_iri(str(datatype))}'
    return f'"{value}"'


# ------------------------------------------------------------------------------------ the worker


def warm_up() -> None:
    """Load the authorities and compile every lazily built pattern once, before a worker's first
    record: run in the parent before forking, the workers share all of it instead of each
    compiling the gazetteer's scanner (about a second) again."""
    from graph.extract import extract
    from graph.resolve import resolve
    from graph.resolve.gazetteer import Gazetteer
    from graph.resolve.people import PeopleAuthority

    Gazetteer.default()
    PeopleAuthority.default()
    with contextlib.suppress(Exception):  # only a head start: a real record meeting the same bug reports it
        record_nquads(resolve(extract(Document(path="warm-up.txt", format="plain", text=_WARM_UP))))


_WARM_UP = "Present: Mr. A. Kosygin. Kosygin said that we would like MiG-21s. Talks in Warsaw were proposed."


def process_file(path: str | Path) -> FileResult:
    """Read, extract, resolve and model every record in one file.

    Errors are one line each: an :class:`ArchiveGraphError` stops its record (or, from the
    reader, its file); any other exception is reported as an internal error with where it
    happened, and the file's result is not cached so a fixed program retries it.
    """
    from graph.pipeline import process
    from graph.read import read_path

    result = FileResult()
    try:
        docs = read_path(path)
    except ArchiveGraphError as err:
        result.errors.append((err.code, str(err.args[0])))
        return result
    except (OSError, UnicodeError, ValueError) as err:
        result.errors.append((ReadError.code, f"{type(err).__name__}: {err}"))
        return result
    for doc in docs:
        try:
            slug = record_slug(doc)
            res = process(doc)
            nquads = record_nquads(res)
        except ArchiveGraphError as err:
            result.errors.append((err.code, str(err.args[0])))
            continue
        except Exception as err:  # a bug must not stop the other 1,000 records; say where it was
            where = traceback.extract_tb(err.__traceback__)[-1]
            result.errors.append(("AG900", f"internal error {type(err).__name__}: {err} "
                                           f"({Path(where.filename).name}:{where.lineno}, record {doc.record_id})"))
            result.cacheable = False
            continue
        result.records.append(RecordQuads(slug, str(under(record_iri(doc), "graph")), nquads, named_entities(res)))
    return result


def named_entities(res: Resolution) -> dict[str, str]:
    """IRI -> schema:name of the record's persons, organisations and items (the kinds whose names
    can come from the record's own words; countries and places are always curated)."""
    return {str(entity_iri(e.id)): e.name for e in sorted(res.entities.values(), key=lambda e: e.id)
            if e.kind in _NAMED_FROM_TEXT}


_NAMED_FROM_TEXT = {Kind.PERSON, Kind.ORGANIZATION, Kind.ITEM}


def content_key(data: bytes, fingerprint: str) -> str:
    """The cache key of a file's bytes under one program fingerprint."""
    return hashlib.sha256(fingerprint.encode("ascii") + b"\0" + data).hexdigest()


def _demo() -> Resolution:
    from graph.pipeline import process

    return process(Document(path="demo.txt", format="plain", text="Kosygin met Le Duc Tho in Moscow."))
