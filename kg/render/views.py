"""The graphs the pages draw: the overview, one kind of occasion, an ego network, one article; each node and
edge with a plain-text tooltip (label, type, dates, modality, evidence quotes with article titles or the
curated source URL).

Example:
    >>> from kg.analysis import Facts
    >>> overview_graph(Facts()).number_of_nodes()
    0
"""

from __future__ import annotations

from collections import Counter

import networkx as nx

from kg.analysis import (
    EVENT_KINDS,
    OCCASION_KINDS,
    RELATION,
    ROLES,
    Entity,
    Facts,
    co_participation,
    participation_graph,
)
from kg.errors import UsageError
from kg.render.text import cut
from kg.store import Store

MAX_QUOTES = 3
MAX_QUOTE = 220
MAX_SOURCES = 3
MAX_SHARED = 8
VIEW_TYPES = ("overview", "actors", "agreements", "events", "all")


def evidence_lines(e: Entity) -> list[str]:
    """Quotes with their article titles (at most MAX_QUOTES), then curated source URLs."""
    lines = []
    for quote, title, article in e.evidence[:MAX_QUOTES]:
        lines.append(f"“{cut(quote, MAX_QUOTE)}” — {title or article or 'article'}")
    if len(e.evidence) > MAX_QUOTES:
        lines.append(f"(+{len(e.evidence) - MAX_QUOTES} more quotes)")
    lines += [f"Source: {s}" for s in e.sources[:MAX_SOURCES]]
    return lines


def describe_node(facts: Facts, iri: str, taking_part: Counter[str] | None = None) -> str:
    """The tooltip text of a node (``taking_part``: occasions per actor, counted once per page)."""
    e = facts.entities.get(iri)
    if e is None:
        return iri
    head = [e.kind]
    if e.when:
        latest = e.first("latest") or e.first("endDate")
        head.append(e.when + (f" – {latest}" if latest and latest != e.when else ""))
    if e.first("place"):
        head.append(facts.label(e.first("place") or ""))
    if e.roles and e.modality != "actual":
        head.append(f"modality: {e.modality}")
    lines = [e.label, " · ".join(head)]
    n_src = int(e.first("sourceCount") or 0)
    if n_src:
        lines.append(f"reported by {n_src} article{'s' if n_src != 1 else ''}")
    by_role: dict[str, list[str]] = {}
    for actor, roles in e.roles.items():
        for r in roles:
            by_role.setdefault(r, []).append(facts.label(actor))
    for r in sorted(by_role, key=ROLES.index):
        lines.append(f"{r}: {', '.join(sorted(by_role[r]))}")
    if not e.roles:
        n = (taking_part if taking_part is not None else _taking_part(facts))[iri]
        if n:
            lines.append(f"takes part in {n} event(s)/agreement(s)")
    return "\n".join(lines + evidence_lines(e))


def _taking_part(facts: Facts) -> Counter[str]:
    return Counter(a for o in facts.entities.values() if o.kind in OCCASION_KINDS for a in o.roles)


def _decorate(g: nx.Graph, facts: Facts) -> nx.Graph:
    counts = _taking_part(facts)
    for n in g.nodes:
        g.nodes[n]["title"] = describe_node(facts, n, counts)
        e = facts.entities.get(n)
        if e is not None and e.when:
            g.nodes[n]["when"] = e.when
        if e is not None and e.roles:
            g.nodes[n]["modality"] = e.modality
    for a, b, d in g.edges(data=True):
        if "shared" in d:
            occ = [facts.entities[s] for s in d["shared"]]
            occ.sort(key=lambda o: (o.when or "", o.label))
            pairs = ", ".join(f"{k} ×{v}" for k, v in d["roles"].items())
            lines = [f"{facts.label(a)} — {facts.label(b)}: {d['weight']} shared ({pairs})"]
            lines += [f"• {o.label} ({o.when or 'undated'})" for o in occ[:MAX_SHARED]]
            if len(occ) > MAX_SHARED:
                lines.append(f"(+{len(occ) - MAX_SHARED} more)")
            d["title"] = "\n".join(lines)
        elif "role" in d:  # actor — role — occasion, whichever way round the edge was added
            if (facts.kind(a) in OCCASION_KINDS) > (facts.kind(b) in OCCASION_KINDS) or (
                    (facts.kind(a) in OCCASION_KINDS) == (facts.kind(b) in OCCASION_KINDS) and str(a) > str(b)):
                a, b = b, a
            d["title"] = f"{facts.label(a)} — {d['role']} — {facts.label(b)}"
    return g


