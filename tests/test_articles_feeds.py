"""RSS and Atom feeds: one article per entry, full text from content when present, entry dates."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from kg.articles import ReadReport, read_article_file
from kg.errors import InputError

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
RSS = FIXTURES / "feed.rss"


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_rss_entries():
    report = ReadReport()
    first, second = read_article_file(RSS, report=report)
    assert report.problems == [(f"{RSS}#3", "entry has no text (no content and no summary)")]
    # full text from content:encoded, not the one-line description; the script is gone
    assert first.body == (
        "CAIRO, Feb. 1, 2021 (Example) - Egypt invited Palestinian factions to talks in Cairo next week, "
        "officials said on Monday.\n\nThe talks are to prepare for elections later in the year."
    )
    assert (first.title, first.author, first.publisher) == (
        "Egypt invites factions to Cairo",
        "Sam Lee",
        "Example Wire: Middle East",
    )
    assert first.url == "https://wire.example.org/2021/02/01/cairo-invitation"
    # 23:45 at +02:00 is still 1 February where it was written (21:45 UTC, same day here; local date kept)
    assert (first.published, first.date_method) == ("2021-02-01", "metadata")
    assert first.source == f"{RSS}#1"
    # summary only (escaped HTML)
    assert second.body == "The factions agreed in Cairo to set up an election court."
    assert second.published == "2021-02-09"


def test_atom_entry_uses_content_and_published():
    (a,) = read_article_file(FIXTURES / "feed.atom")
    assert a.title == "Algiers declaration signed"
    assert a.body.startswith("ALGIERS, Oct. 13, 2022 (Example) - Fourteen Palestinian factions")
    assert (a.published, a.author, a.publisher) == ("2022-10-13", "Nora Haddad", "Example Atom News")
    assert (a.dateline.place, a.dateline.date_text) == ("Algiers", "Oct. 13, 2022")
    assert a.url == "https://atom.example.org/2022/10/13/algiers" and a.id.startswith("u")


def test_feed_ids_stable_under_tracking_parameters(tmp_path):
    data = RSS.read_bytes().replace(b"?utm_medium=rss", b"")
    path = tmp_path / "clean.rss"
    path.write_bytes(data)
    a1 = read_article_file(RSS, report=ReadReport())[0]
    a2 = read_article_file(path, report=ReadReport())[0]
    assert a1.id == a2.id


def test_xml_that_is_not_a_feed(tmp_path):
    path = tmp_path / "data.xml"
    path.write_text('<?xml version="1.0"?><catalog><book>x</book></catalog>', encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_article_file(path)
    assert str(info.value) == f"{path}: unsupported format: XML that is not an RSS or Atom feed"


def test_feed_with_no_entries(tmp_path):
    path = tmp_path / "empty.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>', encoding="utf-8"
    )
    with pytest.raises(InputError) as info:
        read_article_file(path)
    assert str(info.value) == f"{path}: feed has no entries"


def test_external_entity_is_not_loaded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    path = tmp_path / "xxe.rss"
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<rss version="2.0"><channel><title>T</title><item><title>I</title>'
        "<description>Text &x; here.</description></item></channel></rss>",
        encoding="utf-8",
    )
    articles = read_article_file(path, report=ReadReport())
    assert [a.body for a in articles] == ["Text here."]
