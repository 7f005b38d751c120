"""Benchmark: where the time of `figcheck check --format json` goes, stage by stage (CPU time, one core).

    python bench/bench_stages.py [--articles 2000] [--batch 1024] [--modules]
    python bench/bench_stages.py --jsonl ../shared/realdev/set-b.jsonl --replicate 20   # real articles

Runs the stages of a local check one after the other on generated articles of the genre, in this
process, and prints each stage's CPU time (``time.process_time``) and share: decoding the inputs,
reading (text → figures → relations), building the article tables, evaluating the rules over them,
turning failing rows into anomalies, and writing the JSON records. Reading is split too: normalisation,
layout (sentences), the number convention, the figures, and the relation detectors one by one (each
detector's own time; the detectors run inside the reading stage, so their rows are part of it).
``--jsonl FILE --replicate N`` reads that file's articles, repeated, instead of generated ones.
``--modules`` adds a cProfile breakdown of the reading stage by module (profiling slows everything, so
read those as shares only).
CPU time is used because the machine is shared: wall time includes other people's work.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import sys
import tempfile
import time
from collections import defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--batch", type=int, default=1024)
    ap.add_argument("--modules", action="store_true", help="profile the reading stage by module")
    ap.add_argument("--jsonl", default=None, help="check this JSON Lines file's articles instead of generated ones")
    ap.add_argument("--replicate", type=int, default=1, help="with --jsonl: repeat its lines this many times")
    args = ap.parse_args()

    from figcheck.languages import load_language
    from figcheck.reading import reader as reader_mod
    from figcheck.reading import relations as relations_mod
    from figcheck.reading.reader import reader_for
    from figcheck.reading.sources import iter_sources
    from figcheck.reports.json_report import encode_record
    from figcheck.rules.loader import load_ruleset
    from figcheck.synthesis.articles import generate_corpus
    from figcheck.validators import engine as engine_mod
    from figcheck.validators.engine import CheckEngine

    ruleset = load_ruleset([], language="vi")
    reader, lang = reader_for("vi"), load_language("vi")
    engine = CheckEngine(ruleset, "vi")
    times: dict[str, float] = defaultdict(float)

    def timed(name, fn):
        def wrapper(*a, **k):
            t = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                times[name] += time.process_time() - t
        return wrapper

    # the engine's own stages, timed where they are called
    engine_mod.build_tables = timed("tables (build_tables)", engine_mod.build_tables)
    engine._run_table = timed("rules (evaluate every rule per table)", engine._run_table)
    engine._anomalies = timed("anomalies (explanations, merging)", engine._anomalies)
    # the reading stage's parts, timed where the reader calls them ("  " marks a part of reading)
    reader_mod.normalize_text = timed("  normalisation", reader_mod.normalize_text)
    reader.layout.read = timed("  layout (lines, sentences)", reader.layout.read)
    reader.figures.convention = timed("  number convention", reader.figures.convention)
    reader.figures.read = timed("  figures (numbers, context)", reader.figures.read)
    relations_mod.SENTENCE_DETECTORS = tuple(
        timed(f"  relations: {d.__module__.rsplit('.', 1)[-1]}.{d.__name__}", d) for d in relations_mod.SENTENCE_DETECTORS)
    relations_mod.ARTICLE_DETECTORS = tuple(
        timed(f"  relations: {d.__module__.rsplit('.', 1)[-1]}.{d.__name__}", d) for d in relations_mod.ARTICLE_DETECTORS)

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "articles.jsonl")
        if args.jsonl:
            with open(args.jsonl, encoding="utf-8") as fh:
                lines = [line for line in fh if line.strip()]
            with open(path, "w", encoding="utf-8") as fh:
                fh.writelines(lines * args.replicate)
            args.articles = len(lines) * args.replicate
            what = f"{os.path.basename(args.jsonl)} × {args.replicate} = {args.articles} articles"
        else:
            corpus = generate_corpus(args.articles, seed=args.seed, violation_rate=0.2)
            with open(path, "w", encoding="utf-8") as fh:
                for i, g in enumerate(corpus):
                    fh.write(json.dumps({"id": f"a{i}", "text": g.text}, ensure_ascii=False) + "\n")
            what = f"{args.articles} generated articles"
        engine.check([reader.read_source(next(iter(iter_sources([path]))))])  # warm caches
        times.clear()
        total_start = time.process_time()
        t = time.process_time()
        sources = list(iter_sources([path]))
        times["decode inputs (sources)"] += time.process_time() - t
        profile = cProfile.Profile() if args.modules else None
        t = time.process_time()
        if profile:
            profile.enable()
        articles = [reader.read_source(s) for s in sources]
        if profile:
            profile.disable()
        times["reading (extract figures, relations)"] += time.process_time() - t
        results = []
        t = time.process_time()
        for k in range(0, len(articles), args.batch):
            results += engine.check(articles[k:k + args.batch])
        check_total = time.process_time() - t
        t = time.process_time()
        for r in results:
            encode_record(r.to_dict())
        times["report (JSON records)"] += time.process_time() - t
        total = time.process_time() - total_start
    inner = sum(v for k, v in times.items() if k.startswith(("tables", "rules", "anomalies")))
    times["checking, other (conventions, bookkeeping)"] = max(0.0, check_total - inner)
    parts = {k: v for k, v in times.items() if k.startswith("  ")}
    reading = times["reading (extract figures, relations)"]
    detectors = sum(v for k, v in parts.items() if k.startswith("  relations: "))
    parts["  reading, other (reader, detector registry, the timers)"] = max(0.0, reading - sum(parts.values()))
    print(f"{what}, batches of {args.batch}: {total:.2f} s CPU, "
          f"{args.articles / total:.0f} articles per CPU-second (stages run in turn, no worker pool)")
    for name, v in sorted(((k, v) for k, v in times.items() if not k.startswith("  ")), key=lambda kv: -kv[1]):
        print(f"  {name:52} {v * 1000 / args.articles:7.3f} ms/article  {100 * v / total:5.1f} %")
        if name.startswith("reading"):
            for part, pv in sorted(parts.items(), key=lambda kv: -kv[1]):
                print(f"  {part:52} {pv * 1000 / args.articles:7.3f} ms/article  {100 * pv / total:5.1f} %")
    print(f"  (the relation detectors together: {detectors * 1000 / args.articles:.3f} ms/article, "
          f"{100 * detectors / total:.1f} %)")
    if profile:
        by_module: dict[str, float] = defaultdict(float)
        for (filename, _, _), (_, _, tottime, _, _) in pstats.Stats(profile).stats.items():
            name = filename.split("/src/figcheck/")[-1] if "/src/figcheck/" in filename else "(python, libraries)"
            by_module[name] += tottime
        whole = sum(by_module.values()) or 1.0
        print("reading, by module (cProfile own time, as shares):")
        for name, v in sorted(by_module.items(), key=lambda kv: -kv[1])[:12]:
            print(f"  {name:45} {100 * v / whole:5.1f} %")


if __name__ == "__main__":
    main()
