"""Events and states of affairs from triggers, roles, places, times and modality cues.

For each trigger (``kg.extract.cues.TRIGGERS``) in a clause:
- modality: the strongest cue before it in the clause (denied > failed > postponed > hoped > proposed >
  planned), else a result phrase after it ("was postponed", "was due to take place"), else actual;
- a noun trigger ("meeting", "talks", "elections") counts only with a governing verb ("held talks"), a
  cue, a result phrase, its own time ("the 2006 elections") or a winner ("won by Hamas"); gerunds
  without a cue are topics ("talks on forming the government"), not events;
- roles: the actors named between the cue and the trigger (or before the trigger) fill the subject role
  of the type (signatory, participant, agent…); the subject of "hope"/"propose" is the proposer;
  "with X", "between X and Y", "by X" (passive), "X-brokered", "hosted by X" add roles;
- place: "in/at <place>" in the clause; territory: the place taken, controlled or handed over;
- time: the time expression nearest the trigger in its clause; events in a sentence opened by
  "Following/After <time>" without their own time start no earlier than it;
- agreement: the agreement named or described in the clause, resolved to the reference layer
  (``kg.extract.resolve``), else a minted ``id:agreement/<slug>``.
States of affairs: "Hamas-controlled Gaza Strip" → ControlOfTerritory (from the takeover year when the
sentence gives one, to the publication date); titles → PostHolding. Provisions: "agreed that X would …"
and the planned clauses that follow, typed by keywords and given the status a later sentence reports.

``EventFinder`` keeps the trigger, role and modality rules; its agreement, time, government and later-sentence
rules are mixins in ``event_agreements``, ``event_times``, ``event_governments`` and ``event_context``.

Example:
    >>> from kg.extract.lexicon import ReferenceIndex
    >>> modality_at("We hope that they will meet in Moscow", 29)
    ('hoped', 3, 7)
"""

from __future__ import annotations

import bisect
import copy
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from kg.articles.model import Sentence
from kg.extract.clauses import frame_spans, subclause
from kg.extract.cues import (
    ADVERBIALS,
    AGREEMENT_NOUN,
    DECIDED_VERB,
    FAILED_TO_REUNITE,
    GERUND_GOVERNORS,
    GERUND_WORDS,
    GOVERNORS,
    MODALITY_ANY,
    MODALITY_ANY_LOW,
    MODALITY_CUES,
    MODALITY_CUES_LOW,
    OUT_OF_TERRITORY,
    POST_ANY,
    POST_ANY_LOW,
    POST_CUES,
    POST_CUES_LOW,
    POST_WORDS,
    POST_WORDS_LOW,
    PURPOSE_BACK,
    PURPOSE_HERE,
    TRIGGER_TWINS,
)
from kg.extract.document import Doc, Quote, _inside
from kg.extract.event_agreements import HYPHEN_MEDIATOR, AgreementRules
from kg.extract.event_context import FACTION_TYPES, ContextRules
from kg.extract.event_factions import add_factions
from kg.extract.event_governments import GovernmentRules
from kg.extract.event_links import (
    PAST_VERB,
    SCHEDULED_WORDS,
    by_list_continues,
    duration_days,
    is_anaphoric_meeting,
    scheduled_owner,
)
from kg.extract.event_norms import bilateral_consultation, capitals, government_handover, normalise_event
from kg.extract.event_roles import apply_conventions, passive_before
from kg.extract.event_times import FOLLOWING, POINT_EVENTS, TimeRules, point_time
from kg.extract.lexicon import ReferenceIndex
from kg.extract.merge import BACKGROUND_CONFIDENCE, REPORTED_CONFIDENCE, absorb
from kg.extract.post_changes import post_changes
from kg.extract.records import Event, Mention, Participant, ProvisionRecord, TimeSpec
from kg.extract.refs import (
    Ref,
    Refs,
    actor_refs,
    affiliation,
    as_participants,
    gender_of,
    groups,
    is_actor_mention,
    last_parties,
    side_of,
)
from kg.extract.resolve import resolve_event
from kg.extract.text import quick_search

SUBJECT_ROLE = {"Signing": "signatory", "Meeting": "participant", "Consultation": "participant",
                "Election": "participant", "Takeover": "agent", "Split": "participant",
                "GovernmentFormation": "agent", "SwearingIn": "participant",
                "Handover": "agent", "Stall": "participant", "Collapse": "agent", "Decree": "agent",
                "Mediation": "mediator", "Proposal": "proposer", "Postponement": "agent"}
OBJECT_ROLE = {"Signing": "signatory", "Mediation": "participant"}
_CONTROL = re.compile(r"[-–](?:controlled|run|ruled|held|governed|dominated|administered)\s+(?:[a-z]+\s+){0,2}")
_CONTROL_BY = re.compile(r",?\s+(?:which\s+is\s+|is\s+|was\s+|has\s+been\s+)?(?:controlled|run|ruled|governed)\s+by\s+")
_WHICH_BEFORE = re.compile(r",\s+which\s+")
_RULED_AFTER = re.compile(r"\s+(?:has|had|have)\s+(?:long\s+|since\s+then\s+)?(?:ruled|controlled|run|governed)\b")
#: "X (is) in charge of Y", "X governs (in) Y", "X runs/rules/controls Y", "X has controlled Y (since …)" (Y a
#: territory or city named next).
_CONTROL_VERB = re.compile(r"\s+(?:(?:is|was|remains|remained|are|were|left|now|has|have|had)\s+)?"
                           r"(?:(?:still|firmly|effectively|since\s+then|long)\s+)?"
                           r"(?:(?:been\s+)?in\s+(?:full\s+|sole\s+)?(?:charge|control)\s+of|governs|governed|rules|ruled"
                           r"|runs|run|controls|controlled|administers|administered)\s+(?:in\s+)?"
                           r"(?:(?:all|parts|much|most|areas|some)\s+of\s+)?(?:the\s+)?",
                           re.IGNORECASE)
_BY_ROLE = re.compile(r"\b(?P<verb>won|brokered|mediated|sponsored|hosted|organi[sz]ed|convened|chaired|led|headed"
                      r"|signed|called|received|overseen|supervised|attended|routed|ousted|expelled|overrun|driven)"
                      rf"\s+{OUT_OF_TERRITORY}{ADVERBIALS}by\s+(?:the\s+)?"  # "signed in Cairo on Tuesday by"
                      r"(?:(?:its|his|her|their|the)\s+(?:[a-z]+\s+){0,2}?[a-z]+,\s+)?"  # "by its director, X"
                      r"(?:(?:[A-Z][\w-]*|[a-z]+-[a-z]+)\s+){0,3}$")
_BY_ROLES = {"won": "winner", "brokered": "mediator", "mediated": "mediator", "sponsored": "mediator",
             "hosted": "host", "received": "host", "organised": "host", "organized": "host", "convened": "host",
             "chaired": "leader",
             "led": "leader", "headed": "leader", "signed": "signatory", "called": "proposer",
             "overseen": "mediator", "supervised": "mediator", "attended": "participant", "routed": "agent",
             "ousted": "agent", "expelled": "agent", "overrun": "agent", "driven": "agent"}
#: Between two crossings of a list: "… crossing with Egypt, the …", "… goods terminal and the …".
_CROSSING_WORDS = r"(?:crossings?|terminals?|goods|commercial|passenger|border|point)"
_CROSSING_LIST = re.compile(rf"(?:\s+{_CROSSING_WORDS}){{0,2}}(?:\s+with\s+[A-Z][\w-]*)?"
                            rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?(?:{_CROSSING_WORDS}\s+){{0,2}}")
#: "the Institute of Oriental Studies, headed by X": X heads the body just named (``org_head``); "chaired by" is
#: left out on purpose: "a meeting of the Central Council, chaired by Abbas" — he chairs the meeting.
_HEADED_BY_AFTER_COMMA = re.compile(r",\s+(?:headed|led)\s+by\s+$")
_MEDIATION_AFTER = re.compile(r"\s+(?:mediation|mediators|sponsorship|auspices)\b")
_MEDIATION_WORDS = ("mediat", "sponsorship", "auspices")  # one is in every match of ``_MEDIATION_AFTER``
_WITH_BEFORE = re.compile(r"\bwith\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,3}?(?:of\s+(?:the\s+)?)?$")
_WITH_EYE = re.compile(r"\bwith\s+an\s+eye")
#: "took over the Rafah crossing with Egypt": where the crossing lies, no partner of a handover or takeover.
_CROSSING_WITH = re.compile(r"\b(?:crossings?|border|terminal|frontier)\s+with\s+$")
_DELEGATIONS_FROM = re.compile(r"\bdelegations?\s+(?:from|of)\s+(?:the\s+)?$")
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,3}$")  # "between President X and …"
_BORDER_BETWEEN = re.compile(r"\b(?:border|boundary|crossing|gap|line)\s+between\s+(?:the\s+)?$")
#: "in the presence of (President) X": present at the event without being its subject → participant.
_PRESENCE = re.compile(r"\bin\s+the\s+presence\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?$", re.IGNORECASE)
#: A venue named by its owner ("at the headquarters of Egypt's General Intelligence Service") → the owner hosts.
_VENUE_OF = re.compile(r"\b(?:at|in)\s+(?:the\s+)?(?:headquarters|offices?|premises|seat|residence|compound)"
                       r"\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_VENUE_WORDS = ("headquarters", "office", "premises", "seat", "residence", "compound")  # one is in every match
#: Meeting default roles: a speaker, a genitive ("a meeting of the X leadership") and a non-faction actor take no
#: part by default (states and bodies host, mediate or are talked about).
_SPEAKER_AFTER = re.compile(r"(?:[’']s)?\s+(?:\w+\s+){0,2}?(?:said|says|told|announced|stated|added|welcomed)\b")
_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$")
#: "ended two days of talks … with a statement stressing …": talks that produced a text (a Signing).
_TALKS_NOUN = r"(?:talks|meetings?|rounds?|dialogue|sessions?|conference|negotiations)"
_ENDED_WITH = re.compile(rf"(?:\b(?:ended|concluded|wrapped\s+up)\s+(?:[\w'’-]+\s+){{0,5}}?{_TALKS_NOUN}\b"
                         rf"|\b{_TALKS_NOUN}\s+(?:ended|concluded|closed)\b)(?:(?!\bwithout\b)[^.;:,\"“”])*$",
                         re.IGNORECASE)
#: "meetings of Fatah and Hamas": the actors right after a meeting noun's "of".
_NOUN_OF = re.compile(r"\s+of\s+(?:the\s+)?")
#: "the leaders of X", "representatives of X": X takes part (no genitive of the meeting itself).
_PEOPLE_OF = re.compile(r"\b(?:leaders|leadership|representatives|delegations|delegates|officials|members|heads|chiefs"
                        r"|envoys)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_NOUN_ARGUMENT = re.compile(r"\s+(?:between|with|among|of)\s+(?:the\s+)?(?:(?:two|rival|[\w-]+\s+and)\s+)?")
_ACTOR_SIDE = frozenset({"Party", "UmbrellaOrganization", "Person", "State"})
_APPOSITION = re.compile(r",\s+(?:a\s+|an\s+|the\s+)?(?:(?!(?:brought|met|held|said|told|signed|called|urged|asked|made"
                         r"|took|gave|sent|led|chaired|hosted|attended)\b)[\w-]+\s+){1,5}?(?:of|at|in)\s+(?:the\s+)?")
_DELEGATION_AFTER = re.compile(r"(?:[’']s)?\s+(?:delegation|team)\b")
_OF_FACTION = re.compile(r",?\s+of\s+(?:the\s+)?")
_FACTION_SIDE = frozenset({"Party", "UmbrellaOrganization", "Person"})
#: "a meeting of all (the) Palestinian factions", "consultations with the factions": a generic group of actors.
_GENERIC_GROUP = re.compile(r"(?:all\s+|both\s+|the\s+)*(?:(?:[A-Z][\w-]*|rival|main|other|major|two|several)\s+){0,2}"
                            r"(?:factions|movements|sides|parties|rivals)\b")
_GROUP_TYPES = frozenset({"Meeting", "Consultation"})
#: A gerund right before the noun makes it a topic ("reviving direct talks with the factions").
_GERUND_BEFORE = re.compile(r"\b[a-z]+ing\s+(?:[a-z]+\s+)?$")
#: "a Hamas delegation led by (politburo chief) X", "the team headed by X": X leads the delegation.
_LED_BY_BEFORE = re.compile(r"\b(?:delegation|team)\s+(?:was\s+|is\s+)?(?:led|headed)\s+by\s+(?:the\s+)?"
                            r"(?:[\w’'-]+\s+){0,4}?$", re.IGNORECASE)
_RELATIVE_TO = re.compile(r"\b(?:whom|who|which)\b")
#: After "led a delegation": a destination or a year of its own, before the clause ends.
_OTHER_TRIP = re.compile(r"[^,.;]*?(?:\bto\s+(?-i:[A-Z])|\b(?:19|20)\d\d\b)")
#: "X led a Hamas delegation", "X, who headed the Fatah team": X leads the delegation.
_LED_DELEGATION_AFTER = re.compile(r"(?:,\s+who)?\s+(?:led|leads|headed|heads)\s+(?:an?|the|his|her|its)\s+"
                                   r"(?:[\w’'-]+\s+){0,3}?(?:delegation|team)\b", re.IGNORECASE)
#: ", the head of the Fatah delegation" after a person: he leads the delegation of that faction.
_HEAD_APPOSITION = re.compile(r",\s+(?:the\s+|a\s+)?(?:head|chief|leader)\s+of\s+(?:the\s+|his\s+|her\s+|its\s+)?"
                              r"(?:[\w’'-]+\s+){0,3}?(?:delegation|team)\b", re.IGNORECASE)
#: A faction's possessive before one of its persons, with up to three title words ("Fatah's deputy chief X").
_FOR_FACTION = re.compile(r"\s+(?:for|of|from)\s+(?:the\s+)?")
_POSSESSIVE_GAP = re.compile(r"[’']s\s+(?:[a-z][\w-]*\s+){0,3}")
#: Types a venue owner hosts and a person present attends.
_HOSTED_TYPES = frozenset({"Signing", "Meeting"})
_TO_BEFORE = re.compile(r"\bto\s+(?:the\s+)?$")
#: "met (in Cairo) on ending the split": the aim of a meeting right after it.
_ON_GERUND = re.compile(r"(?:\s+in\s+[A-Z]\w+)?\s+on\s+(?=\w+ing\b)")
_UNDER_AUSPICES = re.compile(r"\bunder\s+(?:the\s+)?(?:auspices|mediation|sponsorship|patronage)\s+of\s+(?:the\s+)?$"
                             r"|\bunder\s+$", re.IGNORECASE)
#: A verb ordering an anaphoric meeting after/before another one ("The talks followed a first round …"):
#: a clause boundary, so that each meeting keeps its own actors and time.
_SEQUENCE = re.compile(r"\b(?:followed|preceded|(?:came|come|comes)\s+(?:[\w-]+\s+){0,2}?(?:after|before))\b")
_ANAPHORIC_FAIL = re.compile(r"\bfail(?:ed|s)?\s+to\s+(?:do|carry\s+out|fulfil+|implement|accomplish|achieve)\s+"
                             r"(?:so|it|this|that|what|its\s+(?:task|mission|mandate))\b", re.IGNORECASE)
_PLANNED_ONLY = ("planned", "proposed", "hoped")
_GOV_WORD = re.compile(r"\b(?:government|cabinet)\b", re.IGNORECASE)
#: A verb taking "the meeting/talks" as object that continues a meeting already reported ("Abbas chaired the
#: meeting", "Haniyeh told the meeting").
_JOINED_MEETING = re.compile(r"\b(?:chaired|attended|joined|addressed|told|took\s+part\s+in|participated\s+in)"
                             r"\s+the\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
#: "in Cairo", "at the", "in the Egyptian coastal city of" right before a place name.
_IN_PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,3}?(?:city|town|village|camp|resort|capital)"
                       r"\s+of\s+)?$", re.IGNORECASE)
#: A verb setting a date for a vote right before it ("scheduled a presidential election for July 31").
_SCHEDULING = re.compile(r"\b(?:schedul(?:ed|es|ing)|call(?:ed|s|ing)|set(?:s|ting)?|fix(?:ed|es|ing))\s+"
                         r"(?:an?\s+|the\s+)?"
                         r"(?:(?:new|early|general|presidential|legislative|parliamentary|local|municipal|national"
                         r"|Palestinian|and|[A-Z][\w-]*)[\s,]+){0,4}$")
#: Between a time and a noun trigger, what shows the time is not the noun's own ("May 22 and a … election").
_NOT_PREMODIFIER = re.compile(r"\b(?:and|or|on|in|at|for|will|would|be|been|was|were|is|are|by|to|with|from|than)\b"
                              r"|[,;:]")
#: "Factions meeting in Cairo …": a participle after a group noun is a meeting that took place.
_GROUP_BEFORE = re.compile(r"\b(?:factions|delegations|leaders|movements|representatives|officials|groups|sides)\s+"
                           r"(?:(?:are|were|have\s+been|had\s+been)\s+)?$", re.IGNORECASE)
_AT_PLACE = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?[A-Z]")
#: Between a fronted clause's comma and the main clause's subject; a finite verb after that subject.
_SUBJECT_GAP = re.compile(r"\s*(?:the\s+|both\s+)?")
_FINITE_AFTER = re.compile(r"\s+(?:(?:have|has|had|also|then|jointly)\s+)?[a-z]+(?:ed|d)\b")
#: A bare noun trigger is a modal event only near its cue ("hoped for talks", "called for elections"); verbs of
#: holding before it count as its governor ("would include holding elections" stays a plan).
_NEAR_CUE = 30
#: Only a list of modifiers between a cue and its noun ("for presidential, legislative and National Council").
_MODIFIER_LIST = re.compile(r"\s*(?:(?:the|new|early|general|presidential|legislative|parliamentary|local|municipal"
                            r"|national|council|(?-i:[A-Z])[\w-]*)(?:\s*,\s*|\s+and\s+|\s+))+", re.IGNORECASE)
#: "set/fixed/scheduled <date> for <event>": the date the event is planned for.
_SET_DATE_BEFORE = re.compile(r"\b(?:set|sets|setting|fixed|fixes|scheduled|schedules|named|names)\s+$", re.IGNORECASE)
_FOR_NOUN = re.compile(r"\s+(?:as\s+the\s+date\s+)?for\s+(?:(?:the\s+)?[a-z]+ing\s+)?(?:the\s+|a\s+|new\s+)*"
                       r"(?:[\w-]+\s+){0,3}?")
_POSSESSIVE_S = re.compile(r"[’']s?\b")
#: Between "meet" and its direct object: "with", a determiner, title words ("met Egyptian President X").
_MEET_OBJECT = re.compile(r"\s+(?:with\s+)?(?:(?:the|a|an)\s+)?(?:(?-i:[A-Z])[\w'’.-]*\s+){0,4}")
#: ", formally ending …", ", marking …": a participle clause after the event (its places are not the event's).
_PARTICIPLE_CLAUSE = re.compile(r",\s+(?:[a-z]+ly\s+)?(?!including\b|according\b|following\b|during\b)[a-z]+ing\s")
#: ", declared …" / "and declared …" right before a verb trigger: it shares the subject of the verb before.
_COORDINATED_VERB = re.compile(r"(?:,|\band)\s+$")
_LIST_BREAK = re.compile(r"[,;]|\band\b")
#: "elections on May 22", "talks in March": a time right after a noun trigger is its own.
_TIME_RIGHT_AFTER = re.compile(r"\s+(?:(?:on|in|for)\s+)?")
#: A verb right before a noun trigger's phrase: a weekday after the noun is then the verb's time.
_VERB_OBJECT = re.compile(r"\b(?:[a-z]+ed|discuss(?:es)?|criticised|criticized)\s+(?:(?:the|a|an|its|their)\s+)?"
                          r"(?:[\w-]+\s+){0,3}?(?:of\s+)?$")
#: A calendar date (a month or a year), not a weekday or a relative day: the one a noun can own.
_CALENDAR = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December"
                       r"|(?:19|20)\d\d)\b")
