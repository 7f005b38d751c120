"""The HTML report (``--format html``): one self-contained page for editors.

Per article: its text with every figure marked, the sentences of anomalies highlighted in their
severity's colour, and for each anomaly the arithmetic, the suggestion, the rule and its description;
coverage (figures checked / read), the sentences whose figures no check used and the passages set
aside unread that hold figures; a summary, and filters by severity and rule. For ``check-table``: per
table the rows and columns of each anomaly.

The page works offline from disk: CSS and the small filter script are inline, nothing is fetched. It
is rendered with Jinja2 with autoescaping on — article text, titles, ids and messages are hostile
input — and carries a Content-Security-Policy that allows only its own script (by hash), so even
markup that slipped through could not run.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from figcheck._version import __version__
from figcheck.models import ArticleResult
from figcheck.rules.model import RuleSet

SEVERITIES = ("error", "warning", "info")
_DIGIT = re.compile(r"\d")


@dataclass
class Chunk:
    """A piece of text to render: plain, or a figure (with what it reads as)."""

    text: str
    figure: dict[str, Any] | None = None
    flagged: str | None = None  # the worst severity of the anomalies this figure is part of
    unchecked: bool = False


@dataclass
class Passage:
    """A stretch of the text: a sentence (with an id to link to) or what lies between sentences."""

    chunks: list[Chunk]
    anchor: str | None = None
    severity: str | None = None  # the worst anomaly of the sentence
    anomalies: list[str] = field(default_factory=list)


def _rank(severity: str | None) -> int:
    return {"error": 3, "warning": 2, "info": 1}.get(severity or "", 0)


def _figure_info(f) -> dict[str, Any]:
    def num(x):
        return "∞" if x is None else f"{x:g}"

    reading = f"{f.text}: {num(f.value) if f.value is not None else 'vague'} [{num(f.low)}, {num(f.high)}]"
    detail = ", ".join(dict.fromkeys(x for x in (f.unit, f.role, f.noun or "", f.qualifier or "") if x))
    return {"id": f.id, "title": f"{f.id} · {reading} · {detail}"}


def _chunks(text: str, start: int, end: int, figures: list, flagged: dict[str, str], checked: set[str]) -> list[Chunk]:
    out: list[Chunk] = []
    pos = start
    for f in figures:
        if f.start < pos or f.end > end:
            continue
        if f.start > pos:
            out.append(Chunk(text[pos:f.start]))
        out.append(Chunk(text[f.start:f.end], _figure_info(f), flagged.get(f.id), f.id not in checked))
        pos = f.end
    if pos < end:
        out.append(Chunk(text[pos:end]))
    return out


def article_view(result: ArticleResult, ruleset: RuleSet | None, index: int) -> dict[str, Any]:
    """What the template needs for one article; every string in it is rendered escaped."""
    a = result.article
    key = f"a{index}"
    descriptions = {r.id: r.description for r in ruleset.rules} if ruleset is not None else {}
    flagged: dict[str, str] = {}
    by_sentence: dict[int, list] = {}
    figures_by_id = {f.id: f for f in a.figures}
    anomalies = []
    for n, an in enumerate(result.anomalies, 1):
        anchor = f"{key}-x{n}"
        sentences = sorted({figures_by_id[fid].sentence for fid in an.figures if fid in figures_by_id
                            and figures_by_id[fid].field == "text"})
        for fid in an.figures:
            if _rank(an.severity) > _rank(flagged.get(fid)):
                flagged[fid] = an.severity
        for s in sentences:
            by_sentence.setdefault(s, []).append((an, anchor))
        anomalies.append({"anchor": anchor, "severity": an.severity, "rule": an.rule,
                          "description": descriptions.get(an.rule, ""), "message": an.message,
                          "explanation": an.explanation, "suggestion": an.suggestion, "also": an.also,
                          "figures": [figures_by_id[fid].text for fid in an.figures if fid in figures_by_id],
                          "sentences": [f"{key}-s{s}" for s in sentences]})
    checked = set(result.checked_figures)
    text_figures = sorted((f for f in a.figures if f.field == "text"), key=lambda f: f.start)
    passages: list[Passage] = []
    spans = sorted([(s.start, s.end, s.index) for s in a.sentences]
                   + ([(a.title_span[0], a.title_span[1], -1)] if a.title_span else []))
    pos = 0
    for s_start, s_end, s_index in spans:
        if s_start < pos:
            continue
        if s_start > pos:
            passages.append(Passage(_chunks(a.text, pos, s_start, text_figures, flagged, checked)))
        found = by_sentence.get(s_index, [])
        worst = max((an.severity for an, _ in found), key=_rank, default=None)
        passages.append(Passage(_chunks(a.text, s_start, s_end, text_figures, flagged, checked), f"{key}-s{s_index}",
                                worst, [anchor for _, anchor in found]))
        pos = s_end
    if pos < len(a.text):
        passages.append(Passage(_chunks(a.text, pos, len(a.text), text_figures, flagged, checked)))
    title_figures = sorted((f for f in a.figures if f.field == "title"), key=lambda f: f.start)
    title_chunks = (_chunks(a.title, 0, len(a.title), title_figures, flagged, checked)
                    if a.title and title_figures else None)
    unchecked_sentences = []
    for s in a.sentences:
        figs = [f for f in text_figures if s.start <= f.start < s.end]
        missed = [f for f in figs if f.id not in checked]
        if missed:
            unchecked_sentences.append({"anchor": f"{key}-s{s.index}", "figures": [f.text for f in missed],
                                        "chunks": _chunks(a.text, s.start, s.end, figs, flagged, checked)})
    set_aside = [{"kind": p.kind, "text": p.text} for p in a.set_aside if _DIGIT.search(p.text)]
    cov = result.coverage
    share = f"{100 * cov['checked'] / cov['figures']:.0f}%" if cov["figures"] else "—"
    return {
        "key": key, "source": a.source, "id": a.id, "title": a.title, "title_chunks": title_chunks,
        "date": a.date, "period": a.period, "url": a.url, "line": a.line, "notes": a.notes,
        "error": None if a.error is None else str(a.error), "internal_error": result.internal_error,
        "worst": result.worst(), "coverage": cov, "share": share, "convention": result.convention,
        "passages": passages, "anomalies": anomalies,
        "rules": sorted({an["rule"] for an in anomalies}),
        "not_evaluated": [{"rule": n.rule, "reason": n.reason} for n in result.not_evaluated],
        "unchecked": unchecked_sentences, "set_aside": set_aside,
    }


def table_view(result: Any, ruleset: RuleSet | None, index: int) -> dict[str, Any]:
    descriptions = {r.id: r.description for r in ruleset.rules} if ruleset is not None else {}
    key = f"t{index}"
    anomalies = [{"anchor": f"{key}-x{n}", "severity": an.severity, "rule": an.rule,
                  "description": descriptions.get(an.rule, ""), "message": an.message, "explanation": an.explanation,
                  "suggestion": an.suggestion, "row": an.row, "line": an.line,
                  "cells": [(c, an.values.get(c, "")) for c in an.columns]}
                 for n, an in enumerate(result.anomalies, 1)]
    worst = max([a["severity"] for a in anomalies] + (["error"] if result.cell_errors else []), key=_rank,
                default=None)
    return {"key": key, "source": result.source, "error": None if result.error is None else str(result.error),
            "layout": result.layout, "rows": result.rows, "columns": list(result.columns.items()),
            "anomalies": anomalies, "worst": worst,
            "rules": sorted({a["rule"] for a in anomalies} | ({"figcheck.cell.not-a-number"} if result.cell_errors else set())),
            "cell_errors": [c.to_dict() for c in result.cell_errors], "not_evaluated": result.not_evaluated}


@functools.lru_cache(maxsize=1)
def _environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(loader=PackageLoader("figcheck.reports", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env


def _script_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def render_html(results: list, ruleset: RuleSet | None, summary: dict[str, Any], kind: str = "text",
                title: str = "figcheck report", form: dict[str, Any] | None = None) -> str:
    """The whole page for checked articles (``kind="text"``) or tables (``kind="table"``).

    ``form`` (``draft``, ``problem``, ``max_kb``, ``suffixes``): the page of ``figcheck serve``, with the
    draft form above the report (and a policy that lets it post to its own server).
    """
    env = _environment()
    script = env.get_template("filters.js").render()
    if kind == "text":
        items = [article_view(r, ruleset, i) for i, r in enumerate(results, 1)]
    else:
        items = [table_view(r, ruleset, i) for i, r in enumerate(results, 1)]
    rules = sorted({rule for item in items for rule in item["rules"]})
    by_rule = summary.get("by_rule", {})
    return env.get_template("report.html.j2").render(
        title=title, kind=kind, items=items, summary=summary, rules=rules, by_rule=by_rule, severities=SEVERITIES,
        version=__version__, script=script, script_hash=_script_hash(script), form=form)
