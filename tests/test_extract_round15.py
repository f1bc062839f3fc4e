"""Round-15 rules on the real reference layer (invented sentences): a positive and a negative example each."""

from __future__ import annotations

import pytest
from extract_helpers import ID, of_type, roles, run

from kg.extract.timex import find_times

FATAH, HAMAS = ID + "party/fatah", ID + "party/hamas"
ABBAS, PA = ID + "person/mahmoud-abbas", ID + "org/palestinian-authority"


def takeover_roles(body: str) -> set[tuple[str, str]]:
    (t,) = of_type(run(body), "Takeover")
    return roles(t)


@pytest.mark.parametrize(("body", "target"), [
    ("Hamas seized the Gaza Strip from forces loyal to Abbas in 2007.", ABBAS),
    ("Hamas seized Gaza from Fatah in June 2007.", FATAH),
    ("Hamas has ruled the Gaza Strip since it routed Fatah forces there in June 2007.", FATAH),
    ("In 2007 Hamas drove Fatah out of the Gaza Strip.", FATAH),
    ("Fatah forces were routed by Hamas in 2007.", FATAH),
    ("The Palestinian Authority has had no power in Gaza since 2007, when Hamas drove its forces out of the strip.",
     PA),
])
def test_a_takeover_names_who_lost_the_territory_as_target(body: str, target: str) -> None:
    assert takeover_roles(body) == {("agent", HAMAS), ("target", target)}


@pytest.mark.parametrize("body", [
    "Hamas seized power in Gaza in 2007.",  # no losing side named
    "Hamas took control of Gaza from Egypt's border in 2007.",  # a state or place is not a side that lost it
    "Hamas seized the Gaza Strip in 2007 and Fatah kept the West Bank.",  # a side named elsewhere
])
def test_a_takeover_without_a_losing_side_has_no_target(body: str) -> None:
    assert takeover_roles(body) == {("agent", HAMAS)}


def elections(body: str, published: str = "2014-04-24"):
    return of_type(run(body, published), "Election")


def test_preparing_elections_plans_them() -> None:
    (e,) = elections("The deal charges the new cabinet with preparing presidential and legislative elections.")
    assert e.modality == "planned"
    (e,) = elections("The two sides agreed on a unity government that would prepare presidential and legislative "
                     "elections.")
    assert e.modality == "planned"
    # "prepared" (done) is no cue, and a cue far from the noun does not reach it
    assert elections("The commission prepared a report on the elections.") == []


@pytest.mark.parametrize("body", [
    "The commission prepared the elections that Hamas won in January 2006.",
    "Fatah never accepted the 2006 elections Hamas won.",  # won, so held: "never" denies the acceptance
    "Donors boycotted the cabinet formed after the elections which Hamas had won in 2006.",
])
def test_the_elections_a_party_won_in_a_relative_clause(body: str) -> None:
    (e,) = elections(body)
    assert (roles(e), e.modality, e.time.earliest[:4]) == ({("winner", HAMAS)}, "actual", "2006")


def test_a_relative_clause_of_another_verb_names_no_winner() -> None:
    assert elections("The elections that Hamas boycotted in 2012 were local.") == []


@pytest.mark.parametrize("body", [
    "Hamas won 74 of the 132 seats in January 2006.",
    "In January 2006 Hamas, standing as the Change and Reform list, won a majority of the 132 seats.",
    "Hamas won a majority in the 2006 elections.",  # the noun's governor "won": its subject is the winner
])
def test_winning_seats_is_an_election_won(body: str) -> None:
    (e,) = elections(body)
    assert (roles(e), e.modality, e.time.earliest[:4]) == ({("winner", HAMAS)}, "actual", "2006")


@pytest.mark.parametrize("body", [
    "Barcelona won a majority of their games.",  # no party
    "The cabinet won a majority in the confidence vote.",  # a vote of confidence is not an election
])
def test_winning_a_majority_of_something_else_is_no_election(body: str) -> None:
    assert elections(body) == []


HAMDALLAH = ID + "person/rami-hamdallah"


def formations(body: str, published: str = "2016-02-09"):
    return of_type(run(body, published), "GovernmentFormation")


