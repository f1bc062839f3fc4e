"""JSON and JSON Lines articles: one record per article, fields under their common names.

A JSON file holds one record, a list of records, or an object with a list under ``articles``, ``items``,
``entries`` or ``data``. A JSON Lines file holds one record per line; a bad line is a problem
``path:LINE: reason`` and the good lines are still read. Field names are those of
``assemble.FIELD_ALIASES`` (``title``/``headline``, ``body``/``text``/``content``/``articleBody``, …).
A body that is HTML is turned into text.

Example:
    >>> drafts, problems = parse_jsonl('{"title": "T", "body": "B."}\\n{oops\\n', "a.jsonl")
    >>> [d.source for d in drafts], [str(p) for p in problems]
    (['a.jsonl:1'], ['a.jsonl:2: invalid JSON: Expecting property name enclosed in double quotes (column 2)'])
"""

from __future__ import annotations

import json
import re
from typing import Any

from kg.articles.assemble import FIELD_ALIASES, Draft, pick_metadata
from kg.articles.html import html_to_text
from kg.articles.report import ArticleInputError

LIST_KEYS = ("articles", "items", "entries", "data", "records")
_HTML_BODY = re.compile(r"<(?:p|div|br|span|a|b|i|em|strong|h[1-6])\b[^>]*>", re.IGNORECASE)
_BODY_NAMES = ", ".join(FIELD_ALIASES["body"][:4])


def record_to_draft(record: Any, source: str) -> Draft:
    """A ``Draft`` from one JSON record; raises ``ArticleInputError`` when it is not an article.

    Example:
        >>> record_to_draft({"headline": "H", "text": "<p>One</p><p>Two</p>"}, "a.json").body
        'One\\n\\nTwo'
    """
    if not isinstance(record, dict):
        raise ArticleInputError(source, f"record is a JSON {type(record).__name__}, not an object")
    meta = pick_metadata(record)
    body = meta.pop("body", None)
    if not body or not body.strip():
        raise ArticleInputError(source, f"record has no body text (expected one of: {_BODY_NAMES})")
    if _HTML_BODY.search(body):
        body = html_to_text(body)
    draft = Draft(source=source, body=body)
    draft.update(meta)
    return draft


def _invalid(where: str, e: json.JSONDecodeError) -> ArticleInputError:
    return ArticleInputError(where, f"invalid JSON: {e.msg} (column {e.colno})")


def _collect(records: list[Any], source: str) -> tuple[list[Draft], list[ArticleInputError]]:
    drafts, problems = [], []
    for n, record in enumerate(records, 1):
        try:
            drafts.append(record_to_draft(record, f"{source}#{n}" if len(records) > 1 else source))
        except ArticleInputError as e:
            problems.append(e)
    return drafts, problems


def parse_json(text: str, source: str) -> tuple[list[Draft], list[ArticleInputError]]:
    """``(drafts, problems)`` of a JSON file; raises ``ArticleInputError`` when it is not JSON at all.

    Example:
        >>> parse_json('{"articles": [{"title": "A", "body": "x"}, {"title": "B"}]}', "f.json")[1]
        [ArticleInputError('f.json#2: record has no body text (expected one of: body, text, content, articleBody)')]
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise _invalid(f"{source}:{e.lineno}", e) from None
    except RecursionError:
        raise ArticleInputError(source, "invalid JSON: nested too deeply") from None
    if isinstance(data, dict):
        listed = next((data[k] for k in LIST_KEYS if isinstance(data.get(k), list)), None)
        if listed is not None and not any(k in data for k in FIELD_ALIASES["body"]):
            data = listed
    records = data if isinstance(data, list) else [data]
    if not records:
        raise ArticleInputError(source, "no records (an empty JSON list)")
    return _collect(records, source)


def parse_jsonl(text: str, source: str) -> tuple[list[Draft], list[ArticleInputError]]:
    """``(drafts, problems)`` of a JSON Lines file, one record per non-blank line (sources ``path:LINE``)."""
    drafts, problems = [], []
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            drafts.append(record_to_draft(json.loads(line), where))
        except json.JSONDecodeError as e:
            problems.append(_invalid(where, e))
        except RecursionError:
            problems.append(ArticleInputError(where, "invalid JSON: nested too deeply"))
        except ArticleInputError as e:
            problems.append(e)
    return drafts, problems
