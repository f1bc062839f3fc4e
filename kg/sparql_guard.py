"""Find operations in a SPARQL query or update that would reach the network or local files.

Example:
    >>> network_operations("LOAD <http://example.org/data.ttl>", update=True)
    ['LOAD']
    >>> network_operations("SELECT * WHERE { ?s ?p ?o }")
    []
    >>> network_operations("DELETE { ?s ?p ?o } USING NAMED <http://example.org/g> WHERE { ?s ?p ?o }", update=True)
    ['USING']
"""

from __future__ import annotations

from typing import Any

from pyparsing import ParseResults
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

from kg.errors import QueryError


def _walk(node: Any, found: list[str]) -> None:
    name = getattr(node, "name", None)
    if name == "ServiceGraphPattern":
        found.append("SERVICE")
    elif name == "Load":
        found.append("LOAD")
    elif name == "UsingClause":  # an update's dataset (USING, USING NAMED): refused like a query's FROM
        found.append("USING")
    if isinstance(node, dict):
        queries = {"SelectQuery", "ConstructQuery", "AskQuery", "DescribeQuery"}
        if name in queries and "datasetClause" in node and node["datasetClause"]:
            found.append("FROM")
        for value in node.values():
            _walk(value, found)
    elif isinstance(node, list | tuple | ParseResults):
        for value in node:
            _walk(value, found)


def network_operations(sparql: str, *, update: bool = False) -> list[str]:
    """The network-reaching operations (``SERVICE``, ``LOAD``, ``FROM``, ``USING``) in ``sparql``, in order.

    Raises QueryError when the text does not parse, so nothing unparsed is ever run.
    """
    try:
        parsed = parseUpdate(sparql) if update else parseQuery(sparql)
    except Exception as exc:  # pyparsing raises several kinds
        if not update:
            try:
                parseUpdate(sparql)
            except Exception:
                pass
            else:
                raise QueryError("this is a SPARQL update, not a query (updates are refused here)") from None
        raise QueryError(f"SPARQL syntax error: {str(exc).splitlines()[0]}") from None
    found: list[str] = []
    _walk(parsed, found)
    return found
