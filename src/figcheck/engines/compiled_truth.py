"""The logic of a rule's truth, shared by the compilers that turn rules into another engine's expressions.

A compiled expression (a polars ``Expr``, a Spark ``Column``) combines with ``&``, ``|`` and ``~``;
what differs between engines is only how one comparison and one flag are written, which the subclasses
give. ``necessary`` flips under ``not``, as in the numpy evaluator (figcheck.validators.evaluate).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from figcheck.rules.expr import BoolOp, Call, Compare, Name, Node, Not
from figcheck.validators.evaluate import EvaluationError


class TruthCompiler(ABC):
    @abstractmethod
    def true(self) -> Any:
        """The engine's literal True."""

    @abstractmethod
    def compare(self, op: str, left: Node, right: Node, necessary: bool) -> Any:
        """The engine's comparison of two intervals: possible, or with ``necessary`` necessary."""

    def flag_truth(self, node: Name) -> Any | None:
        """A bare flag as a condition (``where: exhaustive``), or None where the engine has no flags."""
        return None

    def truth(self, node: Node, necessary: bool = False) -> Any:
        if isinstance(node, BoolOp):
            parts = [self.truth(v, necessary) for v in node.values]
            out = parts[0]
            for p in parts[1:]:
                out = (out & p) if node.op == "and" else (out | p)
            return out
        if isinstance(node, Not):
            return ~self.truth(node.operand, not necessary)
        if isinstance(node, Compare):
            out = self.true()
            for op, left, right in zip(node.ops, node.operands, node.operands[1:]):
                out = out & self.compare(op, left, right, necessary)
            return out
        if isinstance(node, Name):
            flag = self.flag_truth(node)
            if flag is not None:
                return flag
        if isinstance(node, Call) and node.func == "between":
            x, lo, hi = node.args
            return self.compare("<=", lo, x, necessary) & self.compare("<=", x, hi, necessary)
        raise EvaluationError("expected a comparison, a flag, 'and', 'or' or 'not'")
