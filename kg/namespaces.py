"""Namespaces of the project and the standard vocabularies it reuses.

Example:
    >>> from kg.namespaces import REC, ID
    >>> str(ID["party/hamas"])
    'https://w3id.org/reconciliation-kg/id/party/hamas'
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS, TIME, XSD

BASE = "https://w3id.org/reconciliation-kg/"
REC = Namespace(BASE + "ontology/")
ID = Namespace(BASE + "id/")
GRAPH = Namespace(BASE + "graph/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")

ONTOLOGY_GRAPH = GRAPH["ontology"]
REFERENCE_GRAPH = GRAPH["reference"]

PREFIXES: dict[str, Namespace] = {
    "rec": REC,
    "id": ID,
    "sem": SEM,
    "oa": OA,
    "schema": SCHEMA,
    "wd": WD,
    "dcterms": Namespace(str(DCTERMS)),
    "foaf": Namespace(str(FOAF)),
    "org": Namespace(str(ORG)),
    "owl": Namespace(str(OWL)),
    "prov": Namespace(str(PROV)),
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "skos": Namespace(str(SKOS)),
    "time": Namespace(str(TIME)),
    "xsd": Namespace(str(XSD)),
}


def sparql_prologue() -> str:
    """PREFIX lines for every namespace above, prepended to named queries.

    Example:
        >>> "PREFIX rec: <https://w3id.org/reconciliation-kg/ontology/>" in sparql_prologue()
        True
    """
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(PREFIXES.items()))
