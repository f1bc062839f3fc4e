"""Round-14 rules on the real reference layer (invented sentences): a positive and a negative example each."""

from __future__ import annotations

import pytest
from extract_helpers import DOMAIN, ID, of_type, roles, run

from kg.extract.timex import find_times

FATAH, HAMAS = ID + "party/fatah", ID + "party/hamas"
AHMAD, MARZOUK = ID + "person/azzam-al-ahmad", ID + "person/mousa-abu-marzouk"
DOHA = ID + "place/doha"


def signings(body: str, published: str = "2020-03-12"):
    return of_type(run(body, published), "Signing", reported=True)


def test_a_passive_signing_of_an_agreement_is_reported() -> None:
    (s,) = signings(DOMAIN + "The agreement was signed on Tuesday in Doha.")
    assert (s.place, s.time.earliest, s.modality) == (DOHA, "2020-03-10", "actual")
    (s,) = signings(DOMAIN + "An accord was signed in Doha last week.")
    assert s.time.earliest == "2020-03-02"
    # the passive of a decree or of an unnamed thing is no signing
    assert signings("The decree was signed on Tuesday.") == []
    assert signings("The letter was signed on Tuesday.") == []


def test_the_by_phrase_of_a_signing_may_follow_a_place_and_a_time() -> None:
    body = ("The accord had been initialled in Cairo on April 27 and was signed on Tuesday by Fatah negotiator "
            "Azzam al-Ahmad and Hamas deputy leader Mousa Abu Marzouk.")
    (s,) = signings(body, "2011-05-04")
    assert roles(s) == {("signatory", p) for p in (FATAH, HAMAS, AHMAD, MARZOUK)}
    assert s.time.earliest == "2011-05-03"
    (s,) = signings("The accord was signed in Doha on October 12, 2017 by Fatah and Hamas.")
    assert roles(s) == {("signatory", FATAH), ("signatory", HAMAS)} and s.time.earliest == "2017-10-12"
    # a by-phrase of another verb is not the signatories
    (s,) = signings("The accord was signed in Doha on Tuesday, and it was welcomed by Fatah and Hamas.")
    assert roles(s) == set()


@pytest.mark.parametrize(("text", "first", "last"), [
    ("met on 7-8 February 2016 in Doha", "2016-02-07", "2016-02-08"),
    ("met on 7 and 8 February 2016", "2016-02-07", "2016-02-08"),
    ("the talks of Feb. 29–March 1 in Moscow", "2020-02-29", "2020-03-01"),
    ("talks from 29 February to 1 March 2024", "2024-02-29", "2024-03-01"),
    ("on March 10-12, 2019", "2019-03-10", "2019-03-12"),
    ("from December 30 to January 2", "2019-12-30", "2020-01-02"),
])
def test_a_day_range_is_one_time_from_its_first_to_its_last_day(text: str, first: str, last: str) -> None:
    (t,) = find_times(text, "2020-03-12")
    assert (t.spec.precision, t.spec.earliest, t.spec.latest) == ("day", first, last)


@pytest.mark.parametrize(("text", "surfaces"), [
    ("elections on May 22 and July 31", ["May 22", "July 31"]),
    ("elections on May 22 and 31 July", ["May 22", "31 July"]),
    ("clashes on May 2 and 5 people died", ["May 2"]),
    ("on May 8-3", ["May 8"]),  # the last day before the first: no range, the first date
    ("between 2 and 5 p.m.", []),
])
def test_two_dates_or_a_count_are_no_day_range(text: str, surfaces: list) -> None:
    times = find_times(text, "2020-03-12")
    assert [t.spec.text for t in times] == surfaces
    assert all(t.spec.earliest == t.spec.latest for t in times)


def test_a_meeting_over_a_day_range_takes_the_whole_range() -> None:
    (m,) = of_type(run("Delegations from Fatah and Hamas met in Doha on 7 and 8 February 2016."), "Meeting")
    assert (m.time.earliest, m.time.latest, m.time.precision) == ("2016-02-07", "2016-02-08", "day")


