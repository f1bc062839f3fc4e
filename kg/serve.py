"""A SPARQL 1.1 Protocol endpoint over a store, with a small HTML home page (standard library only).

Routes:
    ``/sparql``   GET ``?query=``, POST form (``query=`` or ``update=``), POST ``application/sparql-query`` or
                  ``application/sparql-update``. SELECT/ASK answer in SPARQL JSON, XML, CSV or TSV; CONSTRUCT and
                  DESCRIBE in Turtle, N-Triples or JSON-LD, chosen by the ``Accept`` header (default JSON /
                  Turtle). Updates are refused (403) unless the server was made with ``allow_update``.
    ``/``         the named queries, each runnable from a link or a form, plus links to the graph pages.
    ``/run/NAME`` a named query's result as an HTML table (every value escaped).
    ``/pages/…``  read-only files from the pages folder (``data/build``): .html, .js, .css, .json, images.

Every answer carries ``Access-Control-Allow-Origin: *``; OPTIONS answers CORS preflight. Queries run with the
store's timeout and network refusal (SERVICE, LOAD, FROM). A timed-out query cannot be cancelled inside
pyoxigraph, so it runs on in the background (see ``kg.store.abandoned_queries``); while ``max_abandoned``
such queries are still running, new queries get 503 instead of piling up on the CPU.

Example:
    >>> from kg.store import open_store
    >>> srv = make_server(open_store("memory:"), port=0)
    >>> srv.server_address[0]
    '127.0.0.1'
    >>> srv.server_close()
"""

from __future__ import annotations

import html
import sys
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from kg.errors import KGError, QueryError, QueryTimeout, StoreError, UsageError
from kg.query import list_named_queries, run_named
from kg.render.html import render_page
from kg.results import WRITERS, csv_value, to_tsv
from kg.store import QueryResult, Store, abandoned_queries

MAX_BODY = 16 * 1024 * 1024
PAGE_SUFFIXES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                 ".css": "text/css; charset=utf-8", ".json": "application/json", ".svg": "image/svg+xml",
                 ".png": "image/png"}

RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "text/plain": "nt",
    "application/ld+json": "json-ld",
}


def negotiate(accept: str | None, offered: list[str]) -> str | None:
    """The offered media type the ``Accept`` header likes best (first offered wins ties); None if none.

    Example:
        >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", ["application/json", "text/csv",
        ...           "application/sparql-results+xml"])
        'application/sparql-results+xml'
    """
    if not accept or not accept.strip():
        return offered[0]
    best: tuple[float, int] | None = None
    choice = None
    for rank, media in enumerate(offered):
        major = media.split("/")[0]
        q_here = 0.0
        for part in accept.split(","):
            fields = [f.strip() for f in part.split(";")]
            kind = fields[0].lower()
            q = 1.0
            for f in fields[1:]:
                if f.startswith("q="):
                    try:
                        q = float(f[2:])
                    except ValueError:
                        q = 0.0
            if kind in {media, f"{major}/*", "*/*"}:
                specificity = 2 if kind == media else 1 if kind.endswith("/*") and kind != "*/*" else 0
                q_here = max(q_here, q + specificity * 1e-3)
        if q_here > 0 and (best is None or q_here > best[0]):
            best, choice = (q_here, -rank), media
    return choice


def serialize_result(res: QueryResult, kind: str) -> bytes:
    """A query result in one of the protocol formats: ``json``, ``xml``, ``csv``, ``tsv`` (SELECT/ASK, written by
    ``kg.results``; another kind gives TSV) or ``turtle``, ``nt``, ``json-ld`` (graphs).

    Example:
        >>> from rdflib import URIRef
        >>> serialize_result(QueryResult(vars=["x"], rows=[{"x": URIRef("https://ex.org/a")}]), "tsv")
        b'?x\\n<https://ex.org/a>\\n'
    """
    if res.graph is not None:
        return res.graph.serialize(format=kind).encode("utf-8")
    return WRITERS.get(kind, to_tsv)(res).encode("utf-8")


_STYLE = (
    "body{font:15px/1.4 system-ui,sans-serif;margin:2em auto;max-width:70em;padding:0 1em}"
    "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left;"
    "vertical-align:top}th{background:#eee}form.q{display:inline}code{background:#f4f4f4}"
)
#: Sent as a header with the server's own pages, besides the page's policy: they may not be framed.
_FRAMING = {"Content-Security-Policy": "frame-ancestors 'none'"}


