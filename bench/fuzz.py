"""Fuzzing: run figcheck's fuzz targets for as long as asked (hypothesis-driven).

    python bench/fuzz.py --minutes 60            # an hour, all targets in turn
    python bench/fuzz.py --minutes 5 --target rules

Targets (figcheck/synthesis/fuzz.py): `bytes` (arbitrary bytes as an input file: decoding, normalising,
reading), `text` (Vietnamese-like and arbitrary Unicode text, read and checked with the default packs),
`rules` (random rule packs, well-formed and damaged). A finding is printed with the input that causes it
(hypothesis shrinks it) and the run stops with exit code 1; add it as a regression test.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from figcheck.synthesis.fuzz import (CELLS, arbitrary_text, jsonl_records, rule_packs,  # noqa: E402
                                    target_check_text, target_jsonl_record, target_read_bytes, target_rule_pack,
                                    target_table_cells, vietnamese_like_text)

TARGETS = {
    "bytes": (st.binary(max_size=4000), target_read_bytes),
    "text": (st.one_of(vietnamese_like_text(), arbitrary_text()), target_check_text),
    "rules": (rule_packs(), target_rule_pack),
    "jsonl": (jsonl_records(), target_jsonl_record),
    "cells": (st.lists(CELLS, max_size=40), target_table_cells),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=60)
    ap.add_argument("--target", choices=sorted(TARGETS), action="append")
    ap.add_argument("--examples", type=int, default=2000, help="examples per round")
    args = ap.parse_args()
    names = args.target or sorted(TARGETS)
    end = time.time() + args.minutes * 60
    rounds = 0
    while time.time() < end:
        for name in names:
            strategy, target = TARGETS[name]
            run = seed(random.getrandbits(64))(settings(max_examples=args.examples, deadline=None, database=None,
                                                         suppress_health_check=list(HealthCheck))(given(strategy)(target)))
            start = time.time()
            try:
                run()
            except Exception:  # noqa: BLE001 - hypothesis has printed the shrunk input
                print(f"finding in target {name!r}: see the falsifying example above", file=sys.stderr)
                sys.exit(1)
            rounds += 1
            print(f"round {rounds}: {name}: {args.examples} examples in {time.time() - start:.0f} s, no finding",
                  flush=True)
            if time.time() >= end:
                break
    print(f"done: {rounds} rounds, no finding")


if __name__ == "__main__":
    main()
