"""The build cache: each input file's records as N-Quads, keyed by content, so an unchanged file is
never read, extracted or modelled again.

The key is sha256 of the program's :func:`fingerprint` (package version and every file of the
``graph`` package: code, curated data, lexicon) and the file's bytes. Changing a record, the
code or the data changes the key; renaming or moving a file does not. An entry is one file,
``<folder>/<key[:2]>/<key>.nq``: a JSON header line (records with their slugs, graph IRIs and
byte ranges; errors without the file's path), then the records' N-Quads. Entries are written
atomically; an entry whose file hit an internal error is marked incomplete and never reused.

>>> import tempfile
>>> from graph.quads import FileResult, RecordQuads
>>> cache = Cache(tempfile.mkdtemp())
>>> quads = "<http://e/s> <http://e/p> <http://e/o> <http://e/g> .\\n"
>>> entry = cache.put("ab" * 32, FileResult([RecordQuads("x", "http://e/g", quads)]))
>>> cache.get("ab" * 32).records[0].graph, cache.body(cache.get("ab" * 32).records[0])[:13]
('http://e/g', b'<http://e/s> ')
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from graph import __version__
from graph.canonical import rename
from graph.io import write_atomic
from graph.quads import FileResult

PACKAGE = Path(__file__).resolve().parent
FORMAT = 2  # bump when the entry layout changes


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """sha256 of the version and every file of the ``graph`` package (code and data)."""
    digest = hashlib.sha256(f"archive-graph {__version__} cache {FORMAT}\n".encode())
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(PACKAGE)).encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@dataclass(frozen=True)
class CachedRecord:
    """Where one record's N-Quads are: the entry file and the byte range after its header; the
    names it gives its entities (IRI, name); the names the build changes in it to the corpus's
    (IRI, own name, corpus name: see :mod:`graph.canonical`)."""

    slug: str
    graph: str
    file: Path
    start: int
    end: int
    names: tuple[tuple[str, str], ...] = ()
    renames: tuple[tuple[str, str, str], ...] = ()


@dataclass
class Entry:
    key: str
    records: list[CachedRecord] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    complete: bool = True


class Cache:
    """A folder of entries (see the module's doc)."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.nq"

    def get(self, key: str) -> Entry | None:
        """The complete entry for ``key``, or ``None`` (missing, unreadable, incomplete)."""
        file = self.path(key)
        try:
            with open(file, "rb") as handle:
                header = json.loads(handle.readline())
        except (OSError, ValueError):
            return None
        if header.get("format") != FORMAT or not header.get("complete"):
            return None
        return _entry(key, file, header)

    def put(self, key: str, result: FileResult) -> Entry:
        """Write ``result`` as the entry for ``key`` (atomically) and return it."""
        records, bodies, offset = [], [], 0
        for record in result.records:
            data = record.nquads.encode("utf-8")
            records.append([record.slug, record.graph, offset, offset + len(data), sorted(record.names.items())])
            bodies.append(data)
            offset += len(data)
        header = {"format": FORMAT, "complete": result.cacheable, "records": records,
                  "errors": [list(e) for e in result.errors]}
        file = self.path(key)
        write_atomic(file, json.dumps(header, ensure_ascii=True).encode("ascii") + b"\n" + b"".join(bodies))
        return _entry(key, file, header)

    def body(self, record: CachedRecord) -> bytes:
        """One record's N-Quads bytes."""
        with open(record.file, "rb") as handle:
            skip = len(handle.readline())
            handle.seek(skip + record.start)
            body = handle.read(record.end - record.start)
        return rename(body, record.graph, record.renames) if record.renames else body

    def bodies(self, records: list[CachedRecord]) -> bytes:
        """Several records' N-Quads, concatenated in the order given (each entry file read once)."""
        chunks: list[bytes] = []
        read: dict[Path, bytes] = {}
        for record in records:
            data = read.get(record.file)
            if data is None:
                raw = record.file.read_bytes()
                data = read[record.file] = raw[raw.index(b"\n") + 1:]
            body = data[record.start:record.end]
            chunks.append(rename(body, record.graph, record.renames) if record.renames else body)
        return b"".join(chunks)

    def prune(self, keep: set[str]) -> int:
        """Delete every entry whose key is not in ``keep``; return how many went."""
        gone = 0
        for file in self.folder.glob("??/*.nq"):
            if file.stem not in keep:
                file.unlink(missing_ok=True)
                gone += 1
        return gone

    # ------------------------------------------------------------ which graphs the store holds
    def store_manifest(self) -> dict[str, str] | None:
        """graph IRI -> entry key of every graph known to be loaded in the store, or ``None``."""
        try:
            data = json.loads((self.folder / "store.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def write_store_manifest(self, graphs: dict[str, str]) -> None:
        write_atomic(self.folder / "store.json", json.dumps(graphs, sort_keys=True, indent=0))

    def output_current(self, path: Path, stamp: str) -> bool:
        """Whether ``path`` is the file this cache last wrote from the records ``stamp`` names,
        untouched since (same size and modification time)."""
        try:
            known = json.loads((self.folder / "outputs.json").read_text(encoding="utf-8")).get(str(path.resolve()))
            info = path.stat()
        except (OSError, ValueError, AttributeError):
            return False
        return known == [stamp, info.st_size, info.st_mtime_ns]

    def output_written(self, path: Path, stamp: str) -> None:
        """Remember that ``path`` now holds what the records ``stamp`` names give."""
        try:
            known = json.loads((self.folder / "outputs.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            known = {}
        info = path.stat()
        known[str(path.resolve())] = [stamp, info.st_size, info.st_mtime_ns]
        write_atomic(self.folder / "outputs.json", json.dumps(known, sort_keys=True, indent=0))


def _entry(key: str, file: Path, header: dict) -> Entry:
    records = [CachedRecord(slug, graph, file, start, end, tuple((iri, name) for iri, name in names))
               for slug, graph, start, end, names in header["records"]]
    return Entry(key, records, [tuple(e) for e in header["errors"]], bool(header["complete"]))
