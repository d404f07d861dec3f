"""networkx -> one self-contained, offline HTML page (vis-network, drawn by pyvis's data model).

pyvis builds the network: its ``Node``/``Edge`` classes make the vis-network node and edge
objects and ``Network.get_network_data()`` gives them and the options, exactly as pyvis would
hand them to its own template. The page itself is this package's ``template.html`` rather than
pyvis's, because pyvis's template cannot be used safely offline:

- ``cdn_resources="in_line"`` still links bootstrap (css and js) from a CDN;
- a node ``title`` containing "href" switches pyvis to a tooltip set through ``innerHTML``, so
  document text in a tooltip would run as markup;
- ``heading=`` is written into the page unescaped.

So here: vis-network's js and css are inlined from the copy pyvis ships (no URL at all);
the page title is HTML-escaped; every string from a document travels as JSON inside
``<script type="application/json">`` with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped, and
``view.js`` puts it in the DOM only with ``textContent`` (tooltips are plain strings, which
vis-network 9 writes with ``innerText``; labels are drawn on the canvas). Link-outs are only
http(s) ``owl:sameAs`` IRIs, checked again in the page before they become an ``href``.
"""

from __future__ import annotations

import html
import json
import math
import os
import re
import tempfile
from collections import Counter
from pathlib import Path

import networkx as nx
import pyvis
import rdflib
from pyvis.edge import Edge
from pyvis.network import Network
from pyvis.node import Node

from graph.view.layout import positions
from graph.view.network import KINDS, to_networkx

HERE = Path(__file__).parent
VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
# Above LARGE nodes: straight edges, no hover highlight, edges hidden while dragging or zooming and
# the most numerous relation ("mentioned in") off at first: each canvas frame then stays short.
LARGE = 1000
OFF_WHEN_LARGE = ("mentioned in",)

STYLE: dict[str, dict[str, str]] = {
    "person": {"shape": "dot", "color": "#4e79a7", "name": "person"},
    "organization": {"shape": "hexagon", "color": "#f28e2b", "name": "party / organisation"},
    "country": {"shape": "triangle", "color": "#59a14f", "name": "country"},
    "place": {"shape": "triangleDown", "color": "#8cd17d", "name": "place"},
    "record": {"shape": "box", "color": "#d9c8ec", "name": "record"},
    "request": {"shape": "diamond", "color": "#e15759", "name": "request"},
    "proposal": {"shape": "star", "color": "#edc948", "name": "venue proposal"},
    "item": {"shape": "square", "color": "#9c755f", "name": "item"},
    "other": {"shape": "dot", "color": "#bab0ac", "name": "other"},
}
EDGE_COLOURS: dict[str, str] = {
    "attended": "#4e79a7", "spoke in": "#2c5d8f", "member of": "#f28e2b", "part of": "#f28e2b",
    "from": "#e15759", "on behalf of": "#e15759", "to": "#b8433f", "requested": "#9c755f",
    "proposed venue": "#c9a800", "item type": "#9c755f", "mentioned in": "#c8c8c8",
}
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def write_view(ds: rdflib.Dataset | rdflib.Graph, path: str | os.PathLike[str], *,
               title: str = "archive-graph: network view") -> Path:
    """Render ``ds`` and write it atomically (temp file in the same folder, then ``os.replace``)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    page = render_html(to_networkx(ds), title=title)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(page)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the usual file mode
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def render_html(g: nx.MultiDiGraph, *, title: str) -> str:
    """The whole page as one string: same graph and title -> same bytes."""
    net = pyvis_network(g)
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    payload = {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options),
        "details": {node: _details(attrs) for node, attrs in g.nodes(data=True)},
        "records": _records(g),
        "relations": _relations(edges, large=g.number_of_nodes() > LARGE),
        "style": _legend(g),
    }
    parts = {
        "TITLE": html.escape(title, quote=True),
        "CSS": _asset(VIS_DIR / "vis-network.css", "</style") + "\n" + _asset(HERE / "view.css", "</style"),
        "VIS": _asset(VIS_DIR / "vis-network.min.js", "</script"),
        "DATA": script_json(payload),
        "JS": _asset(HERE / "view.js", "</script"),
    }
    template = (HERE / "template.html").read_text(encoding="utf-8")
    return re.sub(r"@@AG_([A-Z]+)@@", lambda m: parts[m.group(1)], template)


def script_json(value: object) -> str:
    """JSON that is safe inside ``<script type="application/json">`` (and as a JS literal)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group(0)], text)


