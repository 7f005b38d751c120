"""Benchmark: check-table on 1 000 000 rows × 12 rules, pandas, polars and Great Expectations side by side.

    python bench/bench_tables.py [--rows 1000000] [--engines pandas,polars,gx] [--group-rules]

``--group-rules`` adds a text column (500 regions) and an order column, and three rules across rows: a
group aggregate, a previous() along the order within each region and a text condition (all of them hold,
so the anomalies stay those of the row rules; GX lists them as not evaluated).

The table (14 metric columns, 0,1 % of rows breaking one rule) is generated with numpy, written to
Parquet, and each engine checks it in its own process so that its peak memory is its own. Reported:
seconds for TableChecker.check (reading the Parquet file excluded), peak RSS of the process and how far
it rose above the RSS with the table read and the libraries imported, the data's size in memory, and the
anomalies found — which must be the same for every engine.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))

PACK = """\
name: bench
version: "1"
language: vi
extends: [antq]
rules:
  - id: bench.tips.not-negative
    severity: error
    assert: tips.total >= 0
  - id: bench.models.range
    severity: error
    assert: 0 <= models.total <= 100000
  - id: bench.models.parts
    severity: warning
    assert: models.new + models.reviewed + models.removed <= 3 * models.total
  - id: bench.households.size
    severity: warning
    assert: households.persons <= 20 * households.count
"""
GROUP_RULES = """\
metrics:
  region: {type: text}
  seq: {}
  """ + """
rules_extra:
  - id: bench.region.members-within-the-largest
    severity: error
    group_by: [region]
    assert: groups.members <= max(groups.members)
  - id: bench.region.tips-steady
    severity: error
    order_by: [seq]
    partition_by: [region]
    assert: tips.total <= previous(tips.total) + 10000
  - id: bench.region.listed
    severity: error
    where: "region in ['r1', 'r2', 'r3']"
    assert: households.count >= 1
"""


def with_group_rules(pack: str) -> str:
    metrics, rules = GROUP_RULES.split("rules_extra:\n")
    return pack.replace("rules:\n", metrics.strip() + "\nrules:\n" + rules, 1)


def generate(rows: int, path: str, seed: int = 1, group_rules: bool = False) -> int:
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    total = rng.integers(100, 10000, rows)
    groups = rng.integers(1, 500, rows)
    households = rng.integers(10, 20000, rows)
    cases = rng.integers(0, 3000, rows)
    collected = rng.integers(100, 50000, rows)
    models = rng.integers(10, 5000, rows)
    frame = pd.DataFrame({
        "tips.total": total, "tips.valuable": (total * rng.random(rows)).astype(np.int64),
        "groups.count": groups, "groups.members": groups * rng.integers(1, 12, rows),
        "households.count": households, "households.persons": households * rng.integers(1, 6, rows),
        "cases.total": cases, "suspects.total": cases + rng.integers(0, 100, rows),
        "ecard.collected": collected, "ecard.activated": (collected * rng.random(rows)).astype(np.int64),
        "models.total": models, "models.new": (models * rng.random(rows) * 0.5).astype(np.int64),
        "models.reviewed": (models * rng.random(rows) * 0.3).astype(np.int64),
        "models.removed": (models * rng.random(rows) * 0.1).astype(np.int64),
    })
    if group_rules:
        frame["region"] = np.char.add("r", rng.integers(0, 500, rows).astype(str))
        frame["seq"] = rng.permutation(rows)
    bad = rng.choice(rows, rows // 1000, replace=False)
    frame.loc[bad, "tips.valuable"] = frame.loc[bad, "tips.total"] + 1  # 0,1 % break valuable ≤ total
    frame.to_parquet(path, index=False)
    return int(frame.memory_usage(deep=True).sum())


def run_engine(engine: str, path: str, pack: str) -> dict:
    from figcheck.rules.loader import load_ruleset
    from figcheck.datasets.table_check import TableChecker
    from figcheck.datasets.table_input import read_table

    table = read_table(path)
    ruleset = load_ruleset([pack])
    checker = TableChecker(ruleset, engine=engine)
    if engine == "gx":
        import great_expectations  # noqa: F401  (its import is not the check's memory)
    elif engine == "polars":
        import pandera.polars  # noqa: F401
    import pandera.pandas  # noqa: F401
    with open("/proc/self/statm") as fh:
        before_mb = int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    start = time.perf_counter()
    result = checker.check(table)
    elapsed = time.perf_counter() - start
    return {"engine": engine, "seconds": round(elapsed, 2),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "before_mb": round(before_mb),
            "rules": len(checker.rules), "anomalies": len(result.anomalies),
            "not_evaluated": len(result.not_evaluated),
            "found": sorted((a.row, a.rule) for a in result.anomalies)[:20]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--engines", default="pandas,polars,gx")
    ap.add_argument("--group-rules", action="store_true", help="add a text column and three rules across rows")
    ap.add_argument("--child", nargs=3, metavar=("ENGINE", "PATH", "PACK"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(run_engine(*args.child)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        path, pack = os.path.join(tmp, "table.parquet"), os.path.join(tmp, "bench.yaml")
        with open(pack, "w", encoding="utf-8") as fh:
            fh.write(with_group_rules(PACK) if args.group_rules else PACK)
        size = generate(args.rows, path, group_rules=args.group_rules)
        print(f"{args.rows} rows, {16 if args.group_rules else 14} columns, {size / 2**20:.0f} MB in memory (pandas)"
              + (", with 3 rules across rows" if args.group_rules else ""))
        results = []
        for engine in args.engines.split(","):
            out = subprocess.run([sys.executable, __file__, "--child", engine, path, pack], capture_output=True, text=True)
            if out.returncode != 0:
                print(f"  {engine}: failed: {out.stderr.strip().splitlines()[-1] if out.stderr else out.returncode}")
                continue
            r = json.loads(out.stdout.strip().splitlines()[-1])
            results.append(r)
            grew = r["peak_rss_mb"] - r["before_mb"]
            print(f"  {engine:7} {r['seconds']:7.2f} s   peak RSS {r['peak_rss_mb']:5d} MB, {grew} MB above the loaded "
                  f"table and libraries ({grew * 2**20 / size:.1f}× the data)   {r['rules']} rules, "
                  f"{r['anomalies']} anomalies, {r['not_evaluated']} not evaluated")
        same = len({json.dumps(r["found"]) + str(r["anomalies"]) for r in results}) == 1
        print(f"  same anomalies on every engine: {'yes' if same else 'NO'}")
        rules = {r["engine"]: r["rules"] - r["not_evaluated"] for r in results}
        print(f"  rules evaluated per engine: {rules}")


if __name__ == "__main__":
    main()
