"""The gold annotations in data/gold/: well-formed, anchored in the article bodies the reader returns, linked
to entities that exist, and in step with their YAML sources.

Example: python -m pytest tests/test_gold.py -q
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest
from rdflib import Graph, URIRef

from kg.articles import read_articles
from kg.paths import project_root, reference_files

ROOT = project_root()
GOLD = ROOT / "data" / "gold"
ARTICLE = "https://w3id.org/reconciliation-kg/id/article/"
UNLINKED = "https://w3id.org/reconciliation-kg/id/entity/"
KINDS = {"event", "mention"}
MODALITIES = {"actual", "planned", "hoped", "proposed", "postponed", "failed", "denied"}
PRECISIONS = {"day", "month", "season", "year"}
ROLES = {"signatory", "mediator", "host", "participant", "speaker", "leader", "agent", "winner", "target",
         "proposer", "recipient"}
EVENT_TYPES = {"Signing", "Meeting", "Consultation", "Election", "Takeover", "GovernmentFormation",
               "SwearingIn", "Handover", "Statement", "Proposal", "Stall", "Collapse", "Postponement", "Decree",
               "Split", "ControlOfTerritory", "PostHolding", "Mediation"}
EVENT_KEYS = {"kind", "id", "type", "cameo", "label", "modality", "date", "place", "agreement", "participants",
              "quote", "article", "evidence", "confidence", "extractor"}
MENTION_KEYS = {"kind", "entity", "text", "start", "end", "article"}


def _gold_files() -> list[Path]:
    return sorted(GOLD.glob("*.jsonl"))


@pytest.fixture(scope="module")
def bodies() -> dict[str, object]:
    """Article IRI → Article, read the way the project reads the corpus."""
    import os

    here = os.getcwd()
    os.chdir(ROOT)
    try:
        return {ARTICLE + a.id: a for a in read_articles(["data/articles"])}
    finally:
        os.chdir(here)


@pytest.fixture(scope="module")
def reference() -> set[str]:
    g = Graph()
    for f in reference_files():
        g.parse(f)
    return {str(s) for s in g.subjects() if isinstance(s, URIRef)}


@pytest.fixture(scope="module")
def records() -> list[tuple[str, dict]]:
    out = []
    for f in _gold_files():
        for n, line in enumerate(f.read_text("utf-8").splitlines(), 1):
            out.append((f"{f.name}:{n}", json.loads(line)))
    return out


def test_at_least_forty_two_gold_files_with_events_and_mentions(records: list[tuple[str, dict]]) -> None:
    files = _gold_files()
    assert len(files) >= 42, [f.name for f in files]
    for f in files:
        kinds = {json.loads(line)["kind"] for line in f.read_text("utf-8").splitlines()}
        assert kinds == KINDS, f.name


def test_gold_lines_have_required_keys_and_allowed_values(records: list[tuple[str, dict]]) -> None:
    for where, r in records:
        assert r["kind"] in KINDS, where
        assert {"iri", "title", "source", "published"} <= set(r["article"]), where
        if r["kind"] == "mention":
            assert MENTION_KEYS <= set(r), where
            assert {"iri", "label", "type", "linked"} <= set(r["entity"]), where
            assert isinstance(r["entity"]["linked"], bool), where
            assert r["entity"]["linked"] != r["entity"]["iri"].startswith(UNLINKED), where
            continue
        assert EVENT_KEYS <= set(r), where
        assert r["type"] in EVENT_TYPES, where
        assert r["modality"] in MODALITIES, where
        assert r["extractor"] == "gold" and r["confidence"] == 1.0, where
        assert r["evidence"], where
        for p in r["participants"]:
            assert p["role"] in ROLES, where
        if r["date"] is not None:
            d = r["date"]
            assert d["precision"] in PRECISIONS, where
            assert d["start"] is None or d["end"] is None or d["start"] <= d["end"], where
        if r["type"] == "Statement":
            assert any(p["role"] == "speaker" for p in r["participants"]), where


def test_offsets_slice_back_to_their_text(records: list[tuple[str, dict]], bodies: dict[str, object]) -> None:
    checked = 0
    for where, r in records:
        article = bodies[r["article"]["iri"]]
        body = article.body  # type: ignore[attr-defined]
        assert r["article"]["source"] == article.source, where  # type: ignore[attr-defined]
        spans = [(r["start"], r["end"], r["text"])] if r["kind"] == "mention" else [
            (e["start"], e["end"], e["sentence"]) for e in r["evidence"]]
        for start, end, text in spans:
            assert body[start:end] == text, where
            checked += 1
        if r["kind"] == "event" and r["quote"] is not None:
            assert r["quote"] in body, where
    assert checked > 500


def test_linked_entities_exist_in_the_reference_layer(records: list[tuple[str, dict]], reference: set[str]) -> None:
    iris: set[str] = set()
    for _, r in records:
        if r["kind"] == "mention":
            if r["entity"]["linked"]:
                iris.add(r["entity"]["iri"])
            continue
        refs = [r["place"], r["agreement"], r.get("territory"), r.get("government"), r.get("affiliation"),
                *r["participants"], *r.get("basis", [])]
        iris.update(x["iri"] for x in refs if x and not x["iri"].startswith(UNLINKED))
    assert "https://w3id.org/reconciliation-kg/id/party/hamas" in iris
    assert not sorted(iris - reference)


def test_seed_gold_matches_the_spec(records: list[tuple[str, dict]]) -> None:
    seed = [r for w, r in records if w.startswith("tass-2020-03-12.jsonl")]
    events = {(r["type"], r["modality"]) for r in seed if r["kind"] == "event"}
    assert {("Consultation", "actual"), ("Meeting", "hoped"), ("Election", "failed"), ("Takeover", "actual"),
            ("SwearingIn", "actual")} <= events
    cairo = next(r for r in seed if r["kind"] == "event" and r["type"] == "Signing"
                 and r["agreement"]["iri"].endswith("2017-10-12-cairo"))
    assert cairo["date"] == {"start": "2017-09-01", "end": "2017-11-30", "precision": "season",
                             "text": "in the autumn of 2017"}
    assert {p["label"] for p in cairo["participants"]} == {"Fatah", "Hamas"}


def _annotate_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gold_annotate", GOLD / "tools" / "annotate.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_gold_files_are_regenerated_from_their_sources() -> None:
    built = _annotate_module().build_all()
    assert set(built) == {f.stem for f in _gold_files()}
    stale = [n for n, text in built.items() if (GOLD / f"{n}.jsonl").read_text("utf-8") != text]
    assert not stale, "run: python data/gold/tools/annotate.py"


AGREEMENT = ROOT / "data" / "agreement"


@pytest.mark.parametrize("which", ["first", "second"])
def test_agreement_annotations_are_regenerated_and_annotate_gold_articles(which: str) -> None:
    """data/agreement/{first,second}/ (the two independent annotations of ten gold articles, before adjudication)
    are in step with their YAML sources, and every file re-annotates an article the gold annotates, under the
    same article IRI."""
    folder = AGREEMENT / which
    built = _annotate_module().build_all(src=folder / "src")
    assert set(built) == {f.stem for f in folder.glob("*.jsonl")} and len(built) == 10
    stale = [n for n, text in built.items() if (folder / f"{n}.jsonl").read_text("utf-8") != text]
    assert not stale, f"run: python data/gold/tools/annotate.py --dir data/agreement/{which}"
    for name, text in built.items():
        first = json.loads((GOLD / f"{name}.jsonl").read_text("utf-8").splitlines()[0])["article"]
        assert {json.loads(line)["article"]["iri"] for line in text.splitlines()} == {first["iri"]}


def test_annotate_tool_checks_a_second_annotation_folder(tmp_path: Path) -> None:
    """``--dir`` reads DIR/src and writes DIR/*.jsonl; ``--check`` fails on a stale file; an entity the second
    annotation defines differently from the gold's is an error."""
    import shutil

    mod = _annotate_module()
    (tmp_path / "src").mkdir()
    shutil.copy(AGREEMENT / "second" / "src" / "tass-2020-03-12.yaml", tmp_path / "src")
    assert mod.main(["--dir", str(tmp_path)]) == 0
    assert (tmp_path / "tass-2020-03-12.jsonl").read_text("utf-8") == \
        (AGREEMENT / "second" / "tass-2020-03-12.jsonl").read_text("utf-8")
    assert mod.main(["--dir", str(tmp_path), "--check"]) == 0
    (tmp_path / "tass-2020-03-12.jsonl").write_text("", encoding="utf-8")
    assert mod.main(["--dir", str(tmp_path), "--check"]) == 1
    (tmp_path / "src" / "_entities.yaml").write_text("vitaly-naumkin: {label: Someone Else, type: Person}\n")
    with pytest.raises(mod.AnnotationError, match="differs from the gold"):
        mod.build_all(src=tmp_path / "src")
