"""Find a wire dateline (``MOSCOW, March 12. /TASS/.``) at the start of a paragraph.

Recognised shapes (the place in capitals, or in title case when a date or a ``/AGENCY/`` follows):

- ``MOSCOW, March 12. /TASS/.``
- ``GAZA, Oct. 12, 2017 (Reuters) -``
- ``RAMALLAH, West Bank (AP) --``
- ``GAZA CITY, 12 October 2017 —``
- ``CAIRO —`` (a place in capitals and a dash alone)

Example:
    >>> d = find_dateline("MOSCOW, March 12. /TASS/. Russia's foreign ministry said.")
    >>> d.place, d.date_text, d.agency, d.start, d.end
    ('Moscow', 'March 12', 'TASS', 0, 25)
"""

from __future__ import annotations

import re

from kg.articles.model import Dateline

MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sep(?:tember|t\.|t|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)(?![A-Za-z])"
)
_DATE = (
    rf"(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}(?:,?\s+\d{{4}})?)"
)
_CAPS_PLACE = r"[A-Z][A-Z'’.\-]+(?:[ ][A-Z][A-Z'’.\-]*){0,3}"
_TITLE_PLACE = r"[A-Z][a-z'’\-]+(?:[ ][A-Z][a-z'’\-]+){0,3}"
_REGION = rf",[ ](?!{MONTH})(?:[A-Z][a-z'’\-]+|[A-Z]{{2,}})(?:[ ][A-Z][a-z'’\-]+){{0,2}}"
_SLASH_AGENCY = r"\.?[ ]*/(?P<slash>[A-Za-z][A-Za-z&.\- ]{0,30}?)/\.?"
_PAREN_AGENCY = r"[ ]*\((?P<paren>[A-Z][^()\n]{0,40})\)"
_DASH = r"[ ]*(?P<dash>--|—|–|-|:)(?=\s)"

_DATELINE = re.compile(
    rf"""
    (?P<place>{_CAPS_PLACE}|{_TITLE_PLACE})
    (?P<region>{_REGION})?
    (?:,[ ]*(?P<date>{_DATE}))?
    (?:{_SLASH_AGENCY}|{_PAREN_AGENCY})?
    (?:{_DASH})?
    """,
    re.VERBOSE,
)


def normalise_place(place: str) -> str:
    """Title-case a place written in capitals; leave mixed case alone.

    Example:
        >>> normalise_place("GAZA CITY"), normalise_place("AL-BIREH"), normalise_place("St. Petersburg")
        ('Gaza City', 'Al-Bireh', 'St. Petersburg')
    """
    if place != place.upper():
        return place
    return re.sub(r"[A-Za-z]+", lambda m: m.group(0).capitalize(), place.lower())


def find_dateline(text: str, pos: int = 0) -> Dateline | None:
    """The dateline starting exactly at ``text[pos]``, or None; offsets index ``text``.

    Example:
        >>> find_dateline("GAZA CITY, 12 October 2017 — Rival factions met.").date_text
        '12 October 2017'
        >>> find_dateline("Hamas said on Thursday it agreed.") is None
        True
    """
    m = _DATELINE.match(text, pos)
    if not m:
        return None
    place, date, dash = m.group("place"), m.group("date"), m.group("dash")
    agency = m.group("slash") or m.group("paren")
    caps = place == place.upper()
    if m.group("slash"):
        ok = bool(date) or caps
    elif m.group("paren"):
        ok = caps or bool(date and dash)
    elif date:
        ok = bool(dash)
    else:  # "CAIRO —": a place in capitals and a real dash
        ok = caps and dash in ("--", "—", "–") and len(place) >= 3
    if not ok:
        return None
    return Dateline(
        place=normalise_place(place.strip()),
        date_text=date,
        agency=agency.strip() if agency else None,
        start=m.start(),
        end=m.end(),
    )
