"""HTML news pages: main text through trafilatura, metadata read from the page itself.

trafilatura (``bare_extraction``) finds the main text without menus, ads or scripts; it is given the
markup only, so nothing is fetched. Metadata is read here, without any network: the canonical URL
(``<link rel=canonical>``, ``og:url``), ``article:published_time`` and JSON-LD ``datePublished`` (JSON-LD
is parsed as plain JSON: its ``@context`` is never fetched), headline, author, site name, language.
trafilatura's own metadata fills what is still missing. A page without a closing ``</html>`` tag is read
with a warning that it looks truncated.

Example:
    >>> page = ('<html lang="en"><head><title>Deal | Site</title><link rel="canonical" href="https://ex.org/a">'
    ...         '</head><body><article><p>CAIRO (AP) -- Fatah and Hamas signed a deal in Cairo on Thursday '
    ...         'after two days of talks.</p></article></body></html>')
    >>> d = parse_html(page, "a.html")
    >>> d.url, d.body
    ('https://ex.org/a', 'CAIRO (AP) -- Fatah and Hamas signed a deal in Cairo on Thursday after two days of talks.')
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from typing import Any

import lxml.etree
import lxml.html

from kg.articles.assemble import Draft
from kg.articles.report import ArticleInputError
from kg.articles.text import is_navigation

ARTICLE_TYPES = frozenset(
    {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "Report"}
)
_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
_PUBLISHED_META = (
    "article:published_time", "og:published_time", "datePublished", "date", "pubdate", "publishdate",
    "dc.date.issued", "dcterms.issued", "dc.date", "sailthru.date", "parsely-pub-date",
)  # fmt: skip

#: No guessing dates from the page text (a date in the text is not the publication date); a fixed
#: upper bound instead of "today" keeps results the same from one day to the next.
_DATE_PARAMS = {"original_date": True, "extensive_search": False, "max_date": "2099-12-31"}

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment, one paragraph per block element or ``<br>``, joined by blank lines.

    Example:
        >>> html_to_text("<p>One <b>two</b></p><p>Three<br>Four</p><script>x()</script>")
        'One two\\n\\nThree\\n\\nFour'
    """
    try:
        root = lxml.html.fragment_fromstring(_XML_DECLARATION.sub("", fragment), create_parent="div")
    except (lxml.etree.LxmlError, ValueError):
        return " ".join(fragment.split())
    for el in root.iter("script", "style", "noscript"):
        el.drop_tree() if el.getparent() is not None else None
    for el in root.iter(*_BLOCKS, "br"):
        el.tail = "\n\n" + (el.tail or "")
        if el.tag != "br":
            el.text = "\n\n" + (el.text or "")
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", root.text_content()))
    return "\n\n".join(p for p in paragraphs if p)


