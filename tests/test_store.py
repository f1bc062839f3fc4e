"""The store: per-article transactions, idempotent re-ingest, removal, the lock, crash safety, timeouts and
the refusal of SERVICE/LOAD."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDFS, XSD

from kg.cli import cli
from kg.dump import write_nquads
from kg.errors import QueryError, QueryTimeout, StoreLockedError
from kg.ingest import ingest_articles, store_graph_if_changed
from kg.namespaces import ID, REC
from kg.store import OxigraphStore, Triple, open_store

EX = "https://example.org/"


def article_triples(n: int, k: int = 30, version: str = "v1") -> list[Triple]:
    """A hand-made article graph: ``k`` facts about article ``n``."""
    a = ID[f"article/a{n}"]
    ts: list[Triple] = [(a, RDFS.label, Literal(f"article {n}")), (a, REC.sourcePath, Literal(f"in/a{n}.txt"))]
    ts += [(URIRef(f"{EX}e{n}/{i}"), RDFS.label, Literal(f"fact {i} {version}")) for i in range(k)]
    return ts


def test_replace_graph_is_idempotent_and_replaces_old_facts() -> None:
    s = open_store("memory:")
    g = str(ID["article/a1"])
    assert store_graph_if_changed(s, g, article_triples(1)) is True
    before = write_nquads(s)
    assert s.count() == 32
    # the same article again: nothing written, same dump
    assert store_graph_if_changed(s, g, article_triples(1)) is False
    assert write_nquads(s) == before and s.count() == 32
    # a changed article: its old facts are gone, not added to
    assert store_graph_if_changed(s, g, article_triples(1, k=5, version="v2")) is True
    assert s.count() == 7
    labels = {str(o) for _, p, o in s.triples(g) if p == RDFS.label}
    assert labels == {"article 1"} | {f"fact {i} v2" for i in range(5)}


def test_unchanged_detection_with_blank_nodes() -> None:
    s = open_store("memory:")
    g = EX + "g"
    b = BNode()
    ts = [(URIRef(EX + "a"), REC.evidence, b), (b, RDFS.label, Literal("x"))]
    assert store_graph_if_changed(s, g, ts) is True
    # the store renamed the blank node; the graph is still recognised as the same
    assert not any(o == b for _, _, o in s.triples(g))
    assert store_graph_if_changed(s, g, ts) is False
    assert store_graph_if_changed(s, g, [*ts, (b, RDFS.comment, Literal("y"))]) is True
    assert s.count(g) == 3


def test_ingest_articles_counts_stored_and_unchanged() -> None:
    from kg.articles import read_text

    texts = [f"Title {i}\n\nGAZA CITY (AP) -- Fatah and Hamas met for round {i} of talks." for i in range(3)]
    arts = [read_text(t, source=f"in/{i}.txt") for i, t in enumerate(texts)]

    def to_graph(a: object) -> tuple[str, list[Triple]]:
        iri = ID[f"article/{a.id}"]  # type: ignore[attr-defined]
        return str(iri), [(iri, RDFS.label, Literal(a.title))]  # type: ignore[attr-defined]

    s = open_store("memory:")
    first = ingest_articles(s, arts, to_graph)
    assert (first.stored, first.unchanged) == (3, 0)
    again = ingest_articles(s, arts, to_graph)
    assert (again.stored, again.unchanged) == (0, 3)
    assert s.count() == 3


def test_remove_by_id_iri_and_source_path(tmp_path: Path) -> None:
    loc = str(tmp_path / "store")
    s = OxigraphStore(loc)
    for n in range(3):
        s.replace_graph(str(ID[f"article/a{n}"]), article_triples(n))
    s.close()
    runner = CliRunner()
    r = runner.invoke(cli, ["remove", "a0", "--store", loc])
    assert r.exit_code == 0, r.output
    assert r.output == f"removed <{ID['article/a0']}>\n"
    r = runner.invoke(cli, ["remove", str(ID["article/a1"]), "--store", loc])
    assert r.exit_code == 0, r.output
    r = runner.invoke(cli, ["remove", "in/a2.txt", "--store", loc])
    assert r.exit_code == 0, r.output
    r = runner.invoke(cli, ["remove", "a0", "--store", loc])
    assert r.exit_code == 2
    assert "no graph for 'a0' in the store" in r.output
    assert open_store(loc).graphs() == []


def test_remove_refuses_the_curated_layers(tmp_path: Path) -> None:
    r = CliRunner().invoke(cli, ["remove", "ontology", "--store", str(tmp_path / "s")])
    assert r.exit_code == 2
    assert "a curated layer, not an article" in r.output


HOLD = textwrap.dedent("""
    import sys, time
    from kg.store import OxigraphStore
    s = OxigraphStore(sys.argv[1])
    print("open", flush=True)
    time.sleep(60)
