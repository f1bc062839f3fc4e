"""Decode input bytes to text and tell its format from content first, extension second.

Formats: ``text``, ``html``, ``json``, ``jsonl``, ``feed`` (RSS/Atom). Refused, with the reason as
the message: empty input, binary data (NUL bytes, control characters, known binary signatures),
unknown extensions whose content is not HTML, JSON or a feed, XML that is not a feed. Bytes that are not
UTF-8 are decoded with charset-normalizer's guess and a warning.

Example:
    >>> decode(b"caf\\xe9 au lait, une tasse de caf\\xe9 tr\\xe8s chaud", "x.txt")[1]
    'not valid UTF-8; decoded as cp1252 (detected)'
    >>> detect_format('<?xml version="1.0"?><rss version="2.0"></rss>', ".txt")
    'feed'
"""

from __future__ import annotations

import codecs
import json
import re

import charset_normalizer

from kg.articles.report import ArticleInputError
from kg.articles.sources import (
    FEED_SUFFIXES,
    HTML_SUFFIXES,
    JSON_SUFFIXES,
    JSONL_SUFFIXES,
    SUPPORTED_SUFFIXES,
    TEXT_SUFFIXES,
)

_SIGNATURES = (
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/ODT)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"{\\rtf", "RTF document"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAX_CONTROL_SHARE = 0.02
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)\b")
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body|article|meta|title)\b", re.IGNORECASE)


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # C0/C1 controls other than \t \n \v \f \r


def _control_share(text: str) -> float:
    return len(_CONTROL.findall(text)) / len(text)


def _best_guess(data: bytes) -> charset_normalizer.CharsetMatch | None:
    """charset-normalizer's best match; among equally good ones, cp1252 (the usual legacy web encoding:
    WHATWG reads latin-1 labels as cp1252), rather than whichever Central European code page sorts first."""
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    ties = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    return next((m for m in ties if m.encoding == "cp1252"), best)


def decode(data: bytes, where: str) -> tuple[str, str | None]:
    """``(text, warning)``: the text with ``\\n`` line ends and no BOM; raises ``ArticleInputError``.

    Example:
        >>> decode(b"Title\\r\\n\\r\\nBody", "a.txt")
        ('Title\\n\\nBody', None)
        >>> decode(b"", "a.txt")
        Traceback (most recent call last):
        kg.articles.report.ArticleInputError: a.txt: empty file
    """
    if not data:
        raise ArticleInputError(where, "empty file")
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise ArticleInputError(where, f"unsupported format: {kind}")
    warning = None
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if encoding is None and b"\x00" in data:
        raise ArticleInputError(where, "binary file (contains NUL bytes)")
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError:
        if encoding:
            raise ArticleInputError(where, f"undecodable bytes in a {encoding} file") from None
        best = _best_guess(data)
        if best is None:
            raise ArticleInputError(where, "binary file (not text in any known encoding)") from None
        text = str(best)
        warning = f"not valid UTF-8; decoded as {best.encoding} (detected)"
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleInputError(where, "empty file (only whitespace)")
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise ArticleInputError(where, "binary file (control characters, not text)")
    return text, warning


def _first_line(text: str) -> str:
    return text.lstrip().split("\n", 1)[0].strip()


def _is_json_object_line(line: str) -> bool:
    if not line.startswith("{"):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):
        return False


def detect_format(text: str, suffix: str, where: str = "<input>") -> str:
    """The format of ``text`` read from a file with extension ``suffix`` ("" for stdin).

    Example:
        >>> detect_format('{"title": "T", "body": "B"}', ""), detect_format("Title\\n\\nBody", ".md")
        ('json', 'text')
        >>> detect_format("a,b\\n1,2", ".csv", "t.csv")
        Traceback (most recent call last):
        kg.articles.report.ArticleInputError: t.csv: unsupported format '.csv' (expected one of .atom, \
.htm, .html, .json, .jsonl, .markdown, .md, .ndjson, .rss, .shtml, .text, .txt, .xhtml, .xml)
    """
    suffix = suffix.lower()
    head = text[:2048].lstrip()
    if head.startswith("<?xml") or _FEED_ROOT.match(head) or suffix in FEED_SUFFIXES:
        if _FEED_ROOT.search(head):
            return "feed"
        if _HTML_START.search(head):
            return "html"
        if suffix in FEED_SUFFIXES or head.startswith("<?xml"):
            raise ArticleInputError(where, "unsupported format: XML that is not an RSS or Atom feed")
    if _HTML_START.match(head) or (suffix in HTML_SUFFIXES and head.startswith("<")):
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in JSON_SUFFIXES:
        return "json"
    if head.startswith(("{", "[")):
        try:
            json.loads(text)
            return "json"
        except (ValueError, RecursionError):
            if _is_json_object_line(_first_line(text)):
                return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "text"  # an .html file without markup
    if suffix in TEXT_SUFFIXES or suffix == "":
        return "text"
    expected = ", ".join(sorted(SUPPORTED_SUFFIXES))
    raise ArticleInputError(where, f"unsupported format '{suffix}' (expected one of {expected})")
