"""Round-13 rules on the real reference layer (invented sentences): a positive and a negative example each."""

from __future__ import annotations

import pytest
from extract_helpers import of_type, real_index, roles, run

from kg.articles.model import Article
from kg.extract import extract_article
from kg.extract.records import Event
from kg.extract.timex import find_times

ID = "https://w3id.org/reconciliation-kg/id/"
FATAH, HAMAS, EGYPT = ID + "party/fatah", ID + "party/hamas", ID + "state/egypt"
ABBAS, MASHAL = ID + "person/mahmoud-abbas", ID + "person/khaled-mashal"
EMIR = ID + "person/hamad-bin-khalifa-al-thani"


@pytest.fixture(scope="module")
def idx():
    return real_index()


def found(idx, body: str, type_: str, published: str = "2012-02-08") -> list[Event]:
    return of_type(run(body, published, idx), type_)


def reported(idx, body: str, type_: str, published: str = "2012-02-08") -> list[Event]:
    return of_type(run(body, published, idx), type_, reported=True)


def test_meeting_a_deadline_is_no_meeting(idx) -> None:
    assert reported(idx, "Hamas met the first deadline of the agreement on Wednesday.", "Meeting") == []
    assert reported(idx, "Hamas met its obligations under the deal.", "Meeting") == []
    (m,) = reported(idx, "Hamas met the Fatah delegation in Cairo on Wednesday.", "Meeting")
    assert roles(m) == {("participant", FATAH), ("participant", HAMAS)}


def test_accord_inside_a_government_name_is_no_agreement(idx) -> None:
    body = "Officials of the Ramallah-based government of national accord took over the Rafah crossing."
    assert found(idx, body, "Signing", "2017-11-01") == []  # not even as a background reference
    # the same word outside a name still reports an agreement
    (s,) = reported(idx, "Fatah and Hamas signed a national accord in Cairo on Monday.", "Signing")
    assert roles(s) == {("signatory", FATAH), ("signatory", HAMAS)}


def test_who_brokered_it_is_the_mediator_of_the_signing(idx) -> None:
    body = ("Abbas and Hamas politburo chief Khaled Mashal signed the Doha Declaration on Monday in the Qatari "
            "capital in the presence of the emir, Sheikh Hamad bin Khalifa Al Thani, who brokered it.")
    (s,) = reported(idx, body, "Signing")
    assert ("mediator", EMIR) in roles(s)
    assert reported(idx, body, "Mediation") == []


def test_brokered_text_goes_to_the_last_signing(idx) -> None:
    body = ("Fatah and Hamas signed a declaration in Cairo on Monday. "
            "Analysts said the Egyptian-brokered text would have little effect.")
    (s,) = reported(idx, body, "Signing")
    assert ("mediator", EGYPT) in roles(s)
    assert reported(idx, body, "Mediation") == []


def test_brokering_talks_stays_a_mediation(idx) -> None:
    # talks, not a deal: a mediation of its own, and a signing before it takes no mediator
    body = "Fatah and Hamas signed a deal in Cairo on Monday. Egypt has brokered talks between the two for years."
    (s,) = reported(idx, body, "Signing")
    assert roles(s) == {("signatory", FATAH), ("signatory", HAMAS)}
    (m,) = reported(idx, body, "Mediation")
    assert ("mediator", EGYPT) in roles(m)
    # no signing reported before it: the brokered deal stays a mediation
    (m,) = reported(idx, "Egypt brokered the deal between the two movements.", "Mediation")
    assert ("mediator", EGYPT) in roles(m)


def test_a_president_signing_with_a_faction_signs_for_his_party(idx) -> None:
    body = "Abbas and Hamas politburo chief Khaled Mashal signed the Doha Declaration on Monday."
    (s,) = reported(idx, body, "Signing")
    assert roles(s) == {("signatory", ABBAS), ("signatory", MASHAL), ("signatory", FATAH), ("signatory", HAMAS)}
    # alone, the president signs for the Authority: no party added
    (s,) = reported(idx, "Abbas signed the Doha Declaration on Monday.", "Signing")
    assert roles(s) == {("signatory", ABBAS)}


