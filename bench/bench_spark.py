"""Benchmark: the local engine against Apache Spark, on articles and on a large table.

    python bench/bench_spark.py articles [--articles 100000] [--master local[*]]
    python bench/bench_spark.py tables [--rows 10000000] [--master local[*]] [--pandas]

articles: a generated corpus (JSON Lines, a tenth of the articles breaking one rule) checked three ways
in one run — `figcheck check --jobs 1`, `--jobs` all cores, and `--engine spark` writing a JSON Lines
directory — each as its own command. Reported per run: articles/s over the whole command (Spark's
start-up included), and the peak resident memory of the command's whole process tree (Spark: the JVM
and its Python workers together), sampled every 0.2 s. The three reports must hold the same records.

tables: a generated Parquet table (14 metric columns, 0,1 % of rows breaking a rule; bench_tables.py's
generator) checked by `figcheck check-table --engine spark` (and, with --pandas, by the pandas engine for
comparison), the same way: rows/s, peak memory of the process tree, anomalies found.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
sys.path.insert(0, os.path.dirname(__file__))


def _tree_rss_mb(root: int) -> float:
    """Resident memory of ``root`` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            with open(stat) as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            pid = int(stat.split("/")[2])
            children.setdefault(int(fields[1]), []).append(pid)
            rss[pid] = int(fields[21])
        except (OSError, IndexError, ValueError):
            continue
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack += children.get(pid, [])
    return total * os.sysconf("SC_PAGE_SIZE") / 2**20


def run_measured(cmd: list[str]) -> dict:
    """Run a command; its wall time, exit code, stderr tail and the peak RSS of its process tree."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0.0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss_mb(proc.pid))
            done.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    done.set()
    sampler.join()
    return {"seconds": time.perf_counter() - start, "code": proc.returncode, "peak_mb": peak[0],
            "stdout": out, "stderr": err.strip().splitlines()[-3:]}


def _figcheck() -> list[str]:
    return [sys.executable, "-m", "figcheck"]


def bench_articles(n: int, master: str) -> None:
    import random

    from figcheck.synthesis.articles import generate_article

    rng = random.Random(3)
    kinds = ["subset", "share-granularity", "breakdown", "change", None, None, None, None, None, None]
    cores = len(os.sched_getaffinity(0))
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "corpus.jsonl")
        with open(src, "w", encoding="utf-8") as fh:
            for i in range(n):
                g = generate_article(rng, rng.choice(kinds))
                fh.write(json.dumps({"id": f"a{i}", "text": g.text}, ensure_ascii=False) + "\n")
        print(f"{n} articles, {os.path.getsize(src) / 2**20:.0f} MB of JSON Lines, {cores} cores")
        records = {}
        runs = [("one process (--jobs 1)", ["--jobs", "1"], "file"),
                (f"all cores (--jobs {cores})", ["--jobs", str(cores)], "file"),
                (f"Spark {master}", ["--engine", "spark", "--spark-master", master], "dir")]
        for label, extra, kind in runs:
            out = os.path.join(tmp, f"out-{len(records)}" + (".jsonl" if kind == "file" else ""))
            r = run_measured([*_figcheck(), "check", src, "--format", "jsonl", "--output", out, "--fail-on", "never",
                              *extra])
            if kind == "file":
                with open(out, encoding="utf-8") as fh:
                    lines = fh.read().splitlines()[:-1]  # the last line is the summary
            else:
                lines = []
                for part in sorted(glob.glob(os.path.join(out, "part-*"))):
                    with open(part, encoding="utf-8") as fh:
                        lines += fh.read().splitlines()
            records[label] = lines
            print(f"  {label:28} {n / r['seconds']:7.0f} articles/s  {r['seconds']:7.1f} s  peak RSS (all processes) "
                  f"{r['peak_mb']:6.0f} MB  exit {r['code']}" + ("" if r["code"] == 0 else f"  {r['stderr']}"))
        same = len({hash(tuple(v)) for v in records.values()}) == 1
        print(f"  same {len(next(iter(records.values())))} records from every run: {'yes' if same else 'NO'}")


def bench_tables(rows: int, master: str, with_pandas: bool) -> None:
    import bench_tables as bt

    with tempfile.TemporaryDirectory() as tmp:
        path, pack = os.path.join(tmp, "table.parquet"), os.path.join(tmp, "bench.yaml")
        with open(pack, "w", encoding="utf-8") as fh:
            fh.write(bt.PACK)
        size = bt.generate(rows, path)
        print(f"{rows} rows, 14 metric columns, {os.path.getsize(path) / 2**20:.0f} MB of Parquet, "
              f"{size / 2**20:.0f} MB in memory as pandas")
        found = {}
        engines = [("spark", ["--engine", "spark", "--spark-master", master])]
        if with_pandas:
            engines.insert(0, ("pandas", ["--engine", "pandas"]))
        for name, extra in engines:
            report = os.path.join(tmp, f"{name}.json")
            r = run_measured([*_figcheck(), "check-table", path, "--rules", pack, "--format", "json", "--output", report,
                              "--fail-on", "never", *extra])
            with open(report, encoding="utf-8") as fh:
                tables = json.load(fh)["tables"]
            anomalies = [(a["row"], a["rule"]) for t in tables for a in t["anomalies"]]
            found[name] = anomalies
            print(f"  {name:7} {rows / r['seconds']:9.0f} rows/s  {r['seconds']:7.1f} s  peak RSS (all processes) "
                  f"{r['peak_mb']:6.0f} MB  {len(anomalies)} anomalies  exit {r['code']}")
        if len(found) > 1:
            print(f"  same anomalies on every engine: {'yes' if len({json.dumps(v) for v in found.values()}) == 1 else 'NO'}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="what", required=True)
    a = sub.add_parser("articles")
    a.add_argument("--articles", type=int, default=100_000)
    a.add_argument("--master", default="local[*]")
    t = sub.add_parser("tables")
    t.add_argument("--rows", type=int, default=10_000_000)
    t.add_argument("--master", default="local[*]")
    t.add_argument("--pandas", action="store_true", help="also check the table with the pandas engine")
    args = ap.parse_args()
    if args.what == "articles":
        bench_articles(args.articles, args.master)
    else:
        bench_tables(args.rows, args.master, args.pandas)


if __name__ == "__main__":
    main()
