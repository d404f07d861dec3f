"""RDF -> networkx: the graph the HTML view draws.

One node per record, person, organization, country, place, requested item, request and venue
proposal (keyed by IRI). Annotations, selectors, meetings and speaker turns are not nodes: turns
become one ``spoke in`` edge person -> record with a ``count``, meetings become ``attended`` edges
and annotations become each node's ``evidence`` list.

Node attributes: ``kind``, ``label``, ``aliases`` (sorted, label excluded), ``ids`` (list of
``{"label", "url"}`` for each http(s) ``owl:sameAs``), ``evidence`` (list of ``{"quote", "title",
"date", "record", "start", "end"}``), ``records`` (IRIs of the records the node occurs in),
``date`` (records only) and ``details`` (``[name, value]`` pairs such as quantity or stance).
Edge attributes: ``label`` (also the edge key) and, for ``spoke in``, ``count``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

import networkx as nx
import rdflib
from rdflib import OWL, RDF, RDFS, Literal, Namespace, URIRef
from rdflib.term import Node

SCHEMA = Namespace("https://schema.org/")
AG = Namespace("https://w3id.org/archive-graph/ns#")
OA = Namespace("http://www.w3.org/ns/oa#")

# First match wins, so a schema:Country that is also a schema:Place is drawn as a country.
KIND_BY_TYPE: tuple[tuple[URIRef, str], ...] = (
    (SCHEMA.ArchiveComponent, "record"),
    (AG.Request, "request"),
    (AG.VenueProposal, "proposal"),
    (SCHEMA.Person, "person"),
    (SCHEMA.Organization, "organization"),
    (SCHEMA.Country, "country"),
    (SCHEMA.Place, "place"),
    (SCHEMA.Product, "item"),
)
KINDS: tuple[str, ...] = tuple(kind for _, kind in KIND_BY_TYPE) + ("other",)

# (subject-side predicate, edge label, edge drawn from the subject (True) or towards it (False))
_DIRECT_EDGES: tuple[tuple[URIRef, str, bool], ...] = (
    (SCHEMA.memberOf, "member of", True),
    (SCHEMA.parentOrganization, "part of", True),
    (SCHEMA.agent, "from", True),
    (AG.onBehalfOf, "on behalf of", True),
    (SCHEMA.recipient, "to", True),
    (SCHEMA.object, "requested", True),
    (SCHEMA.location, "proposed venue", True),
    (AG.itemType, "item type", True),  # the project's per-request item -> its canonical item
    (SCHEMA.mentions, "mentioned in", False),
    (SCHEMA.author, "recorded", False),
    (SCHEMA.translator, "translated", False),
    (SCHEMA.contributor, "contributed to", False),
)
# Predicates whose subject is a record: the object then occurs in that record.
_RECORD_LINKS = (SCHEMA.mentions, SCHEMA.author, SCHEMA.translator, SCHEMA.contributor)
_DETAILS: tuple[tuple[URIRef, str], ...] = (
    (SCHEMA.jobTitle, "job title"),
    (SCHEMA.description, "description"),
    (SCHEMA.category, "category"),
    (AG.quantity, "quantity"),
    (AG.response, "response"),
    (AG.stance, "stance"),
    (SCHEMA.identifier, "identifier"),
    (SCHEMA.citation, "citation"),
)


def to_networkx(ds: rdflib.Dataset | rdflib.Graph) -> nx.MultiDiGraph:
    """Build the view's graph from every named graph (and the default graph) of ``ds``."""
    g = _union(ds)
    kinds = _kinds(g)
    records = {node: _record_info(g, node) for node, kind in kinds.items() if kind == "record"}
    occurs: dict[Node, set[Node]] = defaultdict(set)
    edges = list(_edges(g, kinds, occurs))
    for node in edges_endpoints(edges):
        kinds.setdefault(node, "other")
    evidence = _evidence(g, records, occurs)
    for node, kind in kinds.items():  # a fact's own record, where the graph states it
        if kind in ("request", "proposal"):
            occurs[node].update(r for r in g.objects(node, SCHEMA.isPartOf) if r in records)
    edges += _facts_in_records(kinds, occurs, records)
    _propagate_to_participants(g, kinds, occurs)
    out = nx.MultiDiGraph()
    for node in sorted(kinds, key=str):
        out.add_node(str(node), **_node_attrs(g, node, kinds[node], evidence, occurs, records))
    for u, v, label, count in sorted(edges, key=lambda e: (str(e[0]), str(e[1]), e[2])):
        attrs = {"label": label} if count is None else {"label": label, "count": count}
        out.add_edge(str(u), str(v), key=label, **attrs)
    return out


