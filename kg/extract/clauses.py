"""Clause segmentation inside a sentence clause, so that the actors of one clause do not take roles in an
event of another.

- **Cuts**: a subordinating word ("after", "before", "since", "until", "because", "while", "when",
  "although", "but", "saying", "amid", with or without a comma) or a coordinated clause ("and"/"but" before
  an auxiliary or a past-tense verb: "… and has hosted", "… and signed") ends one sub-clause and starts
  the next.
- **Topics**: after the trigger, a purpose or topic ("on ending …", "to end the split between X and Y",
  "about forming …") ends the sub-clause: the actors named there are what the event is about.
- **Relative clauses** ("which/who/whom/whose/that/where …", up to the next comma or dash) are holes: their
  actors belong to the relative clause, not to a trigger outside it. A trigger inside a relative clause keeps
  the sub-clause it sits in (its antecedent stands before the pronoun).

Example:
    >>> s = "Fatah, which Hamas fought, met Egypt after Israel left."
    >>> lo, hi, holes = subclause(s, 26, 29, 0, len(s))
    >>> s[lo:hi], [s[a:b] for a, b in holes]
    ('Fatah, which Hamas fought, met Egypt', [', which Hamas fought'])
"""

from __future__ import annotations

import re

from kg.extract.text import lowered, prefiltered

_CUT = re.compile(
    r"(?:,|\s[-–—])?\s+(?:after|before|since|until|because|while|when|whereas|although|though|but|saying|adding"
    r"|amid)\s"
    r"|,?\s+(?:and|but)\s+(?=(?:has|have|had|was|were|is|are|will|would|also|later|then)\b|[a-z]+ed\b)",
    re.IGNORECASE)
#: A topic or purpose after the trigger ("talks on ending the split between X and Y", "met to end …").
_TOPIC = re.compile(r"\s(?:to|on|about|over|regarding|concerning|aimed\s+at)\s+(?=[a-z]+ing\b|(?:end|discuss|resolve"
                    r"|heal|close|bridge|settle|overcome|reconcile|unify|restore|form|hold|prepare|implement|reach"
                    r"|agree|seek)\b)")
#: "under the Egyptian-brokered deal", "under an agreement with Hamas": the frame of an event, not its actors.
_FRAME = re.compile(r"\bunder\s+(?:the\s+|an?\s+|its\s+|their\s+|this\s+)?(?:[\w’'-]+\s+){0,3}?(?:agreement|deal"
                    r"|accord|pact|understanding)s?\b.*?(?=[,;:.]|\s(?:after|before|since|until|when|while|and|but"
                    r"|which|who|whose)\b|$)", re.IGNORECASE)
_RELATIVE = re.compile(r"(?:,|\s[-–—])?\s(?:which|who|whom|whose|that|where)\s[^,;–—]*", re.IGNORECASE)
#: Case-sensitive twins for lowered text (``kg.extract.text.lowered``), behind a lookahead for their first character
#: (a comma or a space: the scans pass over the other places faster).
_CUT_LOW, _RELATIVE_LOW = prefiltered(lowered(_CUT)), prefiltered(lowered(_RELATIVE))


def subclause(body: str, start: int, end: int, lo: int, hi: int,
              folded: str | None = None) -> tuple[int, int, list[tuple[int, int]]]:
    """``(lo, hi, holes)``: the sub-clause of ``[lo, hi)`` holding the trigger ``body[start:end]`` and the
    relative clauses inside it that do not hold the trigger. ``folded``: ``body`` lowered by
    ``kg.extract.text.fold_case`` (the same result, faster).

    Example: see the module docstring.
    """
    cut, relative, text = _CUT, _RELATIVE, body
    if folded is not None:
        cut, relative, text = _CUT_LOW, _RELATIVE_LOW, folded
    a, b = lo, hi
    for m in cut.finditer(text, lo, hi):
        if m.end() <= start:
            a = m.start()
        elif m.start() >= end:
            b = m.start()
            break
    topic = _TOPIC.search(body, end, b)
    b = topic.start() if topic else b
    holes = [(m.start(), m.end()) for m in relative.finditer(text, a, b) if not m.start() <= start < m.end()]
    return a, b, holes


def frame_spans(body: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Spans of ``[lo, hi)`` naming the accord an event falls under ("under an agreement with Hamas").

    Example:
        >>> s = "The cabinet, formed under an agreement with Hamas, resigned."
        >>> [s[a:b] for a, b in frame_spans(s, 0, len(s))]
        ['under an agreement with Hamas']
    """
    return [(m.start(), m.end()) for m in _FRAME.finditer(body, lo, hi)]  # endpos: as if the text ended at hi