def _json_ld_objects(tree: lxml.html.HtmlElement) -> Iterator[dict[str, Any]]:
    """Article-typed JSON-LD objects of the page (``@graph`` and lists flattened), parsed as plain JSON."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                if "@graph" in item:
                    stack.append(item["@graph"])
                types = item.get("@type")
                types = set(types) if isinstance(types, list) else {types}
                if types & ARTICLE_TYPES:
                    yield item


def _names(value: Any) -> str | None:
    """``"A, B"`` from a JSON-LD person/organisation, a list of them, or a string."""
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list):
        value = ", ".join(n for n in (_names(v) for v in value) if n)
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _absolute_url(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    if isinstance(value, str) and re.match(r"https?://[^\s/]+", value.strip()):
        return value.strip()
    return None


def page_metadata(tree: lxml.html.HtmlElement) -> dict[str, Any]:
    """Metadata read from ``<meta>``, ``<link rel=canonical>``, ``<html lang>`` and JSON-LD.

    Example:
        >>> t = lxml.html.document_fromstring('<html><head><meta property="article:published_time" '
        ...     'content="2017-10-12T23:10:00+03:00"><meta property="og:title" content="Deal"></head></html>')
        >>> page_metadata(t)
        {'title': 'Deal', 'published': '2017-10-12T23:10:00+03:00'}
    """
    metas: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = (el.get("content") or "").strip()
        if key and content and key not in metas:
            metas[key] = content
    ld = next(_json_ld_objects(tree), {})
    canonical = next(iter(tree.xpath('//link[@rel="canonical"]/@href')), None)
    out: dict[str, Any] = {
        "title": metas.get("og:title") or _names(ld.get("headline")) or metas.get("twitter:title"),
        "url": _absolute_url(canonical)
        or _absolute_url(metas.get("og:url"))
        or _absolute_url(ld.get("url"))
        or _absolute_url(ld.get("mainEntityOfPage")),
        "published": next((metas[k] for k in _PUBLISHED_META[:2] if k in metas), None)
        or (ld.get("datePublished") if isinstance(ld.get("datePublished"), str) else None)
        or next((metas[k] for k in _PUBLISHED_META[2:] if k in metas), None),
        "publisher": metas.get("og:site_name") or _names(ld.get("publisher")),
        "author": _names(ld.get("author")) or metas.get("author") or metas.get("article:author"),
        "lede": metas.get("og:description") or metas.get("description") or _names(ld.get("description")),
        "language": tree.get("lang") or _names(ld.get("inLanguage")),
    }
    return {k: v for k, v in out.items() if v}


def _same_start(body: str, text: str) -> bool:
    """True when ``body`` starts with ``text`` (ignoring case and spacing)."""
    a, b = " ".join(body[: len(text) + 200].split()).casefold(), " ".join(text.split()).casefold()
    return a.startswith(b.rstrip(".…").rstrip())


def parse_html(html: str, source: str, *, url: str | None = None) -> Draft:
    """A ``Draft`` from an HTML page; raises ``ArticleInputError`` when no article text is found."""
    import trafilatura  # slow to import (~0.5 s): only when a page is read

    html = _XML_DECLARATION.sub("", html, count=1)
    warnings = []
    if not re.search(r"</html\s*>", html[-4096:], re.IGNORECASE):
        warnings.append("HTML looks truncated (no closing </html> tag); read what is there")
    try:
        tree = lxml.html.document_fromstring(html)
        meta = page_metadata(tree)
        result = trafilatura.bare_extraction(
            html, url=url or meta.get("url"), with_metadata=True, include_comments=False,
            include_tables=False, include_images=False, include_links=False,
            date_extraction_params=_DATE_PARAMS,
        )  # fmt: skip
        doc: dict[str, Any] = result.as_dict() if result is not None else {}
    except (lxml.etree.LxmlError, ValueError, TypeError, AttributeError) as e:
        raise ArticleInputError(source, f"could not parse HTML: {type(e).__name__}: {e}") from None
    text = doc.get("text") or ""
    paragraphs = [" ".join(p.split()) for p in text.split("\n") if p.strip() and not is_navigation(p)]
    title = meta.get("title") or doc.get("title")
    if paragraphs and title and " ".join(title.split()).casefold() == paragraphs[0].casefold():
        paragraphs = paragraphs[1:]  # the <h1> repeated at the top of the text
    if not paragraphs:
        raise ArticleInputError(source, "no article text found in HTML")
    body = "\n\n".join(paragraphs)
    lede = meta.get("lede")
    if lede and _same_start(body, lede):
        lede = None  # the description is just the first paragraph
    return Draft(
        source=source,
        body=body,
        title=title,
        lede=lede,
        url=meta.get("url") or url or doc.get("url"),
        published=meta.get("published") or doc.get("date"),
        publisher=meta.get("publisher") or doc.get("sitename"),
        author=meta.get("author") or doc.get("author"),
        language=meta.get("language") or doc.get("language"),
        warnings=warnings,
    )
