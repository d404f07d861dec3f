"""The merge's laws, on generated graphs (hypothesis): commutative, idempotent, associative, and
every input quad is in the output. Datasets are compared as sets of quads, blank nodes up to
isomorphism (each quad becomes a triple whose predicate also names its graph)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rdflib import RDF, BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from graph.merge import merge, read_source, write_merge

EX = "http://example.org/"
SUBJECTS = [URIRef(f"{EX}s{i}") for i in range(4)] + [
    URIRef("http://www.wikidata.org/entity/Q765165"), URIRef("https://sws.geonames.org/524901/"),
    URIRef("https://w3id.org/archive-graph/id/person/frus-107395")]
OBJECTS = SUBJECTS + [URIRef("https://history.state.gov/people/id/107395"),
                      URIRef("http://viaf.org/viaf/76441659")]
PREDICATES = {
    URIRef("http://www.w3.org/2002/07/owl#sameAs"): "iri",
    URIRef("https://schema.org/sameAs"): "iri",
    URIRef("https://schema.org/identifier"): "id",
    URIRef("http://xmlns.com/foaf/0.1/name"): "name",
    URIRef("https://schema.org/name"): "name",
    URIRef("https://www.ica.org/standards/RiC/ontology#hasOrHadName"): "bnode",
    URIRef("https://www.ica.org/standards/RiC/ontology#textualValue"): "name",
    RDF.type: "type",
}
TYPES = [URIRef("http://xmlns.com/foaf/0.1/Person"), URIRef("https://schema.org/Person"),
         URIRef("https://www.ica.org/standards/RiC/ontology#Place"), URIRef("http://www.geonames.org/ontology#Feature")]
NAMES = ["Kosygin", "A. N. Kosygin", "Moscow", "Moskva", "Brezhnev, Leonid"]
GRAPHS = [URIRef(f"{EX}graph/{i}") for i in range(2)]
BNODES = [BNode(f"b{i}") for i in range(2)]


@st.composite
def quads(draw: st.DrawFn) -> tuple:
    pred = draw(st.sampled_from(sorted(PREDICATES)))
    subject = draw(st.sampled_from(SUBJECTS + BNODES))
    kind = PREDICATES[pred]
    obj = {"iri": st.sampled_from(OBJECTS), "id": st.sampled_from([Literal("Q765165"), Literal("Q9640")]),
           "name": st.sampled_from([Literal(n) for n in NAMES]), "bnode": st.sampled_from(BNODES),
           "type": st.sampled_from(TYPES)}[kind]
    return subject, pred, draw(obj), draw(st.sampled_from([None, *GRAPHS]))


@st.composite
def sources(draw: st.DrawFn) -> tuple[list[tuple], str]:
    """A list of quads (graph None = plain triples) and a syntax able to hold them."""
    items = draw(st.lists(quads(), min_size=1, max_size=8))
    named = any(g is not None for *_, g in items)
    fmt = draw(st.sampled_from(["trig", "nquads"] if named else ["nt", "turtle", "xml", "json-ld", "trig"]))
    return items, fmt


_SUFFIX = {"trig": ".trig", "nquads": ".nq", "nt": ".nt", "turtle": ".ttl", "xml": ".rdf", "json-ld": ".jsonld"}


def write(folder: Path, name: str, source: tuple[list[tuple], str]) -> Path:
    items, fmt = source
    ds = Dataset()
    for s, p, o, g in items:
        ds.add((s, p, o, g)) if g is not None else ds.add((s, p, o))
    path = folder / f"{name}{_SUFFIX[fmt]}"
    if fmt in ("trig", "nquads"):
        path.write_text(ds.serialize(format=fmt), encoding="utf-8")
    else:
        plain = Graph()
        for s, p, o, _ in ds.quads((None, None, None, None)):
            plain.add((s, p, o))
        path.write_text(plain.serialize(format=fmt), encoding="utf-8")
    return path


def encoded(ds: Dataset) -> Graph:
    out = Graph()
    for s, p, o, g in ds.quads((None, None, None, None)):
        name = g.identifier if isinstance(g, Graph) else g
        out.add((s, URIRef(f"urn:graph:{name}#{p}"), o))
    return out


def same(a: Dataset, b: Dataset) -> bool:
    return isomorphic(encoded(a), encoded(b))


def saved(folder: Path, name: str, paths: list[Path]) -> Path:
    out = folder / f"{name}.trig"
    write_merge(merge(paths), out)
    return out


LAWS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


_PERSON = URIRef("http://xmlns.com/foaf/0.1/Person")
_ID = URIRef("https://schema.org/identifier")
_S0, _S1 = URIRef(f"{EX}s0"), URIRef(f"{EX}s1")


@LAWS
@given(sources(), sources())
@example(  # two subjects sharing two keys: the report lists both links in one order whatever the input order
    a=([(_S0, RDF.type, _PERSON, None), (_S0, _ID, Literal("Q9640"), None), (_S1, _ID, Literal("Q765165"), None)],
       "nt"),
    b=([(_S1, RDF.type, _PERSON, None), (_S0, _ID, Literal("Q765165"), None), (_S1, _ID, Literal("Q9640"), None)],
       "nt"))
def test_merge_is_commutative(a: tuple, b: tuple) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pa, pb = write(Path(tmp), "a", a), write(Path(tmp), "b", b)
        ab, ba = merge([pa, pb]), merge([pb, pa])
        assert same(ab.dataset, ba.dataset)
        assert ab.report == {**ba.report, "inputs": ab.report["inputs"]}


@LAWS
@given(sources())
def test_merge_is_idempotent(a: tuple) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pa = write(folder, "a", a)
        once = merge([pa])
        assert same(merge([pa, pa]).dataset, once.dataset)
        assert same(merge([saved(folder, "m", [pa])]).dataset, once.dataset), "re-merging an output adds nothing"


@LAWS
@given(sources(), sources(), sources())
def test_merge_is_associative(a: tuple, b: tuple, c: tuple) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pa, pb, pc = (write(folder, n, s) for n, s in (("a", a), ("b", b), ("c", c)))
        left = merge([saved(folder, "ab", [pa, pb]), pc])
        right = merge([pa, saved(folder, "bc", [pb, pc])])
        assert same(left.dataset, right.dataset)
        assert same(left.dataset, merge([pa, pb, pc]).dataset)


@LAWS
@given(st.lists(sources(), min_size=1, max_size=3))
def test_every_input_quad_is_in_the_output(inputs: list[tuple]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        paths = [write(Path(tmp), f"in{i}", s) for i, s in enumerate(inputs)]
        out = {(s, p, o, g) for s, p, o, g in merge(paths).dataset.quads((None, None, None, None))}
        for path in paths:
            part, info = read_source(path)
            quads = set(part.quads((None, None, None, None)))
            assert quads <= out, "read_source labels blank nodes from content: compared as they are"
            assert info["triples"] == len(quads)
            assert same(direct(path, info), part), "relabelling is an isomorphism of the input"


def direct(path: Path, info: dict) -> Dataset:
    """``path`` parsed by rdflib alone, its default graph renamed as the merge names it."""
    parsed, out = Dataset(), Dataset()
    parsed.parse(path, format=info["format"])
    for s, p, o, g in parsed.quads((None, None, None, None)):
        name = g.identifier if isinstance(g, Graph) else g
        source = URIRef(f"https://w3id.org/archive-graph/id/source/sha-{info['sha256'][:16]}")
        out.add((s, p, o, source if name == DATASET_DEFAULT_GRAPH_ID else name))
    return out
