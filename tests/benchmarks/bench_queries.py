"""Every saved query on the corpus graph: the embedded store (pyoxigraph, on disk) against rdflib
in memory; median of several runs each, and the ratio.

    .venv/bin/python tests/benchmarks/bench_queries.py [CORPUS] [--out DIR] [--runs N]

Builds CORPUS into ``--out`` (default /tmp/archive-graph-bench; the build's cache makes reruns
fast), then runs each query in a child process with a memory cap (``--mem-gb``, default 4) and a
time limit (``--timeout``, default 120 s), so a query that explodes is reported, not fatal. rdflib
loads ``graph.trig`` once (its load time and RSS are printed) and runs the queries one by one.
"""

from __future__ import annotations

import argparse
import json
import resource
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import machine  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
QUERIES = ROOT / "queries"


def _limit(gb: float) -> None:
    cap = int(gb * 1024**3)
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def worker_oxigraph(store: str, query: str, runs: int) -> None:
    from graph.query import run_query
    from graph.store import open_store

    opened = open_store(store, read_only=True)
    times, rows = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        rows = len(run_query(query, source=opened))
        times.append(time.perf_counter() - start)
    print(json.dumps({"median": statistics.median(times), "rows": rows}))


def worker_rdflib(graph: str, runs: int, timeout: int) -> None:
    import rdflib

    start = time.perf_counter()
    ds = rdflib.Dataset(default_union=True)
    ds.parse(graph, format="trig")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"load": time.perf_counter() - start, "rss": rss, "triples": len(ds)}), flush=True)

    def expired(*_: object) -> None:
        raise TimeoutError

    signal.signal(signal.SIGALRM, expired)
    for path in sorted(QUERIES.glob("*.rq")):
        times, rows, note = [], 0, ""
        for _ in range(runs):
            signal.alarm(timeout)
            start = time.perf_counter()
            try:
                rows = len(list(ds.query(path.read_text(encoding="utf-8"))))
            except TimeoutError:
                note = f"> {timeout} s"
                break
            except MemoryError:
                note = "out of memory"
                break
            finally:
                signal.alarm(0)
            times.append(time.perf_counter() - start)
            if times[-1] > 10:
                break  # one slow run is enough to know
        print(json.dumps({"name": path.stem, "median": statistics.median(times) if times else None,
                          "rows": rows, "note": note}), flush=True)


def child(args: list[str], mem_gb: float, timeout: float) -> tuple[list[dict], str]:
    try:
        run = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, timeout=timeout,
                             preexec_fn=lambda: _limit(mem_gb), check=False)
    except subprocess.TimeoutExpired:
        return [], f"> {timeout:.0f} s"
    if run.returncode:
        last = (run.stderr.strip().splitlines() or ["?"])[-1]
        return [], f"failed ({'memory cap' if 'memory' in run.stderr.lower() else last[:60]})"
    return [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")], ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--out", default="/tmp/archive-graph-bench")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--mem-gb", type=float, default=4.0)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        kind, *rest = args.worker
        if kind == "oxigraph":
            worker_oxigraph(rest[0], Path(rest[1]).read_text(encoding="utf-8"), int(rest[2]))
        else:
            worker_rdflib(rest[0], int(rest[1]), int(rest[2]))
        return
    print(machine())
    from graph.pipeline import build

    start = time.perf_counter()
    report = build([args.corpus], out_dir=args.out, view=False, queries_dir=None)
    out = Path(args.out)
    print(f"corpus: {report.records} records built in {time.perf_counter() - start:.1f} s "
          f"({report.reused} from the cache); store {out / 'store'}")
    store: dict[str, tuple[float | None, int, str]] = {}
    for path in sorted(QUERIES.glob("*.rq")):
        found, note = child(["--worker", "oxigraph", str(out / "store"), str(path), str(args.runs)],
                            args.mem_gb, args.timeout)
        store[path.stem] = (found[0]["median"], found[0]["rows"], "") if found else (None, 0, note)
        median, rows, snote = store[path.stem]
        print(f"store: {path.stem:<14} {f'{median * 1000:.1f} ms' if median is not None else snote}, {rows} rows",
              flush=True)
    found, note = child(["--worker", "rdflib", str(out / "graph.trig"), str(min(args.runs, 3)),
                         str(int(args.timeout))], max(args.mem_gb, 8.0), args.timeout * 12)
    if found:
        print(f"rdflib: loaded {found[0]['triples']} triples in {found[0]['load']:.1f} s, {found[0]['rss']:.0f} MB")
    memory = {row["name"]: row for row in found[1:]}
    print(f"{'query':<14} {'store ms':>9} {'rows':>6} {'rdflib ms':>10} {'rows':>6} {'ratio':>7}")
    for name, (median, rows, snote) in store.items():
        other = memory.get(name, {"median": None, "rows": 0, "note": note or "not run"})
        ms = f"{median * 1000:.1f}" if median is not None else snote
        rms = f"{other['median'] * 1000:.0f}" if other["median"] is not None else other["note"]
        ratio = f"{other['median'] / median:.2g}x" if median and other["median"] else "-"
        print(f"{name:<14} {ms:>9} {rows:>6} {rms:>10} {other['rows']:>6} {ratio:>7}", flush=True)


if __name__ == "__main__":
    main()
