"""The notebooks are committed clean and run top to bottom; the notebook helpers (kg.notebook) do what they say.

Executing the notebooks needs the ``notebooks`` extra (nbclient, nbformat, ipykernel, matplotlib). Without it the
execution tests skip, except in CI (``CI`` set), where a missing tool is a failure.
"""

from __future__ import annotations

import html
import json
import os
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest

from kg.errors import StoreError
from kg.notebook import SANDBOX, evidence_frame, open_graph, queries_frame, show_graph, show_html
from kg.store import OxigraphStore

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
TASS = ROOT / "data" / "articles" / "tass-2020-03-12.txt"
ID = "https://w3id.org/reconciliation-kg/id/"


def _need(*modules: str) -> None:
    """Import the modules or skip (outside CI) with the reason."""
    import importlib

    for name in modules:
        try:
            importlib.import_module(name)
        except ImportError as exc:
            if os.environ.get("CI"):
                raise
            pytest.skip(f"needs {name} from the notebooks extra (pip install -e '.[notebooks]'): {exc}")


# ---------------------------------------------------------------- committed notebooks


def test_found_the_notebooks():
    assert {"01-tour.ipynb", "02-mediators.ipynb"} <= {p.name for p in NOTEBOOKS}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code, f"{path.name} has no code cells"
    dirty = [i for i, c in enumerate(nb["cells"])
             if c["cell_type"] == "code" and (c.get("outputs") or c.get("execution_count") is not None)]
    assert dirty == [], (
        f"{path.name}: cells {dirty} carry outputs or execution counts; clear them before committing "
        f"(jupyter nbconvert --clear-output --inplace {path.relative_to(ROOT)})"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_runs_top_to_bottom(path, monkeypatch):
    _need("nbformat", "nbclient", "ipykernel", "matplotlib")
    import nbformat
    from nbclient import NotebookClient

    monkeypatch.setenv("MPLBACKEND", "Agg")  # the kernel inherits it: no display needed
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOK_DIR)}}).execute()
    errors = [(i, o.get("ename"), o.get("evalue")) for i, c in enumerate(nb.cells) if c.cell_type == "code"
              for o in c.outputs if o.output_type == "error"]
    assert errors == []
    assert all(c.execution_count is not None for c in nb.cells if c.cell_type == "code")


# ---------------------------------------------------------------- kg.notebook


