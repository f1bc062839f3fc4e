"""Entity mentions: reference labels, demonyms and possessive bodies, titled persons, unknown
organisations, surnames, and places used as metonyms.

Rules, in order (a token belongs to at most one mention):
1. gazetteer longest match (``kg.extract.gazetteer``, with well-known places outside the reference layer as
   unlinked entities); an ambiguous agreement name is the latest agreement before publication; a title in
   an alias is dropped ("President Abbas" → "Abbas"), a given name before an alias joins it, a lowercase
   "movement" after a party name is left out, "a (national) unity government" is no mention; dateline
   places are cities ("GAZA" → Gaza City) and dateline agencies are no mentions; an organisation name
   followed by capitalised words ending in an organisation head is one unknown body ("Fatah Central
   Committee", "U.S. State Department"), and the end of such a name alone ("Central Committee") is it too;
2. "Russia’s foreign ministry" → the body whose label is "<demonym> <rest>"; "the Qatari capital" → the
   city that is ``rec:capitalOf`` the state; "Egyptian-brokered", "Egyptian officials" → the state;
3. capitalised names ending in an organisation head ("… Movement", "… Center for …") → unlinked org;
4. a title before a name ("analyst John Smith", "Spokeswoman Maria Zakharova", "Ambassador to Russia X",
   "President-elect X"), before a name set off by commas ("the justice minister, Ali Abu Diak,") or after a
   name ("Hani al-Masri, director of …", "X, a Fatah spokesman"), and a name after "headed/led/chaired by" → the
   person
   (reference or unlinked) plus a ``TitleInfo``; an unknown body in a reference person's title is the
   organisation of their post ("Foreign Ministry spokeswoman Maria Zakharova"); "X Y of <party>" → a person;
5. a person's surname alone later in the article ("Zakharova stressed") → that person;
6. a city or territory standing for a side ("between Ramallah and the Gaza Strip", "Gaza rejected",
   "the West Bank authorities") → ``metonym=True``.

Example:
    >>> from kg.articles.model import Article
    >>> from kg.extract.lexicon import EntityInfo, ReferenceIndex
    >>> from kg.extract.gazetteer import Gazetteer
    >>> idx = ReferenceIndex(entities={"h": EntityInfo("Hamas", type_local_name="Party")})
    >>> doc = Doc.of(Article(id="a", title=None, body="Analyst John Smith said Hamas's offer stands."))
    >>> find_mentions(doc, Gazetteer(idx))
    >>> [(m.text, m.linked, m.type) for m in doc.mentions]
    [('John Smith', False, 'Person'), ('Hamas', True, 'Party')]
"""

from __future__ import annotations

import bisect
import operator
import re
from dataclasses import dataclass

from kg.extract.document import Doc, TitleInfo
from kg.extract.gazetteer import Gazetteer
from kg.extract.lexicon import ReferenceIndex
from kg.extract.records import Mention
from kg.extract.text import JOINER, Token, mint_iri

#: Last word of a title before or after a person's name.
TITLE_HEADS = frozenset("""
spokesman spokeswoman spokesperson minister president premier chairman chairwoman chair leader chief head
official analyst director ambassador envoy deputy member secretary commander negotiator coordinator adviser
advisor expert professor researcher journalist correspondent representative delegate mediator king emir
sheikh prince governor mayor founder co-founder diplomat general mr mrs ms dr secretary-general fellow economist
lawmaker scholar activist lawyer judge
""".split())
#: Words that may precede a title head inside a title ("Foreign Ministry spokeswoman", "politburo chief").
TITLE_MODIFIERS = frozenset("""
foreign prime deputy senior vice political politburo bureau former top executive interior intelligence
security information press department office affairs special palestinian russian egyptian qatari
general of the ministry movement spokesman spokeswoman official co
""".split())
#: The unions the title scans test (built once).
_TITLE_WORDS = TITLE_MODIFIERS | TITLE_HEADS
_TITLE_LEAD = TITLE_MODIFIERS | {"a", "an", "the"}
FEMALE_TITLES = frozenset({"spokeswoman", "chairwoman", "mrs", "ms", "queen", "princess"})
MALE_TITLES = frozenset({"spokesman", "chairman", "mr", "king", "emir", "prince", "sheikh"})
#: Head nouns of organisation names → the class an unknown organisation gets.
ORG_HEADS = {
    "movement": "Party", "party": "Party", "front": "Party", "brigades": "Party", "faction": "Party",
    "council": "Organization", "committee": "Organization", "commission": "Organization",
    "center": "Organization", "centre": "Organization", "institute": "Organization",
    "foundation": "Organization", "association": "Organization", "union": "Organization",
    "forum": "Organization", "league": "Organization", "university": "Organization",
    "ministry": "Ministry", "authority": "GoverningBody", "agency": "GoverningBody",
    "bureau": "GoverningBody", "service": "GoverningBody", "directorate": "GoverningBody",
    "government": "Government", "cabinet": "Government", "crossing": "BorderCrossing",
    "department": "GoverningBody", "fund": "Organization", "academy": "Organization", "bank": "Organization",
    "corps": "Organization", "guards": "Organization", "office": "GoverningBody", "institution": "Organization",
}
_CONNECTORS = frozenset({"of", "for", "and", "the", "on", "in"})
#: Capitalised words that never start or belong to a person's name.
_STOP = frozenset("""
the a an in on at he she it they we i but however following later after before this that these those
indeed senior officials moscow cairo all news monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december according
""".split())
_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "abd", "bint", "de", "van", "von", "ben"})
#: Nouns after a demonym that make it refer to the state ("Egyptian officials", "the Qatari side").
STATE_BODY_NOUNS = frozenset("""
official officials authorities mediators mediation delegation side government leadership diplomats sponsorship
efforts team auspices hosts initiative proposal invitation ministry
""".split())
#: Words that may stand between a demonym and a body noun ("an Egyptian security delegation").
STATE_BODY_MODIFIERS = frozenset("security military intelligence government senior top high-level foreign".split())
#: Hyphenated participles after a demonym or actor: "Egyptian-brokered", "Qatari-mediated".
ACTOR_PARTICIPLES = frozenset({"brokered", "mediated", "sponsored", "backed", "hosted", "led", "proposed"})
#: Verbs after a place that make it an acting side ("Gaza rejected …").
_ACTING_VERB = re.compile(
    r"\s+(?:has\s+|have\s+|had\s+)?(?:said|says|rejected|rejects|accepted|accepts|agreed|refused|insisted|"
    r"announced|demanded|welcomed|responded|denied|accused|blamed|signed|offered|warned|"
    r"maintains|maintained|keeps|kept|hosted|hosts|criticised|criticized|urged|remains|remained|is\s+ready|was\s+ready"
    r"|stands\s+ready|supports|supported|backs|backed|called|calls|invited|invites|proposed|proposes)\b")
