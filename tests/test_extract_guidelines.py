"""The annotation guidelines (data/gold/README.md, "Roles", "Modality") on invented sentences: each convention
gives the roles and modality the guidelines prescribe (a gold set for unseen articles follows the same rules)."""

from __future__ import annotations

import pytest
from extract_helpers import of_type, run


def reported(text: str, type_: str) -> list:
    """The reported events of ``type_`` in ``text`` (published Thursday 2020-03-12)."""
    return of_type(run(text, "2020-03-12"), type_, reported=True)

#: (event type, modality, "role=entity …" (sorted, "-" for none), sentence published on 2020-03-12)
#: Bilateral talks of a foreign side with one Palestinian side are a Consultation (adjudication rule 14, round 16).
CASES = [
    ('Consultation', 'actual', 'host=sergey-lavrov participant=ismail-haniyeh',
     'Lavrov received Haniyeh in Moscow on Monday.'),
    ('Consultation', 'actual', 'participant=ismail-haniyeh participant=sergey-lavrov',
     'Lavrov met Haniyeh in Moscow on Monday.'),
    ('Consultation', 'actual', 'participant=ismail-haniyeh participant=sergey-lavrov',
     'Haniyeh met Lavrov in Moscow on Monday.'),
    ('Meeting', 'actual', 'host=egypt participant=fatah participant=hamas',
     'Talks between Fatah and Hamas hosted by Egypt ended in Cairo on Monday.'),
    ('Meeting', 'actual', 'host=egypt participant=fatah participant=hamas',
     'Egypt hosted talks between Fatah and Hamas in Cairo on Monday.'),
    ('Meeting', 'actual', 'host=russia participant=fatah participant=hamas',
     'Russia organised talks between Fatah and Hamas in Moscow on Monday.'),
    ('Signing', 'actual', 'signatory=azzam-al-ahmad signatory=fatah signatory=hamas',
     'Azzam al-Ahmad of Fatah and Hamas signed the agreement in Cairo on Thursday.'),
    ('Signing', 'actual', 'signatory=azzam-al-ahmad signatory=fatah signatory=hamas signatory=saleh-al-arouri',
     "Fatah's Azzam al-Ahmad and Hamas's Saleh al-Arouri signed the agreement in Cairo on Thursday."),
    ('Signing', 'actual', 'participant=abdelmadjid-tebboune signatory=fatah signatory=hamas',
     'Fatah and Hamas signed the declaration in Algiers on Thursday in the presence of President Tebboune.'),
    ('Meeting', 'actual', 'leader=jibril-rajoub participant=fatah participant=hamas',
     "Fatah and Hamas held talks in Istanbul on Thursday; Jibril Rajoub led his movement's delegation."),
    ('Consultation', 'actual', 'host=egypt leader=ismail-haniyeh participant=hamas',
     'A Hamas delegation led by Ismail Haniyeh held talks in Cairo hosted by Egypt on Monday.'),
    ('Collapse', 'actual', 'agent=mahmoud-abbas target=2007-03-17-national-unity',
     'Abbas dismissed the national unity government on 14 June 2007.'),
    ('Collapse', 'actual', 'agent=2014-06-02-national-consensus',
     'The national consensus government resigned on 29 January 2019.'),
    ('Statement', 'actual', 'speaker=hamas',
     'Hamas officials said the talks were positive.'),
    ('Statement', 'actual', 'speaker=mahmoud-abbas',
     "Abbas's office said the talks were positive."),
    ('Meeting', 'planned', 'participant=fatah participant=hamas',
     'Fatah and Hamas are to meet in Cairo next week.'),
    ('Meeting', 'planned', 'participant=fatah participant=hamas',
     'Fatah and Hamas are due to meet in Cairo next week.'),
    ('Meeting', 'planned', 'participant=fatah participant=hamas',
     'Fatah and Hamas will meet in Cairo next week.'),
    ('Meeting', 'postponed', 'participant=fatah participant=hamas',
     'The meeting between Fatah and Hamas in Cairo was postponed.'),
    ('Meeting', 'failed', 'participant=fatah participant=hamas',
     'The meeting between Fatah and Hamas in Cairo was called off.'),
    ('Election', 'failed', '-',
     'The government failed to organise elections.'),
    ('Election', 'planned', '-',
     'Abbas decreed elections for May 22.'),
    ('Signing', 'denied', 'signatory=hamas',
     'Hamas denied that it had signed the agreement.'),
    ('Takeover', 'actual', 'agent=hamas',
     'Hamas took over the Gaza Strip in June 2007.'),
    ('Handover', 'actual', 'agent=hamas recipient=palestinian-authority',
     'Hamas handed the crossings over to the Palestinian Authority on Wednesday.'),
    ('Election', 'actual', 'winner=hamas',
     'Hamas won the legislative elections in January 2006.'),
    ('Mediation', 'actual', 'mediator=egypt participant=fatah participant=hamas',
     'Egypt mediated between Fatah and Hamas in 2017.'),
    ('Proposal', 'actual', 'proposer=egypt',
     'Egypt proposed a new reconciliation plan on Monday.'),
    ('Proposal', 'actual', 'proposer=egypt recipient=fatah recipient=hamas',
     'Egypt invited Fatah and Hamas to talks in Cairo.'),
    ('Consultation', 'actual', 'participant=hamas participant=russian-foreign-ministry',
     'The Russian Foreign Ministry has been in contact with Hamas since February.'),
    ('GovernmentFormation', 'planned', 'leader=rami-hamdallah',
     'Fatah and Hamas agreed to form a government headed by Rami Hamdallah.'),
    ('SwearingIn', 'actual', 'leader=rami-hamdallah participant=mahmoud-abbas',
     'The government headed by Rami Hamdallah was sworn in before Abbas on Monday.'),
    ('Decree', 'actual', 'agent=mahmoud-abbas recipient=mohammad-shtayyeh',
     'Abbas appointed Mohammad Shtayyeh prime minister on 10 March 2019.'),
    ('Postponement', 'actual', 'agent=mahmoud-abbas',
     'Abbas postponed the legislative elections on 29 April 2019.'),
    ('Meeting', 'actual', '-',
     'Palestinian factions met in Cairo on Monday.'),
    ('Signing', 'actual', 'signatory=fatah signatory=hamas',
     'Fourteen Palestinian factions, including Fatah and Hamas, signed a declaration in Algiers on Thursday.'),
    ('Signing', 'actual', 'signatory=fatah signatory=hamas',
     'Fourteen Palestinian factions, among them Fatah and Hamas, signed a declaration in Algiers on Thursday.'),
    ('Meeting', 'actual', 'participant=fatah participant=hamas',
     'Representatives of Fatah and Hamas met in Cairo on Monday.'),
    ('Meeting', 'actual', 'participant=fatah participant=hamas participant=palestinian-islamic-jihad',
     'Leaders of Fatah, Hamas and Islamic Jihad met in Cairo on Monday.'),
    ('Meeting', 'actual', 'participant=fatah participant=hamas',
     'Fatah and Hamas officials met in Cairo on Monday.'),
    ('Meeting', 'actual', 'participant=fatah participant=hamas',
     'Talks between Fatah and Hamas were held in Cairo on Monday.'),
    ('Meeting', 'actual', 'participant=fatah participant=hamas',
     'Fatah held talks with Hamas in Cairo on Monday.'),
    ('Meeting', 'actual', 'host=qatar participant=fatah participant=hamas',
     'Qatar hosted talks between Fatah and Hamas in Doha on Monday.'),
    ('Meeting', 'actual', 'mediator=egypt participant=fatah participant=hamas',
     'Fatah and Hamas held talks in Cairo on Monday under Egyptian auspices.'),
    ('Consultation', 'actual', 'participant=hamas participant=russia',
     'Russia has been in contact with Hamas since February.'),
    ('Signing', 'actual', 'mediator=egypt signatory=fatah signatory=hamas',
     'Fatah and Hamas signed an Egyptian-brokered agreement in Cairo on Thursday.'),
    ('Signing', 'actual', 'mediator=qatar signatory=fatah signatory=hamas',
     'Fatah and Hamas signed an agreement brokered by Qatar in Doha on Monday.'),
    ('Meeting', 'planned', 'participant=ismail-haniyeh participant=mahmoud-abbas',
     'Abbas will meet Haniyeh in Doha on Monday.'),
    ('Meeting', 'planned', 'participant=ismail-haniyeh participant=mahmoud-abbas',
     'Abbas is due to meet with Haniyeh in Doha next week.'),
    ('GovernmentFormation', 'planned', 'agent=mahmoud-abbas leader=salam-fayyad',
     'Abbas was expected to name a new cabinet headed by Salam Fayyad.'),
    ('ControlOfTerritory', 'actual', 'agent=hamas', 'Gaza, which Hamas has ruled since 2007, remains under blockade.'),
    ('ControlOfTerritory', 'actual', 'agent=hamas', 'Hamas has controlled the Gaza Strip since 2007.'),
    ('Postponement', 'actual', 'agent=egypt', 'Egypt postponed the talks between Fatah and Hamas.'),
    ('Collapse', 'actual', 'agent=mahmoud-abbas target=2007-03-17-national-unity',
     "Abbas dismissed Haniyeh's government on 14 June 2007."),
    ('Decree', 'actual', 'agent=mahmoud-abbas recipient=rami-hamdallah',
     'Abbas appointed Rami Hamdallah prime minister on Sunday.'),
    ('Proposal', 'actual', 'proposer=egypt recipient=fatah recipient=hamas',
     'Egypt invited Fatah and Hamas to a new round of talks in Cairo.'),
]


