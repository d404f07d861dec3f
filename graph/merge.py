"""Merge other archives' RDF graphs with ours: lawful, traceable, never destructive.

The output holds every input quad unchanged, plus two derived named graphs computed from the
union of the sources: ``graph/alignment`` (``owl:sameAs`` links between subjects that share an
authority id, each reified by one ``ag:Alignment`` node per link and method, with ``ag:method``,
``ag:score``, ``ag:key`` and ``prov:wasDerivedFrom`` its evidence graphs) and ``graph/crosswalk``
(what ``graph/data/crosswalk.ttl`` entails: FOAF, RiC-O, SKOS, GeoNames ... as schema.org).
Everything derived is monotone in the sources, so merging is commutative, associative and
idempotent (tests/test_merge_laws.py). Name-only matches are proposed in the report, never
applied unless accepted (``accept`` file or ``min_score``).

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.ttl").write_text("<http://ex.org/brezhnev> "
...     "<http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q765165> .")
>>> _ = (folder / "b.nt").write_text("<http://other.org/lib/7> "
...     "<https://schema.org/sameAs> <https://www.wikidata.org/wiki/Q765165> .\\n")
>>> result = merge([folder / "a.ttl", folder / "b.nt"])
>>> [(a["a"], a["b"], a["method"], a["score"]) for a in result.report["aligned"]]
[('http://ex.org/brezhnev', 'http://other.org/lib/7', 'wikidata:sameAs/sameAs', 1.0)]
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations, product
from pathlib import Path

from rdflib import RDF, RDFS, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.compare import _TripleCanonicalizer
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import DC, DCTERMS, OWL
from rdflib.term import Node

from graph.errors import MalformedError, UsageError
from graph.io import write_atomic
from graph.model.iri import AG, ID, PROV, RICO, SDO
from graph.model.rdf import SOFTWARE, bind_prefixes

ALIGNMENT_GRAPH = ID["graph/alignment"]
CROSSWALK_GRAPH = ID["graph/crosswalk"]
DERIVED = frozenset({ALIGNMENT_GRAPH, CROSSWALK_GRAPH})
CROSSWALK = Path(__file__).parent / "data" / "crosswalk.ttl"
SAME_AS = (OWL.sameAs, SDO.sameAs, URIRef("http://schema.org/sameAs"))
IDENTIFIERS = (SDO.identifier, DCTERMS.identifier, DC.identifier, RICO.identifier)
BASE_TYPES = (SDO.Person, SDO.Organization, SDO.Country, SDO.Place, SDO.Product)
VIA_SCORE = {"sameAs": 1.0, "subject": 1.0, "identifier": 0.9}
SUFFIX_FORMAT = {".ttl": "turtle", ".turtle": "turtle", ".trig": "trig", ".nt": "nt", ".nq": "nquads",
                 ".jsonld": "json-ld", ".json": "json-ld", ".rdf": "xml", ".owl": "xml", ".xml": "xml",
                 ".n3": "n3"}
_AUTHORITIES = (
    ("wikidata", re.compile(r"^https?://(?:www\.)?wikidata\.org/(?:entity|wiki)/(Q\d+)$")),
    ("geonames", re.compile(r"^https?://(?:sws\.|www\.)?geonames\.org/(\d+)(?:/.*)?$")),
    ("viaf", re.compile(r"^https?://(?:www\.)?viaf\.org/viaf/(\d+)/?$")),
    ("frus", re.compile(r"^https?://history\.state\.gov/people/id/(\d+)$")),
    ("frus", re.compile("^" + re.escape(str(ID)) + r"person/frus-(\d+)$")),
)


@dataclass
class MergeResult:
    """The merged ``dataset`` and its JSON-ready ``report`` (sorted, deterministic)."""

    dataset: Dataset
    report: dict


# ------------------------------------------------------------------------------------- reading
def authority_key(iri: str) -> str | None:
    """``kind:id`` for a Wikidata, GeoNames, VIAF or FRUS people IRI (any common spelling).

    >>> authority_key("https://www.wikidata.org/wiki/Q765165"), authority_key("http://sws.geonames.org/524901")
    ('wikidata:Q765165', 'geonames:524901')
    >>> authority_key("https://w3id.org/archive-graph/id/person/frus-107395")
    'frus:107395'
    """
    for kind, pattern in _AUTHORITIES:
        match = pattern.match(iri)
        if match:
            return f"{kind}:{match.group(1)}"
    return None


def _formats(path: Path, data: bytes) -> list[str]:
    """The suffix's format first, then guesses from the content."""
    head = data.lstrip()[:200]
    guesses = ["json-ld"] if head[:1] in (b"{", b"[") else []
    guesses += ["xml"] if head.startswith((b"<?xml", b"<rdf:RDF")) else []
    guesses += ["trig", "nquads", "json-ld", "xml", "n3"]
    first = SUFFIX_FORMAT.get(path.suffix.lower())
    return list(dict.fromkeys(([first] if first else []) + guesses))


