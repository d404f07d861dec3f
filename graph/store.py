"""An embedded, on-disk RDF store (pyoxigraph / RocksDB) for the built graphs.

One named graph per archival record, as the model stage writes them. :func:`load` replaces a
record's named graph when the same record is loaded again, so re-building a record never leaves
stale facts behind. :func:`query` runs SPARQL 1.1 over the union of all graphs.

>>> store = open_store(None)   # in memory; give a folder for an on-disk store
>>> load(store, b'<http://e/r> { <http://e/r> <http://e/p> "old" }')
>>> load(store, b'<http://e/r> { <http://e/r> <http://e/p> "new" }')
>>> [s["o"].value for s in query(store, "SELECT ?o WHERE { ?s ?p ?o }")]
['new']
"""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox

from graph.errors import QueryError, ReadError, StoreBusyError

Result = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples

#: File name suffixes pyoxigraph reads, by RDF format.
FORMATS: dict[str, ox.RdfFormat] = {
    ".trig": ox.RdfFormat.TRIG,
    ".ttl": ox.RdfFormat.TURTLE,
    ".turtle": ox.RdfFormat.TURTLE,
    ".nq": ox.RdfFormat.N_QUADS,
    ".nquads": ox.RdfFormat.N_QUADS,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
    ".n3": ox.RdfFormat.N3,
}


def open_store(path: str | os.PathLike[str] | None, *, read_only: bool = False) -> ox.Store:
    """Open (creating if needed) the store in folder ``path``; ``None`` gives an in-memory store.

    ``read_only=True`` opens an existing store without taking its write lock, so several
    readers (``archive-graph query``, ``archive-graph serve``) can share it.
    """
    if path is None:
        return ox.Store()
    folder = Path(path)
    if read_only:
        if not folder.is_dir():
            raise FileNotFoundError(2, "no such store folder", str(folder))
        return ox.Store.read_only(str(folder))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        return ox.Store(str(folder))
    except OSError as err:
        if "lock" not in str(err).lower():
            raise
        raise StoreBusyError("the store is being written by another process (another build?); wait for it to "
                             "finish or give another --out / --store", path=str(folder)) from None


def format_for(path: str | os.PathLike[str]) -> ox.RdfFormat:
    """The RDF format of a file, from its name (``.trig``, ``.ttl``, ``.nq``, ``.jsonld`` ...)."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ReadError(f"unknown RDF file type {suffix!r}; use one of {', '.join(FORMATS)}", path=str(path))
    return FORMATS[suffix]


def load(
    store: ox.Store,
    data: str | os.PathLike[str] | bytes,
    *,
    format: ox.RdfFormat | None = None,
) -> None:
    """Bulk-load ``data`` (a file path, or TriG/N-Quads bytes) into ``store``.

    Every named graph the data holds replaces the graph of the same name already in the store.
    ``format`` defaults to TriG for bytes and to the file's suffix for a path.
    """
    if isinstance(data, bytes):
        raw, fmt, where = data, format or ox.RdfFormat.TRIG, None
    else:
        raw, fmt, where = Path(data).read_bytes(), format or format_for(data), str(data)
    try:
        for name in _graph_names(raw, fmt):
            if store.contains_named_graph(name):
                store.remove_graph(name)
        store.bulk_load(raw, fmt)
    except SyntaxError as err:
        raise ReadError(f"not valid {fmt}: {_one_line(err)}", path=where) from err


def _graph_names(raw: bytes, fmt: ox.RdfFormat) -> list[ox.NamedNode | ox.BlankNode]:
    """The named graphs in ``raw``, found by parsing it into a scratch in-memory store."""
    if fmt not in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS, ox.RdfFormat.JSON_LD):
        return []
    scratch = ox.Store()
    scratch.load(raw, fmt)
    return list(scratch.named_graphs())


def query(
    store: ox.Store,
    sparql: str,
    *,
    default_graphs: list[str] | None = None,
    named_graphs: list[str] | None = None,
) -> Result:
    """Run a SPARQL 1.1 query over the union of the store's graphs.

    ``default_graphs`` (graph IRIs) replaces the union as the query's default graph and
    ``named_graphs`` limits what ``GRAPH`` can see (the Protocol's ``default-graph-uri`` and
    ``named-graph-uri``). Raises :class:`graph.errors.QueryError` with the parser's message
    (one line) if the query is malformed.
    """
    options: dict = {"use_default_graph_as_union": not default_graphs}
    try:
        if default_graphs:
            options["default_graph"] = [ox.NamedNode(iri) for iri in default_graphs]
        if named_graphs:
            options["named_graphs"] = [ox.NamedNode(iri) for iri in named_graphs]
        return store.query(sparql, **options)
    except SyntaxError as err:
        raise QueryError(f"malformed SPARQL: {_one_line(err)}") from err
    except (OSError, ValueError) as err:
        raise QueryError(f"query failed: {_one_line(err)}") from err


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split())
