"""Rules across rows and on text, turned into plain row rules before any engine runs.

A table rule may compare text columns (``region == 'North'``, ``unit in ['a', 'b']``,
``matches(name, '^Tỉnh')``), aggregate over groups (``group_by`` with ``sum``, ``count``, ``min``,
``max``, ``mean``; ``children`` picks the rows aggregated, ``parent`` checks the aggregate on the row
whose key the group's rows name) and look along an order (``order_by`` with ``previous(x)``,
``cumsum(x)``, ``increasing(x)``, ``decreasing(x)``). Each of these becomes a derived column of the
records (intervals for numbers, booleans for conditions), and the rule is rewritten to name it, so the
pandas, polars, Spark and GX engines evaluate the same row rule on the same columns and agree by
construction.

Aggregates of intervals are intervals (a sum of lows, a sum of highs); a null cell is left out of an
aggregate; a group with no row to aggregate, a first row with no previous one, and a parent with no
children are not applicable.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from figcheck.rules import expr as rexpr
from figcheck.rules.model import Metric, Rule

KEYS = ("lo", "hi", "llo", "lhi")


@dataclass
class Prepared:
    rules: list[Rule]  # as the engines see them
    labels: dict[str, str] = field(default_factory=dict)  # derived name → how explanations write it
    groups: dict[str, np.ndarray] = field(default_factory=dict)  # rule id → group id of each row (-1: none)
    group_keys: dict[str, list[str]] = field(default_factory=dict)  # rule id → the group's key as text
    once_per_group: set[str] = field(default_factory=set)  # rules reported on one row per failing group
    sources: dict[str, list[str]] = field(default_factory=dict)  # derived name → the metrics it is made of


def needs_preparing(rule: Rule, metrics: dict[str, Metric]) -> bool:
    if rule.group_by is not None or rule.order_by or rule.reference is not None:
        return True
    nodes = [n for n in (rule.assert_ast, rule.where_ast) if n is not None]
    return any(_has_text(n, metrics) for n in nodes)


def _has_text(node: rexpr.Node, metrics: dict[str, Metric]) -> bool:
    return any(metrics.get(n.name) is not None and metrics[n.name].kind == "text" for n in rexpr.names(node)) \
        or any(isinstance(c, rexpr.Call) and c.func == "matches" for c in rexpr.calls(node))


class _Preparer:
    def __init__(self, records: dict[str, np.ndarray], texts: dict[str, np.ndarray], metrics: dict[str, Metric],
                 n: int, out: Prepared) -> None:
        self.records, self.texts, self.metrics, self.n, self.out = records, texts, metrics, n, out
        self.counter = 0

    # -- values ---------------------------------------------------------------------------------

    def _name(self, label: str, sources: list[str]) -> str:
        self.counter += 1
        name = f"~{self.counter}"
        self.out.labels[name] = label
        self.out.sources[name] = sources
        return name

    def _interval(self, metric: str) -> dict[str, np.ndarray]:
        r = self.records
        if f"{metric}.lo" in r:
            return {k: np.asarray(r[f"{metric}.{k}"], dtype=float) for k in KEYS} | {
                "value": np.asarray(r[f"{metric}.value"], dtype=float)}
        v = np.asarray(r[f"{metric}.value"], dtype=float)
        return {k: v for k in (*KEYS, "value")}

    def _store(self, name: str, cols: dict[str, np.ndarray]) -> None:
        for k, v in cols.items():
            self.records[f"{name}.{k}"] = v

    def _key_values(self, metric: str) -> np.ndarray:
        """A metric's cells as group or order keys: texts for text metrics, values for numbers."""
        if metric in self.texts:
            return self.texts[metric]
        v = self._interval(metric)["value"]
        return np.where(np.isnan(v), None, v).astype(object)

    # -- text conditions --------------------------------------------------------------------------

    def text_condition(self, node: rexpr.Node) -> rexpr.Node:
        """Text comparisons and matches() in ``node`` replaced by boolean columns."""

        def is_text(n):
            return isinstance(n, rexpr.Str) or isinstance(n, rexpr.Name) and n.name in self.texts

        def values(n):
            if isinstance(n, rexpr.Str):
                return np.full(self.n, n.value, dtype=object)
            return self.texts[n.name]

        def fn(n):
            if isinstance(n, rexpr.Call) and n.func == "matches":
                from figcheck.rules.textmatch import search

                cells = values(n.args[0])
                pattern = n.args[1].value
                cache: dict[str, bool] = {}
                out = np.zeros(self.n, dtype=bool)
                for i, c in enumerate(cells):
                    if c is not None:
                        if c not in cache:
                            cache[c] = search(pattern, c)
                        out[i] = cache[c]
                name = self._name(rexpr.to_text(n), [n.args[0].name] if isinstance(n.args[0], rexpr.Name) else [])
                self.records[name] = out
                return rexpr.Name(n.offset, name)
            if isinstance(n, rexpr.Compare) and any(is_text(a) for a in n.operands):
                parts = []
                for op, left, right in zip(n.ops, n.operands, n.operands[1:]):
                    a = values(left)
                    if op == "in":
                        wanted = {v.value for v in right.values}
                        out = np.array([x is not None and x in wanted for x in a], dtype=bool)
                    else:
                        b = values(right)
                        eq = np.array([x is not None and y is not None and x == y for x, y in zip(a, b)], dtype=bool)
                        present = np.array([x is not None and y is not None for x, y in zip(a, b)], dtype=bool)
                        out = eq if op == "==" else (~eq & present)
                    srcs = [x.name for x in (left, right) if isinstance(x, rexpr.Name)]
                    name = self._name(f"{rexpr.to_text(left)} {op} {rexpr.to_text(right)}", srcs)
                    self.records[name] = out
                    parts.append(rexpr.Name(n.offset, name))
                return parts[0] if len(parts) == 1 else rexpr.BoolOp(n.offset, "and", tuple(parts))
            if isinstance(n, rexpr.Compare) and any(isinstance(a, rexpr.Items) for a in n.operands):
                # a number in a list of numbers
                parts = []
                for op, left, right in zip(n.ops, n.operands, n.operands[1:]):
                    if op != "in":
                        parts.append(rexpr.Compare(n.offset, (op,), (left, right)))
                        continue
                    parts.append(rexpr.BoolOp(n.offset, "or", tuple(
                        rexpr.Compare(n.offset, ("==",), (left, v)) for v in right.values)) if len(right.values) > 1
                        else rexpr.Compare(n.offset, ("==",), (left, right.values[0])))
                return parts[0] if len(parts) == 1 else rexpr.BoolOp(n.offset, "and", tuple(parts))
            return None

        return rexpr.transform(node, fn)

    # -- groups -------------------------------------------------------------------------------------

    def groups(self, rule: Rule) -> tuple[np.ndarray, list[str]]:
        """Each row's group id (-1 where a key is null) and each group's key as text."""
        keys = list(rule.group_by or ())
        if not keys:
            return np.zeros(self.n, dtype=np.int64), ["the whole table"]
        frame = pd.DataFrame({k: self._key_values(k) for k in keys})
        ids = frame.groupby(keys, dropna=True, sort=False).ngroup().to_numpy()
        ids = np.where(np.isnan(ids.astype(float)), -1, ids).astype(np.int64) if ids.dtype.kind == "f" else ids
        texts = [""] * (int(ids.max()) + 1 if len(ids) and ids.max() >= 0 else 0)
        for i, g in enumerate(ids):
            if g >= 0 and not texts[g]:
                texts[g] = ", ".join(f"{k} = {_fmt_key(frame[k].iloc[i])}" for k in keys)
        return ids, texts

    def aggregates(self, node: rexpr.Node, rule: Rule, ids: np.ndarray, ngroups: int, children: np.ndarray,
                   target: np.ndarray) -> rexpr.Node:
        """sum/count/min/max/mean(x) over the group's ``children`` rows, read on each row at group ``target``."""

        def fn(n):
            if not (isinstance(n, rexpr.Call) and n.func in rexpr.AGGREGATES and len(n.args) == 1):
                return None
            if isinstance(n.args[0], rexpr.Name) and n.args[0].name in self.metrics:
                metric = n.args[0].name
            elif not isinstance(n.args[0], (rexpr.Name, rexpr.Num, rexpr.Str, rexpr.Items)):
                metric = self.expression(n.args[0])  # an aggregate of a row expression: max(votes / percent)
            else:
                return None
            iv = self._interval(metric)
            present = ~np.isnan(iv["lo"]) & children & (ids >= 0)
            g = ids[present]
            counts = np.bincount(g, minlength=ngroups).astype(float)
            cols: dict[str, np.ndarray] = {}
            for k in (*KEYS, "value"):
                vals = iv[k][present]
                if k in ("llo", "lhi"):  # an unbounded loose side is stored as NaN
                    vals = np.where(np.isnan(vals), -np.inf if k == "llo" else np.inf, vals)
                if n.func in ("sum", "mean"):
                    inf = np.isinf(vals)
                    total = np.bincount(g, weights=np.where(inf, 0.0, vals), minlength=ngroups)
                    pos = np.bincount(g, weights=(inf & (vals > 0)).astype(float), minlength=ngroups) > 0
                    neg = np.bincount(g, weights=(inf & (vals < 0)).astype(float), minlength=ngroups) > 0
                    total = np.where(pos, np.inf, np.where(neg, -np.inf, total))
                    per = total if n.func == "sum" else total / np.where(counts > 0, counts, np.nan)
                elif n.func == "count":
                    per = counts.copy()
                else:
                    per = np.full(ngroups, np.inf if n.func == "min" else -np.inf)
                    if len(g):
                        (np.minimum if n.func == "min" else np.maximum).at(per, g, vals)
                per = np.where(counts > 0, per, np.nan)
                per = np.append(per, np.nan)  # target -1: no group
                cols[k] = per[np.where(target >= 0, target, ngroups)]
            label = self.out.labels.get(metric, metric)
            name = self._name(f"{n.func}({label})", self.out.sources.get(metric, [metric]))
            self._store(name, cols)
            return rexpr.Name(n.offset, name)

        return rexpr.transform(node, fn)

    def expression(self, node: rexpr.Node) -> str:
        """A row expression's intervals (both readings) and written value as a derived figure."""
        from figcheck.validators.evaluate import Evaluator

        frame = pd.DataFrame(self.records, copy=False)
        strict, loose = Evaluator(frame, "strict").interval(node), Evaluator(frame, "loose").interval(node)
        written = Evaluator(pd.DataFrame({k: v for k, v in self.records.items()
                                          if k.endswith(".value") or "." not in k})).interval(node)
        present = Evaluator(frame, "strict").referenced_present(node)
        nan = np.full(self.n, np.nan)
        name = self._name(rexpr.pretty(node, lambda m: self.out.labels.get(m, m)), [x.name for x in rexpr.names(node)])
        self._store(name, {"lo": np.where(present, strict.lo, nan), "hi": np.where(present, strict.hi, nan),
                           "llo": np.where(present, loose.lo, nan), "lhi": np.where(present, loose.hi, nan),
                           "value": np.where(present, written.lo, nan)})
        return name

    # -- order ----------------------------------------------------------------------------------------

    def ordered(self, node: rexpr.Node, rule: Rule) -> rexpr.Node:
        """previous/cumsum(x) along ``order_by`` (within ``group_by``); increasing(x) is x >= previous(x)."""
        keys = list(rule.order_by or ())
        partition = rule.partition_by if rule.partition_by is not None else rule.group_by
        part_ids = (self.groups(dataclasses.replace(rule, group_by=partition))[0] if partition
                    else np.zeros(self.n, dtype=np.int64))
        frame = pd.DataFrame({f"k{i}": self._key_values(k) for i, k in enumerate(keys)})
        frame["part"] = part_ids
        frame["row"] = np.arange(self.n)
        order = frame.sort_values(["part", *[f"k{i}" for i in range(len(keys))], "row"], kind="stable",
                                  na_position="last")["row"].to_numpy()
        sorted_parts = part_ids[order]
        first = np.ones(self.n, dtype=bool)
        first[1:] = sorted_parts[1:] != sorted_parts[:-1]
        prev_row = np.full(self.n, -1, dtype=np.int64)
        prev_row[order[~first]] = order[np.flatnonzero(~first) - 1]
        prev_row[part_ids < 0] = -1
        self.prev_row = prev_row

        def previous(metric: str, offset: int) -> rexpr.Name:
            iv = self._interval(metric)
            cols = {k: np.where(prev_row >= 0, v[np.where(prev_row >= 0, prev_row, 0)], np.nan) for k, v in iv.items()}
            name = self._name(f"previous({self.out.labels.get(metric, metric)})", self.out.sources.get(metric, [metric]))
            self._store(name, cols)
            return rexpr.Name(offset, name)

        def fn(n):
            if not isinstance(n, rexpr.Call) or n.func not in rexpr.ORDERED:
                return None
            metric = n.args[0].name
            if n.func == "previous":
                return previous(metric, n.offset)
            if n.func == "cumsum":
                iv = self._interval(metric)
                cols = {}
                for k, v in iv.items():
                    s = pd.Series(np.nan_to_num(v[order], nan=0.0)).groupby(sorted_parts).cumsum().to_numpy()
                    out = np.empty(self.n)
                    out[order] = s
                    cols[k] = np.where(np.isnan(v), np.nan, out)
                name = self._name(f"cumsum({self.out.labels.get(metric, metric)})", self.out.sources.get(metric, [metric]))
                self._store(name, cols)
                return rexpr.Name(n.offset, name)
            op = ">=" if n.func == "increasing" else "<="
            return rexpr.Compare(n.offset, (op,), (rexpr.Name(n.offset, metric), previous(metric, n.offset)))

        return rexpr.transform(node, fn)


