"""The check engine: rules evaluated over the article tables, a whole batch at a time.

Each table (figures, each kind of relation, metric records) is evaluated once for all the articles of
a batch: every rule gives, per row, whether it holds (numpy over the table's columns, see
``evaluate``), so a failing relation or record is exactly one row, which maps back to its article,
figures and span.

Design (issue 13): the article path imports neither pandas nor pandera. The tables are
:class:`~figcheck.validators.tables.ColumnTable` objects and the failing rows are read straight from
the rules' truth arrays; pandera stays the engine of datasets (``figcheck check-table``, which uses
:func:`failing_rows`) and of the DataFrame API. Importing pandas and pandera cost more than reading and
checking a draft, and building DataFrames twice the CPU of the checks themselves; the reports are the
same bytes (``tests/test_report_golden.py``).

Severity, per failing row: a rule fails *strictly* when no values of the strict readings satisfy it;
if the loose reading of a qualifier still satisfies it the anomaly is a **warning** (at most the rule's
own severity), otherwise it has the rule's severity. Built-in rounding checks report **info** for what
holds only by truncation. A rule that raises is *not evaluated* for the rows it concerns.
"""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass

import numpy as np

from figcheck.languages import Language, load_language
from figcheck.models import Anomaly, Article, ArticleResult, Figure, NotEvaluated
from figcheck.rules.expr import Call, Name, Node, Num, to_text
from figcheck.rules.model import Rule, RuleSet
from figcheck.validators import builtin_checks, rounding
from figcheck.validators.evaluate import Evaluator, comparisons
from figcheck.reading.numbers import format_number, parse_numeral
from figcheck.validators.tables import ColumnTable, Tables, build_tables

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_.]*(?:\|[A-Za-z_][A-Za-z0-9_.]*)*)\}")
_NEGATED = {"<=": ">", "<": "≥", ">=": "<", ">": "≤", "==": "≠", "!=": "="}


@dataclass
class _Finding:
    rule: Rule
    row: int
    severity: str
    explanation: str
    suggestion: str | None


