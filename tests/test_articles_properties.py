"""Property tests: readers never crash on arbitrary bytes; sentence offsets always slice back."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.articles import Article, read_article_file, read_text, split_sentences
from kg.articles.dates import WEEKDAYS
from kg.errors import InputError

SUFFIXES = [".txt", ".md", ".html", ".json", ".jsonl", ".xml", ".rss", ""]

# bytes that look a little like our formats, so the parsers get past the first checks
_FRAGMENTS = [
    b"---\n", b"+++\n", b"\n\n", b"MOSCOW, March 12. /TASS/. ", b"<html>", b"<p>", b"</p>", b"<?xml version='1.0'?>",
    b"<rss><channel><item><title>", b"<description>", b"{\"title\": \"", b"\"body\": \"", b"\"}", b"[", b"\xff\xfe",
    b"\xef\xbb\xbf", b"Mr. ", b"on Thursday", b" 2017", b"\x00", b"\xe9", b".", b"\"", b"\n",
]  # fmt: skip
_DATA = st.one_of(
    st.binary(max_size=600),
    st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.binary(max_size=20)), max_size=30).map(b"".join),
)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("arbitrary-bytes")


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=_DATA, suffix=st.sampled_from(SUFFIXES))
def test_arbitrary_bytes_give_articles_or_input_error(workdir, data, suffix):
    path = workdir / f"input{suffix}"
    path.write_bytes(data)
    try:
        articles = read_article_file(path)
    except InputError as e:
        assert str(e).startswith(f"{path}")
        return
    assert all(isinstance(a, Article) for a in articles)
    for a in articles:
        assert all(a.body[s.start : s.end] == s.text for s in a.sentences)


_TOKENS = [*"abcXY Z.!?\"'”’)(\n\t 12", "Mr.", "U.S.", " i.e. ", "\n\n", " \n \n", "\r", "Word"]
_TEXT = st.lists(st.sampled_from(_TOKENS), max_size=80).map("".join) | st.text(max_size=200)


@settings(max_examples=400, deadline=None)
@given(text=_TEXT)
def test_sentence_offsets_always_slice_back(text):
    sentences = split_sentences(text)
    assert [s.index for s in sentences] == list(range(len(sentences)))
    last_end = 0
    for s in sentences:
        assert text[s.start : s.end] == s.text
        assert s.text and s.text == s.text.strip()
        assert s.start >= last_end
        last_end = s.end
        assert not re.search(r"\n[ \t\f\v\r]*\n", s.text)  # a blank line always ends a sentence


@settings(max_examples=100, deadline=None)
@given(day=st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2030, 12, 31)), earlier=st.integers(0, 20))
def test_inferred_date_falls_on_the_weekday_and_not_before_the_latest_year(day, earlier):
    month = day.strftime("%B")
    weekday = WEEKDAYS[day.weekday()]
    latest = day.year - earlier
    a = read_text(f"Headline\n\nCAIRO, {month} {day.day}. /TASS/. Talks ended on {weekday} after the {latest} accord.")
    published = dt.date.fromisoformat(a.published)
    assert a.date_method == "inferred"
    assert published.weekday() == day.weekday() and (published.month, published.day) == (day.month, day.day)
    assert latest <= published.year <= day.year
