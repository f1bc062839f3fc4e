"""Articles into a store: read → extract → map → one transaction per article (its named graph replaced).

Re-ingesting an unchanged article writes nothing (``IngestReport.unchanged``); a changed article's graph is
replaced whole, so its old facts go. Each article is committed on its own, so an interrupted ingest
(even SIGKILL) leaves every completed article stored, and running it again finishes the job.

Example:
    >>> from kg.store import open_store
    >>> ingest(open_store("memory:"), []).stored
    0
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import BNode, Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.errors import InputError, UsageError
from kg.store import Store, Triple


@dataclass
class IngestReport:
    """What an ingest did: articles stored, unchanged, and every problem as (path, reason)."""

    stored: int = 0
    unchanged: int = 0
    articles: list[str] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    duplicates: list[tuple[str, str, str]] = field(default_factory=list)
    consolidation: object | None = None  # kg.consolidate.ConsolidationResult, when articles were read


def _canonical(t: Node) -> Node:
    """A stand-in equal for equal RDF values: stores keep typed literals in canonical form ("0.90" comes back
    as "0.9"), so lexical forms cannot be compared directly."""
    if not isinstance(t, Literal):
        return t
    if t.language:
        return Literal(str(t), lang=t.language.lower())
    if t.datatype is None or t.datatype == XSD.string:
        return Literal(str(t))
    value = t.value
    if value is None:  # ill-typed: keep the text
        return t
    if isinstance(value, Decimal):
        value = value.normalize()
    return Literal(f"{t.datatype}\x00{value!r}")


def store_graph_if_changed(store: Store, graph: str, triples: Iterable[Triple]) -> bool:
    """Replace ``graph`` with ``triples`` (one transaction) unless it holds the same already; True when
    written. Literals are compared by value (as stores keep them canonical), graphs with blank nodes up to
    blank node renaming.

    Example:
        >>> from kg.store import open_store, URIRef, RDFS, Literal
        >>> s, t = open_store("memory:"), [(URIRef("https://ex.org/a"), RDFS.label, Literal("A"))]
        >>> store_graph_if_changed(s, "https://ex.org/g", t), store_graph_if_changed(s, "https://ex.org/g", t)
        (True, False)
    """
    new = set(triples)
    old = store.triples(graph)
    if len(old) == len(new):
        canon_new = {(_canonical(a), _canonical(b), _canonical(c)) for a, b, c in new}
        canon_old = {(_canonical(a), _canonical(b), _canonical(c)) for a, b, c in old}
        if any(isinstance(t, BNode) for tr in new for t in tr):
            g_old, g_new = Graph(), Graph()
            for t in canon_old:
                g_old.add(t)
            for t in canon_new:
                g_new.add(t)
            if isomorphic(g_old, g_new):
                return False
        elif canon_old == canon_new:
            return False
    store.replace_graph(graph, new)
    return True


def ingest_articles(
    store: Store, articles: Iterable[object], to_graph: Callable[[object], tuple[str, Iterable[Triple]]],
    report: IngestReport | None = None,
) -> IngestReport:
    """Store each article's graph (``to_graph(article) -> (graph IRI, triples)``), one transaction each."""
    report = report if report is not None else IngestReport()
    for article in articles:
        graph, triples = to_graph(article)
        if store_graph_if_changed(store, graph, triples):
            report.stored += 1
        else:
            report.unchanged += 1
        report.articles.append(article.id)  # type: ignore[attr-defined]
    return report


def _pipeline(index: object | None) -> Callable[[object], tuple[str, Iterable[Triple]]]:
    """The default article → (graph, triples) function: rule extraction, then mapping."""
    from kg.extract import RuleExtractor
    from kg.mapping import article_iri, map_article
    from kg.reference import load_reference_index

    if index is None:
        from kg.layers import read_ontology, read_reference

        index = load_reference_index(read_ontology() + read_reference())
    extractor = RuleExtractor(index)  # type: ignore[arg-type]

    def to_graph(article: object) -> tuple[str, Iterable[Triple]]:
        extraction = extractor.extract(article)
        graph = map_article(article, extraction, index)  # type: ignore[arg-type]
        return str(article_iri(article.id)), graph  # type: ignore[attr-defined]

    return to_graph


def ingest(
    store: Store, sources: list[str] | None, *, progress: bool = False, index: object | None = None
) -> IngestReport:
    """Read ``sources`` (None: ``data/articles/``), extract and store each article in its own graph."""
    from kg.articles import ReadReport, read_articles
    from kg.paths import default_articles_dir

    report = IngestReport()
    if sources is not None and not sources:
        return report
    srcs = [str(default_articles_dir())] if sources is None else list(sources)
    rr = ReadReport()
    ingest_articles(store, read_articles(srcs, report=rr, progress=progress), _pipeline(index), report)
    report.problems = list(rr.problems)
    report.warnings = list(rr.warnings)
    report.duplicates = list(rr.duplicates)
    from kg.consolidate import consolidate

    report.consolidation = consolidate(store)
    return report


def precheck_sources(sources: list[str] | None) -> None:
    """Read every source without storing anything; InputError listing the problems if any input would be
    skipped (``--strict``). Standard input cannot be read twice, so ``-`` is refused here.

    Example:
        >>> precheck_sources(["no/such/file.txt"])
        Traceback (most recent call last):
        kg.errors.InputError: 1 input problem (--strict: nothing stored): no/such/file.txt: no such file or directory
    """
    from kg.articles import ReadReport, read_articles
    from kg.paths import default_articles_dir

    srcs = [str(default_articles_dir())] if sources is None else list(sources)
    if "-" in srcs:
        raise UsageError("--strict cannot check standard input ('-') before reading it; give files")
    rr = ReadReport()
    for _ in read_articles(srcs, report=rr):
        pass
    if rr.problems:
        n = len(rr.problems)
        listing = "; ".join(f"{where}: {reason}" for where, reason in rr.problems[:20])
        more = f"; … and {n - 20} more" if n > 20 else ""
        raise InputError(f"{n} input problem{'s' if n != 1 else ''} (--strict: nothing stored): {listing}{more}")
