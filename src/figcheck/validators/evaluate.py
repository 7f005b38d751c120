"""Evaluating rule expressions on intervals, a whole table at a time.

Each figure in a table is an interval (columns ``NAME.lo``/``NAME.hi`` for the strict reading,
``NAME.llo``/``NAME.lhi`` for the loose one). Arithmetic is interval arithmetic; a comparison asks
whether it is *possible* — whether some values inside the intervals satisfy it — or *necessary*. A rule
holds for a row when its assertion is possible; ``not`` swaps the two questions. Flags (``exhaustive``,
``direction``, ``unit``…) are exact values compared exactly.

Lists (``parts``) are kept as pre-computed aggregates (``parts.sum.lo``, ``parts.n``…), so ``sum(parts)``
is a column lookup, not a loop.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np

from figcheck.rules.expr import BinOp, BoolOp, Call, Compare, Name, Node, Not, Num, Neg, Str

EPS = 1e-9


class EvaluationError(ValueError):
    pass


@dataclass
class Interval:
    lo: np.ndarray
    hi: np.ndarray


def _eps(*arrays: np.ndarray) -> np.ndarray:
    scale = np.ones_like(arrays[0], dtype=float)
    for a in arrays:
        with np.errstate(invalid="ignore"):
            scale = np.fmax(scale, np.where(np.isfinite(a), np.abs(a), 1.0))
    return EPS * scale


class Evaluator:
    """Evaluates expressions over ``table`` under the ``strict`` or ``loose`` reading.

    ``table`` is a pandas DataFrame (datasets) or a :class:`figcheck.validators.tables.ColumnTable`
    (articles): the evaluator reads columns only through ``columns``, ``len()`` and ``to_numpy``.
    """

    def __init__(self, table, reading: str = "strict", tolerance: tuple[float, bool] | None = None) -> None:
        self.t = table
        self.n = len(table)
        self.tolerance = tolerance  # a rule's (amount, relative): how far apart two compared sides may be
        self.lo_key, self.hi_key = ("lo", "hi") if reading == "strict" else ("llo", "lhi")

    # -- names ---------------------------------------------------------------------------------

    def has_number(self, name: str) -> bool:
        return f"{name}.lo" in self.t.columns or self._exact(name)

    def _exact(self, name: str) -> bool:
        """A figure stored by its value alone: exact, so every reading is the value (saves memory)."""
        return f"{name}.lo" not in self.t.columns and f"{name}.value" in self.t.columns

    def is_list(self, name: str) -> bool:
        return f"{name}.n" in self.t.columns

    def _col(self, key: str, fill: float) -> np.ndarray:
        return self.t[key].to_numpy(dtype=float, na_value=np.nan) if key in self.t.columns else np.full(self.n, fill)

    def number(self, name: str) -> Interval:
        if self._exact(name):
            v = self._col(f"{name}.value", np.nan)
            return Interval(v, v)
        lo = self._col(f"{name}.{self.lo_key}", np.nan)
        hi = self._col(f"{name}.{self.hi_key}", np.nan)
        present = self._col(f"{name}.lo", np.nan)
        # an unbounded side of a loose reading is stored as NaN next to a present strict value
        lo = np.where(np.isnan(lo) & ~np.isnan(present), -np.inf, lo)
        hi = np.where(np.isnan(hi) & ~np.isnan(present), np.inf, hi)
        return Interval(lo, hi)

    def aggregate(self, name: str, agg: str) -> Interval:
        return self.number(f"{name}.{agg}")

    def referenced_present(self, node: Node) -> np.ndarray:
        """Rows where every figure the expression names is present (others are not applicable)."""
        ok = np.ones(self.n, dtype=bool)
        for n in _names(node):
            if self.is_list(n):
                ok &= self._col(f"{n}.n", 0) > 0
            elif self.has_number(n):
                ok &= ~np.isnan(self._col(f"{n}.value" if self._exact(n) else f"{n}.lo", np.nan))
        return ok

    # -- numbers ---------------------------------------------------------------------------------

    def interval(self, node: Node) -> Interval:
        if isinstance(node, Num):
            v = np.full(self.n, node.value, dtype=float)
            return Interval(v, v.copy())
        if isinstance(node, Name):
            if self.is_list(node.name):
                raise EvaluationError(f"{node.name!r} is a list: use sum({node.name}), min(…), max(…) or count(…)")
            if not self.has_number(node.name):
                if node.name in self.t.columns:
                    v = _numeric(self.t[node.name])
                    return Interval(v, v.copy())
                raise EvaluationError(f"no figure {node.name!r} in this table")
            return self.number(node.name)
        if isinstance(node, Neg):
            a = self.interval(node.operand)
            return Interval(-a.hi, -a.lo)
        if isinstance(node, BinOp):
            a, b = self.interval(node.left), self.interval(node.right)
            with np.errstate(invalid="ignore", divide="ignore", over="ignore"), warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN rows are missing figures
                if node.op == "+":
                    return Interval(a.lo + b.lo, a.hi + b.hi)
                if node.op == "-":
                    return Interval(a.lo - b.hi, a.hi - b.lo)
                if node.op == "*":
                    prods = np.stack([a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi])
                    return Interval(np.nanmin(prods, axis=0), np.nanmax(prods, axis=0))
                if node.op == "/":
                    spans_zero = (b.lo <= 0) & (b.hi >= 0)
                    quots = np.stack([a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi])
                    lo = np.where(spans_zero, -np.inf, np.nanmin(quots, axis=0))
                    hi = np.where(spans_zero, np.inf, np.nanmax(quots, axis=0))
                    return Interval(lo, hi)
            raise EvaluationError(f"unknown operator {node.op!r}")
        if isinstance(node, Call):
            return self._call(node)
        raise EvaluationError(f"not a number: {type(node).__name__}")

    def _call(self, node: Call) -> Interval:
        f, args = node.func, node.args
        if f in ("sum", "min", "max") and len(args) == 1 and isinstance(args[0], Name) and self.is_list(args[0].name):
            return self.aggregate(args[0].name, f)
        if f == "count":
            a = args[0]
            if isinstance(a, Name) and self.is_list(a.name):
                v = self._col(f"{a.name}.n", 0.0)
                return Interval(v, v.copy())
            raise EvaluationError("count() takes a list")
        if f == "abs":
            a = self.interval(args[0])
            lo = np.where(a.lo >= 0, a.lo, np.where(a.hi <= 0, -a.hi, 0.0))
            hi = np.where(a.lo >= 0, a.hi, np.where(a.hi <= 0, -a.lo, np.fmax(-a.lo, a.hi)))
            return Interval(lo, hi)
        parts = [self.interval(a) for a in args]
        if f == "sum":
            return Interval(np.sum([p.lo for p in parts], axis=0), np.sum([p.hi for p in parts], axis=0))
        if f == "min":
            return Interval(np.min([p.lo for p in parts], axis=0), np.min([p.hi for p in parts], axis=0))
        if f == "max":
            return Interval(np.max([p.lo for p in parts], axis=0), np.max([p.hi for p in parts], axis=0))
        raise EvaluationError(f"{f}() does not give a number")

    # -- truth -------------------------------------------------------------------------------------

    def possible(self, node: Node) -> np.ndarray:
        return self._truth(node, necessary=False)

    def necessary(self, node: Node) -> np.ndarray:
        return self._truth(node, necessary=True)

    def _is_flag(self, node: Node) -> bool:
        return isinstance(node, Str) or (isinstance(node, Name) and not self.has_number(node.name)
                                         and not self.is_list(node.name) and node.name in self.t.columns)

    def _flag(self, node: Node) -> np.ndarray:
        if isinstance(node, Str):
            return np.full(self.n, node.value, dtype=object)
        if isinstance(node, Num):
            return np.full(self.n, node.value, dtype=object)
        return self.t[node.name].to_numpy(dtype=object)

    def _truth(self, node: Node, necessary: bool) -> np.ndarray:
        if isinstance(node, BoolOp):
            parts = [self._truth(v, necessary) for v in node.values]
            return np.logical_and.reduce(parts) if node.op == "and" else np.logical_or.reduce(parts)
        if isinstance(node, Not):
            return ~self._truth(node.operand, not necessary)
        if isinstance(node, Compare):
            out = np.ones(self.n, dtype=bool)
            for op, left, right in zip(node.ops, node.operands, node.operands[1:]):
                out &= self._compare(op, left, right, necessary)
            return out
        if isinstance(node, Name) and self._is_flag(node):
            values = self._flag(node)
            return np.array([bool(v) and v == v for v in values], dtype=bool)
        if isinstance(node, Call) and node.func == "between":
            x, lo, hi = node.args
            return self._compare("<=", lo, x, necessary) & self._compare("<=", x, hi, necessary)
        raise EvaluationError("expected a comparison, a flag, 'and', 'or' or 'not'")

    def _compare(self, op: str, left: Node, right: Node, necessary: bool) -> np.ndarray:
        if self._is_flag(left) or self._is_flag(right):
            a, b = self._flag(left), self._flag(right)
            eq = np.array([x == y for x, y in zip(a, b)], dtype=bool)
            if op == "==":
                return eq
            if op == "!=":
                return ~eq
            raise EvaluationError(f"{op!r} compares numbers, not words")
        a, b = self.interval(left), self.interval(right)
        with np.errstate(invalid="ignore"):
            if op in ("<=", "<", ">=", ">"):
                if op in (">=", ">"):
                    a, b = b, a
                    op = "<=" if op == ">=" else "<"
                # the tolerance scales with the two bounds compared (the same in the polars compiler)
                x, y = (a.hi, b.lo) if necessary else (a.lo, b.hi)
                e = self._allow(_eps(x, y), x, y)
                return x <= y + e if op == "<=" else x < y - e
            e = self._allow(_eps(a.lo, a.hi, b.lo, b.hi), a.lo, a.hi, b.lo, b.hi)
            if op == "==":
                if necessary:
                    return (np.abs(a.hi - a.lo) <= e) & (np.abs(b.hi - b.lo) <= e) & (np.abs(a.lo - b.lo) <= e)
                return (a.lo <= b.hi + e) & (b.lo <= a.hi + e)
            if op == "!=":
                if necessary:
                    return (a.hi < b.lo - e) | (b.hi < a.lo - e)
                return ~((np.abs(a.hi - a.lo) <= e) & (np.abs(b.hi - b.lo) <= e) & (np.abs(a.lo - b.lo) <= e))
        raise EvaluationError(f"unknown comparison {op!r}")


    def _allow(self, e: np.ndarray, *sides: np.ndarray) -> np.ndarray:
        """The float tolerance ``e`` widened by the rule's ``tolerance`` (absolute, or of the larger side)."""
        if not self.tolerance:
            return e
        amount, relative = self.tolerance
        if not relative:
            return np.fmax(e, amount)
        scale = np.zeros_like(e)
        for s in sides:
            with np.errstate(invalid="ignore"):
                scale = np.fmax(scale, np.where(np.isfinite(s), np.abs(s), 0.0))
        return np.fmax(e, amount * scale)


def _numeric(column) -> np.ndarray:
    """A column as numbers where it holds them (``pandas.to_numeric(errors="coerce")``), NaN elsewhere."""
    if hasattr(column, "numeric"):  # a ColumnTable column
        return column.numeric()
    import pandas as pd  # a DataFrame's column: pandas is loaded already

    return pd.to_numeric(column, errors="coerce").to_numpy(dtype=float)


def _names(node: Node) -> list[str]:
    from figcheck.rules.expr import names

    return [n.name for n in names(node)]


def comparisons(node: Node) -> list[tuple[str, Node, Node]]:
    """Every (op, left, right) comparison in an expression, for explanations."""
    out: list[tuple[str, Node, Node]] = []
    if isinstance(node, Compare):
        out += list(zip(node.ops, node.operands, node.operands[1:]))
    elif isinstance(node, BoolOp):
        for v in node.values:
            out += comparisons(v)
    elif isinstance(node, Not):
        out += comparisons(node.operand)
    elif isinstance(node, Call) and node.func == "between":
        x, lo, hi = node.args
        out += [("<=", lo, x), ("<=", x, hi)]
    return out