def test_a_body_dissolved_by_name_is_the_target_of_the_collapse() -> None:
    (c,) = of_type(run("Abbas dissolved the Palestinian Legislative Council on Saturday."), "Collapse", reported=True)
    assert roles(c) == {("agent", ID + "person/mahmoud-abbas"), ("target", ID + "org/palestinian-legislative-council")}
    # a party named inside the description is not what was dissolved
    (c,) = of_type(run("Hamas dissolved its administrative committee in Gaza on Sunday."), "Collapse", reported=True)
    assert roles(c) == {("agent", HAMAS)}


GOV_2014, HAMDALLAH, ABBAS = (ID + "government/2014-06-02-national-consensus", ID + "person/rami-hamdallah",
                              ID + "person/mahmoud-abbas")


def collapses(body: str):
    return of_type(run(body, "2019-01-29"), "Collapse", reported=True)


def test_a_government_tendering_its_resignation_collapses() -> None:
    (c,) = collapses("Prime Minister Rami Hamdallah submitted his government's resignation to President Mahmoud "
                     "Abbas on Tuesday.")
    assert roles(c) == {("agent", GOV_2014), ("agent", HAMDALLAH), ("recipient", ABBAS)}
    assert (c.government, c.time.earliest) == (GOV_2014, "2019-01-29")
    (c,) = collapses("Abbas accepted the resignation of Hamdallah's government on Tuesday.")
    assert roles(c) == {("agent", GOV_2014), ("recipient", ABBAS)}  # who accepts it receives it
    (c,) = collapses("The government submitted its resignation to Abbas on Monday.")
    assert roles(c) == {("agent", GOV_2014), ("recipient", ABBAS)}


def test_a_minister_resigning_or_other_acceptances_are_no_collapse() -> None:
    assert collapses("Abbas accepted the resignation of the interior minister on Tuesday.") == []
    assert collapses("Abbas accepted an invitation to Cairo on Tuesday.") == []
    assert collapses("The minister submitted his resignation on Tuesday.") == []


def test_a_subject_it_stands_for_the_body_the_sentence_is_about() -> None:
    body = ("Hamas has ruled the Gaza Strip since it routed Fatah forces there in June 2007, a year after it won "
            "the 2006 legislative election.")
    (e,) = of_type(run(body, "2016-09-08"), "Election", reported=True)
    assert roles(e) == {("winner", HAMAS)}  # not Fatah, the last name before "it"
    body = "The factions met in Cairo after Hamas took over Gaza from forces loyal to Abbas, and it won the vote."
    assert {("winner", HAMAS)} == roles(of_type(run(body, "2016-09-08"), "Election", reported=True)[0])
    # a person is no antecedent of "it": no winner rather than a wrong one
    (e,) = of_type(run("Abbas said on Monday that it won the 2006 legislative election.", "2016-09-08"), "Election",
                   reported=True)
    assert roles(e) == set()


@pytest.mark.parametrize(("body", "lost"), [
    ("The Palestinian Authority has had no power in Gaza since 2007, when Hamas drove its forces out of the strip.",
     {("target", ID + "org/palestinian-authority")}),
    ("Hamas routed Fatah forces in Gaza in 2007.", {("target", FATAH)}),
    ("Hamas expelled Fatah from the Gaza Strip in 2007.", {("target", FATAH)}),
    ("The rift dates from the movement's victory in the 2006 vote and Hamas's seizure of Gaza in 2007.", set()),
    ("After its takeover of Gaza in 2007, Hamas formed a government.", set()),
])
def test_background_wordings_of_the_2007_takeover(body: str, lost: set) -> None:
    (t,) = of_type(run(body, "2016-09-08"), "Takeover", reported=True)
    assert roles(t) == {("agent", HAMAS)} | lost  # who lost the strip: round 15
    assert (t.time.earliest, t.time.latest) == ("2007-01-01", "2007-12-31")  # "since 2007, when …": 2007


@pytest.mark.parametrize("body", [
    "Hamas forced journalists out of the territory on Monday.",  # not forces, not a party
    "Police drove protesters from the square on Monday.",
    "The seizure of weapons in Gaza was reported on Monday.",
])
def test_expulsions_of_others_are_no_takeover(body: str) -> None:
    assert of_type(run(body, "2016-09-08"), "Takeover", reported=True) == []