def edges_endpoints(edges: Iterable[tuple[Node, Node, str, int | None]]) -> set[Node]:
    """Every node an edge touches."""
    return {end for u, v, _, _ in edges for end in (u, v)}


def _union(ds: rdflib.Dataset | rdflib.Graph) -> rdflib.Graph:
    """A read view of every graph in ``ds`` at once, sharing its store (no copy)."""
    if isinstance(ds, rdflib.Dataset):
        return rdflib.Dataset(store=ds.store, default_union=True)
    return ds


def _kinds(g: rdflib.Graph) -> dict[Node, str]:
    kinds: dict[Node, str] = {}
    for rdf_type, kind in KIND_BY_TYPE:
        for node in g.subjects(RDF.type, rdf_type):
            if isinstance(node, URIRef):
                kinds.setdefault(node, kind)
    return kinds


def _record_info(g: rdflib.Graph, record: Node) -> dict[str, str]:
    return {"title": _label(g, record), "date": _first(g, record, SCHEMA.dateCreated)}


def _edges(
    g: rdflib.Graph, kinds: dict[Node, str], occurs: dict[Node, set[Node]]
) -> Iterable[tuple[Node, Node, str, int | None]]:
    """Yield (from, to, label, count) and note which records each node occurs in."""
    for pred, label, forward in _DIRECT_EDGES:
        for s, o in g.subject_objects(pred):
            if s not in kinds or not isinstance(o, URIRef):
                continue
            if kinds[s] == "record" and pred in _RECORD_LINKS:
                occurs[o].add(s)
            yield (s, o, label, None) if forward else (o, s, label, None)
    yield from _attended(g, kinds, occurs)
    yield from _spoke_in(g, kinds, occurs)


def _attended(g: rdflib.Graph, kinds: dict[Node, str], occurs: dict[Node, set[Node]]):
    pairs = set()
    for meeting, record in g.subject_objects(SCHEMA.recordedIn):
        if kinds.get(record) != "record":
            continue
        for person in g.objects(meeting, SCHEMA.attendee):
            if isinstance(person, URIRef):
                pairs.add((person, record))
                occurs[person].add(record)
    for person, record in pairs:
        yield person, record, "attended", None


def _spoke_in(g: rdflib.Graph, kinds: dict[Node, str], occurs: dict[Node, set[Node]]):
    counts: Counter[tuple[Node, Node]] = Counter()
    for turn in g.subjects(RDF.type, AG.Utterance):
        record, speaker = g.value(turn, SCHEMA.isPartOf), g.value(turn, SCHEMA.author)
        if kinds.get(record) == "record" and isinstance(speaker, URIRef):
            counts[(speaker, record)] += 1
            occurs[speaker].add(record)
    for (speaker, record), count in counts.items():
        yield speaker, record, "spoke in", count


def _evidence(
    g: rdflib.Graph, records: dict[Node, dict[str, str]], occurs: dict[Node, set[Node]]
) -> dict[Node, list[dict[str, object]]]:
    found: dict[Node, list[dict[str, object]]] = defaultdict(list)
    for anno in g.subjects(RDF.type, OA.Annotation):
        for target in g.objects(anno, OA.hasTarget):
            quote = _target_quote(g, target, records)
            if quote is None:
                continue
            for body in g.objects(anno, OA.hasBody):
                found[body].append(quote)
                occurs[body].add(URIRef(str(quote["record"])))
    for quotes in found.values():
        quotes.sort(key=lambda q: (str(q["date"]), str(q["title"]), q["start"], str(q["quote"])))
    return found


def _facts_in_records(kinds, occurs, records) -> list[tuple[Node, Node, str, int | None]]:
    """A request or proposal is ``mentioned in`` each record its evidence quotes."""
    return [(node, rec, "mentioned in", None) for node, kind in kinds.items()
            if kind in ("request", "proposal") for rec in occurs.get(node, ()) if rec in records]


