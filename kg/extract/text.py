"""Text helpers shared by the extraction rules: word tokens with offsets, slugs and minted IRIs.

Example:
    >>> [t.text for t in tokenize("Hamas-controlled Russia’s")]
    ['Hamas', 'controlled', 'Russia', 's']
    >>> slugify("Hani al-Masri"), mint_iri("entity", "Hani al-Masri")
    ('hani-al-masri', 'https://w3id.org/reconciliation-kg/id/entity/hani-al-masri')
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from itertools import accumulate, repeat
from re import _constants as sre  # the parsed-pattern opcodes (for ``required_literal``)
from re import _parser
from typing import NamedTuple

#: Instance namespace (same string as ``kg.namespaces.ID``; kept here so extraction needs no rdflib).
ID_BASE = "https://w3id.org/reconciliation-kg/id/"

_WORD = re.compile(r"\w+")
_NON_SLUG = re.compile(r"[^a-z0-9]+")
#: What may separate two tokens inside one multi-token name ("al-Ahmad", "U.S.", "Gaza  Strip").
JOINER = re.compile(r"[ \t\-–—'’.]*")


class Token(NamedTuple):
    """A word token: ``body[start:end] == text``; ``low`` is its case-folded form."""

    text: str
    low: str
    start: int
    end: int


_SPAN = re.Match.span
#: ``_WORD`` for ASCII word characters, captured (for ``re.split``).
_ASCII_WORDS = re.compile(r"(\w+)", re.ASCII)


def tokenize(text: str, offset: int = 0, folded: str | None = None) -> list[Token]:
    """Word tokens of ``text`` (punctuation and apostrophes split words), offsets shifted by ``offset``;
    ``folded`` is ``fold_case(text)`` when the caller has it (then equal to ``text.casefold()``).

    Example:
        >>> [(t.low, t.start) for t in tokenize("the PLO's", 10)]
        [('the', 10), ('plo', 14), ('s', 18)]
    """
    new = tuple.__new__  # NamedTuple construction without the keyword-handling wrapper (faster)
    if folded is not None:  # no word character outside ASCII (``fold_case``): an ASCII split finds the same words, each
        # lowered as in ``folded``, and all is done in C loops (no match objects)
        pieces = _ASCII_WORDS.split(text)  # between the words, a word, between, …
        words = pieces[1::2]
        at = list(accumulate(map(len, pieces), initial=offset))  # where each piece starts
        return list(map(new, repeat(Token), zip(words, map(str.lower, words), at[1:-1:2], at[2::2], strict=True)))
    folded = text.casefold()
    if len(folded) == len(text):  # case folding kept every offset: slice both strings (one fold for the text)
        return [new(Token, (text[s:e], folded[s:e], s + offset, e + offset))
                for s, e in map(_SPAN, _WORD.finditer(text))]
    if offset:
        return [new(Token, (m.group(), m.group().casefold(), m.start() + offset, m.end() + offset))
                for m in _WORD.finditer(text)]
    return [new(Token, (m.group(), m.group().casefold(), m.start(), m.end())) for m in _WORD.finditer(text)]


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def fold_case(text: str) -> str | None:
    """``text.lower()`` when a case-insensitive pattern matches ``text`` exactly where its lower-cased, case-sensitive
    twin (``lowered``) matches the result, else None. That holds when every character is ASCII or
    neither a word character nor changed by ``lower`` (curly quotes, dashes): then ``lower`` maps character to
    character, keeps word characters and spaces, and a character matches a letter regardless of case iff its
    lower case is that letter (not so for "İ", "ı", "ſ" or the Kelvin sign, all word characters).

    Example:
        >>> fold_case("Hamas’ “Talks”"), fold_case("İstanbul")
        ('hamas’ “talks”', None)
    """
    for c in set(_NON_ASCII.findall(text)):
        if c.isalnum() or c.lower() != c:
            return None
    return text.lower()


#: What lower-casing would change beyond literal letters: an upper-case escape (``\\S``, ``\\N{…}``), an inline flag or
#: group name (``(?-i:``, ``(?P<``), a class range with an upper-case letter at one end only (``[A-z]``).
_NO_TWIN = re.compile(r"\\[A-Z]|\(\?[a-zA-Z-]|[A-Z]-[^A-Z]|[^A-Z]-[A-Z]")


def lowered(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The case-sensitive twin of a case-insensitive ``pattern`` for text lowered by ``fold_case``: the same matches
    at the same offsets. Only for patterns without upper-case escapes (``\\S``, ``\\W``, ``\\B``…), inline flags or
    non-ASCII letters, so that lower-casing the pattern changes only its ASCII letters (else ValueError).

    Example:
        >>> lowered(re.compile(r"\\bPlan\\s+to\\b", re.I)).search("we plan to meet").span()
        (3, 10)
    """
    source = pattern.pattern
    if not isinstance(source, str) or not pattern.flags & re.IGNORECASE or re.search(_NO_TWIN, source) \
            or any(c.isalpha() and not c.isascii() for c in source):
        raise ValueError(f"no case-sensitive twin for {source!r}")
    return re.compile(source.lower())


