"""Time expressions in news text → ``TimeSpec`` (surface text, precision, earliest/latest ISO bounds).

Our own rules (dateparser invents days and misreads weekdays, see PITFALLS): absolute dates, months,
seasons ("the autumn of 2017" → 2017-09-01..2017-11-30), parts of years ("early 2018"), bare years,
weekdays and relative phrases resolved against the publication date ("on Thursday" → the most recent
Thursday on or before it), and "since X" (from X to the publication date).

Example:
    >>> [(m.spec.text, m.spec.precision, m.spec.earliest, m.spec.latest)
    ...  for m in find_times("signed in the autumn of 2017 and met on Thursday", "2020-03-12")]
    [('the autumn of 2017', 'season', '2017-09-01', '2017-11-30'), ('Thursday', 'day', '2020-03-12', '2020-03-12')]
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from kg.articles.dates import WEEKDAYS
from kg.articles.dates import month_number as _month_number
from kg.extract.records import TimeSpec
from kg.extract.text import Token, first_chars, tokenize

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)")
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_WEEKDAY = "|".join(WEEKDAYS)
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": 3, "few": 3}
#: Season → (first month, last month); winter runs from December of the year into February of the next.
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
#: Part of a year → (first month, last month).
YEAR_PARTS = {"early": (1, 4), "beginning": (1, 3), "start": (1, 3), "mid": (5, 8), "middle": (5, 8),
              "late": (9, 12), "end": (10, 12)}

#: After the last number of "May 22 and 23": the end of the phrase, not a count ("and 15 Palestinians were killed").
_PHRASE_END = r"(?=\s*(?:[,.;:)]|$)|\s+(?:in|at|on|for|with|and|to|of|when|while|as|after|before|during|\d{4})\b)"

#: An ordinal suffix ("4th") and the word or dash between the two ends of a day range ("4 to 16", "29–1").
_ORD = r"(?:st|nd|rd|th)?"
_TO = r"(?:[-–—]|\s(?:to|through)\s)"

_PATTERNS = [
    ("iso", rf"\b(?P<iso_y>{_YEAR})-(?P<iso_m>\d\d)-(?P<iso_d>\d\d)\b"),
    # day ranges: "February 7-8, 2016", "Feb. 29–March 1", "7 and 8 February 2016", "29 February to 1 March"
    # ("and" only within one month and before the end of a phrase: "on May 22 and July 31" are two dates, "on
    # May 14 and 15 Palestinians were killed" a date and a count)
    ("mdyr", rf"\b(?P<mr_m>{_MONTH})\s+(?P<mr_d>\d{{1,2}})(?:st|nd|rd|th)?\s*"
             rf"(?:(?:[-–—]|\s(?:to|through)\s)\s*(?:(?P<mr_m2>{_MONTH})\s+)?"
             rf"(?P<mr_d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*(?:[-–/:.]\d|%))"
             rf"|\sand\s+(?P<mr_d3>\d{{1,2}})(?:st|nd|rd|th)?\b{_PHRASE_END})"
             rf"(?!\s+(?:of\s+)?{_MONTH})(?:,?\s+(?P<mr_y>{_YEAR})\b)?"),
    ("dmyr", rf"\b(?P<rg_d>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:(?:(?:of\s+)?(?P<rg_m>{_MONTH})\s*)?"
             rf"(?:[-–—]|\s(?:to|through)\s)|\sand\s)\s*"
             rf"(?P<rg_d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<rg_m2>{_MONTH})(?:,?\s+(?P<rg_y>{_YEAR})\b)?"),
    # mixed day ranges: "May 4 to 16 June", "4 May to June 16, 2019" (a month after the second day, or before it,
    # so no count: "from May 4 to 16 people" is none of these)
    ("mddmr", rf"\b(?P<md_m>{_MONTH})\s+(?P<md_d>\d{{1,2}}){_ORD}\s*{_TO}\s*(?P<md_d2>\d{{1,2}}){_ORD}\s+(?:of\s+)?"
              rf"(?P<md_m2>{_MONTH})(?:,?\s+(?P<md_y>{_YEAR})\b)?"),
    ("dmmdr", rf"\b(?P<dm_d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<dm_m>{_MONTH})\s*{_TO}\s*(?P<dm_m2>{_MONTH})\s+"
              rf"(?P<dm_d2>\d{{1,2}}){_ORD}\b(?!\s*(?:[-–/:.]\d|%))(?:,?\s+(?P<dm_y>{_YEAR})\b)?"),
    ("mdy", rf"\b(?P<mdy_m>{_MONTH})\s+(?P<mdy_d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<mdy_y>{_YEAR})\b)?"),
    ("dmy", rf"\b(?P<dmy_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dmy_m>{_MONTH})(?:,?\s+(?P<dmy_y>{_YEAR})\b)?"),
    ("season", rf"\b(?:the\s+)?(?:(?P<sea_part>early|late|mid)[-\s]+)?(?P<sea>[Ss]pring|[Ss]ummer|[Aa]utumn"
               rf"|[Ff]all|[Ww]inter)\s+(?:of\s+)?(?:the\s+year\s+)?(?P<sea_y>{_YEAR})\b"),
    ("relseason", r"\b(?P<rs_rel>this|last|next|This|Last|Next)\s+(?P<rs>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all"
                  r"|[Ww]inter)\b"),
    ("monthyear", rf"\b(?P<my_m>{_MONTH})\s+(?:of\s+)?(?P<my_y>{_YEAR})\b"),
    ("yearpart", rf"\b(?:the\s+)?(?P<yp>early|late|mid|beginning\s+of|start\s+of|middle\s+of|end\s+of)"
                 rf"[-\s]+(?P<yp_y>{_YEAR})\b"),
    # "that June", "in March that year", "later that year", "the same day": the month, year or day of the time
    # named just before (``_that_relative``)
    ("thatrel", rf"\b(?:(?:in|In)\s+)?(?P<tr_m>{_MONTH})\s+(?:of\s+)?(?:that|the\s+same)\s+year\b"
                rf"|\b(?:(?:[Ll]ater|[Ee]arlier)\s+)?(?:[Tt]hat|[Tt]he\s+same)\s+(?P<tr_unit>year|month|day)"
                rf"\b(?![’']s)"
                rf"|\b(?:[Tt]hat|[Tt]he\s+same)\s+(?P<tr_m2>{_MONTH})(?!\w)(?!\.?\s*\d)"),
    ("month", rf"\b(?:(?P<mo_pre>in|In|since|Since|until|by|By|last|Last|next|Next|this|early|late|mid|of)\s+"
              rf"|(?:early|late|mid|Early|Late|Mid)-)(?P<mo>{_MONTH})(?!\w)(?!\.?\s*\d)"),
    ("dayrel", r"\b(?P<dr>[Tt]he\s+day\s+(?:before|after))\b(?!\s+(?:the|a|an|his|her|its|their|this|that)\b"
               r"|\s+[A-Z])"  # not "the day before the vote", "the day before Abbas arrived"
               r"(?:\s+(?P<dr_y>yesterday|tomorrow)\b)?"
               r"|\b(?P<dr2>[Tt]he\s+next\s+day|[Aa]\s+day\s+later|[Tt]he\s+following\s+day|[Tt]he\s+previous\s+day"
               r"|[Aa]\s+day\s+earlier)\b(?!\s+(?:the|a|an|his|her|its|their|this|that)\b)"),
    # "on Sunday and Monday", "from Tuesday to Thursday": consecutive days of this week (or last)
    ("wdrange", rf"\b(?P<wr>{_WEEKDAY})\s*(?P<wr_and>\sand\s|\s(?:to|through|until)\s|[-–])\s*(?P<wr2>{_WEEKDAY})\b"),
    # "the following year", "a year later": from the year named just before in the sentence
    ("yearrel", r"\b(?P<yr_rel>[Tt]he\s+(?:following|next|previous|preceding)\s+year"
                r"|[Aa]\s+year\s+(?:later|earlier|before))\b(?![’']s|\s+of\b)"),
    # "two weeks later", "ten days earlier": counted from the time named just before (``_span_relative``); not
    # "two weeks before the vote" (from an event)
    ("spanrel", r"\b(?P<sr_n>\d+|[Aa]|[Aa]n|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine"
                r"|[Tt]en)\s+(?P<sr_unit>day|week|month|year)s?\s+(?P<sr_dir>later|earlier|afterwards"
                r"|before(?=\s*[,.;]|\s*$))"),
    ("weekday", rf"\b(?:(?P<wd_rel>last|next|this|Last|Next|This)\s+)?(?P<wd>{_WEEKDAY})\b"),
    ("relday", r"\b(?P<rd>yesterday|today|tomorrow|Yesterday|Today|Tomorrow)\b"),
    ("relperiod", r"\b(?P<rp_rel>[Ll]ast|[Nn]ext|[Tt]his|[Ee]arlier\s+this|[Ll]ater\s+this|[Ee]arly\s+this"
                  r"|[Ll]ate\s+last|[Ee]arlier\s+last)\s+(?P<rp_unit>week|month|year)\b"),
    ("ago", r"\b(?P<ago_n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+"
            r"(?P<ago_unit>day|week|month|year)s?\s+ago\b"),
    ("within", r"\b[Ww]ithin\s+(?:the\s+next\s+)?(?P<wi_n>\d+|a\s+few|a|an|one|two|three|four|five|six|seven"
               r"|eight|nine|ten|several|few)\s+(?P<wi_unit>day|week|month|year)s?\b(?!\s+of\b)"),
    ("year", rf"(?<![\d$£€.,/-])\b(?P<yr>{_YEAR})\b(?!\s*%|[-/.]\d|\d|,\d)"),
]
_TIME_RE = re.compile("|".join(f"(?P<{name}>{pat})" for name, pat in _PATTERNS))
#: Each pattern with the class of the characters its matches can start with (None: any), for ``_time_re``.
_FIRSTS = [(name, pat, first_chars(re.compile(pat))) for name, pat in _PATTERNS]
_BY_FIRST: dict[str, re.Pattern[str] | None] = {}


def _time_re(c: str) -> re.Pattern[str] | None:
    """``_TIME_RE`` with only the patterns whose matches can start with the character ``c``, in the same order (the
    same first match at a place starting with ``c``, much faster to try); None when none can. Compiled once per
    character."""
    if c not in _BY_FIRST:
        alternatives = [(name, pat) for name, pat, first in _FIRSTS if first is None or first.match(c)]
        _BY_FIRST[c] = re.compile("|".join(f"(?P<{name}>{pat})" for name, pat in alternatives)) \
            if alternatives else None
    return _BY_FIRST[c]


_RANGES = ("mdyr", "dmyr", "mddmr", "dmmdr", "wdrange")
#: The group prefix of each day range.
_RANGE_PREFIX = {"mdyr": "mr", "dmyr": "rg", "mddmr": "md", "dmmdr": "dm"}
#: The same without the day ranges: a range that is none ("May 8-3") is read as its first date.
_SINGLE_RE = re.compile("|".join(f"(?P<{name}>{pat})" for name, pat in _PATTERNS if name not in _RANGES))
_SINCE_BEFORE = re.compile(r"\b(?:since|from)\s+(?:the\s+)?(?:(?:early|late|mid)[-\s]+)?$", re.IGNORECASE)


#: First words (first four letters) that can start a time expression; digits always can.
START_WORDS = frozenset(w[:4] for w in """
january february march april may june july august september october november december sept
spring summer autumn fall winter the early late mid beginning start middle end
monday tuesday wednesday thursday friday saturday sunday last next this yesterday today tomorrow earlier later
in since until by of a an one two three four five six seven eight nine ten several few with that
jan feb mar apr jun jul aug sep oct nov dec
""".split())
_MONTHS3 = frozenset("jan feb mar apr may jun jul aug sep oct nov dec".split())
_UNITS = frozenset("day days week weeks month months year years".split())
_PERIODS = frozenset("spring summer autumn fall winter early late mid beginning start middle end day previous next"
                     " following preceding same".split())
#: Frequent start words that begin a time expression only before certain words ("the autumn …", "in March",
#: "a year ago"): the next token's test. Every pattern needs whitespace between the two, so the next token is
#: the next word; the sets are supersets of what the patterns accept.
_NEXT_WORD = {
    "the": lambda w: w in _PERIODS, "in": lambda w: w[:3] in _MONTHS3, "of": lambda w: w[:3] in _MONTHS3,
    "by": lambda w: w[:3] in _MONTHS3, "since": lambda w: w[:3] in _MONTHS3, "until": lambda w: w[:3] in _MONTHS3,
    **{n: (lambda w: w in _UNITS) for n in _NUMBER_WORDS},
    "that": lambda w: w in ("year", "month", "day") or w[:3] in _MONTHS3,
    "with": lambda w: False, "within": lambda w: w[:1].isdigit() or w in _NUMBER_WORDS or w == "the",
}
#: Words before a month/day without a year, in its clause, that make it a coming date ("a decree calling
#: elections on May 22", "scheduled for July 31", "will meet on March 2", "elections for May 22"): the year is
#: then the next occurrence, not the last. "Due" ("the vote that was due on May 22") makes it the occurrence
#: nearest the publication, either way (``_DUE_BEFORE``).
_FUTURE_BEFORE = re.compile(r"\b(?:will|would|shall|scheduled|set\s+for|planned\s+for|to\s+be\s+held|calling"
                            r"|upcoming|(?:could|might)\s+(?:soon\s+)?be\s+held)\b|\b(?:for|by|sets)\s+$",
                            re.IGNORECASE)
#: "… planned for June 15 was postponed / was held": the planned date is reported in the past.
_PAST_AFTER = re.compile(r"\s*,?\s+(?:was|were|had\s+been|has\s+been)\s+(?:\w+ly\s+)?"
                         r"(?:postponed|cancell?ed|called\s+off|delayed|put\s+off|scrapped|held|pushed\s+back)\b",
                         re.IGNORECASE)
#: "elections on May 22", "a presidential vote on July 31": the day an event is set for, the one nearest the report.
_EVENT_NOUN_BEFORE = re.compile(r"\b(?:elections?|vote|polls|ballot|referendum)\s+(?:on|for)\s+$", re.IGNORECASE)
#: "postponed the elections on May 22": the date is the postponement's (the verb keeps it).
_PUT_OFF = re.compile(r"\b(?:postponed|delayed|deferred|cancell?ed|called\s+off|put\s+off)\b", re.IGNORECASE)
_DUE_BEFORE = re.compile(r"\bdue\b(?!\s+to\b)", re.IGNORECASE)
#: Where a clause starts, looking back from a time: a match runs to the last of these, whose end ends the look-back.
_LAST_EDGE = re.compile(r"(?s:.*)[.;:!?\"“”,]")
#: The kinds of time whose year may be read ahead of the report (``_FUTURE_BEFORE``, ``_DUE_BEFORE``).
_AHEAD_GROUPS = frozenset({"mdy", "dmy", "month", *_RANGES})
_SENTENCE_END = re.compile(r"[.!?]\s")


def _candidates(text: str, tokens: list[Token] | None = None,
                words: dict[str, list[int]] | None = None) -> list[re.Match[str]]:
    """Matches of the time regex tried only where a start word or a number begins, and for frequent
    function words only before a word that can follow them (same result as ``_TIME_RE.finditer`` since
    every pattern starts at a word boundary, but much faster). ``tokens`` = ``tokenize(text)`` if known, and
    ``words`` their indices by ``low`` (``kg.extract.document.word_index``: each distinct word is tested once)."""
    toks = tokenize(text) if tokens is None else tokens
    out: list[re.Match[str]] = []
    end = 0
    n = len(toks)
    starts = sorted([k for low, ks in words.items() if low[:4] in START_WORDS or low[0].isdigit() for k in ks]) \
        if words is not None and tokens is not None else \
        [k for k, t in enumerate(toks) if t.low[:4] in START_WORDS or t.low[0].isdigit()]
    for i in starts:
        t = toks[i]
        if t.start < end:
            continue
        low = t.low
        test = _NEXT_WORD.get(low)
        if test is not None and (i + 1 == n or not test(toks[i + 1].low)):
            continue
        p = _time_re(text[t.start])
        m = p.match(text, t.start) if p is not None else None
        if m:
            out.append(m)
            end = m.end()
    return out


@dataclass(frozen=True)
class TimeMatch:
    """A time expression at ``[start, end)`` of the scanned text (offset added)."""

    start: int
    end: int
    spec: TimeSpec


def _iso(d: dt.date) -> str:
    return d.isoformat()


#: Month names recur in every article: memoised (``month_number`` formats a date per call).
month_number = lru_cache(maxsize=512)(_month_number)


@lru_cache(maxsize=1024)
def month_bounds(year: int, month: int) -> tuple[str, str]:
    """First and last day of a month (ISO).

    Example:
        >>> month_bounds(2024, 2)
        ('2024-02-01', '2024-02-29')
    """
    last = calendar.monthrange(year, month)[1]
    return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"


def _span(year: int, first: int, last: int) -> tuple[str, str]:
    """Bounds from the first day of month ``first`` to the last day of month ``last`` (next year if last < first)."""
    end_year = year + 1 if last < first else year
    return month_bounds(year, first)[0], month_bounds(end_year, last)[1]


def _parse_published(published: str | None) -> dt.date | None:
    if not published or len(published) < 10:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _year_for(month: int, day: int | None, pub: dt.date | None, ahead: str | None = None) -> int | None:
    """Year of a month/day given without one: the publication year, or the previous year when that
    would put it more than two months after publication; for a coming date (``ahead="future"``) the next
    occurrence (a week of slack for reports of the days just past; a month counts to its last day); for a
    date something was due on (``"nearest"``) the occurrence nearest the publication.

    Example:
        >>> pub = dt.date(2020, 3, 12)
        >>> _year_for(5, 22, pub), _year_for(1, 20, pub, "future"), _year_for(3, None, pub, "future")
        (2019, 2021, 2020)
    """
    if pub is None:
        return None
    try:
        first = dt.date(pub.year, month, day or 1)
        last = first if day else dt.date(pub.year, month, calendar.monthrange(pub.year, month)[1])
    except ValueError:
        day = 28 if (month, day) == (2, 29) else day  # Feb. 29 in another year: judged on the 28th
        first = dt.date(pub.year, month, day or 1)
        last = first
    if ahead == "future":
        return pub.year + 1 if (pub - last).days > 7 else pub.year
    if ahead == "nearest":
        return min((pub.year - 1, pub.year, pub.year + 1),
                   key=lambda y: abs((first.replace(year=y) - pub).days))
    return pub.year - 1 if (first - pub).days > 62 else pub.year


def _day(y: int, m: int, d: int) -> tuple[str, str] | None:
    try:
        iso = dt.date(y, m, d).isoformat()
    except ValueError:
        return None
    return iso, iso


def _day_range(m: re.Match[str], pub: dt.date | None, ahead: str | None) -> tuple[str, str, str] | None:
    """``("day", first, last)`` for a day range ("February 7-8, 2016", "29 February to 1 March 2024"); None when
    it is not one (the last day before the first, an impossible date, or no year to be had)."""
    p = _RANGE_PREFIX[m.lastgroup or ""]
    g = m.groupdict().get
    month2 = month_number(g(f"{p}_m2") or g(f"{p}_m") or "")
    month1 = month_number(g(f"{p}_m") or g(f"{p}_m2") or "")
    if month1 is None or month2 is None:
        return None
    d1, d2 = int(g(f"{p}_d")), int(g(f"{p}_d2") or g(f"{p}_d3") or 0)
    if not (1 <= d1 <= 31 and 1 <= d2 <= 31):
        return None  # "on January 25 and 45 went to Fatah": a count
    year2 = int(g(f"{p}_y")) if g(f"{p}_y") else _year_for(month2, d2, pub, ahead)
    if year2 is None:
        return None
    year1 = year2 - 1 if month1 > month2 else year2
    first, last = _day(year1, month1, d1), _day(year2, month2, d2)
    if first is None or last is None or last[0] <= first[0] or (last[0][:7] == first[0][:7] and d2 - d1 > 14):
        return None
    return "day", first[0], last[0]


def _resolve(m: re.Match[str], pub: dt.date | None, ahead: str | None = None) -> tuple[str | None, str, str] | None:
    """``(precision, earliest, latest)`` for one regex match, or None when it cannot be resolved."""
    kind = m.lastgroup
    g = m.group
    if kind == "iso":
        b = _day(int(g("iso_y")), int(g("iso_m")), int(g("iso_d")))
        return ("day", *b) if b else None
    if kind in ("mdy", "dmy"):
        month = month_number(g(f"{kind}_m"))
        day = int(g(f"{kind}_d"))
        year = int(g(f"{kind}_y")) if g(f"{kind}_y") else _year_for(month or 1, day, pub, ahead)
        if month is None or year is None:
            return None
        b = _day(year, month, day)
        return ("day", *b) if b else None
    if kind in _RANGE_PREFIX:
        return _day_range(m, pub, ahead)
    if kind == "season":
        first, last = SEASONS[g("sea").lower()]
        year = int(g("sea_y"))
        part = g("sea_part")
        if part and last >= first:
            first, last = {"early": (first, first), "mid": (first + 1, first + 1), "late": (last, last)}[part]
        return ("season", *_span(year, first, last))
    if kind == "monthyear":
        month = month_number(g("my_m"))
        return ("month", *month_bounds(int(g("my_y")), month)) if month else None
    if kind == "yearpart":
        first, last = YEAR_PARTS[g("yp").split()[0].lower()]
        return ("season", *_span(int(g("yp_y")), first, last))
    if kind == "month":
        month = month_number(g("mo"))
        if month is None or pub is None:
            return None
        before = (g("mo_pre") or "").lower()
        year = pub.year + 1 if "next" in before and month <= pub.month else _year_for(month, None, pub, ahead)
        if "last" in before and month >= pub.month:
            year = pub.year - 1
        return ("month", *month_bounds(year, month)) if year else None
    if kind == "year":
        return "year", f"{g('yr')}-01-01", f"{g('yr')}-12-31"
    if pub is None:
        return None
    if kind == "weekday":
        target = WEEKDAYS.index(g("wd"))
        rel = (g("wd_rel") or "").lower()
        back = (pub.weekday() - target) % 7
        if rel == "last" and back == 0:
            back = 7
        ahead = (target - pub.weekday()) % 7 or 7
        d = pub + dt.timedelta(days=ahead) if rel == "next" else pub - dt.timedelta(days=back)
        return "day", _iso(d), _iso(d)
    if kind == "wdrange":
        first, last = WEEKDAYS.index(g("wr")), WEEKDAYS.index(g("wr2"))
        span = (last - first) % 7
        if not 1 <= span <= (1 if g("wr_and").strip() == "and" else 4):
            return None  # "Monday and Friday": two days, not a range
        end = pub - dt.timedelta(days=(pub.weekday() - last) % 7)  # the last day: on or before the report
        return "day", _iso(end - dt.timedelta(days=span)), _iso(end)
    if kind == "relday":
        d = pub + dt.timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[g("rd").lower()])
        return "day", _iso(d), _iso(d)
    if kind == "relperiod":
        rel, unit = " ".join(g("rp_rel").lower().split()), g("rp_unit")
        return _relative_period(rel, unit, pub)
    if kind == "ago":
        n, unit = _count(g("ago_n")), g("ago_unit")
        d = _add(pub, unit, -n)
        if unit == "day":
            return "day", _iso(d), _iso(d)
        if unit == "week":
            return "day", _iso(d - dt.timedelta(days=3)), _iso(d + dt.timedelta(days=3))
        if unit == "month":
            return ("month", *month_bounds(d.year, d.month))
        return "year", f"{d.year}-01-01", f"{d.year}-12-31"
    if kind == "relseason":
        first, last = SEASONS[g("rs").lower()]
        rel = g("rs_rel").lower()
        ends = 2 if last < first else last  # winter ends in February of the next year
        year = pub.year - (1 if rel == "last" and (last < first or last >= pub.month) else 0) \
            - (1 if rel == "last" and last < first and pub.month <= last else 0) \
            + (1 if rel == "next" and first <= pub.month else 0) - (1 if rel == "this" and ends < first
                                                                    and pub.month <= ends else 0)
        return ("season", *_span(year, first, last))
    if kind == "within":
        return "day", _iso(pub), _iso(_add(pub, g("wi_unit"), _count(g("wi_n"))))
    return None


def _day_relative(m: re.Match[str], text: str, found: list[TimeMatch], offset: int,
                  pub: dt.date | None) -> tuple[str, str, str] | None:
    """"the day before", "a day later": one day from the day named just before in the sentence ("on Friday
    welcomed the agreement signed the day before" → Thursday), else from the publication day."""
    anchor = None
    for t in reversed(found):
        if t.end - offset <= m.start() and m.start() - (t.end - offset) <= 150 and t.spec.precision == "day" \
                and t.spec.earliest and ". " not in text[t.end - offset:m.start()]:
            anchor = dt.date.fromisoformat(t.spec.earliest[:10])
        break
    prev = _previous_time(m, found, offset, 400) if m.group("dr2") and anchor is None else None
    if prev is not None and prev.spec.precision == "day" and prev.spec.earliest == prev.spec.latest:
        anchor = dt.date.fromisoformat(prev.spec.earliest[:10])  # "They met on Thursday. A day later …": as "two
        # days later", from the day named before
    anchor = anchor or pub
    if anchor is None:
        return None
    words = (m.group("dr") or m.group("dr2")).lower().split()
    step = -1 if words[-1] in ("before", "earlier") or words[1] == "previous" else 1
    if m.group("dr_y"):  # "the day before yesterday": two days from the report
        anchor, step = pub, 2 * step
        if anchor is None:
            return None
    d = anchor + dt.timedelta(days=step)
    return "day", _iso(d), _iso(d)


def _previous_time(m: re.Match[str], found: list[TimeMatch], offset: int, limit: int) -> TimeMatch | None:
    """The last time found before ``m`` when it has a start and ends within ``limit`` characters of ``m``."""
    t = found[-1] if found else None
    return t if t is not None and t.spec.earliest and m.start() - (t.end - offset) <= limit else None


def _year_relative(m: re.Match[str], text: str, found: list[TimeMatch], offset: int) -> tuple[str, str, str] | None:
    """"the following year", "a year earlier": the year after or before the one named just before in the same
    sentence ("won the 2006 election and seized Gaza the following year" → 2007); None without one."""
    t = _previous_time(m, found, offset, 200)
    if t is None or _SENTENCE_END.search(text, t.end - offset, m.start()):
        return None
    words = m.group("yr_rel").lower().split()
    year = int(t.spec.earliest[:4]) + (1 if words[-1] in ("year", "later") and words[1] not in ("previous", "preceding")
                                       else -1)
    return "year", f"{year}-01-01", f"{year}-12-31"


def _that_relative(m: re.Match[str], text: str, found: list[TimeMatch], offset: int) -> tuple[str, str, str] | None:
    """"that June", "in March that year", "later that year", "the same day": the month, year or day of the time
    named just before (within 400 characters: "Hamas won in January 2006. In March that year …" → March 2006; a day
    only in its sentence); None without one, or when it is vaguer than asked ("the same day" after "in 2014")."""
    t = _previous_time(m, found, offset, 400)
    if t is None:
        return None
    year, unit, month = int(t.spec.earliest[:4]), m.group("tr_unit"), m.group("tr_m") or m.group("tr_m2")
    if month:
        number = month_number(month)
        return ("month", *month_bounds(year, number)) if number else None
    if unit == "year":
        return "year", f"{year}-01-01", f"{year}-12-31"
    if unit == "month" and t.spec.precision in ("day", "month"):
        return "month", *month_bounds(year, int(t.spec.earliest[5:7]))
    if unit == "day" and t.spec.precision == "day" and not _SENTENCE_END.search(text, t.end - offset, m.start()):
        return "day", t.spec.earliest[:10], t.spec.earliest[:10]  # "the same day": of a day named in the sentence
    return None


def _span_relative(m: re.Match[str], text: str, found: list[TimeMatch], offset: int) -> tuple[str, str, str] | None:
    """"two weeks later", "ten days earlier": that long after or before the time named just before (within 400
    characters), at the day when it names a day (else the month or year); None without one or when it is
    vaguer than the count ("two days later" after "in 2014")."""
    t = _previous_time(m, found, offset, 400)
    if t is None:
        return None
    unit, n = m.group("sr_unit"), _count(m.group("sr_n").lower())
    n = -n if m.group("sr_dir") in ("earlier", "before") else n
    need = {"day": ("day",), "week": ("day",), "month": ("day", "month"), "year": ("day", "month", "year")}[unit]
    if t.spec.precision not in need:
        return None
    open_ended = t.spec.text[:5].lower() in ("since", "from ")  # "since January 2019" ends at the report
    base = t.spec.latest if n > 0 and t.spec.latest and not open_ended else t.spec.earliest  # "from May 4 to 16
    # June. Two weeks later": from its end
    d = _add(dt.date.fromisoformat(base[:10]), unit, n)
    if unit in ("day", "week"):
        return "day", _iso(d), _iso(d)
    if unit == "month":
        return "month", *month_bounds(d.year, d.month)
    return "year", f"{d.year}-01-01", f"{d.year}-12-31"


def _count(word: str) -> int:
    """The number a count word stands for: "3" → 3, "two" → 2, "a few" → 3."""
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower().split()[-1]]


