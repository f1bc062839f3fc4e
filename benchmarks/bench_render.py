"""Benchmark the network pages: building the page in Python, and drawing it in headless Chromium.

1. Build time at N nodes (default 1,000): our builder (layout + node/edge dicts + template) against pyvis
   (``Network.from_nx`` + ``generate_html``, physics off, same positions), both on the same graph.
2. If Chromium is installed: time until vis-network's first ``afterDrawing`` (read from the page's probe,
   ``performance.now()`` since navigation) and the wall time of the whole ``chromium --dump-dom`` run, for
   100, 1,000 and 2,000 nodes.

The graph is synthetic and seeded: actors of mixed kinds and agreements, ~2 edges per node
(preferential attachment, like the real co-participation graph), labelled edges and tooltips.

Usage:
    python benchmarks/bench_render.py
    python benchmarks/bench_render.py --sizes 100 1000 2000 5000 --build-n 1000
"""

from __future__ import annotations

import argparse
import platform
import random
import tempfile
import time
from pathlib import Path

import networkx as nx

from kg.render.browser import find_chromium, run_chromium
from kg.render.graph import render_graph_page
from kg.render.layout import layout_positions

KINDS = ["Party", "Party", "Person", "Person", "State", "GoverningBody", "InternationalOrganization", "Agreement",
         "Meeting"]


def synthetic_graph(n: int, seed: int = 1) -> nx.Graph:
    """A seeded scale-free graph dressed as an actor network."""
    rng = random.Random(seed)
    base = nx.barabasi_albert_graph(n, 2, seed=seed)
    g = nx.Graph()
    for v in sorted(base.nodes):
        kind = rng.choice(KINDS)
        g.add_node(f"https://w3id.org/reconciliation-kg/id/x/{v}", label=f"{kind} {v}", kind=kind,
                   title=f"{kind} {v}\nsynthetic node", modality="hoped" if kind == "Meeting" and v % 3 else "actual")
    for a, b in sorted(base.edges):
        g.add_edge(f"https://w3id.org/reconciliation-kg/id/x/{a}", f"https://w3id.org/reconciliation-kg/id/x/{b}",
                   weight=1 + (a * b) % 4, relation=rng.choice(["signed", "mediated", "met", "hosted"]))
    return g


def build_ours(g: nx.Graph) -> tuple[float, float, int, dict]:
    """(layout seconds, page seconds with the layout given, bytes, positions) for our page."""
    t0 = time.perf_counter()
    pos = layout_positions(g)
    t1 = time.perf_counter()
    html = render_graph_page(g, "bench", positions=pos)
    t2 = time.perf_counter()
    return t1 - t0, t2 - t1, len(html.encode()), pos


def build_pyvis(g: nx.Graph, pos: dict) -> tuple[float, int]:
    """(seconds, bytes) for pyvis from_nx + generate_html with the same precomputed positions."""
    from pyvis.network import Network

    h = nx.Graph()
    for v, d in g.nodes(data=True):
        h.add_node(v, label=d["label"], title=d["title"], x=pos[v][0], y=pos[v][1])
    h.add_edges_from((a, b, {"title": d["relation"], "label": d["relation"]}) for a, b, d in g.edges(data=True))
    t0 = time.perf_counter()
    net = Network(height="800px", width="100%", cdn_resources="in_line")
    net.from_nx(h)
    net.toggle_physics(False)
    html = net.generate_html()
    return time.perf_counter() - t0, len(html.encode())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 2000])
    ap.add_argument("--build-n", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3, help="Chromium runs per size (median reported)")
    args = ap.parse_args()
    print(f"machine: {platform.machine()}, {platform.processor() or 'cpu ?'}, python {platform.python_version()}")

    g = synthetic_graph(args.build_n)
    render_graph_page(nx.path_graph(2), "warm-up")  # reads the vis-network file once
    layout_s, ours_s, ours_b, pos = build_ours(g)
    pv_s, pv_b = build_pyvis(g, pos)
    print(f"\nbuild page, {args.build_n} nodes / {g.number_of_edges()} edges:")
    print(f"  ours : {ours_s:7.3f} s (node/edge dicts + template; the seeded layout took another {layout_s:.3f} s), "
          f"{ours_b / 1e6:.2f} MB")
    print(f"  pyvis: {pv_s:7.3f} s (from_nx + generate_html; same positions given), {pv_b / 1e6:.2f} MB")

    exe = find_chromium()
    if exe is None:
        print("\nchromium not found: skipping draw times")
        return
    print(f"\ndraw in headless Chromium ({exe}), median of {args.runs} runs:")
    print(f"  {'nodes':>6} {'edges':>6} {'build s':>8} {'drawn at ms':>12} {'chromium wall s':>16}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            g = synthetic_graph(n)
            t0 = time.perf_counter()
            page = Path(tmp) / f"g{n}.html"
            page.write_text(render_graph_page(g, f"bench {n}"), encoding="utf-8")
            build_s = time.perf_counter() - t0
            drawn, walls = [], []
            for _ in range(args.runs):
                run = run_chromium(page, budget_ms=10000)
                probe = run.probe
                if probe.get("ready") != "drawn" or probe.get("errors") != "0":
                    raise SystemExit(f"{n} nodes: page not drawn or errors: {probe} {run.console_errors()}")
                drawn.append(int(probe["ready-ms"]))
                walls.append(run.seconds)
            print(f"  {n:>6} {g.number_of_edges():>6} {build_s:>8.2f} {sorted(drawn)[len(drawn) // 2]:>12} "
                  f"{sorted(walls)[len(walls) // 2]:>16.2f}")


if __name__ == "__main__":
    main()
