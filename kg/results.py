"""SELECT and ASK results written out, one writer per format: SPARQL 1.1 JSON, XML, CSV and TSV results.

Both ``kg query`` (``kg.query.format_result``) and the endpoint (``kg.serve.serialize_result``) write through
these. The defaults are the W3C formats the endpoint serves; the command line passes its own cells
(terminal-safe text) and line ends, and its ``tsv`` is plain tab-separated values (a bare header, plain text)
where SPARQL TSV has a ``?var`` header and N-Triples terms. An ASK result is ``true`` or ``false`` on a line
in CSV and TSV (the W3C formats do not cover it). CONSTRUCT and DESCRIBE graphs are rdflib's to serialize.

Example:
    >>> from rdflib import URIRef
    >>> res = QueryResult(vars=["x"], rows=[{"x": URIRef("https://ex.org/a")}])
    >>> to_csv(res), to_tsv(res)
    ('x\\r\\nhttps://ex.org/a\\r\\n', '?x\\n<https://ex.org/a>\\n')
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.dump import nt
from kg.store import QueryResult

Cell = Callable[[Node | None], str]
"""How a term (None when unbound) is written in a CSV or TSV cell."""


def ask_text(res: QueryResult) -> str:
    """An ASK answer as a line of text.

    Example:
        >>> ask_text(QueryResult(boolean=False))
        'false\\n'
    """
    return "true\n" if res.boolean else "false\n"


def json_term(t: Node) -> dict[str, str]:
    """A term in SPARQL JSON results.

    Example:
        >>> json_term(Literal("Hamas", lang="en"))
        {'type': 'literal', 'value': 'Hamas', 'xml:lang': 'en'}
    """
    if isinstance(t, URIRef):
        return {"type": "uri", "value": str(t)}
    if isinstance(t, BNode):
        return {"type": "bnode", "value": str(t)}
    assert isinstance(t, Literal)
    d = {"type": "literal", "value": str(t)}
    if t.language:
        d["xml:lang"] = t.language
    elif t.datatype is not None:
        d["datatype"] = str(t.datatype)
    return d


def to_json(res: QueryResult) -> str:
    """SPARQL 1.1 JSON results (unbound variables left out of a binding).

    Example:
        >>> to_json(QueryResult(boolean=True))
        '{"head": {}, "boolean": true}\\n'
    """
    if res.boolean is not None:
        return json.dumps({"head": {}, "boolean": res.boolean}) + "\n"
    bindings = [{k: json_term(v) for k, v in row.items() if v is not None} for row in res.rows]
    return json.dumps({"head": {"vars": res.vars}, "results": {"bindings": bindings}},
                      ensure_ascii=False, indent=1) + "\n"


#: Characters XML 1.0 cannot hold, even escaped (C0 controls but tab, newline, return; lone surrogates; U+FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(s: str) -> str:
    """``s`` escaped for XML, with characters XML cannot hold replaced by U+FFFD, so the document stays
    well-formed.

    Example:
        >>> _xml_text("a<b\x07")
        'a&lt;b\ufffd'
    """
    return xml_escape(_NOT_XML.sub("\ufffd", s))


def _xml_attr(s: str) -> str:
    """``s`` as a quoted XML attribute value, with characters XML cannot hold replaced by U+FFFD."""
    return quoteattr(_NOT_XML.sub("\ufffd", s))


def _xml_term(t: Node) -> str:
    if isinstance(t, URIRef):
        return f"<uri>{_xml_text(str(t))}</uri>"
    if isinstance(t, BNode):
        return f"<bnode>{_xml_text(str(t))}</bnode>"
    assert isinstance(t, Literal)
    attr = ""
    if t.language:
        attr = f" xml:lang={_xml_attr(t.language)}"
    elif t.datatype is not None:
        attr = f" datatype={_xml_attr(str(t.datatype))}"
    return f"<literal{attr}>{_xml_text(str(t))}</literal>"


def to_xml(res: QueryResult) -> str:
    """SPARQL 1.1 XML results.

    Example:
        >>> print(to_xml(QueryResult(boolean=True)), end="")
        <?xml version="1.0"?>
        <sparql xmlns="http://www.w3.org/2005/sparql-results#">
        <head/>
        <boolean>true</boolean>
        </sparql>
    """
    head = '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n'
    if res.boolean is not None:
        body = f"<head/>\n<boolean>{'true' if res.boolean else 'false'}</boolean>\n"
    else:
        names = "".join(f"<variable name={_xml_attr(v)}/>" for v in res.vars)
        rows = []
        for row in res.rows:
            cells = "".join(
                f"<binding name={_xml_attr(v)}>{_xml_term(t)}</binding>"
                for v in res.vars if (t := row.get(v)) is not None
            )
            rows.append(f"<result>{cells}</result>\n")
        body = f"<head>{names}</head>\n<results>\n{''.join(rows)}</results>\n"
    return head + body + "</sparql>\n"


def csv_value(t: Node | None) -> str:
    """A term as SPARQL CSV writes it: IRIs and literals as their text, blank nodes as ``_:id``, unbound empty.

    Example:
        >>> csv_value(BNode("b1")), csv_value(Literal("Hamas", lang="en")), csv_value(None)
        ('_:b1', 'Hamas', '')
    """
    if t is None:
        return ""
    return f"_:{t}" if isinstance(t, BNode) else str(t)


def nt_value(t: Node | None) -> str:
    """A term as SPARQL TSV writes it: N-Triples syntax, unbound empty.

    Example:
        >>> nt_value(Literal("Hamas", lang="en")), nt_value(None)
        ('"Hamas"@en', '')
    """
    return "" if t is None else nt(t)


def to_csv(res: QueryResult, *, cell: Cell = csv_value, newline: str = "\r\n") -> str:
    """CSV: a header of variable names, then a row per solution, quoted where needed; by default SPARQL 1.1 CSV
    results (``csv_value`` cells, CRLF line ends).

    Example:
        >>> to_csv(QueryResult(vars=["x"], rows=[{"x": Literal("a, b")}]), newline="\\n")
        'x\\n"a, b"\\n'
    """
    if res.boolean is not None:
        return ask_text(res)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator=newline)
    w.writerow(res.vars)
    for row in res.rows:
        w.writerow([cell(row.get(v)) for v in res.vars])
    return buf.getvalue()


def to_tsv(res: QueryResult, *, cell: Cell = nt_value, mark: str = "?") -> str:
    """Tab-separated values: a header of variable names, each after ``mark``, then a row per solution, every
    line ending in a newline; by default SPARQL 1.1 TSV results (``?var``, N-Triples terms). The cells must
    hold no tab or newline (N-Triples escapes them).

    Example:
        >>> to_tsv(QueryResult(vars=["x", "y"], rows=[{"x": Literal(1)}]), cell=csv_value, mark="")
        'x\\ty\\n1\\t\\n'
    """
    if res.boolean is not None:
        return ask_text(res)
    lines = ["\t".join(mark + v for v in res.vars)]
    lines += ["\t".join(cell(row.get(v)) for v in res.vars) for row in res.rows]
    return "\n".join(lines) + "\n"


WRITERS: dict[str, Callable[[QueryResult], str]] = {"json": to_json, "xml": to_xml, "csv": to_csv, "tsv": to_tsv}
"""The protocol formats of SELECT and ASK results, by the name ``kg.serve`` gives them."""

__all__ = ["WRITERS", "Cell", "ask_text", "csv_value", "json_term", "nt_value", "to_csv", "to_json", "to_tsv",
           "to_xml"]
