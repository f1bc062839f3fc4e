"""An interactive network page (vis-network, inlined; no CDN) from a networkx graph.

Node attributes read: ``label``, ``kind`` (ontology class: colour, shape, legend), ``title`` (tooltip, shown as
text), ``modality`` (planned/hoped… are hollow and dashed). Edge attributes: ``relation`` (label), ``weight``
(width), ``title`` (tooltip). Node size grows with weighted degree. Positions are computed in Python
(:mod:`kg.render.layout`) and physics is off unless asked, so a 2,000-node page draws in about a second.

pyvis's ``Network.add_edge`` scans every edge (quadratic) and its template loads Bootstrap from a CDN and
writes tooltips with ``innerHTML``; here the node/edge dicts are built directly in pyvis's data model and
the page is our own template.

Example:
    >>> import networkx as nx
    >>> g = nx.Graph(); g.add_node("a", label="<b>A</b>", kind="Party"); g.add_edge("a", "b", relation="met")
    >>> page = render_graph_page(g, "T & <T>")
    >>> "<title>T &amp; &lt;T&gt;</title>" in page and "<b>A</b>" not in page
    True
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping

import networkx as nx

from kg.render.assets import vis_network_js
from kg.render.html import esc, json_for_script, render_page
from kg.render.layout import layout_positions
from kg.render.style import NEGATIVE, TENTATIVE, group_colour, legend_for, node_style
from kg.render.text import cut

MAX_LABEL = 42
#: Up to this many edges, every edge is labelled; above, only the HEAVY_LABELS heaviest (weight 3 or more)
#: are, and clicking a node labels its own edges (every edge says it in its tooltip).
EDGE_LABELS_UP_TO = 40
HEAVY_LABELS = 15

_STYLE = """
body { display: flex; flex-direction: column; height: 100vh; }
#kg-main { display: flex; flex: 1; min-height: 420px; }
#kg-network { flex: 1; background: #fff; }
#kg-details { width: 320px; padding: 10px 12px; border-left: 1px solid #ddd; background: #fff; overflow: auto;
              white-space: pre-wrap; font-size: 12px; color: #333; }
div.vis-tooltip { position: absolute; visibility: hidden; padding: 6px 8px; white-space: pre-wrap;
                  max-width: 460px; font: 12px/1.35 system-ui, sans-serif; color: #111; background: #fffef5;
                  border: 1px solid #999; border-radius: 3px; box-shadow: 2px 2px 8px rgba(0,0,0,.2);
                  pointer-events: none; z-index: 5; }
