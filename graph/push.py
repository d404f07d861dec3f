"""Push a built graph to a remote SPARQL server, one named graph per record.

Two ways, both *replacing* each record's graph, so pushing twice changes nothing:

- ``gsp`` (the default): the SPARQL 1.1 Graph Store HTTP Protocol, ``PUT <endpoint>?graph=<iri>``
  with the graph as Turtle (N-Triples lines). One request per record graph; the protocol has no
  multi-graph request. Works with Virtuoso's ``/sparql-graph-crud-auth`` and Oxigraph's ``/store``.
- ``update``: SPARQL 1.1 Update, ``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { ... } }`` for
  many graphs per request (``batch_bytes`` of N-Triples each), so a corpus of thousands of records
  is a few dozen requests. ``endpoint`` is then the update endpoint (Oxigraph ``/update``,
  Virtuoso ``/sparql-auth``).

HTTP basic and digest authentication (``user``/``password``) are both answered.

>>> plan = batches([("http://e/g1", b"a"), ("http://e/g2", b"bb"), ("http://e/g3", b"c")], 3)
>>> [[g for g, _ in batch] for batch in plan]
[['http://e/g1', 'http://e/g2'], ['http://e/g3']]
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import os
import re
import secrets
import urllib.parse
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph.errors import ArchiveGraphError
from graph.model.iri import BASE
from graph.query import open_source, query_endpoint
from graph.store import format_for

PROTOCOLS = ("gsp", "update")
BATCH_BYTES = 4 * 1024 * 1024
#: Every record's named graph is under this namespace; ``prune`` deletes only graphs in it.
RECORD_GRAPHS = f"{BASE}record/"


class PushError(ArchiveGraphError):
    """The server refused a graph or could not be reached."""

    code = "AG500"


@dataclass
class PushReport:
    graphs: int = 0
    triples: int = 0
    requests: int = 0
    bytes: int = 0
    removed: int = 0  # record graphs deleted from the server (``prune``)

    def summary(self, endpoint: str) -> str:
        gone = f"; removed {self.removed} graph(s) of records no longer in the source" if self.removed else ""
        return (f"pushed {self.graphs} graph(s), {self.triples} triple(s), {self.bytes / 1e6:.1f} MB "
                f"in {self.requests} request(s) to {endpoint}{gone}")


def graphs_of(source: str | os.PathLike[str] | ox.Store) -> Iterator[tuple[str, bytes, int]]:
    """Each named graph of ``source`` as (IRI, N-Triples, triple count).

    An RDF file (TriG, N-Quads) is read as written, so every literal keeps its datatype; a store
    gives back what it keeps (pyoxigraph stores ``xsd:nonNegativeInteger`` as ``xsd:integer``).
    """
    if isinstance(source, ox.Store) or Path(source).is_dir():
        store = open_source(source)
        for name in sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)):
            yield _ntriples(name, store.quads_for_pattern(None, None, None, ox.NamedNode(name)))
        return
    path = str(source)
    fmt = format_for(path)
    runs = list(_runs(ox.parse(path=path, format=fmt)))
    if len({name for name, _ in runs}) == len(runs):  # each graph in one block, as we write them
        for name, quads in runs:
            yield _ntriples(name, quads)
        return
    grouped: dict[str, list[ox.Quad]] = {}
    for name, quads in runs:
        grouped.setdefault(name, []).extend(quads)
    for name in sorted(grouped):
        yield _ntriples(name, grouped[name])


def _runs(quads: Iterable[ox.Quad]) -> Iterator[tuple[str, list[ox.Quad]]]:
    """Consecutive quads of the same named graph (the default graph's are skipped)."""
    name, run = None, []
    for quad in quads:
        graph = quad.graph_name
        if not isinstance(graph, ox.NamedNode):
            continue
        if graph.value != name:
            if run:
                yield name, run
            name, run = graph.value, []
        run.append(quad)
    if run:
        yield name, run


def _ntriples(name: str, quads: Iterable[ox.Quad]) -> tuple[str, bytes, int]:
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
    return name, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"", len(triples)


def batches(graphs: Iterable[tuple[str, bytes]], limit: int) -> Iterator[list[tuple[str, bytes]]]:
    """Group graphs into lists of at most ``limit`` bytes (a bigger graph goes alone)."""
    batch: list[tuple[str, bytes]] = []
    size = 0
    for name, data in graphs:
        if batch and size + len(data) > limit:
            yield batch
            batch, size = [], 0
        batch.append((name, data))
        size += len(data)
    if batch:
        yield batch


def push(source: str | os.PathLike[str] | ox.Store, endpoint: str, *, user: str | None = None,
         password: str | None = None, protocol: str = "gsp", batch_bytes: int = BATCH_BYTES,
         timeout_s: float = 300.0, progress: Callable[[int], None] | None = None,
         prune: str | None = None) -> PushReport:
    """Send every record graph of ``source`` to ``endpoint``, replacing what the server had.

    ``prune``: a SPARQL query endpoint of the same server (Oxigraph ``/query``, Virtuoso
    ``/sparql``). After the push, every *record* graph there (IRI under :data:`RECORD_GRAPHS`)
    that ``source`` does not have is deleted, so records removed locally leave the server too;
    graphs outside that namespace (other projects' data) are never touched.
    """
    if protocol not in PROTOCOLS:
        raise PushError(f"unknown protocol {protocol!r}: use {' or '.join(PROTOCOLS)}")
    if isinstance(source, (str, Path)) and not Path(source).exists():
        raise FileNotFoundError(2, "no such file or folder", str(source))
    client = _Client(endpoint, user, password, timeout_s)
    report = PushReport()

    pushed: set[str] = set()

    def counted() -> Iterator[tuple[str, bytes]]:
        for name, data, triples in graphs_of(source):
            pushed.add(name)
            report.graphs += 1
            report.triples += triples
            yield name, data

    try:
        if protocol == "gsp":
            for name, data in counted():
                client.send(_graph_url(endpoint, name), "PUT", data, "text/turtle; charset=utf-8")
                report.requests += 1
                report.bytes += len(data)
                if progress:
                    progress(1)
        else:
            _send_updates(client, endpoint, counted(), batch_bytes, report, progress)
        if prune:
            _prune(client, endpoint, protocol, prune, pushed, report)
        return report
    finally:
        client.close()


def _send_updates(client: _Client, endpoint: str, graphs: Iterable[tuple[str, bytes]], batch_bytes: int,
                  report: PushReport, progress: Callable[[int], None] | None) -> None:
    for batch in batches(graphs, batch_bytes):
        body = " ;\n".join(f"DROP SILENT GRAPH <{name}> ;\nINSERT DATA {{ GRAPH <{name}> {{\n"
                            f"{data.decode('utf-8')}}} }}" for name, data in batch).encode("utf-8")
        client.send(endpoint, "POST", body, "application/sparql-update; charset=utf-8")
        report.requests += 1
        report.bytes += len(body)
        if progress:
            progress(len(batch))


def _prune(client: _Client, endpoint: str, protocol: str, query_url: str, pushed: set[str],
           report: PushReport) -> None:
    """Delete the server's record graphs that were not just pushed."""
    found = query_endpoint(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                           f"FILTER(STRSTARTS(STR(?g), \"{RECORD_GRAPHS}\")) }}", query_url)
    stale = sorted({row[0] for row in found.rows if row[0]} - pushed)
    if protocol == "gsp":
        for name in stale:
            client.send(_graph_url(endpoint, name), "DELETE", b"", None)
            report.requests += 1
    elif stale:
        client.send(endpoint, "POST", " ;\n".join(f"DROP SILENT GRAPH <{name}>" for name in stale).encode("utf-8"),
                    "application/sparql-update; charset=utf-8")
        report.requests += 1
    report.removed = len(stale)


def _graph_url(endpoint: str, name: str) -> str:
    return f"{endpoint}{'&' if '?' in endpoint else '?'}graph={urllib.parse.quote(name, safe='')}"


class _Client:
    """One persistent HTTP/1.1 connection, answering basic or digest challenges *before* the body
    is sent (a server that refuses an unauthenticated PUT closes the socket mid-body)."""

    def __init__(self, endpoint: str, user: str | None, password: str | None, timeout_s: float) -> None:
        self.parts = urllib.parse.urlsplit(endpoint)
        if self.parts.scheme not in ("http", "https"):
            raise PushError(f"not an http(s) URL: {endpoint}")
        self.user, self.password, self.timeout_s = user, password or "", timeout_s
        self.challenge: dict[str, str] | None = None
        self.count = 0
        self.conn: http.client.HTTPConnection | None = None

    def _connect(self) -> http.client.HTTPConnection:
        if self.conn is None:
            cls = http.client.HTTPSConnection if self.parts.scheme == "https" else http.client.HTTPConnection
            self.conn = cls(self.parts.hostname or "", self.parts.port, timeout=self.timeout_s)
        return self.conn

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def send(self, url: str, method: str, body: bytes, content_type: str | None) -> None:
        target = urllib.parse.urlsplit(url)
        path = target.path + (f"?{target.query}" if target.query else "")
        if self.user and self.challenge is None:
            self._challenge(path)
        for attempt in range(2):
            status, detail, headers = self._request(method, path, body, content_type)
            if status == 401 and self.user and attempt == 0:  # stale nonce: ask again, once
                self.challenge = _parse_challenge(headers.get("WWW-Authenticate", ""))
                continue
            if status >= 300:
                raise PushError(f"{method} {url} answered {status}: {detail}")
            return

    def _challenge(self, path: str) -> None:
        status, _, headers = self._request("GET", path, b"", None, auth=False)
        self.challenge = _parse_challenge(headers.get("WWW-Authenticate", "")) if status == 401 else {}

    def _request(self, method: str, path: str, body: bytes, content_type: str | None,
                 auth: bool = True) -> tuple[int, str, http.client.HTTPMessage]:
        headers = {"Content-Type": content_type} if content_type else {}
        if auth and self.user:
            headers["Authorization"] = self._authorization(method, path)
        for retry in range(2):  # a kept-alive connection the server closed: reconnect once
            try:
                conn = self._connect()
                conn.request(method, path, body=body or None, headers=headers)
                response = conn.getresponse()
                data = response.read()
                break
            except (http.client.HTTPException, OSError) as err:
                self.close()
                if retry and body and auth and self.user:  # refused mid-body? ask without one
                    status, detail, answer = self._request("GET", path, b"", None, auth=True)
                    if status in (401, 403):
                        return status, detail or "authentication failed", answer
                if retry:
                    raise PushError(f"cannot reach {self.parts.netloc}: {err}") from err
        if response.will_close:
            self.close()
        detail = " ".join(data.decode("utf-8", "replace").split())[:300]
        return response.status, detail, response.headers

    def _authorization(self, method: str, path: str) -> str:
        challenge = self.challenge or {}
        if challenge.get("scheme") != "digest":
            token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode("ascii")
            return f"Basic {token}"
        self.count += 1
        realm, nonce = challenge.get("realm", ""), challenge.get("nonce", "")
        ha1 = _md5(f"{self.user}:{realm}:{self.password}")
        ha2 = _md5(f"{method}:{path}")
        nc, cnonce = f"{self.count:08x}", secrets.token_hex(8)
        fields = {"username": self.user, "realm": realm, "nonce": nonce, "uri": path}
        if "auth" in challenge.get("qop", "").split(","):
            fields["response"] = _md5(f"{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}")
            extra = f", qop=auth, nc={nc}, cnonce=\"{cnonce}\""
        else:
            fields["response"] = _md5(f"{ha1}:{nonce}:{ha2}")
            extra = ""
        if "opaque" in challenge:
            fields["opaque"] = challenge["opaque"]
        return "Digest " + ", ".join(f'{k}="{v}"' for k, v in fields.items()) + extra + ", algorithm=MD5"


def _md5(text: str) -> str:
    return hashlib.md5(text.encode("utf-8")).hexdigest()  # noqa: S324  # HTTP digest is MD5 by definition


def _parse_challenge(header: str) -> dict[str, str]:
    """``Digest realm="x", nonce="y", qop="auth"`` -> {'scheme': 'digest', 'realm': 'x', ...}."""
    scheme, _, rest = header.strip().partition(" ")
    values = {m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3)
              for m in re.finditer(r'(\w+)=(?:"([^"]*)"|([^,\s]*))', rest)}
    return {"scheme": scheme.lower(), **values}
