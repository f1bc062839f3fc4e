"""Plain records produced by extraction (no RDF here); ``kg.mapping`` turns them into triples.

Example:
    >>> ev = Evidence(start=0, end=5, quote="Hamas", sentence="Hamas won.", rule="gazetteer", confidence=1.0)
    >>> Mention(entity="id:party/hamas", label="Hamas", type="Party", text="Hamas", start=0, end=5,
    ...         linked=True, evidence=ev).linked
    True
"""

from __future__ import annotations

from dataclasses import dataclass, field

EXTRACTOR_VERSION = "0.1.0"


@dataclass(frozen=True)
class Evidence:
    """Where a fact comes from: ``article.body[start:end] == quote``; ``sentence`` is the whole sentence."""

    start: int
    end: int
    quote: str
    sentence: str
    rule: str
    confidence: float
    version: str = EXTRACTOR_VERSION


@dataclass(frozen=True)
class TimeSpec:
    """A normalised time: surface text, precision (day|month|season|year) and ISO date bounds."""

    text: str
    precision: str | None
    earliest: str | None
    latest: str | None


@dataclass(frozen=True)
class Mention:
    """An entity mention. ``entity`` is a reference IRI (full string) or, when ``linked`` is False, a
    deterministic IRI minted for an unlinked entity. ``metonym`` marks a place standing for a governing side."""

    entity: str
    label: str
    type: str
    text: str
    start: int
    end: int
    linked: bool
    evidence: Evidence
    metonym: bool = False


@dataclass(frozen=True)
class Participant:
    """An actor in a role (signatory, mediator, host, participant, speaker, leader, agent, winner, target,
    proposer, recipient)."""

    role: str
    entity: str
    label: str


@dataclass
class Event:
    """An n-ary event or state of affairs.

    ``type`` is the ontology class local name (``Signing``, ``Meeting``, ``ControlOfTerritory``…);
    ``modality`` one of actual|planned|hoped|proposed|postponed|failed|denied.
    ``key`` is a stable signature used to mint the IRI (same article + same key → same IRI).
    ``same_as`` is a reference-layer node the event was resolved to (e.g. ``id:event/2006-01-25-…``);
    ``post`` a reference ``rec:Post`` IRI (for ``PostHolding``).
    """

    key: str
    type: str
    label: str
    modality: str = "actual"
    time: TimeSpec | None = None
    place: str | None = None
    territory: str | None = None
    agreement: str | None = None
    government: str | None = None
    participants: list[Participant] = field(default_factory=list)
    quote: str | None = None
    quote_type: str | None = None
    speaker_affiliation: str | None = None
    purpose: str | None = None
    concerns: list[str] = field(default_factory=list)
    basis: list[str] = field(default_factory=list)
    status: str | None = None
    provision_type: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 1.0
    same_as: str | None = None
    post: str | None = None


@dataclass
class ProvisionRecord:
    """A provision of an agreement as an article reports it.

    ``provision_type`` and ``status`` are ``skos:notation`` codes of ``rec:ProvisionTypeScheme`` /
    ``rec:StatusScheme`` (``crossings``, ``stalled``…); ``key`` is stable (agreement + label).

    Example:
        >>> ProvisionRecord(key="k", label="hand over Rafah", agreement="id:agreement/x",
        ...                 provision_type="crossings").status is None
        True
    """

    key: str
    label: str
    agreement: str
    provision_type: str | None = None
    status: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 1.0


@dataclass
class Extraction:
    """Everything extracted from one article."""

    article_id: str
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    new_entities: dict[str, tuple[str, str]] = field(default_factory=dict)
    extractor: str = "rules"
    version: str = EXTRACTOR_VERSION
    provisions: list[ProvisionRecord] = field(default_factory=list)
