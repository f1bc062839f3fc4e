"""Changes of post reported as events: who takes which post, and since when.

- **Succession**: "X succeeded/replaced Y (as Z)", "X became/becomes/took over/returns as Z", "X takes the foreign
  ministry", "X was appointed", "X was elected
  head of …" → X holds a post from the clause's time ("X was elected in 2005" alone is an election, not a post);
- **Choice**: "Hamas elected X as head of …", "Abbas named/appointed X …" → X (the first person after the verb)
  holds a post;
- **Tenure**: "X, who had led Hamas since 1996", "X has led Fatah since 2004" → X holds a post since then.

The organisation is the one named after the verb, else the one in the person's title in the sentence; the post
itself is looked up in the reference layer (the person's post in that organisation) when it can be; the event
stands without it.

Example:
    >>> from kg.articles.model import Article
    >>> from kg.extract.document import Doc
    >>> from kg.extract.records import Evidence, Mention
    >>> doc = Doc.of(Article(id="a", title=None, body="Haniyeh succeeded Mashal as leader in May 2017.",
    ...                      published="2017-06-01"))
    >>> ev = Evidence(0, 0, "", "", "t", 1.0)
    >>> doc.set_mentions([Mention("h", "Haniyeh", "Person", "Haniyeh", 0, 7, True, ev),
    ...                   Mention("m", "Mashal", "Person", "Mashal", 18, 24, True, ev)])
    >>> from kg.extract.lexicon import ReferenceIndex
    >>> from kg.extract.refs import actor_refs
    >>> idx = ReferenceIndex().with_local({"h": ("Haniyeh", "Person"), "m": ("Mashal", "Person")})
    >>> [(e.participants[0].entity, e.time.earliest) for e in post_changes(doc, idx, actor_refs(doc, idx, {}))]
    [('h', '2017-05-01')]
"""

from __future__ import annotations

import re

from kg.extract.document import Doc
from kg.extract.event_links import publication_day
from kg.extract.lexicon import ReferenceIndex
from kg.extract.records import Event, Participant, TimeSpec
from kg.extract.refs import Ref, Refs

#: The person before the verb takes the post ("X succeeded Y", "X was elected").
#: Words naming a post ("head of the political bureau", "prime minister").
_POST_WORDS = r"(?:head|chief|leader|chairman|president|prime\s+minister|secretary|speaker|deputy)"
_SUBJECT_TAKES = re.compile(r"\b(?:succeed(?:ed|s)|replac(?:ed|es)|became|becomes|took\s+over\s+as"
                            r"|(?:returns|returned)\s+as"
                            r"|(?:takes|took)(?=\s+(?:over\s+)?(?:the|a)\s+(?:[\w-]+\s+){0,2}?(?:ministry|portfolio)\b)"
                            r"|(?:was|has\s+been|had\s+been)\s+(?:(?:re-)?elected|chosen)(?=\s+(?:as\s+)?(?:the\s+)?"
                            rf"(?:[\w-]+\s+){{0,2}}?{_POST_WORDS}\b)|(?:was|has\s+been|had\s+been)\s+(?:appointed|named))\b",
                            re.IGNORECASE)
#: The person after the verb takes the post ("Hamas elected X as …", "Abbas named X").
_OBJECT_TAKES = re.compile(r"\b(?:(?:re-)?elected|appointed|named|chose|chosen)\b(?=\s+[A-Z])")
#: A post taken in the present of a news report ("X becomes …", "Y takes the foreign ministry"): the day reported.
_PRESENT_TAKES = ("becomes", "returns", "takes")
#: "X, who had led Hamas since 1996": a tenure.
_TENURE = re.compile(r"\b(?:had|has|have)\s+(?:led|headed|chaired)\b", re.IGNORECASE)
_GAP = re.compile(r"(?:\s*,\s*(?:who|which)\s+)?\s*(?:(?:also|then|later|first)\s+)?")
_MOVEMENT = re.compile(r"\s+the\s+(?:movement|group|party|organi[sz]ation|faction)\b", re.IGNORECASE)
_POST_AFTER = re.compile(r"\s+(?:as\s+)?(?:the\s+|its\s+|a\s+)?(?:new\s+|acting\s+|interim\s+)?(?:[\w-]+\s+){0,2}?"
                         rf"(?:{_POST_WORDS}|minister|ministry|portfolio)(?![’']s\b)(?!\s+to\b)", re.IGNORECASE)
#: What may follow the post named after "became/becomes/returns as/takes": the end of the clause or a phrase of
#: the post ("… prime minister in 2007", "… finance minister, and …"), not a verb ("returns as the ministry faces").
_POST_END = re.compile(r"(?:\s+(?:prime|foreign|finance|interior|minister|ministry|portfolio|leader|chief|head|chairman"
                       r"|president|secretary|general|speaker))*"  # the rest of "deputy prime minister"
                       r"(?:\s+(?:of|for|at|in|on|and|after|since|until|from|with|under|when|following|once)\b"
                       r"|\s*(?:[,.;:)]|$))", re.IGNORECASE)