def _page(title: str, body: str) -> bytes:
    """A server page: the project's page shell (its Content-Security-Policy allows no script at all and forms
    only to this server), with the title as a heading."""
    return render_page(title, f"<h1>{html.escape(title)}</h1>\n{body}", style=_STYLE, probe=False,
                       forms=True).encode("utf-8")


def home_page(pages: list[str]) -> bytes:
    """The home page: named queries (a link, or a form for those with parameters), graph pages, a query box."""
    items = []
    for q in list_named_queries():
        link = f'<a href="/run/{urllib.parse.quote(q.name)}">{html.escape(q.title)}</a>'
        form = ""
        if q.params:
            fields = "".join(
                f' <label>{html.escape(p.name)} <input name="{html.escape(p.name)}" '
                f'value="{html.escape(p.default or "")}" placeholder="{html.escape(p.type)}'
                f'{" (optional)" if p.optional else ""}"></label>'
                for p in q.params
            )
            form = (f'<form class="q" action="/run/{urllib.parse.quote(q.name)}" method="get">{fields} '
                    '<button>run</button></form>')
        items.append(f"<li>{link} <code>{html.escape(q.name)}</code>: {html.escape(q.description)}{form}</li>")
    page_links = "".join(
        f'<li><a href="/pages/{urllib.parse.quote(p)}">{html.escape(p)}</a></li>' for p in pages
    )
    body = (
        "<h2>Named queries</h2>\n<ul>\n" + "\n".join(items) + "\n</ul>\n"
        + (f"<h2>Graph pages</h2>\n<ul>{page_links}</ul>\n" if pages else "")
        + '<h2>SPARQL</h2>\n<form action="/sparql" method="get"><textarea name="query" rows="6" cols="80">'
        "SELECT * WHERE { ?s ?p ?o } LIMIT 10</textarea><br><button>run (JSON)</button></form>\n"
        "<p>Endpoint: <code>/sparql</code> (SPARQL 1.1 Protocol).</p>"
    )
    return _page("reconciliation-kg", body)


