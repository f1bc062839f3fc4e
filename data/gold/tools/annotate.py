"""Turn the hand-written gold annotations (``data/gold/src/*.yaml``) into ``data/gold/*.jsonl``.

The YAML sources hold what an annotator decided (surface strings, entities, events, roles, dates);
this script finds the character offsets in each article body *as the project's reader returns it*,
maps evidence to the reader's sentences, fills labels and types from the reference layer and writes
one JSON object per line in the shape ``kg facts`` emits. Run it from anywhere:

    python data/gold/tools/annotate.py            # regenerate every data/gold/*.jsonl
    python data/gold/tools/annotate.py --check    # fail if a .jsonl is out of date
    python data/gold/tools/annotate.py --show tass-2020-03-12   # print mentions in context, for review
    python data/gold/tools/annotate.py --dir data/agreement     # a second annotation: data/agreement/src → .jsonl

YAML source shape (see data/gold/README.md for the annotation guidelines)::

    source: data/articles/tass-2020-03-12.txt      # Article.source as the reader reports it
    common: true                                   # also apply the shared surfaces of _common.yaml
    mentions:
      - Hamas = party/hamas                        # every whole-word occurrence
      - Gaza Strip = place/gaza-strip @1,3         # only the 1st and 3rd occurrence (1-based)
      - Abbas = person/mahmoud-abbas ^2            # every occurrence except the 2nd
      - Ramallah = place/ramallah @1 metonym       # a place standing for a governing side
      - Gaza = -                                   # drop a shared surface here (an own rule without
                                                   # @ replaces the shared rule for that surface)
    events:
      - type: Statement
        label: Zakharova on contacts with the Palestinian movements
        modality: actual                           # default actual
        date: [2020-03-12, on Thursday]            # spec, surface text (see parse_date)
        place: place/moscow
        roles: {speaker: person/maria-zakharova}   # role: key or [keys]
        affiliation: org/russian-foreign-ministry
        quote: Russia’s foreign ministry is in close contact …   # must occur in the body
        evidence: [Zakharova said on Thursday]     # substrings (or sentence indexes) → reader sentences

Entity keys are reference-layer IRIs without ``https://w3id.org/reconciliation-kg/id/`` (linked), or
``entity/<slug>`` for entities outside it (unlinked; label and type in ``data/gold/src/_entities.yaml``).
Longer surfaces are placed first; a span overlapping one already placed is skipped, so "Abbas" inside
"Abbas Kamel" goes to whichever entry the longer surface names.

Example:
    >>> parse_date(["autumn 2017", "in the autumn of 2017"])["end"]
    '2017-11-30'
"""

from __future__ import annotations

import argparse
import calendar
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

import yaml
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

ROOT = Path(__file__).resolve().parents[3]
GOLD = ROOT / "data" / "gold"
SRC = GOLD / "src"
ID = "https://w3id.org/reconciliation-kg/id/"
REC = "https://w3id.org/reconciliation-kg/ontology/"
ARTICLE = ID + "article/"

EVENT_TYPES = {
    "Signing", "Meeting", "Consultation", "Election", "Takeover", "GovernmentFormation", "SwearingIn",
    "Handover", "Statement", "Proposal", "Stall", "Collapse", "Postponement", "Decree", "Split",
    "ControlOfTerritory", "PostHolding", "Mediation",
}
MODALITIES = {"actual", "planned", "hoped", "proposed", "postponed", "failed", "denied"}
PRECISIONS = {"day", "month", "season", "year"}
ROLES = ["signatory", "mediator", "host", "participant", "speaker", "leader", "agent", "winner", "target",
         "proposer", "recipient"]
SEASONS = {"spring": ("03-01", "05-31", 0), "summer": ("06-01", "08-31", 0), "autumn": ("09-01", "11-30", 0),
           "winter": ("12-01", "02-28", 1)}
WORD = re.compile(r"\w")