@pytest.mark.parametrize(("type_", "modality", "roles", "text"), CASES)
def test_convention(type_: str, modality: str, roles: str, text: str) -> None:
    found = [(e.modality, " ".join(sorted(f"{p.role}={p.entity.rsplit('/', 1)[-1]}" for p in e.participants)) or "-")
             for e in reported(text, type_)]
    assert (modality, roles) in found


#: (event type, modality, earliest, latest, sentence published on Thursday 2020-03-12): the "Time" guidelines.
TIMES = [
    ('Meeting', 'actual', '2020-03-12', '2020-03-12', 'Fatah and Hamas met in Cairo on Thursday.'),
    ('Meeting', 'actual', '2020-03-09', '2020-03-09', 'Fatah and Hamas met in Cairo on Monday.'),
    ('Meeting', 'planned', '2020-03-16', '2020-03-22', 'Fatah and Hamas will meet in Cairo next week.'),
    ('Meeting', 'actual', '2020-02-01', '2020-02-29', 'Fatah and Hamas met in Cairo last month.'),
    ('Meeting', 'actual', '2020-03-10', '2020-03-11', 'Fatah and Hamas ended two days of talks in Cairo on Wednesday.'),
    ('Meeting', 'actual', '2017-09-01', '2017-11-30', 'Fatah and Hamas met in Cairo in the autumn of 2017.'),
    ('Meeting', 'actual', '2014-03-01', '2014-05-31', 'Fatah and Hamas met in Gaza in spring 2014.'),
    ('GovernmentFormation', 'planned', '2020-03-12', '2020-04-16',
     'Fatah and Hamas agreed to form a unity government within five weeks.'),
    ('Election', 'planned', '2020-05-22', '2020-05-22', 'Abbas decreed elections for May 22.'),
    ('Election', 'actual', '2006-01-25', '2006-01-25', 'Hamas won the legislative elections on 25 January 2006.'),
    ('Meeting', 'actual', '2020-03-11', '2020-03-11', 'Fatah and Hamas met in Cairo yesterday.'),
    ('Meeting', 'planned', '2020-03-13', '2020-03-13', 'Fatah and Hamas will meet in Cairo tomorrow.'),
    ('Meeting', 'planned', '2020-03-16', '2020-03-16', 'Fatah and Hamas will meet in Cairo on Monday.'),
    ('Meeting', 'actual', '2020-03-01', '2020-03-12',
     'Fatah and Hamas have met in Cairo several times since early March.'),
    ('Meeting', 'actual', '2019-01-01', '2019-12-31', 'Fatah and Hamas met in Cairo last year.'),
    ('Meeting', 'planned', '2020-04-01', '2020-04-30', 'Fatah and Hamas plan to meet in Cairo in April.'),
    ('Meeting', 'actual', '2020-03-02', '2020-03-02', 'Fatah and Hamas met in Cairo on March 2.'),
    ('Meeting', 'planned', '2020-07-01', '2020-07-31', 'Fatah and Hamas will meet in Cairo in July.'),
    ('Meeting', 'actual', '2019-12-01', '2019-12-31', 'Fatah and Hamas met in Cairo in December.'),
]