_SPATIAL_BEFORE = re.compile(r"\b(?:border|boundary|frontier|crossing|road|route|line|distance|area|"
                             r"region|corridor|travel|flights?|roads?)\s+$", re.IGNORECASE)
_AUTHORITIES_AFTER = re.compile(r"\s*(?:’s|'s)?\s*(?:authorities|administration|rulers|government)\b")

#: Gaps between the tokens of one name (compiled once: these run for every capitalised token).
_DOT_SPACE, _ORG_GAP, _NAME_GAP = re.compile(r"\.? "), re.compile(r"[ \-–]"), re.compile(r" |-|’|'")
_BETWEEN_END, _AND_NEXT = re.compile(r"\bbetween\s+(?:the\s+)?$"), re.compile(r"\s+and\s+(?:the\s+)?")


@dataclass(slots=True)
class _Span:
    first: int
    last: int
    iri: str | None
    label: str
    type: str
    linked: bool
    rule: str
    confidence: float
    metonym: bool = False


def find_mentions(doc: Doc, gazetteer: Gazetteer) -> None:
    """Fill ``doc.mentions``, ``doc.titles`` and ``doc.new_entities`` (unlinked entities)."""
    idx = gazetteer.index
    tokens, body = doc.tokens, doc.body
    spans: list[_Span] = []
    owner: list[int | None] = [None] * len(tokens)

    def add(span: _Span) -> None:
        spans.append(span)
        for k in range(span.first, span.last):
            owner[k] = len(spans) - 1

    info = gazetteer.info
    for m in gazetteer.find(body, tokens, doc.word_indices):
        iri = m.iris[0] if len(m.iris) == 1 else choose_iri(idx, m.iris, doc.published)
        label, kind, linked = info[iri]
        add(_Span(m.first, m.last, iri, label, kind, linked, "gazetteer", 1.0 if len(m.iris) == 1 else 0.8))
    _foreign_bodies(doc, spans, owner)
    _person_forms(doc, spans, owner)
    _generic_tails(doc, spans, owner)
    _indefinite_governments(doc, spans, owner)
    _dateline(doc, gazetteer, spans, owner)
    _org_continuations(doc, spans, owner)
    capitalised = [k for k, t in enumerate(tokens) if t.text[0].isupper()]  # the scans below start only there
    _demonyms(doc, gazetteer, spans, owner, add, capitalised)
    _unlinked_orgs(doc, owner, add, capitalised)
    _titled_persons(doc, idx, spans, owner, add)
    _led_by(doc, owner, add)
    _party_members(doc, spans, owner, add)
    _surnames(doc, spans, owner, add, capitalised)
    _short_forms(doc, spans)
    _metonyms(doc, idx, spans)
    mentions = []
    for s in spans:
        if s.iri is None:  # dropped span
            continue
        start, end = tokens[s.first].start, tokens[s.last - 1].end
        if body[end:end + 1] == "." and _DOTTED.fullmatch(body, start, end):
            end += 1  # "U.S." keeps its last dot
        if not s.linked:
            doc.new_entities.setdefault(s.iri, (s.label, s.type))
        mentions.append(Mention(s.iri, s.label, s.type, body[start:end], start, end, s.linked,  # positional: faster
                                doc.evidence(start, end, s.rule, s.confidence), s.metonym))
    doc.set_mentions(mentions)