class AnnotationError(Exception):
    """A gold source that cannot be turned into offsets (surface not found, unknown entity…)."""


def parse_date(spec: list[str] | None) -> dict[str, Any] | None:
    """``[spec, text]`` → ``{"start", "end", "precision", "text"}``.

    ``spec`` is ``YYYY-MM-DD`` (day), ``YYYY-MM`` (month), ``YYYY`` (year), ``<season> YYYY`` or
    ``START..END PRECISION`` (either bound may be ``?`` for open). ``text`` is the surface time expression.

    Example:
        >>> parse_date(["2014", "in 2014"])
        {'start': '2014-01-01', 'end': '2014-12-31', 'precision': 'year', 'text': 'in 2014'}
    """
    if spec is None:
        return None
    raw, text = str(spec[0]), (spec[1] if len(spec) > 1 else None)
    m = re.fullmatch(r"(\S+)\.\.(\S+) (\w+)", raw)
    if m:
        start, end, prec = (None if m[1] == "?" else m[1]), (None if m[2] == "?" else m[2]), m[3]
    elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
        start = end = raw
        prec = "day"
    elif re.fullmatch(r"\d{4}-\d{2}", raw):
        y, mo = map(int, raw.split("-"))
        start, end, prec = f"{raw}-01", f"{raw}-{calendar.monthrange(y, mo)[1]:02d}", "month"
    elif re.fullmatch(r"\d{4}", raw):
        start, end, prec = f"{raw}-01-01", f"{raw}-12-31", "year"
    elif re.fullmatch(r"(spring|summer|autumn|winter) \d{4}", raw):
        season, year = raw.split()
        a, b, shift = SEASONS[season]
        y2 = int(year) + shift
        if season == "winter" and calendar.isleap(y2):
            b = "02-29"
        start, end, prec = f"{year}-{a}", f"{y2}-{b}", "season"
    else:
        raise AnnotationError(f"bad date spec {raw!r}")
    if prec not in PRECISIONS:
        raise AnnotationError(f"bad precision {prec!r}")
    return {"start": start, "end": end, "precision": prec, "text": text}


def load_reference() -> dict[str, tuple[str, str]]:
    """Reference-layer IRI → (English prefLabel, class local name)."""
    g = Graph()
    for f in sorted((ROOT / "data" / "reference").glob("*.ttl")):
        g.parse(f)
    out: dict[str, tuple[str, str]] = {}
    for s, label in g.subject_objects(SKOS.prefLabel):
        if getattr(label, "language", None) != "en" or not isinstance(s, URIRef):
            continue
        types = sorted(str(t)[len(REC):] for t in g.objects(s, RDF.type) if str(t).startswith(REC))
        out[str(s)] = (str(label), types[0] if types else "Entity")
    return out


class Resolver:
    """Entity keys → ``{"iri", "label", "type", "linked"}`` from the reference layer and _entities.yaml (the
    gold's, plus those of ``extra`` source folders: a second annotation adds its own new entities)."""

    def __init__(self, extra: Path | None = None) -> None:
        self.ref = load_reference()
        self.unlinked: dict[str, dict[str, str]] = yaml.safe_load((SRC / "_entities.yaml").read_text("utf-8"))
        own = extra / "_entities.yaml" if extra else None
        if own and own.exists():
            for slug, e in (yaml.safe_load(own.read_text("utf-8")) or {}).items():
                if slug in self.unlinked and self.unlinked[slug] != e:
                    raise AnnotationError(f"{own}: entity {slug!r} differs from the gold's _entities.yaml")
                self.unlinked[slug] = e

    def entity(self, key: str) -> dict[str, Any]:
        if key.startswith("entity/"):
            slug = key[len("entity/"):]
            if slug not in self.unlinked:
                raise AnnotationError(f"unlinked entity {slug!r} missing from _entities.yaml")
            e = self.unlinked[slug]
            return {"iri": ID + key, "label": e["label"], "type": e["type"], "linked": False}
        if ID + key not in self.ref:
            raise AnnotationError(f"{key!r} is not in the reference layer")
        label, typ = self.ref[ID + key]
        return {"iri": ID + key, "label": label, "type": typ, "linked": True}

    def ref_of(self, key: str | None) -> dict[str, str] | None:
        if key is None:
            return None
        e = self.entity(key)
        return {"iri": e["iri"], "label": e["label"]}