class _Tags(HTMLParser):
    """The tags (and their unescaped attributes) an HTML parser sees in the outer document."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(markup: str) -> list[tuple[str, dict[str, str | None]]]:
    p = _Tags()
    p.feed(markup)
    p.close()
    return p.tags


HOSTILE = ('<html><body><p title="a &amp; b">Fatah & "Hamas"</p>\'quoted\'<img src=x onerror="alert(1)">'
           '<script>parent.document.title = "owned"</script></body></html>')


def test_show_html_escapes_the_page_into_srcdoc():
    _need("IPython")
    from IPython.display import HTML

    shown = show_html(HOSTILE, height=420)
    assert isinstance(shown, HTML)
    tags = _tags(shown.data)
    # the outer document holds one div and one iframe, nothing from the page
    assert [t for t, _ in tags] == ["div", "iframe"]
    attrs = tags[1][1]
    assert attrs["srcdoc"] == HOSTILE  # round trip: the browser gets exactly the page
    assert attrs["height"] == "420"
    assert attrs["sandbox"] == SANDBOX == "allow-scripts allow-popups"  # no allow-same-origin
    # no raw quote or angle bracket of the page survives in the attribute
    start = shown.data.index('srcdoc="') + len('srcdoc="')
    raw = shown.data[start:shown.data.index('"', start)]
    assert raw == html.escape(HOSTILE, quote=True)
    assert "<" not in raw and "'" not in raw


def test_show_html_escapes_the_title():
    _need("IPython")
    tags = _tags(show_html("<p>x</p>", title='"><script>alert(1)</script>').data)
    assert [t for t, _ in tags] == ["div", "iframe"]
    assert tags[1][1]["title"] == '"><script>alert(1)</script>'


@pytest.mark.parametrize("height", [0, -5, 12.5, "600", True])
def test_show_html_rejects_a_bad_height(height):
    _need("IPython")
    with pytest.raises(ValueError, match="height must be a positive number of pixels"):
        show_html("<p>x</p>", height=height)


def test_show_graph_of_a_networkx_graph_keeps_labels_out_of_the_outer_document():
    _need("IPython")
    g = nx.Graph()
    g.add_node(ID + "party/fatah", label='<img src=x onerror="alert(1)">', kind="Party")
    g.add_node(ID + "party/hamas", label="Hamas", kind="Party")
    g.add_edge(ID + "party/fatah", ID + "party/hamas", weight=3, relation="co-signed")
    shown = show_graph(g, title="Two <b>parties</b>", height=300)
    tags = _tags(shown.data)
    assert [t for t, _ in tags] == ["div", "iframe"]
    assert tags[1][1]["title"] == "Two <b>parties</b>"
    page = tags[1][1]["srcdoc"]
    assert "2 nodes, 1 edges" in page
    assert "<h1>Two &lt;b&gt;parties&lt;/b&gt;</h1>" in page


def test_show_graph_of_a_store_view(curated_store):
    _need("IPython")
    page = _tags(show_graph(curated_store, "agreements", height=300).data)[1][1]["srcdoc"]
    assert "Actors and the agreements they signed, mediated or hosted" in page


def test_open_graph_in_memory_builds_the_curated_layers():
    store = open_graph("memory:", sources=[])
    rows = store.query(f"SELECT ?p WHERE {{ <{ID}agreement/2017-10-12-cairo> rec:signatory ?p }}").values("p")
    assert sorted(rows) == [ID + "party/fatah", ID + "party/hamas"]
    assert [g for g in store.graphs() if "/article/" in g] == []


def test_open_graph_builds_a_missing_folder_then_opens_it_read_only(tmp_path):
    where = tmp_path / "store"
    built = open_graph(str(where), sources=[])
    graphs = built.graphs()
    assert len(graphs) >= 2 and (where).is_dir()
    built.close()
    opened = open_graph(str(where))
    assert opened.graphs() == graphs
    # read-only: a writer (kg build, kg ingest) can still take the store while the notebook holds it
    writer = OxigraphStore(where)
    writer.close()


def test_a_graph_opened_read_only_can_be_closed(tmp_path):
    open_graph(str(tmp_path / "store"), sources=[]).close()
    ro = open_graph(str(tmp_path / "store"))
    with pytest.raises(StoreError, match="store is open read-only"):
        ro.remove_graph("https://w3id.org/reconciliation-kg/graph/reference")
    ro.close()


def test_open_graph_default_location_comes_from_kg_store(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_STORE", str(tmp_path / "nothing-here"))
    with pytest.raises(StoreError, match="nothing-here: no store here"):
        open_graph(build_if_missing=False)
    assert not (tmp_path / "nothing-here").exists()


def test_evidence_frame_gives_quote_sentence_offsets_and_article():
    store = open_graph("memory:", sources=[str(TASS)])
    from kg.frames import query_frame

    said = query_frame(store, "statements", speaker="Maria Zakharova")
    hope = said[said["quote"].str.startswith("We hope that these contacts")]
    assert len(hope) == 1
    ev = evidence_frame(store, hope.iloc[0]["statement"])
    assert len(ev) == 1
    row = ev.iloc[0]
    assert row["offsets_ok"]
    assert row["end"] - row["start"] == len(row["quote"])
    assert row["quote"].startswith("We hope that these contacts")
    assert row["sentence"].lstrip('"').startswith("We hope that these contacts")
    assert row["headline"].startswith("Russia hopes another intra-Palestinian meeting")
    assert str(row["published"]) == "2020-03-12"
    assert row["extractor"] == "statement-direct"
    assert row["article"].startswith(ID + "article/")


def test_evidence_frame_of_a_curated_fact_is_empty_with_the_columns(curated_store):
    ev = evidence_frame(curated_store, ID + "agreement/2017-10-12-cairo")
    assert ev.empty
    assert ev.columns.tolist() == ["quote", "sentence", "start", "end", "headline", "published", "extractor",
                                   "confidence", "article", "offsets_ok"]


def test_queries_frame_lists_every_named_query():
    df = queries_frame()
    assert df["name"].tolist() == sorted(p.stem for p in (ROOT / "kg" / "queries").glob("*.rq"))
    assert df.set_index("name").loc["timeline", "params"] == "from, to"