@pytest.mark.parametrize("body", [
    "The rift dates from Hamas's victory in the 2006 legislative election.",
    "Hamas held Gaza after its landslide victory in the 2006 legislative elections.",
    "Hamas took Gaza in 2007, a year after winning the 2006 legislative elections.",
])
def test_a_victory_in_an_election_names_the_winner(body: str) -> None:
    (e,) = of_type(run(body, "2016-09-08"), "Election", reported=True)
    assert roles(e) == {("winner", HAMAS)} and e.time.earliest == "2006-01-01"


def test_a_when_clause_takes_the_time_it_hangs_on_only_for_its_own_verb() -> None:
    body = "In 2006, when Hamas won the legislative elections, Fatah refused to join its government."
    (e,) = of_type(run(body, "2016-09-08"), "Election", reported=True)
    assert (e.time.earliest, roles(e)) == ("2006-01-01", {("winner", HAMAS)})
    body = "Hamas took over in 2007, when it drove Fatah forces out of Gaza a year after winning the elections."
    (e,) = of_type(run(body, "2016-09-08"), "Election", reported=True)
    assert e.time.earliest == "2006-01-01"  # "a year after" the 2007 takeover, not the when-clause's 2007


@pytest.mark.parametrize(("text", "first", "last"), [
    ("after the Sunday and Monday sessions", "2016-02-07", "2016-02-08"),
    ("talks from Friday to Sunday", "2016-02-05", "2016-02-07"),
    ("met Monday-Wednesday", "2016-02-01", "2016-02-03"),
])
def test_consecutive_weekdays_are_one_range_before_the_report(text: str, first: str, last: str) -> None:
    (t,) = find_times(text, "2016-02-09")  # a Tuesday
    assert (t.spec.earliest, t.spec.latest, t.spec.precision) == (first, last, "day")


def test_two_weekdays_apart_are_no_range() -> None:
    times = find_times("on Monday and Friday", "2016-02-09")
    assert (times[0].spec.earliest, times[0].spec.latest) == ("2016-02-08", "2016-02-08")


def test_suspending_elections_postpones_them_to_no_date_and_keeps_their_own_date() -> None:
    x = run("The High Court on Thursday suspended the municipal elections that were to have been held on 8 October.",
            "2016-09-08")
    (p,) = of_type(x, "Postponement", reported=True)
    (e,) = of_type(x, "Election", reported=True)
    assert (p.time.earliest, e.modality, e.time.earliest) == ("2016-09-08", "postponed", "2016-10-08")
    # suspending something that is not an event is no postponement
    assert of_type(run("Israel suspended security coordination on Monday.", "2016-09-08"), "Postponement") == []


def test_who_chairs_a_meeting_leads_it() -> None:
    (m,) = of_type(run("Abbas chaired a meeting of the Fatah Central Committee in Ramallah on Saturday."), "Meeting",
                   reported=True)
    assert ("leader", ABBAS) in roles(m) and ("participant", ABBAS) not in roles(m)


def test_an_act_by_presidential_decree_is_a_decree_of_its_subject() -> None:
    body = "He presented his line-up on Thursday, and Abbas approved it by presidential decree the same day."
    (d,) = of_type(run(body, "2024-03-31"), "Decree", reported=True)
    assert roles(d) == {("agent", ABBAS)}  # "approved it": "it" is the object, not a subject
    assert of_type(run("Abbas said he would rule by decree.", "2024-03-31"), "Decree") == []
    assert of_type(run("The court is to be formed by presidential decree.", "2024-03-31"), "Decree") == []


def test_governing_parts_of_a_territory_is_control() -> None:
    (c,) = of_type(run("Abbas's Palestinian Authority governs parts of the West Bank.", "2024-03-31"),
                   "ControlOfTerritory")
    assert (roles(c), c.territory) == ({("agent", ID + "org/palestinian-authority")}, ID + "place/west-bank")