_GENERIC_TAILS = frozenset({"movement", "group", "party", "faction", "organisation", "organization"})
_DOTTED = re.compile(r"(?:[A-Z]\.)+[A-Z]")
_INDEFINITE_BEFORE = re.compile(r"\b(?:[Aa]n?|[Aa]ny|[Nn]o)\s+(?:[a-z][\w-]*\s+){0,2}$")
_DATELINE = re.compile(r"(?m)^(?P<place>[A-Z][A-Z'’. -]*[A-Z])(?:,\s+[A-Z][a-z]+)?,\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul"
                       r"|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s+\d{4})?\.?\s*(?:\((?P<a1>[^)\n]{1,40})\)"
                       r"|/(?P<a2>[^/\n]{1,40})/)")
#: Types whose names can continue into an unknown body ("Fatah Central Committee", "PLO Central Council").
_OWNER_TYPES = frozenset({"Party", "UmbrellaOrganization", "Organization", "InternationalOrganization",
                          "GoverningBody", "State"})
_OWNER_TYPES_OR_MINISTRY = _OWNER_TYPES | {"Ministry"}


def choose_iri(idx: ReferenceIndex, iris: tuple[str, ...], published: str | None) -> str:
    """The IRI for an ambiguous name: among agreements, the latest one concluded by the publication date
    ("last month's Cairo agreement"); otherwise the gazetteer's first choice.

    Example:
        >>> from kg.extract.lexicon import AgreementInfo
        >>> idx = ReferenceIndex(agreements={"a11": AgreementInfo("Cairo", "2011-05-04"),
        ...                                  "a17": AgreementInfo("Cairo", "2017-10-12")})
        >>> choose_iri(idx, ("a11", "a17"), "2017-11-29"), choose_iri(idx, ("a11", "a17"), "2012-01-01")
        ('a17', 'a11')
    """
    if len(iris) > 1 and published and all(i in idx.agreements for i in iris):
        dated = [(idx.agreements[i].earliest or "", i) for i in iris
                 if (idx.agreements[i].earliest or "9999") <= published]
        if dated:
            return max(dated)[1]
    return iris[0]


def _drop(spans: list[_Span], owner: list[int | None], si: int) -> None:
    s = spans[si]
    for k in range(s.first, s.last):
        if owner[k] == si:
            owner[k] = None
    s.iri = None


#: Names of Palestinian bodies that other countries' bodies and companies share ("Jordan's Legislative Council",
#: "the Syrian National Council", "Barclays PLC"): linked only when nothing foreign qualifies them.
_GENERIC_BODIES = frozenset({("national", "council"), ("legislative", "council"), ("central", "council"), ("cec",),
                             ("plc",), ("pcc",), ("central", "elections", "commission"),
                             ("central", "election", "commission")})
_OWN_QUALIFIERS = frozenset({"the", "palestinian", "palestine", "plo", "plo's", "fatah", "hamas", "a", "its",
                             "their", "new", "outgoing", "dissolved"})
_FOREIGN_AFTER = re.compile(r"\s+(?:of\s+(?:the\s+)?[A-Z]|for\s+[A-Z]?[a-z])")


def _foreign_bodies(doc: Doc, spans: list[_Span], owner: list[int | None]) -> None:
    """Drop a generic body name that a foreign qualifier precedes ("Egypt's CEC", "Hong Kong's Legislative
    Council", "the Syrian National Council", "HSBC Holdings PLC") or follows ("the National Council for Women",
    "the Central Elections Commission of Egypt")."""
    tokens, body = doc.tokens, doc.body
    for si, s in enumerate(spans):
        if s.iri is None or tuple(t.low for t in tokens[s.first:s.last]) not in _GENERIC_BODIES:
            continue
        prev = tokens[s.first - 1] if s.first else None
        possessive = prev is not None and prev.low == "s" and s.first > 1 \
            and body[tokens[s.first - 2].end:prev.start] in ("'", "’")
        qualifier = tokens[s.first - 2] if possessive else prev
        foreign = qualifier is not None and qualifier.low not in _OWN_QUALIFIERS and (
            possessive or qualifier.text[0].isupper()) and body[qualifier.end:tokens[s.first].start].strip(" '’s") == ""
        if foreign or _FOREIGN_AFTER.match(body, tokens[s.last - 1].end):
            _drop(spans, owner, si)


#: The first word of a label: a person's given name (``_person_forms``).
_FIRST_WORD = re.compile(r"\w+")


