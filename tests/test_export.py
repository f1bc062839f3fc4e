"""kg export / kg import: byte-stable output in every format, lossless round trips, unsafe inputs refused."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import RDFS, XSD

from kg.cli import cli
from kg.errors import InputError
from kg.export import EXPORTERS, export_store, import_file
from kg.layers import load_layers
from kg.namespaces import ID, ONTOLOGY_GRAPH, REC, REFERENCE_GRAPH
from kg.store import Store, open_store

ART = str(ID["article/abc123"])


def article_graph() -> list[tuple]:
    a, ev = URIRef(ART), BNode("ev1")
    return [
        (a, RDFS.label, Literal('He said "yes"\nand left — قال', lang="en")),
        (a, REC.sourcePath, Literal("data/articles/text/x.txt")),
        (a, REC.evidence, ev),
        (ev, REC.start, Literal(12, datatype=XSD.integer)),
        (ev, RDFS.comment, Literal("tab\there")),
        (URIRef(ID["party/hamas"]), RDFS.label, Literal("Hamas", lang="en")),
        (URIRef(ID["event/e1"]), REC.date, Literal("2017-10-12", datatype=XSD.date)),
    ]


def make_store() -> Store:
    s = open_store("memory:")
    load_layers(s)
    s.replace_graph(ART, article_graph())
    return s


@pytest.fixture(scope="module")
def store() -> Store:
    return make_store()


def graphs_of(s: Store) -> dict[str, Graph]:
    out: dict[str, Graph] = {}
    for subj, p, o, g in s.quads():
        out.setdefault(str(g), Graph()).add((subj, p, o))
    return out


def assert_same_graphs(a: dict[str, Graph], b: dict[str, Graph]) -> None:
    assert sorted(a) == sorted(b)
    for name in a:
        if not isomorphic(a[name], b[name]):
            _, only_a, only_b = graph_diff(to_isomorphic(a[name]), to_isomorphic(b[name]))
            pytest.fail(f"{name} differs:\nonly before:\n{only_a.serialize(format='nt')}\n"
                        f"only after:\n{only_b.serialize(format='nt')}")


@pytest.mark.parametrize(("fmt", "suffix"), [("trig", ".trig"), ("nquads", ".nq")])
def test_round_trip_keeps_every_graph(store: Store, tmp_path: Path, fmt: str, suffix: str) -> None:
    path = tmp_path / f"dump{suffix}"
    path.write_text(export_store(store, fmt), encoding="utf-8")
    back = open_store("memory:")
    counts = import_file(back, path)
    assert counts == {g: store.count(g) for g in sorted(store.graphs())}
    assert_same_graphs(graphs_of(store), graphs_of(back))
    # importing again changes nothing
    import_file(back, path)
    assert back.count() == store.count()


def test_turtle_is_the_union_of_the_selected_graphs(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "article.ttl"
    path.write_text(export_store(store, "turtle", [ART, str(REFERENCE_GRAPH)]), encoding="utf-8")
    back = open_store("memory:")
    with pytest.raises(InputError, match="has triples outside named graphs: give --graph NAME"):
        import_file(back, path)
    import_file(back, path, graph="https://example.org/union")
    union = graphs_of(store)[ART] + graphs_of(store)[str(REFERENCE_GRAPH)]
    assert_same_graphs({"u": union}, {"u": graphs_of(back)["https://example.org/union"]})


def test_jsonld_parses_back_to_the_same_graphs(store: Store) -> None:
    text = export_store(store, "jsonld", [ART, str(ONTOLOGY_GRAPH)])
    ds = Dataset()
    ds.parse(data=text, format="json-ld")  # the context is inline: nothing is fetched
    got = {str(g.identifier): g for g in ds.graphs() if len(g)}
    want = {k: v for k, v in graphs_of(store).items() if k in {ART, str(ONTOLOGY_GRAPH)}}
    assert_same_graphs(want, got)


SCRIPT = """
import hashlib
from tests.test_export import make_store
from kg.export import EXPORTERS, export_store
store = make_store()
for fmt in sorted(EXPORTERS):
    print(fmt, hashlib.sha256(export_store(store, fmt).encode()).hexdigest())
