"""Extraction: ``Article`` → ``Extraction`` (plain records; no RDF here). Pluggable extractors share the
``Extractor`` protocol; ``RuleExtractor`` is the rule-based one (gazetteer, cues, patterns).

Example:
    >>> from kg.articles.model import Article
    >>> from kg.extract.lexicon import EntityInfo, ReferenceIndex
    >>> idx = ReferenceIndex(entities={"https://w3id.org/reconciliation-kg/id/party/hamas":
    ...                                EntityInfo("Hamas", type_local_name="Party")})
    >>> ex = extract_article(Article(id="a", title=None, body="Hamas won the 2006 elections."), idx)
    >>> [(e.type, e.participants[0].role, e.time.earliest) for e in ex.events]
    [('Election', 'winner', '2006-01-01')]
"""

from __future__ import annotations

from typing import Protocol

from kg.articles.model import Article
from kg.extract.document import Doc
from kg.extract.events import EventFinder
from kg.extract.gazetteer import Gazetteer
from kg.extract.lexicon import ReferenceIndex
from kg.extract.mentions import find_mentions
from kg.extract.merge import merge_events
from kg.extract.quotes import find_statements
from kg.extract.records import EXTRACTOR_VERSION, Extraction

__all__ = ["Extractor", "RuleExtractor", "extract_article"]


class Extractor(Protocol):
    """Anything that turns an article into records (rules today; a statistical or LLM one later)."""

    name: str
    version: str

    def extract(self, article: Article) -> Extraction:
        """Records for one article; must be deterministic and must not do I/O."""
        ...


class RuleExtractor:
    """The rule-based extractor. Build once per reference index (the gazetteer is compiled here)."""

    name = "rules"
    version = EXTRACTOR_VERSION

    def __init__(self, index: ReferenceIndex) -> None:
        self.index = index
        self.gazetteer = Gazetteer(index)

    def extract(self, article: Article) -> Extraction:
        """Mentions, events (with statements and states of affairs) and provisions of ``article``."""
        doc = Doc.of(article)
        find_mentions(doc, self.gazetteer)
        statements = find_statements(doc, self.index)
        events, provisions = EventFinder(doc, self.index.with_local(doc.new_entities)).run(statements)
        labels = {iri: info.label for iri, info in self.index.entities.items()}
        labels.update({iri: lab for iri, (lab, _) in doc.new_entities.items()})
        merged = merge_events([*statements, *events], labels)
        provisions = sorted({p.key: p for p in provisions}.values(), key=lambda p: p.evidence[0].start)
        return Extraction(article_id=article.id, mentions=list(doc.mentions), events=merged,
                          new_entities=dict(sorted(doc.new_entities.items())), extractor=self.name,
                          version=self.version, provisions=provisions)


_CACHE: dict[int, RuleExtractor] = {}


def extract_article(article: Article, index: ReferenceIndex) -> Extraction:
    """Extract one article with the rule extractor (the compiled gazetteer is cached per index).

    Example: see the module docstring.
    """
    ex = _CACHE.get(id(index))
    if ex is None or ex.index is not index:
        _CACHE.clear()
        ex = _CACHE[id(index)] = RuleExtractor(index)
    return ex.extract(article)
