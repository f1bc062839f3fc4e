"""Event rules that look beyond one trigger: the length of talks, delegation heads named in another
sentence, anaphoric meetings ("The talks were hosted by X"), times owned by a scheduled event, by-lists of
signatories and the date of the day's news.

- **Duration**: "after three days of talks", "at the close of two days of talks", "a two-day meeting" make
  the talks an actual meeting (whatever "agreed to …" precedes them) that ends on the clause's day and
  starts N-1 days earlier ("nearly a week" = 7 days).
- **Delegation heads**: "The X delegation was led/headed by P", "P, who led his movement's delegation",
  "Y was represented by P" → P is a ``leader`` of the last actual meeting of this or the 3 sentences before,
  and the faction named as the delegation's owner ("The Fatah delegation", "Hamas was represented") a
  participant; an elided second half ("… led by P and Fatah's by Q") adds Q and Fatah.
- **Anaphoric meetings**: a sentence whose subject is "The meeting/talks/negotiations/summit" continues
  the last meeting of the 2 sentences before: its roles, place and time go to that meeting.
- **Scheduled times**: a time after "due/scheduled/set/slated/planned (to take place) on/for/in" belongs
  to the nearest event trigger before the cue ("postponed the election that was due on May 22": the
  election, not the postponement).
- **News of the day**: an actual event reported in the simple past with no time expression in its
  sentence, not backgrounded ("had", "since", "until", a relative clause), in an article whose lede reports
  the day's news (a day time within 3 days of publication, or no time at all), happened on the
  publication date (the gold guideline: "statements in a report of the day's events are dated that day").

Example:
    >>> duration_days("after three days of ")  # the text before the meeting noun
    3
    >>> duration_days("the one-day "), duration_days("after nearly a week of "), duration_days("after the ")
    (1, 7, None)
    >>> span_back(TimeSpec("on Tuesday", "day", "2024-07-23", "2024-07-23"), 3)
    TimeSpec(text='on Tuesday', precision='day', earliest='2024-07-21', latest='2024-07-23')
"""

from __future__ import annotations

import datetime as dt
import re

from kg.extract.records import Event, Participant, TimeSpec

_NUM = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}
_NUM_RE = r"(?:a|an|one|two|three|four|five|six|seven|ten|\d{1,2})"
_DURATION = re.compile(
    rf"(?:\b(?:nearly|almost|about|some|more\s+than|over)\s+)?\b(?P<n>{_NUM_RE})\s+(?P<unit>days?|weeks?)\s+of\s+"
    rf"(?:[\w-]+\s+){{0,2}}?$"
    rf"|\b(?P<n2>{_NUM_RE})[-\s](?P<unit2>day|week)\s+(?:[\w-]+\s+){{0,2}}?$", re.IGNORECASE)
#: Meeting nouns a duration phrase or an anaphoric subject can govern (a bit wider than the triggers).
_ANAPHOR = re.compile(r"^(?:The|Their|These|Those|It\s+(?:was|is)\s+(?:the|their))\s+(?:[\w-]+\s+){0,2}?"
                      r"(?:meeting|talks|negotiations|summit"
                      r"|gathering|conference|session)\b(?P<rest>[^.;]*)")
_DELEGATION_BY = re.compile(r"\bdelegations?\s+(?:was|were|is|are)\s+(?:led|headed)\s+by\s+"
                            r"|\b(?:was|were)\s+represented\s+by\s+", re.IGNORECASE)
#: The elided second half of a delegation-head sentence: "… was led by P and Fatah's by Q".
_GAPPED_BY = re.compile(r"\s+and\s+(?P<side>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})[’']s\s+by\s+")
_LED_DELEGATION = re.compile(r"\b(?:led|headed)\s+(?:his|her|its|their|the|(?-i:[A-Z])[\w-]*[’']s)\s+"
                             r"(?:[\w’'-]+\s+){0,3}?delegations?\b", re.IGNORECASE)
_SCHEDULED = re.compile(r"\b(?:due|scheduled|set|slated|planned|expected)\s+(?:to\s+(?:take\s+place|be\s+held)\s+)?"
                        r"(?:on|for|in|by)\s+(?:the\s+)?$"
                        # "the elections that were to have been held on 8 October", "was to take place in May"
                        r"|\b(?:was|were|is|are)\s+to\s+(?:have\s+)?(?:be(?:en)?\s+)?(?:held|take\s+place|taken\s+place)"
                        r"\s+(?:on|in)\s+(?:the\s+)?$", re.IGNORECASE)
