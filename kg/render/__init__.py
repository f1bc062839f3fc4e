"""Pages: the interactive network (vis-network inlined from pyvis, no CDN) and the SVG timeline. Functions
return HTML text; :func:`write_pages` writes ``graph.html`` and ``timeline.html`` for ``kg build``.

Example:
    >>> import networkx as nx
    >>> render_graph_page(nx.path_graph(2), "Two nodes").startswith("<!DOCTYPE html>")
    True
"""

from kg.render.graph import render_graph_page
from kg.render.pages import ego_page, graph_page, timeline_page, write_pages
from kg.render.timeline import render_timeline_page

__all__ = ["ego_page", "graph_page", "render_graph_page", "render_timeline_page", "timeline_page", "write_pages"]