def read_source(path: str | Path) -> tuple[Dataset, dict]:
    """Parse one RDF file; plain triples go into the graph ``source/sha-<16 hex of its bytes>``."""
    path = Path(path)
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    errors = []
    for fmt in _formats(path, data):
        parsed = Dataset()
        try:
            parsed.parse(data=data, format=fmt)
        except Exception as err:  # noqa: BLE001 - rdflib parsers raise many types; try the next
            errors.append(f"{fmt}: {str(err).splitlines()[0] if str(err) else type(err).__name__}")
            continue
        quads = _canonical_bnodes(_named(parsed, ID[f"source/sha-{digest[:16]}"]))
        quads = sorted(set(quads))
        info = {"path": str(path), "sha256": digest, "format": fmt, "triples": len(quads),
                "graphs": sorted({str(g) for *_, g in quads})}
        out = Dataset()
        for quad in quads:
            out.add(quad)
        return out, info
    raise MalformedError("not RDF in any syntax rdflib reads (" + errors[0][:200] + ")", path=str(path))


def _named(parsed: Dataset, source_graph: URIRef) -> list[tuple[Node, Node, Node, Node]]:
    out = []
    for s, p, o, g in parsed.quads((None, None, None, None)):
        name = g.identifier if isinstance(g, Graph) else g
        out.append((s, p, o, source_graph if name in (None, DATASET_DEFAULT_GRAPH_ID) else name))
    return out


def _canonical_bnodes(quads: list) -> list:
    """Blank nodes relabelled from content alone: each connected blank-node structure of the source
    graphs gets labels hashed from its canonical form (graph names included), so the same structure
    from any file, or read back from a merge's output, has the same labels. Exact duplicate
    structures within one graph are thereby written once (an equivalent graph)."""
    if not any(isinstance(t, BNode) for quad in quads for t in quad[:3]):
        return quads
    parent: dict[BNode, BNode] = {}

    def find(x: BNode) -> BNode:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    groups: dict[BNode, list] = defaultdict(list)
    for quad in quads:
        nodes = [find(t) for t in quad[:3] if isinstance(t, BNode)]
        for other in nodes[1:]:
            parent[other] = nodes[0]
    for quad in quads:
        nodes = [t for t in quad[:3] if isinstance(t, BNode)]
        if nodes and quad[3] not in DERIVED:
            groups[find(nodes[0])].append(quad)
    label: dict[BNode, BNode] = {}
    seen: dict[str, int] = defaultdict(int)
    for digest, mapping in sorted((_labels(group) for group in groups.values()), key=lambda x: x[0]):
        copy = seen[digest]  # identical structures stay apart: the k-th copy gets its own labels
        seen[digest] += 1
        label.update({node: BNode("b" + hashlib.sha256(f"{digest} {copy} {canonical}".encode()).hexdigest()[:24])
                      for node, canonical in mapping.items()})
    return [tuple(label.get(t, t) if isinstance(t, BNode) else t for t in quad[:3]) + (quad[3],)
            for quad in quads]


def _labels(group: list) -> tuple[str, dict[BNode, str]]:
    """The group's canonical digest, and each original blank node's canonical label in it."""
    tags = {g: hashlib.sha256(str(g).encode()).hexdigest()[:16] for *_, g in group}
    enc = Graph()
    for s, p, o, g in group:
        enc.add((s, URIRef(f"urn:x-ag:{tags[g]}:{p}"), o))
    canon = _Labeller(enc)
    text = "\n".join(sorted(" ".join(t.n3() for t in triple) for triple in canon.canonical_triples()))
    return hashlib.sha256(text.encode()).hexdigest(), dict(canon.seen)