""")


def test_second_writer_gets_store_locked_error(tmp_path: Path) -> None:
    loc = str(tmp_path / "store")
    holder = subprocess.Popen([sys.executable, "-c", HOLD, loc], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        with pytest.raises(StoreLockedError, match="store is in use by another process"):
            OxigraphStore(loc)
        r = CliRunner().invoke(cli, ["remove", "a0", "--store", loc])
        assert r.exit_code == 1
        assert r.output == f"Error: {loc}: store is in use by another process (close it, or use another --store)\n"
    finally:
        holder.kill()
        holder.wait()
    OxigraphStore(loc).close()  # free again once the holder is gone


WRITER = textwrap.dedent("""
    import sys
    from rdflib import Literal, URIRef
    from rdflib.namespace import RDFS
    from kg.ingest import store_graph_if_changed
    from kg.store import OxigraphStore
    s = OxigraphStore(sys.argv[1])
    for n in range(6):
        k = 402 if n < 5 else 20000
        g = f"https://w3id.org/reconciliation-kg/id/article/a{n}"
        print("writing", n, flush=True)
        store_graph_if_changed(s, g, [(URIRef(f"https://example.org/e{n}/{i}"), RDFS.label, Literal(f"fact {i}"))
                                      for i in range(k)])
        print("stored", n, flush=True)
""")


def writer_triples(n: int) -> list[Triple]:
    """What WRITER stores for article ``n``."""
    k = 402 if n < 5 else 20000
    return [(URIRef(f"{EX}e{n}/{i}"), RDFS.label, Literal(f"fact {i}")) for i in range(k)]


def test_sigkill_mid_batch_keeps_every_completed_article(tmp_path: Path) -> None:
    loc = str(tmp_path / "store")
    child = subprocess.Popen([sys.executable, "-c", WRITER, loc], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    lines = [child.stdout.readline().strip() for _ in range(11)]
    child.send_signal(signal.SIGKILL)  # while it writes the big sixth article
    child.wait()
    assert lines[-2:] == ["stored 4", "writing 5"]
    s = OxigraphStore(loc)  # reopens after the crash
    graphs = s.graphs()
    first_five = [str(ID[f"article/a{n}"]) for n in range(5)]
    assert graphs in (first_five, [*first_five, str(ID["article/a5"])])
    # every graph there is complete, never half-written
    assert [s.count(g) for g in graphs] == [len(writer_triples(n)) for n in range(len(graphs))]

    # running the batch again finishes it; what was committed is left alone
    class A:
        def __init__(self, n: int) -> None:
            self.id, self.n = f"a{n}", n

    def to_graph(a: A) -> tuple[str, list[Triple]]:
        return str(ID[f"article/{a.id}"]), writer_triples(a.n)

    report = ingest_articles(s, [A(n) for n in range(6)], to_graph)  # type: ignore[arg-type]
    assert (report.unchanged, report.stored) == (len(graphs), 6 - len(graphs))
    assert s.count() == 5 * 402 + 20000
    s.close()


CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?x ?o }"
TIMEOUT_SCRIPT = textwrap.dedent("""
    import sys, time
    from rdflib import Literal, URIRef
    from rdflib.namespace import RDFS
    from kg.errors import QueryError
    from kg.store import OxigraphStore, abandoned_queries
    s = OxigraphStore(sys.argv[1] if len(sys.argv) > 1 else None)
    for n in range(50):
        s.replace_graph(f"https://example.org/g{n}", [(URIRef(f"https://example.org/e{n}/{i}"), RDFS.label,
                                                      Literal(f"fact {i}")) for i in range(400)])
    if len(sys.argv) > 1:
        s.close()
        sys.exit(0)
    t0 = time.monotonic()
    try:
        s.query(sys.stdin.read(), timeout=1)
    except QueryError as e:
        print(e)
    print(round(time.monotonic() - t0, 1) < 2.0, abandoned_queries())
    t1 = time.monotonic()
    print(s.count(), time.monotonic() - t1 < 1.0)
