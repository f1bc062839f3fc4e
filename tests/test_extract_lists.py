"""Round-9 rules (invented sentences, the index of ``test_extract_syntax``): coordination lists broken by
possessives and titles, the delegation-head apposition, noun triggers with a generic group of actors, the
"takeover of" a territory gate. One positive and one negative example per rule."""

from __future__ import annotations

from extract_helpers import of_type, roles

from tests.test_extract_rules import FATAH, HAMAS
from tests.test_extract_syntax import AHMAD, JIHAD, MARZOUK, run

ZIAD = "https://w3id.org/reconciliation-kg/id/entity/ziad-nakhla"

def test_possessive_list_is_one_group() -> None:
    (p,) = of_type(run("Fatah's Azzam al-Ahmad and Hamas's Mousa Abu Marzouk postponed the elections on Monday."),
                   "Postponement")
    assert roles(p) == {("agent", FATAH), ("agent", AHMAD), ("agent", HAMAS), ("agent", MARZOUK)}
    # a verb between the faction and the person: two clauses, the nearest actor acts
    (p,) = of_type(run("Hamas welcomed Azzam al-Ahmad and postponed the elections on Monday."), "Postponement")
    assert roles(p) == {("agent", AHMAD)}

def test_title_list_is_one_group() -> None:
    (p,) = of_type(run("Fatah deputy chief Azzam al-Ahmad and Hamas official Mousa Abu Marzouk postponed the "
                      "elections on Monday."), "Postponement")
    assert roles(p) == {("agent", FATAH), ("agent", AHMAD), ("agent", HAMAS), ("agent", MARZOUK)}
    (p,) = of_type(run("Fatah and Mousa Abu Marzouk postponed the elections on Monday."), "Postponement")
    assert roles(p) == {("agent", FATAH), ("agent", MARZOUK)}  # plain coordination, unchanged

def test_three_possessives_hoped_meeting() -> None:
    (m,) = of_type(run("Fatah's Azzam al-Ahmad, Hamas's Mousa Abu Marzouk and Islamic Jihad's Rami Hamdallah "
                      "hoped to meet in Cairo."), "Meeting")
    assert {e for r, e in roles(m) if r == "proposer"} >= {FATAH, AHMAD, HAMAS, MARZOUK, JIHAD}

def test_delegation_head_apposition_is_leader() -> None:
    (m,) = of_type(run("Azzam al-Ahmad, the head of the Fatah delegation, met Mousa Abu Marzouk in Cairo on Monday."),
                   "Meeting")
    assert ("leader", AHMAD) in roles(m) and ("participant", AHMAD) not in roles(m)
    assert ("participant", FATAH) in roles(m)
    # a head of the movement (not of its delegation) takes part as himself
    (m,) = of_type(run("Azzam al-Ahmad, the head of Fatah, met Mousa Abu Marzouk in Cairo on Monday."), "Meeting")
    assert ("participant", AHMAD) in roles(m) and not any(r == "leader" for r, _ in roles(m))

def test_noun_trigger_with_a_generic_group() -> None:
    (m,) = of_type(run("Diplomats praised a meeting of all Palestinian factions."), "Meeting")
    assert roles(m) == set()
    # a topic after a gerund is no event
    assert of_type(run("Diplomats welcomed efforts reviving talks with the factions."), "Meeting") == []

def test_takeover_of_a_territory() -> None:
    (t,) = of_type(run("Hamas completed its takeover of the Gaza Strip on Friday."), "Takeover")
    assert roles(t) == {("agent", HAMAS)} and t.time is not None and t.time.earliest == "2020-03-06"
    assert of_type(run("Hamas completed its takeover of power."), "Takeover") == []