def _constant_in_groups(values: np.ndarray, ids: np.ndarray) -> bool:
    frame = pd.DataFrame({"g": ids, "v": values})
    frame = frame[frame["g"] >= 0]
    return bool((frame.groupby("g")["v"].nunique(dropna=False) <= 1).all())


def _fmt_key(v) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def prepare(rules: list[Rule], records: dict[str, np.ndarray], texts: dict[str, np.ndarray],
            metrics: dict[str, Metric], n: int) -> Prepared:
    """``rules`` as row rules over ``records`` (which gains the derived columns)."""
    out = Prepared(rules=[])
    p = _Preparer(records, texts, metrics, n, out)
    for rule in rules:
        if not needs_preparing(rule, metrics):
            out.rules.append(rule)
            continue
        where = p.text_condition(rule.where_ast) if rule.where_ast is not None else None
        assertion = p.text_condition(rule.assert_ast)
        if rule.group_by is not None and any(isinstance(c, rexpr.Call) and c.func in rexpr.AGGREGATES
                                             for c in rexpr.calls(assertion)):
            from figcheck.validators.evaluate import Evaluator

            ids, keys = p.groups(rule)
            children = np.ones(n, dtype=bool)
            if rule.children_ast is not None:
                cond = p.text_condition(rule.children_ast)
                children = Evaluator(pd.DataFrame(records, copy=False), "strict").possible(cond)
            target = ids
            if rule.sections_ast is not None:
                # a heading row and the rows below it, up to the next heading: checked on the heading
                heading = p.text_condition(rule.sections_ast)  # first: it adds the columns the evaluator reads
                starts = Evaluator(pd.DataFrame(records, copy=False), "strict").possible(heading)
                ids = np.cumsum(starts) - 1
                ids = np.where(ids >= 0, ids, -1).astype(np.int64)
                target = np.where(starts, ids, -1)
                children = children & ~starts
                heads = np.flatnonzero(starts)
                keys = [f"of the rows below row {h + 1}" for h in heads]
            elif rule.parent:
                # the parent row of group g is the row whose own key (``parent``) is g's key
                key_of_group = {}
                values = p._key_values(rule.group_by[0])
                for i, g in enumerate(ids):
                    if g >= 0:
                        key_of_group.setdefault(values[i], g)
                own = p._key_values(rule.parent)
                target = np.array([key_of_group.get(v, -1) if v is not None else -1 for v in own], dtype=np.int64)
            assertion = p.aggregates(assertion, rule, ids, len(keys), children, target)
            out.groups[rule.id] = target
            out.group_keys[rule.id] = keys
            plain = {x.name for x in rexpr.names(assertion) if not x.name.startswith("~")}
            if not rule.parent and rule.sections_ast is None and all(_constant_in_groups(p._key_values(m), ids) for m in plain):
                out.once_per_group.add(rule.id)  # every row of a group says the same: report the group once
        if rule.order_by:
            assertion = p.ordered(assertion, rule)
            if where is not None:
                where = p.ordered(where, rule)
        out.rules.append(dataclasses.replace(rule, assert_ast=assertion, where_ast=where))
    return out
