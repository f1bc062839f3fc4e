"""Plain-text articles: optional front matter, navigation lines, title, lede, dateline, body.

Layout read (the seed /work/shared/seed/tass-2020-03-12.txt has it)::

    All news                       <- navigation lines before the title are dropped
    Russia hopes another ...       <- title: the first other line
    The Russian Foreign ...        <- lede: the lines between the title and the dateline
    MOSCOW, March 12. /TASS/. ...  <- body: from the dateline to the end

Without a dateline in the first lines after the title, the body starts right after the title and
there is no lede (we cannot tell a standfirst from a first paragraph). Metadata may come as YAML
(``---``) or TOML (``+++``) front matter, or a sidecar ``NAME.meta.json`` (which wins: raw files are
never edited, so a sidecar is how metadata gets corrected).

Example:
    >>> d = parse_text("Home\\n\\nDeal signed\\n\\nA short lede\\n\\nCAIRO (AP) -- Hamas agreed.", "a.txt")
    >>> d.title, d.lede, d.body
    ('Deal signed', 'A short lede', 'CAIRO (AP) -- Hamas agreed.')
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from kg.articles.assemble import Draft, pick_metadata
from kg.articles.datelines import find_dateline
from kg.articles.sentences import split_sentences
from kg.articles.sources import SIDECAR_SUFFIX

#: Site-navigation lines dropped when they stand alone before the title (compared case-insensitively).
NAV_LINES = frozenset(
    (
        "all news", "home", "menu", "main menu", "share", "share this article", "share on facebook",
        "share on twitter", "email", "print", "news", "latest", "latest news", "more news", "top stories",
        "back", "subscribe", "search", "skip to content", "skip to main content", "advertisement",
        "close", "log in", "sign in", "follow us", "comments",
    )
)  # fmt: skip
MAX_TITLE_CHARS = 250
DATELINE_WINDOW = 4  # lines after the title searched for a dateline
MAX_SIDECAR_BYTES = 1024 * 1024

_BREADCRUMB = re.compile(r"^[\w .'’-]{1,40}(?:\s+[>›»/|]\s+[\w .'’-]{1,40})+$")
_FRONT_MATTER = {
    "---": ("yaml", re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)),
    "+++": ("toml", re.compile(r"^\+\+\+[ \t]*$", re.M)),
}


def is_navigation(line: str) -> bool:
    """True for a stand-alone site-navigation line such as ``All news`` or ``Home > World``.

    Example:
        >>> is_navigation("All news"), is_navigation("Home › Middle East"), is_navigation("Hamas wins")
        (True, True, False)
    """
    word = line.strip().strip("•·|>›»<‹«-–— ").casefold()
    return word in NAV_LINES or bool(_BREADCRUMB.match(line.strip()))


def split_front_matter(text: str) -> tuple[dict[str, Any], int, list[str]]:
    """``(metadata, offset where the article starts, warnings)`` for YAML/TOML front matter.

    Example:
        >>> split_front_matter("---\\ntitle: T\\npublished: 2020-03-12\\n---\\nBody")
        ({'title': 'T', 'published': datetime.date(2020, 3, 12)}, 38, [])
        >>> split_front_matter("+++\\ntitle = 'T'\\n+++\\nBody")[:2]
        ({'title': 'T'}, 19)
    """
    fence = text[:3]
    if fence not in _FRONT_MATTER or text[3:4] != "\n":
        return {}, 0, []
    kind, closing = _FRONT_MATTER[fence]
    end = closing.search(text, 4)
    if not end:
        return {}, 0, [f"unclosed {kind.upper()} front matter (read as text)"]
    raw = text[4 : end.start()]
    try:
        meta = yaml.safe_load(raw) if kind == "yaml" else tomllib.loads(raw)
    except (yaml.YAMLError, tomllib.TOMLDecodeError, ValueError, RecursionError) as e:
        first = str(e).strip().split("\n")[0]
        return {}, end.end(), [f"invalid {kind.upper()} front matter ignored: {first}"]
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        return {}, end.end(), [f"{kind.upper()} front matter is not a mapping (ignored)"]
    return meta, end.end(), []


def sidecar_for(path: Path) -> Path | None:
    """The ``NAME.meta.json`` (or ``NAME.ext.meta.json``) beside ``path``, if there is one."""
    for candidate in (path.with_name(path.stem + SIDECAR_SUFFIX), path.with_name(path.name + SIDECAR_SUFFIX)):
        if candidate.is_file():
            return candidate
    return None


def read_sidecar(path: Path) -> tuple[dict[str, Any], list[str]]:
    """``(metadata, warnings)`` from the sidecar of ``path``; a bad sidecar is a warning, not a failure."""
    sidecar = sidecar_for(path)
    if sidecar is None:
        return {}, []
    try:
        if sidecar.stat().st_size > MAX_SIDECAR_BYTES:
            return {}, [f"sidecar {sidecar.name} ignored: larger than {MAX_SIDECAR_BYTES:,} bytes"]
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        return {}, [f"sidecar {sidecar.name} ignored: {e}"]
    if not isinstance(meta, dict):
        return {}, [f"sidecar {sidecar.name} ignored: not a JSON object"]
    return meta, []


def _lines(text: str, start: int) -> list[tuple[int, int]]:
    """``(start, end)`` of each non-blank line from ``start``, without surrounding whitespace."""
    spans = []
    for m in re.finditer(r"[^\n]+", text[start:]):
        s, e = m.start() + start, m.end() + start
        stripped = text[s:e].strip()
        if stripped:
            s += len(text[s:e]) - len(text[s:e].lstrip())
            spans.append((s, s + len(stripped)))
    return spans


def _looks_like_title(line: str) -> bool:
    return len(line) <= MAX_TITLE_CHARS and len(split_sentences(line)) == 1 and not line.endswith((",", ";"))


def _dateline_line(text: str, lines: list[tuple[int, int]], i: int) -> int | None:
    """Index of the first of ``lines[i:]`` (within the window) that opens with a dateline."""
    for j in range(i, min(i + DATELINE_WINDOW + 1, len(lines))):
        if find_dateline(text, lines[j][0]):
            return j
    return None


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def parse_text(text: str, source: str, *, meta: Mapping[str, Any] | None = None, path: Path | None = None) -> Draft:
    """A ``Draft`` from plain text. ``meta`` (raw metadata) and ``path``'s sidecar override front matter.

    Example:
        >>> d = parse_text("---\\ntitle: Deal\\n---\\nDeal\\n\\nGAZA, Oct. 12, 2017 (AP) - Signed.", "a.md")
        >>> d.title, d.body
        ('Deal', 'GAZA, Oct. 12, 2017 (AP) - Signed.')
    """
    front, pos, warnings = split_front_matter(text)
    metadata = pick_metadata(front)
    if path is not None:
        side, side_warnings = read_sidecar(path)
        metadata.update(pick_metadata(side))
        warnings += side_warnings
    if meta:
        metadata.update(pick_metadata(meta))
    lines = _lines(text, pos)
    i = 0
    while i < len(lines) and i < 5 and is_navigation(text[slice(*lines[i])]):
        i += 1
    title = metadata.get("title")
    if i < len(lines) and find_dateline(text, lines[i][0]) is None:
        first = text[slice(*lines[i])]
        if title and _same(first, title):
            i += 1
        elif _looks_like_title(first):
            # With a title from metadata, an in-text headline is still dropped when a dateline follows
            # it (a headline worded differently from the metadata's), but not otherwise (it may be body).
            if not title:
                title = first
                i += 1
            elif _dateline_line(text, lines, i + 1) is not None:
                i += 1
    lede = None
    body_start = lines[i][0] if i < len(lines) else len(text)
    j = _dateline_line(text, lines, i)
    if j is not None:
        if j > i:
            lede = text[lines[i][0] : lines[j - 1][1]]
        body_start = lines[j][0]
    draft = Draft(source=source, body=text[body_start:], title=title, lede=lede, warnings=warnings)
    draft.update({k: v for k, v in metadata.items() if k != "title"})
    return draft
