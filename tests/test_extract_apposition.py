"""Round-8 rules (invented sentences, the index of ``test_extract_syntax``): the signing default role, a person
"of" his faction as subject, title appositions, noun-phrase triggers with their actors. One positive and one
negative example per rule."""

from __future__ import annotations

from extract_helpers import of_type, roles

from tests.test_extract_rules import FATAH, HAMAS, HAMDALLAH
from tests.test_extract_syntax import ABBAS, AHMAD, run


def test_signing_default_role_takes_the_actors_before_the_verb() -> None:
    (s,) = of_type(run("Fatah, together with Hamas, signed an agreement in Cairo on Monday."), "Signing")
    assert roles(s) == {("signatory", FATAH), ("signatory", HAMAS)}
    # a speaker reporting the signing is not a signatory
    (s,) = of_type(run("Azzam al-Ahmad said that Fatah, together with Hamas, signed an agreement in Cairo on Monday."),
                   "Signing")
    assert ("signatory", AHMAD) not in roles(s) and ("signatory", HAMAS) in roles(s)


def test_person_of_his_faction_is_the_subject() -> None:
    (p,) = of_type(run("Rami Hamdallah of Fatah postponed the elections on Monday."), "Postponement")
    assert roles(p) == {("agent", HAMDALLAH), ("agent", FATAH)}
    (p,) = of_type(run("Rami Hamdallah postponed the elections on Monday."), "Postponement")
    assert roles(p) == {("agent", HAMDALLAH)}


def test_title_apposition_organisation_is_not_an_actor() -> None:
    (m,) = of_type(run("Mahmoud Abbas was received in Cairo by Azzam al-Ahmad, a member of Hamas, on Monday."),
                   "Meeting")
    assert roles(m) == {("host", AHMAD), ("participant", ABBAS)}
    # a coordinated organisation (no apposition) keeps its role
    (m,) = of_type(run("Hamas was received in Cairo by Azzam al-Ahmad and Fatah on Monday."), "Meeting")
    assert roles(m) == {("host", AHMAD), ("host", FATAH), ("participant", HAMAS)}


def test_noun_trigger_with_its_actors_is_an_event() -> None:
    (m,) = of_type(run("Diplomats praised a first round between Fatah and Hamas."), "Meeting")
    assert roles(m) == {("participant", FATAH), ("participant", HAMAS)}
    assert of_type(run("Diplomats praised a meeting on the crisis."), "Meeting") == []
