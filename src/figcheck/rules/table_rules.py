"""The fields of a rule on tables (``on: record``), validated where the pack is loaded.

``tolerance``, ``group_by`` (with ``children`` and ``parent``), ``sections``, ``order_by`` (with
``partition_by``) and ``files`` are read here,
and the names of ``assert`` and ``where`` are checked against the kinds of the metrics they name: a text
metric (``type: text``) is only compared with ``==``, ``!=``, ``in [...]`` or ``matches()``; a number
metric never with a quoted text; aggregates need ``group_by`` and ``previous()`` / ``cumsum()`` /
``increasing()`` need ``order_by``. What passes here evaluates on every engine, so ``rules validate``
catches what would otherwise fail while a table is checked.
"""

from __future__ import annotations

import re
from typing import Any

from figcheck.rules import expr as rexpr
from figcheck.rules.model import Metric

_PLACEHOLDER = re.compile(r"\{([^\W\d]\w*)\}")


def is_family(name: str) -> bool:
    """A metric family (``prov.*``): one member metric per column a pattern maps (figcheck.datasets.templates)."""
    return name.endswith(".*")


def family_of(target: str) -> str | None:
    """The family a ``columns`` value names: ``prov.*`` or ``area.{year}`` → ``area.*``; None for a metric."""
    if _PLACEHOLDER.search(target):
        return _PLACEHOLDER.sub("*", target)
    return target if is_family(target) else None


_TOLERANCE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$")
CONDITIONS = ("between", "matches", "increasing", "decreasing")


def table_rule_fields(raw, rid: str, metrics: dict[str, Metric], parsed: dict[str, Any], numbers: set[str]) -> dict:
    from figcheck.rules.loader import RuleFileError, _parse_expr

    out: dict[str, Any] = {}
    if "tolerance" in raw:
        out["tolerance"] = _tolerance(raw["tolerance"], rid, raw.marks["tolerance"])
    for key in ("group_by", "order_by", "partition_by"):
        if key in raw:
            value = raw[key]
            value = [value] if isinstance(value, str) else value
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise RuleFileError(f"rule {rid!r}: {key!r} lists metric names", raw.marks[key])
            for v in value:
                if v not in metrics:
                    raise RuleFileError(f"rule {rid!r}: {key!r} names {v!r}, which is not a metric (known: "
                                        f"{', '.join(sorted(metrics)[:80])})", raw.marks[key])
            if key == "order_by" and not value:
                raise RuleFileError(f"rule {rid!r}: 'order_by' names at least one metric", raw.marks[key])
            if key == "partition_by" and "order_by" not in out:
                raise RuleFileError(f"rule {rid!r}: 'partition_by' splits the order of 'order_by': it needs one",
                                    raw.marks[key])
            out[key] = tuple(value)
    if "parent" in raw:
        parent = raw["parent"]
        if "group_by" not in out or len(out["group_by"]) != 1:
            raise RuleFileError(f"rule {rid!r}: 'parent' needs a 'group_by' of one metric (the key that names "
                                f"each row's parent)", raw.marks["parent"])
        if not isinstance(parent, str) or parent not in metrics:
            raise RuleFileError(f"rule {rid!r}: 'parent' names the metric whose value is a row's own key "
                                f"(known: {', '.join(sorted(metrics)[:80])})", raw.marks["parent"])
        out["parent"] = parent
    if "sections" in raw:
        if "group_by" in raw or "parent" in raw:
            raise RuleFileError(f"rule {rid!r}: 'sections' makes the groups (a heading row and the rows below it): "
                                f"it takes no 'group_by' or 'parent'", raw.marks["sections"])
        text, node = _parse_expr(raw, "sections", numbers, "name")
        out["group_by"] = ()
        _check_kinds(raw, "sections", node, metrics, out, condition=True)
        out.update(sections=text, sections_ast=node)
    if "children" in raw:
        if "group_by" not in out:
            raise RuleFileError(f"rule {rid!r}: 'children' selects the rows a group's aggregates run over: it needs "
                                f"'group_by' ([] for the whole table)", raw.marks["children"])
        text, node = _parse_expr(raw, "children", numbers, "name")
        _check_kinds(raw, "children", node, metrics, out, condition=True)
        out.update(children=text, children_ast=node)
    if "files" in raw:
        files = raw["files"]
        files = [files] if isinstance(files, str) else files
        if not isinstance(files, list) or not files or not all(isinstance(f, str) and f for f in files):
            raise RuleFileError(f"rule {rid!r}: 'files' lists glob patterns of file names (\"*.csv\")", raw.marks["files"])
        out["files"] = tuple(files)
    if "reference" in raw:
        out["reference"] = _reference(raw["reference"], rid, raw.marks["reference"], metrics, numbers)
        metrics = {**metrics, **{name: metrics[m] for name, m in out["reference"].values}}
    for key in ("assert", "where"):
        node = parsed.get(f"{key}_ast")
        if node is not None:
            _check_kinds(raw, key, node, metrics, out, condition=True)
    return out


