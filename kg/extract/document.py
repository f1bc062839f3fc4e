"""The working state of one article during rule extraction: tokens, sentences, mentions, times, quotes.

Example:
    >>> from kg.articles.model import Article
    >>> doc = Doc.of(Article(id="a", title=None, body="Hamas met. Fatah left.", published="2020-03-12"))
    >>> [s.text for s in doc.sentences], doc.sentence_at(12).text
    (['Hamas met.', 'Fatah left.'], 'Fatah left.')
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from kg.articles.model import Article, Sentence
from kg.articles.sentences import split_sentences
from kg.extract.records import EXTRACTOR_VERSION, Evidence, Mention
from kg.extract.text import Token, tokenize
from kg.extract.timex import TimeMatch, find_times


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

    @classmethod
    def of(cls, article: Article) -> Doc:
        """Tokenise and split (if the reader did not) an article."""
        body = article.body or ""
        sentences = list(article.sentences) or split_sentences(body)
        tokens = tokenize(body)
        doc = cls(article, body, sentences, tokens, find_times(body, article.published, tokens=tokens))
        doc._sent_starts = [s.start for s in sentences]
        doc._time_starts = [t.start for t in doc.times]
        return doc

    @property
    def published(self) -> str | None:
        """The publication date (ISO) or None."""
        return self.article.published

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence containing ``offset`` (the nearest before it between sentences)."""
        i = max(0, bisect.bisect_right(self._sent_starts, offset) - 1)
        return self.sentences[i] if self.sentences else Sentence(0, 0, len(self.body), self.body)

    def evidence(self, start: int, end: int, rule: str, confidence: float) -> Evidence:
        """Evidence for ``body[start:end]`` in its sentence."""
        return Evidence(start=start, end=end, quote=self.body[start:end],
                        sentence=self.sentence_at(start).text, rule=rule, confidence=confidence,
                        version=EXTRACTOR_VERSION)

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
        """Time expressions inside ``[start, end)``."""
        return _inside(self.times, self._time_starts, start, end)

    def quote_at(self, offset: int) -> Quote | None:
        """The quote span containing ``offset``, if any."""
        for q in self.quotes:
            if q.start <= offset < q.end:
                return q
        return None


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