def _person_forms(doc: Doc, spans: list[_Span], owner: list[int | None]) -> None:
    """A person's name without a title the alias carries ("President Abbas" → "Abbas") and with a given name
    the alias lacks ("Mousa Abu Marzuk" when "Abu Marzuk" is the alias)."""
    tokens, body = doc.tokens, doc.body
    for si, s in enumerate(spans):
        if s.type != "Person" or s.iri is None:
            continue
        while s.last - s.first > 1 and tokens[s.first].low in TITLE_HEADS:
            owner[s.first] = None
            s.first += 1
        given = _FIRST_WORD.match(s.label)
        k = s.first - 1
        if (given and k >= 0 and owner[k] is None and tokens[k].low == given.group().casefold()
                and tokens[s.first].low != tokens[k].low and _gap(body, tokens, s.first) == " "):
            s.first = k
            owner[k] = si


def _generic_tails(doc: Doc, spans: list[_Span], owner: list[int | None]) -> None:
    """The name only: "Fatah" in "the Fatah movement" even when the alias includes the lowercase noun."""
    tokens = doc.tokens
    for s in spans:
        if s.iri is not None and s.type in ("Party", "UmbrellaOrganization") and s.last - s.first > 1 \
                and tokens[s.last - 1].text in _GENERIC_TAILS:
            owner[s.last - 1] = None
            s.last -= 1


def _indefinite_governments(doc: Doc, spans: list[_Span], owner: list[int | None]) -> None:
    """"a (national) unity government" is a hypothetical one, not a mention of a named government."""
    for si, s in enumerate(spans):
        if s.type == "Government" and s.iri is not None:
            start = doc.tokens[s.first].start
            if _INDEFINITE_BEFORE.search(doc.body, max(0, start - 40), start):
                _drop(spans, owner, si)


_TOKEN_START, _TOKEN_END = operator.attrgetter("start"), operator.attrgetter("end")


def _dateline(doc: Doc, gz: Gazetteer, spans: list[_Span], owner: list[int | None]) -> None:
    """Datelines ("GAZA, Nov. 1 (Levant Wire) -"): the place is a city ("GAZA" → Gaza City when the territory
    and a city share the name); the agency is not a mention."""
    tokens = doc.tokens
    for d in _DATELINE.finditer(doc.body):
        agency = d.span("a1") if d.group("a1") else d.span("a2")
        # the tokens inside the agency (sorted and disjoint, so a run of them: found by bisection)
        claimed = range(bisect.bisect_left(tokens, agency[0], key=_TOKEN_START),
                        bisect.bisect_right(tokens, agency[1], key=_TOKEN_END))
        for si, s in enumerate(spans):
            if s.iri is None:
                continue
            start, end = tokens[s.first].start, tokens[s.last - 1].end
            if agency[0] <= start and end <= agency[1]:
                _drop(spans, owner, si)
            elif d.start("place") <= start and end <= d.end("place") and s.type in ("Territory", "State"):
                city = gz.lookup((*(t.low for t in tokens[s.first:s.last]), "city"))
                if city:
                    spans[si] = _Span(s.first, s.last, city[0], gz.label(city[0]), gz.type_of(city[0]), True,
                                      "dateline", 0.9)
        if claimed:  # the agency's tokens belong to no mention
            spans.append(_Span(claimed[0], claimed[-1] + 1, None, "", "Agency", False, "dateline-agency", 0.0))
            for k in claimed:
                owner[k] = len(spans) - 1


def _org_continuations(doc: Doc, spans: list[_Span], owner: list[int | None]) -> None:
    """An organisation or state name followed by capitalised words ending in an organisation head is one
    unknown body: "Fatah Central Committee", "PLO Executive Committee", "U.S. State Department"."""
    tokens, body = doc.tokens, doc.body
    for si, s in enumerate(list(spans)):
        if s.iri is None or s.type not in _OWNER_TYPES:
            continue
        j, head = s.last, None
        while j < len(tokens) and j - s.last < 4 and owner[j] is None and tokens[j].text[0].isupper() \
                and _DOT_SPACE.fullmatch(_gap(body, tokens, j)) and tokens[j].low not in TITLE_HEADS:
            if tokens[j].low in ORG_HEADS and ORG_HEADS[tokens[j].low] != "Party":
                head = j
            j += 1
        if head is None:
            continue
        label = body[tokens[s.first].start:tokens[head].end]
        spans[si] = _Span(s.first, head + 1, mint_iri("entity", label), label, ORG_HEADS[tokens[head].low], False,
                          "org-continuation", 0.6)
        for k in range(s.last, head + 1):
            owner[k] = si


def _party_members(doc: Doc, spans: list[_Span], owner: list[int | None], add) -> None:
    """"Marwan Barghouti of Fatah": an unknown two-to-four-word name right before "of <party>" is a person
    (with the party as the organisation of an untitled membership)."""
    tokens, body = doc.tokens, doc.body
    for s in list(spans):
        if s.iri is None or s.type not in ("Party", "UmbrellaOrganization") or s.first < 3:
            continue
        of = s.first - 1
        if tokens[of].low != "of" or _gap(body, tokens, s.first) != " " or _gap(body, tokens, of) != " ":
            continue
        start = of
        while start > 0 and owner[start - 1] is None and (start == of or _gap(body, tokens, start) in (" ", "-")) \
                and (_is_cap(tokens[start - 1]) or tokens[start - 1].low in _PARTICLES):
            start -= 1
        run = _name_run(doc, owner, start)
        if not run or run[1] != of or (start > 0 and _gap(body, tokens, start).strip() not in ("", ",", ";")):
            continue
        label = body[tokens[run[0]].start:tokens[of - 1].end]
        add(_Span(run[0], run[1], mint_iri("entity", label), label, "Person", False, "name-of-party", 0.6))
        doc.titles.append(TitleInfo(mint_iri("entity", label), "", s.iri, None, tokens[of].start,
                                    tokens[s.last - 1].end))


