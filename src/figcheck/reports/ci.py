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

from figcheck import __version__
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


def _rule_descriptions(ruleset: RuleSet) -> dict[str, Any]:
    return {r.id: r for r in ruleset.rules}


def _failing(anomaly: Anomaly, fail_on: str) -> bool:
    order = {"info": 0, "warning": 1, "error": 2}
    return fail_on != "never" and order[anomaly.severity] >= order[fail_on]


# -- JUnit ------------------------------------------------------------------------------------------


def render_junit(results: list[ArticleResult], ruleset: RuleSet, fail_on: str = "error") -> str:
    """One testcase per article × rule: a failure for anomalies at or above ``fail_on``."""
    suites = ET.Element("testsuites", name="figcheck")
    total = failures = errors = skipped = 0
    for res in results:
        a = res.article
        suite = ET.SubElement(suites, "testsuite", name=a.id, file=a.source)
        s_tests = s_fail = s_err = s_skip = 0
        if a.error is not None:
            case = ET.SubElement(suite, "testcase", classname=a.id, name="input", file=a.source)
            ET.SubElement(case, "error", message=str(a.error), type="InputError").text = str(a.error)
            s_tests, s_err = 1, 1
        else:
            by_rule: dict[str, list[Anomaly]] = {}
            for an in res.anomalies:
                by_rule.setdefault(an.rule, []).append(an)
            not_eval = {n.rule: n for n in res.not_evaluated}
            for rule in ruleset.rules:
                case = ET.SubElement(suite, "testcase", classname=a.id, name=rule.id, file=a.source)
                s_tests += 1
                found = by_rule.get(rule.id, [])
                failing = [an for an in found if _failing(an, fail_on)]
                if failing:
                    first = place_of(res, failing[0])
                    body = "\n".join(f"{place_of(res, an).line}:{place_of(res, an).column} [{an.severity}] "
                                     f"{an.message} — {an.explanation}" for an in found)
                    ET.SubElement(case, "failure", message=failing[0].message, type=failing[0].severity).text = body
                    case.set("line", str(first.line))
                    s_fail += 1
                elif rule.id in not_eval:
                    ET.SubElement(case, "skipped", message=f"not evaluated: {not_eval[rule.id].reason}")
                    s_skip += 1
                elif found:  # below the threshold: kept visible, not failing
                    ET.SubElement(case, "system-out").text = "\n".join(
                        f"[{an.severity}] {an.message} — {an.explanation}" for an in found)
        suite.set("tests", str(s_tests))
        suite.set("failures", str(s_fail))
        suite.set("errors", str(s_err))
        suite.set("skipped", str(s_skip))
        total, failures, errors, skipped = total + s_tests, failures + s_fail, errors + s_err, skipped + s_skip
    suites.set("tests", str(total))
    suites.set("failures", str(failures))
    suites.set("errors", str(errors))
    suites.set("skipped", str(skipped))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


# -- SARIF ------------------------------------------------------------------------------------------


def render_sarif(results: list[ArticleResult], ruleset: RuleSet) -> str:
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
    for res in results:
        a = res.article
        if a.error is not None:
            notifications.append({"level": "error", "message": {"text": f"{a.source}: {a.error}"},
                                  "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(a.source)}}}]})
            continue
        for n in res.not_evaluated:
            notifications.append({"level": "warning", "message": {"text": f"{a.source}: {n.rule} not evaluated: {n.reason}"}})
        for an in res.anomalies:
            p = place_of(res, an)
            entry: dict[str, Any] = {
                "ruleId": an.rule, "level": SARIF_LEVEL[an.severity],
                "message": {"text": f"{an.message}. {an.explanation}" + (f" Suggestion: {an.suggestion}" if an.suggestion else "")},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": _uri(p.file)},
                    "region": {"startLine": p.line, "startColumn": p.column, "endLine": p.end_line,
                               "endColumn": p.end_column},
                }}],
                "properties": {"article": a.id, "figures": an.figures},
            }
            if an.rule in index:
                entry["ruleIndex"] = index[an.rule]
            out_results.append(entry)
    run = {"tool": {"driver": driver}, "results": out_results,
           "invocations": [{"executionSuccessful": not any(r.article.error for r in results),
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


def render_github(results: list[ArticleResult], summary: dict[str, Any]) -> tuple[str, str]:
    """Workflow-command annotations (capped as GitHub caps them) and a Markdown step summary."""
    lines: list[str] = []
    shown: Counter[str] = Counter()
    rest: list[tuple[ArticleResult, Anomaly]] = []
    for res in results:
        a = res.article
        if a.error is not None:
            kind = "error"
            if shown[kind] < GITHUB_PER_KIND and sum(shown.values()) < GITHUB_PER_JOB:
                lines.append(f"::error file={_escape_property(a.source)},title=figcheck input error::"
                             f"{_escape_data(str(a.error))}")
                shown[kind] += 1
            continue
        for an in res.anomalies:
            kind = GITHUB_COMMAND[an.severity]
            if shown[kind] >= GITHUB_PER_KIND or sum(shown.values()) >= GITHUB_PER_JOB:
                rest.append((res, an))
                continue
            p = place_of(res, an)
            props = f"file={_escape_property(p.file)},line={p.line},col={p.column},endLine={p.end_line}," \
                    f"endColumn={p.end_column},title={_escape_property(an.rule)}"
            lines.append(f"::{kind} {props}::{_escape_data(an.message + ' — ' + an.explanation)}")
            shown[kind] += 1
    if rest:
        lines.append(f"::notice title=figcheck::{len(rest)} more anomalies are listed in the step summary "
                     f"(GitHub shows {GITHUB_PER_KIND} annotations of each kind per step)")
    md = ["## figcheck", "",
          f"{summary['articles']} articles, {summary['figures']} figures ({summary['checked']} checked): "
          f"{summary['anomalies']['error']} errors, {summary['anomalies']['warning']} warnings, "
          f"{summary['anomalies']['info']} notes, {summary['input_errors']} inputs with errors.", ""]
    all_rows = [(res, an) for res in results for an in res.anomalies]
    if all_rows:
        md += ["| severity | rule | where | message |", "| --- | --- | --- | --- |"]
        for res, an in all_rows:
            p = place_of(res, an)
            msg = f"{an.message} — {an.explanation}".replace("|", "\\|")
            md.append(f"| {an.severity} | `{an.rule}` | `{p.file}:{p.line}:{p.column}` | {msg} |")
    return "\n".join(lines) + ("\n" if lines else ""), "\n".join(md) + "\n"
