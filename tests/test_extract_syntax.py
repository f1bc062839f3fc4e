"""Round-7 rules (invented sentences, the hand-made index of ``test_extract_rules`` plus three faction members):
persons with their factions, the meeting default role, clause segmentation. One positive and one negative
example per rule."""

from __future__ import annotations

from dataclasses import replace

from extract_helpers import ID, of_type, roles
from extract_helpers import run as extract

from kg.extract.clauses import subclause
from kg.extract.lexicon import EntityInfo, PostInfo
from kg.extract.records import Extraction
from tests.test_extract_rules import ABBAS, CAIRO, FATAH, HAMAS, HAMDALLAH, INDEX, PA, ZAKHAROVA

AHMAD, MARZOUK, JIHAD = ID + "person/azzam-al-ahmad", ID + "person/mousa-abu-marzouk", ID + "party/islamic-jihad"
IDX = replace(
    INDEX,
    entities={**INDEX.entities, AHMAD: EntityInfo("Azzam al-Ahmad", (), "Person"),
              MARZOUK: EntityInfo("Mousa Abu Marzouk", ("Abu Marzouk",), "Person"),
              JIHAD: EntityInfo("Islamic Jihad", (), "Party")},
    posts={**INDEX.posts,
           AHMAD: [PostInfo(ID + "post/a", "head of Fatah's delegation", FATAH, "2008-03-23")],
           MARZOUK: [PostInfo(ID + "post/m", "politburo member", HAMAS, "2008-03-23")],
           ABBAS: [PostInfo(ID + "post/p", "President", PA, "2005-01-15"),
                   PostInfo(ID + "post/f", "Chairman of Fatah", FATAH, "2009-08-01")]},
)


def run(body: str) -> Extraction:
    """``extract_helpers.run`` on the hand-made index with the faction members."""
    return extract(body, "2020-03-12", IDX)


def test_person_signatory_adds_the_faction_of_his_post() -> None:
    (s,) = of_type(run("Azzam al-Ahmad and Mousa Abu Marzouk signed an agreement in Cairo on 12 October 2017."),
                   "Signing")
    assert roles(s) == {("signatory", AHMAD), ("signatory", MARZOUK), ("signatory", FATAH), ("signatory", HAMAS)}
    # a president who also chairs a party acts for the Authority: no faction added
    (s,) = of_type(run("Mahmoud Abbas signed an agreement in Cairo on 12 October 2017."), "Signing")
    assert roles(s) == {("signatory", ABBAS)}


def test_party_named_after_the_person_is_his_faction() -> None:
    (m,) = of_type(run("Rami Hamdallah of Fatah met Mousa Abu Marzouk in Cairo on Monday."), "Meeting")
    assert roles(m) == {("participant", HAMDALLAH), ("participant", FATAH), ("participant", MARZOUK),
                        ("participant", HAMAS)}
    (m,) = of_type(run("Rami Hamdallah met Mousa Abu Marzouk in Cairo on Monday."), "Meeting")
    assert roles(m) == {("participant", HAMDALLAH), ("participant", MARZOUK)}  # one known faction only


def test_inter_factional_meeting_lists_the_factions_of_its_persons() -> None:
    (m,) = of_type(run("Azzam al-Ahmad and Mousa Abu Marzouk held talks in Cairo on Monday."), "Meeting")
    assert roles(m) == {("participant", AHMAD), ("participant", MARZOUK), ("participant", FATAH),
                        ("participant", HAMAS)}
    # one faction only (a foreign official meets a faction's envoy): person to person
    (m,) = of_type(run("Maria Zakharova met Azzam al-Ahmad in Cairo on Monday."), "Consultation")  # bilateral
    assert roles(m) == {("participant", ZAKHAROVA), ("participant", AHMAD)}


def test_meeting_default_role_takes_every_faction_of_the_clause() -> None:
    (m,) = of_type(run("Fatah, Hamas and Islamic Jihad agreed on Tuesday to work towards a new government, at the "
                      "close of three days of talks in Cairo."), "Meeting")
    assert {("participant", FATAH), ("participant", HAMAS), ("participant", JIHAD)} <= roles(m)
    (m,) = of_type(run("Fatah held talks in Cairo on Monday, Hamas said."), "Meeting")
    assert roles(m) == {("participant", FATAH)}  # a speaker takes no part


def test_relative_clause_actors_take_no_part() -> None:
    (m,) = of_type(run("Fatah and Hamas held talks in Cairo on Monday, where Islamic Jihad has offices."), "Meeting")
    assert roles(m) == {("participant", FATAH), ("participant", HAMAS)}
    (m,) = of_type(run("Fatah and Hamas held talks in Cairo on Monday, Islamic Jihad's boycott over."), "Meeting")
    assert ("participant", JIHAD) in roles(m)


def test_subordinate_and_topic_clauses_take_no_part() -> None:
    (m,) = of_type(run("Fatah held talks in Cairo on Monday after Hamas rejected the plan."), "Meeting")
    assert roles(m) == {("participant", FATAH)}
    (m,) = of_type(run("Fatah and Hamas held talks in Cairo on Monday on ending Islamic Jihad's boycott."),
                   "Meeting")
    assert roles(m) == {("participant", FATAH), ("participant", HAMAS)} and m.place == CAIRO
    (m,) = of_type(run("Fatah held talks in Cairo on Monday and Hamas joined them."), "Meeting")
    assert ("participant", HAMAS) in roles(m)  # "and" before a plain verb is no clause cut


def test_subclause_bounds() -> None:
    s = "Egypt hosted talks, which Qatar opposed, and signed a deal after Fatah agreed."
    lo, hi, holes = subclause(s, 13, 18, 0, len(s))
    assert (s[lo:hi], [s[a:b] for a, b in holes]) == ("Egypt hosted talks, which Qatar opposed",
                                                      [", which Qatar opposed"])
    lo, hi, holes = subclause(s, 51, 55, 0, len(s))
    assert s[lo:hi] == ", and signed a deal"