#: The words one of which every match of ``_SCHEDULED`` holds (lower case, for ``Doc.may_contain_in``).
SCHEDULED_WORDS = ("due", "scheduled", "set", "slated", "planned", "expected", "held", "place")
_BACKGROUND = re.compile(r"\b(?:had|has|have|since|until|till|before|after|when|once|which|who|whose|ago|last|"
                         r"earlier|previous(?:ly)?|former(?:ly)?)\b", re.IGNORECASE)
#: A verb in the simple past (or a past participle): "met", "signed", "broke", "dismissed".
PAST_VERB = re.compile(r"\b\w+ed\b|\b(?:met|held|signed|took|made|won|gave|came|went|said|led|began|broke|fell"
                        r"|swore|sworn|struck)\b", re.IGNORECASE)
#: Words that may stand between two names of one by-list ("signed by Fatah's deputy chief X and Y").
_BY_LIST_GAP = re.compile(r"^(?:[’']s)?(?:\s*,)?\s+(?:(?:and|[A-Za-z][\w-]*)\s+){0,6}$")
_BY_LIST_STOP = re.compile(r"\b(?:at|in|on|after|before|with|for|to|from|which|who|whom|that|said|under|during"
                           r"|while|as|of)\b", re.IGNORECASE)


def duration_days(before: str) -> int | None:
    """Days of talks announced right before a meeting noun ("two days of", "a two-day", "nearly a week of").

    Example: see the module docstring.
    """
    before = before[-60:]
    low = before.lower()
    m = _DURATION.search(before) if "day" in low or "week" in low else None  # every match holds one of them
    if not m:
        return None
    n = _NUM.get((m.group("n") or m.group("n2")).lower()) or int(m.group("n") or m.group("n2"))
    unit = (m.group("unit") or m.group("unit2")).lower()
    return n * 7 if unit.startswith("week") else n


def span_back(end: TimeSpec, days: int) -> TimeSpec:
    """A day-precision span of ``days`` days ending on ``end``'s last day."""
    last = dt.date.fromisoformat((end.latest or end.earliest or "")[:10])
    first = last - dt.timedelta(days=max(days, 1) - 1)
    return TimeSpec(end.text, "day", first.isoformat(), last.isoformat())


def publication_day(published: str | None) -> TimeSpec | None:
    """The publication date as a day with no surface text (the date comes from context)."""
    day = (published or "")[:10]
    return TimeSpec("", "day", day, day) if len(day) == 10 else None


def is_anaphoric_meeting(sentence: str) -> bool:
    """True when the sentence's subject is "The meeting/talks …", or it says "It was the first meeting …" (it
    continues a meeting already reported).

    Example:
        >>> is_anaphoric_meeting("The talks were hosted by Qatar."), is_anaphoric_meeting("Talks resume today.")
        (True, False)
    """
    return bool(_ANAPHOR.match(sentence))


def scheduled_owner(body: str, time_start: int, trigger_ends: list[int], lo: int) -> int | None:
    """The end of the trigger that owns a time introduced by "due/scheduled … on/for": the last trigger
    before the cue in the clause; ``None`` when no cue stands before the time.

    Example:
        >>> text = "X postponed the vote that was due on May 22"
        >>> scheduled_owner(text, 37, [11, 20], 0)
        20
    """
    cue = _SCHEDULED.search(body, max(lo, time_start - 40), time_start)
    if not cue:
        return None
    owners = [e for e in trigger_ends if lo <= e <= cue.start()]
    return owners[-1] if owners else None


def delegation_heads(body: str, lo: int, hi: int, persons: list) -> list:
    """Persons named as heads of a delegation in ``body[lo:hi]`` (``persons`` = person mentions in order).

    Example:
        >>> from types import SimpleNamespace as N
        >>> text = "The Fatah delegation was led by deputy chief Mahmoud Aloul."
        >>> [p.entity for p in delegation_heads(text, 0, len(text), [N(entity="aloul", start=45, end=58)])]
        ['aloul']
    """
    out = []
    for m in _DELEGATION_BY.finditer(body, lo, hi):
        nxt = next((p for p in persons if m.end() <= p.start <= m.end() + 60), None)
        if nxt is not None and not _BY_LIST_STOP.search(body, m.end(), nxt.start):
            out.append(nxt)
            gap = _GAPPED_BY.match(body, nxt.end, hi)
            second = next((p for p in persons if gap and p.start == gap.end()), None)
            out += [second] if second is not None else []
    for m in _LED_DELEGATION.finditer(body, lo, hi):
        prev = [p for p in persons if lo <= p.end <= m.start()]
        if prev:
            out.append(prev[-1])
    return out


