"""The ``kg`` command line: a thin wrapper over the library.

Exit codes: 0 ok; 1 failure (unreadable input skipped, SHACL violations, store or query errors);
2 usage (unknown option, command, query, parameter or entity).

Example:
    $ kg build
    $ kg query signatories --param agreement=id:agreement/2017-10-12-cairo
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path
from typing import Any

import click

from kg import __version__
from kg.cliutil import (
    CONTEXT_SETTINGS,
    FORMATS,
    emit,
    fail_if_skipped,
    handle_errors,
    note,
    output_option,
    parse_params,
    report_inputs,
    store_option,
)
from kg.errors import UsageError


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "-V", "--version", prog_name="kg")
def cli() -> None:
    """reconciliation-kg: news about the Fatah-Hamas reconciliation process as a knowledge graph.

    Example: kg build && kg query agreements
    """


@cli.command("build")
@click.argument("sources", nargs=-1)
@store_option
@click.option("--dump", "dump_path", type=click.Path(dir_okay=False), default=None,
              help="Where to write the sorted TriG dump (default: kg.trig beside the store).")
@click.option("--no-articles", is_flag=True, help="Build the ontology and reference layer only.")
@click.option("--no-validate", is_flag=True, help="Skip SHACL validation.")
@click.option("--no-pages", is_flag=True, help="Do not write the graph and timeline pages.")
@click.option("--strict", is_flag=True, help="Fail (exit 1) without touching the store if any input is skipped.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
@handle_errors
def build_cmd(
    sources: tuple[str, ...], store_location: str | None, dump_path: str | None, no_articles: bool,
    no_validate: bool, no_pages: bool, strict: bool, progress: bool | None,
) -> None:
    """Build the graph from scratch: ontology, reference layer and articles (SOURCE files, folders, globs or
    '-'; default data/articles/), validated, dumped to kg.trig, swapped in only when complete.

    Exit 1 when any input was skipped or the graph violates the shapes (the rest is still stored).

    Example: kg build --store data/build/store
    """
    from kg.build import build

    srcs: list[str] | None = [] if no_articles else (list(sources) if sources else None)
    if strict and srcs != []:
        from kg.ingest import precheck_sources

        precheck_sources(srcs)
    show = sys.stderr.isatty() if progress is None else progress
    r = build(srcs, store_location, dump_path=dump_path or "default", validate=not no_validate, progress=show,
              pages=not no_pages)
    report_inputs(r)
    c = r.counts
    click.echo(f"built {r.store}")
    click.echo(
        f"  {c.get('triples', 0)} triples in {c.get('graphs', 0)} graphs "
        f"(ontology {c.get('ontology', 0)}, reference {c.get('reference', 0)}, articles {r.articles})"
    )
    if c.get("events"):
        click.echo(f"  {c['events']} article events consolidated into {c.get('consolidated', 0)} events")
    if r.dump:
        click.echo(f"  dump: {r.dump}")
    for out in r.outputs:
        click.echo(f"  page: {out}")
    checked = f"{len(r.violations)} violations, {len(r.quality_warnings)} warnings (kg validate lists them)"
    click.echo(f"  shapes and checks: {'not checked' if no_validate else checked}")
    click.echo(f"  {r.seconds:.1f} s")
    for v in r.violations[:20]:
        note(str(v))
    if r.violations:
        raise click.ClickException(f"{len(r.violations)} violations (see above; kg validate lists all)")
    fail_if_skipped(r)


@cli.command("validate")
@store_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@handle_errors
def validate_cmd(store_location: str | None, fmt: str) -> None:
    """Check the store against the SHACL shapes in ontology/ and the SPARQL quality checks in
    kg/queries/checks/; prints each finding (severity, focus node, path, message). Exit 1 on violations
    (warnings are reported only).

    Example: kg validate --store data/build/store
    """
    import json

    from kg.store import open_store
    from kg.validate import validate_store

    store = open_store(store_location, read_only=True)
    found = validate_store(store)
    if fmt == "json":
        rows = [{"focus": v.focus, "path": v.path, "message": v.message, "severity": v.severity} for v in found]
        click.echo(json.dumps(rows, indent=1))
    else:
        for v in found:
            click.echo(str(v))
    errors = [v for v in found if v.severity == "Violation"]
    note(f"{len(errors)} violations, {len(found) - len(errors)} warnings")
    if errors:
        sys.exit(1)


@cli.command("query")
@click.argument("name", required=False)
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE", help="Query parameter (repeatable).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--list", "list_", is_flag=True, help="List the named queries.")
@click.option("--timeout", type=click.FloatRange(min=0), default=30.0, show_default=True,
              help="Seconds before the query stops (0: no limit).")
@click.option("--allow-network", is_flag=True, help="Allow SERVICE/LOAD/FROM, which reach the network.")
@store_option
@output_option
@handle_errors
def query_cmd(
    name: str | None, params: tuple[str, ...], fmt: str, list_: bool, timeout: float, allow_network: bool,
    store_location: str | None, output: str,
) -> None:
    """Run a named query (see --list), a .rq FILE, or '-' (SPARQL from stdin).

    Example: kg query signatories --param agreement="Cairo Agreement (2017)" --format csv
    """
    from kg.query import list_named_queries, run_named, run_text
    from kg.store import open_store

    if list_:
        qs = list_named_queries()
        width = max(len(q.name) for q in qs)
        lines = []
        for q in qs:
            ps = " ".join(f"--param {p.name}=…" for p in q.params)
            lines.append(f"{q.name.ljust(width)}  {q.description}" + (f"  [{ps}]" if ps else ""))
        emit("\n".join(lines) + "\n", output)
        return
    if not name:
        raise UsageError("give a query NAME, a FILE.rq or '-' (kg query --list shows the names)")
    store = open_store(store_location, read_only=True)
    kw: dict[str, Any] = {"timeout": timeout or None, "allow_network": allow_network}
    p = parse_params(params)
    if name == "-":
        res = run_text(store, sys.stdin.read(), p, **kw)
    elif Path(name).is_dir():
        raise UsageError(f"{name}: is a directory (give a query NAME, a FILE.rq or '-')")
    elif name.endswith((".rq", ".sparql")) or Path(name).is_file():
        if not Path(name).is_file():
            raise UsageError(f"{name}: no such query file")
        res = run_text(store, Path(name).read_text(encoding="utf-8"), p, **kw)
    else:
        res = run_named(store, name, p, **kw)
    from kg.query import format_result

    emit(format_result(res, fmt), output)


def _register_commands() -> None:
    """Add the commands defined in ``kg/commands/*.py`` (each module exposes ``COMMANDS``)."""
    import kg.commands

    for info in sorted(pkgutil.iter_modules(kg.commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"kg.commands.{info.name}")
        for command in getattr(module, "COMMANDS", []):
            cli.add_command(command)


_register_commands()


def main() -> None:
    """Entry point of the ``kg`` console script."""
    cli(prog_name="kg")


if __name__ == "__main__":
    main()
