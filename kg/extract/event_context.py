"""Rules of the event finder that look beyond the trigger's sentence: what a later sentence adds to an event
just reported.

- anaphoric meetings ("The talks were hosted by X") continue the last meeting; delegation heads ("The Fatah
  delegation was led by X") lead the passage's first meeting; "the delegation included A and B" adds members;
- "the ceremony in Ramallah" places the swearing-in or signing just reported, "in the presence of X" / "X, who
  attended the closing ceremony" adds a guest; "Lavrov received the delegations" is where the meeting is;
- "The decree, announced on Friday night" dates the decree just reported; a handover with no agent continues
  the one before.
Each later mention must be about the same occasion (``ContextRules.same_occasion``): no future or
other-occasion words, and times that fit.

Mixed into ``kg.extract.events.EventFinder``, whose state (document, index, references, events) it reads.

Example:
    >>> bool(_OTHER_OCCASION.search("Next week the ceremony will mark its anniversary."))
    True
"""

from __future__ import annotations

import datetime as dt
import re

from kg.extract.event_links import (
    add_leader,
    delegation_heads,
    delegation_sides,
)
from kg.extract.merge import REPORTED_CONFIDENCE, absorb
from kg.extract.records import Event, TimeSpec
from kg.extract.refs import (
    as_participants,
)
from kg.extract.resolve import overlaps

#: Actor types that are factions (parties, umbrella organisations).
FACTION_TYPES = frozenset({"Party", "UmbrellaOrganization"})

#: "The Hamas delegation included …", "the delegation would include …", "the delegation comprised …".
_DELEGATION_INCLUDED = re.compile(r"\bdelegations?\s+(?:(?:would|will|is\s+to|was\s+to)\s+)?(?:included|include"
                                  r"|includes|comprised|comprises|was\s+made\s+up\s+of)\s+", re.IGNORECASE)

#: Where a list of delegation members ends: ", and that …", a semicolon, a verb clause.
_LIST_END = re.compile(r",?\s+and\s+(?:that|it|they|the)\b|;|\s(?:who|which|said|to)\s")

#: "The decree, announced on Friday night", "The agreement, signed on 12 October": the time of an event just
#: reported (the participle's own preposition is matched; the time must follow it directly).
_DATED_ANAPHOR = re.compile(r"\b(?-i:The)\s+(?P<noun>decree|agreement|deal|declaration|accord|meeting|talks)\s*,?\s+"
                            r"(?:which\s+was\s+)?(?:announced|issued|signed|reached|held|concluded|sealed|published)"
                            r"\s+(?:late\s+|early\s+)?(?:on|in)\s+", re.IGNORECASE)

_ANAPHOR_TYPES = {"decree": "Decree", "agreement": "Signing", "deal": "Signing", "declaration": "Signing",
                  "accord": "Signing", "meeting": "Meeting", "talk": "Meeting"}

#: "received the delegations", "met the participants": the guests of a meeting already reported.
_THE_VISITORS = re.compile(r"\s+the\s+(?:visiting\s+|Palestinian\s+|factions['’]\s+)?(?:delegations|participants"
                           r"|delegates|visitors)\b")

#: "… received the delegations in his palace": a venue of its own.
_OWN_VENUE = re.compile(r"\s+(?:in|at)\s+(?:his|her|its|their|the)\b")

_LATER = re.compile(r"\b(?:later|afterwards|after\s+that)\b", re.IGNORECASE)

#: "the ceremony in Ramallah", "the signing ceremony at Cairo": the place of a ceremony just reported
#: A sentence about the future or another occasion than the event just reported.
_OTHER_OCCASION = re.compile(r"\b(?:will|would|next\s+(?:week|month|year)|last\s+year|another|other|separate"
                             r"|anniversary|had\s+been)\b", re.IGNORECASE)

_FUTURE_WORD = re.compile(r"will|would", re.IGNORECASE)

