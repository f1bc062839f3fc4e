"""SELECT/ASK results written out: the exact bytes ``kg query`` (``format_result``) and the endpoint
(``serialize_result``) give for every format, on terms that tell the writers apart (blank nodes, language tags,
datatypes, quotes, commas, tabs, newlines, control characters, non-ASCII, unbound variables)."""

from __future__ import annotations

import doctest
import importlib
import json

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from kg.errors import UsageError
from kg.query import format_result
from kg.serve import serialize_result
from kg.store import QueryResult

XSD_NS = str(XSD)
SELECT = QueryResult(vars=["s", "l", "n", "b", "u"], rows=[
    {"s": URIRef("https://ex.org/a"), "l": Literal('say "hi", then\tgo\nnow', lang="en"), "n": Literal(3),
     "b": BNode("b0"), "u": None},
    {"s": URIRef("https://ex.org/é"), "l": Literal("bell\x07 ünï\r\x1b[0m;x"),
     "n": Literal("2017-10-12", datatype=XSD.date), "b": None, "u": None},
    {"s": None, "l": Literal(""), "n": Literal("1.5", datatype=XSD.decimal), "b": BNode("x1"), "u": Literal("a,b")},
])


def test_cli_csv_and_tsv_are_plain_terminal_safe_text() -> None:
    assert format_result(SELECT, "csv") == (
        's,l,n,b,u\n'
        'https://ex.org/a,"say ""hi"", then\tgo\nnow",3,b0,\n'
        'https://ex.org/é,bell\\x07 ünï\\x0d\\x1b[0m;x,2017-10-12,,\n'
        ',,1.5,x1,"a,b"\n')
    assert format_result(SELECT, "tsv") == (
        's\tl\tn\tb\tu\n'
        'https://ex.org/a\tsay "hi", then go now\t3\tb0\t\n'
        'https://ex.org/é\tbell\\x07 ünï\\x0d\\x1b[0m;x\t2017-10-12\t\t\n'
        '\t\t1.5\tx1\ta,b\n')


def test_endpoint_csv_and_tsv_are_the_sparql_formats() -> None:
    assert serialize_result(SELECT, "csv") == (
        's,l,n,b,u\r\n'
        'https://ex.org/a,"say ""hi"", then\tgo\nnow",3,_:b0,\r\n'
        'https://ex.org/é,"bell\x07 ünï\r\x1b[0m;x",2017-10-12,,\r\n'
        ',,1.5,_:x1,"a,b"\r\n').encode()
    assert serialize_result(SELECT, "tsv") == (
        '?s\t?l\t?n\t?b\t?u\n'
        f'<https://ex.org/a>\t"say \\"hi\\", then\\tgo\\nnow"@en\t"3"^^<{XSD_NS}integer>\t_:b0\t\n'
        f'<https://ex.org/é>\t"bell\\u0007 ünï\\r\\u001B[0m;x"\t"2017-10-12"^^<{XSD_NS}date>\t\t\n'
        f'\t""\t"1.5"^^<{XSD_NS}decimal>\t_:x1\t"a,b"\n').encode()


def test_json_is_one_writer_for_both() -> None:
    text = format_result(SELECT, "json")
    assert serialize_result(SELECT, "json") == text.encode()
    assert text.startswith('{\n "head": {\n  "vars": [\n   "s",') and text.endswith("\n }\n}\n")
    assert '"value": "https://ex.org/é"' in text  # not ASCII-escaped
    doc = json.loads(text)
    assert doc["results"]["bindings"][0] == {
        "s": {"type": "uri", "value": "https://ex.org/a"},
        "l": {"type": "literal", "value": 'say "hi", then\tgo\nnow', "xml:lang": "en"},
        "n": {"type": "literal", "value": "3", "datatype": f"{XSD_NS}integer"},
        "b": {"type": "bnode", "value": "b0"}}
    assert doc["results"]["bindings"][2]["u"] == {"type": "literal", "value": "a,b"}


