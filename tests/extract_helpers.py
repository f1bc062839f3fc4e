"""Small helpers shared by the extraction tests: run the extractor on an invented text and pick events.

Example:
    >>> x = run("Fatah and Hamas signed an agreement in Cairo on Monday.")
    >>> [sorted(roles(e)) for e in of_type(x, "Signing")][0][0][0]
    'signatory'
"""

from __future__ import annotations

from functools import lru_cache

from kg.articles.model import Article
from kg.extract import extract_article
from kg.extract.lexicon import ReferenceIndex
from kg.extract.merge import REPORTED_CONFIDENCE
from kg.extract.records import Event, Extraction
from kg.reference import default_reference_paths, load_reference_files

ID = "https://w3id.org/reconciliation-kg/id/"
#: A first sentence that places an invented article in the domain (it names the factions, no event): an agreement
#: signed with no faction, process actor or reconciliation word in the article is no Signing
#: (``AgreementRules.in_domain``).
DOMAIN = "Fatah and Hamas are rivals. "


@lru_cache(maxsize=1)
def real_index() -> ReferenceIndex:
    """The project's reference layer (``data/reference``), loaded once per test session."""
    return load_reference_files(default_reference_paths())


def run(body: str, published: str = "2020-03-12", index: ReferenceIndex | None = None) -> Extraction:
    """The extraction of ``body`` as an article published on ``published`` (the real reference layer by default)."""
    return extract_article(Article(id="t", title=None, body=body, published=published), index or real_index())


def of_type(x: Extraction, type_: str | None, reported: bool = False) -> list[Event]:
    """The events of ``type_`` (``None``: of every type); with ``reported``, only those the article reports (not
    background mentions)."""
    return [e for e in x.events if type_ in (None, e.type) and (not reported or e.confidence >= REPORTED_CONFIDENCE)]


def talks(x: Extraction, reported: bool = False) -> list[Event]:
    """Meetings and Consultations: bilateral talks of a foreign side with one Palestinian side are a Consultation
    (adjudication rule 14, round 16), so tests about talks' roles and times take either."""
    return [e for e in of_type(x, None, reported) if e.type in ("Meeting", "Consultation")]


def roles(e: Event) -> set[tuple[str, str]]:
    """The (role, entity IRI) pairs of an event."""
    return {(p.role, p.entity) for p in e.participants}