def test_a_government_an_agreement_provides_for_is_a_planned_formation() -> None:
    (g,) = formations("Fatah and Hamas agreed in principle on a national unity government that would prepare "
                      "presidential and legislative elections.")
    assert g.modality == "planned"
    (g,) = formations("The Egyptian paper put to Fatah and Hamas called for an interim government of independents.")
    assert g.modality == "proposed"
    (g,) = formations("Abbas and Meshaal signed a declaration in Doha under which Abbas would head an interim "
                      "government of independents.")
    assert (g.modality, g.place, ("leader", ABBAS) in roles(g)) == ("planned", None, True)  # not in Doha


def test_a_government_a_deal_produced_was_formed() -> None:
    (g,) = formations("A later deal did produce a consensus government under Prime Minister Rami Hamdallah.")
    assert (g.modality, roles(g)) == ("actual", {("leader", HAMDALLAH)})


@pytest.mark.parametrize("body", [
    "The national unity government led by Ismail Haniyeh met on Saturday.",  # a government named, not formed
    "The consensus government never governed Gaza.",
    "Abbas praised the interim government on Monday.",
])
def test_a_government_named_without_an_agreement_providing_for_it_is_no_formation(body: str) -> None:
    assert formations(body) == []


def test_a_government_formed_keeps_its_verb_trigger() -> None:
    (g,) = formations("The power-sharing cabinet, formed in March 2007 under the Mecca agreement, collapsed in June.",
                      "2007-06-15")
    assert (g.modality, g.time.earliest) == ("actual", "2007-03-01")


@pytest.mark.parametrize(("text", "surface", "bounds"), [
    ("The deal was reached in April 2014 and the government was formed that June.", "that June",
     ("2014-06-01", "2014-06-30")),
    ("Hamas won in January 2006. In March that year, it formed a government.", "March that year",
     ("2006-03-01", "2006-03-31")),
    ("Hamas won in 2006 and later that year formed a cabinet.", "later that year", ("2006-01-01", "2006-12-31")),
    ("The talks opened on 12 October 2017 and the deal was signed the same day.", "the same day",
     ("2017-10-12", "2017-10-12")),
])
def test_that_june_and_the_same_day_take_the_time_named_before(text: str, surface: str, bounds: tuple) -> None:
    t = [t for t in find_times(text, "2016-02-09") if t.spec.text == surface]
    assert [(x.spec.earliest, x.spec.latest) for x in t] == [bounds]


@pytest.mark.parametrize("text", [
    "He said that June was hot.",  # no time named before
    "In 2014 the same day was chosen.",  # a day asked, a year named
    "Talks opened on 12 October 2017. The deal was signed the same day.",  # a day only from its own sentence
])
def test_that_june_without_a_fitting_time_before_is_no_time(text: str) -> None:
    assert [t.spec.text for t in find_times(text, "2016-02-09") if "that" in t.spec.text or "same" in t.spec.text] \
        == []


def meetings(body: str, published: str = "2024-07-23"):
    return of_type(run(body, published), "Meeting")


@pytest.mark.parametrize(("body", "start"), [
    ("Officials said a further round in Beijing could be held in the coming weeks.", None),
    ("A Hamas official said a first round could be held in early April.", "2025-04-01"),  # ahead, not last April
])
def test_a_round_that_could_be_held_is_planned(body: str, start: str | None) -> None:
    (m,) = meetings(body)
    assert m.modality == "planned" and (m.time.earliest if m.time else None) == start


def test_could_be_held_far_from_the_noun_or_of_another_noun_plans_nothing() -> None:
    (m,) = meetings("The talks ended on Monday with a statement saying that elections could be held in May.",
                    "2021-02-10")
    assert m.modality == "actual"


PLC = ID + "org/palestinian-legislative-council"


def collapses(body: str, published: str = "2019-01-01"):
    return of_type(run(body, published), "Collapse")


def test_a_body_dismissed_or_dissolved_in_a_relative_clause() -> None:
    (c,) = collapses("The Palestinian Legislative Council, which Abbas dissolved in 2018, had not met since 2007.")
    assert (roles(c), c.time.earliest) == ({("agent", ABBAS), ("target", PLC)}, "2018-01-01")
    (c,) = collapses("Hamas wants the Haniyeh-led government that Abbas dismissed in June restored first.",
                     "2007-10-01")
    assert ("agent", ABBAS) in roles(c) and [r for r, _ in roles(c)].count("target") == 1
    assert c.time.earliest == "2007-06-01"


