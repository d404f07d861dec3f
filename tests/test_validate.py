"""`archive-graph validate`: the contract's SHACL shapes and the quote check, on the seed graph
(conforms) and on a graph broken on purpose (each break reported)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from graph.pipeline import build_dataset
from graph.validate import Report, shapes_graph, validate
from tests.test_meeting_records import dfat

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_241508d0c6af083c.txt"
ID = "https://w3id.org/archive-graph/id/"

BROKEN = """\
@prefix schema: <https://schema.org/> .
@prefix ag: <https://w3id.org/archive-graph/ns#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@base <https://w3id.org/archive-graph/id/> .

<record/r/graph> {
  <record/r> a schema:ArchiveComponent ; schema:text "Gromyko asked for MiG-21 aircraft in Moscow." ;
      schema:mentions <thing/x> .
  <record/untexted> a schema:ArchiveComponent .
  <person/gromyko> a schema:Person ; schema:name "A. A. Gromyko", "Gromyko" .
  <place/moscow> a schema:Place ; schema:name "Moscow" .
  <item/mig> a schema:Product ; schema:name "MiG-21" ; schema:category "fighter" .
  <record/r/turn/1> a ag:Utterance ; schema:isPartOf <record/r> ; schema:position 0 .
  <record/r/request/1> a ag:Request ; schema:object <item/mig> .
  <record/r/venue/1> a ag:VenueProposal ; schema:agent <person/gromyko> ; schema:location <place/moscow> ;
      ag:stance "maybe" .
  <record/r/anno/a> a oa:Annotation ; oa:hasBody <record/r/venue/1> ; oa:hasTarget <record/r/anno/a#t> .
  <record/r/anno/a#t> oa:hasSource <record/r> ; oa:hasSelector <record/r/anno/a#q>, <record/r/anno/a#p> .
  <record/r/anno/a#q> a oa:TextQuoteSelector ; oa:exact "Moscow" .
  <record/r/anno/a#p> a oa:TextPositionSelector ;
      oa:start "30"^^xsd:nonNegativeInteger ; oa:end "36"^^xsd:nonNegativeInteger .
  <record/r/anno/b> a oa:Annotation ; oa:hasBody <place/moscow> ; oa:hasTarget <record/r/anno/b#t> .
  <record/r/anno/b#t> oa:hasSource <record/r> ; oa:hasSelector <record/r/anno/b#q>, <record/r/anno/b#p> .
  <record/r/anno/b#q> a oa:TextQuoteSelector ; oa:exact "Moscow" .
  <record/r/anno/b#p> a oa:TextPositionSelector ;
      oa:start "40"^^xsd:nonNegativeInteger ; oa:end "90"^^xsd:nonNegativeInteger .
}
"""

# (focus, path): every break in BROKEN, and nothing else
EXPECTED = {
    (f"{ID}item/mig", "https://schema.org/category"),  # not an allowed category
    (f"{ID}person/gromyko", "https://schema.org/name"),  # two canonical names
    (f"{ID}record/r", "https://schema.org/mentions"),  # mentions a thing with no base type
    (f"{ID}thing/x", ""),  # ... reported on the thing too
    (f"{ID}record/untexted", "https://schema.org/text"),  # a record without text
    (f"{ID}record/r/turn/1", "https://schema.org/author"),  # a turn without a speaker
    (f"{ID}record/r/turn/1", "https://schema.org/position"),  # position 0 (1-based)
    (f"{ID}record/r/request/1", "https://schema.org/agent"),  # a request without an agent
    (f"{ID}record/r/request/1", "^http://www.w3.org/ns/oa#hasBody"),  # ... and without evidence
    (f"{ID}record/r/venue/1", "https://w3id.org/archive-graph/ns#stance"),  # stance not in the list
    (f"{ID}record/r/anno/a", "http://www.w3.org/ns/oa#exact"),  # text[30:36] != "Moscow"
    (f"{ID}record/r/anno/b", "http://www.w3.org/ns/oa#exact"),  # offsets past the text's end
}


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("validate") / "broken.trig"
    path.write_text(BROKEN, encoding="utf-8")
    return path


def test_the_shapes_ship_with_the_package() -> None:
    shapes = shapes_graph()
    assert len(shapes) > 100


def test_the_seed_graph_conforms() -> None:
    ds, report = build_dataset([SEED])
    assert report.errors == []
    result = validate(ds)
    assert result.conforms, result.to_table()
    assert result.violations == [] and result.checked["annotations"] > 300


def test_a_broken_graph_gives_each_expected_violation(broken: Path) -> None:
    report = validate(broken)
    assert not report.conforms
    assert {(v.focus, v.path) for v in report.violations} == EXPECTED
    quotes = {v.focus: v.message for v in report.violations if v.path.endswith("#exact")}
    assert "'aft in', not the oa:exact quote" in quotes[f"{ID}record/r/anno/a"]
    assert "outside the record's text" in quotes[f"{ID}record/r/anno/b"]
    assert report.checked["annotations"] == 2


def test_the_report_is_deterministic(broken: Path) -> None:
    assert validate(broken).to_table() == validate(broken).to_table()


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "graph", "validate", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)


def test_cli_exit_status_and_json(broken: Path, tmp_path: Path) -> None:
    bad = _cli(str(broken), "--format", "json")
    assert bad.returncode == 1, bad.stderr
    data = json.loads(bad.stdout)
    assert data["conforms"] is False and len(data["violations"]) == len(EXPECTED)
    table = _cli(str(broken))
    assert table.returncode == 1 and table.stdout.startswith(f"{broken}: does not conform")
    good = tmp_path / "good.ttl"
    good.write_text("@prefix schema: <https://schema.org/> .\n<https://w3id.org/archive-graph/id/place/x> "
                    "a schema:Place ; schema:name \"X\" .\n", encoding="utf-8")
    ok = _cli(str(good))
    assert ok.returncode == 0 and "conforms" in ok.stdout
    missing = _cli(str(tmp_path / "nothing.trig"))
    assert missing.returncode == 2 and "nothing.trig" in missing.stderr
    garbled = tmp_path / "garbled.trig"
    garbled.write_text("<a> <b> .", encoding="utf-8")
    failed = _cli(str(garbled))
    assert failed.returncode == 1 and failed.stderr.count("\n") == 1 and "not valid trig" in failed.stderr


def test_report_formats() -> None:
    report = Report(source="x")
    assert report.conforms and report.to_table().startswith("x: conforms")
    assert json.loads(report.to_json())["conforms"] is True


def test_a_territory_named_as_a_side_is_no_agent_and_the_graph_conforms(tmp_path: Path) -> None:
    # Singapore was a colony until 1965: in 1962 its name is a place, and a place can neither ask nor be asked for
    dfat(tmp_path, "Record of Conversation between Hollings and Lee", (
        "Canberra, 3 May 1962\n\nMr. Lee said that the talks had gone badly. Singapore sought the restoration of "
        "the taxation power."), date="1962-05-03")
    ds, report = build_dataset([tmp_path])
    assert report.errors == []
    result = validate(ds)
    assert result.conforms, result
    places_acting = ds.query("PREFIX schema: <https://schema.org/> PREFIX ag: <https://w3id.org/archive-graph/ns#> "
                             "SELECT ?x WHERE { GRAPH ?g { ?r schema:agent|ag:onBehalfOf|schema:recipient ?x . "
                             "?x a schema:Place . FILTER NOT EXISTS { ?x a schema:Country } } }")
    assert list(places_acting) == []