def _target_quote(g: rdflib.Graph, target: Node, records: dict[Node, dict[str, str]]):
    source = g.value(target, OA.hasSource)
    if source is None:
        return None
    exact, start, end = "", -1, -1
    for sel in g.objects(target, OA.hasSelector):
        if (sel, RDF.type, OA.TextQuoteSelector) in g:
            exact = _first(g, sel, OA.exact)
        elif (sel, RDF.type, OA.TextPositionSelector) in g:
            start, end = _int(g.value(sel, OA.start)), _int(g.value(sel, OA.end))
    info = records.get(source, {"title": _label(g, source), "date": ""})
    return {"quote": exact, "title": info["title"], "date": info["date"], "record": str(source),
            "start": start, "end": end}


def _propagate_to_participants(g: rdflib.Graph, kinds: dict[Node, str], occurs: dict[Node, set[Node]]):
    """A request or proposal's agent, recipient, item and venue occur in the request's records."""
    for node, kind in kinds.items():
        if kind == "record":
            occurs[node].add(node)
        if kind not in ("request", "proposal"):
            continue
        for pred in (SCHEMA.agent, AG.onBehalfOf, SCHEMA.recipient, SCHEMA.object, SCHEMA.location):
            for other in g.objects(node, pred):
                occurs[other] |= occurs[node]


def _node_attrs(g, node, kind, evidence, occurs, records) -> dict[str, object]:
    label = _kind_label(g, node, kind)
    names = {str(o) for p in (SCHEMA.name, SCHEMA.alternateName, RDFS.label) for o in g.objects(node, p)}
    attrs: dict[str, object] = {
        "kind": kind,
        "label": label,
        "aliases": sorted(names - {label}),
        "ids": _ids(g, node),
        "evidence": evidence.get(node, []),
        "records": sorted(str(r) for r in occurs.get(node, ()) if r in records),
        "details": [[name, v] for pred, name in _DETAILS for v in sorted(map(str, g.objects(node, pred)))],
    }
    if kind == "record":
        attrs["date"] = records[node]["date"]
    return attrs


def _kind_label(g: rdflib.Graph, node: Node, kind: str) -> str:
    if kind == "request":
        item = g.value(node, SCHEMA.object)
        return f"request: {_label(g, item)}" if item is not None else "request"
    if kind == "proposal":
        venue, stance = g.value(node, SCHEMA.location), _first(g, node, AG.stance)
        where = _label(g, venue) if venue is not None else "?"
        return f"venue: {where}" + (f" ({stance})" if stance else "")
    return _label(g, node)


def _ids(g: rdflib.Graph, node: Node) -> list[dict[str, str]]:
    """Link-outs for http(s) sameAs IRIs only: never javascript:, data: or other schemes."""
    out = []
    for iri in sorted(str(o) for o in g.objects(node, OWL.sameAs) if isinstance(o, URIRef)):
        if iri.lower().startswith(("http://", "https://")):
            out.append({"label": _id_label(iri), "url": iri})
    return out


def _id_label(iri: str) -> str:
    tail = iri.rstrip("/").rsplit("/", 1)[-1]
    if "wikidata.org/" in iri:
        return f"Wikidata {tail}"
    if "geonames.org/" in iri:
        return f"GeoNames {tail}"
    if "history.state.gov/people" in iri:
        return f"FRUS people: {tail}"
    if "viaf.org/" in iri:
        return f"VIAF {tail}"
    return iri


def _label(g: rdflib.Graph, node: Node) -> str:
    for pred in (SCHEMA.name, RDFS.label):
        names = sorted(str(o) for o in g.objects(node, pred))
        if names:
            return names[0]
    return str(node).rstrip("/").rsplit("/", 1)[-1]


def _first(g: rdflib.Graph, node: Node, pred: URIRef) -> str:
    values = sorted(str(o) for o in g.objects(node, pred))
    return values[0] if values else ""


def _int(value: Node | None) -> int:
    try:
        return int(value.toPython()) if isinstance(value, Literal) else -1
    except (TypeError, ValueError):
        return -1
