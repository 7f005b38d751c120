"""Benchmark: extraction speed and memory on generated articles of the genre (one core).

    python bench/bench_extract.py [--articles 2000] [--stream-articles 20000]

Reports articles/s and MB/s for ``figcheck.extract`` on in-memory articles, then streams a JSON Lines
file through ``figcheck.read`` and samples the process's resident memory as it goes, to show that
memory stays flat however long the file is. Not a test: it asserts nothing, it measures.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))

import figcheck  # noqa: E402
from figcheck.synthesis.articles import generate_corpus  # noqa: E402


def rss_mb() -> float:
    """Current resident set size, from /proc (Linux); falls back to the peak."""
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--stream-articles", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    corpus = [g.text for g in generate_corpus(args.articles, seed=args.seed, violation_rate=0.2)]
    size_mb = sum(len(t.encode()) for t in corpus) / 2**20
    figcheck.extract(corpus[0])  # warm the lexicon and regex caches
    start = time.perf_counter()
    figures = 0
    for text in corpus:
        figures += len(figcheck.extract(text).figures)
    elapsed = time.perf_counter() - start
    print(f"in memory: {args.articles} articles, {size_mb:.2f} MB, {figures} figures")
    print(f"  {args.articles / elapsed:.0f} articles/s, {size_mb / elapsed:.2f} MB/s, {elapsed:.2f} s")

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "corpus.jsonl")
        with open(path, "w", encoding="utf-8") as fh:
            for i, g in enumerate(generate_corpus(args.stream_articles, seed=args.seed + 1, violation_rate=0.2)):
                fh.write(json.dumps({"id": f"a{i}", "text": g.text}, ensure_ascii=False) + "\n")
        file_mb = os.path.getsize(path) / 2**20
        samples = []
        start = time.perf_counter()
        every = max(1, args.stream_articles // 10)
        for n, article in enumerate(figcheck.read([path]), 1):
            if n % every == 0:
                samples.append((n, rss_mb()))
        elapsed = time.perf_counter() - start
    print(f"streaming JSON Lines: {args.stream_articles} articles, {file_mb:.1f} MB file, "
          f"{args.stream_articles / elapsed:.0f} articles/s")
    print("  resident memory (MB) after n articles: " + ", ".join(f"{n}: {m:.0f}" for n, m in samples))
    print(f"  growth from first to last sample: {samples[-1][1] - samples[0][1]:+.1f} MB; "
          f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
