"""archive-graph push against real SPARQL servers on loopback: the Oxigraph server (PyPI ``oxigraph``)
and Virtuoso (Debian ``virtuoso-opensource``, digest auth on ``/sparql-graph-crud-auth``).

Each server is started here in a temporary folder and stopped afterwards. A server that is not
installed skips its tests, unless ``ARCHIVE_GRAPH_REQUIRE_SERVERS=1`` (CI sets it, after
``.ci/run`` installed both), when it fails them.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.pipeline import build
from graph.push import PushError, push
from graph.query import QueryError, query_endpoint, run_saved_queries

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "queries"
REQUIRE = os.environ.get("ARCHIVE_GRAPH_REQUIRE_SERVERS") == "1"
COUNT = ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
         "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/archive-graph/')) }")
#: Saved queries Virtuoso answers differently from the SPARQL 1.1 semantics (same data pushed):
#: co-attendees.rq's zero-length ``(owl:sameAs|^owl:sameAs)*`` from a VALUES/UNION-bound node
#: gives no rows on Virtuoso 7.2 (Debian 12), while Oxigraph, rdflib and our store agree.
VIRTUOSO_DIFFERS = {"co-attendees"}
VIRTUOSO_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
CaseMode = 2
DirsAllowed = ., /usr/share/virtuoso-opensource-7/vad
VADInstallDir = /usr/share/virtuoso-opensource-7/vad/
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
MaxQueryMem = 500M
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections = 4
ServerThreads = 4
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def missing(what: str) -> None:
    if REQUIRE:
        pytest.fail(f"{what} is not installed (ARCHIVE_GRAPH_REQUIRE_SERVERS=1)")
    pytest.skip(f"{what} is not installed (.ci/run installs it)")


def started(process: subprocess.Popen, url: str, log: Path, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"server exited with {process.returncode}: {log.read_text(errors='replace')[-2000:]}")
        try:
            query_endpoint("ASK { }", url, timeout_s=5)
            return
        except QueryError:
            time.sleep(0.5)
    pytest.fail(f"server did not answer on {url} within {seconds} s: {log.read_text(errors='replace')[-2000:]}")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test records built the usual way: OUT/graph.trig and OUT/store."""
    out = tmp_path_factory.mktemp("push") / "out"
    report = build([ROOT / "tests" / "data" / "records"], out_dir=out, view=False, queries_dir=None, jobs=2)
    assert report.records >= 10
    return out


@pytest.fixture(scope="module")
def local_answers(built: Path) -> dict:
    return run_saved_queries(QUERIES, source=built / "graph.trig")


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An Oxigraph server (``oxigraph serve``); yields its base URL."""
    exe = shutil.which("oxigraph", path=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    if exe is None:
        missing("the Oxigraph server (pip install oxigraph)")
    folder = tmp_path_factory.mktemp("oxigraph")
    base = f"http://127.0.0.1:{free_port()}"
    log = folder / "server.log"
    with open(log, "wb") as handle:
        process = subprocess.Popen([exe, "serve", "--location", str(folder / "data"), "--bind", base[7:],
                                    "--union-default-graph"], stdout=handle, stderr=subprocess.STDOUT)
    try:
        started(process, f"{base}/query", log)
        yield base
    finally:
        stop(process)


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Virtuoso in the foreground on loopback ports, database in a temporary folder; yields its base URL."""
    exe = shutil.which("virtuoso-t")
    if exe is None:
        missing("Virtuoso (apt-get install virtuoso-opensource)")
    folder = tmp_path_factory.mktemp("virtuoso")
    port = free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(d=folder, sql=free_port(), http=port), encoding="utf-8")
    log = folder / "stdout.log"
    with open(log, "wb") as handle:
        process = subprocess.Popen([exe, "+foreground", "+configfile", str(ini)], cwd=folder,
                                   stdout=handle, stderr=subprocess.STDOUT)
    try:
        started(process, f"http://127.0.0.1:{port}/sparql", log)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)


def count(endpoint: str) -> int:
    return int(query_endpoint(COUNT, endpoint).rows[0][0])


def same_on_virtuoso(endpoint: str, local: dict) -> None:
    """The same rows (as a multiset: Virtuoso 7.2 orders some long strings out of code-point order,
    e.g. a 190-character request item "... should not ..." before "... might ...")."""
    remote = run_saved_queries(QUERIES, source=endpoint)
    assert set(remote) == set(local)
    for name in sorted(set(local) - VIRTUOSO_DIFFERS):
        assert remote[name].columns == local[name].columns, name
        assert sorted(remote[name].rows) == sorted(local[name].rows), name


# --------------------------------------------------------------------------------------- Oxigraph


def test_oxigraph_gsp_push_gives_the_local_answers_and_twice_changes_nothing(
        built: Path, local_answers: dict, oxigraph: str) -> None:
    report = push(built / "graph.trig", f"{oxigraph}/store")
    assert report.requests == report.graphs >= 10
    triples = count(f"{oxigraph}/query")
    assert triples == report.triples
    assert run_saved_queries(QUERIES, source=f"{oxigraph}/query") == local_answers
    again = push(built / "graph.trig", f"{oxigraph}/store")
    assert again.triples == report.triples and count(f"{oxigraph}/query") == triples
    assert run_saved_queries(QUERIES, source=f"{oxigraph}/query") == local_answers


