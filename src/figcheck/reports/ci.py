"""CI report formats: JUnit XML, SARIF 2.1.0, GitHub workflow commands, and the one-line ``concise`` text.

All of them read the same thing: a list of checked articles (or tables) and the rule set, and place each
anomaly at the file, line and column of its first figure — in the file as it is on disk (see
:mod:`figcheck.reports.positions`); for a JSON Lines article, the line of its record.
"""

from __future__ import annotations

import html
import json
import os
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from figcheck._version import __version__
from figcheck.models import Anomaly, ArticleResult
from figcheck.reports.positions import DiskPositions
from figcheck.rules.model import RuleSet
from figcheck.validators.selection import CELL_RULE

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
GITHUB_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
GITHUB_PER_KIND = 10  # GitHub shows at most 10 error, 10 warning and 10 notice annotations per step
GITHUB_PER_JOB = 50  # …and 50 per job
SRCROOT = "%SRCROOT%"


@dataclass(frozen=True)
class Place:
    file: str
    line: int
    column: int
    end_line: int
    end_column: int


def place_of(result: ArticleResult, anomaly: Anomaly, positions: DiskPositions | None = None) -> Place:
    """Where an anomaly is, in the input file as it is on disk."""
    a = result.article
    if a.line is not None:  # a JSON Lines record: its line in the file
        return Place(a.source, a.line, 1, a.line, 1)
    figs = [a.figure(f) for f in anomaly.figures]
    text_figs = [f for f in figs if f.field == "text"]
    start = min((f.start for f in text_figs), default=anomaly.start)
    end = max((f.end for f in text_figs), default=anomaly.end)
    line, col, end_line, end_col = (positions or DiskPositions()).span(a.source, a.text, start, end)
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
    fingerprint: str | None = None  # see figcheck.validators.baseline


@dataclass
class Group:
    """What one test suite covers: an article, or a table."""

    name: str
    file: str
    error: str | None
    items: list[Item]
    not_evaluated: dict[str, str]  # rule → reason
    rules: list[str] | None = None  # the rules that apply (None: every rule of the set)
    kind: str = "text"  # "text" | "table"


def groups_from_articles(results: list[ArticleResult], positions: DiskPositions | None = None) -> list[Group]:
    positions = positions or DiskPositions()
    out = []
    for res in results:
        a = res.article
        prints = res.fingerprints if len(res.fingerprints) == len(res.anomalies) else [None] * len(res.anomalies)
        items = [Item(an.rule, an.severity, an.message, an.explanation, an.suggestion, place_of(res, an, positions),
                      {"article": a.id, "figures": an.figures}, fp) for an, fp in zip(res.anomalies, prints)]
        error = None if a.error is None else str(a.error)
        if res.internal_error is not None:
            error = f"internal error while checking: {res.internal_error}"
        out.append(Group(a.id, a.source, error, items, {n.rule: n.reason for n in res.not_evaluated}))
    return out


def table_rules(ruleset: RuleSet, result: Any) -> list[str]:
    """The rules that apply to a table: record rules all of whose metrics are columns of it, and those
    reported as not evaluated (some of their columns are missing). Relation rules are about articles."""
    from figcheck.rules.expr import names

    metrics = set(result.columns.values())
    skipped = {n["rule"] for n in result.not_evaluated}
    out = []
    for rule in ruleset.rules:
        if rule.on != "record" or rule.assert_ast is None:
            continue
        needed = {n.name for n in names(rule.assert_ast)}
        if rule.where_ast is not None:
            needed |= {n.name for n in names(rule.where_ast)}
        if needed <= metrics or rule.id in skipped:
            out.append(rule.id)
    return out