def result_page(title: str, res: QueryResult) -> bytes:
    """A result as an HTML table; every value is escaped."""
    if res.boolean is not None:
        return _page(title, f"<p>{'true' if res.boolean else 'false'}</p>")
    if res.graph is not None:
        text = res.graph.serialize(format="turtle")
        return _page(title, f"<pre>{html.escape(text)}</pre>")
    head = "".join(f"<th>{html.escape(v)}</th>" for v in res.vars)
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(csv_value(r.get(v)))}</td>" for v in res.vars) + "</tr>\n"
        for r in res.rows
    )
    n = len(res.rows)
    return _page(title, f'<p><a href="/">home</a> · {n} row{"s" if n != 1 else ""}</p>\n'
                 f"<table><tr>{head}</tr>\n{rows}</table>")


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server; the handler reads its settings from here."""

    daemon_threads = True

    def __init__(
        self, address: tuple[str, int], store: Store, *, allow_update: bool = False, timeout: float = 30.0,
        allow_network: bool = False, pages_dir: Path | None = None, max_abandoned: int = 2,
        verbose: bool = False,
    ) -> None:
        super().__init__(address, _Handler)
        self.store = store
        self.allow_update = allow_update
        self.query_timeout = timeout
        self.allow_network = allow_network
        self.pages_dir = pages_dir
        self.max_abandoned = max_abandoned
        self.verbose = verbose

    def pages(self) -> list[str]:
        """The ``*.html`` files in the pages folder, sorted."""
        if self.pages_dir is None or not self.pages_dir.is_dir():
            return []
        return sorted(p.name for p in self.pages_dir.glob("*.html") if p.is_file())


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "reconciliation-kg"

    # -- plumbing ---------------------------------------------------------------------------------------
    def log_message(self, format: str, *args: object) -> None:
        if self.server.verbose:
            sys.stderr.write("%s - %s\n" % (self.address_string(), format % args))  # noqa: UP031

    def _send(self, status: int, body: bytes, ctype: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("X-Content-Type-Options", "nosniff")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str, extra: dict[str, str] | None = None) -> None:
        if self.path.startswith("/run/"):  # pages people read in a browser: an escaped HTML page
            body = _page(f"Error {int(status)}", f'<p>{html.escape(message)}</p><p><a href="/">home</a></p>')
            self._send(status, body, "text/html; charset=utf-8", {**_FRAMING, **(extra or {})})
            return
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8", extra)

    def _body(self) -> bytes | None:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0:
            self._error(HTTPStatus.BAD_REQUEST, "Content-Length must be a non-negative whole number")
            return None
        if length > MAX_BODY:
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request body over {MAX_BODY} bytes")
            return None
        return self.rfile.read(length) if length else b""

    # -- methods ----------------------------------------------------------------------------------------
    def do_OPTIONS(self) -> None:
        self._send(HTTPStatus.NO_CONTENT, b"", "text/plain", {
            "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
            "Access-Control-Allow-Headers": "Content-Type, Accept",
            "Access-Control-Max-Age": "86400",
        })

    def do_GET(self) -> None:
        if self._refused_host():
            return
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        path = url.path
        if path == "/sparql":
            if "update" in params:
                self._error(HTTPStatus.BAD_REQUEST, "updates must be sent with POST")
                return
            self._query(params)
        elif path in {"/", "/index.html"}:
            self._send(HTTPStatus.OK, home_page(self.server.pages()), "text/html; charset=utf-8", _FRAMING)
        elif path.startswith("/run/"):
            self._run_named(urllib.parse.unquote(path[len("/run/"):]), params)
        elif path.startswith("/pages/"):
            self._page_file(urllib.parse.unquote(path[len("/pages/"):]))
        else:
            self._error(HTTPStatus.NOT_FOUND, "not found (try / or /sparql)")

    do_HEAD = do_GET  # noqa: N815 (http.server's method names); _send leaves the body out

    def do_POST(self) -> None:
        if self._refused_host():
            return
        url = urllib.parse.urlsplit(self.path)
        if url.path != "/sparql":
            self._error(HTTPStatus.NOT_FOUND, "not found (POST to /sparql)")
            return
        body = self._body()
        if body is None:
            return
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        if ctype == "application/x-www-form-urlencoded":
            for k, v in urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True).items():
                params.setdefault(k, []).extend(v)
        elif ctype == "application/sparql-query":
            params["query"] = [body.decode("utf-8", "replace")]
        elif ctype == "application/sparql-update":
            params["update"] = [body.decode("utf-8", "replace")]
        else:
            self._error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send application/x-www-form-urlencoded, "
                        "application/sparql-query or application/sparql-update")
            return
        if "update" in params:
            self._update(params["update"][0])
        else:
            self._query(params)

    # -- actions ----------------------------------------------------------------------------------------
    def _query(self, params: dict[str, list[str]]) -> None:
        if "query" not in params:
            self._error(HTTPStatus.BAD_REQUEST, "missing 'query' parameter")
            return
        if "default-graph-uri" in params or "named-graph-uri" in params:
            self._error(HTTPStatus.BAD_REQUEST, "default-graph-uri and named-graph-uri are not supported: "
                        "queries see the union of all graphs")
            return
        res = self._execute(lambda: self.server.store.query(
            params["query"][0], timeout=self.server.query_timeout, allow_network=self.server.allow_network))
        if res is None:
            return
        offered = list(GRAPH_TYPES) if res.graph is not None else list(RESULT_TYPES)
        media = negotiate(self.headers.get("Accept"), offered)
        if media is None:
            self._error(HTTPStatus.NOT_ACCEPTABLE, "no acceptable result format; offered: " + ", ".join(offered))
            return
        kind = (GRAPH_TYPES if res.graph is not None else RESULT_TYPES)[media]
        self._send(HTTPStatus.OK, serialize_result(res, kind), media + "; charset=utf-8", {"Vary": "Accept"})

    def _execute(self, run):  # type: ignore[no-untyped-def]
        """Run a store call; answer the error (and return None) if it fails."""
        busy = abandoned_queries()
        if busy >= self.server.max_abandoned:
            self._error(HTTPStatus.SERVICE_UNAVAILABLE,
                        f"server busy: {busy} timed-out queries are still running; try again later",
                        {"Retry-After": "30"})
            return None
        try:
            return run()
        except QueryTimeout as exc:
            self._error(HTTPStatus.SERVICE_UNAVAILABLE, str(exc))
        except QueryError as exc:
            self._error(HTTPStatus.BAD_REQUEST, str(exc))
        except UsageError as exc:
            self._error(HTTPStatus.BAD_REQUEST, str(exc))
        except (StoreError, KGError) as exc:
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR, str(exc))
        return None

    def _foreign_host(self) -> str | None:
        """On a loopback-bound server, a Host header naming anything but this machine means a DNS-rebound
        page is talking to us: refuse it (reads too), so a web page cannot read the local store's data."""
        host = (self.headers.get("Host") or "").strip().lower()
        name = host.rsplit(":", 1)[0].strip("[]") if host else ""
        bound = str(self.server.server_address[0]).lower()
        loopback = bound in {"127.0.0.1", "::1", "localhost"} or bound.startswith("127.")
        allowed = {"localhost", "127.0.0.1", "::1", bound}
        if name and (name not in allowed) and (loopback or bound not in {"0.0.0.0", "::"}):
            return f"Host {host!r} is not this server's address"
        return None

    def _refused_host(self) -> bool:
        """Answer 403 and return True when the Host header is foreign (see ``_foreign_host``)."""
        foreign = self._foreign_host()
        if foreign:
            self._error(HTTPStatus.FORBIDDEN, foreign)
        return foreign is not None

    def _cross_origin(self) -> str | None:
        """Why a write must be refused as coming from another site (None when it is same-origin or from a
        non-browser client): a web page could otherwise POST a form to a local ``--allow-update`` server, and
        a DNS-rebound name could reach it."""
        host = (self.headers.get("Host") or "").strip().lower()  # a foreign Host was refused in do_POST
        origin = (self.headers.get("Origin") or "").strip().lower()
        if origin and origin not in {f"http://{host}", f"https://{host}"}:
            return f"cross-origin updates are refused (Origin {origin})"
        return None

    def _update(self, text: str) -> None:
        if not self.server.allow_update:
            self._error(HTTPStatus.FORBIDDEN, "updates are disabled on this endpoint "
                        "(start the server with --allow-update to accept them)")
            return
        refused = self._cross_origin()
        if refused:
            self._error(HTTPStatus.FORBIDDEN, refused)
            return
        done = self._execute(lambda: self.server.store.update(text, allow_network=self.server.allow_network)
                             or True)
        if done:
            self._send(HTTPStatus.NO_CONTENT, b"", "text/plain")

    def _run_named(self, name: str, params: dict[str, list[str]]) -> None:
        values = {k: v[0] for k, v in params.items() if v and v[0].strip()}
        res = self._execute(lambda: run_named(self.server.store, name, values,
                                              timeout=self.server.query_timeout,
                                              allow_network=self.server.allow_network))
        if res is not None:
            self._send(HTTPStatus.OK, result_page(name, res), "text/html; charset=utf-8", _FRAMING)

    def _page_file(self, rel: str) -> None:
        root = self.server.pages_dir
        parts = rel.split("/")
        odd = "\x00" in rel or "\\" in rel or any(p in {"", ".", ".."} or p.startswith(".") for p in parts)
        if root is None or not rel or odd:
            self._error(HTTPStatus.NOT_FOUND, "not found")
            return
        base = root.resolve()
        full = (base / rel).resolve()
        ctype = PAGE_SUFFIXES.get(full.suffix.lower())
        if ctype is None or not full.is_relative_to(base) or not full.is_file():
            self._error(HTTPStatus.NOT_FOUND, "not found")
            return
        self._send(HTTPStatus.OK, full.read_bytes(), ctype)


def make_server(
    store: Store, host: str = "127.0.0.1", port: int = 7878, *, allow_update: bool = False,
    timeout: float = 30.0, allow_network: bool = False, pages_dir: Path | None = None, verbose: bool = False,
) -> SparqlServer:
    """A ready server (not yet serving: call ``serve_forever``); port 0 picks a free port."""
    return SparqlServer((host, port), store, allow_update=allow_update, timeout=timeout,
                        allow_network=allow_network, pages_dir=pages_dir, verbose=verbose)


__all__ = ["SparqlServer", "home_page", "make_server", "negotiate", "result_page", "serialize_result"]

