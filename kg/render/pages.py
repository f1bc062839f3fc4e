"""The pages ``kg build``, ``kg viz`` and ``kg timeline`` write: overview graph, ego graph, timeline.

Functions return HTML text except :func:`write_pages`, which the build calls to write ``graph.html`` and
``timeline.html``.

Example:
    >>> from kg.store import open_store
    >>> import tempfile, pathlib
    >>> out = write_pages(open_store("memory:"), tempfile.mkdtemp())
    >>> [p.name for p in out]
    ['graph.html', 'timeline.html']
"""

from __future__ import annotations

import os
from collections.abc import Hashable, Iterable
from pathlib import Path

from kg.analysis import Facts, as_facts
from kg.render.graph import render_graph_page
from kg.render.layout import ego_positions
from kg.render.style import group_rank
from kg.render.timeline import render_timeline_page, timeline_items
from kg.render.views import article_graph, ego_graph, view_graph
from kg.store import Store

_TITLES = {
    "overview": "Reconciliation network: actors and agreements",
    "actors": "Actors linked by shared events and agreements",
    "agreements": "Actors and the agreements they signed, mediated or hosted",
    "events": "Actors and the events they took part in",
    "all": "Actors, events, agreements, posts and governments",
}
_SUBTITLES = {
    "overview": "Edge between actors = actual events attended together (width: how many); "
                "edge to an agreement = role (signed, mediated, hosted)",
    "actors": "Edge = actual events and agreements shared (width: how many)",
}


def _span(since: str | None, until: str | None) -> str:
    if not since and not until:
        return ""
    return f"{since or '…'} to {until or '…'}"


def graph_page(
    source: Store | Facts, view: str = "overview", *, since: str | None = None, until: str | None = None,
    physics: bool = False,
) -> str:
    """The network page of one view (see :func:`kg.render.views.view_graph`)."""
    g = view_graph(as_facts(source), view, since=since, until=until)
    alone = g.graph.get("alone", 0)
    note = f"{alone} actor{'s' if alone != 1 else ''} sharing nothing not drawn (kg viz --type all)" if alone else ""
    sub = " · ".join(x for x in (_SUBTITLES.get(view, ""), _span(since, until), note) if x)
    return render_graph_page(g, _TITLES[view], subtitle=sub, physics=physics)


def ego_page(source: Store | Facts, iri: str, depth: int = 1, *, physics: bool = False, **kw: str | None) -> str:
    """The network around one entity, ``depth`` links deep (events and agreements as nodes)."""
    facts = as_facts(source)
    g = ego_graph(facts, iri, depth, **kw)
    title = f"{facts.label(iri)}: everything within {depth} link{'s' if depth != 1 else ''}"
    sub = " · ".join(x for x in (iri, _span(kw.get("since"), kw.get("until"))) if x)
    positions = None
    if depth == 1 and not physics:  # a star: neighbours in columns, actors first, then agreements, events by date
        def key(n: Hashable) -> tuple[int, str, str]:
            d = g.nodes[n]
            return group_rank(str(d.get("kind", "Thing"))), str(d.get("when", "")), str(d.get("label", n))

        positions = ego_positions(g, iri, key=key)
    return render_graph_page(g, title, subtitle=sub, physics=physics, positions=positions)


def article_page(store: Store, article: str, *, physics: bool = False) -> str:
    """The entities, events and agreements one article gives evidence for."""
    facts = as_facts(store)
    g = article_graph(store, facts, article)
    return render_graph_page(g, f"From the article: {facts.label(article)}", subtitle=article, physics=physics)


def timeline_page(
    source: Store | Facts, *, since: str | None = None, until: str | None = None,
    lanes: Iterable[str] | None = None,
) -> str:
    """The timeline page (agreements, meetings, elections, governments, statements…)."""
    items = timeline_items(as_facts(source), since=since, until=until, lanes=lanes)
    return render_timeline_page(items, "Reconciliation timeline", subtitle=_span(since, until))


def write_text(path: Path, text: str) -> Path:
    """Write a page atomically (a temporary file renamed into place)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
    return path


def write_pages(store: Store, out_dir: str | Path) -> list[Path]:
    """Write ``graph.html`` (overview) and ``timeline.html`` into ``out_dir``; return their paths."""
    facts = as_facts(store)
    out = Path(out_dir)
    return [
        write_text(out / "graph.html", graph_page(facts)),
        write_text(out / "timeline.html", timeline_page(facts)),
    ]
