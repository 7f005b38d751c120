"""The interval semantics of :mod:`figcheck.validators.evaluate`, compiled to Spark column expressions.

A rule's AST becomes Spark ``Column`` expressions over one row (a column of a DataFrame, or the
element of an array inside a ``transform``), so every rule of a pack runs in one projection over the
data. The numpy evaluator is the reference: NaN there is null here, and because Spark orders NaN
above every number and divides by zero differently, every arithmetic result that numpy would make
NaN is turned into null and every comparison with null counts as false, as numpy's does.

A rule that cannot be compiled raises :class:`~figcheck.validators.evaluate.EvaluationError`; the
callers then evaluate it with the numpy evaluator, which reports it exactly as the local engines do.
"""

from __future__ import annotations

from collections.abc import Callable

from pyspark.sql import Column
from pyspark.sql import functions as F

from figcheck.rules.expr import BinOp, Call, Name, Node, Num, Neg, Str, names
from figcheck.engines.compiled_truth import TruthCompiler
from figcheck.validators.evaluate import EPS, EvaluationError

INF = float("inf")
NUMERIC_KINDS = ("float", "int", "bool")

# bit flags of a rule's outcome on one row, as the Spark engine returns it
APPLIES, HOLDS_STRICT, HOLDS_LOOSE = 1, 2, 4


def _nn(c: Column) -> Column:
    """NaN (inf - inf, 0 * inf…) as null, so that it never compares true as Spark's NaN can.

    ``nanvl`` names ``c`` once: a CASE naming it twice would double the expression at every level of
    nesting, and Spark would evaluate trees exponential in the rule's depth.
    """
    return F.nanvl(c, F.lit(None).cast("double"))


def _finite_abs(c: Column) -> Column:
    # null and NaN fail the comparison (Spark orders NaN above infinity): both count as 1, as in numpy
    return F.when(F.abs(c) < F.lit(INF), F.abs(c)).otherwise(F.lit(1.0))


def _eps(*cols: Column) -> Column:
    return F.greatest(F.lit(1.0), *[_finite_abs(c) for c in cols]) * F.lit(EPS)


def _false_if_null(c: Column) -> Column:
    return F.coalesce(c, F.lit(False))


def _divide(x: Column, y: Column) -> Column:
    """numpy's x / y: ±inf for a non-zero x over zero, NaN (null) for 0 / 0; never Spark's error."""
    by_zero = F.when(x > 0, F.lit(INF)).when(x < 0, F.lit(-INF)).otherwise(F.lit(None).cast("double"))
    return F.when(y == 0, by_zero).otherwise(_nn(x / y))


