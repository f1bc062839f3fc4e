"""The working state of one article during rule extraction: tokens, sentences, mentions, times, quotes.

Example:
    >>> from kg.articles.model import Article
    >>> doc = Doc.of(Article(id="a", title=None, body="Hamas met. Fatah left.", published="2020-03-12"))
    >>> [s.text for s in doc.sentences], doc.sentence_at(12).text
    (['Hamas met.', 'Fatah left.'], 'Fatah left.')
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter

from kg.articles.model import Article, Sentence
from kg.articles.sentences import split_sentences
from kg.extract.records import EXTRACTOR_VERSION, Evidence, Mention
from kg.extract.text import Token, fold_case, required_literal, tokenize, twin
from kg.extract.timex import TimeMatch, find_times


def iso_date(value: str | None) -> str | None:
    """``value`` when it is an ISO date of year, month or day precision that exists, else None (a direct API
    caller may pass "12 March 2020" or "2020-13-45"; the reader never does).

    Example:
        >>> iso_date("2020-03-12"), iso_date("2020-03"), iso_date("2020-02-30"), iso_date("12 March 2020")
        ('2020-03-12', '2020-03', None, None)
    """
    head = (value or "")[:10]
    if not _ISO.fullmatch(head):
        return None
    try:
        dt.date.fromisoformat(head + "-01-01"[len(head) - 4:])  # "2020" → "2020-01-01", "2020-03" → "2020-03-01"
    except ValueError:
        return None
    return value


_ISO = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?")


@dataclass
class TitleInfo:
    """A title attached to a person mention in the text ("Russian Foreign Ministry Spokeswoman …")."""

    person: str
    title: str
    org: str | None
    gender: str | None
    start: int
    end: int


@dataclass
class Quote:
    """A quoted (``direct``) or reported (``indirect``) span and who said it."""

    start: int
    end: int
    kind: str
    speaker: str | None = None
    speaker_label: str | None = None
    cue_start: int = -1
    cue_end: int = -1
    speakers: tuple[tuple[str, str], ...] = ()


@dataclass
class Doc:
    """One article being processed; everything is in body offsets."""

    article: Article
    body: str
    sentences: list[Sentence]
    tokens: list[Token]
    times: list[TimeMatch]
    mentions: list[Mention] = field(default_factory=list)
    titles: list[TitleInfo] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    new_entities: dict[str, tuple[str, str]] = field(default_factory=dict)
    _sent_starts: list[int] = field(default_factory=list)
    _mention_starts: list[int] = field(default_factory=list)
    _time_starts: list[int] = field(default_factory=list)
    #: ``body`` lowered for the case-sensitive twins of cue patterns (``kg.extract.text.fold_case``), else None.
    folded: str | None = None
    _contains: dict[tuple[str, ...], bool] = field(default_factory=dict)
    _occurrences: dict[tuple[str, ...], tuple[list[int], list[int]]] = field(default_factory=dict)
    _times_in: dict[tuple[int, int], list[TimeMatch]] = field(default_factory=dict)
    #: ``_twin``: ``id(pattern)`` → ``(pattern, (pattern or twin, text, required literal))``
    _runs: dict[int, tuple[re.Pattern[str], tuple[re.Pattern[str], str, str]]] = field(default_factory=dict)
    #: ``word_index(tokens)`` (see ``word_indices``).
    words: dict[str, list[int]] | None = None

    @classmethod
    def of(cls, article: Article) -> Doc:
        """Tokenise and split (if the reader did not) an article."""
        body = article.body or ""
        sentences = list(article.sentences) or split_sentences(body)
        folded = fold_case(body)
        tokens = tokenize(body, folded=folded)
        words = word_index(tokens)
        doc = cls(article, body, sentences, tokens, find_times(body, iso_date(article.published), tokens=tokens,
                                                               words=words))
        doc.words = words
        doc._sent_starts = [s.start for s in sentences]
        doc._time_starts = [t.start for t in doc.times]
        doc.folded = folded
        return doc

    @cached_property
    def published(self) -> str | None:
        """The publication date (ISO ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), or None when it is not one."""
        return iso_date(self.article.published)

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence containing ``offset`` (the nearest before it between sentences)."""
        if not self.sentences:
            return Sentence(0, 0, len(self.body), self.body)
        i = bisect.bisect_right(self._sent_starts, offset) - 1
        return self.sentences[i if i > 0 else 0]

    def evidence(self, start: int, end: int, rule: str, confidence: float) -> Evidence:
        """Evidence for ``body[start:end]`` in its sentence."""
        # positional arguments: a keyword call of a dataclass costs more than the rest of this method
        return Evidence(start, end, self.body[start:end], self.sentence_at(start).text, rule, confidence,
                        EXTRACTOR_VERSION)

    def set_mentions(self, mentions: list[Mention]) -> None:
        """Replace the mentions (kept sorted by offset)."""
        self.mentions = sorted(mentions, key=lambda m: (m.start, -m.end, m.entity))
        self._mention_starts = [m.start for m in self.mentions]

    @property
    def mention_starts(self) -> list[int]:
        """Start offsets of ``mentions`` (sorted, for bisection)."""
        return self._mention_starts

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions lying inside ``[start, end)``."""
        return _inside(self.mentions, self._mention_starts, start, end)

    def times_in(self, start: int, end: int) -> list[TimeMatch]:
        """Time expressions inside ``[start, end)`` (memoised, as ``times`` is fixed: do not modify the list)."""
        got = self._times_in.get((start, end))
        if got is None:
            got = self._times_in[start, end] = _inside(self.times, self._time_starts, start, end)
        return got

    def _twin(self, pattern: re.Pattern[str]) -> tuple[re.Pattern[str], str, str]:
        """The pattern and text to run: the case-sensitive twin of ``pattern`` on ``folded`` when both exist; and
        the string every match holds (``kg.extract.text.required_literal``; "" when none is known)."""
        got = self._runs.get(id(pattern))
        if got is None or got[0] is not pattern:
            low = twin(pattern) if self.folded is not None else None
            run = (pattern, self.body) if low is None else (low, self.folded)
            got = self._runs[id(pattern)] = (pattern, (*run, required_literal(run[0])))
        return got[1]

    def search(self, pattern: re.Pattern[str], pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """``pattern.search(body, pos, endpos)`` (the same offsets; faster on ``folded``, and at once None when the
        window lacks the pattern's required literal). Read the matched text from ``body``: ``group()`` may be
        lower-cased."""
        p, text, literal = self._twin(pattern)
        if literal and text.find(literal, pos, endpos) < 0:
            return None
        return p.search(text, pos, endpos)

    def match(self, pattern: re.Pattern[str], pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """``pattern.match(body, pos, endpos)``, like ``search`` (the literal is looked for only up to a given
        ``endpos``: an anchored match most often fails faster than a scan of the rest of the body)."""
        p, text, literal = self._twin(pattern)
        if literal and endpos < sys.maxsize and text.find(literal, pos, endpos) < 0:
            return None
        return p.match(text, pos, endpos)

    def finditer(self, pattern: re.Pattern[str], pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        """``pattern.finditer(body, pos, endpos)``, like ``search``."""
        p, text, literal = self._twin(pattern)
        if literal and text.find(literal, pos, endpos) < 0:
            return iter(())
        return p.finditer(text, pos, endpos)

    @property
    def word_indices(self) -> dict[str, list[int]]:
        """``word_index(tokens)``: the indices of the tokens by ``Token.low``, in text order (built once)."""
        if self.words is None:
            self.words = word_index(self.tokens)
        return self.words

    def token_matches(self, pattern: re.Pattern[str], starts: Iterable[str]) -> list[re.Match[str]]:
        """``kg.extract.text.token_matches(pattern, body, tokens, starts)``: the leftmost non-overlapping matches of
        ``pattern`` tried only at the tokens whose ``low`` is one of ``starts`` (found in a per-document index, and
        run as ``search`` does: read the matched text from ``body``)."""
        p, text, _ = self._twin(pattern)
        index, tokens = self.word_indices, self.tokens
        out: list[re.Match[str]] = []
        end = 0
        for k in sorted([i for w in starts for i in index.get(w, ())]):
            pos = tokens[k].start
            if pos >= end:
                m = p.match(text, pos)
                if m:
                    out.append(m)
                    end = m.end()
        return out

    def scan(self, pattern: re.Pattern[str], starts: Iterable[str]) -> list[re.Match[str]]:
        """``list(self.finditer(pattern))`` for a pattern whose every match starts at a whole token whose lower
        case is one of ``starts`` (a word boundary, then one of these words): ``token_matches``, much faster than a
        scan of the body. Without ``folded`` (a non-ASCII word character may then match an ASCII letter of the
        pattern regardless of case) the body is scanned.

        Example:
            >>> from kg.articles.model import Article
            >>> doc = Doc.of(Article(id="a", title=None, body="Both sides met; the two sides signed."))
            >>> [m.span() for m in doc.scan(re.compile(r"\\b(?:both|two)\\s+sides", re.I), ("both", "two"))]
            [(0, 10), (20, 29)]
        """
        if self.folded is None:
            return list(self.finditer(pattern))
        return self.token_matches(pattern, starts)

    def may_contain(self, *words: str) -> bool:
        """False only when ``folded`` holds none of ``words`` (lower case): then no case-insensitive pattern whose
        every match holds one of them matches anywhere in ``body`` (memoised).

        Example:
            >>> from kg.articles.model import Article
            >>> doc = Doc.of(Article(id="a", title=None, body="Talks FAILED."))
            >>> doc.may_contain("fail"), doc.may_contain("delegation", "represented")
            (True, False)
        """
        got = self._contains.get(words)
        if got is None:
            got = self._contains[words] = self.folded is None or any(w in self.folded for w in words)
        return got

    def may_contain_in(self, words: tuple[str, ...], lo: int, hi: int) -> bool:
        """False only when no occurrence of ``words`` (lower case) in ``folded`` overlaps ``[lo, hi)``: then no
        case-insensitive pattern whose every match holds one of them matches in that window. The occurrences are
        found once per document (a scan skips those overlapping one found, hence the overlap test).

        Example:
            >>> from kg.articles.model import Article
            >>> doc = Doc.of(Article(id="a", title=None, body="Talks FAILED. Hamas met."))
            >>> doc.may_contain_in(("fail",), 0, 12), doc.may_contain_in(("fail",), 13, 24)
            (True, False)
        """
        if self.folded is None:
            return True
        spans = self._occurrences.get(words)
        if spans is None:
            spans = self._occurrences[words] = literal_scan(self.folded, words)
        starts, ends = spans
        k = bisect.bisect_right(ends, lo)  # the first occurrence ending after lo
        return k < len(starts) and starts[k] < hi

    def quote_at(self, offset: int) -> Quote | None:
        """The quote span containing ``offset``, if any."""
        for q in self.quotes:
            if q.start <= offset < q.end:
                return q
        return None


_LOW = itemgetter(1)  # ``Token.low``


def word_index(tokens: list[Token]) -> dict[str, list[int]]:
    """The indices of ``tokens`` by their ``low``, in text order.

    Example:
        >>> word_index(tokenize("Talks and talks"))
        {'talks': [0, 2], 'and': [1]}
    """
    out: defaultdict[str, list[int]] = defaultdict(list)
    for k, low in enumerate(map(_LOW, tokens)):
        out[low].append(k)
    return dict(out)  # (a plain dict: a lookup of a missing word adds nothing)


def literal_scan(text: str, words: tuple[str, ...]) -> tuple[list[int], list[int]]:
    """The starts and ends of ``re.finditer("|".join(map(re.escape, words)), text)``, found with ``str.find`` (several
    times faster): the leftmost occurrence of a word, the first of ``words`` found there, then on from its end.

    Example:
        >>> literal_scan("a deal, an accord", ("accord", "deal", "a"))
        ([0, 2, 8, 11], [1, 6, 9, 17])
    """
    starts: list[int] = []
    ends: list[int] = []
    found = [text.find(w) for w in words]  # each word's next occurrence from ``pos`` (-1: none left)
    pos = 0
    while True:
        best, word = -1, ""
        for k, w in enumerate(words):
            at = found[k]
            if 0 <= at < pos:
                at = found[k] = text.find(w, pos)
            if at >= 0 and (best < 0 or at < best):
                best, word = at, w
        if best < 0:
            return starts, ends
        pos = best + len(word)
        starts.append(best)
        ends.append(pos)


def _inside(items: list, starts: list[int], start: int, end: int) -> list:
    """The spans of ``items`` (sorted by start; ``starts`` their starts) lying inside ``[start, end)``.

    Example:
        >>> from types import SimpleNamespace as N
        >>> spans = [N(start=0, end=4), N(start=2, end=9), N(start=5, end=7)]
        >>> [(s.start, s.end) for s in _inside(spans, [0, 2, 5], 1, 8)]
        [(5, 7)]
    """
    i = bisect.bisect_left(starts, start)
    out = []
    while i < len(items) and items[i].start < end:
        if items[i].end <= end:
            out.append(items[i])
        i += 1
    return out

