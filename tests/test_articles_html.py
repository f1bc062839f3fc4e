"""HTML pages: main text without menus/ads/scripts, metadata from the page, no network, truncated pages."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from kg.articles import read_article_file
from kg.articles.html import html_to_text, page_metadata
from kg.articles.identity import article_id

FIXTURES = Path(__file__).parent / "fixtures" / "articles"


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection or resolve a name fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.fixture
def page(no_network):
    (article,) = read_article_file(FIXTURES / "page.html")
    return article


def test_main_text_only(page):
    assert page.body.split("\n\n")[0].startswith("CAIRO, Oct. 12, 2017 (Example) - Hamas and Fatah reached")
    assert page.body.endswith("according to a statement from both movements.")
    assert len(page.body.split("\n\n")) == 4
    for junk in ("Subscribe", "Advertisement", "cheap flights", "trackPage", "injected", "Most read", "Copyright"):
        assert junk not in page.body


def test_metadata(page):
    assert page.title == "Hamas and Fatah agree on Gaza handover"
    assert page.url == "https://www.example.com/middle-east/2017/10/13/gaza-handover"
    assert page.id == article_id("https://example.com/middle-east/2017/10/13/gaza-handover", None, "")
    assert (page.author, page.publisher, page.language) == ("Lena Park", "Example Times", "en")
    assert page.lede == "The deal ends a decade-long split."


def test_published_time_keeps_the_local_date(page):
    # 2017-10-13T01:30+03:00 is still the 12th in UTC; the page's own date is the 13th
    assert (page.published, page.date_method) == ("2017-10-13", "metadata")
    assert page.warnings == ["metadata date 2017-10-13 differs from dateline date Oct. 12, 2017"]


def test_dateline_and_sentences_in_html_body(page):
    assert (page.dateline.place, page.dateline.agency) == ("Cairo", "Example")
    assert [s.text for s in page.sentences][2:4] == [
        '"This is the beginning of the end of the division," one of the negotiators said after the signing.',
        "Dr. Ahmad thanked the Egyptian hosts.",
    ]
    assert all(page.body[s.start : s.end] == s.text for s in page.sentences)


def test_json_ld_date_without_meta_tags(no_network, tmp_path):
    path = tmp_path / "ld.html"
    path.write_text(
        '<html><head><title>Talks</title><script type="application/ld+json">'
        '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Talks in Doha",'
        ' "datePublished": "2012-02-06T10:00:00+03:00", "url": "https://ex.org/doha"}</script></head>'
        "<body><article><p>Leaders of the two movements signed a declaration in Doha on Monday, agreeing on "
        "an interim government.</p></article></body></html>",
        encoding="utf-8",
    )
    (a,) = read_article_file(path)
    assert (a.title, a.published, a.url) == ("Talks in Doha", "2012-02-06", "https://ex.org/doha")


def test_truncated_html_is_read_with_a_warning(no_network):
    (a,) = read_article_file(FIXTURES / "truncated.html")
    assert a.title == "Ceasefire talks continue"
    assert a.body.endswith("planned later in the week in Cairo with")
    assert a.warnings == ["HTML looks truncated (no closing </html> tag); read what is there"]


def test_html_without_text(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body><nav>Home</nav></body></html>", encoding="utf-8")
    with pytest.raises(Exception) as info:
        read_article_file(path)
    assert str(info.value) == f"{path}: no article text found in HTML"


def test_html_sidecar_overrides_page_metadata(no_network, tmp_path):
    path = tmp_path / "p.html"
    path.write_bytes((FIXTURES / "page.html").read_bytes())
    (tmp_path / "p.meta.json").write_text('{"published": "2017-10-12", "publisher": "Curated"}', encoding="utf-8")
    (a,) = read_article_file(path)
    assert (a.published, a.publisher, a.warnings) == ("2017-10-12", "Curated", [])


def test_page_metadata_reads_graph_json_ld_without_fetching(no_network):
    import lxml.html

    tree = lxml.html.document_fromstring(
        '<html lang="ar"><head><script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
        '[{"@type": ["NewsArticle"], "headline": "H", "datePublished": "2020-01-02", '
        '"author": {"name": "A"}, "mainEntityOfPage": {"@id": "https://ex.org/h"}}]}</script></head></html>'
    )
    assert page_metadata(tree) == {
        "title": "H",
        "url": "https://ex.org/h",
        "published": "2020-01-02",
        "author": "A",
        "language": "ar",
    }


def test_html_to_text():
    assert html_to_text("<div>One<br/>two</div><ul><li>a</li><li>b</li></ul>") == "One\n\ntwo\n\na\n\nb"
