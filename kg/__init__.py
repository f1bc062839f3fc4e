"""reconciliation-kg: news about the intra-Palestinian reconciliation process as a knowledge graph.

Example:
    >>> import kg
    >>> store = kg.open_store("memory:")
    >>> kg.query(store, "agreements").rows
    []
"""

from __future__ import annotations

__version__ = "0.1.0"

from kg.build import build
from kg.facts import iter_facts as facts
from kg.query import run_named as query
from kg.store import open_store

__all__ = ["__version__", "build", "facts", "open_store", "query"]
