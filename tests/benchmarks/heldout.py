"""Held-out score (not a test): every ``tests/gold/*.json`` against its record, built with the real CLI.

    .venv/bin/python tests/benchmarks/heldout.py [--scorer PATH] [--gold-dir DIR] [--json] [-v]

For each gold file: find its record (``document.file``) in ``tests/data/records/`` (top level first,
then any subfolder), run ``archive-graph build FILE --out TMP --no-view --no-queries``, take the
``schema:text`` of the record whose ``schema:identifier`` is the gold ``record_id`` and pass it to the
scorer as ``--text``, then run the scorer (``/work/shared/eval/score.py`` when it exists, else
``--scorer``) with ``--json``. Prints one row per record (overall F1 and each category's F1) and the
mean. Categories a gold file omits are shown as "-".
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from rdflib import Dataset, Literal, Namespace

ROOT = Path(__file__).resolve().parents[2]
SHARED_SCORER = Path("/work/shared/eval/score.py")
SDO = Namespace("https://schema.org/")
COLUMNS = [  # (score.py category, short column name)
    ("persons", "pers"),
    ("organizations", "orgs"),
    ("countries", "ctry"),
    ("places", "plc"),
    ("attendees", "att"),
    ("speaker turns", "turns"),
    ("requests", "req"),
    ("venue proposals (proposer+venue)", "venP"),
    ("proposed venues (distinct)", "venD"),
    ("record metadata", "meta"),
    ("evidence quotes", "evid"),
]


def find_record(name: str, records: Path) -> Path | None:
    direct = records / name
    if direct.is_file():
        return direct
    found = sorted(records.rglob(name))
    return found[0] if found else None


def cli() -> list[str]:
    exe = Path(sys.executable).with_name("archive-graph")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "graph"]


def record_text(graph_file: Path, record_id: str) -> str | None:
    ds = Dataset(default_union=True)
    ds.parse(str(graph_file), format="trig")
    for doc in ds.subjects(SDO.identifier, Literal(record_id)):
        for text in ds.objects(doc, SDO.text):
            return str(text)
    return None


def score_one(gold_path: Path, records: Path, scorer: Path, work: Path) -> dict:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    meta = gold["document"]
    row: dict = {"gold": gold_path.stem, "record_id": meta.get("record_id")}
    source = find_record(meta["file"], records)
    if source is None:
        return {**row, "error": f"record file {meta['file']} not found under {records}"}
    out = work / gold_path.stem
    build = subprocess.run([*cli(), "build", str(source), "--out", str(out), "--no-view", "--no-queries"],
                           capture_output=True, text=True, cwd=ROOT, check=False)
    graph_file = out / "graph.trig"
    if build.returncode or not graph_file.exists():
        return {**row, "error": f"build failed: {(build.stderr or build.stdout).strip()[-300:]}"}
    text = record_text(graph_file, meta.get("record_id", ""))
    cmd = [sys.executable, str(scorer), str(graph_file), "--gold", str(gold_path), "--json"]
    if text is not None:
        text_file = out / "text.txt"
        text_file.write_text(text, encoding="utf-8")
        cmd += ["--text", str(text_file)]
    else:
        row["warning"] = "no schema:text for the record id; scored without --text"
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if result.returncode:
        return {**row, "error": f"scorer failed: {(result.stderr or result.stdout).strip()[-300:]}"}
    scores = json.loads(result.stdout)
    row["overall"] = scores["overall_f1"]
    row["categories"] = {s["category"]: s for s in scores["scores"]}
    return row


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scorer", type=Path, help="score.py to use when /work/shared/eval/score.py is absent")
    ap.add_argument("--gold-dir", type=Path, default=ROOT / "tests" / "gold")
    ap.add_argument("--records", type=Path, default=ROOT / "tests" / "data" / "records")
    ap.add_argument("--json", action="store_true", help="print every score as JSON")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and spurious entries")
    args = ap.parse_args(argv)
    scorer = SHARED_SCORER if SHARED_SCORER.exists() else args.scorer
    if scorer is None or not Path(scorer).exists():
        ap.error("no scorer: /work/shared/eval/score.py is absent; give --scorer PATH")
    golds = sorted(args.gold_dir.glob("*.json"))
    work = Path(tempfile.mkdtemp(prefix="heldout-"))
    try:
        rows = [score_one(g, args.records, Path(scorer), work) for g in golds]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    scored = [r for r in rows if "overall" in r]
    mean = sum(r["overall"] for r in scored) / len(scored) if scored else 0.0
    if args.json:
        print(json.dumps({"scorer": str(scorer), "rows": rows, "mean_overall_f1": round(mean, 3)}, indent=1))
        return 0
    header = f"{'record':24} {'F1':>5} " + " ".join(f"{short:>5}" for _, short in COLUMNS)
    print(header)
    for r in rows:
        if "error" in r:
            print(f"{r['gold']:24} error: {r['error']}")
            continue
        cells = []
        for category, _ in COLUMNS:
            s = r["categories"].get(category)
            cells.append(f"{s['f1']:5.2f}" if s else f"{'-':>5}")
        print(f"{r['gold']:24} {r['overall']:5.2f} " + " ".join(cells))
        if args.verbose:
            for category, s in r["categories"].items():
                for m in s["missed"]:
                    print(f"      {category} missed:   {m}")
                for m in s["spurious"]:
                    print(f"      {category} spurious: {m}")
        if r.get("warning"):
            print(f"      warning: {r['warning']}")
    print(f"{'mean':24} {mean:5.2f}   ({len(scored)} records; scorer {scorer}; {os.cpu_count()} cores)")
    print("columns: " + ", ".join(f"{short} = {cat}" for cat, short in COLUMNS))
    return 0 if len(scored) == len(rows) else 1


if __name__ == "__main__":
    sys.exit(main())
