"""Bad input: a clear ``path: reason`` for each case, nothing else lost, no traceback out of read_articles."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from kg.articles import ReadReport, read_article_file, read_articles
from kg.articles.sources import read_stdin
from kg.errors import InputError

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
GOOD = "Talks resume\n\nCAIRO, Oct. 3, 2017 (AP) -- Delegations met again in Cairo.\n"
FIFTY_MB = 50 * 1024 * 1024
EXPECTED_SUFFIXES = (
    ".atom, .htm, .html, .json, .jsonl, .markdown, .md, .ndjson, .rss, .shtml, .text, .txt, .xhtml, .xml"
)


def reason_for(path: Path, **kwargs) -> str:
    with pytest.raises(InputError) as info:
        read_article_file(path, **kwargs)
    message = str(info.value)
    assert message.startswith(f"{path}: ")
    return message[len(f"{path}: ") :]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b" \n\n\t \n", "empty file (only whitespace)"),
        ("nul.txt", b"Title\n\nBody\x00\x00 text", "binary file (contains NUL bytes)"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "unsupported format: PNG image"),
        ("doc.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "unsupported format: PDF document"),
        ("control.txt", bytes(range(1, 9)) * 200, "binary file (control characters, not text)"),
        ("table.csv", b"title,body\nA,B\n", f"unsupported format '.csv' (expected one of {EXPECTED_SUFFIXES})"),
        ("only-title.txt", b"Just a headline\n", "no body text"),
        ("utf16-bad.txt", b"\xff\xfeT\x00\x00\xd8", "undecodable bytes in a utf-16 file"),
    ],
)
def test_bad_file_reason(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    assert reason_for(path) == reason


def test_missing_file_and_directory_as_file(tmp_path):
    assert reason_for(tmp_path / "nope.txt") == "cannot read: No such file or directory"
    assert reason_for(tmp_path) == "not a regular file"


def test_large_file_is_refused_by_its_size_without_being_read(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    with path.open("wb") as f:  # sparse: 50 MB on paper, nothing on disk
        f.truncate(FIFTY_MB)
    opened = []
    real_open = Path.open
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: opened.append(self) or real_open(self, *a, **k))
    assert reason_for(path) == "file too large: 52,428,800 bytes (limit 20,971,520)"
    assert opened == []


def test_size_limit_is_configurable(tmp_path):
    path = tmp_path / "small.txt"
    path.write_text(GOOD, encoding="utf-8")
    assert reason_for(path, max_bytes=20) == f"file too large: {len(GOOD):,} bytes (limit 20)"
    report = ReadReport()
    assert list(read_articles([path], report=report, max_bytes=20)) == []
    assert report.problems == [(str(path), f"file too large: {len(GOOD):,} bytes (limit 20)")]


def test_stdin_too_large():
    with pytest.raises(InputError) as info:
        read_stdin(10, io.BytesIO(b"x" * 11))
    assert str(info.value) == "<stdin>: input too large: more than 10 bytes"


def test_not_utf8_is_decoded_with_a_warning(tmp_path):
    path = tmp_path / "latin.txt"
    text = (
        "Réunion à Genève\n\nGENEVA, Oct. 3, 2017 (AP) -- "
        "Les délégués ont signé l’accord à Genève après une longue journée."
    )
    path.write_bytes(text.encode("cp1252"))
    (a,) = read_article_file(path)
    assert a.title == "Réunion à Genève"
    assert "Les délégués ont signé l’accord" in a.body
    assert a.warnings[0].startswith("not valid UTF-8; decoded as ")
    assert a.warnings[0].endswith(" (detected)")


def test_missing_title_and_date_are_warnings(tmp_path):
    path = tmp_path / "untitled.txt"
    path.write_text("CAIRO (AP) -- Delegations met again in Cairo on Sunday.", encoding="utf-8")
    (a,) = read_article_file(path)
    assert (a.title, a.published) == (None, None)
    assert a.warnings == ["no title found", "no published date found"]


def test_directory_with_everything_wrong_still_reads_the_good(tmp_path):
    (tmp_path / "a-good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b-empty.txt").write_bytes(b"")
    (tmp_path / "c-binary.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "d-notes.csv").write_text("a,b\n", encoding="utf-8")
    with (tmp_path / "e-big.txt").open("wb") as f:
        f.truncate(FIFTY_MB)
    (tmp_path / "f-lines.jsonl").write_text(
        '{"title": "Fine", "body": "A fine record about talks in Doha."}\n{"title": "broken"\n', encoding="utf-8"
    )
    (tmp_path / "g-truncated.html").write_bytes((FIXTURES / "truncated.html").read_bytes())
    (tmp_path / ".hidden.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "a-good.meta.json").write_text('{"publisher": "Sidecar"}', encoding="utf-8")
    report = ReadReport()
    articles = list(read_articles([tmp_path], report=report))
    assert [Path(a.source).name for a in articles] == ["a-good.txt", "f-lines.jsonl:1", "g-truncated.html"]
    assert articles[0].publisher == "Sidecar"
    assert [(Path(p).name, r) for p, r in report.problems] == [
        ("b-empty.txt", "empty file"),
        ("c-binary.txt", "binary file (contains NUL bytes)"),
        ("e-big.txt", "file too large: 52,428,800 bytes (limit 20,971,520)"),
        ("f-lines.jsonl:2", "invalid JSON: Expecting ',' delimiter (column 19)"),
    ]
    assert [(Path(p).name, r) for p, r in report.warnings] == [
        ("d-notes.csv", "ignored: unsupported extension '.csv'"),
        ("f-lines.jsonl:1", "no published date found"),
        ("g-truncated.html", "HTML looks truncated (no closing </html> tag); read what is there"),
    ]
    assert (report.read, report.skipped) == (3, 4)
    assert report.summary().splitlines()[0] == "read 3 articles, skipped 4 inputs, 0 duplicates, 3 warnings"


def test_missing_paths_and_empty_patterns(tmp_path):
    report = ReadReport()
    assert list(read_articles([tmp_path / "nope.txt", str(tmp_path / "*.none")], report=report)) == []
    assert report.problems == [
        (str(tmp_path / "nope.txt"), "no such file or directory"),
        (str(tmp_path / "*.none"), "no files match this pattern"),
    ]


def test_glob_pattern(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "y.md").write_text(GOOD.replace("Cairo", "Doha"), encoding="utf-8")
    (tmp_path / "y.meta.json").write_text('{"publisher": "P"}', encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("id,sha256\n", encoding="utf-8")
    (tmp_path / "z.pdf").write_bytes(b"%PDF-1.4")
    assert [Path(a.source).name for a in read_articles([str(tmp_path / "**" / "*.txt")])] == ["x.txt"]
    report = ReadReport()
    articles = list(read_articles([str(tmp_path / "*")], report=report))
    assert [(Path(a.source).name, a.publisher) for a in articles] == [("x.txt", "AP"), ("y.md", "P")]
    assert report.warnings == [(str(tmp_path / "z.pdf"), "ignored: unsupported extension '.pdf'")]
    assert report.problems == []


def test_an_unexpected_error_is_a_problem_not_a_traceback(tmp_path, monkeypatch):
    import kg.articles.reader as reader

    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(reader, "parse_text", boom)
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"title": "T", "body": "Still read."}\n', encoding="utf-8")
    report = ReadReport()
    articles = list(read_articles([tmp_path], report=report))
    assert [a.body for a in articles] == ["Still read."]
    assert report.problems == [(str(tmp_path / "a.txt"), "unexpected error: RuntimeError: boom")]


def test_stdin_text(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GOOD.encode())))
    (a,) = read_articles(["-"])
    assert (a.source, a.title, a.published) == ("<stdin>", "Talks resume", "2017-10-03")
