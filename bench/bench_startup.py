"""Benchmark: how long one short command takes, start to finish (the pre-commit hook / editor save case).

    python bench/bench_startup.py [--runs 7] [--article examples/phuong-an-binh-2024.txt]

Runs, each in a fresh process, `python -c pass` (the interpreter's own start, a floor), `figcheck --help`
and `figcheck check ONE_ARTICLE --format json` with the default ``--jobs`` and with ``--jobs 1``, and prints the median and best wall time and the median CPU time (user + system of the child,
from ``resource.getrusage(RUSAGE_CHILDREN)``). The machine is shared: wall time is noisy (other work
delays a start), CPU time much less so — compare CPU times, and wall times only over several runs.
Also lists the heavy modules (pandas, pandera, numpy, pyspark) the one-article check imports.

``--bytecode-cache`` runs every command with Python's bytecode cache on, in a temporary folder
(``PYTHONPYCACHEPREFIX``; ``PYTHONDONTWRITEBYTECODE`` removed), warmed by the first run: as an installed
figcheck runs, whose ``.pyc`` files ``pip install`` wrote. Without it the commands run in this process's
environment — where ``PYTHONDONTWRITEBYTECODE=1`` is set (as on this development machine), every
command compiles figcheck's modules from source first.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
HEAVY = ("pandas", "pandera", "numpy", "pyspark", "polars", "pyarrow", "great_expectations")


def run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--article", default=os.path.join(ROOT, "examples", "phuong-an-binh-2024.txt"))
    ap.add_argument("--bytecode-cache", action="store_true",
                    help="run with Python's bytecode cache (in a temporary folder), as an installed figcheck runs")
    args = ap.parse_args()
    env = {**os.environ, "PYTHONPATH": os.path.join(ROOT, "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    cache = None
    if args.bytecode_cache:
        import tempfile

        cache = tempfile.TemporaryDirectory(prefix="figcheck-pyc-")
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = cache.name
    print("bytecode cache: " + ("on (a warmed temporary folder)" if cache else
                                "off (PYTHONDONTWRITEBYTECODE is set: modules compiled from source each run)"
                                if env.get("PYTHONDONTWRITEBYTECODE") else "as this environment has it"))
    check = [sys.executable, "-m", "figcheck", "check", args.article]
    cmds = {
        "python -c pass (floor)": [sys.executable, "-c", "pass"],
        "figcheck --help": [sys.executable, "-m", "figcheck", "--help"],
        "figcheck check ONE --format json": [*check, "--format", "json"],
        "figcheck check ONE --format json --jobs 1": [*check, "--format", "json", "--jobs", "1"],
        "figcheck check ONE --jobs 1 (console)": [*check, "--jobs", "1"],
    }
    print(f"{'command':42} {'wall median':>12} {'wall best':>10} {'CPU median':>11}   ({args.runs} runs)")
    for name, argv in cmds.items():
        run(argv, env)  # warm the file cache
        walls, cpus = zip(*(run(argv, env) for _ in range(args.runs)))
        print(f"{name:42} {statistics.median(walls) * 1000:10.0f}ms {min(walls) * 1000:8.0f}ms "
              f"{statistics.median(cpus) * 1000:9.0f}ms")
    probe = ("import sys, runpy; sys.argv = ['figcheck', 'check', %r, '--format', 'json', '--jobs', '1'];\n"
             "try:\n    runpy.run_module('figcheck', run_name='__main__')\nexcept SystemExit:\n    pass\n"
             "print(' '.join(m for m in %r if m in sys.modules), file=sys.stderr)") % (args.article, HEAVY)
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)
    lines = out.stderr.strip().splitlines()
    print(f"heavy modules the one-article check (--jobs 1) imports: {lines[-1] if lines else 'none'}")


if __name__ == "__main__":
    main()