def groups_from_tables(results: list[Any], ruleset: RuleSet | None = None) -> list[Group]:
    """One group per table: its anomalies and unreadable cells, each placed on the row's line."""
    out = []
    for t in results:
        if t.error is not None:
            out.append(Group(t.source, t.source, str(t.error), [], {}, [], "table"))
            continue
        items = []
        for an in t.anomalies:
            line = an.line or 0  # 0: the format has no lines (Parquet); the row is in the properties
            items.append(Item(an.rule, an.severity, an.message, an.explanation, an.suggestion,
                              Place(t.source, line, 1, line, 1), {"row": an.row, "columns": an.columns,
                                                                  "values": an.values}))
        for c in t.cell_errors:
            line = c.line or 0
            items.append(Item(CELL_RULE, "error", f"row {c.row}, column {c.column}: {c.message}", "", None,
                              Place(t.source, line, 1, line, 1), {"row": c.row, "columns": [c.column]}))
        rules = table_rules(ruleset, t) if ruleset is not None else None
        if rules is not None and t.columns:
            rules.append(CELL_RULE)  # every metric column is read as numbers
        out.append(Group(t.source, t.source, None, items, {n["rule"]: n["reason"] for n in t.not_evaluated},
                         rules, "table"))
    return out


def _failing(item: Item, fail_on: str) -> bool:
    order = {"info": 0, "warning": 1, "error": 2}
    return fail_on != "never" and order[item.severity] >= order[fail_on]


def _where(it: Item) -> str:
    p = it.place
    if p.line:
        return f"{p.file}:{p.line}:{p.column}" if it.properties.get("row") is None else f"{p.file}:{p.line}"
    return f"{p.file} row {it.properties.get('row', '?')}"


def _row_label(it: Item) -> str:
    row = it.properties.get("row")
    return f"row {row}" + (f" (line {it.place.line})" if it.place.line else "") if row is not None else \
        f"{it.place.line}:{it.place.column}"


# -- JUnit ------------------------------------------------------------------------------------------

# XML 1.0 allows tab, LF, CR and the characters from U+0020 on, except the surrogates and U+FFFE/U+FFFF
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(s: str) -> str:
    """``s`` with the characters XML 1.0 cannot hold written out as ``\\xNN`` / ``\\uNNNN``."""
    return _XML_FORBIDDEN.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                              else f"\\u{ord(m.group()):04x}", s)


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, {k: xml_text(v) for k, v in attrs.items()})
    if text is not None:
        el.text = xml_text(text)
    return el


def render_junit(groups: list[Group], ruleset: RuleSet, fail_on: str = "error") -> str:
    """pytest's xunit2 layout, valid against the Jenkins and JUnit 5 schemas: a test suite per article (or
    table) with a testcase per rule that applies — a failure for anomalies at or above ``fail_on`` (for a
    table, every failing row in the one testcase of the rule), a skipped test for a rule that could not run.
    """
    suites = ET.Element("testsuites", name="figcheck")
    totals: Counter[str] = Counter()
    rule_ids = [r.id for r in ruleset.rules]
    for g in groups:
        suite = _el(suites, "testsuite", name=g.name)
        props = _el(suite, "properties")
        _el(props, "property", name="file", value=g.file)
        counts: Counter[str] = Counter()
        if g.error is not None:
            case = _el(suite, "testcase", classname=g.name, name="input")
            _el(case, "error", g.error, message=g.error, type="InputError")
            counts.update(tests=1, errors=1)
        else:
            by_rule: dict[str, list[Item]] = {}
            for it in g.items:
                by_rule.setdefault(it.rule, []).append(it)
            applicable = g.rules if g.rules is not None else rule_ids
            extra = [r for r in by_rule if r not in applicable]
            for rule_id in applicable + extra:
                case = _el(suite, "testcase", classname=g.name, name=rule_id)
                counts.update(tests=1)
                found = by_rule.get(rule_id, [])
                failing = [it for it in found if _failing(it, fail_on)]
                if rule_id in g.not_evaluated and not found:
                    _el(case, "skipped", f"not evaluated: {g.not_evaluated[rule_id]}")
                    counts.update(skipped=1)
                elif failing:
                    body = "\n".join(f"{_row_label(it) if g.kind == 'table' else _where(it)}: [{it.severity}] "
                                     f"{it.message}"
                                     + (f" — {it.explanation}" if it.explanation else "") for it in found)
                    first = failing[0]
                    message = first.message if len(failing) == 1 else \
                        f"{len(failing)} {'rows' if g.kind == 'table' else 'places'} fail; first: {first.message}"
                    _el(case, "failure", body, message=message, type=first.severity)
                    counts.update(failures=1)
                elif found:  # below the threshold: kept visible, not failing
                    _el(case, "system-out", "\n".join(f"{_where(it)}: [{it.severity}] {it.message}"
                                                       + (f" — {it.explanation}" if it.explanation else "")
                                                       for it in found))
        for key in ("tests", "failures", "errors", "skipped"):
            suite.set(key, str(counts[key]))
        suite.set("time", "0")
        totals.update(counts)
    for key in ("tests", "failures", "errors"):
        suites.set(key, str(totals[key]))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


