"""Writing a report: to standard output, or atomically to a file (temporary file, then rename)."""

from __future__ import annotations

import os
import sys
import tempfile


def write_output(content: str, path: str | None) -> None:
    if path is None or path == "-":
        sys.stdout.write(content)
        sys.stdout.flush()
        return
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".figcheck-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(content)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
