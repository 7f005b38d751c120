"""Benchmark: instructions per article (valgrind's callgrind), a measure the machine's load does not move.

    python bench/bench_instructions.py --jsonl ../shared/realdev/set-b.jsonl [--articles 40] [--read-only]
    python bench/bench_instructions.py --generated 100

CPU time on this shared machine moves by ±20 % from minute to minute, more than most single speed steps
gain; the number of instructions executed does not. This runs, under ``valgrind --tool=callgrind``, a
child that reads N articles (and, unless ``--read-only``, checks them in one batch with the default packs
and encodes their JSON records), once with N and once with none, and prints the difference divided by N:
the instructions an article costs, start-up excluded. Compare two trees by running each tree's copy of
this script (it puts its own ``src`` first). Each run takes about a minute (callgrind is ~50× slower).
Needs valgrind (``apt-get install valgrind``). Instructions are not time (cache misses are not counted),
so confirm a gain in CPU time with paired runs of ``bench_check.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")

CHILD = """
import sys
sys.path.insert(0, sys.argv[1])
from figcheck.reading.reader import reader_for
from figcheck.reading.sources import iter_sources
from figcheck.reports.json_report import encode_record
from figcheck.rules.loader import load_ruleset
from figcheck.validators.engine import CheckEngine
reader, engine = reader_for("vi"), CheckEngine(load_ruleset([], language="vi"), "vi")
sources = list(iter_sources([sys.argv[2]]))[:int(sys.argv[3])]
articles = [reader.read_source(s) for s in sources]
if sys.argv[4] == "check":
    for result in engine.check(articles):
        encode_record(result.to_dict())
"""


def _instructions(script: str, path: str, n: int, mode: str) -> int:
    run = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
                          script, SRC, path, str(n), mode], capture_output=True, text=True, check=True)
    m = re.search(r"Collected : (\d+)", run.stderr)
    if m is None:
        raise SystemExit(f"valgrind printed no instruction count:\n{run.stderr[-2000:]}")
    return int(m.group(1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jsonl", help="the articles: this JSON Lines file's first --articles lines")
    ap.add_argument("--generated", type=int, help="the articles: this many generated ones (seed 7)")
    ap.add_argument("--articles", type=int, default=40)
    ap.add_argument("--read-only", action="store_true", help="reading alone (no checks, no JSON)")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    mode = "read" if args.read_only else "check"
    with tempfile.TemporaryDirectory() as tmp:
        script = os.path.join(tmp, "child.py")
        with open(script, "w", encoding="utf-8") as fh:
            fh.write(CHILD)
        path, n = args.jsonl, args.articles
        if args.generated:
            sys.path.insert(0, SRC)
            from figcheck.synthesis.articles import generate_corpus

            path, n = os.path.join(tmp, "generated.jsonl"), args.generated
            with open(path, "w", encoding="utf-8") as fh:
                for i, g in enumerate(generate_corpus(n, seed=7, violation_rate=0.2)):
                    fh.write(json.dumps({"id": f"a{i}", "text": g.text}, ensure_ascii=False) + "\n")
        if not path:
            raise SystemExit("give --jsonl FILE or --generated N")
        with open(path, encoding="utf-8") as fh:
            n = min(n, sum(1 for line in fh if line.strip()))
        start_up = _instructions(script, path, 0, mode)
        total = _instructions(script, path, n, mode)
    what = "reading" if args.read_only else "reading + checking + JSON records"
    print(f"{what}, {n} articles of {os.path.basename(path)}: {(total - start_up) / n / 1e6:.2f} M instructions "
          f"an article (start-up {start_up / 1e9:.2f} G, excluded)")


if __name__ == "__main__":
    main()
