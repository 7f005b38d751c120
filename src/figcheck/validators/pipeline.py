"""Checking articles end to end: read, extract, check — in batches, so any number of inputs streams.

This is the Python API behind ``figcheck check``::

    import figcheck
    for result in figcheck.check(["draft.txt"]):
        for anomaly in result.anomalies:
            print(anomaly.severity, anomaly.message, anomaly.explanation)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from figcheck.models import Article, ArticleResult
from figcheck.rules.model import RuleSet

BATCH = 1024  # articles checked together: one validation per table per batch


def check_stream(articles: Iterable[Article], ruleset: RuleSet, language: str = "vi",
                 batch: int = BATCH) -> Iterator[ArticleResult]:
    from figcheck.validators.engine import CheckEngine

    engine = CheckEngine(ruleset, language)
    pending: list[Article] = []
    for article in articles:
        pending.append(article)
        if len(pending) >= batch:
            yield from _check_batch(engine, pending)
            pending = []
    if pending:
        yield from _check_batch(engine, pending)


def _check_batch(engine, articles: list[Article]) -> list[ArticleResult]:
    """Check a batch; if the engine fails, check its articles one by one so one bad article loses nothing else."""
    try:
        return engine.check(articles)
    except Exception:  # noqa: BLE001
        if len(articles) == 1:
            raise
    out = []
    for article in articles:
        try:
            out += engine.check([article])
        except Exception as exc:  # noqa: BLE001 - reported on the article, the run goes on
            _debug_traceback()
            out.append(ArticleResult(article=article, internal_error=f"{type(exc).__name__}: {exc}"))
    return out


def _debug_traceback() -> None:
    import os
    import traceback

    if os.environ.get("FIGCHECK_DEBUG") == "1":
        traceback.print_exc()


def default_jobs() -> int:
    """All the cores this process may use."""
    import os

    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


WORKER_TASKS = 100  # batches a worker checks before it is replaced: memory a long run leaks is given back


def check_sources(sources: Iterable, ruleset: RuleSet, language: str = "vi", jobs: int = 1,
                  batch: int = 256, encode: bool = False, select=None) -> Iterator[ArticleResult]:
    """Read and check decoded sources with ``jobs`` processes; results come in input order.

    Sources are read in this process and sent to the workers in batches; at most a few batches per
    worker are in flight, so a corpus of any size streams in bounded memory. Every article is checked
    on its own evidence, so the results do not depend on ``jobs`` or on how the batches fall.

    ``select`` (a :class:`figcheck.validators.selection.Selection`) is applied to each result where it is
    checked, before its JSON record is written.
    """
    if jobs <= 1:
        from figcheck.reading.reader import reader_for

        reader = reader_for(language)
        results = check_stream((_read_safely(reader, src) for src in sources), ruleset, language)
        yield from (results if select is None else map(select.apply, results))
        return
    import multiprocessing as mp
    from collections import deque

    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(ruleset, language, encode, select),
                  maxtasksperchild=WORKER_TASKS) as pool:
        pending: deque = deque()
        chunk: list = []
        for src in sources:
            chunk.append(src)
            if len(chunk) >= batch:
                pending.append(pool.apply_async(_work, (chunk,)))
                chunk = []
                while len(pending) >= 2 * jobs:  # bounded: wait for the oldest batch before reading on
                    yield from pending.popleft().get()
        if chunk:
            pending.append(pool.apply_async(_work, (chunk,)))
        while pending:
            yield from pending.popleft().get()


def _read_safely(reader, src) -> Article:
    from figcheck.models import InputError

    try:
        return reader.read_source(src)
    except Exception as exc:  # noqa: BLE001 - a bug on one input must not lose the others
        _debug_traceback()
        return Article(source=src.source, id=src.id, text="", line=src.line,
                       error=InputError(f"internal error while reading: {type(exc).__name__}: {exc}", internal=True))


_WORKER: dict = {}


def _init_worker(ruleset: RuleSet, language: str, encode: bool = False, select=None) -> None:
    import signal

    from figcheck.validators.engine import CheckEngine
    from figcheck.reading.reader import reader_for

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and ends the pool
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _WORKER["engine"] = CheckEngine(ruleset, language)
    _WORKER["reader"] = reader_for(language)
    _WORKER["encode"] = encode
    _WORKER["select"] = select


def _work(sources: list) -> list[ArticleResult]:
    articles = [_read_safely(_WORKER["reader"], src) for src in sources]
    results = _check_batch(_WORKER["engine"], articles)
    if _WORKER.get("select") is not None:
        results = [_WORKER["select"].apply(r) for r in results]
    if _WORKER.get("encode"):
        # the JSON record is written here, in parallel; only what the summary needs travels back
        import dataclasses

        from figcheck.reports.json_report import encode_record

        for r in results:
            r.encoded = encode_record(r.to_dict())
            r.figure_count = len(r.article.figures)
            r.article = dataclasses.replace(r.article, text="", figures=[], relations=[], sentences=[], set_aside=[])
    return results


class Summary:
    """Counts for the closing summary and the JSON ``summary`` object."""

    def __init__(self) -> None:
        self.articles = 0
        self.figures = 0
        self.checked = 0
        self.input_errors = 0
        self.internal_errors = 0
        self.not_evaluated = 0
        self.severities: Counter[str] = Counter()
        self.rules: Counter[str] = Counter()

    def add(self, result: ArticleResult) -> None:
        self.articles += 1
        if result.article.error is not None:
            if result.article.error.internal:
                self.internal_errors += 1
            else:
                self.input_errors += 1
        if result.internal_error is not None:
            self.internal_errors += 1
        self.figures += result.coverage["figures"]
        self.checked += len(result.checked_figures)
        self.not_evaluated += len(result.not_evaluated)
        for a in result.anomalies:
            self.severities[a.severity] += 1
            self.rules[a.rule] += 1

    def worst(self) -> str | None:
        return next((s for s in ("error", "warning", "info") if self.severities[s]), None)

    def to_dict(self) -> dict[str, Any]:
        return {"articles": self.articles, "figures": self.figures, "checked": self.checked,
                "anomalies": {s: self.severities[s] for s in ("error", "warning", "info")},
                "by_rule": dict(sorted(self.rules.items())), "input_errors": self.input_errors,
                "internal_errors": self.internal_errors,
                "not_evaluated": self.not_evaluated}
