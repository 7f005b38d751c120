"""Benchmark: extract + check + JSON report on generated articles of the genre (one core).

    python bench/bench_check.py [--articles 10000]
    python bench/bench_check.py --jsonl ../shared/realdev/set-b.jsonl --replicate 10   # real articles

Writes the articles to a JSON Lines file, then times the whole of `figcheck check FILE --format json --jobs 1`
in-process (reading, extraction, the checks in batches, and the JSON report to a file) and
reports articles per CPU-second (``time.process_time`` of this process: the run is on one core, and the
machine is shared, so wall time — also printed — includes other people's work), and peak memory. A
fifth of the articles carry one injected violation, and the run verifies that each of them was caught.
With ``--jsonl FILE`` the articles are that file's lines instead, repeated ``--replicate`` times (real
articles: nothing is injected, so nothing is verified).
Not a test: it measures.
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

from figcheck.synthesis.articles import generate_corpus  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--jsonl", default=None, help="check this JSON Lines file's articles instead of generated ones")
    ap.add_argument("--replicate", type=int, default=1, help="with --jsonl: repeat its lines this many times")
    args = ap.parse_args()
    if args.jsonl:
        return _real(args.jsonl, args.replicate)

    from click.testing import CliRunner

    from figcheck.cli import main as cli

    corpus = generate_corpus(args.articles, seed=args.seed, violation_rate=0.2)
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "articles.jsonl")
        out = os.path.join(tmp, "report.json")
        with open(src, "w", encoding="utf-8") as fh:
            for i, g in enumerate(corpus):
                fh.write(json.dumps({"id": f"a{i}", "text": g.text}, ensure_ascii=False) + "\n")
        size_mb = os.path.getsize(src) / 2**20
        CliRunner().invoke(cli, ["check", src, "--format", "json", "--jobs", "1", "--output", out])  # warm-up
        start, cpu_start = time.perf_counter(), time.process_time()
        result = CliRunner().invoke(cli, ["check", src, "--format", "json", "--jobs", "1", "--output", out])
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        report = json.load(open(out, encoding="utf-8"))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    caught = sum(1 for g, art in zip(corpus, report["articles"])
                 if g.rule is None or g.rule in {a["rule"] for a in art["anomalies"]})
    false_alarms = sum(1 for g, art in zip(corpus, report["articles"])
                       if g.rule is None and any(a["severity"] == "error" for a in art["anomalies"]))
    print(f"extract + check + JSON: {args.articles} articles ({size_mb:.1f} MB), exit code {result.exit_code}")
    print(f"  {args.articles / cpu:.0f} articles per CPU-second ({cpu:.2f} s CPU); "
          f"wall {args.articles / elapsed:.0f} articles/s, {elapsed:.1f} s; peak RSS {peak:.0f} MB")
    print(f"  injected violations caught: {caught - sum(g.rule is None for g in corpus)}/"
          f"{sum(g.rule is not None for g in corpus)}; errors on clean articles: {false_alarms}")
    print(f"  summary: {report['summary']['anomalies']}")


def _real(path: str, replicate: int) -> None:
    from click.testing import CliRunner

    from figcheck.cli import main as cli

    with open(path, encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "articles.jsonl")
        out = os.path.join(tmp, "report.json")
        with open(src, "w", encoding="utf-8") as fh:
            fh.writelines(lines * replicate)
        argv = ["check", src, "--format", "json", "--jobs", "1", "--output", out]
        CliRunner().invoke(cli, argv)  # warm-up
        start, cpu_start = time.perf_counter(), time.process_time()
        result = CliRunner().invoke(cli, argv)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    n = len(lines) * replicate
    print(f"extract + check + JSON: {os.path.basename(path)} × {replicate} = {n} articles, exit code {result.exit_code}")
    print(f"  {n / cpu:.0f} articles per CPU-second ({cpu:.2f} s CPU); wall {n / elapsed:.0f} articles/s, {elapsed:.1f} s")


if __name__ == "__main__":
    main()