class SparkCompiler(TruthCompiler):
    """Compiles expressions for rows whose fields ``get(key)`` returns, of the kinds ``kinds`` lists.

    ``kinds`` maps a column name as the pandas tables name it (``part.lo``, ``exhaustive``) to its kind:
    float, int, bool, str or ids (ids are never read by an expression).
    """

    def __init__(self, kinds: dict[str, str], get: Callable[[str], Column], reading: str = "strict") -> None:
        self.kinds = kinds
        self.get = get
        self.lo_key, self.hi_key = ("lo", "hi") if reading == "strict" else ("llo", "lhi")

    # -- names ---------------------------------------------------------------------------------------

    def has_number(self, name: str) -> bool:
        return f"{name}.lo" in self.kinds or self._exact(name)

    def _exact(self, name: str) -> bool:
        return f"{name}.lo" not in self.kinds and f"{name}.value" in self.kinds

    def is_list(self, name: str) -> bool:
        return f"{name}.n" in self.kinds

    def _col(self, key: str) -> Column:
        if key not in self.kinds:
            return F.lit(None).cast("double")
        return self.get(key).cast("double")

    def number(self, name: str) -> tuple[Column, Column]:
        if self._exact(name):
            v = self._col(f"{name}.value")
            return v, v
        lo, hi = self._col(f"{name}.{self.lo_key}"), self._col(f"{name}.{self.hi_key}")
        present = self._col(f"{name}.lo").isNotNull()
        # an unbounded side of a loose reading is stored as missing next to a present strict value
        return (F.when(lo.isNull() & present, F.lit(-INF)).otherwise(lo),
                F.when(hi.isNull() & present, F.lit(INF)).otherwise(hi))

    def present(self, node: Node) -> Column:
        """Rows where every figure the expression names is present (the others are not applicable)."""
        out = F.lit(True)
        for n in dict.fromkeys(x.name for x in names(node)):
            if self.is_list(n):
                out = out & _false_if_null(self._col(f"{n}.n") > 0)
            elif self.has_number(n):
                out = out & self._col(f"{n}.value" if self._exact(n) else f"{n}.lo").isNotNull()
        return out

    # -- numbers ---------------------------------------------------------------------------------------

    def interval(self, node: Node) -> tuple[Column, Column]:
        if isinstance(node, Num):
            v = F.lit(float(node.value))
            return v, v
        if isinstance(node, Name):
            if self.is_list(node.name):
                raise EvaluationError(f"{node.name!r} is a list: use sum({node.name}), min(…), max(…) or count(…)")
            if not self.has_number(node.name):
                if node.name in self.kinds:
                    kind = self.kinds[node.name]
                    if kind in NUMERIC_KINDS:
                        v = self.get(node.name).cast("double")
                    elif kind == "str":
                        v = _nn(self.get(node.name).try_cast("double"))
                    else:
                        raise EvaluationError(f"{node.name!r} is not a number")
                    return v, v
                raise EvaluationError(f"no figure {node.name!r} in this table")
            return self.number(node.name)
        if isinstance(node, Neg):
            lo, hi = self.interval(node.operand)
            return -hi, -lo
        if isinstance(node, BinOp):
            (alo, ahi), (blo, bhi) = self.interval(node.left), self.interval(node.right)
            if node.op == "+":
                return _nn(alo + blo), _nn(ahi + bhi)
            if node.op == "-":
                return _nn(alo - bhi), _nn(ahi - blo)
            if node.op == "*":
                prods = [_nn(alo * blo), _nn(alo * bhi), _nn(ahi * blo), _nn(ahi * bhi)]
                return F.least(*prods), F.greatest(*prods)  # both skip nulls, as nanmin/nanmax skip NaN
            if node.op == "/":
                spans_zero = (blo <= 0) & (bhi >= 0)
                quots = [_divide(alo, blo), _divide(alo, bhi), _divide(ahi, blo), _divide(ahi, bhi)]
                return (F.when(spans_zero, F.lit(-INF)).otherwise(F.least(*quots)),
                        F.when(spans_zero, F.lit(INF)).otherwise(F.greatest(*quots)))
            raise EvaluationError(f"unknown operator {node.op!r}")
        if isinstance(node, Call):
            return self._call(node)
        raise EvaluationError(f"not a number: {type(node).__name__}")

    def _call(self, node: Call) -> tuple[Column, Column]:
        f, args = node.func, node.args
        if f in ("sum", "min", "max") and len(args) == 1 and isinstance(args[0], Name) and self.is_list(args[0].name):
            return self.number(f"{args[0].name}.{f}")
        if f == "count":
            a = args[0]
            if isinstance(a, Name) and self.is_list(a.name):
                v = F.coalesce(self._col(f"{a.name}.n"), F.lit(0.0))
                return v, v
            raise EvaluationError("count() takes a list")
        if f == "abs":
            lo, hi = self.interval(args[0])
            return (F.when(lo >= 0, lo).when(hi <= 0, -hi).otherwise(F.lit(0.0)),
                    F.when(lo >= 0, hi).when(hi <= 0, -lo).otherwise(F.greatest(-lo, hi)))
        parts = [self.interval(a) for a in args]
        los, his = [p[0] for p in parts], [p[1] for p in parts]
        if f == "sum":
            lo, hi = los[0], his[0]
            for a, b in zip(los[1:], his[1:]):
                lo, hi = _nn(lo + a), _nn(hi + b)
            return lo, hi
        if f in ("min", "max"):
            agg = F.least if f == "min" else F.greatest
            # numpy's min and max propagate NaN; Spark's least and greatest skip null: say so explicitly
            any_lo_null = F.lit(False)
            any_hi_null = F.lit(False)
            for a, b in zip(los, his):
                any_lo_null = any_lo_null | a.isNull()
                any_hi_null = any_hi_null | b.isNull()
            null = F.lit(None).cast("double")
            return (F.when(any_lo_null, null).otherwise(agg(*los) if len(los) > 1 else los[0]),
                    F.when(any_hi_null, null).otherwise(agg(*his) if len(his) > 1 else his[0]))
        raise EvaluationError(f"{f}() does not give a number")

    # -- truth ---------------------------------------------------------------------------------------

    def possible(self, node: Node) -> Column:
        return self.truth(node, necessary=False)

    def true(self) -> Column:
        return F.lit(True)

    def _is_flag(self, node: Node) -> bool:
        return isinstance(node, Str) or (isinstance(node, Name) and not self.has_number(node.name)
                                         and not self.is_list(node.name) and node.name in self.kinds)

    def flag_truth(self, node: Name) -> Column | None:
        return self._flag_truth(node.name) if self._is_flag(node) else None

    def _flag_truth(self, name: str) -> Column:
        """Python's ``bool(v) and v == v``: set, not zero, not empty, not NaN."""
        kind, c = self.kinds[name], self.get(name)
        if kind == "bool":
            return _false_if_null(c)
        if kind == "str":
            return _false_if_null(c != "")
        if kind in ("int", "float"):
            return _false_if_null((c != 0) & ~F.isnan(c.cast("double")))
        raise EvaluationError(f"{name!r} cannot be read as true or false")

    def _flag_side(self, node: Node) -> tuple[str, Column | None, object]:
        """(kind, column or None, literal): one side of a flag comparison."""
        if isinstance(node, Str):
            return "str", None, node.value
        if isinstance(node, Num):
            return "num", None, float(node.value)
        if isinstance(node, Name) and node.name in self.kinds:
            kind = self.kinds[node.name]
            if kind == "ids":
                raise EvaluationError(f"{node.name!r} is a list of figures")
            return ("str" if kind == "str" else "num"), self.get(node.name), None
        raise EvaluationError(f"no column {getattr(node, 'name', node)!r} in this table")

    def _flag_equal(self, left: Node, right: Node) -> Column:
        """Python's ``x == y`` between flag values: None equals only None, NaN nothing, 'a' never 1."""
        (ka, ca, va), (kb, cb, vb) = self._flag_side(left), self._flag_side(right)
        if ca is None and cb is None:
            return F.lit(va == vb)
        if ca is None or cb is None:
            col, kcol, val, kval = (cb, kb, va, ka) if ca is None else (ca, ka, vb, kb)
            if kcol != kval:
                return F.lit(False)
            if kcol == "num":
                return _false_if_null(col.cast("double") == F.lit(val))
            return _false_if_null(col == F.lit(val))
        if ka != kb:
            return ca.isNull() & cb.isNull()
        if ka == "num":
            a, b = ca.cast("double"), cb.cast("double")
            return (a.isNull() & b.isNull()) | _false_if_null((a == b) & ~F.isnan(a))
        return ca.eqNullSafe(cb)

    def compare(self, op: str, left: Node, right: Node, necessary: bool) -> Column:
        if self._is_flag(left) or self._is_flag(right):
            eq = self._flag_equal(left, right)
            if op == "==":
                return eq
            if op == "!=":
                return ~eq
            raise EvaluationError(f"{op!r} compares numbers, not words")
        (alo, ahi), (blo, bhi) = self.interval(left), self.interval(right)
        if op in ("<=", "<", ">=", ">"):
            if op in (">=", ">"):
                (alo, ahi), (blo, bhi) = (blo, bhi), (alo, ahi)
                op = "<=" if op == ">=" else "<"
            x, y = (ahi, blo) if necessary else (alo, bhi)
            e = _eps(x, y)
            return _false_if_null((x <= _nn(y + e)) if op == "<=" else (x < _nn(y - e)))
        e = _eps(alo, ahi, blo, bhi)
        point = (_false_if_null(F.abs(_nn(ahi - alo)) <= e) & _false_if_null(F.abs(_nn(bhi - blo)) <= e)
                 & _false_if_null(F.abs(_nn(alo - blo)) <= e))
        if op == "==":
            return point if necessary else (_false_if_null(alo <= _nn(bhi + e)) & _false_if_null(blo <= _nn(ahi + e)))
        if op == "!=":
            return (_false_if_null(ahi < _nn(blo - e)) | _false_if_null(bhi < _nn(alo - e))) if necessary else ~point
        raise EvaluationError(f"unknown comparison {op!r}")


def rule_code(rule, kinds: dict[str, str], get: Callable[[str], Column], scope_of: Callable[[], Column] | None = None
              ) -> Column:
    """One rule's outcome on a row as bit flags: APPLIES, HOLDS_STRICT, HOLDS_LOOSE.

    ``applies`` is the engine's: the record scope, the ``where`` filter (present and possibly true on
    the strict reading) and the assertion's figures present.
    """
    strict = SparkCompiler(kinds, get, "strict")
    loose = SparkCompiler(kinds, get, "loose")
    applies = strict.present(rule.assert_ast)
    if rule.on == "record" and scope_of is not None:
        applies = applies & _false_if_null(scope_of() == F.lit(rule.scope))
    if rule.where_ast is not None:
        applies = applies & strict.present(rule.where_ast) & strict.possible(rule.where_ast)
    code = (F.when(applies, F.lit(APPLIES)).otherwise(F.lit(0))
            + F.when(strict.possible(rule.assert_ast), F.lit(HOLDS_STRICT)).otherwise(F.lit(0))
            + F.when(loose.possible(rule.assert_ast), F.lit(HOLDS_LOOSE)).otherwise(F.lit(0)))
    return code.cast("byte")