def test_an_it_without_a_body_before_it_drops_the_subject_without_failing() -> None:
    x = run("Fatah and Abbas met in Cairo, and it then won the 2006 legislative election.", "2016-09-08")
    (e,) = of_type(x, "Election", reported=True)
    assert roles(e) == set()


@pytest.mark.parametrize(("text", "year"), [
    ("Hamas won the 2006 legislative election and seized Gaza the following year.", "2007"),
    ("The deal was signed in 2011 and a year later in Doha.", "2012"),
    ("Talks resumed in 2017; the previous year had seen none.", "2016"),
    ("It happened in 2014. The following year nothing happened.", None),  # another sentence: no anchor
    ("Nothing changed the following year.", None),  # no year before: unresolved
])
def test_the_following_year_counts_from_the_year_named_before(text: str, year: str | None) -> None:
    rel = [(t.spec.earliest, t.spec.latest) for t in find_times(text, "2016-09-08")
           if t.spec.text.lower().endswith(("year", "later"))]
    assert rel == ([(f"{year}-01-01", f"{year}-12-31")] if year else [])


CAIRO_2017 = ID + "agreement/2017-10-12-cairo"


def test_an_agreement_signed_in_a_relative_clause_is_a_signing_of_it() -> None:
    body = ("Hamas handed control of the crossings to the Palestinian Authority on Wednesday, meeting the first "
            "deadline of the reconciliation agreement it signed with Fateh in Cairo on October 12. Hamas deputy chief "
            "Saleh al-Arouri, who signed the accord for his movement, has said Hamas is committed to it.")
    (s,) = signings(body, "2017-11-01")
    assert s.agreement == CAIRO_2017 and s.time.earliest == "2017-10-12"
    assert roles(s) == {("signatory", FATAH), ("signatory", HAMAS), ("signatory", ID + "person/saleh-al-arouri")}
    (s,) = signings("The deal Fatah and Hamas signed in Doha in 2012 was never implemented.")
    assert roles(s) == {("signatory", FATAH), ("signatory", HAMAS)} and s.place == DOHA


@pytest.mark.parametrize("body", [
    "Abbas signed on Monday.",
    "The letter that Abbas signed on Monday was published.",
    "The decree was signed on Tuesday.",
])
def test_a_bare_signed_without_an_agreement_is_no_signing(body: str) -> None:
    assert signings(body) == []


def test_a_deal_brokered_by_x_makes_x_the_mediator_of_its_signing() -> None:
    (s,) = signings(DOMAIN + "The deal brokered by Egypt was signed in Cairo on Monday.")
    assert roles(s) == {("mediator", ID + "state/egypt")}
    x = run("Fatah and Hamas signed a deal brokered by Qatar on Monday.")
    (s,) = of_type(x, "Signing", reported=True)
    assert roles(s) == {("signatory", FATAH), ("signatory", HAMAS), ("mediator", ID + "state/qatar")}
    assert of_type(x, "Mediation", reported=True) == []  # no mediation event of its own
    (m,) = of_type(run("Egypt brokered a truce on Monday."), "Mediation", reported=True)  # no deal signed
    assert roles(m) == {("mediator", ID + "state/egypt")}


def test_a_passive_signing_may_continue_an_earlier_passive() -> None:
    body = ("The accord, brokered by Egypt, was initialed in Cairo at the end of April and signed there at a "
            "ceremony on May 4, 2011.")
    (s,) = signings(body, "2011-05-05")
    assert roles(s) == {("mediator", ID + "state/egypt")} and s.time.earliest == "2011-05-04"
    (s,) = signings("The plan was welcomed by Egypt and signed on Monday by Abbas.")
    assert roles(s) == {("signatory", ABBAS)}  # Egypt only welcomed it


@pytest.mark.parametrize("body", [
    "Abu Zuhri said the ruling was taken to rescue Fatah after its lists had collapsed in several areas.",
    "Prices collapsed on Monday.",
])
def test_only_governments_deals_and_talks_collapse(body: str) -> None:
    assert of_type(run(body, "2016-09-08"), "Collapse", reported=True) == []


