"""Deterministic serialisation: the same graph gives the same bytes, whatever order its
triples were added in (no blank nodes are written; lines and blocks are sorted)."""

from __future__ import annotations

from rdflib import Dataset, Graph

from graph.model.rdf import bind_prefixes

_RDFLIB = {"trig": "trig", "ttl": "turtle", "nq": "nquads", "jsonld": "json-ld"}


def serialize(ds: Dataset, fmt: str) -> str:
    """``ds`` as ``trig``, ``ttl`` (all named graphs as one graph), ``nq`` or ``jsonld``."""
    if fmt == "nq":
        lines = ds.serialize(format="nquads").split("\n")  # not splitlines(): literals may hold \f, \u2028 ...
        return "\n".join(sorted(set(line for line in lines if line.strip()))) + "\n"
    if fmt == "ttl":
        union = Graph()
        for prefix, ns in ds.namespaces():
            union.bind(prefix, ns, override=True, replace=True)
        for s, p, o, _ in ds.quads((None, None, None, None)):
            union.add((s, p, o))
        return union.serialize(format="turtle")
    if fmt == "jsonld":
        return ds.serialize(format="json-ld", sort_keys=True, indent=1)
    return _canonical(ds).serialize(format=_RDFLIB[fmt])


def _canonical(ds: Dataset) -> Dataset:
    """A copy whose graphs and triples were inserted in sorted order (rdflib's TriG writer
    follows insertion order for graphs)."""
    out = Dataset()
    bind_prefixes(out)
    for context in sorted(ds.contexts(), key=lambda g: str(g.identifier)):
        if len(context) == 0:
            continue
        target = out.graph(context.identifier)
        for triple in sorted(context):
            target.add(triple)
    return out
