"""kg.analysis on a hand-written graph: 3 parties, 2 agreements, 1 mediator (expected values by hand)."""

from __future__ import annotations

import networkx as nx
import pytest
from rdflib import Graph

from kg.analysis import (
    actor_graph,
    actor_graphs_by_year,
    actor_path,
    agreement_graph,
    describe_entity,
    exportable,
    find_communities,
    graph_stats,
    load_facts,
    rank_actors,
    rank_agreements,
    write_gexf,
    write_graphml,
)
from kg.errors import UsageError
from kg.store import Store, open_store

PREFIXES = """
@prefix rec: <https://w3id.org/reconciliation-kg/ontology/> .
@base <https://w3id.org/reconciliation-kg/id/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
# Fatah and Hamas sign A1 (2011, mediated by Egypt; its Signing event repeats the signatories and is folded
# into A1) and A2 (2012, with PIJ). A hoped-for 2013 meeting of Hamas in Moscow (host Russia) is not actual.
SMALL = PREFIXES + """
<party/fatah> a rec:Party ; skos:prefLabel "Fatah"@en ; skos:altLabel "Fateh"@en ;
    dcterms:source <https://example.org/fatah> .
<party/hamas> a rec:Party ; skos:prefLabel "Hamas"@en .
<party/pij> a rec:Party ; skos:prefLabel "Islamic Jihad"@en .
<state/egypt> a rec:State ; skos:prefLabel "Egypt"@en .
<state/russia> a rec:State ; skos:prefLabel "Russia"@en .
<person/abbas> a rec:Person ; skos:prefLabel "Mahmoud Abbas"@en .
<post/abbas-chair> a rec:Post ; org:heldBy <person/abbas> ; org:postIn <party/fatah> ;
    rec:postTitle "chairman"@en ; rec:startDate "2004-11-11"^^xsd:date .
<agreement/a1> a rec:Agreement ; skos:prefLabel "Agreement One"@en ; rec:date "2011-05-04"^^xsd:date ;
    rec:earliest "2011-05-04"^^xsd:date ; rec:signatory <party/fatah> , <party/hamas> ;
    rec:mediator <state/egypt> ; dcterms:source <https://example.org/a1> .
<event/s1> a rec:Signing ; skos:prefLabel "Signing of Agreement One"@en ; rec:agreement <agreement/a1> ;
    rec:earliest "2011-05-04"^^xsd:date ; rec:signatory <party/fatah> , <party/hamas> .
<agreement/a2> a rec:Agreement ; skos:prefLabel "Agreement Two"@en ; rec:earliest "2012-02-06"^^xsd:date ;
    rec:signatory <party/fatah> , <party/hamas> , <party/pij> ; rec:reaffirms <agreement/a1> .
<event/m1> a rec:Meeting ; skos:prefLabel "Moscow meeting"@en ; rec:earliest "2013-01-01"^^xsd:date ;
    rec:host <state/russia> ; rec:participant <party/hamas> ; rec:modality rec:Hoped ;
    rec:evidence [ rec:inArticle <article/x> ; oa:exact "hopes to meet in Moscow" ] .