def _add(d: dt.date, unit: str, n: int) -> dt.date:
    """``d`` plus ``n`` days, weeks, months or years (the day clipped to the month's length)."""
    if unit in ("day", "week"):
        return d + dt.timedelta(days=n * (7 if unit == "week" else 1))
    y, mo = divmod(d.year * 12 + d.month - 1 + n * (12 if unit == "year" else 1), 12)
    return dt.date(y, mo + 1, min(d.day, calendar.monthrange(y, mo + 1)[1]))


def _relative_period(rel: str, unit: str, pub: dt.date) -> tuple[str, str, str]:
    """Bounds of "last week", "this month", "earlier this year"… relative to publication."""
    if unit == "week":
        monday = pub - dt.timedelta(days=pub.weekday())
        shift = {"last": -7, "next": 7}.get(rel, 0)
        start = monday + dt.timedelta(days=shift)
        end = start + dt.timedelta(days=6)
        if rel.startswith("earlier"):
            end = pub
        return "day", _iso(start), _iso(end)
    if unit == "month":
        y, mo = pub.year, pub.month
        if rel in ("last", "late last", "earlier last"):
            y, mo = (y - 1, 12) if mo == 1 else (y, mo - 1)
        elif rel == "next":
            y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
        start, end = month_bounds(y, mo)
        if rel.startswith("earlier this") or rel.startswith("early this"):
            end = _iso(pub)
        elif rel.startswith("later this"):
            start = _iso(pub)
        return "month", start, end
    y = pub.year + {"last": -1, "late last": -1, "earlier last": -1, "next": 1}.get(rel, 0)
    start, end = f"{y}-01-01", f"{y}-12-31"
    if rel in ("earlier this", "early this"):
        end = _iso(pub)
    elif rel == "later this":
        start = _iso(pub)
    elif rel == "late last":
        start = f"{y}-09-01"
    return ("year" if rel in ("last", "next", "this") else "month"), start, end


