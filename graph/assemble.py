"""The corpus build's outputs, assembled from the cached N-Quads of every record.

- :func:`update_store`: the embedded pyoxigraph store; each changed record's named graph is
  replaced, unchanged ones are left alone, records no longer in the input are removed.
- :func:`write_nquads`: every record's sorted lines, records in graph-IRI order.
- :func:`write_trig`: the same quads through pyoxigraph's TriG writer, with the model's prefixes.
- :func:`to_dataset`: an rdflib ``Dataset`` (for Turtle, JSON-LD and the network view).

All files are written to a temporary file beside the target and renamed over it, so every
output is atomic and, given the same records, byte-identical whatever order they were read in.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

from graph.cache import Cache, CachedRecord
from graph.errors import UsageError
from graph.io import atomic_output
from graph.model.rdf import bind_prefixes
from graph.store import open_store

BATCH_BYTES = 64 * 1024 * 1024  # N-Quads per TriG writer call
LOAD_BYTES = 8 * 1024 * 1024  # N-Quads per bulk load (see _bulk_load)
Log = Callable[[str], None]


def prefixes() -> dict[str, str]:
    """The prefixes the model binds (``schema:``, ``ag:``, ``oa:`` ...), for TriG output."""

    class _Collect:
        def __init__(self) -> None:
            self.found: dict[str, str] = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}

        def bind(self, prefix: str, namespace: object, **_: object) -> None:
            self.found[prefix] = str(namespace)

    collect = _Collect()
    bind_prefixes(collect)  # type: ignore[arg-type]  # duck-typed: bind() only
    return dict(sorted(collect.found.items()))


def _batches(cache: Cache, records: list[CachedRecord], limit: int = BATCH_BYTES) -> Iterator[bytes]:
    batch: list[CachedRecord] = []
    size = 0
    for record in records:
        batch.append(record)
        size += record.end - record.start
        if size >= limit:
            yield cache.bodies(batch)
            batch, size = [], 0
    if batch:
        yield cache.bodies(batch)


# ------------------------------------------------------------------------------------- the store


@dataclass
class StoreUpdate:
    loaded: int = 0
    removed: int = 0
    kept: int = 0
    rebuilt: bool = False


def update_store(folder: str | os.PathLike[str], records: list[CachedRecord], keys: dict[str, str],
                 cache: Cache, *, log: Log | None = None) -> tuple[ox.Store, StoreUpdate]:
    """Bring the store in ``folder`` to exactly ``records`` (``keys``: graph IRI -> entry key).

    The cache's store manifest says which entry each loaded graph came from; a graph whose key
    is unchanged is kept. Before the store is touched the manifest is cut down to the kept graphs,
    so a build that stops half-way never leaves a graph marked current that is not.
    """
    folder = Path(folder)
    manifest = cache.store_manifest() if folder.is_dir() else None
    kept = {g for g, k in keys.items() if manifest and manifest.get(g) == k}
    update = StoreUpdate(kept=len(kept))
    if len(kept) * 2 < len(keys) or not manifest:  # mostly new: a fresh bulk load is faster
        check_writable(folder)
        _remove_store(folder)
        kept, update.kept, update.rebuilt = set(), 0, True
    cache.write_store_manifest({g: keys[g] for g in kept})
    store = open_store(folder)
    if not update.rebuilt:
        for name in list(store.named_graphs()):
            if isinstance(name, ox.NamedNode) and name.value in kept:
                continue
            store.remove_graph(name)
            update.removed += 1
    todo = [r for r in records if r.graph not in kept]
    if todo:
        _bulk_load(store, cache, todo)
    update.loaded = len(todo)
    store.flush()
    if todo and (update.rebuilt or len(todo) * 10 >= len(records)):
        store.optimize()  # compacts the bulk loads' many small files (~3 s for the corpus): queries 1.5-3x faster
    cache.write_store_manifest(dict(keys))
    if log:
        log(f"store {folder}: {update.loaded} graph(s) loaded, {update.removed} removed, {update.kept} unchanged")
    return store, update


def check_writable(folder: Path) -> None:
    """Raise ``StoreBusyError`` (AG401) if another process holds the store in ``folder``."""
    if folder.is_dir() and (folder / "CURRENT").is_file():
        open_store(folder).flush()  # takes and, as the store is dropped, releases its write lock


def _remove_store(folder: Path) -> None:
    """Delete a store folder, refusing to delete a folder that is not a store."""
    if not folder.exists():
        return
    if not folder.is_dir() or (any(folder.iterdir()) and not (folder / "CURRENT").is_file()):
        raise UsageError(f"{folder} exists and is not a store folder; give another --store")
    shutil.rmtree(folder)


# ------------------------------------------------------------------------------------------- files


def write_nquads(path: str | os.PathLike[str], records: list[CachedRecord], cache: Cache) -> Path:
    """Every record's N-Quads (sorted lines) in graph-IRI order."""
    with atomic_output(path) as out:
        for batch in _batches(cache, records):
            out.write(batch)
    return Path(path)


def write_trig(path: str | os.PathLike[str], records: list[CachedRecord], cache: Cache) -> Path:
    """TriG written by pyoxigraph from the records' sorted quads, with the model's prefixes
    (declared once, sorted; each batch holds whole graphs, so its TriG is whole blocks)."""
    names = {k: v for k, v in prefixes().items() if k != "agid"}  # agid:record\/x\/graph reads badly
    with atomic_output(path) as out:
        out.write("".join(f"@prefix {k}: <{v}> .\n" for k, v in names.items()).encode("utf-8"))
        for batch in _batches(cache, records):
            text = ox.serialize(ox.parse(batch, ox.RdfFormat.N_QUADS), format=ox.RdfFormat.TRIG, prefixes=names)
            out.write(b"\n".join(line for line in text.split(b"\n") if not line.startswith(b"@prefix ")))
    return Path(path)


def to_dataset(records: list[CachedRecord], cache: Cache) -> Dataset:
    """The records as one rdflib ``Dataset`` (slow for a corpus: for the small outputs only)."""
    ds = Dataset()
    bind_prefixes(ds)
    for batch in _batches(cache, records):
        ds.parse(data=batch.decode("utf-8"), format="nquads")
    return ds


def memory_store(records: list[CachedRecord], cache: Cache) -> ox.Store:
    """The records in an in-memory pyoxigraph store (to answer the saved queries without one on disk)."""
    store = ox.Store()
    if records:
        _bulk_load(store, cache, records)
    return store


def _bulk_load(store: ox.Store, cache: Cache, records: list[CachedRecord]) -> None:
    """The records into the store, one bulk load per 8 MB of N-Quads. The loader holds ~3.5 bytes per
    byte of input, so one call over the whole corpus would peak at 1.5 GB; batches of 8 MB load the
    shared corpus faster than 64 MB ones (10.5 s against 14 s here) but leave many small files,
    which the caller compacts once (``optimize``) after a fresh load."""
    for batch in _batches(cache, records, LOAD_BYTES):
        store.bulk_load(batch, ox.RdfFormat.N_QUADS, lenient=True)
