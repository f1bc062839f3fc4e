"""Review 15: the reviewer's sentences, each rule with a positive and a negative test (invented sentences)."""

from __future__ import annotations

import pytest
from extract_helpers import ID, of_type, roles, run

FATAH, HAMAS = ID + "party/fatah", ID + "party/hamas"
GAZA_STRIP = ID + "place/gaza-strip"


# 1. "driven out of Gaza by Hamas": a passive takeover; the party driven out is its target

@pytest.mark.parametrize(("body", "first", "last"), [
    ("Fatah forces were driven out of the Gaza Strip by Hamas in June 2007.", "2007-06-01", "2007-06-30"),
    ("Fatah was driven out of Gaza in 2007 by Hamas.", "2007-01-01", "2007-12-31"),
    ("Fatah was expelled from the strip by Hamas in June 2007.", "2007-06-01", "2007-06-30"),
])
def test_a_party_driven_out_of_gaza_by_hamas_is_a_takeover_with_a_target(body: str, first: str, last: str) -> None:
    (t,) = of_type(run(body, "2016-09-08"), "Takeover", reported=True)
    assert roles(t) == {("agent", HAMAS), ("target", FATAH)}
    assert (t.modality, t.time.earliest, t.time.latest) == ("actual", first, last)
    assert t.territory == (GAZA_STRIP if "Gaza" in body else None)


def test_the_active_wordings_name_the_driven_party_and_the_territory_too() -> None:
    (t,) = of_type(run("Hamas expelled Fatah from Gaza in 2007.", "2016-09-08"), "Takeover", reported=True)
    assert (roles(t), t.territory) == ({("agent", HAMAS), ("target", FATAH)}, GAZA_STRIP)


@pytest.mark.parametrize("body", [
    "Fans were driven out of the stadium by police on Sunday.",
    "Fatah supporters were driven out of the hall by the guards.",
    "Protesters were driven out of Gaza City's main square by police.",
])
def test_others_driven_out_of_other_places_are_no_takeover(body: str) -> None:
    assert of_type(run(body, "2016-09-08"), "Takeover") == []


@pytest.mark.parametrize("body", [
    "Journalists were driven out of Gaza by Hamas in 2007.",  # people driven out: no party, no forces
    "Foreign workers were expelled from the Gaza Strip by Hamas.",
])
def test_a_passive_takeover_needs_a_party_or_forces_driven_out(body: str) -> None:
    assert of_type(run(body, "2016-09-08"), "Takeover") == []


def test_forces_driven_out_with_no_party_named_give_the_agent_only() -> None:
    (t,) = of_type(run("Abbas's forces were driven out of Gaza by Hamas in 2007.", "2016-09-08"), "Takeover",
                   reported=True)
    assert roles(t) == {("agent", HAMAS)} and t.territory == GAZA_STRIP


# 2. Mixed-format day ranges: one end month-first, the other day-first

CAIRO = ID + "place/cairo"


@pytest.mark.parametrize(("body", "text"), [
    ("Fatah and Hamas held talks in Cairo from May 4 to 16 June 2019.", "May 4 to 16 June 2019"),
    ("Fatah and Hamas met in Cairo from 4 May to June 16.", "4 May to June 16"),
    ("Fatah and Hamas met in Cairo from 4 May to June 16, 2019.", "4 May to June 16, 2019"),
])
def test_a_mixed_format_day_range_is_one_time_from_the_first_to_the_last_day(body: str, text: str) -> None:
    (m,) = of_type(run(body, "2019-06-20"), "Meeting", reported=True)
    assert roles(m) == {("participant", FATAH), ("participant", HAMAS)} and m.place == CAIRO
    assert (m.modality, m.time.text, m.time.precision, m.time.earliest, m.time.latest) == (
        "actual", text, "day", "2019-05-04", "2019-06-16")


def test_two_dates_in_two_formats_joined_by_and_and_a_count_stay_what_they_are() -> None:
    found = of_type(run("Fatah and Hamas met in Cairo on May 4 and 16 June.", "2019-06-20"), "Meeting", reported=True)
    assert sorted((m.time.earliest, m.time.latest) for m in found) == [("2019-05-04", "2019-05-04"),
                                                                       ("2019-06-16", "2019-06-16")]
    (m,) = of_type(run("Fatah and Hamas met in Cairo on May 14 and 15 Palestinians were killed in Gaza.",
                       "2019-06-20"), "Meeting", reported=True)
    assert (m.time.text, m.time.earliest, m.time.latest) == ("May 14", "2019-05-14", "2019-05-14")
    (m,) = of_type(run("Fatah and Hamas met in Cairo on May 14, and 16 people were killed in June.", "2019-06-20"),
                   "Meeting", reported=True)
    assert (m.time.earliest, m.time.latest) == ("2019-05-14", "2019-05-14")


# 3. A clause reported or decided by a past verb: its "would" is ahead of the verb's time, not of the report

