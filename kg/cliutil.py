"""Shared pieces of the command line: option bundles, error handling, output helpers.

Example:
    >>> parse_params(("from=2017-01-01",))
    {'from': '2017-01-01'}
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from kg.errors import KGError, UsageError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
FORMATS = ["table", "csv", "tsv", "json"]


def store_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--store LOCATION`` (env ``KG_STORE``): a directory, ``memory:`` or an ``http(s)://`` SPARQL endpoint."""
    return click.option(
        "--store",
        "store_location",
        envvar="KG_STORE",
        default=None,
        metavar="LOCATION",
        help="Store: a directory (default data/build/store), memory:, or http(s)://… SPARQL endpoint. "
        "Env: KG_STORE.",
    )(f)


def output_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """``-o/--output FILE`` where ``-`` is stdout."""
    return click.option(
        "-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-", show_default=True,
        help="Write to FILE ('-' is stdout).",
    )(f)


def handle_errors(f: Callable[..., Any]) -> Callable[..., Any]:
    """Turn library errors into one line on stderr: exit 2 for usage errors, 1 for the rest."""

    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return f(*args, **kwargs)
        except UsageError as exc:
            raise click.UsageError(str(exc)) from None
        except KGError as exc:
            raise click.ClickException(str(exc)) from None
        except UnicodeDecodeError as exc:
            raise click.ClickException(f"input is not UTF-8 text ({exc.reason} at byte {exc.start})") from None
        except OSError as exc:
            name = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
            raise click.ClickException(f"{name}{exc.strerror or exc}") from None

    return wrapper


def emit(text: str, output: str = "-") -> None:
    """Write results to stdout or a file."""
    if output == "-":
        click.echo(text, nl=False)
    else:
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)


def note(text: str) -> None:
    """A message for people (stderr), so stdout stays clean for pipes."""
    click.echo(text, err=True)


def parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    """``key=value`` pairs from repeated ``--param``."""
    out: dict[str, str] = {}
    for pair in pairs:
        if "=" not in pair:
            raise UsageError(f"--param takes key=value, got {pair!r}")
        k, v = pair.split("=", 1)
        out[k.strip()] = v.strip()
    return out


def report_inputs(report: Any) -> None:
    """Tell people (stderr) what reading skipped or noticed: ``path: reason`` per problem, then warnings and
    duplicates. ``report`` has ``problems``, ``warnings`` and ``duplicates`` (a build or ingest result)."""
    for path, reason in report.problems:
        note(f"{path}: {reason}")
    for path, reason in report.warnings:
        note(f"warning: {path}: {reason}")
    for path, first, _id in report.duplicates:
        note(f"duplicate: {path}: same article as {first}")


def fail_if_skipped(report: Any) -> None:
    """Exit 1 (after everything readable was stored) when any input was skipped."""
    if report.problems:
        raise click.ClickException(f"{len(report.problems)} input(s) skipped (see above); the rest is stored")
