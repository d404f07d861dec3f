"""The model stage: a Resolution becomes RDF, exactly as CONTRACT.md describes.

Each record is one named graph. Nothing here is a blank node: annotations, targets and selectors
have IRIs built from the record and the text offsets, so reruns give the same triples.
"""

from __future__ import annotations

from functools import lru_cache

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import OWL as _OWL
from rdflib.namespace import RDF as _RDF
from rdflib.namespace import RDFS as _RDFS
from rdflib.namespace import SKOS as _SKOS
from rdflib.namespace import XSD as _XSD

from graph import __version__
from graph.model.iri import AG, ID, OA, PROV, RICO, SDO, TermCache, entity_iri, record_iri, under
from graph.types import Entity, Kind, Resolution, Span

RDF, RDFS, OWL, SKOS, XSD = (TermCache(str(ns)) for ns in (_RDF, _RDFS, _OWL, _SKOS, _XSD))

_TYPES = {Kind.PERSON: [SDO.Person, RICO.Person], Kind.ORGANIZATION: [SDO.Organization, RICO.CorporateBody],
          Kind.COUNTRY: [SDO.Country, SDO.Place, RICO.Place], Kind.PLACE: [SDO.Place, RICO.Place],
          Kind.ITEM: [SDO.Product]}
SOFTWARE = ID[f"software/archive-graph/{__version__}"]


def bind_prefixes(ds: Dataset) -> None:
    for prefix, ns in (("schema", SDO), ("ag", AG), ("oa", OA), ("prov", PROV), ("owl", OWL), ("rdfs", RDFS),
                       ("xsd", XSD), ("wd", "http://www.wikidata.org/entity/"), ("rico", RICO), ("skos", SKOS),
                       ("agid", ID)):
        ds.bind(prefix, ns, override=True, replace=True)


def add_record(ds: Dataset, res: Resolution) -> URIRef:
    """Add one record's named graph to ``ds``; return the graph's IRI."""
    doc = res.document
    rec = record_iri(doc)
    g = ds.graph(under(rec, "graph"))
    _Writer(g, res, rec).write()
    return g.identifier


