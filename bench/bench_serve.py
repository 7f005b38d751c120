"""Benchmark: how long `figcheck serve` takes to answer a one-article check once it has started.

    python bench/bench_serve.py [--runs 50] [--article examples/phuong-an-binh-2024.txt]

Two ways, each after one warm-up request (the first check imports the checking code and compiles the
reader; that is start-up, not the answer):

- a real server: starts ``figcheck serve --port P`` in a child process, waits until it answers, then
  POSTs the article to ``/check`` over HTTP on 127.0.0.1 (``urllib``), as a browser's form would, and
  times each whole request (connect, upload, check, HTML page, read to the end);
- Flask's test client in this process (``figcheck.web.app.create_app``): the app's own time, no socket.

Prints the median, 90th percentile and best wall time of each, and the size of the page. Wall time on a
shared machine includes other people's work: compare medians over several runs.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, os.path.join(ROOT, "src"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _summary(name: str, times: list[float], size: int) -> None:
    times = sorted(times)
    p90 = times[min(len(times) - 1, int(0.9 * len(times)))]
    print(f"{name:38} median {statistics.median(times) * 1000:6.1f} ms   p90 {p90 * 1000:6.1f} ms   "
          f"best {times[0] * 1000:6.1f} ms   ({len(times)} requests, page {size / 1024:.0f} KB)")


def real_server(draft: str, runs: int) -> None:
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": os.path.join(ROOT, "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.Popen([sys.executable, "-m", "figcheck", "serve", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        started = time.perf_counter()
        while True:
            try:
                urllib.request.urlopen(url + "/", timeout=2).read()
                break
            except OSError:
                if proc.poll() is not None or time.perf_counter() - started > 60:
                    raise SystemExit("figcheck serve did not start")
                time.sleep(0.05)
        print(f"figcheck serve answered its first GET / {time.perf_counter() - started:.2f} s after it was started")
        body = urllib.parse.urlencode({"text": draft}).encode("utf-8")

        def post() -> int:
            req = urllib.request.Request(url + "/check", data=body,
                                         headers={"Content-Type": "application/x-www-form-urlencoded"})
            with urllib.request.urlopen(req, timeout=30) as answer:
                assert answer.status == 200, answer.status
                return len(answer.read())

        t = time.perf_counter()
        post()
        print(f"first check (imports the checking code, compiles the reader): {(time.perf_counter() - t) * 1000:.0f} ms")
        times, size = [], 0
        for _ in range(runs):
            t = time.perf_counter()
            size = post()
            times.append(time.perf_counter() - t)
        _summary("real server, POST /check over HTTP", times, size)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_client(draft: str, runs: int) -> None:
    from figcheck.rules.loader import load_ruleset
    from figcheck.web.app import create_app

    client = create_app(load_ruleset()).test_client()
    assert client.post("/check", data={"text": draft}).status_code == 200  # warm-up
    times, size = [], 0
    for _ in range(runs):
        t = time.perf_counter()
        answer = client.post("/check", data={"text": draft})
        size = len(answer.get_data())
        times.append(time.perf_counter() - t)
        assert answer.status_code == 200
    _summary("Flask test client, in process", times, size)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=50)
    ap.add_argument("--article", default=os.path.join(ROOT, "examples", "phuong-an-binh-2024.txt"))
    args = ap.parse_args()
    with open(args.article, encoding="utf-8") as fh:
        draft = fh.read()
    print(f"one article: {os.path.relpath(args.article, ROOT)} ({len(draft.encode('utf-8')) / 1024:.1f} KB)")
    real_server(draft, args.runs)
    test_client(draft, args.runs)


if __name__ == "__main__":
    main()
