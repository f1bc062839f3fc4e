"""Persons acting for their factions (the gold convention at signings and meetings, data/gold/README.md):
list the faction *and* each named person who signs or takes part for it.

- **Faction of a person**: a party named right after the person ("Azzam al-Ahmad of Fatah"), else a party in
  the person's title in the text ("Hamas deputy chief X", "Fatah Central Committee member X": the committee's
  parent party), else the only party among the posts the reference layer gives the person at publication
  when *all* the posts held then are party posts (a president of the Palestinian Authority who also chairs
  a party acts for the Authority, so he gets none).
- **Signing**: a person signatory adds his faction as signatory; when another side of the signing is a faction,
  a person without one (a PA president who also chairs a party) signs for the one party he holds a post in.
- **Meeting**: a person participant or leader (a delegation head) adds his faction as participant, but only at
  an inter-factional meeting (two or more factions among the parties and the persons' factions): "Wang met
  Aloul" or "Lavrov will receive Haniyeh and Abu Marzouk" stay person-to-person.

Example:
    >>> from kg.extract.lexicon import EntityInfo, PostInfo, ReferenceIndex
    >>> idx = ReferenceIndex(entities={"f": EntityInfo("Fatah", type_local_name="Party"),
    ...                                "c": EntityInfo("Fatah Central Committee", type_local_name="Organization",
    ...                                                state="f")})
    >>> party_of(idx, "c")
    'f'
"""

from __future__ import annotations

import re

from kg.extract.document import Doc
from kg.extract.lexicon import ReferenceIndex
from kg.extract.records import Event, Participant

_OF_AFTER = re.compile(r",?\s+of\s+(?:the\s+)?$")
_FACTION_ROLE = {"Signing": {"signatory": "signatory"}, "Proposal": {"proposer": "proposer"},
                 "Meeting": {"participant": "participant",
                                                                     "leader": "participant"}}


def party_of(idx: ReferenceIndex, org: str | None) -> str | None:
    """``org`` itself when it is a party, else the party it belongs to (up to 3 parent links), else ``None``.

    Example: see the module docstring.
    """
    for _ in range(4):
        if org is None:
            return None
        if idx.type_of(org) == "Party":
            return org
        info = idx.entities.get(org)
        org = info.state if info else None
    return None


def person_faction(doc: Doc, idx: ReferenceIndex, person: str) -> str | None:
    """The faction ``person`` acts for in ``doc`` (see the module docstring), else ``None``.

    Example:
        >>> from kg.articles.model import Article
        >>> from kg.extract.lexicon import ReferenceIndex
        >>> person_faction(Doc.of(Article(id="a", title=None, body="x")), ReferenceIndex(), "p") is None
        True
    """
    ms = doc.mentions
    for i, m in enumerate(ms):
        if m.entity == person and i + 1 < len(ms) and idx.type_of(ms[i + 1].entity) == "Party" \
                and ms[i + 1].start - m.end <= 12 and _OF_AFTER.fullmatch(doc.body, m.end, ms[i + 1].start):
            return ms[i + 1].entity
    for t in doc.titles:
        if t.person == person and party_of(idx, t.org):
            return party_of(idx, t.org)
    date = (doc.published or "")[:10]
    if not date:
        return None
    parties = _parties_held(idx, person, date)
    return parties.pop() if len(parties) == 1 and None not in parties else None


def _parties_held(idx: ReferenceIndex, person: str, date: str) -> set[str | None]:
    """The parties of the posts ``person`` holds on ``date`` (``None`` for a post outside any party)."""
    return {party_of(idx, p.org) for p in idx.posts.get(person, [])
            if (p.start or "") <= date and (p.end is None or date <= p.end)}


def party_post(idx: ReferenceIndex, person: str, date: str) -> str | None:
    """The one party among the posts ``person`` holds on ``date``, whatever his other posts: the side he
    signs for when the other side is a faction ("Abbas and Hamas chief Mashal signed": Fatah and Hamas).

    Example:
        >>> party_post(ReferenceIndex(), "p", "2012-02-06") is None
        True
    """
    parties = _parties_held(idx, person, date) - {None} if date else set()
    return parties.pop() if len(parties) == 1 else None


def add_factions(ev: Event, doc: Doc, idx: ReferenceIndex, cache: dict[str, str | None]) -> None:
    """Add the factions of ``ev``'s persons in the roles of the module docstring (``cache``: person → faction,
    shared over one document).

    Example:
        >>> from kg.articles.model import Article
        >>> ev = Event(key="", type="Meeting", label="", participants=[Participant("leader", "p", "P")])
        >>> add_factions(ev, Doc.of(Article(id="a", title=None, body="x")), ReferenceIndex(), {})
        >>> [p.role for p in ev.participants]
        ['leader']
    """
    roles = _FACTION_ROLE.get(ev.type)
    if not roles:
        return
    persons = [p for p in ev.participants if p.role in roles and idx.type_of(p.entity) == "Person"]
    if not persons:
        return
    for p in persons:
        if p.entity not in cache:
            cache[p.entity] = person_faction(doc, idx, p.entity)
    if ev.type == "Meeting":
        factions = {p.entity for p in ev.participants if p.role in roles and idx.type_of(p.entity) == "Party"}
        factions |= {cache[p.entity] for p in persons if cache[p.entity]}
        if len(factions) < 2:
            return
    present = {p.entity for p in ev.participants}
    sides = {p.entity for p in ev.participants if p.role in roles and idx.type_of(p.entity) == "Party"}
    sides |= {cache[p.entity] for p in persons if cache[p.entity]}
    for p in persons:
        faction = cache[p.entity]
        if faction is None and ev.type == "Signing" and sides:
            faction = party_post(idx, p.entity, (doc.published or "")[:10])  # "Abbas and Hamas's Mashal signed"
            faction = faction if faction not in sides else None
        if faction and faction not in present:
            ev.participants.append(Participant(roles[p.role], faction, idx.label(faction)))
            present.add(faction)
