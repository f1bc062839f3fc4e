"""From what a format reader found (a ``Draft``) to an ``Article``: dateline, sentences, date, id.

Every format (text, HTML, JSON, feeds) fills a ``Draft``; ``assemble_article`` does the rest the same
way for all of them. ``pick_metadata`` maps the many names that metadata uses (front matter, sidecars,
JSON records) onto ours.

Example:
    >>> a = assemble_article(Draft(source="s.txt", title="T", body="GAZA, Oct. 12, 2017 (AP) - Talks began."))
    >>> a.published, a.date_method, a.dateline.place, [s.text for s in a.sentences]
    ('2017-10-12', 'dateline', 'Gaza', ['Talks began.'])
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kg.articles.datelines import find_dateline
from kg.articles.dates import resolve_published
from kg.articles.identity import article_id, clean_url, content_hash
from kg.articles.model import Article
from kg.articles.report import ArticleInputError
from kg.articles.sentences import split_sentences

#: Our field name -> the names it goes by in metadata and records (first found wins).
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "body": ("body", "text", "content", "articleBody", "article_body", "maintext", "full_text"),
    "lede": ("lede", "lead", "standfirst", "subtitle", "description", "summary"),
    "url": ("url", "canonical_url", "canonical", "link", "source_url"),
    "published": (
        "published", "date", "datePublished", "date_published", "published_at", "publish_date",
        "pubDate", "pubdate", "date_publish",
    ),
    "publisher": ("publisher", "site_name", "sitename", "source_name", "source", "site"),
    "author": ("author", "authors", "byline", "creator"),
    "language": ("language", "lang", "inLanguage"),
}  # fmt: skip

MAX_FIELD_CHARS = 1000  # metadata other than the body is short; longer values are cut


def _as_text(value: Any) -> str | None:
    """A metadata value as one line of text: names of objects (``{"name": …}``), lists joined."""
    if isinstance(value, Mapping):
        value = value.get("name") or value.get("@id")
    if isinstance(value, list | tuple):
        parts = [_as_text(v) for v in value[:20]]
        value = ", ".join(p for p in parts if p)
    if value is None or isinstance(value, bool):
        return None
    text = " ".join(str(value).split())[:MAX_FIELD_CHARS]
    return text or None


def pick_metadata(record: Mapping[str, Any]) -> dict[str, Any]:
    """Our fields from a metadata mapping; ``published`` keeps its raw value (a date object or string).

    Example:
        >>> pick_metadata({"headline": "H", "datePublished": "2020-03-12", "publisher": {"name": "TASS"}})
        {'title': 'H', 'published': '2020-03-12', 'publisher': 'TASS'}
    """
    out: dict[str, Any] = {}
    for ours, names in FIELD_ALIASES.items():
        for name in names:
            value = record.get(name)
            if value in (None, "", [], {}):
                continue
            if ours == "published":
                out[ours] = value if not isinstance(value, Mapping | list) else None
            elif ours == "body":
                out[ours] = value if isinstance(value, str) else None
            else:
                out[ours] = _as_text(value)
            if out[ours] is None:
                del out[ours]
                continue
            break
    return out


@dataclass
class Draft:
    """What a format reader found, before dateline, date, sentences and id are worked out."""

    source: str
    body: str
    title: str | None = None
    lede: str | None = None
    url: str | None = None
    published: Any = None
    publisher: str | None = None
    author: str | None = None
    language: str | None = None
    warnings: list[str] = field(default_factory=list)

    def update(self, meta: Mapping[str, Any]) -> None:
        """Overwrite fields with the metadata given (as returned by ``pick_metadata``)."""
        for key, value in meta.items():
            if key != "body" and value is not None:
                setattr(self, key, value)


def _language(value: str | None) -> str:
    """``en`` from ``en-US``/``EN``; ``en`` when unknown."""
    m = re.match(r"[A-Za-z]{2,3}", value or "")
    return m.group(0).lower() if m else "en"


def assemble_article(draft: Draft) -> Article:
    """The ``Article`` for a draft; raises ``ArticleInputError`` when it has no body text.

    The body is stripped of surrounding whitespace only; offsets of the dateline and sentences index it.
    """
    body = draft.body.strip()
    if not body:
        raise ArticleInputError(draft.source, "no body text")
    warnings = list(draft.warnings)
    title = " ".join(draft.title.split()) if draft.title else None
    if not title:
        title = None
        warnings.append("no title found")
    lede = draft.lede.strip() if draft.lede and draft.lede.strip() else None
    url = clean_url(draft.url) if draft.url and re.match(r"https?://[^\s/]", draft.url.strip()) else None
    dateline = find_dateline(body)
    sentences = split_sentences(body, start=dateline.end if dateline else 0)
    context = "\n".join(t for t in (title, lede, body) if t)
    date = resolve_published(draft.published, dateline.date_text if dateline else None, context)
    warnings.extend(date.warnings)
    return Article(
        id=article_id(url, title, body),
        title=title,
        body=body,
        sentences=sentences,
        lede=lede,
        dateline=dateline,
        published=date.value,
        date_method=date.method,
        date_precision=date.precision,
        publisher=draft.publisher or (dateline.agency if dateline else None),
        author=draft.author,
        url=url,
        source=draft.source,
        language=_language(draft.language),
        content_hash=content_hash(title, body),
        warnings=warnings,
    )
