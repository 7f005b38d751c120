"""CI report formats: JUnit XML, SARIF 2.1.0 and GitHub workflow commands.

All three read the same thing: a list of checked articles and the rule set, and place each anomaly
at the file, line and column of its first figure (for a JSON Lines article: the line of its record).
Lines and columns are 1-based and count characters of the NFC text figcheck read.
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from typing import Any

from figcheck._version import __version__
from figcheck.models import Anomaly, ArticleResult
from figcheck.rules.model import RuleSet

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
GITHUB_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
GITHUB_PER_KIND = 10  # GitHub shows at most 10 error, 10 warning and 10 notice annotations per step
GITHUB_PER_JOB = 50  # …and 50 per job


@dataclass(frozen=True)
class Place:
    file: str
    line: int
    column: int
    end_line: int
    end_column: int


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def place_of(result: ArticleResult, anomaly: Anomaly) -> Place:
    """Where an anomaly is, in the input file."""
    a = result.article
    if a.line is not None:  # a JSON Lines record: its line in the file
        return Place(a.source, a.line, 1, a.line, 1)
    figs = [a.figure(f) for f in anomaly.figures]
    text_figs = [f for f in figs if f.field == "text"]
    start = min((f.start for f in text_figs), default=anomaly.start)
    end = max((f.end for f in text_figs), default=anomaly.end)
    (line, col), (end_line, end_col) = _line_col(a.text, start), _line_col(a.text, end)
    return Place(a.source, line, col, end_line, end_col)


@dataclass(frozen=True)
class Item:
    """One anomaly, placed: what the CI formats need, for text and tables alike."""

    rule: str
    severity: str
    message: str
    explanation: str
    suggestion: str | None
    place: Place
    properties: dict[str, Any]


@dataclass
class Group:
    """What one test suite covers: an article, or a row of a table."""

    name: str
    file: str
    error: str | None
    items: list[Item]
    not_evaluated: dict[str, str]  # rule → reason


def groups_from_articles(results: list[ArticleResult]) -> list[Group]:
    out = []
    for res in results:
        a = res.article
        items = [Item(an.rule, an.severity, an.message, an.explanation, an.suggestion, place_of(res, an),
                      {"article": a.id, "figures": an.figures}) for an in res.anomalies]
        error = None if a.error is None else str(a.error)
        if res.internal_error is not None:
            error = f"internal error while checking: {res.internal_error}"
        out.append(Group(a.id, a.source, error, items, {n.rule: n.reason for n in res.not_evaluated}))
    return out


def groups_from_tables(results: list[Any]) -> list[Group]:
    """One group per row of each table (rows without anomalies included), so JUnit counts every row."""
    out = []
    for t in results:
        if t.error is not None:
            out.append(Group(t.source, t.source, str(t.error), [], {}))
            continue
        by_row: dict[int, list[Item]] = {}
        for an in t.anomalies:
            line = an.line or 0  # 0: the format has no lines (Parquet); the row is in the properties
            by_row.setdefault(an.row_number, []).append(Item(
                an.rule, an.severity, an.message, an.explanation, an.suggestion, Place(t.source, line, 1, line, 1),
                {"row": an.row, "columns": an.columns, "values": an.values}))
        for c in t.cell_errors:
            line = c.line or 0
            by_row.setdefault(c.row_number, []).append(Item(
                "figcheck.cell.not-a-number", "error", f"row {c.row}, column {c.column}: {c.message}", "", None,
                Place(t.source, line, 1, line, 1), {"row": c.row, "columns": [c.column]}))
        skipped = {n["rule"]: n["reason"] for n in t.not_evaluated}
        for n in range(1, t.rows + 1):
            out.append(Group(f"{t.source}#row{n}", t.source, None, by_row.get(n, []), skipped))
    return out


def _failing(item: Item, fail_on: str) -> bool:
    order = {"info": 0, "warning": 1, "error": 2}
    return fail_on != "never" and order[item.severity] >= order[fail_on]


# -- JUnit ------------------------------------------------------------------------------------------


def render_junit(groups: list[Group], ruleset: RuleSet, fail_on: str = "error") -> str:
    """One testcase per group × rule: a failure for anomalies at or above ``fail_on``."""
    suites = ET.Element("testsuites", name="figcheck")
    totals = Counter()
    rule_ids = [r.id for r in ruleset.rules]
    for g in groups:
        suite = ET.SubElement(suites, "testsuite", name=g.name, file=g.file)
        counts = Counter()
        if g.error is not None:
            case = ET.SubElement(suite, "testcase", classname=g.name, name="input", file=g.file)
            ET.SubElement(case, "error", message=g.error, type="InputError").text = g.error
            counts.update(tests=1, errors=1)
        else:
            by_rule: dict[str, list[Item]] = {}
            for it in g.items:
                by_rule.setdefault(it.rule, []).append(it)
            extra = [r for r in by_rule if r not in rule_ids]
            for rule_id in rule_ids + extra:
                case = ET.SubElement(suite, "testcase", classname=g.name, name=rule_id, file=g.file)
                counts.update(tests=1)
                found = by_rule.get(rule_id, [])
                failing = [it for it in found if _failing(it, fail_on)]
                if failing:
                    body = "\n".join(f"{it.place.line}:{it.place.column} [{it.severity}] {it.message} — {it.explanation}"
                                     for it in found)
                    ET.SubElement(case, "failure", message=failing[0].message, type=failing[0].severity).text = body
                    case.set("line", str(failing[0].place.line))
                    counts.update(failures=1)
                elif rule_id in g.not_evaluated:
                    ET.SubElement(case, "skipped", message=f"not evaluated: {g.not_evaluated[rule_id]}")
                    counts.update(skipped=1)
                elif found:  # below the threshold: kept visible, not failing
                    ET.SubElement(case, "system-out").text = "\n".join(
                        f"[{it.severity}] {it.message} — {it.explanation}" for it in found)
        for key in ("tests", "failures", "errors", "skipped"):
            suite.set(key, str(counts[key]))
        totals.update(counts)
    for key in ("tests", "failures", "errors", "skipped"):
        suites.set(key, str(totals[key]))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


# -- SARIF ------------------------------------------------------------------------------------------


def render_sarif(groups: list[Group], ruleset: RuleSet) -> str:
    rules = list(ruleset.rules)
    index = {r.id: i for i, r in enumerate(rules)}
    driver = {
        "name": "figcheck", "version": __version__, "semanticVersion": __version__,
        "informationUri": "https://pypi.org/project/figcheck/",
        "rules": [{
            "id": r.id, "name": r.id.replace(".", "_"),
            "shortDescription": {"text": r.description or r.id},
            "fullDescription": {"text": f"{r.description} ({r.expression})".strip()},
            "defaultConfiguration": {"level": SARIF_LEVEL[r.severity]},
            "properties": {"pack": r.pack, "on": r.on},
        } for r in rules],
    }
    out_results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for g in groups:
        if g.error is not None:
            notifications.append({"level": "error", "message": {"text": f"{g.file}: {g.error}"},
                                  "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(g.file)}}}]})
            continue
        for rule_id, reason in g.not_evaluated.items():
            notifications.append({"level": "warning", "message": {"text": f"{g.name}: {rule_id} not evaluated: {reason}"}})
        for it in g.items:
            p = it.place
            physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(p.file)}}
            if p.line:
                physical["region"] = {"startLine": p.line, "startColumn": p.column, "endLine": p.end_line,
                                      "endColumn": p.end_column}
            entry: dict[str, Any] = {
                "ruleId": it.rule, "level": SARIF_LEVEL[it.severity],
                "message": {"text": f"{it.message}. {it.explanation}".rstrip(". ")
                            + (f" Suggestion: {it.suggestion}" if it.suggestion else "")},
                "locations": [{"physicalLocation": physical}],
                "properties": it.properties,
            }
            if it.rule in index:
                entry["ruleIndex"] = index[it.rule]
            out_results.append(entry)
    run = {"tool": {"driver": driver}, "results": out_results,
           "invocations": [{"executionSuccessful": not any(g.error for g in groups),
                            "toolExecutionNotifications": notifications}],
           "columnKind": "unicodeCodePoints"}
    return json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2) + "\n"


def _uri(path: str) -> str:
    return "stdin" if path == "-" else path.replace(os.sep, "/")


# -- GitHub -----------------------------------------------------------------------------------------


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render_github(groups: list[Group], summary: dict[str, Any]) -> tuple[str, str]:
    """Workflow-command annotations (capped as GitHub caps them) and a Markdown step summary."""
    lines: list[str] = []
    shown: Counter[str] = Counter()
    rest = 0

    def room(kind: str) -> bool:
        return shown[kind] < GITHUB_PER_KIND and sum(shown.values()) < GITHUB_PER_JOB

    for g in groups:
        if g.error is not None:
            if room("error"):
                lines.append(f"::error file={_escape_property(g.file)},title=figcheck input error::{_escape_data(g.error)}")
                shown["error"] += 1
            else:
                rest += 1
            continue
        for it in g.items:
            kind = GITHUB_COMMAND[it.severity]
            if not room(kind):
                rest += 1
                continue
            p = it.place
            where = f",line={p.line},col={p.column},endLine={p.end_line},endColumn={p.end_column}" if p.line else ""
            props = f"file={_escape_property(p.file)}{where},title={_escape_property(it.rule)}"
            text = it.message + (f" — {it.explanation}" if it.explanation else "")
            lines.append(f"::{kind} {props}::{_escape_data(text)}")
            shown[kind] += 1
    if rest:
        lines.append(f"::notice title=figcheck::{rest} more anomalies are listed in the step summary "
                     f"(GitHub shows {GITHUB_PER_KIND} annotations of each kind per step)")
    md = ["## figcheck", "", ", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in summary.items()
                                       if not isinstance(v, dict)), ""]
    anomalies = summary.get("anomalies", {})
    if anomalies:
        md += [", ".join(f"{v} {k}" for k, v in anomalies.items()), ""]
    rows = [(g, it) for g in groups for it in g.items]
    if rows:
        md += ["| severity | rule | where | message |", "| --- | --- | --- | --- |"]
        for g, it in rows:
            p = it.place
            msg = (it.message + (f" — {it.explanation}" if it.explanation else "")).replace("|", "\\|")
            where = f"{p.file}:{p.line}:{p.column}" if p.line else f"{p.file} row {it.properties.get('row', '?')}"
            md.append(f"| {it.severity} | `{it.rule}` | `{where}` | {msg} |")
    return "\n".join(lines) + ("\n" if lines else ""), "\n".join(md) + "\n"
