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
import unicodedata
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


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Word tokens of ``text`` (punctuation and apostrophes split words), offsets shifted by ``offset``.

    Example:
        >>> [(t.low, t.start) for t in tokenize("the PLO's", 10)]
        [('the', 10), ('plo', 14), ('s', 18)]
    """
    new = tuple.__new__  # NamedTuple construction without the keyword-handling wrapper (faster)
    if offset:
        return [new(Token, (m.group(), m.group().casefold(), m.start() + offset, m.end() + offset))
                for m in _WORD.finditer(text)]
    return [new(Token, (m.group(), m.group().casefold(), m.start(), m.end())) for m in _WORD.finditer(text)]


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