class CheckEngine:
    """Runs a rule set over articles."""

    def __init__(self, ruleset: RuleSet, language: str | Language = "vi") -> None:
        self.ruleset = ruleset
        self.lang = load_language(language) if isinstance(language, str) else language

    def check(self, articles: list[Article]) -> list[ArticleResult]:
        results = [ArticleResult(article=a) for a in articles]
        readable = [i for i, a in enumerate(articles) if a.error is None]
        if not readable:
            return results
        tables = build_tables([articles[i] for i in readable], self.ruleset, self.lang)
        self._figures: dict[int, dict[str, Figure]] = {}
        sub = [results[i] for i in readable]
        evidence: list[list[list[str]]] = [[] for _ in sub]
        findings: list[tuple[str, _Finding]] = []
        by_table: dict[str, list[Rule]] = {}
        for rule in self.ruleset.rules:
            by_table.setdefault(rule.on, []).append(rule)
        for on, rules in by_table.items():
            table = tables.table(on)
            if table.empty:
                continue
            findings += [(on, f) for f in self._run_table(on, table, rules, tables, sub, evidence)]
        for res, ev in zip(sub, evidence):
            res.convention = rounding.infer_convention(ev)
        self._anomalies(findings, tables, sub)
        return results

    # -- one table ---------------------------------------------------------------------------------

    def _run_table(self, on: str, table: ColumnTable, rules: list[Rule], tables: Tables,
                   results: list[ArticleResult], evidence: list[list[list[str]]]) -> list[_Finding]:
        conventions = [tables.articles[a].number_convention for a in table["art"].to_numpy()]
        strict, loose = Evaluator(table, "strict"), Evaluator(table, "loose")
        # the figure ids of each row, as the table's own lists (an id, a list of ids, or a gap)
        self._ids = {col: values for col, values in table.columns.items() if col.endswith(".id") or col == "fid"}
        details: dict[int, dict[int, _Finding]] = {}
        outcomes: list[tuple[str, np.ndarray | None]] = []
        for k, rule in enumerate(rules):
            outcome = self._rule_outcome(rule, table, strict, loose, conventions, results, evidence, tables)
            if outcome is None:
                outcomes.append((rule.id, None))
                continue
            passed, found = outcome
            details[k] = found
            outcomes.append((rule.id, passed))
        out: list[_Finding] = []
        for k, row in _failing_rows(outcomes):
            finding = details.get(k, {}).get(row)
            if finding is not None:
                out.append(finding)
        return out

    def _rule_outcome(self, rule: Rule, table: ColumnTable, strict: Evaluator, loose: Evaluator,
                      conventions: list[str], results: list[ArticleResult], evidence: list[list[list[str]]],
                      tables: Tables) -> tuple[np.ndarray, dict[int, _Finding]] | None:
        """Per row: does the rule hold (True also where it does not apply), and the failures' details."""
        n = len(table)
        arts = table["art"].to_numpy()
        try:
            found: dict[int, _Finding] = {}
            if rule.check is not None:
                applies = _applies(rule, table, strict).tolist()  # plain lists: read row by row below
                outcomes = builtin_checks.CHECKS[rule.check](table, conventions)
                passed = np.ones(n, dtype=bool)
                # coverage counts the figures that took part in a check of a relation
                id_columns = self._id_columns(None) if rule.on != "figure" else []
                row_arts = table.columns["art"]
                for i, o in enumerate(outcomes):
                    if not applies[i] or o.status == "na":
                        continue
                    if id_columns:
                        _mark_checked(id_columns, i, results[row_arts[i]])
                    if o.conventions:
                        evidence[row_arts[i]].append(o.conventions)
                    if o.status in ("error", "info"):
                        passed[i] = False
                        severity = rule.severity if o.status == "error" else "info"
                        found[i] = _Finding(rule, i, severity, o.explanation, o.suggestion)
                return passed, found
            node = rule.assert_ast
            applies, ok_strict, ok_loose = self.assertion_truths(rule, table, strict, loose, tables)
            passed = ~applies | ok_strict
            from figcheck.rules.expr import names as expr_names

            # coverage: the figures that took part in a check of a relation or a record — a rule on single
            # figures ("a count is whole") says nothing of how the article's figures hang together
            if rule.on != "figure":
                id_columns = self._id_columns({f"{n.name}.id" for n in expr_names(node)})
                row_arts = table.columns["art"]
                for i in np.flatnonzero(applies).tolist():
                    _mark_checked(id_columns, i, results[row_arts[i]])
            for i in np.nonzero(~passed)[0]:
                severity = rule.severity
                if ok_loose[i]:
                    severity = min(rule.severity, "warning", key=SEVERITY_RANK.get)
                explanation, suggestion = self._explain(rule, table, int(i), bool(ok_loose[i]), tables)
                found[int(i)] = _Finding(rule, int(i), severity, explanation, suggestion)
            return passed, found
        except Exception as exc:  # a rule that cannot run is reported, never counted as pass or fail
            reason = f"{type(exc).__name__}: {exc}"
            for a in sorted(set(arts.tolist())):
                results[a].not_evaluated.append(NotEvaluated(rule.id, reason))
            if _debug():
                traceback.print_exc()
            return None

    def assertion_truths(self, rule: Rule, table: ColumnTable, strict: Evaluator, loose: Evaluator,
                         tables: Tables) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per row of ``table``: does the rule apply, does its assertion hold strictly, loosely.

        The one place an assertion is evaluated: the Spark engine overrides it with the same truths
        computed as Spark column expressions, and everything else (severity, explanations, ids) is shared.
        """
        applies = _applies(rule, table, strict) & strict.referenced_present(rule.assert_ast)
        return applies, strict.possible(rule.assert_ast), loose.possible(rule.assert_ast)

    def _id_columns(self, cols: set[str] | None) -> list[list]:
        """The id columns of the table whose figures a rule checks: those in ``cols`` and ``fid``, or all."""
        return [values for col, values in self._ids.items() if cols is None or col in cols or col == "fid"]

    # -- explanations ---------------------------------------------------------------------------------

    def _explain(self, rule: Rule, table: ColumnTable, i: int, loose_ok: bool, tables: Tables) -> tuple[str, str | None]:
        """The arithmetic of a failed assertion, in the article's number format."""
        article = tables.articles[int(table.value(i, "art"))]
        conv = article.number_convention
        one = table.row(i)
        # an error is judged on the loose reading (nothing saves it), a warning on the strict one
        reading = "strict" if loose_ok else "loose"
        ev = Evaluator(one, reading)
        parts = []
        suggestion = None
        for op, left, right in comparisons(rule.assert_ast):
            if ev._is_flag(left) or ev._is_flag(right) or bool(ev._compare(op, left, right, necessary=False)[0]):
                continue
            li, ri = ev.interval(left), ev.interval(right)
            if op == "!=":
                parts.append(f"{self._side(left, li.lo[0], 'least', one, article, conv)} = "
                             f"{self._side(right, ri.lo[0], 'least', one, article, conv)}")
                continue
            # state the violated order: the side that is larger even at its least, then the other
            if op in ("<=", "<") or (op == "==" and li.lo[0] > ri.hi[0]):
                big, big_iv, small, small_iv = left, li, right, ri
            else:
                big, big_iv, small, small_iv = right, ri, left, li
            parts.append(f"{self._side(big, big_iv.lo[0], 'least', one, article, conv)} > "
                         f"{self._side(small, small_iv.hi[0], 'most', one, article, conv)}")
            if op == "==" and suggestion is None:
                suggestion = self._suggest_equal(left, right, one, article, conv)
        text = "; ".join(parts)
        if loose_ok:
            text += " — only a loose reading of the qualifier allows it"
        return text, suggestion

    def _side(self, node: Node, bound: float, which: str, row: ColumnTable, article: Article, conv: str) -> str:
        """One side of a failed comparison: the figure as written, or its bound and what it means."""
        if isinstance(node, Name):
            f = self._figure_of(node.name, row, article)
            if f is not None:
                exact = f.qualifier is None and (f.low == f.high or f.unit == "percent")
                if exact:
                    return _quote(f)
                return f"{_in_scale_of(bound, f, conv)}, the {which} that '{_quote(f)}' can mean"
            if node.name == "items" and "items.lo" in row.columns:
                return f"{format_number(row.value(0, 'items.lo'), conv)} named"
        if isinstance(node, Call) and node.func == "sum" and len(node.args) == 1 and isinstance(node.args[0], Name):
            col = f"{node.args[0].name}.id"
            ids = row.value(0, col) if col in row.columns else None
            if isinstance(ids, list) and ids:
                first = self._figure(article, ids[0])
                return " + ".join(self._figure(article, x).text for x in ids) + f" = {_in_scale_of(bound, first, conv)}"
        if isinstance(node, Num):
            return format_number(node.value, conv)
        return f"{to_text(node)} = {format_number(bound, conv)}"

    def _figure(self, article: Article, figure_id: str) -> Figure:
        """``article.figure(figure_id)`` from an index made once per article (it scans the figures)."""
        index = self._figures.get(id(article))
        if index is None:
            index = self._figures[id(article)] = {}
            for f in article.figures:
                index.setdefault(f.id, f)
        return index[figure_id]

    def _figure_of(self, name: str, row: ColumnTable, article: Article) -> Figure | None:
        col = f"{name}.id"
        if col in row.columns and isinstance(row.value(0, col), str):
            try:
                return self._figure(article, row.value(0, col))
            except KeyError:
                return None
        return None

    def _suggest_equal(self, left: Node, right: Node, row: ColumnTable, article: Article, conv: str) -> str | None:
        ev = Evaluator(row, "strict")
        for target, other in ((right, left), (left, right)):
            if isinstance(target, Name):
                f = self._figure_of(target.name, row, article)
                iv = ev.interval(other)
                if f is not None and iv.lo[0] == iv.hi[0] and np.isfinite(iv.lo[0]):
                    return f"{f.text} → {format_number(iv.lo[0], conv)}?"
        return None

    # -- anomalies ------------------------------------------------------------------------------------

    def _anomalies(self, findings: list[tuple[str, _Finding]], tables: Tables, results: list[ArticleResult]) -> None:
        seen: set[tuple[int, str, frozenset[str]]] = set()
        relations: dict[int, dict[str, object]] = {}
        for on, f in findings:
            row = tables.table(on).row(f.row)
            a_idx = int(row.value(0, "art"))
            article = tables.articles[a_idx]
            ids: list[str] = []
            wanted = None
            if f.rule.assert_ast is not None:  # the figures the rule speaks of, not the whole row
                from figcheck.rules.expr import names as expr_names

                wanted = {f"{n.name}.id" for n in expr_names(f.rule.assert_ast)}
            for col in row.columns:
                if col.endswith(".id") and (wanted is None or col in wanted):
                    v = row.value(0, col)
                    if isinstance(v, str):
                        ids.append(v)
                    elif isinstance(v, list):
                        ids += v
            if "fid" in row.columns:
                ids.append(row.value(0, "fid"))
            ids = sorted(dict.fromkeys(ids), key=lambda x: (self._figure(article, x).field != "title",
                                                            self._figure(article, x).start))
            key = (a_idx, f.rule.id, frozenset(ids))
            if key in seen:
                continue
            seen.add(key)
            figs = [self._figure(article, x) for x in ids]
            rid = row.value(0, "rid") if "rid" in row.columns else None
            if a_idx not in relations:  # the first relation of each id, as a scan would find it
                relations[a_idx] = {}
                for r in article.relations:
                    relations[a_idx].setdefault(r.id, r)
            rel = relations[a_idx].get(rid) if isinstance(rid, str) else None
            text_figs = [g for g in figs if g.field == "text"]
            start = rel.start if rel is not None else min((g.start for g in text_figs), default=0)
            end = rel.end if rel is not None else max((g.end for g in text_figs), default=0)
            message = _render(f.rule.message, row, article, self._figure)
            res = results[a_idx]
            res.anomalies.append(Anomaly(
                id=f"a{len(res.anomalies) + 1}", rule=f.rule.id, severity=f.severity, message=message,
                figures=ids, start=start, end=end, explanation=f.explanation, suggestion=f.suggestion,
                sentence=figs[0].sentence if figs else None, relation=rid if isinstance(rid, str) else None))
        for res in results:
            res.anomalies[:] = _merge_same_figures(res.anomalies)
            res.anomalies.sort(key=lambda a: (a.start, -SEVERITY_RANK[a.severity], a.rule))
            res.anomalies[:] = [Anomaly(**{**a.to_dict(), "id": f"a{k}"}) for k, a in enumerate(res.anomalies, 1)]


