"""Writing a report: to standard output, or atomically to a file (temporary file, then rename).

A report written to ``--output`` appears whole or not at all: it is written to a temporary file beside
the target and renamed over it only when complete, so an interrupted run leaves no half-written file.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from typing import TextIO


@contextlib.contextmanager
def open_output(path: str | None) -> Iterator[TextIO]:
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".figcheck-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_output(content: str, path: str | None) -> None:
    with open_output(path) as fh:
        fh.write(content)
