"""Round-16 rules on the real reference layer (invented sentences): a positive and a negative example each."""

from __future__ import annotations

import pytest
from extract_helpers import DOMAIN, ID, of_type, roles, run

FATAH, HAMAS = ID + "party/fatah", ID + "party/hamas"


def persons(body: str) -> list[tuple[str, bool]]:
    return [(m.text, m.linked) for m in run(body).mentions if m.type == "Person"]


@pytest.mark.parametrize(("body", "name"), [
    ("The date was given on Sunday by the justice minister, Ali Abu Diak, who said the court had ruled.",
     "Ali Abu Diak"),
    ("The ruling, issued by the head of the court, Hisham al-Hatoo, answered a petition.", "Hisham al-Hatoo"),
    ("The petition was lodged by a lawyer, Nael al-Houh, last month.", "Nael al-Houh"),
    ("Abbas was accompanied by his deputy prime minister, Ziad Abu Amr, and others.", "Ziad Abu Amr"),
    ("The movement's spokesman, Hazem Qassem, said no.", "Hazem Qassem"),
    ("The chairman of the committee, Hanna Nasser said the vote would go ahead.", "Hanna Nasser"),
])
def test_a_name_set_off_after_its_title_is_a_person(body: str, name: str) -> None:
    assert (name, False) in persons(body)


@pytest.mark.parametrize("body", [
    "Said the minister, Egypt Wants Calm, a slogan, was printed.",           # no determiner before the title
    "It named the minister, Foreign Affairs and Expatriates, in charge.",     # the name does not end the phrase
    "The head of the court, Hisham, answered.",                             # one name is no personal name
    "Under the president, Central Elections are due.",                      # not set off by a following comma
])
def test_no_person_without_a_title_apposition(body: str) -> None:
    assert not [p for p in persons(body) if not p[1]]


def test_a_name_after_headed_or_led_by_is_a_person() -> None:
    assert ("Vitaly Naumkin", False) in persons("The institute, headed by Vitaly Naumkin, hosted the factions.")
    assert ("Khalil Hamdan", False) in persons("A team led by Khalil Hamdan arrived in Cairo.")
    # an organisation name goes on after the name: not a person ("led by Ahmed Hilles Institute staff")
    assert not persons("The effort was led by Ahmed Hilles Institute staff.")
    assert not persons("The talks were led by officials of both sides.")


def test_the_head_of_a_host_body_is_not_a_role_in_the_meeting() -> None:
    body = ("Fatah and Hamas held talks in Moscow on Tuesday hosted by the Institute of Oriental Studies, "
            "headed by Vitaly Naumkin.")
    (m,) = of_type(run(body, "2017-01-17"), "Meeting")
    assert {r for r, i in roles(m)} == {"host", "participant"}
    assert ("participant", FATAH) in roles(m) and ("participant", HAMAS) in roles(m)
    assert not [i for _, i in roles(m) if "naumkin" in i]
    # nor the head of a host service (adjudication rule 5: no leader for the head of a body with another role) …
    (k,) = of_type(run(DOMAIN + "Fatah and Hamas met in Cairo on Tuesday, hosted by the Egyptian intelligence, "
                       "led by Abbas Kamel.", "2017-01-17"), "Meeting")
    assert not [i for _, i in roles(k) if "abbas-kamel" in i]
    # … while a delegation's head still leads it
    (d,) = of_type(run(DOMAIN + "Fatah and Hamas met in Cairo on Tuesday, with the Fatah delegation led by Azzam "
                       "al-Ahmad.", "2017-01-17"), "Meeting")
    assert ("leader", ID + "person/azzam-al-ahmad") in roles(d)


def statements(body: str, published: str = "2016-09-08") -> list[tuple[set, str | None]]:
    return [({i.rsplit("/", 1)[-1] for _, i in roles(e)}, e.time.earliest if e.time else None)
            for e in of_type(run(body, published), "Statement")]


@pytest.mark.parametrize(("body", "day"), [
    ("Hamas announced in July that it would field candidates.", "2016-07-01"),
    ("Hamas, which boycotted the vote in 2012, announced last week that it would field candidates.", "2016-08-29"),
    ("Hamas announced on Tuesday that it would field candidates.", "2016-09-06"),
])
def test_announced_with_a_time_before_that_is_a_statement(body: str, day: str) -> None:
    assert statements(body) == [({"hamas"}, day)]