<article/x> a rec:Article ; schema:headline "Hamas hopes for Moscow talks" .
rec:Hoped skos:inScheme rec:ModalityScheme ; skos:notation "hoped" .
"""
ID = "https://w3id.org/reconciliation-kg/id/"
FATAH, HAMAS, PIJ, EGYPT, RUSSIA = (ID + s for s in ("party/fatah", "party/hamas", "party/pij", "state/egypt",
                                                       "state/russia"))
A1, A2 = ID + "agreement/a1", ID + "agreement/a2"


def store_from(turtle: str) -> Store:
    """A memory store holding the Turtle in one named graph."""
    s = open_store("memory:")
    s.replace_graph("https://example.org/test", list(Graph().parse(data=turtle, format="turtle")))
    return s


@pytest.fixture(scope="module")
def small() -> Store:
    return store_from(SMALL)


def test_actor_graph_weights_and_role_pairs(small: Store) -> None:
    g = actor_graph(small)
    assert sorted(g.nodes) == sorted([FATAH, HAMAS, PIJ, EGYPT])  # Russia only in the hoped meeting
    assert {(a, b): d["weight"] for a, b, d in g.edges(data=True)} == {
        (FATAH, HAMAS): 2, (FATAH, PIJ): 1, (FATAH, EGYPT): 1, (HAMAS, PIJ): 1, (HAMAS, EGYPT): 1,
    }
    assert g.edges[FATAH, HAMAS]["roles"] == {"signatory-signatory": 2}  # the Signing is folded into A1
    assert g.edges[FATAH, EGYPT]["roles"] == {"mediator-signatory": 1}
    assert g.edges[FATAH, HAMAS]["shared"] == [A1, A2]
    assert g.nodes[EGYPT] == {"label": "Egypt", "kind": "State"}


def test_all_modalities_add_the_hoped_meeting(small: Store) -> None:
    g = actor_graph(small, modalities=None)
    assert g.edges[HAMAS, RUSSIA]["roles"] == {"host-participant": 1}
    assert g.edges[HAMAS, RUSSIA]["relation"] == "hosted"


def test_degrees_and_centrality(small: Store) -> None:
    g = actor_graph(small)
    assert dict(g.degree(weight="weight")) == {FATAH: 4, HAMAS: 4, PIJ: 2, EGYPT: 2}
    ranked = rank_actors(small)
    assert [(s.label, s.weighted_degree, s.degree) for s in ranked] == [
        ("Fatah", 4, 3), ("Hamas", 4, 3), ("Egypt", 2, 2), ("Islamic Jihad", 2, 2)]
    # Only PIJ and Egypt are not adjacent; their two shortest paths run through Fatah and through Hamas, so
    # each gets 1/2, normalised by (n-1)(n-2)/2 = 3 pairs: 1/6.
    assert [s.betweenness for s in ranked] == [0.166667, 0.166667, 0.0, 0.0]
    assert [s.label for s in rank_actors(small, group="mediators")] == ["Egypt", "Russia"][:1]
    egypt = next(s for s in ranked if s.iri == EGYPT)
    assert (egypt.mediating, egypt.party) == (1, 0)
    hamas = next(s for s in ranked if s.iri == HAMAS)
    assert (hamas.mediating, hamas.party) == (0, 3)  # A1, A2 and the hoped meeting


def test_shortest_path_and_communities(small: Store) -> None:
    g = actor_graph(small)
    assert actor_path(g, EGYPT, PIJ) == [EGYPT, FATAH, PIJ]
    with pytest.raises(UsageError, match="takes part in no event"):
        actor_path(g, EGYPT, RUSSIA)
    h = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z"), ("c", "x")])
    assert find_communities(h) == [["a", "b", "c"], ["x", "y", "z"]]
    assert find_communities(h, seed=0) == find_communities(h, seed=0)


def test_agreement_projection_and_ranking(small: Store) -> None:
    g = agreement_graph(small)
    assert sorted((a, b, d["role"]) for a, b, d in g.edges(data=True)) == sorted([
        (FATAH, A1, "signatory"), (HAMAS, A1, "signatory"), (EGYPT, A1, "mediator"),
        (FATAH, A2, "signatory"), (HAMAS, A2, "signatory"), (PIJ, A2, "signatory"),
    ])
    assert g.nodes[A1]["bipartite"] == 1 and g.nodes[A1]["date"] == "2011-05-04"
    ranks = [(s.label, s.actors, s.events, s.links) for s in rank_agreements(small)]
    assert ranks == [("Agreement One", 3, 1, 1), ("Agreement Two", 3, 0, 1)]


def test_graphs_by_year(small: Store) -> None:
    years = actor_graphs_by_year(small)
    assert list(years) == [2011, 2012]
    assert sorted(years[2011].edges) == sorted([(FATAH, HAMAS), (FATAH, EGYPT), (HAMAS, EGYPT)])
    assert years[2012].number_of_edges() == 3
    assert list(actor_graphs_by_year(small, modalities=None)) == [2011, 2012, 2013]


def test_date_bounds(small: Store) -> None:
    assert sorted(actor_graph(small, since="2012").nodes) == sorted([FATAH, HAMAS, PIJ])
    assert sorted(actor_graph(small, until="2011-12").edges) == sorted([(FATAH, HAMAS), (FATAH, EGYPT),
                                                                       (HAMAS, EGYPT)])


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
@pytest.mark.parametrize("projection", ["actors", "agreements"])
def test_export_round_trip(small: Store, tmp_path, fmt: str, projection: str) -> None:
    path = tmp_path / f"g.{fmt}"
    writer, reader = (write_graphml, nx.read_graphml) if fmt == "graphml" else (write_gexf, nx.read_gexf)
    writer(small, path, projection)
    back = reader(path)
    facts = load_facts(small)
    want = exportable(actor_graph(facts) if projection == "actors" else agreement_graph(facts))
    assert sorted(back.nodes) == sorted(want.nodes)
    assert sorted(map(sorted, back.edges)) == sorted(map(sorted, want.edges))
    for n, d in want.nodes(data=True):
        got = {k: v for k, v in back.nodes[n].items() if k not in {"label", "id"} or k in d}
        assert got == d, n
    for a, b, d in want.edges(data=True):
        got = {k: v for k, v in back.edges[a, b].items() if k not in {"id"}}
        assert got == d, (a, b)


def test_stats(small: Store) -> None:
    st = graph_stats(small)
    assert (st.articles, st.agreements, st.graphs) == (1, 2, 1)
    assert st.entities == {"Person": 1, "State": 2, "Party": 3, "Post": 1}
    assert st.events == {"Signing": 1, "Meeting": 1}
    assert st.modalities == {"actual": 1, "hoped": 1}
    assert [a.label for a in st.top_actors[:2]] == ["Fatah", "Hamas"]


def test_entity_card(small: Store) -> None:
    card = describe_entity(small, FATAH)
    assert (card.label, card.kind, card.aliases) == ("Fatah", "Party", ["Fateh"])
    assert card.posts == [("chairman", "Mahmoud Abbas", "2004-11-11", "")]
    assert card.occasions == [("2011-05-04", "Agreement", "Agreement One", "signatory", "actual"),
                              ("2012-02-06", "Agreement", "Agreement Two", "signatory", "actual")]
    assert card.sources == ["https://example.org/fatah"]
    hamas = describe_entity(small, HAMAS)
    assert hamas.occasions[-1] == ("2013-01-01", "Meeting", "Moscow meeting", "participant", "hoped")
    meeting = describe_entity(small, ID + "event/m1")
    assert meeting.evidence == [("hopes to meet in Moscow", "Hamas hopes for Moscow talks", ID + "article/x")]
