"""Checking articles end to end: read, extract, check — in batches, so any number of inputs streams.

This is the Python API behind ``figcheck check``::

    import figcheck
    for result in figcheck.check(["draft.txt"]):
        for anomaly in result.anomalies:
            print(anomaly.severity, anomaly.message, anomaly.explanation)
"""

from __future__ import annotations

import itertools
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


class WorkerDied(RuntimeError):
    """A worker process died (killed, out of memory) or could not start. The run stops there; the results
    already yielded are whole, so the caller can still write the report of what was checked."""


POOL_THRESHOLD = 32  # inputs checked in-process before a worker pool is worth its start-up


def check_sources(sources: Iterable, ruleset: RuleSet, language: str = "vi", jobs: int = 1,
                  batch: int = 256, encode: bool = False, select=None) -> Iterator[ArticleResult]:
    """Read and check decoded sources with ``jobs`` processes; results come in input order.

    Sources are read in this process and sent to the workers in batches; at most a few batches per
    worker are in flight, so a corpus of any size streams in bounded memory. Every article is checked
    on its own evidence, so the results do not depend on ``jobs`` or on how the batches fall.

    A worker that dies ends the run with :class:`WorkerDied` after the results checked before it.

    ``select`` (a :class:`figcheck.validators.selection.Selection`) is applied to each result where it is
    checked, before its JSON record is written.
    """
    sources = iter(sources)
    if jobs > 1:
        # a handful of inputs is checked in this process: starting workers (each importing the checker)
        # costs more than it saves; the pool starts once more than POOL_THRESHOLD inputs have been read
        first = list(itertools.islice(sources, POOL_THRESHOLD + 1))
        if len(first) <= POOL_THRESHOLD:
            jobs = 1
        sources = itertools.chain(first, sources)
    if jobs <= 1:
        from figcheck.reading.reader import reader_for

        reader = reader_for(language)
        results = check_stream((_read_safely(reader, src) for src in sources), ruleset, language)
        yield from (results if select is None else map(select.apply, results))
        return
    from collections import deque

    with WorkerPool(jobs, _init_worker, (ruleset, language, encode, select), WORKER_TASKS) as pool:
        pending: deque = deque()
        chunk: list = []
        for src in sources:
            chunk.append(src)
            if len(chunk) >= batch:
                pending.append(pool.submit(_work, chunk))
                chunk = []
                while len(pending) >= 2 * jobs:  # bounded: wait for the oldest batch before reading on
                    yield from pool.result(pending.popleft())
        if chunk:
            pending.append(pool.submit(_work, chunk))
        while pending:
            yield from pool.result(pending.popleft())


class WorkerPool:
    """``jobs`` worker processes (``concurrent.futures``), replaced after ``max_tasks`` tasks each.

    Unlike ``multiprocessing.Pool``, a worker that dies breaks the pool at once (``BrokenProcessPool``,
    raised here as :class:`WorkerDied`) instead of waiting forever for its task. Workers ignore Ctrl-C
    (the parent handles it), take SIGTERM's default, and exit when the parent process is gone. On
    ``fork`` (Linux) the pool is renewed after ``jobs × max_tasks`` tasks, as ``max_tasks_per_child``
    does elsewhere (it cannot be combined with ``fork``); the old workers finish their tasks and exit.

    Ctrl-C and SIGTERM that arrive while this process is inside the executor (submitting, waiting for
    a result, shutting down) are held until it is out (:class:`_SignalsAtSafePoints`): an exception
    raised in the middle of ``concurrent.futures``' locking can leave a lock held, and the exit then
    waits forever for the executor's thread.
    """

    def __init__(self, jobs: int, initializer, initargs: tuple, max_tasks: int | None = None) -> None:
        import multiprocessing as mp

        _reset_signals_at_fork()
        _ACTIVE_POOLS.append(self)

        self.jobs = jobs
        self.ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
        self.initializer, self.initargs = initializer, initargs
        self.max_tasks = max_tasks
        self.submitted = 0
        self.retired: list = []
        self.signals = _SignalsAtSafePoints()
        self.executor = self._new()

    def _new(self):
        import os
        from concurrent.futures import ProcessPoolExecutor

        renew_here = self.ctx.get_start_method() == "fork"
        return ProcessPoolExecutor(self.jobs, mp_context=self.ctx, initializer=_start_worker,
                                   initargs=(os.getpid(), self.initializer, self.initargs),
                                   max_tasks_per_child=None if renew_here else self.max_tasks)

    def submit(self, fn, *args):
        if self.max_tasks and self.ctx.get_start_method() == "fork" and self.submitted >= self.jobs * self.max_tasks:
            self.executor.shutdown(wait=False)  # its workers finish what they hold, then exit
            self.retired.append(self.executor)
            self.executor = self._new()
            self.submitted = 0
        self.submitted += 1
        try:
            with self.signals.held():
                return self.executor.submit(fn, *args)
        except RuntimeError as exc:  # BrokenProcessPool is a RuntimeError: the pool broke before this task
            raise WorkerDied(_died(exc)) from None

    def result(self, future):
        from concurrent.futures import TimeoutError as FutureTimeout
        from concurrent.futures.process import BrokenProcessPool

        try:
            while True:  # short waits, so that a held signal is acted on within a tenth of a second
                with self.signals.held():
                    try:
                        return future.result(timeout=0.1)
                    except FutureTimeout:
                        pass
        except BrokenProcessPool as exc:
            raise WorkerDied(_died(exc)) from None
        except WorkerStartError as exc:
            raise WorkerDied(f"a worker process could not start: {exc}") from None

    def __enter__(self) -> "WorkerPool":
        self.signals.install()
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        # a clean end waits for the workers; an interrupt or a dead worker stops them now
        try:
            with self.signals.held(after_exit=exc_type is None):
                for executor in self.retired + [self.executor]:
                    if exc_type is None:
                        executor.shutdown(wait=True)
                    else:
                        _stop(executor)
        finally:
            self.signals.restore()
            if self in _ACTIVE_POOLS:
                _ACTIVE_POOLS.remove(self)


