"""Deterministic serialisations of a store: sorted N-Quads and TriG with stable prefixes, so dumps diff well.

Example:
    >>> from kg.store import open_store
    >>> write_trig(open_store("memory:")).startswith("@prefix")
    True
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from rdflib import BNode, Literal, URIRef
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


def write_nquads(store: Store) -> str:
    """The whole store as sorted N-Quads."""
    return "".join(line + "\n" for line in nquads_lines(store.quads()))


def write_trig(store: Store, graphs: Iterable[str] | None = None) -> str:
    """The store (or some named graphs) as TriG: prefixes, then graphs, subjects, predicates and objects sorted."""
    wanted = set(graphs) if graphs is not None else None
    by_graph: dict[str | None, dict[Node, dict[Node, set[Node]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(set))
    )
    for s, p, o, g in store.quads():
        if wanted is not None and g not in wanted:
            continue
        by_graph[g][s][p].add(o)
    out = [f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items())]
    for g in sorted(by_graph, key=lambda x: x or ""):
        out.append("\n" + (f"<{g}> {{\n" if g else "{\n"))
        subjects = by_graph[g]
        for s in sorted(subjects, key=_key):
            preds = subjects[s]
            parts = []
            for p in sorted(preds, key=_key):
                objs = ", ".join(short(o) for o in sorted(preds[p], key=_key))
                parts.append(f"    {short(p)} {objs}")
            out.append(f"  {short(s)}\n" + " ;\n".join(parts) + " .\n")
        out.append("}\n")
    return "".join(out)