def test_a_brokered_deal_before_its_signing_names_its_mediator(idx) -> None:
    body = ("Under the Egyptian-brokered deal, the government is to assume control of Gaza by December 1. "
            "Saleh al-Arouri, who signed the accord for Hamas, said the movement was committed to it.")
    (s,) = reported(idx, body, "Signing", "2017-11-01")
    assert ("mediator", EGYPT) in roles(s)
    assert reported(idx, body, "Mediation", "2017-11-01") == []


def test_a_noun_trigger_with_its_own_time_after_it_is_an_event(idx) -> None:
    body = ("The factions committed to the timetable in last month's decree: legislative elections on May 22 "
            "and a presidential vote on July 31.")
    assert sorted((e.modality, e.time.earliest) for e in reported(idx, body, "Election", "2021-02-09")) == [
        ("planned", "2021-05-22"), ("planned", "2021-07-31")]
    # a noun without a time, governor or cue after it is a topic, not an event
    assert reported(idx, "The factions discussed the timetable of elections and reforms.", "Election",
                    "2021-02-09") == []
    # "votes" of a council approving a cabinet are no election
    assert reported(idx, "The council approved the cabinet by 83 votes to three.", "Election", "2007-03-17") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("A second round planned for mid-June was postponed.", ("2024-06-01", "2024-06-30")),  # reached: this June
    ("Talks are planned for mid-June.", ("2025-06-01", "2025-06-30")),  # still ahead: next June
    ("The vote scheduled for June 15 was held without incident.", ("2024-06-15", "2024-06-15")),
    ("The vote is scheduled for June 15.", ("2025-06-15", "2025-06-15")),
    ("Late-May talks in Cairo", ("2024-05-01", "2024-05-31")),
])
def test_month_parts_and_planned_dates_reported_in_the_past(text: str, expected: tuple[str, str]) -> None:
    (t,) = find_times(text, "2024-07-23")
    assert (t.spec.earliest, t.spec.latest) == expected


def test_a_mid_term_is_no_month() -> None:
    assert find_times("a mid-term review of the deal", "2024-07-23") == []


RAMALLAH, WEST_BANK = ID + "place/ramallah", ID + "place/west-bank"


def test_a_participle_clause_places_nothing_and_the_ceremony_gives_the_place(idx) -> None:
    body = ("President Mahmoud Abbas swore in a government of national consensus on Monday, formally ending seven "
            "years of rival administrations in the West Bank and Gaza. Several ministers could not attend the "
            "ceremony in Ramallah.")
    (s,) = reported(idx, body, "SwearingIn", "2014-06-02")
    assert s.place == RAMALLAH
    # without the ceremony sentence, no place: the West Bank belongs to the participle clause
    (s,) = reported(idx, body.rsplit(" Several", 1)[0], "SwearingIn", "2014-06-02")
    assert s.place is None
    # a place of the event itself, before the participle clause, stays
    (s,) = reported(idx, "Abbas swore in the government in Ramallah on Monday, ending years of division.",
                    "SwearingIn", "2014-06-02")
    assert s.place == RAMALLAH


def test_a_delegation_head_leads_the_meeting_the_passage_is_about(idx) -> None:
    body = ("Fatah and Hamas held talks in Cairo on Monday. Officials recalled that the two sides had met in Doha "
            "in 2012. The Fatah delegation was led by Azzam al-Ahmad.")
    led = {e.place.rsplit("/", 1)[-1]: ("leader", ID + "person/azzam-al-ahmad") in roles(e)
           for e in reported(idx, body, "Meeting", "2017-10-12")}
    assert led == {"cairo": True, "doha": False}


def test_a_time_before_the_first_verb_dates_the_coordinated_verbs(idx) -> None:
    body = "Abbas on Thursday dismissed the unity government, declared a state of emergency and named a new cabinet."
    (d,) = reported(idx, body, "Decree", "2007-06-15")
    assert d.time is not None and d.time.earliest == "2007-06-14"
    # a time after the first verb belongs to it alone
    body = "Abbas dismissed the unity government on Thursday, and Hamas declared a state of emergency."
    (d,) = reported(idx, body, "Decree", "2007-06-15")
    assert d.time is None