def delegation_sides(body: str, lo: int, hi: int, persons: list) -> list[tuple[int, int]]:
    """Spans of ``body[lo:hi]`` naming whose delegation a head leads: the words before "delegation was led
    by" / "was represented by" (back to a comma or the sentence start, at most 30 characters), and the
    elided half "… and Fatah's by Q". The caller keeps the factions found in them.

    Example:
        >>> from types import SimpleNamespace as N
        >>> text = "Hamas's delegation was led by Abu Marzouk and Fatah's by al-Ahmad."
        >>> [text[a:b] for a, b in delegation_sides(text, 0, len(text), [N(start=30, end=41)])]
        ["Hamas's ", 'Fatah']
    """
    out = []
    for m in _DELEGATION_BY.finditer(body, lo, hi):
        start = max(lo, m.start() - 30, body.rfind(",", lo, m.start()) + 1)
        out.append((start, m.start()))
        nxt = next((p for p in persons if m.end() <= p.start <= m.end() + 60), None)
        gap = _GAPPED_BY.match(body, nxt.end, hi) if nxt is not None else None
        if gap:
            out.append(gap.span("side"))
    return out


def by_list_continues(gap: str) -> bool:
    """True when ``gap`` (text between two names) keeps a by-list going ("'s deputy chief", " and ").

    Example:
        >>> by_list_continues("'s parliamentary leader "), by_list_continues(" at the palace after ")
        (True, False)
    """
    return bool(_BY_LIST_GAP.match(gap)) and not _BY_LIST_STOP.search(gap)


def news_of_the_day(body: str, clause_lo: int, trigger_start: int, sentence_has_time: bool) -> bool:
    """True when an actual event at ``trigger_start`` reads as the day's news: no time in its sentence, a
    past-tense report, nothing that backgrounds it ("had", "since", "until", a relative pronoun) before the
    trigger in its clause.

    Example:
        >>> news_of_the_day("Abbas declared a day of mourning.", 0, 6, False)
        True
        >>> news_of_the_day("Haniyeh headed the government until Abbas dismissed it.", 0, 41, False)
        False
    """
    if sentence_has_time:
        return False
    before = body[clause_lo:trigger_start]
    if _BACKGROUND.search(before):
        return False
    return bool(PAST_VERB.search(body, max(clause_lo, trigger_start - 1), trigger_start + 30)) or \
        bool(PAST_VERB.search(before))


def lede_is_news(lede_times: list[TimeSpec], published: str | None) -> bool:
    """True when the lede reports the day's news: one of its day times lies within 3 days before
    publication (or it names no time at all)."""
    pub = (published or "")[:10]
    if len(pub) != 10:
        return False
    days = [t for t in lede_times if t.precision == "day" and t.latest]
    if not lede_times:
        return True
    p = dt.date.fromisoformat(pub)
    return any(0 <= (p - dt.date.fromisoformat(t.latest[:10])).days <= 3 for t in days)


def report_day(lede_times: list[TimeSpec], published: str | None) -> TimeSpec | None:
    """The day a report is about when it is not the publication day: the lede's first time is a day one or two
    days before publication ("Fatah and Hamas ended two days of talks in Cairo on Thursday", read on Friday);
    else None. Its undated simple-past statements are that day's, not the publication day's.

    Example:
        >>> report_day([TimeSpec("Thursday", "day", "2017-10-12", "2017-10-12")], "2017-10-13").earliest
        '2017-10-12'
        >>> report_day([TimeSpec("Friday", "day", "2017-10-13", "2017-10-13")], "2017-10-13") is None
        True
    """
    pub = (published or "")[:10]
    t = lede_times[0] if lede_times else None
    if len(pub) != 10 or t is None or t.precision != "day" or not t.earliest or t.earliest != t.latest \
            or not 1 <= (dt.date.fromisoformat(pub) - dt.date.fromisoformat(t.earliest[:10])).days <= 2:
        return None
    return TimeSpec("", "day", t.earliest[:10], t.earliest[:10])


def add_leader(ev: Event, person) -> None:
    """Make ``person`` (a mention) a leader of ``ev`` (replacing a plain participant role)."""
    ev.participants = [p for p in ev.participants if not (p.entity == person.entity and p.role == "participant")]
    if not any(p.entity == person.entity and p.role == "leader" for p in ev.participants):
        ev.participants.append(Participant("leader", person.entity, person.label))
