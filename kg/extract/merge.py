"""Merge reports of the same event within one article, give events labels and stable keys.

Two records are one event when type, modality, agreement, territory and government agree (or one side
is unknown), their times overlap (or one is unknown), the actors in identity roles (all but proposer,
mediator and host) are equal or one set contains the other (then something else must tie them: one
sentence, a place, a territory or a time), and the places agree (a missing place
merges only when both name the same actors). Statements merge only on the same speaker and quote.

Example:
    >>> from kg.extract.records import Event, Participant
    >>> a = Event("", "Meeting", "", place="moscow", modality="hoped")
    >>> b = Event("", "Meeting", "", place="moscow", modality="hoped",
    ...           participants=[Participant("proposer", "russia", "Russia")])
    >>> [e.participants[0].entity for e in merge_events([a, b], {})]
    ['russia']
"""

from __future__ import annotations

from kg.extract.records import Event, TimeSpec
from kg.extract.resolve import overlaps
from kg.extract.text import short_hash

NON_IDENTITY_ROLES = frozenset({"proposer", "mediator", "host"})
_NOT_ACTOR_ROLES = NON_IDENTITY_ROLES | {"recipient", "target"}  # not named after "by" in a label
#: Confidence of background records: kept in the graph (they link agreements and affiliations) but below
#: ``REPORTED_CONFIDENCE``, the threshold for an event the article reports ("the Cairo agreement of 2011" in
#: passing, a title in passing). ``kg evaluate`` scores only reported events.
BACKGROUND_CONFIDENCE = 0.45
REPORTED_CONFIDENCE = 0.5


def _identity(ev: Event) -> frozenset[str]:
    return frozenset(p.entity for p in ev.participants if p.role not in NON_IDENTITY_ROLES)


def _squashed(quote: str | None) -> str:
    """``quote`` with its runs of white space made single spaces ("" for None)."""
    return " ".join((quote or "").split())


def _same_or_missing(a: object, b: object) -> bool:
    return a is None or b is None or a == b


def _time_ok(a: TimeSpec | None, b: TimeSpec | None) -> bool:
    if a is None or b is None or (a.earliest is None and a.latest is None) or (b.earliest is None and b.latest is None):
        return True
    return overlaps(a.earliest, a.latest, b.earliest, b.latest)


def same_event(a: Event, b: Event) -> bool:
    """True when ``a`` and ``b`` report one event (see the module doc)."""
    if a.type != b.type or a.modality != b.modality:
        return False
    if a.type == "Statement":
        return _identity(a) == _identity(b) and (a.quote == b.quote or _squashed(a.quote) == _squashed(b.quote))
    if a.type == "PostHolding":
        return _identity(a) == _identity(b) and (a.post == b.post or set(a.concerns) == set(b.concerns))
    if not (_same_or_missing(a.agreement, b.agreement) and _same_or_missing(a.territory, b.territory)
            and _same_or_missing(a.government, b.government)):
        return False
    if not _time_ok(a.time, b.time):
        return False
    if a.type in ONCE_PER_OBJECT and _once_key(a) is not None and _once_key(a) == _once_key(b) \
            and (a.place is None or b.place is None or a.place == b.place):
        return True  # an agreement is signed once, a government sworn in once: reports add roles
    ia, ib = _identity(a), _identity(b)
    if not (ia <= ib or ib <= ia):
        return False
    if ia != ib and not _anchored(a, b):
        return False
    if a.place != b.place and not ((a.place is None or b.place is None) and ((ia == ib and ia) or not ia or not ib)):
        return False  # places differ, unless one is unknown and the actors agree (or one report names none)
    if a.type == "ControlOfTerritory":
        return ia == ib and a.territory == b.territory
    return True


#: Event types that happen once to their object (the agreement signed, the government sworn in or formed).
ONCE_PER_OBJECT = frozenset({"Signing", "SwearingIn", "GovernmentFormation"})


def _once_key(ev: Event) -> str | None:
    return ev.agreement if ev.type == "Signing" else ev.government


def _anchored(a: Event, b: Event) -> bool:
    """Something besides actors ties two reports together: one sentence, a place, a territory or a time."""
    same_sentence = bool(a.evidence and b.evidence and a.evidence[0].sentence == b.evidence[0].sentence)
    timed = bool(a.time and b.time and a.time.earliest and b.time.earliest)
    return same_sentence or bool(a.place and a.place == b.place) or bool(
        a.territory and a.territory == b.territory) or timed


def _narrower(a: TimeSpec | None, b: TimeSpec | None) -> TimeSpec | None:
    if a is None or a.earliest is None:
        return b or a
    if b is None or b.earliest is None:
        return a
    width = {"day": 0, "month": 1, "season": 2, "year": 3, None: 4}
    return a if width.get(a.precision, 4) <= width.get(b.precision, 4) else b