def _short_forms(doc: Doc, spans: list[_Span]) -> None:
    """An unknown body named by the end of a longer unknown name in the same article ("Central Committee"
    after/before "Fatah Central Committee") is that body."""
    tokens = doc.tokens
    longer = [s for s in spans if s.iri is not None and not s.linked and s.type != "Person" and s.last - s.first >= 3]
    for s in spans:
        if s.iri is None or s.linked or s.type == "Person" or s.last - s.first < 2:
            continue
        words = [t.low for t in tokens[s.first:s.last]]
        for big in longer:
            big_words = [t.low for t in tokens[big.first:big.last]]
            if len(big_words) > len(words) and big_words[-len(words):] == words:
                s.iri, s.label, s.type = big.iri, big.label, big.type
                break


def demonym_table(idx: ReferenceIndex) -> dict[str, str]:
    """Lower-cased demonym → state IRI (first state in IRI order wins)."""
    table: dict[str, str] = {}
    for iri in sorted(idx.entities):
        for d in idx.entities[iri].demonyms:
            table.setdefault(d.casefold(), iri)
    return table


def capitals(idx: ReferenceIndex) -> dict[str, str]:
    """State IRI → its capital city IRI."""
    return {info.capital_of: iri for iri, info in sorted(idx.entities.items()) if info.capital_of}


def _gap(body: str, tokens: list[Token], k: int) -> str:
    return body[tokens[k - 1].end:tokens[k].start]


def _demonyms(doc: Doc, gz: Gazetteer, spans: list[_Span], owner: list[int | None], add,
              capitalised: list[int]) -> None:
    idx, tokens, body = gz.index, doc.tokens, doc.body
    table = getattr(gz, "_demonyms", None)
    if table is None:
        table = gz._demonyms = demonym_table(idx)  # type: ignore[attr-defined]
        gz._capitals = capitals(idx)  # type: ignore[attr-defined]
    caps: dict[str, str] = gz._capitals  # type: ignore[attr-defined]
    # "Russia’s foreign ministry" / "Egypt's intelligence" → the body named "<demonym> …"
    for si, s in enumerate(list(spans)):
        if s.type != "State" or s.iri not in idx.entities or s.last + 1 >= len(tokens) or tokens[s.last].low != "s":
            continue
        if _gap(body, tokens, s.last) not in ("'", "’"):
            continue
        for dem in idx.entities[s.iri].demonyms:
            hit = _extend(gz, body, tokens, tuple(dem.casefold().split()), s.last + 1, owner, caps, s.iri)
            if hit:
                last, iri = hit
                spans[si] = _Span(s.first, last, iri, idx.label(iri), idx.type_of(iri) or "Actor", True,
                                  "possessive-body", 0.9)
                for k in range(s.first, last):
                    owner[k] = si
                break
    for i in capitalised:
        t = tokens[i]
        if owner[i] is not None or t.low not in table:
            continue
        state = table[t.low]
        hit = _extend(gz, body, tokens, (t.low,), i + 1, owner, caps, state)
        if hit:
            last, iri = hit
            add(_Span(i, last, iri, idx.label(iri), idx.type_of(iri) or "Actor", True, "demonym-body", 0.85))
            continue
        if i + 1 < len(tokens) and owner[i + 1] is None:
            nxt = tokens[i + 1]
            gap = _gap(body, tokens, i + 1)
            hyphen = gap in ("-", "–")
            third = tokens[i + 2].low if i + 2 < len(tokens) and owner[i + 2] is None else ""
            if (hyphen and nxt.low in ACTOR_PARTICIPLES) or (gap == " " and nxt.low in STATE_BODY_NOUNS) \
                    or (gap == " " and nxt.low in STATE_BODY_MODIFIERS and third in STATE_BODY_NOUNS) \
                    or (hyphen and nxt.text[0].isupper() and third in STATE_BODY_NOUNS):
                add(_Span(i, i + 1, state, idx.label(state), "State", True, "demonym", 0.7))


def _extend(gz: Gazetteer, body: str, tokens: list[Token], prefix: tuple[str, ...], k: int,
            owner: list[int | None], caps: dict[str, str], state: str) -> tuple[int, str] | None:
    """After a demonym/possessive ending before token ``k``: the longest "<prefix> tokens…" label, or the
    state's capital for "capital"; ``(last token, iri)``."""
    if k >= len(tokens) or owner[k] is not None:
        return None
    if tokens[k].low == "capital" and state in caps:
        return k + 1, caps[state]
    for size in range(4, 0, -1):
        window = tokens[k:k + size]
        if len(window) < size or any(owner[j] is not None for j in range(k, k + size)):
            continue
        if any(not JOINER.fullmatch(body, window[j - 1].end, window[j].start) for j in range(1, size)):
            continue
        iris = gz.lookup(prefix + tuple(t.low for t in window))
        if iris:
            return k + size, iris[0]
    return None


