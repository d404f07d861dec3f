"""The whole pipeline as a Python API: read -> extract -> resolve -> model, then outputs.

>>> from graph.pipeline import build_dataset
>>> ds, report = build_dataset(["seeds"])
>>> report.records, report.errors
(1, [])
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from graph.errors import ArchiveGraphError
from graph.extract import extract
from graph.io import write_atomic
from graph.model.iri import record_slug
from graph.model.rdf import add_record, bind_prefixes
from graph.model.serialize import serialize
from graph.read import iter_records
from graph.resolve import resolve
from graph.types import Document, Resolution

FORMATS = {"trig": "graph.trig", "ttl": "graph.ttl", "nq": "graph.nq", "jsonld": "graph.jsonld"}


@dataclass
class BuildReport:
    records: int = 0
    errors: list[str] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"{self.records} record(s) built", f"{len(self.errors)} failed"]
        if self.duplicates:
            parts.append(f"{len(self.duplicates)} duplicate(s) skipped")
        written = ", ".join(str(p) for p in self.outputs)
        return "; ".join(parts) + (f"; wrote {written}" if written else "")


def process(doc: Document) -> Resolution:
    """One record through extract and resolve."""
    return resolve(extract(doc))


def build_dataset(paths: Iterable[str | Path]) -> tuple[Dataset, BuildReport]:
    """Read every record under ``paths`` into one Dataset, one named graph per record."""
    ds = Dataset()
    bind_prefixes(ds)
    report = BuildReport()
    seen: dict[str, str] = {}
    for item in iter_records(paths):
        if isinstance(item, ArchiveGraphError):
            report.errors.append(str(item))
            continue
        slug = record_slug(item)
        if slug in seen:
            report.duplicates.append(f"{item.path}: same record as {seen[slug]}, skipped")
            continue
        seen[slug] = item.path
        try:
            add_record(ds, process(item))
        except ArchiveGraphError as err:
            err.path = err.path or item.path
            report.errors.append(str(err))
            continue
        report.records += 1
    return ds, report


def build(paths: Iterable[str | Path], *, out_dir: str | Path = "out", formats: tuple[str, ...] = (),
          view: bool = True, queries_dir: str | Path | None = "queries") -> BuildReport:
    """Build the graph of every record under ``paths`` and write it, with the saved queries'
    answers and the network view, into ``out_dir``. Every file is written atomically."""
    out = Path(out_dir)
    ds, report = build_dataset(paths)
    for fmt in dict.fromkeys(("trig", *formats)):
        report.outputs.append(write_atomic(out / FORMATS[fmt], serialize(ds, fmt)))
    if queries_dir and Path(queries_dir).is_dir():
        report.outputs.extend(_answer_queries(out / FORMATS["trig"], Path(queries_dir), out / "answers"))
    if view:
        from graph.view.html import write_view

        report.outputs.append(write_view(ds, out / "network.html", title="archive-graph"))
    return report


def _answer_queries(graph_file: Path, queries: Path, out: Path) -> list[Path]:
    from graph.query import run_saved_queries, to_csv

    answers = run_saved_queries(queries, source=graph_file)  # the graph is loaded once for all
    return [write_atomic(out / f"{name}.csv", to_csv(table)) for name, table in sorted(answers.items())]
