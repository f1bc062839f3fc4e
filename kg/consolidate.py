"""Cross-document event identity: the article events that denote the same real-world event, grouped into one
consolidated event in the named graph ``…/graph/consolidated``.

Each article reports events in its own graph, so one election reported by six articles is six event nodes.
:func:`consolidate` groups them (:func:`cluster_reports`) and writes one node per group
(:func:`consolidated_graph`): ``rec:reportedBy`` each member, the merged label, type, modality, the tightest
consistent date bounds, place, agreement, the union of participants with their roles, ``rec:evidence`` of every
member, ``rec:sourceCount`` (distinct articles) and a combined ``rec:confidence``. A group anchored on a curated
reference event *is* that event: only what the reference lacks is added.

Rules (docs/decisions.md, "Cross-document event identity"):

- same class; same modality code (a hoped-for meeting is not the meeting); ``rec:agreement``,
  ``rec:government``, ``rec:territory``, ``rec:post`` equal when both are set; places equal or one missing;
  date bounds overlapping the group's (the group keeps the intersection); participants overlapping by
  :func:`participant_overlap` ≥ :data:`JACCARD_MIN` when both name some; statements only with the same quote;
- besides class, modality and date, at least one positive sign (same agreement/government/territory/post,
  same place, or participants over the threshold);
- an undated event joins only through a shared agreement, government, territory or post and only when exactly
  one group qualifies (an actual one must lie before its article's publication date); a group of article
  events holds at most one event per article;
- ``owl:sameAs`` to a reference event joins that event (when the modality agrees); a Signing naming an
  agreement joins the curated Signing of that agreement when the dates allow exactly one;
- combined confidence = 1 − Π over the distinct articles (1 − the highest confidence of that article's reports);
- members whose dates or places disagree (possible only through a reference anchor) are kept side by side as
  ``rec:account`` nodes (bounds or place, ``dcterms:source`` = the articles, or the curated sources).

Deterministic: inputs are sorted, group IRIs come from the reference IRI or a hash of the sorted member IRIs.

Example:
    >>> from kg.store import open_store
    >>> consolidate(open_store("memory:"))
    ConsolidationResult(events=0, clusters=0, multi_source=0)
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from kg.namespaces import GRAPH, ID, REC, REFERENCE_GRAPH
from kg.store import Store, rows

CONSOLIDATED_GRAPH = GRAPH["consolidated"]
#: Minimum Jaccard index of two participant sets (all roles pooled) for them to count as the same actors.
JACCARD_MIN = 0.5
#: Role properties read and merged (all ⊑ rec:hasParticipant).
ROLE_NAMES: tuple[str, ...] = (
    "signatory", "mediator", "host", "thirdParty", "leader", "speaker", "proposer", "agent", "winner",
    "participant", "target", "recipient",
)
#: Properties that must be equal when both events set them.
KEY_NAMES: tuple[str, ...] = ("agreement", "government", "territory", "post")
EVENT_TYPES: tuple[str, ...] = (
    "Meeting", "Signing", "Election", "Takeover", "GovernmentFormation", "SwearingIn", "Handover", "Statement",
    "Consultation", "Proposal", "Mediation", "Stall", "Collapse", "Postponement", "Decree", "Split",
    "ControlOfTerritory", "PostHolding", "Event",
)
_ARTICLE_NS = str(ID["article/"])
_REC = str(REC)
_DAY = str(REC.DayPrecision)
_ACTUAL = str(REC.Actual)
_LOW, _HIGH = "0000-01-01", "9999-12-31"


@dataclass
class Report:
    """One event node: an article's report (``article`` set) or a curated reference event (``article`` None)."""

    iri: str
    type: str
    label: str = ""
    article: str | None = None
    published: str | None = None
    modality: str = _ACTUAL
    earliest: str | None = None
    latest: str | None = None
    precision: str | None = None
    place: str | None = None
    keys: dict[str, str] = field(default_factory=dict)
    same_as: str | None = None
    roles: set[tuple[str, str]] = field(default_factory=set)
    confidence: float = 0.0
    quote: str = ""
    evidence: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    @property
    def actors(self) -> set[str]:
        """Participant IRIs, every role pooled."""
        return {a for _, a in self.roles}

    @property
    def dated(self) -> bool:
        """Whether the report gives any date bound."""
        return bool(self.earliest or self.latest)

    def bounds(self) -> tuple[str, str]:
        """(earliest, latest), open ends as far-away days; an undated actual report happened before its article.

        Example:
            >>> Report("e", "Meeting", article="a", published="2017-10-12").bounds()
            ('0000-01-01', '2017-10-12')
        """
        if not self.dated and self.article and self.published and self.modality == _ACTUAL:
            return _LOW, self.published
        return self.earliest or _LOW, self.latest or _HIGH