def test_a_meeting_reported_in_the_past_takes_no_future_date(idx) -> None:
    body = ("The decree, announced on Friday after Abbas met the commission chairman in Ramallah, also sets "
            "August 31 for the council elections.")
    (m,) = reported(idx, body, "Meeting", "2021-01-16")
    assert m.modality == "actual" and (m.time is None or m.time.earliest <= "2021-01-16")
    # a future date stays with a verb that is not in the past
    (m,) = reported(idx, "Abbas will meet the commission chairman in Ramallah on August 31.", "Meeting",
                    "2021-01-16")
    assert (m.modality, m.time.earliest) == ("planned", "2021-08-31")


TEBBOUNE, WANG = ID + "person/abdelmadjid-tebboune", ID + "person/wang-yi"


def test_guests_of_the_signing_ceremony_take_part_in_the_signing(idx) -> None:
    signed = "Fourteen factions, including Fatah and Hamas, signed a declaration in Algiers on Thursday. "
    (s,) = reported(idx, signed + "The signing took place at the Palace of Nations in the presence of President "
                    "Tebboune.", "Signing", "2022-10-13")
    assert ("participant", TEBBOUNE) in roles(s)
    (s,) = reported(idx, signed + "Foreign Minister Wang Yi, who attended the closing ceremony, praised the text.",
                    "Signing", "2022-10-13")
    assert ("participant", WANG) in roles(s)
    # presence at something else, or a ceremony with no signing before it, adds no one
    (s,) = reported(idx, signed + "Tebboune later attended a football match.", "Signing", "2022-10-13")
    assert ("participant", TEBBOUNE) not in roles(s)
    assert reported(idx, "Wang Yi attended the closing ceremony of the games.", "Signing", "2022-10-13") == []


def test_asked_him_to_form_a_government_names_the_person_just_named(idx) -> None:
    body = "Abbas named Mohammad Mustafa, a long-time adviser, on Thursday and asked him to form a new government."
    (g,) = [e for e in found(idx, body, "GovernmentFormation", "2024-03-15")]
    assert roles(g) == {("leader", ID + "person/mohammad-mustafa")}
    # the asker is never "him": with the appointee unknown, no leader is guessed
    body = "Abbas named Mustafa, a long-time adviser, on Thursday and asked him to form a new government."
    (g,) = [e for e in found(idx, body, "GovernmentFormation", "2024-03-15")]
    assert ("leader", ID + "person/mahmoud-abbas") not in roles(g)
    # "asked them" names no one person
    body = "Abbas met Mohammad Mustafa and Ismail Haniyeh on Thursday and asked them to form a new government."
    (g,) = [e for e in found(idx, body, "GovernmentFormation", "2024-03-15")]
    assert ("leader", ID + "person/ismail-haniyeh") not in roles(g)


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia on Friday welcomed the agreement signed in Cairo the day before.", "2017-10-12"),  # Friday - 1
    ("They met on 10 October 2017 and signed the deal the next day.", "2017-10-11"),
    ("The deal was signed the previous day.", "2017-10-12"),  # no day before it: the publication day - 1
])
def test_a_day_before_or_after_counts_from_the_day_just_named(text: str, expected: str) -> None:
    assert find_times(text, "2017-10-13")[-1].spec.earliest == expected


def test_the_day_before_an_event_is_no_time_of_its_own() -> None:
    assert find_times("Talks were held the day before the election.", "2017-10-13") == []


def test_meeting_the_guests_of_a_meeting_is_where_that_meeting_is(idx) -> None:
    body = ("Palestinian factions began talks in Moscow on Monday. Foreign Minister Sergei Lavrov received the "
            "delegations on Tuesday.")
    received = [e for e in reported(idx, body, "Meeting", "2019-02-13") if ("host", ID + "person/sergey-lavrov")
                in roles(e)]
    assert [e.place for e in received] == [ID + "place/moscow"]
    # guests named by name are no anaphor: the place stays unknown
    body = "Palestinian factions began talks in Moscow on Monday. Lavrov received Haniyeh on Tuesday."
    received = [e for e in reported(idx, body, "Consultation", "2019-02-13") if ("host", ID + "person/sergey-lavrov")
                in roles(e)]
    assert [e.place for e in received] == [None]


