"""Read articles from files, directories, patterns and stdin: the reading layer's public functions.

``read_articles`` streams: it holds one file at a time, plus per article seen an id, a content hash
and a small sketch for near-duplicates (about 0.5 KB), so 100k files fit in a few hundred MB at most.
It never raises for bad input: each problem lands in the report as ``(path, reason)`` and the rest is
still read.

Example:
    >>> a = read_text("Deal signed\\n\\nCAIRO, Oct. 12, 2017 (AP) -- Fatah and Hamas signed a deal.")
    >>> a.title, a.published, a.date_method, a.sentences[0].text
    ('Deal signed', '2017-10-12', 'dateline', 'Fatah and Hamas signed a deal.')
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from kg.articles.assemble import Draft, assemble_article, pick_metadata
from kg.articles.detect import decode, detect_format
from kg.articles.feeds import parse_feed
from kg.articles.html import parse_html
from kg.articles.identity import NearDuplicateIndex
from kg.articles.model import Article
from kg.articles.progress import Progress
from kg.articles.records import parse_json, parse_jsonl
from kg.articles.report import ArticleInputError, ReadReport
from kg.articles.sources import DEFAULT_MAX_BYTES, STDIN, expand_sources, read_bytes, read_stdin
from kg.articles.text import parse_text, read_sidecar


def _read_data(
    data: bytes, where: str, suffix: str, path: Path | None
) -> tuple[list[Article], list[ArticleInputError]]:
    """``(articles, problems)`` from the bytes of one input: problems are bad records (JSON Lines lines,
    feed entries); a bad input as a whole raises ``ArticleInputError``."""
    text, warning = decode(data, where)
    fmt = detect_format(text, suffix, where)
    problems: list[ArticleInputError] = []
    if fmt == "text":
        drafts = [parse_text(text, where, path=path)]
    elif fmt == "html":
        side = read_sidecar(path) if path else ({}, [])
        meta = pick_metadata(side[0])
        drafts = [parse_html(text, where, url=meta.get("url"))]
        drafts[0].update(meta)
        drafts[0].warnings += side[1]
    elif fmt == "json":
        drafts, problems = parse_json(text, where)
    elif fmt == "jsonl":
        drafts, problems = parse_jsonl(text, where)
    else:
        drafts, problems = parse_feed(data, where)
    articles = []
    for draft in drafts:
        if warning:
            draft.warnings.insert(0, warning)
        try:
            articles.append(assemble_article(draft))
        except ArticleInputError as e:
            problems.append(e)
    return articles, problems


def _raise_or_report(
    articles: list[Article], problems: list[ArticleInputError], report: ReadReport | None
) -> list[Article]:
    if report is None:
        if problems:
            first = problems[0]
            more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
            raise ArticleInputError(first.where, first.reason + more)
        return articles
    for problem in problems:
        report.add_problem(problem)
    return articles


def read_article_file(
    path: Path | str, *, report: ReadReport | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[Article]:
    """The articles of one file (a feed or JSON Lines file gives several).

    Raises ``InputError("path: reason")`` when the file cannot be read. A JSON Lines file or feed with some
    bad records: with ``report`` the good ones are returned and the bad ones recorded there; without
    it, the first bad record raises (strict). Duplicates are not looked for here (see ``read_articles``).

    Example:
        >>> read_article_file("no/such.txt")
        Traceback (most recent call last):
        kg.articles.report.ArticleInputError: no/such.txt: cannot read: No such file or directory
    """
    path = Path(path)
    data = read_bytes(path, max_bytes)
    articles, problems = _read_data(data, str(path), path.suffix, path)
    return _raise_or_report(articles, problems, report)


def read_text(text: str, *, source: str = "<string>", meta: Mapping[str, Any] | None = None) -> Article:
    """One article from plain text (title, lede, dateline, body); ``meta`` as in front matter.

    Example:
        >>> read_text("T\\n\\nBody text.", meta={"published": "2020-03-12", "url": "https://ex.org/a"}).id
        'ufc60963ff0ac20db'
    """
    decoded, _ = decode(text.encode("utf-8"), source)
    draft: Draft = parse_text(decoded, source, meta=meta)
    return assemble_article(draft)


def _read_input(item: Path | str, max_bytes: int) -> tuple[list[Article], list[ArticleInputError], int]:
    """``(articles, problems, bytes read)`` of one input from ``expand_sources``."""
    if item == STDIN:
        data = read_stdin(max_bytes)
        articles, problems = _read_data(data, "<stdin>", "", None)
    else:
        path = Path(item)
        data = read_bytes(path, max_bytes)
        articles, problems = _read_data(data, str(path), path.suffix, path)
    return articles, problems, len(data)


def read_articles(
    sources: Iterable[str | Path],
    *,
    report: ReadReport | None = None,
    progress: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article]:
    """Yield each distinct article of the sources (files, directories, glob patterns, ``-`` for stdin).

    Never raises for bad input: problems go to ``report.problems`` and the rest is read (the good lines
    of a JSON Lines file too). An identical copy (same id or same content hash) is not yielded again but
    recorded in ``report.duplicates`` as ``(path, first_path, article_id)``. A near-copy (same wire story
    under another headline) is yielded with ``near_duplicate_of`` naming the earlier articles it copies.
    Files larger than ``max_bytes`` are skipped by their size, unread.

    Example:
        >>> r = ReadReport()
        >>> list(read_articles(["no/such/dir"], report=r)), r.problems
        ([], [('no/such/dir', 'no such file or directory')])
    """
    report = report if report is not None else ReadReport()
    bar = Progress(enabled=None if progress else False)
    first_by_id: dict[str, str] = {}
    first_by_hash: dict[str, tuple[str, str]] = {}
    seen_paths: set[str] = set()
    near = NearDuplicateIndex()
    try:
        for item in expand_sources(sources, report):
            if item != STDIN:
                real = os.path.realpath(item)
                if real in seen_paths:
                    continue
                seen_paths.add(real)
            where = "<stdin>" if item == STDIN else str(item)
            try:
                articles, problems, nbytes = _read_input(item, max_bytes)
            except ArticleInputError as e:
                report.add_problem(e)
                bar.update(files=1)
                continue
            except Exception as e:  # a bug of ours or a parser's must not stop a 100k-file read
                report.add_problem(ArticleInputError(where, f"unexpected error: {type(e).__name__}: {e}"))
                bar.update(files=1)
                continue
            bar.update(files=1, nbytes=nbytes)
            for problem in problems:
                report.add_problem(problem)
            for article in articles:
                first = first_by_id.get(article.id)
                if first is not None:
                    report.duplicates.append((article.source, first, article.id))
                    continue
                by_hash = first_by_hash.get(article.content_hash)
                if by_hash is not None:
                    report.duplicates.append((article.source, *by_hash))
                    continue
                first_by_id[article.id] = article.source
                first_by_hash[article.content_hash] = (article.source, article.id)
                article.near_duplicate_of = near.add(article.id, article.body)
                report.read += 1
                report.warnings.extend((article.source, w) for w in article.warnings)
                yield article
    finally:
        bar.close()
