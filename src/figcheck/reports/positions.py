"""Line and column in a file as it is on disk, for the formats that tools open at a place (CI, concise).

figcheck's offsets are into the cleaned text (NFC, invisible characters removed, byte-order mark
dropped). An editor or a CI annotation counts characters of the file itself, where an accent may be a
separate combining character and a zero-width space is a character. ``DiskPositions`` re-reads a text
input (only when a report needs a place in it), decodes it as reading did, and maps cleaned offsets
back with :func:`figcheck.reading.normalize.cleaned_offsets`.

Lines are 1-based and end at ``\\n`` (a CRLF line ends at its ``\\n``); columns are 1-based and count
Unicode code points of the decoded line, not counting a byte-order mark (SARIF's
``unicodeCodePoints``). For a legacy encoding (TCVN3, VNI) the code points are those of the decoded
text. Standard input and JSON Lines records are not re-read: a record is placed on its line.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass


@dataclass(frozen=True)
class _FileMap:
    raw: str
    starts: list[int] | None
    ends: list[int] | None
    line_starts: list[int]

    def line_col(self, raw_offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, raw_offset)
        return line, raw_offset - self.line_starts[line - 1] + 1


def _line_starts(text: str) -> list[int]:
    out = [0]
    pos = text.find("\n")
    while pos != -1:
        out.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return out


class DiskPositions:
    """Cleaned offsets of an input → (line, column) in the input file; one file map kept at a time."""

    def __init__(self, encoding: str | None = None) -> None:
        self.encoding = encoding
        self._cache: tuple[str, _FileMap | None] | None = None

    def _map(self, path: str, cleaned: str) -> _FileMap | None:
        if self._cache is not None and self._cache[0] == path:
            return self._cache[1]
        fmap = None
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError:
            data = None
        if data is not None:
            from figcheck.reading.encodings import decode_bytes
            from figcheck.reading.normalize import cleaned_offsets, normalize_text

            raw = decode_bytes(data, self.encoding).text
            if raw is not None and normalize_text(raw) == cleaned:  # the file is still what was checked
                offsets = cleaned_offsets(raw)
                fmap = _FileMap(raw, *(offsets or (None, None)), _line_starts(raw))
        self._cache = (path, fmap)
        return fmap

    def span(self, path: str, cleaned: str, start: int, end: int) -> tuple[int, int, int, int]:
        """(line, column, end line, end column) of ``cleaned[start:end]`` in the file at ``path``.

        Falls back to counting in the cleaned text when the file cannot be re-read or has changed.
        """
        fmap = None if path == "-" else self._map(path, cleaned)
        if fmap is None or fmap.starts is None or fmap.ends is None:
            return (*_line_col(cleaned, start), *_line_col(cleaned, end))
        raw_start = fmap.starts[start] if start < len(fmap.starts) else len(fmap.raw)
        raw_end = fmap.ends[end - 1] if 0 < end <= len(fmap.ends) else raw_start
        return (*fmap.line_col(raw_start), *fmap.line_col(max(raw_end, raw_start)))


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
