"""Articles into a store: read → extract → map → one transaction per article (its named graph replaced).

Example:
    >>> from kg.store import open_store
    >>> ingest(open_store("memory:"), []).stored
    0
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.store import Store


@dataclass
class IngestReport:
    """What an ingest did: articles stored, unchanged, and every problem as (path, reason)."""

    stored: int = 0
    unchanged: int = 0
    articles: list[str] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    duplicates: list[tuple[str, str, str]] = field(default_factory=list)


def ingest(
    store: Store, sources: list[str] | None, *, progress: bool = False, index: object | None = None
) -> IngestReport:
    """Read ``sources`` (None: ``data/articles/``), extract and store each article in its own graph."""
    from kg.articles import ReadReport, read_articles
    from kg.extract import RuleExtractor
    from kg.mapping import article_iri, map_article
    from kg.paths import default_articles_dir
    from kg.reference import load_reference_index

    report = IngestReport()
    if sources is not None and not sources:
        return report
    srcs = [str(default_articles_dir())] if sources is None else list(sources)
    if index is None:
        from kg.layers import read_ontology, read_reference

        index = load_reference_index(read_ontology() + read_reference())
    extractor = RuleExtractor(index)  # type: ignore[arg-type]
    rr = ReadReport()
    for article in read_articles(srcs, report=rr, progress=progress):
        extraction = extractor.extract(article)
        graph = map_article(article, extraction, index)  # type: ignore[arg-type]
        store.replace_graph(str(article_iri(article.id)), graph)
        report.stored += 1
        report.articles.append(article.id)
    report.problems = list(rr.problems)
    report.warnings = list(rr.warnings)
    report.duplicates = list(rr.duplicates)
    return report
