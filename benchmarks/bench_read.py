"""Benchmark the reading layer: N synthetic text files and a JSON Lines file of N records.

Prints articles/s, MB/s and peak RSS for each; each is read in its own process so the peak RSS is its
own. Stories differ (no duplicates) but every fourth one reuses an earlier body under a new headline,
so near-duplicate detection has work to do. A JSON Lines file is read whole, so its size limit
(``max_bytes``) is raised to its size here; the default 20 MB limit would skip a large one.

Usage:
    python benchmarks/bench_read.py            # N = 2000
    python benchmarks/bench_read.py -n 100000  # the 100k-file case
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from kg.articles import DEFAULT_MAX_BYTES, ReadReport, read_articles

PLACES = ["CAIRO", "GAZA", "RAMALLAH", "MOSCOW", "DOHA", "ISTANBUL", "ALGIERS", "BEIRUT"]
MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
WORDS = (
    "factions delegation talks agreement government elections crossing mediator officials statement meeting "
    "reconciliation unity security ministry spokesman round deadline handover council movement leaders"
).split()


def story(rng: random.Random, i: int) -> tuple[str, str]:
    """A title and a body of ~12 sentences with a dated dateline."""
    year = 2005 + i % 18
    dateline = f"{rng.choice(PLACES)}, {rng.choice(MONTHS)} {1 + i % 28}, {year} (Wire) -"
    sentences = [
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20))).capitalize() + f" {i}." for _ in range(12)
    ]
    paragraphs = [" ".join(sentences[k : k + 3]) for k in range(0, 12, 3)]
    return f"Story {i}: {rng.choice(WORDS)} {rng.choice(WORDS)}", dateline + " " + "\n\n".join(paragraphs)


def make_corpus(root: Path, n: int) -> tuple[Path, Path]:
    rng = random.Random(42)
    text_dir = root / "text"
    text_dir.mkdir()
    bodies: list[str] = []
    with (root / "records.jsonl").open("w", encoding="utf-8") as jsonl:
        for i in range(n):
            title, body = story(rng, i)
            if i % 4 == 3:
                body = bodies[-1]  # same wire story, another headline
            bodies = [body]
            (text_dir / f"{i:07d}.txt").write_text(f"All news\n\n{title}\n\n{body}\n", encoding="utf-8")
            jsonl.write(json.dumps({"title": title + " (rec)", "body": body + " Record.", "date": "2020-01-01"}) + "\n")
    return text_dir, root / "records.jsonl"


def bench(label: str, sources: list[Path], nbytes: int, max_bytes: int) -> None:
    """Read the sources and print the rates (run in a child process: the peak RSS is this read's)."""
    report = ReadReport()
    start = time.perf_counter()
    near = sum(1 for a in read_articles(sources, report=report, max_bytes=max_bytes) if a.near_duplicate_of)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{label:6} {report.read:>7,} articles in {seconds:6.2f} s: {report.read / seconds:8,.0f} articles/s, "
        f"{nbytes / 1e6 / seconds:6.2f} MB/s, peak RSS {peak_mb:,.0f} MB; {near:,} near-duplicates, "
        f"{len(report.problems)} problems",
        flush=True,
    )


def bench_in_child(*args: object) -> None:
    child = multiprocessing.get_context("fork").Process(target=bench, args=args)
    child.start()
    child.join()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=2000, help="number of files and of JSON Lines records")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kg-bench-read-") as tmp:
        text_dir, jsonl = make_corpus(Path(tmp), args.n)
        text_bytes = sum(p.stat().st_size for p in text_dir.iterdir())
        print(f"N = {args.n:,}: {text_bytes / 1e6:.1f} MB of text files, {jsonl.stat().st_size / 1e6:.1f} MB JSONL")
        bench_in_child("text", [text_dir], text_bytes, DEFAULT_MAX_BYTES)
        bench_in_child("jsonl", [jsonl], jsonl.stat().st_size, max(DEFAULT_MAX_BYTES, jsonl.stat().st_size))
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
