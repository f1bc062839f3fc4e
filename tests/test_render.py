"""The pages and the CLI commands of kg/render and kg/commands/visual.py, offline (no browser)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Graph
from test_analysis import A1, A2, EGYPT, FATAH, HAMAS, ID, PIJ, PREFIXES, RUSSIA, SMALL, store_from

from kg.analysis import load_facts
from kg.cli import cli
from kg.errors import UsageError
from kg.render.graph import EDGE_LABELS_UP_TO, graph_page_data, render_graph_page
from kg.render.layout import ego_positions, layout_positions
from kg.render.pages import ego_page, graph_page, timeline_page, write_pages
from kg.render.text import cut
from kg.render.timeline import MAX_ROWS, Scale, TimelineItem, pack_lane, render_timeline_page, timeline_items
from kg.render.views import ego_graph, overview_graph
from kg.store import OxigraphStore, Store

PAYLOAD = """<script>alert(1)</script><img src=x onerror="document.title='pwned'">"""
# An article whose headline, quote, entity label and event label carry markup, and a title with "href"
# (pyvis switches to an innerHTML popup when a title contains "href").
HOSTILE = PREFIXES + f"""
@base <https://w3id.org/reconciliation-kg/id/> .
<party/evil> a rec:Party ; skos:prefLabel {json.dumps(PAYLOAD)}@en .
<party/fatah> a rec:Party ; skos:prefLabel "Fatah"@en .
<event/e1> a rec:Meeting ; skos:prefLabel "</script><script>document.title='pwned'</script> href"@en ;
    rec:earliest "2020-01-01"^^xsd:date ; rec:participant <party/evil> , <party/fatah> ;
    rec:evidence [ rec:inArticle <article/h> ;
                   oa:exact "<a href=\\"javascript:alert(1)\\">click</a> <b onmouseover=alert(1)>x</b>" ] .
<agreement/h> a rec:Agreement ; skos:prefLabel "Deal <i>href</i> & <img src=x onerror=alert(1)>"@en ;
    rec:earliest "2020-02-01"^^xsd:date ; rec:signatory <party/evil> , <party/fatah> ;
    dcterms:source <javascript:alert(1)> , <https://example.org/deal> .