def _mark_checked(id_columns: list[list], i: int, result: ArticleResult) -> None:
    """Record the figures of row ``i`` in these id columns (an id, a list of ids, or a gap) as checked."""
    for values in id_columns:
        v = values[i]
        if isinstance(v, str):
            result.checked_figures.add(v)
        elif isinstance(v, list):
            result.checked_figures.update(v)


def _applies(rule: Rule, table: ColumnTable, strict: Evaluator) -> np.ndarray:
    """Rows the rule is about: its scope (records) and its ``where`` filter."""
    applies = np.ones(len(table), dtype=bool)
    if rule.on == "record":
        applies &= np.array([v == rule.scope for v in table.columns["scope"]], dtype=bool)
    if rule.where_ast is not None:
        applies &= strict.referenced_present(rule.where_ast) & strict.possible(rule.where_ast)
    return applies


def _merge_same_figures(anomalies: list[Anomaly]) -> list[Anomaly]:
    """One anomaly per set of figures: several rules that flag the same figures report one fact.

    The most severe (then the first, in rule order) is kept; the others are named in its ``also``.
    """
    groups: dict[frozenset[str], list[Anomaly]] = {}
    for a in anomalies:
        groups.setdefault(frozenset(a.figures), []).append(a)
    out = []
    for group in groups.values():
        keep = max(group, key=lambda a: SEVERITY_RANK[a.severity])
        others = [a.rule for a in group if a is not keep]
        out.append(Anomaly(**{**keep.to_dict(), "also": others}) if others else keep)
    return out


