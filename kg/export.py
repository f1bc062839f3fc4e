"""Export a store (or some of its graphs) to RDF files, deterministically, and import dumps back.

Export formats dispatch through ``EXPORTERS`` (name → ``function(store, graphs) -> str``); to add one (the
analysis layer adds ``graphml`` and ``gexf``), add an entry there and it appears in ``kg export --format``.
Every exporter is byte-identical across runs for the same store: sorted statements and a fixed prefix set.

Imports take TriG, N-Quads, Turtle and N-Triples (parsed by Oxigraph, which never fetches anything).
RDF/XML, TriX and any file with ``<!DOCTYPE`` or ``<!ENTITY`` are refused: XML entity expansion is
unbounded in rdflib (docs: PITFALLS). JSON-LD is not imported either, as a remote ``@context`` is fetched.

Example:
    >>> from kg.store import open_store
    >>> export_store(open_store("memory:"), "nquads")
    ''
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Dataset, URIRef

from kg.dump import nt, selected_quads, write_nquads, write_trig, write_turtle
from kg.errors import InputError, UsageError
from kg.namespaces import GRAPH, PREFIXES, REC
from kg.store import Store, Triple
from kg.terms import to_rdflib

Exporter = Callable[[Store, list[str] | None], str]


def write_jsonld(store: Store, graphs: Iterable[str] | None = None) -> str:
    """The store (or some named graphs) as JSON-LD with the project's prefixes as context.

    rdflib's serializer orders nodes by hash, so its output is normalised: object keys sorted and every
    array sorted except ``@list`` values (whose order is meaningful).
    """
    ds = Dataset()
    for s, p, o, g in sorted(selected_quads(store, graphs), key=lambda q: (q[3] or "", nt(q[0]), nt(q[1]), nt(q[2]))):
        (ds.graph(URIRef(g)) if g else ds.default_graph).add((s, p, o))
    context = {p: str(ns) for p, ns in sorted(PREFIXES.items())}
    raw = ds.serialize(format="json-ld", context=context, auto_compact=True)
    return json.dumps(_sorted_json(json.loads(raw)), sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def _sorted_json(x: Any, key: str | None = None) -> Any:
    if isinstance(x, dict):
        return {k: _sorted_json(v, k) for k, v in x.items()}
    if isinstance(x, list):
        items = [_sorted_json(v) for v in x]
        if key == "@list":
            return items
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return x


def _network_exporter(fmt: str, projection: str) -> Exporter:
    """An exporter writing a networkx projection (kg.analysis) as GraphML or GEXF."""

    def write(store: Store, graphs: list[str] | None = None) -> str:
        import networkx as nx

        from kg.analysis import exportable, project

        g = exportable(project(store, projection))
        lines = nx.generate_graphml(g) if fmt == "graphml" else nx.generate_gexf(g)
        return "\n".join(lines) + "\n"

    return write


EXPORTERS: dict[str, Exporter] = {
    "trig": write_trig,
    "nquads": write_nquads,
    "turtle": write_turtle,
    "jsonld": write_jsonld,
    "graphml": _network_exporter("graphml", "actors"),
    "gexf": _network_exporter("gexf", "actors"),
}
"""Export formats by name; ``turtle`` is the union of the selected graphs (graph names dropped); ``graphml``
and ``gexf`` are network projections (actors or agreements) for Gephi and other network tools."""
NETWORK_FORMATS = ("graphml", "gexf")


def export_store(
    store: Store, fmt: str = "trig", graphs: Iterable[str] | None = None, projection: str = "actors"
) -> str:
    """Serialise the store, or only ``graphs`` (IRIs), in one of ``EXPORTERS``.

    Example:
        >>> from kg.store import open_store
        >>> export_store(open_store("memory:"), "rdfxml")
        Traceback (most recent call last):
        kg.errors.UsageError: unknown export format 'rdfxml' (jsonld, nquads, trig, turtle)
    """
    if fmt not in EXPORTERS:
        raise UsageError(f"unknown export format {fmt!r} ({', '.join(sorted(EXPORTERS))})")
    if fmt in NETWORK_FORMATS:
        return _network_exporter(fmt, projection)(store, None)
    return EXPORTERS[fmt](store, list(graphs) if graphs is not None else None)


def resolve_graph(store: Store, name: str) -> str:
    """A graph named by its IRI, ``ontology``/``reference``, an article id, or the source path of an article.

    Raises UsageError when no graph in the store matches.

    Example:
        >>> from kg.store import open_store
        >>> resolve_graph(open_store("memory:"), "ontology")
        'https://w3id.org/reconciliation-kg/graph/ontology'
    """
    present = store.graphs()
    if name.startswith(("http://", "https://")):
        if name not in present:
            raise UsageError(f"no graph <{name}> in the store")
        return name
    if name in {"ontology", "reference"}:
        return str(GRAPH[name])
    by_id = [g for g in present if g.endswith("/article/" + name)]
    if len(by_id) == 1:
        return by_id[0]
    path = Path(name)
    if path.exists() or "/" in name or "." in name:
        res = store.query(
            f"SELECT DISTINCT ?g ?p WHERE {{ GRAPH ?g {{ ?a <{REC['sourcePath']}> ?p }} }}", timeout=None
        )
        from kg.mapping import portable_path
        from kg.paths import project_root

        target = path.resolve()
        wanted = {name, portable_path(str(target))}
        for row in res.rows:
            stored = str(row["p"])
            if stored in wanted or (project_root() / stored).resolve() == target:
                return str(row["g"])
    raise UsageError(f"no graph for {name!r} in the store (give an article id, its IRI or its source path)")


_FORMATS = {
    ".trig": "trig", ".nq": "nquads", ".nquads": "nquads", ".ttl": "turtle", ".turtle": "turtle",
    ".nt": "ntriples",
}
IMPORT_FORMATS = ("trig", "nquads", "turtle", "ntriples")
_OX_FORMATS = {
    "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS, "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
}
_REFUSED_SUFFIXES = {".rdf", ".owl", ".xml", ".trix", ".jsonld", ".json"}
_XML_DECL = re.compile(rb"<!\s*(doctype|entity)", re.IGNORECASE)


def import_file(
    store: Store, path: str | Path, *, fmt: str | None = None, graph: str | None = None
) -> dict[str, int]:
    """Load a TriG/N-Quads/Turtle/N-Triples file: each named graph in it replaces the store's graph of that
    name (one transaction per graph, so importing twice changes nothing); triples outside any named graph
    go to ``graph`` (required for Turtle and N-Triples). Returns triples per graph.

    Example:
        >>> from kg.store import open_store
        >>> import_file(open_store("memory:"), "x.rdf")
        Traceback (most recent call last):
        kg.errors.InputError: x.rdf: RDF/XML, TriX and JSON-LD are not imported (use TriG, N-Quads or Turtle)
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if fmt is None:
        if suffix in _REFUSED_SUFFIXES:
            raise InputError(f"{p}: RDF/XML, TriX and JSON-LD are not imported (use TriG, N-Quads or Turtle)")
        if suffix not in _FORMATS:
            raise InputError(f"{p}: unknown format (give --format: {', '.join(IMPORT_FORMATS)})")
        fmt = _FORMATS[suffix]
    if fmt not in _OX_FORMATS:
        raise UsageError(f"cannot import {fmt!r} (formats: {', '.join(IMPORT_FORMATS)})")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot read: {exc.strerror or exc}") from None
    head = data.lstrip()[:200].lower()
    if _XML_DECL.search(data) or head.startswith((b"<?xml", b"<rdf:rdf")):
        raise InputError(f"{p}: looks like XML (<!DOCTYPE/<!ENTITY or an XML header): refused")
    by_graph: dict[str, list[Triple]] = defaultdict(list)
    try:
        for q in ox.parse(data, format=_OX_FORMATS[fmt]):
            name = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else None
            if name is None:
                if graph is None:
                    raise InputError(f"{p}: has triples outside named graphs: give --graph NAME for them")
                name = graph
            by_graph[name].append((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    except SyntaxError as exc:
        raise InputError(f"{p}: not valid {fmt}: {str(exc).splitlines()[0]}") from None
    for name in sorted(by_graph):
        store.replace_graph(name, by_graph[name])
    return {name: len(set(ts)) for name, ts in sorted(by_graph.items())}


__all__ = ["EXPORTERS", "IMPORT_FORMATS", "export_store", "import_file", "resolve_graph", "write_jsonld"]
