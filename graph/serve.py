"""A read-only SPARQL 1.1 Protocol endpoint over a built graph (stdlib ``http.server`` + pyoxigraph).

``GET /sparql?query=...``, ``POST`` with ``application/sparql-query`` or a form-encoded
``query=``; answers SPARQL JSON results (``application/sparql-results+json``), or CSV when the
``Accept`` header asks for ``text/csv``; CONSTRUCT/DESCRIBE answer N-Triples (Turtle on request).
Queries see the union of all named graphs unless ``default-graph-uri`` is given.

Safety: binds loopback unless told otherwise; refuses every update (403); each query runs in a
worker thread and is answered 503 once it passes ``timeout_s``; answers stop at ``max_rows`` rows
(header ``X-Result-Truncated: true``); malformed queries get 400 with the parser's message.
CORS is open (``Access-Control-Allow-Origin: *``) so YASGUI and other browser clients work.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
import threading
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from graph import store as st
from graph.errors import QueryError
from graph.query import open_source

PATHS = ("/", "/sparql", "/query")
SPARQL_JSON = "application/sparql-results+json"
READ_ONLY = "this endpoint is read-only: updates are refused"
MAX_BODY = 1_000_000  # bytes of query text we accept
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+[\w.-]*:|BASE)\s*)*\b(?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.IGNORECASE,
)


class Refused(Exception):
    """A request the endpoint will not answer: carries the HTTP status and a one-line reason."""

    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Answer:
    status: HTTPStatus
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Endpoint:
    """What the handler needs: the store and the limits. ``running`` caps concurrent queries."""

    store: ox.Store
    timeout_s: float = 10.0
    max_rows: int = 10_000
    running: threading.BoundedSemaphore = field(default_factory=lambda: threading.BoundedSemaphore(4))

    def answer(self, sparql: str, accept: str, graphs: dict[str, list[str]]) -> Answer:
        """Run ``sparql`` in a worker thread, waiting at most ``timeout_s``."""
        if not self.running.acquire(timeout=self.timeout_s):
            raise Refused(HTTPStatus.SERVICE_UNAVAILABLE, "too many queries running; try again later")
        outcome: dict[str, object] = {}
        done, cancel = threading.Event(), threading.Event()

        def work() -> None:
            try:
                outcome["answer"] = self._evaluate(sparql, accept, graphs, cancel)
            except BaseException as err:  # handed to the waiting request thread
                outcome["error"] = err
            finally:
                self.running.release()
                done.set()

        threading.Thread(target=work, name="sparql-query", daemon=True).start()
        if not done.wait(self.timeout_s):
            cancel.set()
            raise Refused(HTTPStatus.SERVICE_UNAVAILABLE, f"query ran longer than {self.timeout_s:g} s")
        if "error" in outcome:
            raise outcome["error"]  # type: ignore[misc]
        return outcome["answer"]  # type: ignore[return-value]

    def _evaluate(self, sparql: str, accept: str, graphs: dict[str, list[str]], cancel: threading.Event):
        try:
            result = st.query(self.store, sparql, default_graphs=graphs.get("default-graph-uri"),
                              named_graphs=graphs.get("named-graph-uri"))
        except QueryError as err:
            if _UPDATE.match(_strip(sparql)):
                raise Refused(HTTPStatus.FORBIDDEN, READ_ONLY) from err
            raise Refused(HTTPStatus.BAD_REQUEST, str(err)) from err
        if isinstance(result, ox.QueryBoolean):
            return _boolean(bool(result), accept)
        rows, truncated = _take(result, self.max_rows, cancel)
        headers = {"X-Result-Truncated": "true"} if truncated else {}
        if isinstance(result, ox.QueryTriples):
            return _triples(rows, accept, headers)
        return _solutions([v.value for v in result.variables], rows, accept, headers)


def _take(result: ox.QuerySolutions | ox.QueryTriples, max_rows: int, cancel: threading.Event):
    """Up to ``max_rows`` items of ``result``, and whether there were more; stops if cancelled."""
    rows = []
    try:
        for item in result:
            if cancel.is_set():
                break
            if len(rows) == max_rows:
                return rows, True
            rows.append(item)
    except (SyntaxError, OSError) as err:
        raise Refused(HTTPStatus.INTERNAL_SERVER_ERROR, f"query failed: {_one_line(str(err))}") from err
    return rows, False


# --------------------------------------------------------------------------------- serialisation


def _solutions(variables: list[str], rows: list, accept: str, headers: dict[str, str]) -> Answer:
    if _wants(accept, "text/csv"):
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(variables)
        writer.writerows([[_plain(row[v]) for v in variables] for row in rows])
        return Answer(HTTPStatus.OK, "text/csv; charset=utf-8", out.getvalue().encode(), headers)
    bindings = [{v: _json_term(row[v]) for v in variables if row[v] is not None} for row in rows]
    body = {"head": {"vars": variables}, "results": {"bindings": bindings}}
    return Answer(HTTPStatus.OK, f"{SPARQL_JSON}; charset=utf-8", _dump(body), headers)


def _boolean(value: bool, accept: str) -> Answer:
    if _wants(accept, "text/csv"):
        body = f"_askResult\r\n{str(value).lower()}\r\n".encode()
        return Answer(HTTPStatus.OK, "text/csv; charset=utf-8", body)
    return Answer(HTTPStatus.OK, f"{SPARQL_JSON}; charset=utf-8", _dump({"head": {}, "boolean": value}))


def _triples(triples: list, accept: str, headers: dict[str, str]) -> Answer:
    fmt, mime = ox.RdfFormat.N_TRIPLES, "application/n-triples"
    if _wants(accept, "text/turtle"):
        fmt, mime = ox.RdfFormat.TURTLE, "text/turtle"
    body = ox.serialize(triples, format=fmt) or b""
    return Answer(HTTPStatus.OK, f"{mime}; charset=utf-8", body, headers)


def _json_term(term: object) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value not in (XSD_STRING, RDF_LANGSTRING):
            out["datatype"] = term.datatype.value
        return out
    return {"type": "literal", "value": str(term)}


def _plain(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value if isinstance(term, (ox.NamedNode, ox.Literal)) else str(term)


def _dump(body: dict) -> bytes:
    return json.dumps(body, ensure_ascii=False).encode("utf-8")


def _wants(accept: str, mime: str) -> bool:
    """Whether ``mime`` is in the Accept header and JSON is not preferred before it."""
    accepted = [part.split(";")[0].strip().lower() for part in accept.split(",")]
    if mime not in accepted:
        return False
    json_at = accepted.index(SPARQL_JSON) if SPARQL_JSON in accepted else len(accepted)
    return accepted.index(mime) < json_at


def _strip(sparql: str) -> str:
    """The query without IRIs and comments, for spotting updates."""
    return re.sub(r"#[^\n]*", " ", re.sub(r"<[^<>\s]*>", " ", sparql))


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --------------------------------------------------------------------------------------- protocol


class Handler(BaseHTTPRequestHandler):
    """SPARQL 1.1 Protocol, query operation only. ``endpoint`` is set per server."""

    endpoint: Endpoint
    quiet = False
    server_version = "archive-graph-sparql/0.1"

    def do_OPTIONS(self) -> None:  # CORS preflight
        self._send(Answer(HTTPStatus.NO_CONTENT, "text/plain", b""))

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        if url.path not in PATHS:
            return self._refuse(HTTPStatus.NOT_FOUND, f"no such path {url.path}; use /sparql")
        if "query" not in params and "update" not in params:
            return self._send(Answer(HTTPStatus.OK, "text/plain; charset=utf-8", _usage(self).encode()))
        self._run(params)

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path not in PATHS:
            return self._refuse(HTTPStatus.NOT_FOUND, f"no such path {url.path}; use /sparql")
        params = parse_qs(url.query, keep_blank_values=True)
        kind = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if kind == "application/sparql-update":
            return self._refuse(HTTPStatus.FORBIDDEN, READ_ONLY)
        try:
            body = self._body()
        except Refused as err:
            return self._refuse(err.status, str(err))
        if kind == "application/sparql-query":
            params["query"] = [body]
        elif kind == "application/x-www-form-urlencoded":
            for key, values in parse_qs(body, keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
        else:
            return self._refuse(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                                "send application/sparql-query or a form-encoded query=")
        self._run(params)

    def _run(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            return self._refuse(HTTPStatus.FORBIDDEN, READ_ONLY)
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            return self._refuse(HTTPStatus.BAD_REQUEST, "give exactly one non-empty query")
        graphs = {k: params[k] for k in ("default-graph-uri", "named-graph-uri") if k in params}
        try:
            answer = self.endpoint.answer(queries[0], self.headers.get("Accept", ""), graphs)
        except Refused as err:
            return self._refuse(err.status, str(err))
        self._send(answer)

    def _body(self) -> str:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            raise Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"query body over {MAX_BODY} bytes")
        return self.rfile.read(length).decode("utf-8", "replace")

    def _refuse(self, status: HTTPStatus, message: str) -> None:
        self._send(Answer(status, "text/plain; charset=utf-8", (_one_line(message) + "\n").encode()))

    def _send(self, answer: Answer) -> None:
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Access-Control-Expose-Headers", "X-Result-Truncated")
        for name, value in answer.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(answer.body)

    def log_message(self, format: str, *args: object) -> None:
        if not self.quiet:
            super().log_message(format, *args)


def _usage(handler: Handler) -> str:
    host, port = handler.server.server_address[:2]
    return (f"archive-graph read-only SPARQL endpoint\n"
            f"  GET  http://{host}:{port}/sparql?query=SELECT...\n"
            f"  POST http://{host}:{port}/sparql  (application/sparql-query or form query=)\n")


# ------------------------------------------------------------------------------------------ entry


def make_server(
    store_or_file: ox.Store | str | os.PathLike[str],
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout_s: float = 10,
    max_rows: int = 10_000,
    quiet: bool = False,
) -> ThreadingHTTPServer:
    """A ready (bound, not yet serving) endpoint server; ``port=0`` picks a free port.

    ``store_or_file`` is an open pyoxigraph Store, a store folder (opened read-only) or an RDF file
    (loaded into memory).
    """
    endpoint = Endpoint(open_source(store_or_file), timeout_s=timeout_s, max_rows=max_rows)
    handler = type("BoundHandler", (Handler,), {"endpoint": endpoint, "quiet": quiet})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server


def serve(
    store_or_file: ox.Store | str | os.PathLike[str],
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout_s: float = 10,
    max_rows: int = 10_000,
) -> None:
    """Serve the graph read-only until interrupted (Ctrl-C)."""
    server = make_server(store_or_file, host=host, port=port, timeout_s=timeout_s, max_rows=max_rows)
    bound_host, bound_port = server.server_address[:2]
    print(f"archive-graph: SPARQL endpoint at http://{bound_host}:{bound_port}/sparql (Ctrl-C stops)",
          file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