def find_times(text: str, published: str | None, offset: int = 0,
               tokens: list[Token] | None = None, words: dict[str, list[int]] | None = None) -> list[TimeMatch]:
    """Every time expression in ``text`` (offsets shifted by ``offset``), resolved against ``published``.

    Expressions that need the publication date are skipped when it is unknown. "since X" / "from X"
    become open intervals X..publication with X's precision. ``tokens`` (``tokenize(text)``) saves a pass, and
    ``words`` (their ``kg.extract.document.word_index``) another.

    Example:
        >>> [(m.spec.text, m.spec.earliest, m.spec.latest) for m in find_times("since February", "2020-03-12")]
        [('since February', '2020-02-01', '2020-03-12')]
        >>> [m.spec.precision for m in find_times("in 2006, on 12 October 2017, in spring 2014", None)]
        ['year', 'day', 'season']
    """
    pub = _parse_published(published)
    out: list[TimeMatch] = []
    for m in _candidates(text, tokens, words):
        ahead = None
        if m.lastgroup in _AHEAD_GROUPS:
            head = text[max(0, m.start() - 80):m.start()]
            edge = _LAST_EDGE.match(head)
            head = head[edge.end():] if edge else head
            ahead = "future" if _FUTURE_BEFORE.search(head) else "nearest" if _DUE_BEFORE.search(head) \
                or (_EVENT_NOUN_BEFORE.search(head) and not _PUT_OFF.search(head)) else None
            if ahead == "future" and _PAST_AFTER.match(text, m.end()):
                ahead = "nearest"  # "the round planned for mid-June was postponed": a date already reached
        try:
            resolved = _day_relative(m, text, out, offset, pub) if m.lastgroup == "dayrel" \
                else _year_relative(m, text, out, offset) if m.lastgroup == "yearrel" \
                else _that_relative(m, text, out, offset) if m.lastgroup == "thatrel" \
                else _span_relative(m, text, out, offset) if m.lastgroup == "spanrel" else _resolve(m, pub, ahead)
        except (ValueError, OverflowError):
            resolved = None  # "within 10000 years": beyond the calendar
        if resolved is None and m.lastgroup in _RANGES:  # a range that is none: its first date ("May 8-3")
            m = _SINGLE_RE.match(text, m.start()) or m
            try:
                resolved = _resolve(m, pub, ahead) if m.lastgroup not in _RANGES else None
            except (ValueError, OverflowError):
                resolved = None
        if resolved is None:
            continue
        precision, earliest, latest = resolved
        start = m.start("mo") if m.lastgroup == "month" else m.start("tr_m") if m.lastgroup == "thatrel" \
            and m.group("tr_m") else m.start()  # "in March": the month's own words
        surface = text[start:m.end()]
        since = _SINCE_BEFORE.search(text, max(0, start - 18), start) if m.lastgroup not in _RANGES \
            else None  # "from 29 February to 1 March": a closed range
        if since and pub is not None:
            start = since.start()
            surface = text[start:m.end()]
            if earliest > _iso(pub) and precision in ("day", "month", "season") and earliest[:4] == str(pub.year):
                earliest = f"{pub.year - 1}{earliest[4:]}".replace("-02-29", "-02-28")  # "since mid-August",
                # read in July: last August
            latest = _iso(pub) if earliest <= _iso(pub) else latest  # "since X": X .. the report
        out.append(TimeMatch(start + offset, m.end() + offset, TimeSpec(surface, precision, earliest, latest)))
    return out
