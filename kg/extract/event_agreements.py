"""Agreement rules of the event finder: agreements named or described, their mediators, provisions and status.

- an agreement described without a signing verb ("a Hamas-Fatah agreement of the spring 2014") is a
  background Signing reference, resolved by place, time and parties (``kg.extract.resolve``);
- "the Egyptian-brokered deal", "who brokered it": the mediator of the article's signing of that deal;
- "agreed that X would …" and the planned clauses after it are provisions, typed by keywords, with the
  status a later sentence reports ("stalled", "never implemented").

Mixed into ``kg.extract.events.EventFinder``, whose state (document, index, references, events) it reads.

Example:
    >>> bool(BROKERED_DEAL.match("-brokered reconciliation deal"))
    True
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract.cues import (
    RECONCILIATION_CONTEXT,
    STATUS_ANY,
    STATUS_CUES,
    provision_type,
)
from kg.extract.event_context import FACTION_TYPES
from kg.extract.event_roles import passive_before
from kg.extract.merge import BACKGROUND_CONFIDENCE, REPORTED_CONFIDENCE
from kg.extract.records import Event, Mention, ProvisionRecord, TimeSpec
from kg.extract.refs import as_participants
from kg.extract.resolve import resolve_agreement
from kg.extract.text import mint_iri, short_hash

if TYPE_CHECKING:
    from kg.extract.events import Hit

HYPHEN_MEDIATOR = re.compile(r"[-–](?:brokered|mediated|sponsored|hosted)\b")

_AGREEMENT_HEAD = re.compile(r"\b(?:agreement|deal|accord|declaration|pact|memorandum\s+of\s+understanding|charter)\b",
                             re.IGNORECASE)

_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
#: An agreement noun phrase (``describe_agreement``): its determiner before the noun, its "of/in/signed in …" after.
_LAST_DETERMINER = re.compile(r"(?s:.*)(?P<det>\b(?:an?|the|this|that|its|their)\s)", re.IGNORECASE)
#: What follows an agreement noun in its noun phrase ("… reached in the spring of 2014"), up to a punctuation mark
#: or a clause of its own ("… of 2014 but never …").
_NP_RIGHT = re.compile(r"(?:\s+(?:of|in|from|signed\s+in|reached\s+in|concluded\s+in)\s+(?:the\s+)?"
                       r"[^,.;]{0,40}?)(?=[,.;]|$|\s+(?:but|while|which|that|when|after|before)\b)")
#: A word every match of ``_AGREEMENT_HEAD`` holds (see ``Doc.may_contain_in``).
_AGREEMENT_WORDS = ("agreement", "deal", "accord", "declaration", "pact", "memorandum", "charter")

#: Reference entities that place an article in the domain (not states or places: "Egypt signed a trade deal").
_DOMAIN_TYPES = FACTION_TYPES | {"Person", "Agreement", "Government", "GoverningBody"}

_AGREED_THAT = re.compile(r"\bagreed\s+(?:that|to|on)\s+", re.IGNORECASE)

_PROVISION_NEXT = re.compile(r"\b(?:was|were)\s+(?:due|supposed|expected|set|to)\b|\bwould\b|\bas\s+well\b",
                             re.IGNORECASE)

#: "who brokered it", "brokered the deal", "-brokered text": brokering an agreement already reported.
_DEAL = r"(?:deal|agreement|accord|declaration|pact|text|document)\b"
_BROKERED_IT = re.compile(rf"(?:brokered|mediated)\s+(?:it\b|(?:the|this|that)\s+(?:[\w-]+\s+){{0,2}}?{_DEAL}"
                          rf"|(?P<bare>(?:[\w-]+\s+){{0,2}}?{_DEAL}))", re.IGNORECASE)
#: A deal other than the one just signed: its own year, or "separate/another/earlier/previous".
_OTHER_DEAL = re.compile(r"\b(?:19|20)\d\d\b|\b(?:separate|another|earlier|previous|former|other)\b", re.IGNORECASE)

#: "the accord, brokered by Egypt, was signed", "a deal brokered by Qatar": the participle describes the deal.
_DEAL_PARTICIPLE = re.compile(rf"\b{_DEAL}\s*,?\s*$", re.IGNORECASE)
_ROLE_IN_DEAL = re.compile(r"(?:role|efforts?)\b", re.IGNORECASE)
#: "Egyptian-brokered deal", "the Qatari-mediated agreement": a mediator named with an agreement.
BROKERED_DEAL = re.compile(r"[-–](?:brokered|mediated|sponsored)\s+(?:[\w-]+\s+){0,2}?(?:deal|agreement|accord|pact"
                            r"|declaration|understanding)\b")

#: A participle or clause that makes an agreement reference report its signing ("the deal reached in Gaza").
#: A word every match of ``STATUS_ANY`` holds (lower case; see ``Doc.may_contain_in``).
_STATUS_WORDS = ("collapsed", "fell", "broke", "stalled", "faltered", "stagnated", "stalemate", "deadlock", "ground",
                 "impasse", "implemented", "failed")
_SIGNED_REF = re.compile(r"\b(?:signed|reached|concluded|inked|struck|sealed|clinched|initial+ed)\b", re.IGNORECASE)


def _is_agreement(m: Mention) -> bool:
    return m.type == "Agreement"


class AgreementRules:
    """Agreement rules of the event finder (a mixin of ``EventFinder``)."""

    def in_domain(self, pos: int) -> bool:
        """Whether an agreement or signing at ``pos`` is one of the reconciliation process: the article names a
        Palestinian faction, one of the persons, governments or bodies of the reference layer or a reference
        agreement, or its sentence a reconciliation word ("the reconciliation agreement was signed in Cairo"); not
        "The merger agreement was signed in London" in business news."""
        named = self.refs.memo.get("domain")
        if named is None:
            named = self.refs.memo["domain"] = any(m.linked and m.type in _DOMAIN_TYPES for m in self.doc.mentions)
        sent = self.doc.sentence_at(pos)
        return named or bool(self.doc.search(RECONCILIATION_CONTEXT, sent.start, sent.end))

    def agreement_mediators(self, lo: int, hi: int) -> None:
        """"Under the Egyptian-brokered deal": the mediator of the current agreement, wherever it is named; the
        article's signing of that agreement gets it (``run``)."""
        if not self.current_agreement:
            return
        for r in self.refs.starting(lo, hi):
            if self.body.startswith(("-", "–"), r.end) and BROKERED_DEAL.match(self.body, r.end, hi):  # (its start)
                found = self.mediators.setdefault(self.current_agreement, [])
                found += [p for p in as_participants([r], "mediator") if p not in found]

    def brokered_signings(self) -> None:
        """"… in the presence of the emir, who brokered it", "the Yemeni-brokered text": brokering a deal the
        article reports signed names that signing's mediator, not an event of its own. The mediators go to the
        last reported signing before the trigger; "the X-brokered deal" may also name the signing reported
        after it (the gold: mediation is a role of the signing; with no signing, the mediation stays)."""
        signings = [ev for ev in self.events if ev.type == "Signing" and ev.confidence >= REPORTED_CONFIDENCE
                    and ev.evidence]
        for ev in list(self.events):
            if ev.type != "Mediation" or ev.modality != "actual" or not ev.evidence:
                continue
            at = ev.evidence[0].start
            role = _ROLE_IN_DEAL.match(self.body, at)  # "the role of X in reaching the deal"
            hyphen = at > 0 and self.body[at - 1] in "-–"  # "the Egyptian-brokered text"
            deal = _BROKERED_IT.match(self.body, at) if role is None else None
            participle = role is None and bool(_DEAL_PARTICIPLE.search(self.body, max(0, at - 40), at))
            if role is None and not participle and (deal is None or (deal.group("bare") and not hyphen)
                                 or _OTHER_DEAL.search(self.body, deal.end(), min(len(self.body), deal.end() + 30))
                                 or _OTHER_DEAL.search(deal.group())):
                continue  # "brokered a separate declaration", "the Egyptian-brokered deal of 2011": another deal
            mediators = [p for p in ev.participants if p.role == "mediator"]
            if not mediators or len(mediators) != len(ev.participants):
                continue
            before = [s for s in signings if s.evidence[0].start < at]
            after = [s for s in signings if s.evidence[0].start > at] if hyphen or participle else []
            sent = self.doc.sentence_at(at)
            same = [s for s in after if s.evidence[0].start < sent.end] if participle else []
            target = same[0] if same else before[-1] if before else after[0] if after else None
            if target is None:
                continue
            target.participants += [p for p in mediators if p not in target.participants]
            if not role:
                self.events.remove(ev)  # the praise of a role stays a mediation event of its own (the gold)

    def agreement_context(self, lo: int, hi: int, hits: list[Hit]) -> set[int]:
        """Agreements described without a signing verb ("a Hamas-Fatah agreement of the spring 2014");
        returns the starts of the time expressions they use up."""
        taken: set[int] = set()
        if not self.doc.may_contain_in(_AGREEMENT_WORDS, lo, hi):
            return taken  # no agreement noun in the sentence
        covered = [(h.start, h.end + 120) for h in hits if h.type == "Signing"]
        for m in self.doc.finditer(_AGREEMENT_HEAD, lo, hi):
            if any(a <= m.start() <= b for a, b in covered) or self.in_purpose(m.start()) \
                    or self.in_actor_name(m.start(), m.end()):
                continue  # "the government of national accord": a word of a name is no agreement
            info = self.describe_agreement(m.start(), m.end(), lo, hi)
            if info is None:
                continue
            iri, parties, place, time, np_start, np_end = info
            if iri is None:
                continue
            taken.update(t.start for t in self.doc.times_in(np_start, np_end))
            signed = bool(self.doc.search(_SIGNED_REF, np_start, min(hi, np_end + 40)))
            conf = 0.6 if signed else BACKGROUND_CONFIDENCE  # "the Cairo agreement of 2011" names, not reports
            ev = Event(key="", type="Signing", label="", agreement=iri, place=place, time=time,
                       participants=as_participants(parties, "signatory"),
                       evidence=[self.doc.evidence(np_start, np_end, "agreement-reference", conf)], confidence=conf)
            self.events.append(ev)
            self.current_agreement = iri
        return taken

    def describe_agreement(self, head_start: int, head_end: int, lo: int, hi: int):
        """Parties, place and time around an agreement noun; ``(iri, parties, place, time, start, end)``."""
        body = self.body
        left = max(lo, head_start - 70)
        det = _LAST_DETERMINER.match(body[left:head_start])
        np_start = left + det.start("det") if det else head_start
        right = _NP_RIGHT.match(body[head_end:hi])
        np_end = head_end + (right.end() if right else 0)
        names = [m.entity for m in self.doc.mentions_in(np_start, np_end) if m.type == "Agreement"]
        parties = [r for r in self.refs.inside(np_start, np_end) if r.kind != "government"
                   and not HYPHEN_MEDIATOR.match(body, r.end)]  # "the Egyptian-brokered deal": a mediator
        places = [m for m in self.places_in(np_start, np_end, ("City", "State"))
                  if not HYPHEN_MEDIATOR.match(body, m.end)]
        times = self.doc.times_in(np_start, np_end)
        if not (names or times or places):
            return None
        place = places[0].entity if places else None
        time = times[0].spec if times else None
        iri = self.resolve_agreement_iri(names, place, time, [i for r in parties for i in r.iris],
                                         body[np_start:np_end], head_start)
        return iri, parties, place, time, np_start, np_end

    def resolve_agreement_iri(self, names: list[str], place: str | None, time: TimeSpec | None,
                              parties: list[str], text: str, pos: int) -> str | None:
        """The reference agreement fitting names, place, time and parties; else a new one minted from its time
        and place, only when the agreement at ``pos`` is of this domain (``in_domain``); else None."""
        iri = resolve_agreement(self.idx, names=names, place=place, earliest=time.earliest if time else None,
                                latest=time.latest if time else None, parties=parties)
        if iri:
            return iri
        if not (time or place or names) or not self.in_domain(pos):
            return None  # "The merger agreement was signed in London": no agreement node
        name = " ".join(x for x in ((time.earliest or "")[:10] if time else "",
                                    self.idx.label(place) if place else "", "agreement") if x)
        new = mint_iri("agreement", name)
        self.doc.new_entities.setdefault(new, (text.strip() or name, "Agreement"))
        return new

    def attach_agreement(self, h: Hit, ev: Event, lo: int, hi: int) -> None:
        if h.type == "Signing":
            head = self.doc.search(_AGREEMENT_HEAD, h.start, hi)
            passive = passive_before(self.body, h.start)
            if passive:  # "the declaration was signed by …"
                head = ([*self.doc.finditer(_AGREEMENT_HEAD, lo, h.start)] or [None])[-1]
            elif head is None:  # "the agreement (that) Fatah and Hamas signed in Cairo": its object before it
                sent = self.doc.sentence_at(h.start)
                head = ([*self.doc.finditer(_AGREEMENT_HEAD, max(sent.start, h.start - 90), h.start)] or [None])[-1]
            iri = None
            if head:
                info = self.describe_agreement(head.start(), head.end(), lo, hi)
                parties = [p.entity for p in ev.participants]
                names = (info and [m.entity for m in self.doc.mentions_in(head.start() - 60, head.end() + 60)
                                  if m.type == "Agreement"]) or []
                iri = self.resolve_agreement_iri(names, ev.place, ev.time, parties,
                                                 self.body[h.end:head.end()].strip(), head.start())
                if iri is None and info:
                    iri = info[0]
            if iri is None and (passive or (head and _THE_BEFORE.search(self.body, max(0, head.start() - 4),
                                                                         head.start()))):
                iri = self.current_agreement  # "The document was signed by X", "X, who signed the accord for his
                # movement": the agreement just reported
            if iri and ev.modality == "actual":
                ev.agreement = iri
                self.current_agreement = iri
                ag = self.idx.agreements.get(iri)
                if ag and ev.time is None:
                    ev.time = TimeSpec("", None, ag.earliest, ag.latest)
            elif iri:
                ev.agreement = iri
            return
        names = [m.entity for m in self.mentions_where("agreements", _is_agreement, lo, hi)]
        if names:
            ev.agreement = names[0]
        elif self.current_agreement and (h.type in ("Stall", "Collapse") or (
                h.type == "Mediation" and self.doc.search(_AGREEMENT_HEAD, h.start, h.end))):
            ev.agreement = self.current_agreement

    def provision_rules(self, lo: int, hi: int, hits: list[Hit]) -> None:
        """"The parties agreed that X would …" and the planned clause after it → provisions of the current
        agreement."""
        if not self.current_agreement:
            return
        m = self.doc.search(_AGREED_THAT, lo, hi) if self.doc.may_contain_in(("agreed",), lo, hi) else None
        prev = self.provisions[-1] if self.provisions else None
        if m:
            start, end = m.end(), hi - 1 if self.body[hi - 1:hi] in ".!?" else hi
        elif prev and prev.agreement == self.current_agreement and prev.evidence and \
                prev.evidence[-1].end >= self.doc.sentence_at(max(0, lo - 2)).start and \
                self.doc.search(_PROVISION_NEXT, lo, hi):
            cue = self.doc.search(_PROVISION_NEXT, lo, hi)
            start, end = lo, cue.start() if cue else hi
        else:
            return
        label = self.body[start:end].strip()
        ptype = provision_type(label)
        if not label or ptype is None:
            return  # "work as partners who share the same responsibility": no subject an agreement provides for
        for h in hits:
            if h.event is not None and start <= h.start < end and h.event.agreement is None:
                h.event.agreement = self.current_agreement
        self.provisions.append(ProvisionRecord(
            key=f"{self.current_agreement}|{short_hash(label.lower())}", label=label,
            agreement=self.current_agreement, provision_type=ptype,
            evidence=[self.doc.evidence(start, start + len(label), "provision", 0.7)], confidence=0.7))

    def status_rules(self, lo: int, hi: int) -> None:
        if not self.current_agreement or not self.doc.may_contain_in(_STATUS_WORDS, lo, hi) \
                or not self.doc.search(STATUS_ANY, lo, hi):
            return
        for status, pattern in STATUS_CUES:
            m = self.doc.search(pattern, lo, hi)
            if m and self.current_agreement:
                for p in self.provisions:
                    if p.agreement == self.current_agreement and p.status is None:
                        p.status = status
                        p.evidence.append(self.doc.evidence(m.start(), m.end(), "provision-status", 0.6))
                return
