"""The saved queries (queries/*.rq), the store and graph.query, on a hand-written contract fixture
(tests/data/queries/fixture.trig) and, once the pipeline can build it, on the seed graph."""

from __future__ import annotations

import importlib
import importlib.util
import json
import re
from functools import cache
from pathlib import Path

import pytest
import rdflib

from graph import store as st
from graph.errors import QueryError, ReadError
from graph.query import Table, open_source, run_query, run_saved_queries, to_csv, to_json, to_table

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "queries"
FIXTURE = ROOT / "tests" / "data" / "queries" / "fixture.trig"
SEEDS = ROOT / "seeds"
ID = "https://w3id.org/archive-graph/id/"
R1, R2 = f"{ID}record/wilson-58025", f"{ID}record/wilson-58026"
KOSYGIN = f"{ID}person/frus-p_KAN1"
QUERY_NAMES = sorted(p.stem for p in QUERIES.glob("*.rq"))
REQUIRED = {"participants", "speakers", "requests", "venues", "entities", "affiliations", "evidence"}


@cache
def saved(name: str) -> str:
    return (QUERIES / f"{name}.rq").read_text(encoding="utf-8")


@cache
def answer(name: str, engine: str = "oxigraph") -> Table:
    return run_query(saved(name), source=FIXTURE, engine=engine)


def rows(name: str, *columns: str) -> list[tuple[str, ...]]:
    return [tuple(r[c] for c in columns) for r in answer(name).records()]


# ------------------------------------------------------------------------------- the queries' form


def test_all_required_queries_exist() -> None:
    assert set(QUERY_NAMES) >= REQUIRED


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_query_has_header_columns_and_order(name: str) -> None:
    text = saved(name)
    assert text.startswith(f"# {name}.rq -- "), "header names the file and the question"
    assert "# Columns:" in text
    assert re.search(r"^ORDER BY ", text, re.MULTILINE), "every saved query orders its rows"
    for column in answer(name).columns:
        assert f"#   ?{column} " in text, f"?{column} is explained in the header"


# ------------------------------------------------------------------------------ answers on fixture


def test_fixture_evidence_offsets_index_the_text() -> None:
    """The fixture itself keeps the contract: text[start:end] == exact for every annotation."""
    ds = rdflib.Dataset(default_union=True)
    ds.parse(FIXTURE, format="trig")
    found = ds.query("""
        PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX schema: <https://schema.org/>
        SELECT ?text ?exact ?start ?end WHERE {
          ?t oa:hasSource ?doc ; oa:hasSelector/oa:exact ?exact ; oa:hasSelector/oa:start ?start ;
             oa:hasSelector/oa:end ?end . ?doc schema:text ?text }""")
    spans = [(str(t)[int(s):int(e)], str(x)) for t, x, s, e in found]
    assert len(spans) == 12
    assert all(sliced == exact for sliced, exact in spans)


def test_participants_are_everyone_who_attended() -> None:
    assert rows("participants", "record", "name") == [
        (R1, "Aleksei Kosygin"), (R1, "Le Duc Tho"),
        (R2, "Aleksei Kosygin"), (R2, "Leonid Brezhnev"), (R2, "Pham Van Dong"),
    ]


def test_kosygin_spoke_twice_and_leads_his_record() -> None:
    assert rows("speakers", "record", "name", "turns") == [
        (R1, "Aleksei Kosygin", "2"), (R1, "Le Duc Tho", "1"),
        (R2, "Leonid Brezhnev", "1"), (R2, "Pham Van Dong", "1"),
    ]


def test_request_with_its_principal_answer_and_quote() -> None:
    assert answer("requests").records() == [{
        "record": R1,
        "requester": "Le Duc Tho",
        "onBehalfOf": "VWP Central Committee",
        "recipient": "Aleksei Kosygin",
        "item": "MiG-21 fighter regiment",
        "category": "aircraft",
        "quantity": "one regiment",
        "response": "We will consider all these requests.",
        "quote": "we ask you to send one regiment of MiG-21 fighters",
    }]


def test_venues_in_text_order_with_stance() -> None:
    assert rows("venues", "proposer", "venue", "stance", "quote") == [
        ("Leonid Brezhnev", "Warsaw", "proposed", "Negotiations could take place in Warsaw."),
        ("Pham Van Dong", "Rangoon", "rejected", "Rangoon would not suit us."),
    ]
    assert set(answer("venues").column("record")) == {R2}


def test_entities_counted_once_per_mention_despite_repeated_descriptions() -> None:
    counts = {(r["type"], r["name"]): r["mentions"] for r in answer("entities").records()}
    assert counts[("Person", "Aleksei Kosygin")] == "2"  # described in both graphs, mentioned twice
    assert counts[("Product", "MiG-21 fighter regiment")] == "1"
    assert counts[("Country", "USSR")] == "0"  # known but never mentioned
    assert ("Place", "USSR") not in counts, "a country (also typed Place) is listed once, as Country"
    assert counts[("Place", "Warsaw")] == "1"
    assert len(answer("entities")) == len(counts) == 13
    people = [r["name"] for r in answer("entities").records() if r["type"] == "Person"]
    assert people[0] == "Aleksei Kosygin", "most mentioned first"


