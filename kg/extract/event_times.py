"""Time rules of the event finder: which time expression belongs to which event.

- each time goes to the trigger it follows, preferring the verb's own time; a time scheduled for an event
  ("due on May 22") goes to that event;
- coordinated times make one event each ("elections on May 22 and a presidential vote on July 31");
- "after three days of talks" spans the talks back from the clause's day;
- events in a sentence opened by "Following/After <time>" start no earlier than it;
- an actual event with no time in a report of the day's news happened on the publication date.

Mixed into ``kg.extract.events.EventFinder``, whose state (document, index, references, events) it reads.

Example:
    >>> bool(FOLLOWING.match("Following the 2014 agreement, "))
    True
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise
from typing import TYPE_CHECKING

from kg.extract.event_links import (
    lede_is_news,
    news_of_the_day,
    publication_day,
    span_back,
)
from kg.extract.event_norms import shift_time
from kg.extract.merge import REPORTED_CONFIDENCE
from kg.extract.records import Event, TimeSpec
from kg.extract.timex import month_bounds

if TYPE_CHECKING:
    from kg.extract.events import Hit

#: Two times coordinated on one trigger ("hosted meetings in 2011 and in January 2017"): one event each.
_TIME_AND = re.compile(r"\s*,?\s*(?:and|as\s+well\s+as)\s+(?:(?:again|also|later)\s+)?(?:(?:in|on)\s+)?")

#: A sentence opened by "Following/After <time>": its events start no earlier than that time.
FOLLOWING = re.compile(r"^(?:Following|After|Since|In\s+the\s+wake\s+of)\b")

_WITH_YEAR = re.compile(r"\b\d{4}\b")
#: Events of one moment: "since 1996" (a span up to the report) is never their time ("elected X, who had led
#: the movement since 1996").
POINT_EVENTS = frozenset({"Election", "Signing", "Takeover", "Collapse", "Decree", "SwearingIn",
                           "GovernmentFormation", "Postponement", "Split"})
#: A time that is a span up to the report ("since 1996", "from the 2007 takeover"), and the words that open it.
_SINCE_LEAD = re.compile(r"(?:since|from)\s+(?:the\s+)?", re.IGNORECASE)


#: A calendar day or month named without a year ("April 13", "in June"), not a weekday or "next week".
_CALENDAR_DAY = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\b")


def point_time(spec: TimeSpec) -> TimeSpec:
    """``spec`` as the time of a one-moment event: "since the 2007 (rift)" is 2007, not 2007 until the report.

    Example:
        >>> point_time(TimeSpec("Since the 2007", "year", "2007-01-01", "2017-11-01")).latest
        '2007-12-31'
    """
    lead = _SINCE_LEAD.match(spec.text)
    if lead is None or not spec.earliest:
        return spec
    y, m = int(spec.earliest[:4]), int(spec.earliest[5:7] or 1)
    last = {"year": f"{y}-12-31", "month": month_bounds(y, m)[1]}.get(spec.precision or "", spec.earliest)
    return replace(spec, text=spec.text[lead.end():], latest=last)
#: "a year after (it won / winning) …", "two years after …": counted back from the event just reported.
_YEARS_AFTER = re.compile(r"\b(a|one|two|three|four|five)\s+years?\s+after\s+(?:(?:it|he|she|they)\s+)?(?:\w+\s+)?$",
                          re.IGNORECASE)
#: "in 2007, when …": the clause the time introduces (``TimeRules.when_time``).
_WHEN_AFTER = re.compile(r"\s*,?\s+when\s+")
_CLAUSE_BREAK = re.compile(r"[.;:!?\"“”]|\b(?:when|after|before|since|until)\b")
#: "postponed to next month": the new date, not the postponement's own.
_NEW_DATE = re.compile(r"\b(?:to|until|till)\s+$", re.IGNORECASE)

#: Only a determiner (and one word) between a verb and its object: "postponed the elections", "held a new vote".
_DETERMINER_BETWEEN = re.compile(r"\s+(?:the|a|an|its|their|his|her)\s+(?:[a-z]+\s+)?")

#: "said on Thursday": a time right after a speech verb dates the statement, not an event before it.
_SPEECH_WORDS = ("said", "says", "stressed", "noted", "added", "told", "announced", "stated")  # one in every match
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|stressed|noted|added|told|announced|stated)\s+(?:\w+\s+){0,2}?"
                            r"(?:on\s+|late\s+on\s+|early\s+on\s+)?$")


class TimeRules:
    """Time rules of the event finder (a mixin of ``EventFinder``)."""

    def time_for(self, hit: Hit, lo: int, hi: int, taken: set[int], past: bool = False) -> TimeSpec | None:
        """The time of ``hit`` in ``[lo, hi)`` (not one of ``taken``); ``past``: no yearless or relative time
        that starts after the publication day ("… after Abbas met X in Ramallah, also sets August 31": the
        meeting is not dated August 31; a stated year is kept)."""
        published = (self.doc.published or "")[:10]
        cands = [t for t in self.doc.times_in(lo, hi) if t.start not in taken  # (pure tests, the cheapest first)
                 and self.time_owner.get(t.start, hit.end) == hit.end
                 and not any(a <= t.start < b for a, b in self.frames)
                 and not (hit.type in POINT_EVENTS and _SINCE_LEAD.match(t.spec.text))
                 and not (past and len(published) == 10 and (t.spec.earliest or "")[:10] > published
                          and not _WITH_YEAR.search(t.spec.text) and not _CALENDAR_DAY.search(t.spec.text))
                 and not (hit.type == "Postponement" and _NEW_DATE.search(self.body, max(lo, t.start - 12), t.start))
                 and not self.after_speech(lo, t.start)
                 and self.owns_time(hit, t.start, t.end)]
        reported = hit.extra.get("reported")
        if reported is not None:  # "On Thursday the court ruled that … would be postponed": Thursday is the ruling's
            verb_times = [t for t in cands if t.start < reported]
            cands = (verb_times or cands) if hit.extra.get("decided") else [t for t in cands if t.start >= reported]
        sent = self.doc.sentence_at(hit.start)
        cands = [replace(t, spec=shift_time(t.spec, years=-1)) if past and len(published) == 10
                 and (t.spec.earliest or "")[:10] > published and _CALENDAR_DAY.search(t.spec.text)
                 and not _WITH_YEAR.search(t.spec.text) else t for t in cands]  # "was sworn in on April 13",
        # read in March: last year's April 13
        own = [t for t in self.doc.times_in(lo, sent.end) if t.start not in taken
               and self.time_owner.get(t.start) == hit.end] if self.time_owner else []
        if own:  # "the election that was due on May 22" (a past report may name a coming date, in a relative
            return own[0].spec  # clause of its own)
        if not cands:
            return self.when_time(hit) or self.years_after_time(hit, lo)
        after = [t for t in cands if t.start >= hit.end]  # "met … on Monday": a time after the verb first
        best = min(after or cands, key=lambda t: min(abs(t.start - hit.end), abs(hit.start - t.end)))
        alone = hit.extra.get("prev", lo) <= best.start and best.end <= hit.extra.get("next", hi)
        if abs(best.start - hit.end) > 90 and abs(hit.start - best.end) > 90 and not alone:
            return None  # far away, with another trigger in between
        return best.spec

    def when_time(self, hit: Hit) -> TimeSpec | None:
        """The time a "when" clause hangs on ("since 2007, when Hamas drove its forces out": 2007), for a trigger
        of that clause with no time of its own; else None."""
        sent = self.doc.sentence_at(hit.start)
        for t in reversed(self.doc.times_in(sent.start, hit.start)):
            when = _WHEN_AFTER.match(self.body, t.end)
            if when and when.end() <= hit.start and not _CLAUSE_BREAK.search(self.body, when.end(), hit.start):
                return point_time(t.spec) if hit.type in POINT_EVENTS else t.spec
        return None

    def years_after_time(self, hit: Hit, lo: int) -> TimeSpec | None:
        """"(Hamas drove its forces out in 2007,) a year after winning the elections": the year of the event
        reported just before in the sentence, minus one (or two, three …); None without one."""
        m = _YEARS_AFTER.search(self.body, max(0, hit.start - 40), hit.start)
        if m is None:
            return None
        sent = self.doc.sentence_at(hit.start)
        before = [e for e in self.events if e.time and e.time.earliest and e.evidence
                  and sent.start <= e.evidence[0].start < m.start()]
        if not before:
            return None
        n = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}[m.group(1).lower()]
        year = int(before[-1].time.earliest[:4]) - n
        text = m.group(0)
        return TimeSpec(text[:text.lower().index(" after") + 6], "year", f"{year}-01-01", f"{year}-12-31")

    def after_speech(self, lo: int, start: int) -> bool:
        """True when a speech verb ends ``body[lo:start]`` ("said on Thursday"); memoised per document."""
        got = self.speech_memo.get((lo, start))
        if got is None:
            got = self.speech_memo[lo, start] = self.doc.may_contain_in(_SPEECH_WORDS, lo, start) \
                and bool(_SPEECH_BEFORE.search(self.body, lo, start))
        return got

    def owns_time(self, hit: Hit, start: int, end: int) -> bool:
        """Whether ``hit`` may take the time at ``[start, end)``: it is the nearest trigger, or a verb whose
        object is the nearest ("postponed the elections on May 22": the postponement's date)."""
        if len(self.sentence_hits) == 1:
            return True  # ``hit`` is the sentence's only trigger: the nearest one or none
        near = self.nearest_hit(start, end)
        if near is None or near is hit:
            return True
        k = self.sentence_hits.index(hit)
        return hit.form == "verb" and k + 1 < len(self.sentence_hits) and self.sentence_hits[k + 1] is near \
            and bool(_DETERMINER_BETWEEN.fullmatch(self.body, hit.end, near.start))

    def coordinated_time(self, ev: Event, lo: int, hi: int, taken: set[int]) -> Event | None:
        """A copy of ``ev`` at the second of two coordinated times ("in 2011 and in January 2017") when the
        event took the first; ``None`` otherwise."""
        times = self.doc.times_in(lo, hi)
        for t, t2 in pairwise(times):
            if t.spec == ev.time and t2.start not in taken and t2.spec != t.spec \
                    and _TIME_AND.fullmatch(self.body, t.end, t2.start) \
                    and not any(t.end <= x.start < t2.start for x in self.sentence_hits):
                taken.add(t2.start)
                return replace(ev, time=t2.spec, participants=list(ev.participants), evidence=list(ev.evidence),
                               concerns=list(ev.concerns), basis=list(ev.basis))
        return None

    def talks_span(self, time: TimeSpec | None, days: int, lo: int, hi: int) -> TimeSpec | None:
        """"After three days of talks": the talks end on the clause's (last) day and last ``days`` days."""
        if time is None or time.precision != "day":
            day_times = [t.spec for t in self.doc.times_in(lo, hi) if t.spec.precision == "day"
                         and t.spec.earliest == t.spec.latest]  # a day, not "within a year"
            time = day_times[-1] if day_times else (publication_day(self.doc.published)
                                                    if self.lede_is_news() else None)
        return span_back(time, days) if time is not None and time.precision == "day" else time

    def lede_is_news(self) -> bool:
        if not self.doc.sentences:
            return False
        lede = self.doc.sentences[0]
        return lede_is_news([t.spec for t in self.doc.times_in(lede.start, lede.end)], self.doc.published)

    def date_news_of_the_day(self) -> None:
        """Actual events reported in the simple past without any time in their sentence, in an article
        about the day's news, are dated to the publication day."""
        day = publication_day(self.doc.published)
        if day is None or not self.lede_is_news():
            return
        for ev in self.events:
            if ev.time is not None or ev.modality != "actual" or not ev.evidence \
                    or ev.confidence < REPORTED_CONFIDENCE or ev.type in ("ControlOfTerritory", "PostHolding"):
                continue
            start = ev.evidence[0].start
            if self.doc.quote_at(start) is not None and self.doc.quote_at(start).kind == "direct":
                continue
            s = self.doc.sentence_at(start)
            lo, _ = self.clause(start)
            if news_of_the_day(self.body, lo, start, bool(self.doc.times_in(s.start, s.end))):
                ev.time = day

    def sentence_time_inheritance(self, lo: int, hi: int, hits: list[Hit]) -> None:
        s = self.body[lo:hi]
        if not FOLLOWING.match(s):
            return
        times = self.doc.times_in(lo, hi)
        if not times:
            return
        t = times[0].spec
        for h in hits:
            if h.event is not None and h.event.time is None:
                h.event.time = TimeSpec(f"after {t.text}", None, t.earliest, None)
