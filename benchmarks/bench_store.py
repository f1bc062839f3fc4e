"""Store benchmark: rdflib's in-memory Graph against the embedded Oxigraph store (on disk), same data, same run.

A synthetic event graph shaped like ours (events with a type, date, label, modality, place, two to four
actors in roles and a source; one named graph per article of five events) is loaded into both, then three
representative queries run on each: a date filter with GROUP BY, a two-hop join (co-participation), and a
label lookup (as ``kg query`` resolves a label). Answers are checked to agree.

Usage:
    python benchmarks/bench_store.py [SIZES]     # SIZES: triples, comma-separated (default 50000,200000)

Example:
    $ python benchmarks/bench_store.py 20000
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta

from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, RDF, SKOS, XSD

from kg.namespaces import ID, REC, sparql_prologue
from kg.store import OxigraphStore, Triple

TYPES = [REC.Meeting, REC.Signing, REC.Statement, REC.Consultation, REC.Proposal, REC.Mediation]
ROLES = [REC.participant, REC.mediator, REC.host, REC.signatory]
MODALITIES = [REC.Actual, REC.Planned, REC.Hoped, REC.Proposed, REC.Postponed]
PER_ARTICLE = 5

ACTOR = f"<{ID['actor/7']}>"
QUERIES = {
    "date filter + GROUP BY": """
        SELECT ?type (COUNT(?e) AS ?n) WHERE {
          ?e a ?type ; rec:date ?d .
          FILTER(?d >= "2014-01-01"^^xsd:date && ?d < "2019-01-01"^^xsd:date)
        } GROUP BY ?type ORDER BY ?type""",
    "two-hop join": """
        SELECT ?other (COUNT(DISTINCT ?e) AS ?n) WHERE {
          ?e rec:participant ACTOR ; rec:participant ?other .
          ?other skos:prefLabel ?l .
          FILTER(?other != ACTOR)
        } GROUP BY ?other ORDER BY DESC(?n) ?other LIMIT 10""".replace("ACTOR", ACTOR),
    "label lookup": """
        SELECT DISTINCT ?e WHERE {
          ?e skos:prefLabel|skos:altLabel ?l .
          FILTER(LCASE(STR(?l)) = "actor 12")
        }""",
}


def synthetic_articles(n_triples: int, seed: int = 7) -> list[tuple[str, list[Triple]]]:
    """Article graphs totalling about ``n_triples`` triples (about 11 per event), deterministic for a seed."""
    rnd = random.Random(seed)
    n_events = max(1, n_triples // 11)
    n_actors, n_places = max(20, n_events // 20), 50
    actors = [ID[f"actor/{i}"] for i in range(n_actors)]
    places = [ID[f"place/{i}"] for i in range(n_places)]
    reference: list[Triple] = []
    for i, a in enumerate(actors):
        reference += [(a, RDF.type, REC.Organization), (a, SKOS.prefLabel, Literal(f"Actor {i}", lang="en")),
                      (a, SKOS.altLabel, Literal(f"A{i}", lang="en"))]
    for i, p in enumerate(places):
        reference += [(p, RDF.type, REC.City), (p, SKOS.prefLabel, Literal(f"Place {i}", lang="en"))]
    articles = [(str(ID["graph/reference"]), reference)]
    start = date(2005, 1, 1)
    for k in range(0, n_events, PER_ARTICLE):
        art = ID[f"article/{k // PER_ARTICLE:06d}"]
        triples: list[Triple] = []
        for j in range(k, min(k + PER_ARTICLE, n_events)):
            e = ID[f"event/{j}"]
            day = start + timedelta(days=rnd.randrange(20 * 365))
            triples += [
                (e, RDF.type, rnd.choice(TYPES)),
                (e, SKOS.prefLabel, Literal(f"Event {j}", lang="en")),
                (e, REC.date, Literal(day.isoformat(), datatype=XSD.date)),
                (e, REC.modality, rnd.choice(MODALITIES)),
                (e, REC.place, rnd.choice(places)),
                (e, DCTERMS.source, art),
                (e, REC.participant, actors[rnd.randrange(min(40, n_actors))]),
            ]
            for a in rnd.sample(actors, rnd.randint(2, 4)):
                triples.append((e, rnd.choice(ROLES), a))
        articles.append((str(art), triples))
    return articles


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def run(n_triples: int) -> list[str]:
    articles = synthetic_articles(n_triples)
    total = sum(len(t) for _, t in articles)
    lines = [f"### {total:,} triples, {len(articles) - 1:,} article graphs"]

    def load_rdflib() -> Graph:
        g = Graph()
        for _, triples in articles:
            for t in triples:
                g.add(t)
        return g

    with tempfile.TemporaryDirectory() as tmp:
        def load_oxigraph() -> OxigraphStore:
            s = OxigraphStore(f"{tmp}/store")
            for graph, triples in articles:  # one transaction per article, as kg ingest does
                s.replace_graph(graph, triples)
            return s

        t_rl, g = timed(load_rdflib)
        t_ox, store = timed(load_oxigraph)
        rows = [("load", t_rl, t_ox, "")]
        prologue = sparql_prologue()
        for name, text in QUERIES.items():
            t_r, res_r = timed(lambda text=text: list(g.query(prologue + text)))  # type: ignore[attr-defined]
            t_o, res_o = timed(lambda text=text: store.query(prologue + text, timeout=None))
            agree = len(res_r) == len(res_o.rows)  # type: ignore[arg-type, attr-defined]
            rows.append((name, t_r, t_o, f"{len(res_o.rows)} rows{'' if agree else ' (DISAGREE)'}"))  # type: ignore[attr-defined]
        store.close()
    lines.append("| step | rdflib Graph (s) | Oxigraph on disk (s) | rdflib / Oxigraph | answer |")
    lines.append("|---|---:|---:|---:|---|")
    for name, a, b, note in rows:
        lines.append(f"| {name} | {a:.3f} | {b:.3f} | {a / b:.1f}× | {note} |")
    return lines


def machine() -> str:
    """``nproc``, CPU model and RAM of this machine (Linux)."""
    import os

    model = "unknown"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem = next(line for line in open("/proc/meminfo", encoding="utf-8") if line.startswith("MemTotal"))
        ram = f"{int(mem.split()[1]) / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        ram = "unknown"
    import pyoxigraph
    import rdflib

    return (f"{os.cpu_count()} cores (nproc), {model}, {ram} RAM; Python {sys.version.split()[0]}, "
            f"rdflib {rdflib.__version__}, pyoxigraph {pyoxigraph.__version__}")


def main(argv: list[str]) -> None:
    sizes = [int(s) for s in (argv[0] if argv else "50000,200000").split(",")]
    print(f"Machine: {machine()}\n")
    for n in sizes:
        print("\n".join(run(n)) + "\n", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
