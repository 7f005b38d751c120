"""The JSON contract: ``{"version": 1, "articles": [...]}``.

Field names and meanings are stable; a change that breaks a reader bumps ``version``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from figcheck.models import Article

SCHEMA_VERSION = 1


def article_record(article: Article, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    record = article.to_dict()
    if extra:
        record.update(extra)
    return record


def render_json(records: Iterable[dict[str, Any]], *, summary: dict[str, Any] | None = None) -> str:
    doc: dict[str, Any] = {"version": SCHEMA_VERSION, "articles": list(records)}
    if summary is not None:
        doc["summary"] = summary
    return json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
