"""Cross-document event identity (kg.consolidate): hand-made article graphs in a memory store, consolidated."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import RDF, SKOS, XSD

from kg.analysis import load_facts
from kg.articles.model import Article
from kg.consolidate import (
    CONSOLIDATED_GRAPH,
    Report,
    cluster_reports,
    combined_confidence,
    consolidate,
)
from kg.extract.records import Event, Evidence, Extraction, Participant, TimeSpec
from kg.mapping import article_iri, event_iri, map_article
from kg.namespaces import ID, REC, REFERENCE_GRAPH
from kg.render.timeline import timeline_items
from kg.store import Store, open_store

HAMAS, FATAH, EGYPT = (str(ID[k]) for k in ("party/hamas", "party/fatah", "state/egypt"))
CAIRO, DOHA = str(ID["place/cairo"]), str(ID["place/doha"])
AGREEMENT = str(ID["agreement/2017-10-12-cairo"])
REF_ELECTION = ID["event/2006-01-25-legislative-election"]


def _event(key: str, type_: str, *, day: str | None = None, span: tuple[str, str] | None = None,
           modality: str = "actual", place: str | None = None, agreement: str | None = None,
           roles: tuple[tuple[str, str], ...] = (), confidence: float = 0.6, same_as: str | None = None) -> Event:
    time = None
    if day:
        time = TimeSpec(day, "day", day, day)
    elif span:
        time = TimeSpec(f"{span[0]}..{span[1]}", "month", span[0], span[1])
    ev = Evidence(0, 5, "Hamas", "Hamas signed.", "test-rule", confidence)
    return Event(key=key, type=type_, label=f"{type_} {key}", modality=modality, time=time, place=place,
                 agreement=agreement, participants=[Participant(r, a, a.rsplit("/", 1)[-1]) for r, a in roles],
                 evidence=[ev], confidence=confidence, same_as=same_as)


def _store(*articles: tuple[str, str, list[Event]]) -> Store:
    store = open_store("memory:")
    for aid, published, events in articles:
        art = Article(id=aid, title=f"Article {aid}", body="Hamas signed.", published=published)
        store.replace_graph(str(article_iri(aid)), map_article(art, Extraction(article_id=aid, events=events)))
    return store


def _clusters(store: Store) -> dict[URIRef, set[URIRef]]:
    g = store.triples(str(CONSOLIDATED_GRAPH))
    out: dict[URIRef, set[URIRef]] = {}
    for s, p, o in g:
        if p == REC.reportedBy:
            out.setdefault(s, set()).add(o)  # type: ignore[arg-type]
    return out


def _value(store: Store, s: URIRef, p: URIRef) -> set:
    return {o for s2, p2, o in store.triples(str(CONSOLIDATED_GRAPH)) if s2 == s and p2 == p}


SIGNED = (("signatory", HAMAS), ("signatory", FATAH))


def test_two_articles_reporting_one_signing_become_one_event_with_both_sources() -> None:
    store = _store(
        ("a1", "2017-10-13", [_event("s", "Signing", day="2017-10-12", place=CAIRO, agreement=AGREEMENT,
                                     roles=SIGNED)]),
        ("a2", "2017-10-14", [_event("s", "Signing", span=("2017-10-01", "2017-10-31"), agreement=AGREEMENT,
                                     roles=(*SIGNED, ("mediator", EGYPT)))]),
    )
    result = consolidate(store)
    assert (result.events, result.clusters, result.multi_source) == (2, 1, 1)
    [(node, members)] = _clusters(store).items()
    assert members == {event_iri("a1", "s"), event_iri("a2", "s")}
    assert str(node).startswith(str(ID["cluster/"]))
    assert _value(store, node, REC.sourceCount) == {Literal(2, datatype=XSD.integer)}
    assert _value(store, node, REC.signatory) == {URIRef(HAMAS), URIRef(FATAH)}
    assert _value(store, node, REC.mediator) == {URIRef(EGYPT)}
    # the tightest consistent bounds: the day one article gives lies inside the other's month
    assert _value(store, node, REC.date) == {Literal("2017-10-12", datatype=XSD.date)}
    assert _value(store, node, REC.place) == {URIRef(CAIRO)}
    assert _value(store, node, RDF.type) == {REC.Signing}
    # 1 - (1 - 0.6) * (1 - 0.6)
    assert [float(c) for c in _value(store, node, REC.confidence)] == [pytest.approx(0.84)]


def test_a_hoped_meeting_is_not_merged_with_the_meeting_held() -> None:
    met = (("participant", HAMAS), ("participant", FATAH))
    store = _store(
        ("a1", "2017-10-13", [_event("m", "Meeting", day="2017-10-12", place=CAIRO, roles=met)]),
        ("a2", "2017-10-14", [_event("m", "Meeting", day="2017-10-12", place=CAIRO, roles=met, modality="hoped")]),
    )
    assert consolidate(store).clusters == 2
    assert sorted(len(m) for m in _clusters(store).values()) == [1, 1]


def test_the_same_meeting_in_different_years_is_not_merged() -> None:
    met = (("participant", HAMAS), ("participant", FATAH))
    store = _store(
        ("a1", "2017-10-13", [_event("m", "Meeting", span=("2017-01-01", "2017-12-31"), place=CAIRO, roles=met)]),
        ("a2", "2018-10-14", [_event("m", "Meeting", span=("2018-01-01", "2018-12-31"), place=CAIRO, roles=met)]),
    )
    assert consolidate(store).clusters == 2


def test_different_places_or_disjoint_participants_are_not_merged() -> None:
    hamas, egypt = (("participant", HAMAS),), (("participant", EGYPT),)
    places = _store(("a1", "2017-10-13", [_event("m", "Meeting", day="2017-10-12", place=CAIRO, roles=hamas)]),
                    ("a2", "2017-10-14", [_event("m", "Meeting", day="2017-10-12", place=DOHA, roles=hamas)]))
    people = _store(("a1", "2017-10-13", [_event("m", "Meeting", day="2017-10-12", place=CAIRO, roles=hamas)]),
                    ("a2", "2017-10-14", [_event("m", "Meeting", day="2017-10-12", place=CAIRO, roles=egypt)]))
    assert (consolidate(places).clusters, consolidate(people).clusters) == (2, 2)


def test_an_undated_event_without_a_shared_agreement_stays_alone() -> None:
    met = (("participant", HAMAS), ("participant", FATAH))
    store = _store(
        ("a1", "2017-10-13", [_event("m", "Meeting", day="2017-10-12", roles=met)]),
        ("a2", "2017-10-20", [_event("m", "Meeting", roles=met)]),
    )
    assert consolidate(store).clusters == 2


def test_an_event_same_as_a_reference_event_joins_it() -> None:
    store = _store(
        ("a1", "2006-02-01", [_event("e", "Election", span=("2006-01-01", "2006-12-31"),
                                     roles=(("winner", HAMAS),), same_as=str(REF_ELECTION))]),
        ("a2", "2006-02-02", [_event("e", "Election", day="2006-01-25", roles=(("winner", HAMAS),),
                                     same_as=str(REF_ELECTION))]),
    )
    store.replace_graph(str(REFERENCE_GRAPH), [
        (REF_ELECTION, RDF.type, REC.Election), (REF_ELECTION, SKOS.prefLabel, Literal("2006 election", lang="en")),
        (REF_ELECTION, REC.earliest, Literal("2006-01-25", datatype=XSD.date)),
        (REF_ELECTION, REC.latest, Literal("2006-01-25", datatype=XSD.date)),
        (REF_ELECTION, REC.winner, URIRef(HAMAS)),
    ])
    assert consolidate(store).clusters == 1
    assert _clusters(store) == {REF_ELECTION: {event_iri("a1", "e"), event_iri("a2", "e")}}
    # the curated label, type and dates are not restated; what the reference already says is not repeated
    assert _value(store, REF_ELECTION, SKOS.prefLabel) == set()
    assert _value(store, REF_ELECTION, REC.winner) == set()
    assert _value(store, REF_ELECTION, REC.sourceCount) == {Literal(2, datatype=XSD.integer)}
    # the pages draw one item for the curated event and its two reports
    items = timeline_items(load_facts(store))
    assert [(i.iri, i.label) for i in items] == [(str(REF_ELECTION), "2006 election")]
    assert "reported by 2 articles" in items[0].details
    assert items[0].sources == [str(article_iri("a1")), str(article_iri("a2"))]


def test_disagreeing_dates_under_one_reference_event_are_kept_side_by_side() -> None:
    store = _store(("a1", "2006-03-01", [_event("e", "Election", span=("2006-02-01", "2006-02-28"),
                                                same_as=str(REF_ELECTION))]))
    store.replace_graph(str(REFERENCE_GRAPH), [
        (REF_ELECTION, RDF.type, REC.Election),
        (REF_ELECTION, REC.earliest, Literal("2006-01-25", datatype=XSD.date)),
        (REF_ELECTION, REC.latest, Literal("2006-01-25", datatype=XSD.date)),
        (REF_ELECTION, URIRef("http://purl.org/dc/terms/source"), URIRef("https://example.org/ref")),
    ])
    consolidate(store)
    accounts = _value(store, REF_ELECTION, REC.account)
    got = sorted((str(min(_value(store, a, REC.earliest))), sorted(map(str, _value(
        store, a, URIRef("http://purl.org/dc/terms/source"))))) for a in accounts)
    assert got == [("2006-01-25", ["https://example.org/ref"]),
                   ("2006-02-01", [str(article_iri("a1"))])]


def test_consolidation_is_deterministic() -> None:
    def run() -> object:
        store = _store(
            ("a2", "2017-10-14", [_event("s", "Signing", day="2017-10-12", agreement=AGREEMENT, roles=SIGNED)]),
            ("a1", "2017-10-13", [_event("s", "Signing", day="2017-10-12", agreement=AGREEMENT, roles=SIGNED),
                                  _event("m", "Meeting", day="2017-10-10", roles=SIGNED)]),
        )
        consolidate(store)
        consolidate(store)  # running again replaces, never adds
        from rdflib import Graph

        g = Graph()
        for t in store.triples(str(CONSOLIDATED_GRAPH)):
            g.add(t)
        return g

    first, second = run(), run()
    if not isomorphic(first, second):  # pragma: no cover - diagnostic
        _, a, b = graph_diff(to_isomorphic(first), to_isomorphic(second))
        pytest.fail(f"differ:\n{a.serialize(format='nt')}\n---\n{b.serialize(format='nt')}")
    assert set(first) == set(second)  # no blank nodes: identical triples, not only isomorphic


@pytest.mark.parametrize(("confidences", "expected"), [
    ({"x": [0.5], "y": [0.5]}, 0.75),
    ({"x": [0.9], "y": [0.5], "z": [0.2]}, 0.96),  # 1 - 0.1 * 0.5 * 0.8
    ({"x": [0.5, 0.7]}, 0.7),  # two reports in one article count once, at their best
    ({"x": [0.0]}, 0.0),
])
def test_combined_confidence(confidences: dict[str, list[float]], expected: float) -> None:
    reports = [Report(f"{a}{i}", "Meeting", article=a, confidence=c)
               for a, cs in confidences.items() for i, c in enumerate(cs)]
    assert combined_confidence(reports) == pytest.approx(expected)


def test_cluster_reports_keeps_one_event_per_article_without_an_anchor() -> None:
    a = Report("e1", "Meeting", article="x", earliest="2017-10-12", latest="2017-10-12", roles={("host", EGYPT)})
    b = Report("e2", "Meeting", article="x", earliest="2017-10-12", latest="2017-10-12", roles={("host", EGYPT)})
    assert sorted(len(c.members) for c in cluster_reports([a, b])) == [1, 1]


def test_a_signing_joins_the_curated_signing_of_its_agreement() -> None:
    ref = Report(str(ID["event/x-signing"]), "Signing", earliest="2017-10-12", latest="2017-10-12",
                 keys={"agreement": AGREEMENT})
    undated = Report("e1", "Signing", article="x", published="2017-11-01", keys={"agreement": AGREEMENT})
    [c] = cluster_reports([undated], [ref])
    assert c.iri == ref.iri and [m.iri for m in c.members] == ["e1"]