def test_the_decree_announced_on_a_day_dates_the_decree_just_reported(idx) -> None:
    body = ("President Mahmoud Abbas has issued a decree calling legislative elections on May 22. The decree, "
            "announced on Friday night after Abbas met the commission chairman, also covers the council.")
    (d,) = reported(idx, body, "Decree", "2021-01-16")
    assert d.time is not None and d.time.earliest == "2021-01-15"
    # a decree dated in its own sentence keeps its date
    body = ("Abbas issued a decree on 10 January calling elections. The decree, announced on Friday night, "
            "covers the council.")
    (d,) = reported(idx, body, "Decree", "2021-01-16")
    assert d.time.earliest == "2021-01-10"


@pytest.mark.parametrize("body", ["The decree also sets August 31 for completing elections to the council.",
                                  "Abbas set August 31 as the date for legislative elections."])
def test_a_date_set_for_an_event_plans_it(idx, body: str) -> None:
    (e,) = reported(idx, body, "Election", "2021-01-16")
    assert (e.modality, e.time.earliest) == ("planned", "2021-08-31")


def test_a_date_not_set_for_the_event_is_not_its_plan(idx) -> None:
    (e,) = reported(idx, "On August 31 for the first time, Hamas won the student elections.", "Election",
                    "2021-09-02")
    assert e.modality == "actual"


def test_a_span_since_a_year_is_no_time_of_a_one_moment_event(idx) -> None:
    body = ("Hamas elected Ismail Haniyeh as head of its political bureau, replacing Khaled Mashal, who had led it "
            "since 1996.")
    elections = reported(idx, body, "Election", "2017-05-06")
    assert elections and all(e.time is None or e.time.earliest != "1996-01-01" for e in elections)
    # a meeting may run "since Monday"
    (m,) = reported(idx, "Fatah and Hamas have held talks in Cairo since Monday.", "Meeting", "2017-05-06")
    assert m.time.earliest == "2017-05-01"


def test_it_was_the_first_meeting_continues_the_meeting_reported(idx) -> None:
    body = ("Leaders of Fatah and Hamas met in Ramallah on Thursday. It was the first meeting of the factions' "
            "secretaries-general at this level in years.")
    assert len(reported(idx, body, "Meeting", "2020-09-03")) == 1
    # with no meeting before it, the sentence reports one of its own
    assert len(reported(idx, "It was the first meeting of the two leaders in Doha since 2012.", "Meeting",
                        "2020-09-03")) == 1


def test_the_palestinian_movements_are_no_pair(idx) -> None:
    body = ("Fatah and Hamas met in Cairo on Monday. Russia's Foreign Ministry has contacts with the Palestinian "
            "movements, its spokeswoman said.")
    (c,) = reported(idx, body, "Consultation", "2020-03-12")
    assert not {p.entity for p in c.participants} & {FATAH, HAMAS}
    # "the two movements" still names the pair just mentioned
    body = "Fatah and Hamas met in Cairo on Monday. Russia has contacts with the two movements, its spokeswoman said."
    (c,) = reported(idx, body, "Consultation", "2020-03-12")
    assert {FATAH, HAMAS} <= {p.entity for p in c.participants}


@pytest.mark.parametrize(("text", "surface", "slug"), [
    ("The cabinet was approved by the Legislative Council on Saturday.", "Legislative Council",
     "org/palestinian-legislative-council"),
    ("The decree sets elections to the Palestinian National Council for August 31.", "Palestinian National Council",
     "org/palestinian-national-council"),
    ("Abbas met Central Elections Commission chairman Hanna Nasser.", "Central Elections Commission",
     "org/central-elections-commission"),
    ("Fatah Central Committee member Azzam al-Ahmad signed for Fatah.", "Fatah Central Committee",
     "org/fatah-central-committee"),
])
def test_palestinian_bodies_are_linked_to_the_reference_layer(idx, text: str, surface: str, slug: str) -> None:
    x = extract_article(Article(id="r", title=None, body=text, published="2021-01-16"), idx)
    assert [(m.text, m.entity, m.linked) for m in x.mentions if m.text == surface] == [(surface, ID + slug, True)]


