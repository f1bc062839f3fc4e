"""Round-5 role rules (invented sentences, the hand-made index of ``test_extract_rules``): one positive and one
negative example per rule."""

from __future__ import annotations

from extract_helpers import of_type, roles

from tests.test_extract_rules import ABBAS, CAIRO, EGYPT, FATAH, GIS, HAMAS, HANIYEH, MOSCOW, RUSSIA, run


def test_person_in_the_presence_of_a_signing_is_a_participant() -> None:
    (s,) = of_type(run("Fatah and Hamas signed an agreement in Cairo in the presence of President Mahmoud Abbas."),
                   "Signing")
    assert roles(s) == {("signatory", FATAH), ("signatory", HAMAS), ("participant", ABBAS)}
    (s,) = of_type(run("Fatah and Hamas signed an agreement in Cairo in the absence of Mahmoud Abbas."), "Signing")
    assert roles(s) == {("signatory", FATAH), ("signatory", HAMAS)}


def test_venue_owner_hosts_the_signing() -> None:
    (s,) = of_type(run("Fatah and Hamas signed an agreement at the headquarters of Egyptian intelligence in Cairo "
                      "on 12 October 2017."), "Signing")
    assert ("host", GIS) in roles(s) and s.place == CAIRO
    (s,) = of_type(run("Fatah and Hamas signed an agreement near Egyptian intelligence in Cairo on 12 October 2017."),
                   "Signing")
    assert not any(r == "host" for r, _ in roles(s))


def test_talks_overseen_by_a_titled_person_make_a_mediator() -> None:
    (m,) = of_type(run("Fatah and Hamas held talks in Cairo overseen by its director, Mahmoud Abbas."), "Meeting")
    assert roles(m) == {("participant", FATAH), ("participant", HAMAS), ("mediator", ABBAS)}
    (m,) = of_type(run("Fatah and Hamas held talks in Cairo, its director Mahmoud Abbas said."), "Meeting")
    assert ("mediator", ABBAS) not in roles(m)


def test_capital_used_as_metonym_stands_for_its_state() -> None:
    x = run("Moscow hosted talks between Fatah and Hamas in January 2017.")
    (m,) = of_type(x, "Meeting")
    assert roles(m) == {("host", RUSSIA), ("participant", FATAH), ("participant", HAMAS)} and m.place == MOSCOW
    (m,) = of_type(run("Fatah and Hamas held talks in Moscow in January 2017."), "Meeting")
    assert roles(m) == {("participant", FATAH), ("participant", HAMAS)} and m.place == MOSCOW


def test_signing_after_talks_hosted_by_a_state_is_hosted_by_it() -> None:
    (s,) = of_type(run("Fatah and Hamas signed an agreement in Cairo on Thursday pledging to end their long division "
                      "and to work together, after two days of talks hosted by Egypt."), "Signing")
    assert ("host", EGYPT) in roles(s)
    (s,) = of_type(run("Fatah and Hamas signed an agreement in Cairo on Thursday. Egypt hosted talks in May."),
                   "Signing")
    assert ("host", EGYPT) not in roles(s)


def test_two_coordinated_times_make_two_events() -> None:
    ms = of_type(run("Russia hosted meetings of Fatah and Hamas in 2011 and in January 2017."), "Meeting")
    assert sorted((m.time.earliest, m.time.latest) for m in ms) == [("2011-01-01", "2011-12-31"),
                                                                    ("2017-01-01", "2017-01-31")]
    assert all(("host", RUSSIA) in roles(m) for m in ms)
    ms = of_type(run("Russia hosted meetings of Fatah and Hamas in 2011, a year before Haniyeh spoke in 2012."),
                 "Meeting")
    assert [(m.time.earliest, m.time.latest) for m in ms] == [("2011-01-01", "2011-12-31")]
    assert HANIYEH not in {e for m in ms for _, e in roles(m)}