class _Writer:
    def __init__(self, g, res: Resolution, rec: URIRef) -> None:
        self.g, self.res, self.rec = g, res, rec
        self.doc = res.document
        self.activity = under(rec, "extraction")

    def write(self) -> None:
        self.record()
        self.meeting()
        for entity in sorted(self.res.entities.values(), key=lambda e: e.id):
            self.entity(entity)
        self.mentions()
        self.turns()
        self.requests()
        self.proposals()
        self.provenance()

    def add(self, s, p, o) -> None:
        if o is not None:
            self.g.add((s, p, o))

    # ---------------------------------------------------------------- the record
    def record(self) -> None:
        doc, rec = self.doc, self.rec
        self.add(rec, RDF.type, SDO.ArchiveComponent)
        self.add(rec, RDF.type, RICO.Record)
        if doc.title:
            self.add(rec, SDO.name, Literal(" ".join(doc.quote(doc.title).split())))
        self.add(rec, SDO.dateCreated, _date(doc.date))
        if doc.record_id:
            self.add(rec, SDO.identifier, Literal(doc.record_id))
        if doc.citation:
            self.add(rec, SDO.citation, Literal(doc.citation))
        if doc.summary:
            self.add(rec, SDO.abstract, Literal(doc.quote(doc.summary)))
        if doc.doc_type:
            self.add(rec, SDO.genre, Literal(doc.doc_type))
        if doc.publisher:
            self.add(rec, SDO.publisher, Literal(doc.publisher))
        if doc.source_url:
            self.add(rec, SDO.url, Literal(doc.source_url, datatype=XSD.anyURI))
        self.add(rec, SDO.inLanguage, Literal(doc.language))
        self.add(rec, AG.sourceFormat, Literal(doc.format))
        self.add(rec, SDO.text, Literal(doc.text))
        ext = self.res.extraction
        for prop, indices in ((SDO.translator, ext.translators), (SDO.contributor, ext.contributors),
                              (SDO.author, ext.recorders)):
            for iri in self._entities(indices):
                self.add(rec, prop, iri)
        for entity_id in sorted(set(self.res.entity_of.values())):
            self.add(rec, SDO.mentions, entity_iri(entity_id))

    def meeting(self) -> None:
        meeting = under(self.rec, "meeting")
        self.add(meeting, RDF.type, SDO.Event)
        self.add(meeting, SDO.recordedIn, self.rec)
        self.add(meeting, SDO.startDate, _date(self.doc.date))
        for iri in self._entities(self.res.extraction.attendees):
            self.add(meeting, SDO.attendee, iri)

    def _entities(self, indices: list[int]) -> list[URIRef]:
        ids = {self.res.entity_of[i] for i in indices if i in self.res.entity_of}
        return [entity_iri(i) for i in sorted(ids)]

    # ---------------------------------------------------------------- entities
    def entity(self, entity: Entity) -> None:
        iri = entity_iri(entity.id)
        for cls in _TYPES[entity.kind]:
            self.add(iri, RDF.type, cls)
        self.add(iri, SDO.name, Literal(entity.name))
        for name in sorted(entity.alternate_names - {entity.name}):
            self.add(iri, SDO.alternateName, Literal(" ".join(name.split())))
        for same in sorted(entity.same_as):
            self.add(iri, OWL.sameAs, URIRef(same))
        for org in sorted(entity.member_of):
            self.add(iri, SDO.memberOf, entity_iri(org))
        if entity.parent:
            self.add(iri, SDO.parentOrganization, entity_iri(entity.parent))
        if entity.country and entity.kind is Kind.PLACE:
            self.add(iri, SDO.containedInPlace, entity_iri(entity.country))
        elif entity.country and entity.kind is Kind.ORGANIZATION:
            self.add(iri, SDO.areaServed, entity_iri(entity.country))
        for title in sorted(entity.job_titles):
            self.add(iri, SDO.jobTitle, Literal(title))
        if entity.category:
            self.add(iri, SDO.category, Literal(entity.category))
        if entity.description:
            self.add(iri, SDO.description, Literal(entity.description))
        if entity.type_of:
            self.add(iri, AG.itemType, entity_iri(entity.type_of))
        for candidate in entity.candidates:
            self.add(iri, AG.candidate, URIRef(candidate))

    # ---------------------------------------------------------------- evidence
    def annotate(self, body: URIRef, span: Span, kind: str, motivation: URIRef) -> None:
        anno = under(self.rec, "anno", f"{kind}-{span.start}-{span.end}")
        target = URIRef(f"{anno}#target")
        quote, position = URIRef(f"{anno}#quote"), URIRef(f"{anno}#position")
        self.add(anno, RDF.type, OA.Annotation)
        self.add(anno, OA.hasBody, body)
        self.add(anno, OA.motivatedBy, motivation)
        self.add(anno, OA.hasTarget, target)
        self.add(anno, PROV.wasGeneratedBy, self.activity)
        self.add(target, RDF.type, OA.SpecificResource)
        self.add(target, OA.hasSource, self.rec)
        self.add(target, OA.hasSelector, quote)
        self.add(target, OA.hasSelector, position)
        self.add(quote, RDF.type, OA.TextQuoteSelector)
        self.add(quote, OA.exact, Literal(self.doc.quote(span)))
        self.add(position, RDF.type, OA.TextPositionSelector)
        self.add(position, OA.start, _offset(span.start))
        self.add(position, OA.end, _offset(span.end))

    def mentions(self) -> None:
        for index, mention in enumerate(self.res.extraction.mentions):
            if index in self.res.entity_of:
                kind = f"m{mention.kind.value[:3]}"
                self.annotate(entity_iri(self.res.entity_of[index]), mention.span, kind, OA.identifying)

    # ---------------------------------------------------------------- facts
    def turns(self) -> None:
        for turn in self.res.extraction.turns:
            iri = under(self.rec, "turn", turn.position)
            self.add(iri, RDF.type, AG.Utterance)
            self.add(iri, SDO.isPartOf, self.rec)
            self.add(iri, SDO.position, Literal(turn.position))
            speaker = self.res.entity_of.get(turn.speaker)
            if speaker:
                self.add(iri, SDO.author, entity_iri(speaker))
            self.add(iri, AG.startOffset, _offset(turn.span.start))
            self.add(iri, AG.endOffset, _offset(turn.span.end))

    def _fact(self, iri: URIRef, cls: URIRef, agent: int | None, evidence: Span, kind: str) -> None:
        self.add(iri, RDF.type, cls)
        self.add(iri, RDF.type, SDO.Action)
        self.add(iri, SDO.isPartOf, self.rec)
        self.add(iri, PROV.wasGeneratedBy, self.activity)
        who = self._agent(agent)
        if who:
            self.add(iri, SDO.agent, entity_iri(who))
        self.annotate(iri, evidence, kind, OA.describing)

    def _agent(self, index: int | None) -> str | None:
        """The entity a mention stands for, if it can act (a person, an organisation or a country): a country's
        name on a date it was still a territory is a place ("Singapore" in 1963), and a place asks nothing."""
        entity_id = self.res.entity_of.get(index) if index is not None else None
        if entity_id is None or self.res.entities[entity_id].kind is Kind.PLACE:
            return None
        return entity_id

    def requests(self) -> None:
        for n, request in enumerate(self.res.extraction.requests):
            if self._agent(request.requester) is None:
                continue  # every fact has an agent (CONTRACT.md); a territory's name asks nothing
            ev = request.evidence
            iri = under(self.rec, "request", f"{ev.start}-{ev.end}-{n}")
            self._fact(iri, AG.Request, request.requester, ev, f"req{n}")
            for prop, index in ((AG.onBehalfOf, request.on_behalf_of), (SDO.recipient, request.recipient)):
                entity_id = self._agent(index)
                if entity_id:
                    self.add(iri, prop, entity_iri(entity_id))
            self.add(iri, SDO.object, entity_iri(self.res.item_of[n]))
            self.add(iri, SDO.description, Literal(request.item_label))
            if request.quantity:
                self.add(iri, AG.quantity, Literal(request.quantity))
            if request.response:
                self.add(iri, AG.response, Literal(self.doc.quote(request.response)))

    def proposals(self) -> None:
        for n, proposal in enumerate(self.res.extraction.proposals):
            if self._agent(proposal.proposer) is None:
                continue
            ev = proposal.evidence
            iri = under(self.rec, "venue", f"{ev.start}-{ev.end}-{n}")
            self._fact(iri, AG.VenueProposal, proposal.proposer, ev, f"venue{n}")
            venue = self.res.entity_of.get(proposal.venue)
            if venue:
                self.add(iri, SDO.location, entity_iri(venue))
            self.add(iri, AG.stance, Literal(proposal.stance.value))

    def provenance(self) -> None:
        import hashlib

        act = self.activity
        self.add(act, RDF.type, PROV.Activity)
        self.add(act, PROV.used, self.rec)
        self.add(act, PROV.wasAssociatedWith, SOFTWARE)
        self.add(act, RDFS.label, Literal(f"archive-graph {__version__} extraction"))
        digest = hashlib.sha256(self.doc.text.encode("utf-8")).hexdigest()
        self.add(self.rec, AG.contentHash, Literal(f"sha256:{digest}"))
        self.add(SOFTWARE, RDF.type, PROV.SoftwareAgent)
        self.add(SOFTWARE, SDO.name, Literal("archive-graph"))
        self.add(SOFTWARE, SDO.softwareVersion, Literal(__version__))


@lru_cache(maxsize=65536)
def _offset(value: int) -> Literal:
    """A character offset as an ``xsd:nonNegativeInteger`` (made once: rdflib's Literal() is slow
    and a corpus has about 200,000 of them, mostly the same few thousand numbers)."""
    return Literal(value, datatype=XSD.nonNegativeInteger)


def _date(value: str | None) -> Literal | None:
    if not value:
        return None
    if len(value) == 10:
        return Literal(value, datatype=XSD.date)
    if len(value) == 7:
        return Literal(value, datatype=XSD.gYearMonth)
    return Literal(value[:4], datatype=XSD.gYear)
