"""``kg ingest``, ``kg remove``, ``kg export``, ``kg import`` and ``kg serve``: the store and its endpoint."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cliutil import (
    CONTEXT_SETTINGS,
    emit,
    fail_if_skipped,
    handle_errors,
    note,
    output_option,
    report_inputs,
    store_option,
)
from kg.errors import UsageError
from kg.export import EXPORTERS, IMPORT_FORMATS
from kg.namespaces import ONTOLOGY_GRAPH, REFERENCE_GRAPH

_LAYERS = {str(ONTOLOGY_GRAPH), str(REFERENCE_GRAPH)}


@click.command("ingest", context_settings=CONTEXT_SETTINGS)
@click.argument("sources", nargs=-1, required=True)
@store_option
@click.option("--strict", is_flag=True, help="Read every source first; store nothing if any input is bad.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
@handle_errors
def ingest_cmd(sources: tuple[str, ...], store_location: str | None, strict: bool, progress: bool | None) -> None:
    """Add or update articles (SOURCE files, folders, globs or '-') in an existing store, one transaction per
    article: an unchanged article is left alone, a changed one has its graph replaced. Problems go to stderr
    as 'path: reason'; exit 1 if any input was skipped (the rest is stored).

    Example: kg ingest data/articles/text/new-article.txt --store data/build/store
    """
    from kg.ingest import ingest, precheck_sources
    from kg.store import open_store

    if strict:
        precheck_sources(list(sources))
    store = open_store(store_location)
    try:
        if str(REFERENCE_GRAPH) not in store.graphs():
            note("note: this store has no reference layer yet (kg build makes one)")
        show = sys.stderr.isatty() if progress is None else progress
        r = ingest(store, list(sources), progress=show)
    finally:
        store.close()
    report_inputs(r)
    click.echo(f"stored {r.stored}, unchanged {r.unchanged}, skipped {len(r.problems)}")
    fail_if_skipped(r)


@click.command("remove", context_settings=CONTEXT_SETTINGS)
@click.argument("articles", nargs=-1, required=True)
@store_option
@handle_errors
def remove_cmd(articles: tuple[str, ...], store_location: str | None) -> None:
    """Delete articles from the store: each ARTICLE is an article id, its IRI, or the source path it was read
    from; its named graph (all its facts) goes in one transaction.

    Example: kg remove ufc60963ff0ac20db
    """
    from kg.export import resolve_graph
    from kg.store import open_store

    store = open_store(store_location)
    try:
        graphs = []  # resolve every name first: one unknown name removes nothing
        for name in articles:
            graph = resolve_graph(store, name)
            if graph in _LAYERS:
                raise UsageError(f"{name}: a curated layer, not an article (kg build rewrites it)")
            graphs.append(graph)
        try:
            for graph in graphs:
                if store.remove_graph(graph):
                    click.echo(f"removed <{graph}>")
        finally:
            from kg.consolidate import consolidate

            consolidate(store)  # the removed articles' reports leave the consolidated events
    finally:
        store.close()


@click.command("export", context_settings=CONTEXT_SETTINGS)
@click.option("--format", "fmt", type=click.Choice(sorted(EXPORTERS)), default="trig", show_default=True,
              help="trig and nquads keep graph names; turtle is the union of the selected graphs; graphml and "
              "gexf write a network projection (see --projection).")
@click.option("--projection", type=click.Choice(["actors", "agreements"]), default="actors", show_default=True,
              help="For graphml/gexf: actors = actor-actor co-participation (weight, roles); agreements = "
              "actor-agreement (role).")
@click.option("--graph", "graphs", multiple=True, metavar="NAME",
              help="Only this graph (repeatable): an IRI, 'ontology', 'reference', an article id or source path.")
@store_option
@output_option
@handle_errors
def export_cmd(
    fmt: str, projection: str, graphs: tuple[str, ...], store_location: str | None, output: str
) -> None:
    """Write the store (or some graphs) as a sorted, byte-stable file: the same store always gives the same
    bytes. GraphML and GEXF write a network projection for Gephi, Cytoscape or networkx.

    Example: kg export --format gexf --projection agreements -o agreements.gexf
    """
    from kg.export import export_store, resolve_graph
    from kg.store import open_store

    store = open_store(store_location, read_only=True)
    selected = [resolve_graph(store, g) for g in graphs] if graphs else None
    emit(export_store(store, fmt, selected, projection=projection), output)


@click.command("import", context_settings=CONTEXT_SETTINGS)
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(IMPORT_FORMATS), default=None,
              help="Default: from the file name (.trig, .nq, .ttl, .nt).")
@click.option("--graph", default=None, metavar="IRI",
              help="Graph for triples outside named graphs (needed for Turtle): an IRI, 'ontology' or 'reference'.")
@store_option
@handle_errors
def import_cmd(file: str, fmt: str | None, graph: str | None, store_location: str | None) -> None:
    """Load a dump (TriG, N-Quads, Turtle, N-Triples) into the store: each graph in the file replaces the
    store's graph of that name in one transaction. RDF/XML and files with <!DOCTYPE or <!ENTITY are refused.

    Example: kg import data/build/kg.trig --store data/build/restored
    """
    from kg.export import import_file
    from kg.namespaces import GRAPH
    from kg.store import open_store

    if graph in {"ontology", "reference"}:
        graph = str(GRAPH[graph])
    elif graph is not None and not graph.startswith(("http://", "https://", "urn:")):
        raise UsageError(f"--graph takes an IRI, 'ontology' or 'reference', got {graph!r}")
    store = open_store(store_location)
    try:
        counts = import_file(store, Path(file), fmt=fmt, graph=graph)
    finally:
        store.close()
    click.echo(f"imported {sum(counts.values())} triples into {len(counts)} graph(s)")


@click.command("serve", context_settings=CONTEXT_SETTINGS)
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=int, default=7878, show_default=True)
@click.option("--allow-update", is_flag=True, help="Accept SPARQL updates (refused with 403 otherwise).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=30.0, show_default=True,
              help="Seconds before a query stops (more than 0: a server always limits queries).")
@click.option("--allow-network", is_flag=True, help="Allow SERVICE/LOAD/FROM, which reach the network.")
@click.option("--pages", "pages_dir", type=click.Path(file_okay=False), default=None,
              help="Folder of graph pages served under /pages/ (default: the folder holding the store, where "
                   "kg build writes them; data/build for memory: and remote stores).")
@handle_errors
def serve_cmd(
    store_location: str | None, host: str, port: int, allow_update: bool, timeout: float, allow_network: bool,
    pages_dir: str | None,
) -> None:
    """Serve the store as a SPARQL 1.1 endpoint at /sparql, with a home page at / listing the named queries.
    Read-only unless --allow-update; bound to 127.0.0.1 unless --host says otherwise. Ctrl-C stops it.

    Example: kg serve --port 7878 && curl 'http://127.0.0.1:7878/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D'
    """
    from kg.build import default_pages_dir
    from kg.serve import make_server
    from kg.store import open_store

    store = open_store(store_location, read_only=not allow_update)
    pages = Path(pages_dir) if pages_dir else default_pages_dir(store.location)
    try:
        server = make_server(store, host, port, allow_update=allow_update, timeout=timeout,
                             allow_network=allow_network, pages_dir=pages, verbose=True)
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    if host not in {"127.0.0.1", "localhost", "::1"}:
        note(f"warning: listening on {host}: reachable from other machines"
             + (" and accepting updates" if allow_update else ""))
    bound_host, bound_port = server.server_address[:2]
    note(f"serving {store.location} at http://{bound_host}:{bound_port}/sparql "
         f"({'updates allowed' if allow_update else 'read-only'}; Ctrl-C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        note("stopped")
    finally:
        server.server_close()
        store.close()


COMMANDS = [ingest_cmd, remove_cmd, export_cmd, import_cmd, serve_cmd]