""")


def test_pathological_query_times_out_quickly() -> None:
    # in a subprocess: the abandoned worker burns a core until its process exits
    r = subprocess.run([sys.executable, "-c", TIMEOUT_SCRIPT], input=CROSS, capture_output=True, text=True,
                       timeout=60)
    assert r.stdout.splitlines() == [
        "query timed out after 1 s (raise --timeout, or simplify the query)",
        "True 1",  # answered within 2 s; one query left running in the background
        "20000 True",  # and the store still answers other queries at once
    ], r.stderr


def test_row_producing_query_stops_its_worker_at_the_deadline() -> None:
    s = OxigraphStore(None)
    s.replace_graph(EX + "g", [(URIRef(f"{EX}e{i}"), RDFS.label, Literal(f"fact {i}")) for i in range(20000)])
    with pytest.raises(QueryTimeout, match=r"timed out after 0\.5 s"):  # a QueryError that serve answers with 503
        s.query("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }", timeout=0.5)


def test_kg_query_timeout_message(tmp_path: Path) -> None:
    loc = str(tmp_path / "store")
    subprocess.run([sys.executable, "-c", TIMEOUT_SCRIPT, loc], check=True, timeout=60)
    q = tmp_path / "cross.rq"
    q.write_text(CROSS + "\n")
    r = subprocess.run([sys.executable, "-m", "kg.cli", "query", str(q), "--timeout", "1", "--store", loc],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 1
    assert r.stdout == ""
    assert r.stderr == "Error: query timed out after 1 s (raise --timeout, or simplify the query)\n"


def _dead_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize(("text", "op"), [
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * FROM <http://127.0.0.1:9/data.ttl> WHERE { ?s ?p ?o }", "FROM"),
])
def test_service_and_from_are_refused(text: str, op: str) -> None:
    with pytest.raises(QueryError) as err:
        open_store("memory:").query(text)
    assert str(err.value) == f"{op} is refused: queries may not reach the network (use --allow-network)"


def test_load_is_refused_in_updates() -> None:
    with pytest.raises(QueryError, match=r"^LOAD is refused: queries may not reach the network"):
        open_store("memory:").update("LOAD <file:///etc/passwd> INTO GRAPH <https://example.org/g>")


@pytest.mark.parametrize("using", ["USING <https://example.org/g>", "using named <https://example.org/g>"])
def test_using_is_refused_in_updates(using: str) -> None:
    s = open_store("memory:")
    s.replace_graph("https://example.org/g", [(URIRef("https://example.org/a"), RDFS.label, Literal("A"))])
    with pytest.raises(QueryError) as err:
        s.update(f"DELETE {{ ?s ?p ?o }} {using} WHERE {{ ?s ?p ?o }}")
    assert str(err.value) == "USING is refused: queries may not reach the network (use --allow-network)"
    assert s.count() == 1  # nothing ran
    s.update(f"DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }} {using} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
             allow_network=True)  # allowed on request (Oxigraph scopes USING to its own graphs)


def test_service_is_attempted_with_allow_network() -> None:
    port = _dead_port()  # bound then closed: nothing listens there
    s = open_store("memory:")
    with pytest.raises(QueryError) as err:
        s.query(f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
                allow_network=True, timeout=10)
    assert "refused" not in str(err.value).split(":")[0]
    assert "query failed" in str(err.value)


def test_kg_query_refuses_service_with_exit_1(tmp_path: Path) -> None:
    q = tmp_path / "svc.rq"
    q.write_text("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }\n")
    r = CliRunner().invoke(cli, ["query", str(q), "--store", "memory:"])
    assert r.exit_code == 1
    assert r.output == "Error: SERVICE is refused: queries may not reach the network (use --allow-network)\n"


def test_decimal_kept_canonical_by_the_store_still_counts_as_unchanged() -> None:
    # regression: Oxigraph stores "0.90"^^xsd:decimal as "0.9", so re-ingest rewrote every article
    s = open_store("memory:")
    ts = [(URIRef(EX + "e"), REC.confidence, Literal("0.90", datatype=XSD.decimal)),
          (URIRef(EX + "e"), REC.date, Literal("2017-10-12", datatype=XSD.date)),
          (URIRef(EX + "e"), RDFS.label, Literal("x", datatype=XSD.string))]
    assert store_graph_if_changed(s, EX + "g", ts) is True
    assert Literal("0.9", datatype=XSD.decimal) in {o for _, _, o in s.triples(EX + "g")}
    assert store_graph_if_changed(s, EX + "g", ts) is False
    ts[0] = (URIRef(EX + "e"), REC.confidence, Literal("0.91", datatype=XSD.decimal))
    assert store_graph_if_changed(s, EX + "g", ts) is True