def test_a_relative_clause_dismissing_something_else_is_no_collapse() -> None:
    assert collapses("The report that Abbas dismissed on Monday was critical.") == []


MUSTAFA = ID + "person/mohammad-mustafa"


def test_who_took_the_oath_before_the_president_leads_the_government_sworn_in() -> None:
    (s,) = of_type(run("Prime Minister Mohammad Mustafa and his ministers took the oath of office before President "
                       "Mahmoud Abbas in Ramallah on Sunday.", "2024-03-31"), "SwearingIn")
    assert roles(s) == {("leader", MUSTAFA), ("participant", ABBAS)}
    # the one who swears the cabinet in is no leader
    (s,) = of_type(run("President Mahmoud Abbas swore in the new cabinet in Ramallah on Sunday.", "2024-03-31"),
                   "SwearingIn")
    assert ("leader", ABBAS) not in roles(s)


def test_a_meeting_that_he_chaired_is_led_by_the_sentence_subject() -> None:
    (m,) = meetings("Abbas made the announcement on Saturday at a meeting of the Palestinian leadership that he "
                    "chaired at his headquarters in Ramallah.", "2024-03-31")
    assert roles(m) == {("leader", ABBAS)}
    (m,) = meetings("Officials spoke on Saturday at a meeting of the leadership that he chaired in Ramallah.",
                    "2024-03-31")
    assert roles(m) == set()  # nobody named before "he"


SHTAYYEH_GOV = ID + "government/2019-04-13-shtayyeh"


def test_whose_government_resigned_is_that_persons_government_even_with_another_prime_minister_named() -> None:
    body = ("Prime Minister Mohammad Mustafa took the oath on Sunday. Mustafa replaces Mohammad Shtayyeh, whose "
            "government resigned on Feb. 26.")
    (c,) = collapses(body, "2024-03-31")
    assert (roles(c), c.time.earliest) == ({("agent", SHTAYYEH_GOV)}, "2024-02-26")
    # a person who resigns is a change of post, not a government's collapse
    assert collapses("Mohammad Shtayyeh resigned on Feb. 26.", "2024-03-31") == []


def test_talks_between_the_two_sides_are_a_meeting_of_the_pair() -> None:
    (m,) = meetings("Fatah and Hamas are rivals. Talks between the two sides resumed in Cairo on Monday.", "2016-02-09")
    assert (roles(m), m.place, m.time.earliest) == ({("participant", ID + "party/fatah"), ("participant", HAMAS)},
                                                    ID + "place/cairo", "2016-02-08")
    # a framework for reviving talks between them is no meeting held
    assert meetings("Fatah and Hamas signed a declaration accepting an initiative as a framework for reviving "
                    "direct talks between the two movements.", "2008-03-23") == []


def test_an_election_that_was_due_but_not_held_failed() -> None:
    (e,) = elections("Its term, the court noted, expired in January 2010, without an election having been held to "
                     "renew it.", "2018-12-23")
    assert (e.modality, e.time.earliest) == ("failed", "2010-01-01")
    # "without" before something else, or an election held, is no failure
    (e,) = elections("Hamas won the elections in January 2006 without a single seat lost in Gaza.", "2018-12-23")
    assert e.modality == "actual"


def test_the_election_commission_is_no_election_and_leaves_the_time_to_the_meeting() -> None:
    x = run("Abbas met the head of the election commission on Monday.", "2019-11-27")
    assert of_type(x, "Election") == []
    (m,) = of_type(x, "Meeting")
    assert m.time.earliest == "2019-11-25"
    (e,) = elections("The election will be held on Monday, the commission said.", "2019-11-27")
    assert e.modality == "planned"


def statement_days(body: str, published: str) -> list[str | None]:
    return [e.time.earliest if e.time else None for e in sorted(of_type(run(body, published), "Statement"),
                                                                  key=lambda e: e.evidence[0].start)]


