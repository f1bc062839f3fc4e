"""Wordings of each event type (invented sentences): many verbs and nouns for one event, and look-alikes that
are no event. Rules over verbs and roles should cover a reporter's variety, not one article's wording."""

from __future__ import annotations

import pytest

from kg.articles.model import Article
from kg.extract import extract_article
from kg.extract.merge import REPORTED_CONFIDENCE
from kg.reference import default_reference_paths, load_reference_files

INDEX = load_reference_files(default_reference_paths())

WORDINGS = [
    ('Meeting', 'actual', 'Fatah and Hamas delegations convened in Cairo on Monday.'),
    ('Meeting', 'actual', 'Representatives of Fatah and Hamas gathered in Doha on Sunday for talks.'),
    ('Meeting', 'actual', 'Fatah and Hamas officials sat down in Cairo on Monday.'),
    ('Meeting', 'actual', 'A Hamas delegation arrived in Cairo on Monday for talks with Egyptian officials.'),
    ('Meeting', 'actual', 'Haniyeh visited Cairo on Monday and held talks with Egyptian intelligence chief Kamel.'),
    ('Meeting', 'actual', 'Abbas hosted Haniyeh in Ramallah on Monday.'),
    ('Meeting', 'actual', 'The two delegations wrapped up two days of talks in Cairo on Tuesday.'),
    ('Meeting', 'actual', 'Fatah and Hamas concluded their talks in Cairo on Tuesday.'),
    ('Meeting', 'actual', 'The talks between Fatah and Hamas resumed in Cairo on Tuesday.'),
    ('Meeting', 'actual', 'Egypt convened a meeting of Palestinian factions in Cairo on Tuesday.'),
    ('Meeting', 'actual', 'Fatah and Hamas leaders huddled in Doha on Tuesday.'),
    ('Meeting', 'actual', 'Abbas and Haniyeh held a rare meeting in Doha on Tuesday.'),
    ('Meeting', 'actual', 'Abbas received a Hamas delegation in Ramallah on Tuesday.'),
    ('Meeting', 'actual', 'The summit brought together Abbas and Haniyeh in Algiers on Tuesday.'),
    ('Meeting', 'planned', 'Fatah and Hamas are set to meet in Cairo next week.'),
    ('Meeting', 'planned', 'Fatah and Hamas will hold talks in Cairo next week.'),
    ('Meeting', 'planned', 'Egypt is expected to host talks between Fatah and Hamas next week.'),
    ('Meeting', 'postponed', 'The talks between Fatah and Hamas were postponed indefinitely.'),
    ('Meeting', 'postponed', 'Egypt delayed the meeting between Fatah and Hamas.'),
    ('Meeting', 'failed', 'The talks between Fatah and Hamas collapsed on Tuesday.'),
    ('Meeting', 'failed', 'The meeting between Fatah and Hamas was cancelled at the last minute.'),
    ('Signing', 'actual', 'Fatah and Hamas inked a deal in Cairo on Thursday.'),
    ('Signing', 'actual', 'Fatah and Hamas sealed a reconciliation pact in Cairo on Thursday.'),
    ('Signing', 'actual', 'Fatah and Hamas agreed on a reconciliation deal in Cairo on Thursday.'),
    ('Signing', 'actual', 'Fatah and Hamas struck an agreement in Cairo on Thursday.'),
    ('Signing', 'actual', 'Fatah and Hamas initialled an agreement in Cairo on Thursday.'),
    ('Signing', 'actual', 'The rivals signed off on a unity deal in Cairo on Thursday.'),
    ('Signing', 'actual', 'Fatah and Hamas reached a reconciliation agreement in Cairo on Thursday.'),
    ('Signing', 'actual', 'A reconciliation agreement was signed by Fatah and Hamas in Cairo on Thursday.'),
    ('Signing', 'actual', 'Fatah and Hamas agreed to a unity deal in Cairo on Thursday.'),
    ('Signing', 'planned', 'Fatah and Hamas are expected to sign the agreement on Sunday.'),
    ('Signing', 'planned', 'Fatah and Hamas will sign a reconciliation agreement in Cairo next week.'),
    ('Signing', 'failed', 'Fatah and Hamas failed to reach an agreement in Cairo.'),
    ('GovernmentFormation', 'actual', 'Abbas formed a new government on Sunday.'),
    ('GovernmentFormation', 'actual', 'A unity government was formed on Sunday.'),
    ('GovernmentFormation', 'actual', 'Prime Minister Rami Hamdallah unveiled his new cabinet on Sunday.'),
    ('GovernmentFormation', 'actual', 'Abbas appointed Mohammad Shtayyeh to form a new government.'),
    ('GovernmentFormation', 'planned', 'Fatah and Hamas agreed to form a unity government within five weeks.'),
    ('SwearingIn', 'actual', 'The new government was sworn in on Monday.'),
    ('SwearingIn', 'actual', 'The ministers took the oath of office before Abbas on Monday.'),
    ('SwearingIn', 'actual', 'Abbas swore in the new cabinet on Monday.'),
    ('Collapse', 'actual', 'Abbas dissolved the unity government on Thursday.'),
    ('Collapse', 'actual', "Hamdallah's government resigned on Monday."),
    ('Collapse', 'actual', 'Abbas sacked the Hamas-led government on Thursday.'),
    ('Collapse', 'actual', 'The unity government collapsed in June 2007.'),
    ('Takeover', 'actual', 'Hamas seized control of the Gaza Strip in June 2007.'),
    ('Takeover', 'actual', 'Hamas took over Gaza in 2007.'),
    ('Takeover', 'actual', 'Hamas wrested control of Gaza from Fatah in 2007.'),
    ('Takeover', 'actual', 'Hamas gained control of the Gaza Strip in 2007.'),
    ('Handover', 'actual', 'Hamas handed over the Rafah crossing to the Palestinian Authority on Wednesday.'),
    ('Handover', 'actual', 'Hamas transferred control of the crossings to the government on Wednesday.'),
    ('Handover', 'actual', 'The government assumed control of the Gaza crossings on Wednesday.'),
    ('Handover', 'planned', 'The government is to take control of the crossings by November 1.'),
    ('Election', 'actual', 'Hamas won the 2006 legislative elections.'),
    ('Election', 'actual', 'Palestinians voted in legislative elections on Wednesday.'),
    ('Election', 'actual', 'Hamas swept the 2006 parliamentary vote.'),
    ('Election', 'planned', 'Abbas called elections for May 22.'),
    ('Election', 'planned', 'Palestinians will go to the polls on May 22.'),
    ('Election', 'postponed', 'Abbas postponed the legislative elections on Thursday.'),
    ('Election', 'postponed', 'The elections were delayed indefinitely.'),
    ('Election', 'failed', 'The government failed to hold elections.'),
    ('Postponement', 'actual', 'Abbas postponed the legislative elections on Thursday.'),
    ('Mediation', 'actual', 'Egypt mediated between Fatah and Hamas in Cairo.'),
    ('Mediation', 'actual', 'Qatar brokered the talks between Fatah and Hamas.'),
    ('Consultation', 'actual', 'Lavrov spoke by phone with Haniyeh on Tuesday.'),
    ('Consultation', 'actual', 'Russia held consultations with Hamas and Fatah on Tuesday.'),
    ('Consultation', 'actual', 'Egyptian officials contacted Hamas and Fatah leaders on Tuesday.'),
    ('Proposal', 'actual', 'Egypt proposed a new reconciliation plan on Tuesday.'),
    ('Proposal', 'actual', 'Algeria put forward an initiative to end the division on Tuesday.'),
    ('Proposal', 'actual', 'Russia offered to host talks between Fatah and Hamas.'),
    ('Stall', 'actual', 'The reconciliation process stalled over security control.'),
    ('Stall', 'actual', 'Reconciliation efforts have been deadlocked for months.'),
    ('Stall', 'actual', 'Implementation of the deal has faltered.'),
    ('Split', 'actual', 'The 2007 split left Hamas in control of Gaza.'),
    ('Meeting', 'planned', 'A new round of talks is scheduled for next week in Cairo.'),
    ('Election', 'planned', 'The elections are slated for May 22.'),
    ('Meeting', 'actual', 'Hamas and Fatah negotiators met behind closed doors in Cairo on Monday.'),
    ('Meeting', 'actual', 'Haniyeh held talks with Egyptian intelligence chief Abbas Kamel in Cairo on Monday.'),
    ('Meeting', 'actual', 'The Fatah and Hamas delegations met for a second day in Doha on Tuesday.'),
    ('Meeting', 'actual', 'Abbas met with Haniyeh in Doha on Tuesday.'),
    ('Meeting', 'actual', 'Talks between Fatah and Hamas opened in Cairo on Tuesday.'),
    ('Meeting', 'actual', 'Delegations from Fatah and Hamas held a round of talks in Cairo on Tuesday.'),
    ('Meeting', 'actual', 'Fatah and Hamas negotiators ended their meeting in Cairo on Tuesday.'),
    ('Meeting', 'actual', 'Palestinian factions began two days of talks in Moscow on Monday.'),
    ('Meeting', 'hoped', 'Russia hopes Fatah and Hamas will meet in Moscow soon.'),
    ('Meeting', 'proposed', 'Egypt called on Fatah and Hamas to resume talks.'),
    ('Meeting', 'proposed', 'Russia proposed hosting a meeting of the Palestinian factions.'),
    ('Signing', 'actual', 'Fatah and Hamas signed a memorandum of understanding in Cairo on Thursday.'),
    ('Signing', 'actual', 'Fatah and Hamas on Thursday signed a deal to end their decade-long rift.'),
    ('Signing', 'actual', 'The two movements signed the Cairo agreement on Thursday.'),
    ('Signing', 'actual', 'Azzam al-Ahmad and Saleh al-Arouri signed the document in Cairo on Thursday.'),
    ('Signing', 'actual', 'Fatah and Hamas concluded an agreement in Cairo on Thursday.'),
    ('Signing', 'planned', 'Fatah and Hamas are due to sign the agreement on Sunday.'),
    ('Signing', 'hoped', 'Russia hopes Fatah and Hamas will sign a unity deal.'),
    ('Election', 'actual', 'Hamas won a majority in the 2006 legislative elections.'),
    ('Election', 'actual', 'Palestinians elected a new parliament in January 2006.'),
    ('Election', 'planned', 'Abbas issued a decree setting elections for May 22.'),
    ('Collapse', 'actual', 'The unity deal collapsed within months.'),
    ('Collapse', 'actual', 'The reconciliation agreement fell apart in 2007.'),
    ('Stall', 'actual', 'Implementation of the Cairo agreement stalled in 2018.'),
    ('Takeover', 'actual', 'Hamas fighters seized the Gaza Strip in June 2007.'),
    ('Takeover', 'actual', 'Hamas took control of Gaza in 2007 after a week of fighting.'),
    ('Handover', 'actual', "Hamas handed control of Gaza's ministries to the government on Monday."),
    ('Handover', 'planned', 'Hamas is to hand over the crossings to the government by November 1.'),
    ('SwearingIn', 'actual', "Hamdallah's government took office on Monday."),
    ('SwearingIn', 'actual', 'The new cabinet was sworn in before Abbas in Ramallah on Monday.'),
    ('Mediation', 'actual', 'Egypt has mediated between the rival movements since 2007.'),
    ('Proposal', 'actual', 'Egypt presented a draft reconciliation paper to the factions on Monday.'),
    ('Proposal', 'actual', 'Algeria floated a plan to reunite the factions.'),
    ('Decree', 'actual', 'Abbas issued a decree setting elections for May 22.'),
    ('Decree', 'actual', 'Abbas appointed Mohammad Mustafa prime minister on Thursday.'),
    ('Postponement', 'actual', 'Abbas delayed the elections on Thursday.'),
    ('Consultation', 'actual', 'Lavrov discussed the reconciliation with Haniyeh by telephone on Monday.'),
]

