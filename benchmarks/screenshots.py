"""Screenshots of the three page types for the README: docs/img/graph.png, timeline.png, ego.png.

Builds the full graph (ontology, reference layer and every article under data/articles/) into a store in a
temporary folder, the same way ``kg build`` does, writes the overview, the timeline and the ego page of one
entity there, and photographs each in headless Chromium. Layouts are seeded and the build sorted, so the same
inputs give the same pictures.

Usage:
    python benchmarks/screenshots.py [--ego Hamas] [--out docs/img] [--curated-only]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from kg.analysis import load_facts
from kg.build import build
from kg.paths import project_root
from kg.query import resolve_entity
from kg.render.browser import run_chromium
from kg.render.pages import ego_page, graph_page, timeline_page


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ego", default="Hamas")
    ap.add_argument("--out", type=Path, default=project_root() / "docs" / "img")
    ap.add_argument("--size", default="1400x900")
    ap.add_argument("--curated-only", action="store_true", help="Leave the articles out (ontology + reference).")
    args = ap.parse_args()
    w, h = (int(x) for x in args.size.split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kg-shots-") as tmp:
        result = build(sources=[] if args.curated_only else None, store_location=str(Path(tmp) / "store"),
                       dump_path=None, validate=False, pages=False, keep_open=True)
        store = result.handle
        assert store is not None
        print(f"built {result.counts.get('triples', 0)} triples from {result.articles} articles")
        facts = load_facts(store)
        pages = {
            "graph": graph_page(facts),
            "timeline": timeline_page(facts),
            "ego": ego_page(facts, str(resolve_entity(store, args.ego)), 1),
        }
        store.close()
        for name, html in pages.items():
            page = Path(tmp) / f"{name}.html"
            page.write_text(html, encoding="utf-8")
            run_chromium(page, screenshot=args.out / f"{name}.png", size=(w, h))
            print(args.out / f"{name}.png")


if __name__ == "__main__":
    main()
