"""Norms applied to finished event records: what an event of a given type and modality reports.

The annotation guidelines (``data/gold/README.md``) treat a planned election or government as a provision
of an agreement or a decree, not as an act of the parties that agreed to it, so these records keep only
the roles that describe the event itself:

- **Elections** have no place (a national vote is not located by the city where it was agreed or
  discussed); planned and postponed ones have no roles ("Fatah and Hamas agreed to hold elections" → an
  election is planned, Fatah and Hamas are not its organisers), proposed ones keep only the proposer;
- **planned government formations** keep only the leader ("agreed to form a government headed by X");
- **future times**: a planned, hoped, proposed or postponed event dated "on Monday" before the publication day
  is the next Monday, not the last one; one dated by a day without a year ("for July 31") that the
  reader put in the year before publication is in the year after ("scheduled … for July 31" in April; not
  for postponed events, which may have been due before the report);
- **a meeting hosted by a state** with no place named takes place in that state's capital
  (``rec:capitalOf`` in the reference layer): "Egypt hosted talks" → Cairo;
- **a government that takes control receives it** (adjudication rule 8): a Takeover whose agents are governments
  or the Palestinian Authority is a Handover to them ("the consensus government never took control of Gaza" → a
  failed Handover, recipient the government; who lost control hands it over);
- **bilateral talks with a foreign side are a Consultation** (adjudication rule 14): a foreign host receiving one
  Palestinian side ("Lavrov will receive Haniyeh"), or one foreign and one Palestinian side meeting with no host
  ("Wang met al-Aloul"); talks between Palestinian sides, a host bringing two of them together, or a Palestinian
  host receiving a foreign visitor stay a Meeting.

Example:
    >>> from kg.extract.records import Event, Participant
    >>> ev = Event(key="", type="Election", label="", modality="planned", place="x",
    ...            participants=[Participant("agent", "fatah", "Fatah")])
    >>> normalise_event(ev, {}) ; (ev.place, ev.participants)
    (None, [])
    >>> forward_time(TimeSpec("on Monday", "day", "2023-07-24", "2023-07-24"), "2023-07-30").earliest
    '2023-07-31'
"""

from __future__ import annotations

import datetime as dt
import re

from kg.extract.event_context import FACTION_TYPES
from kg.extract.lexicon import ReferenceIndex
from kg.extract.records import Event, Participant, TimeSpec
from kg.extract.text import ID_BASE

#: Roles kept per (type, modality); a missing entry keeps every role.
KEPT_ROLES: dict[tuple[str, str], frozenset[str]] = {
    ("Election", "planned"): frozenset(),
    ("Election", "postponed"): frozenset(),
    ("Election", "proposed"): frozenset({"proposer"}),
    ("Election", "hoped"): frozenset({"proposer"}),
    ("GovernmentFormation", "planned"): frozenset({"leader"}),
}
#: Modalities of events that lie ahead of the report (their weekdays and yearless days point forward).
FORWARD = frozenset({"planned", "hoped", "proposed", "postponed"})
_WEEKDAY = re.compile(r"^(?:on\s+|from\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
                      r"(?:\s*(?:\sand\s|\s(?:to|through|until)\s|[-–])\s*(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)?$",
                      re.IGNORECASE)  # "on Monday", "Sunday and Monday", "from Sunday to Tuesday"
_YEAR = re.compile(r"\b\d{4}\b|\byear\b", re.IGNORECASE)
#: States of affairs and speech: their time is not the time of a deed.
_STATES = frozenset({"Statement", "ControlOfTerritory", "PostHolding"})
#: Types never placed (the gold never locates a vote).
UNPLACED = frozenset({"Election"})


_CAPITALS: dict[int, tuple[ReferenceIndex, dict[str, str]]] = {}


def capitals(idx: ReferenceIndex) -> dict[str, str]:
    """State IRI → its capital's IRI, from ``rec:capitalOf`` (computed once per index).

    Example:
        >>> from kg.extract.lexicon import EntityInfo
        >>> capitals(ReferenceIndex(entities={"c": EntityInfo("Cairo", type_local_name="City", capital_of="eg")}))
        {'eg': 'c'}
    """
    cached = _CAPITALS.get(id(idx))
    if cached is None or cached[0] is not idx:
        cached = (idx, {info.capital_of: iri for iri, info in idx.entities.items() if info.capital_of})
        _CAPITALS[id(idx)] = cached
    return cached[1]


_PALESTINE = ID_BASE + "state/palestine"


def actor_side(idx: ReferenceIndex, iri: str) -> tuple[str, str] | None:
    """``("foreign", state)`` or ``("palestinian", faction or body)`` for an actor; ``None`` when unknown.
    A person takes the side of his posts: his party first, an umbrella organisation or another Palestinian body
    next, else a foreign state.

    Example: Lavrov (a post in the Russian Foreign Ministry) → ("foreign", …/state/russia); Haniyeh → Hamas.
    """
    kind = idx.type_of(iri)
    if kind == "Person":
        sides = [actor_side(idx, p.org) for p in idx.posts.get(iri, []) if p.org]
        known = [s for s in sides if s]
        for kinds in (("Party",), FACTION_TYPES):  # his party before an umbrella (Abbas: Fatah, not the PLO)
            side = next((s for s in known if s[0] == "palestinian" and idx.type_of(s[1]) in kinds), None)
            if side:
                return side
        return next((s for s in known if s[0] == "palestinian"), None) or (known[0] if known else None)
    if kind in FACTION_TYPES:
        return ("palestinian", iri)
    state = idx.state_of(iri)
    if state is None:
        return ("palestinian", iri) if kind in ("GoverningBody", "Government") else None
    return ("palestinian", iri) if state == _PALESTINE else ("foreign", state)