@dataclass
class Cluster:
    """A group of reports of one real-world event; ``anchor`` is the curated reference event, if any."""

    members: list[Report] = field(default_factory=list)
    anchor: Report | None = None
    low: str = _LOW
    high: str = _HIGH

    @property
    def first(self) -> Report:
        """The report that defines type, modality and keys (the anchor, else the first member)."""
        return self.anchor or self.members[0]

    @property
    def iri(self) -> str:
        """The anchor's IRI, or ``id:cluster/<hash of the sorted member IRIs>``."""
        if self.anchor is not None:
            return self.anchor.iri
        digest = hashlib.sha256("\x1f".join(sorted(m.iri for m in self.members)).encode()).hexdigest()[:16]
        return str(ID[f"cluster/{digest}"])

    @property
    def reports(self) -> list[Report]:
        """Anchor (if any) and members."""
        return ([self.anchor] if self.anchor else []) + self.members

    @property
    def actors(self) -> set[str]:
        """Union of the participants of the anchor and the members."""
        return {a for r in self.reports for a in r.actors}

    @property
    def places(self) -> set[str]:
        """The places given."""
        return {r.place for r in self.reports if r.place}

    @property
    def articles(self) -> set[str]:
        """Distinct articles among the members."""
        return {m.article for m in self.members if m.article}

    def add(self, report: Report) -> None:
        """Add a member, narrowing the group's bounds when they overlap (a curated anchor keeps its own)."""
        self.members.append(report)
        lo, hi = report.bounds()
        if self.anchor is None and report.dated and max(lo, self.low) <= min(hi, self.high):
            self.low, self.high = max(lo, self.low), min(hi, self.high)


@dataclass(frozen=True)
class ConsolidationResult:
    """Counts: article events read, consolidated events written, and how many have two or more sources."""

    events: int
    clusters: int
    multi_source: int


def jaccard(a: set[str], b: set[str]) -> float:
    """|a ∩ b| / |a ∪ b| (0 for two empty sets).

    Example:
        >>> jaccard({"fatah", "hamas"}, {"hamas"})
        0.5
    """
    return len(a & b) / len(a | b) if a | b else 0.0


def combined_confidence(reports: Iterable[Report]) -> float:
    """1 − Π over distinct articles of (1 − the highest confidence among that article's reports): independent
    sources raise confidence, two events in one article count once.

    Example:
        >>> combined_confidence([Report("a", "Meeting", article="x", confidence=0.5),
        ...                      Report("b", "Meeting", article="y", confidence=0.5)])
        0.75
    """
    best: dict[str, float] = {}
    for r in reports:
        key = r.article or r.iri
        best[key] = max(best.get(key, 0.0), r.confidence)
    rest = 1.0
    for c in best.values():
        rest *= 1.0 - c
    return round(1.0 - rest, 4)


def _signs(r: Report, c: Cluster) -> tuple[int, float] | None:
    """(number of positive signs, participant overlap) when ``r`` may join ``c``; None when it may not."""
    f = c.first
    if r.type != f.type or r.modality != f.modality:
        return None
    if r.article and c.anchor is None and r.article in c.articles:
        return None
    keys = 0
    for k in KEY_NAMES:
        mine, theirs = r.keys.get(k), {m.keys[k] for m in c.reports if k in m.keys}
        if mine and theirs:
            if theirs != {mine}:
                return None
            keys += 1
    if not r.dated and not keys:  # an undated report needs a shared agreement, government, territory or post
        return None
    signs = keys
    places = c.places
    if r.place and places:
        if places != {r.place}:
            return None
        signs += 1
    lo, hi = r.bounds()
    if max(lo, c.low) > min(hi, c.high):
        return None
    if r.type == "Statement" and " ".join(r.quote.split()) != " ".join(f.quote.split()):
        return None
    overlap = participant_overlap(r, c)
    if overlap is not None:
        if overlap < JACCARD_MIN:
            return None
        signs += 1
    return (signs, overlap or 0.0) if signs else None