def test_endpoint_xml() -> None:
    assert serialize_result(SELECT, "xml").decode() == (
        '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n'
        '<head><variable name="s"/><variable name="l"/><variable name="n"/><variable name="b"/>'
        '<variable name="u"/></head>\n<results>\n'
        '<result><binding name="s"><uri>https://ex.org/a</uri></binding><binding name="l">'
        '<literal xml:lang="en">say "hi", then\tgo\nnow</literal></binding><binding name="n">'
        f'<literal datatype="{XSD_NS}integer">3</literal></binding><binding name="b"><bnode>b0</bnode></binding>'
        '</result>\n'
        '<result><binding name="s"><uri>https://ex.org/é</uri></binding><binding name="l">'
        '<literal>bell\ufffd ünï\r\ufffd[0m;x</literal></binding><binding name="n">'
        f'<literal datatype="{XSD_NS}date">2017-10-12</literal></binding></result>\n'
        '<result><binding name="l"><literal></literal></binding><binding name="n">'
        f'<literal datatype="{XSD_NS}decimal">1.5</literal></binding><binding name="b"><bnode>x1</bnode></binding>'
        '<binding name="u"><literal>a,b</literal></binding></result>\n'
        '</results>\n</sparql>\n')


@pytest.mark.parametrize("answer", [True, False])
def test_ask_in_every_format(answer: bool) -> None:
    res, word = QueryResult(boolean=answer), "true" if answer else "false"
    for fmt in ("table", "csv", "tsv"):
        assert format_result(res, fmt) == word + "\n"
    for kind in ("csv", "tsv"):
        assert serialize_result(res, kind) == (word + "\n").encode()
    assert format_result(res, "json") == f'{{"head": {{}}, "boolean": {word}}}\n'
    assert serialize_result(res, "json") == format_result(res, "json").encode()
    assert serialize_result(res, "xml").decode() == (
        '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n'
        f"<head/>\n<boolean>{word}</boolean>\n</sparql>\n")


def test_no_rows_and_no_variables() -> None:
    empty, blank = QueryResult(vars=["x"]), QueryResult(vars=[], rows=[{}])
    assert (format_result(empty, "csv"), format_result(empty, "tsv")) == ("x\n", "x\n")
    assert (serialize_result(empty, "csv"), serialize_result(empty, "tsv")) == (b"x\r\n", b"?x\n")
    assert (format_result(blank, "csv"), format_result(blank, "tsv")) == ("\n\n", "\n\n")
    assert (serialize_result(blank, "csv"), serialize_result(blank, "tsv")) == (b"\r\n\r\n", b"\n\n")


def test_cli_refuses_formats_it_does_not_have() -> None:
    with pytest.raises(UsageError, match="unknown format 'xml'"):
        format_result(SELECT, "xml")


@pytest.mark.parametrize("name", ["kg.results", "kg.query"])
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0


def test_endpoint_xml_is_well_formed_even_with_control_characters() -> None:
    import xml.etree.ElementTree as ET

    root = ET.fromstring(serialize_result(SELECT, "xml"))
    ns = "{http://www.w3.org/2005/sparql-results#}"
    literals = [e.text for e in root.iter(ns + "literal")]
    assert "bell\ufffd ünï\n\ufffd[0m;x" in literals  # the bell and escape replaced; XML reads \r as \n


def test_endpoint_xml_attributes_are_well_formed_too() -> None:
    import xml.etree.ElementTree as ET

    from rdflib import Literal, URIRef

    res = QueryResult(vars=["x"], rows=[{"x": Literal("v", datatype=URIRef("https://ex.org/\x07"))}])
    root = ET.fromstring(serialize_result(res, "xml"))
    ns = "{http://www.w3.org/2005/sparql-results#}"
    assert [e.get("datatype") for e in root.iter(ns + "literal")] == ["https://ex.org/\ufffd"]
