"""Role conventions per event type, applied after the generic subject/object rules of ``kg.extract.events``.

- passives ("was sworn in", "was postponed", "was signed by X") have no subject actor: the actors before the
  trigger are dropped (the by-phrase and ``at X's request`` give the agent);
- SwearingIn: "before X" and "X swore in" → participant (who administers the oath); the head of the
  government is its leader (``resolve_government_event``);
- Collapse: "X dismissed/dissolved Y" → agent X, target the government dismissed; "Y resigned" → agent Y;
- Decree: "X named/appointed Y" → agent X, recipient Y (a person must follow the verb);
  "the decree X issued" → agent X;
- Mediation: "X's role in reaching the deal", "the role played by X in reaching …" → mediator X only;
- Meeting: "X received Y" → host X, participant Y; "X hosted/organised talks" → host X; "X chaired" → leader;
- Postponement: "at X's request" / "at the request of X" → agent X;
- Proposal: "X invited Y to …" → recipient Y; "X's initiative", "an initiative by X", "an initiative X
  announced" → proposer X (a bare "initiative" is not an event).

Example:
    >>> passive_before("The government was sworn in", 19)
    True
    >>> passive_before("Abbas swore in", 6)
    False
"""

from __future__ import annotations

import re

from kg.extract.records import Participant
from kg.extract.refs import Refs, as_participants, groups

_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_REQUEST = re.compile(r"\bat\s+(?:the\s+)?(?:request|behest|demand)\s+of\s+(?:the\s+)?$|\bat\s+$", re.IGNORECASE)
_REQUEST_AFTER = re.compile(r"^(?:[’']s)?\s+(?:request|behest|demand)\b", re.IGNORECASE)
_BEFORE = re.compile(r"\bbefore\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?$", re.IGNORECASE)
_HOST_GOVERNOR = re.compile(r"^(?:hosted|host|hosts|organi[sz]ed|organi[sz]e|convened|convene|sponsored)$",
                            re.IGNORECASE)
_ENDED_BODY = re.compile(r"\s+(?:it\b|them\b|(?:the|its|his|her|their|a|(?-i:[A-Z])[\w-]*[’']s)\s+(?:[\w’'-]+\s+){0,5}?"
                         r"(?:government|cabinet"
                         r"|committee|council|parliament|legislature|administration|body)\b)", re.IGNORECASE)
#: The body a relative clause dismissed or dissolved: "the (Haniyeh-led) government (that) X dismissed".
_ENDED_BODY_BEFORE = re.compile(r"\b(?P<body>(?:government|cabinet|committee|council|parliament|legislature"
                                r"|administration))(?:,?\s+(?:that|which)\s+|\s+)$", re.IGNORECASE)
#: A government named by its head word (resolved to the reference government later, not linked as a body).
_GOV_END = re.compile(r"(?:government|cabinet)$", re.IGNORECASE)
#: What can collapse (break down, fall apart) in this domain: a government, a deal, talks, the reconciliation.
_COLLAPSING = re.compile(r"\b(?:government|cabinet|coalition|administration|talks|negotiations|dialogue|deal|agreement"
                         r"|accord|pact|declaration|understanding|reconciliation|truce|ceasefire|unity|partnership"
                         r"|process|efforts?|initiative|arrangement|it|they)\b", re.IGNORECASE)
_OF_GOVERNMENT = re.compile(r"\s+of\s+(?:the\s+|his\s+|her\s+|its\s+)?(?:(?-i:[A-Z])[\w-]*[’']s\s+)?(?:[\w-]+\s+){0,3}?"
                            r"(?:government|cabinet)\b(?![’']s)", re.IGNORECASE)  # not "the government's spokesman'
