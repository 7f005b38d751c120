"""Writing a report: to standard output, or atomically to a file (temporary file, then rename).

A report written to ``--output`` appears whole or not at all: it is written to a temporary file beside
the target and renamed over it only when complete, so an interrupted run leaves no half-written file.

* Through a symbolic link, the link's target gets the report and the link stays a link.
* A path that is not a regular file (``/dev/null``, ``/dev/stdout``, a FIFO) is written in place: it is
  never replaced by a regular file.
* A new report gets the permissions the umask gives (0644 under umask 022); an existing file keeps its
  mode.
* The temporary file is named ``.figcheck-<pid>-….tmp``; a run removes the temporary files of runs whose
  process is gone (``kill -9`` leaves them).
* Anything that stops the report from being written (a read-only or missing directory, a full disk) is
  an :class:`OutputError` naming the path the user gave.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from typing import TextIO

_TMP = re.compile(r"\.figcheck-(\d+)-[^/]*\.tmp\Z")


class OutputError(Exception):
    """The report cannot be written to ``path`` (as the user gave it), and why."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"cannot write {path}: {reason}")
        self.path, self.reason = path, reason


class _Guarded:
    """A text file whose write errors are :class:`OutputError` naming the user's path."""

    def __init__(self, fh: TextIO, path: str) -> None:
        self._fh, self._path = fh, path

    def write(self, text: str) -> int:
        try:
            return self._fh.write(text)
        except OSError as exc:
            raise OutputError(self._path, exc.strerror or str(exc)) from None

    def flush(self) -> None:
        try:
            self._fh.flush()
        except OSError as exc:
            raise OutputError(self._path, exc.strerror or str(exc)) from None

    def isatty(self) -> bool:
        return False

    def __getattr__(self, name: str):
        return getattr(self._fh, name)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: alive, someone else's
        return True
    return True


def remove_stale_temporaries(directory: str) -> list[str]:
    """Remove the ``.figcheck-<pid>-….tmp`` files of processes that no longer run; the names removed."""
    removed = []
    try:
        names = os.listdir(directory)
    except OSError:
        return removed
    for name in names:
        m = _TMP.match(name)
        if m and int(m.group(1)) != os.getpid() and not _alive(int(m.group(1))):
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(directory, name))
                removed.append(name)
    return removed


def same_as_an_input(output: str | None, inputs: Iterable[str], suffixes: tuple[str, ...] = ()) -> str | None:
    """The input ``output`` names (the same file, or a file with one of ``suffixes`` inside an input
    directory), else None: a report must never overwrite what it reports on."""
    if output is None or output == "-" or not os.path.exists(output):
        return None
    real = os.path.realpath(output)
    for path in inputs:
        if path == "-":
            continue
        with contextlib.suppress(OSError):
            if os.path.isdir(path):
                top = os.path.realpath(path)
                if real.startswith(top.rstrip(os.sep) + os.sep) and real.lower().endswith(suffixes):
                    return path
            elif os.path.samefile(path, output):
                return path
    return None


def _stat_output(path: str):
    try:
        st = os.stat(path)  # through links
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutputError(path, exc.strerror or str(exc)) from None
    if stat.S_ISDIR(st.st_mode):
        raise OutputError(path, "it is a directory")
    return st


def _temporary(path: str, st, suffix: str = ".tmp") -> tuple[int, str, str]:
    """(fd, temporary path, final target) beside the target of ``path``, with the mode the report gets."""
    target = os.path.realpath(path)  # through links: the link stays, its target gets the report
    directory = os.path.dirname(target)
    remove_stale_temporaries(directory)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".figcheck-{os.getpid()}-", suffix=suffix, dir=directory)
    except OSError as exc:
        raise OutputError(path, exc.strerror or str(exc)) from None
    try:
        os.fchmod(fd, stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask())
    except OSError:
        pass  # a file system without modes: its default stands
    return fd, tmp, target


@contextlib.contextmanager
def open_output(path: str | None) -> Iterator[TextIO]:
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    st = _stat_output(path)
    if st is not None and not stat.S_ISREG(st.st_mode):
        yield from _in_place(path)
        return
    fd, tmp, target = _temporary(path, st)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as fh:
            yield _Guarded(fh, path)
        os.replace(tmp, target)
    except OSError as exc:  # closing (the last flush) or the rename failed
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(path, exc.strerror or str(exc)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def output_path(path: str, suffix: str = ".tmp") -> Iterator[str]:
    """A path for a writer that needs one (Parquet, Excel): a temporary file renamed over ``path`` when
    the writer is done, with :func:`open_output`'s guarantees; a device or FIFO is written in place."""
    st = _stat_output(path)
    if st is not None and not stat.S_ISREG(st.st_mode):
        try:
            yield path
        except OSError as exc:
            raise OutputError(path, exc.strerror or str(exc)) from None
        return
    fd, tmp, target = _temporary(path, st, suffix)
    os.close(fd)
    try:
        yield tmp
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(path, exc.strerror or str(exc)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _in_place(path: str) -> Iterator[TextIO]:
    """A device or FIFO: written as it is (a FIFO with no reader is an error, not a wait)."""
    try:
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        os.set_blocking(fd, True)
        fh = os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace")
    except OSError as exc:
        reason = "a FIFO with no reader" if exc.errno == 6 else exc.strerror or str(exc)  # ENXIO
        raise OutputError(path, reason) from None
    try:
        with fh:
            yield _Guarded(fh, path)
    except OSError as exc:
        raise OutputError(path, exc.strerror or str(exc)) from None


def write_output(content: str, path: str | None) -> None:
    with open_output(path) as fh:
        fh.write(content)