def occurrences(body: str, surface: str) -> list[int]:
    """Start offsets of ``surface`` in ``body`` not glued to a letter or digit on either side."""
    out, i = [], body.find(surface)
    while i >= 0:
        before = body[i - 1] if i else " "
        after = body[i + len(surface)] if i + len(surface) < len(body) else " "
        if not WORD.match(before) and not WORD.match(after):
            out.append(i)
        i = body.find(surface, i + 1)
    return out


def parse_mention_rule(rule: str) -> tuple[str, str, set[int] | None, set[int], bool]:
    """``"Gaza Strip = place/gaza-strip @1,3 metonym"`` → (surface, key, only, except, metonym)."""
    surface, _, rest = rule.partition(" = ")
    parts = rest.split()
    if not parts:
        raise AnnotationError(f"bad mention rule {rule!r}")
    key, only, skip, metonym = parts[0], None, set(), False
    for p in parts[1:]:
        if p.startswith("@"):
            only = {int(x) for x in p[1:].split(",")}
        elif p.startswith("^"):
            skip = {int(x) for x in p[1:].split(",")}
        elif p == "metonym":
            metonym = True
        else:
            raise AnnotationError(f"bad mention rule {rule!r}")
    return surface, key, only, skip, metonym


def place_mentions(body: str, rules: list[str], res: Resolver, shared: frozenset[str] = frozenset()
                   ) -> list[dict[str, Any]]:
    """Apply the mention rules to ``body``: longest surface first, explicit occurrences before "all".
    A rule's surface must occur in the body unless the rule is one of the ``shared`` ones."""
    parsed = [p for p in map(parse_mention_rule, rules) if p[1] != "-"]
    parsed.sort(key=lambda p: (-len(p[0]), p[2] is None))
    optional = {parse_mention_rule(r)[0] for r in shared}
    taken: list[tuple[int, int]] = []
    out = []
    for surface, key, only, skip, metonym in parsed:
        found = occurrences(body, surface)
        if not found and surface in optional:
            continue
        if not found:
            raise AnnotationError(f"surface {surface!r} not in body")
        if only and max(only) > len(found):
            raise AnnotationError(f"surface {surface!r}: only {len(found)} occurrences")
        for n, start in enumerate(found, 1):
            if (only is not None and n not in only) or n in skip:
                continue
            end = start + len(surface)
            if any(start < b and a < end for a, b in taken):
                continue
            taken.append((start, end))
            out.append({"entity": res.entity(key), "text": surface, "start": start, "end": end,
                        "metonym": metonym})
    return sorted(out, key=lambda m: (m["start"], m["end"]))


def find_span(body: str, needle: str) -> tuple[int, int]:
    """Offsets of ``needle`` (``text#n`` for the n-th occurrence) in ``body``."""
    m = re.fullmatch(r"(.*)#(\d+)", needle, flags=re.S)
    text, nth = (m[1], int(m[2])) if m else (needle, 1)
    hits = [i for i in range(len(body)) if body.startswith(text, i)]
    if len(hits) < nth:
        raise AnnotationError(f"evidence {text!r} not in body (or fewer than {nth} times)")
    if not m and len(hits) > 1:
        raise AnnotationError(f"evidence {text!r} is ambiguous ({len(hits)} hits): add #n")
    return hits[nth - 1], hits[nth - 1] + len(text)


