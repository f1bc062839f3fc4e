"""Statement rules (kg.extract.quotes): reported speech, speakers through titles, pronouns, offices,
coordinations and capitals. One positive and one negative example each, on short invented sentences."""

from __future__ import annotations

import pytest

from kg.articles.model import Article
from kg.extract.document import Doc
from kg.extract.gazetteer import Gazetteer
from kg.extract.lexicon import EntityInfo, ReferenceIndex
from kg.extract.mentions import find_mentions
from kg.extract.quotes import clauses, find_statements, subject_segment
from kg.extract.text import ID_BASE

ID = ID_BASE
HAMAS, FATAH, PIJ = f"{ID}party/hamas", f"{ID}party/fatah", f"{ID}party/pij"
CHINA, BEIJING, EGYPT = f"{ID}state/china", f"{ID}place/beijing", f"{ID}state/egypt"
ABBAS, MASHAL, TEBBOUNE = f"{ID}person/abbas", f"{ID}person/mashal", f"{ID}person/tebboune"
MFA = f"{ID}org/russian-foreign-ministry"
IDX = ReferenceIndex(entities={
    HAMAS: EntityInfo("Hamas", type_local_name="Party"),
    FATAH: EntityInfo("Fatah", type_local_name="Party"),
    PIJ: EntityInfo("Palestinian Islamic Jihad", ("Islamic Jihad",), "Party"),
    CHINA: EntityInfo("China", type_local_name="State"),
    EGYPT: EntityInfo("Egypt", type_local_name="State", demonyms=("Egyptian",)),
    BEIJING: EntityInfo("Beijing", type_local_name="City", capital_of=CHINA),
    ABBAS: EntityInfo("Mahmoud Abbas", ("Abbas",), "Person"),
    MASHAL: EntityInfo("Khaled Mashal", ("Meshaal",), "Person"),
    TEBBOUNE: EntityInfo("Abdelmadjid Tebboune", ("Tebboune",), "Person"),
    MFA: EntityInfo("Russian Foreign Ministry", type_local_name="Ministry"),
})


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer(IDX)


def said(gz: Gazetteer, body: str) -> list[tuple[tuple[str, ...], str]]:
    """(speaker IRIs, quote) of each statement."""
    doc = Doc.of(Article(id="t", title=None, body=body, published="2020-03-12"))
    find_mentions(doc, gz)
    return [(tuple(p.entity for p in e.participants), e.quote or "") for e in find_statements(doc, IDX)]


def test_speaker_said_that(gazetteer: Gazetteer) -> None:
    assert said(gazetteer, "Hamas said on Thursday that the talks had failed.") == [
        ((HAMAS,), "the talks had failed")]
    assert said(gazetteer, "Hamas met Fatah on Thursday in Cairo.") == []


def test_report_verb_gives_the_act_as_worded(gazetteer: Gazetteer) -> None:
    assert said(gazetteer, "Hamas welcomed the decree.") == [((HAMAS,), "welcomed the decree")]
    assert said(gazetteer, "Abbas dismissed the government.") == []


def test_called_reports_a_judgement_not_a_cancellation(gazetteer: Gazetteer) -> None:
    assert said(gazetteer, "Abbas called the takeover a coup.") == [((ABBAS,), "called the takeover a coup")]
    assert said(gazetteer, "Egypt called off the talks with Hamas.") == []


def test_too_short_a_report_is_no_statement(gazetteer: Gazetteer) -> None:
    assert said(gazetteer, "Hamas blamed Israel.") == [((HAMAS,), "blamed Israel")]
    assert said(gazetteer, "It happened as Hamas demanded.") == []


def test_saying_clause_belongs_to_the_subject(gazetteer: Gazetteer) -> None:
    body = "Abbas postponed the election, saying it could not be held without Jerusalem."
    assert said(gazetteer, body) == [((ABBAS,), "it could not be held without Jerusalem")]
    assert said(gazetteer, "Hamas ended the talks with a statement stressing unity.") == []


def test_announced_needs_reported_words(gazetteer: Gazetteer) -> None:
    assert said(gazetteer, "Hamas announced that it would take part.") == [((HAMAS,), "it would take part")]
    assert said(gazetteer, "Abbas announced the decision late on Thursday.") == []
    assert said(gazetteer, "Hamas continued its campaign. Fatah hopes to meet soon.") == []


def test_apposition_names_the_speaker_not_the_principal(gazetteer: Gazetteer) -> None:
    body = "Nabil Abu Rudeineh, a spokesman for Abbas, said Hamas bore the blame."
    assert said(gazetteer, body) == [((f"{ID}entity/nabil-abu-rudeineh",), "Hamas bore the blame")]