#: "committed to negotiations": "to" before a noun is no infinitive, so no plan of an event.
_TO_NOUN = re.compile(r"\s+(?:(?:the|new|further|more|direct|renewed|serious|national)\s+)*")
#: "on the sidelines of the summit", "in the wake of the talks": a noun that only sets the scene is no trigger
#: (its time and place belong to the clause's event).
_FRAME_OF = re.compile(r"\b(?:sidelines|margins|margin|eve|wake|aftermath|outcome|results?|end|close|opening|start"
                       r"|run-up|ahead)\s+of\s+(?:the\s+|a\s+|an\s+|this\s+|last\s+)?(?:[\w-]+\s+){0,2}?$",
                       re.IGNORECASE)
#: Cues that take the event as their object ("called off the talks", "cancelled a visit"): they must stand
#: right before it.
_CALLED_OFF = re.compile(r"call(?:ed|s)?\s+off|cancell?", re.IGNORECASE)
_OBJECT_GAP = re.compile(r"\s+(?:(?:the|a|an|its|their|his|her|this|planned|scheduled|next|new|second|third|first"
                         r"|final|further)\s+)*(?:[\w-]+\s+)?", re.IGNORECASE)
#: The proposer of a meeting it offers to host is its host too (the gold convention: "Russia … in Moscow").
_TO_HOST = re.compile(r"\b(?:to\s+host|hosting)\b", re.IGNORECASE)
_ASKED = re.compile(r"(?:asked|asks|charged|mandated|commissioned|tasked)\s", re.IGNORECASE)
_AND_BEFORE = re.compile(r"\band\s+(?:\w+\s+)?$")
_ASKED_HIM = re.compile(r"(?:asked|asks|charged|mandated|commissioned|tasked)\s+(him|her)\b", re.IGNORECASE)
#: After an election noun: "…, won by Hamas", "…, in January 2006, was won by Hamas".
_WON_BY = re.compile(r"[^.;]{0,40}?(?:\b(?:was|were)\s+|,\s*)won\s+by\b")
#: Two triggers of one type coordinated: "elections on May 22 and a presidential election on July 31".
_COORDINATED_SAME = re.compile(r"[^.;:]{0,60}?\s(?:and|or)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}")
_CALLED_BY = re.compile(r"\s+(?:called|scheduled|set)\s+(?:by|for)\b", re.IGNORECASE)
_COORDINATED = re.compile(r"(?:,|\band)\s*(?:(?:has|have|had|was|were|is|are)\s+)?$")
#: In the passive the actors before these triggers are what is acted on, not the actor ("was sworn in").
_NO_PASSIVE_SUBJECT = frozenset({"SwearingIn", "Postponement", "Decree", "Signing", "Collapse", "Mediation",
                                 "Takeover"})
#: A word every match of ``PURPOSE_BACK`` / ``PURPOSE_HERE`` holds (lower case; for ``Doc.folded``).
_PURPOSE_WORDS = {PURPOSE_BACK: re.compile(r"help"), PURPOSE_HERE: re.compile(r"aim|order|help|so\s+as")}
#: The words every match of ``PURPOSE_BACK`` / ``PURPOSE_HERE`` starts with (for ``Doc.scan``).
_PURPOSE_STARTS = {PURPOSE_BACK: ("it", "this", "that", "which", "such", "the"),
                   PURPOSE_HERE: ("with", "aiming", "aimed", "in", "so", "to")}
#: A change of post reported as news (a title in passing is background, not an event).
_POST_CHANGE = re.compile(r"\b(?:elected|re-elected|appointed|named|succeed(?:ed|s|ing)|replac(?:ed|es|ing)"
                          r"|became|chosen|took\s+over\s+as|sworn\s+in\s+as|promoted)\b", re.IGNORECASE)
#: "signed by", "sworn in by": a trigger in the passive with its agent.
#: An act done "by (presidential) decree" in the active past: "Abbas approved it by presidential decree".
_DECREED_ACT = re.compile(r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bwas\s)(?<!\bwere\s)\b(?:approved|appointed|named|set|called"
                          r"|ordered|dissolved|formed|endorsed|ratified|established|extended|dismissed|replaced)\b"
                          r"(?:\s+[\w'’-]+){0,6}\s+$")
#: The subject of a passive "was signed": an agreement noun (or "it") shortly before.
_PASSIVE_AGREEMENT = re.compile(rf"\b(?:{AGREEMENT_NOUN}|texts?|it)\b", re.IGNORECASE)
#: "X's (landslide) victory in the (2006 legislative) election": X won it.
_VICTORY_BEFORE = re.compile(r"(?:[’']s?|\bits)\s+"
                             r"(?:(?:landslide|surprise|sweeping|decisive|resounding|narrow|crushing)\s+)?(?:victory|win|triumph)\s+in\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$")
#: "the elections (that/which) Hamas (had) won": a party's relative clause right after an election noun.
_RELATIVE_GAP = re.compile(r"\s+(?:(?:that|which)\s+)?")
_WON_AFTER = re.compile(r"\s+(?:had\s+)?(?:\w+ly\s+)?won\b")
#: What makes a government noun ("a national unity government") a formation: an agreement providing for it
#: (planned unless a cue says otherwise) or a deal that produced it ("made": actual).
_GOVERNMENT_OUTCOME = re.compile(r"\b(?:(?P<made>produc(?:ed|es|e)|yielded|led\s+to|gave\s+birth\s+to|brought\s+about)"
                                 r"|agreed\s+(?:in\s+principle\s+)?on|call(?:ed|s|ing)?\s+for|paved?\s+the\s+way\s+for"
                                 r"|(?P<head>(?:would|will|to|shall)\s+head)|provid(?:es|ed|ing)\s+for"
                                 r"|envisag(?:es|ed|ing)"
                                 r"|through|setting\s+up|set\s+up)\s+(?:an?\s+|the\s+|a\s+new\s+)?$",
                                 re.IGNORECASE)
#: A condition or counterfactual before the verb: "If Hamas won a majority", "Had Hamas won".
_CONDITIONAL_BEFORE = re.compile(r"(?:\b(?:if|unless|whether)\b|^\s*[Hh]ad\b|,\s*had\b)[^,;]*$", re.IGNORECASE)
#: "a further / next / second round": another meeting of the same sides.
_FURTHER = re.compile(r"(?:further|next|another|new|second|third|fresh)\s+rounds?\b", re.IGNORECASE)
#: "with Egypt as mediator / as host": the part the actor after "with" plays.
_AS_ROLE = re.compile(r"\s+as\s+(?:the\s+|a\s+|an\s+)?(mediator|broker|sponsor|guarantor|go-between|host)\b",
                      re.IGNORECASE)
#: A stance on talks, not talks held: "Israel opposes talks between the two sides", "there have been no talks".
_STANCE_BEFORE = re.compile(r"\b(?:opposes?|opposed|support(?:s|ed)?|backs?|backed|wants?|wanted|discuss(?:es|ed)?"
                            r"|rejects?|rejected|welcomes?|welcomed|urges?|urged|no|any|possible|future|new)\s+"
                            r"(?:(?:the|direct|further|new|fresh)\s+)*$", re.IGNORECASE)
#: "Hamas rejected calls for …": the one who rejects a call did not make it.
_REJECTED_BEFORE = re.compile(r"\b(?:rejected|rejects|reject|dismissed|ignored|resisted|refused|opposed)\s+"
                              r"(?:the\s+|growing\s+|repeated\s+|renewed\s+)*$", re.IGNORECASE)
#: "preparing (the) presidential and legislative elections": elections still to come.
_PREPARING_BEFORE = re.compile(r"\bprepar(?:e|es|ing)\s+(?:for\s+)?(?:(?:the|new|early|general|presidential|legislative"
                               r"|parliamentary|local|municipal|national|council|and|long-overdue|overdue),?\s+)*$",
                               re.IGNORECASE)
