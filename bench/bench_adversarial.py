"""Benchmark: reading pathological text grows linearly with its size.

    python bench/bench_adversarial.py [--sizes 5000,10000,20000,40000]

For each kind of hostile input (thousands of percentages in one sentence, a list of thousands of
counts after "gồm", "1.1.1.1…", thousands of digits, deeply nested brackets, invisible characters
inside numbers, long runs of spaces…) it times `figcheck.extract` at growing sizes and prints the time
per size and the ratio between consecutive sizes: about 2 when the size doubles means linear.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))

import figcheck  # noqa: E402

CASES = {
    "percentages in one sentence": lambda n: "Có " + ", ".join(f"{i % 100},5% xã" for i in range(n)) + ".",
    "counts in one sentence": lambda n: "Có " + ", ".join(f"{i} vụ" for i in range(n)) + ".",
    "a list after gồm": lambda n: "Thu 99 đơn vị gồm: " + ", ".join(f"{i} khẩu súng" for i in range(n)) + ".",
    "parts after trong đó": lambda n: "Có 5000 tin; trong đó " + ", ".join(f"{i} tin" for i in range(n)) + ".",
    "1.1.1.1…": lambda n: "1." * n + "1",
    "one huge number": lambda n: "9" * n,
    "nested brackets": lambda n: "(" * n + "5 vụ" + ")" * n,
    "names after a count": lambda n: "Có 9 xã " + ", ".join("Tân Tiến" for _ in range(n)) + ".",
    "quoted items": lambda n: "Có 9 mô hình " + ", ".join("“A”" for _ in range(n)) + ".",
    "zero-width inside numbers": lambda n: " ".join("4.3\u200b40 tin" for _ in range(n)),
    "runs of spaces": lambda n: "Có 3 xã A" + " " * n + "và B.",
    "control characters": lambda n: "Có 14\x07 tổ với 27 thành viên. " * (n // 10),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="5000,10000,20000,40000")
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    figcheck.extract("Có 14 tổ.")
    print(f"{'input':30} " + " ".join(f"{n:>10}" for n in sizes) + "   ratios")
    for name, make in CASES.items():
        times = []
        for n in sizes:
            text = make(n)
            start = time.perf_counter()
            figcheck.extract(text)
            times.append(time.perf_counter() - start)
        ratios = " ".join(f"{b / a:4.1f}" for a, b in zip(times, times[1:]) if a > 0)
        print(f"{name:30} " + " ".join(f"{t * 1000:8.1f}ms" for t in times) + f"   {ratios}")


if __name__ == "__main__":
    main()
