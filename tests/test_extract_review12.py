"""Cases a review of the round-12 rules found (invented sentences): each rule stays inside its wording."""

from __future__ import annotations

import pytest
from extract_helpers import of_type, real_index
from extract_helpers import run as extract

from kg.extract.records import Event, Extraction
from kg.extract.timex import find_times
from kg.reference import default_reference_paths, load_reference_files

ID = "https://w3id.org/reconciliation-kg/id/"
HAMAS, ABBAS, HANIYEH, QATAR = ID + "party/hamas", ID + "person/mahmoud-abbas", ID + "person/ismail-haniyeh", \
    ID + "state/qatar"


@pytest.fixture(scope="module")
def idx():
    return real_index()


def run(idx, body: str, published: str = "2020-03-12") -> Extraction:
    return extract(body, published, idx)


def reported(x: Extraction, type_: str) -> list[Event]:
    return of_type(x, type_, reported=True)


def when(x: Extraction, type_: str) -> list[tuple[str, str | None]]:
    return [(e.modality, e.time.earliest if e.time else None) for e in reported(x, type_)]


@pytest.mark.parametrize("published", ["2020-03", "2020", ""])
def test_a_partial_publication_date_does_not_crash(idx, published: str) -> None:
    x = run(idx, "Fatah and Hamas met in Cairo on March 2, 2020.", published)
    assert when(x, "Meeting") == [("actual", "2020-03-02")]


@pytest.mark.parametrize("text", ["They signed an agreement in Cairo within 10000 years.",
                                  "They will meet within 99999999 days."])
def test_huge_durations_are_no_times(idx, text: str) -> None:
    assert find_times(text, "2020-03-12") == []
    run(idx, text)  # no exception


@pytest.mark.parametrize("text", [
    "The next day, on March 2, Fatah and Hamas met in Cairo.",
    "As expected, Fatah and Hamas met in Cairo on March 2.",
    "Hamas said it would attend the talks, which were held in Cairo on March 2.",
])
def test_past_dates_stay_past(idx, text: str) -> None:
    assert when(run(idx, text), "Meeting") == [("actual", "2020-03-02")]


def test_due_dates_are_the_nearest_occurrence() -> None:
    (t,) = find_times("the elections that were due on May 22", "2021-06-01")
    assert t.spec.earliest == "2021-05-22"
    (t,) = find_times("the elections that were due on May 22", "2020-03-12")
    assert t.spec.earliest == "2020-05-22"
    (t,) = find_times("Due to disagreements, talks on March 2 collapsed.", "2020-03-12")
    assert t.spec.earliest == "2020-03-02"


def test_a_coming_month_is_this_years_until_it_ends() -> None:
    (t,) = find_times("Elections will be held in March.", "2020-03-12")
    assert t.spec.earliest == "2020-03-01"
    (t,) = find_times("Elections will be held in January.", "2020-03-12")
    assert t.spec.earliest == "2021-01-01"


def test_seasons_and_spans() -> None:
    assert [(m.spec.earliest, m.spec.latest) for m in find_times("last winter", "2020-01-15")] == [
        ("2018-12-01", "2019-02-28")]
    assert [m.spec.earliest for m in find_times("this Spring", "2020-03-12")] == ["2020-03-01"]
    assert [m.spec.latest for m in find_times("within a few weeks", "2020-03-12")] == ["2020-04-02"]
    assert find_times("within a year of the agreement", "2020-03-12") == []


def test_a_time_before_a_comma_is_not_the_next_verbs() -> None:
    x = run(idx_ := load_reference_files(default_reference_paths()),
            "Abbas, who met Haniyeh in Cairo on March 2, dissolved the government on March 5.")
    assert when(x, "Collapse") == [("actual", "2020-03-05")]
    x = run(idx_, "Hamas, which won the elections in January 2006, signed the deal in Cairo on March 5.")
    assert [e.time.earliest for e in reported(x, "Signing")] == ["2020-03-05"]


def test_within_is_no_date_of_a_past_event(idx) -> None:
    assert when(run(idx, "The government collapsed within two weeks."), "Collapse") == [("actual", None)]
    assert when(run(idx, "Fatah and Hamas will meet within two weeks."), "Meeting") == [("planned", "2020-03-12")]