def test_office_speaks_for_its_principal(gazetteer: Gazetteer) -> None:
    body = "The office of President Mahmoud Abbas said that talks must go on."
    assert said(gazetteer, body) == [((ABBAS,), "talks must go on")]


def test_pronoun_is_the_previous_speaker(gazetteer: Gazetteer) -> None:
    body = "Meshaal thanked Abbas and told reporters that the deal was fair. He said it would last."
    assert said(gazetteer, body) == [((MASHAL,), "the deal was fair"), ((MASHAL,), "it would last")]


def test_pronoun_inside_a_clause_is_no_speaker(gazetteer: Gazetteer) -> None:
    body = "Egypt postponed the meeting, citing disagreements that they said would doom it."
    assert [who for who, _ in said(gazetteer, body)] == []


def test_coordinated_organisations_speak_together(gazetteer: Gazetteer) -> None:
    body = "Hamas and Islamic Jihad criticised the appointment, saying it deepened the division."
    assert said(gazetteer, body)[0][0] == (HAMAS, PIJ)


def test_collective_subject_is_the_last_coordination(gazetteer: Gazetteer) -> None:
    body = "Hamas and Fatah met in Cairo. The two movements said the talks were positive."
    assert said(gazetteer, body) == [((HAMAS, FATAH), "the talks were positive")]
    assert said(gazetteer, "Hamas met in Cairo. The two movements said the talks were positive.") == []


def test_capital_speaks_for_its_state(gazetteer: Gazetteer) -> None:
    assert said(gazetteer, "Beijing had said both were willing to meet.") == [
        ((CHINA,), "both were willing to meet")]
    assert said(gazetteer, "Hamas officials in Beijing said both were willing to meet.")[0][0] == (HAMAS,)


def test_relative_clause_speaker(gazetteer: Gazetteer) -> None:
    body = "It was signed in the presence of President Tebboune, who called it a historic day."
    assert said(gazetteer, body) == [((TEBBOUNE,), "called it a historic day")]
    assert said(gazetteer, "It was signed at the palace, which called it a historic day.") == []


def test_contrastive_clauses_have_their_own_speakers(gazetteer: Gazetteer) -> None:
    body = "Hamas has said it is committed, while Fatah officials say control remains unsettled."
    assert said(gazetteer, body) == [((HAMAS,), "it is committed"), ((FATAH,), "control remains unsettled")]


def test_definite_organisation_is_the_last_of_its_kind(gazetteer: Gazetteer) -> None:
    body = "The Russian Foreign Ministry received them. He left on Friday, the ministry said."
    assert said(gazetteer, body) == [((MFA,), "He left on Friday")]


def test_subject_segment_and_clauses() -> None:
    text = "Separately, Hamas politburo chief Khaled Mashal "
    a, b = subject_segment(text)  # type: ignore[misc]
    assert text[a:b] == "Hamas politburo chief Khaled Mashal"
    assert subject_segment("Hamas met Fatah and ") is None  # a finite verb: not a subject
    text = "A said x; B said y, but C said z."
    assert [text[a:b] for a, b in clauses(text, 0, len(text))] == ["A said x", "B said y", "C said z."]


def test_the_party_leader_is_the_last_person_of_that_party(gazetteer: Gazetteer) -> None:
    body = ("Fatah leader Mahmoud Abbas dismissed the cabinet of Hamas politburo chief Khaled Mashal. "
            "The Fatah leader called the takeover a coup.")
    assert said(gazetteer, body)[-1] == ((ABBAS,), "called the takeover a coup")
    body = ("Fatah leader Mahmoud Abbas dismissed the cabinet of Hamas politburo chief Khaled Mashal. "
            "The Hamas leader called the move illegal.")
    assert said(gazetteer, body)[-1] == ((MASHAL,), "called the move illegal")


def test_expressed_and_dismissed_as_report_words(gazetteer: Gazetteer) -> None:
    assert said(gazetteer, "Fatah expressed regret over the outcome.") == [
        ((FATAH,), "expressed regret over the outcome")]
    assert said(gazetteer, "Hamas dismissed the declaration as meaningless.") == [
        ((HAMAS,), "dismissed the declaration as meaningless")]
    assert said(gazetteer, "Hamas dismissed the committee on Monday.") == []  # an act
    assert said(gazetteer, "Fatah expressed the documents to Cairo.") == []