def overview_graph(facts: Facts, *, since: str | None = None, until: str | None = None) -> nx.Graph:
    """Actors and agreements: actual events folded into weighted actor–actor edges (co-participation), and
    actor → agreement edges labelled by role. Actors that share nothing with another actor (a lone speaker)
    are left out; ``g.graph["alone"]`` counts them."""
    g = co_participation(facts, facts.occasions(kinds=EVENT_KINDS, since=since, until=until,
                                                modalities=("actual",)))
    g.add_edges_from(participation_graph(facts, kinds=("Agreement",), since=since, until=until).edges(data=True))
    alone = sorted(nx.isolates(g), key=str)
    g.remove_nodes_from(alone)
    g.graph["alone"] = len(alone)
    for n in g.nodes:
        if "kind" not in g.nodes[n]:
            g.nodes[n].update(label=facts.label(n), kind=facts.kind(n))
    return _decorate(g, facts)


def extra_links(facts: Facts) -> nx.Graph:
    """Links that are not roles in events: posts (person → organisation), governments' leaders and the
    agreements they were formed under, territories named by events."""
    g = nx.Graph()
    for e in sorted(facts.entities.values(), key=lambda e: e.iri):
        holder, org = e.first("heldBy"), e.first("postIn")
        if e.kind == "Post" and holder and org:
            g.add_edge(holder, org, relation=e.first("postTitle") or e.label, role="post")
        if e.kind not in OCCASION_KINDS:  # e.g. a government and its leader
            for actor, roles in sorted(e.roles.items()):
                r = sorted(roles, key=ROLES.index)[0]
                g.add_edge(actor, e.iri, relation="leads" if r == "leader" else RELATION.get(r, r), role=r)
        for a in e.attrs.get("formedUnder", []):
            g.add_edge(e.iri, a, relation="formed under", role="formedUnder")
        for t in e.attrs.get("territory", []):
            g.add_edge(e.iri, t, relation="controls" if e.kind == "ControlOfTerritory" else "territory",
                       role="territory")
    return g


def full_graph(facts: Facts, *, since: str | None = None, until: str | None = None) -> nx.Graph:
    """Actors, events and agreements as nodes with role edges, plus :func:`extra_links`."""
    g = participation_graph(facts, since=since, until=until)
    for a, b, d in extra_links(facts).edges(data=True):
        if a in g or b in g or (since is None and until is None):
            g.add_edge(a, b, **d)
    for n in g.nodes:
        if "kind" not in g.nodes[n]:
            g.nodes[n].update(label=facts.label(n), kind=facts.kind(n))
    return g


def ego_graph(facts: Facts, iri: str, depth: int = 1, **kw: str | None) -> nx.Graph:
    """Everything within ``depth`` links of one entity in :func:`full_graph`."""
    g = full_graph(facts, **kw)
    if iri not in g:
        raise UsageError(f"{facts.label(iri)} <{iri}> is linked to nothing in the graph")
    return _decorate(nx.ego_graph(g, iri, radius=depth), facts)


def article_graph(store: Store, facts: Facts, article: str) -> nx.Graph:
    """Entities mentioned in one article and the events and agreements it gives evidence for."""
    rows = store.query(
        "PREFIX rec: <https://w3id.org/reconciliation-kg/ontology/> SELECT DISTINCT ?e WHERE { "
        f"?m rec:mentionOf ?e ; rec:evidence/rec:inArticle <{article}> }}", timeout=None).rows
    mentioned = {str(r["e"]) for r in rows}
    occ = {e.iri for e in facts.entities.values() if any(ev[2] == article for ev in e.evidence)}
    if not mentioned and not occ:
        raise UsageError(f"nothing in the graph comes from article <{article}>")
    g = full_graph(facts)
    keep = set(occ) | {n for o in occ if o in g for n in g.neighbors(o)} | (mentioned & set(g.nodes))
    sub = nx.Graph(g.subgraph(sorted(keep)))
    for m in sorted(mentioned - set(sub.nodes)):
        sub.add_node(m, label=facts.label(m), kind=facts.kind(m))
    return _decorate(sub, facts)


def view_graph(
    facts: Facts, view: str = "overview", *, since: str | None = None, until: str | None = None,
) -> nx.Graph:
    """The graph of one ``kg viz --type``: overview, actors (co-participation), agreements or events
    (bipartite with actors), all (actors, events, agreements and the other links)."""
    if view == "overview":
        return overview_graph(facts, since=since, until=until)
    if view == "actors":
        return _decorate(co_participation(facts, facts.occasions(since=since, until=until,
                                                                modalities=("actual",))), facts)
    if view == "agreements":
        return _decorate(participation_graph(facts, kinds=("Agreement",), since=since, until=until), facts)
    if view == "events":
        return _decorate(participation_graph(facts, kinds=EVENT_KINDS, since=since, until=until), facts)
    if view == "all":
        return _decorate(full_graph(facts, since=since, until=until), facts)
    raise UsageError(f"unknown view {view!r} ({', '.join(VIEW_TYPES)})")
