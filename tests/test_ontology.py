"""The OWL ontology in ontology/*.ttl: parses in two independent parsers, every term is labelled and
defined, it implements exactly the terms of docs/ontology-terms.md, and it passes its own SHACL checks.

Independent of data/reference/ (only ontology/ and docs/ are read).
"""

from __future__ import annotations

import re
from pathlib import Path

import owlrl
import pyoxigraph
import pyshacl
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kg.terms import to_rdflib

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY_DIR = ROOT / "ontology"
TERMS_DOC = ROOT / "docs" / "ontology-terms.md"
REC = Namespace("https://w3id.org/reconciliation-kg/ontology/")
DCTERMS = Namespace("http://purl.org/dc/terms/")
SCHEMA = Namespace("https://schema.org/")

ALL_TTL = sorted(ONTOLOGY_DIR.glob("*.ttl"))
ONTOLOGY_TTL = [p for p in ALL_TTL if not p.name.startswith("shapes")]
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, SKOS.Concept, SKOS.ConceptScheme)
ROLE_PROPERTIES = {
    "signatory",
    "mediator",
    "host",
    "participant",
    "speaker",
    "leader",
    "agent",
    "winner",
    "target",
    "proposer",
    "recipient",
}
# CAMEO 1.1b3 event codes, checked against the GDELT CAMEO event code list. Types not listed have none.
CAMEO_CODES = {
    "Meeting": "046",  # Engage in negotiation
    "Signing": "057",  # Sign formal agreement
    "Takeover": "192",  # Occupy territory
    "Handover": "080",  # Yield, not specified below
    "Statement": "010",  # Make statement, not specified below
    "Consultation": "040",  # Consult, not specified below
    "Proposal": "036",  # Express intent to meet or negotiate
    "Mediation": "045",  # Mediate
}


def load_ontology() -> Graph:
    """The ontology graph as the loader builds it: every ontology/*.ttl except shapes*.ttl.

    Example:
        >>> (REC.Agreement, RDF.type, OWL.Class) in load_ontology()
        True
    """
    graph = Graph()
    for path in ONTOLOGY_TTL:
        graph.parse(path, format="turtle")
    return graph


def oxigraph_to_rdflib(path: Path) -> Graph:
    """Parse a Turtle file with pyoxigraph and rebuild the triples as an rdflib graph."""
    graph = Graph()
    for quad in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE):
        graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return graph


def contract_terms() -> set[str]:
    """Local names of every `rec:Xxx` written inside backticks in docs/ontology-terms.md."""
    text = TERMS_DOC.read_text(encoding="utf-8")
    return {name for span in re.findall(r"`([^`]*)`", text) for name in re.findall(r"\brec:([A-Za-z]+)", span)}


def defined_terms(graph: Graph) -> set[str]:
    """Local names of the rec: classes, properties, concepts and schemes the ontology declares."""
    return {
        str(s)[len(str(REC)) :]
        for t in TERM_TYPES
        for s in graph.subjects(RDF.type, t)
        if isinstance(s, URIRef) and str(s).startswith(str(REC))
    }


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology()


def test_the_ontology_files_are_all_there() -> None:
    names = {p.name for p in ALL_TTL}
    assert {
        "reconciliation.ttl",
        "actors.ttl",
        "places.ttl",
        "agreements.ttl",
        "events.ttl",
        "sources.ttl",
        "vocabularies.ttl",
        "alignments.ttl",
        "shapes.ttl",
    } <= names


@pytest.mark.parametrize("path", ALL_TTL, ids=lambda p: p.name)
def test_file_parses_identically_in_rdflib_and_pyoxigraph(path: Path) -> None:
    with_rdflib = Graph().parse(path, format="turtle")
    with_oxigraph = oxigraph_to_rdflib(path)
    assert len(with_rdflib) > 10
    if not isomorphic(with_rdflib, with_oxigraph):
        _, only_rdflib, only_ox = graph_diff(to_isomorphic(with_rdflib), to_isomorphic(with_oxigraph))
        pytest.fail(
            f"parsers disagree on {path.name}:\nonly rdflib:\n{only_rdflib.serialize(format='nt')}"
            f"\nonly pyoxigraph:\n{only_ox.serialize(format='nt')}"
        )


