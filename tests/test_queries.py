"""The competency queries answer from the reference layer with the right facts."""

from __future__ import annotations

import json

import pytest

from kg.errors import UsageError
from kg.namespaces import ID
from kg.query import bind_params, format_result, list_named_queries, load_named_query, run_named
from kg.store import Store

CAIRO_2017 = str(ID["agreement/2017-10-12-cairo"])
DOHA_2012 = str(ID["agreement/2012-02-06-doha"])


def labels(store: Store, iris: list[str]) -> set[str]:
    rows = store.query(
        "SELECT ?l WHERE { VALUES ?s { " + " ".join(f"<{i}>" for i in iris) + " } ?s skos:prefLabel ?l }"
    ).rows
    return {str(r["l"]) for r in rows}


def test_every_named_query_has_header_and_runs(curated_store: Store) -> None:
    names = {q.name for q in list_named_queries()}
    assert names >= {"agreements", "signatories", "mediators", "provisions", "governments", "planned",
                     "statements", "control", "timeline", "mentions", "evidence"}
    for q in list_named_queries():
        assert q.title and q.description and q.columns, q.name
        params = {"mentions": {"entity": "id:party/hamas"}, "evidence": {"subject": CAIRO_2017}}.get(q.name, {})
        res = run_named(curated_store, q.name, params)
        assert res.vars[: len(q.columns)] == q.columns[: len(res.vars)], q.name
        assert set(q.columns) <= set(res.vars), q.name


def test_signatories_of_cairo_2017_are_exactly_fatah_and_hamas(curated_store: Store) -> None:
    res = run_named(curated_store, "signatories", {"agreement": CAIRO_2017})
    assert {str(r["party"]) for r in res.rows} == {str(ID["party/fatah"]), str(ID["party/hamas"])}
    assert {str(r["partyLabel"]) for r in res.rows} == {"Fatah", "Hamas"}


def test_signatories_parameter_accepts_a_label(curated_store: Store) -> None:
    label = next(iter(labels(curated_store, [CAIRO_2017])))
    res = run_named(curated_store, "signatories", {"agreement": label})
    assert {str(r["partyLabel"]) for r in res.rows} == {"Fatah", "Hamas"}


def test_agreements_in_date_order_with_places(curated_store: Store) -> None:
    res = run_named(curated_store, "agreements")
    dates = [str(r["date"]) for r in res.rows]
    assert dates == sorted(dates)
    by_iri = {str(r["agreement"]): r for r in res.rows}
    expected = {
        "2007-02-08-mecca": ("2007-02-08", "Mecca"),
        "2011-05-04-cairo": ("2011-05-04", "Cairo"),
        "2014-04-23-beach-camp": ("2014-04-23", None),
        "2017-10-12-cairo": ("2017-10-12", "Cairo"),
        "2022-10-13-algiers": ("2022-10-13", "Algiers"),
        "2024-07-23-beijing": ("2024-07-23", "Beijing"),
    }
    for key, (date, place) in expected.items():
        row = by_iri[str(ID[f"agreement/{key}"])]
        assert str(row["date"]) == date, key
        if place:
            assert str(row["placeLabel"]) == place, key
    order = [str(r["agreement"]).rsplit("/", 1)[-1] for r in res.rows if str(r["agreement"]).rsplit("/", 1)[-1]
             in expected]
    assert order == list(expected)


def test_mediators_include_egypt_for_cairo_2017_and_qatar_for_doha(curated_store: Store) -> None:
    res = run_named(curated_store, "mediators")
    pairs = {(str(r["mediator"]), str(r["event"])) for r in res.rows}
    assert (str(ID["state/egypt"]), CAIRO_2017) in pairs
    assert (str(ID["state/qatar"]), DOHA_2012) in pairs
    assert all(str(r["role"]) in {"mediator", "host"} for r in res.rows)