LOOK_ALIKES = [
    ('Election', 'Hamas said elected officials would attend.'),
    ('Takeover', 'The army routed the protesters in Gaza.'),
    ('Meeting', 'The committee convened a press conference on Monday.'),
    ('GovernmentFormation', 'Abbas presented the government with a list of demands.'),
    ('GovernmentFormation', "Hamas announced the government's decision on Monday."),
    ('Signing', "Fatah and Hamas agreed on the deal's implementation timetable."),
    ('Signing', 'Hamas said it agreed to the principle of a deal.'),
    ('Takeover', "Hamas won control of the council's committees."),
    ('Handover', 'The government transferred salaries to Gaza employees.'),
    ('Consultation', 'The ministry contacted reporters on Monday.'),
    ('Meeting', 'Abbas received a phone call from Haniyeh on Monday.'),
    ('Meeting', 'Abbas received an award in Paris.'),
]


def reported(text: str) -> list[tuple[str, str]]:
    x = extract_article(Article(id="w", title=None, body=text, published="2020-03-12"), INDEX)
    return [(e.type, e.modality) for e in x.events if e.confidence >= REPORTED_CONFIDENCE]


@pytest.mark.parametrize(("type_", "modality", "text"), WORDINGS)
def test_wording_reports_the_event(type_: str, modality: str, text: str) -> None:
    assert (type_, modality) in reported(text)


@pytest.mark.parametrize(("type_", "text"), LOOK_ALIKES)
def test_look_alike_is_no_event(type_: str, text: str) -> None:
    assert [t for t, _ in reported(text) if t == type_] == []
