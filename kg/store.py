"""Storage backends behind one interface: an on-disk Oxigraph store (default), ``memory:``, and (see
``kg.remote``) any SPARQL 1.1 server over HTTP.

Every article lives in its own named graph; queries see the union of all graphs.

Example:
    >>> s = open_store("memory:")
    >>> s.replace_graph("https://example.org/g", [(URIRef("https://example.org/a"), RDFS.label, Literal("A"))])
    >>> s.query("SELECT ?l WHERE { ?s ?p ?l }").rows[0]["l"]
    rdflib.term.Literal('A')
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS
from rdflib.term import Node

from kg.errors import QueryError, QueryTimeout, StoreError, StoreLockedError
from kg.namespaces import PREFIXES
from kg.terms import to_ox, to_rdflib

Triple = tuple[Node, Node, Node]
DEFAULT_TIMEOUT = 30.0
_OX_PREFIXES = {p: str(ns) for p, ns in PREFIXES.items()}


@dataclass
class QueryResult:
    """A SELECT/ASK answer (``vars`` + ``rows`` of rdflib terms, None when unbound) or a CONSTRUCT graph."""

    vars: list[str] = field(default_factory=list)
    rows: list[dict[str, Node | None]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None

    def values(self, var: str) -> list[str]:
        """The string values of one column, in row order (unbound as '').

        Example:
            >>> QueryResult(vars=["x"], rows=[{"x": Literal("a")}]).values("x")
            ['a']
        """
        return [str(r[var]) if r.get(var) is not None else "" for r in self.rows]


def check_network_access(sparql: str, *, update: bool = False) -> None:
    """Refuse SPARQL that would reach the network or local files (SERVICE, LOAD, FROM <…>).

    Oxigraph runs SERVICE and LOAD with its own HTTP client, which Python cannot intercept, so the parsed
    query is inspected before it runs.

    Example:
        >>> check_network_access("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }")
        Traceback (most recent call last):
        kg.errors.QueryError: SERVICE is refused: queries may not reach the network (use --allow-network)
    """
    from kg.sparql_guard import network_operations

    found = network_operations(sparql, update=update)
    if found:
        raise QueryError(
            f"{found[0]} is refused: queries may not reach the network (use --allow-network)"
        )


class Store:
    """The interface every backend implements."""

    location: str

    def query(
        self, sparql: str, *, timeout: float | None = DEFAULT_TIMEOUT, allow_network: bool = False
    ) -> QueryResult:
        """Run a SPARQL 1.1 query over the union of all graphs."""
        raise NotImplementedError

    def update(self, sparql: str, *, allow_network: bool = False) -> None:
        """Run a SPARQL 1.1 update as one transaction."""
        raise NotImplementedError

    def replace_graph(self, graph: str, triples: Iterable[Triple]) -> None:
        """Replace one named graph with ``triples`` in a single transaction."""
        raise NotImplementedError

    def remove_graph(self, graph: str) -> bool:
        """Delete a named graph; True if it existed."""
        raise NotImplementedError

    def graphs(self) -> list[str]:
        """The named graphs, sorted."""
        raise NotImplementedError

    def quads(self) -> Iterator[tuple[Node, Node, Node, str | None]]:
        """Every quad (subject, predicate, object, graph IRI or None)."""
        raise NotImplementedError

    def triples(self, graph: str) -> set[Triple]:
        """The triples of one named graph (empty when it does not exist).

        Example:
            >>> s = open_store("memory:")
            >>> s.replace_graph("https://example.org/g", [(RDFS.Class, RDFS.label, Literal("c"))])
            >>> len(s.triples("https://example.org/g"))
            1
        """
        res = self.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}", timeout=None)
        return {(r["s"], r["p"], r["o"]) for r in res.rows}  # type: ignore[misc]

    def count(self, graph: str | None = None) -> int:
        """Number of triples in one graph or in all of them."""
        where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "GRAPH ?g { ?s ?p ?o }"
        res = self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}", timeout=None)
        return int(res.rows[0]["n"])  # type: ignore[arg-type]

    def close(self) -> None:
        """Release the store (the lock of an on-disk store)."""


def rows(store: Store, sparql: str) -> list[dict[str, str]]:
    """A SELECT (the project's prefixes declared, no timeout) as rows of strings; unbound variables left out.

    Example:
        >>> s = open_store("memory:")
        >>> s.replace_graph("https://example.org/g", [(RDFS.Class, RDFS.label, Literal("c"))])
        >>> rows(s, "SELECT ?l WHERE { ?s rdfs:label ?l OPTIONAL { ?s skos:notation ?n } }")
        [{'l': 'c'}]
    """
    from kg.namespaces import sparql_prologue

    res = store.query(sparql_prologue() + sparql, timeout=None)
    return [{k: str(v) for k, v in r.items() if v is not None} for r in res.rows]


def _insert_data(graph: str, triples: Iterable[Triple]) -> str:
    body = "\n".join(f"{to_ox(s)} {to_ox(p)} {to_ox(o)} ." for s, p, o in triples)
    return f"DROP SILENT GRAPH <{graph}> ;\nINSERT DATA {{ GRAPH <{graph}> {{\n{body}\n}} }}"


_ABANDONED: set[threading.Thread] = set()


def abandoned_queries() -> int:
    """How many timed-out queries are still running in the background.

    pyoxigraph (0.5) cannot cancel a running query, so a query that times out is abandoned: the caller gets
    QueryError at once, while its worker thread runs on (using a core, not the GIL) until the query ends or
    the process exits. A one-shot CLI exits right away; a long-lived server uses this count to refuse new
    queries while too many abandoned ones are still running.

    Example:
        >>> abandoned_queries()
        0
    """
    for t in list(_ABANDONED):
        if not t.is_alive():
            _ABANDONED.discard(t)
    return len(_ABANDONED)


def _run_with_timeout(fn, timeout: float | None):  # type: ignore[no-untyped-def]
    """Run ``fn`` in a daemon thread; raise QueryTimeout when it outlives ``timeout`` seconds (the thread is
    abandoned: see ``abandoned_queries``)."""
    if timeout is None:
        return fn()
    box: dict[str, object] = {}

    def work() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # handed back to the caller's thread
            # pyoxigraph result objects may only be dropped on the thread that made them: free the locals of
            # the finished frames here, keeping the traceback for display
            e: BaseException | None = exc
            while e is not None:
                traceback.clear_frames(e.__traceback__)
                e = e.__cause__ or e.__context__
            box["error"] = exc

    t = threading.Thread(target=work, daemon=True)
    t.start()
    t.join(timeout)
    if t.is_alive():
        _ABANDONED.add(t)
        raise QueryTimeout.after(timeout)  # type: ignore[arg-type]
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["value"]


class OxigraphStore(Store):
    """Oxigraph via pyoxigraph: an on-disk RocksDB store, or in memory when ``path`` is None."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.read_only = read_only and path is not None
        self.location = "memory:" if path is None else str(path)
        try:
            if path is None:
                self._store = ox.Store()
            elif read_only:
                self._store = ox.Store.read_only(str(path))
            else:
                Path(path).mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(path))
        except OSError as exc:
            text = str(exc)
            if "lock" in text.lower():
                raise StoreLockedError(
                    f"{path}: store is in use by another process (close it, or use another --store)"
                ) from None
            raise StoreError(f"{path}: cannot open store: {text}") from None

    def query(
        self, sparql: str, *, timeout: float | None = DEFAULT_TIMEOUT, allow_network: bool = False
    ) -> QueryResult:
        if not allow_network:
            check_network_access(sparql)
        deadline = None if timeout is None else time.monotonic() + timeout

        def run() -> QueryResult:
            try:
                res = self._store.query(sparql, use_default_graph_as_union=True, prefixes=_OX_PREFIXES)
                return _collect(res, deadline, timeout)  # evaluation is lazy: errors surface here too
            except SyntaxError as exc:
                raise QueryError(f"SPARQL syntax error: {exc}") from None
            except OSError as exc:
                raise QueryError(f"query failed: {exc}") from None

        return _run_with_timeout(run, timeout)

    def update(self, sparql: str, *, allow_network: bool = False) -> None:
        if not allow_network:
            check_network_access(sparql, update=True)
        if self.read_only:
            raise StoreError(f"{self.location}: store is open read-only")
        try:
            self._store.update(sparql, prefixes=_OX_PREFIXES)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from None
        except OSError as exc:
            raise StoreError(f"{self.location}: update failed: {exc}") from None

    def replace_graph(self, graph: str, triples: Iterable[Triple]) -> None:
        self.update(_insert_data(graph, triples), allow_network=True)

    def remove_graph(self, graph: str) -> bool:
        if self.read_only:
            raise StoreError(f"{self.location}: store is open read-only")
        node = ox.NamedNode(graph)
        if not self._store.contains_named_graph(node):
            return False
        self._store.remove_graph(node)
        return True

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def quads(self) -> Iterator[tuple[Node, Node, Node, str | None]]:
        for q in self._store.quads_for_pattern(None, None, None, None):
            g = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else None
            yield to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object), g

    def close(self) -> None:
        if getattr(self, "_store", None) is not None:
            if not self.read_only:
                try:
                    self._store.flush()
                except (OSError, RuntimeError):
                    pass
            self._store = None  # type: ignore[assignment]
            import gc

            gc.collect()