def test_control_from_the_reference_layer(curated_store: Store) -> None:
    res = run_named(curated_store, "control")
    facts = {(str(r["partyLabel"]), str(r["territoryLabel"])) for r in res.rows}
    assert ("Hamas", "Gaza Strip") in facts
    gaza = next(r for r in res.rows if str(r["partyLabel"]) == "Hamas" and str(r["territoryLabel"]) == "Gaza Strip")
    assert str(gaza["since"]).startswith("2007-06")


def test_governments_formed_under_agreements(curated_store: Store) -> None:
    res = run_named(curated_store, "governments")
    rows = {(str(r["agreementLabel"] or ""), str(r["leaderLabel"] or ""), str(r["date"] or "")) for r in res.rows}
    assert any(leader == "Rami Hamdallah" and date == "2014-06-02" for _, leader, date in rows)
    assert any(leader == "Ismail Haniyeh" and date.startswith("2007-03") for _, leader, date in rows)


def test_provisions_of_cairo_2017_are_typed_with_status(curated_store: Store) -> None:
    res = run_named(curated_store, "provisions", {"agreement": CAIRO_2017})
    types = {str(r["provisionType"]) for r in res.rows}
    assert {"government", "crossings"} <= types
    assert all(r["status"] is not None for r in res.rows)


def test_timeline_between_dates(curated_store: Store) -> None:
    res = run_named(curated_store, "timeline", {"from": "2017-01-01", "to": "2017-12-31"})
    dates = [str(r["date"]) for r in res.rows]
    assert dates and all("2017-01-01" <= d <= "2017-12-31" for d in dates)
    assert CAIRO_2017 in {str(r["event"]) for r in res.rows}


def test_evidence_for_a_curated_fact_gives_its_sources(curated_store: Store) -> None:
    res = run_named(curated_store, "evidence", {"subject": CAIRO_2017})
    assert all(str(r["source"]).startswith("https://") for r in res.rows)
    assert len(res.rows) >= 1


def test_unknown_parameter_and_query_are_usage_errors(curated_store: Store) -> None:
    with pytest.raises(UsageError, match="no parameter 'nope'"):
        bind_params(curated_store, load_named_query("agreements"), {"nope": "1"})
    with pytest.raises(UsageError, match="no named query 'nope'"):
        load_named_query("nope")
    with pytest.raises(UsageError, match="not a date"):
        run_named(curated_store, "timeline", {"from": "last year"})
    with pytest.raises(UsageError, match="no entity is labelled"):
        run_named(curated_store, "mentions", {"entity": "Atlantis Liberation Front"})


def test_json_format_is_sparql_results_json(curated_store: Store) -> None:
    res = run_named(curated_store, "signatories", {"agreement": CAIRO_2017})
    doc = json.loads(format_result(res, "json"))
    assert doc["head"]["vars"] == res.vars
    got = {b["partyLabel"]["value"] for b in doc["results"]["bindings"]}
    assert got == {"Fatah", "Hamas"}
    assert all(b["party"]["type"] == "uri" for b in doc["results"]["bindings"])


def test_ambiguous_label_lists_a_few_compact_candidates() -> None:
    from rdflib import Literal, URIRef
    from rdflib.namespace import SKOS

    from kg.query import resolve_entity
    from kg.store import open_store

    s = open_store("memory:")
    triples = [(URIRef(f"{ID}party/p{i}"), SKOS.prefLabel, Literal("Same", lang="en")) for i in range(10)]
    triples.append((URIRef(f"{ID}party/q"), SKOS.altLabel, Literal("same")))
    triples.append((URIRef(f"{ID}party/q"), SKOS.prefLabel, Literal("Other name", lang="en")))
    s.replace_graph("https://example.org/g", triples)
    with pytest.raises(UsageError) as err:
        resolve_entity(s, "same")
    listed = ", ".join(f"id:party/p{i}" for i in range(8))
    assert str(err.value) == (f"'same' is ambiguous (11 entities): {listed} and 3 more "
                              "(give an IRI or prefixed name instead)")
    s.replace_graph("https://example.org/g", [triples[1], *triples[-2:]])
    with pytest.raises(UsageError, match=r"\(2 entities\): id:party/p1, id:party/q \(Other name\) \(give"):
        resolve_entity(s, "Same")