def _reference(ref: Any, rid: str, mark, metrics: dict[str, Metric], numbers: set[str]):
    from figcheck.rules.loader import RuleFileError, _Located, _parse_expr
    from figcheck.rules.model import Reference

    shape = "'reference' is a mapping: {file: OTHER.csv, where: CONDITION, values: {NAME: METRIC}}"
    if not isinstance(ref, _Located) or set(ref) - {"file", "where", "values"} or not {"file", "where", "values"} <= set(ref):
        raise RuleFileError(f"rule {rid!r}: {shape}", mark)
    if not isinstance(ref["file"], str) or not ref["file"]:
        raise RuleFileError(f"rule {rid!r}: the reference 'file' is a path relative to the checked table", ref.marks["file"])
    values = ref["values"]
    if not isinstance(values, dict) or not values:
        raise RuleFileError(f"rule {rid!r}: {shape}", ref.marks["values"])
    pairs = []
    for name, metric in values.items():
        if name in metrics:
            raise RuleFileError(f"rule {rid!r}: the reference name {name!r} is already a metric", ref.marks["values"])
        if not isinstance(metric, str) or metric not in metrics or metrics[metric].kind == "text":
            raise RuleFileError(f"rule {rid!r}: reference {name!r} names {metric!r}, which is not a number metric "
                                f"(known: {', '.join(sorted(metrics)[:80])})", ref.marks["values"])
        pairs.append((str(name), metric))
    text, node = _parse_expr(ref, "where", numbers, "name")
    _check_kinds(ref, "where", node, metrics, {}, condition=True)
    return Reference(file=ref["file"], where=text, where_ast=node, values=tuple(pairs))


def _tolerance(value: Any, rid: str, mark) -> tuple[float, bool]:
    from figcheck.rules.loader import RuleFileError

    if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0:
        return float(value), False
    if isinstance(value, str) and (m := _TOLERANCE.match(value)):
        amount = float(m.group(1))
        return (amount / 100, True) if m.group(2) else (amount, False)
    raise RuleFileError(f"rule {rid!r}: 'tolerance' is an amount (0.05) or a share of the larger side (\"0.5%\")", mark)


