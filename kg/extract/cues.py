"""Cue tables: event triggers (verbs and nouns → event type), modality cues, speech verbs, provision types.

Every rule in ``kg.extract.events`` reads these tables; docs/extraction.md prints them. Patterns are
case-insensitive and matched once over the whole body.

Example:
    >>> [(t.type, t.form) for t in TRIGGERS if t.pattern.search("the factions held talks")][:1]
    [('Meeting', 'noun')]
    >>> modality_of(["planned", "hoped"])
    'hoped'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.text import lowered, prefiltered, twin


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def any_of(table: tuple[tuple[str, re.Pattern[str]], ...]) -> re.Pattern[str]:
    """One case-insensitive pattern matching wherever some pattern of ``table`` matches: a cheap pre-test
    before trying the patterns one by one (same flags, no groups, so a window has a match of the union iff
    it has one of a member).

    Example:
        >>> any_of((("a", _re("cat")), ("b", _re("dog")))).search("hot DOG").group()
        'DOG'
    """
    return _re("|".join(f"(?:{p.pattern})" for _, p in table))


#: Up to two place or time adverbials between a participle and its "by": "in Cairo on October 12, 2017 ".
ADVERBIALS = (r"(?:(?:in|at|on|last|this|earlier|late|early)\s+(?:the\s+)?[\w-]+(?:\s+(?-i:[A-Z\d])[\w-]*){0,2}"
              r"(?:,\s+\d{4})?,?\s+){0,2}")
#: Where a passive takeover drives its target out of: "(driven) out of the Gaza Strip ", "from the strip " (optional).
OUT_OF_TERRITORY = (r"(?:out\s+)?(?:(?:from|of)\s+(?:the\s+)?(?:Gaza(?:\s+Strip)?|(?:coastal\s+)?(?:strip|enclave))"
                    r"\s+)?")
#: "(talks / deals / efforts) have failed to reunite Gaza and the West Bank / to end the split": a stall.
_FAILED_TO = (r"failed\s+to\s+(?:(?:reunite|unify|reconcile)\b|(?:end|heal|bridge|overcome|resolve|close)\s+"
              r"(?:the\s+|their\s+|a\s+)?(?:[\w-]+\s+){0,2}?(?:split|division|rift|divide|schism|feud|dispute"
              r"|differences|gap)\b)")
FAILED_TO_REUNITE = rf"\b(?:has|have|had)\s+(?:(?:repeatedly|so\s+far|all|consistently|also)\s+)?{_FAILED_TO}"
#: Words that make an agreement one of this domain even where no faction is named ("the reconciliation agreement",
#: "a national unity deal", "the inter-Palestinian accord"; see ``AgreementRules.in_domain``).
RECONCILIATION_CONTEXT = _re(r"\b(?:reconciliation|unity|national\s+(?:accord|consensus|dialogue)|power[-\s]sharing"
                             r"|(?:inter|intra)-Palestinian|Palestinians?|factions?)\b")
#: The nouns of an agreement ("the deal", "accords"): what is signed.
AGREEMENT_NOUN = r"(?:agreement|deal|accord|declaration|pact|memorandum|understanding|document|charter)s?"
#: An election named after "in (the)": only adjectives of a vote between ("in the 2006 legislative elections").
_POLL = (r"(?:(?:legislative|parliamentary|presidential|general|local|municipal|national|council|\d{4}"
         r"|(?-i:[A-Z])[\w-]*)\s+){0,3}(?:elections?|polls?|vote)\b")


@dataclass(frozen=True)
class Trigger:
    """A word or phrase that denotes an event of ``type``; ``form`` is ``verb`` (a finite report) or
    ``noun`` (needs a governing verb, a modality cue, a time or a result phrase to count)."""

    type: str
    pattern: re.Pattern[str]
    form: str
    confidence: float = 0.8
    starts: tuple[str, ...] = ()  # first words (their first 4 letters index the trigger; see TRIGGER_INDEX)
    subject_role: str | None = None  # overrides the type's subject role ("X will assume powers" → recipient)


TRIGGERS: tuple[Trigger, ...] = (
    Trigger("Signing", _re(r"\b(?:signed|signs|sign|signing|inked|initial+ed|concluded|clinched|struck|forged)\b"
                           rf"(?=[^.;:\"“”]{{0,80}}?\b{AGREEMENT_NOUN}\b)|\bsigned(?=\s+by\b)"
                           rf"|\bsigned(?=\s+{ADVERBIALS}by\b)"  # "the accord, signed in Cairo on Tuesday by X"
                           r"|(?:(?<=\bwas\s)|(?<=\bwere\s)|(?<=\bbeen\s))signed\b"  # passive: see build
                           # "the agreement (that) Fatah and Hamas signed in Cairo": the object before (see build)
                           r"|\bsigned\b(?!\s+(?:an?|the|its|their|his|her|this|that|these|those|by|off|up|onto|it|them"
                           r"|him)\b)"),
            "verb", 0.9,
            starts=("sign", "inked", "initialled", "concluded", "clinched", "struck", "forged")),
    Trigger("Signing", _re(r"\b(?:reached|reach|reaches|reaching|sealed|seal|seals|clinched|struck|secured"
                           r"|announced|endorsed|endorse|endorses)\s+"
                           r"(?:(?:an?|the|their|its)\s+)?(?:(?!of\b)[\w'’-]+\s+){0,4}?"
                           r"(?:agreement|deal|accord|understanding|pact)\b"
                           r"|\bagreed\s+(?:on|to)\s+(?:an?|the)\s+(?:(?!of\b)[\w'’-]+\s+){0,3}?"
                           r"(?:agreement|deal|accord|pact|document|declaration|(?:joint|final|closing)\s+statement)\b"
                           r"(?![’'-])"
                           # "approved a joint declaration": a text of the parties, not any deal a body approves
                           r"|\b(?:approved|adopted)\s+(?:an?|the)\s+(?:joint|final|closing)\s+"
                           r"(?:statement|declaration|document)\b"
                           # "ended two days of talks with a statement stressing …": the text the talks produced
                           r"|\bwith\s+an?\s+(?:joint\s+|final\s+|closing\s+)?(?:statement|declaration)\b"
                           r"(?=\s+(?:stressing|calling|affirming|committing|pledging|urging|that\s+(?:stressed|called"
                           r"|affirmed|committed|pledged|urged)))"),
            "verb", 0.85,
            starts=("reached", "reach", "reaches", "reaching", "sealed", "seal", "seals", "clinched", "struck",
                    "secured", "announced", "endorsed", "endorse", "endorses", "agreed", "approved", "adopted",
                    "with")),
    Trigger("Signing", _re(r"\bsigning\s+(?:ceremony|of\s+(?:the|an?|a\s+new)\s+(?:[\w-]+\s+){0,3}?"
                           rf"{AGREEMENT_NOUN})\b"), "noun", 0.75,
            starts=("signing",)),
    Trigger("Meeting", _re(r"\b(?:met|meets|meet)\b(?!\s+(?:(?:the|a|an|its|their|all)\s+)?(?:[\w-]+\s+)?"
                           r"(?:deadlines?|demands?|conditions?|needs?|requirements?|targets?|obligations?|expectations?))"),
            "verb", 0.85,
            starts=("met", "meet")),
    # "the delegations convened in Cairo", "sat down together", "huddled in Doha"
    Trigger("Meeting", _re(r"\b(?:convened|convene|convenes|gathered)\b"
                           r"(?=\s+(?:again\s+)?(?:in|at|on|for|with|behind|since|next|later|early|this)\b)"
                           r"|\b(?:huddled|sat\s+down)\b(?=\s+(?:together|with)\b)"),
            "verb", 0.8, starts=("convened", "convene", "convenes", "huddled", "gathered", "sat")),
    Trigger("Meeting", _re(r"\b(?:rounds?\s+of\s+(?:talks|negotiations|dialogue|consultations)"
                           r"|meetings?(?!\s+(?:the|a|an|its|their|all)\s+(?:[\w-]+\s+)?(?:deadlines?|demands?|conditions?|requirements?|needs?"
                           r"|targets?|goals?|expectations|obligations|criteria|costs?)\b)|talks|"
                           r"negotiations|summit|dialogue|rounds?(?=\s+(?:between|with)\s))\b"), "noun", 0.75,
            starts=("rounds", "meeting", "talks", "negotiations", "summit", "dialogue")),
    # "a second round planned for mid-June", "a further round in Beijing", "a negotiating session"
    Trigger("Meeting", _re(r"\b(?:first|second|third|fourth|new|further|next|another|fresh|final)\s+rounds?\b"
                           r"(?!\s+of\b)"  # "a round of talks" is the trigger before; "of voting", "of the Cup" none
                           r"|\b(?:negotiating|negotiation|dialogue|reconciliation)\s+sessions?\b"), "noun", 0.75,
            starts=("first", "second", "third", "fourth", "new", "further", "next", "another", "fresh", "final",
                    "negotiating", "negotiation", "dialogue", "reconciliation")),
    Trigger("Consultation", _re(r"\b(?:in\s+(?:very\s+)?(?:close\s+|constant\s+|regular\s+|permanent\s+)?"
                                r"contacts?\s+with"
                                r"|(?:very\s+)?(?:close\s+|constant\s+|regular\s+)?contacts\s+with|consulted\s+with"
                                r"|contacted(?=\s+(?:the\s+)?(?-i:[A-Z]))"
                                r"|consultations\s+with|(?:tele)?phone\s+(?:call|conversation)s?\s+with"
                                r"|in\s+an?\s+(?:tele)?phone\s+(?:call|conversation)"
                                r"|(?:in|kept|keeps|stayed|stays)\s+(?:close\s+|regular\s+|constant\s+)?touch\s+with"
                                r"|discuss(?:ed|es)?(?=\s+(?:[\w'’-]+\s+){1,6}?with\s)"
                                r"|(?:spoke|talked|speaks|talks|conferred)\s+(?:by|over\s+the|on\s+the)\s+"
                                r"(?:tele)?phone"
                                r"|(?:held|holds|hold|conducted|began|launched)\s+(?:[\w-]+\s+){0,2}?consultations"
                                # "Haniyeh phoned Abbas on Sunday": a call to a named actor
                                r"|(?:tele)?phoned(?=\s+(?:the\s+)?(?-i:[A-Z])))"),
            "verb", 0.8,
            starts=("in", "very", "close", "constant", "regular", "contacts", "contacted", "consulted", "consultations",
                    "phone", "discussed", "discusses", "discuss", "kept", "keeps", "stayed", "stays",
                    "telephone", "spoke", "talked", "speaks", "talks", "conferred", "held", "holds", "hold",
                    "conducted", "began", "launched", "phoned", "telephoned")),
    Trigger("Election", _re(r"\b(?:won|wins|win"
                            r"|(?:(?<=after\s)|(?<=before\s)|(?<=since\s)|(?<=upon\s)|(?<=by\s))winning)\b"
                            r"(?=\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:elections?|polls?|vote))"
                            r"|\b(?:won|wins|win)\s+\d+\s+(?:of\s+(?:the\s+)?\d+\s+)?(?:[\w-]+\s+)?seats\b"
                            r"|\b(?:swept|romped|cruised)\s+to\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:victory|power)\b"
                            r"(?=\s+in\s+(?:the\s+)?" + _POLL + r")"
                            r"|\b(?:trounced|defeated|beat|routed)\b(?=\s+(?:[\w'’-]+\s+){1,3}?in\s+(?:the\s+)?"
                            + _POLL + r")"),
            "verb", 0.85,
            starts=("won", "wins", "win", "winning", "swept", "romped", "cruised", "trounced", "defeated", "beat",
                    "routed")),
    # "Fatah lost the legislative elections", "the parties that contested the vote": the subject takes part
    Trigger("Election", _re(r"\b(?:lost|loses|lose|losing|contested|contests|contest|contesting)\b"
                            r"(?=\s+(?:the\s+)?(?:(?!of\b|results?\b|outcome\b|in\b)[\w-]+\s+){0,3}?"
                            r"(?:elections?|polls)\b)"), "verb", 0.8,
            starts=("lost", "loses", "lose", "losing", "contested", "contests", "contest", "contesting"),
            subject_role="participant"),
    # "Abbas was elected in January 2005" (the subject wins), "Hamas elected Ismail Haniyeh as …" (the object wins)
    Trigger("Election", _re(r"\b(?:was|were|had\s+been|has\s+been)\s+(?:re-)?elected\b"), "verb", 0.8,
            starts=("was", "were", "had", "has"), subject_role="winner"),
    Trigger("Election", _re(r"(?<!\bnewly\s)(?<!\bthe\s)(?<!\ban\s)(?<!\ba\s)(?<!ly\s)(?<!-)\b(?:re-)?elected\b"
                            r"(?=\s+(?-i:[A-Z]))"), "verb", 0.75,
            starts=("elected", "re"), subject_role="agent"),
    # "Hamas won a majority of the 132 seats", "won 74 seats": an election the subject won (an election noun after
    # it is the trigger instead: "won a majority in the 2006 elections"; "won a vote of confidence" is none)
    Trigger("Election", _re(r"\bwon\s+(?:an?\s+)?(?:(?:outright|absolute|clear|overall|narrow|comfortable|landslide"
                            r"|parliamentary)\s+)*(?:majority|landslide)\b"
                            r"(?![^.;]{0,60}\b(?:elections?|polls|vote|ballot|confidence|referendum)\b)"
                            r"|\bwon\s+\d+\s+(?:of\s+(?:the\s+)?(?:\d+\s+)?)?"
                            r"(?:parliamentary\s+|legislative\s+)?seats\b"
                            r"(?![^.;]{0,60}\b(?:elections?|polls|vote|ballot|referendum)\b)"), "verb", 0.8,
            starts=("won",), subject_role="winner"),
    # "Palestinians elected a new parliament": choosing a body or a president by vote
    Trigger("Election", _re(r"\b(?:elected|elect|elects|electing)\s+(?:an?\s+|the\s+|their\s+)?(?:new\s+)?"
                            r"(?:parliament|legislature|legislative\s+council|national\s+council|president)\b"),
            "verb", 0.8, starts=("elected", "elect", "elects", "electing"), subject_role="agent"),
    Trigger("Election", _re(r"\b(?:elections?|polls|ballot|referendum)\b(?!\s+(?:commission(?:er)?s?|committees?|body"
                            r"|officials?|authorit(?:y|ies)|laws?|observers?|monitors?)\b)"), "noun", 0.75,
            starts=("elections", "polls", "ballot", "referendum")),
    # "a presidential vote on July 31" (a bare "vote" is also a council's vote on a cabinet: not an election)
    Trigger("Election", _re(r"\b(?:presidential|legislative|municipal)\s+vote\b(?!\s+count)"
                            r"|(?<!\bin\sa\s)\bparliamentary\s+vote\b(?!\s+count)"), "noun", 0.75,
            starts=("presidential", "legislative", "municipal", "parliamentary")),
    Trigger("Takeover", _re(r"\b(?:seized|seize|seizes|seizing|wrested|grabbed)\s+(?:(?:full|total|complete)\s+)?"
                            r"(?:power|control)\b|\bseized(?=\s+(?:the\s+)?(?:Gaza|West\s+Bank)\b)"
                            r"|\btook\s+(?:over\s+)?(?:(?:full|total|complete)\s+)?control\b|\btook\s+over\b"
                            r"|\boverran\b"
                            # "drove its forces out of the strip", "routed Fatah forces", "expelled Fatah from Gaza"
                            r"|\b(?:drove|routed|expelled|ousted|chased)\s+(?:[\w'’-]+\s+){0,3}?"
                            r"(?:forces|loyalists|rivals|(?-i:[A-Z])[\w-]*)\s+(?:out\s+of|from)\s+(?:the\s+)?"
                            r"(?:Gaza|(?:coastal\s+)?(?:strip|enclave|territory))\b"
                            r"|\brouted\s+(?!by\b)(?:[\w'’-]+\s+){0,3}?(?:forces|loyalists|security\s+services)\b"
                            # "(Fatah) was routed (from Gaza) by Hamas": the by-phrase names who took over
                            r"|(?:(?<=\bwas\s)|(?<=\bwere\s))(?:routed|ousted|expelled|overrun|driven\s+out)\b"
                            rf"(?=\s+{OUT_OF_TERRITORY}{ADVERBIALS}by\s)"
                            r"|\b(?:gained|won)\s+(?:(?:full|total|complete)\s+)?control\s+(?:of|over)\s+(?:the\s+)?"
                            r"(?-i:[A-Z])"), "verb", 0.85,
            starts=("seized", "wrested", "grabbed", "took", "overran", "gained", "won", "drove", "routed", "expelled",
                    "ousted", "chased", "driven", "overrun")),
    Trigger("Takeover", _re(r"\b(?:takeover|coup|putsch)\b"
                            r"|\b(?:seizure|capture|conquest)(?=\s+of\s+(?:the\s+)?(?:Gaza|power|control)\b"
                            r"(?!\s*-|\s+(?:fishing|boats?|vessels?|ships?|aid|goods|shipments?|cargo|funds|assets)\b))"),
            "noun", 0.75, starts=("takeover", "coup", "putsch", "seizure", "capture", "conquest")),
    Trigger("Split", _re(r"\b(?:splitting|split|splits|divided|dividing)\b(?=[^.;]{0,60}?\b(?:in|into)\s+two\b)"
                         # "since the movements split in 2007", "after Fatah and Hamas split in 2007"
                         r"|(?:(?<=\bmovements\s)|(?<=\bfactions\s)|(?<=\bsides\s)|(?<=\brivals\s)|(?<=\bFatah\s)"
                         r"|(?<=\bHamas\s)|(?<=\bFateh\s))split\b(?=\s+(?:apart\s+)?(?:in|after|when)\s+(?:June\s+)?\d{4}\b)"),
            "verb", 0.7,
            starts=("splitting", "divided", "split")),
    Trigger("Split", _re(r"\b(?:schism|(?:intra-Palestinian|Palestinian|internal|political)\s+"
                         r"(?:split|division|divide))\b|(?<=\d{4}\s)(?:split|division|rift)\b"),
            "noun", 0.6,
            starts=("schism", "intra", "palestinian", "internal", "political", "split", "division", "rift")),
    # "formed a government", "the cabinet, formed in March", "expected the cabinet to be formed", "name a new
    # cabinet", "work towards a unity government"
    Trigger("GovernmentFormation", _re(r"\b(?:form(?:ed|s)?|name|names|named)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?"
                                       r"(?:government|cabinet)\b"
                                       r"|\b(?:government|cabinet),?\s+(?:(?:which|that)\s+)?(?:(?:was|were|is|has|had"
                                       r"|have|to|would|will|being|been|be)\s+){0,3}formed\b"
                                       r"|\b(?:government|cabinet),?\s+(?:was|were|has\s+been)\s+(?:announced|unveiled)\b"
                                       r"|\b(?:unveiled|announced|presented)\s+(?:(?:his|her|its|their)\s+(?:new\s+)?"
                                       r"|(?:a|an|the)\s+new\s+)(?:[\w-]+\s+){0,2}?(?:government|cabinet)\b(?![’'-])"
                                       r"(?!\s+(?:plan|programme|program|policy|decision|budget|spokes\w*|officials?"
                                       r"|ministers?|employees|salaries|forces|sources|meeting|session)\b)"
                                       r"|\bwork(?:ed|ing|s)?\s+towards?\s+(?:forming\s+)?"
                                       r"(?:an?|the)\s+(?:[\w-]+\s+){0,3}?government\b"),
            "verb", 0.85,
            starts=("form", "name", "names", "named", "government", "cabinet", "work", "worked", "working", "works",
                    "unveiled", "announced", "presented")),
    # "agreed on a national unity government", "called for an interim government of independents", "the deal
    # produced a consensus government": a government that an agreement describes (it counts only with such a
    # governor, ``kg.extract.events._GOVERNMENT_OUTCOME``)
    Trigger("GovernmentFormation", _re(r"\b(?:(?:national\s+)?(?:unity|consensus|reconciliation)|interim"
                                       r"|transitional|technocratic|power-sharing)\s+(?:[\w-]+\s+){0,2}?"
                                       r"(?:government|cabinet)\b(?![’'-])(?![^.;]{0,30}?\bformed\b)"),
            "noun", 0.7,
            starts=("national", "unity", "consensus", "reconciliation", "interim", "transitional", "technocratic",
                    "power-sharing")),
    Trigger("GovernmentFormation", _re(r"\bformation\s+of\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?"
                                       r"(?:government|cabinet)\b"),
            "noun", 0.7,
            starts=("formation",)),
    Trigger("SwearingIn", _re(r"\bsworn\s+(?:in|into\s+office|to\s+office)\b|\bswearing[- ]in\b"
                              r"|\btook\s+(?:the|its|their|his|her)\s+oaths?\b"
                              r"|\bswore\s+in\b|\bswears\s+in\b|(?<=government\s)took\s+office\b"
                              r"|(?<=cabinet\s)took\s+office\b"),
            "verb", 0.9,
            starts=("sworn", "swearing", "took", "swore", "swears")),
    Trigger("Handover", _re(r"\bhand(?:ed|s|ing)?\s+(?:(?:the|its|all|their)\s+)?(?:[\w'’-]+\s+){0,3}?over\s+to\b"
                            r"|\bhand(?:ed|s|ing)?\s+over\b|\bceded?\b"
                            r"|\b(?:hand|transferr)(?:ed|s|ing)?\s+(?:full\s+)?(?:control|power|powers|authority"
                            r"|responsibility)\b|\btransfers\s+(?:full\s+)?(?:control|power|powers|authority"
                            r"|responsibility)\b"),
            "verb", 0.8,
            starts=("hand", "ceded", "transferred", "transferring", "transfers")),
    Trigger("Handover", _re(r"\bhandover\b|\btransfer(?:red|ring|s)?\s+(?:of\s+)?(?:control|power|powers|authority|"
                            r"responsibility)\b"), "noun", 0.75,
            starts=("handover", "transfer")),
    # "the Authority took over the crossings": an orderly transfer to the subject, not a seizure
    Trigger("Handover", _re(r"\b(?:took|take|takes|taking)\s+(?:over|(?:full\s+)?control\s+of)\s+"
                            r"(?:the\s+|its\s+|all\s+)?(?:[\w'’-]+\s+){0,3}?"
                            r"(?:crossings?|terminals?|administration|duties|responsibilit(?:y|ies)"
                            r"|civil\s+service)\b"), "verb", 0.8,
            starts=("took", "take", "takes", "taking"), subject_role="recipient"),
    Trigger("Handover", _re(r"\b(?:assume[sd]?|assuming)\s+(?:full\s+|all\s+)?(?:the\s+)?(?:powers?|control|authority"
                            r"|responsibilit(?:y|ies)|administration|duties|functions)\b"), "verb", 0.75,
            starts=("assume", "assuming"), subject_role="recipient"),
    Trigger("Stall", _re(r"\b(?:stalled|stalls|faltered|falters|stagnated|stalemate|deadlocked|deadlock"
                         r"|ground\s+to\s+a\s+halt|came\s+to\s+a\s+standstill|(?:reached|at)\s+an\s+impasse)\b"
                         # the perfect before "failed" (the trigger starts at "failed": "has" is too frequent a word)
                         r"|(?:(?<=\bhas\s)|(?<=\bhave\s)|(?<=\bhad\s)|(?<=\brepeatedly\s)|(?<=\bso\sfar\s)"
                         rf"|(?<=\ball\s)|(?<=\bconsistently\s)|(?<=\balso\s)){_FAILED_TO}"),
            "verb", 0.8,
            starts=("stalled", "faltered", "stagnated", "deadlock", "ground", "came", "reached", "at", "failed")),
    Trigger("Collapse", _re(r"\b(?:collapsed|collapses|broke\s+down|fell\s+apart|fell\s+through|crumbled)\b"),
            "verb", 0.8,
            starts=("collapsed", "broke", "fell", "crumbled")),
    # dismissals and dissolutions end a government or body: "X dismissed the government", "the cabinet resigned"
    Trigger("Collapse", _re(r"\b(?:dismiss(?:ed|es|ing)?|sacked|dissolv(?:ed|es|ing|e)|resign(?:ed|s)?)\b"
                            r"(?!\s+(?:as|from)\b)"), "verb", 0.75,
            starts=("dismiss", "dismissed", "sacked", "dissolve", "dissolved", "resign", "resigned")),
    # "X submitted (his government's) resignation (to Y)", "Y accepted the resignation of X's cabinet"
    Trigger("Collapse", _re(r"\b(?:submit(?:ted|s)?|tender(?:ed|s)?|offer(?:ed|s)?|hand(?:ed|s)?\s+in|present(?:ed|s)?"
                            r"|accept(?:ed|s)?)\s+(?:(?:the|its|his|her|their|a)\s+)?(?:[\w-]+[’']s\s+)?"
                            r"(?:collective\s+)?resignation\b"), "verb", 0.75,
            starts=("submit", "submitted", "submits", "tender", "tendered", "tenders", "offer", "offered", "offers",
                    "hand", "handed", "hands", "present", "presented", "presents", "accept", "accepted", "accepts")),
    # "approved it by presidential decree": the subject decrees
    Trigger("Decree", _re(r"\bby\s+(?:an?\s+)?(?:presidential\s+|executive\s+)?decree\b"), "verb", 0.75,
            starts=("by",)),
    Trigger("Decree", _re(r"\b(?:issued|issue|issues|issuing|signed|sign|signs)\s+(?:an?\s+|the\s+)?(?:new\s+)?"
                          r"(?:presidential\s+)?decrees?\b|\bdecreed\b"
                          r"|\bdecree\b(?=\s+(?:that\s+|which\s+)?(?:(?-i:[A-Z])[\w'’-]*\s+){1,3}(?:had\s+|has\s+)?issued\b)"
                          ), "verb", 0.85,
            starts=("issued", "issue", "issues", "issuing", "signed", "sign", "signs", "decreed", "decree")),
    # appointments and declarations are decrees: "X named Y prime minister", "declared a state of emergency"
    Trigger("Decree", _re(r"\b(?:named|appointed|nominated|appoints|names)\b(?=\s+(?-i:[A-Z]))"
                          r"|\bdeclared\s+(?:a|an)\s+(?:state\s+of\s+emergency|day\s+of\s+mourning|curfew)\b"),
            "verb", 0.75,
            starts=("named", "appointed", "nominated", "appoints", "names", "declared")),
    Trigger("Postponement", _re(r"\b(?:postponed|postpones|postpone|deferred|defers|delayed|delays|put\s+off"
                                r"|pushed\s+back)\b"
                                # "suspended the municipal elections" (not "suspended security coordination")
                                r"|\bsuspend(?:ed|s)?\b(?=\s+(?:the\s+|its\s+|their\s+|all\s+)?(?:[\w-]+\s+){0,2}?"
                                r"(?:elections?|polls|vote|talks|dialogue|meetings?|negotiations|session)\b)"),
            "verb", 0.75,
            starts=("postponed", "postpones", "deferred", "defers", "delayed", "delays", "put", "pushed", "suspended",
                    "suspend", "suspends")),
    Trigger("Mediation", _re(r"\b(?:mediated|mediating|brokered|brokering)\b"), "verb", 0.75,
            starts=("mediated", "brokered")),
    # "praised the role played by X in reaching the deal", "X's efforts to reach the agreement"
    Trigger("Mediation", _re(r"\b(?:role|efforts?)\s+(?:(?:played\s+by|of)\s+[^.;,]{1,50}?\s+)?(?:in|to)\s+"
                             r"(?:reaching|reach|achieving|achieve|brokering|securing|concluding|sealing)\s+"
                             rf"(?:the|an?|this|that)\s+(?:[\w-]+\s+){{0,2}}?{AGREEMENT_NOUN}\b"), "verb", 0.7,
            starts=("role", "effort", "efforts")),
    Trigger("Proposal", _re(r"(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bits\s)(?<!\btheir\s)(?<!\bthis\s)"
                            r"\b(?:proposed|proposes|put\s+forward|unveiled|presented|presents|submitted|submits|tabled"
                            r"|floated|drafted|drew\s+up)\b"
                            r"(?=\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?"
                            r"(?:plan|initiative|proposal|roadmap|road\s+map|paper|vision|timetable|mechanism|formula"
                            r"|framework|document|draft))"), "verb", 0.75,
            starts=("proposed", "put", "unveiled", "presented", "presents", "submitted", "submits", "tabled",
                    "floated", "drafted", "drew")),
    Trigger("Proposal", _re(r"\b(?:proposed|proposes|suggested|suggests)\b"
                            r"(?=\s+(?:that|forming|creating|holding|setting|establishing|convening)\b)"
                            r"|\binvit(?:ed|es)\b(?=\s+(?:[\w'’-]+\s+){1,10}?to\b)"
                            r"|\boffer(?:ed|s)\s+to\s+(?:host|mediate|organi[sz]e)\b"), "verb", 0.75,
            starts=("proposed", "proposes", "suggested", "suggests", "invited", "invites", "offered", "offers")),
    Trigger("Proposal", _re(r"\b(?:initiative|peace\s+plan)\b"), "noun", 0.7,
            starts=("initiative", "peace")),
    # "Qatar's emir hosted Abbas and Meshaal": hosting named guests is a meeting (hosted talks: the noun's)
    Trigger("Meeting", _re(r"\bhost(?:ed|s)\b(?=\s+(?:the\s+)?(?-i:[A-Z]))"), "verb", 0.8,
            starts=("hosted", "hosts"), subject_role="host"),
    # receiving a visitor is a meeting hosted by the receiver
    Trigger("Meeting", _re(r"\b(?:received|receives|receive|receiving)\b(?=\s+(?:(?:the|in|at|by)\s+)?(?-i:[A-Z])"
                           r"|\s+(?:the\s+|an?\s+)?(?:(?-i:[A-Z])[\w'’-]*\s+){0,2}"
                           r"(?:delegations?|participants|leaders|visitors?)\b)"), "verb", 0.8,
            starts=("received", "receives", "receive", "receiving"), subject_role="host"),
)

#: First four letters of a trigger's first word → the triggers that may start there (each once, in ``TRIGGERS``
#: order: first words sharing their first letters, as "contest" and "contested", would try one pattern twice).
TRIGGER_INDEX: dict[str, tuple[Trigger, ...]] = {}
for _t in TRIGGERS:
    for _w in _t.starts:
        if not any(_x is _t for _x in TRIGGER_INDEX.get(_w[:4], ())):
            TRIGGER_INDEX[_w[:4]] = (*TRIGGER_INDEX.get(_w[:4], ()), _t)
#: ``TRIGGER_INDEX`` with each trigger's case-sensitive twin for the lowered body (``kg.extract.text.twin``; None when
#: it has none), much faster to match.
TRIGGER_TWINS: dict[str, tuple[tuple[Trigger, re.Pattern[str] | None], ...]] = {
    key: tuple((t, twin(t.pattern)) for t in triggers) for key, triggers in TRIGGER_INDEX.items()}

#: Modality cues before a trigger (in the same clause), strongest first.
MODALITY_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("denied", _re(r"\b(?:denied|denies|deny)\b|\b(?:did|does|do|has|have|had)\s*(?:not|n['’]t)\b|\bnever\b"
                   r"|\brefused\s+to\b|\bno\s+(?:meeting|talks|agreement|deal)\b")),
    ("failed", _re(r"\b(?:failed|fail|fails)\s+to\b|\bunable\s+to\b|\bcould\s*(?:not|n['’]t)\b"
                   r"|\bcall(?:ed|s)?\s+off\b|\bcancell?(?:ed|s)?\b")),
    ("postponed", _re(r"\b(?:postponed|postpone|postpones|delayed|put\s+off|deferred)\b")),
    ("hoped", _re(r"\bhop(?:e|es|ed|ing)\b|\bwish(?:es|ed)?\b|\blook(?:s|ed|ing)?\s+forward\s+to\b"
                  r"|\bwith\s+an\s+eye\s+(?:of|to|on|toward)\b|\bseek(?:s|ing)?\s+to\b|\bsought\s+to\b"
                  r"|\bin\s+a\s+bid\s+to\b|\bin\s+an\s+effort\s+to\b")),
    ("proposed", _re(r"\bpropos(?:ed|es|e|al|ing)\b|\bcall(?:ed|s|ing)?\s+for\b|\bsuggest(?:ed|s)?\b|\burg(?:ed|es)\b"
                     r"|\brecommend(?:ed|s|ation)?\b"
                     r"|\binvit(?:ed|es|ation)\b|\boffer(?:ed|s)?\s+to\b|\bcall(?:ed|s|ing)?\s+on\s+(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)")),
    ("planned", _re(r"\bwill\b|\bshall\b|\b(?:plan|plans|planned|planning|intend|intends|intended)\s+to\b"
                    r"|\b(?:is|are|was|were)\s+(?:also\s+|now\s+|still\s+|then\s+)?(?:expected|scheduled|set|due|supposed|slated|to)\b"
                    r"|\bto\s+be\s+held\b"
                    r"|\bupcoming\b|\bforthcoming\b|\btasked\s+(?:with|to)\b|\bwould\b"
                    r"|\bplan(?:s|ned|ning)\s+(?:an?|the|their|its|new|further)\b"
                    r"|\b(?:asked|asks|charged|mandated|commissioned|tasked)\s+(?:[\w'’-]+\s+){1,4}?to\b"
                    r"|\bagreed\s+(?:(?:on|in|at)\s+(?:[\w-]+\s+){1,2}?)?to\b|\bpledg(?:ed|es|ing)\s+to\b"
                    r"|\bcommit(?:ted|ting|s)?\s+(?:them(?:selves)?\s+|itself\s+|himself\s+)?to\b"
                    r"|\bexpected\s+(?:[\w-]+\s+){1,3}?to\s+be\b"
                    r"|\bprepar(?:e|es|ing)\s+(?:for|to)\b|\bprovid(?:es|ed|ing)\s+for\b")),
)
MODALITY_ORDER = tuple(name for name, _ in MODALITY_CUES)
MODALITY_ANY = any_of(MODALITY_CUES)
#: Result phrases after a (nominal) trigger in the same clause.
POST_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("postponed", _re(r"[^.;]{0,50}?\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:postponed|delayed|put\s+off"
                      r"|deferred|pushed\s+back|rescheduled|moved\s+back|suspended)\b")),
    ("failed", _re(r"[^.;]{0,50}?\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:called\s+off|cancell?ed)\b"
                   r"|[^.;]{0,40}?\b(?:collapsed|failed|fell\s+through|broke\s+down|did\s+not\s+take\s+place"
                   r"|never\s+took\s+place)\b")),
    ("planned", _re(r"[^.;]{0,160}?\b(?:(?:is|are|was|were)\s+(?:due|expected|scheduled|set|supposed|slated)\s+to"
                    r"|(?:is|are)\s+(?:scheduled|set|slated|planned|pencilled|penciled)\s+(?:for|in)"
                    r"|will\s+(?:take\s+place|be\s+held|begin|start)|to\s+be\s+held"
                    r"|(?:is|are)\s+(?:also\s+)?to\s+(?:host|hold|convene|open|begin|start|take\s+place)"
                    r"|(?:is|are)\s+(?:now\s+|also\s+|being\s+)?(?:planned|envisaged)"
                    r"|(?:is|are)\s+(?:now\s+|also\s+|being\s+)?scheduled(?!\s+to\b))\b")),
    # "a further round could be held in the coming weeks" (close to the noun: the clause's own verb)
    ("planned", _re(r"[^.;,]{0,40}?\b(?:could|might)\s+(?:soon\s+|still\s+)?"
                    r"(?:be\s+held|take\s+place|be\s+convened)\b")),
    ("actual", _re(r"[^.;]{0,60}?\b(?:was|were)\s+(?:held|completed|finished|carried\s+out)\b"
                   r"|[^.;]{0,60}?\btook\s+place\b"
                   r"|[^.;,]{0,40}?\b(?:ended|concluded|opened|closed|wrapped\s+up)\s+(?:on|in|with|without|after)\b")),
)
POST_ANY = any_of(POST_CUES)  # a new cue word also goes into POST_WORDS_LOW (tests/test_extract_case_folding.py)
#: Case-sensitive twins of the cue tables for text lowered by ``kg.extract.text.fold_case`` (much faster).
#: (The modality cues are searched before every trigger: behind a lookahead for their first letters, faster.)
MODALITY_CUES_LOW = tuple((name, prefiltered(lowered(p))) for name, p in MODALITY_CUES)
MODALITY_ANY_LOW = prefiltered(lowered(MODALITY_ANY))
POST_CUES_LOW = tuple((name, lowered(p)) for name, p in POST_CUES)
POST_ANY_LOW = lowered(POST_ANY)
#: The key words of the result phrases (``POST_WORDS``), one of which (a whole word) every match of ``POST_ANY_LOW``
#: holds: a quick pre-test on the lowered text (a search for these is several times faster than the lazy
#: ``[^.;]{0,160}?`` scans; the lookahead for their first letters passes over the other places faster still; and
#: ``EventFinder.may_hold_post_word`` finds them among the tokens at once).
POST_WORDS = ("postponed", "delayed", "put", "deferred", "pushed", "rescheduled", "moved", "suspended", "called",
              "cancelled", "canceled", "collapsed", "failed", "fell", "broke", "did", "never", "due", "expected",
              "scheduled", "set", "supposed", "slated", "planned", "envisaged", "pencilled", "penciled", "will", "held",
              "host", "hold", "convene", "convened", "open", "begin", "start", "take", "completed", "finished",
              "carried", "took", "ended", "concluded", "opened", "closed", "wrapped")
POST_WORDS_LOW = prefiltered(re.compile(rf"\b(?:{'|'.join(POST_WORDS)})\b"))
#: Verbs that make a nominal trigger an actual (or, with a cue, modal) event: "held talks", "host a meeting".
GOVERNORS = _re(r"\b(?:held|hold|holds|convened|convene|hosted|host|hosts|organi[sz]ed|organi[sz]e|attended|attend"
                r"|joined|took\s+part\s+in|participated\s+in|arranged|resumed|launched|began|started|concluded"
                r"|ended|wrapped\s+up|crowned\s+by|won|voted\s+in|vote\s+in|voting\s+in"
                r"|chaired|chairs|chairing|presided\s+over|presides\s+over)\b")
GERUND_WORDS = ("holding", "hosting", "organising", "organizing", "convening", "arranging", "resuming", "launching")
GERUND_GOVERNORS = _re(rf"\b(?:{'|'.join(GERUND_WORDS)})\b")
#: A past verb of decision or report: what the clause after it says "would" happen is ahead of the verb's time, not of
#: the report ("On Thursday the court ruled that the elections would be postponed": the ruling is Thursday's).
DECIDED_VERB = _re(r"\b(?:ruled|decided|ordered|announced|declared|determined|confirmed|said|stated|agreed)\b")
#: Speech verbs of statements.
SPEECH_VERBS = (r"said|says|say|stressed|stresses|noted|notes|added|adds|told|tells|stated|states|emphasi[sz]ed"
                r"|underlined|underscored|pointed\s+out|explained|announced|confirmed|claimed|insisted"
                r"|declared(?!\s+(?:a|an)\s+(?:state\s+of\s+emergency|day\s+of\s+mourning|curfew|ceasefire|truce)\b)"
                r"|warned|affirmed|asserted|remarked|commented|argued|reiterated|indicated|wrote|urged|denied"
                r"|recalled|continued|concluded|believes|believed|hopes|hoped")
#: Phrases introducing the legal basis of what is said or proposed.
BASIS_CUE = _re(r"\b(?:on\s+the\s+basis\s+of|based\s+on|in\s+accordance\s+with|in\s+line\s+with|in\s+conformity\s+with"
                r"|pursuant\s+to|in\s+keeping\s+with|in\s+compliance\s+with)\b")
#: A word every match of ``BASIS_CUE`` holds (lower case; see ``kg.extract.document.Doc.may_contain``).
BASIS_WORDS = ("basis", "based", "accordance", "line", "conformity", "pursuant", "keeping", "compliance")
#: Phrases introducing the aim of an event ("it will help reach …", "aiming at …", "talks … on forming …").
PURPOSE_BACK = _re(r"\b(?:it|this|that|which|such\s+a\s+meeting|the\s+meeting)\s+(?:will|would|could|can|may|should)"
                   r"\s+help\s+(?:to\s+)?")
PURPOSE_HERE = _re(r"\b(?:with\s+the\s+aim\s+of|aim(?:ing|ed)\s+(?:at|to)?|in\s+order\s+to|so\s+as\s+to"
                   r"|to\s+help)\s+")
#: Provision type notation (``rec:ProvisionTypeScheme``) by keywords, tried in this order.
PROVISION_TYPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("crossings", _re(r"\b(?:crossings?|border|rafah|kerem\s+shalom)\b")),
    ("elections", _re(r"\b(?:elections?|polls|vote|ballot)\b")),
    ("security", _re(r"\b(?:security|forces|police|weapons|arms)\b")),
    ("plo-reform", _re(r"\b(?:PLO|Palestine\s+Liberation\s+Organi[sz]ation|National\s+Council)\b")),
    ("prisoners", _re(r"\b(?:prisoners?|detainees?)\b")),
    ("civil-servants", _re(r"\b(?:civil\s+servants|employees|salaries|public\s+servants)\b")),
    ("reconstruction", _re(r"\b(?:reconstruction|rebuild(?:ing)?)\b")),
    ("committee", _re(r"\bcommittees?\b")),
    ("social-reconciliation", _re(r"\b(?:social\s+reconciliation|compensation|victims)\b")),
    ("political-programme", _re(r"\b(?:political\s+programme|political\s+program|platform|resistance)\b")),
    ("government", _re(r"\b(?:government|cabinet|ministries|powers|administration)\b")),
)
#: Status notation (``rec:StatusScheme``) by cue, for provisions and agreement outcomes.
STATUS_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("collapsed", _re(r"\b(?:collapsed|fell\s+apart|broke\s+down)\b")),
    ("stalled", _re(r"\b(?:stalled|faltered|stagnated|stalemate|deadlock(?:ed)?|ground\s+to\s+a\s+halt|impasse)\b")),
    ("not-implemented", _re(r"\b(?:never\s+implemented|not\s+implemented|failed\s+to\s+(?:implement|do|carry))\b")),
    ("implemented", _re(r"\b(?:was|were|has\s+been|have\s+been)\s+implemented\b")),
)
STATUS_ANY = any_of(STATUS_CUES)
#: Collective anaphors for the two sides most recently named ("the rival factions").
PAIR_ANAPHOR = _re(r"\b(?:the\s+(?!Palestinian\s+(?:factions|movements)\b)|both\s+|two\s+)"
                   r"(?:(?:rival|two|main|major|Palestinian|feuding|rival\s+Palestinian)\s+)*"
                   r"(?:factions|movements|parties|sides|rivals)\b")
GOVERNMENT_ANAPHOR = _re(r"\b(?:the|this|that|its|a\s+new)\s+(?:new\s+|unity\s+|Palestinian\s+)?government\b")


def modality_of(found: list[str]) -> str:
    """The strongest modality among cues found (``actual`` when none).

    Example:
        >>> modality_of([]), modality_of(["planned", "failed"])
        ('actual', 'failed')
    """
    for name in MODALITY_ORDER:
        if name in found:
            return name
    return "actual"


def provision_type(text: str) -> str | None:
    """Provision type notation for a provision's text.

    Example:
        >>> provision_type("the transfer of the Rafah crossing to the government"), provision_type("hello")
        ('crossings', None)
    """
    for name, pattern in PROVISION_TYPES:
        if pattern.search(text):
            return name
    return None
