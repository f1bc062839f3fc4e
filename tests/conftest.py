"""Shared fixtures: the curated graph built once per session in memory."""

from __future__ import annotations

import pytest

from kg.build import build
from kg.store import Store


@pytest.fixture(scope="session")
def curated_store() -> Store:
    """Ontology + reference layer (no articles), in memory."""
    r = build(sources=[], store_location="memory:", dump_path=None, validate=False, keep_open=True)
    assert r.handle is not None
    return r.handle
