"""The curated layers: the ontology and the reference graph, read from Turtle with stable blank nodes.

Example:
    >>> g = read_turtle_files([])
    >>> len(g)
    0
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rdflib import BNode, Graph
from rdflib.compare import to_canonical_graph
from rdflib.term import Node

from kg.errors import InputError
from kg.namespaces import ID, ONTOLOGY_GRAPH, REFERENCE_GRAPH
from kg.paths import ontology_files, reference_files, shapes_files
from kg.store import Store


def read_turtle_files(paths: Iterable[Path]) -> Graph:
    """Parse Turtle files into one graph whose blank nodes get canonical (content-derived) labels, so the
    same files always give the same triples. A file that does not parse raises InputError naming it."""
    g = Graph()
    for path in paths:
        try:
            g.parse(path, format="turtle")
        except Exception as exc:  # rdflib raises many kinds for bad Turtle
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise InputError(f"{path}: not valid Turtle: {first}") from None
    return skolemize(to_canonical_graph(g))


def skolemize(g: Graph) -> Graph:
    """Replace blank nodes by IRIs under ``id:genid/`` keeping their (canonical) labels, so that every
    store backend keeps them stable (SPARQL INSERT DATA renames blank nodes)."""
    def sk(t: Node) -> Node:
        return ID[f"genid/{t}"] if isinstance(t, BNode) else t

    out = Graph()
    for s, p, o in g:
        out.add((sk(s), p, sk(o)))
    return out


def read_ontology() -> Graph:
    """The ontology modules as one graph."""
    return read_turtle_files(ontology_files())


def read_reference() -> Graph:
    """The curated reference layer as one graph."""
    return read_turtle_files(reference_files())


def read_shapes() -> Graph:
    """The SHACL shapes as one graph."""
    return read_turtle_files(shapes_files())


def load_layers(store: Store) -> dict[str, int]:
    """Write the ontology and the reference layer into their named graphs; returns triple counts.

    Example:
        >>> from kg.store import open_store
        >>> counts = load_layers(open_store("memory:"))
        >>> counts["ontology"] > 0
        True
    """
    onto, ref = read_ontology(), read_reference()
    store.replace_graph(str(ONTOLOGY_GRAPH), onto)
    store.replace_graph(str(REFERENCE_GRAPH), ref)
    return {"ontology": len(onto), "reference": len(ref)}
