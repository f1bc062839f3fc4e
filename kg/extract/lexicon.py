"""The reference layer as plain data for extraction: entities, agreements, governments, posts, documents.

``kg.reference.load_reference_index`` fills it from RDF; tests may build one by hand.

Example:
    >>> idx = ReferenceIndex(entities={"id:party/hamas": EntityInfo("Hamas", type_local_name="Party")})
    >>> idx.is_actor("id:party/hamas"), idx.label("id:party/hamas")
    (True, 'Hamas')
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

#: Class local names whose members act (can fill a role in an event).
ACTOR_TYPES = frozenset({
    "Actor", "Organization", "Party", "UmbrellaOrganization", "GoverningBody", "Government", "Ministry",
    "IntelligenceService", "InternationalOrganization", "State", "Person", "Mediator",
})
#: Class local names of places.
PLACE_TYPES = frozenset({"Place", "City", "Territory", "BorderCrossing", "State"})
#: Most specific first: used to pick one type when a node has several.
TYPE_PRIORITY = (
    "Government", "Ministry", "IntelligenceService", "GoverningBody", "UmbrellaOrganization", "Party",
    "InternationalOrganization", "State", "Person", "BorderCrossing", "City", "Territory", "Place",
    "LegalInstrument", "Agreement", "Organization", "Actor",
)


@dataclass(frozen=True)
class EntityInfo:
    """A reference entity: labels, most specific class local name, demonyms and place/state links."""

    label: str
    alt_labels: tuple[str, ...] = ()
    type_local_name: str = "Actor"
    demonyms: tuple[str, ...] = ()
    located_in: str | None = None
    capital_of: str | None = None
    state: str | None = None
    gender: str | None = None


@dataclass(frozen=True)
class AgreementInfo:
    """A reference agreement with its time bounds (ISO dates), place and parties."""

    label: str
    earliest: str | None = None
    latest: str | None = None
    place: str | None = None
    signatories: tuple[str, ...] = ()
    mediators: tuple[str, ...] = ()
    hosts: tuple[str, ...] = ()
    alt_labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class GovernmentInfo:
    """A reference government (cabinet): leader, the agreement it was formed under, start/end dates."""

    label: str
    leader: str | None = None
    formed_under: tuple[str, ...] = ()
    start: str | None = None
    end: str | None = None
    alt_labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class PostInfo:
    """A post held by a person: ``title`` (e.g. "spokeswoman"), organisation and dates."""

    iri: str
    title: str
    org: str | None = None
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class DocumentInfo:
    """A legal instrument (resolutions, initiatives) that statements invoke as a basis."""

    label: str
    alt_labels: tuple[str, ...] = ()
    issuer: str | None = None


@dataclass(frozen=True)
class RefEventInfo:
    """A curated event (elections, the 2007 takeover): type, time bounds, roles, place/territory."""

    type: str
    label: str
    earliest: str | None = None
    latest: str | None = None
    participants: tuple[tuple[str, str], ...] = ()
    place: str | None = None
    territory: str | None = None


@dataclass
class ReferenceIndex:
    """Everything the rules need from the reference layer, keyed by full IRI strings."""

    entities: dict[str, EntityInfo] = field(default_factory=dict)
    agreements: dict[str, AgreementInfo] = field(default_factory=dict)
    governments: dict[str, GovernmentInfo] = field(default_factory=dict)
    posts: dict[str, list[PostInfo]] = field(default_factory=dict)
    documents: dict[str, DocumentInfo] = field(default_factory=dict)
    events: dict[str, RefEventInfo] = field(default_factory=dict)

    #: Entities an article names that the reference layer lacks: IRI → (label, class local name).
    local: dict[str, tuple[str, str]] = field(default_factory=dict)

    def type_of(self, iri: str) -> str | None:
        """Class local name of a reference entity, or of an unlinked one of this article (None if unknown)."""
        info = self.entities.get(iri)
        if info:
            return info.type_local_name
        loc = self.local.get(iri)
        return loc[1] if loc else None

    def label(self, iri: str) -> str:
        """Preferred label (the IRI's last segment if unknown)."""
        info = self.entities.get(iri)
        if info:
            return info.label
        loc = self.local.get(iri)
        return loc[0] if loc else iri.rstrip("/").rsplit("/", 1)[-1]

    def with_local(self, local: dict[str, tuple[str, str]]) -> ReferenceIndex:
        """This index plus an article's unlinked entities (``local``), sharing everything else.

        Example:
            >>> ReferenceIndex().with_local({"x": ("Hanna Nasser", "Person")}).type_of("x")
            'Person'
        """
        return replace(self, local=local)

    def is_actor(self, iri: str) -> bool:
        """True when the entity can play a role (party, organisation, state, person…)."""
        return self.type_of(iri) in ACTOR_TYPES

    def is_place(self, iri: str) -> bool:
        """True for cities, territories, crossings and states."""
        return self.type_of(iri) in PLACE_TYPES

    def state_of(self, iri: str) -> str | None:
        """The state an entity belongs to or lies in (itself for a state), following links up to 5 hops.

        Example:
            >>> idx = ReferenceIndex(entities={"s": EntityInfo("Egypt", type_local_name="State"),
            ...                                "c": EntityInfo("Cairo", type_local_name="City", located_in="s")})
            >>> idx.state_of("c")
            's'
        """
        cur: str | None = iri
        for _ in range(6):
            if cur is None:
                return None
            info = self.entities.get(cur)
            if info is None:
                return None
            if info.type_local_name == "State":
                return cur
            cur = info.state or info.capital_of or info.located_in
        return None

    def ancestors(self, iri: str) -> list[str]:
        """The place itself and the places it lies in (``rec:locatedIn`` chain)."""
        out: list[str] = []
        cur: str | None = iri
        while cur and cur not in out and len(out) < 6:
            out.append(cur)
            info = self.entities.get(cur)
            cur = info.located_in if info else None
        return out
