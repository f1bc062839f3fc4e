"""Named SPARQL queries (``kg/queries/*.rq``), their parameters, and result formatting.

A query file starts with comment lines: ``# title:``, ``# description:``, ``# columns:`` and any number of
``# param: NAME TYPE [DEFAULT|optional]`` (TYPE is ``entity`` — an IRI or a label —, ``date``, ``string``
or ``iri``); the body refers to a parameter as ``${NAME}``.

Example:
    >>> q = load_named_query("agreements")
    >>> q.columns[:2]
    ['agreement', 'agreementLabel']
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from importlib import resources

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.errors import QueryError, UsageError
from kg.namespaces import PREFIXES
from kg.results import ask_text, to_csv, to_json, to_tsv
from kg.store import QueryResult, Store

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
MAX_CANDIDATES = 8
"""How many entities an ambiguous-label error lists."""


@dataclass(frozen=True)
class Param:
    """A declared query parameter."""

    name: str
    type: str
    default: str | None = None
    optional: bool = False


@dataclass
class NamedQuery:
    r"""A query from ``kg/queries``: its name, header and SPARQL body. ``meta`` holds every ``# key: value``
    header line except ``param`` (``title``, ``columns``, and keys of its own such as a check's ``severity``).

    Example:
        >>> parse_query_text("# severity: Warning\nASK {}").meta
        {'severity': 'Warning'}
    """

    name: str
    title: str
    description: str
    columns: list[str]
    params: list[Param] = field(default_factory=list)
    text: str = ""
    meta: dict[str, str] = field(default_factory=dict)


def _parse_header(name: str, text: str) -> NamedQuery:
    meta: dict[str, str] = {}
    params: list[Param] = []
    for line in text.splitlines():
        m = re.match(r"#\s*(\w+):\s*(.*)$", line)
        if not m:
            if line.strip() and not line.startswith("#"):
                break
            continue
        key, value = m.group(1), m.group(2).strip()
        if key == "param":
            parts = value.split()
            extra = parts[2] if len(parts) > 2 else None
            params.append(
                Param(parts[0], parts[1], None if extra == "optional" else extra, extra == "optional")
            )
        else:
            meta[key] = value
    return NamedQuery(
        name=name,
        title=meta.get("title", name),
        description=meta.get("description", ""),
        columns=[c.strip() for c in meta.get("columns", "").split(",") if c.strip()],
        params=params,
        text=text,
        meta=meta,
    )


def list_named_queries() -> list[NamedQuery]:
    """Every named query, sorted by name."""
    folder = resources.files("kg") / "queries"
    return [
        _parse_header(p.name[:-3], p.read_text(encoding="utf-8"))
        for p in sorted(folder.iterdir(), key=lambda p: p.name)
        if p.name.endswith(".rq")
    ]


def load_named_query(name: str) -> NamedQuery:
    """One named query; UsageError listing the names when it does not exist."""
    for q in list_named_queries():
        if q.name == name:
            return q
    names = ", ".join(q.name for q in list_named_queries())
    raise UsageError(f"no named query {name!r} (known: {names})")


def parse_query_text(text: str, name: str = "<query>") -> NamedQuery:
    """A query given as text (a file or stdin), with the same header conventions."""
    return _parse_header(name, text)


def expand_iri(value: str) -> URIRef | None:
    """``<…>``, a full http(s) IRI or a prefixed name such as ``id:party/hamas`` → URIRef; else None."""
    v = value.strip()
    if v.startswith("<") and v.endswith(">"):
        return _checked_iri(v[1:-1])
    if re.match(r"^https?://", v):
        return _checked_iri(v)
    m = re.match(r"^([A-Za-z][\w-]*):(\S+)$", v)
    if m and m.group(1) in PREFIXES:
        return _checked_iri(str(PREFIXES[m.group(1)]) + m.group(2))
    return None


_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def _checked_iri(text: str) -> URIRef:
    if not text or _BAD_IRI.search(text):
        raise UsageError(f"{text!r} is not a valid IRI (spaces and <>\"{{}}|^`\\ are not allowed)")
    return URIRef(text)


def date_bound(raw: str, *, end: bool = False, what: str = "date") -> str:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` → the first day of that period (or the last with ``end``),
    checked against the calendar.

    Example:
        >>> date_bound("2017", end=True), date_bound("2024-02", end=True), date_bound("2017-10")
        ('2017-12-31', '2024-02-29', '2017-10-01')
    """
    import calendar
    import datetime as dt

    raw = raw.strip()
    if not _DATE.match(raw):
        raise UsageError(f"{what}: {raw!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    parts = [int(x) for x in raw.split("-")]
    try:
        if len(parts) == 3:
            return dt.date(*parts).isoformat()
        year, month = parts[0], parts[1] if len(parts) == 2 else (12 if end else 1)
        day = calendar.monthrange(year, month)[1] if end else 1
        return dt.date(year, month, day).isoformat()
    except ValueError:
        raise UsageError(f"{what}: {raw!r} is not a calendar date") from None


def resolve_entity(store: Store, value: str) -> URIRef:
    """An IRI, a prefixed name, or a label (prefLabel or altLabel, any case) → the entity's IRI.

    Raises UsageError when no entity or more than one has that label.
    """
    iri = expand_iri(value)
    if iri is not None:
        found = store.query(f"ASK {{ {{ <{iri}> ?p ?o }} UNION {{ ?s ?p <{iri}> }} }}", timeout=None).boolean
        if not found:
            raise UsageError(f"no entity <{iri}> in the store")
        return iri
    needle = json.dumps(value.strip().casefold())
    res = store.query(
        "SELECT DISTINCT ?e ?pref WHERE { ?e skos:prefLabel|skos:altLabel ?l . "
        f"FILTER(LCASE(STR(?l)) = {needle}) "
        "OPTIONAL { ?e skos:prefLabel ?pref FILTER(LANGMATCHES(LANG(?pref), 'en')) } } ORDER BY ?e",
        timeout=None,
    )
    found = sorted({str(r["e"]) for r in res.rows})
    if not found:
        raise UsageError(f"no entity is labelled {value!r}")
    if len(found) > 1:
        prefs = {str(r["e"]): str(r["pref"]) for r in res.rows if r.get("pref") is not None}
        same = value.strip().casefold()  # a label is worth showing when the value matched another name
        listing = ", ".join(f"{compact(URIRef(f))} ({prefs[f]})" if prefs.get(f, same).casefold() != same
                            else compact(URIRef(f)) for f in found[:MAX_CANDIDATES])
        more = f" and {len(found) - MAX_CANDIDATES} more" if len(found) > MAX_CANDIDATES else ""
        raise UsageError(f"{value!r} is ambiguous ({len(found)} entities): {listing}{more} "
                         "(give an IRI or prefixed name instead)")
    return URIRef(found[0])


def _term(store: Store, p: Param, raw: str) -> Node:
    if p.type == "entity":
        return resolve_entity(store, raw)
    if p.type == "iri":
        iri = expand_iri(raw)
        if iri is None:
            raise UsageError(f"parameter {p.name}: {raw!r} is not an IRI")
        return iri
    if p.type in ("date", "date-end"):
        return Literal(date_bound(raw, end=p.type == "date-end", what=f"parameter {p.name}"), datatype=XSD.date)
    return Literal(raw)


def bind_params(store: Store, query: NamedQuery, values: dict[str, str]) -> str:
    """The query text with every ``${NAME}`` replaced by an RDF term (or an unbound variable for an optional
    parameter left out). No PREFIX lines are added: every store declares the project's prefixes itself, so a
    syntax error's line and column point into the text as written."""
    declared = {p.name: p for p in query.params}
    unknown = sorted(set(values) - set(declared))
    if unknown:
        allowed = ", ".join(declared) or "none"
        raise UsageError(f"query {query.name!r} has no parameter {unknown[0]!r} (parameters: {allowed})")
    text = query.text
    for p in query.params:
        raw = values.get(p.name, p.default)
        if raw is None:
            if not p.optional:
                raise UsageError(f"query {query.name!r} needs --param {p.name}=VALUE")
            replacement = f"?_unset_{p.name}"
        else:
            term = _term(store, p, raw)
            replacement = term.n3() if not isinstance(term, BNode) else f"?_unset_{p.name}"
        text = text.replace("${" + p.name + "}", replacement)
    if "${" in text:
        raise QueryError(f"query {query.name!r} refers to an undeclared parameter: {text[text.index('${'):][:30]}")
    return text


def run_named(store: Store, name: str, params: dict[str, str] | None = None, **kw: object) -> QueryResult:
    """Run a named query with parameters.

    Example:
        >>> from kg.store import open_store
        >>> run_named(open_store("memory:"), "agreements").rows
        []
    """
    q = load_named_query(name)
    return store.query(bind_params(store, q, params or {}), **kw)  # type: ignore[arg-type]


def run_text(store: Store, text: str, params: dict[str, str] | None = None, **kw: object) -> QueryResult:
    """Run SPARQL text (with optional header parameters)."""
    q = parse_query_text(text)
    if params or q.params:
        text = bind_params(store, q, params or {})
    return store.query(text, **kw)  # type: ignore[arg-type]


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    r"""Text safe to print on a terminal: control characters (escape sequences from untrusted article text)
    shown as ``\xNN`` instead of being sent raw; tabs and newlines kept.

    Example:
        >>> printable("ok" + chr(27) + "]0;pwned" + chr(7)) == r"ok\x1b]0;pwned\x07"
        True
    """
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _cell(t: Node | None) -> str:
    return "" if t is None else printable(str(t))


def _tsv_cell(t: Node | None) -> str:
    return _cell(t).replace("\t", " ").replace("\n", " ")


def format_result(res: QueryResult, fmt: str = "table") -> str:
    """A result as ``table`` (aligned text), ``csv``, ``tsv``, ``json`` (SPARQL 1.1 JSON results) or, for a
    CONSTRUCT, ``turtle``. CSV and TSV are written for a terminal (``kg.results`` writes them): plain values,
    control characters shown as ``\\xNN``, ``\\n`` line ends; TSV has a bare header and tabs and newlines as
    spaces (SPARQL TSV, with N-Triples terms, is what ``kg serve`` gives).

    Example:
        >>> print(format_result(QueryResult(vars=["x"], rows=[{"x": Literal("a")}]), "csv"), end="")
        x
        a
    """
    if res.graph is not None:
        if fmt in {"table", "turtle"}:
            return res.graph.serialize(format="turtle")
        if fmt == "json":
            return res.graph.serialize(format="json-ld")
        raise UsageError("CONSTRUCT and DESCRIBE give a graph: use --format table (Turtle) or json (JSON-LD)")
    if fmt == "json":
        return to_json(res)
    if res.boolean is not None:
        return ask_text(res)
    if fmt == "csv":
        return to_csv(res, cell=_cell, newline="\n")
    if fmt == "tsv":
        return to_tsv(res, cell=_tsv_cell, mark="")
    if fmt != "table":
        raise UsageError(f"unknown format {fmt!r} (table, csv, tsv, json)")
    return format_table(res)


def compact(t: Node | None) -> str:
    """A cell for people: IRIs under a known namespace as ``prefix:rest``, other terms as their text.

    Example:
        >>> compact(URIRef("https://w3id.org/reconciliation-kg/id/party/hamas"))
        'id:party/hamas'
    """
    if isinstance(t, URIRef):
        s = str(t)
        for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(str(kv[1]))):
            if s.startswith(str(ns)) and len(s) > len(str(ns)):
                return f"{prefix}:{s[len(str(ns)):]}"
    return _cell(t)


def format_table(res: QueryResult, max_width: int = 60) -> str:
    """Aligned plain-text table (IRIs compacted); long cells are cut with an ellipsis."""
    from kg.render.text import cut

    cells = [[cut(compact(r.get(v)), max_width) for v in res.vars] for r in res.rows]
    widths = [max([len(v)] + [len(c[i]) for c in cells]) for i, v in enumerate(res.vars)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(res.vars, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    lines.append(f"({len(res.rows)} row{'s' if len(res.rows) != 1 else ''})")
    return "\n".join(lines) + "\n"