def _check_kinds(raw, key: str, node: rexpr.Node, metrics: dict[str, Metric], fields: dict, condition: bool) -> None:
    from figcheck.rules.loader import RuleFileError, _expr_location

    text = raw[key]
    grouped, ordered = "group_by" in fields, "order_by" in fields

    def fail(message: str, at: rexpr.Node):
        err = rexpr.ExpressionError(message, at.offset, text)
        raise RuleFileError(f"in {key!r}: {err.message}", _expr_location(raw, key, err))

    def is_text(n: rexpr.Node) -> bool:
        return isinstance(n, rexpr.Str) or (isinstance(n, rexpr.Name) and n.name in metrics
                                            and metrics[n.name].kind == "text")

    def number(n: rexpr.Node) -> None:
        """``n`` must give a number."""
        if isinstance(n, rexpr.Num):
            return
        if isinstance(n, rexpr.Str):
            fail(f"the text {n.value!r} is not a number", n)
        if isinstance(n, rexpr.Items):
            fail("a list is only the right side of 'in'", n)
        if isinstance(n, rexpr.Name):
            if is_text(n):
                fail(f"{n.name!r} is a text metric: compare it with ==, !=, in [...] or matches()", n)
            return
        if isinstance(n, rexpr.Neg):
            return number(n.operand)
        if isinstance(n, rexpr.BinOp):
            number(n.left)
            number(n.right)
            return
        if isinstance(n, rexpr.Call):
            if n.func in rexpr.AGGREGATES and grouped or n.func in ("previous", "cumsum"):
                if n.func in ("previous", "cumsum") and not ordered:
                    fail(f"{n.func}() needs the rule's 'order_by'", n)
                if n.func == "mean" and not grouped:
                    fail("mean() is a group aggregate: it needs the rule's 'group_by'", n)
                arg = n.args[0] if len(n.args) == 1 else None
                if n.func in ("previous", "cumsum") and grouped and isinstance(arg, rexpr.Call) \
                        and arg.func in rexpr.AGGREGATES:
                    return number(arg)  # the previous row's group aggregate
                if len(n.args) != 1 or not isinstance(n.args[0], rexpr.Name):
                    if n.func in ("previous", "cumsum") or n.func in ("mean", "count"):
                        fail(f"{n.func}() takes one metric name here", n)
                    for a in n.args:
                        number(a)
                    return
                if n.func != "count":
                    number(n.args[0])
                return
            if n.func == "mean":
                fail("mean() is a group aggregate: it needs the rule's 'group_by'", n)
            if n.func in ("matches", "increasing", "decreasing", "between"):
                fail(f"{n.func}() is a condition, not a number", n)
            for a in n.args:
                number(a)
            return
        fail("expected a number", n)

    def truth(n: rexpr.Node) -> None:
        """``n`` must be a condition."""
        if isinstance(n, rexpr.BoolOp):
            for v in n.values:
                truth(v)
            return
        if isinstance(n, rexpr.Not):
            return truth(n.operand)
        if isinstance(n, rexpr.Compare):
            for op, left, right in zip(n.ops, n.operands, n.operands[1:]):
                if op == "in":
                    if is_text(left):
                        if not all(isinstance(v, rexpr.Str) for v in right.values):
                            fail(f"{rexpr.to_text(left)} is text: its list holds quoted texts", right)
                    else:
                        number(left)
                        if not all(isinstance(v, rexpr.Num) for v in right.values):
                            fail(f"{rexpr.to_text(left)} is a number: its list holds numbers", right)
                elif isinstance(right, rexpr.Items) or isinstance(left, rexpr.Items):
                    fail("a list is only the right side of 'in'", right)
                elif is_text(left) or is_text(right):
                    if not (is_text(left) and is_text(right)):
                        other = right if is_text(left) else left
                        fail(f"{rexpr.to_text(other)} is a number and {rexpr.to_text(left if other is right else right)}"
                             f" is text: they cannot be compared", other)
                    if op not in ("==", "!="):
                        fail(f"texts compare with == and != (or in [...], matches()), not {op!r}", left)
                else:
                    number(left)
                    number(right)
            return
        if isinstance(n, rexpr.Call) and n.func in CONDITIONS:
            if n.func == "matches":
                if not is_text(n.args[0]) or isinstance(n.args[0], rexpr.Str):
                    fail("matches() takes a text metric and a quoted regular expression", n.args[0])
                return
            if n.func in ("increasing", "decreasing"):
                if not ordered:
                    fail(f"{n.func}() needs the rule's 'order_by'", n)
                if not isinstance(n.args[0], rexpr.Name):
                    fail(f"{n.func}() takes one metric name", n)
                number(n.args[0])
                return
            for a in n.args:
                number(a)
            return
        if isinstance(n, rexpr.Name) and n.name not in metrics:
            return  # a flag of another table
        fail("expected a condition (a comparison, between(), matches(), increasing(), 'and', 'or' or 'not')", n)

    truth(node)