@pytest.mark.parametrize("second", [
    "Hamas added that it wanted talks.",
    "It also said it wanted talks.",
    "He said the movement wanted talks.",
])
def test_a_statement_that_goes_on_takes_the_day_of_the_one_before(second: str) -> None:
    first = "Hamas spokesman Sami Abu Zuhri" if second.startswith("He") else "Hamas"
    body = f"{first} said on Friday that the movement was ready. " + second
    assert statement_days(body, "2024-03-18") == ["2024-03-15", "2024-03-15"]


def test_a_new_statement_without_a_time_keeps_the_report_day() -> None:
    body = ("Hamas took full control of the Gaza Strip on Friday. Abbas said on Thursday that he would rule by "
            "decree. The Fatah leader called the takeover a coup against the Authority.")
    assert statement_days(body, "2007-06-15") == ["2007-06-14", "2007-06-15"]
    # a perfect stays undated
    assert statement_days("Hamas said on Friday it was ready. Hamas has also said that it wants talks.",
                          "2024-03-18") == ["2024-03-15", None]


def test_statements_of_a_report_about_yesterday_are_dated_yesterday() -> None:
    body = "Fatah and Hamas ended two days of talks in Cairo on Thursday. Hamas said the talks were positive."
    assert statement_days(body, "2017-10-13") == ["2017-10-12"]
    # a report of its own day, of no day, or of an older day keeps the publication day
    assert statement_days("Fatah and Hamas ended talks in Cairo. Hamas said the talks were positive.",
                          "2017-10-13") == ["2017-10-13"]
    assert statement_days("Fatah and Hamas ended talks in Cairo on October 5. Hamas said the talks were positive.",
                          "2017-10-13") == ["2017-10-13"]


@pytest.mark.parametrize(("text", "surface", "bounds"), [
    ("Hamas met Fatah in Moscow on March 1. Two weeks later, Abbas named Mustafa.", "Two weeks later",
     ("2024-03-15", "2024-03-15")),
    ("Elections were held in January 2006. Two months later, a cabinet was formed.", "Two months later",
     ("2006-03-01", "2006-03-31")),
    ("The deal was signed on 12 October 2017; ten days earlier the government had arrived.", "ten days earlier",
     ("2017-10-02", "2017-10-02")),
])
def test_two_weeks_later_counts_from_the_time_named_before(text: str, surface: str, bounds: tuple) -> None:
    t = [t for t in find_times(text, "2024-03-31") if t.spec.text == surface]
    assert [(x.spec.earliest, x.spec.latest) for x in t] == [bounds]


@pytest.mark.parametrize("text", [
    "Two weeks before the vote, Abbas spoke.",  # from an event, not a time
    "In 2014 they met. Two days later they split.",  # a day asked, a year named
    "Two weeks later, they split.",  # nothing named before
])
def test_two_weeks_later_without_a_fitting_time_before_is_no_time(text: str) -> None:
    assert [t.spec.text for t in find_times(text, "2024-03-31") if "later" in t.spec.text or "before" in
            t.spec.text] == []


def test_a_time_opening_what_was_said_around_an_inserted_he_said_is_not_the_statements() -> None:
    body = "Abbas met Meshaal in Cairo on Thursday. Two days later, he said, the factions would gather in Cairo."
    (s,) = of_type(run(body, "2011-11-24"), "Statement")
    assert s.time.earliest == "2011-11-24"
    (s,) = of_type(run("On Tuesday Hamas said the talks had ended.", "2011-11-24"), "Statement")
    assert s.time.earliest == "2011-11-22"


def test_a_phone_call_to_a_named_actor_is_a_consultation_of_both() -> None:
    (c,) = of_type(run("Haniyeh phoned Abbas on Sunday to discuss the reconciliation.", "2019-11-27"), "Consultation")
    assert (roles(c), c.time.earliest) == ({("participant", ID + "person/ismail-haniyeh"), ("participant", ABBAS)},
                                           "2019-11-24")
    assert of_type(run("Abbas phoned home on Sunday.", "2019-11-27"), "Consultation") == []