def test_a_government_that_collapses_by_itself_is_the_agent() -> None:
    (c,) = of_type(run("The unity government collapsed in June 2007.", "2016-09-08"), "Collapse", reported=True)
    assert roles(c) == {("agent", ID + "government/2007-03-17-national-unity")}
    (c,) = of_type(run("Abbas dismissed the unity government in June 2007.", "2016-09-08"), "Collapse",
                   reported=True)
    assert roles(c) == {("agent", ABBAS), ("target", ID + "government/2007-03-17-national-unity")}


def statements(body: str, published: str = "2016-02-09"):
    return of_type(run(body, published), "Statement", reported=True)


@pytest.mark.parametrize(("body", "speaker"), [
    ('"There are no differences," Abbas said after the session.', "person/mahmoud-abbas"),
    ('"We will serve all Palestinians," Prime Minister Mohammad Mustafa said after the ceremony, adding that the PLO '
     'was its reference.', "person/mohammad-mustafa"),
    ('"Palestinians have endured enough suffering," Nickolay Mladenov, the United Nations special coordinator for '
     'the Middle East peace process, said in a statement issued in Jerusalem, welcoming the talks.',
     "entity/nickolay-mladenov"),
    ('"We look forward to working with the new cabinet," the U.S. State Department said on Friday in a statement.',
     "entity/us-state-department"),
])
def test_a_quote_keeps_its_speaker_when_a_phrase_follows_the_speech_verb(body: str, speaker: str) -> None:
    (s,) = statements(body)
    assert roles(s) == {("speaker", ID + speaker)}


@pytest.mark.parametrize(("body", "start", "end"), [
    ("Fatah official Jamal Muhaisen said last week that the movement was cautiously optimistic.", "2016-02-01",
     "2016-02-07"),
    ("Abbas himself had urged Hamas on Jan. 28 to implement the reconciliation agreements.", "2016-01-28",
     "2016-01-28"),
    ("Israel told the Palestinian Authority in July that it would not allow voting in the city.", "2015-07-01",
     "2015-07-31"),
    ("In a statement issued late on Saturday, Hamas said the decision had no legal value.", "2016-02-06",
     "2016-02-06"),
    ("On January 16 the Democratic Front for the Liberation of Palestine called the appointment a hasty step.",
     "2016-01-16", "2016-01-16"),
    ("Hamas said the talks in 2014 had failed.", "2016-02-09", "2016-02-09"),  # a time of what was said
    ("Hamas, which won the 2006 election, said the talks had failed.", "2016-02-09", "2016-02-09"),
    ('"The meetings were positive," Hamas said in a statement after the Sunday and Monday sessions.', "2016-02-09",
     "2016-02-09"),  # the sessions' days, not the statement's
])
def test_a_statement_takes_the_time_of_its_speech_verb(body: str, start: str, end: str) -> None:
    (s,) = statements(body)
    assert (s.time.earliest, s.time.latest) == (start, end)


def test_a_statement_in_the_perfect_without_a_time_is_undated() -> None:
    (s,) = statements("Spokesman Sami Abu Zuhri had said before the talks that their aim was to set up mechanisms.")
    assert s.time is None or s.time.earliest is None


MASHAL = ID + "person/khaled-mashal"


@pytest.mark.parametrize("body", [
    "They planned a meeting between Abbas and Meshaal.",
    "A meeting between Abbas and Meshaal is planned.",
    "The Doha round would prepare the ground for a meeting between President Mahmoud Abbas and Khaled Meshaal.",
])
def test_a_planned_meeting_between_two_leaders(body: str) -> None:
    (m,) = of_type(run(body, "2016-02-09"), "Meeting", reported=True)
    assert m.modality == "planned" and {("participant", ABBAS), ("participant", MASHAL)} <= roles(m)


def test_a_plan_as_a_noun_or_a_border_between_is_no_meeting() -> None:
    assert of_type(run("Egypt's plan for elections was rejected.", "2016-02-09"), "Meeting") == []
    assert of_type(run("The border between Egypt and Gaza was closed.", "2016-02-09"), "Meeting") == []