@pytest.mark.parametrize(("type_", "modality", "earliest", "latest", "text"), TIMES)
def test_time_convention(type_: str, modality: str, earliest: str, latest: str, text: str) -> None:
    found = [(e.modality, e.time.earliest, e.time.latest) for e in reported(text, type_) if e.time is not None]
    assert (modality, earliest, latest) in found


#: (number of statements, their speakers "a;b" ("-": none), sentence): the "Statements" guidelines.
STATEMENTS = [
    (1, 'hamas', 'Hamas officials said the talks in Cairo were positive.'),
    (1, 'mahmoud-abbas', "Abbas's office said the talks in Cairo were positive."),
    (1, 'mahmoud-abbas', 'Aides to Abbas said the talks in Cairo were positive.'),
    (0, '-', 'Officials said the talks in Cairo were positive.'),
    (0, '-', 'Analysts said the deal would not last.'),
    (1, 'maria-zakharova',
     'Zakharova said Moscow was ready to host talks and called on the factions to overcome their differences.'),
    (2, 'maria-zakharova;maria-zakharova',
     'Zakharova said Moscow was ready to host talks. She said the factions should overcome their differences.'),
    (1, 'ismail-haniyeh', '"We are ready for reconciliation," Haniyeh said.'),
    (1, 'ismail-haniyeh', 'Haniyeh told reporters that Hamas was ready for reconciliation.'),
    (1, 'fatah', 'Fatah said in a statement that it welcomed the Egyptian proposal.'),
    (1, 'mahmoud-abbas', '"The division must end," Abbas said in a speech on Monday.'),
    (1, 'egypt', 'Egypt said on Monday that it would host new talks.'),
    (1, 'russian-foreign-ministry', 'The Russian Foreign Ministry said it was in contact with both movements.'),
    (1, 'hamas', 'A Hamas spokesman said the movement was ready for talks.'),
    (1, 'fatah', 'A Fatah spokesman said the movement rejected the proposal.'),
    (1, 'azzam-al-ahmad', 'Azzam al-Ahmad, who heads the Fatah delegation, said the talks had made progress.'),
    (1, 'mahmoud-abbas', '"The division must end," Abbas said in a speech on Monday.'),
    (1, 'mahmoud-abbas', '"The division must end," Abbas told a news conference in Ramallah.'),
    (1, 'mahmoud-abbas', '"The division must end," Abbas told reporters.'),
    (1, 'mahmoud-abbas', 'A spokesman for Abbas said the talks were positive.'),
]


@pytest.mark.parametrize(("count", "speakers", "text"), STATEMENTS)
def test_statement_convention(count: int, speakers: str, text: str) -> None:
    found = reported(text, "Statement")
    said = sorted("+".join(sorted(p.entity.rsplit("/", 1)[-1] for p in e.participants if p.role == "speaker"))
                  for e in found)
    assert (len(found), said) == (count, sorted(speakers.split(";")) if speakers != "-" else [])
