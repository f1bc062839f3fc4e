"""``kg facts`` and ``kg evaluate``: what extraction produced, and how good it is."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import click

from kg.cliutil import CONTEXT_SETTINGS, emit, handle_errors, note, output_option, store_option
from kg.errors import UsageError

CSV_COLUMNS = ["kind", "article", "id", "type", "label", "modality", "date_start", "date_end", "precision",
               "place", "agreement", "participants", "entity", "linked", "text", "start", "end", "quote"]


def facts_as_csv(rows: list[dict]) -> str:
    """Flatten facts to CSV (one row per fact; participants as role:label pairs)."""
    from kg.query import printable

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for f in rows:
        date = f.get("date") or {}
        ev = (f.get("evidence") or [{}])[0]
        ent = f.get("entity") or {}
        cells = [
            f["kind"], f["article"]["iri"], f.get("id", ""), f.get("type", ""), f.get("label", ""),
            f.get("modality", ""), date.get("start") or "", date.get("end") or "", date.get("precision") or "",
            (f.get("place") or {}).get("label", ""), (f.get("agreement") or {}).get("label", ""),
            "; ".join(f"{p['role']}:{p['label']}" for p in f.get("participants", [])),
            ent.get("label", ""), ent.get("linked", ""), f.get("text", ""),
            f.get("start", ev.get("start", "")), f.get("end", ev.get("end", "")), f.get("quote") or "",
        ]
        w.writerow([printable(str(c)) for c in cells])  # article text is untrusted: no raw control characters
    return buf.getvalue()


@click.command("facts", context_settings=CONTEXT_SETTINGS)
@click.option("--article", default=None, metavar="ID", help="Only this article (id or IRI).")
@click.option("--kind", type=click.Choice(["event", "mention"]), default=None, help="Only events or mentions.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@store_option
@output_option
@handle_errors
def facts_cmd(article: str | None, kind: str | None, fmt: str, store_location: str | None, output: str) -> None:
    """Print what was extracted from articles (not the reference layer): one JSON object per line.

    Example: kg facts --kind event --article 3f2a… --format jsonl
    """
    from kg.facts import iter_facts
    from kg.store import open_store

    store = open_store(store_location, read_only=True)
    rows = list(iter_facts(store, article=article, kind=kind))
    if article and not rows:
        raise UsageError(f"no article {article!r} in the store")
    text = facts_as_csv(rows) if fmt == "csv" else "".join(
        json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows
    )
    emit(text, output)


def read_gold(folder: Path) -> list[dict]:
    """Facts in the ``kg facts`` shape: every ``*.jsonl`` (one fact per line) and ``*.json`` (a list) under
    ``folder``, or the one file ``folder`` names.

    Example: read_gold(Path("data/gold"))[0]["kind"] → "event"
    """
    files = [folder] if folder.is_file() else sorted(folder.rglob("*.jsonl")) + sorted(folder.rglob("*.json"))
    if not files:
        raise UsageError(f"{folder}: no fact files (*.jsonl, *.json)")
    out: list[dict] = []
    for f in files:
        text = f.read_text(encoding="utf-8")
        try:
            if f.suffix == ".json":
                data = json.loads(text)
                out.extend(data if isinstance(data, list) else [data])
            else:
                out.extend(json.loads(line) for line in text.splitlines() if line.strip())
        except json.JSONDecodeError as exc:
            raise UsageError(f"{f}: not valid JSON: {exc}") from None
    bad = next((fact for fact in out if not _fact_shaped(fact)), None)
    if bad is not None:
        raise UsageError(f"{folder}: not a fact in the `kg facts` shape: {json.dumps(bad)[:80]}")
    return out


def _fact_shaped(fact: object) -> bool:
    """A JSON object whose ``article`` (if any) is an object and whose ``confidence`` (if any) is a number."""
    return isinstance(fact, dict) and isinstance(fact.get("article", {}), dict) \
        and (fact.get("confidence") is None or isinstance(fact.get("confidence"), int | float))


@click.command("evaluate", context_settings=CONTEXT_SETTINGS)
@click.argument("gold_dir", required=False, type=click.Path(path_type=Path))
@click.option("--articles", "articles_dir", type=click.Path(path_type=Path), default=None,
              help="Articles to extract from (default data/articles/).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--predicted", "predicted_path", type=click.Path(exists=True, path_type=Path), default=None,
              help="Score these facts (a `kg facts` JSONL file or a folder of them: another extractor's output, a "
                   "second annotation) instead of extracting.")
@click.option("--lenient", is_flag=True, help="An event matches when the gold participants are a subset.")
@click.option("--summary", is_flag=True, help="Only the overall rows.")
@output_option
@handle_errors
def evaluate_cmd(
    gold_dir: Path | None, articles_dir: Path | None, predicted_path: Path | None, fmt: str, lenient: bool,
    summary: bool, output: str
) -> None:
    """Score extraction against gold annotations (default data/gold/): precision, recall and F1 for entity
    links, events, modality, dates, statements and statement dates, per article and overall. Only the articles
    the gold annotates are scored (a gold set for part of the articles measures those). With --predicted, the
    facts given are scored instead of this extractor's (events below the reported confidence are left out in
    both cases).

    Example: kg evaluate data/gold --format json; kg evaluate data/gold --predicted other-extractor.jsonl
    """
    from kg.evaluate import format_scores, score
    from kg.extract.merge import REPORTED_CONFIDENCE
    from kg.paths import project_root

    if predicted_path and articles_dir:
        raise UsageError("--predicted and --articles exclude each other (facts given are not extracted)")
    gold = read_gold(gold_dir or project_root() / "data" / "gold")
    # background records (titles and agreement names in passing) stay in the graph but are not reported events
    predicted = [f for f in (read_gold(predicted_path) if predicted_path else _extracted(articles_dir))
                 if f.get("kind") != "event" or f.get("confidence") is None or f["confidence"] >= REPORTED_CONFIDENCE]
    annotated = {(f.get("article") or {}).get("iri") for f in gold}
    unscored = {(f.get("article") or {}).get("iri") for f in predicted} - annotated
    predicted = [f for f in predicted if (f.get("article") or {}).get("iri") in annotated]
    note(f"{len(gold)} gold facts, {len(predicted)} predicted, {len(annotated)} annotated articles"
         + (f" ({len(unscored)} articles without gold are not scored)" if unscored else ""))
    labels = {f["article"]["iri"]: Path(str(f["article"].get("source") or f["article"]["iri"])).name
              + (f" · {f['article']['title'][:40]}" if f["article"].get("title") else "")
              for f in [*gold, *predicted] if f.get("article")}
    scores = score(gold, predicted, lenient=lenient)
    emit(format_scores(scores, fmt, labels=labels, overall_only=summary) + ("" if fmt == "json" else "\n"), output)


def _extracted(articles_dir: Path | None) -> list[dict]:
    """The facts this extractor gives for the articles (default data/articles/), built in memory."""
    from kg.build import build
    from kg.facts import iter_facts
    from kg.paths import default_articles_dir

    r = build([str(articles_dir or default_articles_dir())], "memory:", dump_path=None, validate=False,
              keep_open=True, pages=False)
    assert r.handle is not None
    return list(iter_facts(r.handle))


COMMANDS = [facts_cmd, evaluate_cmd]
