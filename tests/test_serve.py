"""kg serve: the SPARQL 1.1 Protocol endpoint, its formats, update refusal, CORS and the escaped home page."""

from __future__ import annotations

import csv
import io
import json
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, SKOS
from SPARQLWrapper import CSV, JSON, POST, SPARQLWrapper

import kg.serve
from kg.layers import load_layers
from kg.namespaces import ID, REC
from kg.query import list_named_queries
from kg.serve import SparqlServer, make_server, negotiate
from kg.store import OxigraphStore, Store, open_store

pytestmark = pytest.mark.server

EVIL = '<img src=x onerror="alert(1)">'
X = ID["agreement/test-evil"]
LABEL_Q = f"SELECT ?l WHERE {{ <{X}> <{SKOS.prefLabel}> ?l }}"


def make_store() -> Store:
    s = open_store("memory:")
    load_layers(s)
    s.replace_graph(str(ID["article/t1"]), [
        (X, RDF.type, REC.Agreement), (X, SKOS.prefLabel, Literal(EVIL, lang="en")),
    ])
    return s


class Running:
    """A server on a free loopback port, serving in a thread."""

    def __init__(self, store: Store, **kw: object) -> None:
        self.server: SparqlServer = make_server(store, port=0, **kw)  # type: ignore[arg-type]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        host, port = self.server.server_address[:2]
        self.base = f"http://{host}:{port}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("build")
    (root / "network.html").write_text("<html>network</html>")
    (root / "store").mkdir()
    (root / "store" / "CURRENT").write_text("rocksdb")
    (root.parent / "secret.html").write_text("secret")
    return root


@pytest.fixture(scope="module")
def srv(pages: Path) -> Iterator[Running]:
    r = Running(make_store(), pages_dir=pages, timeout=0.5)
    yield r
    r.stop()


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    return call(urllib.request.Request(url, headers=headers or {}))


