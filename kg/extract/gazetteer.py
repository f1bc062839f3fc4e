"""Token-based longest-match gazetteer over the reference layer's labels (prefLabel + altLabel).

Labels are stored as normalised token tuples in a dict; matching walks the text's tokens once and tries
the longest key first at each position (no loop over all aliases, no big alternation regex). Short
all-caps acronyms ("PA", "PLO") match case-sensitively; a capitalised label needs a capitalised first
word in the text. Tokens split at apostrophes and hyphens, so "Hamas's", "Russia’s" and "Hamas-controlled"
find Hamas/Russia, while "Hamasa" is one token and finds nothing.

Example:
    >>> from kg.extract.lexicon import EntityInfo, ReferenceIndex
    >>> from kg.extract.text import tokenize
    >>> idx = ReferenceIndex(entities={"h": EntityInfo("Hamas", type_local_name="Party"),
    ...                                "pa": EntityInfo("Palestinian Authority", ("PA",), "GoverningBody")})
    >>> gz = Gazetteer(idx)
    >>> text = "Hamas-controlled Gaza, the PA and a spa; Hamasa"
    >>> [(text[m.start:m.end], m.iris[0]) for m in gz.find(text, tokenize(text))]
    [('Hamas', 'h'), ('PA', 'pa')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from kg.extract.lexicon import TYPE_PRIORITY, ReferenceIndex
from kg.extract.text import JOINER, Token, mint_iri, norm_key

#: Well-known places outside the reference layer (general geography, not the process): found as unlinked
#: entities (``id:entity/<slug>``) unless a reference label already claims the name.
WORLD_PLACES: dict[str, tuple[str, ...]] = {
    "State": ("Iran", "Iraq", "Syria", "Lebanon", "Jordan", "Bahrain", "Kuwait", "Oman", "United Arab Emirates",
              "Libya", "Tunisia", "Morocco", "Sudan", "Mauritania", "France", "Germany", "United Kingdom", "Britain",
              "Italy", "Spain", "Norway", "Switzerland", "Sweden", "Belgium", "Netherlands", "Japan", "India",
              "Pakistan", "Indonesia", "Malaysia", "South Africa", "Brazil", "Venezuela", "Cuba", "Ukraine"),
    "City": ("Jerusalem", "Tehran", "Baghdad", "Damascus", "Amman", "Manama", "Kuwait City", "Muscat", "Abu Dhabi",
             "Dubai", "Riyadh", "Jeddah", "Tripoli", "Tunis", "Rabat", "Khartoum", "Nouakchott", "Ankara", "Paris",
             "London", "Berlin", "Oslo", "Geneva", "Brussels", "Rome", "Madrid", "New York", "Sharm el-Sheikh",
             "Hebron", "Nablus", "Jenin", "Bethlehem", "Jericho", "Tulkarm", "Qalqilya", "Khan Younis",
             "Deir al-Balah", "Tel Aviv", "Haifa"),
    "Territory": ("Golan Heights", "Sinai"),
    "BorderCrossing": ("Erez crossing",),
}
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&\-.]{0,5}")


@dataclass(frozen=True, slots=True)
class _Entry:
    iri: str
    preferred: bool
    exact: tuple[str, ...] | None  # original tokens when the label must match case-sensitively
    capitalised: bool


class GazetteerMatch(NamedTuple):
    """Tokens ``[first, last)`` of the text matched ``iris`` (best first) at ``[start, end)``."""

    first: int
    last: int
    start: int
    end: int
    iris: tuple[str, ...]


class Gazetteer:
    """Longest-match lookup of reference labels in token sequences."""

    def __init__(self, index: ReferenceIndex) -> None:
        self.index = index
        entries: dict[tuple[str, ...], list[_Entry]] = {}
        for iri, info in index.entities.items():
            labels = [(info.label, True), *((a, False) for a in info.alt_labels)]
            for label in labels_with_variants(labels):
                self.add(entries, iri, *label)
        rank = {t: i for i, t in enumerate(TYPE_PRIORITY)}

        def order(e: _Entry) -> tuple[int, int, str]:
            return (not e.preferred, rank.get(index.type_of(e.iri) or "", 99), e.iri)

        #: unlinked well-known places: IRI → (label, class local name)
        self.extra: dict[str, tuple[str, str]] = {}
        for kind, names in WORLD_PLACES.items():
            for name in names:
                if norm_key(name) not in entries:
                    iri = mint_iri("entity", name)
                    self.extra[iri] = (name, kind)
                    self.add(entries, iri, name, True)
        self.add_short_forms(entries, index)
        self.entries = {k: tuple(sorted(v, key=order)) for k, v in entries.items()}
        #: IRI → (label, class local name, linked), for every IRI a match can return
        self.info: dict[str, tuple[str, str, bool]] = {
            e.iri: (self.label(e.iri), self.type_of(e.iri), e.iri not in self.extra)
            for v in self.entries.values() for e in v}
        #: Keys whose labels need no exact-case test → (IRIs when the text's first word is capitalised or a
        #: number, IRIs otherwise), without duplicates: ``match_at`` needs no per-entry test for them
        self.by_case: dict[tuple[str, ...], tuple[tuple[str, ...], tuple[str, ...]]] = {
            k: (tuple(dict.fromkeys(e.iri for e in v)), tuple(dict.fromkeys(e.iri for e in v if not e.capitalised)))
            for k, v in self.entries.items() if all(e.exact is None for e in v)}
        self.max_len: dict[str, int] = {}
        #: proper prefixes of labels: matching extends a window only while it is one
        self.prefixes: set[tuple[str, ...]] = set()
        for key in self.entries:
            self.max_len[key[0]] = max(self.max_len.get(key[0], 0), len(key))
            self.prefixes.update(key[:n] for n in range(1, len(key)))

    @staticmethod
    def add(entries: dict[tuple[str, ...], list[_Entry]], iri: str, label: str, preferred: bool) -> None:
        """Register one label of ``iri``."""
        text = label.strip()
        if text.lower().startswith("the "):
            text = text[4:]
        key = norm_key(text)
        if not key:
            return
        exact = tuple(re.findall(r"\w+", text)) if _ACRONYM.fullmatch(text) else None
        bucket = entries.setdefault(key, [])
        if not any(e.iri == iri and e.exact == exact for e in bucket):
            bucket.append(_Entry(iri, preferred, exact, text[:1].isupper()))

    def add_short_forms(self, entries: dict[tuple[str, ...], list[_Entry]], index: ReferenceIndex) -> None:
        """A crossing's name without "crossing" ("Rafah" for "Rafah crossing") when nothing else has it."""
        for iri, (label, kind) in [*((i, (e.label, e.type_local_name)) for i, e in index.entities.items()),
                                   *self.extra.items()]:
            key = norm_key(label)
            if kind == "BorderCrossing" and len(key) > 1 and key[-1] == "crossing" and key[:-1] not in entries:
                self.add(entries, iri, label[:label.casefold().rindex("crossing")].strip(), False)

    def label(self, iri: str) -> str:
        """Label of a reference entity or of a well-known unlinked place."""
        return self.extra[iri][0] if iri in self.extra else self.index.label(iri)

    def type_of(self, iri: str) -> str:
        """Class local name of a reference entity or of a well-known unlinked place ("Actor" if unknown)."""
        return self.extra[iri][1] if iri in self.extra else self.index.type_of(iri) or "Actor"

    def lookup(self, key: tuple[str, ...]) -> tuple[str, ...]:
        """IRIs whose label normalises to ``key`` (case ignored), best first."""
        return tuple(e.iri for e in self.entries.get(key, ()))

    def match_at(self, body: str, tokens: list[Token], i: int) -> GazetteerMatch | None:
        """The longest label match starting at token ``i`` (None if there is none)."""
        key: tuple[str, ...] = (tokens[i].low,)
        if key[0] not in self.max_len:
            return None
        found: tuple[int, tuple[str, ...]] | None = None
        size, n = 1, len(tokens)
        entries, prefixes, by_case = self.entries, self.prefixes, self.by_case
        first = tokens[i].text[0]
        capitalised = first.isupper() or first.isdigit()
        while True:
            cands = entries.get(key)
            if cands:
                fast = by_case.get(key)
                if fast is not None:
                    ok = fast[0] if capitalised else fast[1]
                else:
                    window = tokens[i:i + size]
                    ok = tuple(dict.fromkeys(e.iri for e in cands if _case_ok(e, window)))
                if ok:
                    found = (size, ok)
            # extend while the words so far begin a longer label and are joined by name-internal separators
            if key not in prefixes or i + size >= n:
                break
            prev, nxt = tokens[i + size - 1], tokens[i + size]
            if nxt.start - prev.end != 1 or body[prev.end] != " ":
                if not JOINER.fullmatch(body, prev.end, nxt.start):
                    break
            key = (*key, nxt.low)
            size += 1
        if found is None:
            return None
        size, ok = found
        return GazetteerMatch(i, i + size, tokens[i].start, tokens[i + size - 1].end, ok)

    def find(self, body: str, tokens: list[Token],
             words: dict[str, list[int]] | None = None) -> list[GazetteerMatch]:
        """All non-overlapping longest matches, left to right; ``words`` are the indices of ``tokens`` by ``low``
        (``kg.extract.document.word_index``) when the caller has them (each distinct word is then tested once)."""
        out: list[GazetteerMatch] = []
        first_words = self.max_len
        match_at = self.match_at
        nxt = 0  # the first token not inside the last match
        starts = [k for k, t in enumerate(tokens) if t[1] in first_words] if words is None else \
            sorted([k for w, ks in words.items() if w in first_words for k in ks])  # where a label may start
        for i in starts:
            if i >= nxt:
                m = match_at(body, tokens, i)
                if m:
                    out.append(m)
                    nxt = m.last
        return out


def labels_with_variants(labels: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Labels plus their form without a bracketed acronym ("Palestinian Authority (PA)" → both)."""
    out = list(labels)
    for text, pref in labels:
        stripped = re.sub(r"\s*\([^)]*\)\s*$", "", text)
        if stripped and stripped != text:
            out.append((stripped, pref))
    return out


def _case_ok(entry: _Entry, window: list[Token]) -> bool:
    if entry.exact is not None:
        return tuple(t.text for t in window) == entry.exact
    if entry.capitalised:
        first = window[0].text[0]
        return first.isupper() or first.isdigit()
    return True
