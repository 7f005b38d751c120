"""Inputs: files, directories, standard input and JSON Lines, decoded into ``Source`` records.

A source that cannot be read becomes a ``Source`` with an ``InputError`` naming the input and the
place it failed; reading goes on with the next one. Nothing here raises for bad input.
"""

from __future__ import annotations

import json
import os
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


def _read_bytes(path: str) -> tuple[bytes | None, InputError | None]:
    try:
        size = os.path.getsize(path)
        if size > MAX_INPUT_BYTES:
            return None, InputError(f"file too large: {size} bytes; one article is at most {MAX_INPUT_BYTES} bytes "
                                    "(split it, or pass a JSON Lines file with one article per line)")
        with open(path, "rb") as fh:
            return fh.read(), None
    except OSError as exc:
        return None, InputError(f"cannot read: {exc.strerror or exc}")


def read_text_file(path: str, encoding: str | None = None) -> Source:
    data, err = _read_bytes(path)
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
    return Source(source=path, id=_source_id(path), text=d.text, notes=tuple(d.notes))


def read_jsonl(path: str, stream: BinaryIO | None = None) -> Iterator[Source]:
    """One article per line: ``id``, ``text``, optional ``title``, ``url``, ``date``."""
    try:
        fh = stream if stream is not None else open(path, "rb")
    except OSError as exc:
        yield Source(source=path, id=_source_id(path), text=None, error=InputError(f"cannot read: {exc.strerror}"))
        return
    with fh:
        for number, raw in enumerate(_bounded_lines(fh), 1):
            if raw is None:  # a line longer than one article may be: skipped, not loaded
                yield Source(source=path, id=f"{_source_id(path)}:{number}", text=None, line=number,
                             error=InputError(f"line longer than {MAX_INPUT_BYTES} bytes", f"line {number}"))
                continue
            if not raw.strip():
                continue
            yield jsonl_line_source(path, number, raw)


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
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        return Source(source=path, id=fallback_id, text=None, line=number,
                      error=InputError("a JSON Lines article needs a string field \"text\"", f"line {number}"))
    fields = {k: obj.get(k) for k in ("title", "url", "date")}
    bad = [k for k, v in fields.items() if v is not None and not isinstance(v, str)]
    if bad:
        return Source(source=path, id=fallback_id, text=None, line=number,
                      error=InputError(f"field {bad[0]!r} must be a string", f"line {number}"))
    art_id = obj.get("id")
    if not obj["text"].strip():
        return Source(source=path, id=str(art_id) if art_id is not None else fallback_id, text=None, line=number,
                      error=InputError("empty \"text\"", f"line {number}"))
    return Source(source=path, id=str(art_id) if art_id is not None else fallback_id, text=obj["text"],
                  line=number, **fields)


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


def iter_sources(paths: Iterable[str], stdin: BinaryIO | None = None, encoding: str | None = None) -> Iterator[Source]:
    """Every article the given paths name, in order; directories are walked recursively, sorted."""
    for path in paths:
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read()
            if not data.strip():
                yield Source(source="-", id="stdin", text=None, error=InputError("empty input: no text on stdin"))
                continue
            d = decode_bytes(data, encoding)
            yield Source(source="-", id="stdin", text=d.text, error=None if d.error is None else InputError(*d.error),
                         notes=tuple(d.notes))
            continue
        p = Path(path)
        if p.is_dir():
            # a folder's README is its documentation, not an article
            # broken links are kept, so that an input that vanished is reported rather than lost
            found = sorted(q for q in p.rglob("*") if (q.is_file() or q.is_symlink())
                           and q.suffix.lower() in TEXT_SUFFIXES + JSONL_SUFFIXES + DOCUMENT_SUFFIXES
                           and q.stem.upper() != "README")
            if not found:
                yield Source(source=path, id=_source_id(path), text=None,
                             error=InputError("directory holds no .txt, .md, .jsonl, .docx or .html file"))
            for q in found:
                yield from _file_sources(q.as_posix(), encoding)
        elif p.exists():
            yield from _file_sources(path, encoding)
        else:
            yield Source(source=path, id=_source_id(path), text=None, error=InputError("no such file or directory"))


def _file_sources(path: str, encoding: str | None = None) -> Iterator[Source]:
    if path.lower().endswith(JSONL_SUFFIXES):
        yield from read_jsonl(path)
    elif path.lower().endswith(DOCUMENT_SUFFIXES):  # Word documents and web pages: figcheck.reading.documents
        data, err = _read_bytes(path)
        yield (Source(source=path, id=_source_id(path), text=None, error=err) if err is not None
               else document_source(path, _source_id(path), data))
    else:
        yield read_text_file(path, encoding)
