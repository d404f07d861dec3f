"""The view stage without a browser: RDF -> networkx, and the raw HTML (escaping, no URLs, bytes)."""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from pathlib import Path

import pytest
import rdflib

from graph.view import html as view_html
from graph.view import layout, render_html, to_networkx, write_view
from graph.view.sample import synthetic_dataset

DATA = Path(__file__).parent / "data" / "view"
ID = "https://w3id.org/archive-graph/id/"
KOSYGIN = ID + "person/frus-kosygin-aleksei"
MIG_REQUEST = ID + "record/wilson-58025/request/82-152-1"
HOSTILE_STRINGS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"href" <a href="javascript:alert(1)">click</a>',
    "</script><script>alert(2)</script>",
    "</title><script>alert(5)</script>",
)
LOOPBACK = re.compile(r"^https?://(localhost|127\.\d+\.\d+\.\d+|\[::1\])([:/]|$)", re.I)


def load(name: str) -> rdflib.Dataset:
    ds = rdflib.Dataset()
    ds.parse(DATA / f"{name}.trig", format="trig")
    return ds


def payload(page: str) -> dict:
    """The JSON the page reads, exactly as the browser's JSON.parse would see it."""
    match = re.search(r'<script type="application/json" id="ag-data">(.*?)</script>', page, re.S)
    assert match, "no data block"
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def small() -> rdflib.Dataset:
    return load("small")


@pytest.fixture(scope="module")
def small_page(small: rdflib.Dataset) -> str:
    return render_html(to_networkx(small), title="Small <fixture> & co")


@pytest.fixture(scope="module")
def hostile_page() -> str:
    return render_html(to_networkx(load("hostile")), title="<script>alert(9)</script>")


def test_nodes_by_kind_and_nothing_else(small: rdflib.Dataset) -> None:
    g = to_networkx(small)
    kinds = Counter(d["kind"] for _, d in g.nodes(data=True))
    assert kinds == {"record": 2, "person": 4, "organization": 3, "country": 2, "place": 2,
                     "item": 3, "request": 3, "proposal": 2}
    assert not [n for n in g if "/anno/" in n or "/turn/" in n or n.endswith("/meeting")]


def test_edges_by_label(small: rdflib.Dataset) -> None:
    g = to_networkx(small)
    labels = Counter(d["label"] for _, _, d in g.edges(data=True))
    assert labels == {"mentioned in": 21, "attended": 5, "spoke in": 5, "from": 5, "requested": 3, "to": 3,
                      "member of": 2, "on behalf of": 2, "proposed venue": 2, "part of": 1}
    brezhnev, record = ID + "person/frus-brezhnev-leonid", ID + "record/wilson-58025"
    assert g.edges[brezhnev, record, "spoke in"]["count"] == 3
    assert g.has_edge(MIG_REQUEST, ID + "item/mig-21", "requested")
    assert g.has_edge(MIG_REQUEST, ID + "org/vwp-politburo", "on behalf of")


def test_node_attributes(small: rdflib.Dataset) -> None:
    node = to_networkx(small).nodes[KOSYGIN]
    assert node["label"] == "Alexei Kosygin"
    assert node["aliases"] == ["A. N. Kosygin", "Comrade Kosygin", "Kosygin"]
    assert node["ids"] == [{"label": "Wikidata Q8021", "url": "http://www.wikidata.org/entity/Q8021"}]
    assert [(e["quote"], e["date"]) for e in node["evidence"]] == [("A. N. Kosygin", "1966-12-16"),
                                                                   ("KOSYGIN", "1967-02-10")]
    assert node["evidence"][1]["title"] == "Memorandum of a Conversation with Comrade Kosygin"
    assert node["records"] == [ID + "record/wilson-58025", ID + "record/wilson-60001"]


def test_request_evidence_and_details(small: rdflib.Dataset) -> None:
    node = to_networkx(small).nodes[MIG_REQUEST]
    assert node["kind"] == "request" and node["label"] == "request: MiG-21 fighter regiment"
    assert node["evidence"][0]["quote"] == "On behalf of our Politburo we ask for one regiment of MiG-21 fighters."
    assert ["quantity", "one regiment"] in node["details"]


def test_only_http_ids_are_linked() -> None:
    node = to_networkx(load("hostile")).nodes[ID + "person/hostile-img"]
    urls = [ref["url"] for ref in node["ids"]]
    assert urls == ["https://sws.geonames.org/1/%22%3E%3Cimg%20src=x%20onerror=alert(3)%3E"]


def test_page_counts_match_graph(small: rdflib.Dataset, small_page: str) -> None:
    g = to_networkx(small)
    data = payload(small_page)
    assert len(data["nodes"]) == g.number_of_nodes() == len(data["details"])
    assert len(data["edges"]) == g.number_of_edges()
    assert {n["id"] for n in data["nodes"]} == set(g.nodes)
    assert data["options"]["physics"]["enabled"] is False
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])


