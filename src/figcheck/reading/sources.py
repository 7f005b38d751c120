"""Inputs: files, directories, standard input and JSON Lines, decoded into ``Source`` records.

A source that cannot be read becomes a ``Source`` with an ``InputError`` naming the input and the
place it failed; reading goes on with the next one. Nothing here raises for bad input.
"""

from __future__ import annotations

import codecs
import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from figcheck.models import InputError, Source
from figcheck.reading.documents import DOCUMENT_SUFFIXES, document_source
from figcheck.reading.encodings import decode_bytes

TEXT_SUFFIXES = (".txt", ".md")
JSONL_SUFFIXES = (".jsonl",)
MAX_INPUT_BYTES = 32 * 1024 * 1024  # one article; a larger text is an input error, not a slow run
CHUNK = 1024 * 1024


def decode(data: bytes, encoding: str | None = None) -> tuple[str | None, InputError | None]:
    """Decode text bytes (see :mod:`figcheck.reading.encodings`); say where decoding failed."""
    d = decode_bytes(data, encoding)
    if d.error is not None:
        return None, InputError(*d.error)
    return d.text, None


def _source_id(path: str) -> str:
    p = Path(path)
    return p.with_suffix("").as_posix() if p.suffix else p.as_posix()


_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a directory"))


def file_kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def open_input(path: str, *, fifo_ok: bool = True) -> tuple[BinaryIO | None, InputError | None]:
    """A file opened for reading without ever blocking in ``open()`` (a FIFO with no writer), or why not.

    Regular files are read; a FIFO named on the command line is read (``<(command)``), one with no writer
    reads as empty; devices and sockets are refused, so ``/dev/zero`` is an input error, not a memory hog.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        return None, InputError(f"cannot read: {exc.strerror or exc}")
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode) and not (fifo_ok and stat.S_ISFIFO(mode)):
            os.close(fd)
            return None, InputError(f"not a regular file: {file_kind(mode)}")
        if stat.S_ISFIFO(mode) and hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)  # opened: now wait for the writer's data (EOF when there is none)
        return os.fdopen(fd, "rb"), None
    except OSError as exc:
        os.close(fd)
        return None, InputError(f"cannot read: {exc.strerror or exc}")


def read_bounded(fh: BinaryIO, limit: int | None = None) -> bytes | None:
    """At most ``limit`` bytes of ``fh`` (one article's limit by default); None when it holds more. Counts
    the bytes actually read, so a pipe or device that reports size 0 cannot grow memory without bound."""
    limit = MAX_INPUT_BYTES if limit is None else limit
    parts, total = [], 0
    while True:
        part = fh.read(min(CHUNK, limit + 1 - total))
        if not part:
            return b"".join(parts)
        parts.append(part)
        total += len(part)
        if total > limit:
            return None


def _too_large(what: str = "file") -> InputError:
    return InputError(f"{what} too large: more than {MAX_INPUT_BYTES} bytes; one article is at most "
                      f"{MAX_INPUT_BYTES} bytes (split it, or pass a JSON Lines file with one article per line)")


def _read_bytes(path: str, fifo_ok: bool = True) -> tuple[bytes | None, InputError | None]:
    fh, err = open_input(path, fifo_ok=fifo_ok)
    if err is not None:
        return None, err
    try:
        with fh:
            data = read_bounded(fh)
    except OSError as exc:
        return None, InputError(f"cannot read: {exc.strerror or exc}")
    return (None, _too_large()) if data is None else (data, None)


def read_text_file(path: str, encoding: str | None = None, fifo_ok: bool = True) -> Source:
    data, err = _read_bytes(path, fifo_ok)
    if err is not None:
        return Source(source=path, id=_source_id(path), text=None, error=err)
    return text_source(path, data, encoding)


def text_source(path: str, data: bytes, encoding: str | None = None) -> Source:
    """The bytes of one text file as a source, or the input error they hold."""
    if not data.strip():
        return Source(source=path, id=_source_id(path), text=None, error=InputError("empty file: no text"))
    d = decode_bytes(data, encoding)
    if d.error is not None:
        return Source(source=path, id=_source_id(path), text=None, error=InputError(*d.error))
    if not d.text.replace("\ufeff", "").strip():  # a BOM and white space: no text either
        return Source(source=path, id=_source_id(path), text=None, error=InputError("empty file: no text"))
    return Source(source=path, id=_source_id(path), text=d.text, notes=tuple(d.notes))


def read_jsonl(path: str, stream: BinaryIO | None = None, fifo_ok: bool = True) -> Iterator[Source]:
    """One article per line: ``id``, ``text``, optional ``title``, ``url``, ``date``.

    A file with no record (empty, blank lines, a BOM alone) is an input error, like an empty text file.
    """
    if stream is not None:
        fh = stream
    else:
        fh, err = open_input(path, fifo_ok=fifo_ok)
        if err is not None:
            yield Source(source=path, id=_source_id(path), text=None, error=err)
            return
    records = 0
    with fh:
        try:
            for number, raw in enumerate(_bounded_lines(fh), 1):
                if raw is None:  # a line longer than one article may be: skipped, not loaded
                    records += 1
                    yield Source(source=path, id=f"{_source_id(path)}:{number}", text=None, line=number,
                                 error=InputError(f"line longer than {MAX_INPUT_BYTES} bytes", f"line {number}"))
                    continue
                if number == 1 and raw.startswith(codecs.BOM_UTF8):
                    raw = raw[len(codecs.BOM_UTF8):]
                if not raw.strip():
                    continue
                records += 1
                yield jsonl_line_source(path, number, raw)
        except OSError as exc:
            records += 1
            yield Source(source=path, id=_source_id(path), text=None,
                         error=InputError(f"cannot read: {exc.strerror or exc}"))
    if not records:
        yield Source(source=path, id=_source_id(path), text=None,
                     error=InputError("empty file: no JSON Lines record"))


def jsonl_line_source(path: str, number: int, raw: bytes) -> Source:
    """One non-blank line of a JSON Lines file as a source, or the input error that line holds."""
    fallback_id = f"{_source_id(path)}:{number}"
    line, err = decode(raw, "utf-8")  # JSON Lines are UTF-8 by definition
    if err is not None:
        return Source(source=path, id=fallback_id, text=None, line=number,
                      error=InputError(err.message, f"line {number}, {err.where}"))
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return Source(source=path, id=fallback_id, text=None, line=number,
                      error=InputError(f"invalid JSON: {exc.msg}", f"line {number}, column {exc.colno}"))
    except RecursionError:
        return Source(source=path, id=fallback_id, text=None, line=number,
                      error=InputError("invalid JSON: nested too deeply", f"line {number}"))
    except ValueError as exc:  # an integer of more digits than Python converts (4 300), and the like
        return Source(source=path, id=fallback_id, text=None, line=number,
                      error=InputError(f"invalid JSON: {str(exc).split(';')[0]}", f"line {number}"))
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        return Source(source=path, id=fallback_id, text=None, line=number,
                      error=InputError("a JSON Lines article needs a string field \"text\"", f"line {number}"))
    fields = {k: obj.get(k) for k in ("title", "url", "date")}
    bad = [k for k, v in fields.items() if v is not None and not isinstance(v, str)]
    if bad:
        return Source(source=path, id=fallback_id, text=None, line=number,
                      error=InputError(f"field {bad[0]!r} must be a string", f"line {number}"))
    art_id = obj.get("id")
    if art_id is not None and not isinstance(art_id, (str, int)) or isinstance(art_id, bool):
        return Source(source=path, id=fallback_id, text=None, line=number,
                      error=InputError("field 'id' must be a string or an integer", f"line {number}"))
    for key in ("id", "text", "title", "url", "date"):
        where = _surrogate(obj.get(key))
        if where is not None:  # "\ud800": valid JSON, but no text: it cannot be written as UTF-8
            return Source(source=path, id=fallback_id, text=None, line=number,
                          error=InputError(f"field {key!r} holds a lone surrogate \\u{ord(obj[key][where]):04x}",
                                           f"line {number}, field {key!r}, character {where + 1}"))
    if not obj["text"].strip():
        return Source(source=path, id=str(art_id) if art_id is not None else fallback_id, text=None, line=number,
                      error=InputError("empty \"text\"", f"line {number}"))
    return Source(source=path, id=str(art_id) if art_id is not None else fallback_id, text=obj["text"],
                  line=number, **fields)


def _surrogate(value) -> int | None:
    """The offset of the first lone surrogate in a string value, else None."""
    if not isinstance(value, str):
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        return exc.start
    return None


def _bounded_lines(fh: BinaryIO) -> Iterator[bytes | None]:
    """The lines of a binary file; None for a line over MAX_INPUT_BYTES, which is read past in chunks."""
    while True:
        line = fh.readline(MAX_INPUT_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_INPUT_BYTES and not line.endswith(b"\n"):
            while True:
                rest = fh.readline(CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
            continue
        yield line


def display_path(path: str) -> str:
    """A path as it can be shown and written as UTF-8: bytes that are not UTF-8 appear as \\xNN."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")