@pytest.mark.parametrize("body", [
    "Abbas acknowledged on Monday that the talks had stalled.",
    "Fatah complained on Monday that Hamas had not replied to the Egyptian paper.",
    "Hamas vowed on Monday to press ahead with the reconciliation talks.",
])
def test_more_report_verbs_make_statements(body: str) -> None:
    (s,) = of_type(run(body, "2019-11-27"), "Statement")
    assert s.time.earliest == "2019-11-25" and len(s.participants) == 1


def test_a_report_verb_without_a_named_speaker_is_no_statement() -> None:
    assert of_type(run("The team maintained its lead on Monday.", "2019-11-27"), "Statement") == []


# --- the round-15 review: the reviewer's sentences ---------------------------------------------------------------


def test_review_an_inserted_he_said_leaves_the_opening_time_to_the_event_reported() -> None:
    x = run("Abbas met Meshaal in Cairo on Monday. On December 3, he said, Fatah and Hamas would meet in Cairo.",
            "2011-11-24")
    (m,) = [e for e in of_type(x, "Meeting") if e.modality == "planned"]
    assert m.time.earliest == "2011-12-03"


@pytest.mark.parametrize(("body", "type_"), [
    ("The ministers preparing the budget met Abbas on Monday.", "Meeting"),
    ("Egypt is preparing the signing ceremony for the Fatah-Hamas agreement.", "Signing"),
])
def test_review_preparing_something_else_plans_nothing(body: str, type_: str) -> None:
    assert all(e.modality == "actual" for e in of_type(run(body, "2020-03-12"), type_))


def test_review_a_government_an_agreement_provides_for_takes_no_time_of_the_agreement() -> None:
    (g,) = formations("Fatah and Hamas agreed on a national unity government in Cairo on Monday.")
    assert (g.modality, g.time) == ("planned", None)
    (g,) = formations("Fatah and Hamas agreed to form a unity government within five weeks.")
    assert g.time.latest == "2016-03-15"  # its own deadline stays


def test_review_a_government_outside_the_process_or_a_rejected_call() -> None:
    assert formations("The 2011 uprising led to a transitional government in Tunisia.") == []
    (g,) = formations("Fatah and Hamas are rivals. Hamas rejected calls for an interim government.")
    assert (g.modality, roles(g)) == ("proposed", set())
    (g,) = formations("Fatah and Hamas are rivals. The deal produced a consensus government under Rami Hamdallah "
                      "in June 2014.")
    assert roles(g) == {("leader", HAMDALLAH)}  # "under X" leads a government, brokers nothing


@pytest.mark.parametrize("body", [
    "Fatah and Hamas are rivals. Israel and the US oppose talks between the two sides.",
    "Fatah and Hamas are rivals. There have been no talks between the two sides since 2014.",
])
def test_review_a_stance_on_talks_between_the_two_sides_is_no_meeting(body: str) -> None:
    assert meetings(body, "2016-02-09") == []


@pytest.mark.parametrize(("body", "published", "day"), [
    ("Hamas will meet Fatah on Thursday. Hamas said the talks will be positive.", "2020-01-03", "2020-01-03"),
    ("Fatah and Hamas signed a deal in Cairo on Thursday. Abbas says the deal is historic.", "2017-10-13",
     "2017-10-13"),
    ("Barcelona beat Real Madrid on Thursday. Hamas said the talks were positive.", "2017-10-13", "2017-10-13"),
    ("The talks between Fatah and Hamas ended on Thursday. Hamas has always said it wants unity.", "2020-01-03",
     None),
])
def test_review_the_report_day_only_for_past_statements_of_a_past_lede_of_the_process(body: str, published: str,
                                                                                   day: str | None) -> None:
    assert statement_days(body, published) == [day]


@pytest.mark.parametrize("body", [
    "If Hamas won a majority, Fatah would lose power.",
    "Had Hamas won a majority of the seats, it would have formed the government.",
])
def test_review_a_conditional_win_is_no_election(body: str) -> None:
    assert elections(body, "2020-03-12") == []


def test_review_a_further_round_is_of_the_sides_that_just_met_and_of_talks_only() -> None:
    planned = [m for m in meetings("Fatah and Hamas met in Beijing on Monday, and a further round could be held next "
                                   "month.") if m.modality == "planned"]
    assert [roles(m) for m in planned] == [{("participant", ID + "party/fatah"), ("participant", HAMAS)}]
    assert meetings("A further round of the Champions League could be held in Lisbon in August.") == []


