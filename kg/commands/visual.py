"""Commands that show the graph: ``kg stats``, ``kg show``, ``kg viz``, ``kg timeline``, ``kg network``."""

from __future__ import annotations

import webbrowser
from pathlib import Path

import click

from kg.cliutil import CONTEXT_SETTINGS, emit, handle_errors, note, store_option
from kg.errors import UsageError


def _check_date(name: str, value: str | None) -> str | None:
    """Refuse what is not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD); the pages read the period itself."""
    if value is not None:
        from kg.query import date_bound

        date_bound(value, what=name)
    return value


def _default_page(name: str) -> Path:
    from kg.paths import project_root

    return project_root() / "data" / "build" / name


def _write_page(text: str, output: str | None, default: str, open_it: bool) -> None:
    from kg.render.pages import write_text

    if output == "-":
        emit(text, "-")
        return
    path = write_text(Path(output) if output else _default_page(default), text)
    note(f"wrote {path}")
    if open_it:
        webbrowser.open(path.resolve().as_uri())


def _open(store_location: str | None):  # type: ignore[no-untyped-def]
    from kg.store import open_store

    return open_store(store_location, read_only=True)


def _article_iri(value: str) -> str:
    from kg.query import expand_iri

    iri = expand_iri(value)
    return str(iri) if iri is not None else f"https://w3id.org/reconciliation-kg/id/article/{value}"


page_output = click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default=None,
                           help="Write the page to FILE ('-' is stdout; default under data/build/).")
since_option = click.option("--since", metavar="DATE", help="Only events and agreements from DATE (YYYY[-MM[-DD]]).")
until_option = click.option("--until", metavar="DATE", help="Only events and agreements up to DATE (inclusive).")


@click.command("stats", context_settings=CONTEXT_SETTINGS)
@click.option("--top", type=click.IntRange(0), default=10, show_default=True, help="How many top actors.")
@store_option
@handle_errors
def stats_cmd(top: int, store_location: str | None) -> None:
    """Counts: triples, graphs, articles, entities by class, events by type and modality, agreements, and
    the actors with the highest weighted degree (shared actual events and agreements).

    Example: kg stats --top 5
    """
    from kg.analysis import graph_stats
    from kg.render.text import format_stats

    emit(format_stats(graph_stats(_open(store_location), top=top)))


@click.command("show", context_settings=CONTEXT_SETTINGS)
@click.argument("entity")
@store_option
@handle_errors
def show_cmd(entity: str, store_location: str | None) -> None:
    """A card for ENTITY (an IRI, a prefixed name such as id:party/hamas, or a label): type, aliases, posts,
    events and agreements in date order with its roles, curated sources and article evidence.

    Example: kg show Hamas
    """
    from kg.analysis import describe_entity
    from kg.query import printable, resolve_entity
    from kg.render.text import format_card

    store = _open(store_location)
    emit(printable(format_card(describe_entity(store, str(resolve_entity(store, entity))))))


@click.command("viz", context_settings=CONTEXT_SETTINGS)
@click.option("--ego", metavar="ENTITY", help="Draw the network around one entity (IRI, prefixed name or label).")
@click.option("--depth", type=click.IntRange(1, 5), default=1, show_default=True, help="Links from --ego.")
@click.option("--type", "view", type=click.Choice(["overview", "actors", "agreements", "events", "all"]),
              default="overview", show_default=True,
              help="overview: actors + agreements, events folded into actor-actor edges; actors: co-participation; "
                   "agreements/events: actors linked to them by role; all: everything.")
@since_option
@until_option
@click.option("--article", metavar="ID", help="Only what one article gives evidence for (id, IRI or id:article/…).")
@page_output
@click.option("--open", "open_it", is_flag=True, help="Open the page in the default browser.")
@click.option("--physics", is_flag=True, help="Let the layout move (vis-network physics); off: precomputed layout.")
@store_option
@handle_errors
def viz_cmd(
    ego: str | None, depth: int, view: str, since: str | None, until: str | None, article: str | None,
    output: str | None, open_it: bool, physics: bool, store_location: str | None,
) -> None:
    """Write an interactive network page (offline HTML: vis-network inlined, no CDN).

    Example: kg viz --ego Hamas --depth 2 -o hamas.html --open
    """
    from kg.analysis import load_facts
    from kg.render.pages import article_page, ego_page, graph_page

    _check_date("--since", since)
    _check_date("--until", until)
    if ego and article:
        raise UsageError("give --ego or --article, not both")
    store = _open(store_location)
    if article:
        text, default = article_page(store, _article_iri(article), physics=physics), "article.html"
    elif ego:
        from kg.query import resolve_entity

        iri = str(resolve_entity(store, ego))
        text = ego_page(load_facts(store), iri, depth, physics=physics, since=since, until=until)
        default = "ego.html"
    else:
        text = graph_page(store, view, since=since, until=until, physics=physics)
        default = "graph.html" if view == "overview" else f"graph-{view}.html"
    _write_page(text, output, default, open_it)


@click.command("timeline", context_settings=CONTEXT_SETTINGS)
@since_option
@until_option
@click.option("--type", "lanes", metavar="LANE[,LANE…]",
              help="Only these lanes: agreements, meetings, proposals, elections, governments, decrees, control, "
                   "setbacks, statements, other, posts (posts held: folded until clicked).")
@page_output
@click.option("--open", "open_it", is_flag=True, help="Open the page in the default browser.")
@store_option
@handle_errors
def timeline_cmd(
    since: str | None, until: str | None, lanes: str | None, output: str | None, open_it: bool,
    store_location: str | None,
) -> None:
    """Write the timeline page: agreements, meetings, elections, governments, statements… by date, one lane
    per type; planned, hoped-for and proposed events hollow and dashed.

    Example: kg timeline --since 2017 --until 2018 --type agreements,meetings -o t.html
    """
    from kg.render.pages import timeline_page

    _check_date("--since", since)
    _check_date("--until", until)
    chosen = [x.strip() for x in lanes.split(",") if x.strip()] if lanes else None
    text = timeline_page(_open(store_location), since=since, until=until, lanes=chosen)
    _write_page(text, output, "timeline.html", open_it)


COMMANDS = [stats_cmd, show_cmd, viz_cmd, timeline_cmd]
