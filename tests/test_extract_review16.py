"""A second reader's sentences for the round-16 rules (code review): each was wrong before its fix."""

from __future__ import annotations

import json

import pytest
from extract_helpers import DOMAIN, ID, of_type, roles, run


def signings(body: str) -> list:
    return of_type(run(DOMAIN + body, "2019-02-12"), "Signing")


@pytest.mark.parametrize("body", [
    "Hamas ended its silence with a statement calling for calm.",
    "Fatah ended the boycott on Monday, and Hamas responded with a statement urging unity.",
    "After the talks ended, Israel responded with a statement urging restraint.",
    "The talks ended without agreement, with a statement calling for more talks.",
    "With a statement calling for calm, Hamas welcomed the deal.",
    "Hamas reacted WITH A STATEMENT CALLING FOR CALM.",
    "The Knesset approved the agreement.",
    "Abbas approved the deal.",
    "The cabinet approved the budget and a joint statement on prisoners.",
])
def test_no_signing_from_a_statement_or_approval_that_is_no_text_of_talks(body: str) -> None:
    assert signings(body) == []


def test_talks_that_ended_with_a_statement_still_make_one() -> None:
    (s,) = signings("The talks ended on Friday with a joint statement calling for unity.")
    assert s.time is not None and s.time.earliest == "2019-02-08"


def persons(body: str) -> list[str]:
    return [m.text for m in run(body).mentions if m.type == "Person"]


@pytest.mark.parametrize(("body", "wrong"), [
    ("In a letter to the judge, Human Rights Watch said the trial was unfair.", "Human Rights Watch"),
    ("According to the lawyer, Amnesty International said the trial was unfair.", "Amnesty International"),
    ("A convoy led by Doctors Without Borders reached Gaza.", "Doctors Without Borders"),
    ("Protests led by Popular Resistance Committees erupted.", "Popular Resistance Committees"),
    ("The talks, led by Middle East Quartet, stalled.", "Middle East Quartet"),
])
def test_organisations_are_no_persons_of_an_apposition_or_led_by(body: str, wrong: str) -> None:
    assert wrong not in persons(body)


def test_an_apposition_opening_its_sentence_keeps_its_person() -> None:
    assert "Hanna Nasser" in persons("The chairman of the committee, Hanna Nasser said the vote would go ahead.")


def quotes(body: str) -> list[tuple[str | None, str | None]]:
    return [(e.quote, e.time.earliest if e.time else None)
            for e in of_type(run(DOMAIN + body, "2020-03-12"), "Statement")]


@pytest.mark.parametrize(("body", "quote", "day"), [
    ("Hamas announced last week that it would attend the talks.", "it would attend the talks", "2020-03-02"),
    ("Hamas announced in July that it would attend the talks.", "it would attend the talks", "2019-07-01"),
    ("Hamas said on Jan. 28, 2019 that it would attend the talks.", "it would attend the talks", "2019-01-28"),
    ("Hamas said on Monday 5 members were freed.", "5 members were freed", "2020-03-09"),
])
def test_the_quote_starts_after_the_time_and_that(body: str, quote: str, day: str) -> None:
    assert quotes(body) == [(quote, day)]


def test_a_preposition_before_a_persons_title_still_hides_the_person() -> None:
    x = run(DOMAIN + "A source close to Prime Minister Rami Hamdallah said the talks went well.")
    assert not [e for e in of_type(x, "Statement") if ("speaker", ID + "person/rami-hamdallah") in roles(e)]


@pytest.mark.parametrize("body", [
    "Rami Hamdallah takes the ministry's view that talks failed.",
    "Rami Hamdallah takes the ministry to court.",
    "Rami Hamdallah became the ministry's main critic.",
    "Rami Hamdallah returns as the ministry faces cuts.",
    "If Hamas wins, Ismail Haniyeh becomes prime minister.",
])
def test_no_post_change_from_other_uses_of_the_verbs(body: str) -> None:
    assert of_type(run(DOMAIN + body, "2007-03-17"), "PostHolding", reported=True) == []


@pytest.mark.parametrize("published", ["2007-03", "2007", "2007-03-17T10:00:00+00:00"])
def test_a_present_post_change_takes_only_a_full_day(published: str) -> None:
    (p,) = of_type(run(DOMAIN + "Salam Fayyad returns as finance minister.", published), "PostHolding")
    assert (p.time.earliest if p.time else None) == ("2007-03-17" if len(published) > 7 else None)