def test_a_crossing_with_a_state_makes_it_no_partner(idx) -> None:
    body = "The government took over the Rafah crossing with Egypt and the Erez crossing with Israel on Wednesday."
    handovers = reported(idx, body, "Handover", "2017-11-01")  # one per crossing (round 16)
    assert sorted(h.territory for h in handovers) == [ID + "entity/erez-crossing", ID + "place/rafah-crossing"]
    for h in handovers:
        assert not {p.entity for p in h.participants} & {EGYPT, ID + "state/israel"}
    (m,) = reported(idx, "Hamas held talks with Egypt on Wednesday.", "Consultation", "2017-11-01")  # bilateral
    assert ("participant", EGYPT) in roles(m)


def test_a_handover_with_no_agent_continues_the_one_just_reported(idx) -> None:
    body = ("Hamas handed control of the Gaza Strip's border crossings to the Palestinian Authority on Wednesday. "
            "Officials of the government took over the Rafah crossing and the Erez crossing.")
    handovers = reported(idx, body, "Handover", "2017-11-01")
    assert len(handovers) == 3 and all(("agent", HAMAS) in roles(h) for h in handovers)  # Gaza, Rafah, Erez
    # with no handover before it, no agent is guessed
    (h,) = reported(idx, "Officials of the government took over the Rafah crossing on Wednesday.", "Handover",
                    "2017-11-01")
    assert not [p for p in h.participants if p.role == "agent"]


def test_a_report_naming_no_actors_merges_with_the_one_that_names_them(idx) -> None:
    body = ("A meeting of Palestinian factions in Moscow ended on Wednesday without a joint declaration. "
            "Representatives of a dozen factions, among them Fatah, Hamas and Islamic Jihad, had gathered since "
            "Monday at the Institute of Oriental Studies.")
    (m,) = reported(idx, body, "Meeting", "2019-02-13")
    assert m.place == ID + "place/moscow" and {FATAH, HAMAS} <= {p.entity for p in m.participants}
    # two meetings with different actors and places stay two
    body = "Fatah and Hamas met in Cairo on Monday. Fatah and Islamic Jihad met in Doha on Tuesday."
    assert len(reported(idx, body, "Meeting", "2019-02-13")) == 2


# --- cases from the review of round 13 (invented sentences) ------------------------------------------------

@pytest.mark.parametrize("body", ["Abbas discussed elections on Monday with the commission chairman.",
                                  "Hamas officials denounced the elections on Sunday as a farce.",
                                  "Hamas condemned the postponement of elections on Friday.",
                                  "The PLC approved the cabinet in a parliamentary vote on Saturday."])
def test_a_weekday_after_a_verbs_object_makes_no_election(idx, body: str) -> None:
    assert reported(idx, body, "Election", "2021-02-09") == []


@pytest.mark.parametrize("body", ["The factions agreed on legislative elections on May 22 and a presidential vote on "
                                  "July 31.",
                                  "Legislative elections on May 22 will be followed by a presidential vote on "
                                  "July 31."])
def test_elections_set_for_a_day_are_the_coming_ones(idx, body: str) -> None:
    assert sorted((e.modality, e.time.earliest) for e in reported(idx, body, "Election", "2021-02-09")) == [
        ("planned", "2021-05-22"), ("planned", "2021-07-31")]


@pytest.mark.parametrize("body", [
    "Fatah and Hamas signed a deal in Cairo on Monday. Russia, which brokered a separate declaration in Moscow in "
    "2019, welcomed it.",
    "Fatah and Hamas signed a deal in Cairo on Monday. Egypt also mediated the 2017 agreement.",
    "Fatah and Hamas signed a deal on Thursday. The Egyptian-brokered deal of 2011 was never implemented."])