_CEREMONY_IN = re.compile(r"\bthe\s+(?:swearing-in\s+|signing\s+)?ceremony\s+(?:in|at)\s+(?:the\s+)?")

#: "The signing took place … in the presence of X" (``by``: the guest follows), "X, who attended the closing
#: ceremony" / "X attended the signing" (the guest precedes).
_CEREMONY_GUEST = re.compile(r"(?P<by>\b(?-i:The)\s+(?:signing|(?:signing\s+|closing\s+)?ceremony)\s+"
                             r"(?:took\s+place|was\s+held)\b[^.;]{0,80}?\bin\s+the\s+presence\s+of\s+)"
                             r"|\battended\s+the\s+(?:(?:signing|closing)\s+ceremony|ceremony|signing)\b",
                             re.IGNORECASE)

_GUEST_GAP = re.compile(r"(?:the\s+)?(?:[A-Z][\w-]*\s+){0,3}")  # "President ", "Foreign Minister "

_GUEST_BEFORE = re.compile(r"(?:,\s+(?:who|which)\s+(?:also\s+)?|\s+(?:also\s+)?)")

#: "It was the first time China had hosted the two rivals": the host of the meeting just reported.
_HOSTED_THEM = re.compile(r"\b(?:hosted|hosts|host)\s+(?:the\s+|both\s+)?(?:two\s+|rival\s+|Palestinian\s+)*"
                          r"(?:rivals|sides|factions|movements|delegations)\b")

_HOST_GAP = re.compile(r"\s+(?:(?:had|has|have|also|already|first)\s+)*")


def _days(iso: str) -> int:
    """Days since 1 January 1 of an ISO date (its first ten characters)."""
    return dt.date.fromisoformat(iso[:10]).toordinal()


def _apart(a: TimeSpec | None, b: TimeSpec | None, slack: int = 0) -> bool:
    """Whether two known times are of different occasions: they do not overlap and (with ``slack`` days) ``a``
    starts more than ``slack`` days from ``b``'s end."""
    if not (a and b and a.earliest and b.earliest) or overlaps(a.earliest, a.latest, b.earliest, b.latest):
        return False
    return not slack or abs(_days(a.earliest) - _days(b.latest or b.earliest)) > slack


