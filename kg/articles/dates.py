"""The published date of an article: from metadata, from the dateline, or inferred.

Order: a metadata date wins (method ``metadata``); else a dateline with a year (``dateline``); else a
dateline without a year gets one inferred (``inferred``) from the weekday the article mentions ("said on
Thursday") and the latest year it mentions (Y): the first year >= Y in which the dateline's month and
day fall on that weekday. (The issue said "> Y"; ">=" also covers an article that names its own year,
and gives the same answer whenever Month D in year Y is not that weekday.) With no weekday, or no year
mentioned, the date stays None and a warning says why: we never guess silently.

Example:
    >>> resolve_published(None, "March 12", "Zakharova said on Thursday. The 2017 deal stalled.")
    PublishedDate(value='2020-03-12', method='inferred', precision='day', warnings=[])
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass, field
from typing import Any

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")  # fixed English names: not strftime("%B"), which follows the locale
MONTHS = {name[:3].lower(): i for i, name in enumerate(MONTH_NAMES, start=1)}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_MONTH_WORD = r"([A-Za-z]{3,9})\.?"
_MONTH_DAY = re.compile(rf"^{_MONTH_WORD}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?$")
_DAY_MONTH = re.compile(rf"^(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH_WORD}(?:,?\s+(\d{{4}}))?$")
_ISO = re.compile(r"^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?:[T ].*)?$")
_YEAR_MENTION = re.compile(r"(?<![\d.,])(19[5-9]\d|20\d\d)(?![\d])")
_WEEKDAY_ON = re.compile(r"\bon\s+(" + "|".join(WEEKDAYS) + r")\b")
_WEEKDAY_BARE = re.compile(r"(?<!last )(?<!next )(?<!this )(?<!since )(?<!until )\b(" + "|".join(WEEKDAYS) + r")\b")


@dataclass
class PublishedDate:
    """A published date with how it was obtained; ``value`` is ISO at ``precision`` or None."""

    value: str | None
    method: str | None
    precision: str | None
    warnings: list[str] = field(default_factory=list)


def month_number(word: str) -> int | None:
    """Month number of a month name or abbreviation.

    Example:
        >>> month_number("Sept."), month_number("October"), month_number("Thursday")
        (9, 10, None)
    """
    w = word.rstrip(".").lower()
    n = MONTHS.get(w[:3])
    full = MONTH_NAMES[n - 1].lower() if n else ""
    if n and (full.startswith(w) or w == "sept"):
        return n
    return None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def parse_month_day(text: str) -> tuple[int | None, int, int] | None:
    """``(year or None, month, day)`` of a dateline date such as ``Oct. 12, 2017`` or ``12 October``.

    Example:
        >>> parse_month_day("March 12"), parse_month_day("12 October 2017"), parse_month_day("Feb 30")
        ((None, 3, 12), (2017, 10, 12), None)
    """
    text = text.strip()
    if m := _MONTH_DAY.match(text):
        month_word, day, year = m.group(1), m.group(2), m.group(3)
    elif m := _DAY_MONTH.match(text):
        day, month_word, year = m.group(1), m.group(2), m.group(3)
    else:
        return None
    month = month_number(month_word)
    if month is None or not _valid(int(year) if year else 2000, month, int(day)):
        return None
    return (int(year) if year else None), month, int(day)


def parse_metadata_date(value: Any) -> tuple[str, str] | None:
    """``(iso, precision)`` of a metadata date: ISO 8601, RFC 2822, ``March 12, 2020``, a date object.

    The date is the one written (the local date), not converted to UTC.

    Example:
        >>> parse_metadata_date("2020-03-12T23:30:00-05:00"), parse_metadata_date("Thu, 12 Mar 2020 10:00:00 +0300")
        (('2020-03-12', 'day'), ('2020-03-12', 'day'))
        >>> parse_metadata_date("2017-10"), parse_metadata_date(2014), parse_metadata_date("soon")
        (('2017-10', 'month'), ('2014', 'year'), None)
    """
    if isinstance(value, dt.datetime | dt.date):
        return (value.date() if isinstance(value, dt.datetime) else value).isoformat(), "day"
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return str(value), "year"
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if m := _ISO.match(text):
        year, month, day = (int(g) if g else None for g in m.groups())
        if day is not None and month is not None and _valid(year, month, day):  # type: ignore[arg-type]
            return f"{year:04d}-{month:02d}-{day:02d}", "day"
        if day is None and month is not None and 1 <= month <= 12:
            return f"{year:04d}-{month:02d}", "month"
        if month is None:
            return f"{year:04d}", "year"
        return None
    if parsed := email.utils.parsedate_tz(text):
        year, month, day = parsed[0], parsed[1], parsed[2]
        if _valid(year, month, day):
            return f"{year:04d}-{month:02d}-{day:02d}", "day"
    parts = parse_month_day(text)
    if parts and parts[0] is not None:
        return f"{parts[0]:04d}-{parts[1]:02d}-{parts[2]:02d}", "day"
    return None


def mentioned_weekday(text: str) -> int | None:
    """Index (Monday=0) of the first weekday the text mentions, preferring "on <Weekday>".

    Example:
        >>> mentioned_weekday("Last Monday it failed; she said on Thursday."), mentioned_weekday("no day")
        (3, None)
    """
    m = _WEEKDAY_ON.search(text) or _WEEKDAY_BARE.search(text)
    return WEEKDAYS.index(m.group(1)) if m else None


def latest_year(text: str) -> int | None:
    """The latest four-digit year (1950-2099) mentioned in the text.

    Example:
        >>> latest_year("after the 2006 elections and the 2007 coup, in autumn 2017"), latest_year("none")
        (2017, None)
    """
    years = [int(y) for y in _YEAR_MENTION.findall(text)]
    return max(years) if years else None


def infer_year(month: int, day: int, text: str) -> tuple[int | None, str | None]:
    """``(year, None)`` inferred from the weekday and latest year in ``text``, or ``(None, reason)``.

    Example:
        >>> infer_year(3, 12, "said on Thursday ... in 2017")
        (2020, None)
        >>> infer_year(3, 12, "said on Thursday")
        (None, 'no year in dateline and no year mentioned in the text to infer it from')
    """
    weekday = mentioned_weekday(text)
    if weekday is None:
        return None, "no year in dateline and no weekday to infer it from"
    floor = latest_year(text)
    if floor is None:
        return None, "no year in dateline and no year mentioned in the text to infer it from"
    for year in range(floor, floor + 40):  # weekdays repeat within 28 years (Feb 29: within 40)
        if _valid(year, month, day) and dt.date(year, month, day).weekday() == weekday:
            return year, None
    return None, f"no year from {floor} on has {WEEKDAYS[weekday]} {month:02d}-{day:02d}"


def resolve_published(meta_value: Any, date_text: str | None, text: str) -> PublishedDate:
    """Decide the published date from a metadata value, a dateline date text and the article text.

    Example:
        >>> resolve_published("2017-10-12", "Oct. 11", "").warnings
        ['metadata date 2017-10-12 differs from dateline date Oct. 11']
        >>> resolve_published(None, None, "x")
        PublishedDate(value=None, method=None, precision=None, warnings=['no published date found'])
    """
    warnings: list[str] = []
    parts = parse_month_day(date_text) if date_text else None
    if meta_value not in (None, ""):
        meta = parse_metadata_date(meta_value)
        if meta:
            iso, precision = meta
            if parts and precision == "day" and (int(iso[5:7]), int(iso[8:10])) != parts[1:]:
                warnings.append(f"metadata date {iso} differs from dateline date {date_text}")
            return PublishedDate(iso, "metadata", precision, warnings)
        warnings.append(f"unreadable metadata date {str(meta_value)[:40]!r}")
    if parts is None:
        if date_text:
            warnings.append(f"unreadable dateline date {date_text!r}")
        warnings.append("no published date found")
        return PublishedDate(None, None, None, warnings)
    year, month, day = parts
    if year is not None:
        return PublishedDate(f"{year:04d}-{month:02d}-{day:02d}", "dateline", "day", warnings)
    year, reason = infer_year(month, day, text)
    if year is None:
        warnings.append(str(reason))
        return PublishedDate(None, None, None, warnings)
    return PublishedDate(f"{year:04d}-{month:02d}-{day:02d}", "inferred", "day", warnings)
