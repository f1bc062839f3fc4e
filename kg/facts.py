"""The facts view: what was extracted from articles, as plain dicts (the ``kg facts`` JSON contract).

Example:
    >>> from kg.store import open_store
    >>> list(iter_facts(open_store("memory:")))
    []
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS
from rdflib.term import Node

from kg.namespaces import ID, REC, SCHEMA
from kg.store import Store

ARTICLE_PREFIX = str(ID["article/"])
OA = "http://www.w3.org/ns/oa#"
ROLES = ["signatory", "mediator", "host", "participant", "speaker", "leader", "agent", "winner", "target",
         "proposer", "recipient"]


class _Lookup:
    """Labels, types, CAMEO codes and concept notations, read once from the store."""

    def __init__(self, store: Store) -> None:
        self.labels: dict[str, str] = {}
        for r in store.query(
            "SELECT ?s ?l WHERE { ?s skos:prefLabel ?l FILTER(LANGMATCHES(LANG(?l), 'en')) }", timeout=None
        ).rows:
            self.labels.setdefault(str(r["s"]), str(r["l"]))
        self.notation: dict[str, str] = {}
        self.event_classes: set[str] = set()
        for r in store.query(
            "SELECT ?c ?n ?ev WHERE { ?c skos:notation ?n . "
            "OPTIONAL { ?c rdfs:subClassOf+ rec:Event BIND(true AS ?ev) } }", timeout=None
        ).rows:
            self.notation[str(r["c"])] = str(r["n"])
        for r in store.query("SELECT ?c WHERE { ?c rdfs:subClassOf+ rec:Event }", timeout=None).rows:
            self.event_classes.add(str(r["c"]))
        self.types: dict[str, list[str]] = defaultdict(list)
        for r in store.query(
            "SELECT DISTINCT ?s ?t WHERE { ?s a ?t FILTER(STRSTARTS(STR(?t), STR(rec:))) } ORDER BY ?s ?t",
            timeout=None,
        ).rows:
            self.types[str(r["s"])].append(str(r["t"])[len(str(REC)):])

    def ref(self, iri: Node | None) -> dict[str, str] | None:
        if iri is None:
            return None
        return {"iri": str(iri), "label": self.labels.get(str(iri), str(iri).rsplit("/", 1)[-1])}

    def entity_type(self, iri: str) -> str:
        types = [t for t in self.types.get(iri, []) if t not in {"UnlinkedEntity", "Mediator"}]
        return types[0] if types else "Entity"


def _py(t: Node | None) -> Any:
    if t is None:
        return None
    if isinstance(t, Literal):
        v = t.toPython()
        return v if isinstance(v, int | float | bool) else str(t)
    return str(t)


def _graph(store: Store, g: str) -> dict[Node, dict[Node, list[Node]]]:
    rows = store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}", timeout=None).rows
    out: dict[Node, dict[Node, list[Node]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        out[r["s"]][r["p"]].append(r["o"])  # type: ignore[index]
    for s in out:
        for p in out[s]:
            out[s][p].sort(key=str)
    return out


def _first(d: dict[Node, list[Node]], p: Node) -> Node | None:
    vals = d.get(p)
    return vals[0] if vals else None


def article_graphs(store: Store, article: str | None = None) -> list[str]:
    """The article graphs of the store (one article by id or IRI when given), sorted."""
    graphs = [g for g in store.graphs() if g.startswith(ARTICLE_PREFIX)]
    if article:
        want = article if article.startswith("http") else ARTICLE_PREFIX + article
        graphs = [g for g in graphs if g == want]
    return graphs


def iter_facts(store: Store, article: str | None = None, kind: str | None = None) -> Iterator[dict[str, Any]]:
    """Facts (events, then mentions) of every article graph, in a stable order."""
    graphs = article_graphs(store, article)
    if not graphs:
        return
    look = _Lookup(store)
    for g in graphs:
        data = _graph(store, g)
        art = data.get(URIRef(g), {})
        src = _first(art, SCHEMA.url) or _first(art, REC.sourcePath)
        art_info = {
            "iri": g, "title": _py(_first(art, SCHEMA.headline)), "source": _py(src),
            "published": _py(_first(art, SCHEMA.datePublished)),
        }
        events, mentions = [], []
        for s, props in data.items():
            types = [str(t) for t in props.get(RDF.type, [])]
            if kind in (None, "event") and any(t in look.event_classes for t in types):
                events.append(_event(s, props, data, look, art_info))
            if kind in (None, "mention") and str(REC.Mention) in types:
                mentions.append(_mention(props, data, look, art_info))
        events.sort(key=lambda e: (e["evidence"][0]["start"] if e["evidence"] else -1, e["type"], e["id"]))
        mentions.sort(key=lambda m: (m["start"], m["end"], m["entity"]["iri"]))
        yield from events
        yield from mentions


def _evidence(data: dict[Node, dict[Node, list[Node]]], nodes: list[Node]) -> list[dict[str, Any]]:
    out = []
    for n in nodes:
        d = data.get(n, {})
        out.append({
            "sentence": _py(_first(d, REC.sentence)),
            "start": _py(_first(d, URIRef(OA + "start"))),
            "end": _py(_first(d, URIRef(OA + "end"))),
            "quote": _py(_first(d, URIRef(OA + "exact"))),
            "extractor": _py(_first(d, REC.extractor)),
            "version": _py(_first(d, REC.extractorVersion)),
        })
    return sorted(out, key=lambda e: (e["start"] or 0, e["end"] or 0))


def _event(s: Node, p: dict[Node, list[Node]], data: dict, look: _Lookup, art: dict) -> dict[str, Any]:
    cls = next(
        (str(t) for t in p.get(RDF.type, []) if str(t) in look.event_classes),
        str(_first(p, RDF.type)),
    )
    modality = _first(p, REC.modality)
    precision = _first(p, REC.precision)
    date = None
    if _first(p, REC.earliest) is not None or _first(p, REC.timeText) is not None:
        date = {
            "start": _py(_first(p, REC.earliest)), "end": _py(_first(p, REC.latest)),
            "precision": look.notation.get(str(precision)) if precision is not None else None,
            "text": _py(_first(p, REC.timeText)),
        }
    participants = [
        {"role": role, **(look.ref(o) or {})}
        for role in ROLES for o in p.get(REC[role], [])
    ]
    ev_nodes = p.get(REC.evidence, [])
    evidence = _evidence(data, ev_nodes)
    conf = _first(p, REC.confidence)
    return {
        "kind": "event",
        "id": str(s),
        "type": cls[len(str(REC)):] if cls.startswith(str(REC)) else cls,
        "cameo": look.notation.get(cls),
        "label": _py(_first(p, SKOS.prefLabel)),
        "modality": look.notation.get(str(modality), "actual") if modality is not None else "actual",
        "date": date,
        "place": look.ref(_first(p, REC.place)),
        "agreement": look.ref(_first(p, REC.agreement)),
        "participants": participants,
        "quote": _py(_first(p, REC.quote)),
        "article": art,
        "evidence": [{"sentence": e["sentence"], "start": e["start"], "end": e["end"]} for e in evidence],
        "confidence": float(conf) if conf is not None else None,
        "extractor": evidence[0]["extractor"] + "@" + str(evidence[0]["version"]) if evidence else None,
        "territory": look.ref(_first(p, REC.territory)),
        "government": look.ref(_first(p, REC.government)),
        "affiliation": look.ref(_first(p, REC.speakerAffiliation)),
        "purpose": _py(_first(p, REC.purpose)),
        "basis": [look.ref(b) for b in p.get(REC.basis, [])],
        "concerns": [look.ref(b) for b in p.get(REC.concerns, [])],
        "status": look.notation.get(str(_first(p, REC.status))) if _first(p, REC.status) is not None else None,
    }


def _mention(p: dict[Node, list[Node]], data: dict, look: _Lookup, art: dict) -> dict[str, Any]:
    ent = _first(p, REC.mentionOf)
    ev = _evidence(data, p.get(REC.evidence, []))
    linked = _first(p, REC.linked)
    return {
        "kind": "mention",
        "entity": {**(look.ref(ent) or {}), "type": look.entity_type(str(ent)),
                   "linked": bool(linked.toPython()) if isinstance(linked, Literal) else True},
        "text": ev[0]["quote"] if ev else None,
        "start": ev[0]["start"] if ev else None,
        "end": ev[0]["end"] if ev else None,
        "metonym": _first(p, REC.metonym) is not None,
        "article": art,
    }
