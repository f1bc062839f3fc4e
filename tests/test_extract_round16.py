"""Round-16 rules on the real reference layer (invented sentences): a positive and a negative example each."""

from __future__ import annotations

import pytest
from extract_helpers import DOMAIN, ID, of_type, roles, run

FATAH, HAMAS = ID + "party/fatah", ID + "party/hamas"


def persons(body: str) -> list[tuple[str, bool]]:
    return [(m.text, m.linked) for m in run(body).mentions if m.type == "Person"]


@pytest.mark.parametrize(("body", "name"), [
    ("The date was given on Sunday by the justice minister, Ali Abu Diak, who said the court had ruled.",
     "Ali Abu Diak"),
    ("The ruling, issued by the head of the court, Hisham al-Hatoo, answered a petition.", "Hisham al-Hatoo"),
    ("The petition was lodged by a lawyer, Nael al-Houh, last month.", "Nael al-Houh"),
    ("Abbas was accompanied by his deputy prime minister, Ziad Abu Amr, and others.", "Ziad Abu Amr"),
    ("The movement's spokesman, Hazem Qassem, said no.", "Hazem Qassem"),
    ("The chairman of the committee, Hanna Nasser said the vote would go ahead.", "Hanna Nasser"),
])
def test_a_name_set_off_after_its_title_is_a_person(body: str, name: str) -> None:
    assert (name, False) in persons(body)


@pytest.mark.parametrize("body", [
    "Said the minister, Egypt Wants Calm, a slogan, was printed.",           # no determiner before the title
    "It named the minister, Foreign Affairs and Expatriates, in charge.",     # the name does not end the phrase
    "The head of the court, Hisham, answered.",                             # one name is no personal name
    "Under the president, Central Elections are due.",                      # not set off by a following comma
])
def test_no_person_without_a_title_apposition(body: str) -> None:
    assert not [p for p in persons(body) if not p[1]]


def test_a_name_after_headed_or_led_by_is_a_person() -> None:
    assert ("Vitaly Naumkin", False) in persons("The institute, headed by Vitaly Naumkin, hosted the factions.")
    assert ("Khalil Hamdan", False) in persons("A team led by Khalil Hamdan arrived in Cairo.")
    # an organisation name goes on after the name: not a person ("led by Ahmed Hilles Institute staff")
    assert not persons("The effort was led by Ahmed Hilles Institute staff.")
    assert not persons("The talks were led by officials of both sides.")


def test_the_head_of_a_host_body_is_not_a_role_in_the_meeting() -> None:
    body = ("Fatah and Hamas held talks in Moscow on Tuesday hosted by the Institute of Oriental Studies, "
            "headed by Vitaly Naumkin.")
    (m,) = of_type(run(body, "2017-01-17"), "Meeting")
    assert {r for r, i in roles(m)} == {"host", "participant"}
    assert ("participant", FATAH) in roles(m) and ("participant", HAMAS) in roles(m)
    assert not [i for _, i in roles(m) if "naumkin" in i]
    # a state body is no such institute: the intelligence chief who leads the hosts keeps his role
    (k,) = of_type(run(DOMAIN + "Fatah and Hamas met in Cairo on Tuesday, hosted by the Egyptian intelligence, "
                       "led by Abbas Kamel.", "2017-01-17"), "Meeting")
    assert ("leader", ID + "person/abbas-kamel") in roles(k)
