"""Split an article body into sentences whose offsets index the body exactly.

Rules: a blank line (paragraph break) always ends a sentence; inside a paragraph a sentence ends at
``.``, ``!`` or ``?`` (with any closing quotes or brackets after it) when whitespace follows and the next
word starts with a capital letter, a digit or an opening quote. A period after a known abbreviation
(``Mr.``, ``Oct.``, ``U.S.``, ``i.e.``), an initial (``John F. Kennedy``) or a bare number followed by a
non-capital (``March 12. /TASS/``) does not end a sentence. Sentences never start or end with whitespace.

Example:
    >>> [s.text for s in split_sentences('Mr. Abbas met Dr. Haniyeh. "We agree." she said.\\n\\nNext one')]
    ['Mr. Abbas met Dr. Haniyeh.', '"We agree." she said.', 'Next one']
"""

from __future__ import annotations

import re

from kg.articles.model import Sentence

#: Words that end with a period without ending the sentence (compared case-insensitively, no period).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen col lt sgt capt cmdr adm maj gov sen rep rev hon pres amb sr jr st mt ft
    no nos vol fig art sec ch pp
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    inc ltd co corp bros dept univ assn est approx ca cf vs al
    i.e e.g a.m p.m u.s u.n u.k u.a.e e.u
    """.split()
)

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\f\v\r]*\n\s*")
_CANDIDATE = re.compile(r"[.!?]+[\"'”’»)\]]*(?=\s)")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_NEXT_STARTS_SENTENCE = re.compile(r"\s+[\"'“‘«(\[]*[A-Z0-9À-ÖØ-Þ]")


def _ends_with_abbreviation(text: str) -> bool:
    """True when ``text`` (ending just before a period) ends with an abbreviation or an initial.

    Example:
        >>> _ends_with_abbreviation("met Dr"), _ends_with_abbreviation("the U.S"), _ends_with_abbreviation("met")
        (True, True, False)
    """
    m = _WORD_BEFORE.search(text[-24:])
    if not m:
        return False
    word = m.group(1).lower().lstrip(".")
    if word in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha():  # an initial: "John F. Kennedy"
        return True
    return bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))  # dotted acronyms: "U.S.A", "i.e"


def _split_paragraph(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside ``body[start:end]`` (one paragraph)."""
    spans: list[tuple[int, int]] = []
    sent_start = start
    for m in _CANDIDATE.finditer(body, start, end):
        punct_end = m.end()
        nxt = _NEXT_STARTS_SENTENCE.match(body, punct_end, end)
        if not nxt:
            continue
        if m.group(0).startswith(".") and not m.group(0).startswith(".."):
            if _ends_with_abbreviation(body[sent_start : m.start()]):
                continue
        spans.append((sent_start, punct_end))
        sent_start = punct_end
    spans.append((sent_start, end))
    return spans


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` so it neither starts nor ends with whitespace."""
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(body: str, start: int = 0) -> list[Sentence]:
    """Sentences of ``body[start:]``; each satisfies ``body[s.start:s.end] == s.text``.

    ``start`` lets a caller leave out a prefix such as a dateline.

    Example:
        >>> [(s.start, s.end) for s in split_sentences("One. Two.")]
        [(0, 4), (5, 9)]
    """
    sentences: list[Sentence] = []
    para_start = start
    breaks = [(m.start(), m.end()) for m in _PARAGRAPH_BREAK.finditer(body, start)]
    for para_end, next_start in [*breaks, (len(body), len(body))]:
        for s, e in _split_paragraph(body, para_start, para_end):
            s, e = _trim(body, s, e)
            if s < e:
                sentences.append(Sentence(index=len(sentences), start=s, end=e, text=body[s:e]))
        para_start = next_start
    return sentences
