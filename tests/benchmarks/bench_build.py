"""Corpus build time and peak RSS for 1x, 2x and 4x the corpus (copies with new record ids).

    .venv/bin/python tests/benchmarks/bench_build.py [CORPUS] [--scales 1 2 4] [--jobs N]

Each scale is built cold (empty output folder, no cache) with ``archive-graph build CORPUS --out
TMP --no-view --no-queries`` (store + graph.trig), then rebuilt with nothing changed (every record
from the cache). Copies beyond the first are the DFAT records (1,476 of the corpus's files) with
``doc_num`` shifted, so every copy is a new record; the other formats' files are not copied.
Peak RSS is summed over the build process and its worker processes (sampled every 0.1 s).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import PeakRSS, machine  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
DOC_NUM = re.compile(r"^doc_num: (\d+)$", re.MULTILINE)


def scaled_corpus(corpus: Path, scale: int, into: Path) -> tuple[int, int]:
    """``scale`` copies of ``corpus`` under ``into``; (files, bytes)."""
    shutil.copytree(corpus, into / "copy0")
    for copy in range(1, scale):
        for path in corpus.rglob("*.md"):
            text = path.read_text(encoding="utf-8")
            if not DOC_NUM.search(text):
                continue
            target = into / f"copy{copy}" / path.relative_to(corpus)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(DOC_NUM.sub(lambda m, c=copy: f"doc_num: {c * 100000 + int(m.group(1))}", text),
                              encoding="utf-8")
    files = [p for p in into.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def timed_build(source: Path, out: Path, jobs: int | None) -> tuple[float, float, str]:
    cmd = [str(ROOT / ".venv" / "bin" / "archive-graph"), "build", str(source), "--out", str(out),
           "--no-view", "--no-queries", "--quiet"] + (["--jobs", str(jobs)] if jobs else [])
    start = time.perf_counter()
    process = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    sampler = PeakRSS(process.pid)
    stdout, _ = process.communicate()
    seconds = time.perf_counter() - start
    return seconds, sampler.stop(), stdout.split(";")[0].strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--jobs", type=int)
    args = parser.parse_args()
    print(machine())
    print(f"{'scale':>5}  {'files':>6}  {'MB':>6}  {'cold s':>7}  {'peak MB':>8}  {'rebuild s':>9}  records")
    base = None
    for scale in args.scales:
        with tempfile.TemporaryDirectory() as tmp:
            files, size = scaled_corpus(Path(args.corpus), scale, Path(tmp) / "in")
            cold, peak, built = timed_build(Path(tmp) / "in", Path(tmp) / "out", args.jobs)
            warm, _, _ = timed_build(Path(tmp) / "in", Path(tmp) / "out", args.jobs)
        base = base or cold / scale
        print(f"{scale:>5}  {files:>6}  {size / 1e6:>6.1f}  {cold:>7.1f}  {peak:>8.0f}  {warm:>9.1f}  {built}"
              f"   ({cold / base / scale:.2f}x per unit of 1x)", flush=True)


if __name__ == "__main__":
    main()
