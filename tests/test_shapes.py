"""The SHACL data shapes in ontology/shapes.ttl: a small well-formed graph conforms, and each broken variant
fails with exactly the expected violations (focus node, path, constraint and message).

The graphs are written here by hand, so these tests do not depend on data/reference/.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pyshacl
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY_DIR = ROOT / "ontology"
REC = Namespace("https://w3id.org/reconciliation-kg/ontology/")
ID = Namespace("https://w3id.org/reconciliation-kg/id/")
RECSH = Namespace("https://w3id.org/reconciliation-kg/shapes/")
SH = Namespace("http://www.w3.org/ns/shacl#")
OA = Namespace("http://www.w3.org/ns/oa#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
ORG = Namespace("http://www.w3.org/ns/org#")

BODY = "Fatah and Hamas signed a deal in Cairo on Thursday, Egyptian officials said."

GOOD_DATA = f"""
@prefix rec: <https://w3id.org/reconciliation-kg/ontology/> .
@prefix agreement: <https://w3id.org/reconciliation-kg/id/agreement/> .
@prefix article: <https://w3id.org/reconciliation-kg/id/article/> .
@prefix document: <https://w3id.org/reconciliation-kg/id/document/> .
@prefix event: <https://w3id.org/reconciliation-kg/id/event/> .
@prefix evidence: <https://w3id.org/reconciliation-kg/id/evidence/> .
@prefix government: <https://w3id.org/reconciliation-kg/id/government/> .
@prefix mention: <https://w3id.org/reconciliation-kg/id/mention/> .
@prefix orgid: <https://w3id.org/reconciliation-kg/id/org/> .
@prefix party: <https://w3id.org/reconciliation-kg/id/party/> .
@prefix person: <https://w3id.org/reconciliation-kg/id/person/> .
@prefix place: <https://w3id.org/reconciliation-kg/id/place/> .
@prefix post: <https://w3id.org/reconciliation-kg/id/post/> .
@prefix provision: <https://w3id.org/reconciliation-kg/id/provision/> .
@prefix state: <https://w3id.org/reconciliation-kg/id/state/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix w3org: <http://www.w3.org/ns/org#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix schema: <https://schema.org/> .

# ---- reference layer
party:fatah a rec:Party ; skos:prefLabel "Fatah"@en ; skos:altLabel "Fateh"@en .
party:hamas a rec:Party ; skos:prefLabel "Hamas"@en ; skos:prefLabel "حماس"@ar ;
    skos:altLabel "Islamic Resistance Movement"@en .
state:egypt a rec:State ; skos:prefLabel "Egypt"@en ; rec:demonym "Egyptian"@en .
orgid:egyptian-general-intelligence a rec:IntelligenceService ;
    skos:prefLabel "Egyptian General Intelligence Service"@en ; rec:partOfState state:egypt .
place:cairo a rec:City ; skos:prefLabel "Cairo"@en ; rec:capitalOf state:egypt .
person:mahmoud-abbas a rec:Person ; skos:prefLabel "Mahmoud Abbas"@en .
orgid:palestinian-authority a rec:GoverningBody ; skos:prefLabel "Palestinian Authority"@en .
document:unsc-resolutions a rec:LegalInstrument ; skos:prefLabel "UN Security Council resolutions"@en .

agreement:2017-10-12-cairo a rec:Agreement ;
    skos:prefLabel "Cairo agreement (2017)"@en ;
    rec:date "2017-10-12"^^xsd:date ;
    rec:earliest "2017-10-12"^^xsd:date ;
    rec:latest "2017-10-12"^^xsd:date ;
    rec:precision rec:DayPrecision ;
    rec:place place:cairo ;
    rec:signatory party:fatah , party:hamas ;
    rec:mediator orgid:egyptian-general-intelligence ;
    rec:hasProvision provision:2017-10-12-cairo-1 ;
    rec:outcome rec:Stalled ;
    rec:dateAccount [ rec:date "2017-10-12"^^xsd:date ; dcterms:source <https://example.org/wire-report> ;
                      rdfs:comment "Gives the same day." ] ;
    dcterms:source <https://example.org/cairo-2017> .

provision:2017-10-12-cairo-1 a rec:Provision ;
    skos:prefLabel "Hand the Gaza crossings to the government"@en ;
    rec:provisionType rec:CrossingsProvision ;
    rec:status rec:Implemented ;
    rec:deadline "2017-11-01"^^xsd:date ;
    dcterms:source <https://example.org/cairo-2017> .

