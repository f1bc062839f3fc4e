"""Records → RDF: the only place that mints IRIs and builds triples for articles.

Every triple returned belongs in the article's named graph (whose name is the article IRI). IRIs are
deterministic: the article id, an event's signature key, a mention's offsets.

Example:
    >>> from kg.articles.model import Article
    >>> from kg.extract.records import Extraction
    >>> g = map_article(Article(id="t-1", title="T", body="Hamas won."), Extraction(article_id="t-1"))
    >>> (article_iri("t-1"), SCHEMA.headline, Literal("T")) in g
    True
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, SKOS, XSD

from kg.articles.model import Article
from kg.extract.records import Event, Evidence, Extraction, Mention
from kg.namespaces import ID, REC, SCHEMA

OA_START = URIRef("http://www.w3.org/ns/oa#start")
OA_END = URIRef("http://www.w3.org/ns/oa#end")
OA_EXACT = URIRef("http://www.w3.org/ns/oa#exact")
OA_QUOTE_SELECTOR = URIRef("http://www.w3.org/ns/oa#TextQuoteSelector")
OA_POSITION_SELECTOR = URIRef("http://www.w3.org/ns/oa#TextPositionSelector")


def _h(*parts: object, n: int = 16) -> str:
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:n]


def portable_path(source: str) -> str:
    """A source path as stored: relative to the project root (with ``/``) when inside it, so the same corpus
    gives the same triples wherever the checkout lives and whichever folder the command ran in (a relative
    ``source`` is read from the current directory). A source outside the project is stored as an absolute
    path; ``<stdin>`` and URLs are kept as given.

    Example:
        >>> from kg.paths import project_root
        >>> portable_path(str(project_root() / "data" / "articles" / "a.txt"))
        'data/articles/a.txt'
    """
    import os

    from kg.paths import project_root

    if not source or source.startswith("<") or "://" in source:  # "<stdin>", a URL: not a file path
        return source
    full = Path(os.path.abspath(source))
    try:
        return full.resolve().relative_to(project_root().resolve()).as_posix()
    except ValueError:
        return source if Path(source).is_absolute() else full.as_posix()


def article_iri(article_id: str) -> URIRef:
    """The article's IRI, which also names its graph.

    Example:
        >>> str(article_iri("abc"))
        'https://w3id.org/reconciliation-kg/id/article/abc'
    """
    return ID[f"article/{article_id}"]


def event_iri(article_id: str, key: str) -> URIRef:
    """A deterministic IRI for an event reported by an article."""
    return ID[f"event/{article_id}/{_h(key)}"]


@lru_cache(maxsize=1)
def concepts_by_notation() -> dict[str, URIRef]:
    """SKOS concepts of the ontology by ``scheme-local-name/notation``, e.g. ``ModalityScheme/hoped``."""
    from kg.layers import read_ontology

    onto = read_ontology()
    out: dict[str, URIRef] = {}
    for concept, notation in onto.subject_objects(SKOS.notation):
        for scheme in onto.objects(concept, SKOS.inScheme):
            out[f"{str(scheme).rsplit('/', 1)[-1]}/{notation}"] = concept  # type: ignore[assignment]
    return out


def concept(scheme: str, notation: str) -> URIRef:
    """The concept with ``notation`` in ``scheme`` (e.g. ``concept("ModalityScheme", "hoped")``)."""
    found = concepts_by_notation().get(f"{scheme}/{notation}")
    if found is None:
        # the contract's naming rule, for concepts an older ontology file may lack
        return REC[notation.title().replace("-", "")]
    return found


def _date(value: str) -> Literal:
    """An ``xsd:date`` for a full or partial date: ``YYYY``/``YYYY-MM`` padded to the period's first day, a time
    of day dropped; text that is not a calendar date is kept as given, for the shapes to report."""
    from kg.errors import UsageError
    from kg.query import date_bound

    try:
        return Literal(date_bound(value[:10]), datatype=XSD.date)
    except UsageError:
        return Literal(value, datatype=XSD.date)


class _Builder:
    def __init__(self, article: Article) -> None:
        self.article = article
        self.aid = article.id
        self.a = article_iri(article.id)
        self.g = Graph()

    def add(self, s: URIRef, p: URIRef, o: object) -> None:
        if o is None or o == "":
            return
        self.g.add((s, p, o if isinstance(o, URIRef | Literal) else Literal(o)))  # type: ignore[arg-type]

    def evidence(self, ev: Evidence) -> URIRef:
        node = ID[f"evidence/{self.aid}/{ev.start}-{ev.end}-{_h(ev.rule, ev.version, n=8)}"]
        for t in (REC.Evidence, OA_QUOTE_SELECTOR, OA_POSITION_SELECTOR):
            self.g.add((node, RDF.type, t))
        self.add(node, REC.inArticle, self.a)
        self.add(node, OA_EXACT, Literal(ev.quote))
        self.add(node, OA_START, Literal(ev.start, datatype=XSD.integer))
        self.add(node, OA_END, Literal(ev.end, datatype=XSD.integer))
        self.add(node, REC.sentence, Literal(ev.sentence))
        self.add(node, REC.extractor, Literal(ev.rule))
        self.add(node, REC.extractorVersion, Literal(ev.version))
        self.add(node, REC.confidence, Literal(f"{ev.confidence:.2f}", datatype=XSD.decimal))
        return node

    def article_node(self) -> None:
        art, a = self.article, self.a
        self.g.add((a, RDF.type, REC.Article))
        self.add(a, SCHEMA.headline, art.title)
        self.add(a, REC.lede, art.lede)
        if art.published:
            self.add(a, SCHEMA.datePublished, _date(art.published))
        if art.date_precision:
            self.add(a, REC.datePrecision, concept("PrecisionScheme", art.date_precision))
        self.add(a, REC.dateMethod, art.date_method)
        self.add(a, SCHEMA.publisher, art.publisher)
        self.add(a, SCHEMA.author, art.author)
        if art.url:
            self.add(a, SCHEMA.url, URIRef(art.url))
        if art.source and not art.source.startswith(("http://", "https://")):
            self.add(a, REC.sourcePath, portable_path(art.source))
        self.add(a, SCHEMA.inLanguage, art.language)
        self.add(a, SCHEMA.articleBody, Literal(art.body))
        if art.dateline is not None:
            self.add(a, REC.datelinePlace, art.dateline.place)
            self.add(a, REC.datelineAgency, art.dateline.agency)
        self.add(a, REC.contentHash, art.content_hash)
        for other in sorted(art.near_duplicate_of):
            self.add(a, REC.nearDuplicateOf, article_iri(other))

    def mention(self, m: Mention) -> None:
        node = ID[f"mention/{self.aid}/{m.start}-{m.end}"]
        self.g.add((node, RDF.type, REC.Mention))
        self.add(node, REC.mentionOf, URIRef(m.entity))
        self.add(node, REC.linked, Literal(m.linked))
        if m.metonym:
            self.add(node, REC.metonym, Literal(True))
        self.add(node, REC.evidence, self.evidence(m.evidence))

    def event(self, e: Event) -> None:
        node = event_iri(self.aid, e.key)
        self.g.add((node, RDF.type, REC[e.type]))
        self.add(node, SKOS.prefLabel, Literal(e.label, lang="en"))
        self.add(node, REC.modality, concept("ModalityScheme", e.modality))
        if e.time is not None:
            t = e.time
            self.add(node, REC.timeText, t.text)
            if t.earliest:
                self.add(node, REC.earliest, _date(t.earliest))
            if t.latest:
                self.add(node, REC.latest, _date(t.latest))
            if t.precision:
                self.add(node, REC.precision, concept("PrecisionScheme", t.precision))
            if t.precision == "day" and t.earliest and t.earliest == t.latest:
                self.add(node, REC.date, _date(t.earliest))
        for prop, value in (
            (REC.place, e.place), (REC.territory, e.territory), (REC.agreement, e.agreement),
            (REC.government, e.government), (REC.speakerAffiliation, e.speaker_affiliation),
            (REC.post, getattr(e, "post", None)), (OWL.sameAs, getattr(e, "same_as", None)),
        ):
            if value:
                self.add(node, prop, URIRef(value))
        for p in e.participants:
            self.add(node, REC[p.role], URIRef(p.entity))
        if e.quote:
            self.add(node, REC.quote, Literal(e.quote))
        self.add(node, REC.quoteType, e.quote_type)
        if e.purpose:
            self.add(node, REC.purpose, Literal(e.purpose, lang="en"))
        for c in e.concerns:
            self.add(node, REC.concerns, URIRef(c))
        for b in e.basis:
            self.add(node, REC.basis, URIRef(b))
        if e.status:
            self.add(node, REC.status, concept("StatusScheme", e.status))
        if e.provision_type:
            self.add(node, REC.provisionType, concept("ProvisionTypeScheme", e.provision_type))
        self.add(node, REC.confidence, Literal(f"{e.confidence:.2f}", datatype=XSD.decimal))
        for ev in e.evidence:
            self.add(node, REC.evidence, self.evidence(ev))

    def new_entity(self, iri: str, label: str, type_: str) -> None:
        node = URIRef(iri)
        self.g.add((node, RDF.type, REC.UnlinkedEntity))
        self.g.add((node, RDF.type, REC[type_]))
        self.add(node, SKOS.prefLabel, Literal(label, lang="en"))
        self.add(node, DCTERMS.source, self.a)


def map_article(article: Article, extraction: Extraction, index: object | None = None) -> Graph:
    """The triples of one article: the article node, its mentions, events, new entities and evidence."""
    b = _Builder(article)
    b.article_node()
    for m in extraction.mentions:
        b.mention(m)
    for e in extraction.events:
        b.event(e)
    for iri, (label, type_) in sorted(extraction.new_entities.items()):
        b.new_entity(iri, label, type_)
    for extra in getattr(extraction, "provisions", []) or []:
        _map_provision(b, extra)
    return b.g


def _map_provision(b: _Builder, p: object) -> None:
    """A provision an article reports for an agreement (label, agreement, type, status, evidence)."""
    agreement = getattr(p, "agreement", None)
    label = getattr(p, "label", "")
    node = ID[f"provision/{b.aid}/{_h(agreement, label)}"]
    b.g.add((node, RDF.type, REC.Provision))
    b.add(node, SKOS.prefLabel, Literal(label, lang="en"))
    if agreement:
        b.g.add((URIRef(agreement), REC.hasProvision, node))
    ptype = getattr(p, "provision_type", None)
    if ptype:
        b.add(node, REC.provisionType, concept("ProvisionTypeScheme", ptype))
    status = getattr(p, "status", None)
    if status:
        b.add(node, REC.status, concept("StatusScheme", status))
    for ev in getattr(p, "evidence", []) or []:
        b.add(node, REC.evidence, b.evidence(ev))