def post(url: str, body: bytes, ctype: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    return call(urllib.request.Request(url, data=body, method="POST",
                                       headers={"Content-Type": ctype, **(headers or {})}))


def call(req: urllib.request.Request) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def q(text: str) -> str:
    return urllib.parse.urlencode({"query": text})


def test_select_json_over_get(srv: Running) -> None:
    status, headers, body = get(f"{srv.base}/sparql?{q(LABEL_Q)}", {"Accept": "application/sparql-results+json"})
    assert status == 200
    assert headers["Content-Type"] == "application/sparql-results+json; charset=utf-8"
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert json.loads(body) == {"head": {"vars": ["l"]}, "results": {"bindings": [
        {"l": {"type": "literal", "value": EVIL, "xml:lang": "en"}}]}}


def test_select_csv_over_post_form(srv: Running) -> None:
    status, headers, body = post(f"{srv.base}/sparql", q(LABEL_Q).encode(), "application/x-www-form-urlencoded",
                                 {"Accept": "text/csv"})
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert body.decode() == 'l\r\n"<img src=x onerror=""alert(1)"">"\r\n'


def test_select_tsv_and_xml_over_direct_post(srv: Running) -> None:
    status, _, body = post(f"{srv.base}/sparql", LABEL_Q.encode(), "application/sparql-query",
                           {"Accept": "text/tab-separated-values"})
    assert status == 200
    assert body.decode() == '?l\n"<img src=x onerror=\\"alert(1)\\">"@en\n'
    status, _, body = post(f"{srv.base}/sparql", LABEL_Q.encode(), "application/sparql-query",
                           {"Accept": "application/sparql-results+xml"})
    assert status == 200
    assert ('<literal xml:lang="en">&lt;img src=x onerror="alert(1)"&gt;</literal>' in body.decode())


@pytest.mark.parametrize(("accept", "fmt"), [("text/turtle", "turtle"), ("application/n-triples", "nt"),
                                             ("application/ld+json", "json-ld")])
def test_construct_formats(srv: Running, accept: str, fmt: str) -> None:
    text = f"CONSTRUCT {{ <{X}> ?p ?o }} WHERE {{ <{X}> ?p ?o }}"
    status, headers, body = get(f"{srv.base}/sparql?{q(text)}", {"Accept": accept})
    assert status == 200 and headers["Content-Type"].startswith(accept)
    want = Graph()
    want.add((X, RDF.type, REC.Agreement))
    want.add((X, SKOS.prefLabel, Literal(EVIL, lang="en")))
    assert isomorphic(Graph().parse(data=body.decode(), format=fmt), want)


def test_ask_and_unacceptable_format(srv: Running) -> None:
    status, _, body = get(f"{srv.base}/sparql?{q(f'ASK {{ <{X}> ?p ?o }}')}")
    assert (status, json.loads(body)) == (200, {"head": {}, "boolean": True})
    status, _, body = get(f"{srv.base}/sparql?{q(LABEL_Q)}", {"Accept": "image/png"})
    assert status == 406 and body.startswith(b"no acceptable result format")


def test_sparqlwrapper_json_and_csv(srv: Running) -> None:
    sw = SPARQLWrapper(f"{srv.base}/sparql")
    sw.setTimeout(10)
    sw.setQuery(LABEL_Q)
    sw.setReturnFormat(JSON)
    rows = sw.query().convert()["results"]["bindings"]  # type: ignore[index]
    assert rows == [{"l": {"type": "literal", "value": EVIL, "xml:lang": "en"}}]
    sw.setMethod(POST)
    sw.setReturnFormat(CSV)
    table = list(csv.reader(io.StringIO(sw.query().convert().decode())))  # type: ignore[union-attr]
    assert table == [["l"], [EVIL]]


def test_updates_are_refused_by_default(srv: Running) -> None:
    upd = f'INSERT DATA {{ GRAPH <{ID["article/t2"]}> {{ <{X}> <{SKOS.altLabel}> "x" }} }}'
    status, _, body = post(f"{srv.base}/sparql", urllib.parse.urlencode({"update": upd}).encode(),
                           "application/x-www-form-urlencoded")
    assert status == 403
    assert body == b"updates are disabled on this endpoint (start the server with --allow-update to accept them)\n"
    status, _, _ = post(f"{srv.base}/sparql", upd.encode(), "application/sparql-update")
    assert status == 403
    status, _, body = get(f"{srv.base}/sparql?{q(f'ASK {{ <{X}> <{SKOS.altLabel}> ?x }}')}")
    assert json.loads(body)["boolean"] is False


def test_updates_allowed_when_asked_but_load_still_refused() -> None:
    r = Running(OxigraphStore(None), allow_update=True)
    try:
        g = ID["article/t2"]
        status, _, _ = post(f"{r.base}/sparql", f'INSERT DATA {{ GRAPH <{g}> {{ <{X}> <{SKOS.altLabel}> "x" }} }}'
                            .encode(), "application/sparql-update")
        assert status == 204
        ask = f'ASK {{ <{X}> <{SKOS.altLabel}> "x" }}'
        status, _, body = get(f"{r.base}/sparql?{q(ask)}")
        assert json.loads(body)["boolean"] is True
        status, _, body = post(f"{r.base}/sparql", b"LOAD <http://127.0.0.1:9/x.ttl>", "application/sparql-update")
        assert status == 400
        assert body.startswith(b"LOAD is refused: queries may not reach the network")
    finally:
        r.stop()


def test_service_refused_and_timeout_reported(srv: Running) -> None:
    svc = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    status, _, body = get(f"{srv.base}/sparql?{q(svc)}")
    assert (status, body) == (400, b"SERVICE is refused: queries may not reach the network (use --allow-network)\n")
    status, _, body = get(f"{srv.base}/sparql?{q('SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }')}")
    assert status == 503
    assert body.startswith(b"query timed out after 0.5 s")


def test_busy_server_refuses_new_queries(srv: Running, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kg.serve, "abandoned_queries", lambda: 2)
    status, headers, body = get(f"{srv.base}/sparql?{q(LABEL_Q)}")
    assert status == 503 and headers["Retry-After"] == "30"
    assert body == b"server busy: 2 timed-out queries are still running; try again later\n"


def test_cors_preflight(srv: Running) -> None:
    status, headers, _ = call(urllib.request.Request(f"{srv.base}/sparql", method="OPTIONS"))
    assert status == 204
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert headers["Access-Control-Allow-Methods"] == "GET, POST, OPTIONS"
    assert "Content-Type" in headers["Access-Control-Allow-Headers"]


def test_home_page_lists_named_queries_and_pages(srv: Running) -> None:
    status, headers, body = get(f"{srv.base}/")
    page = body.decode()
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    for nq in list_named_queries():
        assert f'<a href="/run/{nq.name}">' in page, nq.name
    assert '<a href="/pages/network.html">network.html</a>' in page
    assert "CURRENT" not in page
    # the project's page shell: no script may run, forms go only to this server, no framing
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1)
    assert "script-src &#x27;none&#x27;" in policy and "form-action &#x27;self&#x27;" in policy
    assert headers["Content-Security-Policy"] == "frame-ancestors 'none'"
    assert "<script" not in page