class _Labeller(_TripleCanonicalizer):
    """rdflib's canonicaliser, keeping the blank node -> canonical label map it computes."""

    def __init__(self, graph: Graph) -> None:
        super().__init__(graph)
        self.seen: dict[BNode, str] = {}

    def _canonicalize_bnodes(self, triple, labels):  # noqa: ANN001, ANN202 - rdflib's signature
        self.seen.update({k: v for k, v in labels.items() if isinstance(k, BNode)})
        return super()._canonicalize_bnodes(triple, labels)


# ------------------------------------------------------------------------------------- crosswalk
@lru_cache(maxsize=4)
def _rules(path: Path = CROSSWALK) -> tuple[dict, dict, list]:
    g = Graph().parse(path, format="turtle")
    supers = {c: set(g.transitive_objects(c, RDFS.subClassOf)) - {c} for c in g.subjects(RDFS.subClassOf)}
    props = {p: set(g.transitive_objects(p, RDFS.subPropertyOf)) - {p}
             for p in g.subjects(RDFS.subPropertyOf)}
    chains = [(q, list(Collection(g, lst))) for q, lst in g.subject_objects(OWL.propertyChainAxiom)]
    return supers, props, [(q, chain) for q, chain in chains if len(chain) == 2]


def crosswalk(union: Graph, path: Path = CROSSWALK) -> set[tuple[Node, Node, Node]]:
    """Triples the crosswalk entails from ``union`` (subclass, subproperty, 2-step chains)."""
    supers, props, chains = _rules(path)
    out: set[tuple[Node, Node, Node]] = set()
    for cls, above in supers.items():
        for x in union.subjects(RDF.type, cls):
            out.update((x, RDF.type, d) for d in above)
    for prop, above in props.items():
        for s, o in union.subject_objects(prop):
            out.update((s, q, o) for q in above)
    for q, (p1, p2) in chains:
        for s, m in union.subject_objects(p1):
            out.update((s, q, o) for o in union.objects(m, p2))
    return out


# ------------------------------------------------------------------------------------- alignment
def _keys(ds: Dataset) -> dict[tuple[URIRef, str, str], set[URIRef]]:
    """(subject, authority key, via) -> the source graphs that say so."""
    found: dict[tuple[URIRef, str, str], set[URIRef]] = defaultdict(set)
    for s, p, o, g in _source_quads(ds):
        if not isinstance(s, URIRef):
            continue
        own = authority_key(str(s))
        if own:
            found[(s, own, "subject")].add(g)
        if p in SAME_AS and isinstance(o, URIRef):
            found[(s, authority_key(str(o)) or f"iri:{o}", "sameAs")].add(g)
        elif p in IDENTIFIERS:
            key = _identifier_key(o)
            if key:
                found[(s, key, "identifier")].add(g)
    return found


def _identifier_key(value: Node) -> str | None:
    text = str(value).strip()
    match = re.fullmatch(r"(?:wd:)?(Q\d+)", text)
    return f"wikidata:{match.group(1)}" if match else authority_key(text)


def _source_quads(ds: Dataset) -> Iterable[tuple[Node, Node, Node, URIRef]]:
    for s, p, o, g in ds.quads((None, None, None, None)):
        name = g.identifier if isinstance(g, Graph) else g
        if name not in DERIVED:
            yield s, p, o, name


def authority_links(ds: Dataset) -> list[dict]:
    """One link per pair of subjects sharing a key, per (key, via) combination."""
    by_key: dict[str, dict[URIRef, dict[str, set[URIRef]]]] = defaultdict(lambda: defaultdict(dict))
    for (s, key, via), graphs in _keys(ds).items():
        by_key[key][s][via] = graphs
    links = []
    for key, subjects in by_key.items():
        for a, b in combinations(sorted(subjects, key=str), 2):
            for via_a, via_b in product(sorted(subjects[a]), sorted(subjects[b])):
                method = f"{key.split(':')[0]}:{via_a}/{via_b}"
                links.append({"a": str(a), "b": str(b), "method": method, "key": key,
                              "score": min(VIA_SCORE[via_a], VIA_SCORE[via_b]),
                              "sources": sorted(map(str, subjects[a][via_a] | subjects[b][via_b]))})
    return links