def _is_cap(t: Token) -> bool:
    return t.text[0].isupper() and t.low not in _STOP


def _unlinked_orgs(doc: Doc, owner: list[int | None], add, capitalised: list[int]) -> None:
    tokens, body = doc.tokens, doc.body
    j = 0
    for i in capitalised:
        if i < j or owner[i] is not None or tokens[i].low in _STOP or tokens[i].low in TITLE_HEADS:
            continue
        j = i + 1  # extend over capitalised words and lowercase connectors followed by one
        while j < len(tokens) and owner[j] is None and _ORG_GAP.fullmatch(_gap(body, tokens, j)):
            if tokens[j].low in TITLE_HEADS or tokens[j].low == "prime":
                break
            if tokens[j].text[0].isupper():
                j += 1
            elif (tokens[j].low in _CONNECTORS and j + 1 < len(tokens) and owner[j + 1] is None
                  and tokens[j + 1].text[0].isupper() and _gap(body, tokens, j + 1) == " "
                  and tokens[j + 1].low not in TITLE_HEADS and tokens[j + 1].low != "prime"):
                j += 2
            else:
                break
        heads = [k for k in range(i + 1, j) if tokens[k].low in ORG_HEADS and tokens[k].text[0].isupper()]
        if tokens[i].low in ORG_HEADS and j > i + 2 and tokens[i + 1].low in ("of", "for"):
            heads.insert(0, i)  # "Institute of Oriental Studies"
        if heads:
            head = heads[0]
            last = j if tokens[j - 1].text[0].isupper() else head + 1
            label = body[tokens[i].start:tokens[last - 1].end]
            kind = ORG_HEADS[tokens[head].low]
            add(_Span(i, last, mint_iri("entity", label), label, kind, False, "org-head", 0.6))


def _name_run(doc: Doc, owner: list[int | None], i: int) -> tuple[int, int] | None:
    """Tokens ``[a, b)`` of an unknown personal name starting at token ``i`` (two to four names)."""
    tokens, body = doc.tokens, doc.body
    j = i
    names = 0
    while j < len(tokens) and owner[j] is None:
        t = tokens[j]
        if j > i and not _NAME_GAP.fullmatch(_gap(body, tokens, j)):
            break
        if t.low in _PARTICLES and j + 1 < len(tokens) and tokens[j + 1].text[0].isupper() and owner[j + 1] is None:
            names += 1  # "al-Sheikh", "Abu Marzouk": the word after a particle is a name, even a title's word
            j += 2
            if names == 4:
                break
            continue
        if not _is_cap(t) or t.low in TITLE_HEADS or t.low in ORG_HEADS or (t.text.isupper() and len(t.text) > 1):
            break
        names += 1
        j += 1
        if names == 4:
            break
    return (i, j) if names >= 2 else None