def evidence_for(article: Any, items: list[str | int]) -> list[dict[str, Any]]:
    """Evidence substrings or sentence indexes → the reader sentences covering them."""
    out = []
    for item in items:
        if isinstance(item, int):
            sents = [article.sentences[item]]
        else:
            a, b = find_span(article.body, item)
            sents = [s for s in article.sentences if s.start < b and a < s.end]
        start, end = sents[0].start, sents[-1].end
        ev = {"sentence": article.body[start:end], "start": start, "end": end}
        if ev not in out:
            out.append(ev)
    return sorted(out, key=lambda e: (e["start"], e["end"]))


def build_event(spec: dict[str, Any], article: Any, art_info: dict[str, Any], res: Resolver,
                cameo: dict[str, str | None]) -> dict[str, Any]:
    """One YAML event → one ``kg facts`` event dict."""
    typ = spec["type"]
    if typ not in EVENT_TYPES:
        raise AnnotationError(f"unknown event type {typ!r}")
    modality = spec.get("modality", "actual")
    if modality not in MODALITIES:
        raise AnnotationError(f"unknown modality {modality!r}")
    participants = []
    for role, keys in (spec.get("roles") or {}).items():
        if role not in ROLES:
            raise AnnotationError(f"unknown role {role!r}")
        for key in [keys] if isinstance(keys, str) else keys:
            participants.append({"role": role, **res.ref_of(key)})  # type: ignore[arg-type]
    participants.sort(key=lambda p: (ROLES.index(p["role"]), p["iri"]))
    quote = spec.get("quote")
    if quote is not None and quote not in article.body:
        raise AnnotationError(f"quote not in body: {quote[:60]!r}")
    evidence = evidence_for(article, spec.get("evidence") or [])
    if not evidence:
        raise AnnotationError(f"event {spec.get('label')!r} has no evidence")
    date = parse_date(spec.get("date"))
    if date and date["text"] is not None and date["text"] not in article.body:
        raise AnnotationError(f"date text {date['text']!r} not in body")
    return {
        "kind": "event", "id": None, "type": typ, "cameo": cameo.get(typ), "label": spec["label"],
        "modality": modality, "date": date, "place": res.ref_of(spec.get("place")),
        "agreement": res.ref_of(spec.get("agreement")), "participants": participants, "quote": quote,
        "article": art_info, "evidence": evidence, "confidence": 1.0, "extractor": "gold",
        "territory": res.ref_of(spec.get("territory")), "government": res.ref_of(spec.get("government")),
        "affiliation": res.ref_of(spec.get("affiliation")), "purpose": spec.get("purpose"),
        "basis": [res.ref_of(k) for k in spec.get("basis", [])],
        "concerns": [res.ref_of(k) for k in spec.get("concerns", [])], "status": None,
    }


def load_cameo() -> dict[str, str | None]:
    """Event class local name → CAMEO code (``skos:notation`` in ontology/events.ttl) or None."""
    g = Graph().parse(ROOT / "ontology" / "events.ttl")
    return {t: (str(n) if (n := g.value(URIRef(REC + t), SKOS.notation)) is not None else None)
            for t in EVENT_TYPES}


def gold_name(source: str) -> str:
    """``data/articles/json/wire-2007-2017.jsonl:2`` → ``wire-2007-2017-2`` (the gold file stem)."""
    m = re.fullmatch(r"(.*?)(?:#|:)(\d+)", source)
    path, n = (m[1], m[2]) if m else (source, None)
    stem = Path(path).name.split(".")[0]
    return f"{stem}-{n}" if n else stem


def read_corpus() -> dict[str, Any]:
    """Article.source → Article, read with the project's reader from the project root."""
    from kg.articles import read_articles

    here = os.getcwd()
    os.chdir(ROOT)
    try:
        return {a.source: a for a in read_articles(["data/articles"])}
    finally:
        os.chdir(here)