#: "without an election having been held": an event that was due and did not take place.
_WITHOUT_BEFORE = re.compile(r"\bwithout\s+(?:an?\s+|any\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_HELD_AFTER = re.compile(r"\s+(?:having\s+been|being)\s+(?:held|convened)\b", re.IGNORECASE)
#: "its (own) takeover": a possessive "its" before a noun trigger.
_ITS_BEFORE = re.compile(r"\b[Ii]ts\s+(?:[\w-]+\s+)?$")
_GERUND = re.compile(r"\b\w{3,}ing\b")
#: A relative clause set off by commas: ", which Abbas postponed on April 29,".
_INSERTED_RELATIVE = re.compile(r",\s+(?:which|who|whose)\b[^,.;]*,")
#: A clause opened by a relative pronoun: what it says is about the noun before it.
_RELATIVE_OPEN = re.compile(r"\s*(?:that|which)\b")
#: "it" as the subject right before a verb ("since it routed", "after it had won", "the deal it signed").
_IT_SUBJECT = re.compile(r"(?:^|[,;.!?]\s*|\b(?:and|but|after|before|since|when|because|as|that|which|while|until"
                         rf"|once|if|so|{AGREEMENT_NOUN})\s+)"
                         r"(?:it|It)\s+(?:(?:has|had|have|also|then|later|first|once|again)\s+)*$")
#: What "it" can stand for: a body, not a person or a place.
_IT_TYPES = frozenset({"Party", "UmbrellaOrganization", "Organization", "GoverningBody", "State", "Ministry",
                       "InternationalOrganization", "IntelligenceService", "Government"})
#: "the agreement (that/which) Fatah and Hamas (had) signed": the object of "signed" before its subject.
_AGREEMENT_OBJECT_BEFORE = re.compile(rf"\b{AGREEMENT_NOUN}\s+(?:(?:that|which)\s+)?(?!(?:was|were|is|are)\b)"
                                      r"(?:[\w'’-]+,?\s+){1,7}?(?:(?:had|have|has|both|jointly|formally|finally)\s+)*$",
                                      re.IGNORECASE)
#: "… was initialed in Cairo at the end of April and (then) signed": a passive the bare "signed" continues.
_PASSIVE_CHAIN = re.compile(r"\b(?:was|were|had\s+been|has\s+been)\s+\w+ed\b[^.;]{0,100}?\band\s+"
                            r"(?:then\s+|later\s+)?$")
#: "signed (in Cairo) an agreement": the usual object after the verb (the trigger's own look-ahead).
_AGREEMENT_NOUN_AFTER = re.compile(rf"[^.;:\"“”]{{0,80}}?\b{AGREEMENT_NOUN}\b", re.IGNORECASE)
_SUSPENDED_BEFORE = re.compile(r"\bsuspend(?:ed|s|ing)?\s+(?:the\s+|its\s+|their\s+|all\s+)?(?:[\w-]+\s+)?$",
                               re.IGNORECASE)
_FOREIGN_GOVERNMENT = re.compile(r"\b(?:Israeli|Egyptian|Jordanian|American|U\.S\.|British|Turkish|Qatari|Lebanese"
                                 r"|Syrian|Iranian|Russian|Chinese|Algerian|Saudi|French|German)\s+(?:government|cabinet)\b")
_FOR_TALKS = re.compile(r"\bfor\s+(?:(?:a|an|the|two|three|new|fresh|further)\s+)?(?:[\w-]+\s+){0,2}$")
#: What opens the clause after a verb of decision or report ("ruled (on Thursday) that …"), and its "would".
_TIME_GAP = re.compile(r"\s+(?:(?:late\s+|early\s+)?on\s+|in\s+)?")
_THAT_AFTER = re.compile(r"\s*,?\s+that\b", re.IGNORECASE)
_WOULD = re.compile(r"\bwould\b", re.IGNORECASE)
#: "(the elections scheduled for October 8) would be postponed", in a reported or decided clause.
_WOULD_BE_POSTPONED = re.compile(r"[^.;]{0,50}?\bwould\s+be\s+(?:postponed|delayed|put\s+off|deferred|pushed\s+back"
                                 r"|suspended)\b", re.IGNORECASE)
#: A word every match of ``_SUSPENDED_BEFORE`` holds (see ``Doc.may_contain_in``).
_SUSPEND_WORDS = ("suspend", "suspended", "suspends", "suspending")
_FAILED_TO_REUNITE = re.compile(FAILED_TO_REUNITE, re.IGNORECASE)
_BY_AGENT = re.compile(r"\bby\s+(?:the\s+)?$")
#: The subject of a passive takeover when no party is named there: "Fatah's forces were", "it was (routed by)".
_DRIVEN_SUBJECT = re.compile(r"\b(?:forces|loyalists|rivals|fighters|gunmen|services|movement|faction|it|they)\s+"
                             r"(?:(?:has|have|had)\s+been|was|were)\s+$", re.IGNORECASE)
#: A takeover's losing side: who the territory was taken from ("seized Gaza from (forces loyal to) X"), who
#: was routed ("Fatah forces were routed by Hamas"), whose forces were driven out ("drove its forces out").
_HYPHEN_SIDE = r"-(?:dominated|led|run|controlled|backed)\b"  # "the Fatah-dominated Authority"
_DOMINATED = re.compile(_HYPHEN_SIDE)
_TAKEN_FROM = re.compile(r"\s+(?:[\w'’-]+\s+){0,4}?from\s+(?:the\s+)?"
                         rf"(?:[\w'’]+{_HYPHEN_SIDE}\s+)?"
                         r"(?:(?:security\s+)?(?:forces|fighters|loyalists)"
                         r"\s+(?:loyal\s+to|of)\s+(?:the\s+)?)?"
                         r"(?:(?:Palestinian\s+)?(?:President|Prime\s+Minister)\s+)?"
                         r"|\s+loyal\s+to\s+(?:(?:Palestinian\s+)?(?:President|Prime\s+Minister)\s+)?",
                         re.IGNORECASE)  # "routed forces loyal to Fatah"
_ROUTED_SUBJECT = re.compile(r"(?:[’']s)?\s+(?:(?:security\s+)?(?:forces|fighters|loyalists)\s+)?(?:was|were)\s+",
                             re.IGNORECASE)
_ITS_FORCES = re.compile(r"\b(?:its|their)\s+(?:[\w-]+\s+)?(?:forces|fighters|loyalists)\b", re.IGNORECASE)
#: The process's sides a takeover is taken from and a planned government is about (``takeover_targets``,
#: ``government_in_domain``).
_TARGET_TYPES = FACTION_TYPES | {"Person", "GoverningBody", "Government"}
_SIGNED_BY = re.compile(rf"\w+\s+{ADVERBIALS}by\b")

@dataclass
class Hit:
    type: str
    form: str
    start: int
    end: int
    confidence: float
    subject_role: str | None = None
    event: Event | None = None
    extra: dict = field(default_factory=dict)


#: "…, imposed after Hamas won …": a past subordinate clause keeps its own (actual) modality.
_PAST_SUBORDINATE = re.compile(r"\b(?:after|since|when|because|before|though|although)\s+(?=(?:[A-Z][\w-]*"
                               r"(?:\s+(?:and\s+)?[A-Z][\w-]*)*|it|they|he|she"
                               r"|the\s+(?:two\s+)?(?:rival\s+)?(?:movements|factions|sides|rivals))"
                               r"\s+(?:had\s+(?:just\s+|already\s+)?)?"
                               r"(?:[a-z]+ed|taken|won|took|met|signed|held|came|began|split|broke|fell|lost)\b)")


#: The first words of ``_PAST_SUBORDINATE`` (every match starts with one of these tokens).
_SUBORDINATORS = frozenset({"after", "since", "when", "because", "before", "though", "although"})


#: A word character (``may_hold_post_word``).
_WORD_CHAR = re.compile(r"\w")
#: (Inline patterns of the per-trigger rules, compiled once.)
_SINCE = re.compile(r"\bsince\b")
_GOVERNMENT_HEAD = re.compile(r"(?:government|cabinet)", re.I)
_ORGANISE = re.compile(r"\b(?:organi[sz]e|hold)\b")
_WE_BEFORE = re.compile(r"\b(?:[Ww]e|[Oo]ur\s+\w+)\s+$")


def modality_at(text: str, pos: int, lo: int = 0, folded: str | None = None) -> tuple[str, int, int]:
    """``(modality, cue start, cue end)`` of the strongest cue in ``text[max(lo, pos-140):pos]``; ``folded`` is
    ``text`` lowered by ``kg.extract.text.fold_case`` (same result, faster).

    Example:
        >>> modality_at("They did not sign the deal", 13)
        ('denied', 5, 12)
    """
    lo = max(lo, pos - 140)
    any_cue, cues = MODALITY_ANY, MODALITY_CUES
    if folded is not None:
        text, any_cue, cues = folded, MODALITY_ANY_LOW, MODALITY_CUES_LOW
    if not any_cue.search(text, lo, pos):
        return "actual", -1, -1
    for name, pattern in cues:  # strongest first (``MODALITY_ORDER``): the first cue found wins, at its last match
        spans = [m.span() for m in pattern.finditer(text, lo, pos)]
        if spans:
            return name, *spans[-1]
    return "actual", -1, -1




class EventFinder(AgreementRules, TimeRules, GovernmentRules, ContextRules):
    """Runs the event rules over one document."""

    def __init__(self, doc: Doc, idx: ReferenceIndex) -> None:
        self.doc, self.idx, self.body = doc, idx, doc.body
        self.controls: list[Event] = []
        self.controllers: dict[str, str] = {}
        self.refs = Refs()
        self.events: list[Event] = []
        self.provisions: list[ProvisionRecord] = []
        self.current_agreement: str | None = None
        self.purpose_spans: list[tuple[int, int]] = []
        #: Whole-body matches of ``PURPOSE_BACK`` / ``PURPOSE_HERE`` (see ``may_match``).
        self.cue_matches: dict[re.Pattern[str], list[tuple[int, int]]] = {}
        self.time_owner: dict[int, int] = {}  # time start → end of the trigger it is scheduled for
        self.sentence_hits: list[Hit] = []  # the triggers of the sentence being read
        self.cuts: list[int] | None = None  # ends of "after X won"-like openings (``after_cut``)
        self.post_words: tuple[list[int], list[int]] | None = None  # ``may_hold_post_word``: token starts and ends
        self.frames: list[tuple[int, int]] = []  # "the aftermath of the 2007 takeover": no event's time inside
        self.mediators: dict[str, list[Participant]] = {}  # agreement → mediators named with it
        self.anaphors: list[Event] = []  # "The talks were hosted by X": continues the last meeting
        self.more_crossings: list[tuple[Event, list[str]]] = []  # a handover of several crossings (``crossing_copies``)
        #: Per-document memos of pure functions of the body, sentences and quotes (fixed while events are found);
        #: memos that also depend on the references live on ``self.refs.memo`` and go with a rebuilt ``Refs``.
        self._clauses: dict[int, tuple[int, int]] = {}
        self._sentence_quotes: dict[tuple[int, int], list[Quote]] = {}
        self._quotes_indexed = False  # ``_sentence_quotes`` holds every sentence (``quotes_by_sentence``)
        self._frames: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self._anaphoric: dict[int, bool] = {}  # sentence start → ``is_anaphoric_meeting``
        self._plain: dict[int, bool] = {}  # sentence start → ``plain_sentence``
        self.speech_memo: dict[tuple[int, int], bool] = {}  # ``TimeRules.after_speech``

    # --- helpers -----------------------------------------------------------------------------
    def clause(self, pos: int) -> tuple[int, int]:
        """Bounds of the clause around ``pos``: its sentence, cut at semicolons, quote edges and, in a sentence
        continuing a meeting ("The talks …"), at a verb ordering it after/before another ("followed")."""
        got = self._clauses.get(pos)
        if got is None:
            got = self._clauses[pos] = self._clause(pos)
        return got

    def _clause(self, pos: int) -> tuple[int, int]:
        """``clause`` without the memo."""
        s = self.doc.sentence_at(pos)
        lo, hi = s.start, s.end
        if lo <= pos < hi and self.plain_sentence(s):
            return lo, hi
        q = self.quote_in_sentence(pos, s)
        if q and q.kind == "direct":
            lo, hi = max(lo, q.start), min(hi, q.end)
        semi_before = self.body.rfind(";", lo, pos)
        semi_after = self.body.find(";", pos, hi)
        lo, hi = (semi_before + 1 if semi_before >= 0 else lo), (semi_after if semi_after >= 0 else hi)
        seq = _SEQUENCE.search(self.body, lo, hi) if self.anaphoric_sentence(s) else None
        if seq is not None:
            # "The talks followed a first round between X and Y in April": two meetings, two clauses
            lo, hi = (seq.end(), hi) if pos >= seq.end() else (lo, seq.start())
        return lo, hi

    def plain_sentence(self, s: Sentence) -> bool:
        """True when the sentence ``s`` is one clause for ``_clause``: no direct quote overlaps it, it holds no
        semicolon and it continues no meeting (memoised per sentence)."""
        got = self._plain.get(s.start)
        if got is None:
            got = self._plain[s.start] = all(q.kind != "direct" for q in self.sentence_quotes(s)) \
                and self.body.find(";", s.start, s.end) < 0 and not self.anaphoric_sentence(s)
        return got

    def anaphoric_sentence(self, s: Sentence) -> bool:
        """``is_anaphoric_meeting`` of the sentence ``s`` (memoised per sentence)."""
        got = self._anaphoric.get(s.start)
        if got is None:
            got = self._anaphoric[s.start] = is_anaphoric_meeting(self.body[s.start:s.end])
        return got

    def quote_in_sentence(self, pos: int, s: Sentence) -> Quote | None:
        """``doc.quote_at(pos)`` for ``pos`` in the sentence ``s``, scanning only the quotes overlapping ``s``
        (every quote holding ``pos`` does, and their order is kept, so the first one found is the same)."""
        if not s.start <= pos < s.end:
            return self.doc.quote_at(pos)
        for q in self.sentence_quotes(s):
            if q.start <= pos < q.end:
                return q
        return None

    def sentence_quotes(self, s: Sentence) -> list[Quote]:
        """The quotes overlapping the sentence ``s``, in order (memoised per sentence)."""
        quotes = self._sentence_quotes.get((s.start, s.end))
        if quotes is None:
            if not self._quotes_indexed:
                self._quotes_indexed = True
                self._sentence_quotes.update(self.quotes_by_sentence())
                quotes = self._sentence_quotes.get((s.start, s.end))
            if quotes is None:  # not a sentence of the document
                quotes = self._sentence_quotes[s.start, s.end] = [q for q in self.doc.quotes
                                                                  if q.start < s.end and q.end > s.start]
        return quotes

    def quotes_by_sentence(self) -> dict[tuple[int, int], list[Quote]]:
        """``sentence_quotes`` of every sentence of the document at once, by ``(start, end)``: each quote goes to the
        sentences it overlaps (found by bisection), in order. Empty when the sentences are not in order and apart."""
        sents, starts = self.doc.sentences, self.doc._sent_starts
        if any(a.end > b.start for a, b in itertools.pairwise(sents)):
            return {}
        lists: list[list[Quote]] = [[] for _ in sents]
        for q in self.doc.quotes:
            k = max(bisect.bisect_right(starts, q.start) - 1, 0)  # no sentence before this one reaches q.start
            while k < len(sents) and sents[k].start < q.end:
                if q.start < sents[k].end:
                    lists[k].append(q)
                k += 1
        out: dict[tuple[int, int], list[Quote]] = {}
        for s, quotes in zip(sents, lists, strict=True):
            out.setdefault((s.start, s.end), quotes)
        return out

    def places_in(self, lo: int, hi: int, types: tuple[str, ...] = ("City", "Territory", "State",
                                                                       "BorderCrossing")) -> list:
        """Mentions of places of ``types`` (not metonyms) inside ``[lo, hi)``."""
        return self.mentions_where(("places", types), lambda m: m.type in types and not m.metonym, lo, hi)

    def mentions_where(self, key: object, keep: Callable[[Mention], bool], lo: int, hi: int) -> list[Mention]:
        """``[m for m in doc.mentions_in(lo, hi) if keep(m)]``, from the mentions kept, found once per document
        under ``key`` (on ``self.refs.memo``: the mentions change only with the references)."""
        got = self.refs.memo.get(key)
        if got is None:
            kept = [m for m in self.doc.mentions if keep(m)]
            got = self.refs.memo[key] = (kept, [m.start for m in kept])
        return _inside(*got, lo, hi)

    def place_after(self, hit: Hit, lo: int, hi: int) -> str | None:
        """The place "in/at X" after the trigger (before a participle clause: "…, ending years of rival rule in
        the West Bank" places nothing), else before it."""
        lo = max(lo, hit.extra.get("prev", lo))
        hi = min(hi, hit.extra.get("next", hi))
        after = self.places_in(hit.end, hi)
        participle = _PARTICIPLE_CLAUSE.search(self.body, hit.end, hi) if after else None
        for m in self.places_in(hit.end, participle.start()) if participle else after:
            if self.doc.search(_IN_PLACE, max(lo, m.start - 50), m.start):
                return m.entity
        for m in self.places_in(lo, hit.start):
            if self.doc.search(_IN_PLACE, max(lo, m.start - 50), m.start):
                return m.entity
        return None

    def nearest_hit(self, start: int, end: int) -> Hit | None:
        """The trigger of the current sentence that a time at ``[start, end)`` follows most closely ("elections
        on May 22 and a presidential election on July 31": each vote its own date), or the one it directly
        precedes ("on Thursday dismissed"); None when neither."""
        def distance(h: Hit) -> float:
            if start >= h.end:
                return start - h.end
            return 0 if h.start - end <= 3 and not self.body[end:h.start].strip() else float("inf")
        best = min(self.sentence_hits, key=distance, default=None)
        return best if best is not None and distance(best) < float("inf") else None

    def main_subject(self, pos: int, hi: int) -> list[Ref]:
        """The actors opening the main clause after a fronted clause ending at the first comma after ``pos``
        ("After two days of talks hosted by Egypt, the factions committed …" → the factions)."""
        comma = self.body.find(",", pos, hi)
        if comma < 0:
            return []
        found = groups(self.refs, self.body, comma + 1, hi, self.faction_bridge)
        if not found or not _SUBJECT_GAP.fullmatch(self.body, comma + 1, found[0][0].start) \
                or not _FINITE_AFTER.match(self.body, found[0][-1].end):
            return []
        return found[0]

    # --- rules -------------------------------------------------------------------------------
    def run(self, statements: list[Event]) -> tuple[list[Event], list[ProvisionRecord]]:
        self.find_control()
        self.refs = actor_refs(self.doc, self.idx, self.controllers)
        self.find_purpose_spans()
        hits = self.find_hits()
        by_sentence: dict[int, list[Hit]] = {}
        for h in hits:
            by_sentence.setdefault(self.doc.sentence_at(h.start).index, []).append(h)
        for s in self.doc.sentences:
            sent_hits = by_sentence.get(s.index, [])
            self.sentence_hits = sent_hits
            taken = self.agreement_context(s.start, s.end, sent_hits)
            for t in self.doc.times_in(s.start, s.end):
                if not self.doc.may_contain_in(SCHEDULED_WORDS, t.start - 40, t.start):
                    continue  # no "due/scheduled/set …" cue in the 40 characters before it: no owner
                lo_t = self.clause(t.start)[0]
                inserts = [(m.start(), m.end()) for m in _INSERTED_RELATIVE.finditer(self.body, s.start, t.start)]
                ends = [h.end for h in sent_hits if not any(a <= h.start < b for a, b in inserts)]  # "The
                # elections, which Abbas postponed on April 29, were to have been held on May 22": not the insert
                if _RELATIVE_OPEN.match(self.body, lo_t):  # "the elections that were to have been held on 8
                    ends = [e for e in ends if e <= lo_t]  # October": the noun the relative clause is about
                    lo_t = s.start
                owner = scheduled_owner(self.body, t.start, ends, lo_t)
                if owner is not None:
                    self.time_owner[t.start] = owner
            for k, h in enumerate(sent_hits):
                h.extra["next"] = sent_hits[k + 1].start if k + 1 < len(sent_hits) else s.end
                h.extra["prev"] = sent_hits[k - 1].end if k else s.start
                h.extra["prev_hit"] = sent_hits[k - 1] if k else None
                ev = self.build(h, taken)
                if ev is not None:
                    h.event = ev
                    self.events.append(ev)
                    if h.extra.get("twin") is not None:
                        self.events.append(h.extra["twin"])
            self.sentence_time_inheritance(s.start, s.end, sent_hits)
            self.anaphoric_failure(s.start, s.end)
            self.purpose_back(s.start, s.end, statements)
            self.provision_rules(s.start, s.end, sent_hits)
            self.agreement_mediators(s.start, s.end)
            self.status_rules(s.start, s.end)
        self.continue_meetings()
        self.brokered_signings()
        self.ceremony_places()
        self.ceremony_guests()
        self.visitors_place()
        self.handover_agents()
        self.delegation_members()
        self.anaphor_times()
        for ev in self.events:
            if ev.type == "Signing" and ev.agreement in self.mediators and ev.confidence >= REPORTED_CONFIDENCE:
                ev.participants += [p for p in self.mediators[ev.agreement] if p not in ev.participants]
        factions: dict[str, str | None] = {}
        for ev in self.events:
            add_factions(ev, self.doc, self.idx, factions)
        self.date_news_of_the_day()
        caps: dict[str, str] | None = None
        for ev in self.events:
            if caps is None and ev.type == "Meeting" and ev.place is None:
                caps = capitals(self.idx)
            normalise_event(ev, caps or {}, self.doc.published)
            bilateral_consultation(ev, self.idx)
            government_handover(ev, self.idx)
        self.events.extend(self.crossing_copies())
        self.events.extend(self.controls)
        self.events.extend(self.post_holdings())
        self.events.extend(post_changes(self.doc, self.idx, self.refs))
        for ev in statements:
            if not (ev.basis and ev.evidence):
                continue
            for ev2 in self.events:
                if ev2.evidence and ev.evidence and ev.evidence[0].start <= ev2.evidence[0].start < ev.evidence[0].end \
                        and ev2.modality in _PLANNED_ONLY and ev.basis:
                    ev2.basis = list(dict.fromkeys([*ev2.basis, *ev.basis]))
        return self.events, self.provisions

    def crossing_list(self, lo: int, hi: int) -> list[str]:
        """The crossings of the first list of crossings in ``[lo, hi)`` ("the Rafah crossing with Egypt, the Kerem
        Shalom goods terminal and the Erez crossing"); a crossing named outside the list is not in it."""
        out: list[str] = []
        last = -1
        for m in self.places_in(lo, hi, ("BorderCrossing",)):
            if out and not _CROSSING_LIST.fullmatch(self.body, last, m.start):
                break
            if m.entity not in out:
                out.append(m.entity)
            last = m.end
        return out

    def crossing_copies(self) -> list[Event]:
        """One handover per crossing named (the gold convention): "took over the Rafah crossing, the Kerem Shalom
        terminal and the Erez crossing" → copies of the first handover, over Kerem Shalom and over Erez."""
        kept = {id(ev) for ev in self.events}
        out: list[Event] = []
        for ev, more in self.more_crossings:
            for crossing in more if id(ev) in kept else ():
                twin = copy.deepcopy(ev)
                twin.territory = crossing
                out.append(twin)
        return out

    def find_control(self) -> None:
        """ControlOfTerritory from "X-controlled Y", "Y, controlled by X"."""
        doc, body = self.doc, self.body
        ms = doc.mentions
        for i, m in enumerate(ms):
            if m.type not in ("Party", "Organization", "GoverningBody", "State", "UmbrellaOrganization"):
                continue
            c = _CONTROL.match(body, m.end) if body.startswith(("-", "–"), m.end) else None  # its first character
            if c and i + 1 < len(ms):
                nxt = next((n for n in ms[i + 1:i + 3] if n.start >= c.end() - 1 and n.start <= c.end() + 4
                            and n.type in ("Territory", "City", "BorderCrossing")), None)
                if nxt:
                    self.add_control(m.entity, m.label, nxt.entity, m.start, nxt.end)
        for i, m in enumerate(ms):
            if m.type not in ("Territory", "City", "BorderCrossing") \
                    or not any(n.type in ("Party", "Organization", "GoverningBody", "State") for n in ms[i + 1:i + 3]):
                continue  # (no agent can follow)
            c = _CONTROL_BY.match(body, m.end)
            if c:
                agent = next((n for n in ms[i + 1:i + 3] if abs(n.start - c.end()) <= 4
                              and n.type in ("Party", "Organization", "GoverningBody", "State")), None)
                if agent:
                    self.add_control(agent.entity, agent.label, m.entity, m.start, agent.end)
        for i, m in enumerate(ms):  # "Gaza, which Hamas has ruled since 2007"
            w = _WHICH_BEFORE.match(body, m.end) if m.type in ("Territory", "City") and body.startswith(",", m.end) \
                else None
            if w is None:
                continue
            agent = next((n for n in ms[i + 1:i + 2] if n.start == w.end()
                          and n.type in ("Party", "Organization", "GoverningBody", "State")), None)
            if agent is not None and _RULED_AFTER.match(body, agent.end):
                self.add_control(agent.entity, agent.label, m.entity, m.start, agent.end, reported=True)
        for i, m in enumerate(ms):
            if m.type not in ("Party", "Organization", "GoverningBody", "State", "UmbrellaOrganization") \
                    or i + 1 == len(ms) or ms[i + 1].type not in ("Territory", "City"):
                continue
            c = _CONTROL_VERB.match(body, m.end)
            if c and ms[i + 1].start == c.end() and not self.doc.quote_at(m.start):
                self.add_control(m.entity, m.label, ms[i + 1].entity, m.start, ms[i + 1].end, reported=True)

    def add_control(self, agent: str, label: str, territory: str, start: int, end: int,
                    reported: bool = False) -> None:
        """A control fact from the sentence's "following/since" time (else, when ``reported`` by a verb
        in the present — "X governs Y" — from the publication day) with an open end."""
        s = self.doc.sentence_at(start)
        since = None
        if FOLLOWING.match(s.text) or _SINCE.search(s.text):
            times = self.doc.times_in(s.start, s.end)
            if times:
                since = times[0].spec
        pub = (self.doc.published or "")[:10] or None
        time = TimeSpec(since.text, since.precision, since.earliest, pub) if since else \
            (TimeSpec("", "day", pub, None) if pub and reported else TimeSpec("", None, None, pub) if pub else None)
        self.controllers.setdefault(territory, agent)
        self.controls.append(Event(
            key="", type="ControlOfTerritory", label=f"{label} controls {self.idx.label(territory)}",
            time=time, territory=territory, participants=[Participant("agent", agent, label)],
            evidence=[self.doc.evidence(start, end, "control-compound", 0.85)], confidence=0.85))

    def find_purpose_spans(self) -> None:
        for pattern in (PURPOSE_BACK, PURPOSE_HERE):
            spans = self.cue_matches[pattern] = []
            if self.doc.folded is not None and not _PURPOSE_WORDS[pattern].search(self.doc.folded):
                continue  # none of the words every match holds: no match (a quick scan of the lowered body)
            for m in self.doc.scan(pattern, _PURPOSE_STARTS[pattern]):
                spans.append(m.span())
                s = self.doc.sentence_at(m.start())
                end = s.end - 1 if s.text.endswith((".", "!", "?")) else s.end
                q = self.doc.quote_at(m.start())
                if q:
                    end = min(end, q.end)
                self.purpose_spans.append((m.end(), max(m.end(), end)))

    def may_match(self, pattern: re.Pattern[str], lo: int, hi: int) -> bool:
        """False when ``pattern.search(body, lo, hi)`` surely finds nothing: no whole-body match of it overlaps
        ``[lo, hi)``. Sound for ``PURPOSE_BACK``/``PURPOSE_HERE`` (non-empty matches, no lookahead, ``$`` or final
        ``\\b``): a match inside the window is one in the body at the same start, and the leftmost-first scan of
        the body then has a match starting at or before it and reaching past it."""
        return any(a < hi and b > lo for a, b in self.cue_matches[pattern])

    def in_purpose(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.purpose_spans)

    def after_cut(self, lo: int, pos: int) -> int:
        """Start of the past subordinate clause holding ``pos`` ("after Hamas won"), else ``lo``: its cues
        ("hoped …, after Hamas won") do not reach a trigger inside it."""
        if self.cuts is None:
            self.cuts = [m.end() for m in self.doc.token_matches(_PAST_SUBORDINATE, _SUBORDINATORS)]
        k = bisect.bisect_right(self.cuts, pos) - 1
        return self.cuts[k] if k >= 0 and self.cuts[k] >= max(lo, pos - 60) else lo

    def may_hold_post_word(self, lo: int, hi: int) -> bool:
        """False only when ``POST_WORDS_LOW.search(doc.folded, lo, hi)`` surely finds nothing: no token of
        ``POST_WORDS`` lies inside ``[lo, hi)`` (the tokens found once per document in ``Doc.word_indices``), and
        ``hi`` cuts no word (a window ending inside "holding" finds "hold"). A match is a whole token: ``\\b`` at
        ``lo`` sees the character before it."""
        if self.post_words is None:
            index, tokens = self.doc.word_indices, self.doc.tokens
            ks = sorted([k for w in POST_WORDS for k in index.get(w, ())])
            self.post_words = ([tokens[k].start for k in ks], [tokens[k].end for k in ks])
        starts, ends = self.post_words
        k = bisect.bisect_left(starts, lo)  # the first such token from lo on: it ends first
        if k < len(starts) and ends[k] <= hi:
            return True
        return bool(_WORD_CHAR.match(self.doc.folded or "", hi))

    def in_actor_name(self, start: int, end: int) -> bool:
        """True inside the name of an organisation, party or person ("the Central Elections Commission",
        "the Reconciliation Talks Committee"): a word of a name is no trigger."""
        k = bisect.bisect_right(self.doc.mention_starts, start) - 1  # mentions do not overlap: one may hold it
        m = self.doc.mentions[k] if k >= 0 else None
        return m is not None and end <= m.end and (m.start, m.end) != (start, end) and is_actor_mention(m)

    def trigger_starts(self) -> list[tuple[int, str, tuple]]:
        """``(start, low, triggers)`` of the tokens a trigger may start at (``TRIGGER_TWINS`` under the first four
        letters of their ``low``), in text order: each distinct word is looked up once (``Doc.word_indices``)."""
        index, tokens = TRIGGER_TWINS, self.doc.tokens
        out = []
        for low, ks in self.doc.word_indices.items():
            triggers = index.get(low[:4])
            if triggers is not None:
                out += [(k, low, triggers) for k in ks]
        out.sort()  # (token indices are distinct: only they are compared)
        return [(tokens[k].start, low, triggers) for k, low, triggers in out]

    def find_hits(self) -> list[Hit]:
        hits: list[Hit] = []
        body, folded = self.body, self.doc.folded
        for start, word, triggers in self.trigger_starts():
            for t, low in triggers:
                m = t.pattern.match(body, start) if low is None or folded is None else low.match(folded, start)
                if not m or self.in_purpose(m.start()) or self.in_actor_name(m.start(), m.end()):
                    continue
                if t.type == "Decree" and word == "by" and not _DECREED_ACT.search(
                        self.body, max(0, m.start() - 60), m.start()):
                    continue  # "would rule by decree", "was formed by decree": no decree issued here
                frame = self.doc.search(_FRAME_OF, max(0, m.start() - 40), m.start()) if t.form == "noun" and \
                    self.body.find(" of ", max(0, m.start() - 40), m.start()) >= 0 else None
                described = t.type == "GovernmentFormation" and t.form == "noun" and word != "formation"
                outcome = _GOVERNMENT_OUTCOME.search(body, max(0, m.start() - 45), m.start()) if described else None
                if described and not outcome:
                    continue  # "dismissed the unity government": a government named, not one formed
                if frame:  # its own time ("the aftermath of the 2007 takeover") belongs to no event of the clause
                    self.frames.append((frame.start(), m.end()))
                else:
                    hits.append(Hit(t.type, t.form, m.start(), m.end(), t.confidence, t.subject_role,
                                    extra={"outcome": outcome} if outcome else {}))
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        kept: list[Hit] = []
        for h in hits:
            if kept and h.start < kept[-1].end:
                continue
            kept.append(h)
        return kept

    def build(self, h: Hit, taken: set[int]) -> Event | None:
        doc, body = self.doc, self.body
        lo, hi = self.clause(h.start)
        if h.type == "Signing" and body[h.start:h.start + 4].lower() == "with" \
                and not _ENDED_WITH.search(body, max(lo, h.start - 90), h.start):
            return None  # "Hamas welcomed the deal with a statement calling for calm": no text of talks
        folded = doc.folded
        modality, cue_start, cue_end = modality_at(body, h.start, self.after_cut(lo, h.start), folded)
        if modality == "failed" and _CALLED_OFF.match(body, cue_start, cue_end) \
                and not _OBJECT_GAP.fullmatch(body, cue_end, h.start):
            modality, cue_start, cue_end = "actual", -1, -1  # "Egypt cancelled a visit by X, but Y met": not its object
        if folded is None:
            post = next((name for name, p in POST_CUES if p.match(body, h.end, hi)), None) \
                if POST_ANY.match(body, h.end, hi) else None
        else:  # the same on the lowered body
            post = next((name for name, p in POST_CUES_LOW if p.match(folded, h.end, hi)), None) \
                if self.may_hold_post_word(h.end, hi) and POST_WORDS_LOW.search(folded, h.end, hi) \
                and POST_ANY_LOW.match(folded, h.end, hi) else None
        if modality == "actual" and post and post != "actual" and (h.form == "noun" or post != "planned"):
            modality = post
        elif post == "actual" and modality in ("planned", "hoped", "proposed") and h.form == "noun":
            modality = "actual"  # "would attend the talks, which were held on March 2": they took place
        if h.type == "Meeting" and modality == "actual" and body[h.start:h.end].lower() in ("convene", "convenes") \
                and not re.search(r"\b(?:did|do|does|to)\s+$", body[max(lo, h.start - 8):h.start]):
            modality = "planned"  # "Factions convene in Algiers on Tuesday": the present of a schedule
        if h.form == "noun" and modality == "actual" \
                and doc.may_contain_in(_SUSPEND_WORDS, max(lo, h.start - 40), h.start) \
                and _SUSPENDED_BEFORE.search(body, max(lo, h.start - 40), h.start):
            modality = "postponed"  # "suspended the municipal elections" (not "suspended its participation in …")
        preparing = h.type == "Election" and h.form == "noun" \
            and bool(_PREPARING_BEFORE.search(body, max(lo, h.start - 60), h.start))
        prepared = preparing and modality == "planned"  # "a government that would prepare … elections": governed
        if preparing and modality == "actual":
            modality = "planned"  # "charges the cabinet with preparing presidential and legislative elections"
        if h.form == "noun" and modality == "actual" and _HELD_AFTER.match(body, h.end) \
                and _WITHOUT_BEFORE.search(body, max(lo, h.start - 40), h.start):
            modality = "failed"  # "expired without an election having been held": due, and not held
        reported = self.reported_clause(h, lo, hi)
        if reported is not None:  # "(On Thursday) the court ruled that the elections would be postponed"
            h.extra["reported"] = reported
            if h.type == "Postponement" and h.form == "verb" and modality == "planned" \
                    and body[cue_start:cue_end].lower() == "would":
                modality = "denied" if re.match(r"\s+(?:not|never)\b", body[cue_end:h.start]) else "actual"
                h.extra["decided"] = True  # the ruling postpones them (or rules out doing so), on its own day
                # (``TimeRules.time_for``)
            elif h.form == "noun" and modality in ("actual", "planned") and _WOULD_BE_POSTPONED.match(body, h.end, hi):
                modality = "postponed"  # the elections it postpones
        failed_to_reunite = h.type == "Stall" and body[h.start:h.start + 6].lower() == "failed"
        if failed_to_reunite and modality == "failed":
            modality = "actual"  # "talks have failed to reunite Gaza and the West Bank": the stall is what happened
        if h.type == "Meeting" and h.form == "noun" and modality == "failed" \
                and _FAILED_TO_REUNITE.search(body, h.end, hi):
            return None  # "Repeated rounds of talks have failed to reunite …": the stall reports it
        if h.type == "Election" and modality == "actual" and (_SCHEDULING.search(body, max(lo, h.start - 50), h.start)
                                                              or _CALLED_BY.match(body, h.end, hi)):
            modality = "planned"  # "a decree calling elections for May 22", "the elections called by X"
        prev = h.extra.get("prev_hit")
        if modality == "actual" and prev is not None and prev.event is not None and prev.type == h.type \
                and prev.event.modality != "actual" and _COORDINATED_SAME.fullmatch(body, prev.end, h.start):
            modality = prev.event.modality  # "… calling elections on May 22 and a presidential election …"
        if h.type == "GovernmentFormation" and _GOVERNMENT_HEAD.match(body, h.start, h.end):
            if modality == "actual" and re.search(r"\b(?:to|would|will)\s+be\s+formed", body[h.start:h.end]):
                modality = "planned"  # "expected the cabinet to be formed within weeks"
            if modality == "actual" and not any(0 <= t.start - h.end <= 40 for t in doc.times_in(h.end, hi)):
                return None  # "a government formed without consensus": a description, not a report
        rel_winner = self.relative_winner(h) if h.type == "Election" and h.form == "noun" else []
        outcome = h.extra.get("outcome")  # "agreed on a national unity government" (``find_hits``)
        if outcome and not self.government_in_domain(h.start):
            return None  # "the uprising led to a transitional government in Tunisia"
        if outcome and modality == "actual" and not outcome.group("made"):  # not "the deal produced a … government"
            modality = "planned"  # "agreed on a national unity government", "under which X would head …"
        if h.type == "Proposal" and modality == "proposed":
            modality = "actual"  # "proposed … and suggested that …": the proposal itself is made
        governor = None
        days = duration_days(body[max(lo, h.start - 60):h.start]) if h.type == "Meeting" and h.form == "noun" \
            else None
        sent = doc.sentence_at(h.start)
        anaphor = h.type == "Meeting" and h.form == "noun" and modality == "actual" and (
            (h.start - sent.start <= 30 and self.anaphoric_sentence(sent)
             and h.extra.get("prev_hit") is None) or bool(doc.search(_JOINED_MEETING, max(lo, h.start - 40), h.start)))
        h.extra["anaphor"] = anaphor
        if days or anaphor:
            modality = post if post in ("postponed", "failed") else "actual"  # "after two days of talks"
        if h.form == "noun" and h.type != "Proposal" and not (days or anaphor):
            gov = list(doc.finditer(GOVERNORS, max(lo, h.start - 60), h.start))
            ger = list(doc.finditer(GERUND_GOVERNORS, max(lo, h.start - 60), h.start)) \
                if doc.may_contain(*GERUND_WORDS) else []
            governor = gov[-1] if gov else None
            own_time = any(t.end <= h.start and h.start - t.end <= 30 for t in doc.times_in(lo, h.start)) \
                or any(_TIME_RIGHT_AFTER.fullmatch(body, h.end, t.start)
                       and (_CALENDAR.search(t.spec.text)
                            or not _VERB_OBJECT.search(body, max(lo, h.start - 40), h.start))
                       for t in doc.times_in(h.end, hi))  # "elections on May 22", not "denounced the talks on Sunday"
            winner = doc.match(_WON_BY, h.end, hi) or (h.type == "Election" and (_VICTORY_BEFORE.search(
                body, max(lo, h.start - 70), h.start) or rel_winner))  # "…, won by Hamas", "Hamas's victory in the
            # elections", "the elections (that) Hamas won"
            participle = h.type == "Meeting" and body[h.start:h.end].lower() == "meeting" \
                and _GROUP_BEFORE.search(body, max(lo, h.start - 30), h.start) \
                and (_AT_PLACE.match(body, h.end, hi) or bool(self.refs.starting(h.end + 1, h.end + 2)))
            to_noun = modality != "actual" and cue_start >= 0 and body[cue_start:cue_end].lower().endswith("to") \
                and bool(_TO_NOUN.fullmatch(body, cue_end, h.start))
            near_cue = modality != "actual" and not to_noun and (
                post or cue_start < 0 or h.start - cue_end <= _NEAR_CUE
                or bool(_MODIFIER_LIST.fullmatch(body, cue_end, h.start))  # "his call for presidential, … elections"
                or bool(ger))  # "would include holding elections": the gerund governs the noun
            if to_noun and not (governor or post or own_time):
                return None  # "committed to negotiations (with Fatah)": a stance, not a planned meeting
            own_time = own_time or h.end in self.time_owner.values()  # "the elections … were to have been held
            # on May 22" (a scheduled time owned by the noun)
            if not (governor or outcome or near_cue or post or own_time or winner or participle
                    or prepared or self.noun_argument(h, hi)):
                return None  # "hoped … would help revive … talks": no event
            if ger and not governor and modality == "actual" and not (post or own_time or winner):
                return None
            if h.type == "Handover" and modality == "actual" and not (post or governor):
                return None
        if h.type == "Signing" and h.form == "verb" and body[h.start:h.end] == "signed" \
                and not self.signed_object(h, lo, hi):
            return None  # "the decree was signed", "Abbas signed on Monday": no agreement signed
        role = h.subject_role or SUBJECT_ROLE.get(h.type, "participant")
        if h.type == "Election" and _ORGANISE.search(body[max(lo, h.start - 60):h.start]):
            role = "agent"  # "tasked to organize … polls": the organiser
        if governor and h.type == "Meeting" \
                and body[governor.start():governor.start() + 5].lower() in ("chair", "presi"):
            role = "leader"  # "Abbas chaired the meeting of secretaries-general"
        if outcome and outcome.group("head"):
            role = "leader"  # "under which Abbas would head an interim government"
        if governor and h.type == "Election" and body[governor.start():governor.end()].lower() == "won":
            role = "winner"  # "Hamas won a majority in the 2006 elections"
        participants: list[Participant] = []
        anchor = cue_start if cue_start >= 0 else (governor.start() if governor else h.start)
        between = groups(self.refs, body, cue_end, h.start, self.faction_bridge) if cue_start >= 0 else []
        before = groups(self.refs, body, lo, anchor, self.faction_bridge)
        if h.form == "noun" and not governor and not between and before and cue_start < 0:
            before = [g for g in before if h.start - g[-1].end <= 30]
        if h.form == "noun" and not governor and not between and not before and cue_start < 0 \
                and h.type not in ("Election", "Meeting", "Proposal"):
            its = _ITS_BEFORE.search(body, max(lo, h.start - 30), h.start)
            participants += as_participants(self.it_antecedent(its.start(), h.type, forward=True) if its else None,
                                            role)  # "its seizure of Gaza", "after its takeover of Gaza, Hamas …"
        if between:
            participants += as_participants(between[-1], role)
        if h.type == "GovernmentFormation" and cue_start >= 0 and _ASKED.match(body, cue_start):
            asked = groups(self.refs, body, cue_start, cue_end, self.faction_bridge)
            participants += as_participants(asked[-1] if asked else None, "leader")  # "asked X to form a cabinet"
            him = _ASKED_HIM.match(body, cue_start) if not asked else None
            person = self.asked_person(lo, cue_start, "female" if him.group(1) == "her" else "male") if him else None
            if person:  # "Abbas named Mohammad Mustafa … and asked him to form a government"
                participants.append(Participant("leader", *person))
        rejected = modality in ("hoped", "proposed") and cue_start >= 0 \
            and bool(_REJECTED_BEFORE.search(body, max(lo, cue_start - 30), cue_start))  # "rejected calls for …":
        # someone else called, the one who rejects is no actor
        if modality in ("hoped", "proposed") and cue_start >= 0 and not rejected:
            proposer = self.we_side(cue_start) or (before[-1] if before else None)
            if isinstance(proposer, list):
                participants += as_participants(proposer, "proposer")
            elif proposer:
                participants.append(Participant("proposer", proposer, self.idx.label(proposer)))
            if h.type == "Meeting" and _TO_HOST.search(body, cue_start, h.start):  # "offered to host talks"
                participants += [Participant("host", p.entity, p.label) for p in participants if p.role == "proposer"]
        elif not rejected and not between and before \
                and (h.form == "verb" or governor or h.start - before[-1][-1].end <= 30) \
                and not (h.type in _NO_PASSIVE_SUBJECT and self.passive_here(h, lo, hi)):
            subject = before[-1]
            if h.form == "verb" and len(before) > 1 and doc.search(_BY_AGENT, max(lo, subject[0].start - 4),
                                                                        subject[0].start):
                subject = before[-2]  # "Hamas welcomed the truce brokered by Egypt and signed …": not Egypt
            it = _IT_SUBJECT.search(body, max(lo, anchor - 40), anchor) if (h.form == "verb" or governor) \
                and doc.may_contain_in(("it",), max(lo, anchor - 40), anchor) else None
            if it and it.start() >= subject[-1].end:  # "…, a year after it won the election": "it" is the
                subject = self.it_antecedent(it.start(), h.type) or []  # sentence's subject, not the last name
            if subject and len(before) > 1 and _OF_FACTION.fullmatch(body, before[-2][-1].end, subject[0].start) \
                    and self.idx.type_of(subject[0].iris[0]) == "Party" \
                    and self.idx.type_of(before[-2][-1].iris[0]) == "Person":
                subject = before[-2] + subject  # "Azzam al-Ahmad of Fatah signed": the person and his faction
            prev = h.extra.get("prev_hit")
            at = (cue_start if cue_start >= 0 else h.start) if h.form == "verb" else (
                governor.start() if governor else -1)  # "… and was due to meet": the cue opens the verb phrase
            if subject and at >= 0 and prev is not None and prev.event is not None and prev.extra.get("subject") \
                    and _COORDINATED.search(body, max(lo, at - 14), at) and prev.start < subject[0].start:
                subject = prev.extra["subject"]  # "X dismissed …, declared …": the first verb's subject
            h.extra["subject"] = subject
            participants += as_participants(subject, role)
        won = _VICTORY_BEFORE.search(body, max(lo, h.start - 70), h.start) \
            if h.type == "Election" and h.form == "noun" else None
        if won:  # "Hamas's victory in the 2006 election", "its victory in the election": the winner only
            owner = [r for r in self.refs.inside(max(lo, won.start() - 60), won.start()) if r.end == won.start()]
            if not owner and body[won.start():won.start() + 3].lower() == "its":
                owner = self.it_antecedent(won.start(), h.type, forward=True) or []
            participants = as_participants(owner, "winner")
        elif rel_winner:
            participants = as_participants(rel_winner, "winner")  # "the elections (that) Hamas won"
            modality = "actual"  # won, so held: "never accepted the elections Hamas won" denies the acceptance
        participants += self.object_roles(h, lo, hi)
        if h.type == "Signing" and not participants and (we := self.we_side(h.start)):
            participants = [Participant("signatory", we, self.idx.label(we))]  # "“We agreed on a joint …,” X said"
        conv = apply_conventions(h.type, body, self.refs, h.start, h.end, lo, hi, participants,
                                 body[governor.start():governor.end()] if governor else None)
        if conv is None:
            return None
        participants = conv
        if failed_to_reunite and not participants:
            pair = last_parties(doc, h.start)  # the split is the two movements the article is about
            participants = [Participant("participant", m.entity, m.label)
                            for m in sorted(pair, key=lambda m: m.entity)] if len(pair) == 2 else []
        if h.type == "Takeover":
            driven = self.takeover_targets(h, hi, participants)
            if passive_before(body, h.start) and not (any(p.role == "agent" for p in participants) and (
                    driven or _DRIVEN_SUBJECT.search(body, max(lo, h.start - 40), h.start))):
                return None  # "Real Madrid were routed by Barcelona", "Journalists were driven out of Gaza by Hamas"
            participants += driven
        if h.type == "Election" and h.subject_role == "winner" and self.body.startswith("won", h.start) \
                and (not participants or _CONDITIONAL_BEFORE.search(body[lo:h.start])):
            return None  # "Barcelona won a majority of their games", "If Hamas won a majority, …": no election won
        if h.type == "Consultation" and not participants and body[h.start:h.start + 5].lower() in ("phone", "telep"):
            return None  # "Trump phoned Netanyahu": no actor of the process on the line
        if h.type == "Meeting" and not participants and h.form == "noun" and _FURTHER.match(body, h.start):
            last = self.last_meeting(h.start, 1)  # "Fatah and Hamas met on Monday, and a further round could be held"
            participants = [p for p in last.participants if p.role == "participant"] \
                if last and last.evidence and last.evidence[0].start >= sent.start else []  # the same sentence
        if h.type == "Meeting" and modality == "actual" and not body[h.start:h.end].lower().startswith("receiv"):
            participants += self.clause_participants(h, lo, hi, participants)
        elif h.type == "Signing" and modality == "actual" and h.form == "verb" \
                and not self.passive_here(h, lo, hi):
            participants += self.clause_participants(h, lo, hi, participants, "signatory", before=True)
        if h.type == "Meeting":
            participants = self.apposition_heads(lo, hi, participants, h.start)
        ev = Event(key="", type=h.type, label="", modality=modality, participants=participants,
                   evidence=[doc.evidence(h.start, h.end, f"trigger-{h.type.lower()}-{h.form}", h.confidence)],
                   confidence=h.confidence)
        ev.place = self.place_after(h, lo, hi) if h.type not in ("Takeover", "Handover", "Split") and not outcome \
            else None  # "the deal signed in Doha under which X would head an interim government": not in Doha
        if h.type in ("Takeover", "Handover"):
            at = h.start if h.type == "Takeover" else h.end  # "expelled Fatah from Gaza": inside the trigger
            terr = [m for m in self.places_in(at, hi, ("Territory", "City", "BorderCrossing"))]
            ev.territory = terr[0].entity if terr else None
            crossings = self.crossing_list(h.start, hi) if h.type == "Handover" else []
            if len(crossings) > 1:  # "the Gaza Strip, the Rafah crossing and the Erez crossing": Gaza stays
                if ev.territory is None or ev.territory in crossings:
                    ev.territory, crossings = crossings[0], crossings[1:]
                self.more_crossings.append((ev, crossings))
        for t in doc.times_in(max(lo, h.start - 90), h.start) if h.form == "noun" else ():
            if _SET_DATE_BEFORE.search(body, max(lo, t.start - 12), t.start) \
                    and _FOR_NOUN.fullmatch(body, t.end, h.start):  # "sets August 31 for completing elections"
                ev.time = t.spec
                taken.add(t.start)
                ev.modality = "planned" if ev.modality == "actual" else ev.modality
        for t in doc.times_in(lo, hi) if ev.time is None else ():
            if t.start < h.start <= t.end + 30 and h.form == "noun" and t.start >= h.extra.get("reported", 0) \
                    and not _NOT_PREMODIFIER.search(body, t.end, h.start) \
                    and not PAST_VERB.search(body, t.end, h.start) \
                    and not _GERUND.search(body, t.end, h.start):  # not "on Thursday suspended the elections",
                # "on Friday setting elections for May 22"
                ev.time = point_time(t.spec) if h.type in POINT_EVENTS else t.spec  # "the 2006 elections"
                taken.add(t.start)
                break
        if ev.time is None and h.type not in ("Statement",):
            past = modality == "actual" and h.form == "verb" and bool(PAST_VERB.match(body, h.start, h.end))
            ev.time = self.time_for(h, lo, hi, taken, past)
            if ev.time:
                taken.update(t.start for t in doc.times_in(lo, hi) if t.spec == ev.time)
        if ev.time is None and h.form == "verb" and modality == "actual":
            ev.time = self.shared_time(h)
        if outcome and not outcome.group("made") and ev.time is not None \
                and not re.match(r"(?:within|by|before)\b", ev.time.text, re.IGNORECASE):
            ev.time = None  # "agreed on a unity government in Cairo on Monday": the agreement's day, not its own
        if ev.time is not None and modality == "actual" and ev.time.text.lower().startswith("within"):
            ev.time = None  # "collapsed within two weeks": a span from the report fits only what lies ahead
        if ev.time is not None and not days:
            h.extra["twin"] = self.coordinated_time(ev, lo, hi, taken)
        if days:
            ev.time = self.talks_span(ev.time, days, lo, hi)
            prev = h.extra.get("prev_hit")
            if prev is not None and prev.event is not None and prev.type == "Signing":
                ev.place = ev.place or prev.event.place  # "X and Y signed … in Z after three days of talks"
                prev.event.participants += [p for p in ev.participants if p.role == "host"
                                            and p not in prev.event.participants]  # "… talks hosted by X"
                ev.participants = [p for p in ev.participants if p.role != "participant"] + [
                    Participant("participant", p.entity, p.label) for p in prev.event.participants
                    if p.role == "signatory" and self.idx.type_of(p.entity) == "Party"]
            elif not any(p.role == "participant" for p in ev.participants):
                ev.participants += as_participants(self.main_subject(h.end, hi), "participant")
        if anaphor:
            later = [t for t in doc.times_in(h.end, hi) if t.start not in taken]
            ev.time = ev.time or (later[0].spec if later else None)  # "The meeting, hosted by …, opened on Monday"
            self.anaphors.append(ev)
        self.attach_agreement(h, ev, lo, hi)
        if h.type == "Signing" and ev.agreement is None and not self.in_domain(h.start):
            return None  # "The merger agreement was signed in London", "the company signed a deal": another domain
        if ev.time is None and h.type == "Signing" and body[h.start:h.end] == "signed" \
                and not self.passive_here(h, lo, hi) and not _AGREEMENT_NOUN_AFTER.match(body, h.end):
            ev.time = TimeSpec("", None, None, None)  # "the deal he signed": a past signing the text does not date
        self.add_host(ev)
        self.purpose_here(h, ev, hi)
        if (h.type in ("GovernmentFormation", "SwearingIn") or (h.type == "Collapse" and (
                doc.search(_GOV_WORD, h.start, min(hi, h.end + 60)) or doc.search(_GOV_WORD, lo, h.start)))) \
                and not _FOREIGN_GOVERNMENT.search(body, lo, hi):  # not "the Israeli government collapsed"
            self.resolve_government_event(ev, lo, hi)
        if h.type in ("Election", "Takeover", "Split") and ev.time:
            ev.same_as = resolve_event(self.idx, type=h.type, earliest=ev.time.earliest, latest=ev.time.latest,
                                       participants=[p.entity for p in ev.participants], territory=ev.territory)
        if h.type == "Split":
            sent = self.doc.sentence_at(h.start)
            for c in self.controls:
                if c.evidence and sent.start <= c.evidence[0].start < sent.end:
                    ev.participants += [Participant("participant", p.entity, p.label) for p in c.participants]
        ev.participants = self.outside_frames(h, ev.participants, lo, hi)
        if h.type == "Election" and h.form == "verb" and h.subject_role is None:  # "won", not "lost"
            for p in ev.participants:
                if p.role == "participant":
                    ev.participants[ev.participants.index(p)] = Participant("winner", p.entity, p.label)
        prev = h.extra.get("prev_hit")
        if h.type == "Election" and h.form == "noun" and prev is not None and prev.type == h.type \
                and prev.form == "verb" and prev.event is not None and ev.modality == prev.event.modality \
                and h.start - prev.end <= 60 and not _LIST_BREAK.search(body, prev.end, h.start):
            absorb(prev.event, ev)  # "Hamas trounced Fatah in the legislative elections on Wednesday": one vote
            return None
        if h.type == "Meeting" and h.form == "noun" and prev is not None and prev.type == "Meeting" \
                and prev.form == "verb" and prev.event is not None and h.start - prev.end <= 80 \
                and _FOR_TALKS.search(body, prev.end, h.start):
            absorb(prev.event, ev)  # "Factions convene in Algiers on Tuesday for reconciliation talks": one meeting
            return None
        return ev

    def outside_frames(self, h: Hit, participants: list[Participant], lo: int, hi: int) -> list[Participant]:
        """Participants named only inside a frame the trigger lies outside ("formed … under an agreement with
        Hamas", "Under the Egyptian-brokered deal, the government is to assume control"): the accord's parties
        and brokers are not the event's actors (``kg.extract.clauses.frame_spans``).

        Example: "Under the Egyptian-brokered deal, X is to assume control" → Egypt is no mediator of the handover.
        """
        frames = [(a, b) for a, b in self.frames_in(lo, hi) if not a <= h.start < b]
        if not frames and not self.apposition_in(lo, hi):
            return participants  # nothing to set aside
        have = {p.entity for p in participants}
        refs = [r for r in self.refs_inside(lo, hi) if have.intersection(r.iris)]
        aside = [r for r in refs if any(a <= r.start < b for a, b in frames) or self.apposition_org(r)]
        if not aside:
            return participants
        inside = {i for r in aside for i in r.iris}
        outside = {i for r in refs if r not in aside for i in r.iris}
        return [p for p in participants if p.entity not in inside or p.entity in outside]

    def frames_in(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """``frame_spans`` of the clause ``[lo, hi)`` (memoised; none without "under")."""
        got = self._frames.get((lo, hi))
        if got is None:
            got = self._frames[lo, hi] = frame_spans(self.body, lo, hi) if "nder " in self.body[lo:hi] else []
        return got

    def refs_inside(self, lo: int, hi: int) -> list[Ref]:
        """``self.refs.inside(lo, hi)``, memoised per clause (do not modify the list returned)."""
        key = ("inside", lo, hi)
        got = self.refs.memo.get(key)
        if got is None:
            got = self.refs.memo[key] = self.refs.inside(lo, hi)
        return got

    def asked_person(self, lo: int, cue: int, gender: str) -> tuple[str, str] | None:
        """Who "him/her" is in "… asked him to form a government": the last person of that gender named in the
        clause before the cue who is not the asker. The asker is the clause's first actor when "asked" is
        coordinated with an earlier verb ("Abbas named X … and asked him"), else the actor right before it
        ("Haniyeh said Abbas had asked him": him = Haniyeh)."""
        refs = list(self.refs.inside(lo, cue))
        if not refs:
            return None
        asker = refs[0] if _AND_BEFORE.search(self.body, max(lo, cue - 20), cue) else refs[-1]
        for m in reversed(self.doc.mentions_in(lo, cue)):
            if m.type == "Person" and m.entity not in asker.iris and gender_of(self.doc, m.entity) in (None, gender):
                return m.entity, m.label
        return None

    def shared_time(self, h: Hit) -> TimeSpec | None:
        """"Abbas on Thursday dismissed the government, declared a state of emergency and …": a time between
        the subject and its first verb dates every verb coordinated with it (", V" / "and V")."""
        prev = h.extra.get("prev_hit")
        if prev is None or prev.event is None or prev.form != "verb" or prev.event.modality != "actual" \
                or prev.event.time is None or not _COORDINATED_VERB.search(self.body, prev.end, h.start):
            return None
        before = self.doc.times_in(max(0, prev.start - 40), prev.start)
        if before and not self.body[before[-1].end:prev.start].strip(" ,") and before[-1].spec == prev.event.time:
            return prev.event.time
        return None

    def noun_argument(self, h: Hit, hi: int) -> bool:
        """True when the noun trigger takes its actors in a prepositional phrase right after it ("talks between
        X and Y", "a meeting with X", "the signing of … by X"): the noun phrase reports the event by itself.

        Example: "a first round of talks between Fatah and Hamas in Beijing" (not "talks on the crisis").
        """
        m = _NOUN_ARGUMENT.match(self.body, h.end, hi)
        if not m:
            return False
        if any((r.start == m.end() or (r.kind == "pair" and r.start < m.end() < r.end  # "between the two sides"
                                        and not _GERUND_BEFORE.search(self.body, max(0, h.start - 30), h.start)
                                        and not _STANCE_BEFORE.search(self.body, max(0, h.start - 30), h.start)))
               and all(self.idx.type_of(i) in _ACTOR_SIDE for i in r.iris)
               for r in self.refs.starting(h.end, min(hi, m.end() + 1))):
            return True
        if h.type in _GROUP_TYPES and m.group().split()[0] in ("of", "with") \
                and _GENERIC_GROUP.match(self.body, m.end(), hi) \
                and not _GERUND_BEFORE.search(self.body, max(0, h.start - 30), h.start):
            return True  # "a meeting of all Palestinian factions": annotated, with no named participant
        return h.type == "Takeover" and m.group().strip().startswith("of") \
            and any(p.start == m.end() for p in self.places_in(m.end(), hi, ("Territory",)))

    def we_side(self, cue_start: int) -> str | None:
        """"We hope …" inside a quote → the side the speaker speaks for."""
        if not _WE_BEFORE.search(self.body[max(0, cue_start - 15):cue_start]):
            return None
        q = self.doc.quote_at(cue_start)
        if not q or not q.speaker:
            return None
        org = affiliation(self.doc, self.idx, q.speaker)
        return side_of(self.idx, org) or q.speaker

    def reported_clause(self, h: Hit, lo: int, hi: int) -> int | None:
        """Where the clause that a past verb of decision or report opens before ``h`` starts, when it says what
        "would" happen ("the court ruled (on Thursday) that … would be postponed": after "that"); else None. The
        times before that start are the verb's (``TimeRules.time_for``)."""
        if not self.doc.may_contain_in(("would",), lo, hi):
            return None
        verbs = list(self.doc.finditer(DECIDED_VERB, lo, h.start))
        if not verbs:
            return None
        at = verbs[-1].end()
        if self.body.startswith(",", at):
            return None  # "On December 3, he said, they would meet": an inserted "he said" opens no clause
        for t in self.doc.times_in(at, h.start):  # "ruled on Thursday that"
            if _TIME_GAP.fullmatch(self.body, at, t.start):
                at = t.end
            break
        that = _THAT_AFTER.match(self.body, at, h.start)
        at = that.end() if that else at
        return at if _WOULD.search(self.body, at, hi) else None

    def passive_here(self, h: Hit, lo: int, hi: int) -> bool:
        """Whether the verb ``h`` is a passive (its subject is acted on): "was signed", "signed (in Cairo on
        Monday) by X", "was initialed in April and signed there"."""
        body = self.body
        return passive_before(body, h.start) or bool(self.doc.match(_SIGNED_BY, h.start, hi)) or (
            body.endswith(("and ", "then "), 0, h.start) and bool(
                _PASSIVE_CHAIN.search(body, max(self.doc.sentence_at(h.start).start, h.start - 120), h.start)))

    def signed_object(self, h: Hit, lo: int, hi: int) -> bool:
        """Whether a bare "signed" (no object after it) signs an agreement: "the deal was signed (by X)" (passive),
        "the agreement (that) Fatah and Hamas signed in Cairo" (its object before it), "signed by X"."""
        body = self.body
        if self.doc.match(_SIGNED_BY, h.start, hi) or _AGREEMENT_NOUN_AFTER.match(body, h.end):
            return True
        if passive_before(body, h.start):
            return bool(_PASSIVE_AGREEMENT.search(body, max(lo, h.start - 60), h.start))
        sent = self.doc.sentence_at(h.start)
        chain = _PASSIVE_CHAIN.search(body, max(sent.start, h.start - 120), h.start)
        if chain:  # "The accord was initialed in Cairo in April and signed there on May 4"
            return bool(_PASSIVE_AGREEMENT.search(body, max(sent.start, chain.start() - 60), chain.start()))
        return bool(_AGREEMENT_OBJECT_BEFORE.search(body, max(sent.start, h.start - 90), h.start))

    def it_antecedent(self, pos: int, type_: str, forward: bool = False) -> list | None:
        """What "it"/"its" at ``pos`` stands for, as the actor of an event of ``type_``: the first body named alone
        in its sentence before it ("Hamas has ruled Gaza since it routed Fatah forces" → Hamas) that can act so
        (only a party wins an election or takes a territory: "The United States boycotted Hamas after it won" →
        Hamas); with ``forward``, when none is before, the first one after ("After its takeover of Gaza, Hamas
        formed …"); else None."""
        sent = self.doc.sentence_at(pos)
        kinds = FACTION_TYPES if type_ in ("Election", "Takeover") else _IT_TYPES
        spans = ((sent.start, pos), (pos, sent.end)) if forward else ((sent.start, pos),)
        for a, b in spans:
            for g in groups(self.refs, self.body, a, b, self.faction_bridge):
                if len(g) == 1 and len(g[0].iris) == 1 and self.idx.type_of(g[0].iris[0]) in kinds:
                    return g
        return None

    def government_in_domain(self, pos: int) -> bool:
        """Whether a government an agreement provides for at ``pos`` is one of this process: an article of the
        process (``in_domain``) whose sentence names one of its actors and no foreign government ("the uprising
        led to a transitional government in Tunisia" is none)."""
        sent = self.doc.sentence_at(pos)
        return self.in_domain(pos) and not _FOREIGN_GOVERNMENT.search(self.body, sent.start, sent.end) and any(
            all(self.idx.type_of(i) in _TARGET_TYPES for i in r.iris) for r in self.refs.inside(sent.start,
                                                                                                    sent.end))

    def relative_winner(self, h: Hit) -> list[Ref]:
        """The party in a relative clause right after an election noun that won it: "the 2006 elections (that /
        which) Hamas won", "the vote Hamas had won by a landslide" → [Hamas]; else []."""
        after = self.refs.starting(h.end, h.end + 12)
        if not after or not _RELATIVE_GAP.fullmatch(self.body, h.end, after[0].start) \
                or not _WON_AFTER.match(self.body, after[0].end) \
                or not all(self.idx.type_of(i) in FACTION_TYPES for i in after[0].iris):
            return []
        return [after[0]]

    def takeover_targets(self, h: Hit, hi: int, participants: list[Participant]) -> list[Participant]:
        """Who lost what a takeover took, as ``target`` (the guidelines' "who is attacked"): the side named in
        the trigger ("routed Fatah forces", "drove Fatah out of Gaza", "drove its forces out" → the body named
        before), the side after "from" ("seized Gaza from forces loyal to Abbas") or the subject of a passive
        ("Fatah forces were routed by Hamas"); never the agent, a place or a state."""
        body, agents = self.body, {p.entity for p in participants if p.role == "agent"}
        side = [r for r in self.refs.inside(h.start + 1, h.end) if h.form == "verb"]
        if not side:
            after = [r for r in self.refs.starting(h.end, min(hi, h.end + 80)) if not _DOMINATED.match(body, r.end)]
            side = after[:1] if after and _TAKEN_FROM.fullmatch(body, h.end, after[0].start) else []  # "from the
            # Fatah-dominated Palestinian Authority": the Authority
        if not side and h.form == "verb" and passive_before(body, h.start):
            before = self.refs.inside(self.doc.sentence_at(h.start).start, h.start)
            side = before[-1:] if before and _ROUTED_SUBJECT.fullmatch(body, before[-1].end, h.start) else []
        its = _ITS_FORCES.search(body, h.start, h.end) if not side and h.form == "verb" else None
        if its:  # "the Authority …, when Hamas drove its forces out": the body named before, not the agent
            sent = self.doc.sentence_at(h.start)
            side = [g[0] for g in groups(self.refs, body, sent.start, h.start, self.faction_bridge)
                    if len(g) == 1 and not agents & set(g[0].iris)][:1]
        return as_participants([r for r in side if not agents & set(r.iris)
                                and all(self.idx.type_of(i) in _TARGET_TYPES for i in r.iris)], "target")

    def object_roles(self, h: Hit, lo: int, hi: int) -> list[Participant]:
        body, out = self.body, []
        obj_role = OBJECT_ROLE.get(h.type, "participant")
        window_end = hi if h.extra.get("anaphor") else min(hi, h.end + 120)
        by_role, last_end = None, h.end
        meet = h.form == "verb" and ((h.type == "Meeting" and body[h.start:h.end].lower() in ("meet", "meets", "met"))
                                     or (h.type == "Consultation"
                                         and body[h.start:h.end].lower() in ("contacted", "phoned", "telephoned")))
        for k, g in enumerate(groups(self.refs, body, h.end, window_end, self.faction_bridge)):
            if meet and not k and _MEET_OBJECT.fullmatch(body, h.end, g[0].start):
                out += as_participants([r for r in g if not (self.title_org_of_person(r) or self.apposition_org(r))
                                        and all(self.idx.type_of(i) in _FACTION_SIDE for i in r.iris)
                                        and not _POSSESSIVE_S.match(body, r.end)],  # not "Haniyeh's deputy"
                                       "participant")  # "will meet Haniyeh on Monday": its direct object
                continue
            pre = body[max(h.start, g[0].start - 40):g[0].start]
            by = self.doc.search(_BY_ROLE, max(h.start, g[0].start - 80), g[0].start)  # case-sensitive: on ``body``
            if by:
                by_role = _BY_ROLES[by.group("verb")]
                if self.org_head(g[0]):
                    last_end, by_role = g[-1].end, None  # "hosted by the Institute of …, headed by X": X heads it
                    continue
            elif not (by_role and by_list_continues(body[last_end:g[0].start]) and g[0].kind != "pair"):
                by_role = None  # "… hosted by Egypt, the factions committed": a new subject, not the list
            last_end = g[-1].end
            if by_role:  # "signed by Fatah's deputy chief X and Hamas's Y": the whole list
                out += as_participants([r for r in g if not (self.title_org_of_person(r) or self.apposition_org(r))],
                                     by_role)
            elif quick_search(_WITH_BEFORE, pre) and not _WITH_EYE.search(pre) and not (
                    h.type in ("Handover", "Takeover") and _CROSSING_WITH.search(pre)):
                as_role = _AS_ROLE.match(body, g[-1].end)  # "signed … with Egypt as mediator": Egypt mediates
                out += as_participants(g, ("host" if as_role.group(1).lower() == "host" else "mediator")
                                       if as_role else obj_role)
            elif h.type == "Meeting" and h.form == "noun" and not k and g[0].kind == "mention" \
                    and _NOUN_OF.fullmatch(body, h.end, g[0].start):
                out += as_participants([r for r in g if not (self.title_org_of_person(r) or self.apposition_org(r))],
                                       "participant")  # "meetings of Fatah and Hamas": the whole list meets
            elif h.type == "Meeting" and quick_search(_DELEGATIONS_FROM, pre):
                out += as_participants(g, "participant")  # "opened with delegations from X, Y and Z"
            elif quick_search(_BETWEEN, pre) and not _BORDER_BETWEEN.search(pre) and h.type != "Postponement":
                out += as_participants(g, obj_role)
            elif h.type in ("Handover", "Proposal") and quick_search(_TO_BEFORE, pre):
                out += as_participants(g, "recipient")  # "handed … to X", "presented a proposal to X"
            elif _UNDER_AUSPICES.search(pre):  # "a government under (Prime Minister) X": X leads it
                out += as_participants(g, "leader" if h.type == "GovernmentFormation" and re.search(
                    r"\bunder\s+$", pre, re.IGNORECASE) else "mediator")
            elif h.type in _HOSTED_TYPES and _PRESENCE.search(pre):
                out += as_participants(g, "participant")
        if h.type in _HOSTED_TYPES and self.doc.may_contain(*_VENUE_WORDS):  # the venue may lie after a long by-list:
            # the whole clause after the trigger
            for r in self.refs.starting(h.end, hi):
                if _VENUE_OF.search(body, max(h.end, r.start - 40), r.start):
                    out += as_participants([r], "host")
        return out + self.mediators_in(lo, hi)

    def mediators_in(self, lo: int, hi: int) -> list[Participant]:
        """Mediators named in the clause ``[lo, hi)`` ("the Egyptian-brokered deal", "Qatari mediation"): the
        references starting there followed by "-brokered" or "mediation" (found once per document)."""
        mediators = self.refs.memo.get("mediators")
        if mediators is None:
            body = self.body
            after = any(w in body for w in _MEDIATION_WORDS)
            mediators = self.refs.memo["mediators"] = Refs(
                [r for r in self.refs
                 if (body.startswith(("-", "–"), r.end) and HYPHEN_MEDIATOR.match(body, r.end))
                 or (after and _MEDIATION_AFTER.match(body[r.end:r.end + 14]))])
        return as_participants(mediators.starting(lo, hi), "mediator") if mediators else []

    def clause_participants(self, h: Hit, lo: int, hi: int, taken: list[Participant], role: str = "participant",
                            before: bool = False) -> list[Participant]:
        """Meeting default role: every faction or person named in the trigger's sub-clause
        (``kg.extract.clauses.subclause``, outside its relative clauses) that has no role yet is a participant,
        unless it speaks, is a genitive ("a meeting of the X leadership") or sits in a person's title. With
        ``role="signatory", before=True`` the same default for a Signing, over the actors before the verb only.

        Example: "Fatah, Hamas and Islamic Jihad ended two days of talks in Moscow" → the three take part
        (only the group nearest the trigger is its subject).
        """
        have = {p.entity for p in taken}
        out: list[Participant] = []
        lo, hi, holes = subclause(self.body, h.start, h.end, lo, hi, self.doc.folded)
        q = self.doc.quote_at(h.start)  # "Saeb Erekat, the PLO secretary general, said the talks failed": who
        said = (q.cue_start, q.start) if q is not None and 0 <= q.cue_start < q.start else (-1, -1)  # speaks
        for r in self.refs.inside(lo, h.start if before else hi):
            if not all(self.idx.type_of(i) in _FACTION_SIDE for i in r.iris) \
                    or said[0] <= r.start < said[1] \
                    or any(a <= r.start < b for a, b in holes) \
                    or self.title_org_of_person(r) or self.apposition_org(r) or self.org_head(r) \
                    or _SPEAKER_AFTER.match(self.body, r.end, hi) \
                    or (_OF_BEFORE.search(self.body, max(lo, r.start - 8), r.start)
                        and not _PEOPLE_OF.search(self.body, max(lo, r.start - 30), r.start)):
                continue
            out += [p for p in as_participants([r], role) if p.entity not in have]
            have.update(r.iris)
        return out

    def apposition_heads(self, lo: int, hi: int, participants: list[Participant], at: int) -> list[Participant]:
        """A participant person followed by the apposition "the head of the Y delegation" is the meeting's
        ``leader`` and the faction Y a participant (the gold convention for delegation heads).

        Example: "Azzam al-Ahmad, the head of the Fatah delegation, met X" → leader al-Ahmad, participant Fatah.
        """
        if not self.doc.may_contain("delegation", "team"):
            return participants  # every match of the three patterns below holds one of these words
        have = {p.entity for p in participants if p.role == "participant"}
        for r in self.refs.inside(lo, hi):
            led = _LED_DELEGATION_AFTER.match(self.body, r.end)  # "X led a …"; "a Hamas delegation led by X"
            if led and _OTHER_TRIP.match(self.body, led.end()):
                led = None  # "X, who led a Hamas delegation to Moscow in 2019, met Y": another trip
            gap = led.end() if led else r.end
            if have.intersection(r.iris) and self.idx.type_of(r.iris[0]) == "Person" \
                    and (led or _LED_BY_BEFORE.search(self.body, max(lo, r.start - 60), r.start)) \
                    and not _RELATIVE_TO.search(self.body, gap, max(gap, at)):  # not "…, whom Wang met"
                participants = [Participant("leader", p.entity, p.label)
                                if p.entity in r.iris and p.role == "participant" else p for p in participants]
                continue
            m = _HEAD_APPOSITION.match(self.body, r.end) if have.intersection(r.iris) else None
            if m is None or self.idx.type_of(r.iris[0]) != "Person":
                continue
            participants = [Participant("leader", p.entity, p.label) if p.entity in r.iris and p.role == "participant"
                            else p for p in participants]
            for f in self.refs.inside(r.end, m.end()):
                if all(self.idx.type_of(i) in FACTION_TYPES for i in f.iris):
                    participants += [p for p in as_participants([f], "participant") if p not in participants]
        return participants

    def faction_bridge(self, a: Ref, b: Ref) -> bool:
        """True when the faction ``a`` qualifies the person ``b`` right after it, so that both are one item of a
        coordinated list: a possessive ("Fatah's (deputy chief) Azzam al-Ahmad") or a title naming the faction
        ("Hamas politburo chief X").

        Example: "Fatah's A, Hamas's B and Islamic Jihad's C met" → one group of six actors, not three; so is
        "signed by A for Fatah and B for Hamas" (a person, then his faction after "for").
        """
        if self.idx.type_of(a.iris[0]) == "Person" and self.idx.type_of(b.iris[0]) in FACTION_TYPES:
            return bool(_FOR_FACTION.fullmatch(self.body, a.end, b.start))  # "X for Fatah and Y for Hamas"
        if self.idx.type_of(a.iris[0]) not in FACTION_TYPES or self.idx.type_of(b.iris[0]) != "Person":
            return False
        return bool(_POSSESSIVE_GAP.fullmatch(self.body, a.end, b.start)) or any(
            t.person in b.iris and t.org in a.iris and a.end <= t.start and t.end <= b.start <= t.end + 2
            for t in self.doc.titles)

    def apposition_org(self, r: Ref) -> bool:
        """True when ``r`` is the organisation in a title apposition after a person ("Abbas Kamel, director of
        Egypt's General Intelligence", "X, a member of the Y Committee"): the person is the actor. A delegation
        ("X, head of the Fatah delegation") is not such a title: the faction takes part.

        Example: "…by Khaled Fawzi, head of Egypt's intelligence service" → the service is no participant.
        """
        key = ("apposition", r.start, r.end)  # a function of the span (and the references) only
        refs = self.refs
        got = refs.memo.get(key)
        if got is None:
            k = bisect.bisect_left(refs.starts, r.start) - 1  # the last reference starting before r …
            prev = refs[k] if k >= 0 and refs[k].start >= r.start - 60 else None  # … in the 60 characters before
            got = refs.memo[key] = prev is not None and self.body.startswith(",", prev.end) \
                and self.idx.type_of(prev.iris[0]) == "Person" \
                and bool(_APPOSITION.fullmatch(self.body, prev.end, r.start)) \
                and not _DELEGATION_AFTER.match(self.body, r.end)
        return got

    def org_head(self, r: Ref) -> bool:
        """True when ``r`` heads the body named just before it ("the Institute of Oriental Studies, headed by Vitaly
        Naumkin", "the Russian Foreign Ministry, headed by Sergey Lavrov"): the head of that body, not of the event.

        Example: "talks hosted by the Institute of Oriental Studies, headed by Vitaly Naumkin" → Naumkin no role.
        """
        m = _HEADED_BY_AFTER_COMMA.search(self.body, max(0, r.start - 20), r.start) \
            if self.body.rfind("by", max(0, r.start - 8), r.start) >= 0 else None
        if m is None:
            return False
        k = bisect.bisect_left(self.refs.starts, m.start()) - 1
        prev = self.refs[k] if k >= 0 else None
        return prev is not None and prev.end == m.start() \
            and all(self.idx.type_of(i) not in _ACTOR_SIDE for i in prev.iris)  # a body, not a side (a party's
        # leader leads its delegation)

    def apposition_in(self, lo: int, hi: int) -> bool:
        """True when a reference starting in ``[lo, hi)`` is an ``apposition_org`` (all found once per document)."""
        starts = self.refs.memo.get("apposition-starts")
        if starts is None:
            starts = self.refs.memo["apposition-starts"] = [r.start for r in self.refs if self.apposition_org(r)]
        k = bisect.bisect_left(starts, lo)
        return k < len(starts) and starts[k] < hi

    def title_org_of_person(self, r: Ref) -> bool:
        """True when ``r`` is the non-party organisation in a person's title ("Fatah Central Committee
        member X"): the person, not the committee, is the actor."""
        key = ("title-org", r.start, r.iris)
        got = self.refs.memo.get(key)
        if got is None:
            got = self.refs.memo[key] = any(t.org in r.iris and t.start <= r.start < t.end
                                            and self.idx.type_of(t.org) != "Party" for t in self.doc.titles)
        return got

    def add_host(self, ev: Event) -> None:
        """A hoped/planned meeting in a city of the proposing state is hosted by that state."""
        if ev.type != "Meeting" or not ev.place:
            return
        state = self.idx.state_of(ev.place)
        sides = {side_of(self.idx, p.entity) for p in ev.participants if p.role == "proposer"}
        if state and state in sides and not any(p.role == "host" for p in ev.participants):
            ev.participants.append(Participant("host", state, self.idx.label(state)))
        if state and state in sides and not any(p.role == "proposer" and p.entity == state for p in ev.participants):
            ev.participants.append(Participant("proposer", state, self.idx.label(state)))

    def purpose_here(self, h: Hit, ev: Event, hi: int) -> None:
        m = self.doc.search(PURPOSE_HERE, h.end, hi) if self.may_match(PURPOSE_HERE, h.end, hi) else None
        on = _ON_GERUND.match(self.body, h.end, hi) if h.type == "Meeting" else None
        if on:
            start = on.end()
        elif m and m.start() - h.end < 60:
            start = m.end()
        else:
            return
        end = hi - 1 if self.body[hi - 1:hi] in ".!?" else hi
        self.set_purpose(ev, start, end)

    def set_purpose(self, ev: Event, start: int, end: int) -> None:
        while end > start and self.body[end - 1] in ".!?,;: ":
            end -= 1
        ev.purpose = self.body[start:end].strip()
        ev.concerns = list(dict.fromkeys([*ev.concerns, *(m.entity for m in self.doc.mentions_in(start, end)
                                                           if m.type not in ("City", "Territory", "State"))]))
        ev.evidence.append(self.doc.evidence(start, end, "purpose", 0.7))

    def purpose_back(self, lo: int, hi: int, statements: list[Event]) -> None:
        """"It will help reach …" → the aim of the last non-actual event in this or the previous sentence."""
        m = self.doc.search(PURPOSE_BACK, lo, hi) if self.may_match(PURPOSE_BACK, lo, hi) else None
        if not m:
            return
        prev_lo = self.doc.sentence_at(max(0, lo - 2)).start
        cands = [e for e in self.events if e.modality != "actual" and e.evidence
                 and prev_lo <= e.evidence[0].start < m.start() and e.purpose is None]
        if cands:
            end = hi - 1 if self.body[hi - 1:hi] in ".!?" else hi
            q = self.doc.quote_at(m.start())
            self.set_purpose(cands[-1], m.end(), min(end, q.end) if q else end)

    def anaphoric_failure(self, lo: int, hi: int) -> None:
        m = self.doc.search(_ANAPHORIC_FAIL, lo, hi) if self.doc.may_contain_in(("fail",), lo, hi) else None
        if not m:
            return
        prev_lo = self.doc.sentence_at(max(0, self.doc.sentence_at(lo).start - 2)).start
        cands = [e for e in self.events if e.modality == "planned" and e.evidence
                 and prev_lo <= e.evidence[0].start < lo]
        if cands:
            ev = cands[-1]
            ev.modality = "failed"
            ev.evidence.append(self.doc.evidence(m.start(), m.end(), "anaphoric-failure", 0.7))

    def post_holdings(self) -> list[Event]:
        out = []
        labels: dict[str, str] | None = None  # each entity's first mention's label
        for t in self.doc.titles:
            post = next((p.iri for p in self.idx.posts.get(t.person, []) if t.org and p.org == t.org), None)
            if post is None:
                continue  # a title alone is evidence for affiliation, not a reported fact
            if labels is None:
                labels = {}
                for m in self.doc.mentions:
                    labels.setdefault(m.entity, m.label)
            label = labels.get(t.person, t.person)
            org_label = f" ({self.idx.label(t.org)})" if t.org else ""
            pub = (self.doc.published or "")[:10] or None
            speaks = any(q.speaker == t.person for q in self.doc.quotes)
            time = TimeSpec("", "day", pub, pub) if pub and speaks else None
            sent = self.doc.sentence_at(t.start)
            conf = 0.8 if self.doc.search(_POST_CHANGE, sent.start, sent.end) else BACKGROUND_CONFIDENCE
            out.append(Event(key="", type="PostHolding", label=f"{label}, {t.title}{org_label}", time=time,
                             participants=[Participant("agent", t.person, label)],
                             concerns=[t.org] if t.org else [], post=post,
                             evidence=[self.doc.evidence(t.start, t.end, "title", conf)], confidence=conf))
        return out
