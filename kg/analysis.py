"""The RDF graph projected onto networkx graphs, and measures over them.

Events and agreements ("occasions") link actors through role properties (``rec:signatory``, ``rec:mediator``…).
Projections:

- ``actor_graph``: actor–actor co-participation; two actors are linked when they take part in the same event
  or agreement; ``weight`` = number of shared occasions, ``roles`` = counts per role pair
  (``{"mediator-signatory": 1, "signatory-signatory": 2}``), ``shared`` = the occasions' IRIs.
- ``participation_graph`` / ``agreement_graph``: actor–occasion bipartite graphs, edge ``role``.
- ``actor_graphs_by_year``: one co-participation graph per year of ``rec:earliest``.

A Signing event that names its agreement (``rec:agreement``) is folded into that agreement, so signing a
text is counted once; article events grouped by :mod:`kg.consolidate` (``rec:reportedBy``) are counted through
their consolidated event, so an event reported by six articles is one occasion. Everything is deterministic:
nodes and edges are inserted in sorted order and the
community detection is seeded.

Example:
    >>> from kg.store import open_store
    >>> actor_graph(open_store("memory:")).number_of_nodes()
    0
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from kg.errors import UsageError
from kg.namespaces import REC
from kg.store import Store, rows

REC_NS = str(REC)

#: Role properties (all ⊑ rec:hasParticipant), in the order used to pick an edge's relation.
ROLES: tuple[str, ...] = (
    "signatory", "mediator", "host", "thirdParty", "leader", "speaker", "proposer", "agent", "winner",
    "participant", "target", "recipient", "hasParticipant",
)
#: The verb shown on an edge from an actor to an occasion, by role.
RELATION = {
    "signatory": "signed", "mediator": "mediated", "host": "hosted", "thirdParty": "witnessed",
    "participant": "participated", "speaker": "spoke", "leader": "led", "agent": "acted", "winner": "won",
    "target": "targeted by", "proposer": "proposed", "recipient": "received", "hasParticipant": "participated",
}
#: The verb of the ``agent`` role in some event kinds.
AGENT_VERB = {"ControlOfTerritory": "controls", "Takeover": "took over", "Handover": "handed over",
              "Decree": "decreed", "Collapse": "ended", "Postponement": "postponed"}
#: Roles of third parties (used to tell mediators from parties).
MEDIATING_ROLES = frozenset({"mediator", "host", "thirdParty"})

#: Event classes of the ontology, most specific first (the first one an occasion has is its kind).
EVENT_KINDS: tuple[str, ...] = (
    "Signing", "Meeting", "Election", "Takeover", "SwearingIn", "GovernmentFormation", "Handover", "Statement",
    "Consultation", "Proposal", "Mediation", "Stall", "Collapse", "Postponement", "Decree", "Split",
    "ControlOfTerritory", "PostHolding", "Event",
)
ACTOR_KINDS: tuple[str, ...] = (
    "Person", "State", "Government", "Ministry", "IntelligenceService", "GoverningBody", "UmbrellaOrganization",
    "Party", "InternationalOrganization", "Organization", "Actor", "Mediator",
)
OTHER_KINDS: tuple[str, ...] = (
    "Agreement", "Provision", "Post", "LegalInstrument", "City", "Territory", "BorderCrossing", "Place",
    "Article",
)
KIND_ORDER: tuple[str, ...] = ("Agreement", *EVENT_KINDS, *ACTOR_KINDS, *OTHER_KINDS[1:])
OCCASION_KINDS = frozenset(("Agreement", *EVENT_KINDS))
_KIND_RANK = {k: i for i, k in enumerate(KIND_ORDER)}
_ATTRS = (
    "date", "earliest", "latest", "agreement", "place", "modality", "territory", "government", "startDate",
    "endDate", "formedUnder", "implements", "reaffirms", "supersedes", "builtOn", "postTitle", "quote",
    "sourceCount",
)


def _local(iri: str) -> str:
    return iri[len(REC_NS):] if iri.startswith(REC_NS) else iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def in_range(when: str | None, since: str | None = None, until: str | None = None) -> bool:
    """Whether a date falls within optional bounds given as YYYY, YYYY-MM or YYYY-MM-DD (inclusive, compared
    at the bound's precision); an undated thing is in range only when no bound is given.

    Example:
        >>> in_range("2017-10-12", "2017", "2017-10"), in_range(None, "2017"), in_range(None)
        (True, False, True)
    """
    if when is None:
        return not (since or until)
    return not (since and when[: len(since)] < since) and not (until and when[: len(until)] > until)


@dataclass
class Entity:
    """A typed node of the graph with its label and (for events and agreements) its facts."""

    iri: str
    label: str
    kind: str
    attrs: dict[str, list[str]] = field(default_factory=dict)
    roles: dict[str, set[str]] = field(default_factory=dict)  # occasions only: actor IRI → roles
    evidence: list[tuple[str, str, str]] = field(default_factory=list)  # (quote, article title, article IRI)
    sources: list[str] = field(default_factory=list)
    reported_by: str | None = None  # article events: the consolidated event they report (kg.consolidate)

    def first(self, name: str) -> str | None:
        """The smallest value of a property, or None (``Entity("x", "X", "Party").first("date")`` → None)."""
        values = self.attrs.get(name)
        return min(values) if values else None

    @property
    def modality(self) -> str:
        """The modality code (``actual`` when unstated)."""
        return self.first("modality") or "actual"

    @property
    def when(self) -> str | None:
        """The best date for ordering: ``rec:date``, else ``rec:earliest``, else ``rec:startDate``."""
        return self.first("date") or self.first("earliest") or self.first("startDate")


@dataclass
class Facts:
    """Everything the projections and pages need, read from a store in a few queries."""

    entities: dict[str, Entity] = field(default_factory=dict)

    def label(self, iri: str) -> str:
        """The English label of a node, or the end of its IRI."""
        e = self.entities.get(iri)
        return e.label if e else _local(iri)

    def kind(self, iri: str) -> str:
        """The most specific known class of a node (``Thing`` when untyped)."""
        e = self.entities.get(iri)
        return e.kind if e else "Thing"

    def occasions(
        self, *, kinds: Iterable[str] | None = None, since: str | None = None, until: str | None = None,
        modalities: Iterable[str] | None = None,
    ) -> list[Entity]:
        """Events and agreements with participants, sorted by IRI, filtered by kind, date bounds (compared with
        ``rec:earliest``/``rec:date``; undated occasions drop out when a bound is given) and modality codes."""
        wanted = set(kinds) if kinds is not None else None
        mods = set(modalities) if modalities is not None else None
        out = []
        for iri in sorted(self.entities):
            e = self.entities[iri]
            if e.kind not in OCCASION_KINDS or not e.roles:
                continue
            if wanted is not None and e.kind not in wanted:
                continue
            if mods is not None and e.modality not in mods:
                continue
            if in_range(e.when, since, until):
                out.append(e)
        return out



def load_facts(store: Store) -> Facts:
    """Read the typed nodes, labels, roles, dates, modality, evidence and sources from a store.

    Example:
        >>> from kg.store import open_store
        >>> load_facts(open_store("memory:")).entities
        {}
    """
    facts = Facts()
    kinds: dict[str, str] = {}
    for r in rows(store, f'SELECT DISTINCT ?s ?t WHERE {{ ?s a ?t FILTER(STRSTARTS(STR(?t), "{REC_NS}")) }}'):
        k = _local(r["t"])
        if k in _KIND_RANK and (r["s"] not in kinds or _KIND_RANK[k] < _KIND_RANK[kinds[r["s"]]]):
            kinds[r["s"]] = k
    roles_rows = rows(store, "SELECT DISTINCT ?c ?p ?a WHERE { VALUES ?p { "
                       + " ".join(f"rec:{r}" for r in ROLES) + " } ?c ?p ?a FILTER(isIRI(?a)) }")
    for r in roles_rows:  # a participant nobody typed is still an actor
        kinds.setdefault(r["a"], "Actor")
    labels: dict[str, str] = {}
    for r in rows(store, "SELECT ?s ?l WHERE { { ?s skos:prefLabel ?l } UNION { ?s schema:headline ?l } "
                   "UNION { ?s rdfs:label ?l FILTER NOT EXISTS { ?s skos:prefLabel ?x } } "
                   "FILTER(LANG(?l) = '' || LANGMATCHES(LANG(?l), 'en')) }"):
        if r["s"] in kinds and (r["s"] not in labels or r["l"] < labels[r["s"]]):
            labels[r["s"]] = r["l"]
    for iri in sorted(kinds):
        facts.entities[iri] = Entity(iri, labels.get(iri, _local(iri)), kinds[iri])
    ents = facts.entities
    for r in roles_rows:
        if r["c"] in ents:
            ents[r["c"]].roles.setdefault(r["a"], set()).add(_local(r["p"]))
    notation = {r["m"]: r["n"] for r in rows(store, "SELECT ?m ?n WHERE { ?m skos:inScheme rec:ModalityScheme ; "
                                                      "skos:notation ?n }")}
    values = " ".join(f"rec:{a}" for a in _ATTRS) + " org:heldBy org:postIn"
    for r in rows(store, f"SELECT DISTINCT ?s ?p ?v WHERE {{ VALUES ?p {{ {values} }} ?s ?p ?v }}"):
        if r["s"] in ents:
            name = _local(r["p"])
            v = notation.get(r["v"], _local(r["v"]).lower()) if name == "modality" else r["v"]
            ents[r["s"]].attrs.setdefault(name, []).append(v)
    for r in rows(store, "SELECT DISTINCT ?s ?quote ?article ?title WHERE { ?s rec:evidence ?ev . "
                   "?ev oa:exact ?quote FILTER NOT EXISTS { ?s a rec:Mention } "
                   "OPTIONAL { ?ev rec:inArticle ?article OPTIONAL { ?article schema:headline ?title } } }"):
        if r["s"] in ents:
            ents[r["s"]].evidence.append((r["quote"], r.get("title", ""), r.get("article", "")))
    for r in rows(store, "SELECT DISTINCT ?s ?src WHERE { ?s dcterms:source ?src }"):
        if r["s"] in ents:
            ents[r["s"]].sources.append(r["src"])
    for e in ents.values():
        for v in e.attrs.values():
            v.sort()
        e.evidence.sort()
        e.sources.sort()
    _fold_reports(facts, store)
    _fold_signings(facts)
    return facts


def _fold_reports(facts: Facts, store: Store) -> None:
    """Article events grouped by ``kg.consolidate`` stand behind their consolidated event (``rec:reportedBy``):
    they keep their label and evidence but lose their roles, so each real-world event is counted once."""
    for r in rows(store, "SELECT ?c ?m WHERE { ?c rec:reportedBy ?m }"):
        member = facts.entities.get(r["m"])
        if member is not None and r["c"] in facts.entities and r["c"] != r["m"]:
            member.reported_by = r["c"]
            member.roles = {}


def _fold_signings(facts: Facts) -> None:
    """Move the participants of a Signing that names its agreement onto the agreement."""
    for e in facts.entities.values():
        target = facts.entities.get(e.first("agreement") or "")
        if e.kind != "Signing" or target is None or target.kind != "Agreement" or e.reported_by:
            continue
        for actor, roles in e.roles.items():
            target.roles.setdefault(actor, set()).update(roles)
        target.evidence = sorted(set(target.evidence) | set(e.evidence))
        e.roles = {}


def as_facts(source: Store | Facts) -> Facts:
    """A Facts object from a store (read now) or as given."""
    return source if isinstance(source, Facts) else load_facts(source)


def _add_actor(g: nx.Graph, facts: Facts, iri: str) -> None:
    if iri not in g:
        g.add_node(iri, label=facts.label(iri), kind=facts.kind(iri))


def co_participation(facts: Facts, occasions: list[Entity]) -> nx.Graph:
    """The actor–actor graph of the given occasions (see the module docstring)."""
    g = nx.Graph()
    pairs: dict[tuple[str, str], dict] = {}
    for occ in occasions:
        for a, b in itertools.combinations(sorted(occ.roles), 2):
            d = pairs.setdefault((a, b), {"weight": 0, "roles": Counter(), "shared": []})
            d["weight"] += 1
            d["shared"].append(occ.iri)
            for ra in sorted(occ.roles[a]):
                for rb in sorted(occ.roles[b]):
                    d["roles"]["-".join(sorted((ra, rb)))] += 1
    for iri in sorted({a for occ in occasions for a in occ.roles}):
        _add_actor(g, facts, iri)
    for (a, b), d in sorted(pairs.items()):
        roles = dict(sorted(d["roles"].items()))
        g.add_edge(a, b, weight=d["weight"], roles=roles, shared=d["shared"], relation=_pair_relation(roles))
    return g


def _pair_relation(roles: dict[str, int]) -> str:
    """The verb for a co-participation edge: what the two actors mostly did together."""
    best = max(roles, key=lambda k: (roles[k], k))
    parts = set(best.split("-"))
    if parts == {"signatory"}:
        return "co-signed"
    if parts & {"mediator"}:
        return "mediated"
    if parts & {"host"}:
        return "hosted"
    return "met"


def actor_graph(
    source: Store | Facts, *, since: str | None = None, until: str | None = None,
    modalities: Iterable[str] | None = ("actual",), kinds: Iterable[str] | None = None,
) -> nx.Graph:
    """Actor–actor co-participation over events and agreements (only actual ones by default).

    Example:
        >>> from kg.store import open_store
        >>> list(actor_graph(open_store("memory:")).edges)
        []
    """
    facts = as_facts(source)
    return co_participation(facts, facts.occasions(kinds=kinds, since=since, until=until, modalities=modalities))


def participation_graph(
    source: Store | Facts, *, kinds: Iterable[str] | None = None, since: str | None = None,
    until: str | None = None, modalities: Iterable[str] | None = None,
) -> nx.Graph:
    """Actor–occasion bipartite graph: actors (``bipartite=0``) linked to the events/agreements they take part
    in (``bipartite=1``); edge ``role`` is the role name (several joined by ``; ``) and ``relation`` its verb.

    Example:
        >>> from kg.store import open_store
        >>> participation_graph(open_store("memory:")).number_of_nodes()
        0
    """
    facts = as_facts(source)
    occs = facts.occasions(kinds=kinds, since=since, until=until, modalities=modalities)
    g = nx.Graph()
    for iri in sorted({a for occ in occs for a in occ.roles}):
        _add_actor(g, facts, iri)
        g.nodes[iri]["bipartite"] = 0
    for occ in occs:
        g.add_node(occ.iri, label=occ.label, kind=occ.kind, bipartite=1, date=occ.when or "",
                   modality=occ.modality)
    for occ in occs:
        for actor in sorted(occ.roles):
            roles = sorted(occ.roles[actor], key=ROLES.index)
            verb = AGENT_VERB.get(occ.kind) if roles[0] == "agent" else None
            g.add_edge(actor, occ.iri, role="; ".join(roles), relation=verb or RELATION.get(roles[0], roles[0]))
    return g


def agreement_graph(source: Store | Facts, **kw: object) -> nx.Graph:
    """Actor–agreement bipartite graph (edge ``role``: signatory, mediator, host…)."""
    return participation_graph(source, kinds=("Agreement",), **kw)  # type: ignore[arg-type]


def actor_graphs_by_year(
    source: Store | Facts, *, modalities: Iterable[str] | None = ("actual",)
) -> dict[int, nx.Graph]:
    """One co-participation graph per year of the occasions' date (``rec:earliest``), in year order.

    Example:
        >>> from kg.store import open_store
        >>> actor_graphs_by_year(open_store("memory:"))
        {}
    """
    facts = as_facts(source)
    by_year: dict[int, list[Entity]] = defaultdict(list)
    for occ in facts.occasions(modalities=modalities):
        if occ.when:
            by_year[int(occ.when[:4])].append(occ)
    return {y: co_participation(facts, by_year[y]) for y in sorted(by_year)}


def weighted_degrees(g: nx.Graph) -> dict[str, float]:
    """Sum of edge weights (1 for unweighted edges) per node."""
    return {n: float(d) for n, d in g.degree(weight="weight")}


@dataclass(frozen=True)
class ActorScore:
    """Centrality of one actor in a co-participation graph."""

    iri: str
    label: str
    kind: str
    degree: int
    weighted_degree: float
    betweenness: float
    mediating: int  # occasions where the actor was mediator, host or third party
    party: int  # occasions where it took part otherwise


def rank_actors(source: Store | Facts, g: nx.Graph | None = None, *, group: str | None = None) -> list[ActorScore]:
    """Actors by weighted degree (then betweenness, label). ``group``: ``mediators`` (actors that ever
    mediated, hosted or witnessed), ``parties`` (actors that took part otherwise), or None for all.
    Betweenness uses 1/weight as the distance, so frequent partners are close.

    Example:
        >>> from kg.store import open_store
        >>> rank_actors(open_store("memory:"))
        []
    """
    facts = as_facts(source)
    if g is None:
        g = actor_graph(facts)
    if group not in (None, "mediators", "parties"):
        raise UsageError(f"unknown group {group!r} (mediators, parties)")
    dist = nx.Graph()
    dist.add_nodes_from(g.nodes)
    dist.add_edges_from((a, b, {"d": 1.0 / d.get("weight", 1)}) for a, b, d in g.edges(data=True))
    between = nx.betweenness_centrality(dist, weight="d", normalized=True)
    wdeg = weighted_degrees(g)
    med: Counter[str] = Counter()
    part: Counter[str] = Counter()
    for occ in facts.occasions(modalities=None):
        for actor, roles in occ.roles.items():
            if roles & MEDIATING_ROLES:
                med[actor] += 1
            if roles - MEDIATING_ROLES:
                part[actor] += 1
    out = [
        ActorScore(n, g.nodes[n].get("label", n), g.nodes[n].get("kind", ""), g.degree(n), wdeg[n],
                   round(between[n], 6), med[n], part[n])
        for n in g.nodes
        if group is None or (group == "mediators" and med[n]) or (group == "parties" and part[n])
    ]
    return sorted(out, key=lambda s: (-s.weighted_degree, -s.betweenness, s.label, s.iri))


def find_communities(g: nx.Graph, *, seed: int = 0) -> list[list[str]]:
    """Louvain communities (weighted, seeded), each sorted, largest first.

    Example:
        >>> g = nx.Graph([("a", "b"), ("c", "d")])
        >>> find_communities(g)
        [['a', 'b'], ['c', 'd']]
    """
    if g.number_of_edges() == 0:
        return [[n] for n in sorted(g.nodes)]
    found = nx.community.louvain_communities(g, weight="weight", seed=seed)
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c))


def actor_path(g: nx.Graph, start: str, end: str) -> list[str]:
    """The shortest chain of co-participation from one actor to another (fewest hops; ties broken by the
    sorted insertion order). Raises UsageError when either is absent or they are not connected.

    Example:
        >>> actor_path(nx.Graph([("a", "b"), ("b", "c")]), "a", "c")
        ['a', 'b', 'c']
    """
    for n in (start, end):
        if n not in g:
            raise UsageError(f"{n} takes part in no event or agreement of this graph")
    try:
        return nx.shortest_path(g, start, end)
    except nx.NetworkXNoPath:
        raise UsageError(f"no path between {start} and {end}") from None


@dataclass(frozen=True)
class AgreementScore:
    """How connected an agreement is: distinct actors, events about it, links to other agreements."""

    iri: str
    label: str
    date: str
    actors: int
    events: int
    links: int

    @property
    def total(self) -> int:
        """actors + events + links."""
        return self.actors + self.events + self.links


def rank_agreements(source: Store | Facts, limit: int | None = None) -> list[AgreementScore]:
    """Agreements by number of connections (actors + events naming it + typed links to other agreements).

    Example:
        >>> from kg.store import open_store
        >>> rank_agreements(open_store("memory:"))
        []
    """
    facts = as_facts(source)
    events: Counter[str] = Counter()
    links: Counter[str] = Counter()
    for e in facts.entities.values():
        for a in e.attrs.get("agreement", []):
            if e.kind != "Agreement" and not e.reported_by:
                events[a] += 1
        if e.kind == "Agreement":
            for rel in ("implements", "reaffirms", "supersedes", "builtOn"):
                for other in e.attrs.get(rel, []):
                    links[e.iri] += 1
                    links[other] += 1
    out = [
        AgreementScore(e.iri, e.label, e.when or "", len(e.roles), events[e.iri], links[e.iri])
        for e in facts.entities.values() if e.kind == "Agreement"
    ]
    out.sort(key=lambda s: (-s.total, s.date, s.label))
    return out[:limit] if limit is not None else out


# ---------------------------------------------------------------- export

PROJECTIONS = ("actors", "agreements")


def project(source: Store | Facts, projection: str = "actors") -> nx.Graph:
    """The named projection: ``actors`` (co-participation) or ``agreements`` (actor–agreement bipartite)."""
    if projection == "actors":
        return actor_graph(source)
    if projection == "agreements":
        return agreement_graph(source)
    raise UsageError(f"unknown projection {projection!r} ({', '.join(PROJECTIONS)})")


def exportable(g: nx.Graph) -> nx.Graph:
    """A copy whose attributes GraphML and GEXF can hold: dicts become ``k=v;k=v`` strings, lists
    ``a;b`` strings, None is dropped.

    Example:
        >>> g = nx.Graph(); g.add_edge("a", "b", roles={"x-y": 2}, shared=["e1", "e2"])
        >>> exportable(g).edges["a", "b"]
        {'roles': 'x-y=2', 'shared': 'e1;e2'}
    """
    def flat(attrs: dict) -> dict:
        out = {}
        for k, v in attrs.items():
            if v is None:
                continue
            if isinstance(v, dict):
                v = ";".join(f"{a}={b}" for a, b in v.items())
            elif isinstance(v, list | tuple | set):
                v = ";".join(str(x) for x in v)
            out[k] = v
        return out

    h = nx.Graph()
    h.add_nodes_from((n, flat(d)) for n, d in g.nodes(data=True))
    h.add_edges_from((a, b, flat(d)) for a, b, d in g.edges(data=True))
    return h


def write_graphml(source: Store | Facts, path: str | Path, projection: str = "actors") -> Path:
    """Write a projection as GraphML (readable by Gephi, yEd, Cytoscape, ``nx.read_graphml``)."""
    nx.write_graphml(exportable(project(source, projection)), str(path))
    return Path(path)


def write_gexf(source: Store | Facts, path: str | Path, projection: str = "actors") -> Path:
    """Write a projection as GEXF 1.2 (Gephi's format)."""
    nx.write_gexf(exportable(project(source, projection)), str(path))
    return Path(path)


# ---------------------------------------------------------------- stats and entity cards


@dataclass
class Stats:
    """Counts for ``kg stats``."""

    triples: int
    graphs: int
    articles: int
    agreements: int
    entities: dict[str, int]
    events: dict[str, int]
    modalities: dict[str, int]
    top_actors: list[ActorScore]


def graph_stats(store: Store, top: int = 10) -> Stats:
    """Counts of triples, graphs, articles, entities by class, events by type and modality, and the actors
    with the highest weighted degree.

    Example:
        >>> from kg.store import open_store
        >>> graph_stats(open_store("memory:")).triples
        0
    """
    facts = load_facts(store)
    by_kind = Counter(e.kind for e in facts.entities.values() if not e.reported_by)
    events = {k: by_kind[k] for k in EVENT_KINDS if by_kind[k]}
    entities = {k: by_kind[k] for k in ACTOR_KINDS + OTHER_KINDS if by_kind[k] and k not in {"Article", "Agreement"}}
    modalities = Counter(e.modality for e in facts.entities.values() if e.kind in EVENT_KINDS and not e.reported_by)
    return Stats(
        triples=store.count(), graphs=len(store.graphs()), articles=by_kind["Article"],
        agreements=by_kind["Agreement"], entities=entities, events=events,
        modalities=dict(sorted(modalities.items())), top_actors=rank_actors(facts)[:top],
    )


@dataclass
class Card:
    """What ``kg show`` prints about one entity."""

    iri: str
    label: str
    kind: str
    types: list[str]
    aliases: list[str]
    comment: str
    posts: list[tuple[str, str, str, str]]  # (title, organization or holder label, start, end)
    occasions: list[tuple[str, str, str, str, str]]  # (date, kind, label, roles, modality)
    sources: list[str]
    evidence: list[tuple[str, str, str]]  # (quote, article title, article IRI)


def describe_entity(store: Store, iri: str, facts: Facts | None = None) -> Card:
    """The card of one entity: label, classes, aliases, posts (held by a person, or in an organization),
    events and agreements in date order with its roles, curated sources and article evidence.

    Example:
        >>> from kg.store import open_store
        >>> describe_entity(open_store("memory:"), "https://example.org/x").label
        'x'
    """
    facts = facts or load_facts(store)
    node = f"<{iri}>"
    found = rows(store, f"SELECT ?p ?v WHERE {{ VALUES ?p {{ rdf:type skos:altLabel rdfs:comment }} {node} ?p ?v "
                         "FILTER(!isLiteral(?v) || LANG(?v) = '' || LANGMATCHES(LANG(?v), 'en')) }")
    types = sorted({_local(r["v"]) for r in found if r["p"].endswith("type") and r["v"].startswith(REC_NS)})
    aliases = sorted({r["v"] for r in found if r["p"].endswith("altLabel")})
    comments = sorted(r["v"] for r in found if r["p"].endswith("comment"))
    posts = []
    for e in facts.entities.values():
        if e.kind != "Post":
            continue
        holder, org = e.first("heldBy"), e.first("postIn")
        if iri in (holder, org):
            other = org if holder == iri else holder
            posts.append((e.first("postTitle") or e.label, facts.label(other) if other else "",
                           e.first("startDate") or "", e.first("endDate") or ""))
    posts.sort(key=lambda p: (p[2], p[0], p[1]))
    occ = []
    for e in facts.entities.values():
        roles = e.roles.get(iri)
        if roles:
            occ.append((e.when or "", e.kind, e.label, ", ".join(sorted(roles, key=ROLES.index)), e.modality))
    occ.sort()
    me = facts.entities.get(iri)
    return Card(
        iri=iri, label=facts.label(iri), kind=facts.kind(iri), types=types, aliases=aliases,
        comment=comments[0] if comments else "", posts=posts, occasions=occ,
        sources=me.sources if me else [], evidence=me.evidence if me else [],
    )