def build_all(only: str | None = None, src: Path = SRC) -> dict[str, str]:
    """Gold stem → .jsonl text for every YAML source in ``src`` (or just ``only``)."""
    res, cameo, corpus = Resolver(None if src == SRC else src), load_cameo(), read_corpus()
    common = yaml.safe_load((SRC / "_common.yaml").read_text("utf-8"))["mentions"]
    out: dict[str, str] = {}
    for path in sorted(src.glob("*.yaml")):
        if path.name.startswith("_"):
            continue
        spec = yaml.safe_load(path.read_text("utf-8"))
        name = gold_name(spec["source"])
        if only and name != only:
            continue
        if name != path.stem:
            raise AnnotationError(f"{path.name}: source {spec['source']} should be in {name}.yaml")
        article = corpus.get(spec["source"])
        if article is None:
            raise AnnotationError(f"{path.name}: the reader has no article {spec['source']}")
        art_info = {"iri": ARTICLE + article.id, "title": article.title, "source": article.source,
                    "published": article.published}
        try:
            own = list(spec.get("mentions") or [])
            mine = {p[0] for p in map(parse_mention_rule, own) if p[2] is None}
            shared = [r for r in common if parse_mention_rule(r)[0] not in mine] if spec.get("common") else []
            rules = shared + own
            events = [build_event(e, article, art_info, res, cameo) for e in spec.get("events") or []]
            mentions = [{"kind": "mention", **m, "article": art_info}
                        for m in place_mentions(article.body, rules, res, frozenset(shared))]
        except AnnotationError as exc:
            raise AnnotationError(f"{path.name}: {exc}") from None
        events.sort(key=lambda e: (e["evidence"][0]["start"], e["type"], e["label"]))
        out[name] = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in events + mentions)
    return out


def show(name: str, src: Path = SRC) -> None:
    """Print the mentions of one gold file in context, for review."""
    text = build_all(name, src)[name]
    corpus = {a.id: a for a in read_corpus().values()}
    for line in text.splitlines():
        r = json.loads(line)
        if r["kind"] == "event":
            d = r["date"] or {}
            roles = ", ".join(f"{p['role']}={p['label']}" for p in r["participants"])
            print(f"EVENT {r['type']} [{r['modality']}] {d.get('start')}..{d.get('end')} {d.get('precision')} "
                  f"| {roles} | place={(r['place'] or {}).get('label')} | {r['label']}")
            continue
        body = corpus[r["article"]["iri"][len(ARTICLE):]].body
        ctx = body[max(0, r["start"] - 25):r["start"]] + "[" + r["text"] + "]" + body[r["end"]:r["end"] + 15]
        flag = " (metonym)" if r["metonym"] else ""
        print(f"  {r['entity']['iri'][len(ID):]:45} {ctx!r}{flag}".replace("\n", " "))


def main(argv: list[str] | None = None) -> int:
    """Command line: regenerate, ``--check`` or ``--show STEM``."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="fail if a .jsonl differs from its source")
    ap.add_argument("--show", metavar="STEM", help="print one file's annotations in context")
    ap.add_argument("--dir", type=Path, default=GOLD,
                    help="annotation folder (default data/gold): reads DIR/src/*.yaml, writes DIR/*.jsonl")
    args = ap.parse_args(argv)
    out_dir = args.dir.resolve()
    src = out_dir / "src"
    if not any(not f.name.startswith("_") for f in src.glob("*.yaml")):
        print(f"no annotation sources (*.yaml) in {src}", file=sys.stderr)
        return 2  # a mistyped --dir must not pass --check by checking nothing
    if args.show:
        show(args.show, src)
        return 0
    built = build_all(src=src)
    stale = [n for n, t in built.items() if not (out_dir / f"{n}.jsonl").exists()
             or (out_dir / f"{n}.jsonl").read_text("utf-8") != t]
    if args.check:
        for n in stale:
            print(f"out of date: {out_dir / n}.jsonl", file=sys.stderr)
        return 1 if stale else 0
    for n, t in built.items():
        (out_dir / f"{n}.jsonl").write_text(t, encoding="utf-8")
    print(f"wrote {len(built)} files to {out_dir} ({len(stale)} changed)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