@pytest.mark.parametrize("body", [
    "Hamas announced in July a plan to field candidates.",      # an act, not words: no "that" clause
    "Hamas announced its candidates in July.",
])
def test_announced_without_that_is_no_statement(body: str) -> None:
    assert statements(body) == []


def test_a_statement_with_a_clause_of_circumstance_after_it() -> None:
    body = ("Palestinian factions meeting in Moscow have agreed on a joint statement, Palestinian Ambassador to "
            "Russia Abdel Hafiz Nofal said on Tuesday, as Foreign Minister Sergei Lavrov received the delegations.")
    assert statements(body, "2019-02-12") == [({"abdel-hafiz-nofal"}, "2019-02-12")]
    # the preposition in the speaker's own title ("Ambassador to Russia") does not hide the speaker …
    assert statements("The factions agreed on a text, Ambassador to Russia Abdel Hafiz Nofal said.",
                      "2019-02-12") == [({"abdel-hafiz-nofal"}, "2019-02-12")]
    # … while a principal after "a spokesman for" still speaks through him
    assert statements("The deal holds, a spokesman for Abbas said.", "2019-02-12") == [
        ({"mahmoud-abbas"}, "2019-02-12")]
    # no speech verb before the clause of circumstance: no statement
    assert statements("The factions agreed on a text on Tuesday, as Lavrov received the delegations.",
                      "2019-02-12") == []


def handovers(body: str) -> list[str | None]:
    return sorted((e.territory or "").rsplit("/", 1)[-1] for e in of_type(run(DOMAIN + body, "2017-11-01"),
                                                                         "Handover"))


def test_one_handover_per_crossing_of_a_list() -> None:
    assert handovers("Officials of the government of national accord took over the Rafah crossing with Egypt, the "
                     "Kerem Shalom goods terminal and the Erez crossing with Israel on Wednesday.") == [
        "erez-crossing", "kerem-shalom-crossing", "rafah-crossing"]
    assert handovers("The government took over the Rafah and Erez crossings on Wednesday.") == [
        "erez-crossing", "rafah-crossing"]


def test_a_crossing_outside_the_list_is_no_second_handover() -> None:
    assert handovers("Hamas handed over the Rafah crossing to the Palestinian Authority on Wednesday, while Egypt "
                     "kept the Kerem Shalom crossing shut.") == ["rafah-crossing"]


@pytest.mark.parametrize(("body", "kind"), [
    ("Russian Foreign Minister Sergei Lavrov will receive Ismail Haniyeh in Moscow on March 2.", "Consultation"),
    ("Chinese Foreign Minister Wang Yi met Mahmoud al-Aloul in Beijing on Monday.", "Consultation"),
    ("Egypt hosted talks between Fatah and Hamas in Cairo on Monday.", "Meeting"),  # two Palestinian sides
    ("Abbas met Haniyeh in Doha on Monday.", "Meeting"),                             # no foreign side
])
def test_bilateral_talks_with_a_foreign_side_are_a_consultation(body: str, kind: str) -> None:
    got = [e.type for e in of_type(run(DOMAIN + body, "2020-02-27"), None) if e.type in ("Meeting", "Consultation")]
    assert got == [kind]


def test_actor_sides() -> None:
    from extract_helpers import real_index

    from kg.extract.event_norms import actor_side

    idx = real_index()
    assert actor_side(idx, ID + "person/sergey-lavrov") == ("foreign", ID + "state/russia")
    assert actor_side(idx, ID + "person/ismail-haniyeh") == ("palestinian", HAMAS)
    assert actor_side(idx, ID + "person/mahmoud-abbas") == ("palestinian", FATAH)
    assert actor_side(idx, ID + "org/egyptian-general-intelligence") == ("foreign", ID + "state/egypt")
    assert actor_side(idx, ID + "org/palestinian-authority") == ("palestinian", ID + "org/palestinian-authority")
    assert actor_side(idx, ID + "entity/nobody-known") is None


def test_the_actors_right_after_a_meeting_nouns_of_meet() -> None:
    (m,) = of_type(run("Russia hosted meetings of Fatah and Hamas in 2011.", "2020-03-12"), "Meeting")
    assert roles(m) == {("host", ID + "state/russia"), ("participant", FATAH), ("participant", HAMAS)}
    # the body named after "of" meets, not the movement it belongs to
    (m,) = of_type(run(DOMAIN + "Abbas chaired a meeting of the Fatah Central Committee in Ramallah on Monday.",
                       "2020-03-12"), "Meeting")
    assert roles(m) == {("leader", ID + "person/mahmoud-abbas"), ("participant", ID + "org/fatah-central-committee")}