def test_brokering_another_deal_names_no_mediator_of_this_signing(idx, body: str) -> None:
    (s,) = [e for e in reported(idx, body, "Signing", "2017-10-13") if e.confidence >= 0.9]
    assert not [p for p in s.participants if p.role == "mediator"]


@pytest.mark.parametrize(("body", "leader"), [
    ("Haniyeh said Abbas had asked him to form a new government.", "ismail-haniyeh"),
    ("Abbas said Mashal asked him to form a new government.", "mahmoud-abbas")])
def test_him_is_not_the_one_who_asks(idx, body: str, leader: str) -> None:
    (g,) = found(idx, body, "GovernmentFormation", "2024-03-15")
    assert roles(g) == {("leader", ID + "person/" + leader)}


def test_leading_a_delegation_on_another_trip_leads_no_meeting_here(idx) -> None:
    body = "Saleh al-Arouri, who led a Hamas delegation to Moscow in 2019, met Jibril Rajoub in Istanbul on Tuesday."
    (m,) = reported(idx, body, "Meeting", "2020-09-25")
    assert ("participant", ID + "person/saleh-al-arouri") in roles(m)
    assert not [p for p in m.participants if p.role == "leader"]


def test_a_possessor_of_the_object_of_meet_takes_no_part(idx) -> None:
    (m,) = reported(idx, "Abbas will meet Haniyeh's deputy on Monday.", "Meeting", "2020-03-12")
    assert ("participant", ID + "person/ismail-haniyeh") not in roles(m)


@pytest.mark.parametrize("body", [
    "Fatah and Hamas signed the deal on Monday. Next week the ceremony in Cairo will mark its anniversary.",
    "Fatah and Hamas signed the deal on Monday. Last year, the ceremony in Cairo had been cancelled."])
def test_a_ceremony_on_another_occasion_places_nothing(idx, body: str) -> None:
    (s,) = reported(idx, body, "Signing", "2014-06-03")
    assert s.place is None


def test_a_ceremony_guest_on_another_occasion_takes_no_part(idx) -> None:
    body = ("Fourteen factions signed the Algiers Declaration on Thursday. Lavrov attended the ceremony in Moscow for "
            "another deal on Friday.")
    (s,) = [e for e in reported(idx, body, "Signing", "2022-10-13") if e.confidence >= 0.9]
    assert ("participant", ID + "person/sergey-lavrov") not in roles(s) and s.place != ID + "place/moscow"


def test_visitors_received_on_another_occasion_are_not_placed_there(idx) -> None:
    for body in ("Palestinian factions met in Moscow in 2019. Lavrov received the delegations on Tuesday.",
                 # round 15: "two weeks later" is a time (two weeks after "Monday" would lie after publication)
                 "Palestinian factions met in Moscow on February 1. Two weeks later, Lavrov received the delegations "
                 "in his office."):
        received = [e for e in reported(idx, body, "Meeting", "2021-02-20")
                    if ("host", ID + "person/sergey-lavrov") in roles(e)]
        assert [e.place for e in received] == [None], body


def test_a_handover_in_another_year_takes_no_agent_from_this_one(idx) -> None:
    body = ("Hamas handed control of the crossings to the Palestinian Authority on Wednesday. In 2005, Israel "
            "withdrew and the PA took over the Rafah crossing.")
    old = [e for e in reported(idx, body, "Handover", "2017-11-01") if e.time and e.time.earliest < "2006"]
    assert old and not [p for p in old[0].participants if p.role == "agent"]


def test_an_election_won_is_one_event_with_its_day(idx) -> None:
    (e,) = reported(idx, "Hamas trounced Fatah in the legislative elections on Wednesday.", "Election", "2018-05-04")
    assert ("winner", HAMAS) in roles(e) and e.time.earliest == "2018-05-02"


