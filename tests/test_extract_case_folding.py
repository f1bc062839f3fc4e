"""Case-folded matching (``kg.extract.text.fold_case``, ``lowered``, ``twin`` and ``Doc.search``): a case-insensitive
pattern finds the same offsets in the body as its case-sensitive twin in the lowered body, and extraction gives
the same records with or without the lowered body."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.articles.model import Article
from kg.articles.reader import read_articles
from kg.extract import RuleExtractor, cues
from kg.extract import document as document_module
from kg.extract.clauses import _CUT, _RELATIVE
from kg.extract.document import Doc
from kg.extract.event_agreements import _AGREEMENT_HEAD, _SIGNED_REF
from kg.extract.events import _ANAPHORIC_FAIL, _FRAME_OF, _IN_PLACE, modality_at
from kg.extract.refs import _GOV_HEAD, _GOVERNMENT_OF, _PAIR_WORDS
from kg.extract.text import fold_case, lowered, twin
from kg.reference import default_reference_paths, load_reference_files

ROOT = Path(__file__).resolve().parents[1]
MIXED = ("HAMAS and Fatah DID NOT meet; Egypt WILL host TALKS in CAIRO, which Qatar Hoped for. The Government "
         "of Prime Minister X, the RIVAL FACTIONS and its cabinet WERE due to meet. Talks Failed To Do So.")
PATTERNS = [cues.MODALITY_ANY, *(p for _, p in cues.MODALITY_CUES), cues.POST_ANY, cues.PURPOSE_BACK,
            cues.PURPOSE_HERE, cues.PAIR_ANAPHOR, cues.GOVERNMENT_ANAPHOR, cues.GOVERNORS, cues.STATUS_ANY, _CUT,
            _RELATIVE, _AGREEMENT_HEAD, _SIGNED_REF, _ANAPHORIC_FAIL, _FRAME_OF, _IN_PLACE, _GOV_HEAD, _GOVERNMENT_OF]


def _bodies() -> list[str]:
    return [a.body or "" for a in read_articles([ROOT / "data" / "articles"])] + [MIXED]


def test_fold_case_guard_holds_for_every_character() -> None:
    """What ``fold_case`` relies on, checked for every code point it lets through."""
    letter = re.compile("[a-z]", re.IGNORECASE)
    for c in map(chr, range(0x110000)):
        if c.isascii():
            low = c.lower()
            assert len(low) == 1 and low.isascii()
            assert bool(re.fullmatch(r"\w", c)) == bool(re.fullmatch(r"\w", low))
            for x in string.ascii_lowercase:
                assert bool(re.fullmatch(x, c, re.IGNORECASE)) == (low == x)
        elif not c.isalnum() and c.lower() == c:  # accepted outside ASCII: no word character, no case
            assert not letter.fullmatch(c) and not re.fullmatch(r"\w", c)
    assert fold_case("İstanbul") is None and fold_case("ſ") is None and fold_case("\u212a") is None
    assert fold_case("Hamas’ “Talks” – now") == "hamas’ “talks” – now"


def test_twins_find_the_same_offsets() -> None:
    for p in PATTERNS:
        assert twin(p) is not None, p.pattern
    found = 0
    for body in _bodies():
        folded = fold_case(body)
        assert folded is not None and len(folded) == len(body)
        for p in PATTERNS:
            low = twin(p)
            assert [m.span() for m in low.finditer(folded)] == [m.span() for m in p.finditer(body)]
            for pos in range(0, len(body), 97):  # windows, as the rules use them
                end = min(len(body), pos + 140)
                a, b = p.search(body, pos, end), low.search(folded, pos, end)
                assert (a and a.span()) == (b and b.span())
                a, b = p.match(body, pos, end), low.match(folded, pos, end)
                assert (a and a.span()) == (b and b.span())
                found += a is not None
    assert found > 0


def test_case_sensitive_patterns_have_no_twin() -> None:
    assert twin(re.compile(r"\b[A-Z]\w+")) is None
    with pytest.raises(ValueError):
        lowered(re.compile(r"\S+", re.IGNORECASE))
    with pytest.raises(ValueError):
        lowered(re.compile(r"(?-i:[A-Z])x", re.IGNORECASE))
    with pytest.raises(ValueError):
        lowered(re.compile(r"[A-z]+", re.IGNORECASE))  # the class holds "[", "_"…: lowered it would not


def test_doc_search_falls_back_without_folded_body() -> None:
    doc = Doc.of(Article(id="a", title=None, body="İlham said the TALKS failed to do so."))
    assert doc.folded is None and doc.may_contain("delegation")
    assert doc.search(_ANAPHORIC_FAIL).span() == _ANAPHORIC_FAIL.search(doc.body).span()
    doc = Doc.of(Article(id="b", title=None, body="The TALKS Failed to do so."))
    assert doc.folded is not None and not doc.may_contain("delegation")
    assert doc.search(_ANAPHORIC_FAIL, 4).span() == _ANAPHORIC_FAIL.search(doc.body, 4).span()
    assert [m.span() for m in doc.finditer(cues.MODALITY_ANY)] == [m.span() for m in
                                                                  cues.MODALITY_ANY.finditer(doc.body)]


def test_modality_on_folded_body_is_the_same() -> None:
    for body in _bodies():
        folded = fold_case(body)
        for pos in range(0, len(body), 7):
            assert modality_at(body, pos, max(0, pos - 90), folded) == modality_at(body, pos, max(0, pos - 90))


def test_extraction_is_the_same_without_folded_body(monkeypatch: pytest.MonkeyPatch) -> None:
    ex = RuleExtractor(load_reference_files(default_reference_paths(ROOT)))
    articles = list(read_articles([ROOT / "data" / "articles"]))
    articles.append(Article(id="mixed", title=None, body=MIXED, published="2020-03-12"))
    fast = [repr(ex.extract(a)) for a in articles]
    monkeypatch.setattr(document_module, "fold_case", lambda text: None)
    assert [repr(ex.extract(a)) for a in articles] == fast


def test_post_words_hold_every_result_phrase() -> None:
    """``POST_WORDS_LOW`` finds a word wherever ``POST_ANY_LOW`` matches (its pre-test drops no match)."""
    phrases = ["was postponed", "had been put off", "were deferred", "has been pushed back", "was rescheduled",
               "have been moved back", "was called off", "were canceled", "was cancelled", "collapsed", "failed",
               "fell through", "broke down", "did not take place", "never took place", "is due to", "were expected to",
               "are scheduled to", "was set to", "is supposed to", "will take place", "will be held", "will begin",
               "will start", "to be held", "is to host", "are also to hold", "is to convene", "is to open",
               "are to take place", "were held", "was completed", "was finished", "was carried out", "took place",
               "ended on", "concluded in", "opened with", "closed without", "wrapped up after"]
    texts = [f"The talks in Cairo {p} Monday." for p in phrases] + [MIXED.lower()] + [b.lower() for b in _bodies()]
    hits = 0
    for text in texts:
        for s in range(len(text)):
            if cues.POST_ANY_LOW.match(text, s, len(text)):
                hits += 1
                assert cues.POST_WORDS_LOW.search(text, s, len(text)), text[s:s + 80]
    assert hits > len(phrases)


def test_word_pretests_drop_no_match() -> None:
    """Where a rule searches a window only if ``Doc.may_contain_in`` finds one of the pattern's words, every match
    of the pattern in a window holds one of them."""
    from kg.extract.event_agreements import _AGREED_THAT, _AGREEMENT_WORDS, _STATUS_WORDS
    from kg.extract.event_links import _DELEGATION_BY, _LED_DELEGATION

    cases = [(cues.STATUS_ANY, _STATUS_WORDS), (_AGREEMENT_HEAD, _AGREEMENT_WORDS), (_AGREED_THAT, ("agreed",)),
             (_ANAPHORIC_FAIL, ("fail",)), (_DELEGATION_BY, ("delegation", "represented")),
             (_LED_DELEGATION, ("delegation", "represented")), (cues.BASIS_CUE, cues.BASIS_WORDS),
             (cues.GOVERNMENT_ANAPHOR, ("government",)), (cues.PAIR_ANAPHOR, _PAIR_WORDS),
             (_GOV_HEAD, ("government", "cabinet"))]
    texts = [*_bodies(), "Talks stalled, then COLLAPSED; the deal was never implemented. They Agreed To meet.",
             "Fatah's delegation was led by X; Hamas was represented by Y. He led his delegation.",
             "In Line With the accord, pursuant to the Memorandum of Understanding, they failed to do so."]
    hits = 0
    for body in texts:
        doc = Doc.of(Article(id="t", title=None, body=body))
        assert doc.folded is not None
        for lo in range(0, len(body), 23):
            for hi in (min(len(body), lo + 60), min(len(body), lo + 200)):
                for pattern, words in cases:
                    if pattern.search(body, lo, hi):
                        hits += 1
                        assert doc.may_contain_in(words, lo, hi), (pattern.pattern, body[lo:hi])
    assert hits > 50


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_post_words_hold_every_generated_result_phrase(data: st.DataObject) -> None:
    """Strings generated from each result-phrase pattern itself (so a cue word added to ``POST_CUES`` and not to
    ``POST_WORDS_LOW`` fails here, whatever the corpus holds)."""
    name, pattern = data.draw(st.sampled_from(cues.POST_CUES_LOW))
    core = re.sub(r"\[\^\.;,?\]\{0,\d+\}\?", "", pattern.pattern)  # the lazy lead-in holds no cue word
    text = data.draw(st.from_regex(core, fullmatch=True).filter(lambda t: t.isascii()))
    assert cues.POST_WORDS_LOW.search(text), (name, text)