"""

_SCRIPT = """
(function () {
  var data = JSON.parse(document.getElementById("kg-graph").textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var box = document.getElementById("kg-details");
  var net = new vis.Network(document.getElementById("kg-network"), {nodes: nodes, edges: edges}, data.options);
  var drawn = false;
  function fitWithLabels() {  // net.fit() frames the nodes alone: labels under the nodes stuck out of the view
    var ctx = document.createElement("canvas").getContext("2d"), pos = net.getPositions(), ext = null;
    ctx.font = data.options.nodes.font.size + "px arial";
    nodes.forEach(function (n) {
      var p = pos[n.id], r = n.size || 10, half = Math.max(r, ctx.measureText(n.label || "").width / 2);
      var b = {left: p.x - half, right: p.x + half, top: p.y - r, bottom: p.y + r + data.options.nodes.font.size + 6};
      ext = ext ? {left: Math.min(ext.left, b.left), right: Math.max(ext.right, b.right),
                   top: Math.min(ext.top, b.top), bottom: Math.max(ext.bottom, b.bottom)} : b;
    });
    var el = document.getElementById("kg-network");
    if (!ext || !el.clientWidth) { return; }
    var scale = Math.min(el.clientWidth / (ext.right - ext.left + 30), el.clientHeight / (ext.bottom - ext.top + 30));
    net.moveTo({position: {x: (ext.left + ext.right) / 2, y: (ext.top + ext.bottom) / 2},
                scale: Math.min(scale, 1.5), animation: false});
  }
  var m = /^#focus=(.+)$/.exec(location.hash);
  var focus = m ? nodes.get(decodeURIComponent(m[1])) : null;
  var refit = false, moved = false;  // once the reader zooms or drags, resizing the window keeps their view
  net.on("afterDrawing", function () {
    if (refit) { refit = false; fitWithLabels(); }
    if (drawn) { return; }
    drawn = true;
    window.kgReady("drawn");
  });
  if (!focus && !data.options.physics.enabled) { fitWithLabels(); }  // positions are known: no need to wait
  net.on("zoom", function () { moved = true; });
  net.on("dragStart", function () { moved = true; });
  net.on("resize", function () {  // vis rescales the view after this event: fit again once it has drawn
    refit = !moved && !focus && !data.options.physics.enabled;
  });
  if (data.options.physics.enabled) {
    net.once("stabilizationIterationsDone", function () { net.setOptions({physics: {enabled: false}}); });
  }
  function details(item, isNode) {
    if (!item) { box.textContent = data.hint; return; }
    var text = item.title || item.label || "";
    if (isNode) { text += "\\n\\n" + item.id + "\\n\\nDetails: " + data.ego.replace("{}", item.id); }
    box.textContent = text;
  }
  var shown = [];
  function labelEdgesOf(id) {  // a selected node's edges show their relation; the others go back
    var back = shown.map(function (e) { return {id: e.id, label: e.label || ""}; });
    shown = id === null ? [] : net.getConnectedEdges(id).map(function (k) { return edges.get(k); });
    edges.update(back.concat(shown.map(function (e) { return {id: e.id, label: e.relation}; })));
  }
  net.on("click", function (p) {
    labelEdgesOf(p.nodes.length ? p.nodes[0] : null);
    if (p.nodes.length) { details(nodes.get(p.nodes[0]), true); }
    else if (p.edges.length) { details(edges.get(p.edges[0]), false); }
    else { details(null); }
  });
  if (focus) {
    net.selectNodes([focus.id]);
    labelEdgesOf(focus.id);
    net.focus(focus.id, {scale: 1.3});
    details(focus, true);
  }
})();
"""


def _weight(d: Mapping) -> float:
    w = d.get("weight", 1)
    return w if isinstance(w, int | float) else 1


def _edge_order(g: nx.Graph) -> list[tuple[Hashable, Hashable]]:
    """Edges as (lesser, greater) pairs by text, sorted: the same for a graph however it was built (an
    undirected graph reports an edge in the direction it was first added)."""
    ends = (tuple(sorted(e, key=str)) for e in g.edges)
    return sorted(ends, key=lambda e: (str(e[0]), str(e[1])))  # type: ignore[arg-type,return-value]


def _labelled_edges(g: nx.Graph) -> set[tuple[Hashable, Hashable]]:
    """The edges drawn with their label: all of a small graph's, else the heaviest (see EDGE_LABELS_UP_TO)."""
    order = _edge_order(g)
    if len(order) <= EDGE_LABELS_UP_TO:
        return set(order)
    heavy = sorted((e for e in order if _weight(g.edges[e]) >= 3), key=lambda e: -_weight(g.edges[e]))
    return set(heavy[:HEAVY_LABELS])


def graph_page_data(
    g: nx.Graph, *, physics: bool = False, seed: int = 7,
    positions: Mapping[Hashable, tuple[float, float]] | None = None,
) -> dict:
    """The vis-network nodes, edges and options for a graph (pyvis's data model, built directly).
    ``positions`` (pixels) default to :func:`kg.render.layout.layout_positions`."""
    pos = layout_positions(g, seed=seed) if positions is None else positions
    wdeg = dict(g.degree(weight="weight"))
    top = max(wdeg.values(), default=1) or 1
    nodes = []
    for n in sorted(g.nodes, key=str):
        d = g.nodes[n]
        label = str(d.get("label", n))
        colour, shape = node_style(str(d.get("kind", "Thing")))
        node: dict = {
            "id": str(n), "label": cut(label, MAX_LABEL, squash=False, words=True),
            "title": str(d.get("title") or label),
            "shape": shape, "size": round(8 + 22 * math.sqrt(wdeg[n] / top), 1),
            "color": {"background": colour, "border": "#444"},
        }
        if n in pos:
            node["x"], node["y"] = pos[n]
        modality = d.get("modality", "actual")
        if modality in TENTATIVE or modality in NEGATIVE:
            node["color"] = {"background": "#ffffff", "border": colour if modality in TENTATIVE else "#888"}
            node["borderWidth"] = 2
            node["shapeProperties"] = {"borderDashes": [5, 3] if modality in TENTATIVE else [1, 3]}
        nodes.append(node)
    labelled = _labelled_edges(g)
    edges = []
    for a, b in _edge_order(g):
        d = g.edges[a, b]
        relation = str(d.get("relation", ""))
        w = _weight(d)
        text = relation + (f" ×{w:g}" if w > 1 else "")
        edge = {"id": f"{a}\n{b}", "from": str(a), "to": str(b), "title": str(d.get("title") or text),
                "width": round(1 + 1.5 * math.log2(w), 2) if w >= 1 else 1, "relation": text}
        if (a, b) in labelled and text:
            edge["label"] = text
        edges.append(edge)
    big = len(nodes) > 500
    options = {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": seed},
        "physics": {"enabled": physics, "solver": "barnesHut", "stabilization": {"iterations": 300, "fit": True},
                    "barnesHut": {"springLength": 120, "avoidOverlap": 0.1}},
        "edges": {"smooth": False, "color": {"color": "#9aa0a6", "highlight": "#333", "hover": "#333"},
                  "font": {"size": 10, "color": "#555", "strokeWidth": 3, "align": "middle"}},
        "nodes": {"font": {"size": 13, "color": "#222", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "borderWidth": 1},
        "interaction": {"hover": not big, "tooltipDelay": 120, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "navigationButtons": False, "keyboard": False},
    }
    return {"nodes": nodes, "edges": edges, "options": options}


def render_legend(legend: Mapping[str, str]) -> str:
    """Legend markup: one swatch per group (colour from the palette) and its caption (escaped)."""
    items = "".join(
        f'<span><span class="sw" style="background:{esc(group_colour(g))}"></span>{esc(cap)}</span>'
        for g, cap in legend.items()
    )
    return f'<div class="legend">{items}</div>'


def render_graph_page(
    g: nx.Graph, title: str, legend: Mapping[str, str] | None = None, *, subtitle: str = "",
    physics: bool = False, seed: int = 7, ego_hint: str = "kg viz --ego '{}'",
    positions: Mapping[Hashable, tuple[float, float]] | None = None,
) -> str:
    """A self-contained HTML page drawing ``g`` (returns the text; writing it is the caller's).

    ``legend`` maps legend groups (see :data:`kg.render.style.GROUPS`) to captions; by default the groups of
    the kinds present. Every string from the graph is escaped or embedded as JSON that cannot close the
    script element; tooltips are plain text.
    """
    data = graph_page_data(g, physics=physics, seed=seed, positions=positions)
    kinds = {str(d.get("kind", "Thing")) for _, d in g.nodes(data=True)}
    legend = legend_for(kinds) if legend is None else legend
    data["hint"] = "Click a node or an edge for its details."
    data["ego"] = ego_hint
    counts = f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges"
    body = f"""<header>
<h1>{esc(title)}</h1>
<p>{esc(subtitle + " · " if subtitle else "")}{esc(counts)}. Hover for details, click to pin them on the right,
scroll to zoom; add #focus=IRI to the address to open on one node.</p>
{render_legend(legend)}
</header>
<div id="kg-main"><div id="kg-network"></div><div id="kg-details">{esc(data["hint"])}</div></div>
<script type="application/json" id="kg-graph">{json_for_script(data)}</script>"""
    return render_page(title, body, style=_STYLE, scripts=(vis_network_js(), _SCRIPT))