def test_head_answers_like_get_without_a_body(srv: Running) -> None:
    status, headers, body = call(urllib.request.Request(f"{srv.base}/", method="HEAD"))
    assert (status, body) == (200, b"") and int(headers["Content-Length"]) > 1000


def test_named_query_page_escapes_values(srv: Running) -> None:
    status, _, body = get(f"{srv.base}/run/agreements")
    page = body.decode()
    assert status == 200
    assert "<td>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</td>" in page
    assert "<img" not in page
    status, _, body = get(f"{srv.base}/run/mentions?entity=id%3Aparty%2Fhamas")
    assert status == 200 and b"<table>" in body
    status, _, body = get(f"{srv.base}/run/%3Cscript%3E")
    assert status == 400
    assert b"no named query &#x27;&lt;script&gt;&#x27;" in body and b"<script>" not in body


@pytest.mark.parametrize("path", ["/pages/../secret.html", "/pages/%2e%2e/secret.html", "/pages/store/CURRENT",
                                  "/pages/..%2fsecret.html", "/pages/", "/pages//etc/passwd",
                                  "/pages/..%5Csecret.html"])
def test_pages_are_read_only_and_confined(srv: Running, path: str) -> None:
    status, _, body = get(srv.base + path)
    assert status == 404 and b"secret" not in body


def test_pages_served(srv: Running) -> None:
    status, headers, body = get(f"{srv.base}/pages/network.html")
    assert (status, body) == (200, b"<html>network</html>")
    assert headers["Content-Type"] == "text/html; charset=utf-8"


def test_negotiate_prefers_quality_then_order() -> None:
    offered = ["application/sparql-results+json", "text/csv"]
    assert negotiate(None, offered) == offered[0]
    assert negotiate("text/*", offered) == "text/csv"
    assert negotiate("text/csv;q=0.9, */*;q=0.1", offered) == "text/csv"
    assert negotiate("text/html", offered) is None


def test_select_over_store_uri(srv: Running) -> None:
    # the endpoint is usable as a --store for kg itself
    from kg.remote import SparqlHttpStore

    s = SparqlHttpStore(f"{srv.base}/sparql", read_only=True)
    assert s.query(LABEL_Q).rows == [{"l": Literal(EVIL, lang="en")}]
    assert URIRef(str(ID["article/t1"])) in {URIRef(g) for g in s.graphs()}


def test_cross_site_updates_are_refused_even_when_updates_are_allowed() -> None:
    """Regression: a web page could POST update=DROP ALL to a local --allow-update server."""
    store = make_store()
    before = store.count()
    r = Running(store, allow_update=True)
    try:
        body = urllib.parse.urlencode({"update": "DROP ALL"}).encode()
        status, _, text = post(f"{r.base}/sparql", body, "application/x-www-form-urlencoded",
                               {"Origin": "https://evil.example"})
        assert (status, text) == (403, b"cross-origin updates are refused (Origin https://evil.example)\n")
        status, _, text = post(f"{r.base}/sparql", b"DROP ALL", "application/sparql-update",
                               {"Host": "rebound.example:7878"})
        assert status == 403 and text.startswith(b"Host 'rebound.example:7878' is not this server's address")
        assert store.count() == before
    finally:
        r.stop()


def test_pages_default_to_where_build_writes_them(tmp_path: Path) -> None:
    from kg.build import default_dump_path, default_pages_dir
    from kg.paths import project_root

    store = str(tmp_path / "elsewhere" / "store")
    assert default_pages_dir(store) == tmp_path.resolve() / "elsewhere" == default_dump_path(store).parent
    assert default_pages_dir("memory:") == project_root() / "data" / "build"
    assert default_pages_dir("http://127.0.0.1:7878") == project_root() / "data" / "build"


def test_dns_rebound_reads_are_refused(srv: Running) -> None:
    """A page on another name resolved to 127.0.0.1 must not read the local store."""
    req = urllib.request.Request(f"{srv.base}/sparql?{q(LABEL_Q)}", headers={"Host": "evil.example:7878"})
    status, _, body = call(req)
    assert status == 403 and body.startswith(b"Host 'evil.example:7878' is not this server's address")
    ok = urllib.request.Request(f"{srv.base}/sparql?{q(LABEL_Q)}", headers={"Host": "localhost"})
    assert call(ok)[0] == 200
