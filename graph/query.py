"""Run SPARQL over a built graph: a file, a store folder or a SPARQL endpoint, as plain tables.

Queries run over the union of all named graphs (one per archival record), so the saved queries in
``queries/*.rq`` need no ``GRAPH`` clauses. Answers are :class:`Table` objects of plain strings
(IRIs and literals' lexical forms; unbound is ``""``) that format as aligned text, CSV or JSON.

>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "graph.trig"
>>> _ = path.write_text('<http://e/g> { <http://e/kosygin> <https://schema.org/name> "Aleksei Kosygin" }')
>>> table = run_query("SELECT ?person ?name WHERE { ?person <https://schema.org/name> ?name }", source=path)
>>> print(to_table(table))
person            name
----------------  ---------------
http://e/kosygin  Aleksei Kosygin
>>> to_json(table)
'[{"person": "http://e/kosygin", "name": "Aleksei Kosygin"}]'
>>> run_query("SELECT ?x WHERE { ?x }", source=path)
Traceback (most recent call last):
graph.errors.QueryError: [AG300] malformed SPARQL: error at ...: ...
"""

from __future__ import annotations

import csv
import io
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph import store as st
from graph.errors import QueryError, ReadError

Source = str | os.PathLike[str] | ox.Store
SPARQL_JSON = "application/sparql-results+json"


@dataclass(frozen=True)
class Table:
    """A query's answer: column names and rows of plain strings, in the query's order."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def records(self) -> list[dict[str, str]]:
        """The rows as dicts, column name -> value."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def column(self, name: str) -> list[str]:
        """All values of one column, top to bottom."""
        i = self.columns.index(name)
        return [row[i] for row in self.rows]

    def __len__(self) -> int:
        return len(self.rows)


# ---------------------------------------------------------------------------------------- running


def run_query(sparql: str, *, source: Source, engine: str = "oxigraph") -> Table:
    """Run ``sparql`` on ``source`` and return its answer as a :class:`Table`.

    ``source`` is an RDF file (TriG, Turtle, N-Quads, N-Triples, JSON-LD), a store folder made by
    :func:`graph.store.open_store`, an open pyoxigraph ``Store`` or an ``http(s)://`` SPARQL
    endpoint. ``engine="rdflib"`` runs a file through rdflib instead (slower; for cross-checks).
    Malformed SPARQL raises :class:`graph.errors.QueryError` with the parser's message.
    """
    if isinstance(source, str) and source.startswith(("http://", "https://")):
        return query_endpoint(sparql, source)
    if engine == "rdflib":
        return _run_rdflib(sparql, Path(source))  # type: ignore[arg-type]
    if engine != "oxigraph":
        raise QueryError(f"unknown engine {engine!r}: use oxigraph or rdflib")
    return table_from_oxigraph(st.query(open_source(source), sparql))


def run_saved_queries(queries_dir: str | os.PathLike[str], *, source: Source) -> dict[str, Table]:
    """Run every ``*.rq`` file in ``queries_dir`` on ``source`` (loaded once); name -> answer."""
    files = sorted(Path(queries_dir).glob("*.rq"))
    if isinstance(source, str) and source.startswith(("http://", "https://")):
        return {f.stem: query_endpoint(f.read_text(encoding="utf-8"), source) for f in files}
    opened = open_source(source)
    return {f.stem: run_query(f.read_text(encoding="utf-8"), source=opened) for f in files}


def open_source(source: Source) -> ox.Store:
    """A pyoxigraph store for ``source``: itself, a store folder (read-only) or a file loaded in memory."""
    if isinstance(source, ox.Store):
        return source
    path = Path(source)
    if path.is_dir():
        return st.open_store(path, read_only=True)
    if not path.is_file():
        raise FileNotFoundError(2, "no such file or folder", str(path))
    memory = st.open_store(None)
    try:
        st.load(memory, path)
    except ReadError:
        if st.format_for(path) != ox.RdfFormat.JSON_LD:
            raise
        st.load(memory, _rdflib_dataset(path).serialize(format="nquads", encoding="utf-8"),
                format=ox.RdfFormat.N_QUADS)  # JSON-LD pyoxigraph cannot read (e.g. remote context)
    return memory