_RECEIVING_TYPES = ("Government", "GoverningBody")
#: "never took control", "did not take control": the handover did not happen (a speaker's denial is not that).
_NEGATION = re.compile(r"\b(?:never|not|failed\s+to)\b|n[’']t\b", re.IGNORECASE)


def government_handover(ev: Event, idx: ReferenceIndex) -> None:
    """A Takeover by a government is a Handover to it (see the module doc); "never took control" fails.

    Example: agent the 2014 government, modality denied → Handover, recipient the government, modality failed.
    """
    agents = [p for p in ev.participants if p.role == "agent"]
    if ev.type != "Takeover" or not agents or any(idx.type_of(p.entity) not in _RECEIVING_TYPES
                                                  or actor_side(idx, p.entity) != ("palestinian", p.entity)
                                                  for p in agents):
        return
    ev.type = "Handover"
    negated = bool(ev.evidence and _NEGATION.search(ev.evidence[0].sentence))
    ev.modality = "failed" if ev.modality == "denied" and negated else ev.modality  # not a speaker's denial
    ev.participants = [Participant("recipient" if p.role == "agent" else "agent" if p.role == "target" else p.role,
                                   p.entity, p.label) for p in ev.participants]


def bilateral_consultation(ev: Event, idx: ReferenceIndex) -> None:
    """A Meeting of one foreign and one Palestinian side, any host foreign, becomes a Consultation (see the module
    doc).

    Example: host Lavrov, participant Haniyeh → Consultation; host Egypt, participants Fatah and Hamas → Meeting.
    """
    if ev.type != "Meeting" or not ev.participants:
        return
    hosts = [actor_side(idx, p.entity) for p in ev.participants if p.role == "host"]
    others = [actor_side(idx, p.entity) for p in ev.participants if p.role in ("participant", "leader")]
    if None in hosts or None in others or not others or any(p.role not in ("host", "participant", "leader")
                                                               for p in ev.participants):
        return
    foreign = {s for s in hosts + others if s[0] == "foreign"}
    home = {s for s in others if s[0] == "palestinian"}
    if len(home) == 1 and len(foreign) == 1 and all(s[0] == "foreign" for s in hosts):
        ev.type = "Consultation"


def normalise_event(ev: Event, capital_of_state: dict[str, str], published: str | None = None) -> None:
    """Apply the norms above to ``ev`` in place; ``capital_of_state`` maps a state to its capital
    (``capitals``), ``published`` is the article's publication date.

    Example: see the module docstring.
    """
    if ev.modality == "actual" and ev.type not in _STATES and ev.time and ev.time.earliest \
            and len(published or "") >= 10 and ev.time.earliest[:10] > (published or "")[:10]:
        ev.modality = "planned"  # an event reported as done cannot start after the report: a plan
    kept = KEPT_ROLES.get((ev.type, ev.modality))
    if kept is not None and ev.type == "GovernmentFormation" and ev.evidence \
            and ev.evidence[0].quote.lower().startswith("name"):
        kept = kept | {"agent"}  # "Abbas was expected to name a new cabinet": the one who names it acts
    if kept is not None:
        ev.participants = [p for p in ev.participants if p.role in kept]
    if ev.modality in FORWARD:
        ev.time = forward_time(ev.time, published, yearless=ev.modality != "postponed")
    if ev.type in UNPLACED:
        ev.place = None
    if ev.type == "Meeting" and ev.place is None:
        hosts = [p.entity for p in ev.participants if p.role == "host"]
        if len(hosts) == 1 and hosts[0] in capital_of_state:
            ev.place = capital_of_state[hosts[0]]


def shift_time(spec: TimeSpec, days: int = 0, years: int = 0) -> TimeSpec:
    """``spec`` moved by ``days`` and ``years`` (February 29 becomes the 28th in a year without one).

    Example:
        >>> shift_time(TimeSpec("April 13", "day", "2020-04-13", "2020-04-13"), years=-1).earliest
        '2019-04-13'
    """
    def move(iso: str | None) -> str | None:
        if iso is None:
            return None
        d = dt.date.fromisoformat(iso[:10]) + dt.timedelta(days=days)
        if years:
            d = d.replace(year=d.year + years) if not (d.month == 2 and d.day == 29) else d.replace(
                year=d.year + years, day=28)
        return d.isoformat()
    return TimeSpec(spec.text, spec.precision, move(spec.earliest), move(spec.latest))


def forward_time(spec: TimeSpec | None, published: str | None, yearless: bool = True) -> TimeSpec | None:
    """The time of an event still ahead of the report: "on Monday" resolved to the Monday before
    publication → the next one; a yearless day put more than two months before publication → a year later
    (only when ``yearless``: a postponed event may have been due before the report).

    Example:
        >>> forward_time(TimeSpec("July 31", "day", "2020-07-31", "2020-07-31"), "2021-04-30").earliest
        '2021-07-31'
        >>> forward_time(TimeSpec("July 31, 2020", "day", "2020-07-31", "2020-07-31"), "2021-04-30").earliest
        '2020-07-31'
    """
    if spec is None or len(published or "") < 10 or spec.precision != "day" or len(spec.earliest or "") < 10:
        return spec
    pub = dt.date.fromisoformat(published[:10])
    start = dt.date.fromisoformat(spec.earliest[:10])
    if _WEEKDAY.match(spec.text.strip()) and start < pub:
        return shift_time(spec, days=7)
    if spec.text and not _YEAR.search(spec.text) and (pub - start).days > 60 and spec.earliest == spec.latest \
            and yearless:
        return shift_time(spec, years=1)
    return spec