def participant_overlap(r: Report, c: Cluster) -> float | None:
    """How far ``r``'s participants match the group's (None when either side names none): the best Jaccard
    index against a member; against a curated anchor, the share of ``r``'s participants it lists (a curated
    event names everyone who attended, an article a few).

    Example:
        >>> ref = Report("ref", "Meeting", roles={("participant", p) for p in "abcdef"})
        >>> r = Report("e", "Meeting", roles={("participant", "a"), ("host", "b")})
        >>> participant_overlap(r, Cluster(anchor=ref))
        1.0
    """
    mine = r.actors
    if not mine:
        return None
    scores = [jaccard(mine, m.actors) for m in c.members if m.actors]
    if c.anchor is not None and c.anchor.actors:
        scores.append(len(mine & c.anchor.actors) / len(mine))
    return max(scores) if scores else None


def cluster_reports(reports: Iterable[Report], anchors: Iterable[Report] = ()) -> list[Cluster]:
    """Group article reports (and curated ``anchors``) into clusters, one per real-world event; every report
    ends in exactly one cluster; anchors nobody reports are left out. Sorted by IRI.

    Example:
        >>> a = Report("e1", "Election", article="x", earliest="2006-01-25", latest="2006-01-25",
        ...            roles={("winner", "hamas")})
        >>> b = Report("e2", "Election", article="y", earliest="2006-01-01", latest="2006-12-31",
        ...            roles={("winner", "hamas")})
        >>> [sorted(m.iri for m in c.members) for c in cluster_reports([a, b])]
        [['e1', 'e2']]
    """
    by_anchor: dict[str, Cluster] = {}
    for a in sorted(anchors, key=lambda r: r.iri):
        lo, hi = a.bounds()
        by_anchor[a.iri] = Cluster(anchor=a, low=lo, high=hi)
    clusters: list[Cluster] = list(by_anchor.values())
    pending: list[Report] = []
    for r in sorted(reports, key=lambda r: r.iri):
        target = by_anchor.get(r.same_as or "")
        if target is not None and target.first.modality == r.modality:
            target.add(r)
        elif r.type == "Signing" and r.keys.get("agreement"):
            lo, hi = r.bounds()
            fits = [c for c in by_anchor.values() if c.first.type == "Signing"
                    and c.first.keys.get("agreement") == r.keys["agreement"] and c.first.modality == r.modality
                    and max(lo, c.low) <= min(hi, c.high)]
            if len(fits) == 1:
                fits[0].add(r)
            else:
                pending.append(r)
        else:
            pending.append(r)
    pending.sort(key=lambda r: (not r.dated, r.earliest or "", r.latest or "", r.iri))
    for r in pending:
        scored = [(s, c) for c in clusters if (s := _signs(r, c)) is not None]
        if scored and (r.dated or len(scored) == 1):
            best = max(scored, key=lambda sc: (sc[0], sc[1].anchor is not None, -len(sc[1].members)))
            best[1].add(r)
        else:
            clusters.append(Cluster(members=[r], low=r.bounds()[0], high=r.bounds()[1]))
            if not r.dated:  # an undated group has no bounds of its own
                clusters[-1].low, clusters[-1].high = _LOW, _HIGH
    return sorted((c for c in clusters if c.members), key=lambda c: c.iri)


def _date(value: str) -> Literal:
    return Literal(value, datatype=XSD.date)


def _tightest(c: Cluster) -> Report | None:
    dated = [r for r in c.members if r.dated]
    return min(dated, key=lambda r: (r.bounds()[1] < r.bounds()[0], _width(r), r.iri)) if dated else None


