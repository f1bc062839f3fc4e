"""A store on any SPARQL 1.1 server, over the standard HTTP protocols (stdlib ``urllib``, no extra dependency).

Endpoint rule (``endpoints``): the location given to ``--store`` is read as follows.

- A server base with no path, e.g. ``http://127.0.0.1:7878``: an Oxigraph server. Queries go to
  ``/query`` (with the ``union-default-graph`` parameter, so queries see the union of the named graphs),
  updates to ``/update``, graph replace/remove to ``/store?graph=…`` (Graph Store Protocol).
- A URL ending in ``/query`` (Oxigraph, Fuseki ``/ds/query``): updates go to the sibling ``/update``.
  Graphs are replaced and removed with SPARQL Update (``DROP SILENT GRAPH`` + ``INSERT DATA`` in one
  request, which the server runs as one transaction).
- Any other URL (``…/sparql`` for Virtuoso, Blazegraph, QLever; a Fuseki dataset ``…/ds``): that one URL
  takes both queries and updates, as the SPARQL 1.1 Protocol allows.

``SparqlHttpStore(..., update_url=…, store_url=…, union_param=…)`` overrides any of these.
Queries must see the union of the named graphs: Oxigraph gets the ``union-default-graph`` parameter; other
servers must be configured so (Fuseki/TDB2: ``tdb2:unionDefaultGraph true``; GraphDB and Virtuoso query the
union by default). The project's prefixes (``rec:``, ``id:``, ``skos:``…) are declared before every query and
update, as the embedded store does. Every request has a timeout; SERVICE, LOAD and FROM are refused before
anything is sent unless ``allow_network`` is given.

Example:
    >>> endpoints("http://127.0.0.1:7878").update
    'http://127.0.0.1:7878/update'
    >>> endpoints("http://example.org/ds/sparql").store is None
    True
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import QueryError, QueryTimeout, StoreError
from kg.namespaces import sparql_prologue
from kg.store import DEFAULT_TIMEOUT, QueryResult, Store, Triple, _insert_data, check_network_access
from kg.terms import to_ox

REQUEST_TIMEOUT = 120.0
"""Seconds allowed for a request that has no query timeout of its own (updates, uploads, counts)."""

_ACCEPT_QUERY = "application/sparql-results+json, application/n-triples;q=0.9"
_UNION_PARAM = "union-default-graph"


@dataclass(frozen=True)
class Endpoints:
    """Where queries, updates and Graph Store Protocol requests go (``store`` None: use SPARQL Update)."""

    query: str
    update: str
    store: str | None
    union_param: str | None


def endpoints(url: str) -> Endpoints:
    """The endpoints for a store location (the rule in the module docstring).

    Example:
        >>> endpoints("http://127.0.0.1:7878/query").update
        'http://127.0.0.1:7878/update'
    """
    parts = urllib.parse.urlsplit(url)
    path = parts.path.rstrip("/")

    def at(p: str) -> str:
        return urllib.parse.urlunsplit((parts.scheme, parts.netloc, p, parts.query, ""))

    if not path:
        return Endpoints(at("/query"), at("/update"), at("/store"), _UNION_PARAM)
    if path.endswith("/query"):
        base = path[: -len("/query")]
        return Endpoints(at(path), at(base + "/update"), None, None)
    return Endpoints(at(path), at(path), None, None)


def _with_param(url: str, name: str) -> str:
    return url + ("&" if "?" in url else "?") + urllib.parse.quote(name)


def _term(b: dict[str, str]) -> Node:
    kind = b["type"]
    if kind == "uri":
        return URIRef(b["value"])
    if kind == "bnode":
        return BNode(b["value"])
    if kind in {"literal", "typed-literal"}:
        if "xml:lang" in b:
            return Literal(b["value"], lang=b["xml:lang"])
        dt = b.get("datatype")
        if dt and dt != "http://www.w3.org/2001/XMLSchema#string":
            return Literal(b["value"], datatype=URIRef(dt))
        return Literal(b["value"])
    raise QueryError(f"unsupported term in SPARQL results: {kind}")


def parse_json_results(data: bytes) -> QueryResult:
    """SPARQL 1.1 Query Results JSON → QueryResult; QueryError when ``data`` is not that.

    Example:
        >>> parse_json_results(b'{"head": {}, "boolean": true}').boolean
        True
        >>> parse_json_results(b'<html>')
        Traceback (most recent call last):
        kg.errors.QueryError: not SPARQL JSON results (JSONDecodeError: Expecting value: line 1 column 1 (char 0))
    """
    try:
        doc = json.loads(data)
        if "boolean" in doc:
            return QueryResult(boolean=bool(doc["boolean"]))
        names = [str(n) for n in doc.get("head", {}).get("vars", [])]
        rows = [
            {n: (_term(b[n]) if n in b else None) for n in names}
            for b in doc.get("results", {}).get("bindings", [])
        ]
    except (ValueError, KeyError, TypeError, AttributeError) as exc:  # not JSON, or not shaped like results
        detail = f"missing {exc}" if isinstance(exc, KeyError) else str(exc).splitlines()[0] if str(exc) else ""
        raise QueryError(f"not SPARQL JSON results ({type(exc).__name__}: {detail})") from None
    return QueryResult(vars=names, rows=rows)


class SparqlHttpStore(Store):
    """The Store interface over the SPARQL 1.1 Protocol, Update and Graph Store Protocol.

    Example:
        >>> s = SparqlHttpStore("http://127.0.0.1:7878", read_only=True)
        >>> s.update("CLEAR ALL")
        Traceback (most recent call last):
        kg.errors.StoreError: http://127.0.0.1:7878: store is opened read-only
    """

    def __init__(
        self,
        url: str,
        *,
        read_only: bool = False,
        update_url: str | None = None,
        store_url: str | None = None,
        union_param: str | None = None,
        request_timeout: float = REQUEST_TIMEOUT,
    ) -> None:
        self.location = url
        ep = endpoints(url)
        self.endpoints = Endpoints(
            ep.query, update_url or ep.update, store_url or ep.store, union_param or ep.union_param
        )
        self.read_only = read_only
        self.request_timeout = request_timeout

    # -- HTTP -------------------------------------------------------------------------------------------
    def _request(
        self, method: str, url: str, *, body: bytes | None = None, headers: dict[str, str] | None = None,
        timeout: float | None = None, what: str = "request", missing_ok: bool = False,
    ) -> tuple[int, str, bytes]:
        """Send one request; returns (status, content type, body). An answer outside 2xx raises (QueryError
        for 400, else StoreError), except that 404 is returned when ``missing_ok`` (a Graph Store DELETE of
        a graph that does not exist). ``timeout`` None means the store's ``request_timeout``: no request
        waits forever."""
        limit = timeout if timeout is not None else self.request_timeout
        deadline = time.monotonic() + limit
        req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=limit) as resp:
                chunks = []
                while chunk := resp.read(1 << 16):
                    chunks.append(chunk)
                    if time.monotonic() > deadline:
                        raise TimeoutError
                if not 200 <= resp.status < 300:
                    raise StoreError(f"{self.location}: {what} failed: HTTP {resp.status} from {url}")
                return resp.status, resp.headers.get("Content-Type", ""), b"".join(chunks)
        except urllib.error.HTTPError as exc:
            text = exc.read().decode("utf-8", "replace").strip()
            if exc.code == 404:
                if missing_ok:
                    return 404, "", text.encode()
                raise StoreError(f"{self.location}: {what} failed: nothing at {url} (HTTP 404)") from None
            first = text.splitlines()[0] if text else exc.reason
            if exc.code == 400:
                raise QueryError(f"{self.location}: {what} rejected: {first}") from None
            raise StoreError(f"{self.location}: {what} failed: HTTP {exc.code}: {first}") from None
        except TimeoutError:
            if what == "query":
                raise QueryTimeout.after(limit) from None
            raise StoreError(f"{self.location}: {what} timed out after {limit:g} s") from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError) and what == "query":
                raise QueryTimeout.after(limit) from None
            raise StoreError(f"{self.location}: cannot reach the SPARQL endpoint: {exc.reason}") from None
        except OSError as exc:
            raise StoreError(f"{self.location}: {what} failed: {exc}") from None

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.location}: store is opened read-only")

    # -- Store interface --------------------------------------------------------------------------------
    def query(
        self, sparql: str, *, timeout: float | None = DEFAULT_TIMEOUT, allow_network: bool = False
    ) -> QueryResult:
        if not allow_network:
            check_network_access(sparql)
        ep = self.endpoints
        url = _with_param(ep.query, ep.union_param) if ep.union_param else ep.query
        body = urllib.parse.urlencode({"query": sparql_prologue() + sparql}).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": _ACCEPT_QUERY}
        _, ctype, data = self._request("POST", url, body=body, headers=headers, timeout=timeout, what="query")
        ctype = ctype.split(";")[0].strip().lower()
        try:
            if ctype in {"application/sparql-results+json", "application/json"}:
                return parse_json_results(data)
            if ctype in {"application/n-triples", "text/plain", "text/turtle"}:
                g = Graph()
                g.parse(data=data.decode("utf-8"), format="turtle" if ctype == "text/turtle" else "nt")
                return QueryResult(graph=g)
        except QueryError as exc:
            raise QueryError(f"unexpected answer from {url}: {exc}") from None
        except Exception as exc:  # rdflib's parsers raise many kinds
            raise QueryError(f"unexpected answer from {url}: {type(exc).__name__}: "
                             f"{str(exc).splitlines()[0] if str(exc) else ''}") from None
        raise QueryError(f"unexpected answer from {url}: content type {ctype or 'missing'!r}")

    def update(self, sparql: str, *, allow_network: bool = False) -> None:
        self._writable()
        if not allow_network:
            check_network_access(sparql, update=True)
        body = urllib.parse.urlencode({"update": sparql_prologue() + sparql}).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        self._request("POST", self.endpoints.update, body=body, headers=headers, what="update")

    def _graph_url(self, graph: str) -> str:
        assert self.endpoints.store is not None
        return self.endpoints.store + "?" + urllib.parse.urlencode({"graph": graph})

    def replace_graph(self, graph: str, triples: Iterable[Triple]) -> None:
        self._writable()
        if self.endpoints.store is None:
            self.update(_insert_data(graph, triples), allow_network=True)
            return
        body = "".join(f"{to_ox(s)} {to_ox(p)} {to_ox(o)} .\n" for s, p, o in triples).encode("utf-8")
        headers = {"Content-Type": "application/n-triples"}
        self._request("PUT", self._graph_url(graph), body=body, headers=headers, what="graph upload")

    def remove_graph(self, graph: str) -> bool:
        self._writable()
        if self.endpoints.store is not None:
            status, _, _ = self._request("DELETE", self._graph_url(graph), what="graph removal", missing_ok=True)
            return status != 404
        existed = graph in self.graphs()
        if existed:
            self.update(f"DROP SILENT GRAPH <{graph}>", allow_network=True)
        return existed

    def graphs(self) -> list[str]:
        res = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }", timeout=None)
        return sorted(str(r["g"]) for r in res.rows if isinstance(r.get("g"), URIRef))

    def quads(self) -> Iterator[tuple[Node, Node, Node, str | None]]:
        res = self.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }", timeout=None)
        for r in res.rows:
            yield r["s"], r["p"], r["o"], str(r["g"])  # type: ignore[misc]


__all__ = ["REQUEST_TIMEOUT", "Endpoints", "SparqlHttpStore", "endpoints", "parse_json_results"]
