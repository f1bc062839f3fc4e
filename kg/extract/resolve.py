"""Resolve what an article describes to reference nodes: agreements (by name, place, time, parties),
governments (by name, leader, the agreement they were formed under) and curated events.

Scores: a name match 4, a time overlap 3 (a time that does not overlap rules the candidate out), the same
place 2 (a place in or containing the agreement's place 1; a different city rules it out), each shared party 1.
The best candidate wins when it beats the next one and scores above 0; ties leave the reference unresolved.

Example:
    >>> from kg.extract.lexicon import AgreementInfo, ReferenceIndex
    >>> idx = ReferenceIndex(agreements={
    ...     "a2011": AgreementInfo("Cairo 2011", "2011-05-03", "2011-05-04", "cairo", ("fatah", "hamas")),
    ...     "a2017": AgreementInfo("Cairo 2017", "2017-10-12", "2017-10-12", "cairo", ("fatah", "hamas"))})
    >>> resolve_agreement(idx, place="cairo", earliest="2017-09-01", latest="2017-11-30", parties=["hamas"])
    'a2017'
    >>> resolve_agreement(idx, place="cairo", parties=["hamas"]) is None
    True
"""

from __future__ import annotations

from collections.abc import Iterable

from kg.extract.lexicon import ReferenceIndex


def overlaps(a0: str | None, a1: str | None, b0: str | None, b1: str | None) -> bool:
    """True when the ISO intervals ``[a0, a1]`` and ``[b0, b1]`` overlap (None = open end).

    Example:
        >>> overlaps("2017-09-01", "2017-11-30", "2017-10-12", "2017-10-12")
        True
        >>> overlaps("2014-01-01", "2014-12-31", "2017-01-01", None)
        False
    """
    lo_a, hi_a = a0 or "0000", a1 or "9999"
    lo_b, hi_b = b0 or "0000", b1 or "9999"
    return lo_a <= hi_b and lo_b <= hi_a


def _best(scored: list[tuple[float, str]]) -> str | None:
    if not scored:
        return None
    scored.sort(key=lambda x: (-x[0], x[1]))
    if len(scored) > 1 and scored[0][0] == scored[1][0]:
        return None
    return scored[0][1]


def resolve_agreement(idx: ReferenceIndex, *, names: Iterable[str] = (), place: str | None = None,
                      earliest: str | None = None, latest: str | None = None,
                      parties: Iterable[str] = ()) -> str | None:
    """The reference agreement best fitting the evidence, or None (not found or ambiguous)."""
    named = [n for n in names if n in idx.agreements]
    pool = named or list(idx.agreements)
    party_set = set(parties)
    if not named and earliest is None and place is None:
        return None  # parties alone never pin down one of many agreements
    scored = []
    for iri in pool:
        a = idx.agreements[iri]
        score = 4.0 if iri in named else 0.0
        if earliest or latest:
            if not overlaps(earliest, latest, a.earliest, a.latest):
                continue
            score += 3
        if place and a.place:
            if place == a.place:
                score += 2
            elif place in idx.ancestors(a.place) or a.place in idx.ancestors(place):
                score += 1
            elif idx.type_of(place) == idx.type_of(a.place) == "City":
                continue
        score += len(party_set & set(a.signatories))
        if score:  # no evidence for it (only what rules others out: "signed in London") is no match
            scored.append((score, iri))
    return _best(scored)


def resolve_government(idx: ReferenceIndex, *, names: Iterable[str] = (), leader: str | None = None,
                       agreement: str | None = None, earliest: str | None = None,
                       latest: str | None = None) -> str | None:
    """The reference government fitting a name, leader, founding agreement and/or time.

    Example:
        >>> from kg.extract.lexicon import GovernmentInfo, ReferenceIndex
        >>> idx = ReferenceIndex(governments={"g13": GovernmentInfo("A", "rami", (), "2013-06-06", "2014-06-02"),
        ...                                   "g14": GovernmentInfo("B", "rami", ("beach",), "2014-06-02",
        ...                                                         "2019-04-13")})
        >>> resolve_government(idx, leader="rami", agreement="beach"), resolve_government(idx, leader="rami")
        ('g14', None)
    """
    named = [n for n in names if n in idx.governments]
    if len(named) == 1 and leader is None and agreement is None and (
            not (earliest or latest) or overlaps(earliest, latest, idx.governments[named[0]].start,
                                                 idx.governments[named[0]].end)):
        return named[0]  # the one named, unless it did not exist at the time
    pool = named or list(idx.governments)
    scored = []
    for iri in pool:
        g = idx.governments[iri]
        score = 4.0 if iri in named else 0.0
        if leader:
            if g.leader != leader:
                continue
            score += 2
        if agreement:
            if agreement in g.formed_under:
                score += 3
            elif g.formed_under:
                continue
        if earliest or latest:
            if not overlaps(earliest, latest, g.start, g.end):
                continue
            score += 1
        if score:
            scored.append((score, iri))
    return _best(scored)


def resolve_event(idx: ReferenceIndex, *, type: str, earliest: str | None, latest: str | None,
                  participants: Iterable[str] = (), territory: str | None = None) -> str | None:
    """A curated event of the same type whose time overlaps and whose actors/territory agree.

    Example:
        >>> from kg.extract.lexicon import RefEventInfo, ReferenceIndex
        >>> idx = ReferenceIndex(events={"e": RefEventInfo("Election", "2006", "2006-01-25", "2006-01-25",
        ...                                               (("winner", "hamas"),))})
        >>> resolve_event(idx, type="Election", earliest="2006-01-01", latest="2006-12-31", participants=["hamas"])
        'e'
    """
    if earliest is None and latest is None:
        return None
    wanted = set(participants)
    scored = []
    for iri, e in idx.events.items():
        if e.type != type or not overlaps(earliest, latest, e.earliest, e.latest):
            continue
        actors = {v for _, v in e.participants}
        if wanted and actors and not wanted & actors:
            continue
        if territory and e.territory and territory != e.territory:
            continue
        scored.append((1.0 + len(wanted & actors), iri))
    return _best(scored)
