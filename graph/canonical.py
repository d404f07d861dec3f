"""One ``schema:name`` per entity across the records of a build.

An entity named from a record's own words (a person the authority does not know, a department,
an item asked for) gets its IRI from the name's letters, so records that spell the name
differently ("T. F. B. MacAdie", "T. F. B. Macadie") share the IRI but would each give it their own
``schema:name``; CONTRACT.md wants one. Each record's worker notes the names it gave
(``RecordQuads.names``); the build then chooses, per IRI, the name most records give (on a tie:
not in capitals, then more capitals, then code-point order) and rewrites the records that differ:
their own spelling stays as a ``schema:alternateName``. The choice depends only on which records
are built, never on their order, so outputs stay byte-identical; a record's graph in the store is
reloaded when the name chosen for one of its entities changes.

>>> chosen = corpus_names([[("urn:p", "MacAdie")], [("urn:p", "Macadie")], [("urn:p", "MacAdie")]])
>>> chosen
{'urn:p': 'MacAdie'}
>>> body = b'<urn:p> <https://schema.org/name> "Macadie" <urn:g> .\\n'
>>> print(rename(body, "urn:g", [("urn:p", "Macadie", "MacAdie")]).decode(), end="")
<urn:p> <https://schema.org/alternateName> "Macadie" <urn:g> .
<urn:p> <https://schema.org/name> "MacAdie" <urn:g> .
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef

from graph.model.iri import SDO
from graph.quads import literal_term
from graph.resolve.names import is_shouted

if TYPE_CHECKING:
    from rdflib import Graph

    from graph.cache import CachedRecord

Rename = tuple[str, str, str]  # entity IRI, the record's own name, the name chosen for the corpus
_NAME, _ALTERNATE = f"<{SDO.name}>", f"<{SDO.alternateName}>"


def choose(names: Counter[str]) -> str:
    """The name most records give; on a tie one not in capitals, then the one with more capitals
    ("MacAdie" over "Macadie"), then the first in code-point order."""
    return min(names, key=lambda n: (-names[n], is_shouted(n), -sum(c.isupper() for c in n), n))


def corpus_names(records: Iterable[Iterable[tuple[str, str]]]) -> dict[str, str]:
    """IRI -> chosen name, for every IRI the records name in more than one way."""
    counts: dict[str, Counter[str]] = {}
    for names in records:
        for iri, name in dict(names).items():
            counts.setdefault(iri, Counter())[name] += 1
    return {iri: choose(c) for iri, c in sorted(counts.items()) if len(c) > 1}


def renames_for(names: Iterable[tuple[str, str]], chosen: dict[str, str]) -> tuple[Rename, ...]:
    return tuple((iri, own, chosen[iri]) for iri, own in sorted(names) if chosen.get(iri, own) != own)


def with_corpus_names(records: list[CachedRecord]) -> list[CachedRecord]:
    """``records``, each carrying the renames that give its entities the corpus's names."""
    chosen = corpus_names(r.names for r in records)
    return [replace(r, renames=found) if (found := renames_for(r.names, chosen)) else r for r in records]


def renames_digest(renames: Sequence[Rename]) -> str:
    """A short digest of a record's renames ("" for none): part of the key of its graph in the store."""
    if not renames:
        return ""
    return hashlib.sha256(repr(sorted(renames)).encode("utf-8")).hexdigest()[:16]


def rename(body: bytes, graph: str, renames: Sequence[Rename]) -> bytes:
    """A record's canonical N-Quads with ``renames`` applied (lines sorted again)."""
    tail = f" <{graph}> .\n"
    lines = set(body.decode("utf-8").splitlines(keepends=True))
    for iri, own, new in renames:
        subject = f"<{iri}> "
        lines.discard(subject + f"{_NAME} {literal_term(own)}{tail}")
        lines.discard(subject + f"{_ALTERNATE} {literal_term(new)}{tail}")
        lines.add(subject + f"{_NAME} {literal_term(new)}{tail}")
        lines.add(subject + f"{_ALTERNATE} {literal_term(own)}{tail}")
    return "".join(sorted(lines)).encode("utf-8")


def rename_in_graph(graph: Graph, renames: Sequence[Rename]) -> None:
    """The same renames on an rdflib graph (the in-memory :func:`graph.pipeline.build_dataset`)."""
    for iri, own, new in renames:
        subject = URIRef(iri)
        graph.remove((subject, SDO.name, Literal(own)))
        graph.remove((subject, SDO.alternateName, Literal(new)))
        graph.add((subject, SDO.name, Literal(new)))
        graph.add((subject, SDO.alternateName, Literal(own)))