#: ``id(pattern)`` → ``(pattern, twin or None)`` (a compile cache: hashing a compiled pattern hashes its code).
_TWINS: dict[int, tuple[re.Pattern[str], re.Pattern[str] | None]] = {}


def twin(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """``lowered(pattern)``, or None when the pattern has no twin (case-sensitive ones); compiled once per pattern.

    Example:
        >>> twin(re.compile("Gaza")) is None, twin(re.compile("Gaza", re.I)).pattern
        (True, 'gaza')
    """
    got = _TWINS.get(id(pattern))
    if got is not None and got[0] is pattern:
        return got[1]
    try:
        low = lowered(pattern)
    except ValueError:
        low = None
    _TWINS[id(pattern)] = (pattern, low)
    return low


def _literal_runs(items: list, out: list[str]) -> None:
    """Add to ``out`` the runs of literal characters that every match of the parsed sequence ``items`` holds: its
    literals side by side (zero-width tests between them do not part them), inside groups without flags and
    repeats taken at least once; a branch, a class or a look-around ends a run (and adds none)."""
    run: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        if op is sre.AT:
            continue
        out.append("".join(run))
        run = []
        if op is sre.SUBPATTERN and not av[1] and not av[2]:
            _literal_runs(av[3].data, out)  # a run inside the group, not joined to the ones outside (simpler)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            _literal_runs(av[2].data, out)
    out.append("".join(run))


#: ``id(pattern)`` → ``(pattern, required literal)``.
_LITERALS: dict[int, tuple[re.Pattern[str], str]] = {}


def required_literal(pattern: re.Pattern[str]) -> str:
    """The longest string every match of a case-sensitive ``pattern`` holds ("" when none is found, and for
    case-insensitive patterns): where it does not occur, the pattern finds nothing (``quick_search``).

    Example:
        >>> required_literal(re.compile(r"\\bwith\\s+(?:the\\s+)?$")), required_literal(re.compile("with", re.I))
        ('with', '')
    """
    got = _LITERALS.get(id(pattern))
    if got is not None and got[0] is pattern:
        return got[1]
    runs: list[str] = []
    if not pattern.flags & re.IGNORECASE and isinstance(pattern.pattern, str):
        _literal_runs(_parser.parse(pattern.pattern, pattern.flags).data, runs)
    literal = max(runs, key=len, default="")
    _LITERALS[id(pattern)] = (pattern, literal)
    return literal


_CATEGORIES = {sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_NOT_SPACE: r"\S", sre.CATEGORY_DIGIT: r"\d",
               sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W"}


_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")  # "(?i)" opening a pattern: it cannot be wrapped


_ANY = "*"  # in a set of ``_first``: a character not worked out (any, for all we know)


def _first(items: list, follow: set[str] | None) -> set[str] | None:
    """The class items (``a``, ``a-z``, ``\\s``, or ``_ANY``) of the characters a match of the parsed sequence
    ``items`` followed by what ``follow`` starts with can start with; None when that can be empty (``follow`` None:
    nothing follows)."""
    for op, av in reversed(items):  # from the end: an item's first characters, and the next ones if it may be empty
        if op is sre.LITERAL:
            follow = {re.escape(chr(av))}
        elif op is sre.IN and all(o in (sre.LITERAL, sre.RANGE) or (o is sre.CATEGORY and a in _CATEGORIES)
                                  for o, a in av):
            follow = {re.escape(chr(a)) if o is sre.LITERAL else _CATEGORIES[a] if o is sre.CATEGORY
                      else f"{re.escape(chr(a[0]))}-{re.escape(chr(a[1]))}" for o, a in av}
        elif op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero-width
        elif op is sre.SUBPATTERN and not av[1] and not av[2]:
            follow = _first(av[3].data, follow)
        elif op is sre.BRANCH:
            firsts = [_first(alt.data, follow) for alt in av[1]]
            follow = None if None in firsts else set().union(*firsts)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            inner = _first(av[2].data, None) or {_ANY}  # (an inner part that may be empty: not worked out)
            follow = inner if av[0] >= 1 else None if follow is None else inner | follow
        else:
            follow = {_ANY}  # a negated class, any character, a reference to a group…
    return follow


def first_chars(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A class matching every character a match of ``pattern`` can start with, or None when that is not worked out
    (case-insensitive patterns, ones that may match the empty string or start with an unknown class): where the
    class fails, the pattern fails.

    Example:
        >>> first_chars(re.compile(r"\\b(?:[Ss]pring|the\\s+fall)\\b|\\d+\\s+ago")).pattern
        '[S\\\\dst]'
    """
    if pattern.flags & re.IGNORECASE or not isinstance(pattern.pattern, str):
        return None
    first = _first(_parser.parse(pattern.pattern, pattern.flags).data, None)
    return None if first is None or _ANY in first else re.compile(f"[{''.join(sorted(first))}]")


def prefiltered(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` behind a lookahead for its ``first_chars`` (the same matches and groups; a scan passes over the
    other places faster where the pattern opens with optional parts or word tests), or ``pattern`` itself.

    Example:
        >>> prefiltered(re.compile(r"\\b(?:will|would)\\b")).pattern
        '(?=[w])(?:\\\\b(?:will|would)\\\\b)'
    """
    first = first_chars(pattern)
    if first is None or pattern.flags & re.VERBOSE or _GLOBAL_FLAGS.match(pattern.pattern):
        return pattern
    return re.compile(f"(?={first.pattern})(?:{pattern.pattern})", pattern.flags)


def quick_search(pattern: re.Pattern[str], text: str, pos: int = 0,
                 endpos: int = sys.maxsize) -> re.Match[str] | None:
    """``pattern.search(text, pos, endpos)``, found at once to be None when ``text[pos:endpos]`` lacks the
    pattern's ``required_literal`` (a ``str.find`` is several times faster than a failing scan).

    Example:
        >>> quick_search(re.compile(r"\\bby\\s+$"), "hosted by ", 3).span(), quick_search(re.compile("by"), "hosted")
        ((7, 10), None)
    """
    literal = required_literal(pattern)
    if literal and text.find(literal, pos, endpos) < 0:
        return None
    return pattern.search(text, pos, endpos)


def token_matches(pattern: re.Pattern[str], body: str, tokens: list[Token],
                  starts: frozenset[str]) -> list[re.Match[str]]:
    """``list(pattern.finditer(body))`` for a pattern whose every match starts at a token whose ``low`` is in
    ``starts``: tried only there (far fewer places than a scan of the body).

    Example:
        >>> text = "after Hamas won, and after it"
        >>> p = re.compile(r"\\bafter\\s+(?=[A-Z])")
        >>> [m.span() for m in token_matches(p, text, tokenize(text), frozenset({"after"}))]
        [(0, 6)]
    """
    out: list[re.Match[str]] = []
    end = 0
    for t in [t for t in tokens if t.low in starts]:
        if t.start >= end:
            m = pattern.match(body, t.start)
            if m:
                out.append(m)
                end = m.end()
    return out


def norm_key(text: str) -> tuple[str, ...]:
    """Normalised token tuple of a label (a leading "the" dropped).

    Example:
        >>> norm_key("the Gaza Strip"), norm_key("Russia's foreign ministry")
        (('gaza', 'strip'), ('russia', 's', 'foreign', 'ministry'))
    """
    key = tuple(m.group().casefold() for m in _WORD.finditer(text))
    if len(key) > 1 and key[0] == "the":
        key = key[1:]
    return key


def slugify(text: str) -> str:
    """Lowercase hyphenated ASCII slug.

    Example:
        >>> slugify("Ṣalāḥ  al-Dīn’s Front!"), slugify("U.S. State Department")
        ('salah-al-dins-front', 'us-state-department')
    """
    ascii_text = unicodedata.normalize("NFKD", text.replace(".", "")).encode("ascii", "ignore").decode()
    return _NON_SLUG.sub("-", ascii_text.lower()).strip("-") or "x"


def mint_iri(kind: str, name: str) -> str:
    """Deterministic IRI ``id:<kind>/<slug of name>`` for something the reference layer lacks.

    Example:
        >>> mint_iri("agreement", "2017 Cairo agreement")
        'https://w3id.org/reconciliation-kg/id/agreement/2017-cairo-agreement'
    """
    return f"{ID_BASE}{kind}/{slugify(name)[:80]}"


def short_hash(text: str, n: int = 10) -> str:
    """A short stable hex digest (for event keys).

    Example:
        >>> short_hash("abc")
        'ba7816bf8f'
    """
    return hashlib.sha256(text.encode()).hexdigest()[:n]


def local_name(iri: str) -> str:
    """Last path segment of an IRI.

    Example:
        >>> local_name("https://w3id.org/reconciliation-kg/ontology/Party")
        'Party'
    """
    return re.split(r"[/#]", iri)[-1]