def test_the_head_of_a_host_ministry_takes_no_role() -> None:
    (m,) = of_type(run("Fatah and Hamas held talks in Moscow on Tuesday hosted by the Russian Foreign Ministry, "
                       "headed by Sergey Lavrov.", "2017-01-17"), "Meeting")
    assert not [p for p in m.participants if p.entity.endswith("sergey-lavrov")]


def test_a_denied_takeover_by_a_government_is_no_failed_handover() -> None:
    (h,) = of_type(run(DOMAIN + "The PA denied that it took control of Gaza."), "Handover")
    assert h.modality == "denied"


def test_malformed_predicted_facts_are_a_usage_error(tmp_path) -> None:
    from click.testing import CliRunner

    from kg.cli import cli

    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "g.jsonl").write_text(json.dumps({"kind": "mention", "entity": {"iri": "h"}, "start": 0, "end": 1,
                                              "article": {"iri": "a"}}) + "\n")
    for name, text in [("a.json", "[1, 2]"), ("b.jsonl", '"hello"\n'), ("c.jsonl", '{"article": "x"}\n'),
                       ("d.jsonl", '{"kind": "event", "confidence": "0.9", "article": {"iri": "a"}}\n')]:
        (tmp_path / name).write_text(text)
        r = CliRunner().invoke(cli, ["evaluate", str(gold), "--predicted", str(tmp_path / name)])
        assert r.exit_code == 2 and "not a fact" in r.output, (name, r.output)
    # a confidence of 0 is a confidence, not a missing one: the event is left out
    (tmp_path / "e.jsonl").write_text(json.dumps({"kind": "event", "type": "Meeting", "confidence": 0.0,
                                                  "participants": [], "article": {"iri": "a"}}) + "\n")
    r = CliRunner().invoke(cli, ["evaluate", str(gold), "--predicted", str(tmp_path / "e.jsonl"), "--format", "json"])
    assert r.exit_code == 0 and json.loads(r.stdout)["overall"]["events"]["fp"] == 0


def test_annotate_tool_refuses_a_folder_without_sources(tmp_path) -> None:
    import importlib.util

    from kg.paths import project_root

    spec = importlib.util.spec_from_file_location("gold_annotate",
                                                  project_root() / "data" / "gold" / "tools" / "annotate.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.main(["--dir", str(tmp_path / "missing"), "--check"]) == 2


def test_a_title_set_off_keeps_the_body_its_phrase_ends_with() -> None:
    x = run(DOMAIN + "The chairman of the Central Elections Commission, Hanna Nasir, said the vote would go ahead.")
    (s,) = of_type(x, "Statement")
    assert s.speaker_affiliation == ID + "org/central-elections-commission"
    # "the head of the Hamas delegation" names no body of a post: Hamas is his side, not a post he holds
    x = run(DOMAIN + "The head of the Hamas delegation, Saleh al-Arouri, said the talks went well.")
    assert of_type(x, "PostHolding") == []


def test_we_in_a_quote_signs_for_the_speakers_side() -> None:
    x = run(DOMAIN + "“We agreed on a joint statement,” Hamas leader Ismail Haniyeh said on Tuesday.", "2019-02-12")
    (s,) = of_type(x, "Signing")
    assert roles(s) == {("signatory", ID + "party/hamas")}


def test_the_speaker_of_a_report_is_no_participant_of_the_meeting_reported() -> None:
    x = run(DOMAIN + "Saeb Erekat, the PLO secretary general, said Fatah and Hamas met in Cairo on Monday.")
    (m,) = of_type(x, "Meeting")
    assert roles(m) == {("participant", ID + "party/fatah"), ("participant", ID + "party/hamas")}


def handover_territories(body: str) -> list[str]:
    return sorted((e.territory or "").rsplit("/", 1)[-1]
                  for e in of_type(run(DOMAIN + body, "2017-11-01"), "Handover"))


@pytest.mark.parametrize(("body", "territories"), [
    ("Hamas handed over the Rafah crossing and closed the Erez crossing.", ["rafah-crossing"]),
    ("Hamas handed over the Rafah crossing, kept the Erez crossing and closed the Kerem Shalom crossing.",
     ["rafah-crossing"]),
    ("Hamas handed over the Gaza Strip, the Rafah crossing and the Erez crossing to the PA.",
     ["erez-crossing", "gaza-strip", "rafah-crossing"]),
])
def test_a_crossing_list_holds_only_crossings_and_keeps_a_territory_before_it(body: str, territories: list) -> None:
    assert handover_territories(body) == territories