def test_an_agreement_reached_at_a_time_before_another_clause_is_a_signing() -> None:
    body = DOMAIN + ("The consensus government was formed under an earlier agreement reached in the spring of 2014 "
                     "but never took control of Gaza.")
    (s,) = of_type(run(body, "2017-10-12"), "Signing", reported=True)
    assert (s.time.earliest, s.time.latest) == ("2014-03-01", "2014-05-31")
    # a name in passing, with nothing reached or signed, stays background
    assert of_type(run(DOMAIN + "The government recalled the agreement of the spring of 2014 but did nothing.",
                       "2017-10-12"), "Signing", reported=True) == []


def test_a_government_that_takes_control_receives_it() -> None:
    body = DOMAIN + "The consensus government was formed in 2014 but never took control of Gaza."
    (h,) = of_type(run(body, "2017-10-12"), "Handover")
    assert h.modality == "failed" and roles(h) == {("recipient", ID + "government/2014-06-02-national-consensus")}
    assert of_type(run(body, "2017-10-12"), "Takeover") == []
    # a movement that takes control takes it over
    (t,) = of_type(run(DOMAIN + "Hamas took control of Gaza in June 2007.", "2017-10-12"), "Takeover")
    assert roles(t) == {("agent", HAMAS)}


@pytest.mark.parametrize("body", [
    "Palestinian factions including Fatah and Hamas have agreed on a joint statement, an official said on Tuesday.",
    "Fatah and Hamas approved a joint declaration in Beijing on Tuesday.",
    "Fatah and Hamas ended two days of talks in Moscow on Friday with a statement stressing national unity.",
])
def test_a_text_the_parties_approved_is_a_signing(body: str) -> None:
    (s,) = of_type(run(DOMAIN + body, "2019-02-12"), "Signing")
    assert {("signatory", FATAH), ("signatory", HAMAS)} <= roles(s)


@pytest.mark.parametrize("body", [
    "Hamas welcomed the deal with a statement calling for calm.",      # a statement, not the text of talks
    "The cabinet approved the budget on Tuesday.",                      # no agreement noun
    "Fatah and Hamas agreed on a statement of principles to discuss.",  # no joint/final/closing statement
])
def test_no_signing_without_a_text_of_the_parties(body: str) -> None:
    assert of_type(run(DOMAIN + body, "2019-02-12"), "Signing") == []


def test_talks_that_end_with_a_statement_stay_a_meeting_too() -> None:
    x = run(DOMAIN + "Fatah and Hamas ended two days of talks in Moscow on Friday with a statement stressing unity.",
            "2019-02-12")
    assert len(of_type(x, "Meeting")) == 1 and len(of_type(x, "Signing")) == 1


def test_a_post_taken_in_the_present_of_a_report() -> None:
    x = run(DOMAIN + "Fatah's Azzam al-Ahmad becomes deputy prime minister, independent lawmaker Salam Fayyad returns "
                     "as finance minister.", "2007-03-17")
    posts = {(e.participants[0].entity.rsplit("/", 1)[-1], e.time.earliest if e.time else None)
             for e in of_type(x, "PostHolding")}
    assert posts == {("azzam-al-ahmad", "2007-03-17"), ("salam-fayyad", "2007-03-17")}
    # taking a view or a line is no post
    assert of_type(run(DOMAIN + "Abbas takes the view that elections are needed.", "2007-03-17"), "PostHolding") == []
    # a past "took the … ministry" keeps the time the text gives, or none
    (p,) = of_type(run(DOMAIN + "Salam Fayyad took the finance ministry.", "2007-03-17"), "PostHolding")
    assert p.time is None


def test_a_clause_after_but_that_opens_with_a_speech_verb_is_the_subjects_statement() -> None:
    body = DOMAIN + ("Abbas said on Saturday the council was dissolved. He did not say when the judges had reached "
                     "their decision, but warned that, if Hamas continued to reject reconciliation, the leadership "
                     "would act.")
    got = [(roles(e), e.quote, e.time.earliest if e.time else None)
           for e in of_type(run(body, "2018-12-23"), "Statement")]
    abbas = {("speaker", ID + "person/mahmoud-abbas")}
    assert got == [(abbas, "the council was dissolved", "2018-12-22"),
                   (abbas, "if Hamas continued to reject reconciliation, the leadership would act", "2018-12-22")]
    # no speech verb after "but": no statement
    assert of_type(run(DOMAIN + "Abbas did not give a date, but dissolved the council.", "2018-12-23"),
                   "Statement") == []
