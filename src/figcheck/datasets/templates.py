"""Column patterns and templated rules: a 62-province table without a 136-line generated pack.

A pack declares a *family* of metrics by a name ending in ``.*`` (``prov.*``) and maps a column pattern
to it (``columns: {"*": prov.*}``, a shell-style glob matched against the columns no exact mapping or
metric name claims). Each matched column becomes a member metric (``prov.Hà Nội``) with the family's
settings. In a rule, ``sum(prov.*)`` (likewise ``min``, ``max``) is the sum over the members, row by
row; a family named anywhere else makes the rule a template, run once per member with the member's
column in its id (``rule[Hà Nội]``).
"""

from __future__ import annotations

import dataclasses
import fnmatch

from figcheck.rules import expr as rexpr
from figcheck.rules.model import Metric, Rule, RuleSet

ROW_AGGREGATES = ("sum", "min", "max")


def is_family(name: str) -> bool:
    return name.endswith(".*")


def pattern_columns(columns: list[str], ruleset: RuleSet, claimed: set[str]) -> dict[str, str]:
    """Columns (not ``claimed``) matched by the packs' column patterns → member metric names."""
    patterns = [(k, v) for p in ruleset.packs for k, v in p.columns.items()
                if is_family(v) and any(ch in k for ch in "*?[")]
    out: dict[str, str] = {}
    for col in columns:
        if col in claimed:
            continue
        for pattern, family in patterns:
            if fnmatch.fnmatchcase(col, pattern):
                out[col] = family[:-1] + col
                break
    return out


def member_metrics(members: dict[str, str], ruleset: RuleSet) -> dict[str, Metric]:
    """Each member metric, with its family's settings."""
    families = {name[:-1]: m for name, m in ruleset.metrics.items() if is_family(name)}
    out = {}
    for metric in members.values():
        prefix = next(p for p in families if metric.startswith(p))
        out[metric] = dataclasses.replace(families[prefix], name=metric)
    return out


def expand(rules: list[Rule], members: dict[str, str]) -> list[Rule]:
    """Rules naming a family, with the family's members (row aggregates) or once per member (templates)."""
    by_family: dict[str, list[str]] = {}
    for metric in members.values():
        for fam in _families_of(metric):
            by_family.setdefault(fam, []).append(metric)
    out: list[Rule] = []
    for rule in rules:
        used = {n.name for node in (rule.assert_ast, rule.where_ast) if node is not None
                for n in rexpr.names(node) if is_family(n.name)}
        if not used:
            out.append(rule)
            continue

        def aggregate(n, by_family=by_family):
            if isinstance(n, rexpr.Call) and n.func in ROW_AGGREGATES and len(n.args) == 1 \
                    and isinstance(n.args[0], rexpr.Name) and is_family(n.args[0].name):
                wanted = by_family.get(n.args[0].name, [])
                return rexpr.Call(n.offset, n.func, tuple(rexpr.Name(n.offset, m) for m in wanted)) if wanted \
                    else rexpr.Name(n.offset, n.args[0].name)  # no member: the rule is not evaluated
            return None

        a = rexpr.transform(rule.assert_ast, aggregate)
        w = rexpr.transform(rule.where_ast, aggregate) if rule.where_ast is not None else None
        rest = {n.name for node in (a, w) if node is not None for n in rexpr.names(node) if is_family(n.name)}
        if not rest or any(not by_family.get(f) for f in rest):
            out.append(dataclasses.replace(rule, assert_ast=a, where_ast=w))
            continue
        family = sorted(rest)[0]
        for member in by_family[family]:
            def one(n, member=member, family=family):
                if isinstance(n, rexpr.Name) and n.name == family:
                    return rexpr.Name(n.offset, member)
                return None

            column = next(c for c, m in members.items() if m == member)
            out.append(dataclasses.replace(
                rule, id=f"{rule.id}[{column}]", assert_ast=rexpr.transform(a, one),
                where_ast=rexpr.transform(w, one) if w is not None else None))
    return out


def _families_of(metric: str) -> list[str]:
    """The family names a member metric may belong to: "prov.Hà Nội" → ["prov.*"]."""
    out = []
    for i, ch in enumerate(metric):
        if ch == ".":
            out.append(metric[:i + 1] + "*")
    return out
