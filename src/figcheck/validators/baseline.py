"""Baselines: today's anomalies recorded by fingerprint, so that only new ones are reported.

A fingerprint names an anomaly by what it is about, not where it sits: the article's id, the rule,
the figures as written and the words of the sentence(s) they are in (spaces collapsed). Editing
another paragraph, adding a line above or re-wrapping the text leaves it unchanged; editing the
sentence itself makes it a new anomaly. A baseline file is JSON: ``{"version": 1, "fingerprints":
{fingerprint: count}, "anomalies": [...]}`` (the list is there for people reviewing it).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from figcheck.models import Anomaly, ArticleResult

BASELINE_VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read; the message names the file and the problem."""


def fingerprint(result: ArticleResult, anomaly: Anomaly) -> str:
    a = result.article
    by_id = {f.id: f for f in a.figures}
    figs = [by_id[f] for f in anomaly.figures if f in by_id]
    sentences = {s.index: s.text for s in a.sentences}
    context = []
    for index in sorted({f.sentence for f in figs}):
        if index in sentences:
            context.append(sentences[index])
        elif index == -1:
            context.append(a.title or "")
    words = " ".join(" ".join(context).split())
    key = "\x1f".join([a.id, anomaly.rule, "\x1e".join(f.text for f in figs), words])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def read_baseline(path: str) -> dict[str, int]:
    try:
        with open(path, encoding="utf-8") as fh:
            doc = json.load(fh)
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: not a figcheck baseline (invalid JSON: {exc})") from None
    prints = doc.get("fingerprints") if isinstance(doc, dict) else None
    if not isinstance(prints, dict) or not all(isinstance(v, int) and v > 0 for v in prints.values()):
        raise BaselineError(f"{path}: not a figcheck baseline (no \"fingerprints\" object of counts)")
    return {str(k): v for k, v in prints.items()}


def baseline_document(entries: list[dict[str, Any]]) -> str:
    """The baseline file for ``entries`` (``fingerprint``, ``source``, ``id``, ``rule``, ``message``)."""
    counts: dict[str, int] = {}
    for e in entries:
        counts[e["fingerprint"]] = counts.get(e["fingerprint"], 0) + 1
    doc = {"version": BASELINE_VERSION, "tool": "figcheck", "fingerprints": dict(sorted(counts.items())),
           "anomalies": entries}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