def pyvis_network(g: nx.MultiDiGraph) -> Network:
    """The pyvis network: positions fixed, physics off.

    Nodes and edges are made with pyvis's ``Node``/``Edge`` classes and appended directly:
    ``Network.add_node``/``add_edge`` check ids against a list (quadratic time), too slow for a
    corpus of thousands of nodes; the objects are the same.
    """
    large = g.number_of_nodes() > LARGE
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    net.options = _options(large)
    pos = positions(g)
    for node, attrs in sorted(g.nodes(data=True)):
        style = STYLE[str(attrs["kind"])]
        x, y = pos[node]
        opts = {"title": _tooltip(attrs), "color": style["color"], "x": x, "y": y}
        if style["shape"] != "box":
            opts["size"] = round(10 + min(14.0, 2 * math.sqrt(g.degree(node))), 1)
        net.nodes.append(Node(node, style["shape"], label=_short(str(attrs["label"])), **opts).options)
        net.node_ids.append(node)
    for i, (u, v, attrs) in enumerate(sorted(g.edges(data=True), key=_edge_key)):
        net.edges.append(Edge(u, v, directed=True, **_edge_opts(g, i, u, v, attrs, large)).options)
    return net


def _options(large: bool) -> dict[str, object]:
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 0},
        "interaction": {"hover": not large, "tooltipDelay": 150, "hideEdgesOnDrag": large,
                        "hideEdgesOnZoom": large, "multiselect": False},
        "nodes": {"font": {"size": 14, "face": "sans-serif"}, "borderWidth": 1},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "font": {"size": 10, "align": "middle", "color": "#444", "strokeWidth": 3},
            "smooth": False if large else {"enabled": True, "type": "curvedCW", "roundness": 0.0},
            "width": 1,
        },
    }


def _edge_key(edge: tuple[str, str, dict[str, object]]) -> tuple[str, str, str]:
    u, v, attrs = edge
    return (u, v, str(attrs["label"]))


def _edge_opts(g: nx.MultiDiGraph, i: int, u: str, v: str, attrs: dict[str, object],
               large: bool) -> dict[str, object]:
    label = str(attrs["label"])
    shown = f"{label} ×{attrs['count']}" if int(attrs.get("count", 1)) > 1 else label
    opts: dict[str, object] = {"id": f"e{i}", "label": shown, "title": shown, "relation": label,
                               "color": EDGE_COLOURS.get(label, "#888888")}
    if large and label in OFF_WHEN_LARGE:
        opts["hidden"] = True
    if not large:  # fan out parallel edges between the same two nodes
        pairs = ((u, v), (v, u))
        siblings = sorted((a, b, str(key)) for a, b in pairs for key in g.get_edge_data(a, b) or {})
        if len(siblings) > 1:
            step = siblings.index((u, v, label))
            opts["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": round(0.15 * step, 2)}
    return opts


def _short(label: str, limit: int = 36) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _tooltip(attrs: dict[str, object]) -> str:
    """A short plain-text tooltip (vis-network 9 sets string titles with innerText)."""
    lines = [f"{STYLE[str(attrs['kind'])]['name']}: {attrs['label']}"]
    if attrs.get("date"):
        lines.append(str(attrs["date"]))
    evidence = attrs.get("evidence") or []
    if evidence:
        lines.append(f"{len(evidence)} quote{'s' if len(evidence) != 1 else ''} - click for details")
    return "\n".join(lines)


def _details(attrs: dict[str, object]) -> dict[str, object]:
    keys = ("kind", "label", "aliases", "ids", "evidence", "records", "details", "date")
    return {key: attrs[key] for key in keys if key in attrs}


def _relations(edges: list[dict[str, object]], *, large: bool) -> list[dict[str, object]]:
    """Each relation drawn, with its colour, count and whether it is shown when the page opens."""
    counts = Counter(str(e["relation"]) for e in edges)
    return [{"label": label, "color": EDGE_COLOURS.get(label, "#888888"), "count": counts[label],
             "on": not (large and label in OFF_WHEN_LARGE)} for label in sorted(counts)]


def _legend(g: nx.MultiDiGraph) -> list[dict[str, str]]:
    """The kinds present, in the fixed order of ``KINDS``, with their shape, colour and name."""
    present = {d["kind"] for _, d in g.nodes(data=True)}
    return [{"kind": kind, **STYLE[kind]} for kind in KINDS if kind in present]


def _records(g: nx.MultiDiGraph) -> list[dict[str, str]]:
    rows = [{"id": node, "title": str(d["label"]), "date": str(d.get("date", ""))}
            for node, d in g.nodes(data=True) if d["kind"] == "record"]
    return sorted(rows, key=lambda r: (r["date"], r["title"], r["id"]))


def _asset(path: Path, closing_tag: str) -> str:
    """A file to inline; refuse one that could end its own <script>/<style> element early."""
    text = path.read_text(encoding="utf-8")
    if closing_tag in text.lower() or "<!--" in text:
        raise ValueError(f"{path.name} cannot be inlined safely: it contains {closing_tag!r} or '<!--'")
    return text
