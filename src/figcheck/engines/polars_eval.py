"""The same interval semantics as :mod:`figcheck.validators.evaluate`, compiled to polars expressions.

A rule's AST becomes one boolean polars expression per reading, so pandera's polars backend can run it
lazily over the whole table. Missing figures (NaN or null) make a row not applicable, exactly as in the
pandas evaluator; polars orders NaN above every number, so presence is tested before comparing.
"""

from __future__ import annotations

import polars as pl

from figcheck.rules.expr import BinOp, Call, Name, Node, Num, Neg, names
from figcheck.engines.compiled_truth import TruthCompiler
from figcheck.validators.evaluate import EPS, EvaluationError


def _finite_abs(e: pl.Expr) -> pl.Expr:
    return pl.when(e.is_finite()).then(e.abs()).otherwise(1.0)


class PolarsCompiler(TruthCompiler):
    def __init__(self, columns: set[str], reading: str = "strict", tolerance: tuple[float, bool] | None = None) -> None:
        self.columns = columns
        self.lo_key, self.hi_key = ("lo", "hi") if reading == "strict" else ("llo", "lhi")
        self.tolerance = tolerance

    def flag_truth(self, node: Name) -> pl.Expr | None:
        """A condition computed before the engine runs (a text comparison): a boolean column."""
        if node.name in self.columns:
            return pl.col(node.name).fill_null(False)
        return None

    def _allow(self, e: pl.Expr, *sides: pl.Expr) -> pl.Expr:
        if not self.tolerance:
            return e
        amount, relative = self.tolerance
        if not relative:
            return pl.max_horizontal(e, pl.lit(amount))
        scale = pl.max_horizontal([pl.when(s.is_finite()).then(s.abs()).otherwise(0.0) for s in sides])
        return pl.max_horizontal(e, scale * amount)

    def present(self, node: Node) -> pl.Expr:
        """Rows where every figure the expression names is present."""
        out = pl.lit(True)
        for n in {n.name for n in names(node)}:
            if f"{n}.lo" not in self.columns and f"{n}.value" not in self.columns:
                continue  # a condition column, not a figure
            col = pl.col(f"{n}.lo" if f"{n}.lo" in self.columns else f"{n}.value")
            out = out & col.is_not_null() & col.is_not_nan()
        return out

    def interval(self, node: Node) -> tuple[pl.Expr, pl.Expr]:
        if isinstance(node, Num):
            return pl.lit(node.value), pl.lit(node.value)
        if isinstance(node, Name):
            if f"{node.name}.lo" not in self.columns:
                if f"{node.name}.value" in self.columns:  # an exact figure, stored by its value alone
                    return pl.col(f"{node.name}.value"), pl.col(f"{node.name}.value")
                raise EvaluationError(f"no figure {node.name!r} in this table")
            return pl.col(f"{node.name}.{self.lo_key}"), pl.col(f"{node.name}.{self.hi_key}")
        if isinstance(node, Neg):
            lo, hi = self.interval(node.operand)
            return -hi, -lo
        if isinstance(node, BinOp):
            (alo, ahi), (blo, bhi) = self.interval(node.left), self.interval(node.right)
            if node.op == "+":
                return alo + blo, ahi + bhi
            if node.op == "-":
                return alo - bhi, ahi - blo
            if node.op in ("*", "/"):
                if node.op == "/":
                    spans_zero = (blo <= 0) & (bhi >= 0)
                    blo, bhi = 1.0 / bhi, 1.0 / blo
                prods = [alo * blo, alo * bhi, ahi * blo, ahi * bhi]
                lo, hi = pl.min_horizontal(prods), pl.max_horizontal(prods)
                if node.op == "/":
                    lo = pl.when(spans_zero).then(float("-inf")).otherwise(lo)
                    hi = pl.when(spans_zero).then(float("inf")).otherwise(hi)
                return lo, hi
        if isinstance(node, Call):
            if node.func == "abs":
                lo, hi = self.interval(node.args[0])
                return (pl.when(lo >= 0).then(lo).when(hi <= 0).then(-hi).otherwise(0.0),
                        pl.when(lo >= 0).then(hi).when(hi <= 0).then(-lo).otherwise(pl.max_horizontal(-lo, hi)))
            parts = [self.interval(a) for a in node.args]
            if node.func == "sum":
                return pl.sum_horizontal([p[0] for p in parts]), pl.sum_horizontal([p[1] for p in parts])
            if node.func == "min":
                return pl.min_horizontal([p[0] for p in parts]), pl.min_horizontal([p[1] for p in parts])
            if node.func == "max":
                return pl.max_horizontal([p[0] for p in parts]), pl.max_horizontal([p[1] for p in parts])
        raise EvaluationError(f"cannot compile {type(node).__name__} for polars")

    def true(self) -> pl.Expr:
        return pl.lit(True)

    def compare(self, op: str, left: Node, right: Node, necessary: bool) -> pl.Expr:
        (alo, ahi), (blo, bhi) = self.interval(left), self.interval(right)
        if op in (">=", ">"):
            (alo, ahi), (blo, bhi) = (blo, bhi), (alo, ahi)
            op = "<=" if op == ">=" else "<"
        if op in ("<=", "<"):
            # the tolerance scales with the two bounds compared (the same in the pandas evaluator)
            x, y = (ahi, blo) if necessary else (alo, bhi)
            e = self._allow(pl.max_horizontal(pl.lit(1.0), _finite_abs(x), _finite_abs(y)) * EPS, x, y)
            return (x <= y + e) if op == "<=" else (x < y - e)
        e = self._allow(pl.max_horizontal(pl.lit(1.0), _finite_abs(alo), _finite_abs(ahi), _finite_abs(blo),
                                          _finite_abs(bhi)) * EPS, alo, ahi, blo, bhi)
        point = ((ahi - alo).abs() <= e) & ((bhi - blo).abs() <= e) & ((alo - blo).abs() <= e)
        if op == "==":
            return point if necessary else (alo <= bhi + e) & (blo <= ahi + e)
        if op == "!=":
            return ((ahi < blo - e) | (bhi < alo - e)) if necessary else ~point
        raise EvaluationError(f"unknown comparison {op!r}")
