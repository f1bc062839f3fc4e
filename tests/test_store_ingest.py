"""kg ingest: per-article transactions through the real pipeline (read → extract → map → store)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.export import export_store
from kg.mapping import portable_path
from kg.namespaces import ID
from kg.paths import project_root
from kg.store import open_store

ARTICLE = """---
url: https://news.example.org/2017/10/12/cairo-deal
published: 2017-10-12
---
Fatah and Hamas sign deal in Cairo

CAIRO, Oct. 12 (AP) -- Fatah and Hamas signed a reconciliation agreement in Cairo on Thursday{extra}.
"""


def write(path: Path, extra: str = "") -> Path:
    path.write_text(ARTICLE.format(extra=extra), encoding="utf-8")
    return path


def invoke(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(cli, list(args))
    return r.exit_code, r.stdout, r.stderr


def test_reingest_unchanged_changes_nothing(tmp_path: Path) -> None:
    src, loc = write(tmp_path / "a.txt"), str(tmp_path / "store")
    code, out, _ = invoke("ingest", str(src), "--store", loc, "--no-progress")
    assert (code, out) == (0, "stored 1, unchanged 0, skipped 0\n")
    first = export_store(open_store(loc), "nquads")
    code, out, _ = invoke("ingest", str(src), "--store", loc, "--no-progress")
    assert (code, out) == (0, "stored 0, unchanged 1, skipped 0\n")
    assert export_store(open_store(loc), "nquads") == first


def test_changed_article_replaces_its_old_facts(tmp_path: Path) -> None:
    src, loc = write(tmp_path / "a.txt"), str(tmp_path / "store")
    assert invoke("ingest", str(src), "--store", loc)[0] == 0
    s = open_store(loc)
    (graph,) = [g for g in s.graphs() if g.startswith(str(ID["article/"]))]  # beside it: graph/consolidated
    before = s.triples(graph)
    s.close()
    write(src, extra=", witnessed by Egyptian intelligence chief Khaled Fawzi")  # same URL: same article
    code, out, _ = invoke("ingest", str(src), "--store", loc)
    assert (code, out) == (0, "stored 1, unchanged 0, skipped 0\n")
    s = open_store(loc)
    assert [g for g in s.graphs() if g.startswith(str(ID["article/"]))] == [graph]  # replaced, not added beside
    after = s.triples(graph)
    assert after != before
    quotes = {str(o) for _, _, o in after if "Fawzi" in str(o)}
    assert quotes, "the new sentence is in the graph"
    assert not any("Thursday." in str(o) for _, _, o in after)  # the old sentence text is gone


def test_bad_input_is_reported_and_exit_1(tmp_path: Path) -> None:
    src, loc = write(tmp_path / "a.txt"), str(tmp_path / "store")
    (tmp_path / "empty.txt").write_text("")
    code, out, err = invoke("ingest", str(src), str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"),
                            "--store", loc)
    assert code == 1
    assert out == "stored 1, unchanged 0, skipped 2\n"
    assert f"{tmp_path / 'missing.txt'}: no such file or directory" in err
    assert f"{tmp_path / 'empty.txt'}: " in err
    assert err.rstrip().endswith("Error: 2 input(s) skipped (see above); the rest is stored")


def test_strict_stores_nothing_when_an_input_is_bad(tmp_path: Path) -> None:
    src, loc = write(tmp_path / "a.txt"), tmp_path / "store"
    code, out, err = invoke("ingest", str(src), str(tmp_path / "missing.txt"), "--store", str(loc), "--strict")
    assert (code, out) == (1, "")
    assert err == (f"Error: 1 input problem (--strict: nothing stored): {tmp_path / 'missing.txt'}: "
                   "no such file or directory\n")
    assert not loc.exists()


def test_remove_by_source_path_after_ingest(tmp_path: Path) -> None:
    src, loc = write(tmp_path / "a.txt"), str(tmp_path / "store")
    assert invoke("ingest", str(src), "--store", loc)[0] == 0
    code, out, _ = invoke("remove", str(src), "--store", loc)
    assert code == 0 and out.startswith(f"removed <{ID['article/']}")
    assert open_store(loc).graphs() == []


@pytest.mark.parametrize("bad", ["-"])
def test_strict_refuses_stdin(tmp_path: Path, bad: str) -> None:
    code, _, err = invoke("ingest", bad, "--strict", "--store", str(tmp_path / "s"))
    assert code == 2
    assert "--strict cannot check standard input" in err


def test_remove_with_an_unknown_name_removes_nothing_and_absolute_paths_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: `kg remove A nosuch` removed A and then failed; absolute paths only worked from the root."""
    from kg.build import build

    seed = Path(__file__).resolve().parents[1] / "data" / "articles" / "tass-2020-03-12.txt"
    loc = str(tmp_path / "store")
    build([str(seed)], loc, validate=False, pages=False, dump_path=None)
    r = CliRunner().invoke(cli, ["remove", str(seed), "nosuch", "--store", loc])
    assert r.exit_code == 2 and "no graph for 'nosuch'" in r.output
    monkeypatch.chdir(tmp_path)  # not the project root
    r = CliRunner().invoke(cli, ["remove", str(seed), "--store", loc])
    assert r.exit_code == 0, r.output
    assert r.output.startswith("removed <https://w3id.org/reconciliation-kg/id/article/")


def test_stored_source_path_does_not_depend_on_the_current_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    root = project_root()
    monkeypatch.chdir(root)
    from_root = portable_path("data/articles/text/a.txt")
    monkeypatch.chdir(root / "data")  # `kg build articles/text/a.txt` run from data/
    assert from_root == portable_path("articles/text/a.txt") == "data/articles/text/a.txt"
    assert portable_path(str(root / "data" / "articles" / "text" / "a.txt")) == from_root
    monkeypatch.chdir(tmp_path)  # outside the project: an absolute path, not one relative to some folder
    assert portable_path("b.txt") == os.path.abspath(tmp_path / "b.txt")
    assert portable_path("<stdin>#2") == "<stdin>#2"