def _width(r: Report) -> int:
    import datetime as dt

    lo, hi = r.bounds()
    if lo == _LOW or hi == _HIGH:
        return 10**6
    return (dt.date.fromisoformat(hi) - dt.date.fromisoformat(lo)).days


def _label(c: Cluster) -> str:
    best = min(c.members, key=lambda r: (-len(r.roles), _width(r), -r.confidence, r.label, r.iri))
    return best.label


def _accounts(g: Graph, node: URIRef, c: Cluster) -> None:
    """Side-by-side accounts when the reports' dates do not all overlap or their places differ."""
    dated = [r for r in c.reports if r.dated]
    clash = any(max(a.bounds()[0], b.bounds()[0]) > min(a.bounds()[1], b.bounds()[1])
                for i, a in enumerate(dated) for b in dated[i + 1:])
    groups: dict[tuple[str, str], list[Report]] = {}
    if clash:
        for r in dated:
            groups.setdefault(("date", "\x1f".join(r.bounds())), []).append(r)
    if len(c.places) > 1:
        for r in c.reports:
            if r.place:
                groups.setdefault(("place", r.place), []).append(r)
    for (kind, value), rs in sorted(groups.items()):
        acc = URIRef(f"{node}/account/{hashlib.sha256(f'{kind}{value}'.encode()).hexdigest()[:12]}"
                     if c.anchor is None else
                     str(ID[f"account/{hashlib.sha256(f'{node}{kind}{value}'.encode()).hexdigest()[:16]}"]))
        g.add((node, REC.account, acc))
        if kind == "date":
            r0 = rs[0]
            if r0.earliest:
                g.add((acc, REC.earliest, _date(r0.earliest)))
            if r0.latest:
                g.add((acc, REC.latest, _date(r0.latest)))
            if r0.earliest and r0.earliest == r0.latest:
                g.add((acc, REC.date, _date(r0.earliest)))
        else:
            g.add((acc, REC.place, URIRef(value)))
        for r in rs:
            for src in ([r.article] if r.article else r.sources):
                g.add((acc, DCTERMS.source, URIRef(src)))
        g.add((acc, RDFS.comment, Literal(f"{kind} as given by {len({r.article or r.iri for r in rs})} "
                                          "source(s)", lang="en")))


def consolidated_graph(clusters: Iterable[Cluster]) -> Graph:
    """The triples of the consolidated graph for the given clusters (see the module docstring)."""
    g = Graph()
    for c in clusters:
        node = URIRef(c.iri)
        ref = c.anchor
        for m in c.members:
            g.add((node, REC.reportedBy, URIRef(m.iri)))
            for ev in m.evidence:
                g.add((node, REC.evidence, URIRef(ev)))
        g.add((node, REC.sourceCount, Literal(len(c.articles), datatype=XSD.integer)))
        g.add((node, REC.confidence, Literal(f"{combined_confidence(c.members):.4f}", datatype=XSD.decimal)))
        known = ref.roles if ref else set()
        for role, actor in sorted({ra for m in c.members for ra in m.roles} - known):
            g.add((node, REC[role], URIRef(actor)))
        _accounts(g, node, c)
        if ref is not None:
            continue
        f = c.first
        g.add((node, RDF.type, REC[f.type]))
        g.add((node, SKOS.prefLabel, Literal(_label(c), lang="en")))
        g.add((node, REC.modality, URIRef(f.modality)))
        for k in KEY_NAMES:
            values = sorted({m.keys[k] for m in c.members if k in m.keys})
            if len(values) == 1:
                g.add((node, REC[k], URIRef(values[0])))
        if len(c.places) == 1:
            g.add((node, REC.place, URIRef(next(iter(c.places)))))
        tight = _tightest(c)
        if tight is not None:
            lo, hi = (c.low, c.high)
            if lo != _LOW:
                g.add((node, REC.earliest, _date(lo)))
            if hi != _HIGH:
                g.add((node, REC.latest, _date(hi)))
            if lo == hi:
                g.add((node, REC.date, _date(lo)))
                g.add((node, REC.precision, REC.DayPrecision))
            elif tight.precision:
                g.add((node, REC.precision, URIRef(tight.precision)))
    return g