<article/h> a rec:Article ; schema:headline {json.dumps(PAYLOAD + " href")} .
"""
EVIL = ID + "party/evil"


@pytest.fixture(scope="module")
def small() -> Store:
    return store_from(SMALL)


@pytest.fixture(scope="module")
def hostile() -> Store:
    return store_from(HOSTILE)


def page_json(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="kg-graph">(.*?)</script>', page, re.S)
    assert m is not None
    return json.loads(m.group(1))


def external_refs(page: str) -> list[str]:
    """http(s) URLs in src/href of script, link and img tags."""
    tags = re.findall(r"<(?:script|link|img)\b[^>]*>", page, re.I)
    return [t for t in tags if re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", t, re.I)]


def test_graph_page_escapes_everything(hostile: Store) -> None:
    for page in (graph_page(hostile), graph_page(hostile, "all"), ego_page(hostile, EVIL, 2),
                 render_graph_page(nx.Graph([(PAYLOAD, "b")]), PAYLOAD, {"Party": PAYLOAD}, subtitle=PAYLOAD)):
        low = page.lower()
        assert "<script>alert" not in low and "<img src=x" not in low and "onerror=\"" not in low
        assert low.count("<script") == low.count("</script>")  # no script element opened by data
        assert low.count("</script>") == 4  # probe, graph JSON, vis-network, page script
        assert external_refs(page) == []


def test_graph_page_data_round_trips_hostile_text(hostile: Store) -> None:
    data = page_json(graph_page(hostile))
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    assert labels[EVIL] == PAYLOAD[:35] + "…"  # canvas label (cut between words), full text in the tooltip
    titles = {n["id"]: n["title"] for n in data["nodes"]}
    assert titles[EVIL].startswith(PAYLOAD + "\nParty")
    deal = titles[ID + "agreement/h"]
    assert "Source: javascript:alert(1)" in deal  # shown as text, never as a link


def test_heading_and_legend_escaped() -> None:
    g = nx.Graph()
    g.add_node("a", label="x", kind="Party")
    page = render_graph_page(g, "<h1>T</h1>", {"Party": "<b>P</b>"}, subtitle="<i>s</i>")
    assert "<title>&lt;h1&gt;T&lt;/h1&gt;</title>" in page
    assert "<h1>&lt;h1&gt;T&lt;/h1&gt;</h1>" in page
    assert "&lt;b&gt;P&lt;/b&gt;" in page and "&lt;i&gt;s&lt;/i&gt;" in page


def test_page_is_offline_and_inlines_vis_network() -> None:
    page = render_graph_page(nx.path_graph(3), "t")
    assert "@version 9.1.2" in page and "vis.Network" in page
    assert "<link" not in page.lower() and "bootstrap" not in page.lower()
    assert "default-src &#x27;none&#x27;" in page  # Content-Security-Policy: no network
    assert not re.search(r"<script[^>]+src=", page, re.I)


def test_node_style_size_and_modality(small: Store) -> None:
    facts = load_facts(small)
    data = graph_page_data(ego_graph(facts, HAMAS, 1))
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes[HAMAS]["shape"] == "dot" and nodes[A1]["shape"] == "square"
    meeting = nodes[ID + "event/m1"]  # hoped: hollow and dashed
    assert meeting["color"]["background"] == "#ffffff" and meeting["shapeProperties"] == {"borderDashes": [5, 3]}
    assert nodes[HAMAS]["size"] == 30.0  # the hub has the largest weighted degree
    assert nodes[A1]["size"] < nodes[HAMAS]["size"]
    assert data["options"]["physics"]["enabled"] is False and data["options"]["edges"]["smooth"] is False
    assert all("x" in n and "y" in n for n in data["nodes"])


def test_overview_graph(small: Store) -> None:
    g = overview_graph(load_facts(small))
    # No actual event with two participants: actor-actor edges come only from events, so there are none;
    # agreements are nodes linked by role.
    assert sorted((*sorted((a, b), key=lambda n: n == A1 or n == A2), d["relation"])
                  for a, b, d in g.edges(data=True)) == sorted([
        (FATAH, A1, "signed"), (HAMAS, A1, "signed"), (EGYPT, A1, "mediated"),
        (FATAH, A2, "signed"), (HAMAS, A2, "signed"), (PIJ, A2, "signed"),
    ])
    assert RUSSIA not in g
    assert g.nodes[A1]["title"].splitlines()[:4] == [
        "Agreement One", "Agreement · 2011-05-04", "signatory: Fatah, Hamas", "mediator: Egypt"]


def test_edge_labels_carry_the_weight() -> None:
    g = nx.Graph()
    g.add_edge("a", "b", relation="co-signed", weight=3)
    (edge,) = graph_page_data(g)["edges"]
    assert edge["label"] == "co-signed ×3" and edge["width"] == 3.38


def test_layout_is_seeded_and_deterministic() -> None:
    for g in (nx.path_graph(5), nx.barabasi_albert_graph(120, 2, seed=1), nx.barabasi_albert_graph(600, 2, seed=1)):
        assert layout_positions(g) == layout_positions(g)
        assert set(layout_positions(g)) == set(g.nodes)
    g = nx.barabasi_albert_graph(120, 2, seed=1)
    assert layout_positions(g, seed=1) != layout_positions(g, seed=2)


def test_timeline_items_and_page(small: Store) -> None:
    items = timeline_items(load_facts(small))
    assert [(i.start, i.kind, i.label, i.modality) for i in items] == [
        ("2011-05-04", "Agreement", "Agreement One", "actual"),  # the Signing is folded into it
        ("2012-02-06", "Agreement", "Agreement Two", "actual"),
        ("2013-01-01", "Meeting", "Moscow meeting", "hoped"),
    ]
    assert [i.label for i in timeline_items(load_facts(small), since="2012", until="2012-12")] == ["Agreement Two"]
    assert [i.lane for i in timeline_items(load_facts(small), lanes=["meetings"])] == ["meetings"]
    with pytest.raises(UsageError, match="unknown timeline type 'nope'"):
        timeline_items(load_facts(small), lanes=["nope"])
    page = timeline_page(small)
    assert 'stroke-dasharray="3 2"' in page  # the hoped meeting is dashed
    assert "“hopes to meet in Moscow” — Hamas hopes for Moscow talks" in page


def test_timeline_escapes_and_links_only_http(hostile: Store) -> None:
    page = timeline_page(hostile)
    low = page.lower()
    assert "<script>alert" not in low and "<img src=x" not in low and "<i>href</i>" not in low
    assert 'href="javascript:' not in low and "<a href=\"https://example.org/deal\"" in low
    assert external_refs(page) == []
    assert "Deal &lt;i&gt;href&lt;/i&gt; &amp; &lt;img src=x onerror=alert(1)&gt;" in page


def test_write_pages(small: Store, tmp_path: Path) -> None:
    paths = write_pages(small, tmp_path / "out")
    assert [p.name for p in paths] == ["graph.html", "timeline.html"]
    assert all(p.stat().st_size > 1000 for p in paths)
    assert "Agreement One" in paths[1].read_text(encoding="utf-8")


def test_cut_between_words() -> None:
    assert cut("Fatah: Fatah and Hamas agreed on Tuesday on a revised version of th", 40, words=True) == \
        "Fatah: Fatah and Hamas agreed on…"
    assert cut("Meeting in Cairo, with Egypt", 18, words=True) == "Meeting in Cairo…"  # no dangling comma
    assert cut("Supercalifragilisticexpialidocious", 10, words=True) == "Supercali…"  # one long word: cut inside
    assert cut("Short", 10, words=True) == "Short"


def test_timeline_lane_shows_at_most_max_rows_and_chips_the_rest() -> None:
    same_day = [TimelineItem(f"https://x/m{k}", f"Talks round {k}", "Meeting", "2017-10-12") for k in range(8)]
    later = TimelineItem("https://x/late", "Later talks", "Meeting", "2019-06-01")
    lay = pack_lane([*same_day, later], Scale(2017, 2020))
    assert [(it.label, row) for it, row, _ in lay.rows] == [
        *((f"Talks round {k}", k) for k in range(MAX_ROWS)), ("Later talks", 0)]  # first fit: back to row 0
    assert [[it.label for it in chip] for chip in lay.chips] == [[f"Talks round {k}" for k in range(MAX_ROWS, 8)]]
    page = render_timeline_page([*same_day, later], "T")
    assert f">+{8 - MAX_ROWS}</text>" in page
    assert f"{8 - MAX_ROWS} more: 2017-10-12 to 2017-10-12" in page  # the chip's tooltip lists them…
    assert all(f'id="item-{k}"' in page for k in range(9))  # …and every item is in the list below the chart
    assert "9 items, 3 in +N chips" in page


def test_timeline_folds_posts_lane_and_links_article_titles() -> None:
    items = [TimelineItem("https://x/a", "Cairo Agreement", "Agreement", "2011-05-04"),
             TimelineItem("https://x/p", "Khaled Mashal, politburo chief (Hamas)", "PostHolding", "2011-05-04",
                          sources=["https://x/article/1"], titles={"https://x/article/1": "<b>Deal signed</b>"})]
    page = render_timeline_page(items, "T")
    assert '<details class="lane" data-lane="agreements" open>' in page
    assert '<details class="lane" data-lane="posts">' in page  # folded until clicked
    assert "(Posts held, as reported: folded, click the caption to open)" in page
    assert '<a href="https://x/article/1" rel="noopener noreferrer nofollow">&lt;b&gt;Deal signed&lt;/b&gt;</a>' in page


def test_overview_leaves_out_actors_sharing_nothing() -> None:
    store = store_from(PREFIXES + """
