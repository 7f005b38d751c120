"""Synthetic datasets that satisfy a rule pack, with optional rows that break one named rule each.

Rows are built constructively, bounds first: a rule ``x <= y`` makes ``y`` an upper bound of ``x``, so
``y`` (the total) is drawn before ``x`` (the part), and ``x`` is drawn inside what every rule allows.
A row that is to break a rule has the part drawn just outside its bound. Every row is verified with the
same interval evaluator the checks use, so what the file promises is what ``check-table`` finds.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import numpy as np
import pandas as pd

from figcheck.rules.expr import BinOp, Call, Compare, Name, Node, Num, names
from figcheck.rules.model import Rule, RuleSet
from figcheck.validators.evaluate import Evaluator

MAX_TRIES = 400


@dataclass(frozen=True)
class Bound:
    target: str  # the metric bounded
    kind: str  # "upper" | "lower"
    expr: Node  # in terms of other metrics
    strict: bool


def _single(node: Node) -> str | None:
    return node.name if isinstance(node, Name) else None


def _bounds(rule: Rule) -> list[Bound]:
    """The bounds a rule's comparisons put on a lone metric on one side."""
    out: list[Bound] = []

    def visit(n: Node) -> None:
        if isinstance(n, Compare):
            for op, left, right in zip(n.ops, n.operands, n.operands[1:]):
                for target, other, side in ((_single(left), right, "left"), (_single(right), left, "right")):
                    if target is None:
                        continue
                    if op in ("<=", "<"):
                        kind = "upper" if side == "left" else "lower"
                    elif op in (">=", ">"):
                        kind = "lower" if side == "left" else "upper"
                    elif op == "==":
                        out.append(Bound(target, "upper", other, False))
                        out.append(Bound(target, "lower", other, False))
                        continue
                    else:
                        continue
                    out.append(Bound(target, kind, other, op in ("<", ">")))
                    break  # bound the left metric when both sides are lone metrics
        elif hasattr(n, "values"):
            for v in n.values:  # type: ignore[attr-defined]
                visit(v)

    visit(rule.assert_ast)
    return out


def _value(node: Node, row: dict[str, float]) -> float | None:
    if isinstance(node, Num):
        return node.value
    if isinstance(node, Name):
        return row.get(node.name)
    if isinstance(node, BinOp):
        a, b = _value(node.left, row), _value(node.right, row)
        if a is None or b is None:
            return None
        return {"+": a + b, "-": a - b, "*": a * b, "/": a / b if b else math.inf}[node.op]
    if isinstance(node, Call) and node.func in ("sum", "min", "max"):
        vals = [_value(a, row) for a in node.args]
        if any(v is None for v in vals):
            return None
        return {"sum": sum, "min": min, "max": max}[node.func](vals)  # type: ignore[arg-type]
    return None


