"""Colours, shapes and legend names of node kinds (ontology classes), shared by the graph and timeline pages.

Example:
    >>> node_style("Party")
    ('#e4572e', 'dot')
    >>> group_of("SwearingIn")
    'Event'
"""

from __future__ import annotations

from kg.analysis import ACTOR_KINDS, EVENT_KINDS

#: Legend groups: (group, colour, vis-network shape, caption).
GROUPS: tuple[tuple[str, str, str, str], ...] = (
    ("Party", "#e4572e", "dot", "Party / faction"),
    ("UmbrellaOrganization", "#f3a712", "dot", "Umbrella organisation (PLO)"),
    ("GoverningBody", "#29a36a", "hexagon", "Governing body, government, ministry, intelligence"),
    ("State", "#2e86ab", "diamond", "State"),
    ("InternationalOrganization", "#7b2cbf", "triangle", "International organisation"),
    ("Person", "#f28482", "dot", "Person"),
    ("Actor", "#9e9e9e", "dot", "Other actor"),
    ("Agreement", "#ffd166", "square", "Agreement"),
    ("Event", "#8d99ae", "triangleDown", "Event (hollow, dashed: planned, hoped, proposed…)"),
    ("Place", "#6c9a8b", "dot", "Place"),
    ("Post", "#c9ada7", "dot", "Post"),
    ("Thing", "#cccccc", "dot", "Other"),
)
_BY_GROUP = {g: (c, s) for g, c, s, _ in GROUPS}
_CAPTION = {g: cap for g, _, _, cap in GROUPS}
_RANK = {g: k for k, (g, *_) in enumerate(GROUPS)}
_GROUP_OF = {
    **{k: "Event" for k in EVENT_KINDS},
    "Government": "GoverningBody", "Ministry": "GoverningBody", "IntelligenceService": "GoverningBody",
    "GoverningBody": "GoverningBody", "Organization": "Actor", "Mediator": "Actor",
    "City": "Place", "Territory": "Place", "BorderCrossing": "Place", "Place": "Place",
}
for _k in ACTOR_KINDS:
    _GROUP_OF.setdefault(_k, _k if _k in _BY_GROUP else "Actor")

#: Modalities drawn as planned/hoped (hollow and dashed) rather than actual.
TENTATIVE = frozenset({"planned", "hoped", "proposed", "postponed"})
NEGATIVE = frozenset({"failed", "denied"})


def group_of(kind: str) -> str:
    """The legend group of a kind (class local name)."""
    return _GROUP_OF.get(kind, kind if kind in _BY_GROUP else "Thing")


def node_style(kind: str) -> tuple[str, str]:
    """(colour, vis-network shape) of a kind."""
    return _BY_GROUP[group_of(kind)]


def legend_for(kinds: set[str]) -> dict[str, str]:
    """Legend entries (group → caption) for the kinds present, in the fixed group order."""
    groups = {group_of(k) for k in kinds}
    return {g: _CAPTION[g] for g, *_ in GROUPS if g in groups}


def group_rank(kind: str) -> int:
    """The place of a kind's legend group in :data:`GROUPS` (actors first, then agreements, events, others).

    Example:
        >>> group_rank("Party") < group_rank("Agreement") < group_rank("Meeting")
        True
    """
    return _RANK[group_of(kind)]


def group_colour(group: str) -> str:
    """The colour of a legend group."""
    return _BY_GROUP.get(group, _BY_GROUP["Thing"])[0]