def _collect(res: object, deadline: float | None, timeout: float | None = None) -> QueryResult:
    if isinstance(res, ox.QueryBoolean):
        return QueryResult(boolean=bool(res))
    if isinstance(res, ox.QuerySolutions):
        names = [v.value for v in res.variables]
        rows: list[dict[str, Node | None]] = []
        for i, sol in enumerate(res):
            if deadline is not None and i % 1000 == 0 and time.monotonic() > deadline:
                raise QueryTimeout.after(timeout)  # type: ignore[arg-type]
            rows.append({n: (to_rdflib(sol[n]) if sol[n] is not None else None) for n in names})
        return QueryResult(vars=names, rows=rows)
    g = Graph()
    for t in res:  # type: ignore[attr-defined]
        g.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
    return QueryResult(graph=g)


def open_store(location: str | None = None, *, read_only: bool = False) -> Store:
    """Open a store: a directory path (created if missing), ``memory:``, or an ``http(s)://`` endpoint.

    Example:
        >>> open_store("memory:").graphs()
        []
    """
    from kg.paths import default_store

    loc = location or default_store()
    if loc == "memory:" or loc.startswith("memory:"):
        return OxigraphStore(None)
    if loc.startswith(("http://", "https://")):
        from kg.remote import SparqlHttpStore

        return SparqlHttpStore(loc, read_only=read_only)
    return OxigraphStore(loc, read_only=read_only)


__all__ = [
    "RDFS",
    "Literal",
    "OxigraphStore",
    "QueryResult",
    "Store",
    "URIRef",
    "abandoned_queries",
    "check_network_access",
    "open_store",
    "rows",
]
