"""Benchmark of the network view (not a test): build time, file size, first paint and time to a
stable layout in headless Chromium, and how long a filter, a search and a zoom frame take,
for the fixture graph, the real seed build (out/graph.trig, when present) and a generated corpus.

    .venv/bin/python tests/benchmarks/bench_view.py [--nodes 5000] [--runs 3]
        [--screenshot out/view-seed.png [--select Kosygin]]

First paint = navigation start -> vis-network's first ``afterDrawing``; FCP = the browser's
first-contentful-paint; stable = when the layout stops moving (physics is off, so the first draw).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
MEASURE = """async () => {
  const t = agView.timings, paint = performance.getEntriesByName('first-contentful-paint')[0];
  const zoom = await new Promise(done => { const s = performance.now();
    network.once('afterDrawing', () => done(performance.now() - s));
    network.moveTo({scale: network.getScale() * 1.2}); });
  let s = performance.now(); document.querySelector('#ag-kinds input').click(); const filter = performance.now() - s;
  s = performance.now(); agView.search('1'); const search = performance.now() - s;
  return {firstPaint: t.firstDraw, stable: t.stable, fcp: paint ? paint.startTime : null, zoomFrame: zoom,
          filter: filter, search: search};
}"""


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "?")
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{platform.platform()}; {cpu}; {os.cpu_count()} cores; {mem:.0f} GiB; "
            f"Python {platform.python_version()}")


def build(name: str, ds, folder: Path) -> tuple[Path, dict[str, float]]:
    from graph.view import render_html, to_networkx

    t0 = time.perf_counter()
    g = to_networkx(ds)
    t1 = time.perf_counter()
    page = render_html(g, title=f"archive-graph: {name}")
    t2 = time.perf_counter()
    path = folder / f"{name}.html"
    path.write_text(page, encoding="utf-8")
    return path, {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "to_networkx_s": t1 - t0,
                  "render_s": t2 - t1, "size_mb": len(page.encode()) / 1e6}


def measure(browser, path: Path, runs: int, screenshot: Path | None = None, select: str = "") -> dict[str, float]:
    rows = []
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                      else route.abort())
        page = context.new_page()
        page.goto(path.as_uri())
        page.wait_for_function("window.agView && agView.timings.stable", timeout=120_000)
        if screenshot is not None:
            shoot(page, screenshot, select)
            screenshot = None
        rows.append(page.evaluate(MEASURE))
        context.close()
    return {key: statistics.median(r[key] for r in rows) for key in rows[0] if rows[0][key] is not None}


def shoot(page, path: Path, select: str) -> None:
    """Screenshot, with the first node found by ``select`` (if any) chosen and its panel open."""
    if select:
        page.evaluate("q => { const hit = agView.search(q)[0]; if (hit) agView.selectNode(hit.id); }", select)
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path))


def cases(nodes: int) -> list[tuple[str, object]]:
    import rdflib

    from graph.view.sample import synthetic_dataset

    out = []
    for name, path in (("fixture", ROOT / "tests/data/view/small.trig"), ("seed", ROOT / "out/graph.trig")):
        if path.exists():
            ds = rdflib.Dataset()
            ds.parse(path, format="trig")
            out.append((name, ds))
    out.append((f"corpus-{nodes}", synthetic_dataset(nodes)))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=5000, help="size of the generated corpus (default 5000)")
    parser.add_argument("--runs", type=int, default=3, help="page loads per graph; the median is shown")
    parser.add_argument("--screenshot", type=Path, help="save the seed view (or the fixture's) as PNG")
    parser.add_argument("--select", default="Kosygin", help="node to open in the screenshot (search text)")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from playwright.sync_api import sync_playwright

    graphs = cases(args.nodes)
    shot_of = "seed" if any(name == "seed" for name, _ in graphs) else "fixture"
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=args.chromium, args=ARGS)
        print(f"machine: {machine()}; Chromium {browser.version} headless")
        for name, ds in graphs:
            path, built = build(name, ds, Path(tmp))
            shot = args.screenshot if name == shot_of else None
            timed = measure(browser, path, args.runs, shot, args.select)
            print(f"{name}: {built['nodes']} nodes, {built['edges']} edges, {built['size_mb']:.1f} MB; "
                  f"to_networkx {built['to_networkx_s']:.2f} s, render {built['render_s']:.2f} s; "
                  f"first paint {timed['firstPaint']:.0f} ms, FCP {timed.get('fcp', float('nan')):.0f} ms, "
                  f"stable {timed['stable']:.0f} ms; zoom frame {timed['zoomFrame']:.0f} ms, "
                  f"type filter {timed['filter']:.0f} ms, search {timed['search']:.1f} ms "
                  f"(median of {args.runs})")
        browser.close()
    if args.screenshot:
        print(f"screenshot of the {shot_of} view: {args.screenshot}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
