"""RSS and Atom feeds: each entry one article.

feedparser reads the file's bytes from memory (given a stream, never a string, which it could take
for a URL or a file name), so nothing is fetched; it drops DOCTYPEs and does not load external
entities. Full text comes from ``content:encoded``/``content`` when present, else the summary; the date
is the entry's own ``published`` (or ``updated``) as written, so its local day is kept.

Example:
    >>> rss = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>Deal</title>'
    ...        b'<link>https://ex.org/1</link><pubDate>Thu, 12 Oct 2017 23:10:00 +0300</pubDate>'
    ...        b'<description>&lt;p&gt;Fatah and Hamas signed.&lt;/p&gt;</description></item></channel></rss>')
    >>> d = parse_feed(rss, "f.xml")[0][0]
    >>> d.title, d.body, d.url, d.published, d.publisher, d.source
    ('Deal', 'Fatah and Hamas signed.', 'https://ex.org/1', 'Thu, 12 Oct 2017 23:10:00 +0300', 'Wire', 'f.xml#1')
"""

from __future__ import annotations

import html as html_lib
import io
import time
from typing import Any

import feedparser

from kg.articles.assemble import Draft
from kg.articles.html import html_to_text
from kg.articles.report import ArticleInputError


def _text(detail: Any, value: str) -> str:
    """Plain text of a feed value given its ``*_detail`` (HTML is converted, plain text unescaped)."""
    kind = (detail or {}).get("type", "text/html") if isinstance(detail, dict) else "text/html"
    return html_to_text(value) if "html" in kind else html_lib.unescape(value).strip()


def _entry_body(entry: Any) -> str:
    contents = [c for c in entry.get("content", []) if (c.get("value") or "").strip()]
    if contents:
        best = max(contents, key=lambda c: len(c.get("value", "")))
        return _text(best, best["value"])
    summary = entry.get("summary") or ""
    return _text(entry.get("summary_detail"), summary) if summary.strip() else ""


def _entry_date(entry: Any) -> Any:
    for key in ("published", "updated", "created"):
        if entry.get(key):
            return entry[key]
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def parse_feed(data: bytes, source: str) -> tuple[list[Draft], list[ArticleInputError]]:
    """``(drafts, problems)`` of an RSS/Atom feed; raises ``ArticleInputError`` for a broken feed."""
    try:
        feed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    except Exception as e:  # feedparser wraps several parsers; any failure means "not a feed"
        raise ArticleInputError(source, f"malformed feed: {type(e).__name__}: {e}") from None
    if not feed.entries:
        if feed.get("bozo"):
            reason = str(feed.get("bozo_exception", "")).split("\n")[0]
            raise ArticleInputError(source, f"malformed feed: {reason}")
        raise ArticleInputError(source, "feed has no entries")
    info = feed.get("feed", {})
    publisher = info.get("title")
    drafts, problems = [], []
    for n, entry in enumerate(feed.entries, 1):
        where = f"{source}#{n}"
        body = _entry_body(entry)
        if not body.strip():
            problems.append(ArticleInputError(where, "entry has no text (no content and no summary)"))
            continue
        title = entry.get("title")
        drafts.append(
            Draft(
                source=where,
                body=body,
                title=_text(entry.get("title_detail"), title) if title else None,
                url=entry.get("link"),
                published=_entry_date(entry),
                publisher=publisher,
                author=entry.get("author"),
                language=info.get("language"),
            )
        )
    return drafts, problems
