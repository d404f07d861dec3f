"""The whole pipeline as a Python API: read -> extract -> resolve -> model, then outputs.

:func:`build` is the corpus path: each input file goes through read, extract, resolve and model
in a worker process (all cores) and comes out as its records' N-Quads, cached under
``OUT/.cache/`` by content (:mod:`graph.cache`), so an unchanged file is never processed twice.
The outputs are assembled from the cache (:mod:`graph.assemble`): the embedded store
``OUT/store/`` (each changed record's named graph replaced), ``graph.trig`` and any of
``graph.nq``, ``graph.ttl``, ``graph.jsonld``, the saved queries' answers and the network view.
:func:`build_dataset` gives the same graph as one rdflib ``Dataset`` (for small inputs and tests).

>>> from graph.pipeline import build_dataset
>>> ds, report = build_dataset(["seeds"])
>>> report.records, report.errors
(1, [])
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, URIRef

from graph import assemble
from graph.cache import Cache, CachedRecord, Entry, fingerprint
from graph.canonical import corpus_names, rename_in_graph, renames_digest, renames_for, with_corpus_names
from graph.errors import ArchiveGraphError, ReadError
from graph.extract import extract
from graph.io import exclusive, write_atomic
from graph.model.iri import record_slug
from graph.model.rdf import add_record, bind_prefixes
from graph.model.serialize import serialize
from graph.quads import content_key, named_entities, process_file, warm_up
from graph.read import iter_files, iter_records
from graph.read.detect import check_file, limits
from graph.resolve import resolve
from graph.types import Document, Resolution

FORMATS = {"trig": "graph.trig", "ttl": "graph.ttl", "nq": "graph.nq", "jsonld": "graph.jsonld"}
Log = Callable[[str], None]
#: Above this many records the build does not answer the saved queries itself. Oxigraph's union
#: default graph keeps one copy of an entity's triples per record graph; the saved queries look
#: entities up through DISTINCT subqueries so they stay fast (the whole shared corpus: ~4 s for all),
#: but a user's own query may not, so very large builds leave querying to `archive-graph query`.
QUERY_RECORD_LIMIT = 5000
#: Progress (a bar on a terminal, log lines on stderr otherwise) is shown by default from this many
#: files to extract: a small build stays silent, its stderr only errors.
PROGRESS_MIN_FILES = 100


@dataclass
class BuildReport:
    records: int = 0
    errors: list[str] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    reused: int = 0  # records taken from the cache, not extracted again
    seconds: dict[str, float] = field(default_factory=dict)  # wall time per phase

    def summary(self) -> str:
        parts = [f"{self.records} record(s) built", f"{len(self.errors)} failed"]
        if self.reused:
            parts.append(f"{self.reused} unchanged (cached)")
        if self.duplicates:
            parts.append(f"{len(self.duplicates)} duplicate(s) skipped")
        written = ", ".join(str(p) for p in self.outputs)
        if not written and self.errors and not self.records:
            return "; ".join(parts) + "; nothing written, earlier outputs left as they were"
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
    named: dict[URIRef, dict[str, str]] = {}  # graph -> the names its record gives its entities
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
            res = process(item)
            named[add_record(ds, res)] = named_entities(res)
        except ArchiveGraphError as err:
            err.path = err.path or item.path
            report.errors.append(str(err))
            continue
        report.records += 1
    chosen = corpus_names(names.items() for names in named.values())
    for graph_iri, names in named.items():
        rename_in_graph(ds.graph(graph_iri), renames_for(names.items(), chosen))
    return ds, report


def build(paths: Iterable[str | Path], *, out_dir: str | Path = "out", formats: tuple[str, ...] = (),
          view: bool = True, queries_dir: str | Path | None = "queries", store: str | Path | bool = True,
          trig: bool = True, jobs: int | None = None, progress: bool | None = False) -> BuildReport:
    """Build the graph of every record under ``paths`` into ``out_dir``.

    Writes the store (``store=True``: ``OUT/store/``; a path: there; ``False``: none),
    ``graph.trig`` (unless ``trig=False``) and the graph ``formats`` asked for (``nq``, ``ttl``,
    ``jsonld``), then the saved queries' answers and the network view. ``jobs`` worker processes
    (default: every core) do the records not in the cache; ``progress`` shows a bar on a
    terminal and log lines otherwise (``None``: only when at least ``PROGRESS_MIN_FILES`` files
    are to be extracted). Every file is written atomically. A second build into the same
    ``out_dir`` while one runs stops at once with ``StoreBusyError`` (AG401).
    """
    with exclusive(out_dir):
        return _build(paths, out=Path(out_dir), formats=formats, view=view, queries_dir=queries_dir, store=store,
                      trig=trig, jobs=jobs, progress=progress)


def _build(paths: Iterable[str | Path], *, out: Path, formats: tuple[str, ...], view: bool,
           queries_dir: str | Path | None, store: str | Path | bool, trig: bool, jobs: int | None,
           progress: bool | None) -> BuildReport:
    shown = {"on": bool(progress)}
    log = _logger(shown)
    report = BuildReport()
    cache = Cache(out / ".cache")
    clock = time.perf_counter()
    entries = _entries(paths, cache, report, jobs=jobs, progress=progress, shown=shown, log=log)
    report.seconds["extract"] = time.perf_counter() - clock
    records, keys = _select(entries, report)
    if report.records == 0 and report.errors:  # a mistyped path must not replace a good graph with nothing
        log(f"nothing was built; the outputs in {out} are left as they were")
        return report
    cache.prune({entry.key for _, entry, _ in entries if entry})

    clock = time.perf_counter()
    folder = (out / "store" if store is True else Path(store)) if store else None
    if folder:
        assemble.check_writable(folder)  # a store another process writes stops the build before any file is written
    with ThreadPoolExecutor(max_workers=1) as beside:  # the store loads (GIL released) while the files are written
        loading = beside.submit(assemble.update_store, folder, records, keys, cache, log=log) if folder else None
        dataset = _write_files(out, records, cache, formats, trig, report)
        opened = loading.result()[0] if loading else None
        if folder:
            report.outputs.insert(0, folder)
    report.seconds["store+files"] = time.perf_counter() - clock
    clock = time.perf_counter()
    if queries_dir and Path(queries_dir).is_dir() and report.records > QUERY_RECORD_LIMIT:
        log(f"saved queries not answered on {report.records} records (over {QUERY_RECORD_LIMIT}); "
            f"run them with archive-graph query --store")
    elif queries_dir and Path(queries_dir).is_dir():
        source = opened if opened is not None else assemble.memory_store(records, cache)
        report.outputs.extend(_answer_queries(source, Path(queries_dir), out / "answers"))
    if view:
        from graph.view.html import write_view

        dataset = dataset or assemble.to_dataset(records, cache)
        report.outputs.append(write_view(dataset, out / "network.html", title="archive-graph"))
    report.seconds["answers+view"] = time.perf_counter() - clock
    del opened  # closes the store (RocksDB) before the caller opens it again
    return report


def _write_files(out: Path, records: list[CachedRecord], cache: Cache, formats: tuple[str, ...], trig: bool,
                 report: BuildReport) -> Dataset | None:
    """graph.trig and the other formats asked for; the rdflib Dataset if one was made for them."""
    stamp = hashlib.sha256("".join(f"{r.graph} {r.file.name} {r.start} {renames_digest(r.renames)}\n"
                                   for r in records).encode()).hexdigest()
    for wanted, name, writer in ((trig, "trig", assemble.write_trig), ("nq" in formats, "nq", assemble.write_nquads)):
        path = out / FORMATS[name]
        if wanted and not cache.output_current(path, stamp):  # unchanged records: the file is already right
            writer(path, records, cache)
            cache.output_written(path, stamp)
        if wanted:
            report.outputs.append(path)
    dataset = None
    for fmt in (f for f in dict.fromkeys(formats) if f in ("ttl", "jsonld")):
        dataset = dataset or assemble.to_dataset(records, cache)
        report.outputs.append(write_atomic(out / FORMATS[fmt], serialize(dataset, fmt)))
    return dataset


def _entries(paths: Iterable[str | Path], cache: Cache, report: BuildReport, *, jobs: int | None,
             progress: bool | None, shown: dict[str, bool], log: Log) -> list[tuple[Path, Entry | None, str | None]]:
    """Every input file with its cache entry or the error that stopped it, in sorted path order;
    extracts the files not in the cache."""
    fp = f"{fingerprint()} limits {limits()}"  # the reader's size limits change what a file gives
    found: list[tuple[Path, Entry | None, str | None]] = []
    todo: dict[Path, str] = {}
    for item in iter_files(paths):
        if isinstance(item, ArchiveGraphError):
            found.append((Path(item.path or ""), None, str(item)))
            continue
        try:
            check_file(item)  # no FIFO, device or oversize file is ever read
            with open(item, "rb") as handle:
                key = content_key(handle.read(), fp)
        except ReadError as err:
            found.append((item, None, str(err)))
            continue
        except OSError as err:
            found.append((item, None, str(ReadError(f"cannot read file: {err.strerror or err}", path=str(item)))))
            continue
        entry = cache.get(key)
        if entry is None:
            todo[item] = key
        else:
            report.reused += len(entry.records)
        found.append((item, entry, None))
    if progress is None:
        shown["on"] = len(todo) >= PROGRESS_MIN_FILES
    done = _extract(todo, cache, jobs=jobs, progress=shown["on"], log=log)
    return [(path, entry or done.get(path), error) for path, entry, error in found]


def _extract(todo: dict[Path, str], cache: Cache, *, jobs: int | None, progress: bool,
             log: Log) -> dict[Path, Entry]:
    """Process the files in ``todo`` (path -> key), in worker processes when there are several."""
    if not todo:
        return {}
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    bar = _bar(len(todo), progress, log)
    done: dict[Path, Entry] = {}
    warm_up()  # once, before forking: the workers share the loaded authorities
    if jobs == 1:
        for path, key in todo.items():
            done[path] = _process_and_cache(str(path), key, str(cache.folder))
            bar(1)
        return done
    order = sorted(todo, key=lambda p: -p.stat().st_size)  # big files first: the tail is short
    chunks = [order[i:i + 4] for i in range(0, len(order), 4)]
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=warm_up) as pool:
        futures = {pool.submit(_process_chunk, [(str(p), todo[p]) for p in chunk], str(cache.folder)): chunk
                   for chunk in chunks}
        for future in as_completed(futures):
            for path, entry in zip(futures[future], future.result(), strict=True):
                done[path] = entry
            bar(len(futures[future]))
    return done


def _process_chunk(items: list[tuple[str, str]], folder: str) -> list[Entry]:
    return [_process_and_cache(path, key, folder) for path, key in items]


def _process_and_cache(path: str, key: str, folder: str) -> Entry:
    """In a worker: one file through the pipeline, written to the cache; the entry goes back."""
    return Cache(folder).put(key, process_file(path))


def _select(entries: list[tuple[Path, Entry | None, str | None]],
            report: BuildReport) -> tuple[list[CachedRecord], dict[str, str]]:
    """The records to output, in graph-IRI order (the first file of a duplicated record wins), with
    the corpus's entity names (:mod:`graph.canonical`), and graph IRI -> the key its graph in the
    store is current for (the entry's key, and its renames); errors and duplicates go to ``report``."""
    seen: dict[str, Path] = {}
    chosen: list[CachedRecord] = []
    keys: dict[str, str] = {}
    for path, entry, error in entries:
        if error:
            report.errors.append(error)
        if entry is None:
            continue
        for code, message in entry.errors:
            report.errors.append(f"{path}: [{code}] {message}")
        for record in entry.records:
            if record.slug in seen:
                report.duplicates.append(f"{path}: same record as {seen[record.slug]}, skipped")
                continue
            seen[record.slug] = path
            chosen.append(record)
            keys[record.graph] = entry.key
    report.records = len(chosen)
    chosen = with_corpus_names(sorted(chosen, key=lambda r: r.graph))
    return chosen, {r.graph: keys[r.graph] + renames_digest(r.renames) for r in chosen}


def _answer_queries(source: object, queries: Path, out: Path) -> list[Path]:
    from graph.query import run_saved_queries, to_csv

    answers = run_saved_queries(queries, source=source)  # type: ignore[arg-type]
    return [write_atomic(out / f"{name}.csv", to_csv(table)) for name, table in sorted(answers.items())]


# ------------------------------------------------------------------------------------- progress


def _logger(shown: dict[str, bool]) -> Log:
    def log(message: str) -> None:
        if shown["on"]:
            print(message, file=sys.stderr, flush=True)

    return log


def _bar(total: int, progress: bool, log: Log) -> Callable[[int], None]:
    """A progress callback: a tqdm bar on a terminal, a log line per tenth otherwise."""
    if not progress:
        return lambda n: None
    if sys.stderr.isatty():
        from tqdm import tqdm

        tqdm.monitor_interval = 0  # no monitor thread: workers are forked
        bar = tqdm(total=total, unit="file", desc="extract", file=sys.stderr, smoothing=0.1)

        def step(n: int) -> None:
            bar.update(n)
            if bar.n >= total:
                bar.close()

        return step
    state = {"done": 0, "next": 0, "start": time.perf_counter()}

    def line(n: int) -> None:
        state["done"] += n
        if state["done"] >= state["next"] or state["done"] == total:
            elapsed = time.perf_counter() - state["start"]
            log(f"extract: {state['done']}/{total} files ({100 * state['done'] // total}%), {elapsed:.1f} s")
            state["next"] = state["done"] + max(1, total // 10)

    return line
