"""The seed record built by the real pipeline, serialised, parsed back with rdflib and read
the way CONTRACT.md says users and other tools read it."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from rdflib import RDF, Dataset, Literal, URIRef
from rdflib.namespace import XSD

from graph.model.iri import AG, OA, SDO
from graph.model.serialize import serialize
from graph.pipeline import build, build_dataset

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_241508d0c6af083c.txt"


@pytest.fixture(scope="module")
def seed_graph(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    ds, report = build_dataset([SEED])
    assert report.errors == []
    path = tmp_path_factory.mktemp("seed") / "graph.trig"
    path.write_text(serialize(ds, "trig"), encoding="utf-8")
    parsed = Dataset(default_union=True)
    parsed.parse(path, format="trig")
    return parsed


def names(ds: Dataset, node: URIRef) -> set[str]:
    return {str(o) for p in (SDO.name, SDO.alternateName) for o in ds.objects(node, p)}


def the_record(ds: Dataset) -> URIRef:
    records = list(ds.subjects(RDF.type, SDO.ArchiveComponent))
    assert len(records) == 1
    return records[0]


def test_record_metadata(seed_graph: Dataset) -> None:
    doc = the_record(seed_graph)
    assert Literal("1966-12-16", datatype=XSD.date) in set(seed_graph.objects(doc, SDO.dateCreated))
    assert "RGANI, f. 80, op. 1, d. 521, ll. 29-80" in {str(c) for c in seed_graph.objects(doc, SDO.citation)}
    title = str(next(seed_graph.objects(doc, SDO.name)))
    assert title.startswith("Second Meeting: Record of a Conversation")
    translators = {n for t in seed_graph.objects(doc, SDO.translator) for n in names(seed_graph, t)}
    assert "Gary Goldberg" in translators
    recorders = {n for t in seed_graph.objects(doc, SDO.author) for n in names(seed_graph, t)}
    assert {"V. Zelentsov", "I. Karpeshchenko"} <= recorders


def test_attendees_are_the_present_list_and_the_speakers(seed_graph: Dataset) -> None:
    meeting = next(seed_graph.subjects(SDO.recordedIn, the_record(seed_graph)))
    attendees = [names(seed_graph, a) for a in seed_graph.objects(meeting, SDO.attendee)]
    for who in ("L. I. Brezhnev", "A. N. Kosygin", "M. A. Suslov", "Yu. V. Andropov", "A. A. Gromyko", "Le Duc Tho"):
        assert any(who in n for n in attendees), who
    assert len(attendees) == 6


def test_speaker_turns_are_counted_per_speaker(seed_graph: Dataset) -> None:
    counts: dict[str, int] = {}
    for turn in seed_graph.subjects(RDF.type, AG.Utterance):
        speaker = next(seed_graph.objects(turn, SDO.author))
        name = str(next(seed_graph.objects(speaker, SDO.name)))
        counts[name] = counts.get(name, 0) + 1
    ranked = sorted(counts, key=counts.get, reverse=True)
    assert ranked[0] == "Le Duc Tho"
    assert "Brezhnev" in ranked[1] and "Kosygin" in ranked[2]
    assert sum(counts.values()) > 100


def test_every_annotation_quotes_the_record_text(seed_graph: Dataset) -> None:
    text = str(next(seed_graph.objects(the_record(seed_graph), SDO.text)))
    annotations = list(seed_graph.subjects(RDF.type, OA.Annotation))
    assert len(annotations) > 300
    for anno in annotations:
        target = next(seed_graph.objects(anno, OA.hasTarget))
        selectors = list(seed_graph.objects(target, OA.hasSelector))
        exact = next(str(e) for s in selectors for e in seed_graph.objects(s, OA.exact))
        start = next(int(e) for s in selectors for e in seed_graph.objects(s, OA.start))
        end = next(int(e) for s in selectors for e in seed_graph.objects(s, OA.end))
        assert text[start:end] == exact


def test_requests_have_agent_item_and_evidence(seed_graph: Dataset) -> None:
    requests = list(seed_graph.subjects(RDF.type, AG.Request))
    assert requests
    items = set()
    for request in requests:
        assert list(seed_graph.objects(request, SDO.agent)), request
        assert list(seed_graph.subjects(OA.hasBody, request)), request
        for item in seed_graph.objects(request, SDO.object):
            items |= names(seed_graph, item)
    assert any("MiG-21" in n or "MIG-21" in n for n in items)


def test_venue_proposals_name_a_place_a_proposer_and_a_stance(seed_graph: Dataset) -> None:
    found = set()
    for proposal in seed_graph.subjects(RDF.type, AG.VenueProposal):
        stance = str(next(seed_graph.objects(proposal, AG.stance)))
        assert stance in {"proposed", "example", "rejected", "asked"}
        place = next(seed_graph.objects(proposal, SDO.location))
        who = next(seed_graph.objects(proposal, SDO.agent))
        found.add((str(next(seed_graph.objects(who, SDO.name))), str(next(seed_graph.objects(place, SDO.name)))))
    assert any("Kosygin" in who and place == "Tashkent" for who, place in found)
    assert any("Brezhnev" in who and place == "Poland" for who, place in found)
    assert any("Suslov" in who and place == "Yalta" for who, place in found)


def test_the_same_inputs_give_the_same_bytes_in_any_order(tmp_path: Path) -> None:
    corpus = ROOT / "tests" / "data" / "records"
    files = sorted(p for p in corpus.glob("*") if p.suffix in {".xml", ".md", ".json", ".txt"})[:4] + [SEED]
    outputs = []
    for run in range(2):
        folder = tmp_path / f"in{run}"
        folder.mkdir()
        order = files[:]
        random.Random(run).shuffle(order)
        for n, path in enumerate(order):  # other names and creation order, same content
            shutil.copy(path, folder / f"{n:02d}-{path.name}")
        build([folder], out_dir=tmp_path / f"out{run}", formats=("nq",), view=False, queries_dir=None)
        outputs.append(((tmp_path / f"out{run}" / "graph.trig").read_bytes(),
                        (tmp_path / f"out{run}" / "graph.nq").read_bytes()))
    assert outputs[0] == outputs[1]