def test_a_body_that_elects_is_the_agent(idx) -> None:
    (e,) = reported(idx, "The Palestinian National Council elected a new president of the council.", "Election",
                    "2018-05-04")
    assert roles(e) == {("agent", ID + "org/palestinian-national-council")}


@pytest.mark.parametrize(("text", "linked"), [
    ("The Syrian National Council met in Istanbul on Monday.", False),
    ("Jordan's Legislative Council met on Monday.", False),
    ("The Central Elections Commission of Egypt announced the results.", False),
    ("Egypt's National Council for Women held a forum.", False),
    ("The Legislative Council approved the cabinet.", True),
    ("Elections to the National Council will be held in August.", True),
    ("The PLC has not met since 2007.", True),
])
def test_a_foreign_body_of_the_same_name_is_not_the_palestinian_one(idx, text: str, linked: bool) -> None:
    x = extract_article(Article(id="r", title=None, body=text, published="2018-05-01"), idx)
    palestinian = {ID + "org/" + k for k in ("palestinian-national-council", "palestinian-legislative-council",
                                             "central-elections-commission")}
    assert any(m.entity in palestinian for m in x.mentions) == linked


def test_a_company_plc_is_no_council(idx) -> None:
    x = extract_article(Article(id="r", title=None, body="Barclays PLC and HSBC Holdings PLC reported profits.",
                                published="2018-05-01"), idx)
    assert not [m for m in x.mentions if m.entity.endswith("palestinian-legislative-council")]


@pytest.mark.parametrize(("text", "expected"), [
    ("They met the day before yesterday.", "2024-07-21"),
    ("The next day, Hamas officials left Cairo.", "2024-07-24"),
    ("The day before, Hamas officials left Cairo.", "2024-07-22"),
    ("Fatah signed on Monday, and the next day Hamas handed over the crossings.", "2024-07-23"),
])
def test_day_relative_times_in_more_wordings(text: str, expected: str) -> None:
    assert find_times(text, "2024-07-23")[-1].spec.earliest == expected


def test_since_a_month_still_ahead_is_last_years() -> None:
    (t,) = find_times("Talks have been held since mid-August.", "2024-07-23")
    assert (t.spec.earliest, t.spec.latest) == ("2023-08-01", "2024-07-23")


def test_a_one_moment_event_named_since_a_year_is_that_year(idx) -> None:
    (s,) = reported(idx, "Since the 2007 rift, Hamas has ruled Gaza.", "Split", "2017-11-01")
    assert (s.time.earliest, s.time.latest) == ("2007-01-01", "2007-12-31")


def test_both_palestinian_factions_are_the_pair(idx) -> None:
    body = "Fatah and Hamas met in Cairo on Monday. Both Palestinian factions signed a document on Wednesday."
    (s,) = reported(idx, body, "Signing", "2020-09-25")
    assert {FATAH, HAMAS} <= {p.entity for p in s.participants}


def test_talks_about_a_crossing_with_egypt_keep_egypt(idx) -> None:
    (c,) = reported(idx, "Hamas officials discussed the Rafah crossing with Egyptian officials on Wednesday.",
                    "Consultation", "2017-11-01")
    assert ("participant", EGYPT) in roles(c)


def test_a_quote_after_a_speech_on_a_day_starts_after_that(idx) -> None:
    x = extract_article(Article(id="r", title=None, body="Abbas said in a speech on Thursday that elections would "
                                "be postponed.", published="2021-04-30"), idx)
    assert [e.quote for e in x.events if e.type == "Statement"] == ["elections would be postponed"]


def test_contacted_takes_its_objects(idx) -> None:
    (c,) = reported(idx, "Abbas contacted Haniyeh by telephone on Monday.", "Consultation", "2017-06-16")
    assert roles(c) == {("participant", ID + "person/mahmoud-abbas"), ("participant", ID + "person/ismail-haniyeh")}


def test_a_time_set_off_by_commas_is_shared_too(idx) -> None:
    body = "Abbas, on Thursday, dismissed the unity government and declared a state of emergency."
    (d,) = reported(idx, body, "Decree", "2017-06-16")
    assert d.time is not None and d.time.earliest == "2017-06-15"
    assert reported(idx, body, "Statement", "2017-06-16") == []  # declaring an emergency is an act, not words