#: "… resignation to (President) X": the addressee.
_TO_RIGHT_BEFORE = re.compile(r"\bto\s+(?:the\s+)?(?:(?-i:[A-Z])[\w.-]*\s+){0,3}$")
_CHAIR = re.compile(r"\bchair(?:ed|ing|s)?\b", re.IGNORECASE)
_HE_BEFORE = re.compile(r"\b(?:he|she)\s+(?:had\s+|has\s+)?$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"^\s*[’']s?\s+(?:[\w-]+\s+){0,2}$")
_ANNOUNCED = re.compile(r"^\s+(?:announced|launched|unveiled|presented|put\s+forward)\b", re.IGNORECASE)
_LAUNCHED_BEFORE = re.compile(r"\b(?:announced|launched|unveiled|presented|put\s+forward|proposed|floated)\s+"
                              r"(?:an?|the|its|their|a\s+new)\s+(?:[\w-]+\s+){0,2}?$", re.IGNORECASE)
_BY_AFTER = re.compile(r"^\s+(?:\w+\s+)?by\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?$", re.IGNORECASE)


def passive_before(body: str, pos: int) -> bool:
    """True when an auxiliary of the passive stands right before ``pos`` ("was sworn in", "were postponed").

    Example: see the module docstring.
    """
    return bool(_PASSIVE.search(body, max(0, pos - 20), pos))


_LONG_TERM = re.compile(r"\b(?:since|until|for\s+(?:years|decades|months|a\s+long\s+time)|for\s+the\s+past)\b",
                        re.IGNORECASE)
_PERFECT_BEFORE = re.compile(r"\b(?:has|have|had)\s+(?:long\s+)?$", re.IGNORECASE)
#: Visitors received without a name ("received the delegations"): the receiver's meeting all the same.
_VISITORS = re.compile(r"\s+(?:the\s+)?(?:delegations?|participants|leaders|visitors?)\b", re.IGNORECASE)


#: The whole trigger "elected" / "re-elected" (``apply_conventions``).
_ELECTED = re.compile(r"(?:re-)?elected", re.IGNORECASE)


def _first_list(body: str, refs: list) -> list:
    """The first reference of ``refs`` with those coordinated with it ("A, B and C")."""
    return groups(Refs(refs), body, refs[0].start, refs[-1].end)[0] if refs else []


def _refs_in(refs: Refs, lo: int, hi: int) -> list:
    return refs.inside(lo, hi)


def apply_conventions(type_: str, body: str, refs: list, start: int, end: int, lo: int, hi: int,
                      participants: list[Participant], governor: str | None) -> list[Participant] | None:
    """Participants of a trigger ``body[start:end]`` in clause ``[lo, hi)`` after the type's conventions;
    ``None`` when the trigger is not an event of ``type_`` after all (an appointment without a person).

    Example:
        >>> apply_conventions("Proposal", "an initiative", [], 3, 13, 0, 13, [], None) is None
        True
    """
    refs = refs if isinstance(refs, Refs) else Refs(refs)
    after = _refs_in(refs, end, hi)
    first_after = after[0] if after and after[0].start - end <= 40 else None
    if type_ == "SwearingIn":
        for r in after:
            if _BEFORE.search(body, max(end, r.start - 30), r.start):
                participants += as_participants([r], "participant")
    elif type_ == "Postponement":
        for r in _refs_in(refs, lo, hi):
            if _REQUEST.search(body, max(lo, r.start - 30), r.start) or _REQUEST_AFTER.match(body[r.end:r.end + 12]):
                participants += as_participants([r], "agent")
    elif type_ == "Collapse" and re.match(r"dismiss|sack|dissolv", body[start:end], re.IGNORECASE):
        ended = _ENDED_BODY.match(body, end)
        subject = [r for r in _refs_in(refs, lo, start) if not body[r.end:start].strip()]
        relative = _ENDED_BODY_BEFORE.search(body, max(lo, subject[-1].start - 60), subject[-1].start) \
            if subject and not ended else None
        if relative:  # "the government (that) Abbas dismissed in June": the body before the subject
            return participants + as_participants([r for r in _refs_in(refs, lo, relative.end()) if r.end ==
                                                   relative.end("body") and not _GOV_END.search(
                                                       body, r.start, r.end)], "target")
        if not ended:
            return None  # "dismissed the report": only a government or body can be dismissed or dissolved
        participants += as_participants([r for r in after if r.end == ended.end() and not _GOV_END.search(
            body, r.start, r.end)], "target")  # "dissolved the
        # Palestinian Legislative Council": a body named in full (a government is resolved later)
    elif type_ == "Collapse" and re.match(r"collaps|broke|fell|crumbl", body[start:end], re.IGNORECASE):
        if not _COLLAPSING.search(body, max(lo, start - 80), start):
            return None  # "after its lists had collapsed": only a government, a deal or talks collapse here
    elif type_ == "Collapse" and re.match(r"resign", body[start:end], re.IGNORECASE):
        if not re.search(r"\b(?:government|cabinet)\b", body[lo:start], re.IGNORECASE):
            return None  # a person resigning is a change of post, not a collapse
    elif type_ == "Collapse" and body[start:end].lower().endswith("resignation"):
        if not (re.search(r"\b(?:government|cabinet)\b(?![’']s)", body[lo:start], re.IGNORECASE)
                or re.search(r"\b(?:government|cabinet)[’']s\s+(?:collective\s+)?resignation\b", body[lo:end],
                             re.IGNORECASE)
                or _OF_GOVERNMENT.match(body, end)):
            return None  # "accepted the resignation of the minister": a change of post
        if body[start:end].lower().startswith("accept"):  # "Abbas accepted the resignation": he receives it
            participants = [Participant("recipient", p.entity, p.label) if p.role == "agent" else p
                            for p in participants]
        participants += as_participants([r for r in after if _TO_RIGHT_BEFORE.search(body, max(end, r.start - 45),
                                                                                      r.start)], "recipient")
    elif type_ == "Decree" and body[start:end].lower() == "decree":  # "the decree X issued": X after the noun
        issued = re.compile(r"\bissued\b").search(body, end, hi)
        participants = as_participants(_refs_in(refs, end, issued.start()) if issued else [], "agent")
    elif type_ == "Mediation" and re.match(r"role|effort", body[start:end], re.IGNORECASE):
        # "Egypt's role in reaching the deal", "the role played by Egypt in reaching …": the mediator only
        owner = [r for r in _refs_in(refs, max(lo, start - 30), start) if _POSSESSIVE.match(body[r.end:start])]
        participants = as_participants(owner or _refs_in(refs, start, end), "mediator")
        if not participants:
            return None
    elif type_ == "Decree" and re.match(r"nam|appoint|nominat", body[start:end], re.IGNORECASE):
        if first_after is None or not body[end:first_after.start].strip() == "" or first_after.kind != "mention":
            return None
        participants += as_participants([first_after], "recipient")
    elif type_ == "Meeting":
        if body[start:end].lower().startswith("receiv") and passive_before(body, start):
            subject = {i for r in _refs_in(refs, lo, start) for i in r.iris}
            participants = [Participant("participant", p.entity, p.label) if p.role == "host" and p.entity in subject
                            else p for p in participants]  # "X was received by Y": Y (by-phrase) hosts X
        elif body[start:end].lower().startswith("host"):  # "X hosted A and B": the guests take part
            guests = [r for r in after if r.start - end <= 60]
            if not guests or _LONG_TERM.search(body, end, hi) or _PERFECT_BEFORE.search(body, max(lo, start - 12),
                                                                                         start):
                return None  # "Qatar has hosted Hamas's bureau since 2012": a long stay, not a meeting
            participants = [p for p in participants if p.role != "participant"] \
                + as_participants(_first_list(body, guests), "participant")
        elif body[start:end].lower().startswith("receiv"):
            if first_after is None and not _VISITORS.match(body, end):
                return None
            if first_after is None:  # "X received the delegations": X hosts the meeting they came to
                return participants
            participants = [p for p in participants if p.role != "participant"] \
                + as_participants([first_after], "participant")
        elif governor and _HOST_GOVERNOR.match(governor):
            subject = {i for r in _refs_in(refs, lo, start) for i in r.iris}
            participants = [Participant("host", p.entity, p.label) if p.role == "participant" and p.entity in subject
                            else p for p in participants]
        chair = _CHAIR.search(body, lo, hi)
        if chair:
            who = [r for r in _refs_in(refs, lo, chair.start()) if chair.start() - r.end <= 12]
            who = who[-1:] or [r for r in _refs_in(refs, chair.end(), hi) if r.start - chair.end() <= 30][:1]
            if not who and _HE_BEFORE.search(body, max(lo, chair.start() - 12), chair.start()):
                who = _refs_in(refs, lo, chair.start())[:1]  # "X spoke at a meeting that he chaired": X
            ids = {i for r in who for i in r.iris}
            participants = [p for p in participants if p.entity not in ids] + as_participants(who, "leader")
    elif type_ == "Proposal" and body[start:end].lower() in ("initiative", "peace plan"):
        proposer = [r for r in _refs_in(refs, max(lo, start - 30), start) if _POSSESSIVE.match(body[r.end:start])]
        if not proposer and _ANNOUNCED.match(body[end:hi]):
            proposer = [r for r in _refs_in(refs, end, min(hi, end + 40))][:1]
        if not proposer:  # "Algeria launched an initiative": the subject of the verb before the noun
            verb = _LAUNCHED_BEFORE.search(body, max(lo, start - 40), start)
            proposer = [r for r in _refs_in(refs, max(lo, verb.start() - 60), verb.start())][-1:] if verb else []
        if not proposer:
            proposer = [r for r in after if _BY_AFTER.match(body[end:r.start])][:1]
        if not proposer:
            return None
        participants = as_participants(proposer, "proposer")
    elif type_ == "Election" and _ELECTED.fullmatch(body, start, end):
        if first_after is None or first_after.kind != "mention":
            return None  # "elected Palestinian officials": no winner named
        participants += as_participants([first_after], "winner")
    elif type_ == "Consultation" and body[start:end].lower().startswith("discuss"):
        partner = re.compile(r"\bwith\s+").search(body, end, hi)
        if partner is None or not _refs_in(refs, partner.end(), min(hi, partner.end() + 40)):
            return None  # "discussed the deal with reporters": no consultation between actors
    elif type_ == "Proposal" and body[start:end].lower().startswith("invit") and first_after:
        invited = _first_list(body, [r for r in after if r.start >= first_after.start])
        participants += as_participants(invited, "recipient")
    return participants
