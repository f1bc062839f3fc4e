"""Time normalisation: absolute, partial and relative expressions (published 2020-03-12, a Thursday)."""

from __future__ import annotations

import pytest

from kg.extract.timex import find_times

PUB = "2020-03-12"


@pytest.mark.parametrize(
    ("text", "surface", "precision", "earliest", "latest"),
    [
        ("signed on October 12, 2017 in Cairo", "October 12, 2017", "day", "2017-10-12", "2017-10-12"),
        ("signed on 12 October 2017", "12 October 2017", "day", "2017-10-12", "2017-10-12"),
        ("signed on 2017-10-12", "2017-10-12", "day", "2017-10-12", "2017-10-12"),
        ("met on Oct. 12", "Oct. 12", "day", "2019-10-12", "2019-10-12"),  # would be 7 months ahead: last year
        ("met on March 2", "March 2", "day", "2020-03-02", "2020-03-02"),
        ("in the autumn of 2017", "the autumn of 2017", "season", "2017-09-01", "2017-11-30"),
        ("the spring 2014 agreement", "the spring 2014", "season", "2014-03-01", "2014-05-31"),
        ("in summer 2019", "summer 2019", "season", "2019-06-01", "2019-08-31"),
        ("in the winter of 2016", "the winter of 2016", "season", "2016-12-01", "2017-02-28"),
        ("in early 2018", "early 2018", "season", "2018-01-01", "2018-04-30"),
        ("in late 2018", "late 2018", "season", "2018-09-01", "2018-12-31"),
        ("in 2006", "2006", "year", "2006-01-01", "2006-12-31"),
        ("in February 2019", "February 2019", "month", "2019-02-01", "2019-02-28"),
        ("in February", "February", "month", "2020-02-01", "2020-02-29"),
        ("in December", "December", "month", "2019-12-01", "2019-12-31"),
        ("since February", "since February", "month", "2020-02-01", "2020-03-12"),
        ("since 2007", "since 2007", "year", "2007-01-01", "2020-03-12"),
        ("said on Thursday", "Thursday", "day", "2020-03-12", "2020-03-12"),
        ("met on Monday", "Monday", "day", "2020-03-09", "2020-03-09"),
        ("met last Thursday", "last Thursday", "day", "2020-03-05", "2020-03-05"),
        ("will meet next Monday", "next Monday", "day", "2020-03-16", "2020-03-16"),
        ("met yesterday", "yesterday", "day", "2020-03-11", "2020-03-11"),
        ("last month", "last month", "month", "2020-02-01", "2020-02-29"),
        ("next week", "next week", "day", "2020-03-16", "2020-03-22"),
        ("earlier this year", "earlier this year", "month", "2020-01-01", "2020-03-12"),
        ("last year", "last year", "year", "2019-01-01", "2019-12-31"),
        ("two days ago", "two days ago", "day", "2020-03-10", "2020-03-10"),
        ("to meet within five weeks", "within five weeks", "day", "2020-03-12", "2020-04-16"),
        ("elections within six months", "within six months", "day", "2020-03-12", "2020-09-12"),
        ("mediated truces this spring", "this spring", "season", "2020-03-01", "2020-05-31"),
        ("talks last summer", "last summer", "season", "2019-06-01", "2019-08-31"),
        ("talks last winter", "last winter", "season", "2019-12-01", "2020-02-29"),
        ("a vote next autumn", "next autumn", "season", "2020-09-01", "2020-11-30"),
        # a coming date (will, due, scheduled for, calling … on) is the next occurrence, not the last one
        ("a decree calling elections on May 22", "May 22", "day", "2020-05-22", "2020-05-22"),
        ("elections scheduled for Jan. 20", "Jan. 20", "day", "2021-01-20", "2021-01-20"),
        ("they will meet on March 10", "March 10", "day", "2020-03-10", "2020-03-10"),
        ("the committee it set up in September", "September", "month", "2019-09-01", "2019-09-30"),
    ],
)
def test_time_table(text: str, surface: str, precision: str, earliest: str, latest: str) -> None:
    found = find_times(text, PUB)
    assert len(found) == 1
    spec = found[0].spec
    assert (spec.text, spec.precision, spec.earliest, spec.latest) == (surface, precision, earliest, latest)
    assert text[found[0].start:found[0].end] == surface


@pytest.mark.parametrize("text", ["2,000 people", "within reach", "with two sides", "this springboard",
                                  "a 2007% rise", "they may meet", "Resolution 2334/2016",
                                  "the fall of the government", "Hamas"])
def test_not_times(text: str) -> None:
    assert find_times(text, PUB) == []


def test_relative_expressions_need_a_publication_date() -> None:
    assert [m.spec.text for m in find_times("on Thursday, in 2006 and last month", None)] == ["2006"]


def test_offsets_are_shifted() -> None:
    (m,) = find_times("in 2014", PUB, offset=100)
    assert (m.start, m.end) == (103, 107)


@pytest.mark.parametrize("text", [
    "the talks of the factions in the end of 2018 and in March, of April 2012, by June, since May 2020",
    "a year ago, an election, one week ago, two days ago, a few months ago, the 2006 vote, the Early 2019 polls",
    "In March the summer of 2017 began; in Cairo on Thursday, in the autumn, until July",
])
def test_start_word_filter_finds_what_a_full_scan_finds(text: str) -> None:
    """Function words ("the", "in", "a" …) are tried only before words that can follow them: same matches
    as scanning with the whole regex at every position, with or without precomputed tokens."""
    from kg.extract.text import tokenize
    from kg.extract.timex import _TIME_RE, _candidates

    full = [(m.start(), m.end()) for m in _TIME_RE.finditer(text)]
    assert full  # the examples do contain time expressions
    assert [(m.start(), m.end()) for m in _candidates(text)] == full
    assert [(m.start(), m.end()) for m in _candidates(text, tokenize(text))] == full