post:mahmoud-abbas-pa-president a rec:Post ;
    w3org:heldBy person:mahmoud-abbas ;
    w3org:postIn orgid:palestinian-authority ;
    rec:postTitle "president"@en ;
    rec:startDate "2005-01-15"^^xsd:date ;
    dcterms:source <https://example.org/abbas> .

government:2014-06-02-national-consensus a rec:Government ;
    skos:prefLabel "National consensus government"@en ;
    rec:startDate "2014-06-02"^^xsd:date ;
    rec:endDate "2019-04-13"^^xsd:date ;
    dcterms:source <https://example.org/government> .

event:2017-10-12-cairo-signing a rec:Signing ;
    skos:prefLabel "Signing of the Cairo agreement"@en ;
    rec:agreement agreement:2017-10-12-cairo ;
    rec:signatory party:fatah , party:hamas ;
    rec:date "2017-10-12"^^xsd:date ;
    dcterms:source <https://example.org/cairo-2017> .

# ---- one article graph
article:abc123 a rec:Article ;
    schema:headline "Rivals sign deal in Cairo" ;
    schema:articleBody "{BODY}" ;
    schema:datePublished "2017-10-13"^^xsd:date ;
    rec:datePrecision rec:DayPrecision ;
    rec:dateMethod "dateline" ;
    rec:sourcePath "articles/abc123.txt" .

event:abc123-signing a rec:Signing ;
    skos:prefLabel "Fatah and Hamas sign a deal in Cairo"@en ;
    rec:signatory party:fatah , party:hamas ;
    rec:place place:cairo ;
    rec:modality rec:Actual ;
    rec:timeText "on Thursday" ;
    rec:earliest "2017-10-12"^^xsd:date ;
    rec:latest "2017-10-12"^^xsd:date ;
    rec:precision rec:DayPrecision ;
    rec:evidence evidence:abc123-1 .

evidence:abc123-1 a rec:Evidence , oa:TextQuoteSelector , oa:TextPositionSelector ;
    rec:inArticle article:abc123 ;
    oa:start 0 ;
    oa:end 38 ;
    oa:exact "Fatah and Hamas signed a deal in Cairo" ;
    rec:sentence "{BODY}" ;
    rec:extractor "signing-verb" ;
    rec:extractorVersion "0.1.0" ;
    rec:confidence 0.9 .

mention:abc123-hamas a rec:Mention ;
    rec:mentionOf party:hamas ;
    rec:linked true ;
    rec:metonym false ;
    rec:evidence evidence:abc123-2 .

evidence:abc123-2 a rec:Evidence , oa:TextQuoteSelector , oa:TextPositionSelector ;
    rec:inArticle article:abc123 ;
    oa:start 10 ;
    oa:end 15 ;
    oa:exact "Hamas" ;
    rec:extractor "gazetteer" ;
    rec:extractorVersion "0.1.0" ;
    rec:confidence 1.0 .