class _SignalsAtSafePoints:
    """SIGINT and SIGTERM handlers of the parent while a pool is open: outside :meth:`held` blocks they
    act at once, as before; inside one, the signal is noted and acted on as the block ends (the previous
    handler called then: KeyboardInterrupt, figcheck's ``Terminated``, or the default action).

    Only in the main thread (Python runs signal handlers there); elsewhere this does nothing."""

    SIGNALS = ("SIGINT", "SIGTERM")

    def __init__(self) -> None:
        self.previous: dict = {}
        self.depth = 0
        self.pending: list[int] = []

    def install(self) -> None:
        import signal
        import threading

        if threading.current_thread() is not threading.main_thread():
            return
        for name in self.SIGNALS:
            number = getattr(signal, name, None)
            if number is not None:
                self.previous[number] = signal.signal(number, self._on_signal)

    def restore(self) -> None:
        import signal

        for number, handler in self.previous.items():
            signal.signal(number, handler)
        self.previous.clear()

    def _on_signal(self, number: int, frame) -> None:
        if self.depth:
            self.pending.append(number)
        else:
            self._act(number, frame)

    def _act(self, number: int, frame) -> None:
        import os
        import signal

        handler = self.previous.get(number, signal.SIG_DFL)
        if callable(handler):
            handler(number, frame)
        elif handler == signal.SIG_DFL:  # the default action (end the process), as without a pool
            self.restore()
            os.kill(os.getpid(), number)

    def held(self, after_exit: bool = True):
        """A block in which signals wait; ``after_exit=False`` drops them (the run is ending anyway)."""
        import contextlib

        @contextlib.contextmanager
        def block():
            self.depth += 1
            try:
                yield
            finally:
                self.depth -= 1
                if not self.depth and self.pending:
                    number = self.pending[0]
                    self.pending.clear()
                    if after_exit:
                        self._act(number, None)

        return block()


_AT_FORK: list[bool] = []
_ACTIVE_POOLS: list["WorkerPool"] = []  # forks while one is open are its workers'


def _reset_signals_at_fork() -> None:
    """A forked worker starts with the parent's handlers: SIGTERM would raise ``Terminated`` (and print
    a traceback) in the child before its initializer runs. Reset them in the child at once."""
    import os

    if _AT_FORK or not hasattr(os, "register_at_fork"):
        return
    _AT_FORK.append(True)

    def in_child() -> None:
        import signal
        import threading

        if _ACTIVE_POOLS and threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)

    os.register_at_fork(after_in_child=in_child)


def _died(exc: BaseException) -> str:
    return "a worker process ended unexpectedly (killed, or out of memory?)"


def _stop(executor) -> None:
    """Shut an executor down without waiting for its running tasks (Ctrl-C, a dead worker).

    A worker terminated while it sends a result leaves half a message in the result pipe, and the
    executor's thread then waits in ``recv`` for the rest forever (this process holds the pipe's other
    end, so no end of file comes), and the interpreter's exit waits for that thread. Closing this
    process's end once the workers are gone ends the ``recv``; the thread then finds the pool broken
    and cleans up as after any dead worker."""
    processes = list((getattr(executor, "_processes", None) or {}).values())  # no public way to stop tasks
    results = getattr(executor, "_result_queue", None)
    manager = getattr(executor, "_executor_manager_thread", None)
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(5)
    writer = getattr(results, "_writer", None)
    if writer is not None and not any(p.is_alive() for p in processes):
        try:
            writer.close()
        except OSError:
            pass
    if manager is not None:
        manager.join(5)


class WorkerStartError(RuntimeError):
    """The worker's initializer failed: raised by its tasks, so the parent can say why."""


_INIT_ERROR: list[str] = []


def _start_worker(parent: int, initializer, initargs: tuple) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and ends the pool
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _watch_parent(parent)
    try:
        initializer(*initargs)
    except Exception as exc:  # noqa: BLE001 - said by every task, so the run ends with the reason
        _INIT_ERROR.append(f"{type(exc).__name__}: {exc}")


def _check_started() -> None:
    if _INIT_ERROR:
        raise WorkerStartError(_INIT_ERROR[0])


def _watch_parent(parent: int) -> None:
    """Exit quietly when the parent process is gone (``kill -9``): no orphan holds a core or prints a
    ``BrokenPipeError`` traceback."""
    import os
    import threading
    import time

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="figcheck-parent-watch", daemon=True).start()


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
    from figcheck.validators.engine import CheckEngine
    from figcheck.reading.reader import reader_for

    _WORKER["engine"] = CheckEngine(ruleset, language)
    _WORKER["reader"] = reader_for(language)
    _WORKER["encode"] = encode
    _WORKER["select"] = select


def _work(sources: list) -> list[ArticleResult]:
    _check_started()
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
        self.stopped: str | None = None  # why the run ended before its last input (a worker died)

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
        stopped = {} if self.stopped is None else {"stopped": self.stopped}
        return stopped | {"articles": self.articles, "figures": self.figures, "checked": self.checked,
                "anomalies": {s: self.severities[s] for s in ("error", "warning", "info")},
                "by_rule": dict(sorted(self.rules.items())), "input_errors": self.input_errors,
                "internal_errors": self.internal_errors,
                "not_evaluated": self.not_evaluated}