def _titled_persons(doc: Doc, idx: ReferenceIndex, spans: list[_Span], owner: list[int | None],
                    add) -> None:
    tokens, body = doc.tokens, doc.body
    for i in sorted([k for w, ks in doc.word_indices.items() if w in TITLE_HEADS for k in ks]):  # the title words
        # a title before the name: "... spokeswoman Maria Zakharova"
        k = i + 1
        if k + 1 < len(tokens) and tokens[k].low == "elect" and _gap(body, tokens, k) == "-":
            k += 1  # "President-elect Donald Trump"
        if k + 2 < len(tokens) and tokens[k].low in ("to", "of", "for") and owner[k + 1] is not None \
                and spans[owner[k + 1]].type not in ("Person", "Agency"):
            k = spans[owner[k + 1]].last  # "Ambassador to Russia Abdel Hafiz Nofal"
        if k < len(tokens) and _gap(body, tokens, k) == " ":
            person = _person_at(doc, idx, spans, owner, k, add)
            if person is not None:
                first = i
                while first > 0 and tokens[first - 1].low in _TITLE_WORDS \
                        and owner[first - 1] is None \
                        and _gap(body, tokens, first) in (" ", "-"):
                    first -= 1
                org = owner[first - 1] if first > 0 and _gap(body, tokens, first) == " " else None
                if org is not None and not spans[org].linked:
                    _post_org(idx, spans[org], spans[person].iri)
                org_iri = spans[org].iri if org is not None and spans[org].type != "Person" else None
                _add_title(doc, tokens, first, i + 1, spans[person], org_iri)
                continue
        # a name set off after its title: "the justice minister, Ali Abu Diak, said"
        k = _apposed_name(doc, owner, spans, i)
        if k is not None:
            person = _person_at(doc, idx, spans, owner, k, add)
            if person is not None:  # "the chairman of the Central Elections Commission, X": the body the phrase
                last = owner[k - 1] if k - 1 > i else None  # ends with ("the Hamas delegation" names no post's body)
                org = spans[last].iri if last is not None and spans[last].type != "Person" else None
                _add_title(doc, tokens, _title_start(tokens, owner, i), i + 1, spans[person], org)
                continue
        # an appositive title: "Hani al-Masri, director of the Masarat Center"
        j, inner_org = i, None
        while j > 0:
            prev = owner[j - 1]
            if prev is None and tokens[j - 1].low in _TITLE_LEAD:
                j -= 1
            elif prev is not None and inner_org is None and spans[prev].type in _OWNER_TYPES_OR_MINISTRY:
                inner_org = spans[prev].iri  # "…, a Fatah spokesman"
                j = spans[prev].first
            else:
                break
        if j < 2 or _gap(body, tokens, j) != ", ":
            continue
        back = j - 1
        if owner[back] is not None and spans[owner[back]].type == "Person":
            person = owner[back]
        else:
            start = back
            while start > 0 and owner[start - 1] is None and _gap(body, tokens, start) in (" ", "-") \
                    and (_is_cap(tokens[start - 1]) or tokens[start - 1].low in _PARTICLES):
                start -= 1
            run = _name_run(doc, owner, start)
            if not run or run[1] != back + 1:
                continue
            label = body[tokens[run[0]].start:tokens[back].end]
            add(_Span(run[0], run[1], mint_iri("entity", label), label, "Person", False, "title-name", 0.7))
            person = len(spans) - 1
        org_iri = inner_org
        if i + 2 < len(tokens) and tokens[i + 1].low in ("of", "at", "for"):
            for k2 in range(i + 2, min(i + 6, len(tokens))):
                if owner[k2] is not None and spans[owner[k2]].type not in ("Person",):
                    org_iri = spans[owner[k2]].iri
                    break
        _add_title(doc, tokens, j, i + 1, spans[person], org_iri)


#: Words before a title whose name follows in apposition ("the/his … minister, X"; "s" of "the movement's").
_APPOSITION_DET = frozenset({"the", "a", "an", "his", "her", "its", "their", "s"})
#: Words that may follow a name in apposition when no comma or full stop does ("the envoy, X Y said").
_AFTER_APPOSED = frozenset({"who", "said", "says", "told", "added", "stressed"})


def _title_start(tokens: list[Token], owner: list[int | None], i: int) -> int:
    """First token of the lowercase words before the title head at ``i`` ("the justice minister" → "justice")."""
    b = i
    while b > max(0, i - 3) and owner[b - 1] is None and tokens[b - 1].text.islower() \
            and tokens[b - 1].low not in _APPOSITION_DET:
        b -= 1
    return b


def _apposed_name(doc: Doc, owner: list[int | None], spans: list[_Span], i: int) -> int | None:
    """Token where a personal name set off by commas after the title head at ``i`` starts: "the justice
    minister, Ali Abu Diak," / "the head of the court, Hisham al-Hatoo, answered" / "its spokesman, X said".
    A determiner or possessive comes before the title; the name (a known person, or two to four names) ends at
    a comma, a full stop or a speech verb.

    Example: in "…, the justice minister, Ali Abu Diak, said" the token of "Ali".
    """
    tokens, body = doc.tokens, doc.body
    b = _title_start(tokens, owner, i)
    if b == 0 or tokens[b - 1].low not in _APPOSITION_DET \
            or (tokens[b - 1].low == "s" and _gap(body, tokens, b - 1) not in ("'", "’")):
        return None
    m = i + 1
    if m < len(tokens) and _gap(body, tokens, m) != ", ":
        if tokens[m].low not in ("of", "for", "at"):
            return None
        m += 1
        while m < min(i + 7, len(tokens)) and _gap(body, tokens, m) != ", ":  # "of the court", "of Hamas"
            if (owner[m] is None and not tokens[m].text.islower()) \
                    or (owner[m] is not None and spans[owner[m]].type == "Person"):
                return None
            m += 1
    if m >= len(tokens) or _gap(body, tokens, m) != ", ":
        return None
    if owner[m] is not None:
        s = spans[owner[m]]
        last = s.last if s.type == "Person" and s.first == m else None
    else:
        run = _name_run(doc, owner, m)
        last = run[1] if run else None
    if last is None:
        return None
    end = tokens[last - 1].end
    if body.startswith(",", end):
        return m  # set off on both sides: "the justice minister, Ali Abu Diak, said"
    if not (body[end:end + 1] in (".", ";") or (last < len(tokens) and tokens[last].low in _AFTER_APPOSED)):
        return None
    # closed by a full stop or a speech verb only: the title phrase must open its sentence ("The chairman of the
    # committee, Hanna Nasser said"), not end an opening phrase ("In a letter to the judge, Human Rights Watch said")
    det = tokens[b - 1]
    sent = doc.sentence_at(det.start)
    return m if det.low != "s" and not body[sent.start:det.start].strip(" \"“'‘") else None


