"""Mention rules (kg.extract.mentions, kg.extract.gazetteer): one positive and one negative example each,
on short invented sentences and a small hand-made reference index."""

from __future__ import annotations

import pytest

from kg.articles.model import Article
from kg.extract.document import Doc
from kg.extract.gazetteer import Gazetteer
from kg.extract.lexicon import AgreementInfo, EntityInfo, PostInfo, ReferenceIndex
from kg.extract.mentions import choose_iri, find_mentions
from kg.extract.text import ID_BASE, slugify

ID = ID_BASE
HAMAS, FATAH, PLO = f"{ID}party/hamas", f"{ID}party/fatah", f"{ID}org/plo"
EGYPT, RUSSIA, ALGERIA, US = f"{ID}state/egypt", f"{ID}state/russia", f"{ID}state/algeria", f"{ID}state/us"
STRIP, GAZA_CITY, RAFAH = f"{ID}place/gaza-strip", f"{ID}place/gaza-city", f"{ID}place/rafah-crossing"
ABBAS, MARZOUK, ZAKHAROVA = f"{ID}person/abbas", f"{ID}person/marzouk", f"{ID}person/zakharova"
MFA = f"{ID}org/russian-foreign-ministry"
GOV14 = f"{ID}government/2014"


def entity(slug: str) -> str:
    return f"{ID}entity/{slug}"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    idx = ReferenceIndex(entities={
        HAMAS: EntityInfo("Hamas", type_local_name="Party"),
        FATAH: EntityInfo("Fatah", ("Fatah movement",), "Party"),
        PLO: EntityInfo("Palestine Liberation Organization", ("PLO",), "UmbrellaOrganization"),
        EGYPT: EntityInfo("Egypt", type_local_name="State", demonyms=("Egyptian",)),
        RUSSIA: EntityInfo("Russia", type_local_name="State", demonyms=("Russian",)),
        ALGERIA: EntityInfo("Algeria", type_local_name="State", demonyms=("Algerian",)),
        US: EntityInfo("United States", ("U.S.",), "State"),
        STRIP: EntityInfo("Gaza Strip", ("Gaza",), "Territory"),
        GAZA_CITY: EntityInfo("Gaza City", type_local_name="City"),
        RAFAH: EntityInfo("Rafah crossing", type_local_name="BorderCrossing"),
        ABBAS: EntityInfo("Mahmoud Abbas", ("Abbas", "President Abbas"), "Person"),
        MARZOUK: EntityInfo("Mousa Abu Marzouk", ("Abu Marzuk",), "Person"),
        ZAKHAROVA: EntityInfo("Maria Zakharova", type_local_name="Person"),
        MFA: EntityInfo("Russian Foreign Ministry", type_local_name="Ministry"),
        GOV14: EntityInfo("Consensus government (2014)", ("unity government",), "Government"),
    }, posts={ZAKHAROVA: [PostInfo(f"{ID}post/z", "spokeswoman", MFA, "2015-08-10")]})
    return Gazetteer(idx)


def mentions(gz: Gazetteer, body: str) -> list[tuple[str, str, bool]]:
    doc = Doc.of(Article(id="t", title=None, body=body, published="2017-11-29"))
    find_mentions(doc, gz)
    return [(m.text, m.entity, m.linked) for m in doc.mentions]


def test_world_place_is_an_unlinked_mention(gazetteer: Gazetteer) -> None:
    assert mentions(gazetteer, "Mashaal spoke from Damascus.") == [("Damascus", entity("damascus"), False)]


def test_reference_label_wins_over_a_world_place() -> None:
    damascus = f"{ID}place/damascus"
    gz = Gazetteer(ReferenceIndex(entities={damascus: EntityInfo("Damascus", type_local_name="City")}))
    assert mentions(gz, "Mashaal spoke from Damascus.") == [("Damascus", damascus, True)]


def test_crossing_short_name(gazetteer: Gazetteer) -> None:
    assert mentions(gazetteer, "Guards were deployed at Rafah.") == [("Rafah", RAFAH, True)]


def test_crossing_short_name_yields_to_another_entity_of_that_name() -> None:
    city, crossing = f"{ID}place/rafah", f"{ID}place/rafah-crossing"
    gz = Gazetteer(ReferenceIndex(entities={city: EntityInfo("Rafah", type_local_name="City"),
                                            crossing: EntityInfo("Rafah crossing", type_local_name="BorderCrossing")}))
    assert mentions(gz, "Guards were deployed at Rafah.") == [("Rafah", city, True)]


def test_dateline_place_is_the_city_and_agency_is_no_mention(gazetteer: Gazetteer) -> None:
    body = "GAZA, Nov. 1 (Levant Wire Service) - Hamas handed over Gaza."
    assert mentions(gazetteer, body) == [("GAZA", GAZA_CITY, True), ("Hamas", HAMAS, True),
                                         ("Gaza", STRIP, True)]


def test_org_name_continues_into_an_unknown_body(gazetteer: Gazetteer) -> None:
    body = "Fatah Central Committee member Azzam al-Ahmad spoke. The Central Committee met."
    got = mentions(gazetteer, body)
    assert got[0] == ("Fatah Central Committee", entity("fatah-central-committee"), False)
    assert ("Central Committee", entity("fatah-central-committee"), False) in got  # short form, same body


def test_party_head_does_not_make_a_new_body(gazetteer: Gazetteer) -> None:
    assert mentions(gazetteer, "The Hamas Movement met the Fatah movement.") == [
        ("Hamas", HAMAS, True), ("Fatah", FATAH, True)]