def write_links(ds: Dataset, links: Iterable[dict]) -> None:
    """Each link as ``a owl:sameAs b`` plus its reified ``ag:Alignment`` node, in ``graph/alignment``."""
    g = ds.graph(ALIGNMENT_GRAPH)
    for link in links:
        a, b = URIRef(link["a"]), URIRef(link["b"])
        digest = hashlib.sha256(f"{a} {b} {link['method']}".encode()).hexdigest()[:16]
        node = ID[f"alignment/sha-{digest}"]
        g.add((a, OWL.sameAs, b))
        for p, o in ((RDF.type, AG.Alignment), (RDF.type, RDF.Statement), (RDF.subject, a),
                     (RDF.predicate, OWL.sameAs), (RDF.object, b), (AG.method, Literal(link["method"])),
                     (AG.score, Literal(f"{link['score']:.2f}", datatype=XSD.decimal)),
                     (AG.key, Literal(link["key"])), (PROV.wasAttributedTo, SOFTWARE)):
            g.add((node, p, o))
        for source in link["sources"]:
            g.add((node, PROV.wasDerivedFrom, URIRef(source)))


# ------------------------------------------------------------------------------------- proposals
def name_key(label: str) -> str:
    """Accents, case and punctuation dropped; ``Surname, Forenames`` turned round.

    >>> name_key("Kosygin, Aleksei N."), name_key("Hà Nội")
    ('aleksei n kosygin', 'ha noi')
    """
    text = "".join(c for c in unicodedata.normalize("NFKD", label) if not unicodedata.combining(c))
    parts = [part.strip() for part in text.split(",")]
    if len(parts) == 2 and all(parts):
        text = f"{parts[1]} {parts[0]}"
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def name_proposals(ds: Dataset, clusters: dict[str, str]) -> list[dict]:
    """Same base type and normalised name, not already linked, no conflicting authority id."""
    union = _union(ds, include_derived=True)
    keys = defaultdict(set)
    for (s, key, _), _graphs in _keys(ds).items():
        keys[str(s)].add(key)
    groups: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
    for cls in BASE_TYPES:
        for s in set(union.subjects(RDF.type, cls)):
            if not isinstance(s, URIRef) or (cls == SDO.Place and (s, RDF.type, SDO.Country) in union):
                continue
            for pred, score in ((SDO.alternateName, 0.7), (SDO.name, 0.8)):
                for label in union.objects(s, pred):
                    key = name_key(str(label))
                    if len(key) >= 3:
                        groups[(str(cls), key)][str(s)] = score
    best: dict[tuple[str, str], dict] = {}
    for (cls, label), members in sorted(groups.items()):
        for a, b in combinations(sorted(members), 2):
            if clusters.get(a, a) == clusters.get(b, b) or _conflict(keys[a], keys[b]):
                continue
            score = min(members[a], members[b])
            if (a, b) not in best or best[(a, b)]["score"] < score:
                best[(a, b)] = {"a": a, "b": b, "method": "name", "score": score, "label": label, "type": cls}
    return _one_per_cluster_pair(list(best.values()), clusters)


def _one_per_cluster_pair(proposals: list[dict], clusters: dict[str, str]) -> list[dict]:
    """Entities already linked are one candidate: keep the best-scoring pair per two clusters."""
    kept: dict[tuple[str, str], dict] = {}
    for p in sorted(proposals, key=lambda p: (-p["score"], p["a"], p["b"])):
        pair = tuple(sorted((clusters.get(p["a"], p["a"]), clusters.get(p["b"], p["b"]))))
        kept.setdefault(pair, p)
    return sorted(kept.values(), key=lambda p: (p["a"], p["b"]))


def _conflict(keys_a: set[str], keys_b: set[str]) -> bool:
    kinds = {k.split(":")[0] for k in keys_a if not k.startswith("iri:")}
    return any(k.split(":")[0] in kinds and k not in keys_a for k in keys_b if not k.startswith("iri:"))


