"""Benchmark: reading pathological text grows linearly with its size.

    python bench/bench_adversarial.py [--sizes 5000,10000,20000,40000] [--long-kb 1,2,4,…,1024]

For each kind of hostile input (thousands of percentages in one sentence, a list of thousands of
counts after "gồm", "1.1.1.1…", thousands of digits, deeply nested brackets, invisible characters
inside numbers, long runs of spaces…) it times `figcheck.extract` at growing sizes and prints the time
per size and the ratio between consecutive sizes: about 2 when the size doubles means linear.

The last rows, "long real-like article", are one article of report-style paragraphs (generated ones,
``figcheck.synthesis.articles``) from 1 KB to 1 MB, read *and checked* with the default packs
(``extract + check``) and checked alone (``check``: the article tables and the rules): this is where
a loop over every figure for every passage made long texts quadratic. Times are CPU seconds
(``time.process_time``): the machine is shared and wall time would include other people's work.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))

import figcheck  # noqa: E402
from figcheck.rules.loader import load_ruleset  # noqa: E402
from figcheck.synthesis.articles import generate_corpus  # noqa: E402
from figcheck.validators.engine import CheckEngine  # noqa: E402

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
    "places after a header": lambda n: "Ghi nhận 900 người. Chi tiết từng xã: " + " ".join(
        f"Xã A{i}: {i} người." for i in range(n // 5)),
    "headers again and again": lambda n: " ".join("Chi tiết từng xã: Xã A: 5 người." for _ in range(n // 8)),
    "Còn sentences": lambda n: "Có 500 vụ. Trong đó, 200 vụ trộm. " + "Còn xã B có 3 vụ. " * (n // 5),
    "Cụ thể sentences": lambda n: "Có 500 vụ. " + "Cụ thể, 3 vụ trộm; 2 vụ cướp. " * (n // 8),
    "shares in a list after gồm": lambda n: "Có 99 vụ cháy. Các vụ cháy gồm: " + "; ".join(
        f"do nguyên nhân khác chiếm {i % 100},5%" for i in range(n)) + ".",
    "form fields on one line": lambda n: "+ Phiếu phát ra: 99 " + " ".join(
        f"+ Phiếu loại {i}: 5 + Đạt tỷ lệ: 2%" for i in range(n)),
    "form fields a line each": lambda n: "+ Phiếu phát ra: 99\n" + "\n".join(
        f"+ Phiếu loại {i}: 5 + Đạt tỷ lệ: 2%" for i in range(n)),
    "measures a/b": lambda n: "Gieo " + ", ".join(f"{i},5 ha/{i + 1} ha, đạt 90% kế hoạch" for i in range(n)) + ".",
    "a ranking in order": lambda n: "Xếp theo thứ tự, tỷ lệ cao nhất là xã A với 99%; kế đến là " + "; ".join(
        f"xã B{i} với {(n - i) * 90 // n},5%" for i in range(n)) + "; thấp nhất là xã C với 0,1%.",
    "shares and the rest": lambda n: "Có 99 vụ cháy. Xét theo nơi xảy ra, " + "; ".join(
        f"nơi loại {i} chiếm 0,{i % 10}% số vụ" for i in range(n)) + "; còn lại ở nơi khác.",
    "plans of many parts": lambda n: "Đón 9000 lượt khách, đạt 50% kế hoạch. Trong đó, " + "; ".join(
        f"nhóm {i} có 3 lượt khách, đạt 2% kế hoạch" for i in range(n)) + ".",
    "done and the rest in one sentence": lambda n: "Có " + ", ".join(
        f"{500 + i} hộ, đã nhận tiền {i} hộ, còn lại 500 hộ" for i in range(n // 3)) + ".",
    "pairs in a bracket after changes": lambda n: "Giảm " + ", ".join(f"{i + 1} vụ" for i in range(n // 4)) + " (" + ", ".join(
        f"{i}/{i + 1} vụ" for i in range(n // 4)) + ").",
    "deltas after one change word": lambda n: "Bắt 5 vụ, 9 đối tượng, tăng 1 vụ (+2%) và " + " và ".join(
        f"{i} đối tượng (+3%)" for i in range(n // 3)) + ".",
    "restated pairs after a change": lambda n: "Bắt 19 vụ, tăng 5 vụ so với cùng kỳ (" + ", ".join(
        "19/14 vụ" for _ in range(n // 3)) + ").",
    "groups and a lead percentage": lambda n: "Lớp A và lớp B có 55% học sinh đạt giỏi. " + " ".join(
        "Cụ thể, lớp A có 40 học sinh, 20 học sinh đạt, chiếm 50%." for _ in range(n // 10)),
}


def long_article(size: int) -> str:
    """A title and report-style paragraphs, about ``size`` bytes of UTF-8."""
    parts, total, seed = ["Tổng kết phong trào toàn dân bảo vệ an ninh Tổ quốc\n"], 0, 0
    while total < size:
        for g in generate_corpus(50, seed=seed):
            body = g.text.split("\n", 1)[1]
            parts.append(body)
            total += len(body.encode("utf-8"))
            if total >= size:
                break
        seed += 1
    text = "".join(parts)
    return text.encode("utf-8")[:size].decode("utf-8", "ignore").rsplit(".", 1)[0] + ".\n"


def _ratios(times: list[float]) -> str:
    return " ".join(f"{b / a:4.1f}" for a, b in zip(times, times[1:]) if a > 0)


def long_rows(kbs: list[int]) -> None:
    engine = CheckEngine(load_ruleset([], language="vi"), "vi")
    engine.check([figcheck.extract(long_article(1024))])  # warm caches
    whole, check = [], []
    for kb in kbs:
        text = long_article(kb * 1024)
        start = time.process_time()
        article = figcheck.extract(text)
        middle = time.process_time()
        engine.check([article])
        end = time.process_time()
        whole.append(end - start)
        check.append(end - middle)
    print(f"\n{'long real-like article (KB)':30} " + " ".join(f"{kb:>8}" for kb in kbs) + "   ratios")
    print(f"{'  extract + check':30} " + " ".join(f"{t:7.3f}s" for t in whole) + f"   {_ratios(whole)}")
    print(f"{'  check alone':30} " + " ".join(f"{t:7.3f}s" for t in check) + f"   {_ratios(check)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="5000,10000,20000,40000")
    ap.add_argument("--long-kb", default=",".join(str(2**k) for k in range(11)),
                    help="sizes of the long real-like article, in KB (default 1 to 1024, doubling)")
    ap.add_argument("--only-long", action="store_true", help="skip the hostile inputs")
    ap.add_argument("--rows", default=None, metavar="NAME,…",
                    help="only these hostile-input rows (names as printed, comma-separated); the long rows follow")
    args = ap.parse_args()
    if args.only_long:
        long_rows([int(x) for x in args.long_kb.split(",")])
        return
    sizes = [int(x) for x in args.sizes.split(",")]
    figcheck.extract("Có 14 tổ.")
    print(f"{'input':30} " + " ".join(f"{n:>10}" for n in sizes) + "   ratios")
    wanted = set(args.rows.split(",")) if args.rows else set(CASES)
    unknown = wanted - set(CASES)
    if unknown:
        raise SystemExit(f"no row named {', '.join(sorted(unknown))} (rows: {', '.join(CASES)})")
    for name, make in CASES.items():
        if name not in wanted:
            continue
        times = []
        for n in sizes:
            text = make(n)
            start = time.perf_counter()
            figcheck.extract(text)
            times.append(time.perf_counter() - start)
        print(f"{name:30} " + " ".join(f"{t * 1000:8.1f}ms" for t in times) + f"   {_ratios(times)}")
    long_rows([int(x) for x in args.long_kb.split(",")])


if __name__ == "__main__":
    main()
