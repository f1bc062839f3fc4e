"""A store on a real SPARQL server: the ``oxigraph`` server from the PyPI package, on a loopback port."""

from __future__ import annotations

import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef
from rdflib.namespace import RDFS

from kg.build import build
from kg.cli import cli
from kg.errors import QueryError, StoreError
from kg.export import export_store
from kg.ingest import store_graph_if_changed
from kg.namespaces import ID
from kg.query import QueryResult, list_named_queries, run_named
from kg.remote import SparqlHttpStore, endpoints
from kg.store import Store

pytestmark = pytest.mark.server

PARAMS = {"mentions": {"entity": "id:party/hamas"}, "evidence": {"subject": "id:agreement/2017-10-12-cairo"}}
EX = "https://example.org/"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def oxigraph_binary() -> str | None:
    """The ``oxigraph`` console script installed beside this Python, else on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    binary = oxigraph_binary()
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("the oxigraph server is not installed (pip install oxigraph); required in CI")
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    port = free_port()
    proc = subprocess.Popen(
        [binary, "serve", "--location", str(tmp_path_factory.mktemp("oxigraph")), "--bind", f"127.0.0.1:{port}",
         "--timeout-s", "3"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()  # blocks until it listens, or "" if it died
        assert first.startswith("Listening for requests at"), first
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture(scope="module")
def built(server: str) -> tuple[Store, Store]:
    remote = build(sources=[], store_location=server, dump_path=None, keep_open=True)
    local = build(sources=[], store_location="memory:", dump_path=None, validate=False, keep_open=True)
    assert remote.violations == [] and remote.counts == local.counts
    assert remote.handle is not None and local.handle is not None
    return remote.handle, local.handle


def rows_of(res: QueryResult) -> list[tuple[str, ...]]:
    """Rows as sorted tuples; GROUP_CONCAT lists ("a; b") compared as sets, as their order is unspecified."""
    def cell(t: object) -> str:
        if isinstance(t, Literal) and "; " in t:
            return "; ".join(sorted(t.split("; "))) + f"@{t.language}"
        return "" if t is None else t.n3()  # type: ignore[attr-defined]

    return sorted(tuple(cell(r.get(v)) for v in res.vars) for r in res.rows)


@pytest.mark.parametrize("name", [q.name for q in list_named_queries()])
def test_named_queries_agree_with_the_embedded_store(built: tuple[Store, Store], name: str) -> None:
    remote, local = built
    a = run_named(remote, name, PARAMS.get(name, {}))
    b = run_named(local, name, PARAMS.get(name, {}))
    assert a.vars == b.vars
    assert rows_of(a) == rows_of(b)


def test_some_named_queries_have_answers(built: tuple[Store, Store]) -> None:
    remote, _ = built
    assert len(run_named(remote, "agreements").rows) >= 5
    assert len(run_named(remote, "evidence", PARAMS["evidence"]).rows) >= 1


def test_dump_of_the_server_equals_the_embedded_dump(built: tuple[Store, Store]) -> None:
    remote, local = built
    assert remote.graphs() == local.graphs()
    assert export_store(remote, "trig") == export_store(local, "trig")


def test_write_semantics_over_graph_store_protocol(server: str) -> None:
    s = SparqlHttpStore(server)
    assert s.endpoints.store == f"{server}/store"
    g = str(ID["article/remote1"])
    facts = [(URIRef(f"{EX}e{i}"), RDFS.label, Literal(f"fact {i}", lang="en")) for i in range(10)]
    assert store_graph_if_changed(s, g, facts) is True
    assert store_graph_if_changed(s, g, facts) is False
    assert store_graph_if_changed(s, g, facts[:3]) is True
    assert s.count(g) == 3 and s.triples(g) == set(facts[:3])
    assert s.remove_graph(g) is True
    assert s.remove_graph(g) is False
    assert g not in s.graphs()


def test_write_semantics_over_sparql_update(server: str) -> None:
    s = SparqlHttpStore(f"{server}/query")  # no Graph Store Protocol: updates only
    assert s.endpoints.store is None and s.endpoints.update == f"{server}/update"
    g = str(ID["article/remote2"])
    s.replace_graph(g, [(URIRef(EX + "a"), RDFS.label, Literal("one"))])
    s.replace_graph(g, [(URIRef(EX + "a"), RDFS.label, Literal("two"))])
    union = SparqlHttpStore(server)  # queries through /query?union-default-graph
    assert union.query(f"SELECT ?l WHERE {{ <{EX}a> ?p ?l }}").rows == [{"l": Literal("two")}]
    assert s.remove_graph(g) is True and s.remove_graph(g) is False


def test_read_only_remote_refuses_writes(server: str) -> None:
    s = SparqlHttpStore(server, read_only=True)
    with pytest.raises(StoreError, match="store is opened read-only"):
        s.replace_graph(EX + "g", [])


def test_syntax_error_is_a_query_error(server: str) -> None:
    with pytest.raises(QueryError, match=r"^SPARQL syntax error"):
        SparqlHttpStore(server).query("SELEC ?x")  # caught by the client-side check before sending
    with pytest.raises(QueryError, match=r"query rejected: .*Prefix not found"):  # parses, but the server refuses it
        SparqlHttpStore(server).query("SELECT ?x WHERE { ?x a nope:thing }")


def test_remote_query_times_out(server: str) -> None:
    s = SparqlHttpStore(server)
    big = str(ID["article/remote-big"])
    s.replace_graph(big, [(URIRef(f"{EX}b{i}"), RDFS.label, Literal(f"x{i}")) for i in range(3000)])
    try:
        t0 = time.monotonic()
        with pytest.raises(QueryError, match=r"^query timed out after 1 s"):
            s.query("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }", timeout=1)
        assert time.monotonic() - t0 < 3
    finally:
        s.remove_graph(big)  # the server's own --timeout-s stops the query there


def test_cli_query_against_the_server(built: tuple[Store, Store], server: str) -> None:
    r = CliRunner().invoke(cli, ["query", "agreements", "--format", "csv", "--store", server])
    assert r.exit_code == 0, r.output
    local = run_named(built[1], "agreements")
    assert len(r.output.splitlines()) == 1 + len(local.rows)


def test_service_is_refused_before_anything_is_sent() -> None:
    # nothing listens on this port: a refusal (not a connection error) proves no request was made
    s = SparqlHttpStore(f"http://127.0.0.1:{free_port()}")
    with pytest.raises(QueryError, match=r"^SERVICE is refused"):
        s.query("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    with pytest.raises(StoreError, match="cannot reach the SPARQL endpoint"):
        s.query("ASK { ?s ?p ?o }")


def test_endpoint_rule() -> None:
    e = endpoints("http://127.0.0.1:7878/")
    assert (e.query, e.update, e.store, e.union_param) == (
        "http://127.0.0.1:7878/query", "http://127.0.0.1:7878/update", "http://127.0.0.1:7878/store",
        "union-default-graph")
    e = endpoints("http://localhost:3030/ds/query")
    assert (e.query, e.update, e.store) == ("http://localhost:3030/ds/query", "http://localhost:3030/ds/update", None)
    e = endpoints("https://example.org/sparql")
    assert (e.query, e.update, e.store, e.union_param) == (
        "https://example.org/sparql", "https://example.org/sparql", None, None)


ODD_ANSWERS = {  # what a remote store should not trust: a proxy's page, broken JSON, an untyped binding
    "/html/sparql": (200, "text/html", b"<html><body>Please sign in</body></html>"),
    "/broken/sparql": (200, "application/sparql-results+json", b'{"head": {"vars": ["x"]}, "results": '),
    "/query": (200, "application/sparql-results+json",
               b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"value": "a"}}]}}'),
    "/update": (204, "text/plain", b""),
}


class _Odd(http.server.BaseHTTPRequestHandler):
    """Answers by path from ODD_ANSWERS; 404 for anything else (such as a missing Graph Store endpoint)."""

    def answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        status, ctype, body = ODD_ANSWERS.get(self.path.split("?")[0], (404, "text/plain", b"Not Found"))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_DELETE = answer  # noqa: N815

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def odd_server() -> Iterator[str]:
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Odd)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}"
    finally:
        srv.shutdown()
        srv.server_close()


def test_html_answer_is_a_query_error(odd_server: str) -> None:
    s = SparqlHttpStore(f"{odd_server}/html/sparql")
    with pytest.raises(QueryError) as err:
        s.query("ASK { ?s ?p ?o }")
    assert str(err.value) == f"unexpected answer from {odd_server}/html/sparql: content type 'text/html'"


def test_malformed_json_and_untyped_binding_are_query_errors(odd_server: str) -> None:
    with pytest.raises(QueryError, match=rf"^unexpected answer from {odd_server}/broken/sparql: not SPARQL JSON "
                       r"results \(JSONDecodeError: "):
        SparqlHttpStore(f"{odd_server}/broken/sparql").query("SELECT ?x WHERE { ?x ?p ?o }")
    with pytest.raises(QueryError) as err:
        SparqlHttpStore(odd_server).query("SELECT ?x WHERE { ?x ?p ?o }")
    assert str(err.value) == (f"unexpected answer from {odd_server}/query?union-default-graph: "
                              "not SPARQL JSON results (KeyError: missing 'type')")


def test_writes_to_a_missing_endpoint_fail_loudly(odd_server: str) -> None:
    s = SparqlHttpStore(odd_server)  # /update answers 204, /store does not exist
    with pytest.raises(StoreError) as err:
        s.replace_graph(EX + "g", [(URIRef(EX + "a"), RDFS.label, Literal("A"))])
    assert str(err.value) == (f"{odd_server}: graph upload failed: nothing at "
                              f"{odd_server}/store?graph=https%3A%2F%2Fexample.org%2Fg (HTTP 404)")
    s.update("CLEAR ALL")  # the update endpoint itself works
    with pytest.raises(StoreError, match=r"update failed: nothing at .*/missing/sparql \(HTTP 404\)$"):
        SparqlHttpStore(f"{odd_server}/missing/sparql").update("CLEAR ALL")
    assert s.remove_graph(EX + "g") is False  # a DELETE's 404 means "no such graph"


def test_cli_reports_an_unexpected_answer_in_one_line(odd_server: str) -> None:
    r = CliRunner().invoke(cli, ["query", "agreements", "--store", f"{odd_server}/html/sparql"])
    assert r.exit_code == 1
    assert r.output == f"Error: unexpected answer from {odd_server}/html/sparql: content type 'text/html'\n"
