"""The README stays true to the CLI: every command and named query is documented, the Quick start is two
commands, and .ci/run runs the second."""

from __future__ import annotations

import re
from pathlib import Path

from kg.cli import cli
from kg.query import list_named_queries

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def quick_start() -> list[str]:
    m = re.search(r"^## Quick start\n(.*?)(?=^## )", README, re.M | re.S)
    assert m, "README has no '## Quick start' section"
    block = re.findall(r"```[a-z]*\n(.*?)```", m.group(1), re.S)[0]
    return [line.strip() for line in block.splitlines() if line.strip() and not line.startswith("#")]


def test_quick_start_is_two_commands_and_ci_runs_the_second() -> None:
    cmds = quick_start()
    assert len(cmds) == 2
    assert "kg build" in cmds[0]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert cmds[1] in ci


def test_every_command_is_in_the_readme() -> None:
    assert len(cli.commands) >= 10
    for name in cli.commands:
        assert f"`kg {name}" in README, f"kg {name} is missing from the README's command table"


def test_every_named_query_is_in_the_readme() -> None:
    names = [q.name for q in list_named_queries()]
    assert len(names) >= 11
    for name in names:
        assert f"| `{name}` |" in README, f"named query {name} is missing from the README"


def test_docs_linked_from_the_readme_exist() -> None:
    links = re.findall(r"\]\((docs/[^)#]+)\)", README)
    assert len(links) >= 6
    for link in links:
        assert (ROOT / link).exists(), link