def test_a_weekday_before_a_verb_does_not_date_the_noun_after_it() -> None:
    x = run("Abbas issued a decree on Friday setting legislative elections for May 22.")
    (e,) = of_type(x, "Election", reported=True)
    assert (e.modality, e.time.earliest) == ("planned", "2020-05-22")


@pytest.mark.parametrize(("body", "role"), [
    ("In 2006 ruling Fatah lost the legislative elections.", "participant"),
    ("Hamas contested the 2006 elections as the Change and Reform list.", "participant"),
    ("Hamas won the 2006 elections.", "winner"),
])
def test_who_loses_or_contests_an_election_takes_part_in_it(body: str, role: str) -> None:
    (e,) = of_type(run(body), "Election", reported=True)
    assert len(roles(e)) == 1 and next(iter(roles(e)))[0] == role
    assert of_type(run("Fatah lost the talks' momentum."), "Meeting") == []


def test_a_past_report_of_a_yearless_date_after_its_day_means_last_year() -> None:
    (s,) = of_type(run("Shtayyeh was sworn in on April 13."), "SwearingIn", reported=True)
    assert (s.time.earliest, s.time.latest) == ("2019-04-13", "2019-04-13")


@pytest.mark.parametrize(("body", "modality"), [
    ("The factions will convene in Algiers in October, the Algerian presidency announced.", "planned"),
    ("The factions convened in Algiers on Tuesday.", "actual"),
])
def test_convene(body: str, modality: str) -> None:
    (m,) = of_type(run(body), "Meeting", reported=True)
    assert m.modality == modality and m.place == ID + "place/algiers"
    assert of_type(run("Supporters gather in the square every Friday."), "Meeting") == []


# --- the review of round 14: its sentences, as tests -------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "Haniyeh said Monday's meeting with Abbas was positive.",
    "Abbas said last year's talks in Cairo had failed.",
    "Hamas said Friday prayers would go ahead.",
])
def test_a_time_that_opens_what_was_said_does_not_date_the_statement(body: str) -> None:
    (s,) = statements(body, "2016-09-08")
    assert (s.time.earliest, s.time.text) == ("2016-09-08", "")
    (s,) = statements("Fatah said Tuesday it would boycott the talks.", "2016-09-08")
    assert s.time.earliest == "2016-09-06"


@pytest.mark.parametrize(("body", "first", "last"), [
    ("Fatah and Hamas will meet in Cairo on Sunday and Monday.", "2020-03-15", "2020-03-16"),
    ("The factions are due to meet in Cairo from Sunday to Tuesday.", "2020-03-15", "2020-03-17"),
])
def test_a_planned_weekday_range_lies_ahead(body: str, first: str, last: str) -> None:
    (m,) = of_type(run(body), "Meeting", reported=True)
    assert (m.modality, m.time.earliest, m.time.latest) == ("planned", first, last)


def test_it_stands_for_a_party_when_a_party_wins() -> None:
    (e,) = of_type(run("The United States boycotted Hamas after it won the 2006 elections.", "2016-09-08"),
                   "Election", reported=True)
    assert roles(e) == {("winner", HAMAS)}


@pytest.mark.parametrize("body", [
    "Hamas welcomed the truce brokered by Egypt and signed an agreement with Fatah on Monday.",
    "Hamas rejected the deal brokered by Qatar and signed a separate agreement with Fatah in Cairo on Monday.",
])
def test_the_agent_of_a_by_phrase_is_no_subject_of_the_next_verb(body: str) -> None:
    (s,) = signings(body)
    assert roles(s) == {("signatory", FATAH), ("signatory", HAMAS)}


@pytest.mark.parametrize("body", [
    "Fatah contested the outcome of the vote on Monday.",
    "Hamas contested the results of the elections in court.",
    "Hamas lost the vote of confidence.",
    "Winning the elections will not be easy, Abbas said.",
])
def test_challenging_a_result_or_a_confidence_vote_is_no_election(body: str) -> None:
    assert of_type(run(body, "2016-09-08"), "Election", reported=True) == []