def iter_sources(paths: Iterable[str], stdin: BinaryIO | None = None, encoding: str | None = None,
                 stdin_format: str = "text") -> Iterator[Source]:
    """Every article the given paths name, in order; directories are walked recursively, sorted.

    Whatever cannot be read — a file name that is not UTF-8, an unreadable subdirectory, a FIFO or a
    device inside a directory — is a source with an input error, so it is reported, never skipped.
    """
    for path in paths:
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            if stdin_format == "jsonl":  # an article a line, each line bounded as in a file
                yield from read_jsonl("-", stream=stream)
                continue
            try:
                data = read_bounded(stream)
            except OSError as exc:
                yield Source(source="-", id="stdin", text=None, error=InputError(f"cannot read: {exc.strerror or exc}"))
                continue
            if data is None:
                yield Source(source="-", id="stdin", text=None, error=_too_large("standard input"))
                continue
            if not data.strip():
                yield Source(source="-", id="stdin", text=None, error=InputError("empty input: no text on stdin"))
                continue
            d = decode_bytes(data, encoding)
            notes = tuple(d.notes)
            if d.text is not None and _looks_like_jsonl(d.text):
                notes += ("standard input looks like JSON Lines but was read as one article of text: "
                          "pass --stdin-format jsonl to read an article a line",)
            yield Source(source="-", id="stdin", text=d.text, error=None if d.error is None else InputError(*d.error),
                         notes=notes)
            continue
        shown = display_path(path)
        if shown != path:
            yield _bad_name(shown)
            continue
        if os.path.isdir(path):
            found, problems = walk_inputs(path)
            if not found and not problems:
                yield Source(source=path, id=_source_id(path), text=None,
                             error=InputError("directory holds no .txt, .md, .jsonl, .docx or .html file"))
            for q, problem in sorted([(q, None) for q in found] + problems, key=lambda item: Path(item[0])):
                if problem is not None:
                    yield Source(source=q, id=_source_id(q), text=None, error=problem)
                else:
                    yield from _file_sources(q, encoding, fifo_ok=False)
        elif os.path.lexists(path):
            yield from _file_sources(path, encoding)
        else:
            yield Source(source=path, id=_source_id(path), text=None, error=InputError("no such file or directory"))


