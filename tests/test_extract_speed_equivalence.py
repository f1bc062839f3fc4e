"""Speed tricks of the extractor give the same results as the plain computation they replace: the gazetteer's
case table equals the per-entry test; the token-start scans equal scans of the whole body."""

from __future__ import annotations

from pathlib import Path

from kg.articles.model import Article
from kg.articles.reader import read_articles
from kg.extract.document import Doc
from kg.extract.gazetteer import Gazetteer
from kg.extract.text import tokenize
from kg.reference import default_reference_paths, load_reference_files

ROOT = Path(__file__).resolve().parents[1]
EXTRA = "HAMAS and hamas met FATAH in cairo; the Egyptian intelligence chief and egypt's Fateh officials spoke."


def test_gazetteer_case_table_equals_the_per_entry_test() -> None:
    gz = Gazetteer(load_reference_files(default_reference_paths(ROOT)))
    slow = Gazetteer.__new__(Gazetteer)
    slow.__dict__.update(gz.__dict__, by_case={})  # every key through ``_case_ok``
    bodies = [a.body or "" for a in read_articles([ROOT / "data" / "articles"])] + [EXTRA]
    found = 0
    for body in bodies:
        tokens = tokenize(body)
        fast = gz.find(body, tokens)
        assert fast == slow.find(body, tokens)
        found += len(fast)
    assert found > 500


def test_post_change_scans_equal_full_regex_scans() -> None:
    from kg.extract import post_changes as pc

    text = ("Haniyeh succeeded Mashal as leader. Hamas re-elected Haniyeh as head; he had led the movement since "
            "2017 and was elected chairman, then Abbas named Shtayyeh. It has headed the body. They chose Sinwar.")
    bodies = [a.body or "" for a in read_articles([ROOT / "data" / "articles"])] + [text]
    found = 0
    for body in bodies:
        doc = Doc.of(Article(id="a", title=None, body=body))
        for pattern, starts in ((pc._SUBJECT_TAKES, pc._SUBJECT_STARTS), (pc._OBJECT_TAKES, pc._OBJECT_STARTS),
                                (pc._TENURE, pc._TENURE_STARTS)):
            full = [m.span() for m in pattern.finditer(body)]
            assert [m.span() for m in doc.token_matches(pattern, starts)] == full
            found += len(full)
    assert found > 10


def test_token_scans_equal_full_regex_scans() -> None:
    """``Doc.scan`` with the first words of a pattern finds what ``finditer`` over the body finds."""
    from kg.extract import event_context, events, refs
    from kg.extract.cues import GOVERNMENT_ANAPHOR, PAIR_ANAPHOR

    text = ("Both sides met. THE TWO RIVAL FACTIONS said the new government, which aimed at unity, would help to end "
            "it; this would help the talks. The agreement, signed on Monday, was held in order to unite them. "
            "A new government and its cabinet, with the aim of elections, so as to vote. Such a meeting could help.")
    scans = [(PAIR_ANAPHOR, refs._PAIR_STARTS), (GOVERNMENT_ANAPHOR, refs._GOVERNMENT_STARTS),
             (refs._GOV_HEAD, ("government", "cabinet")), (event_context._DATED_ANAPHOR, ("the",)),
             *events._PURPOSE_STARTS.items()]
    bodies = [a.body or "" for a in read_articles([ROOT / "data" / "articles"])] + [text, "İt will help Hamas."]
    found = 0
    for body in bodies:
        doc = Doc.of(Article(id="a", title=None, body=body))
        for pattern, starts in scans:
            full = [m.span() for m in pattern.finditer(body)]
            assert [m.span() for m in doc.scan(pattern, starts)] == full
            found += len(full)
    assert found > 100
