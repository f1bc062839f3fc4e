"""The Article record: what every reader produces and every extractor consumes.

Example:
    >>> s = Sentence(index=0, start=0, end=5, text="Hello")
    >>> a = Article(id="abc", title="T", body="Hello", sentences=[s])
    >>> a.body[s.start:s.end] == s.text
    True
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article body; ``body[start:end] == text``."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Dateline:
    """A wire dateline such as ``MOSCOW, March 12. /TASS/.``."""

    place: str | None
    date_text: str | None
    agency: str | None
    start: int = 0
    end: int = 0


@dataclass
class Article:
    """One news article, read from a file, record or feed entry.

    ``body`` is the text exactly as stored (offsets index it); boilerplate such as "All news" is not in it.
    ``published`` is ISO ``YYYY-MM-DD`` (or ``YYYY-MM``/``YYYY`` at lower precision) or None;
    ``date_method`` is ``metadata``, ``dateline`` or ``inferred``; ``date_precision`` is ``day``, ``month``
    or ``year``.
    """

    id: str
    title: str | None
    body: str
    sentences: list[Sentence] = field(default_factory=list)
    lede: str | None = None
    dateline: Dateline | None = None
    published: str | None = None
    date_method: str | None = None
    date_precision: str | None = None
    publisher: str | None = None
    author: str | None = None
    url: str | None = None
    source: str = ""
    language: str = "en"
    content_hash: str = ""
    warnings: list[str] = field(default_factory=list)
    near_duplicate_of: list[str] = field(default_factory=list)
