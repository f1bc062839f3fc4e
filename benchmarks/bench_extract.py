"""Extraction speed: articles per second for ~600-word articles built by recombining seed-like sentences.

Usage: python benchmarks/bench_extract.py [--articles 300] [--seed 1] [--stages] [--corpus]
Prints one line: articles, average words and events, wall-clock rate and rate per CPU-second (one core);
``--stages`` adds CPU milliseconds per article for each stage (best of three passes); ``--corpus`` adds the
rate on the real articles of ``data/articles`` (10 passes, median of 3), also expressed per 600 words.
Target: >= 200 articles/s per core.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from kg.articles.model import Article
from kg.articles.reader import read_articles
from kg.articles.sentences import split_sentences
from kg.extract import RuleExtractor
from kg.extract.document import Doc
from kg.extract.mentions import find_mentions
from kg.extract.quotes import find_statements
from kg.reference import default_reference_paths, load_reference_files

ROOT = Path(__file__).resolve().parents[1]
ACTORS = ["Fatah", "Hamas", "Islamic Jihad", "the PFLP", "the Palestinian Authority", "the PLO"]
MEDIATORS = ["Egypt", "Qatar", "Russia", "Algeria", "China", "Egyptian intelligence"]
PLACES = ["Cairo", "Doha", "Moscow", "Algiers", "Beijing", "the Qatari capital", "Gaza", "Ramallah"]
TIMES = ["on Thursday", "last month", "in the autumn of 2017", "in October 2022", "in 2011", "since February",
         "on 12 October 2017", "earlier this year", "next week", "in spring 2014"]
PEOPLE = ["Russian Foreign Ministry Spokeswoman Maria Zakharova", "analyst John Smith",
          "Hamas politburo chief Ismail Haniyeh", "Prime Minister Rami Hamdallah", "President Mahmoud Abbas"]
TEMPLATES = [
    "{a} and {b} signed a reconciliation agreement in {p} {t}.",
    "{m} hopes that {a} and {b} will meet in {p} {t}.",
    "Representatives of {a} held talks with {b} in {p} {t}, {who} said.",
    '"We are convinced that the talks will help end the division," {who} said {t}.',
    "The meeting between {a} and {b} in {p} was postponed.",
    "{a} did not sign the agreement drafted by {m}.",
    "The {a}-controlled Gaza Strip and the West Bank remain divided after the 2007 coup.",
    "{m} proposed a new round of talks between {a} and {b} {t}.",
    "The elections, won by {a} in 2006, were the last ones; {b} failed to hold new polls.",
    "The parties agreed that the government would take over the Rafah crossing {t}.",
    "However, the reconciliation process stalled again because of disagreements.",
    "{m} has been in close contact with {a} {t} on the basis of Security Council resolutions.",
    "Following the spring 2014 agreement, the unity government of Prime Minister Rami Hamdallah was sworn in.",
    "{who} noted that {m} mediators met {a} in {p} {t}.",
]


def make_article(rng: random.Random, i: int, words: int = 600) -> Article:
    """One synthetic article of about ``words`` words."""
    parts: list[str] = []
    count = 0
    while count < words:
        a, b = rng.sample(ACTORS, 2)
        s = rng.choice(TEMPLATES).format(a=a, b=b, m=rng.choice(MEDIATORS), p=rng.choice(PLACES),
                                         t=rng.choice(TIMES), who=rng.choice(PEOPLE))
        s = s[0].upper() + s[1:]
        parts.append(s)
        count += len(s.split())
    paragraphs = [" ".join(parts[k:k + 3]) for k in range(0, len(parts), 3)]
    body = "\n\n".join(paragraphs)
    # sentences come from the reader, as in the real pipeline (reading is not timed here)
    return Article(id=f"bench-{i}", title=None, body=body, sentences=split_sentences(body),
                   published="2020-03-12", date_precision="day")


def stage_times(extractor: RuleExtractor, articles: list[Article], passes: int = 3) -> dict[str, float]:
    """CPU milliseconds per article of ``Doc.of``, mentions, statements and the rest of ``extract`` (events,
    roles, resolution, merging), best of ``passes``."""
    best = {"doc": 1e9, "mentions": 1e9, "statements": 1e9, "total": 1e9}
    for _ in range(passes):
        t0 = time.process_time()
        docs = [Doc.of(a) for a in articles]
        t1 = time.process_time()
        for d in docs:
            find_mentions(d, extractor.gazetteer)
        t2 = time.process_time()
        for d in docs:
            find_statements(d, extractor.index)
        t3 = time.process_time()
        for a in articles:
            extractor.extract(a)
        t4 = time.process_time()
        for key, took in zip(best, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            best[key] = min(best[key], 1000 * took / len(articles))
    best["events"] = best["total"] - best["doc"] - best["mentions"] - best["statements"]
    return best


def corpus_rate(extractor: RuleExtractor, articles: list[Article], passes: int = 10) -> float:
    """Articles per CPU-second over ``passes`` passes of ``articles``, median of three runs."""
    rates = []
    for _ in range(3):
        cpu = time.process_time()
        for _ in range(passes):
            for a in articles:
                extractor.extract(a)
        rates.append(passes * len(articles) / (time.process_time() - cpu))
    return sorted(rates)[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--stages", action="store_true", help="also print per-stage CPU ms per article")
    parser.add_argument("--corpus", action="store_true", help="also time the real articles of data/articles")
    args = parser.parse_args()
    index = load_reference_files(default_reference_paths(ROOT))
    extractor = RuleExtractor(index)
    rng = random.Random(args.seed)
    articles = [make_article(rng, i) for i in range(args.articles)]
    extractor.extract(articles[0])  # warm-up
    start, cpu = time.perf_counter(), time.process_time()
    n_events = sum(len(extractor.extract(a).events) for a in articles)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    words = sum(len(a.body.split()) for a in articles) / len(articles)
    print(f"rules extractor: {len(articles)} articles ({words:.0f} words avg, {n_events / len(articles):.1f} events"
          f" each) in {elapsed:.2f} s = {len(articles) / elapsed:.1f} articles/s wall,"
          f" {len(articles) / cpu:.1f} articles per CPU-second")
    if args.stages:
        print("ms per article: " + ", ".join(f"{k} {v:.2f}" for k, v in stage_times(extractor, articles).items()))
    if args.corpus:
        real = list(read_articles([ROOT / "data" / "articles"]))
        words = sum(len(a.body.split()) for a in real) / len(real)
        rate = corpus_rate(extractor, real)
        print(f"corpus: {len(real)} articles ({words:.0f} words avg) = {rate:.0f} articles per CPU-second"
              f" = {rate * words / 600:.1f} per CPU-second in 600-word units")


if __name__ == "__main__":
    main()