def test_affiliations_with_parent_organisation() -> None:
    assert rows("affiliations", "personName", "organisationName", "parentName") == [
        ("Aleksei Kosygin", "CPSU CC Politburo", "Communist Party of the Soviet Union"),
        ("Le Duc Tho", "VWP CC Politburo", "Vietnamese Workers' Party"),
        ("Leonid Brezhnev", "CPSU CC Politburo", "Communist Party of the Soviet Union"),
    ]


def test_evidence_points_into_the_record_text() -> None:
    texts = dict(run_query(
        "SELECT ?doc ?text WHERE { ?doc <https://schema.org/text> ?text } ORDER BY ?doc", source=FIXTURE
    ).rows)
    evidence = answer("evidence").records()
    assert [(e["kind"], e["start"], e["end"]) for e in evidence] == [
        ("Request", "113", "163"), ("VenueProposal", "10", "50"), ("VenueProposal", "66", "92"),
    ]
    for e in evidence:
        assert texts[e["record"]][int(e["start"]):int(e["end"])] == e["quote"]


# ----------------------------------------------------------------- engines, sources and the store


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_rdflib_and_pyoxigraph_give_the_same_rows(name: str) -> None:
    assert answer(name, "rdflib") == answer(name, "oxigraph")
    assert len(answer(name)) > 0


