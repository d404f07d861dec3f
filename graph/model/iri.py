"""Stable IRIs: derived from record ids, authority keys and text offsets, never from run order.

>>> from graph.types import Document
>>> record_slug(Document(path="a.txt", format="wilson-text", text="x", record_id="58025"))
'wilson-58025'
>>> record_slug(Document(path="a.txt", format="plain", text="x"))
'sha-2d711642b726b044'
"""

from __future__ import annotations

import hashlib
import re

from rdflib import Namespace, URIRef

from graph.types import Document


class TermCache(Namespace):
    """rdflib's ``Namespace``, building each term once: ``SDO.name`` in rdflib makes a new
    ``URIRef`` on every access, a measurable share of the model stage on a corpus. A term, once
    made, is kept as an instance attribute, so the next access is a plain attribute lookup.

    >>> SDO.name is SDO.name, SDO.name == URIRef("https://schema.org/name")
    (True, True)
    """

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("__"):
            raise AttributeError(name)
        term = self.__dict__[name] = self.term(name)
        return term


BASE = "https://w3id.org/archive-graph/id/"
ID = Namespace(BASE)  # record and entity IRIs: too many to keep
SDO = TermCache("https://schema.org/")
AG = TermCache("https://w3id.org/archive-graph/ns#")
OA = TermCache("http://www.w3.org/ns/oa#")
PROV = TermCache("http://www.w3.org/ns/prov#")
WD = Namespace("http://www.wikidata.org/entity/")
RICO = TermCache("https://www.ica.org/standards/RiC/ontology#")

_ARCHIVE = {"wilson-text": "wilson", "wilson-json": "wilson", "wilson-csv": "wilson", "frus-tei": "frus",
            "dfat-md": "dfat", "plain": "plain"}


def record_slug(doc: Document) -> str:
    """``<archive>-<record id>`` where the record has an id, else a hash of its text."""
    if doc.record_id:
        record_id = re.sub(r"[^A-Za-z0-9._-]+", "-", doc.record_id).strip("-")
        archive = _ARCHIVE.get(doc.format, doc.format)
        return record_id if record_id.startswith(archive) else f"{archive}-{record_id}"
    return "sha-" + hashlib.sha256(doc.text.encode("utf-8")).hexdigest()[:16]


def record_iri(doc: Document) -> URIRef:
    return ID[f"record/{record_slug(doc)}"]


def entity_iri(entity_id: str) -> URIRef:
    return ID[entity_id]


def under(record: URIRef, *parts: object) -> URIRef:
    return URIRef("/".join([str(record), *(str(p) for p in parts)]))
