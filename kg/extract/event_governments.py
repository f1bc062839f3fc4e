"""Government rules of the event finder: which cabinet an event is about, and its roles.

- "the government led by / of Prime Minister X", "the Hamas-led government" resolve to the reference
  government in office at the event's time (``kg.extract.resolve.resolve_government``); a named government
  that did not exist then yields to the agreement and the time;
- a government dismissed is the ``target`` (its head is no actor); one that resigned is the ``agent``;
- "X's government" / "a government headed by X" gives the head as ``leader`` of a formation or swearing-in.

Mixed into ``kg.extract.events.EventFinder``, whose state (document, index, references, events) it reads.

Example:
    >>> bool(HEADED_BY.search("a new cabinet headed by Finance Minister "))
    True
"""

from __future__ import annotations

import re

from kg.extract.records import Event, Participant
from kg.extract.refs import actor_refs
from kg.extract.resolve import resolve_government

#: The head of a government just before its name: "headed by Finance Minister X", "of Prime Minister X".
HEADED_BY = re.compile(r"\b(?:headed|led|chaired)\s+by\s+(?:[\w'’-]+\s+){0,6}?$|\bof\s+(?:Prime\s+Minister\s+)?$",
                        re.IGNORECASE)

#: The head named before "'s government" / ", whose cabinet".
_WHOSE_GOV = re.compile(r"(?:[’']s\s+|,\s+whose\s+)(?:[\w-]+\s+){0,2}?(?:government|cabinet)\b", re.IGNORECASE)


class GovernmentRules:
    """Government rules of the event finder (a mixin of ``EventFinder``)."""

    def government_leader(self, lo: int, hi: int, exclude: set[str]):
        """The head of the government named in ``[lo, hi)``: a person after "headed/led by" or "of", before
        "'s government" or ", whose cabinet", else one titled prime minister (a president only as a last resort)."""
        everyone = [m for m in self.doc.mentions_in(lo, hi) if m.type == "Person"]
        whose = next((m for m in everyone if _WHOSE_GOV.match(self.body, m.end)), None)
        if whose:  # "X, whose government resigned": X heads it, even as the sentence's actor
            return whose
        persons = [m for m in everyone if m.entity not in exclude]
        for m in persons:
            if HEADED_BY.search(self.body, max(lo, m.start - 70), m.start) or _WHOSE_GOV.match(self.body, m.end):
                return m
        titled = [(m, t.title) for m in persons for t in self.doc.titles if t.person == m.entity]
        return next((m for m, t in titled if re.search(r"\b(?:prime|premier)\b", t, re.IGNORECASE)), None) or \
            next((m for m, t in titled if re.search(r"\b(?:minister|president)\b", t, re.IGNORECASE)), None)

    def resolve_government_event(self, ev: Event, lo: int, hi: int) -> None:
        """Government formed/sworn in/dismissed: leader from "headed by X"/"of Prime Minister X"/"X's
        government"; the government from its name, its leader, the agreement in the sentence and the time."""
        ms = self.doc.mentions_in(lo, hi)
        tendered = ev.type == "Collapse" and bool(ev.evidence) and ev.evidence[0].quote.lower().endswith("resignation")
        others = {p.entity for p in ev.participants if p.role in ("participant", "agent")
                  and ev.type in ("SwearingIn", "Collapse") and not tendered}  # "X submitted his government's
        # resignation": X heads the government that resigns
        if ev.type == "SwearingIn" and ev.evidence and ev.evidence[0].quote.lower().startswith("took"):
            sworn = {m.entity for m in self.doc.mentions_in(lo, ev.evidence[0].start)}  # "X took the oath before
            others -= sworn  # Y": X is sworn in (and may head the government), Y administers it
        leader = self.government_leader(lo, hi, others)
        names = [m.entity for m in ms if m.type == "Government"]
        agreement = next((e.agreement for e in self.events if e.agreement and e.evidence
                          and lo <= e.evidence[0].start < hi), None)
        t = ev.time
        gov = resolve_government(self.idx, names=names, leader=leader.entity if leader else None,
                                 agreement=agreement if agreement in self.idx.agreements else None,
                                 earliest=t.earliest if t and ev.type == "Collapse" else None,
                                 latest=t.latest if t and ev.type == "Collapse" else None)
        if gov is None and names and leader:  # a generic alias ("unity government") with another head
            gov = resolve_government(self.idx, leader=leader.entity,
                                     earliest=t.earliest if t and ev.type == "Collapse" else None,
                                     latest=t.latest if t and ev.type == "Collapse" else None)
        if gov is None and names and (agreement in self.idx.agreements or (t and ev.type == "Collapse")):
            # the alias names another cabinet than the one the agreement or the time points to
            gov = resolve_government(self.idx, agreement=agreement if agreement in self.idx.agreements else None,
                                     earliest=t.earliest if t and ev.type == "Collapse" else None,
                                     latest=t.latest if t and ev.type == "Collapse" else None)
        if gov is None and names:
            gov = names[0]
        if gov is None:
            unlinked = [m for m in ms if m.type == "Government"]
            gov = unlinked[0].entity if unlinked else None
        ev.government = gov
        if gov:
            self.relink_government(lo, hi, gov)
        ev.participants = [p for p in ev.participants if p.entity != gov]
        if ev.type == "Collapse":
            self.collapse_roles(ev, gov, leader)
            return
        if leader and not any(p.entity == leader.entity for p in ev.participants):
            ev.participants.append(Participant("leader", leader.entity, leader.label))
        elif leader:
            ev.participants = [Participant("leader", p.entity, p.label) if p.entity == leader.entity else p
                               for p in ev.participants]

    def collapse_roles(self, ev: Event, gov: str | None, leader) -> None:
        """A government dismissed is the target (its head is no actor); one that resigned is the agent."""
        trigger = ev.evidence[0].quote.lower() if ev.evidence else ""
        tendered = trigger.endswith("resignation")  # "X submitted (his government's) resignation": X acts too
        drop = {leader.entity} if leader and not tendered else set()
        drop |= {p.entity for p in ev.participants if p.role == "leader"}
        ev.participants = [p for p in ev.participants if p.entity not in drop]
        if gov is None:
            return
        ev.agreement = None  # a government ends, not the current agreement
        role = "agent" if re.match(r"(?:resign|collaps|fell|broke|crumbl)|.*resignation$", trigger) else "target"
        if role == "agent" and not tendered:  # it resigned or fell apart by itself: the government acts
            ev.participants = [p for p in ev.participants if p.role != "agent"]
        ev.participants.append(Participant(role, gov, self.idx.label(gov)))

    def relink_government(self, lo: int, hi: int, gov: str) -> None:
        """Unlinked "… Government" mentions in the sentence become mentions of the resolved government."""
        if gov not in self.idx.governments:
            return
        changed = False
        mentions = []
        for m in self.doc.mentions:
            if lo <= m.start < hi and m.type == "Government" and not m.linked:
                self.doc.new_entities.pop(m.entity, None)
                m = type(m)(gov, self.idx.label(gov), "Government", m.text, m.start, m.end, True,
                            self.doc.evidence(m.start, m.end, "government-resolve", 0.8))
                changed = True
            mentions.append(m)
        if changed:
            self.doc.set_mentions(mentions)
            self.refs = actor_refs(self.doc, self.idx, self.controllers)