"""

# Cross-node checks (quote vs article text, date within bounds) report the ontology IRI as focus node.
ONTOLOGY = URIRef(str(REC))
AGREEMENT = ID["agreement/2017-10-12-cairo"]
ARTICLE_EVENT = ID["event/abc123-signing"]
EVIDENCE = ID["evidence/abc123-1"]
Result = tuple[URIRef, URIRef | None, str, str]


def load_shapes() -> Graph:
    """The shapes graph (ontology/shapes.ttl)."""
    return Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")


def load_ontology() -> Graph:
    """The ontology graph: every ontology/*.ttl except shapes*.ttl."""
    graph = Graph()
    for path in sorted(ONTOLOGY_DIR.glob("*.ttl")):
        if not path.name.startswith("shapes"):
            graph.parse(path, format="turtle")
    return graph


def good_graph() -> Graph:
    """A fresh copy of the well-formed data graph."""
    return Graph().parse(data=GOOD_DATA, format="turtle")


def violations(data: Graph, shapes: Graph) -> set[Result]:
    """Validate and return (focus node, path, constraint component local name, message) per result.

    Example:
        >>> violations(good_graph(), load_shapes())
        set()
    """
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=True)
    results = set()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        component = report.value(result, SH.sourceConstraintComponent)
        results.add(
            (
                report.value(result, SH.focusNode),
                report.value(result, SH.resultPath),
                str(component).removeprefix(str(SH)),
                str(report.value(result, SH.resultMessage)),
            )
        )
    return results


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes()


def test_fixture_offsets_point_at_the_quotes() -> None:
    assert BODY[0:38] == "Fatah and Hamas signed a deal in Cairo"
    assert BODY[10:15] == "Hamas"


def test_good_graph_conforms(shapes: Graph) -> None:
    assert violations(good_graph(), shapes) == set()


def test_good_graph_conforms_together_with_the_ontology(shapes: Graph) -> None:
    # Merged by hand: pySHACL's ont_graph= mixing is very slow on this ontology (see shapes.ttl).
    assert violations(good_graph() + load_ontology(), shapes) == set()


def _set(s: URIRef, p: URIRef, o: Literal | URIRef) -> Callable[[Graph], None]:
    return lambda g: g.set((s, p, o))


def _remove(s: URIRef, p: URIRef, o: URIRef | None = None) -> Callable[[Graph], None]:
    return lambda g: g.remove((s, p, o))


BROKEN: dict[str, tuple[Callable[[Graph], None], set[Result]]] = {
    "agreement with one signatory": (
        _remove(AGREEMENT, REC.signatory, ID["party/hamas"]),
        {
            (
                AGREEMENT,
                REC.signatory,
                "MinCountConstraintComponent",
                "An agreement needs at least two signatories (rec:signatory, as IRIs).",
            )
        },
    ),
    "agreement dated with a plain string": (
        _set(AGREEMENT, REC.date, Literal("2017")),
        {
            (
                AGREEMENT,
                REC.date,
                "DatatypeConstraintComponent",
                "rec:date must be a single xsd:date (record other sources' dates with rec:dateAccount).",
            )
        },
    ),
    "evidence without offsets": (
        lambda g: (g.remove((EVIDENCE, OA.start, None)), g.remove((EVIDENCE, OA.end, None))),
        {
            (
                EVIDENCE,
                OA.start,
                "MinCountConstraintComponent",
                "Evidence needs exactly one oa:start offset: an xsd:integer from 0, not after oa:end.",
            ),
            (
                EVIDENCE,
                OA.end,
                "MinCountConstraintComponent",
                "Evidence needs exactly one oa:end offset: an xsd:integer from 0.",
            ),
        },
    ),
    "confidence above one": (
        _set(EVIDENCE, REC.confidence, Literal(Decimal("1.5"))),
        {
            (
                EVIDENCE,
                REC.confidence,
                "MaxInclusiveConstraintComponent",
                "Evidence needs exactly one rec:confidence: an xsd:decimal between 0 and 1.",
            )
        },
    ),
    "article event without evidence": (
        _remove(ARTICLE_EVENT, REC.evidence),
        {
            (
                ARTICLE_EVENT,
                None,
                "OrConstraintComponent",
                "This node has neither rec:evidence (needed for facts extracted from an article) nor a "
                "dcterms:source URL (needed for curated facts).",
            )
        },
    ),
    "start after end": (
        _set(EVIDENCE, OA.start, Literal(50)),
        {
            (
                EVIDENCE,
                OA.start,
                "LessThanOrEqualsConstraintComponent",
                "Evidence needs exactly one oa:start offset: an xsd:integer from 0, not after oa:end.",
            ),
            (
                ONTOLOGY,
                None,
                "SPARQLConstraintComponent",
                f"Evidence {EVIDENCE}: oa:exact is not the article text between oa:start and oa:end.",
            ),
        },
    ),
    "quote that is not the text at the offsets": (
        _set(EVIDENCE, OA.exact, Literal("Fatah and Hamas met in Cairo")),
        {
            (
                ONTOLOGY,
                None,
                "SPARQLConstraintComponent",
                f"Evidence {EVIDENCE}: oa:exact is not the article text between oa:start and oa:end.",
            )
        },
    ),
    "agreement without source or date bounds": (
        lambda g: (g.remove((AGREEMENT, DCTERMS.source, None)), g.remove((AGREEMENT, REC.latest, None))),
        {
            (
                AGREEMENT,
                DCTERMS.source,
                "MinCountConstraintComponent",
                "An agreement needs at least one dcterms:source URL.",
            ),
            (AGREEMENT, REC.latest, "MinCountConstraintComponent", "An agreement needs a rec:latest date bound."),
        },
    ),
    "event dated outside its bounds": (
        _set(ARTICLE_EVENT, REC.date, Literal("2017-10-20", datatype=XSD.date)),
        {
            (
                ONTOLOGY,
                None,
                "SPARQLConstraintComponent",
                f"The rec:date of {ARTICLE_EVENT} lies outside its rec:earliest..rec:latest bounds.",
            )
        },
    ),
    "earliest after latest": (
        _set(ARTICLE_EVENT, REC.earliest, Literal("2017-10-13", datatype=XSD.date)),
        {
            (
                ARTICLE_EVENT,
                REC.earliest,
                "LessThanOrEqualsConstraintComponent",
                "rec:earliest must be a single xsd:date, not after rec:latest.",
            )
        },
    ),
    "actor with two English labels": (
        lambda g: g.add((ID["party/fatah"], SKOS.prefLabel, Literal("Fateh", lang="en"))),
        {
            (
                ID["party/fatah"],
                SKOS.prefLabel,
                "QualifiedMaxCountConstraintComponent",
                "An actor, place or legal instrument needs exactly one English skos:prefLabel.",
            )
        },
    ),
    "place without an English label": (
        _remove(ID["place/cairo"], SKOS.prefLabel),
        {
            (
                ID["place/cairo"],
                SKOS.prefLabel,
                "QualifiedMinCountConstraintComponent",
                "An actor, place or legal instrument needs exactly one English skos:prefLabel.",
            )
        },
    ),
    "provision status from the wrong scheme": (
        _set(ID["provision/2017-10-12-cairo-1"], REC.status, REC.Hoped),
        {
            (
                ID["provision/2017-10-12-cairo-1"],
                REC.status,
                "InConstraintComponent",
                "A provision needs exactly one rec:status from rec:StatusScheme.",
            )
        },
    ),
    "modality as a string": (
        _set(ARTICLE_EVENT, REC.modality, Literal("actual")),
        {
            (
                ARTICLE_EVENT,
                REC.modality,
                "InConstraintComponent",
                "rec:modality must be one concept of rec:ModalityScheme.",
            )
        },
    ),
    "source given as a string": (
        _set(ID["post/mahmoud-abbas-pa-president"], DCTERMS.source, Literal("Wikipedia")),
        {
            (
                ID["post/mahmoud-abbas-pa-president"],
                DCTERMS.source,
                "NodeKindConstraintComponent",
                "dcterms:source must be an IRI (the URL of the source), not a literal.",
            )
        },
    ),
    "post without holder": (
        _remove(ID["post/mahmoud-abbas-pa-president"], ORG.heldBy),
        {
            (
                ID["post/mahmoud-abbas-pa-president"],
                ORG.heldBy,
                "MinCountConstraintComponent",
                "A post needs exactly one org:heldBy (the holder's IRI).",
            )
        },
    ),
    "mention without linked flag": (
        _remove(ID["mention/abc123-hamas"], REC.linked),
        {
            (
                ID["mention/abc123-hamas"],
                REC.linked,
                "MinCountConstraintComponent",
                "A mention needs exactly one rec:linked boolean.",
            )
        },
    ),
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_broken_graph_gives_exactly_the_expected_violations(name: str, shapes: Graph) -> None:
    breaks, expected = BROKEN[name]
    data = good_graph()
    breaks(data)
    assert violations(data, shapes) == expected


def _target_classes(shapes: Graph, shape: URIRef) -> set[URIRef]:
    return set(shapes.objects(shape, SH.targetClass))


def _closure(ontology: Graph, cls: URIRef) -> set[URIRef]:
    return set(ontology.transitive_subjects(RDFS.subClassOf, cls))


def test_explicit_targets_cover_the_class_hierarchy(shapes: Graph) -> None:
    ontology = load_ontology()
    events = _closure(ontology, REC.Event)
    assert len(events) == 19
    actors_and_places = _closure(ontology, REC.Actor) | _closure(ontology, REC.Place)
    assert _target_classes(shapes, RECSH.EventShape) == events
    assert _target_classes(shapes, RECSH.TimeShape) == events | {REC.Agreement}
    assert _target_classes(shapes, RECSH.SupportShape) == events | {REC.Provision, REC.Post, REC.Government}
    assert _target_classes(shapes, RECSH.LabelShape) == actors_and_places | {REC.LegalInstrument}


def test_every_data_constraint_has_an_english_message(shapes: Graph) -> None:
    constrained = set(shapes.objects(None, SH.property)) | set(shapes.objects(None, SH.sparql))
    constrained |= set(shapes.subjects(SH["or"], None))
    assert len(constrained) > 40
    for node in constrained:
        message = shapes.value(node, SH.message)
        assert message is not None, node
        text = str(message)
        assert text[0].isupper() or text.startswith(("rec:", "oa:", "dcterms:", "schema:")), text
        assert text.endswith("."), text


def test_shapes_graph_is_not_part_of_the_ontology() -> None:
    ontology = load_ontology()
    assert not set(ontology.subjects(RDF.type, SH.NodeShape))
    assert (RECSH[""], RDF.type, OWL.Ontology) not in ontology
