"""Check a graph against CONTRACT.md: the SHACL shapes shipped in ``graph/model/shapes.ttl``
(run by pyshacl on the union of the named graphs), plus what SHACL cannot say: every
annotation's ``text[start:end] == exact`` on its record's ``schema:text``.

>>> from graph.pipeline import build_dataset
>>> ds, _ = build_dataset(["tests/data/bad/memcon.txt"])
>>> report = validate(ds)
>>> report.conforms, report.checked["annotations"] > 0
(True, True)
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path

from rdflib import RDF, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from graph.errors import ReadError
from graph.model.iri import OA, SDO

SH = Namespace("http://www.w3.org/ns/shacl#")
TEXT_SHAPE = "https://w3id.org/archive-graph/shapes#TextQuoteCheck"


@dataclass(frozen=True, order=True)
class Violation:
    """One way the graph breaks the contract, as SHACL reports it."""

    focus: str
    path: str
    message: str
    shape: str = ""
    value: str = ""
    severity: str = "Violation"


@dataclass
class Report:
    """Every violation found, sorted; ``checked`` counts what was looked at."""

    source: str
    violations: list[Violation] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=dict)

    @property
    def conforms(self) -> bool:
        return not any(v.severity == "Violation" for v in self.violations)

    def to_json(self) -> str:
        return json.dumps({"source": self.source, "conforms": self.conforms, "checked": self.checked,
                           "violations": [asdict(v) for v in self.violations]}, indent=1, ensure_ascii=False)

    def to_table(self) -> str:
        counts = ", ".join(f"{n} {what}" for what, n in self.checked.items())
        head = f"{self.source}: {'conforms' if self.conforms else 'does not conform'} ({counts})"
        rows = [f"{v.severity}\t{_short(v.focus)}\t{_short(v.path)}\t{_one_line(v.message)}"
                + (f"\tvalue={_short(v.value)}" if v.value else "") for v in self.violations]
        return "\n".join([head, *rows])


def shapes_graph() -> Graph:
    """The shapes shipped with the package."""
    text = resources.files("graph.model").joinpath("shapes.ttl").read_text(encoding="utf-8")
    return Graph().parse(data=text, format="turtle")


def load_graph(source: str | Path | Graph) -> Graph:
    """``source`` (an rdflib Graph or Dataset, or an RDF file in any syntax rdflib reads) as
    one graph: the union of its named graphs."""
    if isinstance(source, Dataset) or (isinstance(source, Graph) and source.context_aware):
        union = Graph()
        for s, p, o, _ in source.quads((None, None, None, None)):
            union.add((s, p, o))
        return union
    if isinstance(source, Graph):
        return source
    path = str(source)
    if not Path(path).is_file():
        raise FileNotFoundError(2, "no such file", path)
    import rdflib.util

    fmt = rdflib.util.guess_format(path) or ("json-ld" if path.endswith(".jsonld") else None)
    if fmt is None:
        raise ReadError("unknown RDF file type (use .trig, .ttl, .nq, .nt, .jsonld, .rdf)", path=path)
    ds = Dataset()
    try:
        ds.parse(path, format=fmt)
    except Exception as err:  # rdflib's parsers raise many unrelated types
        detail = " ".join(str(err).split())[:200] or type(err).__name__
        raise ReadError(f"not valid {fmt}: {detail}", path=path) from err
    return load_graph(ds)


def validate(source: str | Path | Graph, *, shapes: str | Path | Graph | None = None) -> Report:
    """Check ``source`` (file, Graph or Dataset) against the contract's shapes (or ``shapes``)."""
    from pyshacl import validate as shacl

    data = load_graph(source)
    if shapes is None:
        shapes_g = shapes_graph()
    elif isinstance(shapes, Graph):
        shapes_g = shapes
    else:
        shapes_g = Graph().parse(str(shapes), format="turtle")
    _, results, _ = shacl(data, shacl_graph=shapes_g, inference="none", advanced=False, allow_warnings=True)
    name = "<dataset>" if isinstance(source, Graph) else str(source)
    report = Report(source=name, violations=_results(results))
    quotes, checked = check_quotes(data)
    report.violations = sorted(set(report.violations) | set(quotes))
    report.checked = {"triples": len(data), "annotations": checked}
    return report


def check_quotes(g: Graph) -> tuple[list[Violation], int]:
    """(violations, annotations checked): each annotation whose quote is not the record's
    ``text[start:end]``, whose offsets fall outside the text, or whose record has no text."""
    found: list[Violation] = []
    checked = 0
    for anno in sorted(set(g.subjects(RDF.type, OA.Annotation)), key=str):
        for target in g.objects(anno, OA.hasTarget):
            selectors = list(g.objects(target, OA.hasSelector))
            exact = _first(g, selectors, OA.exact)
            start, end = _int(_first(g, selectors, OA.start)), _int(_first(g, selectors, OA.end))
            if exact is None or start is None or end is None:
                continue  # the shapes report missing or ill-typed selectors
            checked += 1
            for source in g.objects(target, OA.hasSource):
                text = g.value(source, SDO.text)
                problem = _quote_problem(None if text is None else str(text), str(exact), start, end)
                if problem:
                    found.append(Violation(str(anno), str(OA.exact), problem, TEXT_SHAPE, str(exact)))
    return found, checked


def _quote_problem(text: str | None, exact: str, start: int, end: int) -> str:
    if text is None:
        return "the annotated record has no schema:text to quote"
    if not 0 <= start <= end <= len(text):
        return f"offsets {start}:{end} fall outside the record's text ({len(text)} characters)"
    if text[start:end] != exact:
        return f"text[{start}:{end}] is {text[start:end][:60]!r}, not the oa:exact quote"
    return ""


def _first(g: Graph, nodes: list[Node], prop: URIRef) -> Node | None:
    return next((o for n in nodes for o in g.objects(n, prop)), None)


def _int(node: Node | None) -> int | None:
    if not isinstance(node, Literal):
        return None
    try:
        return int(str(node))
    except ValueError:
        return None


def _results(results: Graph) -> list[Violation]:
    out = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        def get(prop: URIRef, result: Node = result) -> str:
            value = results.value(result, prop)
            return "" if value is None else str(value)

        path = results.value(result, SH.resultPath)
        path_text = get(SH.resultPath) if isinstance(path, URIRef) else _path_text(results, path)
        severity = get(SH.resultSeverity).rsplit("#", 1)[-1] or "Violation"
        out.append(Violation(get(SH.focusNode), path_text, get(SH.resultMessage), get(SH.sourceShape),
                             get(SH.value), severity))
    return out


def _path_text(g: Graph, path: Node | None) -> str:
    if path is None:
        return ""
    inverse = g.value(path, SH.inversePath)
    return f"^{inverse}" if inverse is not None else ""


def _short(value: str) -> str:
    if value.startswith("^"):
        return "^" + _short(value[1:])
    for prefix, ns in (("agid:", "https://w3id.org/archive-graph/id/"), ("ag:", "https://w3id.org/archive-graph/ns#"),
                       ("schema:", "https://schema.org/"), ("oa:", "http://www.w3.org/ns/oa#")):
        if value.startswith(ns):
            return prefix + value[len(ns):]
    return value if len(value) <= 80 else value[:77] + "..."


def _one_line(value: str) -> str:
    return " ".join(value.split())