# ---------------------------------------------------------------- reading the store



def _fill(reports: dict[str, Report], rows: list[dict[str, str]]) -> None:
    for row in rows:
        r = reports.get(row["e"])
        if r is None:
            continue
        p, o = row["p"], row["o"]
        name = p[len(_REC):] if p.startswith(_REC) else ""
        if p == str(RDF.type) and o.startswith(_REC) and o[len(_REC):] in EVENT_TYPES:
            if r.type in ("", "Event"):
                r.type = o[len(_REC):]
        elif p == str(SKOS.prefLabel) and (not r.label or o < r.label):
            r.label = o
        elif name == "modality":
            r.modality = o
        elif name in ("earliest", "latest"):
            setattr(r, name, o[:10])
        elif name == "precision":
            r.precision = o
        elif name == "place":
            r.place = min(o, r.place) if r.place else o
        elif name in KEY_NAMES:
            r.keys[name] = min(o, r.keys.get(name, o))
        elif name in ROLE_NAMES:
            r.roles.add((name, o))
        elif name == "confidence":
            r.confidence = max(r.confidence, float(o))
        elif name == "quote":
            r.quote = o
        elif name == "evidence":
            r.evidence.append(o)
        elif p == str(OWL.sameAs):
            r.same_as = o
        elif p == str(DCTERMS.source):
            r.sources.append(o)
    for r in reports.values():
        r.evidence.sort()
        r.sources.sort()


def read_reports(store: Store) -> tuple[list[Report], list[Report]]:
    """(article reports, curated reference events) from a store, each sorted by IRI."""
    types = " ".join(f"rec:{t}" for t in EVENT_TYPES)
    art: dict[str, Report] = {}
    published = {r["g"]: r["d"][:10] for r in rows(
        store, f'SELECT ?g ?d WHERE {{ GRAPH ?g {{ ?g schema:datePublished ?d }} '
               f'FILTER(STRSTARTS(STR(?g), "{_ARTICLE_NS}")) }}')}
    found = rows(store, f'SELECT ?g ?e ?p ?o WHERE {{ GRAPH ?g {{ ?e a ?t ; ?p ?o }} VALUES ?t {{ {types} }} '
                         f'FILTER(STRSTARTS(STR(?g), "{_ARTICLE_NS}")) }}')
    for row in found:
        if row["e"] not in art:
            art[row["e"]] = Report(row["e"], "", article=row["g"], published=published.get(row["g"]))
    _fill(art, found)
    ref: dict[str, Report] = {}
    found = rows(store, f"SELECT ?e ?p ?o WHERE {{ GRAPH <{REFERENCE_GRAPH}> {{ ?e a ?t ; ?p ?o }} "
                         f"VALUES ?t {{ {types} }} }}")
    for row in found:
        ref.setdefault(row["e"], Report(row["e"], ""))
    _fill(ref, found)
    return sorted(art.values(), key=lambda r: r.iri), sorted(ref.values(), key=lambda r: r.iri)


def consolidate(store: Store) -> ConsolidationResult:
    """Rebuild the consolidated graph from the article graphs and the reference layer (one transaction; none
    when it would come out the same). ``kg build``, ``kg ingest`` and ``kg remove`` call it.

    Example:
        >>> from kg.store import open_store
        >>> consolidate(open_store("memory:")).clusters
        0
    """
    reports, anchors = read_reports(store)
    clusters = cluster_reports(reports, anchors)
    g = consolidated_graph(clusters)
    if len(g):
        from kg.ingest import store_graph_if_changed

        store_graph_if_changed(store, str(CONSOLIDATED_GRAPH), g)  # unchanged: nothing written
    else:
        store.remove_graph(str(CONSOLIDATED_GRAPH))
    return ConsolidationResult(len(reports), len(clusters), sum(1 for c in clusters if len(c.articles) > 1))


__all__ = [
    "CONSOLIDATED_GRAPH", "JACCARD_MIN", "Cluster", "ConsolidationResult", "Report", "cluster_reports",
    "combined_confidence", "consolidate", "consolidated_graph", "jaccard", "read_reports",
]