def test_review_a_call_between_others_and_a_ruling_not_to_postpone() -> None:
    assert of_type(run("Trump phoned Netanyahu on Sunday.", "2019-11-27"), "Consultation") == []
    (p,) = of_type(run("On Thursday the court ruled that the elections would not be postponed.", "2016-09-10"),
                   "Postponement")
    assert (p.modality, p.time.earliest) == ("denied", "2016-09-08")


@pytest.mark.parametrize(("body", "target"), [
    ("Hamas seized the Gaza Strip from forces loyal to President Mahmoud Abbas in 2007.", ABBAS),
    ("Hamas routed forces loyal to Fatah in June 2007.", FATAH),
    ("Hamas seized Gaza from the Fatah-dominated Palestinian Authority in 2007.", PA),
])
def test_review_more_wordings_of_who_lost_gaza(body: str, target: str) -> None:
    assert takeover_roles(body) == {("agent", HAMAS), ("target", target)}


def test_review_two_weeks_later_counts_from_the_end_of_a_range() -> None:
    t = [t for t in find_times("Fatah and Hamas met from May 4 to 16 June 2019. Two weeks later they signed.",
                               "2024-03-31") if t.spec.text == "Two weeks later"]
    assert [(x.spec.earliest, x.spec.latest) for x in t] == [("2019-06-30", "2019-06-30")]


def test_with_x_as_mediator_names_a_mediator_not_a_signatory() -> None:
    body = ("Fatah and Hamas are rivals. The text puts into practice the reconciliation agreement that the two "
            "movements signed in Cairo in May 2011 with Egypt as mediator.")
    (s,) = of_type(run(body, "2012-02-07"), "Signing")
    assert roles(s) == {("signatory", ID + "party/fatah"), ("signatory", HAMAS), ("mediator", ID + "state/egypt")}
    (s,) = of_type(run("Fatah signed a deal with Hamas in Cairo on Monday.", "2012-02-07"), "Signing")
    assert roles(s) == {("signatory", ID + "party/fatah"), ("signatory", HAMAS)}


# --- the code review of round 15 -------------------------------------------------------------------------------


@pytest.mark.parametrize("second", ['"We are ready for unity," Abbas says.', "The talks were positive, Abbas says."])
def test_review_a_present_speech_verb_after_the_quote_keeps_the_report_day(second: str) -> None:
    body = "Fatah and Hamas signed a deal in Cairo on Thursday. " + second
    assert statement_days(body, "2017-10-13") == ["2017-10-13"]


def test_review_a_conditional_win_after_another_sentence_is_no_election() -> None:
    assert elections("Fatah and Hamas are rivals. Had Hamas won a majority, it would have formed a government.",
                     "2020-03-12") == []


@pytest.mark.parametrize(("text", "bounds"), [
    ("Talks were due to open, scheduled for May 4 to 16 June.", ("2021-05-04", "2021-06-16")),  # ahead
    ("Talks have continued since January 2019. Two months later they failed.", ("2019-03-01", "2019-03-31")),
])
def test_review_ranges_ahead_and_counts_from_an_open_since(text: str, bounds: tuple) -> None:
    last = find_times(text, "2020-08-01")[-1]
    assert (last.spec.earliest, last.spec.latest) == bounds


def test_review_weeks_before_a_bare_noun_is_no_time() -> None:
    assert [t.spec.text for t in find_times("They met on April 2. Three weeks before talks resumed.", "2020-08-01")] \
        == ["April 2"]


@pytest.mark.parametrize("second", ["A day later he left.", "The next day he left."])
def test_review_a_day_later_in_the_next_sentence_counts_from_the_day_named_before(second: str) -> None:
    times = find_times("He met Abbas on Thursday. " + second, "2020-08-01")
    assert [t.spec.earliest for t in times] == ["2020-07-30", "2020-07-31"]
    # with no day named before, from the publication day, as before
    assert [t.spec.earliest for t in find_times(second, "2020-08-01")] == ["2020-08-02"]