@pytest.mark.parametrize("path", ALL_TTL, ids=lambda p: p.name)
def test_no_file_iris_and_one_schema_namespace(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert "file:" not in text
    assert "http://schema.org" not in text


def test_header(ontology: Graph) -> None:
    onto = URIRef(str(REC))
    assert (onto, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(onto, OWL.versionIRI) == URIRef(str(REC) + "0.1.0")
    assert ontology.value(onto, OWL.versionInfo) == Literal("0.1.0")
    assert ontology.value(onto, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert ontology.value(onto, DCTERMS.created) == Literal("2026-11-28", datatype=XSD.date)
    assert ontology.value(onto, DCTERMS.modified) == Literal("2026-11-28", datatype=XSD.date)
    assert ontology.value(onto, DCTERMS.title).language == "en"
    assert ontology.value(onto, DCTERMS.description).language == "en"
    assert list(ontology.subjects(RDF.type, OWL.Ontology)) == [onto]
    assert not list(ontology.triples((None, OWL.imports, None)))


def test_every_term_is_labelled_defined_and_attached(ontology: Graph) -> None:
    terms = sorted(REC[name] for name in defined_terms(ontology))
    assert len(terms) > 100
    problems = []
    for term in terms:
        labels = [o for o in ontology.objects(term, RDFS.label) if getattr(o, "language", None) == "en"]
        definitions = [o for o in ontology.objects(term, SKOS.definition) if getattr(o, "language", None) == "en"]
        if len(labels) != 1:
            problems.append(f"{term}: {len(labels)} English rdfs:label")
        if len(definitions) != 1:
            problems.append(f"{term}: {len(definitions)} English skos:definition")
        if (term, RDFS.isDefinedBy, URIRef(str(REC))) not in ontology:
            problems.append(f"{term}: no rdfs:isDefinedBy")
    assert problems == []


def test_ontology_implements_exactly_the_contract_terms(ontology: Graph) -> None:
    named = contract_terms()
    assert len(named) > 80
    defined = defined_terms(ontology)
    assert sorted(named - defined) == [], "named in docs/ontology-terms.md but not defined"
    assert sorted(defined - named) == [], "defined but not in docs/ontology-terms.md"


def test_naming_and_property_kinds(ontology: Graph) -> None:
    classes = {s for s in ontology.subjects(RDF.type, OWL.Class) if str(s).startswith(str(REC))}
    object_props = set(ontology.subjects(RDF.type, OWL.ObjectProperty))
    datatype_props = set(ontology.subjects(RDF.type, OWL.DatatypeProperty))
    assert len(classes) > 40
    assert len(object_props) > 30
    assert len(datatype_props) > 20
    assert not object_props & datatype_props
    for cls in classes:
        assert re.fullmatch(r"[A-Z][A-Za-z]+", str(cls)[len(str(REC)) :]), cls
    for prop in object_props | datatype_props:
        assert re.fullmatch(r"[a-z][A-Za-z]+", str(prop)[len(str(REC)) :]), prop


def test_no_rdfs_domains_on_our_properties(ontology: Graph) -> None:
    assert [s for s in ontology.subjects(RDFS.domain, None) if str(s).startswith(str(REC))] == []


def test_object_properties_have_no_literal_ranges(ontology: Graph) -> None:
    for prop in ontology.subjects(RDF.type, OWL.ObjectProperty):
        for rng in ontology.objects(prop, RDFS.range):
            assert not str(rng).startswith(str(XSD)), prop


def test_role_properties_are_participation(ontology: Graph) -> None:
    roles = {str(s)[len(str(REC)) :] for s in ontology.subjects(RDFS.subPropertyOf, REC.hasParticipant)}
    assert roles == ROLE_PROPERTIES | {"thirdParty"}
    sem_has_actor = URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/hasActor")
    assert (REC.hasParticipant, RDFS.subPropertyOf, sem_has_actor) in ontology


def test_alignments(ontology: Graph) -> None:
    sem = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
    prov = Namespace("http://www.w3.org/ns/prov#")
    org = Namespace("http://www.w3.org/ns/org#")
    expected = [
        (REC.Event, sem.Event),
        (REC.Event, prov.Activity),
        (REC.Actor, sem.Actor),
        (REC.Actor, prov.Agent),
        (REC.Post, org.Post),
        (REC.Organization, org.Organization),
        (REC.Place, sem.Place),
        (REC.Place, SCHEMA.Place),
        (REC.State, SCHEMA.Country),
        (REC.Agreement, prov.Entity),
        (REC.Agreement, SCHEMA.CreativeWork),
        (REC.Article, SCHEMA.NewsArticle),
        (REC.LegalInstrument, SCHEMA.Legislation),
        (REC.Evidence, URIRef("http://www.w3.org/ns/oa#TextQuoteSelector")),
        (REC.Person, URIRef("http://xmlns.com/foaf/0.1/Person")),
    ]
    for sub, sup in expected:
        assert (sub, RDFS.subClassOf, sup) in ontology, (sub, sup)


def test_cameo_codes_on_event_types(ontology: Graph) -> None:
    events = set(ontology.transitive_subjects(RDFS.subClassOf, REC.Event)) - {REC.Event}
    assert len(events) == 18
    codes = {str(cls)[len(str(REC)) :]: str(code) for cls in events for code in ontology.objects(cls, SKOS.notation)}
    assert codes == CAMEO_CODES
    for cls in events:
        notes = [str(n) for n in ontology.objects(cls, SKOS.note)]
        code = ontology.value(cls, SKOS.notation)
        if code is not None:
            assert any(n.startswith(f"CAMEO {code}:") for n in notes), cls


def test_concept_notations_match_the_contract(ontology: Graph) -> None:
    text = TERMS_DOC.read_text(encoding="utf-8")
    expected = dict(re.findall(r'`rec:(\w+)` "([a-z-]+)"', text))
    assert len(expected) == 29
    actual = {
        str(c)[len(str(REC)) :]: str(ontology.value(c, SKOS.notation))
        for c in ontology.subjects(RDF.type, SKOS.Concept)
    }
    assert actual == expected
    schemes = {
        REC.ModalityScheme: 7,
        REC.PrecisionScheme: 4,
        REC.ProvisionTypeScheme: 11,
        REC.StatusScheme: 7,
    }
    for scheme, size in schemes.items():
        assert len(set(ontology.subjects(SKOS.inScheme, scheme))) == size, scheme
    assert ontology.value(REC.Hoped, SKOS.notation) == Literal("hoped")


def test_mediator_is_inferred_from_the_mediator_or_host_role(ontology: Graph) -> None:
    ex = Namespace("http://example.org/")
    graph = Graph()
    graph += ontology
    graph.add((ex.talks, RDF.type, REC.Meeting))
    graph.add((ex.talks, REC.host, ex.egypt))
    graph.add((ex.talks, REC.participant, ex.hamas))
    graph.add((ex.deal, RDF.type, REC.Agreement))
    graph.add((ex.deal, REC.mediator, ex.qatar))
    graph.add((ex.deal, REC.signatory, ex.fatah))
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(graph)
    assert set(graph.subjects(RDF.type, REC.Mediator)) == {ex.egypt, ex.qatar}
    assert (ex.egypt, RDF.type, URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/Actor")) in graph


def test_ontology_conforms_to_its_ontology_check_shapes(ontology: Graph) -> None:
    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")
    conforms, _, text = pyshacl.validate(ontology, shacl_graph=shapes, inference="none")
    assert conforms, text


def test_ontology_check_shapes_catch_an_undefined_term(ontology: Graph) -> None:
    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")
    broken = Graph()
    broken += ontology
    broken.remove((REC.Meeting, SKOS.definition, None))
    broken.remove((REC.quote, RDFS.label, None))
    broken.remove((REC.Hoped, SKOS.notation, None))
    conforms, report, _ = pyshacl.validate(broken, shacl_graph=shapes, inference="none")
    sh = Namespace("http://www.w3.org/ns/shacl#")
    messages = {
        (report.value(r, sh.value), str(report.value(r, sh.resultMessage)))
        for r in report.subjects(RDF.type, sh.ValidationResult)
    }
    assert not conforms
    assert messages == {
        (REC.Meeting, f"Term {REC.Meeting} has no English skos:definition."),
        (REC.quote, f"Term {REC.quote} has no English rdfs:label."),
        (REC.Hoped, f"Concept {REC.Hoped} needs exactly one lowercase skos:notation."),
    }


def test_documentation_lists_every_term(ontology: Graph) -> None:
    doc = (ROOT / "docs" / "ontology.md").read_text(encoding="utf-8")
    undocumented = sorted(name for name in defined_terms(ontology) if f"`rec:{name}`" not in doc)
    assert undocumented == []