def _failing_rows(outcomes: list[tuple[str, np.ndarray | None]]) -> list[tuple[int, int]]:
    """(rule number, row) for every row a rule does not hold on, rule by rule and row by row.

    The order ``failing_rows`` gives through pandera; a rule whose outcome is None could not run.
    """
    out: list[tuple[int, int]] = []
    for k, (_, passed) in enumerate(outcomes):
        if passed is not None:
            out += [(k, int(i)) for i in np.flatnonzero(~passed)]
    return out


def failing_rows(name: str, outcomes: list, n_rows: int) -> list[tuple[int, int]]:
    """Validate one table with pandera (datasets): one Check per rule, given whether each row holds.

    pandera validates a one-column frame of row numbers (the check closes over the real table), so a
    failing row is exactly one failure case. Returns (rule number, row) pairs. A rule whose outcome is
    None could not run and is given a check that passes, so it counts as neither pass nor fail here.
    """
    import pandas as pd
    import pandera.pandas as pa

    checks = []
    for rule_id, passed in outcomes:
        if passed is None:
            checks.append(pa.Check(lambda d: pd.Series(True, index=d.index), name=rule_id, ignore_na=False))
        else:
            checks.append(pa.Check(lambda d, passed=passed: passed.loc[d.index], name=rule_id, error=rule_id,
                                   ignore_na=False))
    rows = pd.DataFrame({"row": np.arange(n_rows)})
    try:
        pa.DataFrameSchema(checks=checks, name=name).validate(rows, lazy=True)
        return []
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
    out = []
    for number, index in zip(cases["check_number"], cases["index"]):
        if index is None or (isinstance(index, float) and np.isnan(index)):
            continue
        out.append((int(number), int(index)))
    return out


