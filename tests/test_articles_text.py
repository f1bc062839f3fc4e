"""Plain-text articles: the seed (title, lede, dateline, inferred date), datelines, front matter, sidecars."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.articles import read_article_file, read_text, split_sentences
from kg.articles.datelines import find_dateline
from kg.articles.dates import infer_year, month_number, parse_metadata_date, parse_month_day, resolve_published

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
SEED = Path(__file__).parents[1] / "data/articles/tass-2020-03-12.txt"
if not SEED.exists():
    SEED = Path(__file__).parents[2] / "shared/seed/tass-2020-03-12.txt"


@pytest.fixture(scope="module")
def seed():
    (article,) = read_article_file(SEED)
    return article


def test_seed_title_lede_and_dateline(seed):
    assert seed.title == "Russia hopes another intra-Palestinian meeting be organized in Moscow, says diplomat"
    assert seed.lede == (
        "The Russian Foreign Ministry spokeswoman noted that some journalists tended to decontextualize "
        "Russia’s contacts with representatives of the Palestinian movements rather than have a general "
        "view of them"
    )
    assert (seed.dateline.place, seed.dateline.date_text, seed.dateline.agency) == ("Moscow", "March 12", "TASS")
    assert seed.body[seed.dateline.start : seed.dateline.end] == "MOSCOW, March 12. /TASS/."


def test_seed_date_is_inferred_from_weekday_and_latest_year(seed):
    assert (seed.published, seed.date_method, seed.date_precision) == ("2020-03-12", "inferred", "day")
    assert seed.warnings == []


def test_seed_body_is_the_stored_text_from_the_dateline_on(seed):
    raw = SEED.read_text(encoding="utf-8")
    assert seed.body == raw[raw.index("MOSCOW, March 12.") :].strip()
    assert "All news" not in seed.body
    assert seed.publisher == "TASS"


def test_seed_sentences_slice_back_and_split_where_they_should(seed):
    assert all(seed.body[s.start : s.end] == s.text for s in seed.sentences)
    assert [s.index for s in seed.sentences] == list(range(len(seed.sentences)))
    assert len(seed.sentences) == 16
    assert seed.sentences[0].text.startswith("Russia’s foreign ministry is in close contact")
    assert seed.sentences[0].text.endswith("Maria Zakharova said on Thursday.")
    assert seed.sentences[1].text.endswith('since February," she said.')
    assert seed.sentences[-1].text == (
        "The government however failed to do what it was supposed to because of never-stopping "
        "disagreements between the two movements."
    )


def test_seed_reads_the_same_twice(seed):
    (again,) = read_article_file(SEED)
    assert again.id == seed.id and again.content_hash == seed.content_hash
    assert seed.id.startswith("t") and len(seed.id) == 17


@pytest.mark.parametrize(
    ("line", "place", "date_text", "agency", "dateline"),
    [
        ("MOSCOW, March 12. /TASS/. Russia said", "Moscow", "March 12", "TASS", "MOSCOW, March 12. /TASS/."),
        (
            "GAZA, Oct. 12, 2017 (Reuters) - Hamas",
            "Gaza",
            "Oct. 12, 2017",
            "Reuters",
            "GAZA, Oct. 12, 2017 (Reuters) -",
        ),
        ("RAMALLAH, West Bank (AP) -- The", "Ramallah", None, "AP", "RAMALLAH, West Bank (AP) --"),
        ("GAZA CITY, 12 October 2017 — Rival", "Gaza City", "12 October 2017", None, "GAZA CITY, 12 October 2017 —"),
        ("CAIRO (AP) -- Egyptian", "Cairo", None, "AP", "CAIRO (AP) --"),
        (
            "UNITED NATIONS, Sept. 5 (Xinhua) -- x",
            "United Nations",
            "Sept. 5",
            "Xinhua",
            "UNITED NATIONS, Sept. 5 (Xinhua) --",
        ),
        ("ST. PETERSBURG, June 3. /TASS/. x", "St. Petersburg", "June 3", "TASS", "ST. PETERSBURG, June 3. /TASS/."),
        ("Moscow, March 12 (Interfax) - x", "Moscow", "March 12", "Interfax", "Moscow, March 12 (Interfax) -"),
    ],
)
def test_dateline_patterns(line, place, date_text, agency, dateline):
    d = find_dateline(line)
    assert (d.place, d.date_text, d.agency, line[d.start : d.end]) == (place, date_text, agency, dateline)


@pytest.mark.parametrize("line", ["Hamas said on Thursday it agreed.", "The rival factions (Fatah) - x", "I - said"])
def test_not_a_dateline(line):
    assert find_dateline(line) is None


def test_dateline_with_year_gives_method_dateline():
    (a,) = read_article_file(FIXTURES / "cairo-2017-reuters.txt")
    assert a.title == "Fatah and Hamas sign reconciliation deal in Cairo"  # "Home" dropped
    assert a.lede is None
    assert (a.published, a.date_method, a.dateline.agency) == ("2017-10-12", "dateline", "Reuters")
    assert [s.text for s in a.sentences[2:]] == [
        '"We have agreed on the main points." a Fatah negotiator told reporters.',
        "Mr. Abbas welcomed the step.",
    ]


def test_no_weekday_means_no_date_and_a_warning():
    (a,) = read_article_file(FIXTURES / "no-weekday.txt")
    assert a.published is None and a.date_method is None
    assert a.warnings == ["no year in dateline and no weekday to infer it from"]


def test_weekday_without_any_year_mentioned_is_not_guessed():
    a = read_text("Talks\n\nDOHA, May 3. /TASS/. The movements met on Friday.")
    assert a.published is None
    assert a.warnings == ["no year in dateline and no year mentioned in the text to infer it from"]


def test_infer_year_picks_first_matching_year_from_latest_mentioned():
    assert infer_year(3, 12, "said on Thursday; the 2017 deal") == (2020, None)
    assert infer_year(10, 12, "met on Thursday in 2017") == (2017, None)  # the latest year itself counts
    assert infer_year(2, 29, "on Monday, after 2021") == (2044, None)


def test_no_dateline_no_lede_and_body_after_title():
    (a,) = read_article_file(FIXTURES / "no-dateline.txt")
    assert (a.title, a.lede, a.dateline) == ("Talks resume without a breakthrough", None, None)
    assert a.body == "Delegations from the two movements met again in Cairo. No agreement was announced."
    assert a.warnings == ["no published date found"]


def test_yaml_front_matter_metadata_wins():
    (a,) = read_article_file(FIXTURES / "yaml-front-matter.md")
    assert a.title == "Palestinian factions meet in Moscow"
    assert (a.published, a.date_method, a.date_precision) == ("2019-02-12", "metadata", "day")
    assert a.url == "https://www.example.org/world/2019/02/12/moscow-talks/"
    assert (a.publisher, a.language) == ("Example Wire", "en")
    assert a.body.startswith("MOSCOW, Feb. 11. /TASS/.")
    assert a.warnings == ["metadata date 2019-02-12 differs from dateline date Feb. 11"]
    assert a.id.startswith("u")


def test_toml_front_matter_keeps_the_local_date():
    (a,) = read_article_file(FIXTURES / "toml-front-matter.txt")
    assert (a.title, a.published, a.date_method) == ("Egypt hosts new round of talks", "2018-11-20", "metadata")
    assert a.body.startswith("CAIRO (AP) -- Egyptian mediators")


def test_sidecar_meta_json_wins_and_in_text_headline_is_dropped():
    (a,) = read_article_file(FIXTURES / "with-sidecar.txt")
    assert a.title == "Palestinian unity government sworn in"
    assert a.lede == "The new cabinet took the oath in Ramallah"
    assert (a.url, a.published, a.publisher) == (
        "https://news.example.net/2014/06/02/unity-government",
        "2014-06-02",
        "Example News",
    )


def test_invalid_front_matter_is_a_warning_not_a_failure():
    a = read_text("---\ntitle: [unclosed\n---\nHeadline here\n\nCAIRO (AP) -- Talks began on Sunday.")
    assert a.title == "Headline here"
    assert a.warnings[0].startswith("invalid YAML front matter ignored: ")


def test_read_text_meta_argument():
    a = read_text("Body only text that says nothing more.", meta={"title": "T", "published": "2020-05"})
    assert (a.title, a.published, a.date_precision, a.date_method) == ("T", "2020-05", "month", "metadata")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-03-12T23:30:00-05:00", ("2020-03-12", "day")),
        ("Thu, 12 Mar 2020 23:30:00 -0500", ("2020-03-12", "day")),
        ("March 12, 2020", ("2020-03-12", "day")),
        ("12 March 2020", ("2020-03-12", "day")),
        ("2017-10", ("2017-10", "month")),
        (2014, ("2014", "year")),
        ("2020-02-30", None),
        ("next week", None),
    ],
)
def test_metadata_dates(value, expected):
    assert parse_metadata_date(value) == expected


def test_unreadable_metadata_date_falls_back_to_dateline():
    d = resolve_published("someday", "Oct. 12, 2017", "")
    assert (d.value, d.method, d.warnings) == ("2017-10-12", "dateline", ["unreadable metadata date 'someday'"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Abbas met Dr. Haniyeh in St. Petersburg. They talked.",
            ["Mr. Abbas met Dr. Haniyeh in St. Petersburg.", "They talked."],
        ),
        ("The U.S. envoy left on Oct. 12. Talks ended.", ["The U.S. envoy left on Oct. 12.", "Talks ended."]),
        (
            "Resolution No. 2334 passed, i.e. last year. E.g. this one.",
            ["Resolution No. 2334 passed, i.e. last year.", "E.g. this one."],
        ),
        ('"We agree." she said. "Fine!" He left.', ['"We agree." she said.', '"Fine!"', "He left."]),
        ("John F. Kennedy spoke. Then Jan. 5 came.", ["John F. Kennedy spoke.", "Then Jan. 5 came."]),
        ("A paragraph without a stop\n\nAnother one", ["A paragraph without a stop", "Another one"]),
        ("  Spaces around.   \n\n\n  Here too.  ", ["Spaces around.", "Here too."]),
        ("Why? Because. Really!", ["Why?", "Because.", "Really!"]),
    ],
)
def test_split_sentences(text, expected):
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_month_names_do_not_follow_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """A process whose LC_TIME is German (strftime("%B") → "Oktober") still reads English month names."""
    import datetime

    german = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
              "November", "Dezember")

    class GermanDate(datetime.date):
        def strftime(self, fmt: str) -> str:
            return fmt.replace("%B", german[self.month - 1]) if "%B" in fmt else super().strftime(fmt)

    monkeypatch.setattr(datetime, "date", GermanDate)
    assert datetime.date(2000, 10, 1).strftime("%B") == "Oktober"  # the stand-in locale is in effect
    assert [month_number(w) for w in ("October", "Oct.", "March", "Mar", "Mai", "Oktober")] == [
        10, 10, 3, 3, None, None]
    assert parse_month_day("October 12, 2017") == (2017, 10, 12)
