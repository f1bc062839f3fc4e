"""Deterministic serialisations of a store: sorted N-Quads and TriG with stable prefixes, so dumps diff well.

Example:
    >>> from kg.store import open_store
    >>> write_trig(open_store("memory:")).startswith("@prefix")
    True
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.term import Node

from kg.namespaces import PREFIXES
from kg.store import Store
from kg.terms import to_ox

_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
# longest namespace first, so "id:" does not shadow a longer one
_NS = sorted(((str(ns), p) for p, ns in PREFIXES.items()), key=lambda x: -len(x[0]))


def nt(term: Node) -> str:
    """N-Triples text of a term."""
    return str(to_ox(term))


def short(term: Node) -> str:
    """A prefixed name where the local part is a plain name, else the N-Triples form."""
    if isinstance(term, URIRef):
        s = str(term)
        for ns, p in _NS:
            if s.startswith(ns) and _LOCAL.match(s[len(ns):]):
                return f"{p}:{s[len(ns):]}"
    return nt(term)


def _key(t: Node) -> tuple[int, str]:
    order = 0 if isinstance(t, URIRef) else 1 if isinstance(t, BNode) else 2
    return order, nt(t) if not isinstance(t, Literal) else str(t) + "\x00" + nt(t)


def nquads_lines(quads: Iterable[tuple[Node, Node, Node, str | None]]) -> list[str]:
    """Sorted, de-duplicated N-Quads lines."""
    lines = {
        f"{nt(s)} {nt(p)} {nt(o)}" + (f" <{g}>" if g else "") + " ."
        for s, p, o, g in quads
    }
    return sorted(lines)


Quad = tuple[Node, Node, Node, str | None]


def selected_quads(store: Store, graphs: Iterable[str] | None = None) -> Iterator[Quad]:
    """The store's quads (or those of some named graphs), blank nodes relabelled canonically.

    Stores rename blank nodes on every write, so dumps would differ between builds; here each graph holding
    blank nodes is canonicalised (rdflib.compare) and its labels prefixed by a hash of the graph name, so the
    labels depend only on the content. A blank node shared by two graphs becomes one per graph.
    """
    wanted = set(graphs) if graphs is not None else None
    with_bnodes: dict[str | None, list[Quad]] = defaultdict(list)
    for q in store.quads():
        if wanted is not None and q[3] not in wanted:
            continue
        if isinstance(q[0], BNode) or isinstance(q[2], BNode):
            with_bnodes[q[3]].append(q)
        else:
            yield q
    for g, quads in with_bnodes.items():
        tag = hashlib.sha256((g or "").encode()).hexdigest()[:8]
        canon = to_canonical_graph(Graph().__iadd__([q[:3] for q in quads]))  # type: ignore[arg-type]

        def fix(t: Node, tag: str = tag) -> Node:
            return BNode(f"b{tag}{t}") if isinstance(t, BNode) else t

        for s, p, o in canon:
            yield fix(s), p, fix(o), g


def write_nquads(store: Store, graphs: Iterable[str] | None = None) -> str:
    """The whole store (or some named graphs) as sorted N-Quads."""
    return "".join(line + "\n" for line in nquads_lines(selected_quads(store, graphs)))


def _prefix_lines() -> list[str]:
    return [f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items())]


def _statements(subjects: dict[Node, dict[Node, set[Node]]], indent: str) -> str:
    """Turtle statements, subjects, predicates and objects sorted."""
    out = []
    for s in sorted(subjects, key=_key):
        preds = subjects[s]
        parts = []
        for p in sorted(preds, key=_key):
            objs = ", ".join(short(o) for o in sorted(preds[p], key=_key))
            parts.append(f"{indent}  {short(p)} {objs}")
        out.append(f"{indent}{short(s)}\n" + " ;\n".join(parts) + " .\n")
    return "".join(out)


def _nest() -> dict[Node, dict[Node, set[Node]]]:
    return defaultdict(lambda: defaultdict(set))


def write_trig(store: Store, graphs: Iterable[str] | None = None) -> str:
    """The store (or some named graphs) as TriG: prefixes, then graphs, subjects, predicates and objects sorted."""
    by_graph: dict[str | None, dict[Node, dict[Node, set[Node]]]] = defaultdict(_nest)
    for s, p, o, g in selected_quads(store, graphs):
        by_graph[g][s][p].add(o)
    out = _prefix_lines()
    for g in sorted(by_graph, key=lambda x: x or ""):
        out.append("\n" + (f"<{g}> {{\n" if g else "{\n"))
        out.append(_statements(by_graph[g], "  "))
        out.append("}\n")
    return "".join(out)


def write_turtle(store: Store, graphs: Iterable[str] | None = None) -> str:
    """The union of the store's graphs (or of some named graphs) as sorted Turtle, graph names dropped.

    Example:
        >>> from kg.store import open_store
        >>> write_turtle(open_store("memory:")).count("@prefix") > 3
        True
    """
    subjects = _nest()
    for s, p, o, _ in selected_quads(store, graphs):
        subjects[s][p].add(o)
    return "".join(_prefix_lines()) + "\n" + _statements(subjects, "")
