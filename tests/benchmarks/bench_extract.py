"""Extraction throughput in MB/s per core: one process, every stage timed separately.

    .venv/bin/python tests/benchmarks/bench_extract.py [CORPUS] [--every N]

Reads every N-th file of the corpus (default: all), then runs read, extract + resolve, and the
model stage (the record's canonical N-Quads, as the build's workers write them) one after another
in this process, and prints MB of input per second for each stage and for all of them together.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import machine  # noqa: E402

from graph.errors import ArchiveGraphError  # noqa: E402
from graph.pipeline import process  # noqa: E402
from graph.quads import record_nquads, warm_up  # noqa: E402
from graph.read import iter_files, read_path  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--every", type=int, default=1, help="take every N-th file (default: 1, all)")
    args = parser.parse_args()
    print(machine())
    start = time.perf_counter()
    warm_up()
    print(f"authorities loaded in {time.perf_counter() - start:.2f} s (once per worker)")
    files = [f for f in iter_files([args.corpus]) if isinstance(f, Path)][:: args.every]
    size = sum(f.stat().st_size for f in files) / 1e6
    clock, docs = time.perf_counter(), []
    for path in files:
        with contextlib.suppress(ArchiveGraphError):
            docs.extend(read_path(path))
    read_s = time.perf_counter() - clock
    clock, resolved = time.perf_counter(), []
    for doc in docs:
        with contextlib.suppress(ArchiveGraphError):
            resolved.append(process(doc))
    extract_s = time.perf_counter() - clock
    clock = time.perf_counter()
    quads = sum(record_nquads(res).count("\n") for res in resolved)
    model_s = time.perf_counter() - clock
    total = read_s + extract_s + model_s
    print(f"{len(files)} files, {size:.2f} MB, {len(docs)} records, {quads} quads")
    for name, seconds in (("read", read_s), ("extract+resolve", extract_s), ("model (N-Quads)", model_s),
                          ("all stages", total)):
        print(f"{name:>16}: {seconds:7.2f} s  {size / seconds:6.3f} MB/s per core")


if __name__ == "__main__":
    main()