@pytest.mark.parametrize(("body", "speaker"), [
    ('"We are ready," Haniyeh said in an interview with Al Jazeera.', ID + "person/ismail-haniyeh"),
    ('"We are ready," a spokesman for Hamas said.', HAMAS),
    ("A spokesman for Hamas said the talks would resume.", HAMAS)])
def test_more_attributions_of_statements(idx, body: str, speaker: str) -> None:
    (s,) = reported(idx, body, "Statement", "2017-06-16")
    assert [p.entity for p in s.participants if p.role == "speaker"] == [speaker]


def test_members_of_the_delegation_take_part_in_its_meeting(idx) -> None:
    body = ("Lavrov will receive Ismail Haniyeh in Moscow on March 2. Hamas officials said the delegation would "
            "include his deputy Saleh al-Arouri and politburo member Mousa Abu Marzouk, and that it planned more.")
    (m,) = [e for e in reported(idx, body, "Consultation", "2020-02-27") if e.place == ID + "place/moscow"]
    assert {ID + "person/saleh-al-arouri", ID + "person/mousa-abu-marzouk"} <= {p.entity for p in m.participants}
    # a delegation of another occasion adds no one
    body = ("Fatah and Hamas met in Cairo on Monday. Last year the delegation included Saleh al-Arouri and Mousa Abu "
            "Marzouk.")
    (m,) = reported(idx, body, "Meeting", "2020-02-27")
    assert ID + "person/saleh-al-arouri" not in {p.entity for p in m.participants}


@pytest.mark.parametrize(("body", "type_"), [
    ("Yemen's plan calls for Gaza to return to what it was before Hamas took over the strip last June.", "Takeover"),
    ("Hamas said it had not been consulted even though it had just taken part in a meeting of factions in Moscow.",
     "Meeting")])
def test_a_past_clause_after_before_or_though_keeps_its_actual_modality(idx, body: str, type_: str) -> None:
    assert [e.modality for e in reported(idx, body, type_, "2008-03-23")] == ["actual"]
    # the cue still reaches a trigger in its own clause
    assert [e.modality for e in reported(idx, "Hamas said it had not taken part in a meeting in Moscow.", "Meeting",
                                         "2008-03-23")] == ["denied"]


def test_a_coordinated_planned_verb_shares_the_subject(idx) -> None:
    body = ("Abbas was received in El Alamein by Major General Abbas Kamel, director of Egypt's General Intelligence, "
            "and was due to meet President Abdel Fattah al-Sisi on Monday.")
    (m,) = [e for e in reported(idx, body, "Meeting", "2023-07-30") if e.modality == "planned"]
    assert ("participant", ID + "person/mahmoud-abbas") in roles(m)
    assert ("participant", ID + "person/abbas-kamel") not in roles(m)


def test_a_call_for_a_list_of_elections_proposes_them(idx) -> None:
    body = "Abbas repeated his call for presidential, legislative and National Council elections on Thursday."
    assert [e.modality for e in reported(idx, body, "Election", "2021-04-30")] == ["proposed"]
    # a far noun after other words is no part of the call
    body = "Abbas repeated his call for calm in the streets of the city before the coming elections."
    assert [e.modality for e in reported(idx, body, "Election", "2021-04-30")] != ["proposed"]


@pytest.mark.parametrize("published", ["2020-13-45", "12 March 2020", "2020-02-30"])
def test_a_malformed_publication_date_is_no_date_and_no_crash(idx, published: str) -> None:
    x = extract_article(Article(id="r", title=None, body="Abbas met Haniyeh on Monday.", published=published), idx)
    assert [(e.type, e.time) for e in x.events] == [("Meeting", None)]


def test_the_hamdallah_government_is_the_one_he_led(idx) -> None:
    (c,) = reported(idx, "The Hamdallah government resigned on Monday.", "Collapse", "2019-01-30")
    assert roles(c) == {("agent", ID + "government/2014-06-02-national-consensus")}
