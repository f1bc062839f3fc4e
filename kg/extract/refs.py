"""Who an expression refers to: actor references for event roles, pronoun and definite speakers, "we",
collective anaphors ("the rival factions"), "the government", and places standing for governing sides.

Example:
    >>> from kg.articles.model import Article
    >>> from kg.extract.document import Doc
    >>> from kg.extract.records import Evidence, Mention
    >>> doc = Doc.of(Article(id="a", title=None, body="Hamas and Fatah met. The rival factions signed."))
    >>> ev = Evidence(0, 0, "", "", "t", 1.0)
    >>> doc.set_mentions([Mention("h", "Hamas", "Party", "Hamas", 0, 5, True, ev),
    ...                   Mention("f", "Fatah", "Party", "Fatah", 10, 15, True, ev)])
    >>> from kg.extract.lexicon import ReferenceIndex
    >>> [r.iris for r in actor_refs(doc, ReferenceIndex(), {})][-1]
    ('f', 'h')
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kg.extract.cues import GOVERNMENT_ANAPHOR, PAIR_ANAPHOR
from kg.extract.document import Doc
from kg.extract.lexicon import ACTOR_TYPES, ReferenceIndex
from kg.extract.records import Mention, Participant

_PRONOUN = re.compile(r"\b(?:she|he|She|He)\b")
_DEFINITE = re.compile(r"\b[Tt]he\s+(?:[A-Z][\w’'-]*\s+){0,4}(spokeswoman|spokesman|spokesperson|minister|official"
                       r"|diplomat|president|leader|envoy|ambassador|chief|head|analyst|director|negotiator)\b")
_GOVERNMENT_OF = re.compile(r"\b(?:the|a|its|his)\s+(?:[\w-]+\s+){0,4}?(?:government|cabinet)\s+(?:(?:led|headed)\s+by"
                            r"|of)\s+(?:(?:Prime\s+Minister|Premier|PM)\s+)?$", re.IGNORECASE)
#: "He met …", "She discussed …": a sentence-initial pronoun subject is the last person of that gender named.
_SUBJECT_PRONOUN = re.compile(r"\b(He|She)\b(?=\s+(?:also\s+|later\s+|then\s+)?[a-z]+(?:ed|t)\b)")
_PAIR_WORDS = ("factions", "movements", "parties", "sides", "rivals")  # one ends every ``PAIR_ANAPHOR``
_PRONOUNS = frozenset({"he", "she"})  # the tokens a match of ``_SUBJECT_PRONOUN`` starts at
#: The words every match of ``PAIR_ANAPHOR`` / ``GOVERNMENT_ANAPHOR`` starts with (for ``Doc.scan``).
_PAIR_STARTS = ("the", "both", "two")
_GOVERNMENT_STARTS = ("the", "this", "that", "its", "a")
#: Right after a person: "(Hamdallah)'s government", "(the Hamdallah) cabinet", "(Haniyeh's) unity government".
_PERSON_GOV = re.compile(r"(?:[’']s)?\s+(?:(?:new|unity|outgoing|first|second|third)\s+)?(?:government|cabinet)\b"
                         r"(?![’'])")
_GOV_HEAD = re.compile(r"\b(?:government|cabinet)\b", re.IGNORECASE)
#: What stands between two items of a coordinated list ("Hamas and Fatah", "Hamas-Fatah", "A, B as well as C").
_JOIN = re.compile(r"^\s*(?:,|and|&|/|-|–|,\s*and|as\s+well\s+as)?\s*(?:the\s+)?$")
_AUTHORITIES = re.compile(r"\s*(?:’s|'s)?\s*(?:authorities|administration|rulers)\b")
_COLLECTIVE_AFTER = re.compile(r"(?:’s|'s)\s+(?:various\s+|different\s+|several\s+|all\s+|other\s+)?"
                               r"(?:movements|factions|parties|groups|forces)\b")


@dataclass(frozen=True)
class Ref:
    """An expression at ``[start, end)`` that refers to the actors ``iris`` (best first)."""

    start: int
    end: int
    iris: tuple[str, ...]
    kind: str  # mention | metonym | pair | government
    labels: tuple[str, ...] = ()


class Refs(list):
    """Actor references sorted by ``(start, end)``, with their starts kept for bisection.

    Example:
        >>> rs = Refs([Ref(0, 5, ("h",), "mention"), Ref(10, 15, ("f",), "mention")])
        >>> [r.iris for r in rs.inside(0, 12)], [r.iris for r in rs.starting(3, 12)]
        ([('h',)], [('f',)])
    """

    def __init__(self, refs: Iterable[Ref] = ()) -> None:
        super().__init__(refs)
        self.starts = [r.start for r in self]
        #: Results computed from these references (see ``EventFinder``); a rebuilt ``Refs`` starts empty.
        self.memo: dict[object, object] = {}

    def starting(self, lo: int, hi: int) -> list[Ref]:
        """References starting in ``[lo, hi)``, in text order."""
        return self[bisect.bisect_left(self.starts, lo):bisect.bisect_left(self.starts, hi)]

    def inside(self, lo: int, hi: int) -> list[Ref]:
        """References lying inside ``[lo, hi)``, in text order."""
        return [r for r in self.starting(lo, hi) if r.end <= hi]


def groups(refs: Refs, body: str, lo: int, hi: int,
            bridge: Callable[[Ref, Ref], bool] | None = None) -> list[list[Ref]]:
    """Actor references in ``[lo, hi)`` grouped by coordination ("Hamas and Fatah", "Hamas-Fatah"); ``bridge``
    joins two references that are one list item ("Fatah's Azzam al-Ahmad", see ``EventFinder.faction_bridge``).
    A collective anaphor ("the factions") is a group of its own: "hosted by Egypt, the factions said".

    Example:
        >>> text = "Fatah and Hamas met Egypt"
        >>> refs = Refs([Ref(0, 5, ("f",), "mention"), Ref(10, 15, ("h",), "mention"), Ref(20, 25, ("e",), "mention")])
        >>> [[r.iris[0] for r in g] for g in groups(refs, text, 0, len(text))]
        [['f', 'h'], ['e']]
    """
    out: list[list[Ref]] = []
    for r in refs.inside(lo, hi):
        if out and ((_JOIN.match(body[out[-1][-1].end:r.start]) and "pair" not in (r.kind, out[-1][-1].kind))
                       or (bridge and bridge(out[-1][-1], r))):
            out[-1].append(r)
        else:
            out.append([r])
    return out


def as_participants(group: list[Ref] | None, role: str) -> list[Participant]:
    """Every actor of every reference in ``group`` in ``role``, in order.

    Example:
        >>> as_participants([Ref(0, 5, ("id:hamas",), "mention", ("Hamas",))], "signatory")
        [Participant(role='signatory', entity='id:hamas', label='Hamas')]
    """
    return [Participant(role, iri, label) for r in group or [] for iri, label in zip(r.iris, r.labels or r.iris,
                                                                                   strict=False)]


def is_actor_mention(m: Mention) -> bool:
    """True for mentions of parties, organisations, states, persons (not places or documents)."""
    return m.type in ACTOR_TYPES


def actor_refs(doc: Doc, idx: ReferenceIndex, controllers: dict[str, str]) -> Refs:
    """Actor references in text order: actor mentions, metonymic places (→ the side governing them when
    known), "the rival factions" (→ the last two parties named) and "the government" (→ the last government)."""
    refs: list[Ref] = []
    for m in doc.mentions:
        if m.metonym:
            if _AUTHORITIES.match(doc.body, m.end):
                continue  # "the West Bank authorities": which body is meant is unclear
            side = governing_side(idx, controllers, m.entity)
            refs.append(Ref(m.start, m.end, (side or m.entity,), "metonym", (idx.label(side) if side else m.label,)))
        elif is_actor_mention(m) and not (doc.body.startswith(("’", "'"), m.end)  # how every match starts
                                          and _COLLECTIVE_AFTER.match(doc.body, m.end)):
            refs.append(Ref(m.start, m.end, (m.entity,), "mention", (m.label,)))
    for a in doc.scan(PAIR_ANAPHOR, _PAIR_STARTS) if doc.may_contain(*_PAIR_WORDS) else ():
        parties = last_parties(doc, a.start())
        if len(parties) == 2:
            refs.append(Ref(a.start(), a.end(), tuple(sorted(p.entity for p in parties)), "pair",
                            tuple(p.label for p in sorted(parties, key=lambda p: p.entity))))
    _led_governments(doc, idx, refs)
    for m in doc.token_matches(_SUBJECT_PRONOUN, _PRONOUNS):
        s = doc.sentence_at(m.start())
        if s.start != m.start():
            continue
        lo = doc.sentences[max(0, s.index - 2)].start  # the person named in the two sentences before
        who = person_before(doc, m.start(), "female" if m.group(1) == "She" else "male", strict=m.group(1) == "She",
                            lo=lo)
        if who:
            refs.append(Ref(m.start(), m.end(), (who[0],), "pronoun", (who[1],)))
    for g in doc.scan(GOVERNMENT_ANAPHOR, _GOVERNMENT_STARTS) if doc.may_contain("government") else ():
        gov = last_of_type(doc, g.start(), ("Government",))
        if gov and not any(r.start <= g.start() < r.end for r in refs):
            refs.append(Ref(g.start(), g.end(), (gov.entity,), "government", (gov.label,)))
    refs.sort(key=lambda r: (r.start, r.end))
    return Refs(refs)


def _led_governments(doc: Doc, idx: ReferenceIndex, refs: list[Ref]) -> None:
    """Replace, in ``refs``, the head in "the government led by / of Prime Minister X" by the government X led
    at publication (``rec:Government`` from the reference layer), when there is one: the cabinet acts, not X."""
    from kg.extract.resolve import resolve_government

    pub = (doc.published or "")[:10] or None
    words = ("government", "cabinet")  # every match of ``_GOV_HEAD`` is one of them
    heads = [m.end() for m in doc.scan(_GOV_HEAD, words)] if idx.governments and doc.may_contain(*words) else []
    for k, r in enumerate(refs):
        if r.kind != "mention" or not heads:
            continue
        i = bisect.bisect_left(heads, r.start - 80)
        if i == len(heads) or heads[i] > r.start:
            continue  # no "government"/"cabinet" in the 80 characters before
        m = doc.search(_GOVERNMENT_OF, max(0, r.start - 80), r.start)
        if m is None or idx.type_of(r.iris[0]) != "Person":
            continue
        gov = resolve_government(idx, leader=r.iris[0], earliest=pub, latest=pub)
        if gov is not None:
            refs[k] = Ref(m.start(), r.end, (gov,), "government", (idx.governments[gov].label,))
    for k, r in enumerate(refs):  # "the Hamdallah government", "Haniyeh's cabinet": the one he led (last, by then)
        if r.kind != "mention" or not idx.governments or idx.type_of(r.iris[0]) != "Person":
            continue
        after = _PERSON_GOV.match(doc.body, r.end)
        if after is None:
            continue
        led = [(g.start or "", iri) for iri, g in idx.governments.items()
               if g.leader == r.iris[0] and (g.start or "") <= (pub or "9999")]
        if led:
            gov = max(led)[1]
            refs[k] = Ref(r.start, after.end(), (gov,), "government", (idx.governments[gov].label,))


def last_parties(doc: Doc, offset: int) -> list[Mention]:
    """The last two distinct parties named before ``offset`` (the pair "the two movements" stands for)."""
    seen: dict[str, Mention] = {}
    for m in reversed([m for m in doc.mentions if m.end <= offset and m.type == "Party"]):
        seen.setdefault(m.entity, m)
        if len(seen) == 2:
            break
    return list(seen.values())


def last_of_type(doc: Doc, offset: int, types: tuple[str, ...]) -> Mention | None:
    """The last mention of one of ``types`` ending before ``offset``."""
    for m in reversed(doc.mentions):
        if m.end <= offset and m.type in types:
            return m
    return None


def governing_side(idx: ReferenceIndex, controllers: dict[str, str], place: str) -> str | None:
    """The actor that governs ``place`` or a place it lies in, from the article's control facts; else, for a
    capital ("Moscow hosted talks"), the state it is the capital of (``rec:capitalOf``).

    Example:
        >>> from kg.extract.lexicon import EntityInfo
        >>> idx = ReferenceIndex(entities={"moscow": EntityInfo("Moscow", type_local_name="City", capital_of="ru")})
        >>> governing_side(idx, {}, "moscow"), governing_side(idx, {"moscow": "x"}, "moscow")
        ('ru', 'x')
    """
    for p in idx.ancestors(place):
        if p in controllers:
            return controllers[p]
    info = idx.entities.get(place)
    return info.capital_of if info else None


def gender_of(doc: Doc, iri: str) -> str | None:
    """The gender a title in ``doc`` gives the person ``iri`` ("spokeswoman", "Mr"), else None."""
    for t in doc.titles:
        if t.person == iri and t.gender:
            return t.gender
    return None


def person_before(doc: Doc, offset: int, gender: str | None = None, strict: bool = False,
                  lo: int = 0) -> tuple[str, str] | None:
    """The last person mentioned in ``[lo, offset)`` whose known gender (from titles) is not the other one
    (``strict``: whose gender is known to be ``gender``)."""
    for m in reversed(doc.mentions):
        if m.end <= offset and m.type == "Person":
            if m.start < lo:
                return None
            g = gender_of(doc, m.entity)
            if gender is None or g == gender or (g is None and not strict):
                return m.entity, m.label
    return None


def member_before(doc: Doc, idx: ReferenceIndex, offset: int, org: str) -> tuple[str, str] | None:
    """The last person named before ``offset`` who belongs to ``org`` (by a title in the text or a reference
    post): "the Fatah leader" after "Abbas … Hamas's Ismail Haniyeh" is Abbas."""
    for m in reversed(doc.mentions):
        if m.end <= offset and m.type == "Person" and (
                any(t.person == m.entity and t.org == org for t in doc.titles)
                or any(p.org == org for p in idx.posts.get(m.entity, []))):
            return m.entity, m.label
    return None


def title_holder(doc: Doc, offset: int, noun: str) -> tuple[str, str] | None:
    """The person last given a title containing ``noun`` before ``offset`` (else the next one after)."""
    labels = {m.entity: m.label for m in doc.mentions if m.type == "Person"}
    before = [t for t in doc.titles if t.start < offset and noun in t.title.split()]
    if before:
        return before[-1].person, labels.get(before[-1].person, before[-1].person)
    after = [t for t in doc.titles if t.start >= offset and noun in t.title.split()]
    if after:
        return after[0].person, labels.get(after[0].person, after[0].person)
    return person_before(doc, offset)


def affiliation(doc: Doc, idx: ReferenceIndex, person: str) -> str | None:
    """The organisation a speaker speaks for: from a title in the text, else a reference post held at
    the publication date."""
    for t in doc.titles:
        if t.person == person and t.org:
            return t.org
    date = doc.published or ""
    for post in idx.posts.get(person, []):
        if post.org and (post.start or "") <= date and (post.end is None or date <= post.end):
            return post.org
    return None


def side_of(idx: ReferenceIndex, org: str | None) -> str | None:
    """The state a body belongs to ("Russian Foreign Ministry" → Russia), else the body itself."""
    if org is None:
        return None
    return idx.state_of(org) if idx.type_of(org) not in ("Party", "UmbrellaOrganization") and idx.state_of(org) \
        else org
