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

BASE = "https://w3id.org/archive-graph/id/"
ID = Namespace(BASE)
SDO = Namespace("https://schema.org/")
AG = Namespace("https://w3id.org/archive-graph/ns#")
OA = Namespace("http://www.w3.org/ns/oa#")
PROV = Namespace("http://www.w3.org/ns/prov#")
WD = Namespace("http://www.wikidata.org/entity/")
RICO = Namespace("https://www.ica.org/standards/RiC/ontology#")

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
