"""The JSON contract: ``{"version": 1, "articles": [...], "summary": {...}, "packs": [...]}``.

Field names and meanings are stable; a change that breaks a reader bumps ``SCHEMA_VERSION``.
Articles are written as they come, so a large run does not hold every article in memory.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

SCHEMA_VERSION = 1


# what json.dumps(obj, ensure_ascii=False, allow_nan=False) builds for every call, built once; a report is
# a tree of fresh dicts and lists (``to_dict``), so the encoder need not look for cycles in it
_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False, check_circular=False)


def _dump(obj: Any) -> str:
    return _ENCODER.encode(obj)


def encode_record(record: dict[str, Any]) -> str:
    """One record as the writers write it (so a worker process can encode it ahead of time)."""
    return _dump(record)


class JsonReportWriter:
    """Writes one JSON document article by article: header, records, then the optional summary."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.count = 0
        out.write(f'{{"version": {SCHEMA_VERSION}, "articles": [\n')

    def write(self, record: dict[str, Any] | str) -> None:
        """A record, or its encoded text (``encode_record``)."""
        self.out.write(("" if self.count == 0 else ",\n") + (record if isinstance(record, str) else _dump(record)))
        self.count += 1

    def close(self, summary: dict[str, Any] | None = None, packs: list[dict[str, Any]] | None = None) -> None:
        """End the document; ``packs``: the packs in force and what each replaced (``RuleSet.packs_report``)."""
        self.out.write("\n]")
        if summary is not None:
            self.out.write(', "summary": ' + _dump(summary))
        if packs is not None:
            self.out.write(', "packs": ' + _dump(packs))
        self.out.write("}\n")


class JsonLinesReportWriter:
    """One JSON object per line: an article (or a table), then ``{"version": 1, "summary": …}`` last."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def write(self, record: dict[str, Any] | str) -> None:
        """A record, or its encoded text (``encode_record``)."""
        self.out.write((record if isinstance(record, str) else _dump(record)) + "\n")

    def close(self, summary: dict[str, Any] | None = None, packs: list[dict[str, Any]] | None = None) -> None:
        last = {"version": SCHEMA_VERSION, "summary": summary or {}}
        if packs is not None:
            last["packs"] = packs
        self.out.write(_dump(last) + "\n")
