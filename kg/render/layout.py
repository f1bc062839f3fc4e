"""Seeded node positions computed in Python, so pages open with physics off and draw at once.

Measured on this machine (2 cores, see docs/benchmarks.md): networkx ``spring_layout`` is fast below 500 nodes
(its dense NumPy code) but switches to a slower per-node loop above (2.8 s at 1k, 7.7 s at 2k); the same
Fruchterman-Reingold steps vectorised here take 0.45 s at 1k and 1.9 s at 2k. Above ``MAX_FORCE_NODES`` the
O(n²) memory is too much, and nodes are placed on concentric shells by kind.

Example:
    >>> import networkx as nx
    >>> pos = layout_positions(nx.path_graph(3))
    >>> sorted(pos) == [0, 1, 2] and layout_positions(nx.path_graph(3)) == pos
    True
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable

import networkx as nx
import numpy as np

SMALL = 80  # Kamada-Kawai up to here (best looking here; 0.4-2.4 s at 100 nodes)
DENSE = 500  # networkx spring_layout (dense NumPy) below this
MAX_FORCE_NODES = 3000


def force_layout(adjacency: np.ndarray, *, seed: int = 7, iterations: int = 50) -> np.ndarray:
    """Fruchterman-Reingold on a dense adjacency matrix (float32, vectorised), positions in [0, 1]-ish."""
    n = adjacency.shape[0]
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2)).astype(np.float32)
    a = adjacency.astype(np.float32)
    k = np.float32(np.sqrt(1.0 / max(n, 1)))
    t = 0.1
    dt = t / (iterations + 1)
    for _ in range(iterations):
        dx = pos[:, 0][:, None] - pos[:, 0][None, :]
        dy = pos[:, 1][:, None] - pos[:, 1][None, :]
        d2 = np.maximum(dx * dx + dy * dy, np.float32(1e-4))
        f = (k * k) / d2 - a * np.sqrt(d2) / k
        disp = np.stack([(dx * f).sum(1), (dy * f).sum(1)], 1)
        length = np.maximum(np.hypot(disp[:, 0], disp[:, 1]), np.float32(0.01))
        pos += disp * (np.float32(t) / length)[:, None]
        t -= dt
    return pos


def spread_core(xy: np.ndarray, power: float = 0.6) -> np.ndarray:
    """A fisheye: radius r (scaled to [0, 1]) becomes r**power, which opens up the dense centre that
    hub actors (present at every round of talks) create, and pulls the sparse periphery in."""
    r = np.hypot(xy[:, 0], xy[:, 1])
    top = float(r.max()) or 1.0
    factor = np.where(r > 0, (r / top) ** power * top / np.maximum(r, 1e-12), 1.0)
    return xy * factor[:, None]


def layout_positions(g: nx.Graph, *, seed: int = 7, scale: float | None = None) -> dict[Hashable, tuple[float, float]]:
    """Pixel positions for every node (centred on 0), deterministic for a given graph and seed.

    ``scale`` (half-width in pixels) defaults to grow with the square root of the node count.
    """
    nodes = sorted(g.nodes, key=str)
    n = len(nodes)
    if n == 0:
        return {}
    scale = scale if scale is not None else 120.0 + 40.0 * np.sqrt(n)
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    h = nx.Graph()
    h.add_nodes_from(nodes)
    h.add_edges_from(sorted(((u, v) for u, v in g.edges), key=lambda e: (str(e[0]), str(e[1]))))
    if n <= SMALL:
        raw = nx.kamada_kawai_layout(h, pos=nx.circular_layout(h))
    elif n < DENSE:
        raw = nx.spring_layout(h, seed=seed, iterations=100)
    elif n <= MAX_FORCE_NODES:
        arr = force_layout(nx.to_numpy_array(h, nodelist=nodes, weight=None), seed=seed)
        raw = dict(zip(nodes, arr, strict=True))
    else:
        shells: dict[str, list[Hashable]] = {}
        for v in nodes:
            shells.setdefault(str(g.nodes[v].get("kind", "")), []).append(v)
        raw = nx.shell_layout(h, nlist=[shells[k] for k in sorted(shells)])
    xy = np.array([raw[v] for v in nodes], dtype=float)
    xy -= xy.mean(axis=0)
    xy = spread_core(xy)
    span = float(np.abs(xy).max()) or 1.0
    xy *= scale / span
    return {v: (round(float(x), 1), round(float(y), 1)) for v, (x, y) in zip(nodes, xy, strict=True)}


def ego_positions(
    g: nx.Graph, centre: Hashable, *, key: Callable[[Hashable], object] = str, per_column: int = 22,
    column: float = 270.0, row: float = 40.0,
) -> dict[Hashable, tuple[float, float]]:
    """The centre at (0, 0) and every other node in columns on both sides of it, in ``key`` order: the first
    column left of the centre, the second right, then farther out (two or four columns of ``per_column`` rows
    or more). Labels are drawn under the nodes, so
    stacked rows ``row`` pixels apart and columns ``column`` pixels apart keep them from overlapping (a ring
    of 90 leaves does not).

    Example:
        >>> ego_positions(nx.star_graph(3), 0, per_column=2, column=100, row=10)
        {0: (0.0, 0.0), 1: (-100.0, -5.0), 2: (-100.0, 5.0), 3: (100.0, 0.0)}
    """
    others = sorted((n for n in g.nodes if n != centre), key=lambda n: (key(n), str(n)))
    tallest = max(per_column, math.ceil(len(others) / 4))  # at most four columns, taller if need be
    cols = max(2, 2 * math.ceil(len(others) / (2 * tallest)))
    size = math.ceil(len(others) / cols)
    pos: dict[Hashable, tuple[float, float]] = {centre: (0.0, 0.0)}
    for c in range(cols):
        chunk = others[c * size:(c + 1) * size]
        x = float((c // 2 + 1) * column * (-1 if c % 2 == 0 else 1))
        for r, n in enumerate(chunk):
            pos[n] = (round(x, 1), round((r - (len(chunk) - 1) / 2) * row, 1))
    return pos