def _debug() -> bool:
    import os

    return os.environ.get("FIGCHECK_DEBUG") == "1"


_LEADING_NUMBER = re.compile(r"[\d.,]+")


def _in_scale_of(x: float, f: Figure, conv: str) -> str:
    """``x`` written as ``f`` writes its amount: "506.818,5 tỷ đồng" for an amount in "tỷ đồng", not
    "506.818.500.000.000"; plainly where ``f`` has no word of a multiplier."""
    m = _LEADING_NUMBER.match(f.text)
    written = parse_numeral(m.group(0), conv) if m else None
    if written is None or not written.value or f.value is None or not np.isfinite(x):
        return format_number(x, conv)
    scale = f.value / float(written.value)
    rest = f.text[m.end():].strip()
    if scale < 1000 or not rest:
        return format_number(x, conv)
    return f"{format_number(round(x / scale, f.decimals + 2), conv)} {rest}"


def _quote(f: Figure) -> str:
    return f"{f.text} {f.noun}" if f.noun and f.unit != "percent" else f.text


def _interval(lo: float | None, hi: float | None, conv: str) -> str:
    if lo is None or (isinstance(lo, float) and np.isnan(lo)):
        lo = -np.inf
    if hi is None or (isinstance(hi, float) and np.isnan(hi)):
        hi = np.inf
    if lo == hi:
        return format_number(lo, conv)
    if not np.isfinite(hi):
        return f"at least {format_number(lo, conv)}"
    return f"{format_number(lo, conv)}–{format_number(hi, conv)}"


def _render(template: str, row: ColumnTable, article: Article, figure=None) -> str:
    """Fill ``{name}`` (a figure as written), ``{name.noun}``, ``{name.value}`` and ``{items}``; ``{a|b}`` is the
    first of the roles the relation has ("a change of {percent|delta}": a change states one or both).

    ``figure(article, id)`` finds a figure (by default ``article.figure``, a scan).
    """
    conv = article.number_convention
    find = figure or (lambda art, fid: art.figure(fid))

    def sub(m: re.Match[str]) -> str:
        for key in m.group(1).split("|"):
            filled = one(key)
            if filled is not None:
                return filled
        return m.group(0)

    def one(key: str) -> str | None:
        base, _, attr = key.rpartition(".") if "." in key and key.rsplit(".", 1)[-1] in ("noun", "value", "text") \
            else (key, "", "")
        if key == "items" and "items.lo" in row.columns:
            return format_number(row.value(0, "items.lo"), conv)
        col = f"{base}.id"
        fid = row.value(0, col) if col in row.columns else None
        if isinstance(fid, str):
            try:
                f = find(article, fid)
            except KeyError:
                return None
            if attr == "noun":
                return f.noun or ""
            if attr == "value":
                return format_number(f.value, conv) if f.value is not None else f.text
            return _quote(f) if attr == "" else f.text
        if f"{base}.sum.lo" in row.columns and not attr:
            return format_number(row.value(0, f"{base}.sum.lo"), conv)
        return None

    return _PLACEHOLDER.sub(sub, template)


def check_articles(articles: list[Article], ruleset: RuleSet, language: str = "vi") -> list[ArticleResult]:
    """Check articles with a rule set: one result per article, in order."""
    return CheckEngine(ruleset, language).check(articles)