#: A condition before a present post change: "If Hamas wins, X becomes prime minister".
_CONDITION = re.compile(r"\b(?:if|unless|should|once|whether)\b", re.IGNORECASE)
_TO_TASK = re.compile(r"\s+to\s+(?!the\s+post\b)[a-z]+\b")
#: First words of the patterns above (lower case, as tokens): the scan tries them only there.
_SUBJECT_STARTS = frozenset({"succeeded", "succeeds", "replaced", "replaces", "became", "becomes", "took", "takes",
                             "returns", "returned", "was", "has", "had"})
_OBJECT_STARTS = frozenset({"elected", "re", "appointed", "named", "chose", "chosen"})
_TENURE_STARTS = frozenset({"had", "has", "have"})
_CONFIDENCE = 0.8


def post_changes(doc: Doc, idx: ReferenceIndex, refs: Refs) -> list[Event]:
    """Post-holding events from succession, choice and tenure phrases (see the module doc)."""
    body, out = doc.body, []
    for pattern, after, starts in ((_SUBJECT_TAKES, False, _SUBJECT_STARTS), (_OBJECT_TAKES, True, _OBJECT_STARTS),
                                   (_TENURE, False, _TENURE_STARTS)):
        for m in doc.token_matches(pattern, starts):  # tried only at the tokens that can start a match
            s = doc.sentence_at(m.start())
            person = _person_after(idx, refs, m.end(), s.end) if after else \
                _person_before(idx, refs, body, s.start, m.start())
            if person is None or not _takes_post(body, m, pattern, idx, refs):
                continue
            times = [t for t in doc.times_in(s.start, s.end) if t.start >= m.end() or after or pattern is _TENURE]
            if pattern is _TENURE:
                times = [t for t in times if t.start >= m.end() and t.spec.text.lower().startswith("since")]
                if not times:
                    continue
            time = min(times, key=lambda t: abs(t.start - m.end())).spec if times else None
            if m.group().lower().startswith(_PRESENT_TAKES):
                if _CONDITION.search(body, s.start, m.start()):
                    continue  # "If Hamas wins, X becomes prime minister": no change reported
                time = time or publication_day(doc.published)  # "X becomes deputy prime minister": the day reported
            org = _org_after(idx, refs, m.end(), s.end) or next(
                (t.org for t in doc.titles if t.person == person.iris[0] and s.start <= t.start < s.end), None)
            label = idx.label(person.iris[0])
            post = next((p.iri for p in idx.posts.get(person.iris[0], []) if org and p.org == org), None)
            out.append(Event(key="", type="PostHolding", label=label, post=post,
                             time=TimeSpec(time.text, time.precision, time.earliest, None) if time else None,
                             participants=[Participant("agent", person.iris[0], label)],
                             concerns=[org] if org else [],
                             evidence=[doc.evidence(m.start(), m.end(), "post-change", _CONFIDENCE)],
                             confidence=_CONFIDENCE))
    return out


def _takes_post(body: str, m: re.Match[str], pattern: re.Pattern[str], idx: ReferenceIndex, refs: Refs) -> bool:
    """The verb gives a post: "succeeded/replaced" a person (not "succeeded in", "replaced three ministers");
    "became/took over as" a post (not "became the first … to"); "appointed" not "to" a task; "led" an organisation
    or "the movement" (not "the talks")."""
    verb = m.group().lower()
    if pattern is _TENURE:
        nxt = refs.starting(m.end(), m.end() + 6)
        return bool(nxt and idx.type_of(nxt[0].iris[0]) in ("Party", "Organization", "UmbrellaOrganization")) \
            or bool(_MOVEMENT.match(body, m.end()))
    if verb.startswith(("succeed", "replac")):
        nxt = refs.starting(m.end(), m.end() + 3)
        return bool(nxt) and idx.type_of(nxt[0].iris[0]) == "Person"
    if verb.startswith(("became", "took", "returned", *_PRESENT_TAKES)):
        post = _POST_AFTER.match(body, m.end())
        return bool(post) and bool(_POST_END.match(body, post.end()))
    return not _TO_TASK.match(body, m.end())


def _person_before(idx: ReferenceIndex, refs: Refs, body: str, lo: int, pos: int) -> Ref | None:
    before = [r for r in refs.starting(lo, pos) if r.end <= pos]
    if not before or idx.type_of(before[-1].iris[0]) != "Person":
        return None
    last = before[-1]
    gap = body[last.end:pos]
    if _GAP.fullmatch(gap) or re.fullmatch(r",[^,;]{0,120},\s*(?:who\s+)?(?:had\s+|has\s+)?", gap):
        return last
    return None


def _person_after(idx: ReferenceIndex, refs: Refs, pos: int, hi: int) -> Ref | None:
    after = refs.starting(pos, min(hi, pos + 40))
    return after[0] if after and idx.type_of(after[0].iris[0]) == "Person" else None


def _org_after(idx: ReferenceIndex, refs: Refs, pos: int, hi: int) -> str | None:
    for r in refs.starting(pos, min(hi, pos + 80)):
        if idx.type_of(r.iris[0]) in ("Party", "Organization", "Government"):
            return r.iris[0]
    return None