def absorb(a: Event, b: Event) -> None:
    """Merge ``b`` into ``a``: union of roles and evidence, the narrower time, ``a``'s attributes first."""
    seen = {(p.role, p.entity) for p in a.participants}
    for p in b.participants:
        if (p.role, p.entity) not in seen:
            a.participants.append(p)
            seen.add((p.role, p.entity))
    specific = {p.entity for p in a.participants if p.role != "participant"}
    a.participants = [p for p in a.participants if p.role != "participant" or p.entity not in specific]
    a.evidence.extend(e for e in b.evidence if e not in a.evidence)
    a.time = _narrower(a.time, b.time)
    for attr in ("place", "territory", "agreement", "government", "purpose", "quote", "quote_type",
                 "speaker_affiliation", "same_as", "post", "status", "provision_type"):
        if getattr(a, attr) is None:
            setattr(a, attr, getattr(b, attr))
    a.concerns = list(dict.fromkeys([*a.concerns, *b.concerns]))
    a.basis = list(dict.fromkeys([*a.basis, *b.basis]))
    a.confidence = max(a.confidence, b.confidence)


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SEASONS = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}
_TYPE_NAMES = {"GovernmentFormation": "Government formation", "SwearingIn": "Swearing-in",
               "ControlOfTerritory": "Control", "PostHolding": "Post"}


def when_text(t: object) -> str:
    """The normalised time of an event for labels: ``12 Oct 2017``, ``Oct 2017``, ``autumn 2017``, ``2006``.

    Example:
        >>> from kg.extract.records import TimeSpec
        >>> when_text(TimeSpec("in the autumn of 2017", "season", "2017-09-01", "2017-11-30"))
        'autumn 2017'
    """
    earliest, precision = getattr(t, "earliest", None), getattr(t, "precision", None)
    if not earliest or not precision:
        return ""
    y, m, d = earliest[:4], int(earliest[5:7]), int(earliest[8:10])
    if precision == "day":
        return f"{d} {_MONTHS[m - 1]} {y}"
    if precision == "month":
        return f"{_MONTHS[m - 1]} {y}"
    if precision == "season":
        return f"{_SEASONS.get(m, 'season')} {y}"
    return y


def label_event(ev: Event, labels: dict[str, str]) -> str:
    """A short human-readable label.

    Example:
        >>> from kg.extract.records import Participant
        >>> label_event(Event("", "Meeting", "", modality="hoped", place="m",
        ...                   participants=[Participant("proposer", "r", "Russia")]), {"m": "Moscow"})
        'Meeting in Moscow (hoped; proposer Russia)'
    """
    if ev.label and ev.type in ("Statement", "PostHolding", "ControlOfTerritory"):
        return ev.label
    parts = [_TYPE_NAMES.get(ev.type, ev.type)]
    if ev.agreement:
        parts.append(f"of {labels.get(ev.agreement, ev.agreement.rsplit('/', 1)[-1])}")
    actors = [p.label for p in ev.participants if p.role not in _NOT_ACTOR_ROLES]
    if actors:
        parts.append("by " + ", ".join(dict.fromkeys(actors)))
    to = [p.label for p in ev.participants if p.role in ("recipient", "target")]
    if to:
        parts.append("to " + ", ".join(dict.fromkeys(to)))
    if ev.territory:
        parts.append(f"over {labels.get(ev.territory, ev.territory.rsplit('/', 1)[-1])}")
    if ev.place:
        parts.append(f"in {labels.get(ev.place, ev.place.rsplit('/', 1)[-1])}")
    when = when_text(ev.time)
    if when:
        parts.append(f"({when})")
    extra = [ev.modality] if ev.modality != "actual" else []
    roles = {p.role for p in ev.participants}
    extra += [f"{role} {', '.join(dict.fromkeys(p.label for p in ev.participants if p.role == role))}"
              for role in ("proposer", "mediator", "host") if role in roles]
    label = " ".join(parts)
    return f"{label} ({'; '.join(extra)})" if extra else label


def event_key(ev: Event) -> str:
    """Stable signature: type, modality, agreement/place/territory/government, actors by role, time."""
    actors = ",".join(sorted(f"{p.role}:{p.entity}" for p in ev.participants))
    t = ev.time
    when = f"{t.earliest}..{t.latest}" if t else ""
    extra = short_hash(" ".join((ev.quote or "").split()).lower()) if ev.type == "Statement" else ""
    extra += ev.post or ""
    return "|".join((ev.type, ev.modality, ev.agreement or "", ev.place or "", ev.territory or "",
                     ev.government or "", actors, when, extra))


def merge_events(events: list[Event], labels: dict[str, str]) -> list[Event]:
    """Merged events in order of first evidence, each with a label and a unique stable key."""
    ordered = sorted(events, key=lambda e: (e.evidence[0].start if e.evidence else -1, e.type))
    merged: list[Event] = []
    buckets: dict[tuple[str, str], list[Event]] = {}  # same_event needs equal type and modality
    for ev in ordered:
        ev.participants = list({(p.role, p.entity): p for p in ev.participants}.values())
        bucket = buckets.setdefault((ev.type, ev.modality), [])
        target = next((m for m in bucket if same_event(m, ev)), None)
        if target is None:
            merged.append(ev)
            bucket.append(ev)
        else:
            absorb(target, ev)
    seen: dict[str, int] = {}
    for ev in merged:
        ev.participants.sort(key=lambda p: (p.role, p.entity))
        ev.label = label_event(ev, labels)
        key = event_key(ev)
        seen[key] = seen.get(key, 0) + 1
        ev.key = key if seen[key] == 1 else f"{key}#{seen[key]}"
    return merged