# -- SARIF ------------------------------------------------------------------------------------------


def artifact_location(path: str, root: str | None = None) -> dict[str, Any]:
    """A SARIF artifactLocation: a percent-encoded URI relative to %SRCROOT% (the working directory) for a
    file under it, an absolute ``file:`` URI otherwise; standard input has a description and no URI."""
    if path == "-":
        return {"description": {"text": "standard input"}}
    root_path = Path(root or os.getcwd()).resolve()
    full = Path(os.path.abspath(path))
    try:
        rel = full.relative_to(root_path)
    except ValueError:
        return {"uri": full.as_uri()}
    return {"uri": quote(rel.as_posix()), "uriBaseId": SRCROOT}


def render_sarif(groups: list[Group], ruleset: RuleSet, root: str | None = None) -> str:
    rules = list(ruleset.rules)
    descriptors = [{
        "id": r.id, "name": r.id.replace(".", "_"),
        "shortDescription": {"text": r.description or r.id},
        "fullDescription": {"text": f"{r.description} ({r.expression})".strip()},
        "defaultConfiguration": {"level": SARIF_LEVEL[r.severity]},
        "properties": {"pack": r.pack, "on": r.on},
    } for r in rules]
    if any(it.rule == CELL_RULE for g in groups for it in g.items):
        descriptors.append({"id": CELL_RULE, "name": CELL_RULE.replace(".", "_"),
                            "shortDescription": {"text": "A cell of a metric column is not a number."},
                            "defaultConfiguration": {"level": "error"}, "properties": {"pack": "figcheck"}})
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    driver = {"name": "figcheck", "version": __version__, "semanticVersion": __version__,
              "informationUri": "https://pypi.org/project/figcheck/", "rules": descriptors}
    artifacts: list[dict[str, Any]] = []
    artifact_index: dict[str, int] = {}

    def located(path: str) -> dict[str, Any]:
        if path not in artifact_index:
            artifact_index[path] = len(artifacts)
            artifacts.append({"location": artifact_location(path, root)})
        return {**artifact_location(path, root), "index": artifact_index[path]}

    out_results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for g in groups:
        if g.error is not None:
            notifications.append({"level": "error", "message": {"text": f"{g.file}: {g.error}"},
                                  "locations": [{"physicalLocation": {"artifactLocation": located(g.file)}}]})
            continue
        location = located(g.file)
        for rule_id, reason in g.not_evaluated.items():
            notifications.append({"level": "warning",
                                  "message": {"text": f"{g.name}: {rule_id} not evaluated: {reason}"}})
        for it in g.items:
            p = it.place
            physical: dict[str, Any] = {"artifactLocation": location}
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
            if it.fingerprint:
                entry["partialFingerprints"] = {"figcheck/v1": it.fingerprint}
            out_results.append(entry)
    root_uri = Path(root or os.getcwd()).resolve().as_uri() + "/"
    run = {"tool": {"driver": driver}, "results": out_results, "artifacts": artifacts,
           "originalUriBaseIds": {SRCROOT: {"uri": root_uri}},
           "invocations": [{"executionSuccessful": not any(g.error for g in groups),
                            "toolExecutionNotifications": notifications}],
           "columnKind": "unicodeCodePoints"}
    return json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2) + "\n"