def query_endpoint(sparql: str, url: str, *, timeout_s: float = 60.0) -> Table:
    """Run ``sparql`` on a SPARQL 1.1 Protocol endpoint (POST, JSON results)."""
    request = urllib.request.Request(
        url,
        data=urllib.parse.urlencode({"query": sparql}).encode("ascii"),  # the form every server takes (Virtuoso
        headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": SPARQL_JSON},  # hangs on the other)
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as response:
            body = response.read()
    except urllib.error.HTTPError as err:
        message = _one_line(err.read().decode("utf-8", "replace")) or err.reason
        raise QueryError(f"{url} answered {err.code}: {message}") from err
    except (urllib.error.URLError, OSError) as err:
        raise QueryError(f"cannot reach {url}: {_one_line(str(getattr(err, 'reason', err)))}") from err
    try:
        return table_from_json(json.loads(body))
    except (ValueError, KeyError) as err:
        raise QueryError(f"{url} did not answer with SPARQL JSON results: {_one_line(str(err))}") from err


# ------------------------------------------------------------------------------------- conversion


def table_from_oxigraph(result: st.Result) -> Table:
    """A :class:`Table` from a pyoxigraph SELECT, ASK or CONSTRUCT/DESCRIBE result."""
    if isinstance(result, ox.QueryBoolean):
        return Table(("boolean",), ((str(bool(result)).lower(),),))
    if isinstance(result, ox.QueryTriples):
        rows = sorted(tuple(_ox_text(term) for term in (t.subject, t.predicate, t.object)) for t in result)
        return Table(("subject", "predicate", "object"), tuple(rows))
    columns = tuple(v.value for v in result.variables)
    try:
        rows = tuple(tuple(_ox_text(solution[c]) for c in columns) for solution in result)
    except (SyntaxError, OSError) as err:
        raise QueryError(f"query failed: {_one_line(str(err))}") from err
    return Table(columns, rows)


def table_from_json(results: dict) -> Table:
    """A :class:`Table` from SPARQL 1.1 Query Results JSON."""
    if "boolean" in results:
        return Table(("boolean",), ((str(bool(results["boolean"])).lower(),),))
    columns = tuple(results["head"]["vars"])
    rows = tuple(
        tuple(_json_text(binding.get(c)) for c in columns) for binding in results["results"]["bindings"]
    )
    return Table(columns, rows)


def _ox_text(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    return str(term)


def _json_text(term: dict | None) -> str:
    if term is None:
        return ""
    return f"_:{term['value']}" if term.get("type") == "bnode" else str(term["value"])


# ------------------------------------------------------------------------------------------ rdflib


def _rdflib_dataset(path: Path):  # -> rdflib.Dataset
    import rdflib

    dataset = rdflib.Dataset(default_union=True)
    fmt = {".trig": "trig", ".ttl": "turtle", ".nq": "nquads", ".nt": "nt", ".jsonld": "json-ld",
           ".json": "json-ld", ".rdf": "xml", ".xml": "xml", ".n3": "n3"}.get(path.suffix.lower())
    if fmt is None:
        raise ReadError(f"unknown RDF file type {path.suffix!r}", path=str(path))
    try:
        dataset.parse(path, format=fmt)
    except Exception as err:  # rdflib's parsers raise many unrelated types
        raise ReadError(f"not valid {fmt}: {_one_line(str(err))}", path=str(path)) from err
    return dataset


def _run_rdflib(sparql: str, path: Path) -> Table:
    dataset = _rdflib_dataset(path)
    try:
        result = dataset.query(sparql)
    except Exception as err:  # pyparsing's ParseException, rdflib's own errors
        raise QueryError(f"malformed SPARQL: {_one_line(str(err))}") from err
    if result.type == "ASK":
        return Table(("boolean",), ((str(bool(result.askAnswer)).lower(),),))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        rows = sorted(tuple(_rdflib_text(term) for term in triple) for triple in result)
        return Table(("subject", "predicate", "object"), tuple(rows))
    columns = tuple(str(v) for v in result.vars)
    rows = tuple(tuple(_rdflib_text(row[i]) for i in range(len(columns))) for row in result)
    return Table(columns, rows)


def _rdflib_text(term: object) -> str:
    import rdflib

    if term is None:
        return ""
    if isinstance(term, rdflib.BNode):
        return f"_:{term}"
    return str(term)


# -------------------------------------------------------------------------------------- formatting


def to_table(table: Table, *, max_width: int | None = None) -> str:
    """Aligned text: a header, a rule, one line per row (newlines in values shown as spaces).

    ``max_width`` cuts longer values with an ellipsis.
    """
    cells = [list(table.columns)] + [[_cell(v, max_width) for v in row] for row in table.rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(table.columns))]
    lines = [_line(cells[0], widths), _line(["-" * w for w in widths], widths)]
    lines += [_line(row, widths) for row in cells[1:]]
    return "\n".join(lines)


def to_csv(table: Table) -> str:
    """CSV with a header row (RFC 4180 quoting, ``\\n`` line ends)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.columns)
    writer.writerows(table.rows)
    return out.getvalue()


def to_json(table: Table, *, indent: int | None = None) -> str:
    """JSON: a list of objects, one per row, keys in column order."""
    return json.dumps(table.records(), ensure_ascii=False, indent=indent)


FORMATTERS = {"table": to_table, "csv": to_csv, "json": to_json}


def _cell(value: str, max_width: int | None) -> str:
    value = " ".join(value.splitlines())
    if max_width is not None and len(value) > max_width:
        return value[: max(max_width - 1, 0)] + "…"
    return value


def _line(values: Iterable[str], widths: list[int]) -> str:
    return "  ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()


def _one_line(text: str) -> str:
    return " ".join(text.split())
