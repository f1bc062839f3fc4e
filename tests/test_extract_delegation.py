"""Round-10 rules (invented sentences, the index of ``test_extract_syntax``): a delegation-head sentence after
a meeting makes the head its leader and the delegation's faction a participant, also in an elided second half
("… and Fatah's by Q") and with a possessive owner ("who led Fatah's delegation"). One positive and one
negative example per rule."""

from __future__ import annotations

from extract_helpers import roles, talks

from tests.test_extract_rules import EGYPT, FATAH, HAMAS
from tests.test_extract_syntax import AHMAD, MARZOUK, run

MEETING = "Egypt hosted talks with Hamas in Cairo on Monday. "


def test_delegation_head_names_the_faction() -> None:
    (m,) = talks(run(MEETING + "The Fatah delegation was headed by Azzam al-Ahmad."))
    assert ("leader", AHMAD) in roles(m) and ("participant", FATAH) in roles(m)
    # no meeting before it: nothing to attach to, no event
    assert talks(run("The Fatah delegation was headed by Azzam al-Ahmad.")) == []


def test_represented_by_names_the_faction() -> None:
    (m,) = talks(run(MEETING + "Fatah was represented by Azzam al-Ahmad."))
    assert ("leader", AHMAD) in roles(m) and ("participant", FATAH) in roles(m)
    # a faction named earlier in the sentence, before a comma, is not the delegation's owner
    (m,) = talks(run(MEETING + "Asked about Fatah, the delegation was led by Mousa Abu Marzouk."))
    assert ("leader", MARZOUK) in roles(m) and ("participant", FATAH) not in roles(m)


def test_elided_second_delegation() -> None:
    (m,) = talks(run("Egypt hosted talks in Cairo on Monday. Hamas's delegation was led by Mousa Abu Marzouk "
                      "and Fatah's by Azzam al-Ahmad."))
    assert {("leader", MARZOUK), ("leader", AHMAD), ("participant", HAMAS), ("participant", FATAH)} <= roles(m)
    # no elision ("and" + a clause): the second person is no head
    (m,) = talks(run("Egypt hosted talks in Cairo on Monday. Hamas's delegation was led by Mousa Abu Marzouk "
                      "and Fatah praised Azzam al-Ahmad."))
    assert ("leader", MARZOUK) in roles(m) and ("leader", AHMAD) not in roles(m)


def test_led_a_factions_delegation() -> None:
    (m,) = talks(run(MEETING + "Azzam al-Ahmad, who led Fatah's delegation, praised the mediators."))
    assert ("leader", AHMAD) in roles(m)
    (m,) = talks(run(MEETING + "Azzam al-Ahmad, who praised Fatah's delegation, left."))
    assert ("leader", AHMAD) not in roles(m)


def test_anaphoric_sentence_with_an_earlier_round() -> None:
    body = MEETING + "The talks, held from March 9, followed a first round between Fatah and Hamas in Doha in January."
    first, round_ = sorted(talks(run(body)), key=lambda e: e.evidence[0].start)
    assert roles(first) == {("host", EGYPT), ("participant", HAMAS)}  # the round's actors stay with the round
    assert roles(round_) == {("participant", FATAH), ("participant", HAMAS)}
    assert round_.time is not None and round_.time.earliest == "2020-01-01"
    # no ordering verb: the sentence only continues the meeting, no second event
    (m,) = talks(run(MEETING + "The talks between the two sides were held in Cairo."))
    assert ("host", EGYPT) in roles(m)