class ContextRules:
    """Rules of the event finder that look beyond the trigger's sentence (a mixin of ``EventFinder``)."""

    def recent(self, pos: int, sentences: int, types: tuple[str, ...], reported: bool = True) -> list[Event]:
        """The events of ``types`` reported before ``pos`` in its sentence and the ``sentences`` before it, in
        order (``reported``: background references left out)."""
        k = self.doc.sentence_at(pos).index
        lo = self.doc.sentences[max(0, k - sentences)].start if self.doc.sentences else 0
        return [e for e in self.events if e.type in types and e.evidence and lo <= e.evidence[0].start < pos
                and (not reported or e.confidence >= REPORTED_CONFIDENCE)]

    def continue_meetings(self) -> None:
        """Anaphoric meetings ("The talks were hosted by X") and delegation heads named in a later sentence
        go to the last meeting of the sentences before (a delegation head to the first one of the passage: the
        meeting it is about, not one mentioned in passing after it)."""
        for ev in self.anaphors:
            target = self.last_meeting(ev.evidence[0].start, 2, exclude=ev) or \
                self.last_meeting(ev.evidence[0].start, len(self.doc.sentences), exclude=ev, first=True)
            if ev not in self.events or (target is None and (ev.participants or ev.place or ev.time)):
                continue  # no meeting before: "The talks in Cairo ended on Tuesday" reports one
            self.events.remove(ev)  # a reference to a meeting, not a new one
            if target is not None:
                absorb(target, ev)
        persons = [m for m in self.doc.mentions if m.type == "Person"]
        for m in _HOSTED_THEM.finditer(self.body) if "host" in self.body else ():  # "host" is in every match
            host = [r for r in self.refs.starting(max(0, m.start() - 30), m.start())
                    if _HOST_GAP.fullmatch(self.body, r.end, m.start())]
            target = self.last_meeting(m.start(), 4) if host else None
            if target is not None and not any(p.role == "host" for p in target.participants):
                target.participants += [p for p in as_participants(host[-1:], "host") if p not in target.participants]
        for s in self.doc.sentences:
            # every match of the delegation patterns holds one of these words (else no heads: nothing to do)
            heads = delegation_heads(self.body, s.start, s.end, persons) \
                if self.doc.may_contain_in(("delegation", "represented"), s.start, s.end) else []
            semi = self.body.rfind(";", s.start, heads[0].start) if heads else -1  # "…; X led his delegation"
            target = self.last_meeting(s.start if semi < 0 else semi, 4, first=True) if heads else None
            for person in heads if target is not None else ():
                add_leader(target, person)
            for a, b in delegation_sides(self.body, s.start, s.end, persons) if target is not None else ():
                sides = [r for r in self.refs.inside(a, b)
                         if all(self.idx.type_of(i) in FACTION_TYPES for i in r.iris)]
                target.participants += [p for p in as_participants(sides, "participant")
                                        if p not in target.participants]

    def last_meeting(self, pos: int, sentences: int, exclude: Event | None = None, first: bool = False) -> Event | None:
        """The last (``first``: the first) reported, actual meeting starting before ``pos`` within ``sentences``
        sentences."""
        cands = [e for e in self.recent(pos, sentences, ("Meeting",)) if e is not exclude and e.modality == "actual"]
        return (cands[0] if first else cands[-1]) if cands else None

    def delegation_members(self) -> None:
        """"The Hamas delegation included Saleh al-Arouri and Mousa Abu Marzouk", "the delegation would include
        …": the persons listed take part in the last meeting of the three sentences before (or this one), in
        whatever modality it was reported."""
        for m in _DELEGATION_INCLUDED.finditer(self.body) if self.doc.may_contain("delegation") else ():
            cands = self.recent(m.start(), 3, ("Meeting",))
            if not cands or not self.same_occasion(cands[-1], m.start(), m.end()):
                continue
            s_end = self.doc.sentence_at(m.start()).end
            stop = _LIST_END.search(self.body, m.end(), s_end)
            persons = [r for r in self.refs.inside(m.end(), stop.start() if stop else s_end)
                       if self.idx.type_of(r.iris[0]) == "Person"]
            have = {p.entity for p in cands[-1].participants}
            cands[-1].participants += [p for p in as_participants(persons, "participant") if p.entity not in have]

    def handover_agents(self) -> None:
        """"Hamas handed control of the crossings to the PA on Wednesday. Officials of the government took over
        the Rafah crossing …": a handover with no agent continues the one of the two sentences before, whose agent
        it takes."""
        for ev in self.events:
            if ev.type != "Handover" or not ev.evidence or any(p.role == "agent" for p in ev.participants):
                continue
            before = [e for e in self.recent(ev.evidence[0].start, 2, ("Handover",), reported=False)
                      if e is not ev and e.modality == ev.modality]
            if before and _apart(ev.time, before[-1].time):
                continue  # "In 2005, Israel withdrew and the PA took over the Rafah crossing": another handover
            agents = [p for p in before[-1].participants if p.role == "agent"] if before else []
            ev.participants += [p for p in agents if p.entity not in {q.entity for q in ev.participants}]

    def visitors_place(self) -> None:
        """"Lavrov received the delegations on Tuesday", "Lavrov met the participants": a meeting with the
        guests of a meeting just reported, and no place of its own, is where that meeting is."""
        for ev in self.events:
            if ev.type != "Meeting" or ev.place is not None or not ev.evidence \
                    or not _THE_VISITORS.match(self.body, ev.evidence[0].end):
                continue
            before = self.last_meeting(ev.evidence[0].start, 3, exclude=ev)
            if before is not None and before.place is not None and not _apart(ev.time, before.time, 7) \
                    and not _OWN_VENUE.match(self.body, _THE_VISITORS.match(self.body, ev.evidence[0].end).end()) \
                    and not _LATER.search(self.body, self.doc.sentence_at(ev.evidence[0].start).start,
                                          ev.evidence[0].start):
                ev.place = before.place

    def anaphor_times(self) -> None:
        """"The decree, announced on Friday night after …": a participle after an anaphoric noun dates the last
        event of its type (in the two sentences before, or earlier in this one) that has no time."""
        for m in self.doc.scan(_DATED_ANAPHOR, ("the",)) if self.doc.may_contain(*_ANAPHOR_TYPES) else ():
            type_ = _ANAPHOR_TYPES[m.group("noun").lower().rstrip("s")]
            when = next((t for t in self.doc.times_in(m.end(), m.end() + 40) if t.start == m.end()), None)
            if when is None:
                continue
            cands = self.recent(m.start(), 2, (type_,))
            if cands and cands[-1].time is None:
                cands[-1].time = when.spec

    def same_occasion(self, ev: Event, start: int, end: int) -> bool:
        """Whether a later mention at ``[start, end)`` ("the ceremony", "received the delegations") can be about
        ``ev``: its sentence is not about the future or another occasion, and the times it names fit ``ev``'s."""
        s = self.doc.sentence_at(start)
        other = _OTHER_OCCASION.search(self.body, s.start, s.end)
        if other and not (ev.modality != "actual" and _FUTURE_WORD.fullmatch(other.group())):
            return False  # "will/would" fits an event still ahead
        times = self.doc.times_in(s.start, s.end)
        return not (ev.time and ev.time.earliest and times and not any(
            overlaps(t.spec.earliest, t.spec.latest, ev.time.earliest, ev.time.latest) for t in times))

    def ceremony_guests(self) -> None:
        """"The signing took place … in the presence of President X", "X, who attended the closing ceremony":
        X is a participant of the last signing of the three sentences before (or of this one)."""
        for m in _CEREMONY_GUEST.finditer(self.body) if self.doc.may_contain("ceremony", "signing") else ():
            if m.group("by"):
                guests = [r for r in self.refs.starting(m.end(), m.end() + 60)
                          if _GUEST_GAP.fullmatch(self.body, m.end(), r.start)][:1]
            else:
                guests = [r for r in self.refs.starting(max(0, m.start() - 60), m.start())
                          if _GUEST_BEFORE.fullmatch(self.body, r.end, m.start())][-1:]
            cands = [e for e in self.recent(m.start(), 3, ("Signing",)) if e.modality == "actual"]
            if cands and not self.same_occasion(cands[-1], m.start(), m.end() + 60):
                continue  # "Lavrov attended the ceremony in Moscow for another deal on Friday"
            if guests and cands:
                have = {p.entity for p in cands[-1].participants}
                cands[-1].participants += [p for p in as_participants(guests, "participant") if p.entity not in have]

    def ceremony_places(self) -> None:
        """"… could not attend the ceremony in Ramallah": the place of the last swearing-in or signing of the two
        sentences before that has none."""
        for m in _CEREMONY_IN.finditer(self.body) if self.doc.may_contain("ceremony") else ():
            place = next(iter(self.places_in(m.end(), m.end() + 40, ("City", "Territory"))), None)
            cands = [e for e in self.recent(m.start(), 2, ("SwearingIn", "Signing")) if e.modality == "actual"
                     and e.evidence[0].rule.startswith("trigger")]  # a deal named in passing had no ceremony here
            if place is not None and place.start == m.end() and cands and cands[-1].place is None \
                    and self.same_occasion(cands[-1], m.start(), m.end() + 40):
                cands[-1].place = place.entity