#: Words of organisation names, never of a personal name (``_led_by``).
_NOT_PERSONAL = frozenset("""
without borders relief quartet watch international committees forces nations cross crescent middle east west
group groups brigades army police guards popular resistance islamic national united arab european union league
""".split()) | frozenset(ORG_HEADS)


def _led_by(doc: Doc, owner: list[int | None], add) -> None:
    """An unknown person who leads something: "headed by Vitaly Naumkin", "a delegation led by X Y"."""
    tokens, body = doc.tokens, doc.body
    for k in range(1, len(tokens) - 2):
        if tokens[k].low != "by" or tokens[k - 1].low not in ("headed", "led", "chaired") or owner[k + 1] is not None \
                or _gap(body, tokens, k + 1) != " ":
            continue
        run = _name_run(doc, owner, k + 1)
        if run is None or (run[1] < len(tokens) and tokens[run[1]].text[0].isupper()
                           and _gap(body, tokens, run[1]) == " ") \
                or any(t.low in _NOT_PERSONAL for t in tokens[run[0]:run[1]]):
            continue  # "a convoy led by Doctors Without Borders", "talks led by Middle East Quartet"
        label = body[tokens[run[0]].start:tokens[run[1] - 1].end]
        add(_Span(run[0], run[1], mint_iri("entity", label), label, "Person", False, "led-by", 0.7))


def _post_org(idx: ReferenceIndex, org: _Span, person: str | None) -> None:
    """"Foreign Ministry spokeswoman Maria Zakharova": an unknown body named in a reference person's title is
    the organisation of their post whose label ends with that name (the Russian Foreign Ministry)."""
    for post in idx.posts.get(person or "", []):
        if post.org and post.org in idx.entities and idx.label(post.org).casefold().endswith(org.label.casefold()):
            org.iri, org.label, org.linked = post.org, idx.label(post.org), True
            org.type = idx.type_of(post.org) or org.type
            return


def _person_at(doc: Doc, idx: ReferenceIndex, spans: list[_Span], owner: list[int | None], k: int,
               add) -> int | None:
    """Index of the person span starting at token ``k`` (a reference person or a new unlinked one)."""
    if owner[k] is not None:
        s = spans[owner[k]]
        return owner[k] if s.type == "Person" and s.first == k else None
    run = _name_run(doc, owner, k)
    if not run:
        return None
    label = doc.body[doc.tokens[run[0]].start:doc.tokens[run[1] - 1].end]
    add(_Span(run[0], run[1], mint_iri("entity", label), label, "Person", False, "title-name", 0.7))
    return len(spans) - 1


def _add_title(doc: Doc, tokens: list[Token], first: int, last: int, person: _Span, org: str | None) -> None:
    while first < last - 1 and tokens[first].low in ("of", "the", "a", "an"):
        first += 1
    words = [t.low for t in tokens[first:last]]
    gender = "female" if set(words) & FEMALE_TITLES else "male" if set(words) & MALE_TITLES else None
    title = " ".join(w for w in words if w in TITLE_HEADS | TITLE_MODIFIERS - {"of", "the"})
    doc.titles.append(TitleInfo(person.iri, title, org, gender, tokens[first].start, tokens[last - 1].end))


def _surnames(doc: Doc, spans: list[_Span], owner: list[int | None], add, capitalised: list[int]) -> None:
    tokens = doc.tokens
    local: dict[str, _Span] = {}
    for s in spans:
        if s.type == "Person" and s.last - s.first >= 2:
            local.setdefault(tokens[s.last - 1].low, s)
    if not local:
        return
    first_seen = {id(s): tokens[s.first].start for s in spans}
    for i in capitalised:
        t = tokens[i]
        s = local.get(t.low)
        if s and owner[i] is None and t.start > first_seen[id(s)]:
            add(_Span(i, i + 1, s.iri, s.label, "Person", s.linked, "surname", 0.85))


def _metonyms(doc: Doc, idx: ReferenceIndex, spans: list[_Span]) -> None:
    tokens, body = doc.tokens, doc.body
    places = [s for s in spans if s.type in ("City", "Territory")]
    for s in places:
        start, end = tokens[s.first].start, tokens[s.last - 1].end
        before = body[max(0, start - 40):start]
        if _ACTING_VERB.match(body, end) or _AUTHORITIES_AFTER.match(body, end):
            s.metonym = True
            continue
        between = _BETWEEN_END.search(before)
        if between and not _SPATIAL_BEFORE.search(before[:between.start()]):
            after = _AND_NEXT.match(body[end:end + 12])
            if after:
                s.metonym = True
                other = _span_at(spans, tokens, end + after.end())
                if other and other.type in ("City", "Territory"):
                    other.metonym = True


def _span_at(spans: list[_Span], tokens: list[Token], offset: int) -> _Span | None:
    starts = [t.start for t in tokens]
    k = bisect.bisect_left(starts, offset)
    for s in spans:
        if s.first == k:
            return s
    return None
