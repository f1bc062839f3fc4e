"""SHACL validation of a store (or any rdflib graph) against ``ontology/shapes*.ttl``.

Example:
    >>> from rdflib import Graph
    >>> validate_graph(Graph(), Graph())
    []
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from kg.store import Store


@dataclass(frozen=True, order=True)
class Violation:
    """One SHACL result: the focus node, the property path, the message and the severity."""

    focus: str
    path: str
    message: str
    severity: str = "Violation"

    def __str__(self) -> str:
        path = f" {self.path}" if self.path else ""
        return f"{self.severity}: {self.focus}{path}: {self.message}"


def store_graph(store: Store) -> Graph:
    """The union of every graph of the store as one rdflib graph."""
    g = Graph()
    for s, p, o, _ in store.quads():
        g.add((s, p, o))
    return g


def validate_graph(data: Graph, shapes: Graph) -> list[Violation]:
    """Validate ``data`` against ``shapes`` (no inference); returns the results sorted, empty when it conforms."""
    if len(shapes) == 0:
        return []
    from pyshacl import validate

    _conforms, report, _text = validate(
        data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True
    )
    if not isinstance(report, Graph):  # pyshacl reports a broken shapes graph this way
        from kg.errors import ShapeError

        raise ShapeError(f"the SHACL shapes cannot be used: {str(report).strip().splitlines()[0]}")
    out = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(r, SH.focusNode)
        path = report.value(r, SH.resultPath)
        msgs = sorted(str(m) for m in report.objects(r, SH.resultMessage))
        sev = report.value(r, SH.resultSeverity)
        out.append(
            Violation(
                focus=_name(focus),
                path=_name(path) if path is not None else "",
                message="; ".join(msgs) or "does not conform",
                severity=str(sev).rsplit("#", 1)[-1] if sev else "Violation",
            )
        )
    return sorted(set(out))


def _name(term: object) -> str:
    if isinstance(term, URIRef):
        from kg.dump import short

        return short(term)
    return str(term)


def run_checks(store: Store) -> list[Violation]:
    """The SPARQL quality checks in ``kg/queries/checks/*.rq``: every row a query returns is a finding (focus
    node and value) with the check's ``# severity:`` (Violation or Warning) and ``# message:``.

    Example:
        >>> from kg.store import open_store
        >>> run_checks(open_store("memory:"))
        []
    """
    from importlib import resources

    from kg.namespaces import sparql_prologue
    from kg.query import parse_query_text

    found = []
    folder = resources.files("kg") / "queries" / "checks"
    for f in sorted(folder.iterdir(), key=lambda p: p.name):
        if not f.name.endswith(".rq"):
            continue
        q = parse_query_text(f.read_text(encoding="utf-8"), f.name[:-3])
        for row in store.query(sparql_prologue() + q.text, timeout=None).rows:
            value = row.get("value")
            found.append(Violation(
                focus=_name(row.get("focus")),
                path=f"[{f.name[:-3]}]",
                message=q.meta.get("message", q.title) + (f" ({_name(value)})" if value is not None else ""),
                severity=q.meta.get("severity", "Violation"),
            ))
    return sorted(set(found))


def validate_store(store: Store) -> list[Violation]:
    """Validate everything in ``store`` against the project's shapes, then run the SPARQL quality checks.
    Results of severity ``Violation`` fail a build; ``Warning`` results are reported only."""
    from kg.layers import read_shapes

    return validate_graph(store_graph(store), read_shapes()) + run_checks(store)
