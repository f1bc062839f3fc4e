"""The seed report (TASS, 2020-03-12) against the real ontology and reference layer, fact by fact.

Only IRIs fixed by the ontology contract are asserted; other entities are checked by label."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.articles import read_text
from kg.extract import RuleExtractor
from kg.extract.lexicon import ReferenceIndex
from kg.extract.records import Event, Extraction
from kg.reference import default_reference_paths, load_reference_files

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "articles" / "tass-2020-03-12.txt"
ID = "https://w3id.org/reconciliation-kg/id/"
HAMAS, FATAH, PLO = ID + "party/hamas", ID + "party/fatah", ID + "org/plo"
GAZA, WEST_BANK, CAIRO = ID + "place/gaza-strip", ID + "place/west-bank", ID + "place/cairo"
RFM = ID + "org/russian-foreign-ministry"


@pytest.fixture(scope="module")
def index() -> ReferenceIndex:
    paths = default_reference_paths(ROOT)
    assert any("data/reference" in str(p) for p in paths)
    return load_reference_files(paths)


@pytest.fixture(scope="module")
def seed(index: ReferenceIndex) -> Extraction:
    article = read_text(SEED.read_text(encoding="utf-8"), source=str(SEED))
    assert article.published == "2020-03-12"
    return RuleExtractor(index).extract(article)


def of_type(x: Extraction, t: str) -> list[Event]:
    return [e for e in x.events if e.type == t]


def roles(e: Event) -> set[tuple[str, str]]:
    return {(p.role, p.entity) for p in e.participants}


def test_zakharova_statements(seed: Extraction, index: ReferenceIndex) -> None:
    st = of_type(seed, "Statement")
    assert len(st) == 6
    for s in st:
        (speaker,) = s.participants
        assert "Zakharova" in index.label(speaker.entity) and speaker.role == "speaker"
        assert s.speaker_affiliation == RFM
        assert (s.time.earliest, s.time.latest, s.time.precision) == ("2020-03-12", "2020-03-12", "day")
    quotes = [s.quote for s in st]
    assert quotes[1].startswith("Senior officials of the Russian foreign ministry") and quotes[1].endswith("February")
    assert quotes[5].startswith("Indeed, I would like")
    assert [s.quote_type for s in st] == ["indirect", "direct", "direct", "direct", "indirect", "direct"]


def test_zakharova_post(seed: Extraction, index: ReferenceIndex) -> None:
    (post,) = [e for e in of_type(seed, "PostHolding") if "Zakharova" in e.label]
    assert post.concerns == [RFM] and "spokeswoman" in post.label


def test_consultation_since_february(seed: Extraction) -> None:
    (c,) = of_type(seed, "Consultation")[:1]
    assert roles(c) == {("participant", RFM)} and c.modality == "actual"
    assert (c.time.earliest, c.time.latest, c.time.precision) == ("2020-02-01", "2020-03-12", "month")
    assert len(c.evidence) == 2  # reported in the lead and in the first quote


def test_hoped_meeting_in_moscow(seed: Extraction, index: ReferenceIndex) -> None:
    meetings = [e for e in of_type(seed, "Meeting") if e.modality != "actual"]
    (m,) = meetings
    assert m.modality == "hoped" and index.label(m.place) == "Moscow"
    proposers = {index.label(p.entity) for p in m.participants if p.role == "proposer"}
    assert "Russia" in proposers
    assert {index.label(p.entity) for p in m.participants if p.role == "host"} == {"Russia"}
    assert m.purpose.startswith("reach an agreement on the restoration of national unity")
    assert PLO in m.concerns
    assert not [e for e in of_type(seed, "Meeting") if e.place == m.place and e.modality == "actual"]


def test_2006_elections_won_by_hamas(seed: Extraction) -> None:
    won = [e for e in of_type(seed, "Election") if ("winner", HAMAS) in roles(e)]
    (e,) = won
    assert (e.time.earliest, e.time.latest, e.modality) == ("2006-01-01", "2006-12-31", "actual")
    assert e.same_as == ID + "event/2006-01-25-legislative-election"


def test_2007_takeover_and_control(seed: Extraction) -> None:
    (split,) = of_type(seed, "Split")
    assert roles(split) == {("participant", HAMAS), ("participant", FATAH)} and split.time.earliest == "2007-01-01"
    (t,) = of_type(seed, "Takeover")
    assert roles(t) == {("agent", HAMAS)} and t.territory == GAZA and t.time.earliest == "2007-01-01"
    control = {(e.participants[0].entity, e.territory, e.time.earliest) for e in of_type(seed, "ControlOfTerritory")}
    assert control == {(HAMAS, GAZA, "2007-01-01"), (FATAH, WEST_BANK, "2007-01-01")}


def test_cairo_2017_agreement_provisions_and_stall(seed: Extraction) -> None:
    cairo = ID + "agreement/2017-10-12-cairo"
    (s,) = [e for e in of_type(seed, "Signing") if e.agreement == cairo]
    assert roles(s) == {("signatory", FATAH), ("signatory", HAMAS)} and s.place == CAIRO
    assert (s.time.earliest, s.time.latest, s.time.precision) == ("2017-09-01", "2017-11-30", "season")
    provisions = [p for p in seed.provisions if p.agreement == cairo]
    assert [(p.provision_type, p.status) for p in provisions] == [("government", "stalled"), ("crossings", "stalled")]
    assert "assume all powers" in provisions[0].label and "Rafah" in provisions[1].label
    (stall,) = of_type(seed, "Stall")
    assert stall.agreement == cairo
    handovers = of_type(seed, "Handover")  # the government to assume all powers; Rafah to be transferred
    assert [(h.modality, h.agreement) for h in handovers] == [("planned", cairo)] * 2
    assert ("recipient", ID + "government/2014-06-02-national-consensus") in roles(handovers[0])
    assert handovers[1].territory == ID + "place/rafah-crossing" and roles(handovers[1]) == set()


def test_spring_2014_agreement_and_unity_government(seed: Extraction, index: ReferenceIndex) -> None:
    beach = ID + "agreement/2014-04-23-beach-camp"
    assert [e.agreement for e in of_type(seed, "Signing")].count(beach) == 1
    (sw,) = of_type(seed, "SwearingIn")
    assert sw.government == ID + "government/2014-06-02-national-consensus"
    assert {index.label(p.entity) for p in sw.participants if p.role == "leader"} == {"Rami Hamdallah"}
    failed = [e for e in of_type(seed, "Election") if e.modality == "failed"]
    assert len(failed) == 1 and ("agent", sw.government) in roles(failed[0])


def test_basis_of_a_settlement(seed: Extraction, index: ReferenceIndex) -> None:
    (st,) = [e for e in of_type(seed, "Statement") if e.basis]
    assert st.basis[0] == ID + "document/unsc-resolutions"
    assert [index.label(b) for b in st.basis[1:]] == ["United Nations General Assembly resolutions",
                                                      "Arab Peace Initiative"]


def test_ramallah_and_gaza_are_metonyms_in_the_quote(seed: Extraction) -> None:
    body_metonyms = {(m.text, m.metonym) for m in seed.mentions if m.text in ("Ramallah",)}
    assert body_metonyms == {("Ramallah", True)}


def test_every_mention_and_evidence_slices_back(seed: Extraction) -> None:
    body = read_text(SEED.read_text(encoding="utf-8"), source=str(SEED)).body
    assert len(seed.mentions) > 30
    for m in seed.mentions:
        assert body[m.start:m.end] == m.text
    for e in seed.events:
        assert e.evidence and all(body[v.start:v.end] == v.quote for v in e.evidence)
