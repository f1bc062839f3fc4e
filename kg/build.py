"""``kg build``: a fresh store from the ontology, the reference layer and the articles, validated, dumped,
and swapped in only when complete.

Example:
    >>> r = build(store_location="memory:", sources=[], dump_path=None)
    >>> r.counts["ontology"] > 0
    True
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from kg.dump import write_trig
from kg.errors import StoreError
from kg.layers import load_layers
from kg.paths import project_root
from kg.store import OxigraphStore, Store, open_store
from kg.validate import Violation, validate_store


@dataclass
class BuildResult:
    """What a build made: where, how much, what went wrong."""

    store: str
    dump: Path | None
    counts: dict[str, int] = field(default_factory=dict)
    articles: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    duplicates: list[tuple[str, str, str]] = field(default_factory=list)
    violations: list[Violation] = field(default_factory=list)
    quality_warnings: list[Violation] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    handle: Store | None = None


def default_dump_path(store_location: str) -> Path:
    """``kg.trig`` beside an on-disk store; ``data/build/kg.trig`` for other backends."""
    if store_location.startswith(("memory:", "http://", "https://")):
        return project_root() / "data" / "build" / "kg.trig"
    return Path(store_location).resolve().parent / "kg.trig"


def default_pages_dir(store_location: str) -> Path:
    """Where ``kg build`` writes the pages for a store, and so where ``kg serve`` looks for them: the folder of
    the default dump (beside an on-disk store, else ``data/build``).

    Example:
        >>> default_pages_dir("/srv/kg/store").as_posix()
        '/srv/kg'
    """
    return default_dump_path(store_location).parent


def _populate(store: Store, sources: list[str] | None, result: BuildResult, progress: bool) -> None:
    result.counts.update(load_layers(store))
    if sources is None or sources:
        from kg.ingest import ingest

        report = ingest(store, sources, progress=progress)
        result.articles = report.stored
        result.problems = report.problems
        result.warnings = report.warnings
        result.duplicates = report.duplicates
        if report.consolidation is not None:  # kg.consolidate ran at the end of ingest
            result.counts["events"] = report.consolidation.events  # type: ignore[attr-defined]
            result.counts["consolidated"] = report.consolidation.clusters  # type: ignore[attr-defined]
    result.counts["triples"] = store.count()
    result.counts["graphs"] = len(store.graphs())


def _finish(store: Store, result: BuildResult, validate: bool, dump_path: Path | None, pages: bool) -> None:
    if validate:
        found = validate_store(store)
        result.violations = [v for v in found if v.severity == "Violation"]
        result.quality_warnings = [v for v in found if v.severity != "Violation"]
    if dump_path is not None:
        dump_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = dump_path.with_suffix(dump_path.suffix + ".tmp")
        tmp.write_text(write_trig(store), encoding="utf-8")
        os.replace(tmp, dump_path)
        result.dump = dump_path
        if pages:
            from kg.render import write_pages

            result.outputs = write_pages(store, dump_path.parent)


def is_store_dir(path: Path) -> bool:
    """True for a folder holding an on-disk Oxigraph (RocksDB) store."""
    return (path / "CURRENT").is_file() and (path / "IDENTITY").is_file()


def check_replaceable(final: Path) -> None:
    """A build may replace ``final`` only when it is missing, an empty folder, or an Oxigraph store that no
    other process holds; anything else is refused, so a mistyped ``--store`` never deletes someone's files.

    Example:
        >>> check_replaceable(Path("/nonexistent/kg-store"))
    """
    if not final.exists():
        return
    if not final.is_dir():
        raise StoreError(f"{final}: exists and is not a store directory; refusing to replace it")
    if not any(final.iterdir()):
        return
    if not is_store_dir(final):
        raise StoreError(f"{final}: folder is not a kg store (no Oxigraph files); refusing to replace it")
    OxigraphStore(final).close()  # fails with StoreLockedError while another process holds it


def build(
    sources: list[str] | None = None,
    store_location: str | None = None,
    *,
    dump_path: Path | str | None = "default",
    validate: bool = True,
    progress: bool = False,
    keep_open: bool = False,
    pages: bool = True,
) -> BuildResult:
    """Build the graph. ``sources=None`` reads ``data/articles/``; ``[]`` builds the curated layers only.
    With a dump path, the overview and timeline pages (``graph.html``, ``timeline.html``) are written beside it
    unless ``pages`` is False.

    An on-disk store is built in a sibling ``.building`` folder and renamed into place at the end, so a
    failed build leaves the previous store usable.
    """
    from kg.paths import default_store

    t0 = time.perf_counter()
    loc = store_location or default_store()
    dump = default_dump_path(loc) if dump_path == "default" else (Path(dump_path) if dump_path else None)
    result = BuildResult(store=loc, dump=None)
    if loc.startswith(("memory:", "http://", "https://")):
        store = open_store(loc)
        if loc.startswith("http"):
            for g in store.graphs():
                store.remove_graph(g)
        _populate(store, sources, result, progress)
        _finish(store, result, validate, dump, pages)
        result.handle = store if keep_open else None
        result.seconds = time.perf_counter() - t0
        return result

    final = Path(loc).resolve()
    check_replaceable(final)
    tmp = final.with_name(final.name + ".building")
    shutil.rmtree(tmp, ignore_errors=True)
    store = OxigraphStore(tmp)
    try:
        _populate(store, sources, result, progress)
        _finish(store, result, validate, dump, pages)
    finally:
        store.close()
    old = final.with_name(final.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        os.replace(final, old)
    os.replace(tmp, final)
    shutil.rmtree(old, ignore_errors=True)
    if keep_open:
        result.handle = OxigraphStore(final)
    result.seconds = time.perf_counter() - t0
    return result
