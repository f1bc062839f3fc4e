"""Where the project's files live: ontology, reference layer, articles, build outputs.

Example:
    >>> (project_root() / "ontology").name
    'ontology'
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_STORE = "data/build/store"


def project_root() -> Path:
    """The folder holding ``ontology/`` and ``data/``: ``KG_HOME``, else the checkout this package is in,
    else the current directory."""
    env = os.environ.get("KG_HOME")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent.parent
    if (here / "ontology").is_dir():
        return here
    return Path.cwd()


def ontology_files() -> list[Path]:
    """The ontology modules (every ``ontology/*.ttl`` except SHACL shapes), sorted."""
    return sorted(p for p in (project_root() / "ontology").glob("*.ttl") if not p.name.startswith("shapes"))


def shapes_files() -> list[Path]:
    """The SHACL shapes files (``ontology/shapes*.ttl``), sorted."""
    return sorted((project_root() / "ontology").glob("shapes*.ttl"))


def reference_files() -> list[Path]:
    """The curated reference layer (``data/reference/*.ttl``), sorted."""
    return sorted((project_root() / "data" / "reference").glob("*.ttl"))


def default_articles_dir() -> Path:
    """The corpus read by ``kg build`` when no source is given."""
    return project_root() / "data" / "articles"


def default_store() -> str:
    """``KG_STORE`` if set, else ``data/build/store`` under the project root."""
    return os.environ.get("KG_STORE") or str(project_root() / DEFAULT_STORE)
