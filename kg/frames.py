"""Query results and facts as pandas DataFrames, for notebooks (pandas is needed only here).

Example:
    >>> from kg.store import open_store
    >>> query_frame(open_store("memory:"), "agreements").columns.tolist()[:2]
    ['agreement', 'agreementLabel']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rdflib import Literal
from rdflib.term import Node

from kg.store import QueryResult, Store

if TYPE_CHECKING:
    import pandas as pd


def _value(t: Node | None) -> Any:
    if t is None:
        return None
    if isinstance(t, Literal):
        v = t.toPython()
        return v if not isinstance(v, Literal) else str(v)
    return str(t)


def to_frame(res: QueryResult) -> pd.DataFrame:
    """A SELECT result as a DataFrame: one column per variable, Python values (dates as ``datetime.date``,
    numbers as numbers, IRIs and strings as ``str``, unbound as None)."""
    import pandas as pd

    return pd.DataFrame([[_value(r.get(v)) for v in res.vars] for r in res.rows], columns=res.vars)


def query_frame(store: Store, query: str, **params: str) -> pd.DataFrame:
    """Run a named query (``"signatories"``) or SPARQL text and return a DataFrame.

    Parameters are keyword arguments: ``query_frame(store, "timeline", **{"from": "2017-01-01"})``.
    """
    from kg.query import run_named, run_text

    res = run_text(store, query, params) if "{" in query else run_named(store, query, params)
    return to_frame(res)


def facts_frame(store: Store, article: str | None = None, kind: str | None = "event") -> pd.DataFrame:
    """Extracted facts as a DataFrame (one row per fact; nested fields flattened to labels)."""
    import pandas as pd

    from kg.facts import iter_facts

    rows = []
    for f in iter_facts(store, article=article, kind=kind):
        date = f.get("date") or {}
        ent = f.get("entity") or {}
        rows.append({
            "kind": f["kind"],
            "type": f.get("type") or ent.get("type"),
            "label": f.get("label") or ent.get("label"),
            "modality": f.get("modality"),
            "start": date.get("start"),
            "end": date.get("end"),
            "precision": date.get("precision"),
            "place": (f.get("place") or {}).get("label"),
            "agreement": (f.get("agreement") or {}).get("label"),
            "participants": "; ".join(f"{p['role']}: {p['label']}" for p in f.get("participants", [])),
            "quote": f.get("quote") or f.get("text"),
            "article": f["article"]["title"],
            "confidence": f.get("confidence"),
            "id": f.get("id") or ent.get("iri"),
        })
    return pd.DataFrame(rows)
