"""Reading curated datasets: CSV (any delimiter), Parquet, JSON Lines and Excel, wide or long.

Cells are read as text where the format allows it (CSV), so "4.340" stays 4.340 and is read the way
the article reader reads numbers, not as 4.34. A file that cannot be read becomes a ``Table`` with an
``InputError`` naming the file and, where known, the line.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field

import pandas as pd

from figcheck.models import InputError
from figcheck.reading.sources import decode

TABLE_SUFFIXES = (".csv", ".tsv", ".parquet", ".pq", ".jsonl", ".ndjson", ".xlsx")
LONG_COLUMNS = ("metric", "value")


@dataclass
class Table:
    source: str
    frame: pd.DataFrame | None = None
    error: InputError | None = None
    layout: str = "wide"  # wide: a row per record, a column per metric; long: id, metric, value[, low, high, qualifier]
    line_offset: int | None = 2  # file line of the first data row (CSV, JSON Lines); None when rows have no lines
    notes: list[str] = field(default_factory=list)
    lines: list[int] | None = None  # the file line each data row starts on, where rows and lines differ

    def line_numbers(self):
        """The file line of each data row (indexable), or None when rows have no lines."""
        if self.lines is not None:
            return self.lines
        if self.line_offset is None or self.frame is None:
            return None
        return range(self.line_offset, self.line_offset + len(self.frame))


def read_table(path: str, header_row: int | None = None, skip_rows: int | None = None) -> Table:
    """The table at ``path``. For CSV, ``header_row`` (1-based line) or ``skip_rows`` (lines above the
    header) say where the header is; without them, title lines above it are detected."""
    import stat

    from figcheck.reading.sources import display_path, file_kind

    suffix = os.path.splitext(path)[1].lower()
    if display_path(path) != path:
        return Table(display_path(path), error=InputError("file name is not valid UTF-8; rename the file"))
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return Table(path, error=InputError("no such file or directory"))
    except OSError as exc:
        return Table(path, error=InputError(f"cannot read: {exc.strerror or exc}"))
    if not stat.S_ISREG(st.st_mode):  # a FIFO would block the reader, /dev/zero would fill memory
        return Table(path, error=InputError(f"not a regular file: {file_kind(st.st_mode)}"))
    if st.st_size == 0:
        return Table(path, error=InputError("empty file: no header and no rows"))
    try:
        if suffix in (".csv", ".tsv", ".txt"):
            table = _read_csv(path, header_row, skip_rows)
        elif suffix in (".parquet", ".pq"):
            table = Table(path, pd.read_parquet(path), line_offset=None)
        elif suffix in (".jsonl", ".ndjson"):
            table = _read_jsonl(path)
        elif suffix == ".xlsx":
            table = Table(path, pd.read_excel(path, dtype=object), line_offset=2)
        else:
            return Table(path, error=InputError(f"unknown table format {suffix or '(no suffix)'!r} "
                                                f"(known: {', '.join(TABLE_SUFFIXES)})"))
    except ImportError as exc:
        return Table(path, error=InputError(f"cannot read {suffix} files: {exc}"))
    except Exception as exc:  # noqa: BLE001 - every reader's own error becomes an input error
        return Table(path, error=InputError(f"cannot read table: {type(exc).__name__}: {exc}"))
    if table.error is None and table.frame is not None:
        if table.frame.shape[1] == 0:
            return Table(path, error=InputError("empty table: no columns"))
        table.frame.columns = [str(c).strip() for c in table.frame.columns]
        if set(LONG_COLUMNS) <= {c.lower() for c in table.frame.columns}:
            table.layout = "long"
    return table


def _read_csv(path: str, header_row: int | None = None, skip_rows: int | None = None) -> Table:
    with open(path, "rb") as fh:
        data = fh.read()
    text, err = decode(data)
    if err is not None:
        return Table(path, error=err)
    notes = []
    if header_row is not None:
        skip = header_row - 1
    elif skip_rows is not None:
        skip = skip_rows
    else:
        skip = title_lines(text, path)
        if skip:
            notes.append(f"{skip} line{'s' if skip > 1 else ''} above the header skipped (a title): the header is "
                         f"line {skip + 1}")
    lines = text.splitlines(keepends=True)
    if skip >= len(lines):
        return Table(path, error=InputError(f"no header: the file has {len(lines)} lines and the header would be "
                                            f"line {skip + 1}"))
    body = "".join(lines[skip:])
    sep = sniff_delimiter(body[:64 * 1024], path)
    try:
        frame = pd.read_csv(io.StringIO(body), sep=sep, dtype=str, keep_default_na=False, skip_blank_lines=True)
    except pd.errors.ParserError as exc:
        return Table(path, error=InputError(f"malformed CSV: {exc}"))
    except pd.errors.EmptyDataError:
        return Table(path, error=InputError("empty file: no header and no rows"))
    lines = _csv_row_lines(body, sep)
    lines = [n + skip for n in lines] if lines is not None and len(lines) == len(frame) else None
    return Table(path, frame, line_offset=2 + skip, lines=lines, notes=notes)


def _csv_row_lines(text: str, sep: str) -> list[int] | None:
    """The line each data row starts on: a quoted cell may span lines, blank lines are skipped."""
    reader = csv.reader(io.StringIO(text), delimiter=sep)
    starts: list[int] = []
    end = 0
    try:
        for row in reader:
            start, end = end + 1, reader.line_num
            if row:
                starts.append(start)
    except csv.Error:
        return None
    return starts[1:]  # the first is the header


def title_lines(text: str, path: str = "", sample_records: int = 40) -> int:
    """How many lines above a CSV's header are a title (or blank): the header is the first record with
    as many fields as most of the records after it, when the records before it have fewer."""
    sample = text[:64 * 1024]
    best = (0, ",", 0)  # (records with the modal width, delimiter, width)
    for delim in (",", ";", "\t", "|"):
        try:
            recs = [(r, ln) for r, ln in _records(sample, delim, sample_records)]
        except csv.Error:
            continue
        widths = [len(r) for r, _ in recs if any(c.strip() for c in r)]
        if not widths:
            continue
        width = max(set(widths), key=widths.count)
        score = widths.count(width)
        if width > 1 and score > best[0]:
            best = (score, delim, width)
    score, delim, width = best
    if not score:
        return 0
    line_before = 0
    for record, end_line in _records(sample, delim, sample_records):
        if len(record) >= width and any(c.strip() for c in record):
            return line_before
        line_before = end_line
    return 0


def _records(sample: str, delim: str, limit: int):
    reader = csv.reader(io.StringIO(sample), delimiter=delim)
    for _ in range(limit):
        try:
            record = next(reader)
        except StopIteration:
            return
        yield record, reader.line_num


def sniff_delimiter(sample: str, path: str) -> str:
    """The delimiter of a CSV file, from its first 64 KB (a .tsv that says nothing is tab-separated)."""
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        return "\t" if path.lower().endswith(".tsv") else ","


def _read_jsonl(path: str) -> Table:
    import json

    rows = []
    lines = []
    with open(path, "rb") as fh:
        for number, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            lines.append(number)
            line, err = decode(raw)
            if err is not None:
                return Table(path, error=InputError(err.message, f"line {number}"))
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                return Table(path, error=InputError(f"invalid JSON: {exc.msg}", f"line {number}, column {exc.colno}"))
            if not isinstance(obj, dict):
                return Table(path, error=InputError("each line must be a JSON object", f"line {number}"))
            rows.append(obj)
    if not rows:
        return Table(path, error=InputError("empty file: no rows"))
    return Table(path, pd.DataFrame(rows), line_offset=1, lines=lines)
