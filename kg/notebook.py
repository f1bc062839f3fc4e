"""Helpers for Jupyter notebooks: open (or build) the graph, show the generated pages inline, see the evidence
for a fact. IPython and pandas are needed only when the functions that return their objects are called.

The pages from :mod:`kg.render` are complete HTML documents with their own scripts; :func:`show_html` puts one
in a sandboxed ``<iframe srcdoc=…>`` so it draws inside the notebook (pyvis's ``Network.show()`` does not:
docs PITFALLS) and cannot touch the notebook page around it.

Example:
    >>> frame = show_html("<p>Fatah &amp; Hamas</p>", height=80)
    >>> frame.data.startswith('<div class="kg-page"><iframe srcdoc="&lt;p&gt;Fatah &amp;amp; Hamas')
    True
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from kg.errors import StoreError
from kg.store import Store, open_store

if TYPE_CHECKING:
    import pandas as pd
    from IPython.display import HTML

    from kg.analysis import Facts

#: The scripts of a page may run, but in an opaque origin: no access to the notebook, its cookies or kernel.
SANDBOX = "allow-scripts allow-popups"


def show_html(page: str, height: int = 600, *, title: str = "reconciliation-kg page") -> HTML:
    """An IPython ``HTML`` object that shows ``page`` (a whole HTML document) in a sandboxed iframe
    ``height`` pixels high. Make it the last expression of a cell, or pass it to ``display``.

    Example:
        >>> 'height="300"' in show_html("<html></html>", 300).data
        True
    """
    from IPython.display import HTML

    if isinstance(height, bool) or not isinstance(height, int) or height <= 0:
        raise ValueError(f"height must be a positive number of pixels, not {height!r}")
    srcdoc = html.escape(page, quote=True)
    # Wrapped in a div: IPython warns about bare iframes, and the div keeps the frame full width in JupyterLab.
    return HTML(
        f'<div class="kg-page"><iframe srcdoc="{srcdoc}" title="{html.escape(title, quote=True)}" width="100%" '
        f'height="{height}" sandbox="{SANDBOX}" style="border:1px solid #ddd"></iframe></div>'
    )


def show_graph(
    source: Store | Facts | nx.Graph, view: str = "overview", *, title: str | None = None,
    since: str | None = None, until: str | None = None, height: int = 600,
) -> HTML:
    """The network page inline: a view of the store (``overview``, ``actors``, ``agreements``, ``events``,
    ``all``; see ``kg viz --type``) or any networkx graph (nodes may carry ``label``, ``kind``, ``title``;
    edges ``weight``, ``relation``), e.g. a projection from :mod:`kg.analysis`.

    Example:
        >>> g = nx.Graph([("https://w3id.org/reconciliation-kg/id/party/fatah",
        ...                "https://w3id.org/reconciliation-kg/id/party/hamas")])
        >>> "2 nodes, 1 edges" in show_graph(g, title="Two parties", height=200).data
        True
    """
    if isinstance(source, nx.Graph):
        from kg.render.graph import render_graph_page

        page = render_graph_page(source, title or "Network", physics=False)
    else:
        from kg.render.pages import graph_page

        page = graph_page(source, view, since=since, until=until)
    return show_html(page, height, title=title or f"{view} network")


def show_timeline(
    source: Store | Facts, *, since: str | None = None, until: str | None = None,
    lanes: Iterable[str] | None = None, height: int = 600,
) -> HTML:
    """The timeline page (agreements, meetings, elections, governments, statements…) inline, optionally
    between two dates (YYYY, YYYY-MM or YYYY-MM-DD)."""
    from kg.render.pages import timeline_page

    return show_html(timeline_page(source, since=since, until=until, lanes=lanes), height, title="timeline")


def _has_store(path: Path) -> bool:
    return path.is_dir() and any(path.iterdir())


def open_graph(
    location: str | None = None, build_if_missing: bool = True, *, sources: list[str] | None = None,
    validate: bool = False,
) -> Store:
    """A store with the graph in it, for a notebook.

    - ``None``: the store ``kg build`` made (``KG_STORE`` or ``data/build/store``), opened read-only so a
      ``kg build`` elsewhere is not blocked; when there is none, the graph is built in memory.
    - ``"memory:"``: always a fresh build in memory (about 3 s for the bundled corpus). Nothing is written to
      disk, so a notebook that uses it never touches ``data/build``.
    - a folder: opened read-only if it holds a store, else built there.
    - an ``http(s)://`` SPARQL endpoint: opened as it is.

    ``sources`` are what to read when building (default ``data/articles``; ``[]`` for the curated layers
    only). Validation against the SHACL shapes is off by default (it takes far longer than the build; run
    ``kg validate`` for it). Raises StoreError when there is no store and ``build_if_missing`` is False.

    Example:
        >>> store = open_graph("memory:", sources=[])
        >>> "https://w3id.org/reconciliation-kg/id/party/hamas" in store.query(
        ...     "SELECT ?p WHERE { ?p a rec:Party }").values("p")
        True
    """
    from kg.build import build
    from kg.paths import default_store

    if location is not None and location.startswith(("http://", "https://")):
        return open_store(location, read_only=True)
    if location is None or not location.startswith("memory:"):
        path = Path(location or default_store())
        if _has_store(path):
            return open_store(str(path), read_only=True)
        if not build_if_missing:
            raise StoreError(f"{path}: no store here (run `kg build`, or call open_graph with build_if_missing)")
        target = "memory:" if location is None else str(path)
    else:
        target = "memory:"
    result = build(sources, target, dump_path=None, validate=validate, keep_open=True)
    assert result.handle is not None
    return result.handle


_EVIDENCE = """# title: Evidence with sentences
# param: subject entity
SELECT ?quote ?sentence ?start ?end ?headline ?published ?extractor ?confidence ?article ?body WHERE {
  ${subject} rec:evidence ?ev .
  ?ev rec:inArticle ?article ; oa:exact ?quote ; oa:start ?start ; oa:end ?end .
  OPTIONAL { ?ev rec:sentence ?sentence }
  OPTIONAL { ?ev rec:extractor ?extractor }
  OPTIONAL { ?ev rec:confidence ?confidence }
  OPTIONAL { ?article schema:headline ?headline }
  OPTIONAL { ?article schema:datePublished ?published }
  OPTIONAL { ?article schema:articleBody ?body }
}
ORDER BY ?published ?article ?start ?quote
"""


def evidence_frame(store: Store, subject: str) -> pd.DataFrame:
    """The text supporting one fact (an IRI, a prefixed name or a label): one row per piece of evidence with
    the exact quote, the sentence it sits in, its character offsets into the article body, the article's IRI,
    headline and date, the extractor rule and its confidence, and ``offsets_ok`` (whether
    ``body[start:end] == quote``).

    Example:
        >>> evidence_frame(open_store("memory:"), "https://example.org/x").columns.tolist()[:4]
        ['quote', 'sentence', 'start', 'end']
    """
    from kg.frames import query_frame

    df = query_frame(store, _EVIDENCE, subject=subject)
    df["offsets_ok"] = [
        isinstance(b, str) and b[int(s):int(e)] == q for b, s, e, q in zip(df["body"], df["start"], df["end"],
                                                                            df["quote"], strict=True)
    ]
    return df.drop(columns=["body"])


def queries_frame() -> pd.DataFrame:
    """The named queries (``kg query --list``) as a table: name, title, parameters and columns.

    Example:
        >>> "signatories" in queries_frame()["name"].tolist()
        True
    """
    import pandas as pd

    from kg.query import list_named_queries

    return pd.DataFrame(
        [
            {"name": q.name, "title": q.title, "params": ", ".join(p.name for p in q.params),
             "columns": ", ".join(q.columns), "description": q.description}
            for q in list_named_queries()
        ]
    )


__all__ = ["evidence_frame", "open_graph", "queries_frame", "show_graph", "show_html", "show_timeline"]
