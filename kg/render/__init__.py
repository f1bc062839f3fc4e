"""Pages: the interactive network (vis-network inlined from pyvis, no CDN) and the SVG timeline. Functions
return HTML text; :func:`write_pages` writes ``graph.html`` and ``timeline.html`` for ``kg build``.

The names below load on first use, so light modules such as :mod:`kg.render.text` import without networkx.

Example:
    >>> import networkx as nx
    >>> from kg.render import render_graph_page
    >>> render_graph_page(nx.path_graph(2), "Two nodes").startswith("<!DOCTYPE html>")
    True
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_HOME = {"render_graph_page": "graph", "ego_page": "pages", "graph_page": "pages", "timeline_page": "pages",
         "write_pages": "pages", "render_timeline_page": "timeline"}


def __getattr__(name: str) -> Any:
    if name in _HOME:
        return getattr(import_module(f"kg.render.{_HOME[name]}"), name)
    raise AttributeError(f"module 'kg.render' has no attribute {name!r}")


__all__ = ["ego_page", "graph_page", "render_graph_page", "render_timeline_page", "timeline_page", "write_pages"]