class Synthesizer:
    def __init__(self, ruleset: RuleSet, seed: int = 0) -> None:
        from figcheck.datasets.cross_row import needs_preparing

        # rows are drawn one by one: rules across rows, on text or on other tables are not synthesized
        self.rules = [r for r in ruleset.rules if r.on == "record" and r.assert_ast is not None and r.where_ast is None
                      and not needs_preparing(r, ruleset.metrics) and not r.tolerance
                      and not any(n.name.endswith(".*") for n in names(r.assert_ast))]
        self.metrics = sorted({n.name for r in self.rules for n in names(r.assert_ast)})
        self.whole = {m: ruleset.metrics[m].whole if m in ruleset.metrics else True for m in self.metrics}
        self.bounds = [b for r in self.rules for b in _bounds(r)]
        self.rng = random.Random(seed)
        # draw order: a metric after every metric its bounds mention ("draw the total, then the parts")
        deps = {m: {n.name for b in self.bounds if b.target == m for n in names(b.expr)} - {m} for m in self.metrics}
        order: list[str] = []
        pending = set(self.metrics)
        while pending:
            ready = sorted(m for m in pending if deps[m] <= set(order)) or [sorted(pending)[0]]
            order.append(ready[0])
            pending.discard(ready[0])
        self.order = order

    def _draw(self, metric: str, row: dict[str, float], skip: Bound | None = None) -> float:
        lo, hi = 0.0, float(self.rng.choice([50, 200, 1000, 5000, 20000]))
        for b in self.bounds:
            if b.target != metric or b is skip:
                continue
            v = _value(b.expr, row)
            if v is None:
                continue
            if b.kind == "upper":
                hi = min(hi, v - (1 if b.strict else 0))
            else:
                lo = max(lo, v + (1 if b.strict else 0))
        if self.whole[metric]:
            lo, hi = math.ceil(lo), math.floor(hi)
            return float(self.rng.randint(int(lo), int(hi))) if lo <= hi else float(lo)
        return round(self.rng.uniform(lo, hi), 1) if lo <= hi else lo

    def _holds(self, row: dict[str, float]) -> list[str]:
        """The ids of the rules the row breaks."""
        frame = pd.DataFrame({f"{m}.{k}": [row[m]] for m in self.metrics for k in ("lo", "hi", "llo", "lhi")})
        ev = Evaluator(frame)
        return [r.id for r in self.rules if not bool(ev.possible(r.assert_ast)[0])]

    def row(self) -> dict[str, float]:
        for _ in range(MAX_TRIES):
            row: dict[str, float] = {}
            for m in self.order:
                row[m] = self._draw(m, row)
            if not self._holds(row):
                return row
        raise ValueError("no row satisfies every rule of the pack: " + ", ".join(self._holds(row)))

    def violating_row(self, rule: Rule) -> dict[str, float]:
        """A row that breaks ``rule`` and no other."""
        targets = [b for b in _bounds(rule)]
        if not targets:
            raise ValueError(f"rule {rule.id!r} bounds no single metric: figcheck cannot break it on purpose")
        for _ in range(MAX_TRIES):
            b = self.rng.choice(targets)
            row = self.row()
            v = _value(b.expr, row)
            if v is None:
                continue
            step = self.rng.choice([1, 2, 3, 5, 10, 25]) if self.whole[b.target] else round(self.rng.uniform(0.5, 5), 1)
            row[b.target] = v + step if b.kind == "upper" else v - step
            if row[b.target] < 0:
                continue
            if self._holds(row) == [rule.id]:
                return row
        raise ValueError(f"could not break rule {rule.id!r} alone")

    def frame(self, rows: int, violations: int = 0, rule_ids: list[str] | None = None) -> pd.DataFrame:
        targets = [r for r in self.rules if rule_ids is None or r.id in rule_ids]
        if violations and not targets:
            raise ValueError("no rule to break")
        bad_rows = set(self.rng.sample(range(rows), min(violations, rows)))
        data: list[dict[str, object]] = []
        k = 0
        for i in range(rows):
            if i in bad_rows:
                rule = targets[k % len(targets)]
                k += 1
                row: dict[str, object] = dict(self.violating_row(rule))
                row["expected_violation"] = rule.id
            else:
                row = dict(self.row())
                row["expected_violation"] = ""
            data.append({"id": f"r{i + 1}", **row})
        frame = pd.DataFrame(data)
        for m in self.metrics:
            if self.whole[m]:
                frame[m] = frame[m].astype(np.int64)
        return frame


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet reads as a formula


def defuse_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells a spreadsheet would run as a formula (a rule id like ``=HYPERLINK(…)``) quoted with
    a leading apostrophe, so they are shown as text; numbers are left as they are."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object:
            out[col] = out[col].map(lambda v: "'" + v if isinstance(v, str) and v.startswith(FORMULA_STARTS) else v)
    return out


def write_frame(frame: pd.DataFrame, path: str) -> None:
    """Write a table by its suffix, atomically (a temporary file beside it, then a rename).

    Text that would start a formula is written as text: in Excel a text cell as written, in CSV with a
    leading apostrophe (``defuse_formulas``)."""
    from figcheck.reports.output import output_path

    suffix = path.rsplit(".", 1)[-1].lower()
    with output_path(path, "." + suffix) as tmp:
        if suffix in ("parquet", "pq"):
            frame.to_parquet(tmp, index=False)
        elif suffix in ("jsonl", "ndjson"):
            frame.to_json(tmp, orient="records", lines=True, force_ascii=False)
        elif suffix == "xlsx":
            with pd.ExcelWriter(tmp, engine="openpyxl") as writer:
                frame.to_excel(writer, index=False)
                for sheet in writer.sheets.values():
                    for row in sheet.iter_rows():
                        for cell in row:
                            if cell.data_type == "f":
                                cell.data_type = "s"
        else:
            defuse_formulas(frame).to_csv(tmp, index=False)