@pytest.mark.parametrize(("body", "day", "text"), [
    ("On Thursday the court ruled that the local elections scheduled for October 8 would be postponed.",
     "2016-09-08", "Thursday"),
    ("The court ruled on Thursday that the local elections scheduled for October 8 would be postponed.",
     "2016-09-08", "Thursday"),
    ("On Monday the court decided that the municipal elections would be delayed.", "2016-09-05", "Monday"),
])
def test_a_postponement_ruled_or_decided_is_dated_by_the_ruling(body: str, day: str, text: str) -> None:
    x = run(body, "2016-09-10")  # a Saturday: Thursday is the 8th, Monday the 5th
    (p,) = of_type(x, "Postponement", reported=True)
    assert (p.modality, p.time.text, p.time.precision, p.time.earliest, p.time.latest) == (
        "actual", text, "day", day, day)
    (e,) = of_type(x, "Election", reported=True)
    assert (e.modality, roles(e)) == ("postponed", set())
    if "October 8" in body:  # the elections keep their own date
        assert (e.time.text, e.time.earliest, e.time.latest) == ("October 8", "2016-10-08", "2016-10-08")
    else:
        assert e.time is None


def test_an_event_announced_in_a_reported_clause_does_not_take_the_day_of_the_announcement() -> None:
    (m,) = of_type(run("On Thursday Abbas announced that Fatah and Hamas would meet in Cairo.", "2016-09-10"),
                   "Meeting", reported=True)
    assert (m.modality, m.time, m.place) == ("planned", None, CAIRO)  # not the next Thursday (the 15th)
    assert roles(m) == {("participant", FATAH), ("participant", HAMAS)}
    (m,) = of_type(run("On Thursday Abbas announced that Fatah and Hamas would meet in Cairo on Monday.",
                       "2016-09-10"), "Meeting", reported=True)
    assert (m.modality, m.time.earliest, m.time.latest) == ("planned", "2016-09-12", "2016-09-12")  # its own day


@pytest.mark.parametrize("body", [
    "Abbas will postpone the elections on Thursday.",  # a plan: the next Thursday
    "The elections would be postponed on Thursday if Hamas refused.",  # no verb of decision: a hypothesis
])
def test_a_postponement_still_ahead_keeps_its_coming_day(body: str) -> None:
    (p,) = of_type(run(body, "2016-09-10"), "Postponement", reported=True)
    assert (p.modality, p.time.earliest, p.time.latest) == ("planned", "2016-09-15", "2016-09-15")


# 4. An agreement (and its signing) needs a domain anchor: a faction or process actor in the article, a
#    reconciliation word in the sentence, or a reference agreement it resolves to

CAIRO_2017 = ID + "agreement/2017-10-12-cairo"


def _agreement_nodes(x) -> list[str]:
    return [iri for iri in x.new_entities if "/agreement/" in iri]


@pytest.mark.parametrize("body", [
    "The merger agreement was signed in London.",
    "The company signed a merger agreement in London on Monday.",
    "The company signed a deal.",
    "Egypt signed a trade agreement in Cairo on Monday.",  # a state alone is no anchor
])
def test_an_agreement_of_another_domain_is_no_signing_and_no_agreement_node(body: str) -> None:
    x = run(body, "2020-03-12")
    assert of_type(x, "Signing") == [] and _agreement_nodes(x) == []


def test_the_reconciliation_agreement_still_resolves_to_the_reference_one() -> None:
    x = run("The reconciliation agreement was signed in Cairo on October 12, 2017.", "2017-10-20")
    (s,) = of_type(x, "Signing", reported=True)
    assert (s.agreement, s.modality, s.time.earliest, s.time.latest, s.place) == (
        CAIRO_2017, "actual", "2017-10-12", "2017-10-12", CAIRO)
    assert _agreement_nodes(x) == []
    (s,) = of_type(run("The plan follows the deal reached in Cairo in October 2017."), "Signing", reported=True)
    assert s.agreement == CAIRO_2017  # resolved to a reference agreement: in the domain without a faction


def test_a_faction_in_the_article_or_a_reconciliation_word_anchors_a_new_agreement() -> None:
    x = run("The Palestinian factions signed a deal in Algiers on Monday.", "2020-03-12")
    (s,) = of_type(x, "Signing", reported=True)
    assert (s.agreement, s.time.earliest) == (ID + "agreement/2020-03-09-algiers-agreement", "2020-03-09")
    x = run("Fatah and Hamas are rivals. The deal was signed in Doha on Monday.", "2020-03-12")
    (s,) = of_type(x, "Signing", reported=True)
    assert (s.agreement, s.place) == (ID + "agreement/2020-03-09-doha-agreement", ID + "place/doha")


# 6. "it" after any agreement noun of ``cues.AGREEMENT_NOUN`` is the subject of the verb after it

EGYPT = ID + "state/egypt"


@pytest.mark.parametrize(("noun", "agreement"), [("charter", CAIRO_2017), ("memorandum", None), ("deal", CAIRO_2017)])
def test_it_after_an_agreement_noun_stands_for_the_body_the_sentence_is_about(noun: str, agreement: str | None) -> None:
    (s,) = of_type(run(f"Hamas thanked Egypt for the {noun} it signed in Cairo in 2017."), "Signing", reported=True)
    assert roles(s) == {("signatory", HAMAS)}  # not Egypt, the last name before "it"
    assert (s.agreement, s.place, s.time.earliest, s.time.latest) == (agreement, CAIRO, "2017-01-01", "2017-12-31")


def test_without_it_the_named_subject_signs() -> None:
    (s,) = of_type(run("Hamas thanked Egypt for the charter Fatah signed in Cairo in 2017."), "Signing", reported=True)
    assert ("signatory", FATAH) in roles(s) and ("signatory", EGYPT) not in roles(s)
