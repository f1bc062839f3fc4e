"""kg build: deterministic dumps, swap-in of a complete store, a failed build keeps the old one."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from rdflib import Dataset

from kg.build import build
from kg.errors import InputError
from kg.namespaces import ONTOLOGY_GRAPH, REFERENCE_GRAPH
from kg.store import open_store


def test_build_twice_gives_byte_identical_dump(tmp_path: Path) -> None:
    a = build(sources=[], store_location=str(tmp_path / "a" / "store"), validate=False)
    b = build(sources=[], store_location=str(tmp_path / "b" / "store"), validate=False)
    assert a.dump == tmp_path / "a" / "kg.trig"
    text_a, text_b = a.dump.read_bytes(), b.dump.read_bytes()  # type: ignore[union-attr]
    assert text_a == text_b
    # the dump is valid TriG holding both curated graphs with every triple of the store
    ds = Dataset()
    ds.parse(data=text_a.decode("utf-8"), format="trig")
    names = {str(g.identifier) for g in ds.graphs()}
    assert {str(ONTOLOGY_GRAPH), str(REFERENCE_GRAPH)} <= names
    assert sum(len(g) for g in ds.graphs()) == a.counts["triples"]


def test_build_replaces_the_store_only_when_complete(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    loc = tmp_path / "store"
    first = build(sources=[], store_location=str(loc), validate=False)
    assert first.counts["graphs"] == 2

    def broken(*_a: object, **_k: object) -> dict[str, int]:
        raise InputError("data/reference/broken.ttl: not valid Turtle: bad token")

    # kg.build is also the public function's name, so patch the module object itself
    monkeypatch.setattr(importlib.import_module("kg.build"), "load_layers", broken)
    with pytest.raises(InputError, match=r"broken\.ttl"):
        build(sources=[], store_location=str(loc), validate=False)
    monkeypatch.undo()
    store = open_store(str(loc))
    assert store.count() == first.counts["triples"]
    assert not (tmp_path / "store.building").exists() or store.graphs()
    store.close()


def test_build_refuses_a_store_held_by_another_handle(tmp_path: Path) -> None:
    loc = tmp_path / "store"
    build(sources=[], store_location=str(loc), validate=False)
    held = open_store(str(loc))
    try:
        from kg.errors import StoreError

        with pytest.raises(StoreError):
            build(sources=[], store_location=str(loc), validate=False)
    finally:
        held.close()


def test_curated_layers_conform_to_the_shapes(curated_store) -> None:  # type: ignore[no-untyped-def]
    from kg.validate import validate_store

    violations = validate_store(curated_store)
    assert violations == [], "\n".join(map(str, violations[:10]))


def test_full_build_with_articles_is_deterministic_and_conforms(tmp_path: Path) -> None:
    """The whole corpus, twice, in two folders: byte-identical dumps, every article stored, no violations."""
    a = build(None, str(tmp_path / "a" / "store"), validate=True, pages=False)
    b = build(None, str(tmp_path / "b" / "store"), validate=False, pages=False)
    assert a.problems == [] and a.articles == b.articles >= 42
    assert a.violations == [], "\n".join(map(str, a.violations[:10]))
    assert a.dump.read_bytes() == b.dump.read_bytes()  # type: ignore[union-attr]


def test_sparql_checks_find_bad_dates_and_sources() -> None:
    from rdflib import Literal, URIRef
    from rdflib.namespace import DCTERMS, XSD

    from kg.namespaces import REC
    from kg.validate import run_checks

    store = open_store("memory:")
    x = URIRef("https://w3id.org/reconciliation-kg/id/event/x")
    store.replace_graph(str(REFERENCE_GRAPH), [
        (x, REC.earliest, Literal("2017-10-12", datatype=XSD.date)),
        (x, REC.latest, Literal("2017-10-01", datatype=XSD.date)),
        (x, DCTERMS.source, Literal("Wikipedia")),
    ])
    found = {(v.severity, v.path, v.focus) for v in run_checks(store)}
    assert found == {
        ("Violation", "[dates-in-order]", f"<{x}>"),
        ("Violation", "[curated-sources-are-urls]", f"<{x}>"),
    }


def test_build_never_replaces_a_folder_that_is_not_a_store(tmp_path: Path) -> None:
    """Regression: --store pointing at a folder of someone's files used to delete them."""
    from kg.errors import StoreError

    victim = tmp_path / "thesis"
    victim.mkdir()
    (victim / "chapter1.txt").write_text("precious", encoding="utf-8")
    with pytest.raises(StoreError, match="is not a kg store"):
        build(sources=[], store_location=str(victim), validate=False, pages=False)
    assert (victim / "chapter1.txt").read_text(encoding="utf-8") == "precious"
    assert sorted(p.name for p in victim.iterdir()) == ["chapter1.txt"]
    # an empty folder is fine, and a store may be rebuilt in place
    empty = tmp_path / "empty"
    empty.mkdir()
    build(sources=[], store_location=str(empty), validate=False, pages=False)
    build(sources=[], store_location=str(empty), validate=False, pages=False)