def _clusters(ds: Dataset) -> dict[str, str]:
    """Union-find over every owl:sameAs (sources and alignment): node -> its cluster's least IRI."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for s, o in _union(ds, include_derived=True).subject_objects(OWL.sameAs):
        ra, rb = find(str(s)), find(str(o))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {x: find(x) for x in list(parent)}


def _union(ds: Dataset, include_derived: bool = False) -> Graph:
    union = Graph()
    for s, p, o, g in ds.quads((None, None, None, None)):
        name = g.identifier if isinstance(g, Graph) else g
        if include_derived or name not in DERIVED:
            union.add((s, p, o))
    return union


# ------------------------------------------------------------------------------------- the API
def merge(sources: Sequence[str | Path], *, accept: Path | None = None,
          min_score: float | None = None) -> MergeResult:
    """Merge RDF files (any syntax rdflib reads) into one dataset, with alignment and crosswalk."""
    ds = Dataset()
    bind_prefixes(ds)
    inputs: dict[str, dict] = {}
    for path in sources:
        part, info = read_source(path)
        if info["sha256"] in inputs:
            inputs[info["sha256"]]["paths"].append(info.pop("path"))
            continue
        info["paths"] = [info.pop("path")]
        inputs[info["sha256"]] = info
        for quad in part.quads((None, None, None, None)):
            ds.add((quad[0], quad[1], quad[2], quad[3].identifier if isinstance(quad[3], Graph) else quad[3]))
    cw = ds.graph(CROSSWALK_GRAPH)
    for triple in crosswalk(_union(ds)):
        cw.add(triple)
    links = authority_links(ds)
    write_links(ds, links)
    proposals = name_proposals(ds, _clusters(ds))
    applied = _applied(proposals, accept, min_score)
    write_links(ds, applied)
    return MergeResult(ds, _report(ds, inputs, links + applied, proposals))


def _applied(proposals: list[dict], accept: Path | None, min_score: float | None) -> list[dict]:
    chosen: dict[tuple[str, str], dict] = {}
    if accept is not None:
        try:
            wanted = {tuple(sorted((e["a"], e["b"]))) for e in json.loads(Path(accept).read_text("utf-8"))}
        except (ValueError, KeyError, TypeError) as err:
            raise UsageError(f"accept file must be a JSON list of proposals: {err}", path=str(accept)) from err
        chosen.update({(p["a"], p["b"]): dict(p, method="name:accepted") for p in proposals
                       if (p["a"], p["b"]) in wanted})
    if min_score is not None:
        for p in proposals:
            if p["score"] >= min_score and (p["a"], p["b"]) not in chosen:
                chosen[(p["a"], p["b"])] = dict(p, method="name:min-score")
    return [{"a": p["a"], "b": p["b"], "method": p["method"], "score": p["score"],
             "key": f"name:{p['label']}", "sources": []} for _, p in sorted(chosen.items())]


def _report(ds: Dataset, inputs: dict[str, dict], links: list[dict], proposals: list[dict]) -> dict:
    aligned = sorted(links, key=lambda x: (x["a"], x["b"], x["method"], x["key"]))
    linked = {(x["a"], x["b"]) for x in aligned}
    count = sum(1 for _ in ds.quads((None, None, None, None)))
    return {
        "inputs": [inputs[k] for k in sorted(inputs)],
        "aligned": aligned,
        "proposed": proposals,
        "left_apart": sum(1 for p in proposals if (p["a"], p["b"]) not in linked),
        "clusters": len(set(_clusters(ds).values())),
        "crosswalk_triples": len(ds.graph(CROSSWALK_GRAPH)),
        "alignment_triples": len(ds.graph(ALIGNMENT_GRAPH)),
        "output_triples": count,
        "output_graphs": sum(1 for g in ds.graphs() if len(g)),
    }


def write_merge(result: MergeResult, out: str | Path, report_path: str | Path | None = None) -> list[Path]:
    """Write the dataset (format by suffix: .trig, .nq, .jsonld, .ttl) and the report, atomically."""
    from graph.model.serialize import serialize

    fmt = {".nq": "nq", ".jsonld": "jsonld", ".ttl": "ttl"}.get(Path(out).suffix.lower(), "trig")
    written = [write_atomic(out, serialize(result.dataset, fmt))]
    if report_path is not None:
        text = json.dumps(result.report, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        written.append(write_atomic(report_path, text))
    return written