@pytest.mark.parametrize(("text", "surfaces"), [
    ("Hamas won 74 seats on January 25 and 45 went to Fatah.", ["January 25"]),
    ("Fatah and Hamas met in Cairo on May 14 and 15 Palestinians were killed in Gaza.", ["May 14"]),
    ("on February 28-30", ["February 28"]),
    ("the March 10-12 talks in Cairo", ["March 10-12"]),
])
def test_day_ranges_that_are_counts_or_impossible_fall_back_to_the_first_date(text: str, surfaces: list) -> None:
    assert [t.spec.text for t in find_times(text, "2020-06-01")] == surfaces


def test_the_resignation_of_a_spokesman_or_a_recommended_resignation_is_no_collapse() -> None:
    assert collapses("Abbas accepted the resignation of the government's spokesman on Monday.") == []
    (c,) = collapses("The Fatah Central Committee recommended that the government submit its resignation.")
    assert c.modality == "proposed"


def test_a_passive_by_decree_leaves_the_time_to_its_event() -> None:
    x = run("The government was formed by presidential decree on Thursday.", "2024-03-31")
    assert of_type(x, "Decree") == []
    (g,) = of_type(x, "GovernmentFormation", reported=True)
    assert g.time.earliest == "2024-03-28"


def test_a_relative_clause_set_off_by_commas_owns_no_scheduled_date() -> None:
    x = run("The elections, which Abbas postponed on April 29, were to have been held on May 22.", "2021-05-10")
    (p,) = of_type(x, "Postponement", reported=True)
    (e,) = of_type(x, "Election", reported=True)
    assert (p.time.earliest, e.time.earliest) == ("2021-04-29", "2021-05-22")


def test_suspending_a_membership_or_a_participation_postpones_nothing() -> None:
    (m,) = of_type(run("Fatah suspended the membership of three officials who met Hamas leaders.", "2016-09-10"),
                   "Meeting", reported=True)
    assert m.modality == "actual"
    assert of_type(run("Hamas suspended its participation in the talks on Monday.", "2016-09-10"),
                   "Postponement") == []


@pytest.mark.parametrize(("body", "expected"), [
    ("Abbas's Fatah movement lost control of Gaza when it was routed by Hamas forces in 2007.", {("agent", HAMAS)}),
    ("Fatah was routed by Hamas in Gaza in June 2007.", {("agent", HAMAS), ("target", FATAH)}),  # round 15: target
    ("Real Madrid were routed by Barcelona on Sunday.", None),
    ("The Israeli seizure of Gaza fishing boats continued on Monday.", None),
])
def test_a_passive_takeover_names_its_agent_or_is_none(body: str, expected: set | None) -> None:
    found = of_type(run(body, "2016-09-10"), "Takeover", reported=True)
    assert [roles(t) for t in found] == ([expected] if expected else [])


def test_a_signing_in_a_relative_clause_without_a_time_is_undated() -> None:
    (s,) = signings("The deal he signed was a mistake, Haniyeh said.")
    assert s.time is None or s.time.earliest is None
    assert signings("The agreement obliges all factions that signed it to hold elections.") == []


def test_a_present_convene_is_a_schedule_and_the_talks_it_is_for_are_the_same_meeting() -> None:
    (m,) = of_type(run("Factions convene in Algiers on Tuesday for reconciliation talks.", "2022-10-10"), "Meeting",
                   reported=True)
    assert (m.modality, m.time.earliest) == ("planned", "2022-10-11")


def test_a_foreign_government_is_none_of_ours() -> None:
    (c,) = of_type(run("The Israeli government collapsed in December.", "2022-10-10"), "Collapse", reported=True)
    assert not any("/government/" in e for _, e in roles(c)) and c.government is None