def _looks_like_jsonl(text: str) -> bool:
    """Every one of the first few non-blank lines is a JSON object with a "text" field."""
    lines = [line for line in text.lstrip("\ufeff").splitlines() if line.strip()][:5]
    if not lines:
        return False
    for line in lines:
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError):
            return False
        if not isinstance(obj, dict) or "text" not in obj:
            return False
    return True


def _bad_name(shown: str) -> Source:
    return Source(source=shown, id=_source_id(shown), text=None,
                  error=InputError("file name is not valid UTF-8; rename the file"))


def walk_inputs(top: str) -> tuple[list[str], list[tuple[str, InputError]]]:
    """The article files under ``top`` (depth first, without recursion, so any depth is walked), and the
    entries that could not be taken, each with its reason. A folder's README is its documentation, not
    an article; broken links are kept, so that an input that vanished is reported rather than lost;
    links to directories are not followed."""
    found: list[str] = []
    problems: list[tuple[str, InputError]] = []
    stack = [Path(top).as_posix()]  # spelled as pathlib spells it: "./d/" → "d"
    while stack:
        directory = stack.pop()
        try:
            with os.scandir(directory) as it:
                entries = list(it)
        except OSError as exc:
            problems.append((display_path(directory), InputError(f"cannot read directory: {exc.strerror or exc}")))
            continue
        for entry in entries:
            path = entry.name if directory == "." else f"{directory.rstrip('/')}/{entry.name}"
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
                is_link = entry.is_symlink()
                mode = None if is_dir or is_link else entry.stat(follow_symlinks=False).st_mode
            except OSError as exc:
                problems.append((display_path(path), InputError(f"cannot read: {exc.strerror or exc}")))
                continue
            if is_dir:
                stack.append(path)
                continue
            suffix = os.path.splitext(entry.name)[1].lower()
            stem = os.path.splitext(entry.name)[0]
            if suffix not in TEXT_SUFFIXES + JSONL_SUFFIXES + DOCUMENT_SUFFIXES or stem.upper() == "README":
                continue
            if display_path(path) != path:
                problems.append((display_path(path), _bad_name(display_path(path)).error))
            elif mode is not None and not stat.S_ISREG(mode):
                problems.append((path, InputError(f"not a regular file: {file_kind(mode)}; skipped")))
            else:
                found.append(path)
    return found, problems


def _file_sources(path: str, encoding: str | None = None, fifo_ok: bool = True) -> Iterator[Source]:
    if path.lower().endswith(JSONL_SUFFIXES):
        yield from read_jsonl(path, fifo_ok=fifo_ok)
    elif path.lower().endswith(DOCUMENT_SUFFIXES):  # Word documents and web pages: figcheck.reading.documents
        data, err = _read_bytes(path, fifo_ok=fifo_ok)
        yield (Source(source=path, id=_source_id(path), text=None, error=err) if err is not None
               else document_source(path, _source_id(path), data))
    else:
        yield read_text_file(path, encoding, fifo_ok=fifo_ok)
