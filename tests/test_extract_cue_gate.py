"""``EventFinder.may_match``: skipping a window search is sound (no window match is ever missed)."""

from __future__ import annotations

from kg.articles.model import Article
from kg.extract.cues import PURPOSE_BACK, PURPOSE_HERE
from kg.extract.document import Doc
from kg.extract.events import EventFinder
from kg.extract.lexicon import ReferenceIndex

TEXT = ("Egypt hopes that the meeting will help to end the division. They met in Cairo in order to agree; "
        "it would help reach unity.\n\nIt will\nhelp talks aimed at ending the split so as to hold elections. "
        "This could help, which may help to help.")


def test_may_match_never_hides_a_window_match() -> None:
    finder = EventFinder(Doc.of(Article(id="a", title=None, body=TEXT)), ReferenceIndex(entities={}))
    finder.find_purpose_spans()
    skipped = 0
    for pattern in (PURPOSE_BACK, PURPOSE_HERE):
        for lo in range(len(TEXT)):
            for hi in range(lo + 1, len(TEXT) + 1, 3):
                if not finder.may_match(pattern, lo, hi):
                    skipped += 1
                    assert pattern.search(TEXT, lo, hi) is None, (pattern.pattern, lo, hi)
    assert skipped > 1_000  # the gate does skip windows (3,760 of them here)