def test_us_keeps_its_last_dot(gazetteer: Gazetteer) -> None:
    assert mentions(gazetteer, "U.S. officials left.") == [("U.S.", US, True)]
    assert mentions(gazetteer, "The U.S. State Department said no.") == [
        ("U.S. State Department", entity("us-state-department"), False)]


def test_title_in_an_alias_is_not_part_of_the_name(gazetteer: Gazetteer) -> None:
    assert mentions(gazetteer, "President Abbas chaired the meeting.") == [("Abbas", ABBAS, True)]


def test_given_name_before_an_alias_joins_the_name(gazetteer: Gazetteer) -> None:
    assert mentions(gazetteer, "Hamas deputy chief Mousa Abu Marzuk spoke.")[-1] == (
        "Mousa Abu Marzuk", MARZOUK, True)
    assert mentions(gazetteer, "Hamas official Abu Marzuk spoke.")[-1] == ("Abu Marzuk", MARZOUK, True)


def test_hypothetical_government_is_no_mention(gazetteer: Gazetteer) -> None:
    assert mentions(gazetteer, "They will form a national unity government.") == []
    assert mentions(gazetteer, "He led the unity government.") == [("unity government", GOV14, True)]


def test_ambiguous_agreement_is_the_latest_before_publication() -> None:
    idx = ReferenceIndex(agreements={"a11": AgreementInfo("Cairo", "2011-05-04"),
                                     "a17": AgreementInfo("Cairo", "2017-10-12")})
    assert choose_iri(idx, ("a11", "a17"), "2017-11-29") == "a17"
    assert choose_iri(idx, ("a11", "a17"), "2014-01-01") == "a11"
    assert choose_iri(idx, ("x", "y"), "2017-11-29") == "x"  # not agreements: the gazetteer's order


def test_demonym_with_a_modifier_before_a_body_noun(gazetteer: Gazetteer) -> None:
    assert mentions(gazetteer, "An Egyptian security delegation attended.") == [("Egyptian", EGYPT, True)]
    assert mentions(gazetteer, "An Algerian-Arab team will follow it up.") == [("Algerian", ALGERIA, True)]


def test_demonym_in_a_title_or_description_is_no_mention(gazetteer: Gazetteer) -> None:
    got = mentions(gazetteer, "Algerian President Abdelmadjid Tebboune praised the Egyptian cuisine.")
    assert [m for m in got if m[1] in (ALGERIA, EGYPT)] == []


def test_appositive_title_with_an_organisation(gazetteer: Gazetteer) -> None:
    body = "Fayez Abu Eita, a Fatah spokesman in Gaza, confirmed it."
    assert mentions(gazetteer, body)[:2] == [("Fayez Abu Eita", entity("fayez-abu-eita"), False),
                                             ("Fatah", FATAH, True)]
    assert mentions(gazetteer, "Gaza, a Hamas stronghold, waited.") == [("Gaza", STRIP, True), ("Hamas", HAMAS, True)]


def test_title_with_a_complement_before_the_name(gazetteer: Gazetteer) -> None:
    body = "Palestinian Ambassador to Russia Abdel Hafiz Nofal said so. President-elect Donald Trump left."
    got = [m[0] for m in mentions(gazetteer, body)]
    assert got == ["Russia", "Abdel Hafiz Nofal", "Donald Trump"]


def test_name_of_party_is_a_person(gazetteer: Gazetteer) -> None:
    assert mentions(gazetteer, "It was written by Marwan Barghouti of Fatah.")[0] == (
        "Marwan Barghouti", entity("marwan-barghouti"), False)
    assert mentions(gazetteer, "Senior Leaders of Hamas met.") == [("Hamas", HAMAS, True)]


def test_unknown_body_in_a_title_is_the_post_organisation(gazetteer: Gazetteer) -> None:
    body = "Foreign Ministry spokeswoman Maria Zakharova said so."
    assert mentions(gazetteer, body)[0] == ("Foreign Ministry", MFA, True)
    body = "Foreign Ministry spokesman John Smith said so."
    assert mentions(gazetteer, body)[0] == ("Foreign Ministry", entity("foreign-ministry"), False)


def test_organisation_head_first(gazetteer: Gazetteer) -> None:
    assert mentions(gazetteer, "It was held at the Institute of Oriental Studies.") == [
        ("Institute of Oriental Studies", entity("institute-of-oriental-studies"), False)]
    assert mentions(gazetteer, "The Institute said nothing.") == []


def test_slug_drops_abbreviation_dots() -> None:
    assert slugify("U.S. State Department") == "us-state-department"


def test_a_name_particle_carries_the_next_word_even_a_titles(gazetteer: Gazetteer) -> None:
    got = mentions(gazetteer, "Fatah spokesman Hussein al-Sheikh said the talks were positive.")
    assert [(t, linked) for t, _, linked in got] == [("Fatah", True), ("Hussein al-Sheikh", False)]
    assert [t for t, _, _ in mentions(gazetteer, "Fatah spokesman Hussein said so.")] == ["Fatah"]


def test_a_demonym_before_a_ministry_or_auspices_is_the_state(gazetteer: Gazetteer) -> None:
    assert mentions(gazetteer, "The Egyptian foreign ministry welcomed the deal.") == [("Egyptian", EGYPT, True)]
    assert mentions(gazetteer, "Under Egyptian auspices, the talks resumed.") == [("Egyptian", EGYPT, True)]
    assert mentions(gazetteer, "The Egyptian economy grew.") == []
