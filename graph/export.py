"""Export a graph file for other tools: JSON-LD with the project's published ``@context``
(``graph/data/context.jsonld``), or GEXF / GraphML for Gephi, from the view's networkx graph
(:func:`graph.view.network.to_networkx`) plus ``same as`` edges for owl:sameAs links between its nodes.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "g.ttl").write_text('<http://ex.org/a> a <https://schema.org/Person> ; '
...     '<https://schema.org/name> "Kosygin" .')
>>> export(folder / "g.ttl", "graphml", folder / "g.graphml").read_text().count("<node ")
1
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
from rdflib import OWL, Dataset, URIRef

from graph.io import write_atomic
from graph.merge import read_source

CONTEXT = Path(__file__).parent / "data" / "context.jsonld"
FORMATS = ("jsonld", "gexf", "graphml")


def context() -> dict:
    """The published JSON-LD context (the object under ``@context``)."""
    return json.loads(CONTEXT.read_text(encoding="utf-8"))["@context"]


def to_jsonld(ds: Dataset) -> str:
    """``ds`` as JSON-LD compacted with the published context (embedded, so it reads offline)."""
    return ds.serialize(format="json-ld", context=context(), sort_keys=True, indent=1)


def to_network(ds: Dataset) -> nx.MultiDiGraph:
    """The view's entity network, attributes made scalar for GEXF/GraphML, with ``same as`` edges."""
    from graph.view.network import to_networkx

    net = to_networkx(ds)
    for s, _, o, _ in sorted(ds.quads((None, OWL.sameAs, None, None))):
        if isinstance(o, URIRef) and str(s) in net and str(o) in net and s != o:
            net.add_edge(str(s), str(o), key="same as", label="same as")
    out = nx.MultiDiGraph()
    for node, attrs in net.nodes(data=True):
        out.add_node(node, **{k: _scalar(v) for k, v in attrs.items()})
    for u, v, key, attrs in net.edges(keys=True, data=True):
        out.add_edge(u, v, key=key, **{k: _scalar(val) for k, val in attrs.items()})
    return out


def _scalar(value: object) -> str | int | float | bool:
    if isinstance(value, (str, int, float, bool)):
        return value
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def render(ds: Dataset, fmt: str) -> bytes:
    """``ds`` as ``jsonld``, ``gexf`` or ``graphml`` bytes."""
    if fmt == "jsonld":
        return to_jsonld(ds).encode("utf-8")
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    buffer = io.BytesIO()
    writer = nx.write_gexf if fmt == "gexf" else nx.write_graphml
    writer(to_network(ds), buffer)
    return buffer.getvalue()


def export(source: str | Path, fmt: str, out: str | Path) -> Path:
    """Read ``source`` (any RDF syntax rdflib reads) and write it to ``out`` as ``fmt``, atomically."""
    ds, _ = read_source(source)
    return write_atomic(out, render(ds, fmt))
