"""Node positions, computed once in Python so the page never runs a physics simulation.

Deterministic: the same graph gives the same positions (fixed seed, sorted nodes, rounded
coordinates), so the same input gives a byte-identical HTML file.

- up to ``SMALL`` nodes: networkx's ``spring_layout`` (Fruchterman-Reingold, dense numpy solver);
- larger graphs: ``spring_layout`` on a skeleton of the ``SKELETON`` best-connected nodes, then
  every other node is placed, in breadth-first order, on a small golden-angle spiral around the
  mean of its already placed neighbours: O(nodes + edges), about a second for 5,000 nodes;
- without numpy (networkx's layouts need it): a golden-angle spiral, so the view still works.
"""

from __future__ import annotations

import math
import warnings
from collections import deque

import networkx as nx

SMALL = 400
SKELETON = 250
SEED = 1966
_GOLDEN = math.pi * (3 - math.sqrt(5))

Positions = dict[str, tuple[float, float]]


def positions(g: nx.MultiDiGraph, *, spacing: float = 170.0) -> Positions:
    """Pixel positions for every node, centred on the origin, about ``spacing`` px apart."""
    simple = _simple(g)
    n = simple.number_of_nodes()
    if n == 0:
        return {}
    scale = spacing * math.sqrt(n) / 2
    try:
        raw = _spring(simple) if n <= SMALL else _skeleton(simple)
    except ImportError:  # no numpy: networkx cannot lay out
        warnings.warn("numpy is not installed, so the network view falls back to a spiral layout",
                      RuntimeWarning, stacklevel=2)
        raw = _spiral(sorted(simple, key=_order_key(simple)))
    return {node: (round(x * scale, 1), round(y * scale, 1)) for node, (x, y) in raw.items()}


def _simple(g: nx.MultiDiGraph) -> nx.Graph:
    """Undirected, one edge per pair, nodes and edges inserted in sorted order."""
    simple = nx.Graph()
    simple.add_nodes_from(sorted(g.nodes))
    simple.add_edges_from(sorted({tuple(sorted((u, v))) for u, v in g.edges() if u != v}))
    return simple


def _order_key(simple: nx.Graph):
    return lambda node: (-simple.degree(node), node)


def _spring(simple: nx.Graph) -> Positions:
    """Force-directed layout, normalised into [-1, 1]."""
    n = simple.number_of_nodes()
    k = 2.0 / math.sqrt(n)  # a little more room than networkx's default 1/sqrt(n)
    pos = nx.spring_layout(simple, k=k, iterations=120, seed=SEED)
    return _normalise({node: (float(x), float(y)) for node, (x, y) in pos.items()})


def _skeleton(simple: nx.Graph) -> Positions:
    """Spring layout of the best-connected nodes, then the rest placed near their neighbours."""
    ranked = sorted(simple, key=_order_key(simple))
    core = simple.subgraph(ranked[:SKELETON]).copy()
    placed = _spring(core)
    ring = 1.0 / math.sqrt(SKELETON)
    queue = deque(ranked[:SKELETON])
    children: dict[str, int] = {}
    while queue:
        parent = queue.popleft()
        for node in sorted(simple[parent]):
            if node in placed:
                continue
            placed[node] = _near(placed, simple, node, parent, children, ring)
            queue.append(node)
    rest = [node for node in ranked if node not in placed]  # components without a skeleton node
    for node, (x, y) in _spiral(rest, radius=0.6).items():
        placed[node] = (x * 0.4 + 1.5, y * 0.4)
    return _normalise(placed)


def _near(placed: Positions, simple: nx.Graph, node: str, parent: str, children: dict[str, int],
          ring: float) -> tuple[float, float]:
    """A spot on a golden-angle spiral around the mean of the node's placed neighbours."""
    anchors = [placed[other] for other in simple[node] if other in placed] or [placed[parent]]
    cx = sum(x for x, _ in anchors) / len(anchors)
    cy = sum(y for _, y in anchors) / len(anchors)
    i = children.get(parent, 0) + 1
    children[parent] = i
    r = ring * (0.35 + 0.12 * math.sqrt(i))
    return cx + r * math.cos(i * _GOLDEN), cy + r * math.sin(i * _GOLDEN)


def _spiral(nodes: list[str], *, radius: float = 1.0) -> Positions:
    count = max(len(nodes), 1)
    return {node: (radius * math.sqrt((i + 0.5) / count) * math.cos(i * _GOLDEN),
                   radius * math.sqrt((i + 0.5) / count) * math.sin(i * _GOLDEN))
            for i, node in enumerate(nodes)}


def _normalise(pos: Positions) -> Positions:
    if not pos:
        return pos
    xs = [x for x, _ in pos.values()]
    ys = [y for _, y in pos.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    half = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9) / 2
    return {node: ((x - cx) / half, (y - cy) / half) for node, (x, y) in pos.items()}
