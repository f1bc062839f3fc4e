"""Turn sources (files, directories, glob patterns, ``-`` for stdin) into inputs, and read their bytes.

Directories are walked recursively in sorted order, patterns expanded in sorted order; there, hidden
files, sidecars (``NAME.meta.json``) and manifests/READMEs/licences are not articles, and files with
other extensions are ignored with a warning. A file named explicitly is always read. A file
larger than the size limit is refused from its size alone, before any of it is read.

Example:
    >>> from kg.articles.report import ReadReport
    >>> r = ReadReport()
    >>> list(expand_sources(["no/such/file.txt"], r)), r.problems
    ([], [('no/such/file.txt', 'no such file or directory')])
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from kg.articles.report import ArticleInputError, ReadReport

STDIN = "-"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES
SIDECAR_SUFFIX = ".meta.json"
_NOT_ARTICLES = ("manifest.", "readme", "license")


def _is_glob(source: str) -> bool:
    return any(c in source for c in "*?[")


def _is_article_file(path: Path, report: ReadReport) -> bool:
    """Whether a file found by walking a directory or matching a pattern is to be read as an article."""
    lower = path.name.lower()
    if path.name.startswith(".") or lower.endswith(SIDECAR_SUFFIX) or lower.startswith(_NOT_ARTICLES):
        return False
    if path.suffix.lower() in SUPPORTED_SUFFIXES:
        return True
    report.warnings.append((str(path), f"ignored: unsupported extension '{path.suffix}'"))
    return False


def _article_files(directory: Path, report: ReadReport) -> Iterator[Path]:
    """Article files under ``directory``, recursively, sorted; others noted in ``report.warnings``."""
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if _is_article_file(Path(root, name), report):
                yield Path(root, name)


def expand_sources(sources: Iterable[str | Path], report: ReadReport) -> Iterator[Path | str]:
    """Yield each input: a ``Path`` or ``STDIN``. Missing paths and empty patterns become problems.

    Example:
        >>> r = ReadReport()
        >>> list(expand_sources(["-"], r))
        ['-']
    """
    for source in sources:
        if isinstance(source, str) and source == STDIN:
            yield STDIN
            continue
        path = Path(source)
        if path.is_dir():
            yield from _article_files(path, report)
        elif path.exists():
            yield path
        elif _is_glob(str(source)):
            matches = sorted(glob.glob(str(source), recursive=True))
            if not matches:
                report.add_problem(ArticleInputError(str(source), "no files match this pattern"), skipped=False)
            for match in matches:
                m = Path(match)
                if m.is_dir():
                    yield from _article_files(m, report)
                elif _is_article_file(m, report):
                    yield m
        else:
            report.add_problem(ArticleInputError(str(source), "no such file or directory"), skipped=False)


def _too_large(where: str, size: int, max_bytes: int) -> ArticleInputError:
    return ArticleInputError(where, f"file too large: {size:,} bytes (limit {max_bytes:,})")


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of ``path``; raises ``ArticleInputError`` when it is missing, unreadable or too large.

    Example:
        >>> read_bytes(Path("no/such.txt"))
        Traceback (most recent call last):
        kg.articles.report.ArticleInputError: no/such.txt: cannot read: No such file or directory
    """
    where = str(path)
    try:
        if not path.is_file():
            if path.exists():
                raise ArticleInputError(where, "not a regular file")
        size = path.stat().st_size
        if size > max_bytes:
            raise _too_large(where, size, max_bytes)
        with path.open("rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as e:
        raise ArticleInputError(where, f"cannot read: {e.strerror or e}") from None
    if len(data) > max_bytes:  # grew while we looked
        raise _too_large(where, len(data), max_bytes)
    return data


def read_stdin(max_bytes: int = DEFAULT_MAX_BYTES, stream: BinaryIO | None = None) -> bytes:
    """All of standard input, refusing more than ``max_bytes``."""
    data = (stream or sys.stdin.buffer).read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ArticleInputError("<stdin>", f"input too large: more than {max_bytes:,} bytes")
    return data