@pytest.fixture(scope="module")
def other_formats(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("formats")
    ds = rdflib.Dataset()
    ds.parse(FIXTURE, format="trig")
    files = [folder / "graph.nq", folder / "graph.jsonld"]
    ds.serialize(files[0], format="nquads")
    ds.serialize(files[1], format="json-ld")
    return files


def test_every_source_kind_gives_the_same_answers(other_formats: list[Path], tmp_path: Path) -> None:
    store = st.open_store(tmp_path / "store")
    st.load(store, FIXTURE)
    del store  # release the write lock; the folder is then read read-only
    expected = {name: answer(name) for name in QUERY_NAMES}
    for source in [*other_formats, tmp_path / "store"]:
        assert run_saved_queries(QUERIES, source=source) == expected, source


def test_load_replaces_a_record_graph_and_keeps_the_others(tmp_path: Path) -> None:
    store = st.open_store(tmp_path / "store")
    st.load(store, FIXTURE)
    before = len(store)
    redone = FIXTURE.read_text(encoding="utf-8")
    redone = redone[redone.index("<record/wilson-58026/graph>"):].replace('"rejected"', '"asked"')
    header = FIXTURE.read_text(encoding="utf-8").split("<record/wilson-58025/graph>")[0]
    st.load(store, (header + redone).encode())
    assert len(store) == before
    venues = run_query(saved("venues"), source=store)
    assert venues.column("stance") == ["proposed", "asked"]
    assert run_query(saved("requests"), source=store) == answer("requests")


def test_load_rejects_malformed_rdf_in_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.trig"
    bad.write_text("<a> { <b> <c> ", encoding="utf-8")
    with pytest.raises(ReadError) as err:
        open_source(bad)
    assert "bad.trig" in str(err.value) and "\n" not in str(err.value)


def test_malformed_sparql_is_a_query_error_with_the_parser_message() -> None:
    for engine in ("oxigraph", "rdflib"):
        with pytest.raises(QueryError) as err:
            run_query("SELECT ?x WHERE { ?x ", source=FIXTURE, engine=engine)
        message = str(err.value)
        assert message.startswith("[AG300] malformed SPARQL: ") and "\n" not in message


def test_missing_source_is_reported() -> None:
    with pytest.raises(FileNotFoundError):
        run_query("ASK {}", source=ROOT / "no-such-graph.trig")


def test_ask_and_construct_become_tables() -> None:
    assert run_query("ASK { ?s a <https://schema.org/Event> }", source=FIXTURE).rows == (("true",),)
    triples = run_query(
        "CONSTRUCT { ?p <https://schema.org/name> ?n } WHERE { ?p a <https://schema.org/Place> ; "
        "<https://schema.org/name> ?n }", source=FIXTURE)
    assert triples.columns == ("subject", "predicate", "object")
    assert [r[2] for r in triples.rows] == ["USSR", "Rangoon", "Warsaw"]  # sorted by subject IRI


# ------------------------------------------------------------------------------------- formatting


def test_text_table_is_aligned() -> None:
    text = to_table(answer("venues"))
    header, rule, *lines = text.splitlines()
    assert header.split() == list(answer("venues").columns)
    starts = [m.start() for m in re.finditer(r"-+", rule)]
    assert len(starts) == 5 and len(lines) == 2
    for line in lines:
        assert all(line[s - 2:s] == "  " for s in starts[1:])
    assert to_table(answer("venues")) == text


def test_csv_and_json_round_trip() -> None:
    table = answer("requests")
    csv_text = to_csv(table)
    assert csv_text.splitlines()[0] == ",".join(table.columns)
    assert json.loads(to_json(table)) == table.records()
    assert list(json.loads(to_json(table))[0]) == list(table.columns)


def test_empty_answer_formats() -> None:
    empty = run_query("SELECT ?x WHERE { ?x a <urn:nothing> } ORDER BY ?x", source=FIXTURE)
    assert to_table(empty) == "x\n-"
    assert to_csv(empty) == "x\n"
    assert to_json(empty) == "[]"


# --------------------------------------------------------------------- the seed graph (real build)


@pytest.fixture(scope="session")
def seed_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed records built by the real pipeline through its Python API."""
    if importlib.util.find_spec("graph.pipeline") is None:
        pytest.skip("graph.pipeline does not exist yet")
    pipeline = importlib.import_module("graph.pipeline")
    if not hasattr(pipeline, "build"):
        pytest.skip("graph.pipeline has no build()")
    out = tmp_path_factory.mktemp("seed-build")
    pipeline.build([str(SEEDS)], out_dir=str(out), formats=(), view=False, queries_dir=None)
    graph = out / "graph.trig"
    assert graph.is_file(), "build() writes graph.trig"
    return graph


@pytest.fixture(scope="session")
def seed_answers(seed_graph: Path) -> dict[str, Table]:
    return run_saved_queries(QUERIES, source=seed_graph)


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_saved_query_runs_on_the_seed_graph(seed_answers: dict[str, Table], name: str) -> None:
    table = seed_answers[name]
    assert table.columns and len(table) > 0, f"{name} finds nothing in the seed graph"
    assert all(len(row) == len(table.columns) for row in table.rows)


def test_seed_graph_answers_a_user_cares_about(seed_answers: dict[str, Table]) -> None:
    names = " | ".join(seed_answers["participants"].column("name"))
    for who in ("Brezhnev", "Kosygin", "Le Duc Tho"):
        assert who in names, f"{who} attended the 1966 seed meeting"
    speakers = seed_answers["speakers"].records()
    assert speakers
    for before, after in zip(speakers, speakers[1:], strict=False):
        if before["record"] == after["record"]:
            assert int(before["turns"]) >= int(after["turns"]) >= 1, "busiest speaker first"
    assert all(r["quote"] for r in seed_answers["requests"].records())
    stances = {r["stance"] for r in seed_answers["venues"].records()}
    assert stances <= {"proposed", "example", "rejected", "asked"}


def test_seed_evidence_indexes_the_record_text(seed_graph: Path, seed_answers: dict[str, Table]) -> None:
    texts = dict(run_query("SELECT ?d ?t WHERE { ?d <https://schema.org/text> ?t } ORDER BY ?d",
                           source=seed_graph).rows)
    for e in seed_answers["evidence"].records():
        assert texts[e["record"]][int(e["start"]):int(e["end"])] == e["quote"]


def test_seed_rdflib_agrees_with_pyoxigraph(seed_graph: Path, seed_answers: dict[str, Table]) -> None:
    for name in QUERY_NAMES:
        assert run_query(saved(name), source=seed_graph, engine="rdflib") == seed_answers[name], name


# -------------------------------------------------------------------------------------------- cli


def test_cli_query_prints_csv(capsys: pytest.CaptureFixture[str]) -> None:
    from graph.cli import main

    code = main(["query", str(QUERIES / "venues.rq"), "--graph", str(FIXTURE), "--format", "csv"])
    assert code == 0
    assert capsys.readouterr().out == to_csv(answer("venues"))


def test_cli_query_reports_malformed_sparql_on_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    from graph.cli import main

    assert main(["query", "SELECT ?x WHERE {", "--graph", str(FIXTURE)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("archive-graph: [AG300] malformed SPARQL") and err.count("\n") == 1


def test_an_organisation_without_a_parent_gets_no_parent(tmp_path: Path) -> None:
    """One row per membership: an organisation with no parent must not pick up other organisations'
    parents (an OPTIONAL on an unbound variable joins with everything)."""
    graph = tmp_path / "g.trig"
    graph.write_text("""@prefix schema: <https://schema.org/> . @prefix : <http://example.org/> .
:g1 { :a schema:name "A" ; schema:memberOf :party . :party schema:name "Party" .
      :b schema:name "B" ; schema:memberOf :organ . :organ schema:name "Organ" ; schema:parentOrganization :cc .
      :cc schema:name "CC" . }
:g2 { :a schema:name "A" ; schema:memberOf :party . :cc schema:name "CC" . }
""", encoding="utf-8")
    for engine in ("oxigraph", "rdflib"):
        table = run_query(saved("affiliations"), source=graph, engine=engine)
        got = {(r["personName"], r["organisationName"], r["parentName"]) for r in table.records()}
        assert len(table.rows) == 2 and got == {("A", "Party", ""), ("B", "Organ", "CC")}, engine
