"""The read-only SPARQL endpoint (graph.serve), started for real on 127.0.0.1 and queried over HTTP."""

from __future__ import annotations

import inspect
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from graph import serve as serve_module
from graph.query import open_source, run_query
from graph.serve import make_server

FIXTURE = Path(__file__).resolve().parent / "data" / "queries" / "fixture.trig"
QUERIES = Path(__file__).resolve().parents[1] / "queries"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
QUADS = len(open_source(FIXTURE))  # quads in the fixture, counted per named graph
EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # ~15M rows, ~2 s


@contextmanager
def running(source: object = FIXTURE, **limits: object) -> Iterator[str]:
    """A real server on an ephemeral loopback port, serving in a thread; yields its /sparql URL."""
    server = make_server(source, port=0, quiet=True, **limits)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host}:{port}/sparql"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    with running() as url:
        yield url


def fetch(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None,
          method: str | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def get(endpoint: str, query: str, accept: str = "application/sparql-results+json"):
    return fetch(f"{endpoint}?{urllib.parse.urlencode({'query': query})}", headers={"Accept": accept})


def triple_count(endpoint: str) -> int:
    status, _, body = get(endpoint, COUNT)
    assert status == 200
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


# ---------------------------------------------------------------------------------------- answers


def test_get_answers_sparql_json(endpoint: str) -> None:
    status, headers, body = get(endpoint, (QUERIES / "speakers.rq").read_text(encoding="utf-8"))
    assert status == 200
    assert headers["Content-Type"].startswith("application/sparql-results+json")
    assert headers["Access-Control-Allow-Origin"] == "*"
    results = json.loads(body)
    assert results["head"]["vars"] == ["record", "speaker", "name", "turns"]
    first = results["results"]["bindings"][0]
    assert first["name"] == {"type": "literal", "value": "Aleksei Kosygin"}
    assert first["speaker"]["type"] == "uri"
    assert first["turns"] == {"type": "literal", "value": "2",
                              "datatype": "http://www.w3.org/2001/XMLSchema#integer"}


def test_post_query_body_and_form_give_the_same_answer(endpoint: str) -> None:
    query = (QUERIES / "venues.rq").read_text(encoding="utf-8")
    direct = fetch(endpoint, data=query.encode(), headers={"Content-Type": "application/sparql-query"})
    form = fetch(endpoint, data=urllib.parse.urlencode({"query": query}).encode(),
                 headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert direct[0] == form[0] == 200
    assert json.loads(direct[2]) == json.loads(form[2]) == json.loads(get(endpoint, query)[2])


def test_csv_on_accept(endpoint: str) -> None:
    status, headers, body = get(endpoint, (QUERIES / "venues.rq").read_text(encoding="utf-8"), "text/csv")
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    lines = body.decode().splitlines()
    assert lines[0] == "record,proposer,venue,stance,quote"
    assert lines[1].endswith(",Leonid Brezhnev,Warsaw,proposed,Negotiations could take place in Warsaw.")


def test_ask_and_construct(endpoint: str) -> None:
    status, _, body = get(endpoint, "ASK { ?m a <https://schema.org/Event> }")
    assert status == 200 and json.loads(body) == {"head": {}, "boolean": True}
    status, headers, body = get(endpoint, "CONSTRUCT WHERE { ?p a <https://schema.org/Place> }", "*/*")
    assert status == 200 and headers["Content-Type"].startswith("application/n-triples")
    assert len(body.decode().splitlines()) == 3  # Rangoon, Warsaw and the USSR (a Country is a Place)


def test_saved_queries_through_the_endpoint_match_the_file(endpoint: str) -> None:
    """graph.query's endpoint client (run_query with a URL) against the real server."""
    for path in sorted(QUERIES.glob("*.rq")):
        query = path.read_text(encoding="utf-8")
        assert run_query(query, source=endpoint) == run_query(query, source=FIXTURE), path.name


def test_cors_preflight(endpoint: str) -> None:
    status, headers, _ = fetch(endpoint, method="OPTIONS")
    assert status == 204
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in headers["Access-Control-Allow-Methods"]


# --------------------------------------------------------------------------------------- refusals


def test_updates_are_refused_and_the_data_unchanged(endpoint: str) -> None:
    before = triple_count(endpoint)
    insert = "PREFIX s: <https://schema.org/> INSERT DATA { <urn:x> s:name \"intruder\" }"
    assert get(endpoint, insert)[0] == 403
    update_body = {"Content-Type": "application/sparql-update"}
    assert fetch(endpoint, data=insert.encode(), headers=update_body)[0] == 403
    form = urllib.parse.urlencode({"update": insert}).encode()
    assert fetch(endpoint, data=form, headers={"Content-Type": "application/x-www-form-urlencoded"})[0] == 403
    assert fetch(f"{endpoint}?{urllib.parse.urlencode({'update': 'DROP ALL'})}")[0] == 403
    status, _, body = get(endpoint, "# a comment <x>\nDELETE WHERE { ?s ?p ?o }")
    assert status == 403 and b"read-only" in body
    assert triple_count(endpoint) == before == QUADS


def test_malformed_query_gets_400_with_the_parser_message(endpoint: str) -> None:
    status, headers, body = get(endpoint, "SELECT ?x WHERE { ?x ")
    assert status == 400
    message = body.decode()
    assert message.startswith("[AG300] malformed SPARQL: error at 1:")
    assert message.count("\n") == 1
    assert get(endpoint, "")[0] == 400


def test_unknown_path_and_media_type(endpoint: str) -> None:
    assert fetch(endpoint.replace("/sparql", "/elsewhere"))[0] == 404
    assert fetch(endpoint, data=b"x", headers={"Content-Type": "text/plain"})[0] == 415


def test_default_bind_is_loopback() -> None:
    assert inspect.signature(serve_module.serve).parameters["host"].default == "127.0.0.1"
    server = make_server(FIXTURE, port=0, quiet=True)
    try:
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.server_close()


def test_result_size_is_capped() -> None:
    with running(max_rows=3) as url:
        status, headers, body = get(url, "SELECT * WHERE { ?s ?p ?o }")
    assert status == 200
    assert len(json.loads(body)["results"]["bindings"]) == 3
    assert headers["X-Result-Truncated"] == "true"


def test_expensive_query_times_out_with_503() -> None:
    with running(timeout_s=0.2) as url:
        started = time.monotonic()
        status, _, body = get(url, EXPENSIVE)
        elapsed = time.monotonic() - started
        assert status == 503 and b"longer than 0.2 s" in body
        assert elapsed < 1.5
        assert triple_count(url) == QUADS, "the server still answers after a timeout"


def test_serves_a_store_folder(tmp_path: Path) -> None:
    from graph import store as st

    store = st.open_store(tmp_path / "store")
    st.load(store, FIXTURE)
    del store
    with running(tmp_path / "store") as url:
        assert triple_count(url) == QUADS
