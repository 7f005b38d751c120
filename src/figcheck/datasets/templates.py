"""Column patterns and templated rules: a 62-province table without a 136-line generated pack.

A pack declares a *family* of metrics by a name ending in ``.*`` (``prov.*``) and maps a column pattern
to it, matched against the columns no exact mapping or metric name claims:

* a shell-style glob: ``"*": prov.*`` — each matched column is a member named by the column
  (``prov.Hà Nội``);
* a pattern with placeholders: ``"{year} Area (Km2)": area.{year}`` — the member is named by what the
  placeholder matched (``area.2011``), so families read from the same year line up.

Each member has its family's settings. In a rule, ``sum(prov.*)`` (likewise ``min``, ``max``) is the sum
over the members, row by row; a family named anywhere else makes the rule a template, run once per
member suffix that every family it names has, with the suffix in its id (``rule[2011]``). In a
``group_by`` rule the aggregates are over rows, so every family there is a template.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import re

from figcheck.rules import expr as rexpr
from figcheck.rules.model import Metric, Rule, RuleSet
from figcheck.rules.table_rules import family_of, is_family  # the loader checks packs with them

ROW_AGGREGATES = ("sum", "min", "max")
_PLACEHOLDER = re.compile(r"\{([^\W\d]\w*)\}")


def _matcher(pattern: str, target: str):
    """A function column → member suffix (or None) for one ``columns`` entry that is a pattern."""
    if _PLACEHOLDER.search(target) and _PLACEHOLDER.search(pattern):
        parts, pos = [], 0
        for m in _PLACEHOLDER.finditer(pattern):
            parts.append(re.escape(pattern[pos:m.start()]))
            parts.append(f"(?P<{m.group(1)}>.+?)")
            pos = m.end()
        parts.append(re.escape(pattern[pos:]))
        regex = re.compile("".join(parts) + r"\Z")

        def match(col: str):
            m = regex.match(col)
            return _PLACEHOLDER.sub(lambda p: m.group(p.group(1)), target)[len(target.split("{")[0]):] if m else None

        return match
    if is_family(target) and any(ch in pattern for ch in "*?["):
        return lambda col: col if fnmatch.fnmatchcase(col, pattern) else None
    return None


def pattern_columns(columns: list[str], ruleset: RuleSet, claimed: set[str]) -> dict[str, str]:
    """Columns (not ``claimed``) matched by the packs' column patterns → member metric names."""
    matchers = []
    for p in ruleset.packs:
        for pattern, target in p.columns.items():
            family = family_of(target)
            if family is None:
                continue
            m = _matcher(pattern, target)
            if m is not None:
                matchers.append((family, m))
    out: dict[str, str] = {}
    for col in columns:
        if col in claimed:
            continue
        for family, match in matchers:
            suffix = match(col)
            if suffix:
                out[col] = family[:-1] + suffix
                break
    return out


def member_metrics(members: dict[str, str], ruleset: RuleSet) -> dict[str, Metric]:
    """Each member metric, with its family's settings (or its own, where the pack declares the member)."""
    families = {name[:-1]: m for name, m in ruleset.metrics.items() if is_family(name)}
    out = {}
    for metric in members.values():
        if metric in ruleset.metrics:
            continue  # declared on its own (density.2014: {decimals: 0})
        prefix = max((p for p in families if metric.startswith(p)), key=len)
        out[metric] = dataclasses.replace(families[prefix], name=metric)
    return out


def expand(rules: list[Rule], members: dict[str, str], families: set[str] | None = None) -> list[Rule]:
    """Rules naming a family, with the family's members (row aggregates) or once per member (templates)."""
    by_family: dict[str, dict[str, str]] = {}  # family → suffix → member
    fams = families if families is not None else set()
    for metric in members.values():
        for fam in fams or _families_of(metric):
            if metric.startswith(fam[:-1]):
                by_family.setdefault(fam, {})[metric[len(fam) - 1:]] = metric
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
                wanted = list(by_family.get(n.args[0].name, {}).values())
                return rexpr.Call(n.offset, n.func, tuple(rexpr.Name(n.offset, m) for m in wanted)) if wanted \
                    else rexpr.Name(n.offset, n.args[0].name)  # no member: the rule is not evaluated
            return None

        if rule.group_by is None:
            a = rexpr.transform(rule.assert_ast, aggregate)
            w = rexpr.transform(rule.where_ast, aggregate) if rule.where_ast is not None else None
        else:
            a, w = rule.assert_ast, rule.where_ast
        rest = sorted({n.name for node in (a, w) if node is not None for n in rexpr.names(node) if is_family(n.name)})
        if not rest or any(not by_family.get(f) for f in rest):
            out.append(dataclasses.replace(rule, assert_ast=a, where_ast=w))
            continue
        suffixes = [s for s in by_family[rest[0]] if all(s in by_family[f] for f in rest)]
        for suffix in suffixes:
            def one(n, suffix=suffix, rest=rest):
                if isinstance(n, rexpr.Name) and n.name in rest:
                    return rexpr.Name(n.offset, by_family[n.name][suffix])
                return None

            out.append(dataclasses.replace(
                rule, id=f"{rule.id}[{suffix}]", assert_ast=rexpr.transform(a, one),
                where_ast=rexpr.transform(w, one) if w is not None else None))
    return out


def _families_of(metric: str) -> list[str]:
    """The family names a member metric may belong to: "prov.Hà Nội" → ["prov.*"]."""
    return [metric[:i + 1] + "*" for i, ch in enumerate(metric) if ch == "."]