def test_no_external_urls(small_page: str) -> None:
    attrs = re.findall(r"""\b(?:src|href|action|poster|data)\s*=\s*["']?\s*([a-z][a-z0-9+.-]*:[^"'\s>]*)""",
                       small_page, re.I)
    css = re.findall(r"""(?:url\(\s*["']?|@import\s+["'])\s*([a-z][a-z0-9+.-]*:[^"')\s]*)""", small_page, re.I)
    remote = [u for u in attrs + css if not u.startswith("data:") and not LOOPBACK.match(u)]
    assert remote == []
    assert not re.search(r"<(link|iframe|img|object|embed|base)\b", small_page, re.I)
    assert not re.search(r"<script[^>]*\bsrc\s*=", small_page, re.I)
    assert "bootstrap" not in small_page.lower()


def test_hostile_text_never_appears_as_markup(hostile_page: str) -> None:
    for bad in (*HOSTILE_STRINGS, "<img src=x", "onerror=alert(3)>", "{{title}} & </title>"):
        assert bad not in hostile_page, bad
    assert "<title>&lt;script&gt;alert(9)&lt;/script&gt;</title>" in hostile_page
    assert "\u2028" not in hostile_page and "\u2029" not in hostile_page
    vis_js = (view_html.VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8")
    assert hostile_page.count(vis_js) == 1
    without_vis = hostile_page.replace(vis_js, "")
    assert len(re.findall(r"<script\b", without_vis, re.I)) == 3  # data, vis-network, view.js


def test_hostile_text_survives_the_round_trip(hostile_page: str) -> None:
    data = payload(hostile_page)
    strings = json.dumps(data, ensure_ascii=False)
    for text in HOSTILE_STRINGS:
        assert text.replace('"', '\\"') in strings, text
    assert any("\u2028" in q["quote"] for d in data["details"].values() for q in d["evidence"])


def test_script_json_escapes() -> None:
    text = view_html.script_json({"a": "</script><!-- & \u2028\u2029 >"})
    assert text == '{"a":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029 \\u003e"}'
    assert json.loads(text) == {"a": "</script><!-- & \u2028\u2029 >"}


def test_deterministic_bytes(tmp_path: Path) -> None:
    first = write_view(load("small"), tmp_path / "a.html", title="t").read_bytes()
    second = write_view(load("small"), tmp_path / "b.html", title="t").read_bytes()
    assert first == second


def test_write_view_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "view.html"
    target.write_text("old page")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_view(load("small"), target, title="t")
    assert target.read_text() == "old page"
    assert [p.name for p in tmp_path.iterdir()] == ["view.html"]
    monkeypatch.undo()
    write_view(load("small"), target, title="t")
    assert target.read_text().startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["view.html"]
    assert target.stat().st_mode & 0o044  # readable by others, not mkstemp's 0600


def test_assets_that_could_close_their_element_are_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.js"
    bad.write_text('var s = "</SCRIPT>";')
    with pytest.raises(ValueError, match="cannot be inlined"):
        view_html._asset(bad, "</script")


def test_vis_network_comes_from_pyvis() -> None:
    assert view_html.VIS_DIR.joinpath("vis-network.min.js").is_file()
    assert "@version 9.1.2" in view_html.VIS_DIR.joinpath("vis-network.min.js").read_text()[:400]


def test_large_layout_is_deterministic_and_spread() -> None:
    g = to_networkx(synthetic_dataset(1200))
    assert g.number_of_nodes() > layout.SMALL
    first, second = layout.positions(g), layout.positions(g)
    assert first == second and set(first) == set(g.nodes)
    assert len(set(first.values())) > 0.95 * len(first)  # hardly any two nodes on the same spot


def test_layout_without_numpy(monkeypatch: pytest.MonkeyPatch, small: rdflib.Dataset) -> None:
    def no_numpy(simple: object) -> None:
        raise ImportError("numpy")

    monkeypatch.setattr(layout, "_spring", no_numpy)
    with pytest.warns(RuntimeWarning, match="numpy"):
        pos = layout.positions(to_networkx(small))
    assert len(pos) == 21 and len(set(pos.values())) == 21


def test_empty_graph_renders() -> None:
    data = payload(render_html(to_networkx(rdflib.Dataset()), title="empty"))
    assert data["nodes"] == [] and data["edges"] == [] and data["records"] == []


def test_cli_view(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from graph.cli import main

    out = tmp_path / "network.html"
    assert main(["view", str(DATA / "small.trig"), "--out", str(out), "--title", "Small"]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert len(payload(out.read_text(encoding="utf-8"))["nodes"]) == 21
    assert main(["view", str(tmp_path / "missing.trig"), "--out", str(out)]) == 2