@pytest.mark.parametrize(("body", "speakers"), [
    ("The day after the appointment, Hamas, Islamic Jihad, the Popular Front for the Liberation of Palestine and "
     "the Palestinian National Initiative said in a joint statement that the appointment deepened the division.",
     {"party/hamas", "party/palestinian-islamic-jihad", "party/pflp", "party/palestinian-national-initiative"}),
    ("Hamas slammed the decision as illegal.", {"party/hamas"}),
    ("Hamas has denounced the new government as illegitimate.", {"party/hamas"}),
    ("The Popular Front and the Democratic Front have also come out against the dissolution.",
     {"party/pflp", "party/dflp"}),
    ("Fatah hit back the same day, saying it was surprised by talk of exclusion.", {"party/fatah"}),
    ("The talks were useful, Hamas said in a statement.", {"party/hamas"}),
])
def test_more_ways_of_saying_and_lists_of_speakers(body: str, speakers: set) -> None:
    (s,) = statements(body, "2024-03-31")
    assert roles(s) == {("speaker", ID + k) for k in speakers}


def test_a_list_that_opens_with_an_adverbial_is_not_a_speaker() -> None:
    (s,) = statements("On the same day, Hamas and Islamic Jihad said the talks had failed.", "2024-03-31")
    assert roles(s) == {("speaker", HAMAS), ("speaker", ID + "party/palestinian-islamic-jihad")}


@pytest.mark.parametrize("body", [
    "Palestinian President Mahmoud Abbas and Hamas leader Khaled Meshaal declared a new era of partnership on Monday.",
    '"We are partners," Abbas and Meshaal said.',
])
def test_two_persons_named_together_speak_together(body: str) -> None:
    (s,) = statements(body, "2024-03-31")
    assert roles(s) == {("speaker", ABBAS), ("speaker", MASHAL)}
    (s,) = statements("Abbas, who met Haniyeh on Monday, said the talks failed.", "2024-03-31")
    assert roles(s) == {("speaker", ABBAS)}  # met, not spoke with


@pytest.mark.parametrize("sentence", [
    "Repeated rounds of talks since then have failed to reunite Gaza and the West Bank under one administration.",
    "A string of reconciliation deals since then has failed to reunite the West Bank and Gaza.",
    "Efforts have repeatedly failed to end the split between the two movements.",
])
def test_failing_to_reunite_is_a_stall_of_the_two_movements(sentence: str) -> None:
    x = run("Fatah and Hamas met in Cairo in 2014. " + sentence, "2016-09-08")
    (s,) = of_type(x, "Stall", reported=True)
    assert (s.modality, roles(s)) == ("actual", {("participant", FATAH), ("participant", HAMAS)})
    assert [m.modality for m in of_type(x, "Meeting", reported=True)] == ["actual"]  # no failed "talks" too


def test_failing_to_end_something_else_is_no_stall() -> None:
    assert of_type(run("Fatah and Hamas met. The government has failed to end the power cuts.", "2016-09-08"),
                   "Stall") == []


@pytest.mark.parametrize("body", [
    "The Palestinian Authority has had no power in Gaza since 2007, when Hamas drove its forces out of the strip a "
    "year after winning parliamentary elections.",
    "Hamas seized the Gaza Strip from forces loyal to Abbas in 2007, a year after it won the parliamentary election.",
])
def test_a_year_after_counts_back_from_the_event_just_reported(body: str) -> None:
    (e,) = of_type(run(body, "2016-09-08"), "Election", reported=True)
    assert (e.time.text, e.time.earliest, e.time.latest) == ("a year after", "2006-01-01", "2006-12-31")
    (e,) = of_type(run("Hamas won the elections a year after Arafat died.", "2016-09-08"), "Election", reported=True)
    assert e.time.text != "a year after"  # no event before to count from


@pytest.mark.parametrize("sentence", [
    "The council has not met since the movements split in 2007.",
    "The council has not met since Fatah and Hamas split in 2007.",
])
def test_the_movements_split_in_a_year_is_the_split_as_it_happened(sentence: str) -> None:
    (s,) = of_type(run("Fatah and Hamas met in Cairo. " + sentence, "2018-12-23"), "Split", reported=True)
    assert (s.modality, s.time.earliest, roles(s)) == ("actual", "2007-01-01",
                                                       {("participant", FATAH), ("participant", HAMAS)})
    assert of_type(run("The company split in 2007.", "2018-12-23"), "Split") == []