@base <https://w3id.org/reconciliation-kg/id/> .
<party/fatah> a rec:Party ; skos:prefLabel "Fatah"@en .
<party/hamas> a rec:Party ; skos:prefLabel "Hamas"@en .
<state/russia> a rec:State ; skos:prefLabel "Russia"@en .
<event/m> a rec:Meeting ; skos:prefLabel "Talks"@en ; rec:date "2017-10-10"^^xsd:date ;
    rec:participant <party/fatah> , <party/hamas> .
<event/s> a rec:Statement ; skos:prefLabel "Russia: welcomed the talks"@en ; rec:date "2017-10-11"^^xsd:date ;
    rec:speaker <state/russia> .
""")
    g = overview_graph(load_facts(store))
    assert sorted(g.nodes) == [FATAH, HAMAS] and g.graph["alone"] == 1  # the lone speaker is left out…
    assert "1 actor sharing nothing not drawn (kg viz --type all)" in graph_page(store)  # …and the page says so


def test_many_edges_label_only_the_heaviest_and_keep_the_relation() -> None:
    g = nx.star_graph(EDGE_LABELS_UP_TO + 5)
    nx.set_edge_attributes(g, "met", "relation")
    g.add_edge(1, 2, relation="met", weight=4)
    edges = {(e["from"], e["to"]): e for e in graph_page_data(g)["edges"]}
    assert [k for k, e in edges.items() if "label" in e] == [("1", "2")]
    assert edges["1", "2"]["label"] == "met ×4" and edges["0", "7"]["relation"] == "met"


def test_edge_order_does_not_depend_on_insertion() -> None:
    one, two = nx.Graph(), nx.Graph()
    one.add_edges_from([("a", "b"), ("c", "b")])
    two.add_edges_from([("b", "c"), ("b", "a")])
    assert graph_page_data(one) == graph_page_data(two)


def test_ego_page_puts_neighbours_in_columns(small: Store) -> None:
    data = page_json(ego_page(small, HAMAS, 1))
    pos = {n["id"]: (n["x"], n["y"]) for n in data["nodes"]}
    # the centre in the middle; agreements (by date) before events, left column first, then right
    assert pos == {HAMAS: (0.0, 0.0), A1: (-270.0, -20.0), A2: (-270.0, 20.0), ID + "event/m1": (270.0, 0.0)}
    star = ego_positions(nx.star_graph(100), 0)
    assert sorted({x for x, _ in star.values()}) == [-540.0, -270.0, 0.0, 270.0, 540.0]  # four columns at most


# ---------------------------------------------------------------- CLI


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("kg") / "store"
    s = OxigraphStore(path)
    s.replace_graph("https://example.org/test", list(Graph().parse(data=SMALL, format="turtle")))
    s.close()
    return str(path)


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(cli, list(args))
    return r.exit_code, r.stdout, r.stderr


def test_cli_stats(store_dir: str) -> None:
    code, out, _ = run("stats", "--store", store_dir, "--top", "2")
    assert code == 0
    assert out == """\
