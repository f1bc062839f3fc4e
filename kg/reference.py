"""Bridge from the RDF reference layer (ontology + data/reference/*.ttl) to ``ReferenceIndex`` plain data.

Read with SPARQL over an rdflib ``Graph`` or ``Dataset`` (a Dataset is read as the union of its graphs).

Example:
    >>> from rdflib import Graph
    >>> g = Graph().parse(data='''
    ... @prefix rec: <https://w3id.org/reconciliation-kg/ontology/> .
    ... @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    ... <https://w3id.org/reconciliation-kg/id/party/hamas> a rec:Party ; skos:prefLabel "Hamas"@en .
    ... ''', format="turtle")
    >>> load_reference_index(g).entities["https://w3id.org/reconciliation-kg/id/party/hamas"].type_local_name
    'Party'
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from rdflib import Dataset, Graph

from kg.extract.lexicon import (
    TYPE_PRIORITY,
    AgreementInfo,
    DocumentInfo,
    EntityInfo,
    GovernmentInfo,
    PostInfo,
    ReferenceIndex,
    RefEventInfo,
)
from kg.extract.text import local_name
from kg.namespaces import sparql_prologue

#: Event classes whose curated instances are indexed (for resolving "the 2006 elections" etc.).
EVENT_TYPES = ("Election", "Takeover", "Split", "Signing", "Meeting", "GovernmentFormation", "SwearingIn",
               "Handover", "Proposal", "Mediation", "Stall", "Collapse", "Postponement", "Decree",
               "ControlOfTerritory", "Consultation", "Statement")
ROLES = ("signatory", "mediator", "host", "participant", "speaker", "leader", "agent", "winner", "target",
         "proposer", "recipient")
_SKIP_TYPES = {"Provision", "Post", "Article", "Evidence", "Mention", *EVENT_TYPES}


def _rows(graph: Graph, query: str) -> Iterable[tuple]:
    return graph.query(sparql_prologue() + query)  # type: ignore[return-value]


def _s(value: object) -> str | None:
    return None if value is None else str(value)


def _union(graph: Graph | Dataset) -> Graph:
    if isinstance(graph, Dataset):
        union = Graph()
        for s, p, o, _ in graph.quads((None, None, None, None)):
            union.add((s, p, o))
        return union
    return graph


def load_reference_index(graph: Graph | Dataset) -> ReferenceIndex:
    """Build the extraction index from a graph holding the ontology and the reference layer.

    Only English or untagged labels are read. An entity's type is its most specific ``rec:`` class.
    """
    g = _union(graph)
    labels: dict[str, str] = {}
    for e, label in _rows(g, """SELECT ?e ?l WHERE { ?e skos:prefLabel ?l
                                 FILTER(LANG(?l) = "" || LANGMATCHES(LANG(?l), "en")) } ORDER BY ?e ?l"""):
        labels.setdefault(str(e), str(label))
    multi: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for e, kind, value in _rows(g, """
        SELECT ?e ?k ?v WHERE {
          { ?e skos:altLabel ?v BIND("alt" AS ?k) FILTER(LANG(?v) = "" || LANGMATCHES(LANG(?v), "en")) }
          UNION { ?e rec:demonym ?v BIND("demonym" AS ?k) }
          UNION { ?e a ?v BIND("type" AS ?k) FILTER(STRSTARTS(STR(?v), STR(rec:))) }
          UNION { ?e rec:locatedIn ?v BIND("in" AS ?k) }
          UNION { ?e rec:capitalOf ?v BIND("capital" AS ?k) }
          UNION { ?e rec:partOfState ?v BIND("state" AS ?k) }
          UNION { ?e org:subOrganizationOf ?v BIND("parent" AS ?k) }
          UNION { ?e foaf:gender ?v BIND("gender" AS ?k) }
          UNION { ?e rec:issuedBy ?v BIND("issuer" AS ?k) }
        } ORDER BY ?e ?k ?v"""):
        multi[str(e)][str(kind)].append(str(value))
    rank = {t: i for i, t in enumerate(TYPE_PRIORITY)}
    idx = ReferenceIndex()
    for iri, label in labels.items():
        m = multi.get(iri, {})
        types = [local_name(t) for t in m.get("type", [])]
        if not types or set(types) & _SKIP_TYPES:
            continue
        best = min(types, key=lambda t: (rank.get(t, 50), t))
        idx.entities[iri] = EntityInfo(
            label=label, alt_labels=tuple(dict.fromkeys(m.get("alt", []))), type_local_name=best,
            demonyms=tuple(m.get("demonym", [])), located_in=(m.get("in") or [None])[0],
            capital_of=(m.get("capital") or [None])[0],
            state=(m.get("state") or m.get("parent") or [None])[0], gender=(m.get("gender") or [None])[0])
        if best == "LegalInstrument":
            idx.documents[iri] = DocumentInfo(label, idx.entities[iri].alt_labels, (m.get("issuer") or [None])[0])
    _agreements(g, idx)
    _governments(g, idx)
    _posts(g, idx)
    _events(g, idx, labels)
    return idx


def _props(g: Graph, cls: str, props: Iterable[str]) -> dict[str, dict[str, list[str]]]:
    """``{instance: {property local name: [values]}}`` for instances of ``rec:<cls>`` (every instance listed)."""
    wanted = set(props)
    out: dict[str, dict[str, list[str]]] = {}
    for e, p, v in _rows(g, f"""SELECT ?e ?p ?v WHERE {{ ?e a rec:{cls} . OPTIONAL {{ ?e ?p ?v
                                 FILTER(STRSTARTS(STR(?p), STR(rec:))) }} }} ORDER BY ?e ?p ?v"""):
        row = out.setdefault(str(e), defaultdict(list))
        name = local_name(str(p)) if p is not None else None
        if name in wanted:
            row[name].append(str(v))
    return out


def _agreements(g: Graph, idx: ReferenceIndex) -> None:
    for iri, p in _props(g, "Agreement", ("earliest", "latest", "date", "place", "signatory", "mediator",
                                          "host")).items():
        info = idx.entities.get(iri)
        date = (p.get("date") or [None])[0]
        idx.agreements[iri] = AgreementInfo(
            label=info.label if info else local_name(iri),
            earliest=(p.get("earliest") or [date])[0], latest=(p.get("latest") or [date])[0],
            place=(p.get("place") or [None])[0], signatories=tuple(p.get("signatory", [])),
            mediators=tuple(p.get("mediator", [])), hosts=tuple(p.get("host", [])),
            alt_labels=info.alt_labels if info else ())


def _governments(g: Graph, idx: ReferenceIndex) -> None:
    for iri, p in _props(g, "Government", ("leader", "formedUnder", "startDate", "endDate")).items():
        info = idx.entities.get(iri)
        idx.governments[iri] = GovernmentInfo(
            label=info.label if info else local_name(iri), leader=(p.get("leader") or [None])[0],
            formed_under=tuple(p.get("formedUnder", [])), start=(p.get("startDate") or [None])[0],
            end=(p.get("endDate") or [None])[0], alt_labels=info.alt_labels if info else ())


def _posts(g: Graph, idx: ReferenceIndex) -> None:
    for post, person, title, org, start, end in _rows(g, """
        SELECT ?post ?person ?title ?org ?start ?end WHERE {
          ?post org:heldBy ?person .
          OPTIONAL { ?post rec:postTitle ?title } OPTIONAL { ?post org:postIn ?org }
          OPTIONAL { ?post rec:startDate ?start } OPTIONAL { ?post rec:endDate ?end }
        } ORDER BY ?person ?start ?post"""):
        idx.posts.setdefault(str(person), []).append(
            PostInfo(str(post), _s(title) or "", _s(org), _s(start), _s(end)))


def _events(g: Graph, idx: ReferenceIndex, labels: dict[str, str]) -> None:
    for t in EVENT_TYPES:
        for iri, p in _props(g, t, ("earliest", "latest", "date", "place", "territory", *ROLES)).items():
            if iri in idx.events:
                continue
            date = (p.get("date") or [None])[0]
            idx.events[iri] = RefEventInfo(
                type=t, label=labels.get(iri, local_name(iri)),
                earliest=(p.get("earliest") or [date])[0], latest=(p.get("latest") or [date])[0],
                participants=tuple((r, v) for r in ROLES for v in p.get(r, [])),
                place=(p.get("place") or [None])[0], territory=(p.get("territory") or [None])[0])


def load_reference_files(paths: Iterable[str | Path]) -> ReferenceIndex:
    """Parse Turtle files (ontology and reference layer) and index them.

    Example:
        >>> load_reference_files([]).entities
        {}
    """
    g = Graph()
    for path in paths:
        g.parse(str(path), format="turtle")
    return load_reference_index(g)


def default_reference_paths(root: str | Path = ".") -> list[Path]:
    """``ontology/*.ttl`` and ``data/reference/*.ttl`` under ``root``, sorted.

    Example:
        >>> isinstance(default_reference_paths("/nonexistent"), list)
        True
    """
    base = Path(root)
    return sorted(base.glob("ontology/*.ttl")) + sorted(base.glob("data/reference/*.ttl"))