def test_oxigraph_batched_update_push_replaces_graphs_in_few_requests(
        built: Path, local_answers: dict, oxigraph: str, tmp_path: Path) -> None:
    first = tmp_path / "first.trig"  # the server holds an older version of one record ...
    first.write_text('<https://w3id.org/archive-graph/id/record/dfat-v27-d460/graph> '
                     '{ <urn:stale> <urn:stale> "stale" }', encoding="utf-8")
    push(first, f"{oxigraph}/store")
    report = push(built / "graph.trig", f"{oxigraph}/update", protocol="update", batch_bytes=1_000_000)
    assert 1 < report.requests < report.graphs
    assert query_endpoint("ASK { ?s ?p 'stale' }", f"{oxigraph}/query").rows[0][0] == "false"
    assert run_saved_queries(QUERIES, source=f"{oxigraph}/query") == local_answers


def test_a_store_folder_pushes_too(built: Path, local_answers: dict, oxigraph: str) -> None:
    report = push(built / "store", f"{oxigraph}/store")
    assert report.graphs >= 10
    assert run_saved_queries(QUERIES, source=f"{oxigraph}/query") == local_answers


def test_cli_push_and_its_errors(built: Path, oxigraph: str) -> None:
    cli = [sys.executable, "-m", "graph", "push", "--graph", str(built / "graph.trig")]
    ok = subprocess.run([*cli, "--endpoint", f"{oxigraph}/store"], capture_output=True, text=True, check=False)
    assert ok.returncode == 0 and "pushed" in ok.stdout and "request(s)" in ok.stdout
    port = free_port()  # nothing listens there
    down = subprocess.run([*cli, "--endpoint", f"http://127.0.0.1:{port}/store"], capture_output=True, text=True,
                          check=False)
    assert down.returncode == 1 and "[AG500] cannot reach" in down.stderr and "\n" not in down.stderr.strip()


# --------------------------------------------------------------------------------------- Virtuoso


def test_virtuoso_gsp_push_with_digest_auth_gives_the_local_answers(
        built: Path, local_answers: dict, virtuoso: str) -> None:
    crud = f"{virtuoso}/sparql-graph-crud-auth"
    report = push(built / "graph.trig", crud, user="dba", password="dba")
    assert report.requests == report.graphs
    triples = count(f"{virtuoso}/sparql")
    assert triples == report.triples
    same_on_virtuoso(f"{virtuoso}/sparql", local_answers)
    push(built / "graph.trig", crud, user="dba", password="dba")
    assert count(f"{virtuoso}/sparql") == triples, "pushing twice changes nothing"


def test_virtuoso_batched_update_and_a_wrong_password(built: Path, local_answers: dict, virtuoso: str) -> None:
    with pytest.raises(PushError, match="answered 401"):
        push(built / "graph.trig", f"{virtuoso}/sparql-graph-crud-auth", user="dba", password="wrong")
    report = push(built / "graph.trig", f"{virtuoso}/sparql-auth", user="dba", password="dba", protocol="update",
                  batch_bytes=1_000_000)
    assert report.requests < report.graphs
    assert count(f"{virtuoso}/sparql") == report.triples
    same_on_virtuoso(f"{virtuoso}/sparql", local_answers)


# ------------------------------------------------------------------------------------------- prune


def _trig_without(built: Path, tmp_path: Path, slug: str) -> Path:
    """The built graph minus one record (as if its file had been removed from the corpus)."""
    import pyoxigraph as ox

    gone = f"https://w3id.org/archive-graph/id/record/{slug}/graph"
    quads = [q for q in ox.parse(path=str(built / "graph.trig"), format=ox.RdfFormat.TRIG)
             if not (isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == gone)]
    path = tmp_path / "fewer.nq"
    path.write_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"")
    return path


FOREIGN = '<http://other.example/graph> { <http://other.example/s> <http://other.example/p> "not ours" }'
GONE = "frus1964-68v14-d125"
ASK_GONE = f"ASK {{ GRAPH <https://w3id.org/archive-graph/id/record/{GONE}/graph> {{ ?s ?p ?o }} }}"


@pytest.mark.parametrize("protocol", ["gsp", "update"])
def test_prune_removes_records_gone_from_the_source_and_nothing_else(
        built: Path, oxigraph: str, tmp_path: Path, protocol: str) -> None:
    foreign = tmp_path / "foreign.trig"
    foreign.write_text(FOREIGN, encoding="utf-8")
    push(foreign, f"{oxigraph}/store")
    push(built / "graph.trig", f"{oxigraph}/store")
    assert query_endpoint(ASK_GONE, f"{oxigraph}/query").rows[0][0] == "true"
    endpoint = f"{oxigraph}/store" if protocol == "gsp" else f"{oxigraph}/update"
    report = push(_trig_without(built, tmp_path, GONE), endpoint, protocol=protocol, prune=f"{oxigraph}/query")
    assert report.removed == 1 and "removed 1 graph(s)" in report.summary(endpoint)
    assert query_endpoint(ASK_GONE, f"{oxigraph}/query").rows[0][0] == "false"
    assert query_endpoint("ASK { ?s ?p 'not ours' }", f"{oxigraph}/query").rows[0][0] == "true"
    assert push(built / "graph.trig", f"{oxigraph}/store", prune=f"{oxigraph}/query").removed == 0


def test_virtuoso_prune_with_digest_auth(built: Path, virtuoso: str, tmp_path: Path) -> None:
    crud = f"{virtuoso}/sparql-graph-crud-auth"
    push(built / "graph.trig", crud, user="dba", password="dba")
    report = push(_trig_without(built, tmp_path, GONE), crud, user="dba", password="dba", prune=f"{virtuoso}/sparql")
    assert report.removed == 1
    assert query_endpoint(ASK_GONE, f"{virtuoso}/sparql").rows[0][0] == "false"
    push(built / "graph.trig", crud, user="dba", password="dba")  # as the other Virtuoso tests expect it
