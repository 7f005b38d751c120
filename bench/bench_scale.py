"""Benchmark: `figcheck check` on a large generated corpus, one process against all cores.

    python bench/bench_scale.py [--articles 100000] [--jobs 1,2]

Writes the corpus as JSON Lines, then runs `figcheck check CORPUS --format jsonl --jobs N --output …`
as a separate process for each N, and reports articles/s and peak memory (the parent's and the largest
worker's resident set), and checks that every run wrote the same report.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))

from figcheck.synthesis.articles import generate_article  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--jobs", default=f"1,{len(os.sched_getaffinity(0))}")
    args = ap.parse_args()
    import random

    rng = random.Random(3)
    kinds = ["subset", "share-granularity", "breakdown", "change", None, None, None, None, None, None]
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "corpus.jsonl")
        with open(src, "w", encoding="utf-8") as fh:
            for i in range(args.articles):
                g = generate_article(rng, rng.choice(kinds))
                fh.write(json.dumps({"id": f"a{i}", "text": g.text}, ensure_ascii=False) + "\n")
        print(f"{args.articles} articles, {os.path.getsize(src) / 2**20:.0f} MB of JSON Lines")
        digests = set()
        for jobs in [int(x) for x in args.jobs.split(",")]:
            out = os.path.join(tmp, f"report{jobs}.jsonl")
            start = time.perf_counter()
            proc = subprocess.run([sys.executable, "-m", "figcheck", "check", src, "--format", "jsonl", "--jobs", str(jobs),
                                   "--output", out, "--fail-on", "never"], capture_output=True, text=True)
            elapsed = time.perf_counter() - start
            usage = resource.getrusage(resource.RUSAGE_CHILDREN)
            with open(out, "rb") as fh:
                digests.add(hashlib.sha256(fh.read()).hexdigest())
            print(f"  --jobs {jobs}: {args.articles / elapsed:6.0f} articles/s, {elapsed:6.1f} s, exit {proc.returncode}, "
                  f"largest process peak RSS {usage.ru_maxrss / 1024:.0f} MB")
        print(f"  identical reports for every --jobs: {'yes' if len(digests) == 1 else 'NO'}")


if __name__ == "__main__":
    main()