"""


def test_export_is_byte_identical_across_runs() -> None:
    # a fresh process per run: the store renames blank nodes on every write, and hash seeds change set and
    # dict orders inside rdflib; the bytes must not change
    root = Path(__file__).resolve().parent.parent
    runs = [
        subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True, cwd=root,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2")
    ]
    assert [line.split()[0] for line in runs[0].splitlines()] == sorted(EXPORTERS)
    assert runs[0] == runs[1]


def test_export_does_not_depend_on_insertion_order(store: Store) -> None:
    other = open_store("memory:")
    other.replace_graph(ART, list(reversed(article_graph())))
    load_layers(other)
    for fmt in EXPORTERS:
        assert export_store(other, fmt) == export_store(store, fmt), fmt


def test_unknown_format_goes_through_the_exporter_table(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(EXPORTERS, "count", lambda s, graphs: f"{s.count()}\n")
    assert export_store(store, "count") == f"{store.count()}\n"


@pytest.mark.parametrize(("name", "content", "message"), [
    ("x.rdf", "<rdf:RDF/>", "RDF/XML, TriX and JSON-LD are not imported"),
    ("x.ttl", '<!DOCTYPE r [<!ENTITY a "aaaa">]>\n<a:b> <c:d> "&a;" .', "looks like XML"),
    ("x.trig", '<?xml version="1.0"?>\n<rdf:RDF/>', "looks like XML"),
    ("x.ttl", '@prefix a: <https://e.org/> .\n# <!ENTITY x "y">\na:b a:c "d" .', "looks like XML"),
    ("x.nq", "<https://e.org/a> <https://e.org/b> .\n", "not valid nquads"),
])
def test_unsafe_or_broken_imports_are_refused(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    s = open_store("memory:")
    with pytest.raises(InputError, match=message):
        import_file(s, path, graph="https://example.org/g")
    assert s.count() == 0


def test_cli_export_import_round_trip(tmp_path: Path) -> None:
    src = tmp_path / "src"
    s = open_store(str(src))
    s.replace_graph(ART, article_graph())
    s.close()
    runner = CliRunner()
    r = runner.invoke(cli, ["export", "--format", "nquads", "--graph", "abc123", "--store", str(src)])
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert len(lines) == len(article_graph()) and lines == sorted(lines)
    assert all(line.endswith(f"<{ART}> .") for line in lines)
    dump = tmp_path / "all.trig"
    r = runner.invoke(cli, ["export", "-o", str(dump), "--store", str(src)])
    assert r.exit_code == 0, r.output
    r = runner.invoke(cli, ["import", str(dump), "--store", str(tmp_path / "dst")])
    assert r.exit_code == 0, r.output
    assert r.output == f"imported {len(article_graph())} triples into 1 graph(s)\n"
    assert_same_graphs(graphs_of(open_store(str(src))), graphs_of(open_store(str(tmp_path / "dst"))))


def test_cli_import_refuses_rdfxml_with_exit_1(tmp_path: Path) -> None:
    bad = tmp_path / "x.owl"
    bad.write_text("<rdf:RDF/>")
    r = CliRunner().invoke(cli, ["import", str(bad), "--store", "memory:"])
    assert r.exit_code == 1
    assert r.output == (f"Error: {bad}: RDF/XML, TriX and JSON-LD are not imported "
                        "(use TriG, N-Quads or Turtle)\n")


def test_jsonld_output_is_json_with_our_prefixes(store: Store) -> None:
    doc = json.loads(export_store(store, "jsonld", [ART]))
    assert doc["@context"]["rec"] == str(REC)
    assert doc["@id"] == ART  # one graph: rdflib writes it as the document's named graph
    assert sorted(n["@id"] for n in doc["@graph"] if not n["@id"].startswith("_:")) == [
        ART, str(ID["event/e1"]), str(ID["party/hamas"])]
