"""JSON and JSON Lines records: field aliases, lists, HTML bodies, bad lines reported and good lines kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.articles import ReadReport, read_article_file, read_articles
from kg.errors import InputError

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
JSONL = FIXTURES / "articles.jsonl"


def test_jsonl_good_lines_kept_bad_lines_reported():
    report = ReadReport()
    articles = read_article_file(JSONL, report=report)
    assert [a.source for a in articles] == [f"{JSONL}:1", f"{JSONL}:3", f"{JSONL}:7"]
    assert report.problems == [
        (f"{JSONL}:2", "invalid JSON: Unterminated string starting at (column 36)"),
        (f"{JSONL}:4", "record is a JSON list, not an object"),
        (f"{JSONL}:5", "record has no body text (expected one of: body, text, content, articleBody)"),
    ]
    assert report.skipped == 3


def test_jsonl_without_report_is_strict():
    with pytest.raises(InputError) as info:
        read_article_file(JSONL)
    assert (
        str(info.value) == f"{JSONL}:2: invalid JSON: Unterminated string starting at (column 36) (and 2 more problems)"
    )


def test_jsonl_fields():
    first, second, third = read_article_file(JSONL, report=ReadReport())
    assert (first.title, first.url, first.published, first.date_method) == (
        "Abbas and Haniyeh speak by phone",
        "https://example.org/a/1",
        "2021-01-14",
        "dateline",
    )
    assert (second.published, second.date_method, second.dateline.place) == ("2021-01-15", "metadata", "Gaza City")
    assert third.body == "The planned vote was postponed.\n\nOfficials cited the situation in Jerusalem."
    assert (third.publisher, third.author) == ("Example Wire", "A. Writer, B. Reporter")
    assert [s.text for s in third.sentences] == [
        "The planned vote was postponed.",
        "Officials cited the situation in Jerusalem.",
    ]


def test_json_object_with_articles_list():
    first, second = read_article_file(FIXTURES / "articles.json")
    assert first.source.endswith("articles.json#1") and second.source.endswith("articles.json#2")
    assert first.url == "http://example.org/istanbul"  # tracking parameter dropped
    assert (first.published, first.dateline.place, first.dateline.agency) == ("2020-09-24", "Istanbul", "Example")
    assert (second.published, second.dateline.place, second.dateline.date_text) == ("2020-09-03", "Beirut", None)


def test_single_json_record(tmp_path):
    path = tmp_path / "one.json"
    path.write_text('{"headline": "H", "articleBody": "Body text here.", "inLanguage": "ar"}', encoding="utf-8")
    (a,) = read_article_file(path)
    assert (a.title, a.body, a.language, a.source) == ("H", "Body text here.", "ar", str(path))


def test_invalid_json_file(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"title": "T",\n "body": }', encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_article_file(path)
    assert str(info.value) == f"{path}:2: invalid JSON: Expecting value (column 10)"


def test_deeply_nested_json_is_an_input_error(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_article_file(path)
    assert str(info.value) == f"{path}: invalid JSON: nested too deeply"


def test_jsonl_detected_from_content_on_stdin(monkeypatch):
    import io
    import sys

    data = b'{"title": "A", "body": "First."}\n{"title": "B", "body": "Second."}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    articles = list(read_articles(["-"]))
    assert [(a.title, a.source) for a in articles] == [("A", "<stdin>:1"), ("B", "<stdin>:2")]
