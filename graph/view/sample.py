"""A synthetic corpus in the contract's shape, for tests and benchmarks of large views.

``synthetic_dataset(nodes=5000)`` makes records with meetings, turns, mentions, requests and
venue proposals, each with evidence, over a shared pool of people, organizations, countries,
places and items; node kinds come out in roughly the proportions of a real corpus. Deterministic
for a given ``nodes`` and ``seed``.
"""

from __future__ import annotations

import random

from rdflib import OWL, RDF, XSD, Dataset, Graph, Literal, URIRef

from graph.view.network import AG, OA, SCHEMA

BASE = "https://w3id.org/archive-graph/id/"
# share of all nodes per kind; requests 1.5 and proposals 0.5 per record
_POOL = {"person": 0.24, "org": 0.06, "country": 0.02, "place": 0.04, "item": 0.04}
_TYPES = {"person": SCHEMA.Person, "org": SCHEMA.Organization, "country": SCHEMA.Country,
          "place": SCHEMA.Place, "item": SCHEMA.Product}


def synthetic_dataset(nodes: int = 5000, *, seed: int = 1966) -> Dataset:
    """About ``nodes`` view nodes (records + requests + proposals + entities)."""
    rng = random.Random(seed)
    ds = Dataset()
    pools = {kind: [URIRef(f"{BASE}{kind}/s{i}") for i in range(max(2, int(nodes * share)))]
             for kind, share in _POOL.items()}
    n_records = max(1, int(nodes * (1 - sum(_POOL.values())) / 3))
    for r in range(n_records):
        _record(ds, rng, r, pools)
    return ds


def _entity(g: Graph, rng: random.Random, kind: str, node: URIRef, pools: dict[str, list[URIRef]]) -> None:
    name = f"{kind.title()} {str(node).rsplit('/s', 1)[-1]}"
    g.add((node, RDF.type, _TYPES[kind]))
    g.add((node, SCHEMA.name, Literal(name)))
    g.add((node, SCHEMA.alternateName, Literal(name.upper())))
    if kind == "person":
        g.add((node, SCHEMA.memberOf, pools["org"][hash_index(str(node), len(pools["org"]))]))
        g.add((node, OWL.sameAs, URIRef(f"http://www.wikidata.org/entity/Q{rng.randrange(1, 10**7)}")))


def hash_index(text: str, size: int) -> int:
    """A stable (not salted) index for ``text``."""
    return sum(text.encode()) % size


def _record(ds: Dataset, rng: random.Random, r: int, pools: dict[str, list[URIRef]]) -> None:
    slug = f"synthetic-{r}"
    doc = URIRef(f"{BASE}record/{slug}")
    g = ds.graph(URIRef(f"{doc}/graph"))
    date = f"{1950 + r % 40}-{1 + r % 12:02d}-{1 + r % 28:02d}"
    g.add((doc, RDF.type, SCHEMA.ArchiveComponent))
    g.add((doc, SCHEMA.name, Literal(f"Record of a conversation no. {r}")))
    g.add((doc, SCHEMA.dateCreated, Literal(date, datatype=XSD.date)))
    people = rng.sample(pools["person"], k=min(4, len(pools["person"])))
    mentioned = people + [rng.choice(pools[k]) for k in ("org", "country", "place", "item") for _ in range(2)]
    for kind, pool in pools.items():
        for node in set(mentioned) & set(pool):
            _entity(g, rng, kind, node, pools)
    meeting = URIRef(f"{doc}/meeting")
    g.add((meeting, RDF.type, SCHEMA.Event))
    g.add((meeting, SCHEMA.recordedIn, doc))
    for n, node in enumerate(mentioned):
        g.add((doc, SCHEMA.mentions, node))
        _anno(g, doc, node, f"mention-{n}", f"mention {n} of {node.rsplit('/', 1)[-1]}")
        if node in people:
            g.add((meeting, SCHEMA.attendee, node))
    for n in range(rng.randrange(4, 12)):
        turn = URIRef(f"{doc}/turn/{n + 1}")
        g.add((turn, RDF.type, AG.Utterance))
        g.add((turn, SCHEMA.author, rng.choice(people)))
        g.add((turn, SCHEMA.isPartOf, doc))
    for n in range(1 + r % 2):
        _fact(g, rng, doc, f"request/{n}", AG.Request, people, pools)
    if r % 2 == 0:
        _fact(g, rng, doc, "venue/0", AG.VenueProposal, people, pools)


def _fact(g: Graph, rng: random.Random, doc: URIRef, path: str, rdf_type: URIRef,
          people: list[URIRef], pools: dict[str, list[URIRef]]) -> None:
    fact = URIRef(f"{doc}/{path}")
    g.add((fact, RDF.type, rdf_type))
    g.add((fact, SCHEMA.agent, people[0]))
    if rdf_type == AG.Request:
        g.add((fact, SCHEMA.recipient, people[1]))
        g.add((fact, SCHEMA.object, rng.choice(pools["item"])))
        g.add((fact, AG.quantity, Literal("one regiment")))
    else:
        g.add((fact, SCHEMA.location, rng.choice(pools["place"])))
        g.add((fact, AG.stance, Literal("proposed")))
    _anno(g, doc, fact, path.replace("/", "-"), f"We ask for {path} in {doc.rsplit('/', 1)[-1]}.")


def _anno(g: Graph, doc: URIRef, body: URIRef, key: str, quote: str) -> None:
    anno = URIRef(f"{doc}/anno/{key}")
    target, q, pos = URIRef(f"{anno}#target"), URIRef(f"{anno}#quote"), URIRef(f"{anno}#position")
    g.add((anno, RDF.type, OA.Annotation))
    g.add((anno, OA.hasBody, body))
    g.add((anno, OA.hasTarget, target))
    g.add((target, OA.hasSource, doc))
    for sel in (q, pos):
        g.add((target, OA.hasSelector, sel))
    g.add((q, RDF.type, OA.TextQuoteSelector))
    g.add((q, OA.exact, Literal(quote)))
    g.add((pos, RDF.type, OA.TextPositionSelector))
    g.add((pos, OA.start, Literal(0)))
    g.add((pos, OA.end, Literal(len(quote))))