def test_a_framing_nouns_time_is_not_the_clauses(idx) -> None:
    x = run(idx, "In the aftermath of the 2007 takeover, Fatah and Hamas met in Cairo.")
    assert [(m, (t or "")[:4] != "2007") for m, t in when(x, "Meeting")] == [("actual", True)]


def test_cancelled_reaches_only_its_object(idx) -> None:
    x = run(idx, "Egypt cancelled a visit by Haniyeh, but Fatah and Hamas met in Cairo on Monday.")
    assert when(x, "Meeting") == [("actual", "2020-03-09")]
    x = run(idx, "Egypt cancelled the talks in Cairo on Monday.")
    assert [e.modality for e in reported(x, "Meeting")] == ["failed"]


@pytest.mark.parametrize("text", [
    "Ismail Haniyeh succeeded in persuading Fatah to return to the talks.",
    "Ismail Haniyeh became the first Hamas leader to visit Moscow on Tuesday.",
    "Mahmoud Abbas replaced three ministers on Tuesday.",
    "Azzam al-Ahmad was appointed to lead the Fatah delegation.",
    "Mahmoud Abbas, who has led the reconciliation talks since 2017, met Haniyeh.",
])
def test_no_change_of_post(idx, text: str) -> None:
    assert reported(run(idx, text), "PostHolding") == []


def test_changes_of_post_still_found(idx) -> None:
    x = run(idx, "Ismail Haniyeh succeeded Khaled Mashal as Hamas leader in May 2017.", "2017-06-01")
    assert [e.participants[0].entity for e in reported(x, "PostHolding")] == [HANIYEH]
    x = run(idx, "Khaled Mashal, who had led the movement since 1996, stepped down.", "2017-06-01")
    assert [e.time.earliest for e in reported(x, "PostHolding")] == ["1996-01-01"]


@pytest.mark.parametrize("text", [
    "Qatar has hosted Hamas's political bureau since 2012.",
    "Qatar hosted Hamas leaders until 2012.",
    "Hamas announced its rejection of the agreement.",
    "Fatah announced the suspension of the Cairo agreement on Monday.",
    "Israel boycotted the democratically elected Hamas government in 2006.",
    "Israel refused to deal with an elected Hamas government.",
])
def test_no_event_of_that_kind(idx, text: str) -> None:
    x = run(idx, text)
    assert [e for e in x.events if e.type in ("Meeting", "Signing", "Election") and e.confidence >= 0.5] == []


def test_seizing_institutions_is_no_handover(idx) -> None:
    assert reported(run(idx, "Hamas took over government institutions in Gaza in June 2007."), "Handover") == []


def test_she_needs_a_woman_named_just_before(idx) -> None:
    x = run(idx, "Mahmoud Abbas spoke in Ramallah. She met Hamas officials in Cairo on Tuesday.")
    assert all(p.entity != ABBAS for e in reported(x, "Meeting") for p in e.participants)
    x = run(idx, "Mahmoud Abbas spoke in Ramallah. He met Hamas officials in Cairo on Tuesday.")
    assert any(p.entity == ABBAS for e in reported(x, "Meeting") for p in e.participants)


def test_committed_to_negotiations_with_an_actor_is_no_meeting(idx) -> None:
    assert reported(run(idx, "Hamas remained committed to negotiations with Fatah."), "Meeting") == []


def test_discussing_with_reporters_is_no_consultation(idx) -> None:
    assert reported(run(idx, "Abbas discussed the agreement with reporters on Monday."), "Consultation") == []
    x = run(idx, "Abbas discussed the agreement with Hamas leader Ismail Haniyeh on Monday.")
    assert len(reported(x, "Consultation")) == 1
    x = run(idx, "Qatar's emir hosted Mahmoud Abbas in Doha on Monday.")  # bilateral: a Consultation (round 16)
    assert [{(p.role, p.entity) for p in e.participants} for e in reported(x, "Consultation")] == [
        {("host", QATAR), ("participant", ABBAS)}]
