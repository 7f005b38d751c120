"""Rule packs as Great Expectations 1.x ExpectationSuites.

A metric rule becomes, comparison by comparison:

* ``a <= b`` (two columns) → ``ExpectColumnPairValuesAToBeGreaterThanB(column_A=b, column_B=a, or_equal=True)``;
* ``0 <= a <= 100`` (a column and numbers) → ``ExpectColumnValuesToBeBetween``;
* anything else linear (``sum(a, b) == c``, ``a <= 0.95 * b``) → ``ExpectColumnValuesToBeBetween`` on a
  *derived* column ``right − left``, whose formula is written in the suite's meta so any pipeline can
  compute it (figcheck does, for ``--engine gx``). Its range allows float residue (``RESIDUE``), the rule's
  absolute ``tolerance`` and, for metrics with ``decimals``, the rounding of each term (Σ |coefficient| ×
  half a unit), so it fails exactly where the interval engines do on the written values.

Rules with no faithful equivalent (``or``, ``not``, ``!=``, ``abs``/``min``/``max``, ``where`` filters) are
listed in the suite's meta under ``figcheck_not_exported`` and returned to the caller — never dropped
silently. GX compares written values: the loose readings of qualifiers ("trên 4.340") are figcheck's own.
Great Expectations is imported only here and only when asked for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from figcheck.rules.expr import BinOp, BoolOp, Call, Compare, Name, Node, Num, Neg, Not, to_text
from figcheck.rules.model import Rule, RuleSet

GX_SEVERITY = {"error": "critical", "warning": "warning", "info": "info"}


@dataclass
class Exported:
    rule: str
    kind: str  # pair | between | derived
    kwargs: dict[str, Any]
    derived: dict[str, Any] | None = None  # {"name", "formula", "terms": [(coefficient, column or None, constant)]}


@dataclass
class Translation:
    expectations: list[Exported] = field(default_factory=list)
    not_exported: list[dict[str, str]] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)  # metric → column


class _NotFaithful(Exception):
    pass


def _linear(node: Node, col: dict[str, str]) -> dict[str | None, float]:
    """A linear expression as {column: coefficient, None: constant}."""
    if isinstance(node, Num):
        return {None: node.value}
    if isinstance(node, Name):
        return {col.get(node.name, node.name): 1.0}
    if isinstance(node, Neg):
        return {k: -v for k, v in _linear(node.operand, col).items()}
    if isinstance(node, Call) and node.func == "sum":
        out: dict[str | None, float] = {}
        for a in node.args:
            for k, v in _linear(a, col).items():
                out[k] = out.get(k, 0.0) + v
        return out
    if isinstance(node, BinOp):
        a, b = _linear(node.left, col), _linear(node.right, col)
        if node.op in ("+", "-"):
            sign = 1.0 if node.op == "+" else -1.0
            out = dict(a)
            for k, v in b.items():
                out[k] = out.get(k, 0.0) + sign * v
            return out
        if node.op == "*":
            if set(a) == {None}:
                return {k: v * a[None] for k, v in b.items()}
            if set(b) == {None}:
                return {k: v * b[None] for k, v in a.items()}
        if node.op == "/" and set(b) == {None} and b[None] != 0:
            return {k: v / b[None] for k, v in a.items()}
    raise _NotFaithful(f"{to_text(node)} is not linear")


def _comparisons(node: Node) -> list[tuple[str, Node, Node]]:
    if isinstance(node, Compare):
        return list(zip(node.ops, node.operands, node.operands[1:]))
    if isinstance(node, BoolOp) and node.op == "and":
        return [c for v in node.values for c in _comparisons(v)]
    if isinstance(node, Call) and node.func == "between":
        x, lo, hi = node.args
        return [("<=", lo, x), ("<=", x, hi)]
    if isinstance(node, (BoolOp, Not)):
        raise _NotFaithful("'or' and 'not' have no Great Expectations equivalent")
    raise _NotFaithful(f"{to_text(node)} is not a comparison")


def translate(ruleset: RuleSet, metric_to_col: dict[str, str] | None = None) -> Translation:
    """The record rules of ``ruleset`` as expectations on columns (metric names, or the packs' columns)."""
    if metric_to_col is None:
        metric_to_col = {}
        for pack in ruleset.packs:
            for column, metric in pack.columns.items():
                metric_to_col[metric] = gx_name(column)
    out = Translation(columns=metric_to_col)
    for rule in ruleset.rules:
        if rule.on != "record":
            continue  # relation and figure rules are about articles, not tables
        try:
            out.expectations += _translate_rule(rule, metric_to_col, ruleset.metrics)
        except _NotFaithful as why:
            out.not_exported.append({"rule": rule.id, "reason": str(why)})
    return out


def _range(left: Node, right: Node, op: str, col: dict[str, str]) -> dict[str, Any] | None:
    """``column op number`` or ``number op column`` (op in <=, <, ==) as ExpectColumnValuesToBeBetween kwargs."""
    for name_side, num_side, bound in ((left, right, "max"), (right, left, "min")):
        if isinstance(name_side, Name) and isinstance(num_side, Num):
            kw: dict[str, Any] = {"column": col.get(name_side.name, name_side.name), f"{bound}_value": num_side.value}
            if op == "<":
                kw[f"strict_{bound}"] = True
            if op == "==":
                kw["min_value" if bound == "max" else "max_value"] = num_side.value
            return kw
    return None


RESIDUE = 1e-6  # what a derived column may be off by from float arithmetic alone (0.1 + 0.2 - 0.3)


def _slack(terms: dict[str | None, float], col: dict[str, str], metrics: dict) -> float:
    """How far a linear form of rounded values may be from the exact one: Σ |coefficient| × half a unit."""
    metric_of = {c: m for m, c in col.items()}
    out = 0.0
    for key, v in terms.items():
        metric = metrics.get(metric_of.get(key, key)) if key is not None else None
        if metric is not None and getattr(metric, "decimals", None) is not None:
            out += abs(v) * 0.5 * 10.0 ** -metric.decimals
    return out


def _translate_rule(rule: Rule, col: dict[str, str], metrics: dict | None = None) -> list[Exported]:
    metrics = metrics or {}
    if rule.assert_ast is None:
        raise _NotFaithful(f"built-in check {rule.check!r}")
    if rule.where_ast is not None:
        raise _NotFaithful("a 'where' filter has no Great Expectations equivalent")
    if rule.group_by is not None or rule.order_by:
        raise _NotFaithful("group_by and order_by have no Great Expectations equivalent here")
    if rule.tolerance and rule.tolerance[1]:
        raise _NotFaithful("a relative tolerance has no Great Expectations equivalent")
    allowed = rule.tolerance[0] if rule.tolerance else 0.0
    found = []
    for k, (op, left, right) in enumerate(_comparisons(rule.assert_ast)):
        if op == "!=":
            raise _NotFaithful("'!=' has no Great Expectations equivalent")
        if op in (">=", ">"):
            left, right, op = right, left, "<=" if op == ">=" else "<"
        # now: left (op) right, op in <=, <, ==
        terms = _linear(right, col)
        for key, v in _linear(left, col).items():
            terms[key] = terms.get(key, 0.0) - v
        slack = allowed + _slack(terms, col, metrics)
        if not slack and isinstance(left, Name) and isinstance(right, Name) and op != "==":
            found.append(Exported(rule.id, "pair", {
                "column_A": col.get(right.name, right.name), "column_B": col.get(left.name, left.name),
                "or_equal": op == "<=", "ignore_row_if": "either_value_is_missing"}))
            continue
        kw = _range(left, right, op, col) if not slack else None
        if kw is not None:
            found.append(Exported(rule.id, "between", kw))
            continue
        name = gx_name(f"figcheck__{rule.id}__{k}".replace(".", "_").replace("-", "_"))
        formula = " + ".join(f"{v:g}*{key}" if key else f"{v:g}" for key, v in terms.items() if v)
        # a strict "<" of exact values stays strict (equal sides fail it); elsewhere the margin is allowed
        margin = 0.0 if op == "<" and not slack else slack + RESIDUE
        kw = {"column": name, "min_value": -margin} | ({"strict_min": True} if op == "<" else {}) \
            | ({"max_value": margin} if op == "==" else {})
        found.append(Exported(rule.id, "derived", kw, {"name": name, "formula": formula,
                                                      "terms": [[key, v] for key, v in terms.items()]}))
    return found


def gx_name(name: str) -> str:
    """A name as figcheck hands it to Great Expectations (columns, suite, meta): letters (any script),
    digits, spaces and ``_ . -`` only, so no markup from a rule file or a table header reaches the Data
    Docs' HTML."""
    import re

    return re.sub(r"[^\w .\-]", "_", str(name))[:200] or "_"


def add_derived_columns(frame, translation: Translation):
    """``frame`` with the derived columns the suite's expectations read."""
    import numpy as np

    frame = frame.copy()
    for e in translation.expectations:
        if e.derived is None:
            continue
        total = np.zeros(len(frame))
        for key, v in e.derived["terms"]:
            total = total + (v if key is None else v * frame[key].to_numpy(dtype=float))
        frame[e.derived["name"]] = total
    return frame


def ephemeral_context():
    """A Great Expectations context that lives in memory only, quiet (no progress bars, no analytics)."""
    import os
    import warnings

    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    warnings.filterwarnings("ignore", module="great_expectations")
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    return context


def build_suite(translation: Translation, ruleset: RuleSet, name: str = "figcheck", context=None):
    """A ``great_expectations.ExpectationSuite`` for the translation, registered in ``context``."""
    context = context or ephemeral_context()
    import great_expectations as gx

    rules = {r.id: r for r in ruleset.rules}
    suite = gx.ExpectationSuite(name=gx_name(name), meta={
        "figcheck_packs": [gx_name(f"{p.name} {p.version}") for p in ruleset.packs],
        "figcheck_columns": translation.columns,
        "figcheck_derived_columns": {e.derived["name"]: e.derived["formula"] for e in translation.expectations if e.derived},
        "figcheck_not_exported": translation.not_exported,
    })
    # rules whose assertions translate to the same expectation share it: GX keeps one of equal expectations,
    # so each carries every rule it stands for (figcheck_rules), and none is dropped silently
    sharing: dict[str, list[str]] = {}
    first: dict[str, Exported] = {}
    for e in translation.expectations:
        key = repr((e.kind, sorted(e.kwargs.items())))
        sharing.setdefault(key, []).append(e.rule)
        first.setdefault(key, e)
    order = ("info", "warning", "error")
    for key, e in first.items():
        meta = {"figcheck_rule": e.rule, "figcheck_assert": rules[e.rule].assert_text,
                "figcheck_rules": sharing[key]}
        severity = GX_SEVERITY[max((rules[r].severity for r in sharing[key]), key=order.index)]
        if e.kind == "pair":
            exp = gx.expectations.ExpectColumnPairValuesAToBeGreaterThanB(**e.kwargs, meta=meta, severity=severity)
        else:
            exp = gx.expectations.ExpectColumnValuesToBeBetween(**e.kwargs, meta=meta, severity=severity)
        suite.add_expectation(exp)
    return context.suites.add(suite)
