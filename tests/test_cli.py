"""The CLI: help everywhere, exact error lines and exit codes, results on stdout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import __version__
from kg.cli import cli


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> str:
    loc = tmp_path_factory.mktemp("cli") / "store"
    r = CliRunner().invoke(cli, ["build", "--no-articles", "--no-validate", "--store", str(loc)])
    assert r.exit_code == 0, r.output
    return str(loc)


def test_version() -> None:
    r = CliRunner().invoke(cli, ["--version"])
    assert r.exit_code == 0 and r.output.strip() == f"kg, version {__version__}"


def test_every_command_has_short_help_with_an_example() -> None:
    for name in cli.commands:
        r = CliRunner().invoke(cli, [name, "-h"])
        assert r.exit_code == 0, name
        assert "Example:" in r.output, f"{name} help has no Example"


def test_build_prints_what_and_where(built: str) -> None:
    dump = Path(built).parent / "kg.trig"
    assert dump.is_file() and dump.read_text(encoding="utf-8").startswith("@prefix")


def test_query_named_csv(built: str) -> None:
    r = CliRunner().invoke(cli, ["query", "signatories", "--store", built, "--format", "csv",
                                 "--param", "agreement=id:agreement/2017-10-12-cairo"])
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert lines[0].startswith("agreementLabel,partyLabel")
    assert sorted(line.split(",")[1] for line in lines[1:]) == ["Fatah", "Hamas"]


def test_query_from_stdin_and_file(built: str, tmp_path: Path) -> None:
    q = "SELECT ?l WHERE { <https://w3id.org/reconciliation-kg/id/party/hamas> skos:prefLabel ?l }"
    r = CliRunner().invoke(cli, ["query", "-", "--store", built, "--format", "json"], input=q)
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["results"]["bindings"][0]["l"]["value"] == "Hamas"
    f = tmp_path / "q.rq"
    f.write_text(q, encoding="utf-8")
    r = CliRunner().invoke(cli, ["query", str(f), "--store", built, "--format", "tsv"])
    assert r.output.splitlines() == ["l", "Hamas"]


def test_unknown_query_is_a_usage_error(built: str) -> None:
    r = CliRunner().invoke(cli, ["query", "nope", "--store", built])
    assert r.exit_code == 2
    assert "Error: no named query 'nope'" in r.output


def test_service_is_refused_with_exit_1(built: str) -> None:
    q = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    r = CliRunner().invoke(cli, ["query", "-", "--store", built], input=q)
    assert r.exit_code == 1
    assert "Error: SERVICE is refused: queries may not reach the network (use --allow-network)" in r.output


def test_syntax_error_is_one_line_no_traceback(built: str) -> None:
    r = CliRunner().invoke(cli, ["query", "-", "--store", built], input="SELEC nonsense")
    assert r.exit_code == 1
    assert r.output.startswith("Error: SPARQL syntax error")
    assert "Traceback" not in r.output


def test_syntax_error_position_counts_the_text_as_written(built: str) -> None:
    """The project's prefixes are declared by the store, not prepended, so line 1 is the user's line 1."""
    r = CliRunner().invoke(cli, ["query", "-", "--store", built], input="SELECT ?x WHERE { ?x rec:p ?y } ORDER BY")
    assert r.exit_code == 1 and "(at char 32), (line:1, col:33)" in r.output, r.output


def test_timeout_zero_means_no_limit_and_negative_is_refused(built: str, tmp_path: Path) -> None:
    r = CliRunner().invoke(cli, ["query", "agreements", "--store", built, "--timeout", "0", "--format", "csv"])
    assert r.exit_code == 0 and r.output.splitlines()[0].startswith("agreement,"), r.output
    r = CliRunner().invoke(cli, ["query", "agreements", "--store", built, "--timeout", "-1"])
    assert r.exit_code == 2 and "-1.0 is not in the range x>=0" in r.output
    r = CliRunner().invoke(cli, ["query", str(tmp_path), "--store", built])
    assert r.exit_code == 2 and f"Error: {tmp_path}: is a directory" in r.output


def test_bad_param_syntax_is_usage(built: str) -> None:
    r = CliRunner().invoke(cli, ["query", "timeline", "--store", built, "--param", "from"])
    assert r.exit_code == 2
    assert "--param takes key=value, got 'from'" in r.output


def test_validate_clean_store_exits_0(built: str) -> None:
    r = CliRunner().invoke(cli, ["validate", "--store", built])
    assert r.exit_code == 0, r.output


def test_store_from_environment(built: str) -> None:
    r = CliRunner().invoke(cli, ["query", "agreements", "--format", "csv"], env={"KG_STORE": built})
    assert r.exit_code == 0
    assert "Cairo Agreement (2017)" in r.output


def test_build_with_bad_inputs_reports_each_and_stores_the_rest(tmp_path: Path) -> None:
    seed = Path(__file__).resolve().parents[1] / "data" / "articles" / "tass-2020-03-12.txt"
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "blob.bin.txt").write_bytes(b"\x00\x01\x02binary\x00" * 20)
    store = tmp_path / "out" / "store"
    r = CliRunner().invoke(cli, ["build", str(seed), str(tmp_path / "empty.txt"), str(tmp_path / "blob.bin.txt"),
                                 "--store", str(store), "--no-pages", "--no-validate"])
    assert r.exit_code == 1
    assert f"{tmp_path / 'empty.txt'}: empty file" in r.stderr
    assert str(tmp_path / "blob.bin.txt") in r.stderr
    assert "Error: 2 input(s) skipped (see above); the rest is stored" in r.stderr
    assert "Traceback" not in r.output
    assert "articles 1)" in r.stdout
    q = CliRunner().invoke(cli, ["query", "-", "--store", str(store), "--format", "csv"],
                           input="SELECT (COUNT(*) AS ?n) WHERE { ?a a rec:Article }")
    assert q.output.splitlines() == ["n", "1"]


def test_strict_build_touches_nothing(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    store = tmp_path / "store"
    r = CliRunner().invoke(cli, ["build", str(tmp_path / "empty.txt"), "--store", str(store), "--strict"])
    assert r.exit_code == 1
    assert "empty file" in r.stderr
    assert not store.exists()


def test_review_regressions_are_usage_errors(built: str) -> None:
    """Each of these used to print a traceback or silently answer nothing."""
    cases = [
        (["query", "timeline", "--param", "from=2017-13-45"], "is not a calendar date"),
        (["query", "mentions", "--param", "entity=<a b>"], "is not a valid IRI"),
        (["show", "id:party/nope"], "no entity <https://w3id.org/reconciliation-kg/id/party/nope> in the store"),
        (["viz", "--since", "2017-02-30", "-o", "/dev/null"], "is not a calendar date"),
    ]
    for args, message in cases:
        r = CliRunner().invoke(cli, [*args, "--store", built])
        assert r.exit_code == 2, (args, r.output)
        assert message in r.output and "Traceback" not in r.output
    r = CliRunner().invoke(cli, ["query", "-", "--store", built, "--format", "csv"],
                           input="CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1")
    assert r.exit_code == 2 and "give a graph: use --format table (Turtle) or json (JSON-LD)" in r.output


def test_year_bounds_cover_the_whole_year(built: str) -> None:
    whole = CliRunner().invoke(cli, ["query", "timeline", "--store", built, "--format", "csv",
                                     "--param", "from=2017", "--param", "to=2017"])
    days = CliRunner().invoke(cli, ["query", "timeline", "--store", built, "--format", "csv",
                                    "--param", "from=2017-01-01", "--param", "to=2017-12-31"])
    assert whole.output == days.output
    assert "Cairo Agreement (2017)" in whole.output


def test_control_characters_from_articles_never_reach_the_terminal(tmp_path: Path) -> None:
    # a text file with control characters is refused as binary; JSON can still carry them as \u escapes
    art = tmp_path / "hostile.json"
    art.write_text(json.dumps({"title": "Title", "published": "2017-10-12", "text":
                               "CAIRO, Oct. 12, 2017 /KGNEWS/. Hamas spokesman Fawzi Barhoum said "
                               "\"we will \x1b]0;pwned\x07 sign\x1b[2J today\"."}), encoding="utf-8")
    store = str(tmp_path / "store")
    r = CliRunner().invoke(cli, ["build", str(art), "--store", store, "--no-pages", "--no-validate"])
    assert r.exit_code == 0, r.output
    for args in (["query", "statements"], ["query", "statements", "--format", "csv"],
                 ["facts", "--format", "csv"], ["facts"]):
        out = CliRunner().invoke(cli, [*args, "--store", store]).output
        assert "\x1b" not in out and "\x07" not in out, args
    out = CliRunner().invoke(cli, ["query", "statements", "--store", store]).output
    assert "\\x1b]0;pwned\\x07" in out