triples            53
graphs              1
articles            1
agreements          2
entities by class:
    Person       1
    State        2
    Party        3
    Post         1
events by type:
    Signing       1
    Meeting       1
events by modality:
    actual       1
    hoped        1
top actors by weighted degree (shared actual events and agreements):
    Fatah      4  partners   3  betweenness 0.167  Party
    Hamas      4  partners   3  betweenness 0.167  Party
"""


def test_cli_show(store_dir: str) -> None:
    code, out, _ = run("show", "fateh", "--store", store_dir)
    assert code == 0
    assert out.splitlines()[:4] == ["Fatah", f"  {FATAH}", "  type: Party", "  also: Fateh"]
    assert "  chairman, Mahmoud Abbas (2004-11-11 – now)" in out
    assert "  2012-02-06  Agreement          Agreement Two — signatory" in out
    code, _, err = run("show", "Nobody", "--store", store_dir)
    assert code == 2 and "no entity is labelled 'Nobody'" in err


def test_cli_viz_timeline_network(store_dir: str, tmp_path: Path) -> None:
    code, _, err = run("viz", "--store", store_dir, "--ego", "Egypt", "--depth", "2", "-o", str(tmp_path / "e.html"))
    assert code == 0, err
    data = page_json((tmp_path / "e.html").read_text(encoding="utf-8"))
    assert sorted(n["id"] for n in data["nodes"]) == sorted([EGYPT, A1, FATAH, HAMAS])
    code, _, _ = run("viz", "--store", store_dir, "--type", "actors", "--since", "2012", "-o", str(tmp_path / "a.html"))
    assert code == 0
    ids = sorted(n["id"] for n in page_json((tmp_path / "a.html").read_text(encoding="utf-8"))["nodes"])
    assert ids == sorted([FATAH, HAMAS, PIJ])
    code, _, err = run("viz", "--store", store_dir, "--since", "last year")
    assert code == 2 and "is not a date" in err
    code, _, _ = run("timeline", "--store", store_dir, "--type", "agreements", "-o", str(tmp_path / "t.html"))
    assert code == 0 and "Moscow meeting" not in (tmp_path / "t.html").read_text(encoding="utf-8")
    code, _, err = run("export", "--store", store_dir, "--format", "gexf", "-o", str(tmp_path / "n.gexf"),
                       "--projection", "agreements")
    assert code == 0, err
    assert sorted(nx.read_gexf(tmp_path / "n.gexf").nodes) == sorted([A1, A2, EGYPT, FATAH, HAMAS, PIJ])
    code, _, err = run("export", "--store", store_dir, "--format", "graphml", "-o", str(tmp_path / "n.graphml"))
    assert code == 0, err
    assert sorted(nx.read_graphml(tmp_path / "n.graphml").nodes) == sorted([EGYPT, FATAH, HAMAS, PIJ])
    code, _, err = run("export", "--store", store_dir, "--format", "dot")
    assert code == 2 and "'dot' is not one of" in err


def test_every_command_has_help_with_example() -> None:
    for name in ("stats", "show", "viz", "timeline", "export"):
        code, out, _ = run(name, "-h")
        assert code == 0 and "Example:" in out, name