# -- GitHub -----------------------------------------------------------------------------------------


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def markdown_cell(s: str) -> str:
    """Text for one cell of a Markdown table: HTML escaped, Markdown punctuation backslashed, newlines
    as ``<br>``, so a message can neither break the table nor inject markup."""
    s = _MARKDOWN.sub(r"\\\1", html.escape(s, quote=False))
    return s.replace("\r\n", "<br>").replace("\n", "<br>").replace("\r", "<br>")


def render_github(groups: list[Group], summary: dict[str, Any]) -> tuple[str, str]:
    """Workflow-command annotations (capped as GitHub caps them) and a Markdown step summary.

    When some anomalies do not fit, a notice says how many: that notice is an annotation too, so it
    takes one of the places the caps allow.
    """
    candidates: list[tuple[str, str]] = []  # (annotation kind, workflow command)
    for g in groups:
        if g.error is not None:
            candidates.append(("error", f"::error file={_escape_property(g.file)},title=figcheck input error::"
                                        f"{_escape_data(g.error)}"))
            continue
        for it in g.items:
            kind = GITHUB_COMMAND[it.severity]
            p = it.place
            where = f",line={p.line},col={p.column},endLine={p.end_line},endColumn={p.end_column}" if p.line else ""
            props = f"file={_escape_property(p.file)}{where},title={_escape_property(it.rule)}"
            text = it.message + (f" — {it.explanation}" if it.explanation else "")
            candidates.append((kind, f"::{kind} {props}::{_escape_data(text)}"))

    def select(per_kind: dict[str, int], per_job: int) -> list[str]:
        shown: Counter[str] = Counter()
        lines = []
        for kind, line in candidates:
            if shown[kind] < per_kind[kind] and sum(shown.values()) < per_job:
                lines.append(line)
                shown[kind] += 1
        return lines

    caps = dict.fromkeys(GITHUB_COMMAND.values(), GITHUB_PER_KIND)
    lines = select(caps, GITHUB_PER_JOB)
    if len(lines) < len(candidates):  # keep a place for the notice that counts the rest
        lines = select({**caps, "notice": GITHUB_PER_KIND - 1}, GITHUB_PER_JOB - 1)
        rest = len(candidates) - len(lines)
        lines.append(f"::notice title=figcheck::{rest} more anomalies are listed in the step summary "
                     f"(GitHub shows {GITHUB_PER_KIND} annotations of each kind per step)")
    md = ["## figcheck", "", markdown_cell(", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in summary.items()
                                                    if not isinstance(v, dict))), ""]
    anomalies = summary.get("anomalies", {})
    if anomalies:
        md += [", ".join(f"{v} {k}" for k, v in anomalies.items()), ""]
    rows = [(g, it) for g in groups for it in g.items]
    if rows:
        md += ["| severity | rule | where | message |", "| --- | --- | --- | --- |"]
        for _g, it in rows:
            msg = it.message + (f" — {it.explanation}" if it.explanation else "")
            md.append(f"| {it.severity} | <code>{html.escape(it.rule)}</code> | <code>{html.escape(_where(it))}</code> "
                      f"| {markdown_cell(msg)} |")
    errors = [g for g in groups if g.error is not None]
    if errors:
        md += ["", "Inputs that could not be read:", ""]
        md += [f"- <code>{html.escape(g.file)}</code>: {markdown_cell(g.error or '')}" for g in errors]
    return "\n".join(lines) + ("\n" if lines else ""), "\n".join(md) + "\n"


# -- concise ----------------------------------------------------------------------------------------


def one_line(s: str) -> str:
    return " ".join(s.split())


def render_concise(groups: list[Group]) -> str:
    """``path:line:col: severity rule message`` a line, as compilers and linters print (for grep, editors
    and problem matchers); an unreadable input is ``path:line:col: error figcheck.input message``."""
    out = []
    for g in groups:
        if g.error is not None:
            out.append(f"{g.file}:1:1: error figcheck.input {one_line(g.error)}")
            continue
        for it in g.items:
            p = it.place
            line, col = (p.line, p.column) if p.line else (1, 1)
            message = one_line(it.message + (f" ({it.explanation})" if it.explanation else ""))
            out.append(f"{p.file}:{line}:{col}: {it.severity} {it.rule} {message}")
    return "".join(line + "\n" for line in out)
